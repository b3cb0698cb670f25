"""One real browser: a charted canned query, opened without its #fragment,
draws its chart and raises no script error.

The server is the Makefile's own serve recipe (`make -o build serve`, which
runs the recipe without rebuilding) on the test database and a free port.
Playwright drives Debian's Chromium; it cannot download a browser here. The
test skips when /usr/bin/chromium is missing, unless PESHAWAR_REQUIRE_BROWSER
is set (CI sets it), and then it fails.
"""

import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="module")
def chromium():
    if not Path(CHROMIUM).exists():
        if os.environ.get("PESHAWAR_REQUIRE_BROWSER"):
            pytest.fail(f"PESHAWAR_REQUIRE_BROWSER is set but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is not installed")
    return CHROMIUM


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(db_path, tmp_path_factory):
    port = free_port()
    log_path = tmp_path_factory.mktemp("server") / "datasette.log"
    log = open(log_path, "wb")  # a file, not a pipe: a full pipe would stall the server
    process = subprocess.Popen(
        ["make", "--no-print-directory", "-o", "build", "serve", f"DB={db_path}", f"PORT={port}"],
        cwd=ROOT, start_new_session=True, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/-/versions.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"datasette did not start on {url}: {log_path.read_text(errors='replace')}")
                time.sleep(0.2)
        yield url
    finally:
        # make and the datasette it started share the new process group.
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
        log.close()


def test_a_chart_is_drawn_without_a_fragment(chromium, server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            errors = []
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(f"{server}/peshawar/death_toll_by_outlet", wait_until="load")
            # datasette-vega renders into .vega-embed once the data has loaded.
            page.wait_for_selector(".vega-embed canvas, .vega-embed svg", timeout=30_000)
            page.wait_for_function(
                """() => {
                    const canvas = document.querySelector('.vega-embed canvas');
                    if (!canvas || !canvas.width) return false;
                    const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                    let coloured = 0;
                    for (let i = 0; i < pixels.length; i += 4) {
                        const [r, g, b, a] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
                        // Marks are saturated colours; axes and text are grey.
                        if (a > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 60) coloured++;
                    }
                    return coloured > 50;
                }""",
                timeout=30_000,
            )
            assert page.evaluate("location.hash").startswith("#g.mark=circle")
            assert page.locator(".datasette-vega input[value=circle]").is_checked()
            assert errors == []
        finally:
            browser.close()
