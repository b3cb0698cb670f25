"""One real browser, as a reader uses the site: the front page draws every
question's chart with a mark for every row, a question opens on its chart
(at 1,400 and at 400 pixels wide), "read in context" lands on the
highlighted words, table pages with a filter raise no script error, the
ad-hoc chart tool still draws, and the charts need no 'unsafe-eval'.

The server is the Makefile's own serve recipe on the test database and a
free port, and the browser Debian's Chromium (the `site` and `browser`
fixtures in conftest.py).
"""

import pytest
from browser_checks import CHART_DRAWN

NARROW, WIDE = 400, 1400

# For each question chart on the page: the rows its query returns that the
# chart can place (x and y not null), and the marks its `rows` layer drew.
COUNT_MARKS = """async () => {
    const out = [];
    for (const figure of document.querySelectorAll('figure.question-chart')) {
        const spec = JSON.parse(figure.dataset.spec);
        const rows = await (await fetch(figure.dataset.url)).json();
        const x = spec.encoding.x.field, y = spec.encoding.y.field;
        const svg = figure.querySelector('svg');
        out.push({
            url: figure.dataset.url,
            state: figure.dataset.state,
            placeable: rows.filter(r => r[x] !== null && r[y] !== null).length,
            marks: figure.querySelectorAll('g.rows_marks > path').length,
            width: svg ? svg.getBoundingClientRect().width : 0,
        });
    }
    return out;
}"""

ALL_DRAWN = """() => Array.from(document.querySelectorAll('figure.question-chart'))
    .every(f => f.dataset.state === 'drawn' || f.dataset.state === 'failed')"""


@pytest.fixture(scope="module")
def server(site):
    return site.url


def open_page(browser, width):
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    return page, errors


def charts_on(page):
    page.wait_for_function(ALL_DRAWN, timeout=30_000)
    return page.evaluate(COUNT_MARKS)


def assert_every_row_is_a_mark(charts, width):
    assert charts
    for chart in charts:
        assert chart["state"] == "drawn", chart
        assert chart["placeable"] > 0 and chart["marks"] == chart["placeable"], chart
        # Readable at this width: the chart fits the page, no sideways scroll.
        assert 0 < chart["width"] <= width, chart


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_front_page_to_a_question_draws_every_row(browser, server, width):
    page, errors = open_page(browser, width)
    try:
        page.goto(f"{server}/", wait_until="load")
        assert_every_row_is_a_mark(charts_on(page), width)
        page.click("text=Open the answer: Death toll by outlet")
        page.wait_for_url(f"{server}/peshawar/death_toll_by_outlet")
        charts = charts_on(page)
        assert len(charts) == 1
        assert_every_row_is_a_mark(charts, width)
        # Seven figures, two of them equal (VICE's 134 children): seven dots.
        assert charts[0]["marks"] == len(page.locator("table.rows-and-columns tbody tr").all())
        assert errors == []
    finally:
        page.close()


@pytest.mark.parametrize("width", [WIDE, NARROW])
def test_read_in_context_lands_on_the_highlighted_span(browser, server, width):
    page, errors = open_page(browser, width)
    try:
        page.goto(f"{server}/peshawar/quotes/nbc-q01", wait_until="load")
        page.click("a.read-in-context")
        page.wait_for_url("**/peshawar/articles/nbc-massacre-splits-militant-groups#quote-nbc-q01")
        target = page.evaluate("""() => {
            const mark = document.querySelector(':target');
            const box = mark.getBoundingClientRect();
            return {tag: mark.tagName, id: mark.id, label: mark.dataset.label,
                    visible: box.top >= 0 && box.top < window.innerHeight && box.width > 0};
        }""")
        assert target == {"tag": "MARK", "id": "quote-nbc-q01", "label": "Zabihullah Mujahid", "visible": True}
        # The label is drawn beside the words, not part of them.
        label = page.evaluate("getComputedStyle(document.querySelector(':target'), '::before').content")
        assert label == '"Zabihullah Mujahid"'
        # The legend hides a kind's highlights: no background once unticked.
        page.uncheck("input.legend-toggle[value=quote]")
        background = page.evaluate("getComputedStyle(document.querySelector(':target')).backgroundColor")
        assert background == "rgba(0, 0, 0, 0)"
        assert errors == []
    finally:
        page.close()


def article_ids(db_path):
    import sqlite3

    with sqlite3.connect(db_path) as connection:
        return [row[0] for row in connection.execute("select id from articles order by id")]


def test_table_pages_with_a_filter_raise_no_script_error(browser, server, db_path):
    # datasette-vega 0.6.2 failed on a filtered table page with no rows:
    # "Cannot read properties of null (reading 'parentNode')".
    paths = [f"/peshawar/actor_relations?article_id={article}" for article in article_ids(db_path)]
    paths += [
        "/peshawar/actor_relations?article_id=no-such-article",
        "/peshawar/quotes?speaker_id=no-such-actor",
        "/peshawar/claims?_search=zzzqqq",
        "/peshawar/claims?kind=death_toll&_facet=article_id",
        "/peshawar/mentions?article_id=no-such-article",
    ]
    page, errors = open_page(browser, WIDE)
    try:
        for path in paths:
            # The error came from a DOMContentLoaded handler, before "load";
            # the pause lets the chart tool's own fetch and drawing finish.
            page.goto(f"{server}{path}", wait_until="load")
            page.wait_for_timeout(300)
            assert errors == [], (path, errors)
    finally:
        page.close()


def test_the_ad_hoc_chart_tool_still_draws(browser, server):
    page, errors = open_page(browser, WIDE)
    try:
        page.goto(f"{server}/peshawar/death_toll_by_outlet", wait_until="load")
        page.click("details.question-sql summary")
        page.click("text=Chart these rows yourself")
        # datasette-vega renders into .vega-embed once the data has loaded.
        page.wait_for_selector(".vega-embed canvas", timeout=30_000)
        page.wait_for_function(
            CHART_DRAWN,
            timeout=30_000,
        )
        assert page.locator(".datasette-vega input[value=circle]").is_checked()
        assert errors == []
    finally:
        page.close()


# No 'unsafe-eval': Vega evaluates its expressions with vega-interpreter.
STRICT_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'"
)


def test_charts_draw_under_a_policy_without_unsafe_eval(browser, server):
    page, errors = open_page(browser, WIDE)
    violations = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)

    def with_policy(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    page.route(f"{server}/**", with_policy)
    try:
        page.goto(f"{server}/", wait_until="load")
        assert_every_row_is_a_mark(charts_on(page), WIDE)
        assert violations == [] and errors == []
    finally:
        page.close()
