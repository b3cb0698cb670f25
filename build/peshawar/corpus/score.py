"""Score extracted quotes against a corpus's gold: pure functions.

The matching rules (corpora/README.md states them for readers of the
figures):

- A found quote matches a gold quote when both spans, trimmed of
  whitespace, punctuation and quotation marks at their ends, overlap with
  an intersection over union of at least 0.5; pairs are made one to one,
  the highest IoU first (the rule build/peshawar/evaluate.py uses on the
  seeds). Precision is matched found quotes / found quotes; recall is
  matched gold quotes / gold quotes; partial recall is the recall of gold
  quotes whose form is "partial".
- The found speaker is the ``speaker`` the extractor prints, except that a
  pronoun printed with a ``speaker_id`` stands for that actor's registry
  name. Whether it names the gold speaker is ``speakers.same_speaker``.
- Speaker accuracy is right speakers / matched quotes, overall and by the
  gold quote's speaker_form; end to end is matched quotes with the right
  speaker / gold quotes.
- Per extractor rule: how many quotes it found, how many match a gold
  quote, and on how many of those its speaker is right; the rate
  right / matched is what a rule's confidence should be calibrated to.
"""

from collections import Counter

from .format import SPEAKER_FORMS
from .speakers import is_pronoun, same_speaker

QUOTE_IOU = 0.5
TRIM = " \t\n\u00a0,.;:!?\"“”‘’'()[]—–-"


def trimmed(text, start, end):
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end


def iou(a, b):
    overlap = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return overlap / union if union else 0.0


def match_quotes(text, gold, found):
    """``[(gold index, found index)]``: one to one, highest IoU first."""
    candidates = []
    for g, gold_quote in enumerate(gold):
        g_span = trimmed(text, gold_quote["start_char"], gold_quote["end_char"])
        for f, found_quote in enumerate(found):
            score = iou(g_span, trimmed(text, found_quote["start_char"], found_quote["end_char"]))
            if score >= QUOTE_IOU:
                candidates.append((-score, g, f))
    pairs, used_g, used_f = [], set(), set()
    for _, g, f in sorted(candidates):
        if g not in used_g and f not in used_f:
            pairs.append((g, f))
            used_g.add(g)
            used_f.add(f)
    return sorted(pairs)


def found_speaker(quote, names):
    """The speaker a found quote names: the printed phrase, or for a printed
    pronoun with a speaker_id, that actor's registry name (``names``)."""
    speaker = quote.get("speaker")
    if speaker and is_pronoun(speaker) and quote.get("speaker_id"):
        return names.get(quote["speaker_id"], speaker)
    return speaker


def score_article(article_id, text, gold, found, names):
    """``(counts, records)`` for one article.

    ``counts`` is a Counter of the quantities the figures are made of;
    ``records`` lists every miss, extra quote and wrong speaker (for
    reading the failures, not for the figures).
    """
    pairs = match_quotes(text, gold, found)
    counts, records = Counter(), []
    counts["gold"] += len(gold)
    counts["found"] += len(found)
    counts["matched"] += len(pairs)
    counts["gold_partial"] += sum(q["form"] == "partial" for q in gold)
    matched_gold = {g for g, _ in pairs}
    matched_found = {f for _, f in pairs}
    for g, f in pairs:
        gold_quote, found_quote = gold[g], found[f]
        said = found_speaker(found_quote, names)
        right = same_speaker(gold_quote["speaker"], said)
        form = gold_quote["speaker_form"]
        rule = found_quote.get("rule") or "none"
        counts["matched_partial"] += gold_quote["form"] == "partial"
        counts["right"] += right
        counts[f"matched_{form}"] += 1
        counts[f"right_{form}"] += right
        counts[f"rule_matched_{rule}"] += 1
        counts[f"rule_right_{rule}"] += right
        if not right:
            records.append(_record("wrong_speaker", article_id, gold_quote, found_quote, said))
    for f, found_quote in enumerate(found):
        counts[f"rule_found_{found_quote.get('rule') or 'none'}"] += 1
        if f not in matched_found:
            records.append(_record("extra", article_id, None, found_quote, found_speaker(found_quote, names)))
    for g, gold_quote in enumerate(gold):
        if g not in matched_gold:
            records.append(_record("missed", article_id, gold_quote, None, None))
    return counts, records


