"""``python -m peshawar.corpus``: convert, check and score development corpora.

Thin click commands over format.py, polnear.py and score.py.
"""

import fnmatch
import json
from collections import Counter
from pathlib import Path

import click

from . import extractor
from .format import CorpusError, checksums, digest, read_corpus, write_corpus
from .score import calibration_lines, calibration_rows, figures, report_lines, score_article


def _fail(problems, heading):
    click.echo(f"{heading} ({len(problems)}):", err=True)
    for problem in problems:
        click.echo(f"  {problem}", err=True)
    raise SystemExit(1)


@click.group()
def cli():
    """Development corpora in the gold format (corpora/README.md)."""


@cli.command("convert-polnear")
@click.argument("source", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.argument("dest", type=click.Path(file_okay=False, path_type=Path))
def convert_polnear(source, dest):
    """Convert a PolNeAR split folder SOURCE (text/, attributions/,
    corenlp/) into the corpus folder DEST (its articles/ and gold/ are
    replaced; SHA256SUMS is written next to them)."""
    from .polnear import convert_split

    try:
        converted, totals = convert_split(source, progress=lambda n, stem: click.echo(f"  {n} {stem}", err=True) if n % 100 == 0 else None)
    except CorpusError as error:
        _fail(error.problems, f"conversion failed, {dest} left as it was; problems")
    write_corpus(dest, converted)
    sums = checksums(dest)
    (dest / "SHA256SUMS").write_text(sums, encoding="utf-8")
    summary = {k: v for k, v in totals.items() if k != "unattributed_spans"}
    summary["sha256"] = digest(sums)
    click.echo(f"converted {summary['articles']} articles, {summary['quotes']} quotes into {dest}")
    click.echo(json.dumps(summary, ensure_ascii=False))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(file_okay=False, path_type=Path))
def check(paths):
    """Validate corpus folders: every problem as file:line: what."""
    problems = [p for path in paths for p in read_corpus(path).problems]
    if problems:
        _fail(problems, "problems")
    click.echo("valid: " + ", ".join(str(p) for p in paths))


@cli.command()
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path))
def checksum(path):
    """Print the sha256 standing for a corpus folder (of its sha256sum lines)."""
    click.echo(digest(checksums(path)))


def _scored(paths, seeds_dir, skip):
    """``(figures per corpus and "all" when more than one, error records)``
    of the extractor on the corpora ``paths``; problems end the command."""
    corpora = [read_corpus(path) for path in paths]
    problems = [p for corpus in corpora for p in corpus.problems]
    if problems:
        _fail(problems, "the corpora have problems, nothing was scored")
    try:
        actors = extractor.registry(seeds_dir)
    except Exception as error:  # the registry reader's own error, whatever the package layout
        click.echo(f"error: cannot read the actor registry in {seeds_dir}: {error}", err=True)
        raise SystemExit(1)
    names = extractor.registry_names(actors)
    results, everything, records = {}, Counter(), []
    for corpus in corpora:
        counts = Counter()
        for article_id, gold in sorted(corpus.gold.items()):
            if any(fnmatch.fnmatchcase(article_id, pattern) for pattern in skip):
                continue
            text = corpus.articles[article_id]
            article_counts, article_records = score_article(article_id, text, gold, extractor.quotes(text, actors), names)
            counts.update(article_counts)
            counts["articles"] += 1
            records.extend({"corpus": corpus.name, **r} for r in article_records)
        results[corpus.name] = figures(counts)
        everything.update(counts)
    if len(corpora) > 1:
        results["all"] = figures(everything)
    return results, records


CORPUS_PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path(file_okay=False, path_type=Path))
SEEDS_OPTION = click.option("--seeds", "seeds_dir", type=click.Path(file_okay=False, path_type=Path), default=extractor.SEEDS, show_default=True, help="Where actors.yml (the registry) is.")
SKIP_OPTION = click.option("--skip", "skip", multiple=True, metavar="GLOB", help="Leave out articles whose id matches GLOB (repeatable), e.g. 'nyt-*'.")


@cli.command()
@CORPUS_PATHS
@SEEDS_OPTION
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, path_type=Path), help="Write every miss, extra quote and wrong speaker here, one JSON object a line.")
@SKIP_OPTION
def evaluate(paths, seeds_dir, errors_path, skip):
    """Run the extractor over every article of the corpora PATHS and score
    it against their gold. Figures per corpus (and all together when more
    than one), then one JSON line with all of them."""
    results, records = _scored(paths, seeds_dir, skip)
    for name, result in results.items():
        for line in report_lines(name, result):
            click.echo(line)
    if errors_path:
        errors_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    click.echo(json.dumps(results, ensure_ascii=False))


@cli.command("speaker-calibration")
@CORPUS_PATHS
@SEEDS_OPTION
@SKIP_OPTION
def speaker_calibration(paths, seeds_dir, skip):
    """The quote rules' confidences against their speaker precision on the
    corpora PATHS pooled: per rule the quotes found, those with the right
    speaker, right/found, the counts and confidence the rule table holds.
    The last line is one JSON object."""
    results, _ = _scored(paths, seeds_dir, skip)
    pooled = results["all" if "all" in results else next(iter(results))]
    rows = calibration_rows(pooled["rules"], extractor.quote_rules())
    for line in calibration_lines(rows):
        click.echo(line)
    click.echo(json.dumps({"articles": pooled["articles"], "rules": rows}, ensure_ascii=False))
