"""The alias matcher (core/aliases.py) behind the mentions table and the
extractor's alias_match rule."""

import re

from hypothesis import given, settings, strategies as st

from peshawar.core.aliases import alias_mentions, alias_pattern, few_alias_mentions, find_mentions, whole_word_places


def test_longest_alias_wins_and_matches_do_not_overlap():
    aliases = {"River Front": "rf", "River Front Youth": "rfy", "Front": "front"}
    text = "The River Front Youth met the River Front."
    assert [(surface, actor) for _, _, surface, actor in find_mentions(text, aliases)] == [
        ("River Front Youth", "rfy"), ("River Front", "rf"),
    ]


def test_aliases_match_whole_words_in_their_own_capitalisation():
    assert find_mentions("Frontline reporters, the river front and Front-runners", {"Front": "front", "River Front": "rf"}) == []


def test_a_mention_is_the_text_at_its_offsets():
    text = "Ask Lopez."
    (mention,) = alias_mentions(text, {"Lopez": "maria-lopez"})
    assert mention == {
        "text": "Lopez", "start_char": 4, "end_char": 9, "actor_id": "maria-lopez",
        "surface": "Lopez", "rule": "alias_match", "confidence": 1.0,
    }


def test_the_alias_pattern_matches_what_the_plain_alternation_matches():
    # alias_pattern groups the aliases by first character and looks back
    # after it, for speed: it must find exactly what
    # (?<![\w-])(?:longest first)(?![\w-]) finds.
    aliases = ["River Front", "River Front Youth", "Front", "Rivers", "F", "-Dash", "Ali", "Al", "1st Brigade"]
    ordered = sorted(aliases, key=lambda a: (-len(a), a))
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in ordered) + r")(?![\w-])")
    text = "River Front Youth, the River Fronts, Rivers; F -Dash x-Dash Ali Al-Ali Al 1st Brigade, F\nRiver Front"
    found = [m.span() for m in alias_pattern(aliases).finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
    assert len(found) >= 8


# Words that overlap, nest and touch: "Ali" inside "Alia" and "Ali Khan", "Khan" after both.
_WORDS = st.sampled_from(["Ali", "Alia", "Khan", "Ali Khan", "Khan-Ali", "a", "_", "é", "Ali Khan Alia"])
_TEXT = st.lists(st.sampled_from(["Ali", "Alia", "Khan", " ", "-", "_", "é", "x", ". ", "Ali Khan"]), max_size=30).map("".join)


@given(body=_TEXT, aliases=st.sets(_WORDS, min_size=1, max_size=5))
@settings(max_examples=300, deadline=None)
def test_the_few_aliases_finder_matches_what_the_pattern_matches(body, aliases):
    alias_to_actor = {alias: f"actor-{i}" for i, alias in enumerate(sorted(aliases))}
    assert few_alias_mentions(body, alias_to_actor) == alias_mentions(body, alias_to_actor)


def test_whole_words_are_found_as_the_plain_alternation_finds_them():
    text = ("Omar Vogt met Lena Vogt. Vogt Vogt Vogt left; O'Neil\u00a0Vogt, Vogtland, Ann Vogt-Ruiz, "
            "X Vogt, ab Vogt, Anna  Vogt’s car. Smith Smithson Smith Ann Smith")
    words = {"Vogt", "Ann Smith", "Smith", "Ann"}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w))) + r")(?![\w-])")
    expected = [m.span() for m in pattern.finditer(text)]
    assert list(whole_word_places(text, words)) == expected and len(expected) >= 8
