"""Attributions where no cue governs a quotation (extractor/fallbacks.py):
a dash and a name, the sentence's subject, the quotation before across
page furniture.

The texts are written for these tests; none comes from the seed articles.
"""

import pytest

from findings import only_quote
from peshawar.extractor import analyse
from peshawar.extractor.sentences import is_furniture


def test_a_name_after_a_dash_speaks(registry):
    text = '"Power has been out since six this morning." — Carla Minton, Fenwick Road'
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_as_written"], quote["speaker_form"], quote["rule"]) == (
        "Carla Minton", "Carla Minton", "name", "dash_attribution")


def test_a_fragment_in_a_sentence_without_a_cue_is_its_subjects(registry):
    text = 'Ana Ruiz lives by the brook.\n\nShe had noticed the water smelled "like a car battery," and took photographs.'
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_as_written"], quote["rule"]) == ("Ana Ruiz", "She", "sentence_subject")


def test_a_quote_paragraph_after_furniture_goes_on_with_the_speaker_before(registry):
    text = (
        '"The first person I spoke to laughed," Ana Ruiz said. "It was not funny."\n\n'
        "Article continued below\n\n"
        '"I taught chemistry for thirty years."'
    )
    last = analyse(text, registry)["quotes"][-1]
    assert (last["speaker"], last["speaker_as_written"], last["speaker_form"]) == ("Ana Ruiz", None, "none")


@pytest.mark.parametrize("line, furniture", [
    ("Article continued below", True), ("ADVERTISEMENT", True), ("READ MORE: Storm closes schools", True),
    ("Residents were told to stay indoors.", False), ("Ana Ruiz", False),
])
def test_page_furniture_is_told_from_the_story(line, furniture):
    assert is_furniture(line, 0, len(line)) is furniture


def test_a_line_opening_with_a_name_and_a_colon_credits_its_quote(registry):
    text = "Ana Ruiz: \u2018We Will Rebuild Every Farm\u2019\n\nThe flood reached the valley on Monday."
    quote = only_quote(text, registry)
    assert (quote["text"], quote["speaker"], quote["rule"]) == ("We Will Rebuild Every Farm", "Ana Ruiz", "name_colon")


def test_a_read_more_teaser_quoting_a_headline_is_no_quote(registry):
    text = "READ MORE: \u2018Sugar tax worked\u2019, say doctors\n\nThe menus were published on Monday."
    result = analyse(text, registry)
    assert result["quotes"] == []
    assert [(q["text"], q["reason"]) for q in result["not_quotes"]] == [("Sugar tax worked", "title")]
