"""An ingest run: read the inputs, plan the ids, map the work, write each
draft and remember its rows in the build cache, and sum up what went in
and what was skipped, and why."""

import contextlib
import dataclasses
import os
from dataclasses import dataclass, field

from ..core.problems import SeedError
from ..dataset.units import read_lookups
from .mapping import drafter
from .plan import planned, seeds_state
from .sources import Skip, read_inputs
from .work import Context, Drafted, join_context


@dataclass
class Summary:
    added: list = field(default_factory=list)  # Drafted
    skipped: list = field(default_factory=list)  # Skip


class WriteError(Exception):
    pass


def write_draft(seeds_dir, text, drafted, cache):
    """The article's text and its draft annotation file, never over another
    file; returns their paths, as strings (Path objects were half of this
    function's own time: 0.07 against 0.04 ms an article).

    The annotation file is written last and appears whole (a link from a
    temporary file): an article is in the seeds once its annotation is.
    Files are created exclusively ("x"), so a file that appeared meanwhile
    is refused, not overwritten.
    """
    root = os.fspath(seeds_dir)
    text_path = os.path.join(root, "articles", f"{drafted.article_id}.txt")
    annotations = os.path.join(root, "annotations")
    annotation_path = os.path.join(annotations, f"{drafted.article_id}.yml")
    if os.path.lexists(annotation_path):
        raise WriteError(f"{annotation_path} already exists; refusing to overwrite it")
    raw = text.encode("utf-8")
    try:
        _create(text_path, raw)
    except FileExistsError:
        with open(text_path, "rb") as handle:
            if handle.read() != raw:
                raise WriteError(f"{text_path} already exists; refusing to overwrite it")
    temporary = os.path.join(annotations, f".{drafted.article_id}.yml.{os.getpid()}.tmp")
    try:
        _create(temporary, drafted.annotation_text.encode("utf-8"))
        os.link(temporary, annotation_path)
    except FileExistsError:
        raise WriteError(f"{annotation_path} already exists; refusing to overwrite it")
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
    cache.put_text(drafted.unit_key, drafted.unit_json)
    return text_path, annotation_path


def _create(path, data):
    """Write a new file (its folder made if missing); FileExistsError if it is there."""
    try:
        handle = open(path, "xb")
    except FileNotFoundError:
        with contextlib.suppress(FileExistsError):
            os.mkdir(os.path.dirname(path))
        handle = open(path, "xb")
    with handle:
        handle.write(data)


def ingest(paths, seeds_dir, cache, workers=None, scheduler=None, progress=False):
    """Ingest the articles of ``paths`` into ``seeds_dir``; return a Summary."""
    lookups = read_lookups(seeds_dir, cache)
    if lookups.problems:
        raise SeedError(lookups.problems)
    context = Context(lookups, join_context(seeds_dir))
    with drafter(context, workers, scheduler) as run:
        jobs, skipped = [], []
        # The workers start on the first jobs while the rest are still being
        # read and planned; ``run`` has read every job when it returns.
        results = run(_kept(planned(read_inputs(paths), seeds_state(lookups), skipped), jobs))
        return _write_all(seeds_dir, cache, jobs, results, Summary(skipped=skipped), _bar(len(jobs), progress))


def _kept(jobs, kept):
    """``jobs``, each also appended to ``kept`` as it passes (its text is written with its draft)."""
    for job in jobs:
        kept.append(job)
        yield job


def _write_all(seeds_dir, cache, jobs, results, summary, bar):
    """Write each job's draft as its result comes back, or say why it was skipped."""
    try:
        for job, result in zip(jobs, results):
            if isinstance(result, Drafted):
                try:
                    write_draft(seeds_dir, job.text, result, cache)
                    # Kept for the summary only: the draft's text and rows are on disk now.
                    summary.added.append(dataclasses.replace(result, annotation_text="", unit_json=""))
                except (WriteError, OSError) as error:
                    summary.skipped.append(Skip(job.source, str(error)))
            else:
                summary.skipped.append(Skip(job.source, result.reason))
            bar.update()
    finally:
        bar.close()
    return summary


def _bar(total, shown):
    from tqdm import tqdm

    tqdm.monitor_interval = 0  # no monitor thread: the bar is redrawn as results come in
    return tqdm(total=total, unit="article", disable=not shown or total < 2, smoothing=0.1, mininterval=0.5)
