"""Pure functions over an article's text: finding spans, quotation marks,
numbers and alias mentions. Nothing here touches a file or a database.

Offsets are Python string indexes, half-open: ``body[start:end] == text``.
SQLite's substr() counts characters the same way (1-based), so the same
numbers work in SQL as ``substr(body, start + 1, end - start)``.
"""

import re
from dataclasses import dataclass

DOUBLE_MARKS = '"\u201c\u201d\u201e\u00ab\u00bb'
OPENING_SINGLE = "\u2018"
AMBIGUOUS_SINGLE = "'\u2019"  # a quotation mark or an apostrophe


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
    for index, char in enumerate(body):
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


NUMBER_WORDS = (
    "one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty "
    "fifty sixty seventy eighty ninety hundred hundreds thousand thousands "
    "million millions billion dozen dozens half"
).split()

NUMBER_RE = re.compile(
    r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])"  # 148, 1,800, 2014, 10:10 -> 10 and 10
    r"|(?<![\w.])\d+(?=[a-zA-Z-])"  # 10pm, 15-year-old
    r"|\b(?:" + "|".join(NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class NumberToken:
    start: int
    end: int
    text: str


def number_tokens(body):
    """Every number in ``body``: runs of digits and number words.

    Ordinals ("third leader") are not counted: they rank, they do not count.
    """
    return [NumberToken(m.start(), m.end(), m.group()) for m in NUMBER_RE.finditer(body)]


def alias_pattern(aliases):
    """One regex that matches any alias as whole words, longest first.

    Longest first makes "Tehrik-i-Taliban Pakistan" win over "Taliban" where
    both start at the same place.
    """
    ordered = sorted(set(aliases), key=lambda a: (-len(a), a))
    alternatives = "|".join(re.escape(a) for a in ordered)
    return re.compile(r"(?<![\w-])(?:" + alternatives + r")(?![\w-])")


def find_mentions(body, alias_to_actor):
    """Return ``[(start, end, surface, actor_id)]`` for every alias in ``body``.

    ``alias_to_actor`` maps each alias (exact spelling) to its actor id.
    Matches do not overlap: a longer alias hides the shorter ones inside it.
    """
    if not alias_to_actor:
        return []
    pattern = alias_pattern(alias_to_actor)
    return [
        (m.start(), m.end(), m.group(), alias_to_actor[m.group()])
        for m in pattern.finditer(body)
    ]
