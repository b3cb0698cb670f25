"""Convert the train split of PolNeAR to the corpus gold format.

PolNeAR (networkdynamics/PolNeAR, LREC 2018) annotates attributions in
US political news of 2015-16: a source span (who), a cue (said, told …)
and a content span (what), in brat standoff files next to the article
text, plus CoreNLP output (tokens, part of speech, named entities,
coreference) for each article. It marks paraphrase as well as quotation.
Only its train split is read here; its dev and test splits are how others
measure us and are never opened.

What becomes a gold quote (corpora/polnear-train/README.md has the counts):

- Every span inside quotation marks (marks.py pairs them) that lies mostly
  (at least half its characters) inside the content of one attribution.
  A content with several quoted fragments gives one quote per fragment; a
  quotation split by its attribution or running over paragraphs gives one
  quote per part. Marked spans inside no content are not gold: PolNeAR
  leaves scare quotes, titles and names unannotated, as the gold format
  wants, and their number is reported.
- Except a marked span right after "so-called", "the word", "the term",
  "dubbed" and the like: a term, even inside someone's paraphrase.
- speaker_as_written is the source span as written; speaker_form says what
  kind of words it is (name, description, pronoun). A quote in a paragraph
  holding neither the source nor the cue of its attribution (a quotation
  continued in a later paragraph) has speaker_form "none" and no
  speaker_as_written, as the format asks.
- speaker is who that is (antecedents.py): for a name, the fullest form of
  that name in the article ("Morris" -> "Haley Morris"); for a pronoun, its
  antecedent, found as a reader of news copy finds it (the fitting subject
  of the nearest sentence before it); for a description, the named person
  a definite description of a person refers back to, else the description
  itself. Each quote's speaker_method says which of these gave its speaker.
- When an article was annotated by several annotators (the agreement
  articles), the first annotator in name order is used.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .antecedents import resolve_speakers
from .source_phrases import given_name_genders, given_name_votes
from .corenlp import read_corenlp
from .format import CorpusError, Problem
from .marks import marked_spans, paragraphs

SOURCE_ROLES = ("Source",)
CONTENT_ROLES = ("Content", "Content2")
CUE_ROLES = ("Cue",)
ATTRIBUTION_TYPES = ("Attribution", "Attribution-no-source")
# Spans an annotator flagged for discussion or discarded: no attribution.
FLAG_TYPES = ("Discuss", "Discard")
RECORD = re.compile(r"^([A-Z#])(\d+)\t")
# A quotation of at least this share of characters inside a content span
# belongs to that content.
CONTENT_SHARE = 0.5
TERM_BEFORE = re.compile(
    r"(?:\bso[- ]called|\bthe\s+(?:words?|terms?|phrases?|hashtag|slogan|label|name|title)|\b(?:en)?titled|\bheadlined|\bnicknamed|\bdubbed|\bbranded)[\s,:]*$",
    re.IGNORECASE,
)
# A speech verb between the start of a content and a quotation in it: the
# quotation may be the words of someone the content reports (PolNeAR
# annotates only the outermost attribution). Such quotes are noted.
NESTED_CUE = re.compile(
    r"\b(?:said|says|saying|say|told|tells|telling|called|calls|calling|wrote|writes|writing|tweeted|tweets|tweeting|"
    r"asked|asks|asking|declared|claimed|claims|claiming|insisted|argued|argues|arguing|added|quoted|according)\b",
    re.IGNORECASE,
)


class ConversionError(CorpusError):
    pass


# Reading brat ------------------------------------------------------------------------


@dataclass
class Attribution:
    id: str
    source: list = field(default_factory=list)  # [(start, end)]
    cue: list = field(default_factory=list)
    content: list = field(default_factory=list)

    def covered(self, start, end):
        """How many characters of ``[start, end)`` the content covers."""
        return sum(max(0, min(end, e) - max(start, s)) for s, e in self.content)


def read_brat(ann_text, text, display):
    """``(attributions, flagged spans)`` of one .ann file; raises ConversionError.

    A span's text may run over a line break; brat then writes the rest on
    the next line(s), which do not start with an id and tab.
    """
    records = []
    for number, line in enumerate(ann_text.split("\n"), 1):
        if RECORD.match(line):
            records.append([number, line])
        elif records:
            records[-1][1] += "\n" + line
        elif line.strip():
            raise ConversionError([Problem(display, number, "a brat file starts with an annotation id and a tab")])
    spans, events, flagged, problems = {}, [], [], []
    for number, record in records:
        fields = record.split("\t")
        kind = fields[0][0]
        try:
            if kind == "T":
                label, offsets = fields[1].split(" ", 1)
                segments = [tuple(int(n) for n in part.split()) for part in offsets.split(";")]
                if any(len(s) != 2 or not 0 <= s[0] <= s[1] <= len(text) for s in segments):
                    raise ValueError(f"offsets {offsets} outside the article ({len(text)} characters)")
                written = " ".join(text[s:e] for s, e in segments)
                if len(fields) > 2 and fields[2].rstrip("\n") != written.rstrip("\n"):
                    raise ValueError(f"span text {fields[2][:40]!r} is not the article's {written[:40]!r}")
                spans[fields[0]] = (label, segments)
                if label in FLAG_TYPES:
                    flagged.extend(segments)
            elif kind == "E":
                events.append((number, fields[0], fields[1].split()))
        except (ValueError, IndexError) as error:
            problems.append(Problem(display, number, f"unreadable annotation: {error}"))
    attributions = []
    for number, event_id, arguments in events:
        attribution = Attribution(event_id)
        for argument in arguments:
            role, _, target = argument.partition(":")
            if target not in spans:
                problems.append(Problem(display, number, f"{event_id} refers to {target!r}, which is not a span"))
                continue
            label, segments = spans[target]
            if role in SOURCE_ROLES:
                attribution.source.extend(segments)
            elif role in CONTENT_ROLES:
                attribution.content.extend(segments)
            elif role in CUE_ROLES or role in ATTRIBUTION_TYPES:
                attribution.cue.extend(segments)
            else:
                problems.append(Problem(display, number, f"{event_id}: unknown role {role!r}"))
        attributions.append(attribution)
    if problems:
        raise ConversionError(problems)
    return attributions, flagged


# Quotes ------------------------------------------------------------------------------


def quote_form(text, span):
    """"full" when the quotation opens its sentence (after nothing, a
    sentence's end, a colon, or a comma before a capital or a split
    quotation's second part) or is a whole sentence after a word; else
    "partial", a fragment inside the writer's sentence."""
    line_start = text.rfind("\n", 0, span.open_at) + 1
    before = text[line_start:span.open_at].rstrip()
    first = text[span.start:span.end][:1]
    if not before or before[-1] in ".!?:;" or before[-1] in "\"”’'" and before[:-1].rstrip()[-1:] in ".!?,":
        return "full"
    if before[-1] in ",—–-(":
        return "full" if first.isupper() or first.isdigit() or re.search(r"[\"”]\s*[^\"“”]*,$", before) else "partial"
    inner = text[span.start:span.end].rstrip()
    after = text[span.end:span.end + 3]
    if first.isupper() and inner[-1:] in ".!?" and re.match(r"[\"”’']?\s*(?:$|\n|[A-Z])", after):
        return "full"
    return "partial"


@dataclass
class ArticleCounts:
    marked: int = 0
    quotes: int = 0
    terms: int = 0
    unattributed: int = 0
    unattributed_flagged: int = 0
    nested: int = 0
    unclosed: int = 0
    by_method: Counter = field(default_factory=Counter)
    by_form: Counter = field(default_factory=Counter)
    unattributed_examples: list = field(default_factory=list)


def convert_article(text, attributions, flagged, parse, source_ref, given_names=None):
    """``(quotes, counts)``: the gold quotes of one article; ``given_names``
    as ``antecedents.given_name_genders`` makes it."""
    counts = ArticleCounts()
    quotes = []
    para_of = _paragraph_index(text)
    spans = marked_spans(text)
    resolved = resolve_speakers(text, attributions, parse, [(s.open_at, s.end + 1) for s in spans], given_names)
    for span in spans:
        counts.marked += 1
        length = span.end - span.start
        best = max(attributions, key=lambda a: a.covered(span.start, span.end), default=None)
        if best is None or best.covered(span.start, span.end) < CONTENT_SHARE * length:
            counts.unattributed += 1
            if any(s < span.end and span.start < e for s, e in flagged):
                counts.unattributed_flagged += 1
            counts.unattributed_examples.append(text[span.start:span.end])
            continue
        line_start = text.rfind("\n", 0, span.open_at) + 1
        if TERM_BEFORE.search(text[max(line_start, span.open_at - 40):span.open_at]):
            counts.terms += 1
            continue
        who = resolved[best.id]
        written, form = who.written, who.form
        paragraph = para_of(span.start)
        if written is not None and paragraph not in {para_of(s) for s, _ in best.source + best.cue}:
            written, form = None, "none"
        notes = [n for n in (who.note,) if n]
        if not span.closed:
            counts.unclosed += 1
            notes.append("no closing mark in its paragraph")
        content_start = max((s for s, e in best.content if s <= span.open_at), default=span.open_at)
        if NESTED_CUE.search(text[content_start:span.open_at]):
            counts.nested += 1
            notes.append("a speech verb in the content before the quotation: it may report someone else's words")
        quote = {
            "text": text[span.start:span.end],
            "start_char": span.start,
            "end_char": span.end,
            "form": quote_form(text, span),
            "speaker": who.speaker,
            "speaker_as_written": written,
            "speaker_form": form,
            "speaker_method": who.method,
            "source_ref": f"{source_ref}#{best.id}",
        }
        if notes:
            quote["note"] = "; ".join(notes)
        quotes.append(quote)
        counts.quotes += 1
        counts.by_method[who.method] += 1
        counts.by_form[form] += 1
    return quotes, counts


def _paragraph_index(text):
    starts = [s for s, _ in paragraphs(text)]

    def index(offset):
        low, high = 0, len(starts)
        while low < high:
            middle = (low + high) // 2
            if starts[middle] <= offset:
                low = middle + 1
            else:
                high = middle
        return low - 1

    return index


# The split -----------------------------------------------------------------------------


def article_id(stem):
    """A PolNeAR file name as a corpus id: lower case, dashes for underscores."""
    return re.sub(r"[^a-z0-9-]+", "-", stem.lower().replace("_", "-")).strip("-")


def convert_split(source, progress=None):
    """``({id: (text, quotes)}, totals)`` for a PolNeAR split folder
    (``text/``, ``attributions/``, ``corenlp/``).

    Raises ConversionError listing every unreadable file. Articles without
    a CoreNLP file are converted with the fallbacks (capitalized runs for
    names, no coreference) and listed in ``totals["without_corenlp"]``.
    """
    source = Path(source)
    for folder in ("text", "attributions"):
        if not (source / folder).is_dir():
            raise ConversionError([Problem(str(source / folder), None, "folder missing: a PolNeAR split has text/, attributions/ and corenlp/")])
    annotations = {}
    for ann in sorted((source / "attributions").glob("*.ann")):
        stem, _, annotator = ann.stem.rpartition("_")
        annotations.setdefault(stem, ann)  # sorted: the first annotator
    converted, problems, totals = {}, [], Counter()
    without, unattributed = [], []
    texts = {f.stem: f.read_text(encoding="utf-8") for f in sorted((source / "text").glob("*.txt"))}
    # Whose given name is whose, learnt from the whole split first: a
    # pronoun's antecedent must agree with it in gender.
    given_names = given_name_genders([vote for text in texts.values() for vote in given_name_votes(text)])
    totals["given_names_with_gender"] = len(given_names)
    for number, (stem, text) in enumerate(texts.items(), 1):
        text_file = source / "text" / f"{stem}.txt"
        if progress:
            progress(number, stem)
        ann = annotations.get(stem)
        if ann is None:
            problems.append(Problem(str(text_file), None, "no attributions/<name>_<annotator>.ann for this article"))
            continue
        try:
            attributions, flagged = read_brat(ann.read_text(encoding="utf-8"), text, str(ann))
            corenlp = source / "corenlp" / f"{stem}.txt.xml"
            parse = read_corenlp(corenlp) if corenlp.exists() else None
        except CorpusError as error:
            problems.extend(error.problems)
            continue
        if parse is None:
            without.append(stem)
        quotes, counts = convert_article(text, attributions, flagged, parse, ann.name, given_names)
        if article_id(stem) in converted:
            problems.append(Problem(str(text_file), None, f"another file name gives the same corpus id {article_id(stem)}"))
        converted[article_id(stem)] = (text, quotes)
        totals["articles"] += 1
        for key in ("marked", "quotes", "terms", "unattributed", "unattributed_flagged", "nested", "unclosed"):
            totals[key] += getattr(counts, key)
        for key, value in counts.by_method.items():
            totals["speaker_method_" + key] += value
        for key, value in counts.by_form.items():
            totals["speaker_form_" + key] += value
        totals["partial"] += sum(q["form"] == "partial" for q in quotes)
        totals["speaker_null"] += sum(q["speaker"] is None for q in quotes)
        unattributed.extend((article_id(stem), t) for t in counts.unattributed_examples)
    if problems:
        raise ConversionError(problems)
    return converted, {**dict(sorted(totals.items())), "without_corenlp": without, "unattributed_spans": unattributed}
