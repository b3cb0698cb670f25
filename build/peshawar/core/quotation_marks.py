"""Which characters of a text act as quotation marks, and which way they face.

The seed validator asks annotators to account for every mark this finds,
and the extractor pairs the same marks, so both see the same marks.
"""

import re
from dataclasses import dataclass

DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
OPENING_SINGLE = "\u2018"
AMBIGUOUS_SINGLE = "'\u2019"  # a quotation mark or an apostrophe


@dataclass(frozen=True)
class Mark:
    """One quotation mark: where it is and whether it opens or closes."""

    offset: int
    char: str
    role: str  # "open", "close" or "either"


# Every character that may act as a quotation mark: the scan visits only these.
CANDIDATE_RE = re.compile("[" + DOUBLE_MARKS + OPENING_SINGLE + AMBIGUOUS_SINGLE + "]")
ELIDED_YEAR_RE = re.compile(r"\d\d(?!\d)")
OPENS_AFTER = "([{\u2014-/"
CLOSES_BEFORE = ".,;:!?)]}\u2014-"


def quotation_marks(body):
    """Every character in ``body`` that acts as a quotation mark.

    Double marks always count; which way a straight ``"`` faces is decided by
    its neighbours. Single marks count only where they cannot be an
    apostrophe inside a word (``Pakistan's``, ``don’t``): an opening single
    mark follows a space or line start and precedes a letter; a closing one
    follows a letter or punctuation and precedes a space, punctuation or the
    end. A plural possessive (``fighters' camps``) looks like a closing mark
    and must be listed as skipped by whoever annotates the article.
    """
    marks = []
    length = len(body)
    for found in CANDIDATE_RE.finditer(body):
        index, char = found.start(), found.group()
        before = body[index - 1] if index > 0 else " "
        after = body[index + 1] if index + 1 < length else " "
        if char in DOUBLE_MARKS:
            marks.append(Mark(index, char, _double_role(char, before, after)))
        elif char == OPENING_SINGLE:
            marks.append(Mark(index, char, "open"))
        else:
            role = _single_role(body, index, before, after)
            if role:
                marks.append(Mark(index, char, role))
    return marks


def _double_role(char, before, after):
    if char in "\u201c\u201e\u00ab":
        return "open"
    if char in "\u201d\u00bb":
        return "close"
    if before.isspace() or before in OPENS_AFTER:
        return "open"
    if after.isspace() or after in CLOSES_BEFORE:
        return "close"
    return "either"


def _single_role(body, index, before, after):
    """"open", "close", or None for an apostrophe, of a straight or right single mark."""
    if before.isalnum() and after.isalnum():
        return None  # an apostrophe inside a word
    if ELIDED_YEAR_RE.match(body, index + 1, index + 4):
        return None  # an elided year: "the summer of ’76", "class of '09"
    if (before.isspace() or before in "([{\u2014\"\u201c") and after.isalnum():
        return "open"
    if (before.isalnum() or before in ".,;:!?") and (after.isspace() or after in ".,;:!?)]}\u2014\"\u201d"):
        return "close"
    return None
