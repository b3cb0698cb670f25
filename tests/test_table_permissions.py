"""plugins/table_permissions.py keeps Datasette's answer to "may this reader
see this table?" per table: the answers stay Datasette's, page after page."""

import sqlite3
from pathlib import Path

import pytest
from datasette.app import Datasette

pytestmark = pytest.mark.asyncio(loop_scope="session")

PLUGINS = Path(__file__).resolve().parents[1] / "plugins"


async def test_a_table_metadata_closes_stays_closed_and_an_open_one_open(tmp_path):
    path = tmp_path / "doors.db"
    with sqlite3.connect(path) as conn:
        conn.executescript("create table shut (id text primary key); create table open (id text primary key);")
    conn.close()
    datasette = Datasette(
        immutables=[str(path)],
        metadata={"databases": {"doors": {"tables": {"shut": {"allow": False}}}}},
        plugins_dir=str(PLUGINS),
    )
    await datasette.invoke_startup()
    for _ in range(3):
        assert (await datasette.client.get("/doors/shut")).status_code == 403
        assert (await datasette.client.get("/doors/open")).status_code == 200
    # The answers were kept (asked once per table), not worked out anew each time.
    assert datasette._table_permission_allows.cache_info().hits >= 4
