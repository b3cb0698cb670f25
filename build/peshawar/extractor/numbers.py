"""Numbers as a reader reads them: number words and digits grouped into
one expression ("half a dozen", "December 16, 2014"), their value, the
qualifier before them ("at least") and the noun they count.

Tokens come from ``core.number_tokens`` so that the extractor sees exactly
the numbers the seed validator asks annotators to account for.
"""

import bisect
import re
from dataclasses import dataclass

from ..core.number_tokens import NUMBER_VALUES, NumberToken, number_tokens
from ..core.word_lists import first_letter_alternation
from . import lexicon
# Words that may stand between a number and its noun ("seven armed men"), and
# words after a number that are not what it counts ("dozens every week").
from .lexicon import NOT_UNITS, NOUN_MODIFIERS


def _with_role(role):
    return {word: value for word, (value, word_role) in NUMBER_VALUES.items() if word_role == role}


def _grouped(pairs):
    """``((key, alternation of its phrases))`` in the order keys first appear."""
    grouped = {}
    for key, phrase in pairs:
        grouped.setdefault(key, []).append(lexicon.phrase_pattern(phrase))
    return tuple((key, "|".join(patterns)) for key, patterns in grouped.items())


# Number words and their values (core/number_words.txt).
UNITS = _with_role("unit")
TENS = _with_role("ten")
SCALES = _with_role("scale")
# "dozens of" is read as at least two dozen, "hundreds" as at least two
# hundred: the smallest number the plural allows.
VAGUE_PLURALS = _with_role("plural")

MONTH = r"(?:" + first_letter_alternation(lexicon.MONTHS + lexicon.MONTH_ABBREVIATIONS) + r")\.?"
WEEKDAY = r"(?:" + first_letter_alternation(lexicon.WEEKDAYS) + r"),?\s+"

# Every date begins with a capital (a weekday or month) or a digit: the
# lookahead lets the engine skip every other character at once.
DATE_RE = re.compile(
    r"(?=[A-Z\d])(?:" + WEEKDAY + r")?(?:"
    + MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?![\d:])(?:,?\s+\d{4}(?!\d))?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH + r"(?:,?\s+\d{4}(?!\d))?"
    r"|" + MONTH + r",?\s+\d{4}(?!\d)"
    r"|\d{1,2}/\d{1,2}/\d{2,4}(?!\d)"
    r"|\d{4}-\d{2}-\d{2}(?!\d)"
    r")"
)

# A time opens with a digit, matched first so that the engine skips to the
# next digit at C speed ("\d\d?" is "\d{1,2}").
TIME_RE = re.compile(r"\d(?:\d?:\d{2}(?:\s*[ap]\.?m\.?)?|\d?\s*[ap]\.?m\b\.?)", re.IGNORECASE)

QUALIFIERS = _grouped(lexicon.keyed("qualifiers"))

QUALIFIER_RE = re.compile(
    r"(?:^|(?<=\W))(?P<q>" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in QUALIFIERS) + r")\s+(?:a\s+)?$",
    re.IGNORECASE,
)

TIME_NOUNS = {form: plural for plural in lexicon.entries("time_nouns") for form in (plural[:-1], plural)}


@dataclass(frozen=True)
class Expression:
    start: int
    end: int
    tokens: tuple
    kind: str  # number, date, time


def expressions(text):
    """Group the number tokens of ``text`` into number expressions.

    "one million", "half a dozen" and "twenty-five" are one number each;
    "December 16, 2014" is one date; "2008 and 2009" are two numbers.
    """
    tokens = _with_glued_decimals(text, number_tokens(text))
    dates = [(m.start(), m.end()) for m in DATE_RE.finditer(text) if DIGIT_RE.search(m.group())]
    times = [(m.start(), m.end()) for m in TIME_RE.finditer(text)]
    starts = [t.start for t in tokens]
    found = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        span = _holding(dates, token.start)
        kind = "date"
        if span is None:
            span = _holding(times, token.start)
            kind = "time"
        if span is not None:
            group = tokens[index:max(index, bisect.bisect_left(starts, span[1]))]
            index += len(group)
            found.append(Expression(span[0], span[1], tuple(group), kind))
            continue
        group = [token]
        while index + len(group) < len(tokens) and _joins(text, group[-1], tokens[index + len(group)]):
            group.append(tokens[index + len(group)])
        index += len(group)
        found.append(Expression(group[0].start, group[-1].end, tuple(group), "number"))
    return found


DIGIT_RE = re.compile(r"\d")
# The first digit, then the look back: the engine skips to digits at C speed.
GLUED_DECIMAL_RE = re.compile(r"\d(?<![\w.]\d)\d*(?:,\d{3})*\.\d+(?=[a-zA-Z])")
JOIN_GAP_RE = re.compile(r"[ \u00a0-]|\s+a\s+|\s+and\s+(?:a\s+)?")


def _with_glued_decimals(text, tokens):
    """A decimal glued to a unit letter ("46.8C", "$4.5m", "2.5km") is one
    number the token finder leaves out: add it in place of the tokens it covers."""
    glued = [(m.start(), m.end(), m.group()) for m in GLUED_DECIMAL_RE.finditer(text)]
    if not glued:
        return tokens
    starts = [start for start, _, _ in glued]
    kept = []
    for token in tokens:
        index = bisect.bisect_right(starts, token.start) - 1
        if index >= 0 and token.end <= glued[index][1]:
            continue  # inside a glued decimal
        kept.append(token)
    kept += [NumberToken(start, end, words) for start, end, words in glued]
    return sorted(kept, key=lambda t: t.start)


