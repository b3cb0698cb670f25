"""The calibration behind the statement-linking threshold (join/calibration.py):
the true pairs are linked, no false pair is."""

from pathlib import Path

import json

from peshawar.core.renderings import THRESHOLD
from peshawar.join.calibration import calibration, report_lines

ROOT = Path(__file__).resolve().parents[2]


def test_the_nbc_and_vice_renderings_are_linked_and_no_pair_of_different_statements_is():
    figures = calibration(ROOT / "seeds", ROOT / "corpora")
    pairs = {tuple(sorted((a, b))): (s, n) for s, n, a, b in figures["true_pairs"]}
    score, shared = pairs[("nbc-q01", "vice-q22")]
    assert score >= THRESHOLD and shared >= figures["min_shared_words"]
    assert figures["true_links"] == len(figures["true_pairs"])
    assert figures["false_links"] == 0
    # Without the blocking, short quotes of different statements would score 100.
    assert max(best for _, best, _ in figures["false_by_shared_words"].values()) == 100


def test_the_report_ends_with_one_json_line():
    lines = report_lines(calibration(ROOT / "seeds", ROOT / "corpora"))
    assert json.loads(lines[-1])["threshold"] == THRESHOLD
