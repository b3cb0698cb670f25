"""Draw a canned query's chart even when its page is opened without a #fragment.

datasette-vega 0.6.2 reads its settings (g.mark, g.x_column ...) from
location.hash, and only after it has fetched the query's JSON, which happens
after DOMContentLoaded. Datasette adds a query's ``fragment`` from
metadata.yml only to the link on the database page, so a canned query opened
from anywhere else (a bookmark, a search engine, a typed URL) would show no
chart. This script, at the end of the body, runs before DOMContentLoaded and
puts the configured fragment into the address when there is none; it uses
history.replaceState so that no extra history entry or hashchange is made.
"""

import json

from datasette import hookimpl
from datasette.utils import tilde_decode

SCRIPT = """
(function () {
  var fragment = %s;
  if (!window.location.hash && document.querySelector("table.rows-and-columns")) {
    history.replaceState(history.state, "", window.location.pathname + window.location.search + "#" + fragment);
  }
})();
"""


def script_for(fragment):
    """The script that sets ``fragment``; '<' escaped so it cannot end the script."""
    return SCRIPT % json.dumps(fragment).replace("<", "\\u003c")


@hookimpl
def extra_body_script(template, database, request, datasette):
    if request is None or database is None or not template.startswith("query"):
        return None
    name = request.url_vars.get("table")
    if not name:
        return None

    async def script():
        query = await datasette.get_canned_query(database, tilde_decode(name), request.actor)
        if not query or not query.get("fragment"):
            return ""
        return script_for(query["fragment"])

    return script
