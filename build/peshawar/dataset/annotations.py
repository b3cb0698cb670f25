"""Rows of the span tables an annotation file fills: quotes, claims,
citations, actor_relations and skipped_spans.

Each item gives its verbatim text; its offsets are computed by finding that
text in the article. A problem in a draft file (no speaker yet, a mark
nobody accounts for) is work left for a person, not an error.
"""

import difflib
from dataclasses import dataclass, field

from ..core.spans import SpanError, locate
from .coverage import coverage_gaps
from .dates import date_problem, year_problem
from .review import UNCERTAIN_SPEAKER_BELOW, Gap

# The article's own voice: a claim whose claimant is "outlet" is asserted by
# the article itself, credited to its outlet where the outlet is known.
OWN_VOICE = "outlet"


def did_you_mean(value, known):
    """"; did you mean 'x'?" for the closest of ``known`` ids, or ""."""
    close = difflib.get_close_matches(value, sorted(known), n=1)
    return f"; did you mean {close[0]!r}?" if close else ""


@dataclass
class Annotation:
    """One annotation file on its way to rows, and the spans it accounts for."""

    article_id: str
    display: str
    data: dict
    body: str
    outlet: str | None
    rows: object  # the Rows being built (dataset/rows.py)
    spans: dict = field(default_factory=lambda: {"quotes": [], "claims": [], "not_quotes": [], "not_numbers": []})

    @property
    def draft(self):
        return self.data["status"] == "draft"

    def problem(self, line, message):
        self.rows.problem(self.display, line, message)

    def gap(self, kind, line, message, span=None, item=None):
        """Work for a person in a draft (``item``: the quote or claim concerned)."""
        start, end = span or (None, None)
        self.rows.problems.append(Gap(
            self.display, line, message, kind, self.article_id, start, end,
            self.body[start:end] if span else None,
            item["id"] if item else None, item.get("confidence") if item else None,
        ))

    def place(self, item, what):
        """``(start, end)`` of the item's text in the article, or None with a problem."""
        try:
            return locate(self.body, item["text"], item.get("occurrence"))
        except SpanError as error:
            self.problem(item.line, f"{what}: {error}")
            return None

    def provenance(self, item):
        method = item.get("method", "automatic" if self.draft else "curated")
        return {"method": method, "rule": item.get("rule"), "confidence": item.get("confidence")}


def annotation_rows(seeds, outlets, rows):
    """The rows of every annotation file whose article was loaded."""
    # Every table of this family exists, in this order, even with no annotation.
    for name in ("quotes", "claims", "citations", "actor_relations", "skipped_spans"):
        rows.table(name)
    statement_ids = rows.ids_of("statements")
    topic_ids = rows.ids_of("topics")
    listed = {article["id"] for article in seeds.articles}
    for article_id, (display, data) in sorted(seeds.annotations.items()):
        if article_id not in outlets and (article_id in listed or "articles" in rows.unread):
            continue  # the article's own problem (its text, its metadata) is reported
        if article_id not in outlets:
            hint = did_you_mean(article_id, outlets)
            rows.problem(display, data.line, f"article {article_id!r} is not in articles.yml{hint}")
            continue
        annotation = Annotation(article_id, display, data, seeds.bodies[article_id], outlets[article_id], rows)
        quote_rows(annotation, statement_ids)
        claim_rows(annotation, topic_ids)
        citation_rows(annotation)
        relation_rows(annotation)
        skipped_rows(annotation)
        for gap in coverage_gaps(annotation.body, annotation.spans):
            message = f"article {article_id}: {gap.message}"
            if annotation.draft:
                annotation.gap(gap.kind, None, message, (gap.start, gap.end))
            else:
                annotation.problem(None, message)


