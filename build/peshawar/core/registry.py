"""The actor registry: every actor's id, kind, name and spellings.

One registry serves both wings. The build checks that every actor id an
annotation gives is registered (and suggests the id meant when it is not);
the extractor resolves the phrases it finds (a name, "the Army") to actor
ids. The first actor to claim an alias, in any capitalisation, keeps it;
its own spellings that differ only in case are all kept.
"""

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .files import read_yaml


LEADING_ARTICLE_RE = re.compile(r"^(?:the|a|an)\s+")


def fold(text):
    """A spelling compared without case, no-break spaces or repeated spaces."""
    return " ".join(text.split()).casefold()


@dataclass
class Registry:
    """Actor aliases and kinds, the only knowledge the extractor has."""

    aliases: dict  # alias, exact spelling -> actor id
    kinds: dict = field(default_factory=dict)  # actor id -> kind
    names: dict = field(default_factory=dict)  # actor id -> name

    def __post_init__(self):
        self._folded = {}
        self._surnames = {}  # last word of a multi-word person alias -> actor ids
        # The most words an alias has: no longer phrase can name an actor.
        self.longest_alias_words = 0
        for alias, actor_id in self.aliases.items():
            self._folded.setdefault(fold(alias), actor_id)
            words = fold(alias).split()
            self.longest_alias_words = max(self.longest_alias_words, len(words))
            if len(words) > 1 and self.kinds.get(actor_id) == "person":
                owners = self._surnames.setdefault(words[-1], [])
                if actor_id not in owners:
                    owners.append(actor_id)
        # A surname one person alone carries: asked for every capitalised
        # word of every article, so worked out once.
        self._sole_owners = {surname: owners[0] for surname, owners in self._surnames.items() if len(owners) == 1}

    @classmethod
    def from_actors(cls, actors):
        """From the entries of ``seeds/actors.yml`` (id, name, kind, aliases)."""
        aliases, kinds, names = {}, {}, {}
        owners = {}  # folded alias -> actor id
        for actor in actors:
            kinds[actor["id"]] = actor.get("kind")
            names[actor["id"]] = actor.get("name")
            for alias in [actor.get("name"), *(actor.get("aliases") or [])]:
                if alias and owners.setdefault(fold(alias), actor["id"]) == actor["id"]:
                    aliases[alias] = actor["id"]
        return cls(aliases, kinds, names)

    @property
    def ids(self):
        return self.kinds.keys()

    def resolve(self, text):
        """The actor a phrase names, ignoring case and a leading article."""
        if not text:
            return None
        folded = fold(text)
        if folded in self._folded:
            return self._folded[folded]
        bare = LEADING_ARTICLE_RE.sub("", folded)
        if bare in self._folded:
            return self._folded[bare]
        return self._folded.get("the " + bare)

    def persons_with_surname(self, surname):
        """Person actors one of whose multi-word aliases ends with ``surname``."""
        return list(self._surnames.get(fold(surname), []))

    def sole_person_with_surname(self, surname):
        """The one person actor whose multi-word aliases end with
        ``surname``, or None (nobody, or several)."""
        return self._sole_owners.get(fold(surname))

    def suggest(self, unknown):
        """The actor id most likely meant by an unknown id, or None."""
        words = unknown.replace("-", " ").casefold()
        if words in self._folded:
            return self._folded[words]
        close = difflib.get_close_matches(unknown, sorted(self.ids), n=1, cutoff=0.5)
        if close:
            return close[0]
        for alias, actor_id in sorted(self._folded.items()):
            if words and (words in alias or alias in words):
                return actor_id
        return None


def load_registry(seeds_dir):
    """The registry of ``seeds_dir/actors.yml`` (raises SeedError if unreadable)."""
    path = Path(seeds_dir) / "actors.yml"
    data = read_yaml(path, str(path)) or {}
    return Registry.from_actors([a for a in data.get("actors") or [] if isinstance(a, dict) and a.get("id")])
