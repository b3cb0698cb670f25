"""The published site, through Datasette's own test client, served the way
`make serve` serves it (the `datasette` fixture in conftest.py).

Expected values come from the article texts: NBC reports 148 dead, VICE 150
(134 of them children), the "group behind" and "blowback" articles at least
145, and the "132 children" article 132 children.
"""

import asyncio
import csv
import io
import json
import re
from pathlib import Path

import pytest
import yaml

from html_tree import parse

pytestmark = pytest.mark.asyncio(loop_scope="session")

ROOT = Path(__file__).resolve().parents[1]
METADATA = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
TABLES = list(METADATA["databases"]["peshawar"]["tables"])
QUERIES = METADATA["databases"]["peshawar"]["queries"]
QUERY_ARGS = {"quotes_by_speaker": {"speaker": "Khurasani"}, "actor_coverage": {"actor": "Taliban"}, "search": {"q": "Taliban"}}

NBC = "nbc-massacre-splits-militant-groups"
VICE = "vice-why-taliban-massacred-children"
MEN132 = "men-who-shot-132-children"
GROUP = "group-behind-brutal-school-attack"
BLOWBACK = "taliban-blowback-army-offensive"


async def rows_of(datasette, name, **params):
    response = await datasette.client.get(f"/peshawar/{name}.json", params={**params, "_shape": "array"})
    assert response.status_code == 200, response.text
    return response.json()


# The canned queries answer with what the articles say -----------------------


async def test_death_toll_by_outlet(datasette):
    rows = await rows_of(datasette, "death_toll_by_outlet")
    values = {}
    for row in rows:
        values.setdefault(row["article_id"], set()).add(row["value"])
    assert values[NBC] == {148}
    assert values[VICE] == {150, 134}
    assert values[GROUP] == {145}
    assert values[BLOWBACK] == {145}
    assert values[MEN132] == {132}
    totals = sorted(r["value"] for r in rows if r["population"] != "children")
    assert totals == [145, 145, 148, 150]
    # Three articles do not name their outlet: they get a readable label.
    assert all(row["source"] for row in rows)
    unnamed = {row["article_id"] for row in rows if row["outlet"] == "outlet not stated"}
    assert unnamed == {MEN132, GROUP, BLOWBACK}
    at_least = {row["article_id"] for row in rows if row["qualifier"] == "at_least"}
    assert at_least == {GROUP, BLOWBACK}


async def test_conflicting_claims(datasette):
    rows = await rows_of(datasette, "conflicting_claims")
    by_topic = {}
    for row in rows:
        by_topic.setdefault(row["topic_id"], []).append(row)
    assert "death-toll" in by_topic
    toll = " ".join(r["figures_reported"] for r in by_topic["death-toll"])
    for figure in ("148", "150", "145", "134", "132"):
        assert figure in toll
    invasion = by_topic["us-invasion-of-afghanistan-year"]
    assert len(invasion) == 1
    assert "2001" in invasion[0]["figures_reported"] and "2002" in invasion[0]["figures_reported"]
    assert all(row["different_values"] > 1 and row["articles"] > 1 for row in rows)


@pytest.mark.parametrize("speaker", ["Khurasani", "khurasani", "Khorasani", "Mohammad Omar Khorasani"])
async def test_quotes_by_speaker_matches_every_spelling(datasette, speaker):
    rows = await rows_of(datasette, "quotes_by_speaker", speaker=speaker)
    assert {row["speaker"] for row in rows} == {"Mohammad Omar Khorasani"}
    assert {row["article_id"] for row in rows} == {VICE, MEN132}
    words = " ".join(row["words"] for row in rows)
    assert "We want the Pakistan army to feel pain" in words
    assert "justified" in words


async def test_quotes_by_speaker_keeps_mullah_omar_apart(datasette):
    rows = await rows_of(datasette, "quotes_by_speaker", speaker="Mullah Omar")
    assert "Mohammad Omar Khorasani" not in {row["speaker"] for row in rows}


async def test_who_gets_quoted(datasette):
    rows = await rows_of(datasette, "who_gets_quoted")
    assert {"speaker", "speaker_kind", "anonymity", "source", "quotes"} <= set(rows[0])
    # "a senior Pakistani commander who spoke on the condition of anonymity told NBC News"
    anonymous = [r for r in rows if r["anonymity"] == "anonymous"]
    assert anonymous and all(r["speaker_kind"] == "anonymous_source" for r in anonymous)
    assert NBC in {r["article_id"] for r in anonymous}
    speakers = {r["speaker"] for r in rows}
    assert {"Ayesha Siddiqa", "Sherry Rehman"} <= speakers


