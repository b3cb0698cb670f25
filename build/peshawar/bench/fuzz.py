"""Fuzz the build with broken seeds: ``make fuzz CASES=1000``.

Each case is a copy of the real seeds broken by one to three operations
(``mutations.py``, drawn by Hypothesis from a fixed seed), built in this
process over a previous database. The answer is classified:

- clean error: SeedError whose every problem names a seed file (and line),
  with no SQL or Python in it, and the previous database byte-identical;
- traceback: any other exception;
- hang: the case ran past the time limit;
- data lost: the build succeeded although the validator had to refuse the
  input (a duplicate key, a symlink, an impossible date ...), or the new
  database lost or changed rows the operations could not legitimately touch;
- accepted: the build succeeded and only rows the operations could change
  changed.

It prints the counts, a few examples of each failure, and one JSON object
on the last line.
"""

import json
import os
import re
import resource
import shutil
import signal
import sqlite3
import tempfile
import time
from collections import Counter
from pathlib import Path

import click
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import seed as fixed_seed

from ..core.paths import SEEDS
from ..core.problems import SeedError, report_lines
from ..dataset.load import build_database
from ..dataset.schema import tables as schema_tables
from .mutations import cases

# Words that must never reach a person as a seed problem: SQL, Python's own,
# or the build's last line of defence (load.py: a row the database refused
# after the seed checks let it through).
RAW = re.compile(r"constraint failed|CHECK constraint|sqlite3|Traceback|\b[A-Z]\w*Error\b|object at 0x|seed checks let through")
# A problem reads "seeds/<file>:<line>: what" (or "seeds/<file>: what" for a whole file).
NAMED = re.compile(r"^seeds(/[^:\n]+)?(:\d+)?: \S")
KEYS = {"actor_aliases": ("actor_id", "alias"), "mentions": ("article_id", "start_char", "end_char")}


class CaseTimeout(BaseException):
    """A case ran past its time limit (BaseException: nothing under test may swallow it)."""


def _alarm(signum, frame):
    raise CaseTimeout()


def read_originals(seeds_dir):
    root = Path(seeds_dir)
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def row_areas(table, row):
    """The areas of the seeds a row comes from (see mutations.area_of)."""
    article = row.get("article_id") or (row["id"] if table == "articles" else None)
    if table in ("actors", "actor_aliases"):
        return {"actors"}
    if table in ("topics", "statements"):
        return {table}
    if table == "mentions":
        areas = {"actors", f"text:{article}", f"mentions:text:{article}"}
    else:
        areas = {f"text:{article}"}
    if table in ("articles", "article_provenance"):
        areas.add(f"meta:{article}")
    if table not in ("article_provenance", "mentions"):
        areas.add(f"annotation:{article}")
    # "text:*" and the like: an operation on a whole folder or on articles.yml.
    return areas | {area.rsplit(":", 1)[0] + ":*" for area in areas if ":" in area}


def snapshot(db_path):
    """``{(table, key): (areas, row)}`` of every row of the seeds' tables."""
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    rows = {}
    # The tables seeds fill (schema.sql): after_load.sql's answer tables are
    # worked out from them, so they lose nothing the seeds' tables do not.
    for table in schema_tables():
        for row in map(dict, conn.execute(f"select * from [{table}]")):
            key = tuple(row[k] for k in KEYS.get(table, ("id",)))
            if table in KEYS:
                row.pop("id", None)
            rows[(table, key)] = (row_areas(table, row), tuple(sorted(row.items())))
    conn.close()
    return rows


def lost_rows(before, after, effects):
    """Rows removed or changed outside what the operations may touch."""
    scope = set().union(*(e.scope for e in effects))
    removes = set().union(*(e.removes for e in effects))
    lost = []
    for key, (areas, row) in before.items():
        if key not in after:
            if not areas & removes:
                lost.append(f"{key} removed")
        elif after[key][1] != row and not areas & scope:
            lost.append(f"{key} changed")
    return lost


def problems_are_named(problems):
    """Is every problem a seed file (and line) and a message a person can read?"""
    return bool(problems) and all(NAMED.match(str(p)) and not RAW.search(p.message) for p in problems)


