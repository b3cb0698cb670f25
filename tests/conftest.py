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
