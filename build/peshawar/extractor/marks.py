"""Pairing quotation marks: which opening mark each closing mark closes,
and the words between them.

The marks themselves (which characters act as quotation marks, which way
they face) are found by ``core.quotation_marks``: the same marks the seed
validator counts.
"""

from dataclasses import dataclass

from ..core.quotation_marks import DOUBLE_MARKS, quotation_marks


@dataclass
class MarkedSpan:
    """The words between a pair of quotation marks.

    ``close`` is None for the first paragraph(s) of a quotation that runs
    over a paragraph break (the next paragraph reopens with a mark and the
    first has no closing mark); ``previous`` then links the parts.
    """

    open: int
    close: int | None
    start: int
    end: int
    previous: "MarkedSpan | None" = None  # the part this one continues


def _kind(char):
    return "double" if char in DOUBLE_MARKS else "single"


def pair_marks(text):
    """Pair the quotation marks of ``text``; return MarkedSpans in text order.

    Unbalanced marks are dropped rather than guessed: an opening mark with
    no closing mark before the paragraph ends is a stray, unless the next
    paragraph reopens with a mark (the convention for a quotation running
    over several paragraphs). A straight single opening mark may be closed
    by a double one ('…"), as happens in copy-edited text.
    """
    marks = quotation_marks(text)
    pairs = []  # (open offset, close offset or None, inner end, previous part index)
    stack = []  # open marks: (Mark, kind, previous part index)
    pending_part = None

    for index, mark in enumerate(marks):
        kind = _kind(mark.char)
        if stack and "\n" in text[stack[0][0].offset:mark.offset]:
            # The paragraph ended with quotation(s) still open.
            bottom = stack[0]
            if _reopens_paragraph(text, mark) and _kind(mark.char) == bottom[1]:
                para_end = text.find("\n", bottom[0].offset)
                pairs.append((bottom[0].offset, None, para_end, bottom[2]))
                pending_part = len(pairs) - 1
            stack = []
        role = mark.role
        if role == "either":
            role = "close" if stack else "open"
        if role == "open":
            if stack and stack[-1][1] == kind:
                # Same kind opened twice: the first was a stray mark.
                stack[-1] = (mark, kind, stack[-1][2])
            else:
                previous = pending_part if not stack else None
                stack.append((mark, kind, previous))
                if not stack[:-1]:
                    pending_part = None
        elif stack:  # a closing mark with nothing open is a stray or a plural possessive (fighters')
            _close(text, marks, index, stack, pairs)
    return _outermost(_spans(text, pairs))


def _close(text, marks, index, stack, pairs):
    """Close the quotation the closing mark ``marks[index]`` ends, if any."""
    mark, kind = marks[index], _kind(marks[index].char)
    top_mark, top_kind, previous = stack[-1]
    if top_kind == kind:
        if kind == "single" and mark.offset and text[mark.offset - 1].isalpha() and _possessive_ahead(text, marks, index):
            return
        stack.pop()
        pairs.append((top_mark.offset, mark.offset, mark.offset, previous))
    elif top_kind == "single" and kind == "double":
        if any(k == "double" for _, k, _ in stack[:-1]):
            # A stray single mark inside a double quotation: drop it and
            # close the double one.
            while stack and stack[-1][1] == "single":
                stack.pop()
            top_mark, _, previous = stack.pop()
        else:
            stack.pop()  # '…" : a mismatched pair
        pairs.append((top_mark.offset, mark.offset, mark.offset, previous))
    # A single closing mark inside a double quotation with no single one
    # open is an apostrophe (a plural possessive): ignore it.


def _spans(text, pairs):
    """A MarkedSpan per pair, its words trimmed of whitespace, parts linked."""
    spans = []
    for open_offset, close, inner_end, _ in pairs:
        start, end = open_offset + 1, inner_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append(MarkedSpan(open_offset, close, start, end))
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


def _reopens_paragraph(text, mark):
    """Is ``mark`` the first character of its paragraph?"""
    line_start = text.rfind("\n", 0, mark.offset) + 1
    return text[line_start:mark.offset].strip() == "" and mark.role in ("open", "either")


def _possessive_ahead(text, marks, index):
    """A single closing mark right after a letter, followed by another
    closing one before any opening mark in the same paragraph, is an
    apostrophe ("'The fighters' camps were hit,' he said")."""
    line_end = text.find("\n", marks[index].offset)
    line_end = len(text) if line_end == -1 else line_end
    for later in marks[index + 1:]:
        if later.offset >= line_end:
            return False
        if _kind(later.char) != "single":
            continue
        if later.role == "open":
            return False
        return True
    return False
