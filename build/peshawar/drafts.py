"""Adding an article: its metadata entry and a draft annotation file.

The pure functions build the articles.yml entry and the draft annotation
from the text and the extractor's output; ``add_article`` writes them.
Nothing here rewrites an existing seed: the text and the annotation are
new files, and the metadata entry is appended to the end of articles.yml,
whose existing bytes are kept as they are.
"""

import datetime
import os
import re
from pathlib import Path

import yaml

from .core.files import read_text, read_yaml
from .core.problems import SeedError
from .core.registry import load_registry
from .core.spans import occurrences
from .dataset.rows import build_rows
from .dataset.seeds import read_seeds
from .extractor import analyse, lexicon

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
GIVEN = "given by the person who added the article"
MONTHS = lexicon.MONTHS


class _IndentedDumper(yaml.SafeDumper):
    """Indent list items under their key, as the hand-written seeds do."""

    def increase_indent(self, flow=False, indentless=False):
        return super().increase_indent(flow, False)


def dump_yaml(data):
    return yaml.dump(data, Dumper=_IndentedDumper, sort_keys=False, allow_unicode=True, width=88, default_flow_style=False)


class AddError(Exception):
    """The article cannot be added; the message says why, in one line."""


# Metadata ---------------------------------------------------------------------------


def first_line_title(text):
    """The first line with a letter in it, without Markdown heading marks."""
    for match in re.finditer(r"[^\n]+", text):
        line = match.group().strip().lstrip("#*> ").strip().rstrip("*").strip()
        if re.search(r"[^\W\d_]", line):
            return line
    return None


def _occurrence_of(text, words, start):
    """``occurrence`` for words at ``start`` (None when they occur once)."""
    starts = occurrences(text, words)
    return starts.index(start) + 1 if len(starts) > 1 else None


def _entry(value, status, evidence=None, occurrence=None, note=None):
    entry = {"value": value, "status": status} if status != "not_stated" else {"status": status}
    if evidence is not None and evidence != value:
        entry["evidence"] = evidence
    if occurrence:
        entry["occurrence"] = occurrence
    if note:
        entry["note"] = note
    return entry


def _not_in_text(field, value):
    # Honesty over convenience: the seeds record only what the article's words
    # support, and an inferred value must cite the words it was inferred from
    # (the build refuses one without evidence). A value the person knows from
    # outside the text (where they found the article) has no such words, so it
    # is not recorded as a value; the note keeps it for whoever checks the
    # article against its source and can add it with evidence.
    return _entry(None, "not_stated", note=f"{GIVEN} as {value!r}; the text does not state it, so it is not recorded as a value")


def title_entry(text, title):
    """The title: the given one if the text has it, else the first line."""
    line = first_line_title(text)
    if title is None:
        if line is None:
            raise AddError("the text has no line with letters to take the title from; give --title")
        start = text.find(line)
        return _entry(line, "stated", line, _occurrence_of(text, line, start))
    if title in text:
        return _entry(title, "stated", title, _occurrence_of(text, title, text.find(title)))
    # The same words with other spaces (a no-break space in the original).
    spaced = re.compile(r"[\s\u00a0]+".join(re.escape(w) for w in title.split()))
    match = spaced.search(text)
    if match:
        return _entry(title, "stated", match.group(), _occurrence_of(text, match.group(), match.start()))
    if line is None:
        raise AddError("the given title is not in the text and the text has no line to serve as evidence")
    # A title is required, so the given one is kept; the evidence is the line
    # the text opens with, and the note says the wording came from a person.
    return _entry(title, "inferred", line, _occurrence_of(text, line, text.find(line)), note=f"{GIVEN}; the text opens with the line given as evidence")


def outlet_entry(text, outlet, registry):
    if outlet is None:
        return _entry(None, "not_stated")
    if outlet not in registry.kinds:
        raise AddError(f"unknown outlet actor id {outlet!r}: add it to seeds/actors.yml first")
    aliases = sorted((a for a, owner in registry.aliases.items() if owner == outlet), key=len, reverse=True)
    for alias in aliases:
        match = re.search(r"(?<![\w-])" + re.escape(alias) + r"(?![\w-])", text)
        if not match:
            continue
        line_end = text.find("\n", match.end())
        line = text[text.rfind("\n", 0, match.start()) + 1:len(text) if line_end == -1 else line_end]
        occurrence = _occurrence_of(text, alias, match.start())
        if re.search(r"©|\(c\)|copyright|published\s+by|originally\s+(?:published|appeared)", line, re.IGNORECASE):
            return _entry(outlet, "stated", alias, occurrence, note=f"{GIVEN}; the text credits it as publisher here")
        # A mention ("told The Daily Planet") is evidence, not a statement of who
        # published the article: the seeds mark that inferred.
        return _entry(outlet, "inferred", alias, occurrence, note=f"{GIVEN}; the text names the outlet but does not say it published the article")
    return _not_in_text("outlet", outlet)


