"""Reading what to ingest (ingest/sources.py) and planning it (ingest/plan.py):
every bad input skipped with a named reason, ids given or derived, nothing
already in the seeds ingested twice."""

import json
from pathlib import Path

from peshawar.dataset.cache import NoCache
from peshawar.dataset.units import read_lookups
from peshawar.ingest.plan import plan, seeds_state, slugify
from peshawar.ingest.sources import Article, Skip, read_inputs

ROOT = Path(__file__).resolve().parents[2]


def test_a_folder_of_text_files_with_bad_ones(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "Good One.txt").write_text("A title\n\nSome words.", encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"PK\x03\x04\x00\x00")
    (folder / "latin1.txt").write_bytes("caf\xe9\n".encode("latin-1"))
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    items = list(read_inputs([folder]))
    by_name = {Path(i.source).name: i for i in items}
    assert set(by_name) == {"Good One.txt", "empty.txt", "binary.txt", "latin1.txt"}
    assert isinstance(by_name["Good One.txt"], Article) and by_name["Good One.txt"].original_file == "Good One.txt"
    assert by_name["empty.txt"].reason == "empty"
    assert by_name["binary.txt"].reason.startswith("binary file (NUL byte at 4)")
    assert by_name["latin1.txt"].reason.startswith("not valid UTF-8: byte 3 (line 1)")


def test_json_lines_and_csv_with_optional_columns(tmp_path):
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join([
        json.dumps({"text": "First\n\nbody", "title": "First", "url": "https://example.org/1", "date": "2014-12-17"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"body": "Second body", "id": "second"}),
        "",
    ]), encoding="utf-8")
    csv_file = tmp_path / "b.csv"
    csv_file.write_text('id,title,text,outlet\nthird,Third,"A text\nover two lines",nbc-news\nfourth,Fourth,,\n', encoding="utf-8")
    items = list(read_inputs([jsonl, csv_file]))
    assert [(i.source.rsplit("/", 1)[1], type(i).__name__) for i in items] == [
        ("a.jsonl:1", "Article"), ("a.jsonl:2", "Skip"), ("a.jsonl:3", "Skip"), ("a.jsonl:4", "Article"),
        ("b.csv:3", "Article"), ("b.csv:4", "Skip"),
    ]
    first, bad_json, no_text, second, third, fourth = items
    assert first.given == {"title": "First", "url": "https://example.org/1", "published_date": "2014-12-17"}
    assert bad_json.reason.startswith("not JSON") and no_text.reason.startswith("no text")
    assert second.text == "Second body" and second.given == {"id": "second"}
    assert third.text == "A text\nover two lines" and third.given["outlet"] == "nbc-news"
    assert fourth.reason == "empty"


def test_an_unknown_kind_of_input_and_a_missing_one(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF")
    reasons = [i.reason for i in read_inputs([tmp_path / "x.pdf", tmp_path / "nope"])]
    assert reasons == ["not a folder, .txt, .jsonl or .csv file", "not found"]


def test_plan_skips_seed_texts_repeats_and_bad_ids():
    lookups = read_lookups(ROOT / "seeds", NoCache())
    state = seeds_state(lookups)
    seed_text = (ROOT / "seeds" / "articles" / "men-who-shot-132-children.txt").read_text(encoding="utf-8")
    items = [
        Article("a", seed_text),
        Article("b", "New text"),
        Article("c", "New text"),
        Article("d", "Other text", {"id": "Not A Slug"}),
        Article("e", "Third text", {"id": "nbc-massacre-splits-militant-groups"}),
        Article("f", "Fourth text", {"title": "Taliban: Who Are They?"}),
        Article("g", "Fifth text", {}, "My File 1.txt"),
        Skip("h", "empty"),
    ]
    jobs, skips = plan(items, state)
    assert [(s.source, s.reason) for s in skips] == [
        ("a", "already in the seeds as article 'men-who-shot-132-children'"),
        ("c", "the same text as b"),
        ("d", "id 'Not A Slug' is not a slug (lowercase letters and digits joined by single dashes)"),
        ("e", "id 'nbc-massacre-splits-militant-groups' belongs to another article of the seeds"),
        ("h", "empty"),
    ]
    ids = [job.article_id for job in jobs]
    assert ids[0].startswith("article-") and len(ids[0]) == len("article-") + 12
    assert ids[1].startswith("taliban-who-are-they-") and ids[2] == "my-file-1"


def test_slugify():
    assert slugify("  Peshawar: 132 Children — Shot!  ") == "peshawar-132-children-shot"