async def test_anonymous_sourcing(datasette):
    rows = {row["article_id"]: row for row in await rows_of(datasette, "anonymous_sourcing")}
    assert set(rows) == {NBC, VICE, MEN132, GROUP, BLOWBACK}
    assert rows[NBC]["anonymous_quotes"] >= 1 and rows[NBC]["anonymous_percent"] > 0
    assert rows[MEN132]["anonymous_quotes"] == 0
    for row in rows.values():
        if row["quotes"]:
            assert row["anonymous_percent"] == round(100 * row["anonymous_quotes"] / row["quotes"], 1)


async def test_quote_variants_shows_the_afghan_taliban_statement(datasette):
    rows = await rows_of(datasette, "quote_variants")
    afghan = [r for r in rows if r["speaker"] == "Afghan Taliban"]
    by_article = {}
    for row in afghan:
        by_article[row["source"]] = row["quoted_as"]
    assert "are against the basics of Islam" in by_article["NBC News"]
    assert "goes against the principles of Islam" in by_article["VICE News"]
    assert len({r["statement_id"] for r in afghan}) == 1
    # Row ids in query results link to their rows (plugins/row_links.py).
    page = (await datasette.client.get("/peshawar/quote_variants")).text
    for row in afghan:
        for quote_id in row["quote_ids"].split(", "):
            assert f'<a href="/peshawar/quotes/{quote_id}">{quote_id}</a>' in page


async def test_citations_by_outlet(datasette):
    rows = await rows_of(datasette, "citations_by_outlet")
    credited = {}
    for row in rows:
        credited.setdefault(row["article_id"], set()).add(row["cited"])
    assert {"The Associated Press", "The New York Times", "Pakistan Today", "The Guardian"} <= credited[BLOWBACK]
    assert {"The Associated Press", "The New York Times", "CNN", "Council on Foreign Relations"} <= credited[GROUP]
    kinds = {(r["article_id"], r["cited"]): r["kind"] for r in rows}
    assert kinds[(GROUP, "The Associated Press")] == "wire_photo"  # "(AP Photo/Mohammad Sajjad)"


async def test_actor_network(datasette):
    rows = await rows_of(datasette, "actor_network")
    triples = {(r["subject"], r["relation"], r["object"]) for r in rows}
    assert ("Zabihullah Mujahid", "spokesman of", "Afghan Taliban") in triples
    assert all(r["evidence"] for r in rows)


async def test_actor_coverage(datasette):
    rows = await rows_of(datasette, "actor_coverage", actor="Khurasani")
    by_article = {r["article_id"]: r for r in rows}
    assert set(by_article) == {VICE, MEN132}
    assert "Khurasani" in by_article[MEN132]["spellings"]
    assert "Khorasani" in by_article[VICE]["spellings"]
    assert by_article[VICE]["quotes"] >= 1 and by_article[VICE]["mentions"] >= 1


async def test_search_finds_a_quote_by_a_word_in_it(datasette):
    rows = await rows_of(datasette, "search", q="bravery")
    quotes = [r for r in rows if r["found_in"] == "quote"]
    assert quotes and "**bravery**" in quotes[0]["snippet"]
    assert {r["article_id"] for r in rows} == {NBC}


@pytest.mark.parametrize("q", ["", "   ", '"', "NEAR(", "AND", "*", "-", "a:b", "'"])
async def test_search_survives_odd_input(datasette, q):
    response = await datasette.client.get("/peshawar/search.json", params={"q": q})
    assert response.status_code == 200, response.text
    html = await datasette.client.get("/peshawar/search", params={"q": q})
    assert html.status_code == 200


async def test_timeline_is_in_order(datasette):
    rows = await rows_of(datasette, "timeline")
    dates = [r["date"] for r in rows if r["date"]]
    assert dates == sorted(dates)
    assert {"2001", "2002", "2007"} <= set(dates)
    assert {r["kind"] for r in rows} <= {"date", "year"}


