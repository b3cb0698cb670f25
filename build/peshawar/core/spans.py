"""Finding a verbatim text in an article: the offsets every span carries.

Offsets are Python string indexes, half-open: ``body[start:end] == text``.
SQLite's substr() counts characters the same way (1-based), so the same
numbers work in SQL as ``substr(body, start + 1, end - start)``.
"""


class SpanError(ValueError):
    """An annotated text could not be placed in its article."""


def occurrences(body, text):
    """Every start offset of ``text`` in ``body``, overlapping ones included."""
    starts = []
    index = body.find(text)
    while index != -1:
        starts.append(index)
        index = body.find(text, index + 1)
    return starts


def matches_at(pattern, body, starts):
    """``list(pattern.finditer(body))`` for a pattern that can match only at
    one of ``starts`` (ascending offsets): tried only there, left to right,
    none overlapping, as ``finditer`` finds them. The pattern must not match
    an empty string."""
    found, taken_to = [], 0
    for start in starts:
        if start >= taken_to and (match := pattern.match(body, start)):
            found.append(match)
            taken_to = match.end()
    return found


def locate(body, text, occurrence=None):
    """Return ``(start, end)`` of ``text`` in ``body``.

    ``occurrence`` (1-based) is needed only when the text occurs more than
    once; it is an error to leave it out then, so that a span never silently
    lands on the wrong copy of a repeated phrase.
    """
    if not text:
        raise SpanError("text is empty")
    starts = occurrences(body, text)
    if not starts:
        raise SpanError(f"text not found in the article: {_preview(text)}")
    if occurrence is None:
        if len(starts) > 1:
            raise SpanError(
                f"text occurs {len(starts)} times (at characters "
                f"{', '.join(map(str, starts))}); add 'occurrence: 1' to "
                f"'occurrence: {len(starts)}' to say which: {_preview(text)}"
            )
        start = starts[0]
    else:
        if not 1 <= occurrence <= len(starts):
            raise SpanError(
                f"occurrence {occurrence} asked for, but the text occurs "
                f"{len(starts)} time(s): {_preview(text)}"
            )
        start = starts[occurrence - 1]
    return start, start + len(text)


def _preview(text, width=60):
    text = text.replace("\n", "\\n")
    return repr(text if len(text) <= width else text[: width - 1] + "\u2026")
