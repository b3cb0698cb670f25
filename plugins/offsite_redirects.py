"""Refuse requests that would redirect a browser to another site.

Datasette 0.65.5 answers a path with a trailing slash by redirecting to the
path without it, and strips repeated leading slashes from the Location only:
a request for /\\example.com/ is redirected to /\\example.com, which browsers
read as //example.com, another site. This ASGI wrapper closes that door
twice over:

- a request whose path, once percent-decoded and with backslashes read as
  slashes (as browsers read them), starts with two slashes is answered 404
  before Datasette sees it; no page of this site has such a path;
- any redirect whose Location would take a browser to another host is
  replaced by a 404, whatever produced it.
"""

import re
from urllib.parse import unquote, urlsplit

from datasette import hookimpl

# What a browser ignores or rewrites in a URL before resolving it (WHATWG URL
# standard): C0 controls and spaces at either end are stripped, tabs and
# newlines anywhere are removed, and a backslash counts as a slash.
_EDGES = "".join(chr(c) for c in range(0x21))
_REMOVED = re.compile("[\t\n\r]")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.\-]*:")

NOT_FOUND_BODY = b"Not found"


def browser_form(url):
    """``url`` as a browser reads it, for deciding where it leads."""
    return _REMOVED.sub("", url.strip(_EDGES)).replace("\\", "/")


def location_leaves_site(location, host=None):
    """Would a browser following ``location`` leave the site at ``host``?

    Relative references (/path, path, ?query, #fragment) stay; a
    scheme-relative //host or an absolute URL leaves unless its host is
    ``host``; any other scheme (javascript:, data:) counts as leaving.
    """
    url = browser_form(location)
    if url.startswith("//"):
        return not host or urlsplit("http:" + url).netloc.lower() != host.lower()
    if _SCHEME.match(url):
        parts = urlsplit(url)
        if parts.scheme.lower() not in ("http", "https"):
            return True
        return not host or parts.netloc.lower() != host.lower()
    return False


def path_is_offsite_trap(raw_path):
    """Does this request path start with two slashes in any disguise?"""
    path = raw_path
    for _ in range(3):  # %255C decodes to %5C decodes to a backslash
        decoded = unquote(path)
        if decoded == path:
            break
        path = decoded
    return browser_form(path).startswith("//")


async def _not_found(send):
    await send({
        "type": "http.response.start",
        "status": 404,
        "headers": [(b"content-type", b"text/plain; charset=utf-8")],
    })
    await send({"type": "http.response.body", "body": NOT_FOUND_BODY})


def _header(headers, name):
    for key, value in headers:
        if key.lower() == name:
            return value.decode("latin-1")
    return None


def guard(app):
    async def guarded_app(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)
        raw_path = scope.get("raw_path") or scope["path"].encode("utf-8")
        if path_is_offsite_trap(raw_path.decode("latin-1").partition("?")[0]):
            return await _not_found(send)
        host = _header(scope.get("headers") or [], b"host")
        refused = False

        async def checked_send(message):
            nonlocal refused
            if message["type"] == "http.response.start" and 300 <= message["status"] < 400:
                location = _header(message.get("headers") or [], b"location")
                if location is not None and location_leaves_site(location, host):
                    refused = True
                    return await _not_found(send)
            if refused:
                return None  # the body of the refused redirect
            return await send(message)

        return await app(scope, receive, checked_send)

    return guarded_app


@hookimpl
def asgi_wrapper(datasette):
    return guard
