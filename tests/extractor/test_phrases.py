"""Speaker phrases (extractor/phrases.py): names with their titles dropped,
and the head of a phrase.

The texts are written for these tests; none comes from the seed articles.
"""

import re

import pytest

from findings import only_quote
from peshawar.extractor import phrases


def test_a_title_with_a_period_before_the_speaker(registry):
    quote = only_quote('"The road is open," Gov. Farida Noor told reporters in the capital.', registry)
    assert (quote["speaker"], quote["rule"]) == ("Farida Noor", "x_told_after")


def test_the_last_name_in_a_list_is_not_the_speaker(registry):
    text = "A spokesman for the Department for Roads, Rivers and Rural Works said: ‘Every bridge will be checked this week.’"
    assert only_quote(text, registry)["speaker"].startswith("A spokesman for the Department")


def test_title_is_dropped_from_the_speaker_name(registry):
    quote = only_quote('"The road is closed," Prime Minister Petra Novak said.', registry)
    assert quote["speaker"] == "Petra Novak"


@pytest.mark.parametrize("text", [
    "the RF also publicly", "also", " also", "x-also", "a  \u00a0 also", "a\tb\n", "a b\n\n", "a b ",
    "Smith, however", "word9", "a é", "", "  ", "officials said late Tuesday",
])
def test_the_last_word_read_backwards_is_what_the_regex_finds(text):
    from peshawar.extractor.phrases import LAST_WORD_RE, _last_word

    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1):
            match = LAST_WORD_RE.search(text, start, end)
            assert _last_word(text, start, end) == ((match.start(), match.start(1)) if match else None), (text, start, end)


def test_name_runs_are_what_the_plain_pattern_finds():
    # NAME_RUN_RE opens with its capital and looks back after it, for
    # speed: it must find what the pattern that looks back first finds.
    plain = re.compile(r"(?<![\w’'-])(?:" + phrases.NAME_WORD + ")" + phrases.NAME_RUN_REST)
    text = "Ade Bello, George H.W. Bush and Osama bin Laden met O'Brien-Smith; x-Ray, A B, Ann\u00a0Lee. U.S. de Gaulle"
    assert [m.span() for m in phrases.NAME_RUN_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert [m.span() for m in phrases.NAME_RUN_RE.finditer(text, 3, 40)] == [m.span() for m in plain.finditer(text, 3, 40)]
