"""The function mapped over the articles: one article's text in, its draft
out (the annotation file's text, and the rows the build will load from it).

It is pure, a function of the article and of a Context built once per run,
so it runs the same in this process, on a process pool or on a Dask worker.
An article that makes the extractor (or anything after it) raise is a
Failed with the exception's last line: nothing else is lost.
"""

import traceback
from dataclasses import dataclass

from ..dataset.build_unit import compute_unit
from ..dataset.cache import dumps_finite
from ..dataset.units import cache_value, display_of, unit_key
from ..drafts import AddError, draft_document, draft_text, header_lines, metadata_entry
from ..extractor import analyse


@dataclass
class Context:
    """What every worker needs: the lookup files read once, and what join/ needs."""

    lookups: object  # dataset.units.Lookups
    join: object = None
    # add-article refuses an outlet the registry does not know; ingest keeps it in a note.
    strict: bool = False


@dataclass
class Drafted:
    article_id: str
    annotation_text: str
    unit_key: str
    unit_json: str  # the Unit as the build cache keeps it, encoded here rather than in the one writer
    quotes: int
    claims: int
    citations: int
    needs_person: list  # citations whose source is no known actor
    metadata: dict


@dataclass
class Failed:
    article_id: str
    reason: str


def join_context(seeds_dir):
    """What join/ needs for a run (topics, statements and their curated
    renderings, the registry), built once."""
    from ..join import JoinContext

    return JoinContext.from_seeds(seeds_dir)


def joined(article_id, text, result, context):
    """The extractor's result with what join/ adds: a topic on claims, a
    statement on quotes that render one, a proposed actor for an unknown
    speaker."""
    from ..join import join_article

    return join_article(article_id, text, result, context)


def draft_errors(unit):
    """What keeps a draft from building (it is refused with the first)."""
    return unit.errors


def draft_job(job, context):
    """A Drafted for ``job`` (a plan.Job), or a Failed saying why not."""
    try:
        result = joined(job.article_id, job.text, analyse(job.text, context.lookups.registry), context.join)
        return _draft(job, result, context)
    except AddError as error:
        return Failed(job.article_id, str(error))
    except Exception:
        return Failed(job.article_id, "the extractor failed: " + traceback.format_exc().strip().splitlines()[-1])


def _draft(job, result, context):
    lookups = context.lookups
    given = job.given
    metadata = metadata_entry(
        job.article_id, f"{job.article_id}.txt", job.text, lookups.registry, given.get("title"), given.get("outlet"),
        given.get("published_date"), given.get("byline"), given.get("url"), strict=context.strict,
    )
    if job.original_file:
        metadata = {"file": metadata.pop("file"), "original_file": job.original_file, **metadata}
    document, needs_person = draft_document(job.article_id, job.text, result, metadata)
    text, lined = draft_text(header_lines(metadata["title"]["value"], result, needs_person), document)
    path = lookups.root / "annotations" / f"{job.article_id}.yml"
    unit = compute_unit(lookups, job.article_id, None, (path, display_of(lookups.root, path), lined), job.text.encode("utf-8"))
    errors = draft_errors(unit)
    if errors:
        return Failed(job.article_id, f"its draft would not build: {errors[0]}")
    raw = text.encode("utf-8")
    return Drafted(
        job.article_id, text, unit_key(lookups, None, raw), dumps_finite(cache_value(unit)),
        len(document["quotes"]), len(document["claims"]), len(document["citations"]),
        [{"text": c["text"], "cited": c["cited"], "rule": c["rule"]} for c in needs_person], metadata,
    )
