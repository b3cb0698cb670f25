"""Refuse, with a 4xx that names the problem, requests Datasette would answer
with a 500, a page built for another host, or minutes of work.

Before Datasette sees a request:

- its method must read: the site is read-only, and Datasette 0.65 answers a
  POST to a table or a read-only canned query with a 500;
- its Host header must be one of the site's own names: Datasette builds
  absolute links (the ``Link`` header, "next page" and facet URLs) from the
  request's Host, so an unexpected Host would be written into pages that a
  shared cache then hands to everyone. The names are the local ones
  (``localhost``, ``127.0.0.1``, ``[::1]``) unless the environment variable
  ``PESHAWAR_ALLOWED_HOSTS`` lists others (space or comma separated; a name
  without a port matches it on the port the server listens on too);
- its query parameters must be ones Datasette can read: a whole number for
  ``_timelimit``, a JSON object for ``_through``, on/off for
  ``_json_infinity`` and so on (``PARAMETER_RULES``), no NUL character, at
  most ``MAX_PARAMETERS`` parameters and ``MAX_FACETS`` facets (each facet
  is one more query of up to facet_time_limit_ms).

After: Datasette raises a 500 for a few mistakes only the schema can reveal
(sorting by a column that does not exist, a ``_through`` table with no
foreign key to this one, a number too large for SQLite); ``handle_exception``
answers those with 400 (``BAD_INPUT_ERRORS``).

And one bound on the answer: a response Datasette builds in memory may not
exceed ``MAX_RESPONSE_BYTES``; it is replaced by a 400 saying so. Streamed
responses (CSV, static files, the database download) are cut off by
Datasette's own ``max_csv_mb`` or are files of known size.
"""

import json
import os
import re
import sqlite3
from urllib.parse import parse_qsl

from datasette import hookimpl
from datasette.utils.asgi import BadRequest, Request
from datasette.views.base import DatasetteError

READING_METHODS = ("GET", "HEAD", "OPTIONS")
ALLOWED_HOSTS_VARIABLE = "PESHAWAR_ALLOWED_HOSTS"
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]")

MAX_PARAMETERS = 50
MAX_FACETS = 5
FACET_PARAMETERS = ("_facet", "_facet_array", "_facet_date")
MAX_RESPONSE_BYTES = 20_000_000
SQLITE_INTEGERS = range(-(2**63), 2**63)


def _json(value):
    try:
        return json.loads(value)
    except ValueError:
        return None


def _whole_milliseconds(value):
    return value.isascii() and value.isdigit() and 0 < int(value) < 10**9


def _through(value):
    through = _json(value)
    return isinstance(through, dict) and all(
        isinstance(through.get(key), str) for key in ("table", "column")
    ) and isinstance(through.get("value"), (str, int, float))


def _facet(value):
    if not value.startswith("{"):
        return True
    # Datasette reads config["simple"] whatever else the object holds.
    config = _json(value)
    return isinstance(config, dict) and isinstance(config.get("simple"), str) and (
        isinstance(config.get("column", ""), str))


def _list_or_commas(value):
    if not value.startswith("["):
        return True
    values = _json(value)
    return isinstance(values, list) and all(isinstance(v, (str, int, float)) for v in values)


def _comparable(value):
    # Datasette turns digits into an int for these comparisons: "²" passes
    # str.isdigit() but not int(), and SQLite stores 64 bits at most.
    if not value.isdigit():
        return True
    return value.isascii() and int(value) in SQLITE_INTEGERS


# Parameter name (or a filter's __suffix) -> (check, what it must be).
PARAMETER_RULES = {
    "_timelimit": (_whole_milliseconds, "a whole number of milliseconds"),
    "_through": (_through, 'a JSON object: {"table": ..., "column": ..., "value": ...}'),
    "_json_infinity": (lambda v: v.lower() in ("on", "off", "true", "false", "1", "0"), "on or off"),
    **{name: (_facet, 'a column name or a JSON object with "simple"') for name in FACET_PARAMETERS},
    "__in": (_list_or_commas, "a comma-separated list or a JSON list of strings and numbers"),
    "__notin": (_list_or_commas, "a comma-separated list or a JSON list of strings and numbers"),
    **{f"__{op}": (_comparable, "a number SQLite can store") for op in ("gt", "gte", "lt", "lte")},
}


def rule_for(name):
    if name in PARAMETER_RULES:
        return PARAMETER_RULES[name]
    column, separator, operator = name.rpartition("__")
    return PARAMETER_RULES.get("__" + operator) if column and separator else None


