"""Measure the extractor against the curated annotations of the seeds.

Only annotation files with ``status: curated`` are gold; drafts are the
extractor's own output and would grade it against itself.

How an extracted item counts as finding a gold item (one-to-one, best match
first):

- quote: the two spans, each trimmed of whitespace, punctuation and
  quotation marks at both ends, have an intersection over union of at least
  0.5. Quote precision is matched extracted quotes / extracted quotes; quote
  recall is matched gold quotes / gold quotes.
- speaker (on matched quotes): the extracted speaker_id equals the gold
  speaker. When the gold speaker is an anonymous_source or unnamed_group
  actor (the registry gives such actors no alias a reader could match, so an
  extractor cannot name them), an extracted speaker_id of null also counts
  when the extracted speaker phrase and the gold speaker_text are the same
  words, one contains the other, or they share their head noun ("the
  commander" / "a senior commander who spoke …"): the extractor
  found the right unnamed person and did not pin a wrong name on them.
  speaker_id_accuracy, reported beside it, counts identical ids only.
- claim (gold claims with a numeric value): an extracted claim overlapping
  the gold span with the same value.
- citation: an extracted citation overlapping the gold span with the same
  cited actor id.
- mention: the gold mentions are the places where a curated row says a
  named actor is referred to and the words there name it: the speaker_text
  of a quote (the occurrence nearest the quote), the attribution_text of a
  claim (nearest the claim), and the span of a citation, kept when they
  contain one of the actor's aliases or the surname of a multi-word person
  alias. Pronouns ("he"), descriptions ("the commander") and anonymous or
  unnamed actors are left out: no alias names them. A gold mention is found
  when an extracted mention of the same actor overlaps it. This measures
  whether the mention finder catches the references a person relied on,
  which a count of alias matches (the extractor's own method) cannot.
"""

import json
import re
import time
from pathlib import Path

from .core.registry import Registry
from .dataset.annotations import OWN_VOICE
from .dataset.rows import build_rows
from .dataset.seeds import read_seeds
from .extractor import extract
from .corpus.score import match_quotes
from .extractor.coreference import description_head

ANONYMOUS_KINDS = ("anonymous_source", "unnamed_group")
METRICS = ("quote_precision", "quote_recall", "speaker_accuracy", "claim_recall", "citation_recall", "mention_recall")


# Gold ----------------------------------------------------------------------------


def load_gold(seeds_dir):
    """``(bodies, gold, registry, problems)`` from the seeds.

    ``gold`` maps each article with a curated annotation file to its
    curated quotes, claims, citations and mentions. Rows the build would
    refuse (a seed being edited) are left out and their problems returned.
    """
    seeds, problems = read_seeds(seeds_dir)
    tables, more = build_rows(seeds)
    registry = Registry.from_actors(seeds.actors)
    curated = {a["id"] for a in tables["articles"] if a["annotation_status"] == "curated"}
    bodies = {a["id"]: a["body"] for a in tables["articles"]}
    gold = {article_id: {"quotes": [], "claims": [], "citations": [], "mentions": []} for article_id in sorted(curated)}
    for table in ("quotes", "claims", "citations"):
        for row in tables[table]:
            if row["article_id"] in gold and row["method"] == "curated":
                gold[row["article_id"]][table].append(row)
    annotations = {article_id: data for article_id, (_, data) in seeds.annotations.items()}
    for article_id, items in gold.items():
        items["mentions"] = gold_mentions(bodies[article_id], items, annotations.get(article_id, {}), registry)
    return bodies, gold, registry, [p for p in problems + more if not p.needs_review]


def gold_mentions(body, items, annotation, registry):
    """Named references to actors in the curated rows (see the module docstring)."""
    found = []
    claim_rows = {row["id"]: row for row in items["claims"]}
    quote_rows = {row["id"]: row for row in items["quotes"]}
    for quote in annotation.get("quotes", []) or []:
        row = quote_rows.get(quote.get("id"))
        if row and row["speaker_id"] and quote.get("speaker_text"):
            found.append(_reference(body, quote["speaker_text"], row, row["speaker_id"], registry))
    for claim in annotation.get("claims", []) or []:
        row = claim_rows.get(claim.get("id"))
        if row and claim.get("claimant") not in (None, OWN_VOICE) and claim.get("attribution_text"):
            found.append(_reference(body, claim["attribution_text"], row, claim["claimant"], registry))
    for row in items["citations"]:
        if _names(row["text"], row["cited_id"], registry):
            found.append({"actor_id": row["cited_id"], "start_char": row["start_char"], "end_char": row["end_char"], "text": row["text"]})
    unique = {(m["actor_id"], m["start_char"], m["end_char"]): m for m in found if m}
    return sorted(unique.values(), key=lambda m: (m["start_char"], m["actor_id"]))


