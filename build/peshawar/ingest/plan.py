"""Which articles to ingest and under which ids: an article whose text is
already in the seeds, or repeats an earlier input, is skipped, so that
ingesting the same input twice changes nothing; an id is the one given (a
slug), else the .txt file's name as a slug, else the title's words and a
hash of the text, else a hash of the text alone."""

import hashlib
import re
from dataclasses import dataclass, field

from .sources import Article, Skip

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def slugify(words, limit=60):
    slug = re.sub(r"[^a-z0-9]+", "-", words.casefold()).strip("-")
    return slug[:limit].rstrip("-")


@dataclass
class Job:
    """One article to extract, with its id: what a worker is sent."""

    article_id: str
    text: str
    given: dict
    source: str
    original_file: str | None = None


@dataclass
class SeedsState:
    """What the seeds hold already: article ids, and the hash of every text an article owns."""

    ids: set = field(default_factory=set)
    hashes: dict = field(default_factory=dict)  # sha256 -> article id


def seeds_state(lookups):
    """The ids and text hashes of the seeds read into ``lookups``.

    A text file belongs to an article when articles.yml lists it or an
    annotation file of the same name exists; a text left behind by an
    interrupted ingest belongs to nobody and does not block its article.
    """
    root = lookups.root
    state = SeedsState()
    owners = {entry["file"]: entry["id"] for entry in lookups.articles}
    for path in (root / "annotations").glob("*.yml"):
        state.ids.add(path.stem)
        owners.setdefault(f"{path.stem}.txt", path.stem)
    state.ids.update(owners.values())
    for name, article_id in owners.items():
        path = root / "articles" / name
        if path.is_file():
            state.hashes[hashlib.sha256(path.read_bytes()).hexdigest()] = article_id
    return state


def article_id(article, digest):
    """The id of an article, or a Skip when a given id is no slug."""
    given = article.given.get("id")
    if given is not None:
        return given if SLUG_RE.match(given) else Skip(article.source, f"id {given!r} is not a slug (lowercase letters and digits joined by single dashes)")
    if article.original_file:
        slug = slugify(article.original_file.rsplit(".", 1)[0])
        if slug:
            return slug
    title = slugify(article.given.get("title", ""), 50)
    return f"{title}-{digest[:8]}" if title else f"article-{digest[:12]}"


def plan(items, state):
    """``(jobs, skips)``: the Articles of ``items`` to ingest, and the Skips with theirs."""
    skips = []
    return list(planned(items, state, skips)), skips


def planned(items, state, skips):
    """The Jobs of ``items``, one by one as they are read; each Skip is appended to ``skips``."""
    seen_text, seen_id = {}, {}
    for item in items:
        if isinstance(item, Skip):
            skips.append(item)
            continue
        digest = hashlib.sha256(item.text.encode("utf-8")).hexdigest()
        if digest in state.hashes:
            skips.append(Skip(item.source, f"already in the seeds as article {state.hashes[digest]!r}"))
            continue
        if digest in seen_text:
            skips.append(Skip(item.source, f"the same text as {seen_text[digest]}"))
            continue
        new_id = article_id(item, digest)
        if isinstance(new_id, Skip):
            skips.append(new_id)
        elif new_id in state.ids:
            skips.append(Skip(item.source, f"id {new_id!r} belongs to another article of the seeds"))
        elif new_id in seen_id:
            skips.append(Skip(item.source, f"id {new_id!r} is also the id of {seen_id[new_id]}"))
        else:
            seen_text[digest], seen_id[new_id] = item.source, item.source
            yield Job(new_id, item.text, item.given, item.source, item.original_file)


__all__ = ["Article", "Job", "SeedsState", "Skip", "plan", "planned", "seeds_state", "slugify"]