class Runner:
    """Builds each case over a previous database and classifies the answer."""

    def __init__(self, originals, workdir, limit):
        self.originals, self.workdir, self.limit = originals, Path(workdir), limit
        self.seeds = self.workdir / "seeds"
        self.target = self.workdir / "db" / "peshawar.db"
        self.target.parent.mkdir(parents=True)
        self.outside = self.workdir / "outside"
        self.outside.mkdir()
        self._write(originals, [])
        build_database(self.seeds, self.target)
        self.previous = self.target.read_bytes()
        self.before = snapshot(self.target)
        self.counts = Counter()
        self.examples = {}
        self.report_chars = 0

    def _write(self, files, actions):
        shutil.rmtree(self.seeds, ignore_errors=True)
        for relative, content in files.items():
            path = self.seeds / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
        for kind, relative, detail in actions:
            self._act(kind, self.seeds / relative, detail)

    def _act(self, kind, path, detail):
        if kind == "rename":
            if path.exists():
                path.rename(self.seeds / detail) if detail else path.unlink()
            return
        if not path.exists():
            return
        if detail == "copy":
            copy = self.outside / path.name
            shutil.rmtree(copy, ignore_errors=True) if copy.is_dir() else copy.unlink(missing_ok=True)
            shutil.move(path, copy)
            target = copy
        elif detail == "fifo":
            target = self.outside / "pipe"
            if not target.exists():
                os.mkfifo(target)
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        else:
            target = Path(detail)
            shutil.rmtree(path) if path.is_dir() else path.unlink()
        path.symlink_to(target)

    def run(self, case):
        self._write(case.files, case.actions)
        if self.target.read_bytes() != self.previous:
            self.target.write_bytes(self.previous)
        outcome, detail = self._build(case)
        self.counts[outcome] += 1
        self.counts["cases"] += 1
        if outcome != "clean_errors" and outcome != "accepted":
            self.examples.setdefault(outcome, []).append(f"{case.describe()} -> {detail}")
        return outcome

    def _build(self, case):
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, self.limit)
        try:
            build_database(self.seeds, self.target)
        except CaseTimeout:
            return self._after_failure("hangs", f"over {self.limit} s")
        except SeedError as error:
            self.report_chars = max(self.report_chars, len("\n".join(report_lines(error.problems))))
            if not problems_are_named(error.problems):
                bad = next((p for p in error.problems if not NAMED.match(str(p)) or RAW.search(p.message)), None)
                return self._after_failure("unclear_errors", f"{str(bad)[:300]!r}")
            return self._after_failure("clean_errors", "")
        except Exception as error:  # a traceback is what is being counted
            return self._after_failure("tracebacks", f"{type(error).__name__}: {str(error)[:200]}")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        return self._judge_success(case)

    def _after_failure(self, outcome, detail):
        if self.target.read_bytes() != self.previous:
            self.counts["previous_database_changed"] += 1
            detail += " (previous database changed)"
        leftovers = [p.name for p in self.target.parent.iterdir() if p != self.target]
        if leftovers:
            self.counts["leftover_files"] += 1
            for path in leftovers:
                (self.target.parent / path).unlink()
        return outcome, detail

    def _judge_success(self, case):
        must = [e for e in case.effects if e.refuse]
        if must:
            return "data_lost", f"accepted although {must[0].refuse}"
        lost = lost_rows(self.before, snapshot(self.target), case.effects)
        if lost:
            return "data_lost", f"{len(lost)} rows, e.g. {lost[0]}"
        return "accepted", ""


def fuzz(cases_wanted, seed, limit=10.0, seeds_dir=SEEDS, progress=False):
    """Run the cases; return ``(summary dict, examples by outcome)``.
    ``progress``: a bar with rate and estimate on stderr."""
    from tqdm import tqdm

    originals = read_originals(seeds_dir)
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="peshawar-fuzz-") as workdir, \
            tqdm(total=cases_wanted, unit="case", disable=not progress) as bar:
        runner = Runner(originals, workdir, limit)

        @fixed_seed(seed)
        @settings(
            max_examples=cases_wanted, database=None, deadline=None, phases=[Phase.generate],
            suppress_health_check=list(HealthCheck), print_blob=False,
        )
        @given(cases(originals))
        def one(case):
            runner.run(case)
            bar.update()

        one()
    counts = runner.counts
    summary = {
        "cases": counts["cases"], "clean_errors": counts["clean_errors"], "tracebacks": counts["tracebacks"],
        "hangs": counts["hangs"], "data_lost": counts["data_lost"], "accepted": counts["accepted"],
        "unclear_errors": counts["unclear_errors"],
        "previous_database_changed": counts["previous_database_changed"], "leftover_files": counts["leftover_files"],
        "longest_report_chars": runner.report_chars,
        "seconds": round(time.monotonic() - started, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    return summary, runner.examples


@click.command()
@click.option("--cases", "cases_wanted", type=int, default=1000, show_default=True)
@click.option("--seed", type=int, default=2014, show_default=True)
@click.option("--limit", type=float, default=10.0, show_default=True, help="Seconds a case may take before it counts as a hang.")
@click.option("--examples", type=int, default=5, show_default=True, help="Examples printed per kind of failure.")
def main(cases_wanted, seed, limit, examples):
    """Break copies of the seeds in CASES ways and count how the build answers."""
    # A safety belt for the machine: a reader that expands an alias bomb
    # meets MemoryError (counted as a traceback) instead of exhausting memory.
    resource.setrlimit(resource.RLIMIT_AS, (4 * 2**30, resource.RLIM_INFINITY))
    summary, found = fuzz(cases_wanted, seed, limit, progress=True)
    for outcome, lines in sorted(found.items()):
        click.echo(f"{outcome} ({len(lines)}):")
        for line in lines[:examples]:
            click.echo(f"  {line[:400]}")
    for key, value in summary.items():
        click.echo(f"{key:>28}: {value}")
    click.echo(json.dumps(summary))


if __name__ == "__main__":
    main()
