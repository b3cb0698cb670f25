"""The articles to ingest, read from a folder of .txt files or from a JSON
Lines or CSV file with a text column and optional id, title, outlet, date,
byline and url columns. A bad input becomes a Skip with a named reason;
nothing is ever guessed (a missing title is taken from the text's first
line, a missing url stays missing)."""

import csv
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

# Column names, and the other names a column may go by.
COLUMNS = {
    "text": ("text", "body", "content"),
    "id": ("id", "slug"),
    "title": ("title", "headline"),
    "outlet": ("outlet", "publisher"),
    "published_date": ("published_date", "date"),
    "byline": ("byline", "author"),
    "url": ("url",),
}


@dataclass
class Article:
    """One article to ingest: where it came from, its text and what was given about it."""

    source: str  # "path" or "path:line"
    text: str
    given: dict = field(default_factory=dict)  # id, title, outlet, published_date, byline, url
    original_file: str | None = None


@dataclass
class Skip:
    source: str
    reason: str


def text_problem(raw):
    """Why ``raw`` bytes are no article text, or None."""
    nul = raw.find(b"\0")
    if nul != -1:
        return f"binary file (NUL byte at {nul}), not UTF-8 text"
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return f"not valid UTF-8: byte {error.start} (line {line}) {error.reason}"
    if not text.strip():
        return "empty"
    return None


def from_text_file(path):
    raw = Path(path).read_bytes()
    problem = text_problem(raw)
    if problem:
        return Skip(str(path), problem)
    return Article(str(path), raw.decode("utf-8"), {}, Path(path).name)


def _given(record, source):
    """``(text, given)`` of a JSON Lines or CSV record, or a Skip."""
    found = {}
    for name, aliases in COLUMNS.items():
        for alias in aliases:
            value = record.get(alias)
            if value is not None and (value != "" or name == "text"):
                found[name] = value
                break
    text = found.pop("text", None)
    if not isinstance(text, str):
        return Skip(source, "no text (a text, body or content column)" if text is None else "the text is not a string")
    if "\0" in text:
        return Skip(source, "binary text (a NUL character), not an article")
    if not text.strip():
        return Skip(source, "empty")
    bad = [name for name, value in found.items() if not isinstance(value, str)]
    if bad:
        return Skip(source, f"{bad[0]} is not a string")
    return text, found


def from_records(path, records):
    for line, record in records:
        source = f"{path}:{line}"
        if isinstance(record, Skip):
            yield record
            continue
        if not isinstance(record, dict):
            yield Skip(source, "not an object with a text")
            continue
        found = _given(record, source)
        yield found if isinstance(found, Skip) else Article(source, found[0], found[1])


def jsonl_records(path):
    with open(path, encoding="utf-8", errors="strict") as handle:
        for line, text in enumerate(handle, start=1):
            if text.strip():
                try:
                    yield line, json.loads(text)
                except json.JSONDecodeError as error:
                    yield line, Skip(f"{path}:{line}", f"not JSON: {error.msg} at column {error.colno}")


def csv_records(path):
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # article texts are longer than csv's 128 KB default
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        for record in reader:
            yield reader.line_num, record


def read_inputs(paths):
    """Every Article and Skip of ``paths`` (folders, .txt, .jsonl, .csv), in order."""
    for path in map(Path, paths):
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".txt" and p.is_file())
            if not files:
                yield Skip(str(path), "a folder with no .txt file")
            for file in files:
                yield from_text_file(file)
        elif not path.exists():
            yield Skip(str(path), "not found")
        elif path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from _guarded(path, from_records(path, jsonl_records(path)))
        elif path.suffix.lower() == ".csv":
            yield from _guarded(path, from_records(path, csv_records(path)))
        elif path.suffix.lower() == ".txt":
            yield from_text_file(path)
        else:
            yield Skip(str(path), "not a folder, .txt, .jsonl or .csv file")


def _guarded(path, items):
    """The items of one JSON Lines or CSV file; a file that is not UTF-8 stops where it breaks."""
    try:
        yield from items
    except UnicodeDecodeError as error:
        yield Skip(str(path), f"not valid UTF-8 from byte {error.start} on: the rest of the file is left out")
    except csv.Error as error:
        yield Skip(str(path), f"malformed CSV: {error}")
