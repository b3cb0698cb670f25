"""Adding a sixth article to a copy of the seeds (add-article, the one-article
ingest): files, metadata, a draft annotation of automatic rows, and a build
that loads it. The real seeds/ is never touched."""

import hashlib
import shutil
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner

from peshawar.cli import cli
from peshawar.drafts import AddError, draft_annotation, metadata_entry
from peshawar.ingest.add import add_article
from peshawar.extractor import analyse, load_registry
from peshawar.dataset.load import build_database

ROOT = Path(__file__).resolve().parents[1]

# Written for this test; it borrows actors the registry knows (the AP, Malala
# Yousafzai) so that speakers and citations resolve.
ARTICLE = """Schools Reopen in the Valley a Year After the Floods

By Sara Khan
January 12, 2016

Classes resumed on Monday at 40 schools that had been closed for a year, according to The Associated Press.

"Every child deserves a classroom," Malala Yousafzai said in a statement. "We cannot let another year go by."

Teachers said at least 1,200 pupils returned. The "temporary" classrooms will stay, and about 300 families were still waiting for homes, the Valley Herald reported.

Officials said at least 1,200 pupils returned on the first day.
"""


@pytest.fixture
def tmp_seeds(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    return seeds


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "schools-reopen.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_added_article_is_built_with_automatic_rows(tmp_seeds, article_file, tmp_path):
    before = (tmp_seeds / "articles.yml").read_bytes()
    summary = add_article(tmp_seeds, article_file, "schools-reopen", published_date="2016-01-12")

    assert (tmp_seeds / "articles" / "schools-reopen.txt").read_bytes() == article_file.read_bytes()
    assert (tmp_seeds / "articles.yml").read_bytes() == before, "the curated list is not rewritten"
    draft = yaml.safe_load((tmp_seeds / "annotations" / "schools-reopen.yml").read_text(encoding="utf-8"))
    assert draft["status"] == "draft"
    # The article's metadata travels in its own draft: one text and one YAML file per article.
    assert draft["metadata"]["file"] == "schools-reopen.txt"
    assert draft["metadata"]["published_date"]["value"] == "2016-01-12"
    assert summary["quotes"] == 2 and summary["citations"] >= 1

    db_path = tmp_path / "peshawar.db"
    counts, review = build_database(tmp_seeds, db_path)
    db = sqlite_utils.Database(db_path)
    article = db["articles"].get("schools-reopen")
    assert article["annotation_status"] == "draft"
    assert article["title"] == "Schools Reopen in the Valley a Year After the Floods"
    assert article["published_date"] == "2016-01-12"
    for table in ("quotes", "claims", "citations"):
        rows = list(db[table].rows_where("article_id = ?", ["schools-reopen"]))
        assert rows, table
        assert {r["method"] for r in rows} == {"automatic"}
        assert all(r["rule"] and 0 <= r["confidence"] <= 1 for r in rows)
    speakers = {r["speaker_id"] for r in db["quotes"].rows_where("article_id = ?", ["schools-reopen"])}
    assert speakers == {"malala-yousafzai"}
    cited = {r["cited_id"] for r in db["citations"].rows_where("article_id = ?", ["schools-reopen"])}
    assert "associated-press" in cited
    # The scare quote is left for a person: a gap in the review queue, not a failed build.
    marks = [g for g in db["review_queue"].rows_where("article_id = ? and kind = 'unaccounted_quotation_mark'", ["schools-reopen"])]
    assert {g["start_char"] for g in marks} == {ARTICLE.index('"temporary"'), ARTICLE.index('"temporary"') + 10}
    assert review["unaccounted_quotation_mark"] == db["review_queue"].count_where("kind = 'unaccounted_quotation_mark'")
    # The five seed articles are still there and still curated where they were.
    assert db["articles"].count == counts["articles"]
    db.close()


def test_draft_rows_are_automatic_with_stable_unique_ids(tmp_seeds, article_file):
    registry = load_registry(tmp_seeds)
    result = analyse(ARTICLE, registry)
    first, needs_person = draft_annotation("schools-reopen", ARTICLE, result)
    second, _ = draft_annotation("schools-reopen", ARTICLE, analyse(ARTICLE, registry))
    assert first == second
    ids = [row["id"] for key in ("quotes", "claims", "citations") for row in first[key]]
    assert len(ids) == len(set(ids))
    assert first["quotes"][0]["id"] == "schools-reopen-auto-q001"
    assert all(row["method"] == "automatic" and row["rule"] for key in ("quotes", "claims", "citations") for row in first[key])
    # The repeated phrase is told apart by its occurrence.
    repeated = [row for row in first["claims"] if row["text"] == "at least 1,200 pupils"]
    assert [row.get("occurrence") for row in repeated] == [1, 2]
    # The unknown outlet cannot be a citation row: it is listed for a person.
    assert [c["cited"] for c in needs_person] == ["the Valley Herald"]


def test_provenance_is_honest_about_given_values(tmp_seeds):
    registry = load_registry(tmp_seeds)
    entry = metadata_entry("schools-reopen", "schools-reopen.txt", ARTICLE, registry,
                           outlet="nbc-news", published_date="2016-01-12", byline="Sara Khan")
    assert entry["title"] == {"value": "Schools Reopen in the Valley a Year After the Floods", "status": "stated"}
    assert entry["published_date"]["status"] == "stated"
    assert entry["published_date"]["evidence"] == "January 12, 2016"
    assert entry["byline"] == {"value": "Sara Khan", "status": "stated"}
    # The text never names the outlet: no words to rest it on, so no value.
    assert entry["outlet"]["status"] == "not_stated"
    assert "given by the person who added the article" in entry["outlet"]["note"]
    for field in ("subtitle", "dateline"):
        assert entry[field] == {"status": "not_stated"}


def test_outlet_named_in_the_text_is_inferred_with_evidence(tmp_seeds):
    registry = load_registry(tmp_seeds)
    text = ARTICLE.replace("according to The Associated Press", "a teacher told NBC News")
    entry = metadata_entry("x", "x.txt", text, registry, outlet="nbc-news")
    assert entry["outlet"]["status"] == "inferred"
    assert entry["outlet"]["evidence"] == "NBC News"


def test_date_not_in_the_text_is_not_recorded(tmp_seeds):
    entry = metadata_entry("x", "x.txt", ARTICLE, load_registry(tmp_seeds), published_date="2016-02-01")
    assert entry["published_date"]["status"] == "not_stated"
    assert "2016-02-01" in entry["published_date"]["note"]


def test_refuses_to_overwrite(tmp_seeds, article_file, tmp_path):
    add_article(tmp_seeds, article_file, "schools-reopen")
    yml = digest(tmp_seeds / "articles.yml")
    with pytest.raises(AddError, match="already"):
        add_article(tmp_seeds, article_file, "schools-reopen")
    assert digest(tmp_seeds / "articles.yml") == yml
    # The same text under another id is the same article.
    with pytest.raises(AddError, match="already in the seeds as article 'schools-reopen'"):
        add_article(tmp_seeds, article_file, "another-id")
    # A stray file under the id is not overwritten either.
    (tmp_seeds / "articles" / "stray.txt").write_text("x", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(ARTICLE.replace("Valley", "Hills"), encoding="utf-8")
    with pytest.raises(AddError, match="already exists"):
        add_article(tmp_seeds, other, "stray")
    assert (tmp_seeds / "articles" / "stray.txt").read_text(encoding="utf-8") == "x"
    with pytest.raises(AddError, match="already"):
        add_article(tmp_seeds, article_file, "nbc-massacre-splits-militant-groups")


def test_refuses_a_bad_slug_and_bad_text(tmp_seeds, tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("A title\n\nSome text.", encoding="utf-8")
    with pytest.raises(AddError, match="slug"):
        add_article(tmp_seeds, good, "Not A Slug")
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"caf\xe9")
    with pytest.raises(AddError, match="UTF-8"):
        add_article(tmp_seeds, bad, "bad-text")
    assert not (tmp_seeds / "articles" / "bad-text.txt").exists()


def test_add_article_command(tmp_seeds, article_file, tmp_path):
    result = CliRunner().invoke(cli, ["add-article", str(article_file), "--id", "schools-reopen", "--seeds", str(tmp_seeds)])
    assert result.exit_code == 0, result.output
    assert "schools-reopen" in result.stdout
    assert "needs a person" in result.stdout
    again = CliRunner().invoke(cli, ["add-article", str(article_file), "--id", "schools-reopen", "--seeds", str(tmp_seeds)])
    assert again.exit_code == 1
    assert len(again.stderr.strip().splitlines()) == 1
    missing = CliRunner().invoke(cli, ["add-article", str(tmp_path / "nope.txt"), "--id", "nope", "--seeds", str(tmp_seeds)])
    assert missing.exit_code == 1 and "not found" in missing.stderr


def test_real_seeds_untouched():
    """Every test above works on a copy (a guard against a wrong path)."""
    assert not (ROOT / "seeds" / "articles" / "schools-reopen.txt").exists()
    assert not (ROOT / "seeds" / "annotations" / "schools-reopen.yml").exists()


def test_a_failed_add_leaves_the_seeds_as_they_were(tmp_seeds, article_file, monkeypatch):
    import peshawar.ingest.work

    yml = digest(tmp_seeds / "articles.yml")
    monkeypatch.setattr(peshawar.ingest.work, "draft_errors", lambda unit: ["a problem"])
    with pytest.raises(AddError, match="would not build"):
        add_article(tmp_seeds, article_file, "schools-reopen")
    assert digest(tmp_seeds / "articles.yml") == yml
    assert not (tmp_seeds / "articles" / "schools-reopen.txt").exists()
    assert not (tmp_seeds / "annotations" / "schools-reopen.yml").exists()


@pytest.mark.asyncio
async def test_the_site_shows_automatic_rows_apart_from_curated_ones(tmp_seeds, article_file, tmp_path):
    from datasette.app import Datasette

    add_article(tmp_seeds, article_file, "schools-reopen")
    db_path = tmp_path / "peshawar.db"
    build_database(tmp_seeds, db_path)
    ds = Datasette(
        immutables=[str(db_path)],
        metadata=yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8")),
        plugins_dir=str(ROOT / "plugins"),
        template_dir=str(ROOT / "templates"),
    )
    added = await ds.client.get("/peshawar/articles/schools-reopen")
    assert added.status_code == 200
    assert 'class="span span-quote span-automatic"' in added.text
    assert "found automatically by rule" in added.text
    curated = await ds.client.get("/peshawar/articles/nbc-massacre-splits-militant-groups")
    assert "span-quote" in curated.text and "span-automatic" not in curated.text
    rows = (await ds.client.get("/peshawar/quotes.json?method=automatic&_shape=array&_size=max")).json()
    automatic = {row["article_id"] for row in rows}
    assert "schools-reopen" in automatic
    assert not automatic & {"nbc-massacre-splits-militant-groups", "vice-why-taliban-massacred-children"}


def test_a_draft_quote_keeps_the_words_as_written_and_is_less_sure_of_a_surname_link(tmp_seeds):
    registry = load_registry(tmp_seeds)
    text = (
        "Schools Reopen\n\n"
        '"Every child deserves a classroom," Malala Yousafzai said. The crowd cheered.\n\n'
        '"We cannot let another year go by," she said.\n\n'
        'Later Yousafzai spoke again. "Books first," Yousafzai said.\n'
    )
    result = analyse(text, registry)
    draft, _ = draft_annotation("schools", text, result)
    rows = {row["text"]: row for row in draft["quotes"]}
    found = {quote["text"]: quote for quote in result["quotes"]}
    assert rows["We cannot let another year go by,"]["speaker_text"] == "she"
    assert "Malala Yousafzai" in rows["We cannot let another year go by,"]["note"]
    by_name, by_surname = rows["Every child deserves a classroom,"], rows["Books first,"]
    assert by_name["speaker"] == by_surname["speaker"] == "malala-yousafzai"
    assert by_name["speaker_text"] == "Malala Yousafzai" and "note" not in by_name
    assert found["Books first,"]["identity_confidence"] < found["Every child deserves a classroom,"]["identity_confidence"]
    # Same rule, weaker link: the draft row is less sure.
    assert found["Books first,"]["rule"] == found["Every child deserves a classroom,"]["rule"]
    assert by_surname["confidence"] < by_name["confidence"] <= found["Every child deserves a classroom,"]["confidence"]
