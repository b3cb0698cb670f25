"""A new article's draft annotation: the extractor's findings as rows of the
annotation file, each marked automatic with its rule and confidence, and
the header that tells a person what is left to do."""

from ..join import draft_fields, draft_proposed_actors
from .metadata import _occurrence_of


def _place(text, item):
    """``text`` and ``occurrence`` of an extracted item, as the seeds locate spans."""
    placed = {"text": item["text"]}
    occurrence = _occurrence_of(text, item["text"], item["start_char"])
    if occurrence:
        placed["occurrence"] = occurrence
    return placed


def _automatic(item):
    return {"method": "automatic", "rule": item["rule"], "confidence": round(float(item["confidence"]), 2)}


def _quote_confidence(quote):
    """A draft quote's confidence that its speaker and the actor it links to
    are both right: the rule's measured confidence, times the link's when
    it names a registered actor (a surname alone is less sure than a full
    name), so that the build's review queue lists weak links."""
    confidence = float(quote["confidence"]) * float(quote.get("identity_confidence") or 1)
    return round(confidence, 2)


def draft_annotation(article_id, text, result):
    """``(annotation dict, citations needing a person)`` from ``analyse()`` output.

    Ids are the article id, "auto", the row kind and a number in text order
    (``<id>-auto-q001``): the same text gives the same ids.
    """
    quotes = []
    for number, quote in enumerate(result["quotes"], start=1):
        row = {"id": f"{article_id}-auto-q{number:03d}", **_place(text, quote),
               "speaker": quote["speaker_id"], "speaker_text": quote.get("speaker_as_written") or quote["speaker"],
               "cue": quote["cue"],
               "channel": quote.get("channel_id"), "channel_text": quote.get("channel"), "form": quote["form"]}
        if quote.get("part"):
            row["part"] = quote["part"]
        if quote.get("pull_quote"):
            row["pull_quote"] = True
        if quote["speaker"] and quote["speaker"] != row["speaker_text"]:
            row["note"] = f"the extractor reads {row['speaker_text'] or 'no attribution here'!r} as {quote['speaker']!r}"
        quotes.append({**row, **draft_fields(quote), **_automatic(quote), "confidence": _quote_confidence(quote)})
    claims = []
    for number, claim in enumerate(result["claims"], start=1):
        row = {"id": f"{article_id}-auto-c{number:03d}", **_place(text, claim), "kind": claim["kind"],
               "value": claim["value"], "unit": claim["unit"], "qualifier": claim["qualifier"],
               "population": claim.get("population"),
               **({"date": claim["date"]} if claim.get("date") else {}),
               "claimant": claim.get("claimant_id"),
               "attribution_text": claim.get("attribution_text")}
        claims.append({**row, **draft_fields(claim), **_automatic(claim)})
    citations, needs_person = [], []
    for citation in result["citations"]:
        if citation["cited_id"] is None:
            needs_person.append(citation)
            continue
        row = {"id": f"{article_id}-auto-cit{len(citations) + 1:03d}", **_place(text, citation),
               "cited": citation["cited_id"], "kind": citation["kind"]}
        citations.append({**row, **_automatic(citation)})
    annotation = {"article": article_id, "status": "draft", "quotes": quotes, "claims": claims, "citations": citations}
    if result.get("proposed_actors"):
        annotation["proposed_actors"] = draft_proposed_actors(result)
    return annotation, needs_person


def draft_document(article_id, text, result, metadata):
    """``(the draft annotation file's document, citations needing a person)``:
    its article's metadata (without the id, which is ``article``) first, then the rows."""
    annotation, needs_person = draft_annotation(article_id, text, result)
    fields = {key: value for key, value in metadata.items() if key != "id"}
    document = {"article": article_id, "status": "draft", "metadata": fields}
    document.update((key, annotation[key]) for key in ("quotes", "claims", "citations", "proposed_actors") if key in annotation)
    return document, needs_person


def header_lines(title, result, needs_person):
    """The comment the draft file opens with: what it is and what is left to do."""
    lines = [
        f"Draft annotation of {title!r}, written by `peshawar ingest`.",
        "",
        "Every row below was found by the extractor (method: automatic, with the",
        "rule that found it and its confidence) and waits for a person: check",
        "each speaker, claimant, kind and value, account for every quotation mark",
        "and number (`make build` lists the ones still open in the review_queue",
        "table), then set status: curated. A topic_rule or statement_rule says",
        "a link was made automatically; proposed_actors are speakers no one",
        "registered (register them in seeds/actors.yml to accept them).",
    ]
    if needs_person:
        lines += ["", "Citations whose source is not a known actor (register the actor in", "seeds/actors.yml, then add the citation):"]
        lines += [f"  - {c['text']!r} ({c['rule']}, cites {c['cited']!r})" for c in needs_person]
    if result.get("not_quotes"):
        lines += ["", "Marked words the extractor judged not to be quotes (for not_quotes):"]
        lines += [f"  - {q['text']!r}: {q['reason']}" for q in result["not_quotes"]]
    if result.get("not_numbers"):
        lines += ["", "Numbers the extractor judged not to be figures (for not_numbers):"]
        lines += [f"  - {n['text']!r}: {n['reason']}" for n in result["not_numbers"]]
    return lines
