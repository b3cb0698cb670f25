"""Pairing quotation marks (extractor/marks.py): every style, quotations over
paragraph breaks, apostrophes, nesting and marks left unbalanced.

The texts are written for these tests; none comes from the seed articles.
"""

import pytest

from findings import only_quote, verbatim
from peshawar.extractor import analyse
from peshawar.extractor.marks import pair_marks


@pytest.mark.parametrize(
    "text",
    [
        '"We are ready," Lopez said.',
        "\u201cWe are ready,\u201d Lopez said.",
        "'We are ready,' Lopez said.",
        "\u2018We are ready,\u2019 Lopez said.",
        '\u201cWe are ready," Lopez said.',  # curly open, straight close
        "'We are ready,\" Lopez said.",  # single open, double close
        '"We are ready,\u201d Lopez said.',  # straight open, curly close
    ],
)
def test_every_mark_style_pairs(registry, text):
    quote = only_quote(text, registry)
    assert quote["text"] == "We are ready,"
    assert quote["speaker_id"] == "maria-lopez"


def test_quote_running_over_a_paragraph_break(registry):
    text = (
        '"The first paragraph of the statement goes on for a while.\n\n'
        '"The second paragraph ends it," Lopez said.'
    )
    quotes = analyse(text, registry)["quotes"]
    assert [q["text"] for q in quotes] == [
        "The first paragraph of the statement goes on for a while.",
        "The second paragraph ends it,",
    ]
    assert [q["speaker_id"] for q in quotes] == ["maria-lopez", "maria-lopez"]
    assert quotes[0]["rule"] == "paragraph_continuation"
    assert [q["part"] for q in quotes] == [1, 2]


def test_apostrophes_are_not_marks(registry):
    text = "The fighters' camps were hit, Lopez's office said. 'They're gone,' Okafor said."
    quote = only_quote(text, registry)
    assert quote["text"] == "They're gone,"
    assert quote["speaker_id"] == "john-okafor"


def test_plural_possessive_inside_a_single_quote(registry):
    quote = only_quote("'The farmers' fields are under water,' Lopez said.", registry)
    assert quote["text"] == "The farmers' fields are under water,"


def test_nested_quotation_stays_inside_the_outer_one(registry):
    quote = only_quote("\"He told us 'stay home' and we did,\" Lopez said.", registry)
    assert quote["text"] == "He told us 'stay home' and we did,"


def test_an_elided_year_inside_single_marks_is_an_apostrophe(registry):
    text = "‘We will manage, like we did in ’76,’ said one farmer."
    quote = only_quote(text, registry)
    assert quote["text"] == "We will manage, like we did in ’76,"


@pytest.mark.parametrize(
    "text",
    [
        'He said "hello and left.\n\nThe end." And \'then\' there "was',
        '"',
        '\u201d\u201c\u2019\u2018\'"',
        '"A, "B" "C',
        "'90s music \"was loud,\" she said.",
        '"Unclosed at the very end',
    ],
)
def test_unbalanced_marks_never_crash_or_misplace(registry, text):
    result = analyse(text, registry)
    verbatim(text, result)


def test_pairing_drops_an_unclosed_mark():
    text = 'He said "hello and left.\n\nNext paragraph.'
    assert pair_marks(text) == []
