"""schema/schema.sql is the one definition of the tables and of the values
their CHECKs allow; what reads it back, and the seed JSON Schema, must agree
with it."""

import json
from pathlib import Path

import pytest

from peshawar.dataset import schema
from peshawar.dataset.rows import collect

ROOT = Path(__file__).resolve().parents[2]
SEEDS_SCHEMA = json.loads((ROOT / "schema" / "seeds.schema.json").read_text(encoding="utf-8"))

# Each enum of the seed JSON Schema and the CHECK list it must equal.
ENUM_PAIRS = {
    "$defs/provenance/properties/status": ("article_provenance", "status"),
    "$defs/automatic/properties/method": ("quotes", "method"),
    "$defs/actors_file/properties/actors/items/properties/kind": ("actors", "kind"),
    "$defs/annotation_file/properties/status": ("articles", "annotation_status"),
    "$defs/annotation_file/properties/quotes/items/properties/form": ("quotes", "form"),
    "$defs/annotation_file/properties/claims/items/properties/kind": ("claims", "kind"),
    "$defs/annotation_file/properties/claims/items/properties/qualifier": ("claims", "qualifier"),
    "$defs/annotation_file/properties/citations/items/properties/kind": ("citations", "kind"),
    "$defs/annotation_file/properties/relations/items/properties/relation": ("actor_relations", "relation"),
}
# Enums of the seed files with no CHECK list: skipped_spans.reason is free text.
SEED_ONLY = {
    "$defs/annotation_file/properties/not_quotes/items/properties/reason",
    "$defs/annotation_file/properties/not_numbers/items/properties/reason",
}
# CHECK lists with no enum in the seed files: computed by the build, or
# booleans, or (article_provenance.field) the property names of an article.
SQL_ONLY = {
    ("actors", "method"), ("actor_aliases", "is_name"), ("article_provenance", "field"),
    ("quotes", "is_pull_quote"), ("claims", "voice"), ("claims", "method"), ("citations", "method"),
    ("actor_relations", "method"), ("mentions", "method"), ("skipped_spans", "span_kind"),
    ("review_queue", "kind"),
    # How a link was made: curated when the seed gives no rule for it.
    ("statements", "method"), ("quotes", "statement_method"), ("claims", "topic_method"),
}


def enums(node, path=""):
    """``{json path: enum values}`` of every enum in a JSON Schema."""
    found = {}
    if isinstance(node, dict):
        if "enum" in node:
            found[path] = node["enum"]
        for key, value in node.items():
            found.update(enums(value, f"{path}/{key}" if path else key))
    return found


def test_the_tables_are_read_from_the_schema_parents_first():
    tables = schema.tables()
    assert {"actors", "articles", "quotes", "claims", "citations", "statements", "topics", "mentions"} <= set(tables)
    assert not any(name.endswith("_fts") or "_fts_" in name for name in tables)
    assert tables.index("actors") < tables.index("articles") < tables.index("quotes")
    assert tables.index("statements") < tables.index("quotes") and tables.index("topics") < tables.index("claims")
    assert schema.fts_tables() == ("articles_fts", "quotes_fts", "claims_fts")


def test_the_build_fills_exactly_the_schema_tables():
    tables, _ = collect(ROOT / "seeds")
    # review_queue is filled by the load, from the gaps of the drafts (tests/dataset/test_review.py).
    assert set(tables) == set(schema.tables()) - {"review_queue"}


def test_check_lists_read_the_values_as_written():
    lists = schema.check_lists()
    assert lists[("claims", "qualifier")][:3] == ("exact", "at_least", "more_than")
    assert lists[("actor_aliases", "is_name")] == (0, 1)
    assert "anonymous_source" in lists[("actors", "kind")]


def test_every_seed_enum_is_paired_with_a_check_list():
    found = enums(SEEDS_SCHEMA)
    assert set(found) == set(ENUM_PAIRS) | SEED_ONLY, "a new enum in seeds.schema.json: pair it with its CHECK list"


def test_every_check_list_is_paired_with_a_seed_enum():
    paired = set(ENUM_PAIRS.values())
    assert set(schema.check_lists()) == paired | SQL_ONLY, "a new CHECK list in schema.sql: pair it with its enum"


@pytest.mark.parametrize("path, table_column", ENUM_PAIRS.items())
def test_seed_enums_equal_the_check_lists(path, table_column):
    seed_values = [value for value in enums(SEEDS_SCHEMA)[path] if value is not None]
    assert tuple(seed_values) == schema.check_lists()[table_column]


def test_every_method_column_allows_the_same_values():
    lists = schema.check_lists()
    assert {lists[key] for key in lists if key[1] == "method"} == {("curated", "automatic")}


def test_checks_in_reads_each_check_whole_past_strings_and_comments():
    sql = """CREATE TABLE t (
        a TEXT CHECK (a IN ('x)', 'CHECK (y')),  -- a comment with CHECK (z and a )
        b INTEGER /* CHECK (no) */ CHECK ((b >= 0) AND (b < 10)),
        "check" TEXT,
        CHECK (a = 'x)' OR b IS NULL)
    )"""
    assert schema.checks_in(sql) == (
        "(a IN ('x)', 'CHECK (y'))",
        "((b >= 0) AND (b < 10))",
        "(a = 'x)' OR b IS NULL)",
    )


def test_check_constraints_find_every_check_of_the_schema():
    """As many as the schema writes (none lost to a parenthesis in a string),
    and each one a valid expression over its table."""
    import sqlite3

    written = "\n".join(schema.statements()).upper().count("CHECK (")
    found = schema.check_constraints()
    assert sum(len(expressions) for expressions in found.values()) == written
    assert found["claims"][0] == "(voice IN ('article', 'attributed'))"
    conn = sqlite3.connect(":memory:")
    schema.ensure_db_shape(conn)
    for table, expressions in found.items():
        for expression in expressions:
            conn.execute(f"select count(*) from {table} where not {expression}")
