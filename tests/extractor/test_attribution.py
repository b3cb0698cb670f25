"""Attribution (extractor/attribution.py): which cue or earlier sentence gives
each quotation its speaker, and which quotations are parts of one.

The texts are written for these tests; none comes from the seed articles.
"""

import pytest

from findings import only_quote
from peshawar.extractor import analyse


@pytest.mark.parametrize(
    "text, words, speaker, speaker_id, cue, rule",
    [
        ('"We will rebuild the bridge," Maria Lopez said.', "We will rebuild the bridge,", "Maria Lopez", "maria-lopez", "said", "x_said_after"),
        ('"We will rebuild," said John Okafor, the mayor of the town.', "We will rebuild,", "John Okafor", "john-okafor", "said", "said_x_after"),
        ('"Nobody warned us," Okafor told The Daily Planet.', "Nobody warned us,", "Okafor", "john-okafor", "told", "x_told_after"),
        ('According to Maria Lopez, the dam "was never inspected."', "was never inspected.", "Maria Lopez", "maria-lopez", "according to", "according_to"),
        ('Lopez said:\n\n"The water came at night and took everything."', "The water came at night and took everything.", "Lopez", "maria-lopez", "said", "colon_lead_in"),
        ('Lopez said the levee was "never finished" when she arrived.', "never finished", "Lopez", "maria-lopez", "said", "cue_before_in_sentence"),
    ],
)
def test_attribution_patterns(registry, text, words, speaker, speaker_id, cue, rule):
    quote = only_quote(text, registry)
    assert (quote["text"], quote["speaker"], quote["speaker_id"], quote["cue"], quote["rule"]) == (words, speaker, speaker_id, cue, rule)
    assert 0 < quote["confidence"] <= 1


def test_told_records_the_channel(registry):
    quote = only_quote('"Nobody warned us," Okafor told The Daily Planet.', registry)
    assert (quote["channel"], quote["channel_id"]) == ("The Daily Planet", "daily-planet")


def test_said_in_a_statement_keeps_channel_in_cue(registry):
    quote = only_quote('"The plant will reopen in spring," Maria Lopez said in a statement on Friday.', registry)
    assert quote["cue"] == "said in a statement"
    assert quote["speaker_id"] == "maria-lopez"


def test_speaker_named_in_the_sentence_before(registry):
    text = 'Maria Lopez spoke to the crowd after the service.\n\n"We will not forget the people we lost in this flood."'
    quote = only_quote(text, registry)
    assert quote["speaker_id"] == "maria-lopez"
    assert quote["rule"] == "previous_sentence_name"


def test_speech_verb_in_the_sentence_before(registry):
    text = 'Lopez explained why the town stayed. "Our families have farmed here for two centuries."'
    quote = only_quote(text, registry)
    assert (quote["speaker_id"], quote["rule"]) == ("maria-lopez", "previous_sentence")


def test_quote_interrupted_by_its_attribution_in_one_sentence(registry):
    text = '"The first part of it," Lopez said, "and then the second part of it."'
    quotes = analyse(text, registry)["quotes"]
    assert [q["speaker_id"] for q in quotes] == ["maria-lopez", "maria-lopez"]
    assert [q["part"] for q in quotes] == [1, 2]


def test_quote_continued_after_its_attribution_sentence(registry):
    text = '"The first sentence is here," Okafor told reporters. "The second sentence is here."'
    quotes = analyse(text, registry)["quotes"]
    assert [q["speaker_id"] for q in quotes] == ["john-okafor", "john-okafor"]
    assert quotes[1]["rule"] == "interrupted"
    assert [q["part"] for q in quotes] == [1, 2]


def test_a_groups_statement_speaks_for_the_group(registry):
    quote = only_quote('"Our fighters did not attack the clinic," the River Front\'s statement said.', registry)
    assert (quote["speaker_id"], quote["rule"]) == ("river-front", "statement")


def test_participle_cue_hangs_on_the_sentence_subject(registry):
    text = 'After a long silence, the River Front condemned the raid, calling it "a crime against the valley."'
    quote = only_quote(text, registry)
    assert quote["speaker_id"] == "river-front"
    assert quote["form"] == "partial"


def test_pull_quote_takes_the_speaker_of_its_twin(registry):
    text = (
        "'Nobody in this valley will forget the night the water came.'\n\n"
        "The town has counted its losses.\n\n"
        '"Nobody in this valley will forget the night the water came," Lopez said.'
    )
    quotes = analyse(text, registry)["quotes"]
    assert [q["speaker_id"] for q in quotes] == ["maria-lopez", "maria-lopez"]
    assert quotes[0]["rule"] == "pull_quote_twin" and quotes[0]["pull_quote"] is True


def test_paragraph_continuation_after_a_speaker_named_in_the_sentence_before(registry):
    text = 'Maria Lopez laughed at the memory.\n\n"I told him to buy more books from us.\n\n"He did not buy more."'
    quotes = analyse(text, registry)["quotes"]
    assert [q["speaker_id"] for q in quotes] == ["maria-lopez", "maria-lopez"]


def test_unregistered_speaker_named_in_the_sentence_before(registry):
    quote = only_quote('Ana Ruiz walked the rows at dawn.\n\n"We never gave up on this farm, not once."', registry)
    assert (quote["speaker"], quote["rule"]) == ("Ana Ruiz", "previous_sentence_name")
