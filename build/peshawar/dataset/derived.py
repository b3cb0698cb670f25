"""The answer tables of schema/after_load.sql, and the checks of the loaded
rows, worked out on every core.

Once the rows are in, the build had about seven and a half seconds of SQL
left at 10,000 articles, one statement after another: after_load.sql's
answer tables (about five seconds, ``actor_appearances`` two of them) and
the checks (the span check one and a half).
Each answer table reads only the loaded tables, never another answer
table (``schema.after_load_parts`` refuses a script where one does), and
each check only reads. So each runs on a connection of its own, in a
thread: SQLite lets go of Python's lock while it steps a statement, and
two threads keep both cores busy (about five seconds in all, now). The
checks start first, then the tables in the script's order, which puts
the longest first. An answer table is written into a
scratch database of its own, which reads the build's file attached
read-only; nothing writes the build's file while they read it. Then the
build's one connection copies each table in, in the order of the script,
with SQLite's transfer of whole records (no sorting again): the file
gets the same bytes whichever thread finished first.
"""

import os
import re
import sqlite3
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..core.machine import available_cores
from .schema import after_load_parts

# Pages each thread's connection keeps, and what each of its sorts may
# hold before it spills to a temporary file. Two answer tables at a time
# with 32 MB each took the build's peak at 10,000 articles from 352 to
# 446-461 MB; with 8 MB it is 328-343 MB, in the same time (5.4-5.5 s).
CACHE_KIB = 8192

# Threads at most: each holds its connection's pages and sorts (about 50 MB
# at 10,000 articles), and there are a dozen tasks.
MOST_THREADS = 4


def threads_here():
    return min(available_cores(), MOST_THREADS)


def derive(conn, checks, threads=None):
    """Run after_load.sql on ``conn`` (the build's connection, every row
    committed), the answer tables worked out in parallel with ``checks``
    (functions of a read-only connection to the same file, each returning a
    list of problems); return the problems found, in the order of ``checks``."""
    parts = after_load_parts()
    path = conn.execute("pragma database_list").fetchone()[2]
    for statement in parts.before:
        conn.execute(statement)
    with tempfile.TemporaryDirectory(prefix="peshawar-derived-") as scratch:
        with ThreadPoolExecutor(threads or threads_here()) as pool:
            checked = [pool.submit(_check, path, check) for check in checks]
            worked_out = [
                pool.submit(_work_out, path, Path(scratch) / f"{table.name}.db", parts.temporary, table)
                for table in parts.tables
            ]
            problems = [problem for future in checked for problem in future.result()]
            scratch_files = [future.result() for future in worked_out]
        for table, scratch_file in zip(parts.tables, scratch_files):
            _copy_in(conn, table, scratch_file)
    for statement in parts.after:
        conn.execute(statement)
    return problems


def _read_only(path):
    return Path(path).resolve().as_uri() + "?mode=ro"


def _check(path, check):
    conn = sqlite3.connect(_read_only(path), uri=True)
    try:
        return check(conn)
    finally:
        conn.close()


def _work_out(path, scratch_file, temporary, table):
    """Write ``table`` (a schema.AnswerTable) into a new database at
    ``scratch_file``, reading the loaded rows of ``path``; return its path."""
    conn = sqlite3.connect(Path(scratch_file).as_uri(), uri=True, isolation_level=None)
    try:
        # Pages of 64 KB: the scratch file is written once and read once, in
        # order, and larger pages are fewer system calls each way (at 10,000
        # articles, 0.5 s of the 5.4 s the answer tables and checks take).
        conn.execute("pragma page_size = 65536")
        conn.execute("pragma journal_mode = off")
        conn.execute("pragma synchronous = off")
        conn.execute(f"pragma cache_size = -{CACHE_KIB}")
        # The loaded tables, by their own names: the script's statements run
        # here as written (an unqualified name is looked up in every schema
        # attached), and read-only, so none can change a loaded row.
        conn.execute("attach database ? as loaded", [_read_only(path)])
        for name, create in temporary:
            if re.search(rf"\b{re.escape(name)}\b", table.insert):
                conn.execute(create)
        for statement in (table.create, table.insert, *table.indexes):
            conn.execute(statement)
    finally:
        conn.close()
    return scratch_file


def _copy_in(conn, table, scratch_file):
    """``table`` into the build's database, from ``scratch_file``: its
    CREATE TABLE as written, its rows in their order, then its indexes."""
    conn.execute("attach database ? as worked_out", [os.fspath(scratch_file)])
    try:
        conn.execute(table.create)
        conn.execute(f"insert into main.{table.name} select * from worked_out.{table.name}")
    finally:
        conn.execute("detach database worked_out")
    for statement in table.indexes:
        conn.execute(statement)
