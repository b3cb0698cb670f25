"""Quotation marks paired for the converter (peshawar/corpus/marks.py), on
hand-written lines of copy with the typography news text really has."""

import pytest

from peshawar.corpus.marks import marked_spans


def spans(text):
    return [(text[s.start:s.end], s.closed) for s in marked_spans(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said “hello there,” and left.", [("hello there,", True)]),
        ('He said "a b" and "c".', [("a b", True), ("c", True)]),
        # A quotation opened with a closing mark, as broken copy has it.
        ("”Broken” she said", [("Broken", True)]),
        # Apostrophes inside words and before years never pair.
        ("A ‘single’ and the ’90s don’t matter", [("single", True)]),
        ("It’s the voters’ anger", []),
        ("“Don’t go,” she said.", [("Don’t go,", True)]),
        ("‘Trump’s plan’ fails", [("Trump’s plan", True)]),
        # Two single marks in a row are one double mark.
        ("end’’ he said ‘‘start here’’ ok", [("start here", True)]),
        ("He called it ''a disgrace,'' twice.", [("a disgrace,", True)]),
        # Only the outermost quotation counts.
        ("“He told me ‘no’ twice,” she said.", [("He told me ‘no’ twice,", True)]),
    ],
)
def test_pairs(text, expected):
    assert spans(text) == expected


def test_a_quotation_over_two_paragraphs_is_one_span_per_paragraph():
    text = "“First paragraph of it.\n\n“Second paragraph.” she said."
    assert spans(text) == [("First paragraph of it.", False), ("Second paragraph.", True)]


def test_offsets_exclude_the_marks_and_spaces():
    text = "Quote: “ spaced words ” end"
    (span,) = marked_spans(text)
    assert text[span.open_at] == "“"
    assert text[span.start:span.end] == "spaced words"
