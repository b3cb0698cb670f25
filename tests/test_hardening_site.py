"""The hostile requests of issue 12, each refused or answered within bounds,
through Datasette's test client serving the site as `make serve` does
(plugins/sql_limits.py, request_guard.py, security_headers.py).

Every test asserts the refusal and what it says, and, where the old site
sent a huge answer, that the answer is now small.
"""

import asyncio
import json
import re

import pytest

from plugin_modules import load_plugin
from serving import serve_settings

pytestmark = pytest.mark.asyncio(loop_scope="session")

TWO_THOUSAND_ROWS_OF_100_KB = (
    "with recursive c(x) as (select 1 union all select x + 1 from c where x < 2000) "
    "select printf('%.*c', 100000, 'x') as s from c"
)
# One row, 64 columns of nearly 2 MB each: the widest result SQLite allows.
WIDEST_ROW = "with t(s) as (select printf('%.*c', 1999000, 'x')) select " + ", ".join(["s"] * 64) + " from t"
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options")


async def sql(datasette, query, suffix=".json", **params):
    # wait_for: a request that hangs fails the test instead of the suite.
    return await asyncio.wait_for(
        datasette.client.get(f"/peshawar{suffix}", params={"sql": query, **params}), timeout=60
    )


# One request cannot build or send a huge answer ----------------------------------


@pytest.mark.parametrize("suffix", [".json", "", ".csv"])
async def test_two_thousand_rows_of_100_kb_are_refused_small(datasette, suffix):
    response = await sql(datasette, TWO_THOUSAND_ROWS_OF_100_KB, suffix)
    if suffix == ".csv":
        # Datasette answers a failed query's CSV with an empty table (200).
        assert response.status_code == 200 and response.text.strip() == ""
    else:
        assert response.status_code == 400
        assert "query result too large" in response.text
    assert len(response.content) < 50_000


async def test_a_20_mb_zeroblob_is_refused(datasette):
    response = await sql(datasette, "select zeroblob(20000000)")
    assert response.status_code == 400
    assert "too big" in response.json()["error"]


async def test_a_string_past_the_length_limit_cannot_be_built(datasette):
    response = await sql(datasette, "select length(replace(printf('%.*c', 1000001, 'x'), 'x', 'xx'))")
    assert response.status_code == 400
    assert "too big" in response.json()["error"]
    # SQLite's printf gives NULL rather than a string it may not build.
    response = await sql(datasette, "select length(printf('%.*c', 2000001, 'x')) as n", _shape="array")
    assert response.json() == [{"n": None}]
    fits = await sql(datasette, "select length(printf('%.*c', 1000000, 'x')) as n", _shape="array")
    assert fits.json() == [{"n": 1000000}]


async def test_a_response_past_its_bound_is_refused_even_within_the_result_budget(datasette):
    # 9.5 million control characters fit the budget; as JSON each becomes
    # six bytes (\u0001): 57 MB, past the 20 MB a response may be.
    query = ("with recursive c(x) as (select 1 union all select x + 1 from c where x < 5) "
             "select printf('%.*c', 1900000, char(1)) from c")
    response = await sql(datasette, query)
    assert response.status_code == 400
    assert "response too large: more than 20,000,000 bytes" in response.json()["error"]


async def test_the_widest_row_is_refused(datasette):
    response = await sql(datasette, WIDEST_ROW)
    assert response.status_code == 400
    assert "query result too large" in response.json()["error"]


async def test_too_many_columns_are_refused(datasette):
    response = await sql(datasette, "select " + ", ".join(["1"] * 65))
    assert response.status_code == 400
    assert "too many columns" in response.json()["error"]


async def test_ordinary_large_answers_still_come_whole(datasette, db):
    response = await datasette.client.get("/peshawar/mentions.json", params={"_size": "max", "_shape": "array"})
    assert response.status_code == 200
    assert len(response.json()) == min(db["mentions"].count, serve_settings()["max_returned_rows"])
    response = await sql(datasette, "select id, body from articles", _shape="array")
    assert {row["id"] for row in response.json()} == {row["id"] for row in db["articles"].rows}


async def test_a_facet_flood_is_refused(datasette):
    # 300 copies of one facet took 36 s and sent 48 MB.
    response = await asyncio.wait_for(
        datasette.client.get("/peshawar/quotes", params=[("_facet", "text")] * 300), timeout=60
    )
    assert response.status_code == 400
    assert "too many" in response.text


# Risky SQL functions and the server's file path ------------------------------------


@pytest.mark.parametrize("query", [
    "select fts3_tokenizer('simple')",
    "select FTS3_Tokenizer('porter')",
    "select fts3_tokenizer('x', x'0000000000000000')",
    "select rtreenode(2, x'00')",
    "select load_extension('/tmp/x')",
])
async def test_risky_functions_are_refused(datasette, query):
    response = await sql(datasette, query)
    assert response.status_code == 400
    assert "not authorized" in response.json()["error"]