@pytest.mark.parametrize("name", sorted(n for n, q in QUERIES.items() if q.get("fragment")))
async def test_each_chart_has_its_columns_and_all_its_rows(datasette, name):
    response = await datasette.client.get(f"/peshawar/{name}.json")
    data = response.json()
    assert not data["truncated"]
    fragment = dict(re.findall(r"g\.(\w+)=([^&]+)", QUERIES[name]["fragment"]))
    for key in ("x_column", "y_column", "color_column"):
        if key in fragment:
            assert fragment[key] in data["columns"], (name, key)
    # datasette-vega draws nothing for fewer than two rows.
    assert len(data["rows"]) >= 2
    page = await datasette.client.get(f"/peshawar/{name}")
    assert "history.replaceState" in page.text
    assert json.dumps(QUERIES[name]["fragment"]) in page.text


# Every page and export ------------------------------------------------------


def paths():
    for table in TABLES:
        yield f"/peshawar/{table}", {}
    for name in QUERIES:
        yield f"/peshawar/{name}", QUERY_ARGS.get(name, {})


@pytest.mark.parametrize("path,params", list(paths()))
async def test_every_page_and_export_answers_and_parses(datasette, path, params):
    page = await datasette.client.get(path, params=params)
    assert page.status_code == 200
    for labels in ({}, {"_labels": "on"}):
        as_json = await datasette.client.get(f"{path}.json", params={**params, **labels})
        assert as_json.status_code == 200, as_json.text
        data = as_json.json()
        assert data["rows"], f"{path} has no rows"
        as_csv = await datasette.client.get(f"{path}.csv", params={**params, **labels, "_size": "max"})
        assert as_csv.status_code == 200
        table = list(csv.reader(io.StringIO(as_csv.text)))
        assert set(data["columns"]) <= set(table[0])
        assert len(table) - 1 >= len(data["rows"])


async def test_labels_expand_foreign_keys_to_names(datasette):
    response = await datasette.client.get("/peshawar/quotes.json", params={"_labels": "on", "_shape": "array", "id": "vice-q01"})
    row = response.json()[0]
    assert row["speaker_id"] == {"value": "mohammad-omar-khorasani", "label": "Mohammad Omar Khorasani"}
    assert row["article_id"]["label"].startswith("Why the Pakistani Taliban Massacred")


@pytest.mark.parametrize("table,word,expected", [
    ("quotes", "bravery", "Attacking a school and killing innocent children is not bravery."),
    ("claims", "148", "148 people dead"),
    ("articles", "Khurasani", "The Men Who Shot 132 Children at Their School in Pakistan"),
])
async def test_table_search_box(datasette, table, word, expected):
    page = await datasette.client.get(f"/peshawar/{table}")
    assert 'name="_search"' in page.text
    response = await datasette.client.get(f"/peshawar/{table}.json", params={"_search": word, "_shape": "array"})
    assert response.status_code == 200
    found = [r.get("text") or r.get("title") for r in response.json()]
    assert expected in found


async def test_row_pages_answer(datasette):
    for table in ("quotes", "claims", "citations", "actors", "topics", "statements", "actor_relations"):
        rows = await rows_of(datasette, table)
        first = rows[0]["id"]
        response = await datasette.client.get(f"/peshawar/{table}/{first}")
        assert response.status_code == 200, (table, first)


# The article reading page ---------------------------------------------------


async def test_article_page_marks_every_span_and_links_it(datasette, db):
    response = await datasette.client.get(f"/peshawar/articles/{NBC}")
    assert response.status_code == 200
    html = response.text
    assert html.count("<mark") == html.count("</mark>") > 0
    for table, kind in (("quotes", "quote"), ("claims", "claim"), ("citations", "citation")):
        ids = [r["id"] for r in db[table].rows_where("article_id = ?", [NBC])]
        assert ids, table
        for row_id in ids:
            assert f'data-kind="{kind}" data-id="{row_id}"' in html, row_id
            assert f'href="/peshawar/{table}/{row_id}"' in html, row_id
    # The body's own quotation marks and apostrophes come out escaped.
    assert "didn&#39;t just shock the nation" in html
    assert "peshawar.css" in html
    css = await datasette.client.get("/static/peshawar.css")
    assert css.status_code == 200 and "mark.span-quote" in css.text


@pytest.mark.parametrize("article", [NBC, VICE, MEN132, GROUP, BLOWBACK])
async def test_article_page_is_the_whole_text_in_well_formed_marks(datasette, db, article):
    html = (await datasette.client.get(f"/peshawar/articles/{article}")).text
    reading = html[html.index('<div class="article-body">') + len('<div class="article-body">'):]
    reading = reading[: reading.index("</div>")]
    tree = parse(reading)  # fails on a tag closed out of order or a link in a link
    assert "".join(tree.text) == db["articles"].get(article)["body"]
    spans = sum(db[t].count_where("article_id = ?", [article]) for t in ("quotes", "claims", "citations"))
    assert len({m["data-id"] for m in tree.marks}) == spans


