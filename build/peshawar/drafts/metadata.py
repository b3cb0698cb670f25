"""A new article's metadata entry: each field with whether the text states it,
a reader can infer it from the text (and from which words), or the text is
silent; and a URL only as given by the person who added the article."""

import datetime
import re

from ..core.spans import occurrences
from ..extractor import lexicon

GIVEN = "given by the person who added the article"
MONTHS = lexicon.MONTHS


class AddError(Exception):
    """The article cannot be added; the message says why, in one line."""


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


def outlet_entry(text, outlet, registry, strict=True):
    """``outlet``: an actor id (or, unless ``strict``, any name the registry
    resolves); an outlet the registry does not know is an error when
    ``strict``, else kept in a note."""
    if outlet is None:
        return _entry(None, "not_stated")
    if outlet not in registry.kinds and not strict and registry.resolve(outlet):
        outlet = registry.resolve(outlet)
    if outlet not in registry.kinds and not strict:
        return _entry(None, "not_stated", note=f"{GIVEN} as {outlet!r}, which is not a registered actor (seeds/actors.yml)")
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
        raise AddError(f"published date {published_date!r} is not an ISO date (YYYY-MM-DD)")
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


def url_entry(url):
    """A URL is where the person found the article, never a fact of its text:
    kept as given (status given), or not_stated when nobody gave one."""
    if url is None:
        return _entry(None, "not_stated")
    if not re.match(r"^https?://\S+$", url):
        raise AddError(f"url {url!r} is not an http(s) URL")
    return _entry(url, "given", note=f"{GIVEN}; not checked against the text")


def metadata_entry(article_id, file_name, text, registry, title=None, outlet=None, published_date=None, byline=None,
                   url=None, strict=True):
    """The metadata of a new article (an articles.yml entry, with its id)."""
    entry = {
        "id": article_id,
        "file": file_name,
        "outlet": outlet_entry(text, outlet, registry, strict),
        "title": title_entry(text, title),
        "subtitle": _entry(None, "not_stated"),
        "byline": byline_entry(text, byline),
        "dateline": _entry(None, "not_stated"),
        "published_date": date_entry(text, published_date),
    }
    if url is not None:
        entry["url"] = url_entry(url)
    return entry
