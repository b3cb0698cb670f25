"""What a seed text may hold (core/text.py): tabs and line breaks, not
other control characters, nor surrogates."""

import pytest

from peshawar.core.text import first_forbidden, forbidden


@pytest.mark.parametrize("text", ["plain", "tab\there", "lines\nand\r\nbreaks", "\u00a0no-break", "\ufeffbom", "emoji \U0001f600", "\u2028"])
def test_allowed(text):
    assert forbidden(text) is None


@pytest.mark.parametrize("text,described", [
    ("a\x00b", "a NUL byte (U+0000)"),
    ("bell\x07", "the control character U+0007"),
    ("\x1b[31m", "the control character U+001B"),
    ("form\x0cfeed", "the control character U+000C"),
    ("del\x7f", "the control character U+007F"),
    ("c1\x92", "the control character U+0092"),
    ("half \ud800", "a lone surrogate (U+D800), which is not a character"),
])
def test_forbidden(text, described):
    assert forbidden(text) == described


def test_first_forbidden_gives_line_offset_and_count():
    assert first_forbidden("one\ntwo\x00\x00\nthree\x07") == (2, 7, "a NUL byte (U+0000)", 3)
    assert first_forbidden("clean\n") is None
