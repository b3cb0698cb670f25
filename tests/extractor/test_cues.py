"""Speech cues (extractor/cues.py): the words that attribute, the phrase
each attributes to, and the channel the words were given to."""

from findings import news_and_hostile_texts
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


def test_the_one_cue_alternation_finds_what_the_named_groups_found():
    # CUE_RE tries every cue in one first-letter alternation and reads the
    # kind back from the first word; the pattern it replaces tried the kinds
    # as four named groups in turn. Both must find the same spans and kinds
    # on real articles, hostile inputs and cues that share letters.
    import re

    from peshawar.extractor.cues import CUE_KINDS, CUE_RE
    from peshawar.extractor.lexicon import SPEECH_PARTICIPLES, SPEECH_VERBS

    named_groups = re.compile(
        r"(?<![\w-])(?:"
        r"(?P<according>[Aa]ccording\s+to)"
        r"|(?P<passive>(?:was|were|is|are|has\s+been|had\s+been)\s+quoted(?:\s+as\s+saying)?)"
        r"|(?P<participle>" + "|".join(sorted(SPEECH_PARTICIPLES)) + r")"
        r"|(?P<verb>" + "|".join(sorted(SPEECH_VERBS)) + r")"
        r")(?![\w-])"
    )
    assert CUE_RE.pattern != named_groups.pattern
    texts = news_and_hostile_texts()
    texts += [
        "He was quoted as saying; she is quoted, they had  been\nquoted as saying, it has been quoted. Is quoted.",
        "According to him, according\u00a0to her; saying, said, says, sayings, pointed out, pointed, adding, added-on, re-said",
        "insists insisted insisting; are quoted as sayings; were quoted; wasquoted; ACCORDING TO; According to",
    ]
    found = 0
    for text in texts:
        expected = [(m.span(), m.lastgroup) for m in named_groups.finditer(text)]
        got = [(m.span(), CUE_KINDS[re.sub(r"\s+", " ", m.group()).lower().partition(" ")[0]]) for m in CUE_RE.finditer(text)]
        assert got == expected
        found += len(expected)
    assert found > 100
    assert {kind for kind in CUE_KINDS.values()} == {"according", "passive", "participle", "verb"}


def test_no_two_kinds_of_cue_share_a_first_word():
    from peshawar.extractor.lexicon import SPEECH_PARTICIPLES, SPEECH_VERBS

    verbs = {verb.split()[0] for verb in SPEECH_VERBS}
    others = set(SPEECH_PARTICIPLES) | {"according", "was", "were", "is", "are", "has", "had"}
    assert not verbs & others and not set(SPEECH_PARTICIPLES) & {"according", "was", "were", "is", "are", "has", "had"}
