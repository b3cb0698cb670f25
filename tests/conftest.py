"""Shared fixtures: one database built from the seeds for the whole session,
and one Datasette instance serving it the way `make serve` does."""

from pathlib import Path

import pytest
import pytest_asyncio

from peshawar.dataset.load import build_database
from serving import serve_settings

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def db_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("db") / "peshawar.db"
    build_database(ROOT / "seeds", path)
    return path


@pytest.fixture(scope="session")
def db(db_path):
    import sqlite_utils

    database = sqlite_utils.Database(db_path)
    yield database
    database.close()


# The site ------------------------------------------------------------------
# `make serve` is the one statement of how the site is served; the fixtures
# below read its settings from the Makefile rather than restating them.


@pytest.fixture(scope="session")
def dist_dir(db_path, tmp_path_factory):
    """The downloads `make package` writes (and `make serve` builds first)."""
    from peshawar.export.dist import write_dist

    path = tmp_path_factory.mktemp("dist")
    write_dist(db_path, ROOT / "metadata.yml", path)
    return path


@pytest_asyncio.fixture(scope="session")
async def datasette(db_path, dist_dir):
    """Datasette serving the built database with the options of `make serve`,
    its downloads plugin pointed at the session's dist/."""
    import yaml
    from datasette.app import Datasette

    metadata = yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))
    metadata.setdefault("plugins", {})["downloads"] = {"directory": str(dist_dir)}
    ds = Datasette(
        immutables=[str(db_path)],
        metadata=metadata,
        plugins_dir=str(ROOT / "plugins"),
        template_dir=str(ROOT / "templates"),
        static_mounts=[("static", str(ROOT / "static"))],
        settings=serve_settings(),
    )
    await ds.invoke_startup()
    return ds


# A real browser -----------------------------------------------------------
# Playwright drives Debian's Chromium (it cannot download a browser here).
# Browser tests skip when /usr/bin/chromium is missing, unless
# PESHAWAR_REQUIRE_BROWSER is set (CI sets it), and then they fail.

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="module")
def chromium():
    import os

    if not Path(CHROMIUM).exists():
        if os.environ.get("PESHAWAR_REQUIRE_BROWSER"):
            pytest.fail(f"PESHAWAR_REQUIRE_BROWSER is set but {CHROMIUM} is missing")
        pytest.skip(f"{CHROMIUM} is not installed")
    return CHROMIUM


@pytest.fixture(scope="module")
def browser(chromium):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="module")
def site(db_path):
    """The test database served by the Makefile's own serve recipe (without
    its rebuild) on a free port of 127.0.0.1; ``site.url`` is its address."""
    from peshawar.bench.server import served_site

    with served_site(db_path) as served:
        yield served