def date_forms(date):
    """Ways an article may write ``date`` (a datetime.date)."""
    month = MONTHS[date.month - 1]
    short = month[:3]
    return [
        date.isoformat(),
        f"{month} {date.day}, {date.year}", f"{short}. {date.day}, {date.year}", f"{short} {date.day}, {date.year}",
        f"{date.day} {month} {date.year}", f"{date.day} {short} {date.year}",
        f"{date.day:02d}/{date.month:02d}/{date.year}", f"{date.day}/{date.month}/{date.year}",
        f"{date.month:02d}/{date.day:02d}/{date.year}", f"{date.month}/{date.day}/{date.year}",
    ]


def date_entry(text, published_date):
    if published_date is None:
        return _entry(None, "not_stated")
    try:
        date = datetime.date.fromisoformat(published_date)
    except ValueError:
        raise AddError(f"--published-date {published_date!r} is not an ISO date (YYYY-MM-DD)")
    for form in date_forms(date):
        match = re.search(r"(?<![\w/])" + re.escape(form) + r"(?![\w/])", text)
        if match:
            return _entry(date.isoformat(), "stated", form, _occurrence_of(text, form, match.start()), note=f"{GIVEN}; the text gives the date here")
    return _not_in_text("published_date", date.isoformat())


def byline_entry(text, byline):
    if byline is None:
        return _entry(None, "not_stated")
    if byline in text:
        return _entry(byline, "stated", byline, _occurrence_of(text, byline, text.find(byline)))
    return _not_in_text("byline", byline)


def metadata_entry(article_id, file_name, text, registry, title=None, outlet=None, published_date=None, byline=None):
    """The articles.yml entry for a new article."""
    return {
        "id": article_id,
        "file": file_name,
        "outlet": outlet_entry(text, outlet, registry),
        "title": title_entry(text, title),
        "subtitle": _entry(None, "not_stated"),
        "byline": byline_entry(text, byline),
        "dateline": _entry(None, "not_stated"),
        "published_date": date_entry(text, published_date),
    }


def appended_yaml(existing, entry):
    """``existing`` articles.yml text with ``entry`` appended as a list item."""
    dumped = dump_yaml([entry])
    block = "".join("  " + line if line.strip() else line for line in dumped.splitlines(keepends=True))
    separator = "" if existing.endswith("\n") else "\n"
    return existing + separator + "\n" + block


# The draft annotation ----------------------------------------------------------------


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
        quotes.append({**row, **_automatic(quote), "confidence": _quote_confidence(quote)})
    claims = []
    for number, claim in enumerate(result["claims"], start=1):
        row = {"id": f"{article_id}-auto-c{number:03d}", **_place(text, claim), "kind": claim["kind"],
               "value": claim["value"], "unit": claim["unit"], "qualifier": claim["qualifier"],
               "population": claim.get("population"),
               **({"date": claim["date"]} if claim.get("date") else {}),
               "claimant": claim.get("claimant_id"),
               "attribution_text": claim.get("attribution_text")}
        claims.append({**row, **_automatic(claim)})
    citations, needs_person = [], []
    for citation in result["citations"]:
        if citation["cited_id"] is None:
            needs_person.append(citation)
            continue
        row = {"id": f"{article_id}-auto-cit{len(citations) + 1:03d}", **_place(text, citation),
               "cited": citation["cited_id"], "kind": citation["kind"]}
        citations.append({**row, **_automatic(citation)})
    annotation = {"article": article_id, "status": "draft", "quotes": quotes, "claims": claims, "citations": citations}
    return annotation, needs_person


def draft_yaml(annotation, title, result, needs_person):
    """The draft file's text: a header saying what it is and what is left to do."""
    lines = [
        f"# Draft annotation of {title!r}, written by `peshawar add-article`.",
        "#",
        "# Every row below was found by the extractor (method: automatic, with the",
        "# rule that found it and its confidence) and waits for a person: check",
        "# each speaker, claimant, kind and value, account for every quotation mark",
        "# and number (`make build` lists the ones still open), then set",
        "# status: curated.",
    ]
    if needs_person:
        lines += ["#", "# Citations whose source is not a known actor (register the actor in", "# seeds/actors.yml, then add the citation):"]
        lines += [f"#   - {c['text']!r} ({c['rule']}, cites {c['cited']!r})" for c in needs_person]
    if result.get("not_quotes"):
        lines += ["#", "# Marked words the extractor judged not to be quotes (for not_quotes):"]
        lines += [f"#   - {q['text']!r}: {q['reason']}" for q in result["not_quotes"]]
    if result.get("not_numbers"):
        lines += ["#", "# Numbers the extractor judged not to be figures (for not_numbers):"]
        lines += [f"#   - {n['text']!r}: {n['reason']}" for n in result["not_numbers"]]
    body = dump_yaml(annotation)
    return "\n".join(lines) + "\n" + body


