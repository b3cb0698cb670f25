"""Unit tests of the site plugins' pure functions: the article highlighter,
the off-site redirect checks, the chart interpreter script, cell rendering,
row page wording, the front page's phrases and the CSV-for-Excel wrapper."""

import re

import pytest

from html_tree import marked_text, parse
from plugin_modules import PLUGINS, load_plugin


article_page = load_plugin("article_page")
offsite = load_plugin("offsite_redirects")
questions = load_plugin("questions")
cells = load_plugin("cells")
row_pages = load_plugin("row_pages")
front_page = load_plugin("front_page")
excel_csv = load_plugin("excel_csv")
site_context = load_plugin("site_context")
Span = article_page.Span
highlight = article_page.highlight


def span(start, end, kind="quote", id=None):
    id = id or f"{kind}-{start}-{end}"
    return Span(start, end, kind, id, f"/db/{kind}s/{id}", f"{kind} {id}")


def test_no_spans_is_the_escaped_text():
    assert str(highlight("a < b & \"c\"", [])) == "a &lt; b &amp; &#34;c&#34;"


def test_one_span_is_a_mark_with_a_link_to_its_row():
    html = highlight("He said hello there.", [span(8, 13, "quote", "q1")])
    tree = parse(html)
    assert tree.marks == [{"class": "span span-quote", "id": "quote-q1", "data-kind": "quote", "data-id": "q1"}]
    assert tree.links[0]["href"] == "/db/quotes/q1"
    assert "".join(tree.text) == "He said hello there."
    assert marked_text(html, "quote", "q1") == "hello"


def test_text_inside_marks_is_escaped():
    text = 'x <script>alert("hi")</script> y'
    html = str(highlight(text, [span(2, 30, "claim", "c1")]))
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "".join(parse(html).text) == text


def test_ids_and_titles_are_escaped_in_attributes():
    evil = Span(0, 1, "quote", 'q"><b>x', '/x?a=1&b="2"', 'title "with" <tags>')
    html = str(highlight("abc", [evil]))
    assert "<b>" not in html
    tree = parse(html)
    assert tree.marks[0]["data-id"] == 'q"><b>x'
    assert tree.links[0]["href"] == '/x?a=1&b="2"'


def test_a_claim_inside_a_quote_nests():
    text = "The killing of innocent people is against Islam."
    quote, claim = span(0, 48, "quote", "q"), span(4, 30, "claim", "c")
    html = highlight(text, [claim, quote])
    tree = parse(html)
    assert [m["data-id"] for m in tree.marks] == ["q", "c"]
    assert marked_text(html, "quote", "q") == text[0:48]
    assert marked_text(html, "claim", "c") == text[4:30]
    # Each text run links to the innermost span covering it; none is lost.
    hrefs = [link["href"] for link in tree.links]
    assert hrefs == ["/db/quotes/q", "/db/claims/c", "/db/quotes/q"]
    assert "quote q" in tree.links[1]["title"] and "claim c" in tree.links[1]["title"]


def test_crossing_spans_are_split_not_broken():
    text = "0123456789"
    a, b = span(0, 6, "quote", "a"), span(3, 9, "claim", "b")
    html = highlight(text, [a, b])
    tree = parse(html)
    assert "".join(tree.text) == text
    assert marked_text(html, "quote", "a") == "012345"
    assert marked_text(html, "claim", "b") == "345678"
    # b is opened twice: first inside a, then continued after a closes.
    fragments = [m for m in tree.marks if m["data-id"] == "b"]
    assert len(fragments) == 2
    assert "span-continued" in fragments[1]["class"] and "id" not in fragments[1]


def test_identical_spans_and_shared_edges():
    text = "according to The Associated Press today"
    spans = [
        span(0, 33, "citation", "cit1"),
        span(13, 33, "citation", "cit2"),
        span(0, 33, "claim", "c1"),
        span(13, 39, "quote", "q1"),
    ]
    html = highlight(text, spans)
    tree = parse(html)
    assert "".join(tree.text) == text
    for s in spans:
        assert marked_text(html, s.kind, s.id) == text[s.start:s.end], s


