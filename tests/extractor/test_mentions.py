"""Mentions (extractor/mentions.py): aliases, surnames and new names.

The texts are written for these tests; none comes from the seed articles.
"""

from findings import mentions_of
from peshawar.extractor import extract


def test_aliases_longest_first(registry):
    assert mentions_of("The Daily Planet and Daily Planet staff", registry) == [
        ("The Daily Planet", "daily-planet", "alias_match"),
        ("Daily Planet", "daily-planet", "alias_match"),
    ]


def test_surname_after_the_full_name(registry):
    assert ("Okafor", "john-okafor", "surname") in mentions_of("John Okafor spoke first. Later Okafor left.", registry)


def test_new_names_after_a_title_or_next_to_said(registry):
    found = mentions_of("General Petra Novak arrived. Tomas Berg said the road was shut.", registry)
    assert ("Petra Novak", None, "new_name") in found
    assert ("Tomas Berg", None, "new_name") in found


def test_mentions_carry_surface_and_actor(registry):
    (mention,) = extract("Maria Lopez", registry)["mentions"]
    assert mention["surface"] == "Maria Lopez" and mention["actor_id"] == "maria-lopez"
    assert mention["rule"] == "alias_match" and mention["confidence"] == 1.0


def test_each_rule_gives_its_confidence(registry):
    from peshawar.extractor.mentions import MENTION_RULES

    confidences = {(rule, confidence) for _, rule, confidence in MENTION_RULES}
    found = {(m["rule"], m["confidence"]) for m in extract("John Okafor spoke. Later Okafor left with General Petra Novak.", registry)["mentions"]}
    assert found == {("alias_match", 1.0), ("surname", 0.8), ("new_name", 0.6)}
    assert found - {("alias_match", 1.0)} <= confidences
