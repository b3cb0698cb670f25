"""The command line: thin click commands over the toolkit's functions.

build and check: ``dataset``; extract: ``extractor``; evaluate:
``evaluate.py``; calibrate: ``join/calibration.py``; add-article: ``drafts.py``;
package: ``export``. A user's mistake is one line on
stderr and exit 1, never a traceback.
"""

from pathlib import Path

import click

from .core.paths import CACHE, CORPORA, DATABASE, DIST, METADATA, SEEDS
from .core.problems import SeedError, report_lines


def _report(problems, heading):
    """The problems on stderr: the first fifty, and a count of the rest."""
    click.echo(f"{heading} ({len(problems):,}):", err=True)
    for line in report_lines(problems):
        click.echo(f"  {line}", err=True)


@click.group()
def cli():
    """Build and check the Peshawar coverage dataset."""


SEEDS_OPTION = click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path), default=SEEDS, show_default=True)
CACHE_OPTION = click.option(
    "--cache", "cache_path", type=click.Path(dir_okay=False, path_type=Path), default=CACHE, show_default=True,
    help="Where work already done is remembered by content hash (safe to delete).",
)
NO_CACHE_OPTION = click.option("--no-cache", is_flag=True, help="Read and compute everything afresh.")


def _cache(cache_path, no_cache):
    from .dataset.cache import Cache, NoCache

    return NoCache() if no_cache else Cache(cache_path)


def _gap_summary(gap_counts):
    from .dataset.review import summary_lines

    for line in summary_lines(gap_counts):
        click.echo(line, err=True)


@cli.command()
@SEEDS_OPTION
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DATABASE, show_default=True)
@CACHE_OPTION
@NO_CACHE_OPTION
def build(seeds_dir, db_path, cache_path, no_cache):
    """Build the database from the seeds, replacing it only on success."""
    from .dataset.load import build_database

    try:
        counts, gap_counts = build_database(seeds_dir, db_path, _cache(cache_path, no_cache))
    except SeedError as error:
        _report(error.problems, f"build failed, {db_path.name} left as it was; problems")
        raise SystemExit(1)
    click.echo(f"built {db_path}: " + ", ".join(f"{n:,} {t}" for t, n in counts.items()))
    _gap_summary(gap_counts)


@cli.command()
@SEEDS_OPTION
@CACHE_OPTION
@NO_CACHE_OPTION
def check(seeds_dir, cache_path, no_cache):
    """Validate the seeds and report every problem; write nothing.

    Errors are listed one by one with file and line (exit 1); the gaps of
    draft annotations, work for a person, are summed up by kind.
    """
    from .dataset.walk import Counting, walk

    cache = _cache(cache_path, no_cache)
    sink = Counting()
    try:
        errors = walk(seeds_dir, cache, sink)
    finally:
        cache.close()
    if errors:
        _report(errors, "problems")
        raise SystemExit(1)
    _gap_summary(sink.gap_counts)
    click.echo("seeds are valid: " + ", ".join(f"{n:,} {name}" for name, n in sink.counts.items()))


# Extraction, evaluation and new articles ------------------------------------------


def _fail(message):
    """One line on stderr and exit 1: no traceback for a user's mistake."""
    click.echo(f"error: {message}", err=True)
    raise SystemExit(1)


def _read_article(path):
    """The text of a UTF-8 article file, or a one-line error."""
    from .core.files import read_text

    try:
        text, raw = read_text(path, str(path), follow_links=True)
    except SeedError as error:
        _fail(str(error.problems[0]))
    nul = raw.find(b"\0")
    if nul != -1:
        _fail(f"{path}: binary file (NUL byte at {nul}), not UTF-8 text")
    return text


def _registry(seeds_dir):
    from .core.registry import load_registry

    try:
        return load_registry(seeds_dir)
    except SeedError as error:
        _fail(f"cannot read the actor registry: {error.problems[0]}")


@cli.command("extract")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path), default=SEEDS, show_default=True, help="Where actors.yml (the registry) is.")
def extract_command(file, seeds_dir):
    """Print what the extractor finds in FILE as one JSON object."""
    import json

    from .extractor import TextTooLong, extract

    text = _read_article(file)
    try:
        result = extract(text, _registry(seeds_dir))
    except TextTooLong as error:
        _fail(f"{file}: {error}")
    click.echo(json.dumps(result, ensure_ascii=False))


