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

# A number is a run of digits or a number word. The two never share a
# character, so they are found by two patterns and merged in text order:
# what one pattern of both alternatives would find, as fast as a pattern
# that opens with a digit is (the engine skips to the next digit at C
# speed; the look back comes after the first digit).
DIGITS_RE = re.compile(
    r"\d(?<![\w.]\d)(?:"
    r"\d*(?:[.,]\d+)*(?![\w])"  # 148, 1,800, 2014, 10:10 -> 10 and 10
    r"|\d*(?=[a-zA-Z-])"  # 10pm, 15-year-old
    r")",
    re.IGNORECASE,
)
NUMBER_WORD_RE = re.compile(r"\b(?:" + first_letter_alternation(NUMBER_WORDS, ignore_case=True) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class NumberToken:
    start: int
    end: int
    text: str


def number_tokens(body):
    """Every number in ``body``: runs of digits and number words.

    Ordinals ("third leader") are not counted: they rank, they do not count.
    """
    found = [NumberToken(m.start(), m.end(), m.group()) for m in DIGITS_RE.finditer(body)]
    found += [NumberToken(m.start(), m.end(), m.group()) for m in NUMBER_WORD_RE.finditer(body)]
    return sorted(found, key=lambda token: token.start)
