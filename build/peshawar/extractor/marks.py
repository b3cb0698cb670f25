"""Pairing quotation marks: which opening mark each closing mark closes,
and the words between them.

The marks themselves (which characters act as quotation marks, which way
they face) are found by ``core.quotation_marks``: the same marks the seed
validator counts.
"""

import bisect
import re
from dataclasses import dataclass

from ..core.quotation_marks import DOUBLE_MARKS, quotation_marks

NEWLINE_RE = re.compile("\n")


@dataclass
class MarkedSpan:
    """The words between a pair of quotation marks.

    ``close`` is None for the first paragraph(s) of a quotation that runs
    over a paragraph break (the next paragraph reopens with a mark and the
    first has no closing mark); ``previous`` then links the parts.
    """

    open: int  # the opening mark's (first) character
    close: int | None  # the closing mark's (last) character
    start: int
    end: int
    previous: "MarkedSpan | None" = None  # the part this one continues


def _kind(mark):
    return "double" if mark.width == 2 or mark.char in DOUBLE_MARKS else "single"


def pair_marks(text):
    """Pair the quotation marks of ``text``; return MarkedSpans in text order.

    Unbalanced marks are dropped rather than guessed: an opening mark with
    no closing mark before the paragraph ends is a stray, unless the next
    paragraph reopens with a mark (the convention for a quotation running
    over several paragraphs). A straight single opening mark may be closed
    by a double one ('…"), as happens in copy-edited text.
    """
    marks = quotation_marks(text)
    newlines = [match.start() for match in NEWLINE_RE.finditer(text)]
    # The line each mark is on: two marks are in one paragraph when equal.
    lines = [bisect.bisect_left(newlines, mark.offset) for mark in marks]
    possessive = _possessive_marks(marks, lines)
    pairs = []  # (open offset, close offset or None, inner end, previous part index)
    stack = []  # open marks: (Mark, kind, previous part index, line)
    doubles = 0  # how many marks on the stack are double
    pending_part = None

    for index, mark in enumerate(marks):
        kind = _kind(mark)
        if stack and stack[0][3] != lines[index]:
            # The paragraph ended with quotation(s) still open.
            bottom = stack[0]
            if _reopens_paragraph(text, mark, newlines, lines[index]) and kind == bottom[1]:
                para_end = newlines[bottom[3]]
                pairs.append((bottom[0], None, para_end, bottom[2]))
                pending_part = len(pairs) - 1
            stack, doubles = [], 0
        role = mark.role
        if role == "either":
            role = "close" if stack else "open"
        if role == "open":
            if stack and stack[-1][1] == kind:
                # Same kind opened twice: the first was a stray mark.
                stack[-1] = (mark, kind, stack[-1][2], lines[index])
            else:
                previous = pending_part if not stack else None
                stack.append((mark, kind, previous, lines[index]))
                doubles += kind == "double"
                if len(stack) == 1:
                    pending_part = None
        elif stack:  # a closing mark with nothing open is a stray or a plural possessive (fighters')
            doubles = _close(text, mark, possessive[index], stack, pairs, doubles)
    return _outermost(_spans(text, pairs))


def _close(text, mark, possessive, stack, pairs, doubles):
    """Close the quotation the closing ``mark`` ends, if any; return how
    many double marks stay open."""
    kind = _kind(mark)
    top_mark, top_kind, previous, _ = stack[-1]
    if top_kind == kind:
        if kind == "single" and mark.offset and text[mark.offset - 1].isalpha() and possessive:
            return doubles
        stack.pop()
        pairs.append((top_mark, mark, mark.offset, previous))
        return doubles - (kind == "double")
    if top_kind == "single" and kind == "double":
        if doubles:
            # A stray single mark inside a double quotation: drop it and
            # close the double one.
            while stack and stack[-1][1] == "single":
                stack.pop()
            top_mark, _, previous, _ = stack.pop()
            doubles -= 1
        else:
            stack.pop()  # '…" : a mismatched pair
        pairs.append((top_mark, mark, mark.offset, previous))
    # A single closing mark inside a double quotation with no single one
    # open is an apostrophe (a plural possessive): ignore it.
    return doubles


def _spans(text, pairs):
    """A MarkedSpan per pair, its words trimmed of whitespace, parts linked."""
    spans = []
    for open_mark, close_mark, inner_end, _ in pairs:
        start, end = open_mark.offset + open_mark.width, inner_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        # ``close`` is the closing mark's last character: what follows the
        # quotation starts right after it.
        close = close_mark.offset + close_mark.width - 1 if close_mark is not None else None
        spans.append(MarkedSpan(open_mark.offset, close, start, end))
    for span, (_, _, _, previous) in zip(spans, pairs):
        if previous is not None:
            span.previous = spans[previous]
    return spans


def _outermost(spans):
    """The outermost spans: a quotation inside a quotation is part of it."""
    outer = []
    for span in sorted(spans, key=lambda s: s.open):
        if outer and span.open < _outer_end(outer[-1]):
            continue
        outer.append(span)
    return outer


def _outer_end(span):
    return span.close if span.close is not None else span.end


def _reopens_paragraph(text, mark, newlines, line):
    """Is ``mark`` the first character of its paragraph?"""
    line_start = newlines[line - 1] + 1 if line else 0
    return text[line_start:mark.offset].strip() == "" and mark.role in ("open", "either")


def _possessive_marks(marks, lines):
    """For each mark, whether it is followed, in the same paragraph and
    before any opening single mark, by another single closing mark: then a
    single closing mark right after a letter is an apostrophe ("'The
    fighters' camps were hit,' he said"). One pass from the end."""
    flags = [False] * len(marks)
    ahead = None  # role of the next single mark in the paragraph, as seen from the end
    for index in range(len(marks) - 1, -1, -1):
        if index + 1 < len(marks) and lines[index + 1] != lines[index]:
            ahead = None
        flags[index] = ahead is not None and ahead != "open"
        if _kind(marks[index]) == "single":
            ahead = marks[index].role
    return flags
