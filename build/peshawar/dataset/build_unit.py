"""Computing one article's unit: its metadata, text and annotation turned
into rows, with the same table families as a whole-seeds build
(``rows.article_family``) and the mentions of the registry's aliases."""

import hashlib
import json

from ..core.problems import Problem, SeedError
from .lookups import draft_proposals
from .rows import Rows, article_family, mention_rows
from .seeds import Seeds, annotation_problems, described_twice, metadata_entry
from .units import Unit, columns_of, display_of


def compute_unit(lookups, article_id, entry, annotation, body_raw=None):
    """The Unit of one article.

    ``entry``: its articles.yml entry or None; ``annotation``: ``(path,
    display, data)`` of its annotation file or None; ``body_raw``: the
    text's bytes when the caller has them (else read from the seeds).
    """
    errors = []
    seeds = Seeds(root=lookups.root)
    if annotation is not None:
        path, display, data = annotation
        errors += annotation_problems(path, display, data)
        own = metadata_entry(data, display)
        if own is not None and entry is not None:
            errors.append(Problem(display, own.line, described_twice(article_id)))
        entry = entry or own
        seeds.annotations[data["article"]] = (display, data)
    if entry is None:
        if not errors and "articles" in lookups.unread:
            return Unit({}, [], [], [])  # articles.yml's own problems are reported
        return Unit({}, [], errors or [_unlisted(lookups, article_id, annotation)], [])
    seeds.articles = [entry]
    text_path = lookups.root / "articles" / entry["file"]
    try:
        text, raw = _text(text_path, display_of(lookups.root, text_path), body_raw)
    except SeedError as error:
        return Unit({}, [], errors + error.problems, [])
    seeds.bodies[entry["id"]], seeds.raw[entry["id"]] = text, raw
    rows = Rows(lookups.registry, lookups.lookup_ids(), lookups.unread_references())
    proposals = draft_proposals(article_id, annotation[1], annotation[2], rows) if annotation else []
    article_family(seeds, rows)
    rows.tables["mentions"] = _mentions(rows.table("articles"), lookups, article_id, proposals)
    rows.tables[PROPOSALS] = [_proposal_row(article_id, proposal) for proposal in proposals]
    gaps = [p.as_row() for p in rows.problems if p.needs_review]
    errors += [p for p in rows.problems if not p.needs_review]
    ids = [(table, row_id, display, line) for (table, row_id), (display, line) in rows.seen.items()]
    tables = {name: columns_of(table) for name, table in rows.tables.items() if table}
    return Unit(tables, gaps, errors, ids, hashlib.sha256(raw).hexdigest(), entry["file"])


# The pseudo-table of a unit that carries its draft's proposed actors: the
# loader merges them across articles into actors (lookups.merged_actor_rows).
PROPOSALS = "proposed_actors"


def _proposal_row(article_id, proposal):
    return {
        "article_id": article_id, "id": proposal["id"], "name": proposal["name"], "kind": proposal["kind"],
        "aliases": json.dumps(list(proposal.get("aliases", [])), ensure_ascii=False),
        "rule": proposal["rule"], "confidence": proposal["confidence"],
    }


def _mentions(articles, lookups, article_id, proposals):
    """Mentions of the registry's aliases, and in this article only, of the
    spellings its draft proposes that no registered actor owns."""
    aliases = lookups.rows.table("actor_aliases")
    by_alias, registered = lookups.alias_actors
    own = [
        {"actor_id": proposal["id"], "alias": spelling, "is_name": 0}
        for proposal in proposals for spelling in [proposal["name"], *proposal.get("aliases", [])]
        if spelling.casefold() not in registered
    ]
    proposed = {article_id: [proposal["id"] for proposal in proposals]} if proposals else None
    # draft_proposals keeps no proposal that a registered actor's id names,
    # so the registered aliases are exactly the ones no proposal owns.
    return mention_rows(articles, aliases + own, proposed, by_alias)


def _text(path, display, raw):
    """``(text, raw)`` of the article's file, or SeedError naming what is wrong with it."""
    from ..core.files import decode, read_text
    from .seeds import text_problem

    text, raw = read_text(path, display) if raw is None else (decode(raw, display), raw)
    problem = text_problem(display, text)
    if problem:
        raise SeedError([problem])
    return text, raw


def _unlisted(lookups, article_id, annotation):
    display = annotation[1] if annotation else display_of(lookups.root, lookups.root / "articles.yml")
    line = getattr(annotation[2], "line", None) if annotation else None
    return Problem(display, line, f"article {article_id!r} is not in articles.yml and its annotation file has no metadata")
