"""The command line: thin click commands over the toolkit's functions.

build and check: ``dataset``; extract: ``extractor``; evaluate:
``evaluate.py``; add-article: ``drafts.py``; package: ``export``. A user's mistake is one line on
stderr and exit 1, never a traceback.
"""

from pathlib import Path

import click

from .core.files import read_text
from .core.paths import DATABASE, DIST, METADATA, SEEDS
from .core.problems import SeedError
from .dataset.load import build_database
from .dataset.rows import collect


def _report(problems, heading):
    click.echo(f"{heading} ({len(problems)}):", err=True)
    for problem in problems:
        click.echo(f"  {problem}", err=True)


@click.group()
def cli():
    """Build and check the Peshawar coverage dataset."""


@cli.command()
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path), default=SEEDS, show_default=True)
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=DATABASE, show_default=True)
def build(seeds_dir, db_path):
    """Build the database from the seeds, replacing it only on success."""
    try:
        counts, review = build_database(seeds_dir, db_path)
    except SeedError as error:
        _report(error.problems, f"build failed, {db_path.name} left as it was; problems")
        raise SystemExit(1)
    click.echo(f"built {db_path}: " + ", ".join(f"{n} {t}" for t, n in counts.items()))
    if review:
        _report(review, "draft annotations still need a person")


@cli.command()
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path), default=SEEDS, show_default=True)
def check(seeds_dir):
    """Validate the seeds and report every problem; write nothing."""
    tables, problems = collect(seeds_dir)
    errors = [p for p in problems if not p.needs_review]
    review = [p for p in problems if p.needs_review]
    if review:
        _report(review, "draft annotations still need a person")
    if errors:
        _report(errors, "problems")
        raise SystemExit(1)
    click.echo("seeds are valid: " + ", ".join(f"{len(rows)} {name}" for name, rows in tables.items()))


# Extraction, evaluation and new articles ------------------------------------------


def _fail(message):
    """One line on stderr and exit 1: no traceback for a user's mistake."""
    click.echo(f"error: {message}", err=True)
    raise SystemExit(1)


def _read_article(path):
    """The text of a UTF-8 article file, or a one-line error."""
    try:
        text, raw = read_text(path, str(path))
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


@cli.command("add-article")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--id", "article_id", required=True, help="The new article's slug.")
@click.option("--title", help="Default: the text's first line.")
@click.option("--outlet", help="Actor id of the publisher.")
@click.option("--published-date", help="YYYY-MM-DD.")
@click.option("--byline")
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path), default=SEEDS, show_default=True)
def add_article_command(file, article_id, title, outlet, published_date, byline, seeds_dir):
    """Add FILE to the seeds with its metadata and a draft annotation."""
    from .drafts import AddError, add_article
    from .extractor import TextTooLong

    _read_article(file)
    try:
        summary = add_article(seeds_dir, file, article_id, title, outlet, published_date, byline)
    except AddError as error:
        _fail(str(error))
    except TextTooLong as error:
        _fail(f"{file}: {error}")
    except SeedError as error:
        _fail(str(error.problems[0]))
    click.echo(
        f"added {summary['id']}: {summary['text']} and {summary['annotation']} (status: draft; "
        f"{summary['quotes']} quotes, {summary['claims']} claims, {summary['citations']} citations, method automatic)"
    )
    for citation in summary["needs_person"]:
        click.echo(f"  needs a person: citation {citation['text']!r} cites {citation['cited']!r}, not a known actor")
    click.echo("run `make build` to load it; the build lists what the draft still needs")


# Open data --------------------------------------------------------------


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
