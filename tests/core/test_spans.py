"""Placing a verbatim text in its article (core/spans.py)."""

import re

import pytest

from peshawar.core.spans import SpanError, locate, matches_at


def test_locate_finds_a_unique_text():
    assert locate("the cat sat", "cat") == (4, 7)


def test_locate_refuses_to_guess_between_repeats():
    with pytest.raises(SpanError, match="occurs 2 times"):
        locate("one cat, two cat", "cat")
    assert locate("one cat, two cat", "cat", occurrence=2) == (13, 16)
    with pytest.raises(SpanError, match="occurs 2 time"):
        locate("one cat, two cat", "cat", occurrence=3)


def test_locate_reports_a_missing_text():
    with pytest.raises(SpanError, match="not found"):
        locate("the cat sat", "dog")


def test_matches_at_the_given_starts_are_what_finditer_finds():
    pattern = re.compile(r"(?<!\w)a+b")
    body = "aab ab xab aaab"
    starts = [i for i, char in enumerate(body) if char == "a"]
    assert [m.span() for m in matches_at(pattern, body, starts)] == [m.span() for m in pattern.finditer(body)] == [(0, 3), (4, 6), (11, 15)]
