"""Every number in a text, in digits or words.

The seed validator asks annotators to account for every token this finds,
and the extractor reads its figures from the same tokens.
"""

import re
from dataclasses import dataclass

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
