"""A few hundred requests of the `make load` mix (build/peshawar/bench/load.py)
against the site served by `make serve`'s recipe: no request fails, none
gets a 5xx, every hostile one is refused. Timings are the benchmark's
business (`make load`), not this test's."""

import asyncio

from peshawar.bench.load import HOSTILE, load, request_mix
from peshawar.bench.server import served_site


def test_a_short_load_run_has_no_errors(db_path, capsys):
    with served_site(db_path) as site:
        summary, errors = asyncio.run(load(site, requests=300, concurrency=8, seed=12))
    assert errors == []
    assert summary["requests"] == 300 and summary["errors"] == 0 and summary["server_errors"] == 0
    # The mix holds refusals (the hostile share) as well as pages.
    assert summary["statuses"].get("200", 0) > 200
    assert summary["statuses"].get("400", 0) > 0
    assert summary["rss_before_mb"] > 0 and summary["rss_after_mb"] > 0


def test_the_mix_is_fixed_by_its_seed_and_holds_every_kind_of_request():
    tables = [{"name": "quotes", "search": True, "ids": ["q1"]}, {"name": "topics", "search": False, "ids": []}]
    queries = [{"name": "by_speaker", "params": ["speaker"]}, {"name": "timeline", "params": []}]
    mix = request_mix(tables, queries, 2000, seed=3)
    assert mix == request_mix(tables, queries, 2000, seed=3)
    assert mix != request_mix(tables, queries, 2000, seed=4)
    kinds = {request.kind for request in mix}
    assert {"table page", "table json", "table csv", "row page", "search", "canned query page",
            "canned query.json", "canned query.csv", "index", "sql page", "hostile"} <= kinds
    hostile = [request for request in mix if request.kind == "hostile"]
    assert 0.03 < len(hostile) / len(mix) < 0.07
    assert all(request.expected <= {200, 400, 404} for request in hostile)
    assert all(request.expected == {200} for request in mix if request.kind != "hostile")
    # Every hostile request of issue 12 expects its refusal or a bounded answer.
    assert all(expected and expected <= {200, 400} for *_, expected in HOSTILE)
