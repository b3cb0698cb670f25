"""The figures behind ``core.renderings``' blocking and threshold: how the
renderings of one statement score against each other, and how quotes of
different statements do, by how many content words they share.

True pairs: two quotes of one curated statement that render the same part
of it (the NBC and VICE renderings of the Afghan Taliban's statement, a
pull quote and its twin). False pairs: quotes of different articles that
are not renderings of one statement, from the seeds' curated quotes and the
hand-found quotes of the own-dev corpus (tuned on) and, reported apart and
never used to choose, of the own-heldout corpus.
"""

import json
from pathlib import Path

from ..core.files import read_yaml
from ..core.renderings import MIN_SHARED, THRESHOLD, content_words, score


def seed_quotes(seeds_dir):
    """``[(article, quote id, statement, part, text)]`` of the curated annotations."""
    found = []
    for path in sorted(Path(seeds_dir, "annotations").glob("*.yml")):
        data = read_yaml(path, str(path)) or {}
        if data.get("status") == "curated":
            found += [(data["article"], q["id"], q.get("statement"), q.get("part"), q["text"]) for q in data.get("quotes") or []]
    return found


def corpus_quotes(corpus_dir):
    """The same of a corpus's gold files (no statements there)."""
    found = []
    for path in sorted(Path(corpus_dir, "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        found += [(data["article"], f"{data['article']}#{n}", None, None, q["text"]) for n, q in enumerate(data["quotes"], 1)]
    return found


def scored_pairs(quotes):
    """``(true pairs, false pairs)`` sharing at least one content word, each
    ``(score, shared words, id, id)``, best first."""
    words = [content_words(q[4]) for q in quotes]
    true, false = [], []
    for i, quote in enumerate(quotes):
        for j in range(i + 1, len(quotes)):
            other = quotes[j]
            shared = len(set(words[i]) & set(words[j]))
            same = quote[2] is not None and quote[2] == other[2] and quote[3] == other[3]
            if shared and (same or quote[0] != other[0]):
                (true if same else false).append((round(score(words[i], words[j]), 1), shared, quote[1], other[1]))
    return sorted(true, reverse=True), sorted(false, reverse=True)


def by_shared_words(false):
    """``{shared words (MIN_SHARED meaning "or more"): [pairs, highest score, pairs at or over THRESHOLD]}``."""
    table = {}
    for value, shared, _, _ in false:
        row = table.setdefault(min(shared, MIN_SHARED), [0, 0.0, 0])
        row[0] += 1
        row[1] = max(row[1], value)
        row[2] += value >= THRESHOLD
    return dict(sorted(table.items()))


def calibration(seeds_dir, corpora_dir):
    """Every figure, as one dict."""
    tuned = seed_quotes(seeds_dir) + corpus_quotes(Path(corpora_dir) / "own-dev")
    true, false = scored_pairs(tuned)
    _, heldout = scored_pairs(corpus_quotes(Path(corpora_dir) / "own-heldout"))
    linked = [p for p in false if p[1] >= MIN_SHARED and p[0] >= THRESHOLD]
    return {
        "threshold": THRESHOLD, "min_shared_words": MIN_SHARED, "quotes": len(tuned),
        "true_pairs": true, "false_by_shared_words": by_shared_words(false),
        "heldout_false_by_shared_words": by_shared_words(heldout),
        "false_links": len(linked) + sum(1 for p in heldout if p[1] >= MIN_SHARED and p[0] >= THRESHOLD),
        "true_links": sum(1 for p in true if p[1] >= MIN_SHARED and p[0] >= THRESHOLD),
    }


def report_lines(figures):
    """Lines for a person, then the figures as one JSON object on the last line."""
    lines = [f"{figures['quotes']} quotes (seeds, own-dev); linked when >= {figures['min_shared_words']} "
             f"content words in common and score >= {figures['threshold']}"]
    lines += [f"true pair   score {s:5.1f}, {n} words in common: {a} / {b}" for s, n, a, b in figures["true_pairs"]]
    for label, key in (("false pairs", "false_by_shared_words"), ("held out   ", "heldout_false_by_shared_words")):
        for shared, (count, best, over) in figures[key].items():
            more = "+" if shared == figures["min_shared_words"] else " "
            lines.append(f"{label} {shared}{more} words in common: {count:5d} pairs, highest score {best:5.1f}, {over} at or over the threshold")
    lines.append(f"links made: {figures['true_links']} of {len(figures['true_pairs'])} true pairs, {figures['false_links']} false")
    summary = dict(figures, true_pairs=[{"score": s, "shared_words": n, "quotes": [a, b]} for s, n, a, b in figures["true_pairs"]])
    return lines + [json.dumps(summary)]