def parameter_problem(query_string):
    """What is wrong with these query parameters, or None."""
    pairs = parse_qsl(query_string, keep_blank_values=True)
    if len(pairs) > MAX_PARAMETERS:
        return f"too many query parameters ({len(pairs)}; at most {MAX_PARAMETERS})"
    facets = sum(1 for name, _ in pairs if name in FACET_PARAMETERS)
    if facets > MAX_FACETS:
        return f"too many facets ({facets}; at most {MAX_FACETS})"
    for name, value in pairs:
        if "\x00" in name or "\x00" in value:
            return "a query parameter contains a NUL character"
        rule = rule_for(name)
        if rule and not rule[0](value):
            return f"{name} must be {rule[1]}"
    return None


def allowed_hosts(setting=None, port=None):
    """The Host header values this server answers to."""
    names = (setting or "").replace(",", " ").split() or list(LOCAL_HOSTS)
    hosts = set()
    for name in names:
        name = name.lower()
        hosts.add(name)
        if port and not re.search(r":\d+$", name):
            hosts.add(f"{name}:{port}")
    return hosts


def host_of(scope):
    for key, value in scope.get("headers") or []:
        if key.lower() == b"host":
            return value.decode("latin-1").lower()
    return None


# Datasette's answers to input only the schema can judge: (exception type,
# message pattern). Anything else stays a 500, because it is our bug.
BAD_INPUT_ERRORS = (
    (DatasetteError, re.compile(r"^Cannot sort table by ")),
    (DatasetteError, re.compile(r"^Invalid _through")),
    # _next on a view is an offset: not a number, or one SQLite cannot take.
    (ValueError, re.compile(r"^invalid literal for int\(\) with base 10")),
    (sqlite3.IntegrityError, re.compile(r"^datatype mismatch$")),
    (OverflowError, re.compile(r"too large to convert to SQLite")),
)


def is_bad_input(exception):
    if isinstance(exception, DatasetteError) and exception.status != 500:
        return False
    message = str(getattr(exception, "message", None) or exception)
    return any(isinstance(exception, kind) and pattern.search(message) for kind, pattern in BAD_INPUT_ERRORS)


def error_page(datasette, request, message):
    """Datasette's own 400 page for ``message`` (JSON for .json paths)."""
    # Imported here, not at the top: imported before datasette.plugins (as a
    # test may do), handle_exception would be registered half-loaded and
    # Datasette would be left without its default error handler.
    from datasette.handle_exception import handle_exception

    return handle_exception(datasette, request, BadRequest(message))


async def refuse(datasette, scope, receive, send, message):
    response = await error_page(datasette, Request(scope, receive), message)()
    await response.asgi_send(send)


def bounded_send(send, refuse_oversized, limit=MAX_RESPONSE_BYTES):
    """``send`` that holds the response start until the first body part, so
    that a body built in memory over ``limit`` bytes can still be refused.
    A streamed body (more_body) is passed on: its size is bounded elsewhere."""
    held = None

    async def guarded_send(message):
        nonlocal held
        if message["type"] == "http.response.start":
            held = message
            return None
        if held is not None and message["type"] == "http.response.body":
            start, held = held, None
            if len(message.get("body", b"")) > limit and not message.get("more_body"):
                return await refuse_oversized(
                    f"response too large: more than {limit:,} bytes; ask for fewer rows (_size) or columns"
                )
            await send(start)
        return await send(message)

    return guarded_send


def guard(app, datasette):
    async def guarded_app(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        if scope.get("method", "GET") not in READING_METHODS:
            return await plain_response(send, 405, b"Method Not Allowed: this site is read-only",
                                        [(b"allow", ", ".join(READING_METHODS).encode())])
        port = (scope.get("server") or (None, None))[1]
        host = host_of(scope)
        if host is not None and host not in allowed_hosts(os.environ.get(ALLOWED_HOSTS_VARIABLE), port):
            # Not Datasette's error page: that would build links from this Host.
            return await plain_response(send, 400, b"Bad Request: this server does not answer to that Host")
        problem = parameter_problem(scope.get("query_string", b"").decode("latin-1"))
        if problem:
            return await refuse(datasette, scope, receive, send, problem)

        async def refuse_oversized(message):
            await refuse(datasette, scope, receive, send, message)

        return await app(scope, receive, bounded_send(send, refuse_oversized))

    return guarded_app


async def plain_response(send, status, body, headers=()):
    await send({
        "type": "http.response.start",
        "status": status,
        "headers": [(b"content-type", b"text/plain; charset=utf-8"), *headers],
    })
    await send({"type": "http.response.body", "body": body})


@hookimpl
def asgi_wrapper(datasette):
    return lambda app: guard(app, datasette)


@hookimpl
def handle_exception(datasette, request, exception):
    if is_bad_input(exception):
        return error_page(datasette, request, str(getattr(exception, "message", None) or exception))
    return None
