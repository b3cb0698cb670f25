"""`make bench-site`: how fast the published site answers on a large
database. A benchmark, not a test: it prints figures and asserts nothing.

Without ``--db`` (``DB=path`` in make), it generates 10,000 articles
(bench/corpus.py) and ingests them once in a scratch copy of the seeds under
``.cache/bench-site/<count>-<seed>/``, builds the database there, and reuses
it on later runs (it says so) until a file of schema/ changes. Then it serves
the database with `make serve`'s recipe (bench/server.py; without writing
the downloads first, minutes at 10,000 articles and no part of a request)
and times, median of ``--repeat`` requests after ``--warm-up`` unmeasured
ones, one request at a time:

- every canned query of metadata.yml, its HTML page and its .json, with its
  default (empty) parameters; a query with a free-text parameter is timed a
  second time with a value read from the data (the most quoted speaker, the
  most mentioned actor, a word every article uses);
- the first page (HTML) of every table and view metadata.yml describes (the
  hidden answer tables too), on our site and on a bare `datasette serve
  FILE` (no metadata, no plugins, default settings) of the same file, and
  the ratio of the two.

Both sites run at once, and the requests go in rounds (medians_ms): every
page once per round, ours next to the bare server's, so that a burst of
other work on the shared machine does not fall on every sample of one page
or of one site. Timed one page after the other, and our site before the
bare one, a small page's ratio swung from 0.7 to 1.9 between runs.

It prints a table, then one JSON line: ``queries`` {name: median HTML ms},
``max_query_ms`` (the slowest of every HTML and JSON median), ``tables``
{name: [ours_ms, bare_ms, ratio]} and ``max_table_ratio``.
"""

import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import click
import httpx
import yaml

from .server import ROOT, free_port, served_site, stop_session, wait_until_up

DATABASE = "peshawar"
SCRATCH = ROOT / ".cache" / "bench-site"
# A word of the seeds' own texts, hence of every generated article.
SEARCH_WORD = "Taliban"


def generated_database(count, seed, scratch=SCRATCH):
    """The database of ``count`` generated articles: ``(path, what was done)``.

    The articles are generated and ingested once, into a scratch copy of the
    seeds under ``scratch``, and kept; the database is built from them when
    it is missing or older than a file of schema/ (so that a new index or
    answer table is measured), and reused otherwise."""
    from ..core.paths import SEEDS
    from .corpus import generate, write_jsonl

    folder = Path(scratch) / f"{count}-{seed}"
    run = [sys.executable, "-m", "peshawar"]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "build")}
    done = []
    if not folder.exists():
        Path(scratch).mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix="ingesting-", dir=scratch))
        shutil.copytree(SEEDS, work / "seeds")
        write_jsonl(work / "articles.jsonl", generate(SEEDS, count, seed))
        subprocess.run(run + ["ingest", str(work / "articles.jsonl"), "--seeds", str(work / "seeds"),
                              "--cache", str(work / "cache.sqlite")], check=True, env=env, stdout=subprocess.DEVNULL)
        work.rename(folder)  # ingested or absent: a half-ingested folder is never reused
        done.append("generated and ingested")
    db = folder / "peshawar.db"
    schema_changed = max(path.stat().st_mtime for path in (ROOT / "schema").iterdir())
    if not db.exists() or db.stat().st_mtime < schema_changed:
        subprocess.run(run + ["build", "--seeds", str(folder / "seeds"), "--db", str(db),
                              "--cache", str(folder / "cache.sqlite")], check=True, env=env, stdout=subprocess.DEVNULL)
        done.append("built")
    return db, " and ".join(done) or "reused"


def described():
    """metadata.yml's database: its tables (every table and view the site
    serves, answer tables included: tests/test_metadata.py holds it to the
    schema) and canned queries."""
    return yaml.safe_load((ROOT / "metadata.yml").read_text(encoding="utf-8"))["databases"][DATABASE]


def canned_queries():
    """``{name: [parameter names]}`` of metadata.yml's canned queries, in order."""
    return {name: list(query.get("params") or []) for name, query in described()["queries"].items()}


