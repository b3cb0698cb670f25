"""`make load`: a fixed number of mixed requests against the site as
`make serve` serves it, at a fixed concurrency, on 127.0.0.1 only.

The tool starts the site itself (bench/server.py) on a free port, reads what
the site holds from the site (its tables, canned queries, a few row ids), and
sends a mix drawn with a fixed seed: pages, canned queries, CSV and JSON
exports, searches, the SQL page and the hostile requests of issue 12, each
with the answers it may get (a page 200, a hostile request 400 or 404). An
error is a request that failed, got a 5xx, or got an answer outside its set.

It prints the errors, latency percentiles and the server's resident memory
before (after a warm-up) and after, and ends with one JSON line:
{"requests", "errors", "p50_ms", "p99_ms", "rss_before_mb", "rss_after_mb", ...}.
"""

import asyncio
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path
from typing import NamedTuple

import click
import httpx

from .server import ROOT, served_site

DATABASE = "peshawar"
WORDS = ("Taliban", "school", "army", "children", "Khurasani", "attack")
OK = frozenset({200})
REFUSED = frozenset({400})

# The hostile requests of issue 12: (path, params, headers, expected statuses).
HOSTILE = (
    ("", {"sql": "with recursive c(x) as (select 1 union all select x + 1 from c where x < 2000) "
                 "select printf('%.*c', 100000, 'x') from c"}, {}, REFUSED),
    (".json", {"sql": "select zeroblob(20000000)"}, {}, REFUSED),
    # The widest row (64 columns of 1 MB) and 57 MB of JSON escapes (\u0001):
    # each is built, then refused, and its memory must go back.
    (".json", {"sql": "with t(s) as (select printf('%.*c', 1000000, 'x')) select "
                      + ", ".join(["s"] * 64) + " from t"}, {}, REFUSED),
    (".json", {"sql": "with recursive c(x) as (select 1 union all select x + 1 from c where x < 5) "
                      "select printf('%.*c', 1900000, char(1)) from c"}, {}, REFUSED),
    (".json", {"sql": "select fts3_tokenizer('simple')"}, {}, REFUSED),
    (".json", {"sql": "select * from pragma_database_list"}, {}, OK),
    (".json", {"sql": "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"}, {}, REFUSED),
    (".json", {"sql": "delete from quotes"}, {}, REFUSED),
    (".json", {"sql": "attach database '/tmp/x.db' as x"}, {}, REFUSED),
    ("/quotes", {"_sort": "no_such_column"}, {}, REFUSED),
    ("/quotes.json", {"_sort_desc": "no_such_column"}, {}, REFUSED),
    ("/quotes.json", {"_through": "junk"}, {}, REFUSED),
    ("/quotes.json", {"_timelimit": "junk"}, {}, REFUSED),
    ("/quotes", {}, {"Host": "evil.example"}, REFUSED),
    ("/quotes", {"_facet": ["text"] * 50}, {}, REFUSED),
)
OFFSITE_TRAP = ("/\\example.com/", frozenset({404}))


async def discover(client):
    """Tables (visible ones, with their searchability and some row ids) and
    canned queries (with their parameters), as the site describes them."""
    database = (await client.get(f"/{DATABASE}.json")).json()
    tables = []
    for table in database["tables"] + database["views"]:
        if table.get("hidden"):
            continue
        data = (await client.get(f"/{DATABASE}/{table['name']}.json", params={"_size": 5})).json()
        keys = data.get("primary_keys") or []
        ids = [row[data["columns"].index(keys[0])] for row in data["rows"]] if len(keys) == 1 else []
        tables.append({"name": table["name"], "search": bool(table.get("fts_table")), "ids": ids})
    queries = [{"name": q["name"], "params": q.get("params") or []} for q in database["queries"]]
    return tables, queries


class Request(NamedTuple):
    kind: str  # what the latency figures are grouped by
    path: str
    params: dict | list
    headers: dict
    expected: frozenset


def request_mix(tables, queries, count, seed=0, hostile_share=0.05):
    """``count`` Requests, drawn with ``seed``."""
    from datasette.utils import tilde_encode

    rng = random.Random(seed)
    base = f"/{DATABASE}"

    def table_request():
        table = rng.choice(tables)
        path = f"{base}/{table['name']}"
        kind = rng.choice(("table page", "table json", "table csv", "row page", "search", "table page max"))
        if kind == "row page" and table["ids"]:
            return kind, f"{path}/{tilde_encode(str(rng.choice(table['ids'])))}", {}
        if kind == "search" and table["search"]:
            return kind, path + rng.choice(("", ".json")), {"_search": rng.choice(WORDS)}
        if kind == "table json":
            return kind, f"{path}.json", {"_shape": "array", "_size": "max"}
        if kind == "table csv":
            return kind, f"{path}.csv", {"_size": "max"}
        if kind == "table page max":
            return kind, path, {"_size": "max"}
        return "table page", path, {}

    def query_request():
        query = rng.choice(queries)
        params = {name: rng.choice(WORDS) for name in query["params"]}
        suffix = rng.choice(("", ".json", ".csv"))
        return f"canned query{suffix or ' page'}", f"{base}/{query['name']}{suffix}", params

    def other_request():
        return rng.choice((("index", "/", {}), ("database page", base, {}),
                           ("sql json", f"{base}.json", {"sql": "select count(*) from quotes"}),
                           ("sql page", base, {"sql": "select id, text from quotes order by id limit 20"})))

    mix = []
    for _ in range(count):
        roll = rng.random()
        if roll < hostile_share:
            if rng.random() < 0.1:
                mix.append(Request("hostile", OFFSITE_TRAP[0], {}, {}, OFFSITE_TRAP[1]))
            else:
                suffix, params, headers, expected = rng.choice(HOSTILE)
                mix.append(Request("hostile", base + suffix, params, headers, expected))
            continue
        kind, path, params = (table_request if roll < 0.55 else query_request if roll < 0.85 else other_request)()
        mix.append(Request(kind, path, params, {}, OK))
    return mix


