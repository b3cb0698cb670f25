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
- ``'unsafe-eval'``: datasette-vega 0.6.2 bundles Vega 3, which compiles
  field accessors and expressions with ``Function(...)``; without it no chart
  is drawn. A page whose charts run on vega-interpreter could drop it.
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
    "script-src": ("'self'", "'unsafe-inline'", "'unsafe-eval'"),
    "style-src": ("'self'", "'unsafe-inline'"),
    "img-src": ("'self'", "data:"),
    "connect-src": ("'self'",),
    "font-src": ("'self'",),
    "object-src": ("'none'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
    "frame-ancestors": ("'none'",),
}


def policy_text(policy):
    return "; ".join(f"{directive} {' '.join(sources)}" for directive, sources in policy.items())


SECURITY_HEADERS = {
    "content-security-policy": policy_text(CONTENT_SECURITY_POLICY),
    "x-content-type-options": "nosniff",
    # Datasette's data pages already send no-referrer: URLs here carry SQL.
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
_ENCODED = [(name.encode("latin-1"), value.encode("latin-1")) for name, value in SECURITY_HEADERS.items()]


def with_security_headers(headers):
    """``headers`` (ASGI pairs) with ours in place of any of the same name."""
    kept = [(k, v) for k, v in headers if k.lower().decode("latin-1") not in SECURITY_HEADERS]
    return kept + _ENCODED


def add_headers(app):
    async def app_with_headers(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                message = dict(message, headers=with_security_headers(message.get("headers") or []))
            return await send(message)

        return await app(scope, receive, send_with_headers)

    return app_with_headers


# Last in the hook's results, so applied last: the outermost wrapper, which
# also sees the refusals the other wrappers answer before Datasette does.
@hookimpl(trylast=True)
def asgi_wrapper(datasette):
    return add_headers