# Writing -----------------------------------------------------------------------------


def _errors_about(seeds_dir, article_id):
    seeds, problems = read_seeds(seeds_dir)
    _, more = build_rows(seeds)
    return [
        p for p in problems + more
        if not p.needs_review and (article_id in p.message or p.path.endswith(f"{article_id}.yml"))
    ]


def add_article(seeds_dir, source, article_id, title=None, outlet=None, published_date=None, byline=None):
    """Copy ``source`` into the seeds as ``article_id`` with metadata and a draft.

    Returns a summary dict. Raises AddError (nothing written) when the id or
    a file already exists, the text is not UTF-8, or a given value is wrong.
    """
    seeds_dir = Path(seeds_dir)
    if not SLUG_RE.match(article_id or ""):
        raise AddError(f"--id {article_id!r} is not a slug (lowercase letters and digits joined by single dashes)")
    try:
        text, raw = read_text(source, str(source))
    except SeedError as error:
        raise AddError(str(error.problems[0]))
    articles_path = seeds_dir / "articles.yml"
    # Bytes, not text mode: text mode would turn \r\n into \n and rewrite
    # the existing entries.
    existing_raw = articles_path.read_bytes()
    text_path, annotation_path = _free_paths(seeds_dir, article_id)

    registry = load_registry(seeds_dir)
    entry = metadata_entry(article_id, text_path.name, text, registry, title, outlet, published_date, byline)
    result = analyse(text, registry)
    annotation, needs_person = draft_annotation(article_id, text, result)
    new_articles = appended_yaml(existing_raw.decode("utf-8"), entry)
    parsed = yaml.safe_load(new_articles)
    if not parsed or parsed.get("articles", [{}])[-1].get("id") != article_id:
        raise AddError(f"appending to {articles_path} would not add the entry; is its last key 'articles'?")
    draft = draft_yaml(annotation, entry["title"]["value"], result, needs_person)
    _write_or_undo(seeds_dir, article_id, [(text_path, raw), (annotation_path, draft.encode("utf-8"))], new_articles, existing_raw)
    return {
        "id": article_id, "text": text_path, "annotation": annotation_path,
        "quotes": len(annotation["quotes"]), "claims": len(annotation["claims"]),
        "citations": len(annotation["citations"]), "needs_person": needs_person, "entry": entry,
    }


def _free_paths(seeds_dir, article_id):
    """``(text path, annotation path)`` of a new article; AddError when the id is taken."""
    articles_path = seeds_dir / "articles.yml"
    listed = (read_yaml(articles_path, str(articles_path)) or {}).get("articles") or []
    if any(isinstance(a, dict) and a.get("id") == article_id for a in listed):
        raise AddError(f"article id {article_id!r} is already in {articles_path}")
    text_path = seeds_dir / "articles" / f"{article_id}.txt"
    annotation_path = seeds_dir / "annotations" / f"{article_id}.yml"
    for path in (text_path, annotation_path):
        if path.exists():
            raise AddError(f"{path} already exists; refusing to overwrite it")
    return text_path, annotation_path


def _write_or_undo(seeds_dir, article_id, new_files, new_articles, existing_raw):
    """Write the new files and the new articles.yml, or, if anything fails
    (the build refusing them included), put everything back as it was."""
    articles_path = seeds_dir / "articles.yml"
    written = []
    try:
        for path, content in new_files:
            with open(path, "xb") as handle:
                handle.write(content)
            written.append(path)
        temporary = articles_path.with_name(f".{articles_path.name}.{os.getpid()}.tmp")
        temporary.write_bytes(new_articles.encode("utf-8"))
        os.replace(temporary, articles_path)
        written.append(articles_path)
        # The build must accept what was written; a draft's open gaps are
        # fine (they are work for a person), an error is not.
        errors = _errors_about(seeds_dir, article_id)
        if errors:
            raise AddError(f"the new seed files would not build: {errors[0]}")
    except BaseException:
        if articles_path in written:
            articles_path.write_bytes(existing_raw)
        for path in written:
            if path != articles_path:
                path.unlink(missing_ok=True)
        raise
