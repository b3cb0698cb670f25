"""metadata.yml says what exists, all of it, once; and `make serve` is safe.

Datasette accepts metadata for tables and columns that do not exist without
complaint, so these tests compare the metadata with the built database both
ways.
"""

import re
from pathlib import Path
from urllib.parse import parse_qsl

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
METADATA_TEXT = (ROOT / "metadata.yml").read_text(encoding="utf-8")
METADATA = yaml.safe_load(METADATA_TEXT)
DATABASE = METADATA["databases"]["peshawar"]
TABLES = DATABASE["tables"]
QUERIES = DATABASE["queries"]

CANNED_QUERIES = {
    "death_toll_by_outlet", "conflicting_claims", "quotes_by_speaker", "who_gets_quoted",
    "anonymous_sourcing", "quote_variants", "citations_by_outlet", "actor_network",
    "actor_coverage", "search", "timeline",
}
CHARTED = {"death_toll_by_outlet", "who_gets_quoted", "anonymous_sourcing", "citations_by_outlet", "timeline"}
# Every question lists quotes, claims, citations or relations, so every one
# can be narrowed to the rows a person curated (curated_only, last).
PARAMS = {"quotes_by_speaker": ["speaker"], "actor_coverage": ["actor"], "search": ["q"]}
LABEL_COLUMNS = {"actors": "name", "topics": "label", "statements": "label", "articles": "title"}


def fts_and_shadow_tables(db):
    """FTS virtual tables and their shadow tables, which Datasette hides."""
    fts = set(db.table_names(fts4=True)) | set(db.table_names(fts5=True))
    return fts | {t for t in db.table_names() for name in fts if t.startswith(f"{name}_")}


@pytest.fixture(scope="module")
def shown(db):
    """Every table and view the site lists, with its columns."""
    hidden = fts_and_shadow_tables(db)
    # sqlite_stat1 (the planner's statistics, schema/after_load.sql) is SQLite's own; Datasette hides it.
    names = [t for t in db.table_names() if t not in hidden and not t.startswith("sqlite_")] + db.view_names()
    return {name: [c.name for c in db[name].columns] for name in names}


def test_the_fts_tables_are_the_ones_the_schema_declares(db):
    assert fts_and_shadow_tables(db) >= {"articles_fts", "quotes_fts", "claims_fts"}


def test_every_table_and_view_is_described_and_no_other(shown):
    assert set(TABLES) == set(shown), (
        f"described but missing: {sorted(set(TABLES) - set(shown))}; "
        f"present but not described: {sorted(set(shown) - set(TABLES))}"
    )
    for name, table in TABLES.items():
        assert len(table.get("description", "")) > 20, f"{name} needs a description"


def test_every_column_is_described_and_no_other(shown):
    for name, columns in shown.items():
        described = TABLES[name].get("columns", {})
        assert set(described) == set(columns), (
            f"{name}: described but missing {sorted(set(described) - set(columns))}; "
            f"present but not described {sorted(set(columns) - set(described))}"
        )
        for column, text in described.items():
            assert isinstance(text, str) and len(text) > 5, f"{name}.{column} needs a description"


def test_lookup_tables_have_label_columns():
    for table, column in LABEL_COLUMNS.items():
        assert TABLES[table].get("label_column") == column


def test_facets_sorts_and_search_name_real_columns(shown, db):
    for name, table in TABLES.items():
        for key in ("label_column", "sort", "sort_desc"):
            if key in table:
                assert table[key] in shown[name], f"{name}.{key}: {table[key]}"
        for facet in table.get("facets", []):
            assert facet in shown[name], f"{name} facet {facet}"
        if "fts_table" in table:
            assert table["fts_table"] in db.table_names()
    # Facets the brief asks for.
    assert {"speaker_id", "article_id"} <= set(TABLES["quotes"]["facets"])
    assert {"speaker_kind", "outlet"} <= set(TABLES["quotes_with_speakers"]["facets"])
    assert {"kind", "topic_id"} <= set(TABLES["claims"]["facets"])
    assert "kind" in TABLES["citations"]["facets"]
    for table in ("articles", "quotes", "claims"):
        assert TABLES[table]["fts_table"] == f"{table}_fts"