def test_spans_outside_the_text_or_empty_are_left_out():
    html = highlight("short", [span(2, 99), span(3, 3), span(-1, 2), span(0, 5, "claim", "ok")])
    tree = parse(html)
    assert [m["data-id"] for m in tree.marks] == ["ok"]


def test_many_random_overlaps_keep_valid_html_and_every_span_text():
    import random

    rng = random.Random(2014)
    text = "".join(rng.choice("ab <&\"'\n") for _ in range(200))
    for _ in range(50):
        spans = []
        for i in range(rng.randint(1, 12)):
            start = rng.randrange(0, 199)
            end = rng.randrange(start + 1, 201)
            spans.append(span(start, end, rng.choice(["quote", "claim", "citation"]), f"s{i}"))
        html = highlight(text, spans)
        tree = parse(html)
        assert "".join(tree.text) == text
        for s in spans:
            assert marked_text(html, s.kind, s.id) == text[s.start:s.end]


# Off-site redirects -------------------------------------------------------


@pytest.mark.parametrize("location", [
    "//example.com", "/\\example.com", "\\\\example.com", "/\\/example.com",
    "\t//example.com", "/\t/example.com", " //example.com", "http://example.com/",
    "https://example.com", "javascript:alert(1)", "HTTP://evil.test",
])
def test_locations_that_leave_the_site(location):
    assert offsite.location_leaves_site(location, "localhost:8001")


@pytest.mark.parametrize("location", [
    "/peshawar", "/peshawar/quotes?_sort=id", "/~5Cexample~2Ecom", "peshawar",
    "?x=1", "#top", "http://localhost:8001/peshawar",
])
def test_locations_that_stay(location):
    assert not offsite.location_leaves_site(location, "localhost:8001")


@pytest.mark.parametrize("path", [
    "//example.com/", "/\\example.com/", "/%5Cexample.com/", "/%5c%5cexample.com/",
    "/%2F%2Fexample.com/", "/%255Cexample.com/", "/\\/example.com/", "/%09/example.com/",
])
def test_request_paths_that_are_refused(path):
    assert offsite.path_is_offsite_trap(path)


@pytest.mark.parametrize("path", ["/", "/peshawar/", "/peshawar/quotes/nbc-q01", "/-/static/app.css", "/peshawar/a~2Fb"])
def test_request_paths_that_pass(path):
    assert not offsite.path_is_offsite_trap(path)


# Labels beside the text ------------------------------------------------------


def test_a_label_is_on_the_first_fragment_only():
    text = "0123456789"
    quote = Span(0, 6, "quote", "q", "/q", "quote q", label="Zabihullah Mujahid")
    claim = Span(3, 9, "claim", "c", "/c", "claim c", label="the article")
    tree = parse(highlight(text, [quote, claim]))
    labels = [(m["data-id"], m.get("data-label")) for m in tree.marks]
    # The claim crosses the end of the quote: its continuation has no label.
    assert labels == [("q", "Zabihullah Mujahid"), ("c", "the article"), ("c", None)]
    assert "".join(tree.text) == text  # labels are attributes, never text


def test_a_label_is_escaped():
    html = str(highlight("abc", [Span(0, 2, "quote", "q", "/q", "t", label='"><script>x')]))
    assert "<script>" not in html
    assert parse(html).marks[0]["data-label"] == '"><script>x'


def test_the_legend_is_a_checkbox_per_kind_with_its_count():
    html = str(article_page.legend({"quote": 3, "claim": 1}))
    assert re.findall(r'<input type="checkbox" class="legend-toggle" name="show" value="(\w+)" checked>', html) == [
        "quote", "claim", "citation"]
    assert "quotes</mark> 3" in html and "claims</mark> 1" in html and "citations</mark> 0" in html


# The chart interpreter as a classic script ----------------------------------

MODULE = """import { ascending, isString, DisallowedObjectProperties } from 'vega-util';

function expression (x) { return ascending(x, 1); }

export { expression as expressionInterpreter };
"""


