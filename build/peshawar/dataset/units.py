"""The seeds one article at a time, so that a build streams: the lookup
files first, then each article with its annotation as one unit of rows.

A unit is a pure function of the lookup files (actors, topics, statements),
the article's metadata entry, its annotation file and its text, so it is
computed once and kept in the cache (``cache.py``) under a hash of those
bytes. Only what spans units is checked outside them: that no id repeats
across articles.
"""

import functools
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from ..core.files import read_bytes
from ..core.problems import Problem, SeedError
from .cache import encode, key

# The seed files read whole, each with its definition in the JSON Schema and
# the attribute of Lookups that holds its list.
LOOKUP_FILES = (
    ("actors.yml", "actors_file", "actors"),
    ("topics.yml", "topics_file", "topics"),
    ("statements.yml", "statements_file", "statements"),
    ("articles.yml", "articles_file", "articles"),
)


def display_of(root, path):
    """``path`` as a person reads it: relative to the folder that holds the seeds."""
    # A Path's string is normalised, so the common case is a prefix: making
    # two Path objects per file was a tenth of a warm build at 10,000 articles.
    prefix = _prefix_of(root)
    if isinstance(path, PurePath) and (text := str(path)).startswith(prefix):
        return text[len(prefix):]
    try:
        return str(Path(path).relative_to(Path(root).parent))
    except ValueError:
        return str(path)


@functools.lru_cache(maxsize=16)
def _prefix_of(root):
    return os.path.join(str(Path(root).parent), "")


def read_document(path, display, definition, cache):
    """``(data, problems, raw bytes)`` of one YAML seed file, from the cache
    when its bytes were read before; data is None when it has problems, raw
    when it could not be read (a link, a pipe, too large, missing)."""
    try:
        raw = read_bytes(path, display)
    except SeedError as error:
        return None, error.problems, None
    entry_key = key("document", definition, raw)
    data = cache.get(entry_key, lined=True)
    if data is not None:
        return data, [], raw
    from .seeds import validated_yaml

    data, problems = validated_yaml(path, display, definition, raw)
    if data is not None:
        cache.put(entry_key, data, lined=True)
    return data, problems, raw


@dataclass
class Lookups:
    """The lookup files, read and validated: what every unit is built against."""

    root: Path
    actors: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    statements: list = field(default_factory=list)
    articles: list = field(default_factory=list)  # the entries of articles.yml
    problems: list = field(default_factory=list)
    unread: set = field(default_factory=set)  # attributes whose file had problems: "topics" ...
    fingerprint: str = ""
    _registry: object = None
    _rows: object = None

    @property
    def registry(self):
        if self._registry is None:
            from ..core.registry import Registry

            self._registry = Registry.from_actors(self.actors)
        return self._registry

    def unread_references(self):
        """The lookup files whose rows references are not checked against,
        because the file itself could not be read: one broken file is one
        problem, not one per reference into it. Statements go with actors."""
        return self.unread | ({"statements"} if "actors" in self.unread else set())

    @functools.cached_property
    def alias_actors(self):
        """``{alias: actor id}`` of the registry's aliases, and the aliases
        casefolded: every unit's mentions are found against them, so they
        are built once per run rather than once per article."""
        aliases = self.rows.table("actor_aliases")
        return {row["alias"]: row["actor_id"] for row in aliases}, {row["alias"].casefold() for row in aliases}

    def lookup_ids(self):
        return {"topics": {t["id"] for t in self.topics}, "statements": {s["id"] for s in self.statements}}

    @property
    def rows(self):
        """The Rows of the lookup tables (actors, aliases, topics, statements)."""
        if self._rows is None:
            from .rows import Rows, lookup_rows

            self._rows = Rows(self.registry, unread=self.unread_references())
            lookup_rows(self, self._rows)
        return self._rows


def read_lookups(root, cache):
    from .seeds import link_problems

    root = Path(root)
    lookups = Lookups(root=root, problems=link_problems(root))
    digest = hashlib.sha256()
    for name, definition, attribute in LOOKUP_FILES:
        path = root / name
        display = display_of(root, path)
        data, problems, raw = read_document(path, display, definition, cache)
        lookups.problems += problems
        if data is None:
            lookups.unread.add(attribute)
        else:
            for item in data[attribute]:
                item["_file"] = display
            setattr(lookups, attribute, data[attribute])
        if attribute != "articles":  # each article's unit keys its own entry
            digest.update(raw or b"")
    lookups.fingerprint = digest.hexdigest()
    return lookups


