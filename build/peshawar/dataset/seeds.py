"""Reading the seed files: every YAML file validated against its JSON
Schema definition, every article text read as UTF-8.

Reading goes on after a problem so that one run reports all of them; a file
with a problem is left out of what is returned.

What is read is only ever the seeds: no symbolic link (to a file or a
folder) is followed, a folder holding more than MAX_FOLDER_FILES entries is
refused before any is read, ``annotations/`` holds nothing but
``<article id>.yml`` files, and every article has one (an article nothing
is annotated in yet has a file saying ``status: draft`` and no more), so
that a renamed or deleted annotation file never loads its article as an
empty draft.
"""

import functools
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.files import read_text, read_yaml
from ..core.paths import SCHEMA_DIR
from ..core.problems import Problem, SeedError
from ..core.text import first_forbidden

SCHEMA_PATH = SCHEMA_DIR / "seeds.schema.json"

# The seed files read whole, each with its definition in the JSON Schema and
# the attribute of Seeds that holds its list.
SEED_FILES = (
    ("actors.yml", "actors_file", "actors"),
    ("topics.yml", "topics_file", "topics"),
    ("statements.yml", "statements_file", "statements"),
    ("articles.yml", "articles_file", "articles"),
)


# How many entries articles/ or annotations/ may hold, counted before any is
# read (the five seeds and ten thousand drafts are far below it).
MAX_FOLDER_FILES = 100_000


@functools.cache
def ecma_regex(pattern):
    """``pattern`` compiled as JSON Schema means it (ECMA-262), where ``$``
    matches only at the very end; Python's ``$`` also matches before a final
    newline, which let an id "x\\n" through."""
    out, index, in_class = [], 0, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            out.append(pattern[index:index + 2])
            index += 2
            continue
        in_class = (in_class or char == "[") and char != "]"
        out.append(r"\Z" if char == "$" and not in_class else char)
        index += 1
    return re.compile("".join(out))


def _pattern(validator, pattern, instance, schema):
    import jsonschema

    if validator.is_type(instance, "string") and not ecma_regex(pattern).search(instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@functools.cache
def _validator(definition):
    """One validator per seed file kind, read from the schema file once."""
    import jsonschema  # imported here: a build whose files are all cached never validates

    validator = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"pattern": _pattern})
    root = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return validator(inline_references(root["$defs"][definition], root))


# Keywords that say what a schema is for, not what it allows.
_NOTES = {"description", "title", "$comment"}


def inline_references(node, root):
    """``node`` with every local ``$ref`` replaced by what it points to.

    jsonschema resolves a reference each time it meets one, which made
    validation most of a build's time; the seed schema has no recursive
    reference, so each is resolved once here. A ``$ref`` beside other
    keywords becomes an ``allOf`` entry beside them, as JSON Schema reads it.
    """
    if isinstance(node, list):
        return [inline_references(item, root) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: inline_references(value, root) for key, value in node.items()}
    reference = node.pop("$ref", None)
    if reference is None:
        return node
    target = root
    for part in reference.removeprefix("#/").split("/"):
        target = target[part]
    target = inline_references(target, root)
    if not set(node) - _NOTES:
        return target
    # Kept beside its siblings, as an in-place applicator: unevaluatedProperties
    # next to it must still see what the referenced schema evaluated.
    return {**node, "allOf": [*node.get("allOf", ()), target]}


def schema_problems(data, definition, display):
    """Validate ``data`` against ``$defs/<definition>`` of the seeds schema."""
    validator = _validator(definition)
    problems = []
    for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path)):
        node, line = data, getattr(data, "line", None)
        for key in error.absolute_path:
            try:
                node = node[key]
            except (KeyError, IndexError, TypeError):
                break
            line = getattr(node, "line", line)
        where = "/".join(str(k) for k in error.absolute_path) or "top level"
        problems.append(Problem(display, line, f"{where}: {error.message}"))
    return problems


@dataclass
class Seeds:
    """Everything read from ``seeds/``, validated against the JSON Schema."""

    root: Path
    actors: list = field(default_factory=list)
    topics: list = field(default_factory=list)
    statements: list = field(default_factory=list)
    articles: list = field(default_factory=list)
    bodies: dict = field(default_factory=dict)  # article id -> text
    raw: dict = field(default_factory=dict)  # article id -> bytes
    annotations: dict = field(default_factory=dict)  # article id -> (display path, data)
    unread: set = field(default_factory=set)  # attributes whose file had problems: "topics" ...


def _display(root, path):
    try:
        return str(Path(path).relative_to(root.parent))
    except ValueError:
        return str(path)


def _read_valid(root, name, definition, problems):
    """``(display path, data)`` of one YAML seed file; data is None when it has problems."""
    path = root / name
    display = _display(root, path)
    data, found = validated_yaml(path, display, definition)
    problems.extend(found)
    return display, data


def validated_yaml(path, display, definition, raw=None):
    """``(data, problems)`` of one YAML seed file (``raw``: its bytes, when
    read already); data is None when it has problems."""
    try:
        data = read_yaml(path, display, raw=raw)
    except SeedError as error:
        return None, error.problems
    found = schema_problems(data, definition, display)
    return (None if found else data), found


def annotation_problems(path, display, data):
    """What is wrong with where an annotation file is: its name must be its article's id."""
    if Path(path).stem != data["article"]:
        return [Problem(display, data.line, f"annotates article {data['article']!r} but is named {Path(path).name}: "
                                              f"an annotation file is named for its article ({data['article']}.yml)")]
    return []


def metadata_entry(data, display):
    """The articles.yml-like entry of an annotation file that carries its article's metadata, or None."""
    metadata = data.get("metadata")
    if metadata is None:
        return None
    entry = type(metadata)(metadata, id=data["article"], _file=display)
    entry.line = getattr(metadata, "line", None)
    return entry


