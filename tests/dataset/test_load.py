"""The build: seeds in, one consistent database out, and nothing lost on failure."""

import hashlib
import shutil
from pathlib import Path

import pytest
import sqlite_utils
import yaml
from click.testing import CliRunner

from peshawar.core.problems import SeedError
from peshawar.cli import cli
from peshawar.dataset.load import build_database

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
ARTICLES = yaml.safe_load((SEEDS / "articles.yml").read_text(encoding="utf-8"))["articles"]

SPAN_TABLES = {
    "quotes": "text", "claims": "text", "citations": "text",
    "actor_relations": "text", "skipped_spans": "text", "mentions": "surface",
}


@pytest.fixture
def seeds_copy(tmp_path):
    copy = tmp_path / "seeds"
    shutil.copytree(SEEDS, copy)
    return copy


def test_seed_texts_are_byte_identical_to_the_originals():
    assert SHARED_SEEDS.is_dir(), "../shared/seeds must sit beside the repository"
    assert len(ARTICLES) == 5
    for article in ARTICLES:
        ours = (SEEDS / "articles" / article["file"]).read_bytes()
        original = (SHARED_SEEDS / article["original_file"]).read_bytes()
        assert ours == original, article["file"]


def test_body_and_hash_are_the_seed_file(db):
    rows = {row["id"]: row for row in db["articles"].rows}
    assert {a["id"] for a in ARTICLES} <= set(rows)
    for row in rows.values():  # drafts added by ingest too
        raw = (ROOT / row["source_file"]).read_bytes()
        assert row["body"] == raw.decode("utf-8") and row["sha256"] == hashlib.sha256(raw).hexdigest()
    for article in ARTICLES:
        raw = (SEEDS / "articles" / article["file"]).read_bytes()
        row = rows[article["id"]]
        assert row["body"] == raw.decode("utf-8")
        assert row["sha256"] == hashlib.sha256(raw).hexdigest()


def test_foreign_keys_hold_and_are_declared(db):
    assert db.execute("pragma foreign_key_check").fetchall() == []
    declared = {(fk.table, fk.column, fk.other_table) for t in db.tables for fk in t.foreign_keys}
    for expected in [
        ("articles", "outlet_id", "actors"),
        ("actor_aliases", "actor_id", "actors"),
        ("quotes", "article_id", "articles"),
        ("quotes", "speaker_id", "actors"),
        ("quotes", "statement_id", "statements"),
        ("claims", "claimant_id", "actors"),
        ("claims", "topic_id", "topics"),
        ("citations", "cited_id", "actors"),
        ("statements", "speaker_id", "actors"),
        ("mentions", "actor_id", "actors"),
    ]:
        assert expected in declared


def test_every_foreign_key_column_is_indexed(db):
    for table in db.tables:
        indexed = {index.columns[0] for index in table.indexes}
        for fk in table.foreign_keys:
            assert fk.column in indexed, f"{table.name}.{fk.column} has no index"


@pytest.mark.parametrize("table,column", SPAN_TABLES.items())
def test_every_span_is_the_article_slice(db, table, column):
    mismatches = db.execute(f"""
        select {table}.rowid from {table} join articles on articles.id = {table}.article_id
        where substr(articles.body, start_char + 1, end_char - start_char) != {table}.{column}
    """).fetchall()
    assert mismatches == []
    # And the same through Python's own slicing.
    bodies = {row["id"]: row["body"] for row in db["articles"].rows}
    for row in db[table].rows:
        assert bodies[row["article_id"]][row["start_char"]:row["end_char"]] == row[column]


def test_the_database_refuses_a_span_that_is_not_verbatim(db_path, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)
    database = sqlite_utils.Database(copy)
    article = next(database["articles"].rows)
    with pytest.raises(Exception, match="not the article slice"):
        database["quotes"].insert({
            "id": "bad", "article_id": article["id"], "text": "not in the text",
            "start_char": 0, "end_char": 15, "form": "full", "method": "curated",
        })


def test_the_database_refuses_an_alias_of_two_actors(db_path, tmp_path):
    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)
    database = sqlite_utils.Database(copy)
    taken = next(database["actor_aliases"].rows_where("is_name = 1"))
    other = next(database["actors"].rows_where("id != ?", [taken["actor_id"]]))
    with pytest.raises(Exception, match="already belongs to another actor"):
        database["actor_aliases"].insert({"actor_id": other["id"], "alias": taken["alias"].upper()})
    database["actor_aliases"].insert({"actor_id": taken["actor_id"], "alias": taken["alias"].upper()})


def test_two_builds_give_identical_files(tmp_path):
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    build_database(SEEDS, first)
    build_database(SEEDS, second)
    dump = lambda path: list(sqlite_utils.Database(path).conn.iterdump())
    assert dump(first) == dump(second)
    assert first.read_bytes() == second.read_bytes()


def _break(seeds_copy, how):
    if how == "malformed yaml":
        (seeds_copy / "topics.yml").write_text("topics:\n  - id: x\n    label: [unclosed\n", encoding="utf-8")
        return "seeds/topics.yml:4: malformed YAML: expected ',' or ']', but got '<stream end>' (while parsing a flow sequence on line 3)"
    if how == "invalid utf-8":
        path = seeds_copy / "articles" / ARTICLES[0]["file"]
        path.write_bytes(path.read_bytes() + b"\n\xff\xfe broken")
        return f"seeds/articles/{ARTICLES[0]['file']}"
    if how == "missing file":
        (seeds_copy / "articles" / ARTICLES[1]["file"]).unlink()
        return f"seeds/articles/{ARTICLES[1]['file']}: file not found"
    raise AssertionError(how)