@pytest.mark.parametrize("query", [
    "select * from pragma_database_list",
    "select file from PRAGMA_DATABASE_LIST()",
    "select group_concat(file) as f from pragma_database_list",
])
async def test_pragma_database_list_does_not_reveal_the_path(datasette, db_path, query):
    response = await sql(datasette, query, _shape="array")
    assert response.status_code == 200
    assert str(db_path) not in response.text and db_path.parent.name not in response.text
    assert all(value is None for row in response.json() for key, value in row.items() if key in ("file", "f"))


async def test_pragmas_other_than_the_functions_stay_refused(datasette):
    response = await sql(datasette, "pragma database_list")
    assert response.status_code == 400


# Bad parameter values are the client's mistake, named: 400, not 500 ----------------


@pytest.mark.parametrize("path,params,named", [
    ("/peshawar/quotes.json", {"_sort": "no_such_column"}, "Cannot sort table by no_such_column"),
    ("/peshawar/quotes.json", {"_sort_desc": "no_such_column"}, "Cannot sort table by no_such_column"),
    ("/peshawar/quotes", {"_sort": "no_such_column"}, "Cannot sort table by no_such_column"),
    ("/peshawar/quotes.json", {"_through": "junk"}, "_through must be"),
    ("/peshawar/quotes.json", {"_through": '{"table": "topics", "column": "id", "value": "x"}'}, "Invalid _through"),
    ("/peshawar/quotes.json", {"_timelimit": "junk"}, "_timelimit must be"),
    ("/peshawar/death_toll_by_outlet.json", {"_timelimit": "-1"}, "_timelimit must be"),
    ("/peshawar.json", {"sql": "select 1", "_timelimit": "1e309"}, "_timelimit must be"),
    ("/peshawar/quotes.json", {"_json_infinity": "junk"}, "_json_infinity must be"),
    ("/peshawar/quotes.json", {"start_char__gt": "99999999999999999999"}, "start_char__gt must be"),
    ("/peshawar/quotes.json", {"start_char__lt": "²"}, "start_char__lt must be"),
    ("/peshawar/quotes.json", {"id__in": "["}, "id__in must be"),
    ("/peshawar/quotes.json", {"_facet": '{"column": "id"}'}, "_facet must be"),
    ("/peshawar/quotes.json", {"_where": "\x00"}, "NUL"),
    ("/peshawar/quotes_with_speakers.json", {"_next": "junk"}, "invalid literal"),
])
async def test_bad_parameters_are_named_with_400(datasette, path, params, named):
    response = await datasette.client.get(path, params=params)
    assert response.status_code == 400, response.text
    assert named in response.text


# Datasette 0.65's documented table and query parameters, and the filters
# (one numeric column: numbers take their own path through Datasette).
TABLE_PARAMETERS = (
    "_sort", "_sort_desc", "_size", "_next", "_search", "_search_text", "_searchmode", "_where", "_col",
    "_nocol", "_facet", "_facet_array", "_facet_date", "_facet_size", "_labels", "_label", "_nofacet",
    "_nosuggest", "_nocount", "_trace", "_through", "_timelimit", "_shape", "_nl", "_json",
    "_json_infinity", "_dl", "_stream", "_fts_table", "_fts_pk", "_filter_column", "_filter_op",
    "_filter_value", "_filter_column_1", "_filter_op_1", "_filter_value_1",
) + tuple(f"start_char__{op}" for op in (
    "exact", "not", "contains", "endswith", "startswith", "gt", "gte", "lt", "lte", "like", "notlike",
    "glob", "in", "notin", "arraycontains", "arraynotcontains", "date", "isnull", "notnull", "isblank",
    "notblank",
))
QUERY_PARAMETERS = ("_shape", "_json", "_nl", "_timelimit", "_size", "_hide_sql", "_show_sql", "_dl",
                    "_stream", "_json_infinity", "_trace", "_labels")
# Each value stands for a class of mistakes that once made Datasette fail.
JUNK = (
    "", "x", "-1", "99999999999999999999", "²", "[", "[[1]]", '{"simple": 1}',
    '{"table": "quotes", "column": "id"}', "'", "\x00", "a" * 300,
)


async def no_server_errors(datasette, path, parameters, base=None):
    """(parameter, junk, status) of every junk value that gets a 5xx."""
    requests = [(parameter, junk) for parameter in parameters for junk in JUNK]
    gate = asyncio.Semaphore(6)

    async def status(parameter, junk):
        async with gate:
            response = await datasette.client.get(path, params={**(base or {}), parameter: junk})
            return response.status_code

    statuses = await asyncio.gather(*(status(*request) for request in requests))
    return [(*request, code) for request, code in zip(requests, statuses) if code >= 500]