def read_seeds(root):
    """Read every seed file under ``root``; return ``(Seeds, problems)``."""
    root = Path(root)
    seeds = Seeds(root=root)
    problems = link_problems(root)
    if root.is_symlink():
        return seeds, problems
    for name, definition, attribute in SEED_FILES:
        display, data = _read_valid(root, name, definition, problems)
        if data is None:
            seeds.unread.add(attribute)
        else:
            setattr(seeds, attribute, _tag(data[attribute], display))
    annotated = _read_annotations(seeds, problems)
    _read_articles(seeds, problems)
    if annotated is not None:
        problems += missing_annotations(root, seeds.articles, annotated)
    return seeds, problems


def missing_annotations(root, articles, annotated):
    """A problem for each article of ``articles`` whose id has no annotation file."""
    problems = []
    for article in articles:
        if article["id"] not in annotated:
            expected = _display(root, root / "annotations" / f"{article['id']}.yml")
            problems.append(Problem(article["_file"], article.line, (
                f"article {article['id']} has no annotation file {expected} (an article with nothing "
                f"annotated yet has one holding 'article: {article['id']}' and 'status: draft')"
            )))
    return problems


def link_problems(root):
    """The seed folder and its two subfolders must be real folders."""
    problems = []
    for path in (root, root / "articles", root / "annotations"):
        if path.is_symlink():
            problems.append(Problem(_display(root, path), None, "a symbolic link: the seeds are read from real folders only"))
    return problems


def _folder_entries(root, name, problems):
    """The entries of ``root/name`` sorted by name, or None (with a problem)
    when it is a link, missing, or holds too many to read."""
    folder = root / name
    if folder.is_symlink():  # named by link_problems
        return None
    try:
        with os.scandir(folder) as scan:
            entries = []
            for entry in scan:
                entries.append(entry)
                if len(entries) > MAX_FOLDER_FILES:
                    problems.append(Problem(_display(root, folder), None, f"more than {MAX_FOLDER_FILES:,} entries: not read"))
                    return None
    except FileNotFoundError:
        problems.append(Problem(_display(root, folder), None, "folder not found"))
        return None
    except NotADirectoryError:
        problems.append(Problem(_display(root, folder), None, "not a folder"))
        return None
    return sorted(entries, key=lambda entry: entry.name)


def text_problem(display, text):
    """The problem of an article text holding a character no text may hold, or None."""
    found = first_forbidden(text)
    if not found:
        return None
    line, offset, what, count = found
    more = f" ({count:,} such characters in all)" if count > 1 else ""
    return Problem(display, line, (
        f"{what} at character {offset}{more}: an article text may hold tabs and line breaks, no other control characters"
    ))


def _read_articles(seeds, problems):
    """The text of every article listed, each checked for characters no text may hold."""
    root = seeds.root
    if _folder_entries(root, "articles", problems) is None:
        return
    for article in seeds.articles:
        path = root / "articles" / article["file"]
        display = _display(root, path)
        try:
            text, raw = read_text(path, display)
        except SeedError as error:
            problems.extend(error.problems)
            continue
        problem = text_problem(display, text)
        if problem:
            problems.append(problem)
            continue
        seeds.bodies[article["id"]] = text
        seeds.raw[article["id"]] = raw


def annotation_paths(root, problems):
    """``[Path]`` of every ``annotations/<article id>.yml`` in name order, or
    None when the folder could not be listed; anything else there is a problem."""
    entries = _folder_entries(root, "annotations", problems)
    if entries is None:
        return None
    paths = []
    for entry in entries:
        if entry.name.startswith("."):  # an editor's swap or lock file
            continue
        stem, _, suffix = entry.name.rpartition(".")
        if entry.is_symlink() or suffix != "yml" or not entry.is_file(follow_symlinks=False):
            problems.append(Problem(_display(root, Path(entry.path)), None, _not_an_annotation(entry, stem, suffix)))
            continue
        paths.append(Path(entry.path))
    return paths


def _read_annotations(seeds, problems):
    """Read every annotation file; the metadata an annotation file carries
    joins ``seeds.articles``. Return the article ids a file is named for
    (None when the folder could not be listed)."""
    root = seeds.root
    paths = annotation_paths(root, problems)
    if paths is None:
        return None
    listed = {article["id"] for article in seeds.articles}
    for path in paths:
        display, data = _read_valid(root, f"annotations/{path.name}", "annotation_file", problems)
        if data is None:
            continue
        if data["article"] in seeds.annotations:
            problems.append(Problem(display, data.line, f"a second annotation file for article {data['article']!r}"))
            continue
        found = annotation_problems(path, display, data)
        entry = metadata_entry(data, display)
        if entry is not None and entry["id"] in listed:
            found.append(Problem(display, entry.line, described_twice(entry["id"])))
        problems += found
        if found:
            continue
        if entry is not None:
            seeds.articles.append(entry)
        seeds.annotations[data["article"]] = (display, data)
    return {path.stem for path in paths}


def _not_an_annotation(entry, stem, suffix):
    if entry.is_symlink():
        return "a symbolic link: seed files must be regular files, not links"
    if suffix.lower() in ("yml", "yaml") and entry.is_file():
        return f"annotation files end in .yml: rename it to {stem}.yml"
    return "not an annotation file: annotations/ holds only <article id>.yml files"


def described_twice(article_id):
    return f"article {article_id!r} is described in articles.yml and in its annotation file's metadata: keep one"


def _tag(items, display):
    """Remember on each item the file it came from."""
    for item in items:
        item["_file"] = display
    return items