def _record(kind, article_id, gold, found, said):
    quote = gold or found
    return {
        "kind": kind,
        "article": article_id,
        "start_char": quote["start_char"],
        "text": quote["text"],
        "form": gold["form"] if gold else found.get("form"),
        "gold_speaker": gold["speaker"] if gold else None,
        "speaker_as_written": gold["speaker_as_written"] if gold else None,
        "speaker_form": gold["speaker_form"] if gold else None,
        "found_speaker": said,
        "found_speaker_id": found.get("speaker_id") if found else None,
        "rule": found.get("rule") if found else None,
    }


def _ratio(numerator, denominator):
    return round(numerator / denominator, 4) if denominator else None


def figures(counts):
    """The figures of the issue's table, from summed counts."""
    precision = _ratio(counts["matched"], counts["found"])
    recall = _ratio(counts["matched"], counts["gold"])
    f1 = round(2 * precision * recall / (precision + recall), 4) if precision and recall else None
    result = {
        "articles": counts["articles"],
        "gold_quotes": counts["gold"],
        "found_quotes": counts["found"],
        "matched_quotes": counts["matched"],
        "quote_precision": precision,
        "quote_recall": recall,
        "quote_f1": f1,
        "partial_recall": _ratio(counts["matched_partial"], counts["gold_partial"]),
        "speaker_accuracy": _ratio(counts["right"], counts["matched"]),
        "end_to_end": _ratio(counts["right"], counts["gold"]),
        "speaker_accuracy_by_form": {
            form: {
                "matched": counts[f"matched_{form}"],
                "right": counts[f"right_{form}"],
                "accuracy": _ratio(counts[f"right_{form}"], counts[f"matched_{form}"]),
            }
            for form in SPEAKER_FORMS
        },
        "rules": {},
    }
    rules = sorted({key.split("_", 2)[2] for key in counts if key.startswith("rule_found_")})
    for rule in rules:
        found, matched, right = counts[f"rule_found_{rule}"], counts[f"rule_matched_{rule}"], counts[f"rule_right_{rule}"]
        result["rules"][rule] = {
            "found": found,
            "matched": matched,
            "speaker_right": right,
            "speaker_rate": _ratio(right, matched),
            "right_of_found": _ratio(right, found),
        }
    return result


def report_lines(name, result):
    """Readable lines for one corpus's figures."""
    def cell(value):
        return "-" if value is None else f"{value:.3f}"

    lines = [
        f"{name}: {result['articles']} articles, {result['gold_quotes']} gold quotes, "
        f"{result['found_quotes']} found, {result['matched_quotes']} matched",
        f"  quote precision / recall / F1     {cell(result['quote_precision'])} / {cell(result['quote_recall'])} / {cell(result['quote_f1'])}",
        f"  recall of partial quotes          {cell(result['partial_recall'])}",
        f"  speaker right, on found quotes    {cell(result['speaker_accuracy'])}",
        f"  found with the right speaker      {cell(result['end_to_end'])}",
        "  speaker right by how the gold attribution is written:",
    ]
    for form, row in result["speaker_accuracy_by_form"].items():
        lines.append(f"    {form:12} {cell(row['accuracy'])}  ({row['right']}/{row['matched']})")
    lines.append("  per extractor rule: found, matched a gold quote, speaker right, right/matched, right/found")
    for rule, row in sorted(result["rules"].items(), key=lambda item: -item[1]["found"]):
        lines.append(
            f"    {rule:26} {row['found']:6} {row['matched']:6} {row['speaker_right']:6}  {cell(row['speaker_rate'])}  {cell(row['right_of_found'])}"
        )
    return lines


def calibration_rows(measured, quote_rules):
    """Per rule of ``quote_rules`` (and any rule measured but missing from
    them): found and right now (``measured``: figures()["rules"]), right/found,
    and the counts and confidence the table holds."""
    rows = []
    table = {rule.rule: rule for rule in quote_rules}
    for name in list(table) + sorted(set(measured) - set(table)):
        now, rule = measured.get(name, {}), table.get(name)
        found, right = now.get("found", 0), now.get("speaker_right", 0)
        rows.append({
            "rule": name, "found": found, "speaker_right": right, "precision": _ratio(right, found),
            "table_found": rule.found if rule else None, "table_right": rule.right if rule else None,
            "confidence": rule.confidence if rule else None,
        })
    return sorted(rows, key=lambda row: -row["found"])


def calibration_lines(rows):
    """The calibration table in Markdown, to paste."""
    def cell(value):
        return "-" if value is None else f"{value:.2f}" if isinstance(value, float) else str(value)

    lines = [
        "| rule | found | speaker right | precision | table found | table right | confidence set |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        lines.append("| " + " | ".join(cell(row[key]) for key in (
            "rule", "found", "speaker_right", "precision", "table_found", "table_right", "confidence")) + " |")
    return lines
