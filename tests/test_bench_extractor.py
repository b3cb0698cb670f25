"""The extractor benchmark's inputs (build/peshawar/bench/extractor.py),
run small in the suite: every hostile shape finishes and every finding
stays verbatim. A guard against hangs, not a measure of speed: the figures
come from `make bench-extract`."""

import time

import pytest

from peshawar.bench import extractor as bench
from peshawar.extractor import analyse, load_registry
from peshawar.core.paths import SEEDS

# Generous: the whole set runs in well under a second each on this size; a
# run past this is a hang (a pattern backtracking, a loop over the text).
HANG_SECONDS = 10
SIZE = 5000


@pytest.fixture(scope="module")
def seed_registry():
    return load_registry(SEEDS)


def _verbatim(text, result):
    for key, items in result.items():
        for item in items:
            assert text[item["start_char"]:item["end_char"]] == item["text"], (key, item)


@pytest.mark.parametrize("name", sorted(bench.ADVERSARIAL))
def test_each_hostile_input_finishes_and_stays_verbatim(seed_registry, name):
    text = bench.ADVERSARIAL[name](SIZE)
    assert len(text) == SIZE
    started = time.monotonic()
    result = analyse(text, seed_registry)
    assert time.monotonic() - started < HANG_SECONDS, f"{name} took over {HANG_SECONDS} s: a hang"
    _verbatim(text, result)


def test_news_text_is_the_size_asked_and_the_same_each_time():
    paragraphs = bench.news_paragraphs()
    assert len(paragraphs) > 50
    first, again = bench.news_text(10_000, paragraphs), bench.news_text(10_000, paragraphs)
    assert len(first) == 10_000 and first == again
    assert bench.news_text(10_000, paragraphs, seed=1) != first


def test_realistic_news_finds_quotes_and_stays_verbatim(seed_registry):
    text = bench.news_text(20_000)
    result = analyse(text, seed_registry)
    assert result["quotes"] and result["claims"]
    _verbatim(text, result)


def test_the_benchmark_prints_figures_and_ends_with_one_json_line(capsys, monkeypatch):
    import json

    monkeypatch.setattr(bench, "ADVERSARIAL", {"many_said": bench.ADVERSARIAL["many_said"]})
    figures = bench.run(sizes=(1000, 2000), adversarial_size=1000, runs=1, articles=3, echo=print)
    bench.print_figures(figures)
    lines = capsys.readouterr().out.strip().splitlines()
    last = json.loads(lines[-1])
    assert set(last) >= {"news_seconds", "adversarial_seconds", "worst_adversarial", "articles_per_second_4kb"}
    assert last["worst_adversarial"]["input"] == "many_said"
