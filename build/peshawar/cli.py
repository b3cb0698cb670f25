"""The command line: thin wrappers over annotations.py and load.py."""

from pathlib import Path

import click

from .annotations import SeedError
from .load import ROOT, build_database, collect

SEEDS = ROOT / "seeds"


def _report(problems, heading):
    click.echo(f"{heading} ({len(problems)}):", err=True)
    for problem in problems:
        click.echo(f"  {problem}", err=True)


@click.group()
def cli():
    """Build and check the Peshawar coverage dataset."""


@cli.command()
@click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path), default=SEEDS, show_default=True)
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), default=ROOT / "peshawar.db", show_default=True)
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
