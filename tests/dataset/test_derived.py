"""schema/after_load.sql worked out in parallel (dataset/derived.py): the
same answer tables as the script run statement after statement, and the
checks' problems returned."""

import shutil
import sqlite3

import pytest

from peshawar.dataset.derived import derive
from peshawar.dataset.load import span_problems
from peshawar.dataset.schema import AFTER_LOAD, _statements, after_load_parts


def answer_tables():
    return [table.name for table in after_load_parts().tables]


def rows_of(conn, table):
    return conn.execute(f"select rowid, * from {table} order by rowid").fetchall()


def unloaded_copy(db_path, tmp_path, name):
    """The built database without after_load.sql's answer tables: the loaded rows only."""
    copy = tmp_path / name
    shutil.copy(db_path, copy)
    conn = sqlite3.connect(copy, isolation_level=None)
    for table in answer_tables():
        conn.execute(f"drop table {table}")
    conn.execute("drop table sqlite_stat1")
    conn.execute("update articles set source_label = null")
    return conn


def test_every_statement_of_after_load_has_one_place():
    parts = after_load_parts()
    placed = [*parts.before, *(create for _, create in parts.temporary), *parts.after]
    for table in parts.tables:
        placed += [table.create, table.insert, *table.indexes]
    assert sorted(placed) == sorted(_statements(AFTER_LOAD))
    assert all(table.insert for table in parts.tables)
    assert [name for name, _ in parts.temporary] == ["counted_quotes"]
    assert "actor_appearances" in answer_tables()


def test_an_answer_table_that_reads_another_is_refused(tmp_path):
    script = tmp_path / "after_load.sql"
    script.write_text(
        "create table first (n integer);\ninsert into first select count(*) from quotes;\n"
        "create table second (n integer);\ninsert into second select n from first;\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="second reads first, another answer table"):
        after_load_parts(script)


def test_an_answer_table_with_no_insert_is_refused(tmp_path):
    script = tmp_path / "after_load.sql"
    script.write_text("create table first (n integer);\ncreate table second (n integer);\ninsert into second values (1);\n", encoding="utf-8")
    with pytest.raises(ValueError, match="first has no INSERT"):
        after_load_parts(script)


def test_a_statement_with_no_place_is_refused(tmp_path):
    script = tmp_path / "after_load.sql"
    script.write_text("create table first (n integer);\ndelete from quotes;\n", encoding="utf-8")
    with pytest.raises(ValueError, match="cannot place: 'delete from quotes;'"):
        after_load_parts(script)


def test_in_parallel_the_same_tables_as_statement_after_statement(db_path, tmp_path):
    one_by_one = unloaded_copy(db_path, tmp_path, "serial.db")
    one_by_one.executescript(AFTER_LOAD.read_text(encoding="utf-8"))  # the script as written, by SQLite alone
    parallel = unloaded_copy(db_path, tmp_path, "parallel.db")
    assert derive(parallel, [], threads=2) == []
    for table in [*answer_tables(), "articles", "sqlite_stat1"]:
        expected = rows_of(one_by_one, table)
        assert expected, table
        assert rows_of(parallel, table) == expected, table
    schema = "select type, name, tbl_name, sql from sqlite_master order by rowid"
    assert parallel.execute(schema).fetchall() == one_by_one.execute(schema).fetchall()


def test_the_checks_run_beside_the_answer_tables_and_their_problems_come_back(db_path, tmp_path):
    conn = unloaded_copy(db_path, tmp_path, "broken.db")
    rowid = conn.execute("select rowid from quotes limit 1").fetchone()[0]
    conn.execute("update quotes set text = text || 'x' where rowid = ?", [rowid])
    assert derive(conn, [span_problems, lambda _: [("a second check", 1)]], threads=2) == [
        ("quotes", rowid),
        ("a second check", 1),
    ]
    assert conn.execute("select count(*) from actor_appearances").fetchone()[0] > 0


def test_an_answer_table_that_fails_fails_the_derivation(db_path, tmp_path, monkeypatch):
    from peshawar.dataset import derived, schema

    broken = tmp_path / "after_load.sql"
    broken.write_text(
        AFTER_LOAD.read_text(encoding="utf-8").replace("from mentions", "from no_such_table", 1), encoding="utf-8"
    )
    monkeypatch.setattr(derived, "after_load_parts", lambda: schema.after_load_parts(broken))
    conn = unloaded_copy(db_path, tmp_path, "failing.db")
    with pytest.raises(sqlite3.OperationalError, match="no_such_table"):
        derive(conn, [], threads=2)


def test_the_scratch_databases_are_removed_whether_the_derivation_succeeds_or_fails(db_path, tmp_path, monkeypatch):
    import tempfile

    from peshawar.dataset import derived, schema

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    derive(unloaded_copy(db_path, tmp_path, "ok.db"), [], threads=2)
    assert list(scratch.iterdir()) == []
    broken = tmp_path / "after_load.sql"
    broken.write_text(AFTER_LOAD.read_text(encoding="utf-8").replace("from quotes", "from no_such_table"), encoding="utf-8")
    monkeypatch.setattr(derived, "after_load_parts", lambda: schema.after_load_parts(broken))
    with pytest.raises(sqlite3.OperationalError):
        derive(unloaded_copy(db_path, tmp_path, "failing.db"), [], threads=2)
    assert list(scratch.iterdir()) == []
