"""Mentions (extractor/mentions.py): aliases, surnames and new names.

The texts are written for these tests; none comes from the seed articles.
"""

import re

from findings import mentions_of
from peshawar.extractor import extract
from peshawar.extractor.mentions import _given_names_before


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


def test_given_names_are_found_as_their_pattern_finds_them():
    # _given_names_before reads str.find places instead of running a
    # pattern made for each surname: it must give what the pattern in its
    # docstring gives, left to right, none overlapping.
    text = ("Omar Vogt met Lena Vogt. Vogt Vogt Vogt left; O'Neil\u00a0Vogt, Vogtland, Ann Vogt-Ruiz, "
            "X Vogt, ab Vogt, Anna  Vogt’s car. Smith Smithson Smith Ann Smith")
    for surname in ("Vogt", "Smith"):
        pattern = re.compile(r"(?<![\w’'-])([A-Z][\w’'-]+)[ \u00a0]+" + re.escape(surname) + r"(?![\w-])")
        expected = [(m.start(1), m.end(1), m.end()) for m in pattern.finditer(text)]
        assert list(_given_names_before(text, surname)) == expected and expected
