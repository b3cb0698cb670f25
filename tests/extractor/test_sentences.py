"""Paragraphs and sentences (extractor/sentences.py): a period inside quoted
words or after an abbreviation does not end a sentence."""

from peshawar.extractor.sentences import mask_quotes, paragraphs, sentence_at, sentences


def texts(text, spans):
    return [text[start:end] for start, end in spans]


def test_a_period_inside_a_quotation_does_not_end_its_sentence():
    text = 'He said "It is over. We go home," and left. Then rain fell.'
    inside = (text.index("It is"), text.index('"', text.index("It is")))
    masked = mask_quotes(text, [inside])
    assert len(masked) == len(text)
    assert masked[:inside[0]] == text[:inside[0]] and masked[inside[1]:] == text[inside[1]:]
    assert texts(text, sentences(masked)) == ['He said "It is over. We go home," and left.', "Then rain fell."]


def test_a_quoted_sentence_still_ends_at_its_final_period():
    text = '"We are done." Then he left.'
    masked = mask_quotes(text, [(1, 13)])
    assert texts(text, sentences(masked)) == ['"We are done."', "Then he left."]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "Dr. Amina Yusuf arrived on Jan. 5. She spoke to George W. Bush. Rain fell."
    assert texts(text, sentences(text)) == ["Dr. Amina Yusuf arrived on Jan. 5.", "She spoke to George W. Bush.", "Rain fell."]


def test_every_line_is_a_paragraph_with_or_without_a_blank_line_between():
    text = "First line.\nSecond line.\n\n  Third after a blank.  \n"
    assert texts(text, paragraphs(text)) == ["First line.", "Second line.", "Third after a blank."]


def test_sentence_at_finds_the_sentence_holding_an_offset():
    text = "One sentence here. Another one there."
    spans = sentences(text)
    assert texts(text, [sentence_at(spans, text.index("Another"))]) == ["Another one there."]
    assert texts(text, [sentence_at(spans, 0)]) == ["One sentence here."]
