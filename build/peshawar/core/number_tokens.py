"""Every number in a text, in digits or words.

The seed validator asks annotators to account for every token this finds,
and the extractor reads its figures from the same tokens.
"""

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .spans import matches_at, occurrences
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
# The lower-case number words that do not begin with another ("seventeen"
# and "seventy" begin with "seven"): where they are written is where every
# number word may start, found with fewer searches of the text.
NUMBER_WORD_STEMS = sorted({
    word.lower() for word in NUMBER_WORDS
    if not any(other != word and word.lower().startswith(other.lower()) for other in NUMBER_WORDS)
})

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
# The characters besides ASCII letters that a case-insensitive pattern takes
# for an ASCII letter (İ ı ſ and the Kelvin sign; tests/core holds this list
# to Python's own case folding). In a text without them, a number word
# stands where the text's lower-case copy spells it, at the same offset.
FOLDS_TO_ASCII_RE = re.compile("[\u0130\u0131\u017f\u212a]")


@dataclass(frozen=True)
class NumberToken:
    start: int
    end: int
    text: str


# Asked for by the extractor and then by the build's coverage check of the
# same text: remembered for the last two texts (a tuple, which neither can change).
@functools.lru_cache(maxsize=2)
def number_tokens(body):
    """Every number in ``body``: runs of digits and number words.

    Ordinals ("third leader") are not counted: they rank, they do not count.
    """
    found = [NumberToken(m.start(), m.end(), m.group()) for m in DIGITS_RE.finditer(body)]
    found += [NumberToken(m.start(), m.end(), m.group()) for m in _number_words(body)]
    return tuple(sorted(found, key=lambda token: token.start))


def _number_words(body):
    """``NUMBER_WORD_RE.finditer(body)``, tried only where the lower-case
    copy of ``body`` spells a number word (``str.find`` at C speed) rather
    than at every position, when that copy keeps the offsets."""
    lower = body.lower()
    if len(lower) != len(body) or FOLDS_TO_ASCII_RE.search(body):
        return list(NUMBER_WORD_RE.finditer(body))
    return matches_at(NUMBER_WORD_RE, body, sorted({start for stem in NUMBER_WORD_STEMS for start in occurrences(lower, stem)}))
