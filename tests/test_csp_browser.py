"""A real browser under the site's Content-Security-Policy
(plugins/security_headers.py): every kind of page loads with no policy
violation, no console error and no script error, and the charts still draw.

The site is served by the Makefile's serve recipe (peshawar.bench.server).
Playwright drives Debian's Chromium; the test skips when /usr/bin/chromium is
missing, unless PESHAWAR_REQUIRE_BROWSER is set (CI sets it), and then fails.
"""

import os
from pathlib import Path

import pytest

from peshawar.bench.server import served_site

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
ARTICLE = "vice-why-taliban-massacred-children"
CHART_SQL = "select form, count(*) as quotes from quotes group by form"
# (path, draws a chart): one of each kind of page.
PAGES = [
    ("/", False),
    ("/peshawar", False),
    ("/peshawar/death_toll_by_outlet", True),  # a canned query's own chart
    ("/peshawar/quotes#g.mark=bar&g.x_column=form&g.x_type=nominal&g.y_column=start_char&g.y_type=quantitative", True),
    ("/peshawar?sql=" + CHART_SQL.replace(" ", "+") +
     "#g.mark=bar&g.x_column=form&g.x_type=nominal&g.y_column=quotes&g.y_type=quantitative", True),
    (f"/peshawar/articles/{ARTICLE}", False),
    ("/peshawar/quotes/vice-q01", False),
]
# Collects violations from the moment the document exists, before any script.
LISTEN = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""
CHART_DRAWN = """() => {
  const canvas = document.querySelector('.vega-embed canvas');
  if (!canvas || !canvas.width) return false;
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let coloured = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
    if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
  }
  return coloured > 50;
}"""


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("PESHAWAR_REQUIRE_BROWSER"):
            pytest.fail(f"PESHAWAR_REQUIRE_BROWSER is set but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is not installed")
    return CHROMIUM


@pytest.fixture(scope="module")
def site(db_path):
    with served_site(db_path) as site:
        yield site


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("path,draws_chart", PAGES)
def test_pages_work_under_the_content_security_policy(browser, site, path, draws_chart):
    page = browser.new_page()
    try:
        page.add_init_script(LISTEN)
        problems = []
        page.on("pageerror", lambda error: problems.append(f"script error: {error}"))
        page.on("console", lambda message: message.type == "error" and problems.append(f"console: {message.text}"))
        response = page.goto(site.url + path, wait_until="load")
        assert response.status == 200
        assert "default-src 'self'" in response.headers["content-security-policy"]
        if draws_chart:
            page.wait_for_selector(".vega-embed canvas, .vega-embed svg", timeout=30_000)
            page.wait_for_function(CHART_DRAWN, timeout=30_000)
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
