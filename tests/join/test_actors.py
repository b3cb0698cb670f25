"""Proposed actors (join/actors.py): unregistered speakers, their ids, kinds
and spellings."""

import pytest

from join_seeds import quote
from peshawar.core.registry import Registry
from peshawar.join.actors import KIND_RULES, guess_kind, propose, propose_actors, slug, without_titles
from join_seeds import ACTORS

REGISTRY = Registry.from_actors(ACTORS)


def proposal(text, speaker, at=None):
    start = text.index(at) if at else len(text)
    return propose(quote("words", speaker, start_char=start), "the-article", text, REGISTRY)


def test_spellings_that_differ_by_a_title_are_one_actor():
    titled = proposal("Dr. Nadeem Akhtar runs the ward. He spoke.", "Dr. Nadeem Akhtar")
    bare = proposal("Nadeem Akhtar runs the ward.", "Nadeem Akhtar")
    assert titled["id"] == bare["id"] == "nadeem-akhtar"
    assert titled["name"] == bare["name"] == "Nadeem Akhtar"
    assert titled["spellings"] == ["Dr. Nadeem Akhtar"]
    assert (titled["kind"], titled["kind_rule"]) == ("person", "titled_name")
    assert titled["kind_confidence"] > bare["kind_confidence"]


def test_a_bare_surname_is_the_full_name_the_article_gives():
    text = "Rukhsana Bibi stood by the grave. Later Bibi said more."
    assert proposal(text, "Bibi", at="Later")["id"] == "rukhsana-bibi"


def test_a_surname_alone_is_never_proposed():
    assert proposal("Akhtar said the ward was full.", "Akhtar") is None


def test_a_registered_name_is_not_proposed_and_a_shared_surname_never_merges():
    assert proposal("Maria Lopez said so.", "Maria Lopez") is None
    # Two registered people are called Lopez; a third Lopez is someone new.
    new = proposal("Sofia Lopez, a teacher, said so.", "Sofia Lopez")
    assert new["id"] == "sofia-lopez" and new["kind_rule"] == "role_apposition"
    assert proposal("Lopez said so.", "Lopez") is None


def test_an_indefinite_description_is_an_anonymous_source_of_its_article():
    found = proposal("A senior police officer said so.", "a senior police officer")
    assert found["id"] == "anon-the-article-senior-police-officer"
    assert found["kind"] == "anonymous_source"
    assert "the-article" in found["name"]


@pytest.mark.parametrize("phrase", ["the commander", "said it was too early to", "READ MORE", None, ""])
def test_what_is_not_a_name_or_an_indefinite_description_is_not_proposed(phrase):
    assert proposal(f"{phrase} said so.", phrase) is None


@pytest.mark.parametrize("name, kind, rule", [
    ("Interior Ministry", "government", "institution_word"),
    ("Council Caterers Network", "organization", "institution_word"),
    ("Valley Daily", "news_outlet", "institution_word"),
    ("Gul Rahman", "person", "personal_name"),
])
def test_the_kind_comes_from_the_first_rule_that_fits(name, kind, rule):
    assert guess_kind(name, f"{name} said so.")[:2] == (rule, kind)


def test_titles_and_determiners_are_not_part_of_the_name():
    assert without_titles("City Clerk Harriet Boone") == "Harriet Boone"
    assert without_titles("The Interior Department") == "Interior Department"
    assert without_titles("Anton Varga's") == "Anton Varga"
    assert slug("Tomás Herrera") == "tomas-herrera"


def test_each_quote_names_the_kind_the_article_is_surest_of():
    text = "Dr. Nadeem Akhtar runs the ward. Later Nadeem Akhtar said more."
    quotes = [quote("one two", "Nadeem Akhtar", start_char=40), quote("three four", "Dr. Nadeem Akhtar", start_char=0)]
    proposals = propose_actors("the-article", text, quotes, REGISTRY)
    assert [p["id"] for p in proposals] == ["nadeem-akhtar"]
    assert {q["speaker_proposed"]["kind_confidence"] for q in quotes} == {proposals[0]["kind_confidence"]}


def test_kind_rules_are_data():
    assert [r.rule for r in KIND_RULES] == ["institution_word", "titled_name", "role_apposition", "role_apposition", "personal_name"]
    assert all(0 < r.confidence <= 1 for r in KIND_RULES)


@pytest.mark.parametrize("text, fits", [
    ("Gul Rahman, a nurse at the ward, said so.", True),   # the role after the name
    ("The nurse Gul Rahman said so.", True),               # the role before it
    ("Gul Rahman's nurse said so.", False),
    ("Gul Rahmanov, a nurse, said so.", False),            # another name
])
def test_a_role_beside_the_name_makes_a_person(text, fits):
    assert ((guess_kind("Gul Rahman", text) or (None,))[0] == "role_apposition") is fits


def test_a_name_is_found_as_a_whole_word_and_its_titles_kept_as_spellings():
    text = "Dr. Nadeem Akhtar spoke; Nadeem Akhtarov did not. Prof. Dr. Nadeem Akhtar's ward."
    found = proposal(text, "Dr. Nadeem Akhtar")
    assert found["spellings"] == ["Dr. Nadeem Akhtar"]
    assert found["kind_rule"] == "titled_name"