@pytest.mark.parametrize("path", ["/peshawar/quotes.json", "/peshawar/quotes_with_speakers.json"])
async def test_junk_in_any_table_parameter_is_never_a_server_error(datasette, path):
    # Facet suggestions (the slow part of a table page) are left on only
    # where facet parameters could upset them.
    facets = [p for p in TABLE_PARAMETERS if p.startswith("_facet") or p == "_nosuggest"]
    others = [p for p in TABLE_PARAMETERS if p not in facets]
    assert await no_server_errors(datasette, path, facets, {"_size": "2"}) == []
    assert await no_server_errors(datasette, path, others, {"_size": "2", "_nosuggest": "1"}) == []


@pytest.mark.parametrize("path", ["/peshawar/quotes", "/peshawar/quotes.csv"])
async def test_junk_on_pages_and_csv_is_never_a_server_error(datasette, path):
    parameters = ("_sort", "_sort_desc", "_next", "_where", "_facet", "_through", "_timelimit", "_size",
                  "_labels", "start_char__gt", "id__in")
    assert await no_server_errors(datasette, path, parameters, {"_size": "2"}) == []


@pytest.mark.parametrize("path,base", [
    ("/peshawar.json", {"sql": "select id from quotes limit 2"}),
    ("/peshawar/quotes_by_speaker.json", {"speaker": "Khurasani"}),
    ("/peshawar/quotes/vice-q01.json", {}),
])
async def test_junk_in_any_query_parameter_is_never_a_server_error(datasette, path, base):
    assert await no_server_errors(datasette, path, QUERY_PARAMETERS, base) == []


# Host header, security headers --------------------------------------------------


async def test_an_unexpected_host_is_refused(datasette):
    response = await datasette.client.get("/peshawar/quotes", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert "evil.example" not in response.text
    assert "evil.example" not in json.dumps(dict(response.headers))


async def test_links_are_built_from_an_allowed_host(datasette):
    response = await datasette.client.get("/peshawar/quotes.json", params={"_size": "2"})
    assert response.status_code == 200
    assert response.json()["next_url"].startswith("http://localhost/peshawar/quotes.json")
    assert re.findall(r"<([^>]+)>", response.headers["link"])
    assert all(url.startswith("http://localhost/") for url in re.findall(r"<([^>]+)>", response.headers["link"]))


@pytest.mark.parametrize("path,status", [
    ("/", 200), ("/peshawar", 200), ("/peshawar/quotes", 200), ("/peshawar/quotes.json", 200),
    ("/peshawar/quotes.csv", 200), ("/peshawar/articles/nbc-massacre-splits-militant-groups", 200),
    ("/static/peshawar.css", 200), ("/-/static/app.css", 200), ("/peshawar.db", 200),
    ("/no-such-page", 404), ("/peshawar/quotes/", 302), ("/peshawar/quotes.json?_timelimit=x", 400),
])
async def test_every_response_carries_the_security_headers(datasette, path, status):
    response = await datasette.client.get(path)
    assert response.status_code == status
    for header in SECURITY_HEADERS:
        assert header in response.headers, (path, header)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["x-frame-options"] == "DENY"
    policy = response.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "default-src 'self'" in policy and "http" not in policy
    # One of each, never two that disagree.
    assert len(response.headers.get_list("referrer-policy")) == 1


@pytest.mark.parametrize("path", ["/peshawar/quotes", "/peshawar/death_toll_by_outlet", "/peshawar", "/"])
async def test_the_read_only_site_refuses_writing_methods(datasette, path):
    # Datasette 0.65 answered a POST to a table or a canned query with a 500.
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        response = await datasette.client.request(method, path, data={"sql": "delete from quotes"})
        assert response.status_code == 405, (method, path)
        assert response.headers["allow"] == "GET, HEAD, OPTIONS"
    assert (await datasette.client.request("HEAD", path)).status_code == 200


async def test_refusals_made_before_datasette_carry_the_headers_too(datasette):
    response = await datasette.client.get("/peshawar", headers={"host": "evil.example"})
    assert response.status_code == 400
    assert "content-security-policy" in response.headers


@pytest.mark.parametrize("path,eval_allowed", [
    ("/", False), ("/peshawar/death_toll_by_outlet", False), ("/peshawar/quotes/nbc-q01", False),
    ("/peshawar/articles/nbc-massacre-splits-militant-groups", False), ("/about", False),
    ("/peshawar/quotes", True), ("/peshawar?sql=select+1", True), ("/peshawar/quotes.json", False),
])
async def test_eval_is_allowed_only_on_pages_with_the_adhoc_chart_tool(datasette, path, eval_allowed):
    """datasette-vega's Vega 3 needs 'unsafe-eval'; the question charts do not,
    so pages without its tool get the policy without it."""
    security = load_plugin("security_headers")
    response = await datasette.client.get(path)
    policy = response.headers["content-security-policy"]
    assert ("'unsafe-eval'" in policy) == eval_allowed, path
    assert ("/-/static-plugins/datasette_vega/" in response.text) == eval_allowed, path
    assert policy.replace(" 'unsafe-eval'", "") == security.policy_text(security.CONTENT_SECURITY_POLICY)
