"""`make bench-build`: the build of the seeds against its floor.

The floor is the least any build of the same database could cost: a bare
interpreter (``python -I``, the standard library only) that applies the
schema and inserts the very rows of the built database with
``executemany``, then commits. The build is ``python -m peshawar build``
as `make build` runs it, with its cache warm (the everyday case: a
rebuild after an edit). The two are timed as whole processes in pairs,
one right after the other, so that a busy moment of the machine falls on
both; the figure is the median of the pairs' ratios.
"""

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..core.paths import SEEDS

# The floor's program: read the rows, apply the schema, insert, commit.
FLOOR = """
import json, sqlite3, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
conn = sqlite3.connect(sys.argv[2], isolation_level=None)
conn.executescript(rows["schema"])
conn.execute("begin")
for name, (columns, values) in rows["tables"].items():
    marks = ", ".join("?" * len(columns))
    conn.executemany(f"insert into {name} ({', '.join(columns)}) values ({marks})", values)
conn.execute("commit")
conn.close()
"""


def dump_rows(db_path, out_path):
    """Write the schema and every row of the seeds' tables of ``db_path`` as JSON."""
    import sqlite3

    from ..dataset.schema import statements, tables

    conn = sqlite3.connect(db_path)
    dumped = {}
    for name in tables():
        cursor = conn.execute(f"select * from {name}")
        dumped[name] = ([c[0] for c in cursor.description], cursor.fetchall())
    conn.close()
    Path(out_path).write_text(json.dumps({"schema": "\n".join(statements()), "tables": dumped}), encoding="utf-8")


def seconds(command):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def measure(seeds_dir, pairs):
    """``{build_s, floor_s, ratio}``: medians over ``pairs`` pairs."""
    with tempfile.TemporaryDirectory(prefix="peshawar-floor-") as scratch:
        scratch = Path(scratch)
        cache = scratch / "cache.sqlite"
        build = [sys.executable, "-m", "peshawar", "build", "--seeds", str(seeds_dir), "--db", str(scratch / "built.db"), "--cache", str(cache)]
        seconds(build)  # fills the cache
        dump_rows(scratch / "built.db", scratch / "rows.json")
        floor_db = scratch / "floor.db"
        floor = [sys.executable, "-I", "-c", FLOOR, str(scratch / "rows.json"), str(floor_db)]
        builds, floors = [], []
        for _ in range(pairs):
            builds.append(seconds(build))
            floor_db.unlink(missing_ok=True)
            floors.append(seconds(floor))
    ratios = [b / f for b, f in zip(builds, floors)]
    return {"build_s": round(statistics.median(builds), 3), "floor_s": round(statistics.median(floors), 3),
            "ratio": round(statistics.median(ratios), 2), "pairs": pairs}


def main(argv=None):
    import argparse

    parser = argparse.ArgumentParser(description="The seeds' build against its floor; last line one JSON object.")
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--pairs", type=int, default=11)
    args = parser.parse_args(argv)
    figures = measure(args.seeds, args.pairs)
    print(f"build of the seeds, cache warm: {figures['build_s'] * 1000:.0f} ms (median of {args.pairs})")
    print(f"floor (bare interpreter, same rows, executemany): {figures['floor_s'] * 1000:.0f} ms")
    print(f"ratio (median of pairs): {figures['ratio']}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
