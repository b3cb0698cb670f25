"""Write the database: apply the schema, load the rows, swap the file in.

The build writes a temporary file next to the target and renames it into
place only when every row is in and every check has passed, so a failed
build leaves the previous database as it was (``temporary.py``: and a
killed build's file is removed by the next build).
"""

import sqlite3
from pathlib import Path

import sqlite_utils

from ..core.problems import Problem, SeedError
from .rows import collect
from .schema import ensure_db_shape, fts_tables, tables as schema_tables
from .temporary import TemporaryDatabase

# What SQLite raises for a row it refuses; the seed checks should have
# refused the seed first (the fuzz counts any that get this far).
_REFUSED = (sqlite3.DatabaseError, OverflowError, UnicodeEncodeError)


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
    with TemporaryDatabase(db_path) as temporary:
        db = sqlite_utils.Database(temporary.path)
        try:
            counts = _write(db, tables)
        except _REFUSED as error:
            raise SeedError([Problem(Path(seeds_dir).name, None, _missed(error))]) from error
        finally:
            db.close()
        temporary.publish()
    return counts, [p for p in problems if p.needs_review]


def _write(db, tables):
    """Shape the empty database, load the rows, check them; return the counts."""
    # The file is thrown away if anything fails: its rollback journal can
    # live in memory, and a kill leaves no -journal file behind.
    db.execute("pragma journal_mode = memory")
    db.execute("pragma foreign_keys = on")
    ensure_db_shape(db)
    with db.conn:
        load_tables(db, tables)
    broken = foreign_key_problems(db)
    if broken:
        raise sqlite3.IntegrityError(f"{len(broken)} rows refer to rows that do not exist")
    counts = {name: db[name].count for name in tables}
    db.execute("vacuum")
    return counts


def _missed(error):
    """The message of a row the database refused: the seed checks let a problem through."""
    kinds = {
        OverflowError: "a number too large for the database",
        UnicodeEncodeError: "text that cannot be written as UTF-8",
    }
    what = next((text for kind, text in kinds.items() if isinstance(error, kind)), "a row that breaks one of the database's rules")
    return f"the database refused {what}, which the seed checks let through; please report this with the seeds that caused it"
