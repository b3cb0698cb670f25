"""The questions (canned queries) and their charts.

Each canned query in metadata.yml may carry a ``chart``: a Vega-Lite spec
without its data. The front page, the database page and the query's own
page draw it with current Vega-Lite and vega-embed (static/vendor/, served
from this site: no CDN, so the site works offline and in tests), fed with
the query's rows as JSON by static/question-charts.js.

datasette-vega 0.6.2 stays installed for ad-hoc charts of any table or SQL
query; its Vega (v3/v4) cannot dodge overlapping points, start an axis
away from zero or size a chart to the page, which these questions need. A
query's ``fragment`` (datasette-vega's settings) opens its rows in that
ad-hoc tool, from the link under the question's SQL.

vega-interpreter, which evaluates Vega expressions without ``new Function``
(so the pages run under a Content-Security-Policy without 'unsafe-eval'),
is published as an ES module that imports three functions from vega-util by
a bare name, which a browser cannot resolve without an import map. The
vendored file stays byte for byte as published; ``classic_script()`` turns
it into a classic script that takes those functions from the global
``vega`` (which re-exports vega-util), served at INTERPRETER_URL.
"""

import json
import re
from pathlib import Path

import datasette_vega
from datasette import hookimpl
from datasette.utils import tilde_decode
from datasette.utils.asgi import Response

VENDOR = Path(__file__).resolve().parents[1] / "static" / "vendor"
# In load order: vega-lite and vega-embed expect the global `vega`.
VENDOR_SCRIPTS = ("vega-6.4.0.min.js", "vega-lite-6.5.0.min.js", "vega-embed-7.3.0.min.js")
INTERPRETER_FILE = "vega-interpreter-2.3.2.js"
INTERPRETER_URL = "/-/charts/vega-interpreter-2.3.2.js"
CHART_SCRIPT = "question-charts.js"
# Parameters that narrow a question's answer and have a default: every row,
# or (curated_only=1) only the rows a person curated.
CHOICE_PARAMS = ("curated_only",)

_IMPORT = re.compile(r"^import \{ ([\w, ]+) \} from 'vega-util';\n", re.M)
_EXPORT = re.compile(r"^export \{ (\w+) as expressionInterpreter \};\n", re.M)


class NotTheExpectedModule(ValueError):
    """The vendored interpreter is not shaped as classic_script() expects."""


def classic_script(module_source):
    """vega-interpreter's ES module as a classic script setting window.vegaInterpreter.

    The module's one import from 'vega-util' becomes a read of the same names
    from the global ``vega``; its one export becomes a property of
    ``window.vegaInterpreter``. Anything else about the file is kept.
    """
    imports = _IMPORT.findall(module_source)
    exports = _EXPORT.findall(module_source)
    if len(imports) != 1 or len(exports) != 1 or module_source.count("\nimport ") + module_source.startswith("import ") != 1:
        raise NotTheExpectedModule(
            f"{INTERPRETER_FILE}: expected one import from 'vega-util' and one export of "
            "expressionInterpreter; a new version needs classic_script() checked"
        )
    body = _EXPORT.sub("", _IMPORT.sub("", module_source))
    return (
        f"/* {INTERPRETER_FILE} from npm, made a classic script by plugins/questions.py */\n"
        "(function (vega) {\n"
        "\"use strict\";\n"
        f"const {{ {imports[0]} }} = vega;\n"
        f"{body}"
        f"window.vegaInterpreter = {{ expressionInterpreter: {exports[0]} }};\n"
        "})(window.vega);\n"
    )


def chart_scripts(datasette):
    """The script URLs a page with charts loads, in order."""
    # static/ is served at /static/ (`make serve`: --static static:static).
    return [datasette.urls.path(f"/static/vendor/{name}") for name in VENDOR_SCRIPTS] + [
        datasette.urls.path(INTERPRETER_URL),
        datasette.urls.path(f"/static/{CHART_SCRIPT}"),
    ]


def adhoc_chart_assets():
    """datasette-vega's script and stylesheet URLs."""
    return datasette_vega.extra_js_urls() + datasette_vega.extra_css_urls()


def uses_adhoc_charts(template, request):
    """Is this a page where datasette-vega's tool works: a table or view, or
    SQL a reader wrote (not a canned query, which has its own chart)?"""
    if template.startswith("table"):
        return True
    return template.startswith("query") and not (request is not None and request.url_vars.get("table"))


def spec_json(spec):
    """A chart spec as compact JSON for a data- attribute (escaped by the template)."""
    return json.dumps(spec, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def questions_of(datasette, database):
    """Every canned query of ``database`` with its title, description, link and chart."""
    queries = (datasette.metadata("queries", database=database) or {})
    out = []
    for name, query in queries.items():
        if isinstance(query, str):
            query = {"sql": query}
        out.append({
            "name": name,
            "title": query.get("title") or name,
            "description": query.get("description"),
            "url": datasette.urls.query(database, name),
            # What a reader types to ask it; curated_only has a default (every row).
            "params": [p for p in query.get("params") or [] if p not in CHOICE_PARAMS],
            "chart": spec_json(query["chart"]) if query.get("chart") else None,
            "data_url": datasette.urls.query(database, name, format="json") + "?_shape=array",
        })
    return out


@hookimpl
def register_routes():
    return [(re.escape(INTERPRETER_URL) + "$", interpreter)]


_interpreter_script = None


async def interpreter(request):
    global _interpreter_script
    if _interpreter_script is None:
        _interpreter_script = classic_script((VENDOR / INTERPRETER_FILE).read_text(encoding="utf-8"))
    return Response(
        _interpreter_script,
        content_type="text/javascript; charset=utf-8",
        headers={"Cache-Control": "max-age=31536000"},
    )


@hookimpl
def extra_template_vars(template, database, request, datasette):
    # Pages without the ad-hoc tool leave its assets out (templates/base.html).
    extra = {} if uses_adhoc_charts(template, request) else {"adhoc_chart_assets": adhoc_chart_assets()}
    if template == "index.html":
        # The front page shows the questions of the first database served.
        first = datasette.get_database().name
        extra.update({"questions": questions_of(datasette, first), "chart_scripts": chart_scripts(datasette)})
    elif template.startswith("query") and database and request is not None and request.url_vars.get("table"):
        name = tilde_decode(request.url_vars["table"])
        query = (datasette.metadata("queries", database=database) or {}).get(name)
        if isinstance(query, dict) and query.get("chart"):
            extra.update({"chart_spec": spec_json(query["chart"]), "chart_scripts": chart_scripts(datasette)})
    return extra
