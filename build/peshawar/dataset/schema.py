"""The shape of peshawar.db, read from ``schema/*.sql``.

The SQL files are the one definition of the database: the tables, their
foreign keys and the values their CHECKs allow are read back from a
database shaped by them (``sqlite_master`` and the foreign-key pragmas),
never restated here.
"""

import functools
import re
import sqlite3
import types
from dataclasses import dataclass

from ..core.paths import SCHEMA_DIR


AFTER_LOAD = SCHEMA_DIR / "after_load.sql"


def ensure_db_shape(db):
    """Apply every ``schema/*.sql`` file but after_load.sql, in name order, to
    an empty database (a sqlite3 connection or a sqlite_utils Database)."""
    conn = getattr(db, "conn", db)
    for path in _schema_files():
        conn.executescript(path.read_text(encoding="utf-8"))


def statements():
    """Every statement of ``schema/*.sql``, in order, as written."""
    return [statement for path in _schema_files() for statement in _statements(path)]


def _deferred(statement):
    """Indexes and triggers: applied after a bulk load, which is faster than
    keeping them up to date row by row (the build checks the spans itself)."""
    return _without_leading_comments(statement).upper().startswith(("CREATE INDEX", "CREATE UNIQUE INDEX", "CREATE TRIGGER"))


def shape_for_load(conn):
    """Apply the schema without its indexes and triggers; return them, to apply after the load."""
    later = [statement for statement in statements() if _deferred(statement)]
    conn.executescript("\n".join(statement for statement in statements() if not _deferred(statement)))
    return later


@dataclass(frozen=True)
class AnswerTable:
    """One table of after_load.sql: its CREATE TABLE, its INSERT, its indexes."""

    name: str
    create: str
    insert: str
    indexes: tuple


@dataclass(frozen=True)
class AfterLoad:
    """after_load.sql taken apart: ``before`` changes the loaded rows (UPDATE)
    and runs first; ``temporary`` (name, CREATE TEMP TABLE) are read by the
    answer tables that name them; ``tables`` read only the loaded tables and
    those; ``after`` (ANALYZE) runs last."""

    before: tuple
    temporary: tuple
    tables: tuple
    after: tuple


_CREATE_TABLE = re.compile(r"create\s+table\s+(\w+)\s*\(", re.IGNORECASE)
_CREATE_TEMPORARY = re.compile(r"create\s+temp(?:orary)?\s+table\s+(\w+)\s", re.IGNORECASE)
_INSERT_INTO = re.compile(r"insert\s+into\s+(\w+)\s", re.IGNORECASE)
_CREATE_INDEX = re.compile(r"create\s+(?:unique\s+)?index\s+\w+\s+on\s+(\w+)\s*\(", re.IGNORECASE)


@functools.cache
def after_load_parts(path=AFTER_LOAD):
    """``AfterLoad`` of schema/after_load.sql (or ``path``). Raises
    ValueError, naming the statement, for one that fits none of its parts,
    or an answer table that reads another (each is worked out on a
    connection of its own, derived.py)."""
    before, temporary, tables, after, table = [], [], [], [], None
    for statement in _statements(path):
        body = _without_leading_comments(statement)
        head = re.match(r"\w*", body).group().lower()
        if head == "update" and not tables:
            before.append(statement)
        elif match := _CREATE_TEMPORARY.match(body):
            temporary.append((match.group(1), statement))
        elif match := _CREATE_TABLE.match(body):
            table = {"name": match.group(1), "create": statement, "insert": None, "indexes": []}
            tables.append(table)
        elif (match := _INSERT_INTO.match(body) or _CREATE_INDEX.match(body)) and table and match.group(1) == table["name"]:
            if head == "insert" and table["insert"] is None:
                table["insert"] = statement
            elif head == "create":
                table["indexes"].append(statement)
            else:
                raise ValueError(f"after_load.sql: a second INSERT into {table['name']}: {body[:80]!r}")
        elif head == "analyze":
            after.append(statement)
        else:
            raise ValueError(f"after_load.sql: a statement the build cannot place: {body[:80]!r}")
    names = {table["name"] for table in tables}
    for table in tables:
        if table["insert"] is None:
            raise ValueError(f"after_load.sql: {table['name']} has no INSERT")
        read = set(re.findall(r"\w+", table["insert"])) & (names - {table["name"]})
        if read:
            raise ValueError(f"after_load.sql: {table['name']} reads {', '.join(sorted(read))}, another answer table")
    answer_tables = tuple(AnswerTable(t["name"], t["create"], t["insert"], tuple(t["indexes"])) for t in tables)
    return AfterLoad(tuple(before), tuple(temporary), answer_tables, tuple(after))


