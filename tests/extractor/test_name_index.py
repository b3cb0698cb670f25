"""The name index (extractor/name_index.py) answers as the regular
expressions it stands for would, run over the text up to the offset asked
about; checked here against those expressions on texts written to hold
the awkward cases (possessives, hyphens, names cut by the offset, words
repeated, several determiners)."""

import random
import re

import pytest

from peshawar.extractor import phrases
from peshawar.extractor.name_index import NameIndex

PIECES = ["Ann", "Smith", "Smith’s", "Lee-Smith", "Smithson", "River", "Front", "(RF)", "the", "a", "an", "regional",
          "commander", "vice-commander", ",", ".", " ", "  ", "\n", "said", "Reuters", "Mr.", "Khan", "told", "-", "Dr"]


def texts(count=300, seed=1216):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) + rng.choice([" ", " ", "", ", "]) for _ in range(rng.randint(1, 25)))


def full_names_by_regex(text, surname, offset):
    pattern = re.compile(r"(?<![\w-])[A-Z][\w’'-]*(?:\s+(?:(?:[A-Z]\.){1,2}\s+)?[A-Z][\w’'-]*)*\s+" + re.escape(surname) + r"(?![\w-])")
    return [m.group() for m in pattern.finditer(text, 0, offset)][::-1]


def capitalised_by_regex(text, word, limit):
    pattern = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]+(?:[ \u00a0][A-Z][\w’'-]+){0,2}[ \u00a0]" + re.escape(word) + r"(?![\w’'-])")
    match = pattern.search(text[:limit])
    return match.group() if match else None


def described_by_regex(text, head):
    name = phrases.NAME_RUN_RE.pattern
    word = re.escape(head)
    patterns = (
        r"(?P<name>" + name + r"),\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?" + word + r"\b",
        r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?" + word + r",?\s+(?P<name>" + name + r")",
        r"\b" + word + r"\s+(?P<name>" + name + r")",
    )
    found = []
    for pattern in patterns:
        found += [(m.start(), m.start("name"), m.end("name")) for m in re.finditer(pattern, text)]
    return found


@pytest.mark.parametrize("surname", ["Smith", "Front", "(RF)", "Khan"])
def test_full_names_ending_with_a_surname_are_the_regex_matches(surname):
    for text in texts():
        index = NameIndex(text)
        # Where coreference asks: the start of a word after whitespace (a
        # name or a cue), or the end of the text.
        for offset in [len(text), *(m.end() for m in re.finditer(r"\s+", text))]:
            assert index.full_names_ending_with(surname, offset) == full_names_by_regex(text, surname, offset), (text, offset)


@pytest.mark.parametrize("word", ["Smith", "Reuters", "Khan", "Lee-Smith", "Smith’s"])
def test_capitalised_words_before_a_word_is_the_leftmost_regex_match(word):
    for text in texts():
        index = NameIndex(text)
        for limit in (len(text), len(text) // 2, len(text) // 3):
            assert index.capitalised_words_before(word, limit) == capitalised_by_regex(text, word, limit), (text, limit)


@pytest.mark.parametrize("head", ["commander", "regional"])
def test_names_a_head_describes_are_the_regex_matches(head):
    for text in texts():
        assert sorted(NameIndex(text).described_names(head)) == sorted(set(described_by_regex(text, head))), text


@pytest.mark.parametrize("word", ["smith", "said", "a", "vice-commander", "smith’s", "front"])
def test_a_word_written_whole_is_what_the_regex_finds(word):
    found = 0
    for text in texts():
        text = text.lower()
        expected = re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text) is not None
        assert NameIndex(text).written_as_word(word) == expected, (text, word)
        found += expected
    assert 20 < found < 300  # written whole in some texts, only inside longer words or not at all in others


def test_name_runs_in_a_window_are_the_regex_runs():
    for text in texts():
        index = NameIndex(text)
        for start, end in ((0, len(text)), (len(text) // 3, len(text) // 2), (5, len(text) - 5)):
            if start <= end:
                expected = [m.span() for m in phrases.NAME_RUN_RE.finditer(text, start, end)]
                assert index.name_runs_between(start, end) == expected, (text, start, end)


def test_a_surname_names_the_full_name_written_before_it():
    text = "Ann Smith arrived. Later Bob Smith spoke. Smith said no."
    assert NameIndex(text).full_names_ending_with("Smith", text.index("Smith said")) == ["Later Bob Smith", "Ann Smith"]
