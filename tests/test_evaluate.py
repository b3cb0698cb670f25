"""The evaluation: its figures come from comparing extracted items with the
curated gold, by the matching rules documented in peshawar/evaluate.py."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from peshawar.cli import cli
from peshawar.evaluate import METRICS, compare, evaluate, gold_as_found, load_gold, metrics, total

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seeds_gold():
    bodies, gold, registry, _ = load_gold(ROOT / "seeds")
    return bodies, gold, registry


@pytest.fixture(scope="module")
def seeds_evaluation():
    return evaluate(ROOT / "seeds")


def figures(bodies, gold, found, kinds):
    per_article = {a: compare(bodies[a], gold[a], found[a], kinds) for a in gold}
    return metrics(total(per_article))


def test_metric_keys_and_ranges(seeds_evaluation):
    _, overall, _ = seeds_evaluation
    assert set(METRICS) <= set(overall)
    for key in METRICS:
        assert overall[key] is None or 0.0 <= overall[key] <= 1.0
    assert overall["articles"] >= 0


def test_gold_against_itself_is_perfect(seeds_gold):
    bodies, gold, registry = seeds_gold
    assert len(gold) == 5, "the five curated seeds are the gold"
    result = figures(bodies, gold, {a: gold_as_found(gold[a]) for a in gold}, registry.kinds)
    assert all(result[k] in (1.0, None) for k in METRICS), result


def test_a_missing_quote_lowers_recall_not_precision(seeds_gold):
    bodies, gold, registry = seeds_gold
    article = max(gold, key=lambda a: len(gold[a]["quotes"]))
    found = {a: gold_as_found(gold[a]) for a in gold}
    found[article]["quotes"].pop(0)
    result = figures(bodies, gold, found, registry.kinds)
    assert result["quote_recall"] < 1.0
    assert result["quote_precision"] == 1.0


def test_a_wrong_speaker_lowers_accuracy(seeds_gold):
    bodies, gold, registry = seeds_gold
    article = max(gold, key=lambda a: len(gold[a]["quotes"]))
    found = {a: gold_as_found(gold[a]) for a in gold}
    found[article]["quotes"][0]["speaker_id"] = "somebody-else"
    assert figures(bodies, gold, found, registry.kinds)["speaker_accuracy"] < 1.0


def test_seed_targets(seeds_evaluation):
    """The targets of the issue, on the curated seeds."""
    _, overall, _ = seeds_evaluation
    assert overall["quote_recall"] >= 0.95
    assert overall["quote_precision"] >= 0.9
    assert overall["speaker_accuracy"] >= 0.9
    assert overall["claim_recall"] >= 0.9


# The matching rules on a text of our own --------------------------------------------

BODY = '"We will stay," Maria Lopez said. A local official called it "slow". At least 12 people died, according to The Daily Planet.'
KINDS = {"maria-lopez": "person", "anon-official": "anonymous_source", "daily-planet": "news_outlet"}


def span(words, **fields):
    start = BODY.index(words)
    return {"text": words, "start_char": start, "end_char": start + len(words), **fields}


def gold_items():
    return {
        "quotes": [
            span("We will stay,", speaker_id="maria-lopez", speaker_text="Maria Lopez"),
            span("slow", speaker_id="anon-official", speaker_text="A local official"),
        ],
        "claims": [span("At least 12 people", value=12)],
        "citations": [span("according to The Daily Planet", cited_id="daily-planet")],
        "mentions": [span("Maria Lopez", actor_id="maria-lopez")],
    }


def found_items(**changes):
    found = {
        "quotes": [
            span('We will stay,"', speaker="Maria Lopez", speaker_id="maria-lopez"),
            span("slow", speaker="A local official", speaker_id=None),
        ],
        "claims": [span("12 people", value=12)],
        "citations": [span("The Daily Planet", cited_id="daily-planet")],
        "mentions": [span("Lopez", actor_id="maria-lopez")],
    }
    found.update(changes)
    return found


def test_matching_trims_marks_and_accepts_overlaps():
    result = metrics(compare(BODY, gold_items(), found_items(), KINDS))
    assert {k: result[k] for k in METRICS} == dict.fromkeys(METRICS, 1.0)
    assert result["speaker_id_accuracy"] == 0.5  # the unnamed official has no id


def test_unnamed_gold_speaker_matches_an_unnamed_extracted_speaker():
    found = found_items()
    found["quotes"][1]["speaker"] = "the official"
    assert metrics(compare(BODY, gold_items(), found, KINDS))["speaker_accuracy"] == 1.0
    found["quotes"][1]["speaker"] = "Maria Lopez"
    found["quotes"][1]["speaker_id"] = "maria-lopez"
    assert metrics(compare(BODY, gold_items(), found, KINDS))["speaker_accuracy"] == 0.5


def test_small_overlap_is_not_a_quote_match():
    found = found_items(quotes=[span("We will", speaker_id="maria-lopez"), span("We will stay,", speaker_id="maria-lopez")])
    counts = compare(BODY, gold_items(), found, KINDS)
    assert counts["matched_quotes"] == 1  # "We will" (IoU 7/12) loses to the exact span; one-to-one
    assert metrics(counts)["quote_precision"] == 0.5


def test_claim_needs_the_same_value():
    assert metrics(compare(BODY, gold_items(), found_items(claims=[span("12 people", value=13)]), KINDS))["claim_recall"] == 0.0


def test_citation_needs_the_same_source():
    found = found_items(citations=[span("The Daily Planet", cited_id="another-outlet")])
    assert metrics(compare(BODY, gold_items(), found, KINDS))["citation_recall"] == 0.0


def test_mention_needs_the_same_actor():
    found = found_items(mentions=[span("Lopez", actor_id=None)])
    assert metrics(compare(BODY, gold_items(), found, KINDS))["mention_recall"] == 0.0


def test_nothing_to_measure_gives_none():
    empty = {"quotes": [], "claims": [], "citations": [], "mentions": []}
    assert all(value is None for value in metrics(compare(BODY, empty, empty, KINDS)).values())


def test_evaluate_command_ends_with_the_json_figures():
    result = CliRunner().invoke(cli, ["evaluate"])
    assert result.exit_code == 0, result.output
    last = json.loads(result.stdout.strip().splitlines()[-1])
    assert set(METRICS) <= set(last)