def _without_leading_comments(statement):
    return re.sub(r"^(\s*--[^\n]*\n)*", "", statement).lstrip()


def _statements(path):
    found, pending = [], ""
    for line in path.read_text(encoding="utf-8").splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            found.append(pending.strip())
            pending = ""
    return found


def _schema_files():
    return sorted(path for path in SCHEMA_DIR.glob("*.sql") if path != AFTER_LOAD)


@functools.cache
def _shaped():
    """``[(name, type, sql)]`` of the tables of an in-memory database shaped by the schema."""
    conn = sqlite3.connect(":memory:")
    for path in _schema_files():
        conn.executescript(path.read_text(encoding="utf-8"))
    kinds = {name: kind for _, name, kind, *_ in conn.execute("pragma table_list")}
    rows = conn.execute("select name, sql from sqlite_master where type = 'table' order by rowid").fetchall()
    tables = [(name, kinds.get(name), sql) for name, sql in rows if not name.startswith("sqlite_")]
    parents = {
        name: {row[2] for row in conn.execute(f"pragma foreign_key_list({name})")}
        for name, kind, _ in tables if kind == "table"
    }
    conn.close()
    return tables, parents


def _foreign_key_order(names, parents):
    """``names`` with every table after the tables it refers to; otherwise
    in the order the schema creates them."""
    ordered, waiting = [], list(names)
    while waiting:
        ready = next(name for name in waiting if parents[name] - {name} <= set(ordered))
        ordered.append(ready)
        waiting.remove(ready)
    return tuple(ordered)


def tables():
    """The tables that hold rows, parents before children."""
    shaped, parents = _shaped()
    return _foreign_key_order([name for name, kind, _ in shaped if kind == "table"], parents)


def fts_tables():
    """The full-text search tables, which the build rebuilds after the load."""
    shaped, _ = _shaped()
    return tuple(name for name, kind, sql in shaped if kind == "virtual" and "fts5" in sql.lower())


_IN_LIST = re.compile(r"\b(\w+)\s+IN\s*\(([^()]*)\)", re.IGNORECASE)
_LITERAL = re.compile(r"\s*(?:'((?:[^']|'')*)'|(-?\d+))\s*(?:,|$)")


@functools.cache
def check_lists():
    """``{(table, column): values}`` for every ``CHECK (column IN (...))`` of the schema.

    The values are the literals as written, strings or integers, in order.
    Read once per process (every article's rows ask for them; a read-only view).
    """
    shaped, _ = _shaped()
    found = {}
    for name, kind, sql in shaped:
        if kind != "table":
            continue
        for column, inner in _IN_LIST.findall(sql):
            literals = list(_LITERAL.finditer(inner))
            if literals and "".join(m.group() for m in literals) == inner:
                found[(name, column)] = tuple(
                    m.group(1).replace("''", "'") if m.group(1) is not None else int(m.group(2)) for m in literals
                )
    return types.MappingProxyType(found)


# The parts of a table's SQL that matter when looking for its CHECKs: quoted
# strings and names and comments (which may hold "CHECK" or a parenthesis
# that is not one), a CHECK's opening, and parentheses.
_CHECK_PARTS = re.compile(
    r"""'(?:[^']|'')*' | "(?:[^"]|"")*" | --[^\n]* | /\*.*?\*/ | \bCHECK\s*\( | [()]""",
    re.IGNORECASE | re.DOTALL | re.VERBOSE,
)


@functools.cache
def check_constraints():
    """``{table: (expression, ...)}``: every CHECK of the schema's tables
    (``checks_in``); tables without one are left out."""
    shaped, _ = _shaped()
    found = {name: checks_in(sql) for name, kind, sql in shaped if kind == "table"}
    return types.MappingProxyType({name: expressions for name, expressions in found.items() if expressions})


def checks_in(sql):
    """The expression of every CHECK of one CREATE TABLE statement, column
    and table constraints alike, as written (with its parentheses), in order."""
    expressions, start, depth = [], None, 0
    for part in _CHECK_PARTS.finditer(sql):
        text = part.group()
        if text[0] in "'\"-/":
            continue
        if start is None:
            if text.upper().startswith("CHECK"):
                start, depth = part.end() - 1, 1
            continue
        depth += -1 if text == ")" else 1  # "(", or a CHECK's own opening
        if depth == 0:
            expressions.append(sql[start:part.end()])
            start = None
    return tuple(expressions)