@cli.command("evaluate")
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path), default=SEEDS, show_default=True)
def evaluate_command(seeds_dir):
    """Measure the extractor against the curated annotations.

    One line per article, then the overall figures as one JSON object on the
    last line.
    """
    from .evaluate import evaluate, report_lines

    per_article, overall, problems = evaluate(seeds_dir)
    if problems:
        _report(problems, "seed problems (rows left out of the gold)")
    for line in report_lines(per_article, overall):
        click.echo(line)


@cli.command("calibrate")
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path), default=SEEDS, show_default=True)
@click.option("--corpora", "corpora_dir", type=click.Path(file_okay=False, path_type=Path), default=CORPORA, show_default=True)
def calibrate_command(seeds_dir, corpora_dir):
    """Score the quote pairs behind the statement-linking threshold.

    The true and false pairs by words in common, then the figures as one
    JSON object on the last line.
    """
    from .join.calibration import calibration, report_lines

    for line in report_lines(calibration(seeds_dir, corpora_dir)):
        click.echo(line)


@cli.command("add-article")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--id", "article_id", required=True, help="The new article's slug.")
@click.option("--title", help="Default: the text's first line.")
@click.option("--outlet", help="Actor id of the publisher.")
@click.option("--published-date", help="YYYY-MM-DD.")
@click.option("--byline")
@click.option("--url", help="Where the article was found (kept as given, never checked against the text).")
@SEEDS_OPTION
@CACHE_OPTION
def add_article_command(file, article_id, title, outlet, published_date, byline, url, seeds_dir, cache_path):
    """Add FILE to the seeds with a draft annotation: the one-article ingest."""
    from .drafts import AddError
    from .ingest.add import add_article

    cache = _cache(cache_path, False)
    try:
        summary = add_article(seeds_dir, file, article_id, title, outlet, published_date, byline, url, cache)
    except AddError as error:
        _fail(str(error))
    finally:
        cache.close()
    click.echo(
        f"added {summary['id']}: {summary['text']} and {summary['annotation']} (status: draft; "
        f"{summary['quotes']} quotes, {summary['claims']} claims, {summary['citations']} citations, method automatic)"
    )
    for citation in summary["needs_person"]:
        click.echo(f"  needs a person: citation {citation['text']!r} cites {citation['cited']!r}, not a known actor")
    click.echo("run `make build` to load it; the build sums up what the draft still needs (table review_queue)")


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@SEEDS_OPTION
@click.option("--workers", type=click.IntRange(min=1), help="Processes to extract with (default: every core).")
@click.option("--scheduler", metavar="ADDRESS", help="A Dask distributed scheduler (tcp://host:port) to map the work on instead.")
@click.option("--progress/--no-progress", default=True, help="A progress bar with rate and estimate on stderr.")
@CACHE_OPTION
def ingest_command(paths, seeds_dir, workers, scheduler, progress, cache_path):
    """Add many articles as drafts: folders of .txt files, or JSON Lines / CSV
    files with a text column and optional id, title, outlet, date, byline and
    url columns. Running it twice on the same input changes nothing."""
    from .ingest.report import summary_lines
    from .ingest.run import ingest

    cache = _cache(cache_path, False)
    try:
        summary = ingest(paths, seeds_dir, cache, workers, scheduler, progress)
    except SeedError as error:
        _report(error.problems, "cannot ingest: the seeds have problems")
        raise SystemExit(1)
    finally:
        cache.close()
    for line in summary_lines(summary, seeds_dir):
        click.echo(line)


@cli.command("package")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DATABASE, show_default=True)
@click.option("--metadata", "metadata_path", type=click.Path(dir_okay=False, path_type=Path), default=METADATA, show_default=True)
@click.option("--dist", "dist_dir", type=click.Path(file_okay=False, path_type=Path), default=DIST, show_default=True)
def package_command(db_path, metadata_path, dist_dir):
    """Write the downloads into DIST: the Frictionless Data Package (folder
    and zip) and every quote, claim and citation as W3C Web Annotations."""
    from .export.dist import write_dist
    from .export.shape import ShapeError

    try:
        written = write_dist(db_path, metadata_path, dist_dir)
    except ShapeError as error:
        _fail(str(error))
    for path in written:
        size = sum(p.stat().st_size for p in path.iterdir()) if path.is_dir() else path.stat().st_size
        click.echo(f"wrote {path} ({size:,} bytes)")
