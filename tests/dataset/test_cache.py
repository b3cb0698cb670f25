"""The build cache (dataset/cache.py) gives back the values json would."""

import json
import math

import pytest

from peshawar.dataset.cache import Cache, dumps_finite, loads

VALUES = [
    {"tables": {"claims": [["id", "value"], [["c1", 145], ["c2", 2.5], ["c3", None]]]}, "text": "Peshawar \u2014 \u201cquoted\u201d"},
    [2**63 - 1, -(2**63), 2**64 - 1, 1e30, -0.0, 0.1 + 0.2],
    # orjson would read these as floats: they must come back as the integers they are.
    {"value": 10**30}, [-(10**25), 2**64],
]


@pytest.mark.parametrize("value", VALUES)
def test_a_value_comes_back_as_json_reads_it(tmp_path, value):
    cache = Cache(tmp_path / "cache.sqlite")
    cache.put("k", value)
    cache.close()
    again = Cache(tmp_path / "cache.sqlite").get("k")
    expected = json.loads(json.dumps(value))
    assert again == expected and repr(again) == repr(expected)


def test_nan_and_infinity_come_back(tmp_path):
    cache = Cache(tmp_path / "cache.sqlite")
    cache.put("k", [float("nan"), float("inf")])
    value = cache.get("k")  # from the pending writes
    cache.close()
    assert math.isnan(value[0]) and value[1] == float("inf")
    value = Cache(tmp_path / "cache.sqlite").get("k")
    assert math.isnan(value[0]) and value[1] == float("inf")


@pytest.mark.parametrize("value", VALUES)
def test_the_finite_encoding_reads_back_as_json_reads_it(value):
    """dumps_finite (orjson, for a draft's unit) reads back like dumps, the
    integers past 64 bits included (they go through dumps)."""
    expected = json.loads(json.dumps(value))
    again = loads(dumps_finite(value))
    assert again == expected and repr(again) == repr(expected)


def test_the_code_fingerprint_covers_what_makes_rows_and_not_what_only_writes_the_database(tmp_path, monkeypatch):
    """Editing schema.sql or a module that makes rows makes every key new;
    editing after_load.sql (answer tables worked out after the load) or
    load.py keeps the cache."""
    import shutil

    from peshawar.core.paths import ROOT
    from peshawar.dataset import cache

    for folder in ("build/peshawar/core", "build/peshawar/dataset", "schema"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(cache, "ROOT", tmp_path)

    def fingerprint_after(edit):
        path = tmp_path / edit
        comment = "--" if path.suffix == ".sql" else "#"
        path.write_text(path.read_text(encoding="utf-8") + f"\n{comment} an edit\n", encoding="utf-8")
        cache.code_fingerprint.cache_clear()
        return cache.code_fingerprint()

    cache.code_fingerprint.cache_clear()
    try:
        before = cache.code_fingerprint()
        assert fingerprint_after("schema/after_load.sql") == before
        assert fingerprint_after("build/peshawar/dataset/load.py") == before
        assert fingerprint_after("schema/schema.sql") != before
        changed = cache.code_fingerprint()
        assert fingerprint_after("build/peshawar/dataset/rows.py") != changed
    finally:
        cache.code_fingerprint.cache_clear()
