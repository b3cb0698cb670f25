"""Security headers on every response, whatever produced it.

The pages already escape what they show (the tests hold them to it); these
headers are the second line: a browser that is somehow handed a script from
another origin, an object, a frame or a form aimed elsewhere refuses it.

Why each source of the Content-Security-Policy is there:

- ``script-src 'self'``: Datasette's own scripts and datasette-vega's bundle
  are files of this site; nothing is loaded from another origin.
- ``'unsafe-inline'`` (scripts): Datasette 0.65's templates write small
  inline scripts (the SQL editor, the table's column menus, each plugin's
  ``extra_body_script``, such as the chart fragment of plugins/chart_fragments.py),
  none of which carries a nonce.
- ``'unsafe-eval'``, only on pages that load datasette-vega (table pages and
  SQL you write yourself, where its ad-hoc chart tool is): datasette-vega
  0.6.2 bundles Vega 3, which compiles field accessors and expressions with
  ``Function(...)``; without it no chart is drawn there. The question charts
  run on vega-interpreter (plugins/questions.py) and need no eval, so every
  other page (the front page, questions, rows, the reading page) is served
  without it. The wrapper tells the two apart by whether the page's HTML
  loads datasette-vega's bundle, so the policy follows what the page does.
- ``style-src 'self' 'unsafe-inline'``: Datasette's templates and Vega's
  tooltips set ``style`` attributes.
- ``img-src 'self' data:``: Vega's "save as PNG/SVG" links are data: URLs.
- ``connect-src 'self'``: charts fetch the query's JSON from this site.
- ``object-src 'none'``, ``base-uri 'self'``, ``form-action 'self'``: no
  plugins, no <base> pointing elsewhere, forms (the SQL editor, filters)
  submit here only.
- ``frame-ancestors 'none'`` (and ``X-Frame-Options: DENY`` for older
  browsers): no other site may frame these pages.
"""

from datasette import hookimpl

CONTENT_SECURITY_POLICY = {
    "default-src": ("'self'",),
    "script-src": ("'self'", "'unsafe-inline'"),
    "style-src": ("'self'", "'unsafe-inline'"),
    "img-src": ("'self'", "data:"),
    "connect-src": ("'self'",),
    "font-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
    "frame-ancestors": ("'none'",),
}
# Pages whose HTML loads datasette-vega's bundle (its static files' path).
ADHOC_CHARTS_MARKER = b"/-/static-plugins/datasette_vega/"
ADHOC_CHARTS_POLICY = dict(CONTENT_SECURITY_POLICY, **{"script-src": ("'self'", "'unsafe-inline'", "'unsafe-eval'")})


def policy_text(policy):
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


OTHER_HEADERS = {
    "x-content-type-options": "nosniff",
    # Datasette's data pages already send no-referrer: URLs here carry SQL.
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
SECURITY_HEADERS = {"content-security-policy": policy_text(CONTENT_SECURITY_POLICY), **OTHER_HEADERS}
ADHOC_CHARTS_HEADERS = {"content-security-policy": policy_text(ADHOC_CHARTS_POLICY), **OTHER_HEADERS}


def _encoded(headers):
    return [(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers.items()]


_ENCODED = {False: _encoded(SECURITY_HEADERS), True: _encoded(ADHOC_CHARTS_HEADERS)}


def with_security_headers(headers, adhoc_charts=False):
    """``headers`` (ASGI pairs) with ours in place of any of the same name."""
    kept = [(k, v) for k, v in headers if k.lower().decode("latin-1") not in SECURITY_HEADERS]
    return kept + _ENCODED[adhoc_charts]


def _is_html(headers):
    return any(k.lower() == b"content-type" and v.startswith(b"text/html") for k, v in headers)


def add_headers(app):
    async def app_with_headers(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        held = []  # an HTML page's start, until its body says which policy

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = message.get("headers") or []
                if _is_html(headers):
                    held.append(message)
                    return None
                return await send(dict(message, headers=with_security_headers(headers)))
            if held and message["type"] == "http.response.body":
                start = held.pop()
                # A page sent in parts that does not show the bundle in its
                # first part gets the wider policy: its charts keep working.
                adhoc = ADHOC_CHARTS_MARKER in message.get("body", b"") or message.get("more_body", False)
                await send(dict(start, headers=with_security_headers(start.get("headers") or [], adhoc)))
            return await send(message)

        return await app(scope, receive, send_with_headers)

    return app_with_headers


# Last in the hook's results, so applied last: the outermost wrapper, which
# also sees the refusals the other wrappers answer before Datasette does.
@hookimpl(trylast=True)
def asgi_wrapper(datasette):
    return add_headers
