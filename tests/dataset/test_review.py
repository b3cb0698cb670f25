"""The review queue: the gaps of draft annotations as rows of review_queue,
most pressing first, with a short summary instead of one line per gap; the
same gaps in a curated file are errors that fail `check` and the build."""

import json
import re
import shutil
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from peshawar.bench.corpus import generate
from peshawar.cli import cli
from peshawar.dataset.cache import NoCache
from peshawar.dataset.load import build_database
from peshawar.dataset.review import kinds, summary_lines
from peshawar.ingest.run import ingest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def drafted(tmp_path_factory):
    """A copy of the seeds with three ingested drafts, one quote's confidence lowered by hand."""
    root = tmp_path_factory.mktemp("review")
    seeds = root / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    source = root / "in.jsonl"
    source.write_text("".join(json.dumps(a) + "\n" for a in generate(ROOT / "seeds", 3, seed=5)), encoding="utf-8")
    summary = ingest([source], seeds, NoCache(), workers=1)
    path = seeds / "annotations" / f"{summary.added[0].article_id}.yml"
    text = path.read_text(encoding="utf-8")
    # The first quote with a speaker, now found with little confidence.
    lowered = re.sub(r"(speaker: [a-z][a-z0-9-]+\n(?:    .*\n)*?    confidence: )[0-9.]+", r"\g<1>0.31", text, count=1)
    assert lowered != text
    path.write_text(lowered, encoding="utf-8")
    db_path = root / "p.db"
    _, gap_counts = build_database(seeds, db_path)
    return seeds, sqlite_utils.Database(db_path), gap_counts


def test_the_queue_is_in_the_order_of_work(drafted):
    _, db, gap_counts = drafted
    rows = list(db.query("select * from review_queue order by id"))
    assert len(rows) == sum(gap_counts.values()) > 0
    rank = {kind: n for n, kind in enumerate(kinds())}
    keys = [(rank[r["kind"]], r["confidence"] is None, r["confidence"] or 0) for r in rows]
    assert keys == sorted(keys)
    assert {r["kind"] for r in rows} >= {"quote_without_speaker", "uncertain_speaker", "unaccounted_quotation_mark"}
    uncertain = [r for r in rows if r["kind"] == "uncertain_speaker"]
    assert [r["confidence"] for r in uncertain] == [0.31]
    assert not set(r["article_id"] for r in rows) & {a["id"] for a in db["articles"].rows_where("annotation_status = 'curated'")}


def test_each_gap_says_where_it_is(drafted):
    seeds, db, _ = drafted
    for gap in db.query("select review_queue.*, body from review_queue join articles on articles.id = article_id"):
        if gap["start_char"] is not None:
            assert gap["body"][gap["start_char"]:gap["end_char"]] == gap["text"]
        if gap["row_id"]:
            lines = (seeds.parent / gap["file"]).read_text(encoding="utf-8").splitlines()
            assert lines[gap["line"] - 1].endswith(f"- id: {gap['row_id']}"), gap


def test_the_summary_is_a_few_lines_not_one_per_gap(drafted):
    _, db, gap_counts = drafted
    lines = summary_lines(gap_counts)
    assert len(lines) <= 1 + len(kinds()) < db["review_queue"].count
    assert "review_queue" in lines[0]


def test_check_sums_up_a_draft_and_fails_on_a_curated_file_with_the_same_gaps(drafted, tmp_path):
    seeds, db, _ = drafted
    ok = CliRunner().invoke(cli, ["check", "--seeds", str(seeds), "--no-cache"])
    assert ok.exit_code == 0, ok.output
    assert "review queue:" in ok.stderr and len(ok.stderr.splitlines()) <= 1 + len(kinds())
    copy = tmp_path / "seeds"
    shutil.copytree(seeds, copy)
    draft = next(p for p in (copy / "annotations").glob("*.yml") if "status: draft" in p.read_text(encoding="utf-8"))
    draft.write_text(draft.read_text(encoding="utf-8").replace("status: draft", "status: curated", 1), encoding="utf-8")
    failed = CliRunner().invoke(cli, ["check", "--seeds", str(copy), "--no-cache"])
    assert failed.exit_code == 1
    named = f"seeds/annotations/{draft.name}"
    errors = [line.strip() for line in failed.stderr.splitlines() if line.strip().startswith(named)]
    # Each gap of the draft is an error once the file says it is curated (a
    # speaker found with low confidence is a person's call, not a gap, there).
    gaps = list(db.query("select * from review_queue where article_id = ? and kind != 'uncertain_speaker'", [draft.stem]))
    assert len(errors) == len(gaps) > 0
    for gap in gaps:
        where = f"{named}:{gap['line']}: " if gap["line"] else f"{named}: "
        assert any(error.startswith(where) for error in errors), gap
