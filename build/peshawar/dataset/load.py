"""Write the database: apply the schema, stream the rows in, swap the file in.

The build writes a temporary file next to the target and renames it into
place only when every row is in and every check has passed, so a failed
build leaves the previous database as it was (``temporary.py``: and a
killed build's file is removed by the next build). Rows arrive one article
at a time (``walk.py``) and are written in batches, so memory stays flat
however many articles there are.
"""

import gc
import json
import os
import sqlite3
from collections import Counter
from contextlib import contextmanager
from itertools import chain
from pathlib import Path

from ..core.problems import Problem, SeedError
from .cache import NoCache
from .review import GAP_COLUMNS, kinds
from .build_unit import PROPOSALS
from .lookups import merge_proposal, merged_actor_rows
from .proposed_statements import propose_statements_in
from .derived import derive
from .schema import check_constraints, fts_tables, shape_for_load, tables as schema_tables
from .temporary import TemporaryDatabase
from .units import columns_of
from .walk import walk

BATCH_ROWS = 20_000
# Rows per INSERT statement (``VALUES (...), (...), ...``): one statement
# steps through all of them, where executemany binds, steps and resets a
# statement for every row. At 10,000 articles, a quarter of the inserts' time.
ROWS_PER_INSERT = 200

# What SQLite raises for a row it refuses; the seed checks should have
# refused the seed first (the fuzz counts any that get this far).
_REFUSED = (sqlite3.DatabaseError, OverflowError, UnicodeEncodeError)


class Loader:
    """A sink that inserts rows in batches, parents before children, and
    keeps the gaps aside until the review queue can be written in order."""

    def __init__(self, conn):
        self.conn = conn
        self.pending = {}  # table -> (columns, rows)
        self.size = 0
        self.order = schema_tables()
        self.rank = {kind: rank for rank, kind in enumerate(kinds())}
        conn.execute(f"create temp table gaps (rank integer, {', '.join(GAP_COLUMNS)})")
        self.gaps = []  # rows of temp.gaps, in the order they come
        self.gap_counts = Counter()
        self.proposals = []  # (article id, proposal) of every draft, merged at the end

    def add(self, tables):
        for name, (columns, rows) in tables.items():
            if name == PROPOSALS:
                self.proposals += [dict(zip(columns, row)) for row in rows]
                continue
            if name not in self.pending:
                self.pending[name] = (columns, [])
            held_columns, held = self.pending[name]
            if list(held_columns) != list(columns):
                self._flush_table(name)
                self.pending[name] = (columns, held := [])
            held.extend(rows)
            self.size += len(rows)
        if self.size >= BATCH_ROWS:
            self.flush()

    def add_gaps(self, gaps):
        """``gaps``: rows of review_queue (GAP_COLUMNS, kind first)."""
        # Not counted in the batch's size: a batch holds a few gaps per
        # article, and the tables' rows decide when it is written.
        self.gaps += [(self.rank[g[0]], *g) for g in gaps]
        self.gap_counts.update(gap[0] for gap in gaps)

    def _flush_table(self, name):
        columns, rows = self.pending.pop(name, ((), []))
        insert_rows(self.conn, name, columns, rows)

    def flush(self):
        for name in self.order:
            self._flush_table(name)
        insert_rows(self.conn, "temp.gaps", ("rank", *GAP_COLUMNS), self.gaps)
        self.gaps = []
        self.size = 0

    def finish(self):
        """The drafts' proposed actors and statements, the review queue in
        the order of work, then the search indexes."""
        self.flush()
        self._proposed_actors()
        propose_statements_in(self.conn)
        columns = ", ".join(GAP_COLUMNS)
        self.conn.execute(f"""
            insert into review_queue ({columns})
            select {columns} from temp.gaps
            order by rank, confidence is null, confidence, article_id, start_char, rowid
        """)
        self.conn.execute("drop table temp.gaps")
        for fts in fts_tables():
            self.conn.execute(f"insert into {fts}({fts}) values ('rebuild')")


    def _proposed_actors(self):
        """One automatic actor per id the drafts propose (lookups.proposed_actor_rows' merge)."""
        merged, proposed = {}, {}
        for row in sorted(self.proposals, key=lambda row: row["article_id"]):
            proposed.setdefault(row["id"], set()).add(row["article_id"])
            merge_proposal(merged, {**row, "aliases": json.loads(row["aliases"])})
        owners = {alias.casefold(): actor_id for alias, actor_id in self.conn.execute("select alias, actor_id from actor_aliases")}
        actors, aliases = merged_actor_rows(merged, proposed, owners)
        self.add({"actors": columns_of(actors), "actor_aliases": columns_of(aliases)} if actors else {})
        self.flush()


def insert_rows(conn, table, columns, rows):
    """Insert ``rows`` (sequences in the order of ``columns``) into ``table``, in order."""
    if not rows:
        return
    one = "(" + ", ".join("?" * len(columns)) + ")"
    head = f"insert into {table} ({', '.join(columns)}) values "
    # As many rows as the statement's parameters allow (999 in SQLite before 3.32).
    size = max(1, min(ROWS_PER_INSERT, conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(columns)))
    whole = len(rows) - len(rows) % size
    if whole:
        statement = head + ", ".join([one] * size)
        conn.executemany(statement, (list(chain.from_iterable(rows[i:i + size])) for i in range(0, whole, size)))
    if whole < len(rows):
        conn.execute(head + ", ".join([one] * (len(rows) - whole)), list(chain.from_iterable(rows[whole:])))


def foreign_key_problems(conn):
    return [tuple(row) for row in conn.execute("pragma foreign_key_check").fetchall()]


