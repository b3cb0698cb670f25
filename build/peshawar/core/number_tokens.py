"""Every number in a text, in digits or words.

The seed validator asks annotators to account for every token this finds,
and the extractor reads its figures from the same tokens.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from .word_lists import first_letter_alternation, read_word_list



def _number_words():
    table = {}
    for entry in read_word_list(Path(__file__).with_name("number_words.txt")):
        word, value, role = entry.split()
        table[word] = (float(value) if "." in value else int(value), role)
    return table


# Number words, read once: word -> (value, role); see number_words.txt.
NUMBER_VALUES = _number_words()
NUMBER_WORDS = list(NUMBER_VALUES)

# A number begins with a digit or with the first letter of a number word:
# the lookahead lets the engine pass over every other character at once.
NUMBER_START = "[\\d" + "".join(sorted({word[0].lower() for word in NUMBER_WORDS})) + "]"
NUMBER_RE = re.compile(
    r"(?=" + NUMBER_START + r")(?:"
    r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])"  # 148, 1,800, 2014, 10:10 -> 10 and 10
    r"|(?<![\w.])\d+(?=[a-zA-Z-])"  # 10pm, 15-year-old
    r"|\b(?:" + first_letter_alternation(NUMBER_WORDS, ignore_case=True) + r")\b"
    r")",
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
