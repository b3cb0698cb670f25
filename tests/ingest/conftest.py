"""Shared fixtures of the ingest tests: a copy of the seeds, and a few
generated articles (recombined seed paragraphs, bench/corpus.py)."""

import shutil
from pathlib import Path

import pytest

from peshawar.bench.corpus import generate

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def tmp_seeds(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    return seeds


@pytest.fixture(scope="session")
def generated():
    return generate(ROOT / "seeds", 6, seed=11, size=2500)
