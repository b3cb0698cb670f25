"""Coreference (extractor/coreference.py): names through the registry,
pronouns to the person last spoken of, descriptions to the person last
described that way.

The texts are written for these tests; none comes from the seed articles.
"""

import pytest

from peshawar.extractor import analyse

from findings import only_quote, verbatim


def test_pronoun_goes_to_the_last_named_speaker(registry):
    text = 'Maria Lopez said the town would recover. Okafor disagreed with her.\n\n"It is too early to tell," he said.'
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_as_written"], quote["speaker_id"]) == ("Okafor", "he", "john-okafor")
    assert (quote["speaker_form"], quote["identity"]) == ("pronoun", "pronoun")


def test_pronoun_goes_to_the_person_the_last_sentence_is_about(registry):
    text = 'Lopez said the pumps had failed. Her deputy, Ade Bello, rejected that.\n\n"The pumps work," he said.'
    assert only_quote(text, registry)["speaker_id"] == "ade-bello"


def test_pronoun_she_skips_the_man_named_last(registry):
    text = 'Maria Lopez told reporters the pumps had failed. Mr. John Okafor, her deputy, stood beside her.\n\n"We need new pumps," she added.'
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_as_written"]) == ("Maria Lopez", "she")
    assert quote["speaker_id"] == "maria-lopez"


def test_pronoun_carries_the_name_of_an_unregistered_speaker(registry):
    text = 'Site manager Farida Noor told the Daily Planet that the road was shut. She said crews would reopen it "by nightfall" at the latest.'
    quote = only_quote(text, registry)
    assert (quote["text"], quote["speaker"], quote["speaker_id"]) == ("by nightfall", "Farida Noor", None)


def test_the_commander_is_the_last_person_described_that_way(registry):
    text = (
        "Colonel Ade Bello, the regional commander, arrived on Friday. Reporters waited for an hour.\n\n"
        '"We hold the line," the commander said.'
    )
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_as_written"], quote["speaker_id"]) == ("Ade Bello", "the commander", "ade-bello")
    assert quote["speaker_form"] == "description"


def test_an_unnamed_commander_stays_unnamed(registry):
    text = (
        "A local commander who asked not to be named told reporters the town had fallen.\n\n"
        '"We had no choice," the commander said.'
    )
    quote = only_quote(text, registry)
    # Never named: the speaker is the phrase that introduced them.
    assert (quote["speaker"], quote["speaker_as_written"], quote["speaker_id"]) == ("A local commander", "the commander", None)


def test_unknown_speaker_is_reported_with_null_id(registry):
    quote = only_quote('"The road is closed," Petra Novak said.', registry)
    assert (quote["speaker"], quote["speaker_id"]) == ("Petra Novak", None)


@pytest.mark.parametrize(
    "text, speaker, speaker_id",
    [
        # The name after a description and a comma is the appositive that speaks.
        ("Outside the court, the lawyer's widow, Ana Ruiz, told reporters she had waited.\n\n"
         '"It does not bring him back," she said.', "Ana Ruiz", None),
        # An organisation named by "according to" is not "she".
        ('Ana Ruiz spoke first. Crops were lost, according to the Farm Department.\n\n"We lost everything," she said.',
         "Ana Ruiz", None),
        # A sentence subject after a possessive description set off by commas.
        ('Maria Lopez won the seat. Her rival, John Okafor, conceded early.\n\n"I respect that," he said.',
         "John Okafor", "john-okafor"),
        # A team name and a role word before the subject's name.
        ('Maria Lopez scored twice. Rovers captain John Okafor blamed the referee.\n\n"It was never a penalty," he said.',
         "John Okafor", "john-okafor"),
        # A title learnt for an unregistered man: "she" skips him.
        ('Ana Ruiz runs the farm. Mr Pedro Gil said the pumps had failed.\n\n"We are tired," she said.', "Ana Ruiz", None),
        # "who asked not to be named" is no speech cue; the official speaks.
        ('"The driver was going too fast," a senior railway official, who asked not to be named, told reporters.',
         "a senior railway official", None),
        # "said his wife, NAME": the name is the speaker.
        ('"It is a miracle," said his wife, Rekha Patil, who was travelling with him.', "Rekha Patil", None),
        # A subject after an opening phrase set off by a comma.
        ('For 40 years, Ana Ruiz has run the shop.\n\n"People told me nobody reads," she said.', "Ana Ruiz", None),
        # A capitalised role word is a title, dropped from the name.
        ('"We are cutting jobs," Chief Executive Ana Ruiz said.', "Ana Ruiz", None),
        # Name particles of other languages stay in the name.
        ('"The heat will last," said Ruben del Campo.', "Ruben del Campo", None),
        # An age before the subject's name.
        ('Ms Ana Ruiz spoke first.\n\nIn the town, 67-year-old Pedro Gil sat in the shade.\n\n'
         '"I have never known a summer like this," he said.', "Pedro Gil", None),
        # A newspaper's name is not "she".
        ('Ana Ruiz wrote the book last year. Le Monde described its style as superb.\n\n"I understand them," she adds.', "Ana Ruiz", None),
        # No sentence opens with the name: the last person-like name before the pronoun.
        ('The first time Ana Ruiz saw the sea, she was nine.\n\n"I thought it would be blue," she says.', "Ana Ruiz", None),
    ],
)
def test_speakers_in_unseen_styles(registry, text, speaker, speaker_id):
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_id"]) == (speaker, speaker_id)


def test_relative_which_before_a_pronoun_cue(registry):
    text = 'Maria Lopez runs the shop. Her bestseller is a novel, which she says children buy "by the armful".'
    quote = only_quote(text, registry)
    assert (quote["text"], quote["speaker_id"]) == ("by the armful", "maria-lopez")


def test_an_epithet_means_the_person_last_named(registry):
    # "the senator" with no senator described in the article: news copy's
    # way of naming again the person it is writing about.
    text = 'Farida Noor toured the flooded district on Monday.\n\n"We will rebuild every house," the senator said.'
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_as_written"]) == ("Farida Noor", "the senator")


def test_an_epithet_of_the_wrong_gender_names_nobody(registry):
    text = 'Mrs. Farida Noor toured the flooded district on Monday.\n\n"We will rebuild every house," the actor said.'
    assert only_quote(text, registry)["speaker"] == "the actor"


@pytest.mark.parametrize("between", [" ", "\n\n"])
@pytest.mark.parametrize("verb", ["added", "adds"])
def test_he_added_continues_the_unnamed_speaker_of_the_sentence_before(registry, between, verb):
    # A person named a few sentences back is what a bare "he said" prefers
    # to a description of no known gender; "added" goes on with the speech
    # of the sentence just before it, here someone never named.
    text = (
        'John Okafor said the dam would hold. "The walls are sound," he said.\n\n'
        f'An engineer at the site said the walls had cracked last spring.{between}'
        f'"We told the council about the cracks twice," he {verb}.'
    )
    quotes = analyse(text, registry)["quotes"]
    verbatim(text, {"quotes": quotes})
    assert [(q["text"], q["speaker"]) for q in quotes] == [
        ("The walls are sound,", "John Okafor"),
        ("We told the council about the cracks twice,", "An engineer at the site"),
    ]


def test_he_added_continues_an_unnamed_speaker_written_after_the_verb(registry):
    text = (
        "John Okafor said the dam would hold.\n\n"
        '"The walls have cracked," said an engineer at the site. "We told the council about the cracks twice," he added.'
    )
    quotes = analyse(text, registry)["quotes"]
    verbatim(text, {"quotes": quotes})
    assert [q["speaker"] for q in quotes] == ["an engineer", "an engineer"]
