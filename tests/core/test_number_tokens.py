"""Every number in a text, digits and words (core/number_tokens.py)."""

import re

from peshawar.core.number_tokens import FOLDS_TO_ASCII_RE, NUMBER_WORD_RE, NUMBER_WORDS, NUMBER_WORD_STEMS, number_tokens


def test_number_tokens_digits_and_words_but_not_ordinals():
    body = "At least 145 people, 1,800 militants, half a dozen gunmen, a 15-year-old, the third leader, one million."
    assert [t.text for t in number_tokens(body)] == ["145", "1,800", "half", "dozen", "15", "one", "million"]
    for token in number_tokens(body):
        assert body[token.start:token.end] == token.text


def test_the_letters_a_case_blind_pattern_folds_to_ascii_are_the_listed_ones():
    # number_tokens reads number words from the text's lower-case copy
    # unless one of FOLDS_TO_ASCII_RE's characters is there: it must list
    # every non-ASCII character that (?i) matches to an ASCII letter.
    letter = re.compile(r"(?i)[a-z]")
    folding = {chr(c) for c in range(0x80, 0x110000) if letter.match(chr(c))}
    listed = {chr(c) for c in range(0x80, 0x110000) if FOLDS_TO_ASCII_RE.match(chr(c))}
    assert folding and folding == listed


def test_number_words_are_found_in_any_case_and_beside_folding_letters():
    for body in ("ONE often Ten-year-old, someone's Twenty", "ſix or İ one", "\u212aept SEVEN", "hundredfold Hundreds_ dozen"):
        assert [t.text for t in number_tokens(body) if not t.text[0].isdigit()] == [m.group() for m in NUMBER_WORD_RE.finditer(body)]
    assert [t.text for t in number_tokens("ONE often Ten-year-old")] == ["ONE", "Ten"]


def test_every_number_word_is_found_from_the_stems_searched_for():
    # Only the words that begin no other are searched for ("seven" for
    # "seventeen" and "seventy"): every word of the list, in any case, is
    # still found where the full pattern finds it.
    assert len(NUMBER_WORD_STEMS) < len(NUMBER_WORDS)
    body = ", ".join(w for word in NUMBER_WORDS for w in (word, word.capitalize(), word.upper(), word + "fold"))
    found = [(t.start, t.text) for t in number_tokens(body)]
    assert found == [(m.start(), m.group()) for m in NUMBER_WORD_RE.finditer(body)]
    assert len(found) == 3 * len(NUMBER_WORDS)