def _holding(spans, offset):
    """The first ``(start, end)`` of ``spans`` (in text order, not
    overlapping) with start <= offset < end, or None."""
    index = bisect.bisect_right(spans, offset, key=lambda s: s[0]) - 1
    if index >= 0 and offset < spans[index][1]:
        return spans[index]
    return None


def _is_word(token):
    return not token.text[0].isdigit()


def _joins(text, left, right):
    if right.start - left.end > 40:
        return False  # no joining gap is this long
    gap = text[left.end:right.start]
    if not JOIN_GAP_RE.fullmatch(gap):
        return False
    right_word = right.text.lower()
    if right_word in SCALES or right_word == "dozen":
        return True  # "one million", "1.5 million", "half a dozen"
    if _is_word(left) and _is_word(right):
        left_word = left.text.lower()
        if left_word in TENS and right_word in UNITS and gap in ("-", " "):
            return True  # twenty-five
        if left_word in SCALES and "and" in gap:
            return True  # two hundred and fifty
    return False


def value_of(expression):
    """The number an expression stands for, or None when it gives none."""
    words = [t.text for t in expression.tokens]
    if len(words) == 1 and words[0].lower() in VAGUE_PLURALS:
        return VAGUE_PLURALS[words[0].lower()]
    total, current, seen = 0.0, 0.0, False
    for word in words:
        lower = word.lower()
        if word[0].isdigit():
            try:
                current += float(word.replace(",", ""))
            except ValueError:
                return None  # "127.0.0.1", "1.2.3": digit groups that are no one number
            seen = True
        elif lower in UNITS:
            current += UNITS[lower]
            seen = True
        elif lower in TENS:
            current += TENS[lower]
            seen = True
        elif lower == "half":
            current = current + 0.5 if current else 0.5
            seen = True
        elif lower == "dozen":
            current = (current or 1) * 12
            seen = True
        elif lower == "hundred":
            current = (current or 1) * 100
            seen = True
        elif lower in ("thousand", "million", "billion"):
            total += (current or 1) * SCALES[lower]
            current = 0.0
            seen = True
        else:
            return None
    if not seen:
        return None
    value = total + current
    return int(value) if value == int(value) else value


def qualifier_before(text, start):
    """``(qualifier, new start)``: "at least" -> at_least, and where it begins."""
    window = text[max(0, start - 30):start]
    match = QUALIFIER_RE.search(window)
    if not match:
        article = ARTICLE_BEFORE_RE.search(window)
        return None, start - len(article.group()) if article else start
    name = next(n for n, _ in QUALIFIERS if match.group(n))
    return name, start - (len(window) - match.start("q"))


def unit_after(text, end):
    """``(unit, unit end)``: the noun a number counts ("seven armed men" -> men)."""
    compound = COMPOUND_UNIT_RE.match(text, end)
    if compound:
        unit = compound.group(1).lower()
        return ("years_old" if compound.group(2) else TIME_NOUNS.get(unit, unit)), compound.end()
    words = list(FOLLOWING_WORD_RE.finditer(text[end:end + 60]))
    following = []
    position = 0
    for match in words:
        if match.start() != position:
            break
        following.append(match)
        position = match.end()
    if not following:
        return None, end
    first = following[0].group(1).lower()
    if first == "of" and len(following) > 1:
        # "hundreds of people", "a dozen of them" (no noun: None)
        noun = following[1].group(1).lower()
        if noun in NOT_UNITS or noun in ("them", "us", "whom", "those", "these"):
            return None, end
        return noun, end + following[1].end()
    if first in NOUN_MODIFIERS and len(following) > 1:
        return following[1].group(1).lower(), end + following[1].end()
    if first in NOT_UNITS:
        return None, end
    return first, end + following[0].end()


ARTICLE_BEFORE_RE = re.compile(r"(?:^|(?<=\s))an?\s+$")
COMPOUND_UNIT_RE = re.compile(r"-(year|month|week|day|hour|minute|mile|kilometre|kilometer|km)s?(-old)?", re.IGNORECASE)
FOLLOWING_WORD_RE = re.compile(r"[ \u00a0]+([A-Za-z][\w-]*)")

MONTH_NUMBERS = {name[:3].lower(): number for number, name in enumerate(lexicon.MONTHS, start=1)}
MONTH_PREFIX_RE = re.compile(r"\b(" + "|".join(name[:3] for name in lexicon.MONTHS) + r")[a-z]*\.?")


def iso_date(words):
    """"Dec. 16, 2014" -> "2014-12-16", "August 2009" -> "2009-08"; None
    without a year or when day and month cannot be told apart (3/4/2015)."""
    year = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", words)
    if not year:
        return None
    month = MONTH_PREFIX_RE.search(words)
    numeric = re.fullmatch(r"(\d{1,2})/(\d{1,2})/\d{4}", words.strip())
    iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", words.strip())
    if iso:
        return words.strip()
    if numeric:
        first, second = int(numeric.group(1)), int(numeric.group(2))
        if first > 12 >= second:
            return f"{year.group()}-{second:02d}-{first:02d}"
        if second > 12 >= first:
            return f"{year.group()}-{first:02d}-{second:02d}"
        return None
    if not month:
        return year.group()
    number = MONTH_NUMBERS[month.group(1).lower()]
    day = re.search(r"(?<![\d:])(\d{1,2})(?:st|nd|rd|th)?(?![\d:])", words)
    if day and 1 <= int(day.group(1)) <= 31:
        return f"{year.group()}-{number:02d}-{int(day.group(1)):02d}"
    return f"{year.group()}-{number:02d}"
