"""The floor of `make bench-build` inserts exactly the rows the build wrote:
otherwise the ratio would compare two different databases."""

import sqlite3
import subprocess
import sys

from peshawar.bench.build_floor import FLOOR, dump_rows
from peshawar.dataset.schema import tables


def test_the_floor_writes_the_rows_of_the_built_database(db_path, tmp_path):
    dump_rows(db_path, tmp_path / "rows.json")
    subprocess.run([sys.executable, "-I", "-c", FLOOR, str(tmp_path / "rows.json"), str(tmp_path / "floor.db")], check=True)
    built, floor = sqlite3.connect(db_path), sqlite3.connect(tmp_path / "floor.db")
    for name in tables():
        query = f"select * from {name} order by rowid"
        assert floor.execute(query).fetchall() == built.execute(query).fetchall(), name
    assert built.execute("select count(*) from quotes").fetchone()[0] > 0
