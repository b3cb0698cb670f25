"""The credit-line table (extractor/credit_rules.py): every row's policy is
one the schema accepts, and the table, not the code, decides."""

import pytest

from findings import citations_of
from peshawar.dataset.schema import check_lists
from peshawar.extractor.credit_rules import CREDIT_RULES, KIND_FOR_ACTOR, OTHER_CREDITS

CITATION_KINDS = set(check_lists()[("citations", "kind")])


@pytest.mark.parametrize("rule", CREDIT_RULES, ids=lambda rule: rule.rule)
def test_every_credit_rule_is_a_policy_the_schema_accepts(rule):
    assert "x" in rule.pattern.groupindex, "group x names the source"
    assert 0 < rule.confidence <= 1
    assert rule.span in ("match", "from_name", "parenthesised")
    assert {rule.kind, rule.kind_if_unknown} - {None} <= CITATION_KINDS


def test_the_other_credits_and_registered_kinds_are_citation_kinds():
    assert {kind for kind, _ in OTHER_CREDITS.values()} <= CITATION_KINDS
    assert all(0 < confidence <= 1 for _, confidence in OTHER_CREDITS.values())
    assert set(KIND_FOR_ACTOR.values()) <= CITATION_KINDS | {"related_article"}


def test_a_rule_that_vouches_cites_a_name_no_word_marks_as_a_source(registry):
    # "quoted in" vouches for its name; "according to" does not, so a bare
    # two-word name there reads as a person, a speaker rather than a source.
    assert citations_of("Lopez, quoted in Kestrel Moor, said the dam held.", registry) == [
        ("quoted in Kestrel Moor", None, "news_outlet")
    ]
    assert citations_of("The dam held, according to Kestrel Moor.", registry) == []


def test_the_span_a_rule_cites(registry):
    # from_name: the source to the end of the match; parenthesised: "(Wire)".
    assert citations_of("The Daily Planet reported the flood.", registry)[0][0] == "The Daily Planet reported"
    assert citations_of("RIVERTOWN (GW) — The levee broke.", registry)[0][0] == "(GW)"
