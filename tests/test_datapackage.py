"""The Frictionless Data Package: valid by frictionless's own validator (foreign
keys included), complete (a round trip through its CSVs gives back every row
of every table, types and NULLs included), and described from metadata.yml.

The package comes from the session's `dist_dir` fixture (conftest.py), which
writes dist/ from the session's database as `make package` does.
"""

import csv
import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils
import yaml

from peshawar.export.dist import ANNOTATIONS, PACKAGE_DIR, PACKAGE_ZIP, validation_errors, write_dist
from peshawar.export.datapackage import validate_datapackage, write_datapackage
from peshawar.export.shape import ShapeError, check_enums

ROOT = Path(__file__).resolve().parents[1]
METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
TABLE_METADATA = METADATA["databases"]["peshawar"]["tables"]


def words(text):
    return " ".join(str(text).split())


@pytest.fixture(scope="module")
def descriptor(dist_dir):
    return json.loads((dist_dir / PACKAGE_DIR / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def resources(descriptor):
    return {resource["name"]: resource for resource in descriptor["resources"]}


def data_tables(db):
    """The tables that hold data: not views, not FTS tables or their shadows,
    not the questions' answers the build works out (hidden on the site)."""
    return {
        name
        for (name,) in db.execute(
            "select name from pragma_table_list where schema = 'main' and type = 'table' and name not like 'sqlite_%'"
        ).fetchall()
        if not TABLE_METADATA.get(name, {}).get("hidden")
    }


# Valid, by frictionless ---------------------------------------------------------


def test_frictionless_finds_the_package_valid(dist_dir, db):
    report = validate_datapackage(dist_dir / PACKAGE_DIR / "datapackage.json")
    assert report.valid, validation_errors(report)
    assert report.stats["errors"] == 0
    # One validation task per table: every table was read, none skipped.
    assert report.stats["tasks"] == len(data_tables(db))


def test_frictionless_validate_command_accepts_the_zip(dist_dir, db):
    command = Path(sys.executable).with_name("frictionless")
    result = subprocess.run(
        [str(command), "validate", "--json", str(dist_dir / PACKAGE_ZIP)], capture_output=True, text=True
    )
    report = json.loads(result.stdout)
    assert result.returncode == 0, result.stdout[-2000:]
    assert report["valid"] is True
    assert report["stats"]["errors"] == 0
    assert {task["name"] for task in report["tasks"]} == data_tables(db)


def test_validation_catches_a_broken_foreign_key_and_an_unknown_enum_value(dist_dir, tmp_path):
    """The validator really checks keys and enums: break one of each."""
    copy = tmp_path / "package"
    shutil.copytree(dist_dir / PACKAGE_DIR, copy)

    def edit(name, column, new_value):
        path = copy / f"{name}.csv"
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
        at = rows[0].index(column)
        row = next(row for row in rows[1:] if row[at])
        row[at] = new_value
        with path.open("w", newline="", encoding="utf-8") as handle:
            csv.writer(handle).writerows(rows)

    edit("quotes", "speaker_id", "nobody-of-that-name")
    edit("claims", "qualifier", "roughly")
    report = validate_datapackage(copy / "datapackage.json")
    errors = {(task.name, error.type) for task in report.tasks for error in task.errors}
    assert ("quotes", "foreign-key") in errors
    assert ("claims", "constraint-error") in errors
    # The files no longer match the hashes and sizes the package records.
    assert {("quotes", "hash-count"), ("claims", "byte-count")} <= errors


# Complete: the CSVs give back the database ---------------------------------------


def load_package(directory):
    """A fresh SQLite database from the package's CSVs, read as its Table
    Schemas say: the declared types, and missingValues as NULL."""
    package = json.loads((directory / "datapackage.json").read_text(encoding="utf-8"))
    fresh = sqlite_utils.Database(memory=True)
    # A Table Schema number is any decimal: "145" is read as the integer it
    # writes and "0.95" or "1.0" as a real, into a column of no affinity
    # (BLOB), so SQLite keeps each as read (claims.value holds both).
    readers = {"integer": int, "number": read_number, "string": str}
    column_types = {"integer": int, "number": bytes, "string": str}
    for resource in package["resources"]:
        schema = resource["schema"]
        missing = set(schema.get("missingValues", [""]))
        types = {field["name"]: readers[field["type"]] for field in schema["fields"]}
        columns = {field["name"]: column_types[field["type"]] for field in schema["fields"]}
        fresh[resource["name"]].create(columns, pk=schema["primaryKey"][0] if len(schema["primaryKey"]) == 1 else schema["primaryKey"])
        with (directory / resource["path"]).open("rb") as handle:
            rows, _ = sqlite_utils.utils.rows_from_file(handle, sqlite_utils.utils.Format.CSV, encoding="utf-8")
            fresh[resource["name"]].insert_all(
                {name: None if value in missing else types[name](value) for name, value in row.items()}
                for row in rows
            )
    return fresh


def read_number(text):
    return int(text) if text.lstrip("+-").isdigit() else float(text)


def typed_rows(db, table):
    """Every row as (storage class, value) pairs, in primary key order."""
    columns = [column.name for column in db[table].columns]
    select = ", ".join(f'typeof("{c}"), "{c}"' for c in columns)
    order = ", ".join(f'"{c}"' for c in db[table].pks)
    return columns, db.execute(f'select {select} from "{table}" order by {order}').fetchall()


def test_the_csvs_give_back_every_row_of_every_table(dist_dir, db):
    fresh = load_package(dist_dir / PACKAGE_DIR)
    assert set(fresh.table_names()) == data_tables(db)
    for table in data_tables(db):
        assert typed_rows(fresh, table) == typed_rows(db, table), table
    # The comparison covers what CSV makes hard: NULLs, integers, reals, newlines.
    storage = {kind for table in data_tables(db) for row in typed_rows(db, table)[1] for kind in row[0::2]}
    assert {"null", "integer", "real", "text"} <= storage
    assert any("\n" in body for (body,) in db.execute("select body from articles"))


@pytest.mark.parametrize(
    "ddl, rows, error",
    [
        # CSV would give back NULL for an empty string.
        ("create table notes (id integer primary key, note text)", "(1, 'kept'), (2, NULL), (3, '')",
         r"notes \(id=3\), column note: an empty string"),
        # An INTEGER column holding text would come back as a number or fail.
        ("create table counts (id integer primary key, n integer)", "(1, 'many')",
         r"counts \(id=1\), column n: 'many' is a str in a column declared INTEGER"),
    ],
)
def test_a_value_the_csv_cannot_give_back_is_refused(tmp_path, ddl, rows, error):
    path = tmp_path / "tiny.db"
    with sqlite3.connect(path) as conn:
        conn.execute(ddl)
        conn.execute(f"insert into {ddl.split()[2]} values {rows}")
    metadata = tmp_path / "metadata.yml"
    metadata.write_text("title: T\ndescription: D\nlicense: L\nlicense_url: https://example.org/l\n", encoding="utf-8")
    with pytest.raises(ShapeError, match=error):
        write_datapackage(path, metadata, tmp_path / "out")


# The schemas say what the database says --------------------------------------


def test_every_table_is_a_resource_and_nothing_else_is(resources, db):
    assert set(resources) == data_tables(db)
    assert not set(resources) & set(db.view_names())
    assert not {name for name in resources if name.endswith("_fts") or "_fts_" in name}


def test_fields_keys_and_types_follow_the_database(resources, db):
    types = {"INTEGER": "integer", "REAL": "number", "NUMERIC": "number", "TEXT": "string"}
    for name, resource in resources.items():
        schema = resource["schema"]
        columns = db[name].columns
        assert [field["name"] for field in schema["fields"]] == [column.name for column in columns]
        assert [field["type"] for field in schema["fields"]] == [types[column.type] for column in columns]
        assert schema["primaryKey"] == db[name].pks
        assert schema["missingValues"] == [""]
        declared = {(fk.column, fk.other_table, fk.other_column) for fk in db[name].foreign_keys}
        described = {
            (key["fields"][0], key["reference"]["resource"], key["reference"]["fields"][0])
            for key in schema.get("foreignKeys", [])
        }
        assert described == declared, name
        for field, column in zip(schema["fields"], columns):
            assert field.get("constraints", {}).get("required", False) == (column.notnull or column.is_pk), (name, column.name)


def test_enums_are_the_check_lists_of_the_schema(resources):
    def enum(table, column):
        field = next(f for f in resources[table]["schema"]["fields"] if f["name"] == column)
        return field.get("constraints", {}).get("enum")

    # The values the data contract (DESIGN.md) names, and the schema's CHECKs.
    assert {"exact", "at_least", "more_than", "about"} <= set(enum("claims", "qualifier"))
    assert {"person", "militant_group", "government", "military", "news_outlet", "wire_service",
            "organization", "publication", "anonymous_source"} <= set(enum("actors", "kind"))
    assert enum("quotes", "form") == ["full", "partial"]
    assert enum("quotes", "is_pull_quote") == [0, 1]
    assert enum("articles", "annotation_status") == ["curated", "draft"]
    # Columns without an IN list have no enum.
    assert enum("claims", "unit") is None
    assert enum("quotes", "text") is None


def test_descriptions_come_from_metadata(resources):
    described = 0
    for name, resource in resources.items():
        table = TABLE_METADATA.get(name, {})
        assert resource.get("description") == (words(table["description"]) if table.get("description") else None)
        for field in resource["schema"]["fields"]:
            expected = (table.get("columns") or {}).get(field["name"])
            assert field.get("description") == (words(expected) if expected else None), (name, field["name"])
            described += expected is not None
    assert described > 50


def test_package_states_licence_sources_contributors_and_version(descriptor, db):
    assert descriptor["title"] == words(METADATA["title"])
    assert [licence["path"] for licence in descriptor["licenses"]] == [METADATA["license_url"]]
    assert "creativecommons.org/licenses/by/4.0" in METADATA["license_url"]
    # The licence says the article texts stay their publishers' work.
    assert "publishers' work" in descriptor["licenses"][0]["title"]
    articles = db.execute("select title, byline from articles").fetchall()
    assert len(descriptor["sources"]) == len(articles)
    for title, byline in articles:
        assert any(source["title"].startswith(title) for source in descriptor["sources"])
        if byline:
            assert {"title": byline, "roles": ["author"]} in descriptor["contributors"]
    assert re.fullmatch(r"\d+\.\d+\.\d+\+[0-9a-f]{12}", descriptor["version"])
    for resource in descriptor["resources"]:
        assert resource["rows"] == db[resource["name"]].count


def test_the_zip_holds_the_folder(dist_dir):
    import zipfile

    folder = dist_dir / PACKAGE_DIR
    with zipfile.ZipFile(dist_dir / PACKAGE_ZIP) as archive:
        assert sorted(archive.namelist()) == sorted(path.name for path in folder.iterdir())
        for path in folder.iterdir():
            assert archive.read(path.name) == path.read_bytes()


# Written like the database: from scratch, or not at all


def test_a_failed_run_leaves_the_previous_downloads(dist_dir, db_path, tmp_path):
    dist = tmp_path / "dist"
    shutil.copytree(dist_dir, dist)
    before = {path.relative_to(dist): path.read_bytes() for path in dist.rglob("*") if path.is_file()}
    broken = tmp_path / "metadata.yml"
    broken.write_text(
        yaml.safe_dump({key: value for key, value in METADATA.items() if key != "license_url"}), encoding="utf-8"
    )
    with pytest.raises(ShapeError, match="license_url"):
        write_dist(db_path, broken, dist)
    after = {path.relative_to(dist): path.read_bytes() for path in dist.rglob("*") if path.is_file()}
    assert after == before


# CHECK constraints read as enums, and only the ones that are lists ----------


@pytest.mark.parametrize(
    "ddl, expected",
    [
        ("create table t (a text check (a in ('x', 'y')))", {"a": ["x", "y"]}),
        ("create table t (a text check (a IS NULL OR a IN ('x')))", {"a": ["x"]}),
        ("create table t (a text check (a in ('x') or a is null))", {"a": ["x"]}),
        ("create table t (a integer check (a in (0, 1)))", {"a": [0, 1]}),
        ("create table t (\"a b\" text check (\"a b\" in ('it''s')))", {"a b": ["it's"]}),
        # A comment with parentheses, and a condition that is not a list.
        ("create table t (\n-- (a in ('no'))\n a text check (a in ('x') and length(a) = 1))", {}),
        ("create table t (a text, b text, check (b is null or a in ('x')))", {}),
        ("create table t (a text check (a not in ('x')))", {}),
        ("create table t (a text check (a in (select 1)))", {}),
    ],
)
def test_check_enums(ddl, expected):
    assert check_enums(ddl) == expected


# The command ------------------------------------------------------------------


def test_package_command_writes_dist_and_says_what(db_path, dist_dir, tmp_path):
    from click.testing import CliRunner

    from peshawar.cli import cli

    result = CliRunner().invoke(cli, ["package", "--db", str(db_path), "--dist", str(tmp_path / "dist")])
    assert result.exit_code == 0, result.output
    for name in (PACKAGE_DIR, PACKAGE_ZIP, ANNOTATIONS):
        assert (tmp_path / "dist" / name).exists()
        assert f"wrote {tmp_path / 'dist' / name} (" in result.output
    # Nothing is left behind from staging.
    assert sorted(path.name for path in (tmp_path / "dist").iterdir()) == sorted([PACKAGE_DIR, PACKAGE_ZIP, ANNOTATIONS])
    # A second run from the same database writes the same bytes, as the build does.
    for name in (PACKAGE_ZIP, ANNOTATIONS):
        assert (tmp_path / "dist" / name).read_bytes() == (dist_dir / name).read_bytes(), name


def test_package_command_without_a_database_says_so(tmp_path):
    from click.testing import CliRunner

    from peshawar.cli import cli

    result = CliRunner().invoke(cli, ["package", "--db", str(tmp_path / "none.db"), "--dist", str(tmp_path / "dist")])
    assert result.exit_code == 1
    assert "none.db: no such database; run `make build` first" in result.output
    assert not (tmp_path / "dist" / ANNOTATIONS).exists()
