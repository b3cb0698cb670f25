"""Quotation marks in a text: which pairs enclose whose words.

The converter needs the spans inside quotation marks to turn an annotated
attribution into direct quotes. This is written apart from the extractor's
own pairing on purpose: gold made with the extractor's code would share its
mistakes and grade it too kindly.

A mark's role comes from what is around it, not from its shape, because
real copy breaks typography: a quotation opened with a closing mark
(”Like this”), ’’ used as a closing double mark, straight marks everywhere.

- A mark with a space (or the paragraph's start, or an opening bracket or
  dash) before it and a word after it opens; one with a word or punctuation
  before it and a space, punctuation or the paragraph's end after it closes.
  Otherwise its shape decides (“ ‘ open, ” ’ close, a straight mark closes
  the quotation it can close and opens otherwise).
- Two single marks in a row (’’ '' ‘‘ ``) are one double mark.
- Only the outermost quotation counts: marks inside it are nested quotes or
  apostrophes and belong to it.
- Single marks open a quotation only outside double ones, and a single
  quotation must close in its paragraph: an apostrophe (’90s, rock ’n’
  roll's first ’) left open is dropped.
- A double quotation still open at its paragraph's end runs to that end:
  either the quotation goes on in the next paragraph (which reopens with a
  mark, the convention for a quotation over several paragraphs) or the
  closing mark is missing. Each paragraph's part is its own span, and
  ``closed`` says which kind it is.
"""

import re
from dataclasses import dataclass

DOUBLE = "\"“”„‟«»"
SINGLE = "'‘’‚‛`´"
OPENING_SHAPES = "“„‟«‘‚‛`"
CLOSING_SHAPES = "”»’´"
STRAIGHT = "\"'"
# What may stand right before an opening mark (besides a space or nothing).
BEFORE_OPENING = "([{—–-/\u00a0"
TWO_SINGLES = re.compile(r"’’|''|‘‘|``|´´")


@dataclass(frozen=True)
class Marked:
    """The words between a pair of marks: ``text[start:end]``, marks and
    surrounding whitespace excluded; ``open_at`` is the opening mark's
    offset; ``closed`` is False when the paragraph ended first."""

    start: int
    end: int
    open_at: int
    closed: bool
    kind: str  # "double" or "single"


@dataclass(frozen=True)
class _Mark:
    offset: int
    width: int
    kind: str
    role: str  # "open", "close" or "either"


def paragraphs(text):
    """``(start, end)`` of each non-empty line: a paragraph of a news text."""
    spans, start = [], 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def _marks(text, start, end):
    """The quotation marks of ``text[start:end]`` with their likely role."""
    found, i = [], start
    while i < end:
        pair = TWO_SINGLES.match(text, i)
        if pair and pair.end() <= end:
            width, kind = 2, "double"
            shape = text[i]
        elif text[i] in DOUBLE:
            width, kind, shape = 1, "double", text[i]
        elif text[i] in SINGLE:
            width, kind, shape = 1, "single", text[i]
        else:
            i += 1
            continue
        before = text[i - 1] if i > start else " "
        after = text[i + width] if i + width < end else " "
        found.append(_Mark(i, width, kind, _role(kind, shape, before, after)))
        i += width
    return found


def _role(kind, shape, before, after):
    if kind == "single" and (before.isalnum() and after.isalnum() or after.isdigit()):
        return "apostrophe"  # don’t, O’Malley, the ’90s: never a quotation mark
    space_before = before.isspace() or before in BEFORE_OPENING
    space_after = after.isspace()
    if space_before and not space_after:
        return "open"
    if not space_before and (space_after or not after.isalnum()):
        return "close"
    if shape in OPENING_SHAPES:
        return "open"
    if shape in CLOSING_SHAPES:
        return "close"
    return "either"


def _inner(text, open_mark, end, closed):
    start = open_mark.offset + open_mark.width
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Marked(start, end, open_mark.offset, closed, open_mark.kind)


def marked_spans(text):
    """Every outermost quotation of ``text``, one span per paragraph part, in order."""
    spans = []
    for para_start, para_end in paragraphs(text):
        open_mark = None
        for mark in _marks(text, para_start, para_end):
            if open_mark is None:
                if mark.role in ("open", "either") and (mark.kind == "double" or mark.role == "open"):
                    open_mark = mark
                continue
            if mark.kind == open_mark.kind and mark.role in ("close", "either"):
                # A single mark between a letter and a letter never gets
                # here (its role is "close" only before a non-letter).
                spans.append(_inner(text, open_mark, mark.offset, True))
                open_mark = None
        if open_mark is not None and open_mark.kind == "double":
            spans.append(_inner(text, open_mark, para_end, False))
    return [s for s in spans if s.end > s.start]
