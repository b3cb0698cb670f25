"""Speech cues (extractor/cues.py): the words that attribute, the phrase
each attributes to, and the channel the words were given to."""

from peshawar.extractor.reading import read_article


def cues_of(text, registry):
    return read_article(text, registry, []).cues


def test_the_four_kinds_of_cue(registry):
    text = 'According to Lopez, the dam held, officials said, adding that it "was never inspected." She was quoted as saying so.'
    assert [(cue.word, cue.kind) for cue in cues_of(text, registry)] == [
        ("according to", "according"), ("said", "verb"), ("adding", "participle"), ("was quoted as saying", "passive"),
    ]


def test_asking_not_to_be_named_is_not_speech(registry):
    cues = cues_of("An official who asked not to be named said the road was shut.", registry)
    assert [cue.word for cue in cues] == ["said"]
    assert cues[0].subject.text == "An official"


def test_a_speech_verb_inside_quotation_marks_is_not_a_cue(registry):
    cues = cues_of('"They said nothing," Lopez said.', registry)
    assert [(cue.start, cue.word) for cue in cues] == [(27, "said")]


def test_the_subject_before_and_after_the_verb(registry):
    before, = cues_of('"The dam held," Maria Lopez said.', registry)
    after, = cues_of('"The dam held," said Maria Lopez.', registry)
    assert (before.subject.text, before.inverted) == ("Maria Lopez", False)
    assert (after.subject.text, after.inverted) == ("Maria Lopez", True)


def test_the_channel_the_words_were_given_to(registry):
    told, = cues_of('"We are ready," Lopez told The Daily Planet.', registry)
    statement, = cues_of("Lopez said in a statement that the dam held.", registry)
    assert told.channel == "The Daily Planet"
    assert statement.channel == "in a statement"
