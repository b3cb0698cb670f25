"""Which characters of a text act as quotation marks, and which way they face.

The seed validator asks annotators to account for every mark this finds,
and the extractor pairs the same marks, so both see the same marks.
"""

import re
from dataclasses import dataclass

DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
OPENING_SINGLE = "\u2018"
AMBIGUOUS_SINGLE = "'\u2019"  # a quotation mark or an apostrophe
_CANDIDATES = re.compile("[" + re.escape(DOUBLE_MARKS + OPENING_SINGLE + AMBIGUOUS_SINGLE) + "]")


@dataclass(frozen=True)
class Mark:
    """One quotation mark: where it is and whether it opens or closes."""

    offset: int
    char: str
    role: str  # "open", "close" or "either"


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
    # Only these characters can be marks: look at them alone, not at every
    # character of the text (this runs on every article of a corpus).
    for found in _CANDIDATES.finditer(body):
        index, char = found.start(), found.group()
        before = body[index - 1] if index > 0 else " "
        after = body[index + 1] if index + 1 < len(body) else " "
        if char in DOUBLE_MARKS:
            if char in "\u201c\u201e\u00ab":
                role = "open"
            elif char in "\u201d\u00bb":
                role = "close"
            elif before.isspace() or before in "([{\u2014-/":
                role = "open"
            elif after.isspace() or after in ".,;:!?)]}\u2014-":
                role = "close"
            else:
                role = "either"
            marks.append(Mark(index, char, role))
        elif char == OPENING_SINGLE:
            marks.append(Mark(index, char, "open"))
        elif char in AMBIGUOUS_SINGLE:
            if before.isalnum() and after.isalnum():
                continue  # an apostrophe inside a word
            if re.match(r"\d\d(?!\d)", body[index + 1:index + 4]):
                continue  # an elided year: "the summer of ’76", "class of '09"
            if (before.isspace() or before in "([{\u2014\"\u201c") and after.isalnum():
                marks.append(Mark(index, char, "open"))
            elif (before.isalnum() or before in ".,;:!?") and (
                after.isspace() or after in ".,;:!?)]}\u2014\"\u201d"
            ):
                marks.append(Mark(index, char, "close"))
    return marks