def test_the_interpreter_module_becomes_a_classic_script():
    script = questions.classic_script(MODULE)
    assert "import " not in script and "export " not in script
    assert "const { ascending, isString, DisallowedObjectProperties } = vega;" in script
    assert "window.vegaInterpreter = { expressionInterpreter: expression };" in script
    assert "function expression (x) { return ascending(x, 1); }" in script
    assert script.rstrip().endswith("})(window.vega);")


@pytest.mark.parametrize("source", [
    MODULE.replace("'vega-util'", "'vega-util2'"),
    MODULE + "import { x } from 'other';\n",
    MODULE.replace("export { expression as expressionInterpreter };\n", ""),
])
def test_an_interpreter_of_another_shape_is_refused(source):
    with pytest.raises(questions.NotTheExpectedModule):
        questions.classic_script(source)


def test_the_vendored_interpreter_converts():
    source = (PLUGINS.parent / "static" / "vendor" / questions.INTERPRETER_FILE).read_text(encoding="utf-8")
    script = questions.classic_script(source)
    assert "window.vegaInterpreter" in script
    assert not re.search(r"^(import|export) ", script, re.M)


# Cells ----------------------------------------------------------------------


def test_search_snippets_mark_matches_and_escape_the_rest():
    html = str(cells.marked_snippet("a <b> **child** and **children**…"))
    assert html == "a &lt;b&gt; <mark>child</mark> and <mark>children</mark>…"
    assert str(cells.marked_snippet("**<i>x</i>**")) == "<mark>&lt;i&gt;x&lt;/i&gt;</mark>"
    assert str(cells.marked_snippet("no match")) == "no match"


@pytest.mark.parametrize("row_id", ["nbc-q01", "a/b c", "x~y.z", "ünï", "<b>&'\""])
def test_a_cell_link_encodes_an_id_as_datasette_does(row_id):
    from datasette.utils import tilde_encode

    assert cells.path_segment(row_id) == tilde_encode(row_id)


def test_id_links_are_escaped_links_one_per_id():
    from datasette.app import Datasette

    datasette = Datasette()
    datasette.add_memory_database("db")
    html = str(cells.id_links(datasette, "db", "quotes", 'q1, a/"b"', True))
    assert html == '<a href="/db/quotes/q1">q1</a>, <a href="/db/quotes/a~2F~22b~22">a/&#34;b&#34;</a>'
    assert str(cells.id_links(datasette, "db", "quotes", "q1, q2", False)) == '<a href="/db/quotes/q1~2C+q2">q1, q2</a>'


# Row pages in words ----------------------------------------------------------


def quote_row(**changes):
    row = {
        "id": "q1", "article_id": "a", "source": "NBC News", "speaker": "Zabihullah Mujahid",
        "speaker_text": "Afghan Taliban spokesman Zabihullah Mujahid", "cue": "said in a statement",
        "channel_text": "in a statement", "form": "full", "part": None, "is_pull_quote": 0,
        "statement": "The statement", "text": "words", "method": "curated", "rule": None, "confidence": None,
    }
    row.update(changes)
    return row


def test_a_quote_page_names_its_speaker_and_article():
    page = row_pages.page_for("quotes", quote_row())
    assert page.heading == "Quote by Zabihullah Mujahid in NBC News"
    assert page.words == "words"
    facts = " ".join(str(fact) for fact in page.facts)
    assert "named in the article as “Afghan Taliban spokesman Zabihullah Mujahid”" in facts
    # The channel's words are part of the cue: said once.
    assert "“said in a statement”." in facts and "“in a statement”" not in facts.replace("“said in a statement”", "")


def test_an_automatic_row_says_so():
    page = row_pages.page_for("quotes", quote_row(method="automatic", rule="said_after", confidence=0.7))
    assert "Found automatically by rule said_after (confidence 0.7); not yet checked by a person." in page.facts


def test_facts_are_escaped():
    page = row_pages.page_for("quotes", quote_row(speaker="<b>x</b>"))
    assert "<b>" not in "".join(str(fact) for fact in page.facts)


