"""Who may see a table, worked out once per table instead of on every page.

Datasette 0.65.5 answers "may this reader see this table?" (the view-table
permission, asked twice by every table page) by deep-copying the whole
metadata, every table's column descriptions and every canned query with
its chart, and merging it anew: measured with cProfile, a third of the
time of a small table page (/peshawar/topics) on this site, and nothing on
a bare `datasette serve`, which has no metadata to copy.

The answer (the ``allow`` blocks that apply to the table) depends only on
the metadata, which Datasette reads once at startup from metadata.yml
(`make serve` restarts the server for a new build). So it is kept per
(database, table), unless a plugin supplies metadata through the
get_metadata hook, whose answers may change from one call to the next.
The rule itself stays Datasette's: this keeps its answers, it does not
restate them.
"""

import functools

from datasette import hookimpl
from datasette.plugins import pm

# Distinct (database, table) pairs kept: every table and view of the site,
# with room; a name that is not a table cannot push the real ones out for long.
KEPT = 1024


def kept_answers(table_permission_allows):
    """``table_permission_allows`` with its answers kept per (database, table)."""
    return functools.lru_cache(maxsize=KEPT)(table_permission_allows)


@hookimpl
def startup(datasette):
    # The method is private to Datasette 0.65 (requirements.txt pins 0.65.5):
    # where it is missing, pages ask Datasette's own way, unchanged.
    asks = getattr(datasette, "_table_permission_allows", None)
    if asks is None or pm.hook.get_metadata.get_hookimpls():
        return
    datasette._table_permission_allows = kept_answers(asks)
