"""CSV for Excel: any of Datasette's CSV exports with a byte-order mark.

Excel on Windows reads a CSV file as the system's legacy code page unless
the file starts with a UTF-8 byte-order mark, so the articles' em dashes and
curly quotes come out garbled; Datasette 0.65 cannot add the mark itself.
A request for ``….csv?_bom=1`` gets exactly what ``….csv`` gets, with the
three bytes EF BB BF in front. The CSV itself is still Datasette's (the same
columns, labels, every row with ``_stream=on``, a file name with ``_dl``),
so the two downloads cannot drift apart; the table and question pages link
it beside the plain CSV as "CSV for Excel".
"""

from urllib.parse import parse_qs

from datasette import hookimpl

BOM = "\ufeff".encode("utf-8")


def wants_bom(scope):
    """Is this a request for a CSV export with _bom=1?"""
    if scope.get("type") != "http" or not scope.get("path", "").endswith(".csv"):
        return False
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    return query.get("_bom") == ["1"]


def without_content_length(headers):
    return [(key, value) for key, value in headers if key.lower() != b"content-length"]


def add_bom(app):
    async def app_with_bom(scope, receive, send):
        if not wants_bom(scope):
            return await app(scope, receive, send)
        state = {"csv": False, "started": False}

        async def send_with_bom(message):
            if message["type"] == "http.response.start":
                # Only a successful CSV gets the mark; errors pass unchanged.
                headers = message.get("headers") or []
                content_type = dict((k.lower(), v) for k, v in headers).get(b"content-type", b"")
                state["csv"] = message["status"] == 200 and content_type.split(b";")[0].strip() in (
                    b"text/csv", b"text/plain")
                if state["csv"]:
                    # The body grows by three bytes; a stream has no length anyway.
                    message = {**message, "headers": without_content_length(headers)}
            elif message["type"] == "http.response.body" and state["csv"] and not state["started"]:
                state["started"] = True
                message = {**message, "body": BOM + message.get("body", b"")}
            return await send(message)

        return await app(scope, receive, send_with_bom)

    return app_with_bom


@hookimpl
def asgi_wrapper(datasette):
    return add_bom
