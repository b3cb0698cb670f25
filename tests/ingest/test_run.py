"""Ingest runs (ingest/run.py, the ingest command): articles in as drafts that
build, the same input twice changes nothing, a crashing extractor loses
only its article."""

import hashlib
import json

import sqlite_utils
from click.testing import CliRunner

from peshawar.cli import cli
from peshawar.dataset.cache import Cache, NoCache
from peshawar.dataset.load import build_database
from peshawar.ingest.run import ingest


def snapshot(root):
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(root.rglob("*")) if p.is_file()}


def write_jsonl(path, articles):
    path.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    return path


def test_ingested_drafts_build_and_a_second_run_changes_nothing(tmp_seeds, generated, tmp_path):
    articles = [dict(a) for a in generated[:4]]
    articles[0]["url"] = "https://example.org/given"
    inputs = write_jsonl(tmp_path / "in.jsonl", articles + [{"text": ""}])
    cache = Cache(tmp_path / "cache.sqlite")
    summary = ingest([inputs], tmp_seeds, cache, workers=2)
    cache.close()
    assert len(summary.added) == 4
    assert [(s.source.rsplit("/", 1)[1], s.reason) for s in summary.skipped] == [("in.jsonl:5", "empty")]
    before = snapshot(tmp_seeds)
    again = ingest([inputs], tmp_seeds, NoCache(), workers=2)
    assert again.added == [] and {s.reason.split(" as article")[0] for s in again.skipped} == {"already in the seeds", "empty"}
    assert snapshot(tmp_seeds) == before

    db_path = tmp_path / "p.db"
    counts, gaps = build_database(tmp_seeds, db_path, Cache(tmp_path / "cache.sqlite"))
    db = sqlite_utils.Database(db_path)
    ids = [d.article_id for d in summary.added]
    assert {r["id"] for r in db["articles"].rows_where("annotation_status = 'draft'")} == set(ids)
    for article_id, article in zip(ids, articles):
        assert db["articles"].get(article_id)["body"] == article["text"]
    given = db["article_provenance"].get(f"{ids[0]}-url")
    assert (given["value"], given["status"], given["evidence"]) == ("https://example.org/given", "given", None)
    assert db["articles"].get(ids[1])["url"] is None
    assert sum(gaps.values()) == db["review_queue"].count > 0
    # The build remembered the rows ingest computed; without the cache it writes the same file.
    build_database(tmp_seeds, tmp_path / "fresh.db")
    assert (tmp_path / "fresh.db").read_bytes() == db_path.read_bytes()


def test_an_article_that_crashes_the_extractor_is_skipped_with_the_reason(tmp_seeds, generated, tmp_path, monkeypatch):
    import peshawar.ingest.work as work

    real = work.analyse

    def fragile(text, registry):
        if "CRASH-ME" in text:
            raise ZeroDivisionError("the extractor met CRASH-ME")
        return real(text, registry)

    monkeypatch.setattr(work, "analyse", fragile)  # the pool forks after this: its workers see it
    articles = [generated[0], {"text": generated[1]["text"] + "\nCRASH-ME\n"}, generated[2]]
    summary = ingest([write_jsonl(tmp_path / "in.jsonl", articles)], tmp_seeds, NoCache(), workers=2)
    assert len(summary.added) == 2
    assert [(s.source.rsplit("/", 1)[1], s.reason) for s in summary.skipped] == [
        ("in.jsonl:2", "the extractor failed: ZeroDivisionError: the extractor met CRASH-ME"),
    ]
    build_database(tmp_seeds, tmp_path / "p.db")


def test_the_ingest_command_sums_up(tmp_seeds, generated, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text(generated[0]["text"], encoding="utf-8")
    (folder / "bad.txt").write_bytes(b"\xff\xfe")
    args = ["ingest", str(folder), "--seeds", str(tmp_seeds), "--cache", str(tmp_path / "c.sqlite"), "--no-progress"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("ingested 1 articles") and lines[0].endswith("skipped 1")
    assert lines[1].startswith(f"  skipped {folder / 'bad.txt'}: not valid UTF-8")
    assert (tmp_seeds / "annotations" / "one.yml").exists()
    again = CliRunner().invoke(cli, args)
    assert "already in the seeds as article 'one'" in again.stdout
