"""Names (extractor/naming.py): a registered actor only on evidence that
names it in this article, and the fullest name the article writes.

The texts and actors are written for these tests; none comes from the seed
articles.
"""

import pytest

from findings import only_quote
from peshawar.extractor import Registry, analyse

ACTORS = [
    {"id": "nadia-karimi", "name": "Nadia Karimi", "kind": "person", "aliases": ["Karimi"]},
    {"id": "lena-vogt", "name": "Lena Vogt", "kind": "person"},
    {"id": "harbour-board", "name": "Harbour Board", "kind": "government"},
]


@pytest.fixture(scope="module")
def actors():
    return Registry.from_actors(ACTORS)


def test_a_surname_another_person_carries_is_not_the_registered_person(actors):
    text = 'Omar Vogt runs the ferry. "We sail at dawn," Vogt said.'
    quote = only_quote(text, actors)
    assert (quote["speaker"], quote["speaker_id"]) == ("Omar Vogt", None)


def test_a_pronoun_after_another_bearer_of_the_surname_is_not_the_registered_person(actors):
    text = 'Omar Vogt, a ferry pilot, was on the quay.\n\n"The sea was flat," he said.'
    quote = only_quote(text, actors)
    assert (quote["speaker"], quote["speaker_as_written"], quote["speaker_id"]) == ("Omar Vogt", "he", None)


def test_a_surname_only_the_registered_person_carries_links_to_them(actors):
    text = 'Harbour officials met on Monday. "We sail at dawn," Vogt said.'
    quote = only_quote(text, actors)
    assert (quote["speaker_id"], quote["identity"]) == ("lena-vogt", "only_surname")


def test_the_full_name_written_before_a_surname_links_it(actors):
    text = 'Lena Vogt chairs the board. Later, Vogt spoke. "We sail at dawn," Vogt said.'
    quote = only_quote(text, actors)
    assert (quote["speaker"], quote["speaker_id"], quote["identity"]) == ("Lena Vogt", "lena-vogt", "full_name_before")


def test_an_unregistered_surname_is_written_as_the_full_name(actors):
    text = 'The leak was found by Keith Doran, a retired teacher.\n\n"It smelled like a battery," Doran said.'
    quote = only_quote(text, actors)
    assert (quote["speaker"], quote["speaker_as_written"], quote["speaker_form"]) == ("Keith Doran", "Doran", "name")


def test_a_titled_surname_two_people_carry_stays_as_written(actors):
    text = 'Ann Pell and Tom Pell run the shop. "We will reopen," Mrs. Pell said.'
    assert only_quote(text, actors)["speaker"] == "Pell"


def test_a_common_word_opening_a_sentence_is_no_given_name(actors):
    text = 'Understated Doran smiled.\n\nThe plan was sound, and it was Doran who said so. "It works," Doran said.'
    assert only_quote(text, actors)["speaker"] == "Doran"


def test_a_body_is_written_by_its_full_name(actors):
    text = 'Marsh Waste Services runs the site. In a statement, Marsh said it had "repaired the liner."'
    quote = only_quote(text, actors)
    assert (quote["speaker"], quote["speaker_as_written"]) == ("Marsh Waste Services", "Marsh")


def test_an_alias_links_whatever_the_article_says_else(actors):
    result = analyse('"The port stays open," Nadia Karimi said.', actors)
    assert [(q["speaker_id"], q["identity"]) for q in result["quotes"]] == [("nadia-karimi", "alias")]