def _reference(body, words, row, actor_id, registry):
    if registry.kinds.get(actor_id) in ANONYMOUS_KINDS or not _names(words, actor_id, registry):
        return None
    starts = [m.start() for m in re.finditer(re.escape(words), body)]
    if not starts:
        return None
    start = min(starts, key=lambda s: abs(s - row["start_char"]))
    return {"actor_id": actor_id, "start_char": start, "end_char": start + len(words), "text": words}


def _names(words, actor_id, registry):
    """Do ``words`` name the actor: an alias, or the surname of a person alias?"""
    if registry.kinds.get(actor_id) in ANONYMOUS_KINDS:
        return False
    folded = words.casefold()
    for alias, owner in registry.aliases.items():
        if owner != actor_id:
            continue
        if re.search(r"(?<![\w-])" + re.escape(alias.casefold()) + r"(?![\w-])", folded):
            return True
        parts = alias.split()
        if registry.kinds.get(actor_id) == "person" and len(parts) > 1 and len(parts[-1]) > 2:
            if re.search(r"(?<![\w-])" + re.escape(parts[-1]) + r"(?![\w-])", words):
                return True
    return False


# Comparing -------------------------------------------------------------------------


def overlaps(a, b):
    return a["start_char"] < b["end_char"] and b["start_char"] < a["end_char"]


def speaker_correct(gold_quote, found_quote, kinds):
    gold_id, found_id = gold_quote["speaker_id"], found_quote.get("speaker_id")
    if found_id == gold_id:
        return True
    if kinds.get(gold_id) not in ANONYMOUS_KINDS or found_id is not None:
        return False
    said = (found_quote.get("speaker") or "").casefold().strip()
    gold_text = (gold_quote.get("speaker_text") or "").casefold().strip()
    if not said or not gold_text:
        return False
    if said in gold_text or gold_text in said:
        return True
    return description_head(said) == description_head(gold_text.split(",")[0])


def _recall(gold, found, same, exclusive=True):
    """``(hits, missed texts)``: gold items found by an extracted item.

    ``exclusive``: an extracted item finds one gold item only (two gold
    claims on one span need two extracted claims). Mentions are not
    exclusive: a quote's speaker_text and a claim's attribution_text may
    both point at the same name.
    """
    used, hits, missed = set(), 0, []
    for item in gold:
        for index, candidate in enumerate(found):
            if index not in used and overlaps(item, candidate) and same(item, candidate):
                if exclusive:
                    used.add(index)
                hits += 1
                break
        else:
            missed.append(item["text"])
    return hits, missed


def compare(body, gold, found, kinds):
    """Counts for one article: gold and extracted quotes, matches and the rest."""
    pairs = match_quotes(body, gold["quotes"], found["quotes"])
    numeric = [c for c in gold["claims"] if c.get("value") is not None]
    claims = _recall(numeric, found["claims"], lambda g, f: f.get("value") is not None and abs(float(f["value"]) - float(g["value"])) < 1e-6)
    citations = _recall(gold["citations"], found["citations"], lambda g, f: f.get("cited_id") == g["cited_id"])
    mentions = _recall(gold["mentions"], found["mentions"], lambda g, f: f.get("actor_id") == g["actor_id"], exclusive=False)
    return {
        "gold_quotes": len(gold["quotes"]),
        "found_quotes": len(found["quotes"]),
        "matched_quotes": len(pairs),
        "correct_speakers": sum(speaker_correct(gold["quotes"][g], found["quotes"][f], kinds) for g, f in pairs),
        "same_speaker_ids": sum(gold["quotes"][g]["speaker_id"] == found["quotes"][f].get("speaker_id") for g, f in pairs),
        "gold_claims": len(numeric),
        "found_claims": claims[0],
        "gold_citations": len(gold["citations"]),
        "found_citations": citations[0],
        "gold_mentions": len(gold["mentions"]),
        "found_mentions": mentions[0],
        "missed_claims": claims[1],
        "missed_citations": citations[1],
        "missed_mentions": mentions[1],
        "missed_quotes": [gold["quotes"][g]["text"] for g in range(len(gold["quotes"])) if g not in {p[0] for p in pairs}],
        "extra_quotes": [found["quotes"][f]["text"] for f in range(len(found["quotes"])) if f not in {p[1] for p in pairs}],
        "wrong_speakers": [
            (found["quotes"][f]["text"][:40], found["quotes"][f].get("speaker"), found["quotes"][f].get("speaker_id"), gold["quotes"][g]["speaker_id"])
            for g, f in pairs if not speaker_correct(gold["quotes"][g], found["quotes"][f], kinds)
        ],
    }