def quote_rows(annotation, statement_ids):
    rows, table = annotation.rows, annotation.rows.table("quotes")
    for quote in annotation.data.get("quotes", []):
        what = f"quote {quote['id']}"
        ok = rows.unique("quotes", quote["id"], annotation.display, quote.line)
        for key in ("speaker", "channel"):
            ok &= rows.known_actor(quote.get(key), f"{what}: {key}", annotation.display, quote.line, annotation.article_id)
        if quote.get("statement") and quote["statement"] not in statement_ids and "statements" not in rows.unread:
            hint = did_you_mean(quote["statement"], statement_ids)
            annotation.problem(quote.line, f"{what}: unknown statement {quote['statement']!r}{hint}")
            ok = False
        if not quote.get("speaker") and not annotation.draft:
            annotation.problem(quote.line, f"{what}: a curated quote needs a speaker")
            ok = False
        span = annotation.place(quote, what)
        if span is not None:
            annotation.spans["quotes"].append(span)  # counts for coverage even if a reference is wrong
        if annotation.draft:
            speaker_gaps(annotation, quote, what, span)
        if not ok or span is None:
            continue
        table.append({
            "id": quote["id"], "article_id": annotation.article_id, "speaker_id": quote.get("speaker"),
            "statement_id": quote.get("statement"), "text": quote["text"],
            "start_char": span[0], "end_char": span[1],
            "speaker_text": quote.get("speaker_text"), "cue": quote.get("cue"),
            "channel_id": quote.get("channel"), "channel_text": quote.get("channel_text"),
            "form": quote["form"], "is_pull_quote": int(bool(quote.get("pull_quote"))),
            "part": quote.get("part"), **annotation.provenance(quote), "note": quote.get("note"),
            **link_provenance(quote, "statement"),
        })


def speaker_gaps(annotation, quote, what, span):
    """A draft quote with no speaker, or one named with low confidence."""
    if not quote.get("speaker"):
        said = f" ({quote['speaker_text']!r} is not a registered actor)" if quote.get("speaker_text") else ""
        annotation.gap("quote_without_speaker", quote.line, f"{what}: no speaker yet{said}", span, quote)
    elif quote.get("method", "automatic") == "automatic" and (quote.get("confidence") or 0) < UNCERTAIN_SPEAKER_BELOW:
        annotation.gap(
            "uncertain_speaker", quote.line,
            f"{what}: speaker {quote['speaker']!r} found with confidence {quote.get('confidence')}, below {UNCERTAIN_SPEAKER_BELOW}",
            span, quote,
        )


def _claimant(annotation, claim, what):
    """``(claimant id, voice, ok)`` of a claim: an actor, or the article's own voice."""
    claimant = claim["claimant"]
    if claimant == OWN_VOICE:
        return annotation.outlet, "article", True
    if claimant is None and not annotation.draft:
        annotation.problem(claim.line, f"{what}: a curated claim needs a claimant (an actor id, or 'outlet')")
        return claimant, "attributed", False
    voice = "attributed"
    if claimant is None:
        voice = "article"  # claim_rows lists it as a gap once its span is known
    ok = annotation.rows.known_actor(claimant, f"{what}: claimant", annotation.display, claim.line)
    return claimant, voice, ok


def claim_rows(annotation, topic_ids):
    rows, table = annotation.rows, annotation.rows.table("claims")
    for claim in annotation.data.get("claims", []):
        what = f"claim {claim['id']}"
        ok = rows.unique("claims", claim["id"], annotation.display, claim.line)
        claimant_id, voice, known = _claimant(annotation, claim, what)
        ok &= known
        if claim.get("topic") and claim["topic"] not in topic_ids and "topics" not in rows.unread:
            hint = did_you_mean(claim["topic"], topic_ids)
            annotation.problem(claim.line, f"{what}: unknown topic {claim['topic']!r}{hint}")
            ok = False
        wrong_date = event_date_problem(claim)
        if wrong_date:
            annotation.problem(claim.line, f"{what}: {wrong_date}")
            ok = False
        span = annotation.place(claim, what)
        if span is not None:
            annotation.spans["claims"].append(span)
        if annotation.draft and claim["claimant"] is None:
            annotation.gap("claim_without_claimant", claim.line, f"{what}: no claimant yet (an actor id, or 'outlet')", span, claim)
        if not ok or span is None:
            continue
        table.append({
            "id": claim["id"], "article_id": annotation.article_id, "claimant_id": claimant_id,
            "voice": voice, "topic_id": claim.get("topic"), "kind": claim["kind"],
            "value": claim.get("value"), "unit": claim.get("unit"),
            "qualifier": claim.get("qualifier"), "population": claim.get("population"),
            "event_date": event_date(claim),
            "text": claim["text"], "start_char": span[0], "end_char": span[1],
            "attribution_text": claim.get("attribution_text"),
            **annotation.provenance(claim), "note": claim.get("note"),
            **link_provenance(claim, "topic"),
        })


