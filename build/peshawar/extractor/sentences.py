"""Paragraphs and sentences of news prose, read from a text whose
quotations are masked so that a period inside quoted words does not end the
sentence that carries their attribution.

Everything here is a pure function of a string.
"""

import re

from . import lexicon

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = lexicon.words("abbreviations") | {a.lower() for a in lexicon.MONTH_ABBREVIATIONS}


def paragraphs(text):
    """``[(start, end)]`` of every non-blank line, trimmed.

    Some articles separate paragraphs by a blank line, others by a single
    newline, so every line is a paragraph.
    """
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


SENTENCE_END_RE = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")


def sentences(masked):
    """``[(start, end)]`` of the sentences of a masked text.

    ``masked`` has the inside of every quotation blanked out (see
    ``mask_quotes``) so that a period inside quoted words does not end the
    sentence that carries the quotation's attribution.
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
    return spans


def is_abbreviation(text, period):
    if text[period] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[max(0, period - 12):period])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    if token in ABBREVIATIONS:
        return True
    # A single capital initial ("George W. Bush").
    return len(token) == 1 and text[period - 1].isupper()


def mask_quotes(text, spans):
    """``text`` with the inside of each ``(start, end)`` span blanked.

    The blank is a letter, so no cue word or sentence end is found inside a
    quotation; a final ``.!?`` stays, so a quoted sentence still ends one.
    """
    chars = list(text)
    for start, end in spans:
        for index in range(start, end):
            if not chars[index].isspace():
                # Keep the case of letters: a capital after a period still
                # starts a sentence ("… News. “Attacking …").
                chars[index] = "X" if chars[index].isupper() else "x"
        last = end - 1
        while last >= start and text[last].isspace():
            last -= 1
        if last >= start and text[last] in ".!?":
            chars[last] = text[last]
    return "".join(chars)


def sentence_at(sentence_spans, offset):
    """The ``(start, end)`` of the sentence holding ``offset`` (or the nearest before)."""
    best = None
    for start, end in sentence_spans:
        if start <= offset < end or (start <= offset and best is None):
            best = (start, end)
        if start <= offset <= end:
            return start, end
        if start > offset:
            break
        best = (start, end)
    return best or (0, 0)


def word_count(text):
    return len(re.findall(r"[\w’'-]+", text))
