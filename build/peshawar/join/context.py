"""What joining an article needs to know, read once per run from the seeds:
the actor registry, the topics, the statements with every curated rendering
of each, and the day of the event the topics are about.

Only curated annotation files count: a draft's links are the joiner's own
guesses and would be taken for evidence. A draft is told from a curated
file by its ``status`` line before anything is parsed, so that a seeds
folder of ten thousand drafts costs a read of each file, not a YAML parse.
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..core.files import read_yaml
from ..core.registry import Registry, load_registry
from ..core.renderings import RenderingIndex

CURATED = re.compile(r"^status:\s*['\"]?curated['\"]?\s*(?:#.*)?$", re.MULTILINE)
# The topic whose curated dates date the event the other topics are about.
EVENT_TOPIC = "attack-date"


@dataclass
class JoinContext:
    """The seeds' knowledge ``join_article`` uses; picklable, built once."""

    registry: Registry
    topics: frozenset = frozenset()  # topic ids
    statement_speakers: dict = field(default_factory=dict)  # statement id -> speaker ids of it and its renderings
    renderings: RenderingIndex = field(default_factory=RenderingIndex)
    event_date: str | None = None  # YYYY-MM-DD of the event (EVENT_TOPIC), from the curated claims

    @classmethod
    def from_seeds(cls, seeds_dir):
        """Read ``seeds_dir``: actors.yml, topics.yml, statements.yml and the curated annotations."""
        seeds_dir = Path(seeds_dir)
        context = cls(load_registry(seeds_dir), topics=frozenset(t["id"] for t in _listed(seeds_dir, "topics")))
        for statement in _listed(seeds_dir, "statements"):
            context.statement_speakers[statement["id"]] = {statement["speaker"]}
        context.add_curated([data for data in _curated_annotations(seeds_dir)])
        return context

    @classmethod
    def from_data(cls, actors, topics=(), statements=(), annotations=()):
        """The same from data already read (dicts as in the seed files)."""
        context = cls(Registry.from_actors(actors), topics=frozenset(t["id"] for t in topics))
        for statement in statements:
            context.statement_speakers[statement["id"]] = {statement["speaker"]}
        context.add_curated(annotations)
        return context

    def add_curated(self, annotations):
        """Index the statement renderings and the event dates of curated annotations."""
        dates = Counter()
        for data in annotations:
            _index_renderings(self, data.get("quotes") or [])
            dates.update(
                c["date"] for c in data.get("claims") or []
                if c.get("topic") == EVENT_TOPIC and len(str(c.get("date", ""))) == 10
            )
        if dates:
            self.event_date = sorted(dates.items(), key=lambda item: (-item[1], item[0]))[0][0]


def _index_renderings(context, quotes):
    """Each rendering of a known statement, alone and with its other parts."""
    parts = {}
    for quote in quotes:
        statement = quote.get("statement")
        if statement not in context.statement_speakers:
            continue
        if quote.get("speaker"):
            context.statement_speakers[statement].add(quote["speaker"])
        context.renderings.add(statement, quote["text"])
        if quote.get("part") and not quote.get("pull_quote"):
            parts.setdefault(statement, []).append((quote["part"], quote["text"]))
    for statement, pieces in parts.items():
        if len(pieces) > 1:
            context.renderings.add(statement, " ".join(text for _, text in sorted(pieces)))


def _listed(seeds_dir, name):
    data = read_yaml(seeds_dir / f"{name}.yml", f"{seeds_dir.name}/{name}.yml") or {}
    return [item for item in data.get(name) or [] if isinstance(item, dict) and item.get("id")]


def _curated_annotations(seeds_dir):
    for path in sorted((seeds_dir / "annotations").glob("*.yml")):
        if CURATED.search(path.read_text(encoding="utf-8")):
            data = read_yaml(path, str(path))
            if isinstance(data, dict) and data.get("status") == "curated":
                yield data
