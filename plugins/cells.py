"""How cells read: ids as links, foreign keys by name, search matches marked.

One render_cell hook for the whole site, because Datasette uses the first
plugin that answers for a cell and the order of plugins is not defined.

- Query results and views return plain ids: a column named for what it
  holds (quote_id, claim_id ...) becomes a link to that row; quote_ids, a
  list joined with ", ", becomes one link each.
- Row pages show a row's foreign keys as plain ids (Datasette expands them
  to names on table pages only): a foreign key of the row's table becomes a
  link that shows the name (the target table's label column), the id in
  its title.
- The search question marks its matches with ** (FTS5 snippet()); in HTML
  they become <mark> around the escaped text, while CSV and JSON keep the
  plain markers.

Datasette calls the hook for every cell of every page (a table page of 100
rows and 15 columns is 1,500 calls), so it decides from the column first
and does no work for a cell it leaves alone. What it needs of the schema
(each table's foreign keys) is read once per database at startup: the site
serves immutable files, whose schema cannot change. Links are written as
plain strings with escape(), not through Markup.format (a string.Formatter
per link was most of a 100-row search page's drawing time).
"""

import re
import weakref

from datasette import hookimpl
from datasette.utils import await_me_maybe, escape_sqlite, get_outbound_foreign_keys, tilde_encode
from markupsafe import Markup, escape

LINKED_COLUMNS = {
    "article_id": "articles",
    "quote_id": "quotes",
    "quote_ids": "quotes",
    "claim_id": "claims",
    "citation_id": "citations",
    "statement_id": "statements",
    "topic_id": "topics",
    "relation_id": "actor_relations",
    "actor_id": "actors",
    "subject_id": "actors",
    "object_id": "actors",
    "speaker_id": "actors",
    "cited_id": "actors",
}

SNIPPET_COLUMNS = {"snippet"}
SNIPPET_MARK = "**"
_SNIPPET = re.compile(re.escape(SNIPPET_MARK) + r"(.+?)" + re.escape(SNIPPET_MARK), re.S)
# Characters tilde_encode() leaves as they are: an id made only of them (every
# id the build writes) is its own URL path segment.
_URL_SAFE = re.compile(r"[A-Za-z0-9_-]+")

# {Database: {table: {column: (other table, other column)}}}, for immutable
# databases only; weak, so that a Datasette instance that goes (the tests make
# several) takes its entry with it.
_FOREIGN_KEYS = weakref.WeakKeyDictionary()
# {Datasette: {(database, table): the table's URL path}}
_TABLE_PATHS = weakref.WeakKeyDictionary()


def marked_snippet(text):
    """An FTS snippet with **matches** as escaped HTML with <mark>matches</mark>."""
    parts = _SNIPPET.split(text)
    # split() alternates: outside, match, outside, match ... outside.
    return Markup("").join(
        Markup("<mark>{}</mark>").format(part) if index % 2 else escape(part)
        for index, part in enumerate(parts)
    )


def path_segment(row_id):
    return row_id if _URL_SAFE.fullmatch(row_id) else tilde_encode(row_id)


def table_path(datasette, database, table):
    """datasette.urls.table(database, table), worked out once per table."""
    paths = _TABLE_PATHS.setdefault(datasette, {})
    path = paths.get((database, table))
    if path is None:
        path = paths[(database, table)] = datasette.urls.table(database, table)
    return path


def id_links(datasette, database, table, value, several):
    base = table_path(datasette, database, table)
    ids = value.split(", ") if several else (value,)
    return Markup(", ".join(
        f'<a href="{escape(base + "/" + path_segment(row_id))}">{escape(row_id)}</a>' for row_id in ids
    ))


def read_foreign_keys(conn):
    """{table: {column: (other table, other column)}} of every table; a column
    with more than one single-column foreign key is left out (it has no one
    target to name)."""
    keys = {}
    tables = [row[0] for row in conn.execute("select name from sqlite_master where type = 'table'")]
    for table in tables:
        found = get_outbound_foreign_keys(conn, table)
        columns = [fk["column"] for fk in found]
        keys[table] = {
            fk["column"]: (fk["other_table"], fk["other_column"]) for fk in found if columns.count(fk["column"]) == 1
        }
    return keys


async def foreign_keys(db):
    """read_foreign_keys of ``db``: kept for an immutable database, read
    again each time for a mutable one (its schema may change)."""
    keys = _FOREIGN_KEYS.get(db)
    if keys is None:
        keys = await db.execute_fn(read_foreign_keys)
        if not db.is_mutable:
            _FOREIGN_KEYS[db] = keys
    return keys


async def named_link(datasette, database, other, other_column, value):
    """A link to the row of ``other`` whose ``other_column`` is ``value``,
    showing its name (the label column) with the id in its title."""
    db = datasette.get_database(database)
    label_column = await db.label_column_for_table(other)
    label = None
    if label_column:
        rows = (await db.execute(
            f"select {escape_sqlite(label_column)} from {escape_sqlite(other)} "
            f"where {escape_sqlite(other_column)} = ?", [value]
        )).rows
        label = rows[0][0] if rows else None
    href = datasette.urls.row(database, other, path_segment(value))
    if label is None or label == value:
        return Markup('<a href="{}">{}</a>').format(href, value)
    return Markup('<a href="{}" title="{}">{}</a>').format(href, value, label)


def linked_id(datasette, database, column, value):
    """A column named for what it holds, as links to those rows, or None."""
    target = LINKED_COLUMNS.get(column)
    if target is None:
        return None
    return id_links(datasette, database, target, value, column.endswith("_ids"))


def key_cell(datasette, database, keys, table, column, value):
    """A foreign key as a named link (a coroutine: it reads the name), any
    other column as linked_id() has it."""
    target = keys.get(table, {}).get(column)
    if target is None:
        return linked_id(datasette, database, column, value)
    return named_link(datasette, database, *target, value)


@hookimpl
def startup(datasette):
    async def read_schemas():
        for db in datasette.databases.values():
            if not db.is_mutable:
                await foreign_keys(db)

    return read_schemas


@hookimpl
def render_cell(value, column, table, database, datasette):
    if not isinstance(value, str) or not value:
        return None
    if table is None:
        if column in SNIPPET_COLUMNS and SNIPPET_MARK in value:
            return marked_snippet(value)
        return linked_id(datasette, database, column, value)
    if not column.endswith("_id"):
        return None
    # Table pages hand expanded foreign keys over as dicts; a plain string in
    # a <thing>_id column is a row page's foreign key (the schema names every
    # foreign key so), a view's column, or a column that is not a key.
    db = datasette.get_database(database)
    keys = _FOREIGN_KEYS.get(db)
    if keys is not None:
        return key_cell(datasette, database, keys, table, column, value)

    async def as_name():
        keys = await foreign_keys(db)
        return await await_me_maybe(key_cell(datasette, database, keys, table, column, value))

    return as_name()
