"""Automatic quotes linked to the statements they render (join/statements.py),
and who may say them."""

from join_seeds import quote
from peshawar.join.statements import SPEAKER_POLICY, link_statements

# A third outlet's words for the Front's denial (see join_seeds.CURATED).
THIRD = "The Front took no part in the bombing of the bridge and condemns killing civilians"


def test_a_new_rendering_by_a_speaker_of_the_statement_is_linked(context):
    linked = link_statements([quote(THIRD, "Ade Bello", "ade-bello")], context)[0]
    assert linked["statement"] == "front-denial"
    assert linked["statement_rule"] == "same_words_same_speaker"
    assert 0.75 <= linked["statement_confidence"] <= 1


def test_an_unnamed_speaker_links_with_less_confidence(context):
    named = link_statements([quote(THIRD, "Ade Bello", "ade-bello")], context)[0]
    unnamed = link_statements([quote(THIRD)], context)[0]
    assert unnamed["statement_rule"] == "same_words_unknown_speaker"
    assert unnamed["statement_confidence"] < named["statement_confidence"]


def test_another_known_speaker_is_not_linked(context):
    other = link_statements([quote(THIRD, "Maria Lopez", "maria-lopez")], context)[0]
    assert "statement" not in other
    assert SPEAKER_POLICY["other"] is None


def test_other_words_are_not_linked(context):
    unrelated = link_statements([quote("The bridge will reopen to traffic next spring after the repairs to its bombed span", speaker_id="river-front")], context)[0]
    assert "statement" not in unrelated


def test_linking_leaves_the_extractor_fields_as_they_were(context):
    before = quote(THIRD, "Ade Bello", "ade-bello")
    after = link_statements([dict(before)], context)[0]
    assert {k: after[k] for k in before} == before
