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
"""

import re

from datasette import hookimpl
from datasette.utils import escape_sqlite, tilde_encode
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


def marked_snippet(text):
    """An FTS snippet with **matches** as escaped HTML with <mark>matches</mark>."""
    parts = _SNIPPET.split(text)
    # split() alternates: outside, match, outside, match ... outside.
    return Markup("").join(
        Markup("<mark>{}</mark>").format(part) if index % 2 else escape(part)
        for index, part in enumerate(parts)
    )


def id_links(datasette, database, table, value, several):
    ids = value.split(", ") if several else [value]
    return Markup(", ").join(
        Markup('<a href="{}">{}</a>').format(datasette.urls.row(database, table, tilde_encode(row_id)), row_id)
        for row_id in ids
    )


async def named_link(datasette, database, table, column, value):
    """A foreign key of ``table`` as a link showing its target's name, or None."""
    db = datasette.get_database(database)
    keys = [fk for fk in await db.foreign_keys_for_table(table) if fk["column"] == column]
    if len(keys) != 1:
        return None
    other, other_column = keys[0]["other_table"], keys[0]["other_column"]
    label_column = await db.label_column_for_table(other)
    label = None
    if label_column:
        rows = (await db.execute(
            f"select {escape_sqlite(label_column)} from {escape_sqlite(other)} "
            f"where {escape_sqlite(other_column)} = ?", [value]
        )).rows
        label = rows[0][0] if rows else None
    href = datasette.urls.row(database, other, tilde_encode(value))
    if label is None or label == value:
        return Markup('<a href="{}">{}</a>').format(href, value)
    return Markup('<a href="{}" title="{}">{}</a>').format(href, value, label)


@hookimpl
def render_cell(value, column, table, database, datasette):
    if not isinstance(value, str) or not value:
        return None
    if table is None and column in SNIPPET_COLUMNS and SNIPPET_MARK in value:
        return marked_snippet(value)
    if table is not None and column.endswith("_id"):
        # Table pages hand expanded foreign keys over as dicts; a plain
        # string in a <thing>_id column is a row page's foreign key (the
        # schema names every foreign key so), or a column that is not one.
        async def as_name():
            linked = await named_link(datasette, database, table, column, value)
            if linked is not None:
                return linked
            if column in LINKED_COLUMNS:
                return id_links(datasette, database, LINKED_COLUMNS[column], value, column.endswith("_ids"))
            return None

        return as_name()
    if table is not None:
        return None
    target = LINKED_COLUMNS.get(column)
    if target is None:
        return None
    return id_links(datasette, database, target, value, column.endswith("_ids"))
