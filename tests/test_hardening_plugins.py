"""Unit tests of the hardening plugins' pure parts, without a server:
plugins/sql_limits.py on an in-memory SQLite connection, the parameter and
host checks and the response bound of plugins/request_guard.py, the header
merge of plugins/security_headers.py."""

import asyncio
import runpy
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"
# Datasette loads plugins from their files, not as a package: so do we.
sql_limits, guard, headers = (
    SimpleNamespace(**runpy.run_path(str(PLUGINS / f"{name}.py")))
    for name in ("sql_limits", "request_guard", "security_headers")
)


@pytest.fixture
def conn():
    connection = sqlite3.connect(":memory:")
    sql_limits.limit_connection(connection)
    yield connection
    connection.close()


# sql_limits ----------------------------------------------------------------


def test_the_limits_are_set_on_the_connection(conn):
    for limit, value in sql_limits.LIMITS.items():
        assert conn.getlimit(limit) == value


def test_rows_are_sqlite_rows_as_datasette_expects(conn):
    row = conn.execute("select 1 as a, 'x' as b").fetchone()
    assert isinstance(row, sqlite3.Row) and row["b"] == "x" and row.keys() == ["a", "b"]


def test_the_result_budget_counts_every_row_of_one_query(conn):
    factory = sql_limits.budgeted_row_factory(budget=1000)
    conn.row_factory = factory
    query = "with recursive c(x) as (select 1 union all select x + 1 from c where x < ?) select printf('%.*c', 100, 'x') from c"
    assert len(conn.execute(query, (10,)).fetchall()) == 10  # 1,000 characters: within
    with pytest.raises(sql_limits.ResultTooLarge, match="more than 1,000 characters"):
        conn.execute(query, (11,)).fetchall()
    # Each query has its own budget: the failed one does not count against the next.
    assert len(conn.execute(query, (10,)).fetchall()) == 10


def test_blobs_count_against_the_budget_too(conn):
    conn.row_factory = sql_limits.budgeted_row_factory(budget=1000)
    with pytest.raises(sql_limits.ResultTooLarge):
        conn.execute("select zeroblob(600), zeroblob(600)").fetchall()


def test_a_refused_row_is_not_kept_alive_by_the_error(conn):
    # The error's traceback lives until the garbage collector breaks its
    # cycles; the oversized row must not live that long with it.
    conn.row_factory = sql_limits.budgeted_row_factory(budget=10)
    with pytest.raises(sql_limits.ResultTooLarge) as caught:
        conn.execute("select printf('%.*c', 100, 'x')").fetchall()
    frames, traceback = [], caught.value.__traceback__
    while traceback:
        frames.append(traceback.tb_frame)
        traceback = traceback.tb_next
    assert not [v for frame in frames for v in frame.f_locals.values() if isinstance(v, tuple)]


@pytest.mark.parametrize("query", [
    "select fts3_tokenizer('simple')", "select FTS3_TOKENIZER('simple')", "select load_extension('x')",
])
def test_risky_functions_are_not_authorized(conn, query):
    with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
        conn.execute(query)


def test_the_database_file_reads_as_null(tmp_path):
    connection = sqlite3.connect(tmp_path / "x.db")
    sql_limits.limit_connection(connection)
    rows = connection.execute("select name, file from pragma_database_list").fetchall()
    assert [tuple(row) for row in rows] == [("main", None)]
    connection.close()


def test_ordinary_sql_is_untouched(conn):
    conn.execute("create table t (id integer primary key, name text)")
    conn.execute("insert into t (name) values ('a'), ('b')")
    assert [tuple(r) for r in conn.execute("select id, upper(name) from t order by id")] == [(1, "A"), (2, "B")]
    assert conn.execute("select count(*) from pragma_table_info('t')").fetchone()[0] == 2


# request_guard: parameters -----------------------------------------------------


@pytest.mark.parametrize("query_string", [
    "", "_sort=text", "_size=max&_facet=speaker_id&_facet=form", "_timelimit=500",
    "_through=" + '{"table":"a","column":"b","value":"c"}', "_json_infinity=on", "id__in=a,b,c",
    'id__in=["a", 1]', "start_char__gt=12", "start_char__gt=abc", 'text__contains=["x"]',
    "_facet=" + '{"simple":"form"}', "q=" + "word " * 100,
])
def test_ordinary_parameters_pass(query_string):
    assert guard.parameter_problem(query_string) is None