@pytest.mark.parametrize("changes,heading,who", [
    ({}, "Death toll: at least 145 people in “Taliban blowback”",
     "The article asserts it in its own voice (its outlet is not stated)."),
    ({"claimant": "NBC News"}, "Death toll: at least 145 people in “Taliban blowback”", "NBC News asserts it in its own voice."),
    ({"voice": "attributed", "claimant": "The Associated Press", "attribution_text": "according to The Associated Press"},
     "Death toll: at least 145 people in “Taliban blowback”",
     "Attributed to The Associated Press: “according to The Associated Press”."),
    ({"kind": "year", "value": 2001, "unit": "year", "qualifier": None, "population": None},
     "Year: 2001 in “Taliban blowback”", "The article asserts it in its own voice (its outlet is not stated)."),
    ({"kind": "responsibility", "value": None, "unit": None, "qualifier": None, "population": None},
     "Responsibility claim in “Taliban blowback”", "The article asserts it in its own voice (its outlet is not stated)."),
])
def test_a_claim_page_says_the_figure_and_who_asserts_it(changes, heading, who):
    row = {
        "id": "c1", "article_id": "a", "source": "“Taliban blowback”", "kind": "death_toll", "value": 145,
        "unit": "people", "qualifier": "at_least", "population": "people", "voice": "article", "claimant": None,
        "attribution_text": None, "topic": None, "event_date": None, "text": "At least 145 people", "method": "curated",
    }
    row.update(changes)
    page = row_pages.page_for("claims", row)
    assert page.heading == heading
    assert str(page.facts[0]) == who


# The front page ---------------------------------------------------------------


def test_date_phrases():
    assert front_page.date_phrase("2014-12-17", "stated") == "17 December 2014"
    assert front_page.date_phrase("2014-12-16", "inferred") == "16 December 2014 (inferred)"
    assert front_page.date_phrase(None, "not_stated") is None


def test_site_paths_follow_the_base_url_and_other_urls_stay():
    site = site_context.site_of(
        {"source_url": "/peshawar/articles", "about_url": "/about", "license_url": "https://example.org/l"},
        path=lambda url: "/base" + url,
    )
    assert site["source_url"] == "/base/peshawar/articles"
    assert site["about_url"] == "/base/about"
    assert site["license_url"] == "https://example.org/l"


# CSV for Excel --------------------------------------------------------------------


def scope(path, query=b""):
    return {"type": "http", "path": path, "query_string": query}


@pytest.mark.parametrize("path,query,wanted", [
    ("/peshawar/quotes.csv", b"_bom=1&_size=max", True),
    ("/peshawar/search.csv", b"q=x&_bom=1", True),
    ("/peshawar/quotes.csv", b"_size=max", False),
    ("/peshawar/quotes.csv", b"_bom=0", False),
    ("/peshawar/quotes.json", b"_bom=1", False),
    ("/peshawar/quotes", b"_bom=1", False),
])
def test_which_requests_get_a_byte_order_mark(path, query, wanted):
    assert excel_csv.wants_bom(scope(path, query)) is wanted


def run_wrapped(status, content_type, chunks):
    import asyncio

    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": status,
                    "headers": [(b"content-type", content_type), (b"content-length", b"5")]})
        for i, chunk in enumerate(chunks):
            await send({"type": "http.response.body", "body": chunk, "more_body": i < len(chunks) - 1})

    sent = []

    async def send(message):
        sent.append(message)

    asyncio.run(excel_csv.add_bom(app)(scope("/db/t.csv", b"_bom=1"), None, send))
    return sent


def test_the_mark_goes_once_before_the_first_chunk_and_the_length_goes():
    sent = run_wrapped(200, b"text/csv; charset=utf-8", [b"a,b\r\n", b"1,2\r\n"])
    assert b"content-length" not in dict(sent[0]["headers"])
    assert b"".join(m["body"] for m in sent[1:]) == b"\xef\xbb\xbfa,b\r\n1,2\r\n"


def test_an_error_passes_unchanged():
    sent = run_wrapped(400, b"text/html; charset=utf-8", [b"error"])
    assert dict(sent[0]["headers"])[b"content-length"] == b"5"
    assert sent[1]["body"] == b"error"
