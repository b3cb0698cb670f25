"""Write the database: apply the schema, load the rows, swap the file in.

The build writes a temporary file next to the target and renames it into
place only when every row is in and every check has passed, so a failed
build leaves the previous database as it was.
"""

import os
from pathlib import Path

import sqlite_utils

from .annotations import build_rows, read_seeds
from .core.aliases import alias_mentions
from .core.paths import ROOT, SCHEMA_DIR
from .core.problems import SeedError

# Insertion order follows the foreign keys: a row's parents go in first.
TABLE_ORDER = (
    "actors", "actor_aliases", "topics", "statements", "articles",
    "article_provenance", "quotes", "claims", "citations", "actor_relations",
    "skipped_spans", "mentions",
)
FTS_TABLES = ("articles_fts", "quotes_fts", "claims_fts")


def ensure_db_shape(db):
    """Apply every ``schema/*.sql`` file, in name order, to an empty database."""
    for path in sorted(SCHEMA_DIR.glob("*.sql")):
        db.conn.executescript(path.read_text(encoding="utf-8"))


def mention_rows(articles, aliases):
    """Automatic mentions of every alias in every article body."""
    alias_to_actor = {row["alias"]: row["actor_id"] for row in aliases}
    rows = []
    for article in articles:
        for mention in alias_mentions(article["body"], alias_to_actor):
            del mention["text"]  # the table keeps it once, as surface
            rows.append({"article_id": article["id"], **mention, "method": "automatic"})
    return rows


def load_tables(db, tables):
    for name in TABLE_ORDER:
        rows = tables.get(name) or []
        if rows:
            db[name].insert_all(rows)
    for fts in FTS_TABLES:
        db.execute(f"insert into {fts}({fts}) values ('rebuild')")


def foreign_key_problems(db):
    return [tuple(row) for row in db.execute("pragma foreign_key_check").fetchall()]


def collect(seeds_dir):
    """Read and validate the seeds; return ``(tables, problems)``."""
    seeds, problems = read_seeds(seeds_dir)
    tables, more = build_rows(seeds)
    tables["mentions"] = mention_rows(tables["articles"], tables["actor_aliases"])
    return tables, problems + more


def build_database(seeds_dir, db_path):
    """Build ``db_path`` from ``seeds_dir``; return ``(counts, review)``.

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
        broken = foreign_key_problems(db)
        if broken:
            raise RuntimeError(f"foreign key check failed: {broken[:5]}")
        counts = {name: db[name].count for name in TABLE_ORDER}
        db.execute("vacuum")
        db.close()
        os.replace(temporary, db_path)
    finally:
        temporary.unlink(missing_ok=True)
    return counts, [p for p in problems if p.needs_review]