@pytest.mark.parametrize("query_string,named", [
    ("_timelimit=x", "_timelimit must be a whole number"),
    ("_timelimit=0", "_timelimit must be"),
    ("_timelimit=%C2%B2", "_timelimit must be"),
    ("_through=x", "_through must be a JSON object"),
    ("_through=" + '{"table":"a","column":"b"}', "_through must be"),
    ("_through=-1", "_through must be"),
    ("_json_infinity=maybe", "_json_infinity must be on or off"),
    ("_facet=" + '{"column":"form"}', "_facet must be"),
    ("_facet_array={}", "_facet_array must be"),
    ("id__in=[", "id__in must be"),
    ("id__notin=[[1]]", "id__notin must be"),
    ("start_char__gte=99999999999999999999", "start_char__gte must be a number SQLite can store"),
    ("start_char__lt=%C2%B2", "start_char__lt must be"),
    ("_where=%00", "NUL"),
    ("a%00=1", "NUL"),
    ("&".join(["_facet=form"] * 6), "too many facets (6; at most 5)"),
    ("&".join(f"p{i}=1" for i in range(51)), "too many query parameters (51; at most 50)"),
])
def test_bad_parameters_are_named(query_string, named):
    assert named in guard.parameter_problem(query_string)


# request_guard: hosts ------------------------------------------------------------


def test_local_names_are_allowed_by_default_with_and_without_the_port():
    hosts = guard.allowed_hosts(None, 8001)
    assert {"localhost", "localhost:8001", "127.0.0.1:8001", "[::1]:8001"} <= hosts
    assert "localhost:9999" not in hosts and "evil.example" not in hosts


def test_configured_names_replace_the_local_ones():
    hosts = guard.allowed_hosts("data.example.org, Other.example:8443", 8001)
    assert hosts == {"data.example.org", "data.example.org:8001", "other.example:8443"}


# request_guard: bad input from Datasette ---------------------------------------------


def test_only_datasettes_answers_to_bad_input_become_400():
    from datasette.views.base import DatasetteError

    assert guard.is_bad_input(DatasetteError("Cannot sort table by x"))
    assert guard.is_bad_input(DatasetteError("Invalid _through - could not find corresponding foreign key"))
    assert guard.is_bad_input(ValueError("invalid literal for int() with base 10: 'x'"))
    assert guard.is_bad_input(OverflowError("Python int too large to convert to SQLite INTEGER"))
    assert not guard.is_bad_input(DatasetteError("Cannot sort table by x", status=403))
    assert not guard.is_bad_input(KeyError("simple"))
    assert not guard.is_bad_input(ValueError("something else went wrong"))
    assert not guard.is_bad_input(RuntimeError("Cannot sort table by x"))


# request_guard: the bound on a response -------------------------------------------


def run_bounded(messages, limit):
    sent, refusals = [], []

    async def send(message):
        sent.append(message)

    async def refuse(message):
        refusals.append(message)

    async def run():
        bounded = guard.bounded_send(send, refuse, limit=limit)
        for message in messages:
            await bounded(message)

    asyncio.run(run())
    return sent, refusals


START = {"type": "http.response.start", "status": 200, "headers": []}


def test_a_body_built_in_memory_over_the_bound_is_refused():
    sent, refusals = run_bounded([START, {"type": "http.response.body", "body": b"x" * 101}], limit=100)
    assert sent == [] and len(refusals) == 1 and "more than 100 bytes" in refusals[0]


def test_a_body_within_the_bound_goes_out_as_it_was():
    body = {"type": "http.response.body", "body": b"x" * 100}
    assert run_bounded([START, body], limit=100) == ([START, body], [])


def test_a_stream_is_passed_on():
    parts = [START] + [{"type": "http.response.body", "body": b"x" * 80, "more_body": True}] * 3 + [
        {"type": "http.response.body", "body": b""}]
    sent, refusals = run_bounded(parts, limit=100)
    assert sent == parts and refusals == []


# security_headers ---------------------------------------------------------------


def test_our_headers_replace_any_of_the_same_name():
    merged = headers.with_security_headers([(b"Referrer-Policy", b"unsafe-url"), (b"content-type", b"text/html")])
    names = [name.lower() for name, _ in merged]
    assert names.count(b"referrer-policy") == 1
    assert (b"referrer-policy", b"no-referrer") in merged and (b"content-type", b"text/html") in merged


def test_the_policy_names_no_other_origin():
    policy = headers.policy_text(headers.CONTENT_SECURITY_POLICY)
    assert "http" not in policy and "*" not in policy
    assert policy.startswith("default-src 'self'; ")