def event_date_problem(claim):
    """Why the claim's date (or a year claim's value) is no date of the calendar, or None."""
    if claim.get("date") is not None:
        return date_problem(claim["date"], partial=True)
    if claim["kind"] == "year" and claim.get("value") is not None:
        return year_problem(claim["value"])
    return None


def link_provenance(item, link):
    """How a quote's statement or a claim's topic was linked: by a person
    (no rule given), or automatically by the rule the draft names."""
    if not item.get(link):
        return {f"{link}_method": None, f"{link}_rule": None, f"{link}_confidence": None}
    rule = item.get(f"{link}_rule")
    return {f"{link}_method": "automatic" if rule else "curated", f"{link}_rule": rule,
            f"{link}_confidence": item.get(f"{link}_confidence")}


def event_date(claim):
    """The date a claim gives an event: stated for date claims, the value for years."""
    if claim.get("date"):
        return claim["date"]
    if claim["kind"] == "year" and claim.get("value") is not None:
        return f"{int(claim['value']):04d}"
    return None


def citation_rows(annotation):
    rows, table = annotation.rows, annotation.rows.table("citations")
    for citation in annotation.data.get("citations", []):
        what = f"citation {citation['id']}"
        ok = rows.unique("citations", citation["id"], annotation.display, citation.line)
        ok &= rows.known_actor(citation["cited"], f"{what}: cited", annotation.display, citation.line)
        span = annotation.place(citation, what)
        if not ok or span is None:
            continue
        table.append({
            "id": citation["id"], "article_id": annotation.article_id, "cited_id": citation["cited"],
            "kind": citation["kind"], "text": citation["text"],
            "start_char": span[0], "end_char": span[1],
            **annotation.provenance(citation), "note": citation.get("note"),
        })


def relation_rows(annotation):
    rows, table = annotation.rows, annotation.rows.table("actor_relations")
    for relation in annotation.data.get("relations", []):
        what = f"relation {relation['id']}"
        ok = rows.unique("actor_relations", relation["id"], annotation.display, relation.line)
        for key in ("subject", "object"):
            ok &= rows.known_actor(relation[key], f"{what}: {key}", annotation.display, relation.line)
        if relation["subject"] == relation["object"]:
            annotation.problem(relation.line, f"{what}: {relation['subject']!r} is both subject and object: a relation links two actors")
            ok = False
        span = annotation.place(relation, what)
        if not ok or span is None:
            continue
        table.append({
            "id": relation["id"], "subject_id": relation["subject"], "relation": relation["relation"],
            "object_id": relation["object"], "article_id": annotation.article_id, "text": relation["text"],
            "start_char": span[0], "end_char": span[1],
            "method": "automatic" if annotation.draft else "curated", "note": relation.get("note"),
        })


def skipped_rows(annotation):
    """Quotation marks and numbers the annotation leaves out on purpose."""
    table = annotation.rows.table("skipped_spans")
    for key, span_kind in (("not_quotes", "quotation"), ("not_numbers", "number")):
        for item in annotation.data.get(key, []):
            what = f"{key} {item['id']}"
            span = annotation.place(item, what)
            if span is not None:
                annotation.spans[key].append(span)
            if not annotation.rows.unique("skipped_spans", item["id"], annotation.display, item.line) or span is None:
                continue
            table.append({
                "id": item["id"], "article_id": annotation.article_id, "span_kind": span_kind,
                "reason": item["reason"], "text": item["text"],
                "start_char": span[0], "end_char": span[1], "note": item.get("note"),
            })
