"""Claims (extractor/claims.py): what a figure counts, what counts nothing,
and who asserts it.

The texts are written for these tests; none comes from the seed articles.
"""

import pytest

from findings import claims_of, verbatim
from peshawar.extractor import analyse


@pytest.mark.parametrize(
    "text, words, kind",
    [
        ("At least 12 people were killed in the collapse.", "At least 12 people", "death_toll"),
        ("The blast left 9 children dead.", "9 children", "death_toll"),
        ("More than 30 people were wounded.", "More than 30 people", "injured"),
        ("Four gunmen stormed the market.", "Four gunmen", "attackers"),
        ("The dam was finished in 1998.", "1998", "year"),
        ("A 9-year-old boy was rescued.", "9-year-old", "age"),
        ("The camp is 40 km from the border.", "40 km", "distance"),
        ("The town is about 90 miles north of the capital.", "about 90 miles", "distance"),
        ("The government sent 5,000 troops.", "5,000 troops", "troops"),
        ("Some 20,000 people were displaced by the water.", "Some 20,000 people", "displaced"),
        ("Three factions joined the alliance.", "Three factions", "group_count"),
        ("The army says it killed 300 militants.", "300 militants", "militants_killed"),
        ("The flood lasted six days.", "six days", "duration"),
        ("The levee broke on March 4, 2015.", "March 4, 2015", "date"),
    ],
)
def test_kinds(registry, text, words, kind):
    assert claims_of(text, registry)[words]["kind"] == kind


def test_killed_and_wounded_together_is_not_a_death_toll(registry):
    claims = claims_of("The shelling was killing and wounding dozens every week.", registry)
    assert claims["dozens"]["kind"] == "other"


def test_numbers_that_count_nothing_are_set_aside(registry):
    text = "One of the dams held. The two engineers who built it are the number one team. The clock read 10:45 pm."
    result = analyse(text, registry)
    verbatim(text, result)
    assert result["claims"] == []
    assert {n["reason"] for n in result["not_numbers"]} == {"pronoun", "other", "idiom"}


def test_claim_credited_to_according_to(registry):
    claims = claims_of("At least 12 people were killed, according to The Daily Planet.", registry)
    claim = claims["At least 12 people"]
    assert claim["claimant_id"] == "daily-planet"
    assert claim["attribution_text"] == "according to The Daily Planet"


def test_a_figure_whose_kind_the_words_tell_is_surer_than_a_bare_count(registry):
    from peshawar.extractor.claims import CLAIM_CONFIDENCE

    claims = claims_of("At least 12 people were killed. The town has 40 wells.", registry)
    assert claims["At least 12 people"]["confidence"] == CLAIM_CONFIDENCE["figure"]
    assert claims["40 wells"]["confidence"] == CLAIM_CONFIDENCE["bare"]
    assert CLAIM_CONFIDENCE["figure"] > CLAIM_CONFIDENCE["bare"]


def test_every_kind_and_qualifier_the_extractor_gives_is_one_the_schema_allows(registry):
    from pathlib import Path

    from peshawar.dataset.schema import check_lists

    kinds, qualifiers = set(check_lists()[("claims", "kind")]), set(check_lists()[("claims", "qualifier")])
    seeds = Path(__file__).resolve().parents[2] / "seeds" / "articles"
    texts = [path.read_text(encoding="utf-8") for path in sorted(seeds.glob("*.txt"))]
    claims = [claim for text in texts for claim in analyse(text, registry)["claims"]]
    assert len({claim["kind"] for claim in claims}) > 5
    assert {claim["kind"] for claim in claims} <= kinds
    assert {claim["qualifier"] for claim in claims} <= qualifiers


def test_the_claim_blocker_pattern_finds_what_its_plain_form_finds():
    # Written with one opening character per alternative so that the regex
    # engine skips to candidates: the same matches as the class form.
    import re

    from peshawar.extractor.claims import CLAIM_BLOCKER_RE

    plain = re.compile(r",\s+(?:which|who|where|when)\b|[\"”“]")
    text = 'Officials said, which was "wrong", that 141 died, who ”knew“, whoever, where\u00a0, when.'
    assert [m.span() for m in CLAIM_BLOCKER_RE.finditer(text)] == [m.span() for m in plain.finditer(text)]
    # ", which", the two straight marks, ", who", the two curly marks, ", where", ", when"
    assert len(list(CLAIM_BLOCKER_RE.finditer(text))) == 8
