"""Link row ids in query results and views to their row pages.

Datasette links a table's foreign keys itself (they arrive here as
{"value", "label"} dicts and are left alone); canned queries and views return
plain ids. A column named for what it holds (quote_id, claim_id ...) becomes
a link to that row; quote_ids, a list joined with ", ", becomes one link each.
"""

from datasette import hookimpl
from datasette.utils import tilde_encode
from markupsafe import Markup

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


@hookimpl
def render_cell(value, column, database, datasette):
    table = LINKED_COLUMNS.get(column)
    if table is None or not isinstance(value, str) or not value:
        return None
    ids = value.split(", ") if column.endswith("_ids") else [value]
    return Markup(", ").join(
        Markup('<a href="{}">{}</a>').format(
            datasette.urls.row(database, table, tilde_encode(row_id)), row_id
        )
        for row_id in ids
    )
