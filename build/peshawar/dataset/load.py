"""Write the database: apply the schema, load the rows, swap the file in.

The build writes a temporary file next to the target and renames it into
place only when every row is in and every check has passed, so a failed
build leaves the previous database as it was.
"""

import os
from pathlib import Path

import sqlite_utils

from ..core.problems import SeedError
from .rows import collect
from .schema import after_load, ensure_db_shape, fts_tables, tables as schema_tables


def load_tables(db, tables):
    """Insert the rows, parents before children, then fill the search indexes."""
    for name in schema_tables():
        rows = tables.get(name) or []
        if rows:
            db[name].insert_all(rows)
    for fts in fts_tables():
        db.execute(f"insert into {fts}({fts}) values ('rebuild')")


def foreign_key_problems(db):
    return [tuple(row) for row in db.execute("pragma foreign_key_check").fetchall()]


def build_database(seeds_dir, db_path):
    """Build ``db_path`` from ``seeds_dir``; return ``(counts, review)``.

    ``counts`` gives each table's rows in the order the rows were built.
    ``review`` lists what draft annotation files still need from a person.
    Raises SeedError, leaving ``db_path`` untouched, when a seed is wrong.
    """
    db_path = Path(db_path)
    tables, problems = collect(seeds_dir)
    errors = [p for p in problems if not p.needs_review]
    if errors:
        raise SeedError(errors)
    temporary = db_path.with_name(f".{db_path.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    try:
        db = sqlite_utils.Database(temporary)
        db.execute("pragma foreign_keys = on")
        ensure_db_shape(db)
        with db.conn:
            load_tables(db, tables)
        after_load(db)
        broken = foreign_key_problems(db)
        if broken:
            raise RuntimeError(f"foreign key check failed: {broken[:5]}")
        counts = {name: db[name].count for name in tables}
        db.execute("vacuum")
        db.close()
        os.replace(temporary, db_path)
    finally:
        temporary.unlink(missing_ok=True)
    return counts, [p for p in problems if p.needs_review]
