"""Unit tests of the site plugins' pure functions: the article highlighter,
the off-site redirect checks and the chart-fragment script."""

import pytest

from html_tree import marked_text, parse
from plugin_modules import load_plugin


article_page = load_plugin("article_page")
offsite = load_plugin("offsite_redirects")
charts = load_plugin("chart_fragments")
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


# Chart fragments ------------------------------------------------------------


def test_fragment_script_sets_the_hash_only_when_there_is_none():
    script = charts.script_for("g.mark=bar&g.x_column=source")
    assert '"g.mark=bar&g.x_column=source"' in script
    assert "!window.location.hash" in script
    assert "history.replaceState" in script


def test_fragment_script_cannot_close_its_script_element():
    assert "</script>" not in charts.script_for("</script><script>alert(1)//")