def check_problems(conn):
    """``(table, rowid, check)`` of every row that breaks a CHECK of its
    table: the CHECKs' own test (a row fails when an expression is false,
    not when it is NULL), made once over the loaded rows, since the load
    skipped them. Row by row, an IN list is built afresh for every row
    inserted: at 10,000 articles the CHECKs were a third of the inserts'
    time, and this one pass over the tables takes a tenth of that."""
    found = []
    for table, expressions in check_constraints().items():
        failing = " or ".join(f"not {expression}" for expression in expressions)
        first = " ".join(f"when not {expression} then {index}" for index, expression in enumerate(expressions))
        for rowid, index in conn.execute(f"select rowid, case {first} end from {table} where {failing}"):
            found.append((table, rowid, "CHECK " + " ".join(expressions[index].split())))
    return found


def span_problems(conn):
    """Rows whose text is not their article's slice, in every table a
    ``<table>_span_matches_body`` trigger guards: the triggers' own check,
    made once over the loaded rows since the triggers came after them."""
    found = []
    for (name,) in conn.execute("select name from sqlite_master where type = 'trigger' and name like '%_span_matches_body'"):
        table = name[: -len("_span_matches_body")]
        column = "surface" if "surface" in [c[1] for c in conn.execute(f"pragma table_info({table})")] else "text"
        # Article by article (CROSS JOIN keeps articles the outer loop, each
        # span found by its table's article_id index): each body is read once,
        # not once per span (305,000 mentions at 10,000 articles).
        found += conn.execute(f"""
            select '{table}', {table}.rowid from articles cross join {table} on {table}.article_id = articles.id
            where {table}.{column} is not null
              and {table}.{column} is not substr(articles.body, {table}.start_char + 1, {table}.end_char - {table}.start_char)
        """).fetchall()
    return found


def build_database(seeds_dir, db_path, cache=None):
    """Build ``db_path`` from ``seeds_dir``; return ``(counts, gap counts)``.

    ``counts`` gives each table's rows, parents first; the gap counts say
    how many gaps of each kind the drafts have (the rows of review_queue).
    Raises SeedError, leaving ``db_path`` untouched, when a seed is wrong.
    ``cache`` (a ``cache.Cache``) remembers work across builds.
    """
    db_path = Path(db_path)
    cache = cache or NoCache()
    try:
        with TemporaryDatabase(db_path) as temporary:
            conn = sqlite3.connect(temporary.path, isolation_level=None)
            try:
                counts, gap_counts = _write(conn, seeds_dir, cache)
            except _REFUSED as error:
                raise SeedError([Problem(Path(seeds_dir).name, None, _missed(error))]) from error
            finally:
                conn.close()
            with open(temporary.path, "rb+") as handle:
                os.fsync(handle.fileno())
            temporary.publish()
    finally:
        cache.close()
    return counts, gap_counts


def _write(conn, seeds_dir, cache):
    """Shape the empty database, load the rows, check them; return the counts."""
    # The file is private until the rename, and a failed build throws it
    # away: no journal and no syncing while it is written.
    conn.execute("pragma journal_mode = off")
    conn.execute("pragma synchronous = off")
    # 32 MB of pages, and what each sort (of the indexes made after the
    # load) may hold before it spills to a temporary file. With 64 MB the
    # build's peak at 10,000 articles was 412 MB, not 360, for about 0.3 s
    # less system time (measured when after_load.sql still ran on this
    # connection; derived.py gives its threads 8 MB each).
    conn.execute("pragma cache_size = -32768")
    indexes_and_triggers = shape_for_load(conn)
    # schema.sql turns foreign keys on; they and the CHECKs are checked once
    # at the end instead of per row (check_problems).
    conn.execute("pragma foreign_keys = off")
    conn.execute("pragma ignore_check_constraints = on")
    conn.execute("begin")
    loader = Loader(conn)
    with _young_collections_less_often():
        errors = walk(seeds_dir, cache, loader)
    if errors:
        conn.execute("rollback")
        raise SeedError(errors)
    loader.finish()
    for statement in indexes_and_triggers:
        conn.execute(statement)
    conn.execute("commit")
    conn.execute("pragma ignore_check_constraints = off")
    # after_load.sql's answer tables and the checks of the loaded rows, in
    # parallel (derived.py); each check reads the file on a connection of its own.
    broken = derive(conn, [foreign_key_problems, span_problems, check_problems])
    if broken:
        raise sqlite3.IntegrityError(f"{len(broken)} rows break the schema: {broken[:5]}")
    counts = {name: conn.execute(f"select count(*) from {name}").fetchone()[0] for name in schema_tables()}
    # No VACUUM: the file is new, written once with no deletes, so it has no
    # free pages to reclaim. VACUUM bought about 4% of its size (pages packed
    # fuller) for writing every byte twice more (a copy, then the copy back):
    # at 10,000 articles, seconds and most of the build's system time. Two
    # builds of the same seeds still give the same bytes.
    return counts, loader.gap_counts


@contextmanager
def _young_collections_less_often(threshold=10_000):
    """Python's cycle collector looks at the newest containers every 700
    made, and at every older one now and then. The walk makes a list per row
    and the loader keeps a batch of them: at 10,000 articles the collector
    took a fifth of the walk (0.7 to 0.9 s), most of it going over rows
    still waiting to be inserted; every 10,000, 0.3 s. Cycles are still
    found, only in larger steps."""
    before = gc.get_threshold()
    gc.set_threshold(threshold, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _missed(error):
    """The message of a row the database refused: the seed checks let a problem through."""
    named = {
        OverflowError: "a number too large for the database",
        UnicodeEncodeError: "text that cannot be written as UTF-8",
    }
    what = next((text for kind, text in named.items() if isinstance(error, kind)), "a row that breaks one of the database's rules")
    return f"the database refused {what}, which the seed checks let through; please report this with the seeds that caused it"