def metrics(counts):
    """The six figures from summed counts; None where there is nothing to measure."""
    def ratio(numerator, denominator):
        return round(numerator / denominator, 4) if denominator else None

    return {
        "quote_precision": ratio(counts["matched_quotes"], counts["found_quotes"]) if counts["found_quotes"] or counts["gold_quotes"] else None,
        "quote_recall": ratio(counts["matched_quotes"], counts["gold_quotes"]),
        "speaker_accuracy": ratio(counts["correct_speakers"], counts["matched_quotes"]),
        # Without the unnamed-speaker equivalence: the very same actor id.
        "speaker_id_accuracy": ratio(counts["same_speaker_ids"], counts["matched_quotes"]),
        "claim_recall": ratio(counts["found_claims"], counts["gold_claims"]),
        "citation_recall": ratio(counts["found_citations"], counts["gold_citations"]),
        "mention_recall": ratio(counts["found_mentions"], counts["gold_mentions"]),
    }


def total(per_article):
    keys = [k for k in next(iter(per_article.values()), {}) if not isinstance(next(iter(per_article.values()))[k], list)]
    return {k: sum(counts[k] for counts in per_article.values()) for k in keys}


def gold_as_found(gold):
    """The gold rows in the extractor's shape: evaluating them must give 1.0."""
    return {
        "quotes": [{**q, "speaker": q.get("speaker_text")} for q in gold["quotes"]],
        "claims": [dict(c) for c in gold["claims"]],
        "citations": [dict(c) for c in gold["citations"]],
        "mentions": [dict(m) for m in gold["mentions"]],
    }


def throughput(bodies, registry, extractor=extract, minimum_seconds=0.5):
    """Articles extracted per second over repeated passes of ``bodies``."""
    rounds, started = 0, time.perf_counter()
    while True:
        for body in bodies:
            extractor(body, registry)
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= minimum_seconds or rounds >= 200:
            return round(rounds * len(bodies) / elapsed, 1)


def evaluate(seeds_dir, extractor=extract):
    """``(per_article counts, overall figures, problems)`` for ``seeds_dir``."""
    bodies, gold, registry, problems = load_gold(Path(seeds_dir))
    per_article = {}
    for article_id, items in gold.items():
        found = extractor(bodies[article_id], registry)
        per_article[article_id] = compare(bodies[article_id], items, found, registry.kinds)
    counts = total(per_article) if per_article else {}
    overall = metrics(counts) if per_article else dict.fromkeys(METRICS)
    overall["articles"] = len(per_article)
    overall["counts"] = counts
    overall["articles_per_second"] = throughput([bodies[a] for a in gold], registry, extractor) if gold else None
    return per_article, overall, problems


def report_lines(per_article, overall):
    """Readable lines per article, then the overall JSON object last."""
    lines = []
    header = f"{'article':40} {'q_prec':>6} {'q_rec':>6} {'speak':>6} {'claim':>6} {'cite':>6} {'ment':>6}  counts"
    lines.append(header)
    for article_id, counts in per_article.items():
        figures = metrics(counts)
        cells = " ".join(f"{'-' if figures[k] is None else format(figures[k], '.3f'):>6}" for k in METRICS)
        lines.append(
            f"{article_id:40} {cells}  quotes {counts['matched_quotes']}/{counts['gold_quotes']} gold, {counts['found_quotes']} found;"
            f" claims {counts['found_claims']}/{counts['gold_claims']}; citations {counts['found_citations']}/{counts['gold_citations']};"
            f" mentions {counts['found_mentions']}/{counts['gold_mentions']}"
        )
        for text in counts["missed_quotes"]:
            lines.append(f"    missed quote: {text[:70]!r}")
        for text in counts["extra_quotes"]:
            lines.append(f"    extra quote: {text[:70]!r}")
        for quote, speaker, speaker_id, gold_id in counts["wrong_speakers"]:
            lines.append(f"    wrong speaker: {quote!r} -> {speaker!r} ({speaker_id}), gold {gold_id}")
        for key in ("claims", "citations", "mentions"):
            for text in counts[f"missed_{key}"]:
                lines.append(f"    missed {key[:-1]}: {text[:70]!r}")
    lines.append(json.dumps(overall))
    return lines