def sample_values(db):
    """A realistic value for each free-text parameter, read from ``db``."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        speaker, = connection.execute(
            "select actors.name from quotes join actors on actors.id = quotes.speaker_id "
            "where actors.kind = 'person' group by actors.id order by count(*) desc, actors.id limit 1").fetchone()
        actor, = connection.execute(
            "select actors.name from mentions join actors on actors.id = mentions.actor_id "
            "group by actors.id order by count(*) desc, actors.id limit 1").fetchone()
    return {"speaker": speaker, "actor": actor, "q": SEARCH_WORD}


def query_cases(queries, values):
    """``[(label, name, params)]``: each query with empty parameters, and
    again with a sample value for each free-text parameter it has."""
    cases = []
    for name, params in queries.items():
        cases.append((name, name, {param: "" for param in params}))
        given = {param: values[param] for param in params if param in values}
        if given:
            label = name + "?" + "&".join(f"{param}={value}" for param, value in given.items())
            cases.append((label, name, {param: given.get(param, "") for param in params}))
    return cases


def elapsed_ms(client, path, params=None):
    """Milliseconds of one GET; any answer but 200 stops the benchmark with
    what the site said."""
    started = time.perf_counter()
    response = client.get(path, params=params)
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise click.ClickException(f"{response.url} answered {response.status_code}: {response.text[:300]}")
    return elapsed


def medians_ms(requests, warm_up=2, repeat=11):
    """``{key: median milliseconds}`` of ``requests`` ``[(key, client, path,
    params)]``, taken in rounds: each round sends every request once, in
    the opposite order to the round before; the first ``warm_up`` rounds
    are not measured.

    So a page's samples are spread over the whole run, and a burst of other
    work on a shared machine (they last a few hundred milliseconds here)
    lands on one sample each of a few pages, not on every sample of one;
    and our page and the bare server's, next to each other in every round,
    see the same minutes."""
    times = {key: [] for key, *_ in requests}
    for attempt in range(warm_up + repeat):
        for key, client, path, params in requests if attempt % 2 == 0 else requests[::-1]:
            elapsed = elapsed_ms(client, path, params)
            if attempt >= warm_up:
                times[key].append(elapsed)
    return {key: round(statistics.median(spent), 1) for key, spent in times.items()}


@contextmanager
def bare_site(db):
    """`datasette serve FILE` with nothing else, on a free port."""
    port = free_port()
    log_path = Path(tempfile.mkdtemp(prefix="peshawar-bare-")) / "server.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([str(Path(sys.executable).parent / "datasette"), "serve", str(db),
                                    "--host", "127.0.0.1", "--port", str(port)],
                                   start_new_session=True, stdout=log, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(f"{url}/-/versions.json", process, log_path)
            yield url
        finally:
            stop_session(process)


def measure(db, warm_up, repeat):
    """``{"queries": [(label, html_ms, json_ms)], "tables": [(name, ours, bare, ratio)]}``."""
    db = Path(db).resolve()
    if db.stem != DATABASE:
        # Datasette names a database after its file, and metadata.yml's
        # questions and descriptions belong to the database named peshawar.
        raise click.ClickException(f"{db}: the file must be named {DATABASE}.db for the site's questions to apply")
    base = f"/{DATABASE}"
    cases = query_cases(canned_queries(), sample_values(db))
    tables = list(described()["tables"])
    with served_site(db, make_options=("-o", "package")) as site, bare_site(db) as bare_url, \
            httpx.Client(base_url=site.url, timeout=120) as client, \
            httpx.Client(base_url=bare_url, timeout=120) as bare_client:
        requests = []
        for label, name, params in cases:
            requests += [((label, "html"), client, f"{base}/{name}", params),
                         ((label, "json"), client, f"{base}/{name}.json", params)]
        for table in tables:
            requests += [((table, "ours"), client, f"{base}/{table}", None),
                         ((table, "bare"), bare_client, f"{base}/{table}", None)]
        medians = medians_ms(requests, warm_up, repeat)
    return {
        "queries": [(label, medians[label, "html"], medians[label, "json"]) for label, *_ in cases],
        "tables": [(table, medians[table, "ours"], medians[table, "bare"],
                    round(medians[table, "ours"] / medians[table, "bare"], 2)) for table in tables],
    }


def report(timed):
    """The readable table (lines) and the JSON summary (a dict)."""
    width = max(len(label) for label, *_ in timed["queries"] + timed["tables"])
    lines = [f"{'canned query':<{width}}  {'html ms':>8}  {'json ms':>8}"]
    lines += [f"{label:<{width}}  {html:>8.1f}  {data:>8.1f}" for label, html, data in timed["queries"]]
    lines += ["", f"{'table (first page)':<{width}}  {'ours ms':>8}  {'bare ms':>8}  {'ratio':>6}"]
    lines += [f"{name:<{width}}  {ours:>8.1f}  {bare:>8.1f}  {ratio:>6.2f}" for name, ours, bare, ratio in timed["tables"]]
    summary = {
        "queries": {label: html for label, html, _ in timed["queries"]},
        "queries_json": {label: data for label, _, data in timed["queries"]},
        "max_query_ms": max(max(html, data) for _, html, data in timed["queries"]),
        "tables": {name: [ours, bare, ratio] for name, ours, bare, ratio in timed["tables"]},
        "max_table_ratio": max(ratio for *_, ratio in timed["tables"]),
    }
    return lines, summary


@click.command(help=__doc__.split("\n\n")[0])
@click.option("--db", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Time this database instead of the generated one.")
@click.option("--articles", default=10000, show_default=True, help="Generated articles (without --db).")
@click.option("--seed", default=0, show_default=True, help="The generated corpus's seed (without --db).")
@click.option("--warm-up", default=2, show_default=True, help="Unmeasured rounds of requests first.")
# 11, not 7: on small pages (10 to 50 ms, ours and the bare server's about
# even) a median of 7 moved a ratio by a third from run to run.
@click.option("--repeat", default=11, show_default=True, help="Measured rounds; each page's median is reported.")
def main(db, articles, seed, warm_up, repeat):
    if db is None:
        click.echo(f"the database of {articles:,} generated articles (seed {seed}), under {SCRATCH} ...", err=True)
        started = time.perf_counter()
        db, done = generated_database(articles, seed)
        if done == "reused":
            click.echo(f"reusing {db}, built after the last change to schema/ (delete {db.parent} "
                       "to generate it again)", err=True)
        else:
            click.echo(f"{done} {db} in {time.perf_counter() - started:.0f} s", err=True)
    lines, summary = report(measure(db, warm_up, repeat))
    click.echo("\n".join(lines))
    click.echo(json.dumps(summary))


if __name__ == "__main__":
    main()
