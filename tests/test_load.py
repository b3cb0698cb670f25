"""A few hundred requests of the `make load` mix (build/peshawar/bench/load.py)
against the site served by `make serve`'s recipe: no request fails, none
gets a 5xx, every hostile one is refused. Timings are the benchmark's
business (`make load`), not this test's."""

import asyncio

from peshawar.bench.load import HOSTILE, load
from peshawar.bench.server import served_site


def test_a_short_load_run_has_no_errors(db_path, capsys):
    with served_site(db_path) as site:
        summary, errors = asyncio.run(load(site, requests=300, concurrency=8, seed=12))
    assert errors == []
    assert summary["requests"] == 400 and summary["errors"] == 0 and summary["server_errors"] == 0
    # The mix holds refusals (the hostile share) as well as pages.
    assert summary["statuses"].get("200", 0) > 200
    assert summary["statuses"].get("400", 0) > 0
    assert summary["rss_before_mb"] > 0 and summary["rss_after_mb"] > 0


def test_every_hostile_request_expects_a_refusal_or_a_bounded_answer():
    for path, params, headers, expected in HOSTILE:
        assert expected and all(400 <= status < 500 or status == 200 for status in expected)
