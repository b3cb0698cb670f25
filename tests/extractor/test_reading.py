"""The shared pass (extractor/reading.py): marks paired, quotations masked,
sentences split and every cue resolved once, in text order."""

from peshawar.extractor.reading import read_article


def test_one_pass_gives_marks_sentences_and_resolved_cues(registry):
    text = 'Maria Lopez arrived at noon. "We will rebuild," she said.\n\nThe rain stopped.'
    reading = read_article(text, registry, [])
    assert [text[s.start:s.end] for s in reading.marked] == ["We will rebuild,"]
    assert [text[a:b] for a, b in reading.sentence_spans] == [
        "Maria Lopez arrived at noon.", '"We will rebuild," she said.', "The rain stopped.",
    ]
    assert [text[a:b] for a, b in reading.paragraph_spans] == [
        'Maria Lopez arrived at noon. "We will rebuild," she said.', "The rain stopped.",
    ]
    cue, = reading.cues
    assert (cue.word, cue.subject.text, cue.speaker_text, cue.speaker_id) == ("said", "she", "Maria Lopez", "maria-lopez")


def test_the_masked_text_keeps_every_offset(registry):
    text = '"A. B. C." she said.'
    reading = read_article(text, registry, [])
    assert len(reading.masked) == len(text)
    assert reading.masked[10:] == text[10:]
    assert "A" not in reading.masked[1:8] and "B" not in reading.masked[1:8]
