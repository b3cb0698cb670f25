"""Reading the seed files: every YAML file validated against its JSON
Schema definition, every article text read as UTF-8.

Reading goes on after a problem so that one run reports all of them; a file
with a problem is left out of what is returned.
"""

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

from ..core.files import read_text, read_yaml
from ..core.paths import SCHEMA_DIR
from ..core.problems import Problem, SeedError

SCHEMA_PATH = SCHEMA_DIR / "seeds.schema.json"

# The seed files read whole, each with its definition in the JSON Schema and
# the attribute of Seeds that holds its list.
SEED_FILES = (
    ("actors.yml", "actors_file", "actors"),
    ("topics.yml", "topics_file", "topics"),
    ("statements.yml", "statements_file", "statements"),
    ("articles.yml", "articles_file", "articles"),
)


@functools.cache
def _validator(definition):
    """One validator per seed file kind, read from the schema file once."""
    import jsonschema  # imported here: a build whose files are all cached never validates

    root = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(dict(root, **{"$ref": f"#/$defs/{definition}"}))


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


def validated_yaml(path, display, definition):
    """``(data, problems)`` of one YAML seed file; data is None when it has problems."""
    try:
        data = read_yaml(path, display)
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
    problems = []
    for name, definition, attribute in SEED_FILES:
        display, data = _read_valid(root, name, definition, problems)
        if data is not None:
            setattr(seeds, attribute, _tag(data[attribute], display))
    _read_annotations(root, seeds, problems)
    for article in seeds.articles:
        path = root / "articles" / article["file"]
        try:
            text, raw = read_text(path, _display(root, path))
        except SeedError as error:
            problems.extend(error.problems)
            continue
        seeds.bodies[article["id"]] = text
        seeds.raw[article["id"]] = raw
    return seeds, problems


def _read_annotations(root, seeds, problems):
    """Every annotation file; the metadata an annotation file carries joins ``seeds.articles``."""
    listed = {article["id"] for article in seeds.articles}
    for path in sorted((root / "annotations").glob("*.yml")):
        display, data = _read_valid(root, str(path.relative_to(root)), "annotation_file", problems)
        if data is None:
            continue
        if data["article"] in seeds.annotations:
            problems.append(Problem(display, data.line, f"a second annotation file for article {data['article']!r}"))
            continue
        problems.extend(annotation_problems(path, display, data))
        entry = metadata_entry(data, display)
        if entry is not None and entry["id"] in listed:
            problems.append(Problem(display, entry.line, described_twice(entry["id"])))
            continue
        if entry is not None:
            seeds.articles.append(entry)
        seeds.annotations[data["article"]] = (display, data)


def described_twice(article_id):
    return f"article {article_id!r} is described in articles.yml and in its annotation file's metadata: keep one"


def _tag(items, display):
    """Remember on each item the file it came from."""
    for item in items:
        item["_file"] = display
    return items