def article_sources(lookups, problems):
    """``[(article id, annotation file)]``: the articles of articles.yml in
    their order, then every other annotation file by name. What is wrong
    with the folders (links, misnamed files, an article of articles.yml
    without its annotation file) is added to ``problems``; such articles
    are left out rather than loaded as empty drafts."""
    from .seeds import annotation_paths, missing_annotations

    if lookups.root.is_symlink():
        return []
    annotations = annotation_paths(lookups.root, problems)
    if annotations is None:
        return []
    by_stem = {path.stem: path for path in annotations}
    problems += missing_annotations(lookups.root, lookups.articles, by_stem)
    listed, named = [], {}
    for entry in lookups.articles:
        if entry["id"] in named:
            first = named[entry["id"]]
            problems.append(Problem(entry["_file"], entry.line, f"id {entry['id']!r} repeats (first at {first['_file']}:{first.line})"))
        else:
            named[entry["id"]] = entry
            if entry["id"] in by_stem:
                listed.append((entry["id"], by_stem[entry["id"]]))
    return listed + [(path.stem, path) for path in annotations if path.stem not in named]


def columns_of(table):
    """``(columns, rows as lists)`` of a list of row dicts built with the same keys."""
    columns = list(table[0])
    return columns, [list(map(row.get, columns)) for row in table]


def lookup_unit(lookups, cache):
    """The lookup tables' rows (actors, aliases, topics, statements) as a Unit, cached."""
    entry_key = key("lookups", lookups.fingerprint)
    cached = cache.get(entry_key) if not lookups.problems else None
    if cached is not None:
        return Unit.from_json(cached)
    rows = lookups.rows
    ids = [(table, row_id, display, line) for (table, row_id), (display, line) in rows.seen.items()]
    unit = Unit({name: columns_of(table) for name, table in rows.tables.items() if table}, [], list(rows.problems), ids)
    if not unit.errors and not lookups.problems:
        cache.put(entry_key, unit.as_json())
    return unit


@dataclass
class Unit:
    """One article's rows (``{table: (columns, rows)}``), gaps, errors and ids."""

    tables: dict
    gaps: list  # rows of review_queue (review.GAP_COLUMNS), as Gap.as_row gives them
    errors: list
    ids: list  # (table, id, file, line) of every row with an id
    body_sha: str = ""
    text_file: str = ""  # the article's file name under articles/

    def as_json(self):
        return {
            "tables": {name: [list(columns), rows] for name, (columns, rows) in self.tables.items()},
            "gaps": [list(gap) for gap in self.gaps], "ids": self.ids,
            "body_sha": self.body_sha, "text_file": self.text_file,
        }

    @classmethod
    def from_json(cls, value):
        # Lists as JSON gives them: the gaps and ids are only unpacked and copied.
        tables = {name: (columns, rows) for name, (columns, rows) in value["tables"].items()}
        return cls(tables, value["gaps"], [], value["ids"], value["body_sha"], value["text_file"])


def _entry_for(lookups, article_id):
    return next((entry for entry in lookups.articles if entry["id"] == article_id), None)


def unit_key(lookups, entry, annotation_raw):
    return key("unit", lookups.fingerprint, encode(entry) if entry is not None else "", annotation_raw or b"")


def load_unit(lookups, article_id, annotation_path, cache, entry=None):
    """The unit of one article: from the cache when nothing it depends on changed."""
    entry = entry if entry is not None else _entry_for(lookups, article_id)
    try:
        annotation_raw = read_bytes(annotation_path, display_of(lookups.root, annotation_path)) if annotation_path else None
    except SeedError as error:
        return Unit({}, [], error.problems, [])
    entry_key = unit_key(lookups, entry, annotation_raw)
    cached = cache.get(entry_key)
    if cached is not None:
        body = _body(lookups.root, cached["text_file"])
        if body is not None and hashlib.sha256(body).hexdigest() == cached["body_sha"]:
            return _with_body(Unit.from_json(cached), body.decode("utf-8"))
    annotation = None
    if annotation_path:
        display = display_of(lookups.root, annotation_path)
        data, problems, _ = read_document(annotation_path, display, "annotation_file", cache)
        if data is None:
            return Unit({}, [], problems, [])
        annotation = (annotation_path, display, data)
    from .build_unit import compute_unit

    unit = compute_unit(lookups, article_id, entry, annotation)
    if not unit.errors:
        cache.put(entry_key, cache_value(unit))
    return unit


def cache_value(unit):
    """What the cache keeps of a unit: everything but the article's text, which stays in its file."""
    return _without_body(unit).as_json()


def _body(root, text_file):
    """The bytes of a cached unit's text file, or None when it is gone."""
    if not text_file:
        return None
    path = os.path.join(root, "articles", text_file)
    try:
        return read_bytes(path, path)
    except SeedError:
        return None  # computing the unit afresh names the problem


def _without_body(unit):
    columns, rows = unit.tables.get("articles", ((), []))
    if rows:
        index = columns.index("body")
        rows = [row[:index] + [None] + row[index + 1:] for row in rows]
    tables = {**unit.tables, "articles": (columns, rows)} if rows else unit.tables
    return Unit(tables, unit.gaps, unit.errors, unit.ids, unit.body_sha, unit.text_file)


def _with_body(unit, body):
    columns, rows = unit.tables["articles"]
    index = columns.index("body")
    rows = [row[:index] + [body] + row[index + 1:] for row in rows]
    return Unit({**unit.tables, "articles": (columns, rows)}, unit.gaps, unit.errors, unit.ids, unit.body_sha, unit.text_file)