async def test_article_page_nests_a_claim_inside_a_quote(datasette, db):
    # VICE: "We want the Pakistan army to feel pain," is a quote, and the
    # motive it states is a claim on the same words.
    nested = list(db.query(
        "select claims.id as claim, quotes.id as quote, quotes.article_id from claims "
        "join quotes on quotes.article_id = claims.article_id "
        "and claims.start_char >= quotes.start_char and claims.end_char <= quotes.end_char "
        "order by quotes.id limit 1"
    ))
    assert nested, "the curated data has a claim inside a quote"
    html = (await datasette.client.get(f"/peshawar/articles/{nested[0]['article_id']}")).text
    quote_at = html.index(f'data-kind="quote" data-id="{nested[0]["quote"]}"')
    claim_at = html.index(f'data-kind="claim" data-id="{nested[0]["claim"]}"')
    assert quote_at < claim_at
    between = html[quote_at:claim_at]
    # The quote's mark is still open where the claim's opens: nested, not split.
    assert between.count("</mark>") <= between.count("<mark")


async def test_article_titles_in_the_list_link_to_reading_pages(datasette):
    page = await datasette.client.get("/peshawar/articles")
    assert f'href="/peshawar/articles/{VICE}"' in page.text


# Safe public settings -------------------------------------------------------


async def raw_get(datasette, raw_path):
    """Send a request with exactly these path bytes, as a browser might."""
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": raw_path.decode("latin-1"), "raw_path": raw_path,
        "query_string": b"", "root_path": "", "headers": [(b"host", b"localhost:8001")],
        "server": ("127.0.0.1", 8001), "client": ("127.0.0.1", 50000),
    }
    messages = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        messages.append(message)

    await datasette.app()(scope, receive, send)
    start = messages[0]
    headers = {k.decode().lower(): v.decode("latin-1") for k, v in start.get("headers", [])}
    return start["status"], headers.get("location")


@pytest.mark.parametrize("raw_path", [
    b"/\\example.com/", b"//example.com/", b"/%5Cexample.com/", b"/%5c%5cexample.com/",
    b"/\\/example.com/", b"/%2F%2Fexample.com/", b"///example.com/", b"/\\example.com/peshawar/",
])
async def test_no_redirect_leaves_the_site(datasette, raw_path):
    status, location = await raw_get(datasette, raw_path)
    if 300 <= status < 400:
        normalised = location.replace("\\", "/").strip()
        assert normalised.startswith("/") and not normalised.startswith("//"), location
    else:
        assert status in (400, 404)


async def test_the_off_site_trap_is_refused_outright(datasette):
    assert await raw_get(datasette, b"/\\example.com/") == (404, None)


async def test_ordinary_redirects_still_work(datasette):
    assert await raw_get(datasette, b"/peshawar/") == (302, "/peshawar")
    response = await datasette.client.get("/peshawar/quotes/")
    assert response.status_code == 302 and response.headers["location"] == "/peshawar/quotes"


async def test_a_runaway_query_is_stopped_by_the_time_limit(datasette):
    sql = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
    response = await asyncio.wait_for(
        datasette.client.get("/peshawar.json", params={"sql": sql}), timeout=30
    )
    assert response.status_code == 400
    assert "interrupted" in response.text.lower() or "too long" in response.text.lower()


@pytest.mark.parametrize("sql", [
    "delete from quotes",
    "update articles set title = 'x'",
    "insert into topics (id, label) values ('x', 'x')",
    "drop table quotes",
    "attach database '/tmp/x.db' as x",
])
async def test_write_queries_are_refused(datasette, sql):
    response = await datasette.client.get("/peshawar.json", params={"sql": sql})
    assert response.status_code == 400
    assert await rows_of(datasette, "quotes")


async def test_the_database_is_immutable(datasette):
    databases = (await datasette.client.get("/-/databases.json")).json()
    peshawar = [d for d in databases if d["name"] == "peshawar"][0]
    assert peshawar["is_mutable"] is False


async def test_query_input_is_escaped_on_the_page(datasette):
    evil = '<script>alert("x")</script>'
    page = await datasette.client.get("/peshawar/quotes_by_speaker", params={"speaker": evil})
    assert page.status_code == 200
    assert evil not in page.text
    page = await datasette.client.get("/peshawar/quotes", params={"_search": evil})
    assert evil not in page.text
