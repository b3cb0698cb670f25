"""Shared fixtures: one database built from the seeds for the whole session,
and one Datasette instance serving it the way `make serve` does."""

from pathlib import Path

import pytest

from peshawar.load import build_database

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
