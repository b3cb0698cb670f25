"""A real browser under the site's Content-Security-Policy
(plugins/security_headers.py): every kind of page loads with no policy
violation, no console error and no script error, and the charts still draw.

The site is served by the Makefile's serve recipe and the browser is
Debian's Chromium (the `site` and `browser` fixtures in conftest.py).
"""

import pytest
from browser_checks import CHART_DRAWN

ARTICLE = "vice-why-taliban-massacred-children"
CHART_SQL = "select form, count(*) as quotes from quotes group by form"
# (path, which charts it draws): one of each kind of page. "question": the
# questions' own charts (vega-interpreter, no eval needed); "adhoc":
# datasette-vega's chart tool (Vega 3: the policy allows eval on its pages).
PAGES = [
    ("/", "question"),
    ("/peshawar", None),
    ("/peshawar/death_toll_by_outlet", "question"),
    ("/peshawar/quotes#g.mark=bar&g.x_column=form&g.x_type=nominal&g.y_column=start_char&g.y_type=quantitative", "adhoc"),
    ("/peshawar?sql=" + CHART_SQL.replace(" ", "+") +
     "#g.mark=bar&g.x_column=form&g.x_type=nominal&g.y_column=quotes&g.y_type=quantitative", "adhoc"),
    (f"/peshawar/articles/{ARTICLE}", None),
    ("/peshawar/quotes/vice-q01", None),
]
QUESTION_CHARTS_DRAWN = """() => {
  const figures = Array.from(document.querySelectorAll('figure.question-chart'));
  return figures.length > 0 && figures.every(f => f.dataset.state === 'drawn' && f.querySelector('svg path'));
}"""
# Collects violations from the moment the document exists, before any script.
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""



@pytest.mark.parametrize("path,charts", PAGES)
def test_pages_work_under_the_content_security_policy(browser, site, path, charts):
    page = browser.new_page()
    try:
        page.add_init_script(LISTEN)
        problems = []
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
        response = page.goto(site.url + path, wait_until="load")
        assert response.status == 200
        policy = response.headers["content-security-policy"]
        assert "default-src 'self'" in policy
        # Eval only where datasette-vega's Vega 3 needs it.
        assert ("'unsafe-eval'" in policy) == (charts == "adhoc")
        if charts == "adhoc":
            page.wait_for_selector(".vega-embed canvas, .vega-embed svg", timeout=30_000)
            page.wait_for_function(CHART_DRAWN, timeout=30_000)
        elif charts == "question":
            page.wait_for_function(QUESTION_CHARTS_DRAWN, timeout=30_000)
        else:
            page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__violations") == []
        assert problems == []
    finally:
        page.close()


def test_the_policy_blocks_what_it_should(browser, site):
    # The listener works: a script from another origin is refused and reported.
    page = browser.new_page()
    try:
        page.add_init_script(LISTEN)
        page.goto(site.url + "/peshawar", wait_until="load")
        page.evaluate("""() => new Promise((done) => {
            document.addEventListener('securitypolicyviolation', () => done(), {once: true});
            const script = document.createElement('script');
            script.src = 'https://example.com/x.js';
            document.body.appendChild(script);
        })""")
        violations = page.evaluate("window.__violations")
        assert len(violations) == 1 and violations[0].startswith("script-src")
        framed = page.evaluate("""async (url) => {
            const frame = document.createElement('iframe');
            frame.src = url;
            document.body.appendChild(frame);
            return await new Promise((done) => setTimeout(() => done(frame.contentDocument === null ||
                frame.contentDocument.querySelector('table') === null), 2000));
        }""", site.url + "/peshawar/quotes")
        assert framed  # frame-ancestors 'none': the page refuses to be framed, even here
    finally:
        page.close()
