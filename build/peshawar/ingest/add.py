"""add-article: the one-article case of ingest, with the id and metadata
given on the command line and every mistake an AddError (nothing written)."""

import hashlib
from pathlib import Path

from ..core.problems import SeedError
from ..dataset.units import read_lookups
from ..drafts import AddError
from .plan import SLUG_RE, Job, seeds_state
from .run import WriteError, write_draft
from .sources import from_text_file
from .work import Context, Failed, draft_job, join_context


def add_article(seeds_dir, source, article_id, title=None, outlet=None, published_date=None, byline=None, url=None,
                cache=None):
    """Add the text file ``source`` to the seeds as ``article_id``, with its draft.

    Returns a summary dict. Raises AddError (nothing written) when the id or
    a file is taken, the text is not UTF-8 or already in the seeds, or a
    given value is wrong.
    """
    from ..dataset.cache import NoCache

    cache = cache or NoCache()
    if not SLUG_RE.match(article_id or ""):
        raise AddError(f"--id {article_id!r} is not a slug (lowercase letters and digits joined by single dashes)")
    if not Path(source).is_file():
        raise AddError(f"{source}: file not found")
    article = from_text_file(source)
    if not hasattr(article, "text"):
        raise AddError(f"{source}: {article.reason}")
    try:
        lookups = read_lookups(seeds_dir, cache)
    except SeedError as error:
        raise AddError(str(error.problems[0]))
    state = seeds_state(lookups)
    if article_id in state.ids:
        raise AddError(f"article id {article_id!r} is already in {seeds_dir}")
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    if digest in state.hashes:
        raise AddError(f"the same text is already in the seeds as article {state.hashes[digest]!r}")
    given = {k: v for k, v in (("title", title), ("outlet", outlet), ("published_date", published_date),
                                ("byline", byline), ("url", url)) if v is not None}
    job = Job(article_id, article.text, given, str(source), article.original_file)
    result = draft_job(job, Context(lookups, join_context(seeds_dir), strict=True))
    if isinstance(result, Failed):
        raise AddError(result.reason)
    try:
        text_path, annotation_path = write_draft(seeds_dir, article.text, result, cache)
    except WriteError as error:
        raise AddError(str(error))
    return {
        "id": article_id, "text": Path(text_path), "annotation": Path(annotation_path), "quotes": result.quotes,
        "claims": result.claims, "citations": result.citations, "needs_person": result.needs_person,
        "entry": result.metadata,
    }