def test_title_description_source_and_license():
    for key in ("title", "description", "source", "license", "license_url", "about"):
        assert METADATA.get(key), key
    assert "CC BY 4.0" in METADATA["license"]
    assert "publishers" in METADATA["license"], "the article texts are not ours to license"


def test_no_invented_urls():
    # The articles' addresses are not known; the only URL elsewhere is the
    # licence's. The source and about links are pages of this site.
    urls = re.findall(r"https?://[^\s'\"]+", METADATA_TEXT)
    assert urls == ["https://creativecommons.org/licenses/by/4.0/"]
    assert METADATA["source_url"] == "/peshawar/articles"
    assert METADATA["about_url"] == "/about"
    assert (ROOT / "templates" / "pages" / "about.html").exists()


def test_the_canned_queries_are_the_ones_asked_for():
    assert set(QUERIES) == CANNED_QUERIES
    for name, query in QUERIES.items():
        assert query.get("title"), name
        assert len(query.get("description", "")) > 40, name
        assert query["description"].rstrip().endswith((".", ")")), name
        named = sorted(set(re.findall(r"(?<!:):(\w+)", query["sql"])))
        assert sorted(query.get("params", [])) == named, name
        assert query.get("params", []) == PARAMS.get(name, []) + ["curated_only"], name


def test_canned_query_sql_style():
    # Full form: sql in a |- block, lowercase keywords, one clause per line.
    blocks = re.findall(r"^\s+sql:(.*)$", METADATA_TEXT, re.M)
    assert len(blocks) == len(QUERIES) and all(b.strip() == "|-" for b in blocks)
    keywords = r"\b(SELECT|FROM|WHERE|JOIN|LEFT|GROUP|ORDER|BY|HAVING|UNION|WITH|AS|AND|OR|ON|CASE|WHEN|THEN|ELSE|END|IN|IS|NOT|NULL|DISTINCT|LIMIT)\b"
    for name, query in QUERIES.items():
        sql = re.sub(r"'[^']*'", "''", query["sql"])
        assert not re.search(keywords, sql), f"{name}: keywords are lowercase"
        for line in query["sql"].splitlines():
            clauses = re.findall(r"\b(select|from|where|group by|order by|having)\b", re.sub(r"'[^']*'|\([^()]*\)", "", line))
            assert len(clauses) <= 1, f"{name}: one clause per line: {line.strip()}"


def test_questions_hide_their_sql_and_label_their_parameters():
    for name, query in QUERIES.items():
        assert query.get("hide_sql") is True, name
        assert set(query.get("param_labels", {})) <= set(query.get("params", [])), name


def test_charted_queries_have_charts_and_datasette_vega_fragments():
    # `chart` is drawn on the page; `fragment` opens the rows in
    # datasette-vega, the ad-hoc chart tool (templates/query.html).
    assert {name for name, q in QUERIES.items() if q.get("chart")} == CHARTED
    assert {name for name, q in QUERIES.items() if q.get("fragment")} == CHARTED
    for name in CHARTED:
        settings = dict(parse_qsl(QUERIES[name]["fragment"]))
        assert set(settings) <= {"g.mark", "g.x_column", "g.x_type", "g.y_column", "g.y_type", "g.color_column", "g.size_column"}
        assert settings["g.mark"] in {"bar", "line", "circle"}
        assert settings["g.x_column"] and settings["g.y_column"]
        for axis in ("g.x_type", "g.y_type"):
            assert settings[axis] in {"quantitative", "temporal", "ordinal", "nominal"}


def test_make_serve_is_the_safe_public_configuration():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^PORT \?= 8001$", makefile, re.M)
    recipe = makefile.split("\nserve:", 1)[1].split("\n\n", 1)[0]
    for option in (
        "--immutable $(DB)", "--host 127.0.0.1", "--port $(PORT)", "--metadata metadata.yml",
        "--plugins-dir plugins", "--template-dir templates", "--static static:static",
        "--setting sql_time_limit_ms",
    ):
        assert option in recipe, option
    # Nothing that would open the site up.
    for risky in ("0.0.0.0", "--cors", "--root", "allow_download", "--setting default_allow_sql"):
        assert risky not in recipe, risky