async def send_all(url, mix, concurrency):
    """Send ``mix``; return one (milliseconds, status or error text, request) per request."""
    queue = asyncio.Queue()
    for item in mix:
        queue.put_nowait(item)
    results = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:

        async def worker():
            while not queue.empty():
                item = queue.get_nowait()
                started = time.perf_counter()
                try:
                    response = await client.get(item.path, params=item.params, headers=item.headers)
                    await response.aread()
                    outcome = response.status_code
                except httpx.HTTPError as error:
                    outcome = f"{type(error).__name__}: {error}"
                results.append(((time.perf_counter() - started) * 1000, outcome, item))

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return results


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


def summarise(results):
    errors = [(outcome, item) for _, outcome, item in results
              if not isinstance(outcome, int) or outcome >= 500 or outcome not in item.expected]
    latencies = [ms for ms, _, _ in results]
    by_kind = {}
    for ms, _, item in results:
        by_kind.setdefault(item.kind, []).append(ms)
    return {
        "requests": len(results),
        "errors": len(errors),
        "server_errors": sum(1 for outcome, _ in errors if isinstance(outcome, int) and outcome >= 500),
        "p50_ms": round(percentile(latencies, 0.50), 1),
        "p90_ms": round(percentile(latencies, 0.90), 1),
        "p99_ms": round(percentile(latencies, 0.99), 1),
        "max_ms": round(max(latencies, default=0.0), 1),
        "statuses": dict(sorted(Counter(str(o) if isinstance(o, int) else "failed" for _, o, _ in results).items())),
        "by_kind": {kind: {"requests": len(values), "p50_ms": round(percentile(values, 0.5), 1),
                           "p99_ms": round(percentile(values, 0.99), 1)}
                    for kind, values in sorted(by_kind.items())},
    }, errors


async def load(site, requests, concurrency, seed=0):
    """Warm up, measure memory, send the mix, measure memory again."""
    async with httpx.AsyncClient(base_url=site.url, timeout=60) as client:
        tables, queries = await discover(client)
    warm_up = request_mix(tables, queries, 50, seed=seed + 1, hostile_share=0)  # caches, threads, imports
    await send_all(site.url, warm_up, concurrency)
    rss_before = site.server_rss_mb()
    started = time.perf_counter()
    results = await send_all(site.url, request_mix(tables, queries, requests, seed), concurrency)
    seconds = time.perf_counter() - started
    summary, errors = summarise(results)
    summary.update(
        concurrency=concurrency,
        seconds=round(seconds, 1),
        requests_per_second=round(len(results) / seconds, 1),
        rss_before_mb=rss_before,
        rss_after_mb=site.server_rss_mb(),
    )
    return summary, errors


def report(summary, errors, out=sys.stdout):
    for outcome, item in errors[:20]:
        print(f"error: {outcome} for {item.path} {json.dumps(item.params)[:120]} {item.headers or ''} "
              f"(expected {sorted(item.expected)})", file=out)
    if len(errors) > 20:
        print(f"... and {len(errors) - 20} more errors", file=out)
    print(f"{summary['requests']} requests at concurrency {summary['concurrency']} in "
          f"{summary['seconds']} s ({summary['requests_per_second']}/s), {summary['errors']} errors", file=out)
    print(f"latency ms: p50 {summary['p50_ms']}, p90 {summary['p90_ms']}, p99 {summary['p99_ms']}, "
          f"max {summary['max_ms']}", file=out)
    print(f"statuses: {summary['statuses']}", file=out)
    for kind, figures in summary["by_kind"].items():
        print(f"  {kind:20} {figures['requests']:6} requests, p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms",
              file=out)
    print(f"server memory: {summary['rss_before_mb']} MB before, {summary['rss_after_mb']} MB after", file=out)
    print(json.dumps(summary), file=out)


@click.command()
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=ROOT / "peshawar.db", show_default=True)
@click.option("--requests", "count", type=click.IntRange(1), default=10_000, show_default=True)
@click.option("--concurrency", type=click.IntRange(1, 256), default=16, show_default=True)
@click.option("--seed", type=int, default=0, show_default=True)
def main(db, count, concurrency, seed):
    """Serve DB as `make serve` does and send it a fixed mix of requests."""
    with served_site(db) as site:
        summary, errors = asyncio.run(load(site, count, concurrency, seed))
    report(summary, errors)
    sys.exit(1 if summary["errors"] else 0)


if __name__ == "__main__":
    main()
