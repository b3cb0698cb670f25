"""Reading numbers (extractor/numbers.py): words and digits, qualifiers,
units and dates.

The texts are written for these tests; none comes from the seed articles.
"""

import pytest

from findings import claims_of
from peshawar.extractor import analyse


@pytest.mark.parametrize(
    "text, words, value",
    [
        ("Seven boats were lost.", "Seven boats", 7),
        ("Half a dozen houses collapsed.", "Half a dozen houses", 6),
        ("Over a dozen bridges were closed.", "Over a dozen bridges", 12),
        ("The fund raised one million dollars.", "one million dollars", 1_000_000),
        ("The army sent 1,800 engineers.", "1,800 engineers", 1800),
        ("About 30,000 sandbags were filled.", "About 30,000 sandbags", 30000),
        ("Twenty-five pumps arrived.", "Twenty-five pumps", 25),
        ("Dozens of cars were swept away.", "Dozens of cars", 24),
        ("The repairs will cost $5m.", "$5m", 5_000_000),
        ("Turnout was 40% lower.", "40%", 40),
    ],
)
def test_number_words_and_digits(registry, text, words, value):
    claims = claims_of(text, registry)
    assert claims[words]["value"] == value


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("At least 40 villages flooded.", "at_least"),
        ("More than 40 villages flooded.", "more_than"),
        ("Over 40 villages flooded.", "more_than"),
        ("About 40 villages flooded.", "about"),
        ("Around 40 villages flooded.", "about"),
        ("Some 40 villages flooded.", "about"),
        ("As many as 40 villages flooded.", "as_many_as"),
        ("Up to 40 villages flooded.", "up_to"),
        ("Fewer than 40 villages flooded.", "fewer_than"),
        ("The water reached 40 villages.", "exact"),
    ],
)
def test_qualifiers(registry, text, qualifier):
    (claim,) = claims_of(text, registry).values()
    assert (claim["value"], claim["unit"], claim["qualifier"]) == (40, "villages", qualifier)


def test_date_values_follow_the_seeds_convention(registry):
    claims = claims_of("The levee broke on March 4 and was rebuilt by August 2016.", registry)
    assert (claims["March 4"]["value"], claims["March 4"]["unit"]) == (4, "day")
    assert (claims["August 2016"]["value"], claims["August 2016"]["unit"]) == (2016, "year")


@pytest.mark.parametrize(
    "words, iso",
    [("Tuesday, March 4, 2015", "2015-03-04"), ("Aug. 9, 2016", "2016-08-09"), ("August 2016", "2016-08"),
     ("17/12/2014", "2014-12-17"), ("March 4", None)],
)
def test_date_claims_carry_an_iso_date_when_the_year_is_given(registry, words, iso):
    claim = claims_of(f"The levee broke on {words}.", registry)[words]
    assert claim.get("date") == iso


def test_two_years_in_a_row_are_two_claims(registry):
    claims = claims_of("The floods came in 2008 and 2009.", registry)
    assert [c["value"] for c in claims.values()] == [2008, 2009]


@pytest.mark.parametrize(
    "text, words, value",
    [("It reached 46.8C on Monday.", "46.8", 46.8), ("The repairs cost $4.5m.", "$4.5m", 4_500_000)],
)
def test_decimals_glued_to_a_unit(registry, text, words, value):
    assert claims_of(text, registry)[words]["value"] == value


@pytest.mark.parametrize("text, value, unit, words", [
    ("The lamp burned for half a century.", 50, "years", "half a century"),
    ("Fares rose 58 per cent in a year.", 58, "percent", "58 per cent"),
])
def test_spans_of_years_and_per_cent(registry, text, value, unit, words):
    claims = analyse(text, registry)["claims"]
    assert (claims[0]["text"], claims[0]["value"], claims[0]["unit"]) == (words, value, unit)
