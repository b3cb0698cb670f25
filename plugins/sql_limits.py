"""Bounds on what one SQL query can build or return, and SQL functions a
public site does not offer.

Datasette's SQL time limit interrupts SQLite, but not what happens after
SQLite hands a row over: a query that returns 2,000 rows of 100 KB strings
finishes inside the limit and then becomes 200 MB of Python objects, 200 MB
of JSON and a process that never gives that memory back. Every connection
Datasette opens therefore gets, through ``prepare_connection``:

- SQLite's own limits (``Connection.setlimit``): no string or blob longer than
  ``LIMITS[SQLITE_LIMIT_LENGTH]`` bytes can be built or read, no result wider
  than 64 columns, no SQL text longer than 100,000 bytes, no ATTACH;
- a budget on the rows one query returns: once their text and blobs pass
  ``RESULT_BUDGET`` characters, the query fails with a message saying so;
- an authorizer that refuses functions which hand out memory addresses or
  parse untrusted binary structures (``fts3_tokenizer``, the ``rtree*``
  debugging functions, ``load_extension``), and reads the ``file`` column of
  ``pragma_database_list`` as NULL, so that the SQL page never shows where
  the database lives on the server.

What one query can hold in memory is then bounded by the budget plus one
result row at its widest: 64 columns of at most 2,000,000 bytes each (128 MB,
and only for as long as it takes to refuse it).
"""

import sqlite3
import weakref

from datasette import hookimpl

LIMITS = {
    # An article body must fit: the build's texts are far shorter, and a
    # longer value cannot even be read back (SQLite checks it on every read).
    sqlite3.SQLITE_LIMIT_LENGTH: 2_000_000,
    # The widest table has about 20 columns; Datasette adds a few.
    sqlite3.SQLITE_LIMIT_COLUMN: 64,
    sqlite3.SQLITE_LIMIT_SQL_LENGTH: 100_000,
    # The site never attaches a database; Datasette already refuses ATTACH.
    sqlite3.SQLITE_LIMIT_ATTACHED: 0,
}

# Characters of text plus bytes of blobs, summed over every row one query
# returns: 2,000 rows (max_returned_rows) of 5,000 characters.
RESULT_BUDGET = 10_000_000

DENIED_FUNCTIONS = {
    "fts3_tokenizer",  # returns a C pointer; with two arguments, installs one
    "load_extension",  # Python's sqlite3 already disables it: refuse it twice
    "rtreenode",  # these three parse arbitrary blobs as r-tree nodes
    "rtreedepth",
    "rtreecheck",
}

# (table, column) read as NULL: the path of the database file on the server.
MASKED_COLUMNS = {("pragma_database_list", "file")}


class ResultTooLarge(sqlite3.OperationalError):
    """Datasette shows sqlite3 errors as a bad query (400), with this message."""


def authorizer(action, arg1, arg2, database, trigger):
    if action == sqlite3.SQLITE_FUNCTION and arg2 and arg2.lower() in DENIED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_READ and arg1 and (arg1.lower(), (arg2 or "").lower()) in MASKED_COLUMNS:
        return sqlite3.SQLITE_IGNORE
    return sqlite3.SQLITE_OK


def value_size(value):
    return len(value) if isinstance(value, (str, bytes)) else 0


def budgeted_row_factory(budget=RESULT_BUDGET):
    """A row factory making sqlite3.Row objects (as Datasette's does) that
    fails a query once the rows it returned pass ``budget``.

    One factory per connection; a connection runs one query at a time, and
    each query has its own cursor, so the tally is kept per cursor.
    """
    spent = weakref.WeakKeyDictionary()

    def row_factory(cursor, values):
        total = spent.get(cursor, 0) + sum(map(value_size, values))
        if total > budget:
            spent.pop(cursor, None)
            # The traceback keeps this frame alive until the garbage collector
            # breaks its cycles: it must not keep the oversized row with it.
            del values
            raise ResultTooLarge(
                f"query result too large: its rows hold more than {budget:,} characters; "
                "ask for fewer rows (limit, _size) or shorter values (substr)"
            )
        spent[cursor] = total
        return sqlite3.Row(cursor, values)

    return row_factory


def limit_connection(conn):
    for limit, value in LIMITS.items():
        conn.setlimit(limit, value)
    conn.set_authorizer(authorizer)
    conn.row_factory = budgeted_row_factory()


@hookimpl
def prepare_connection(conn):
    limit_connection(conn)