@pytest.mark.parametrize("how", ["malformed yaml", "invalid utf-8", "missing file"])
def test_a_failed_build_names_the_problem_and_keeps_the_old_database(seeds_copy, tmp_path, how):
    target = tmp_path / "peshawar.db"
    build_database(seeds_copy, target)
    before = target.read_bytes()
    expected = _break(seeds_copy, how)
    with pytest.raises(SeedError) as raised:
        build_database(seeds_copy, target)
    assert expected in str(raised.value)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["peshawar.db"], "no temporary file left"


def test_invalid_utf8_error_gives_the_line(seeds_copy, tmp_path):
    _break(seeds_copy, "invalid utf-8")
    with pytest.raises(SeedError) as raised:
        build_database(seeds_copy, tmp_path / "x.db")
    text = (SEEDS / "articles" / ARTICLES[0]["file"]).read_text(encoding="utf-8")
    assert f":{text.count(chr(10)) + 2}: not valid UTF-8" in str(raised.value)


def test_check_reports_every_problem_and_writes_nothing(seeds_copy):
    actors = seeds_copy / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("kind: news_outlet", "kind: newspaper", 1), encoding="utf-8")
    articles = seeds_copy / "articles.yml"
    articles.write_text(articles.read_text(encoding="utf-8").replace("evidence: told NBC News", "evidence: told ABC News"), encoding="utf-8")
    before = sorted(p.relative_to(seeds_copy) for p in seeds_copy.rglob("*"))
    result = CliRunner().invoke(cli, ["check", "--seeds", str(seeds_copy)])
    assert result.exit_code == 1
    assert "seeds/actors.yml" in result.output and "'newspaper' is not one of" in result.output
    assert "seeds/articles.yml" in result.output and "told ABC News" in result.output
    assert sorted(p.relative_to(seeds_copy) for p in seeds_copy.rglob("*")) == before


def test_build_command_reports_counts(tmp_path):
    result = CliRunner().invoke(cli, ["build", "--db", str(tmp_path / "p.db")])
    assert result.exit_code == 0, result.output
    # Every article of articles.yml, and every draft that carries its own metadata.
    drafts = [p for p in (SEEDS / "annotations").glob("*.yml") if "\nmetadata:" in p.read_text(encoding="utf-8")]
    assert f" {len(ARTICLES) + len(drafts)} articles," in result.output


def test_the_span_check_after_the_load_finds_a_row_that_is_not_verbatim(db_path, tmp_path):
    """The build adds the span triggers after a bulk load and checks the loaded rows itself."""
    import sqlite3

    from peshawar.dataset.load import span_problems

    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)
    conn = sqlite3.connect(copy)
    assert span_problems(conn) == []
    rowid = conn.execute("select rowid from quotes limit 1").fetchone()[0]  # the triggers guard inserts only
    conn.execute("update quotes set text = text || 'x' where rowid = ?", [rowid])
    assert span_problems(conn) == [("quotes", rowid)]


def test_the_check_after_the_load_finds_a_row_that_breaks_a_check(db_path, tmp_path):
    """The load skips the CHECKs (ignore_check_constraints) and the build
    checks the loaded rows itself: a NULL passes, as it does in a CHECK."""
    import sqlite3

    from peshawar.dataset.load import check_problems

    copy = tmp_path / "copy.db"
    shutil.copy(db_path, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    assert check_problems(conn) == []
    conn.execute("pragma ignore_check_constraints = on")
    quote = conn.execute("select rowid from quotes limit 1").fetchone()[0]
    claim = conn.execute("select rowid from claims where qualifier is null limit 1").fetchone()[0]
    conn.execute("update quotes set confidence = 1.5 where rowid = ?", [quote])
    conn.execute("update claims set kind = 'not-a-kind', qualifier = null where rowid = ?", [claim])
    assert check_problems(conn) == [
        ("quotes", quote, "CHECK (confidence IS NULL OR (confidence >= 0 AND confidence <= 1))"),
        ("claims", claim, "CHECK (kind IN ( 'death_toll', 'injured', 'attackers', 'troops', 'militants_killed', "
         "'displaced', 'group_count', 'distance', 'year', 'date', 'age', 'duration', 'count', 'responsibility', "
         "'motive', 'condemnation', 'allegation', 'other' ))"),
    ]


@pytest.mark.parametrize("count", [0, 1, 4, 5, 6, 11, 203])
def test_insert_rows_writes_every_row_in_order_within_the_parameter_limit(count):
    """Rows go in as statements of many rows, as many as the connection's
    parameter limit allows (here 15: five rows of three), the rest in one."""
    import sqlite3

    from peshawar.dataset.load import insert_rows

    conn = sqlite3.connect(":memory:")
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 15)
    conn.execute("create table t (a, b, c)")
    rows = [[n, f"row {n}", None if n % 2 else n / 2] for n in range(count)]
    insert_rows(conn, "t", ("a", "b", "c"), rows)
    assert [list(row) for row in conn.execute("select a, b, c from t order by rowid")] == rows
