"""Which characters of a text act as quotation marks, and which way they face.

The seed validator asks annotators to account for every mark this finds,
and the extractor pairs the same marks, so both see the same marks.
"""

import functools
import re
from dataclasses import dataclass

DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
OPENING_SINGLE = "\u2018"
AMBIGUOUS_SINGLE = "'\u2019"  # a quotation mark or an apostrophe
# Two single marks in a row stand for one double mark in some house styles
# (''like this'') and in broken copy (’’ closing a “).
DOUBLED_SINGLES = ("''", "\u2019\u2019", "\u2018\u2018")
OPENING_SHAPES = "\u201c\u201e\u00ab"
CLOSING_SHAPES = "\u201d\u00bb"


@dataclass(frozen=True)
class Mark:
    """One quotation mark: where it is, whether it opens or closes, and how
    many characters it takes (2 for a doubled single mark, '')."""

    offset: int
    char: str
    role: str  # "open", "close" or "either"
    width: int = 1


# Every character that may act as a quotation mark: the scan visits only
# these, a doubled single mark first.
CANDIDATE_RE = re.compile("|".join(DOUBLED_SINGLES) + "|[" + DOUBLE_MARKS + OPENING_SINGLE + AMBIGUOUS_SINGLE + "]")
ELIDED_YEAR_RE = re.compile(r"\d\d(?!\d)")
OPENS_AFTER = "([{\u2014-/"
CLOSES_BEFORE = ".,;:!?)]}\u2014-"


# The extractor and the build's coverage check each ask for an article's
# marks, one after the other in the same process: the second gets the first's
# answer (a tuple, so that neither can change it for the other).
@functools.lru_cache(maxsize=2)
def quotation_marks(body):
    """Every character in ``body`` that acts as a quotation mark.

    Double marks always count; which way a straight ``"`` faces is decided by
    its neighbours, and so is a curly one whose neighbours say the opposite
    of its shape (a quotation opened with a closing mark: ” with a space
    before it and a word after it). Two single marks in a row ('' ’’ ‘‘) are
    one double mark. Single marks count only where they cannot be an
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
        after = body[found.end()] if found.end() < length else " "
        if len(char) == 2:
            marks.append(Mark(index, char, _doubled_role(char, before, after), 2))
        elif char in DOUBLE_MARKS:
            marks.append(Mark(index, char, _double_role(char, before, after)))
        elif char == OPENING_SINGLE:
            marks.append(Mark(index, char, "open"))
        else:
            role = _single_role(body, index, before, after)
            if role:
                marks.append(Mark(index, char, role))
    return tuple(marks)


def _opens_by_context(before, after):
    return (before.isspace() or before in OPENS_AFTER) and not after.isspace()


def _closes_by_context(before, after):
    return not (before.isspace() or before in OPENS_AFTER) and (after.isspace() or after in CLOSES_BEFORE)


def _double_role(char, before, after):
    if char in OPENING_SHAPES:
        return "close" if _closes_by_context(before, after) and before not in "\"'" else "open"
    if char in CLOSING_SHAPES:
        return "open" if _opens_by_context(before, after) and after.isalnum() else "close"
    if (before.isspace() or before in OPENS_AFTER) and not after.isspace():
        return "open"
    if after.isspace() or after in CLOSES_BEFORE:
        # A straight mark between two spaces (the closing one of "… 'a
        # flight to quality,' " he said") closes whatever is open.
        return "either" if before.isspace() else "close"
    return "either"


def _doubled_role(char, before, after):
    """The role of a doubled single mark: its neighbours decide, then its shape."""
    if _opens_by_context(before, after):
        return "open"
    if _closes_by_context(before, after) or (not before.isspace() and after in "'\u2019"):
        return "close"
    return {"\u2018\u2018": "open", "\u2019\u2019": "close"}.get(char, "either")


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
