"""New articles join the comparison, end to end: the two articles of
tests/join/articles/ added to a copy of the seeds with add-article, built,
and asked the site's questions (the canned queries of metadata.yml)."""

import shutil
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from datasette.utils import escape_fts

from peshawar.dataset.load import build_database
from peshawar.ingest.add import add_article

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "join" / "articles"
QUERIES = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))["databases"]["peshawar"]["queries"]
TOLL = "peshawar-burials-toll-revised"
STATEMENT = "afghan-taliban-statement-new-words"


@pytest.fixture(scope="module")
def joined_db(tmp_path_factory):
    seeds = tmp_path_factory.mktemp("joined") / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    for name in (TOLL, STATEMENT):
        add_article(seeds, ARTICLES / f"{name}.txt", name)
    path = seeds.parent / "peshawar.db"
    build_database(seeds, path)
    database = sqlite_utils.Database(path)
    database.conn.create_function("escape_fts", 1, escape_fts)  # as Datasette does for the search question
    yield database
    database.close()


def ask(db, name, **params):
    query = QUERIES[name]
    values = {p: params.get(p, "") for p in query.get("params", [])}
    return [dict(row) for row in db.query(query["sql"], values)]


def test_the_revised_toll_is_in_death_toll_by_outlet_marked_automatic(joined_db):
    rows = [r for r in ask(joined_db, "death_toll_by_outlet") if r["article_id"] == TOLL]
    assert 141 in {r["value"] for r in rows}
    claim = joined_db["claims"].get(next(r["claim_id"] for r in rows if r["value"] == 141))
    assert (claim["method"], claim["topic_method"], claim["topic_rule"]) == ("automatic", "automatic", "toll_of_the_event")
    assert 0 < claim["topic_confidence"] <= 1


def test_the_revised_toll_is_a_conflicting_claim(joined_db):
    toll = next(r for r in ask(joined_db, "conflicting_claims") if r["topic_id"] == "death-toll" and r["population"] == "people")
    assert "141 people (Peshawar buries its children" in toll["figures_reported"]


def test_the_statement_in_new_words_is_a_third_rendering(joined_db):
    rows = [r for r in ask(joined_db, "quote_variants") if r["statement_id"] == "afghan-taliban-condemnation-statement"]
    assert len({r["quoted_as"] for r in rows}) == 3
    new = next(r for r in rows if r["quoted_as"].startswith("Killing innocent people"))
    quote = joined_db["quotes"].get(new["quote_ids"])
    assert (quote["statement_method"], quote["statement_rule"]) == ("automatic", "same_words_same_speaker")


def test_the_new_speakers_are_in_who_gets_quoted(joined_db):
    speakers = {r["speaker"] for r in ask(joined_db, "who_gets_quoted")}
    assert {"Nadeem Akhtar", "Rukhsana Bibi", "Sadia Anwar", "Gul Rahman"} <= speakers


def test_one_proposed_actor_named_in_two_drafts_is_one_row_with_both_spellings(joined_db):
    rows = list(joined_db["actors"].rows_where("name = ?", ["Nadeem Akhtar"]))
    assert len(rows) == 1
    actor = rows[0]
    assert (actor["method"], actor["kind"], actor["rule"], actor["confidence"]) == ("automatic", "person", "titled_name", 0.95)
    aliases = {r["alias"] for r in joined_db["actor_aliases"].rows_where("actor_id = ?", [actor["id"]])}
    assert aliases == {"Nadeem Akhtar", "Dr. Nadeem Akhtar"}
    quoted_in = {r["article_id"] for r in joined_db["quotes"].rows_where("speaker_id = ?", [actor["id"]])}
    assert quoted_in == {TOLL, STATEMENT}
    mentioned_in = {r["article_id"] for r in joined_db["mentions"].rows_where("actor_id = ?", [actor["id"]])}
    assert mentioned_in == {TOLL, STATEMENT}


def test_the_seed_rows_of_the_comparison_are_unchanged(joined_db, db):
    new = (TOLL, STATEMENT)
    for name in ("death_toll_by_outlet", "who_gets_quoted", "anonymous_sourcing", "timeline", "quote_variants"):
        after = [r for r in ask(joined_db, name) if not str(r.get("article_id") or r.get("quote_ids")).startswith(new)]
        assert after == ask(db, name), name


# Every question says which rows are automatic, and leaves them out on request.
# (question, parameters, what marks a row automatic, the confidence column)
MARKED = [
    ("death_toll_by_outlet", {}, lambda r: r["method"] == "automatic", "confidence"),
    ("conflicting_claims", {}, lambda r: r["automatic_figures"] > 0 and ", automatic 0." in r["figures_reported"], None),
    ("quotes_by_speaker", {}, lambda r: r["method"] == "automatic", "confidence"),
    ("who_gets_quoted", {}, lambda r: r["method"] == "automatic", "lowest_confidence"),
    ("anonymous_sourcing", {}, lambda r: r["automatic_quotes"] > 0, "lowest_confidence"),
    ("quote_variants", {}, lambda r: r["method"] == "automatic", "lowest_confidence"),
    ("citations_by_outlet", {}, lambda r: r["method"] == "automatic", "lowest_confidence"),
    ("actor_coverage", {}, lambda r: r["automatic_rows"] > 0 or r["actor_method"] == "automatic", "actor_confidence"),
    ("search", {"q": "children"}, lambda r: r["method"] in ("automatic", "draft"), "confidence"),
    ("timeline", {}, lambda r: r["method"] == "automatic", "confidence"),
]


@pytest.mark.parametrize("name, params, automatic, confidence", MARKED, ids=[m[0] for m in MARKED])
def test_every_question_marks_automatic_rows_and_can_leave_them_out(joined_db, name, params, automatic, confidence):
    rows = ask(joined_db, name, **params)
    marked = [r for r in rows if automatic(r)]
    assert marked, f"{name}: the new articles' automatic rows are shown"
    if confidence:
        assert any(r[confidence] is not None and 0 <= r[confidence] <= 1 for r in marked)
    curated = ask(joined_db, name, **params, curated_only="1")
    assert curated and not any(automatic(r) for r in curated)
    assert curated != rows


def test_every_question_takes_curated_only():
    assert all("curated_only" in query["params"] for query in QUERIES.values())
    assert {m[0] for m in MARKED} | {"actor_network"} == set(QUERIES)
