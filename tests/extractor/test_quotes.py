"""Quote or not (extractor/quotes.py): quotes told from scare quotes,
nicknames, names and titles.

The texts are written for these tests; none comes from the seed articles.
"""

import pytest

from findings import only_quote, verbatim
from peshawar.extractor import analyse


@pytest.mark.parametrize(
    "text, words, reason",
    [
        ('The militia leader, known as "the Fox", fled north.', "the Fox", "nickname"),
        ('The so-called "peace dividend" never reached the valley.', "peace dividend", "name"),
        ("Her report, \u201cRivers of Dust,\u201d was published in May.", "Rivers of Dust,", "name"),
        ("The campaign, dubbed \u201cOperation Clear Water,\u201d began in May.", "Operation Clear Water,", "name"),
        ('The army praised its "surgical" strikes on the hills.', "surgical", "scare_quote"),
        ('Critics of the "river first" policy marched through the town on Sunday.', "river first", "scare_quote"),
    ],
)
def test_scare_quotes_nicknames_and_names_are_not_quotes(registry, text, words, reason):
    result = analyse(text, registry)
    verbatim(text, result)
    assert result["quotes"] == []
    assert [(q["text"], q["reason"]) for q in result["not_quotes"]] == [(words, reason)]


def test_short_quote_far_from_its_cue_in_its_sentence_is_a_partial_quote(registry):
    """A fragment inside somebody's paraphrase is their words, however far
    from the verb: Lopez insisted that ... were "reckless"."""
    text = (
        "Lopez insisted that the councillors who had voted to spend the money on roads in the north of the province "
        'were "reckless."'
    )
    quote = only_quote(text, registry)
    assert (quote["text"], quote["speaker_id"], quote["form"]) == ("reckless.", "maria-lopez", "partial")


def test_short_words_that_modify_a_noun_are_a_scare_quote_even_beside_a_cue(registry):
    text = 'Lopez said the "temporary" bridge would stay for a decade. She backed its support of "friendly" Rivertown groups.'
    result = analyse(text, registry)
    assert result["quotes"] == []
    assert [(q["text"], q["reason"]) for q in result["not_quotes"]] == [("temporary", "scare_quote"), ("friendly", "scare_quote")]


def test_a_short_quote_with_no_cue_around_is_a_scare_quote(registry):
    text = 'The council spent the money on roads while the southern towns waited for the "improvements" to arrive.'
    assert analyse(text, registry)["quotes"] == []


def test_short_quote_next_to_its_cue_is_a_quote(registry):
    quote = only_quote('Lopez called the response "slow".', registry)
    assert quote["text"] == "slow"
    assert quote["speaker_id"] == "maria-lopez"


def test_what_she_called_marks_a_partial_quote(registry):
    text = "Farida Noor told the Daily Planet she would demand an inquiry into what she called the council’s ‘culture of delay’."
    quote = only_quote(text, registry)
    assert (quote["text"], quote["speaker"]) == ("culture of delay", "Farida Noor")


def test_quoted_words_modifying_a_noun_are_not_a_quote(registry):
    result = analyse('Critics said the council\'s "flood-ready" plan, announced in 2019, had never been funded.', registry)
    assert result["quotes"] == []
    assert [(q["text"], q["reason"]) for q in result["not_quotes"]] == [("flood-ready", "scare_quote")]
    # Followed by "that" or "of", the marked words are still the speaker's.
    quote = only_quote('Lopez told reporters the council is a "tired body" that meets too rarely.', registry)
    assert quote["speaker_id"] == "maria-lopez"


def test_every_quote_carries_a_rule_of_the_table_with_its_confidence(registry):
    from peshawar.extractor.quotes import QUOTE_RULES, RULE_CONFIDENCE

    assert len({rule.rule for rule in QUOTE_RULES}) == len(QUOTE_RULES)
    text = (
        '"A long quotation with nobody to say it, however hard one looks for a speaker."\n\n'
        '"We will rebuild," Maria Lopez said. "The first part," Okafor said, "and the second."\n\n'
        'Petra Novak spoke next. "Nobody warned us about the water," Petra Novak said.'
    )
    quotes = analyse(text, registry)["quotes"]
    assert {q["rule"] for q in quotes} >= {"x_said_after", "interrupted", "unattributed"}
    for quote in quotes:
        assert quote["confidence"] == RULE_CONFIDENCE[quote["rule"]]


def test_every_rule_the_extractor_names_is_calibrated():
    """Each rule name the attribution code can give a quote has a row in
    QUOTE_RULES with its measured counts (read from the source, so that a
    new rule without a calibration fails here, not at run time)."""
    import pathlib
    import re

    from peshawar.extractor import quotes
    from peshawar.extractor.quotes import QUOTE_RULES

    package = pathlib.Path(quotes.__file__).parent
    named = set()
    for module in ("attribution", "fallbacks", "quotes"):
        source = (package / f"{module}.py").read_text(encoding="utf-8")
        # Attribution("rule", ...), share(..., "rule"), from_cue(..., "rule"), return "rule"
        named |= set(re.findall(r'Attribution\(\s*"([a-z_]+)"', source))
        named |= set(re.findall(r'(?:share|_join|from_cue)\([^()]*?"([a-z_]+)"', source))
        named |= set(re.findall(r'^\s+return "([a-z_]+)"$', source, re.MULTILINE))
        named |= set(re.findall(r'^\s+"(pull_quote_twin)",', source, re.MULTILINE))
    table = {rule.rule: rule for rule in QUOTE_RULES}
    assert named >= {"x_said_after", "according_to", "unattributed", "interrupted", "name_colon", "previous_sentence"}
    assert named <= set(table), f"rules without a calibration: {sorted(named - set(table))}"
    for rule in table.values():
        assert 0 <= rule.right <= rule.found and 0 < rule.confidence < 1


def test_a_link_by_surname_alone_is_less_sure_than_by_full_name(registry):
    from peshawar.extractor.quotes import IDENTITY_CONFIDENCE

    by_full_name = only_quote('"We will rebuild," John Okafor said.', registry)
    by_surname = only_quote('"We will rebuild," Okafor said.', registry)
    assert (by_full_name["speaker_id"], by_surname["speaker_id"]) == ("john-okafor", "john-okafor")
    assert by_full_name["identity"] == "alias"
    assert by_surname["identity_confidence"] < by_full_name["identity_confidence"]
    assert IDENTITY_CONFIDENCE["only_surname"] < IDENTITY_CONFIDENCE["full_name_before"] < IDENTITY_CONFIDENCE["alias"]


def test_the_naming_cue_is_searched_for_only_where_its_last_letter_stands():
    # classify_span asks _naming_cue_ends instead of searching every window:
    # it must answer what the case-blind pattern answers, on the cues in
    # any case, with trailing spaces, with letters the pattern folds to
    # ASCII (ſ for s), and on windows that end otherwise.
    from peshawar.extractor.quotes import NAMING_CUE_RE, _naming_cue_ends

    windows = [
        "a group known as ", "the militants DUBBED\n", "he was nicknamed", "what it termed  ",
        "the so-called", "So Called ", "labeled", "LABELLED ", "referred to as\u00a0", "the slogan ",
        "known aſ ", "the NAME\t", "the names ", "a man called Ahmed", "calling it", "", " ", "as",
        "it was named in", "branded.", "the term: ",
    ]
    for window in windows:
        assert _naming_cue_ends(window) == bool(NAMING_CUE_RE.search(window)), window
    assert _naming_cue_ends("known aſ ") and not _naming_cue_ends("the names ")
