"""The subject of the clause before a cue (extractor/clauses.py): a verb
phrase is never a speaker; a second verb's subject is the clause's.

The texts are written for these tests; none comes from the seed articles.
"""

import pytest

from findings import only_quote
from peshawar.extractor.clauses import is_verb, subject_of_clause


def words(text, span):
    return text[span[0]:span[1]] if span else None


@pytest.mark.parametrize(
    "before, expected",
    [
        ("Maria Lopez", "Maria Lopez"),
        ("a senior official", "a senior official"),
        ("the head of the river authority", "the head of the river authority"),
        ("Okafor was quick to praise the crews and", "Okafor"),
        ("She then toured the levee and", "She"),
        ("Lopez later reiterated those feelings but", "Lopez"),
        ("reiterated those feelings and", None),
        ("Lopez said she would like the council to", None),
        ("the plan would", None),
        ("Rivertown and", None),
    ],
)
def test_the_speaker_words_before_a_cue(before, expected):
    assert words(before, subject_of_clause(before, 0, len(before))) == expected


def test_past_tenses_are_verbs_only_after_a_subject():
    assert is_verb("discussed", after_subject=True)
    assert not is_verb("retired")  # "a retired teacher"
    assert is_verb("was")


def test_a_run_on_verb_phrase_does_not_become_the_speaker(registry):
    text = 'Ana Ruiz toured the flooded fields on Monday and said "nobody had warned us."'
    assert only_quote(text, registry)["speaker"] == "Ana Ruiz"


def test_a_pronoun_points_back_past_a_clause_to_a_person(registry):
    text = (
        "Ana Ruiz said she had called the river authority twice before anyone came.\n\n"
        '"They told me to wait," she said.'
    )
    assert only_quote(text, registry)["speaker"] == "Ana Ruiz"
