"""Paragraphs and sentences of news prose, read from a text whose
quotations are masked so that a period inside quoted words does not end the
sentence that carries their attribution.

Everything here is a pure function of a string.
"""

import bisect
import re

from . import lexicon

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = lexicon.words("abbreviations") | {a.lower() for a in lexicon.MONTH_ABBREVIATIONS}


class Spans(list):
    """``[(start, end)]`` in text order, not overlapping, that can say which
    span holds an offset without a scan (``at``, ``index_at``)."""

    def __init__(self, spans=(), text=None):
        super().__init__(spans)
        self.starts = [start for start, _ in self]
        self.text = text  # the text the spans are of, where known

    def index_at(self, offset):
        """Index of the span holding ``offset`` (end included) or the last
        one before it; -1 when ``offset`` comes before every span."""
        return bisect.bisect_right(self.starts, offset) - 1

    def at(self, offset):
        index = self.index_at(offset)
        return self[index] if index >= 0 else (0, 0)


LINE_RE = re.compile(r"[^\n]+")


def paragraphs(text):
    """``[(start, end)]`` of every non-blank line, trimmed, as ``Spans``.

    Some articles separate paragraphs by a blank line, others by a single
    newline, so every line is a paragraph.
    """
    spans = []
    for match in LINE_RE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return Spans(spans, text)


SENTENCE_END_RE = re.compile(r"[.!?][\"”’')\]]*(?=\s+(?:''|[\"“‘'(\[])?[A-Z0-9])")


def sentences(masked):
    """``[(start, end)]`` of the sentences of a masked text.

    ``masked`` has the inside of every quotation blanked out (see
    ``mask_quotes``) so that a period inside quoted words does not end the
    sentence that carries the quotation's attribution. Returns ``Spans``.
    """
    spans = []
    for p_start, p_end in paragraphs(masked):
        start = p_start
        for match in SENTENCE_END_RE.finditer(masked, p_start, p_end):
            if is_abbreviation(masked, match.start()):
                continue
            end = match.end()
            spans.append((start, end))
            start = end
            while start < p_end and masked[start].isspace():
                start += 1
        if start < p_end:
            spans.append((start, p_end))
    return Spans(spans, masked)


WORD_BEFORE_PERIOD_RE = re.compile(r"([\w.]+)$")


def is_abbreviation(text, period):
    if text[period] != ".":
        return False
    word = WORD_BEFORE_PERIOD_RE.search(text, max(0, period - 12), period)
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    if token in ABBREVIATIONS:
        return True
    # A single capital initial ("George W. Bush").
    return len(token) == 1 and text[period - 1].isupper()


# Masking an ASCII character: spaces stay, capitals become "X", the rest "x".
ASCII_MASK = {code: ("X" if chr(code).isupper() else "x") for code in range(128) if not chr(code).isspace()}
NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def _mask_non_ascii(match):
    char = match.group()
    return char if char.isspace() else "X" if char.isupper() else "x"


def mask_quotes(text, spans):
    """``text`` with the inside of each ``(start, end)`` span blanked.

    The blank is a letter, so no cue word or sentence end is found inside a
    quotation; a final ``.!?`` stays, so a quoted sentence still ends one.
    """
    chars = list(text)
    for start, end in spans:
        # Keep the case of letters: a capital after a period still
        # starts a sentence ("… News. “Attacking …").
        blank = text[start:end].translate(ASCII_MASK)
        if not blank.isascii():
            blank = NON_ASCII_RE.sub(_mask_non_ascii, blank)
        chars[start:end] = blank
        last = end - 1
        while last >= start and text[last].isspace():
            last -= 1
        if last >= start and text[last] in ".!?":
            chars[last] = text[last]
    return "".join(chars)


def as_spans(spans):
    """``spans`` as ``Spans`` (a plain list is indexed once)."""
    return spans if isinstance(spans, Spans) else Spans(spans)


def sentence_at(sentence_spans, offset):
    """The ``(start, end)`` of the sentence holding ``offset`` (or the nearest before)."""
    return as_spans(sentence_spans).at(offset)


WORD_RE = re.compile(r"[\w’'-]+")


def word_count(text):
    return len(WORD_RE.findall(text))


FURNITURE_RE = re.compile(r"(?:" + lexicon.alternation("furniture") + r")\b", re.IGNORECASE)
SHORT_CAPITALS_RE = re.compile(r"[^a-z\n]{2,40}")


def is_furniture(text, start, end):
    """Is the paragraph at ``text[start:end]`` page furniture: a line that
    opens with a furniture phrase ("Article continued below", "READ MORE"),
    or a short line in capitals ("ADVERTISEMENT")?"""
    if FURNITURE_RE.match(text, start, end):
        return True
    return SHORT_CAPITALS_RE.fullmatch(text, start, end) is not None and any(c.isalpha() for c in text[start:end])
