"""Proposed actors: a speaker the registry does not know becomes an actor
proposed for the registry (method automatic), with a guessed kind and how
sure the guess is.

- A name ("Dr. Nadeem Akhtar") is proposed without its titles, and its id is
  the slug of that name: spellings that differ only by a title are one
  actor, and one person named in many drafts is one proposal, which the
  build merges into one row.
- A bare surname ("Akhtar said") stands for the full name ending with it
  that the article gives, the last before the quote (else the first after).
  A surname alone is never proposed, and a name the registry knows is
  never proposed again: nothing is merged with a registered actor on a
  bare surname.
- An indefinite description ("a senior police officer") is an anonymous
  source of that article alone.

The kind rules are data (``KIND_RULES``, ``kind_words.txt``): the first that
fits gives the kind and its confidence.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from ..core.word_lists import read_word_list
from ..extractor import lexicon
from ..extractor.phrases import NAME_RUN_RE

_KEYED = [entry.partition(":")[::2] for entry in read_word_list(Path(__file__).with_name("kind_words.txt"))]
KIND_WORDS = {word.strip(): kind.strip() for kind, word in _KEYED if kind.strip() not in ("person", "title")}
PERSON_NOUNS = frozenset(word.strip() for kind, word in _KEYED if kind.strip() == "person") | lexicon.ROLE_WORDS
TITLES = frozenset(word.strip() for kind, word in _KEYED if kind.strip() == "title") | lexicon.TITLE_WORDS
_TITLES = "|".join(re.escape(t) for t in sorted(lexicon.TITLE_WORDS, key=len, reverse=True))
_PERSON_NOUN = r"(?:" + "|".join(sorted(PERSON_NOUNS)) + r")s?"
INDEFINITE = re.compile(r"(?:an?|one)\s+(?:[\w-]+\s+){0,4}?" + _PERSON_NOUN + r"\b(?:\s+(?:of|for|at|in|from)\s+[\w\s-]+)?", re.IGNORECASE)


@dataclass(frozen=True)
class KindRule:
    """A kind for a proposed name when the name stands in the article with
    ``before`` right before it and ``after`` right after it (patterns;
    empty: anything); ``kind`` None takes the kind of the institution word
    the name holds. The patterns are compiled once, and a name is looked
    for with ``str.find``: compiling a pattern per name was most of
    ingest's time."""

    rule: str
    kind: str | None
    confidence: float
    before: str = ""
    after: str = ""

    @cached_property
    def before_re(self):
        return re.compile(r"(?:" + self.before + r")\Z") if self.before else None

    @cached_property
    def after_re(self):
        return re.compile(self.after) if self.after else None

    def fits(self, text, start, end):
        """Does the name at ``text[start:end]`` stand where this rule wants it?"""
        if self.before_re and not self.before_re.search(text, max(0, start - CONTEXT), start):
            return False
        return not self.after_re or bool(self.after_re.match(text, end))


# How far before a name its title or role is looked for.
CONTEXT = 120
KIND_RULES = (
    KindRule("institution_word", None, 0.75),
    KindRule("titled_name", "person", 0.95, before=r"(?<![\w-])(?:" + _TITLES + r")[ \u00a0]+"),
    KindRule("role_apposition", "person", 0.9, after=r",\s+(?:an?|the|who)\s+(?:[\w-]+\s+){0,4}?" + _PERSON_NOUN + r"\b"),
    KindRule("role_apposition", "person", 0.9, before=r"\b" + _PERSON_NOUN + r"[ \u00a0]+"),
    KindRule("personal_name", "person", 0.8),
)
ANONYMOUS = ("indefinite_description", "anonymous_source", 0.7)


def slug(words):
    """An id from words: ASCII lowercase letters and digits joined by dashes."""
    ascii_words = unicodedata.normalize("NFKD", words).encode("ascii", "ignore").decode()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_words.lower()))


def _is_title(word):
    return word in TITLES or word.lower() in PERSON_NOUNS


def without_titles(phrase):
    """The name in a speaker phrase without what comes before it: a
    determiner, titles ("Dr.", "City Clerk"), a possessive "'s"; None when
    what is left is not a capitalised name."""
    words = re.sub(r"['’]s$", "", phrase.strip()).split()
    if len(words) > 1 and words[0] in ("A", "An", "The"):
        words.pop(0)
    if words and words[-1] not in KIND_WORDS:  # "Interior Department" is a body's name whole
        last_title = max((i for i, w in enumerate(words[:-1]) if _is_title(w)), default=-1)
        words = words[last_title + 1:]
    name = " ".join(words)
    if not name or not NAME_RUN_RE.fullmatch(name) or all(w.isupper() and len(w) > 1 for w in words):
        return None  # not a name, or page furniture in capitals ("READ MORE")
    return name


def _word_char(char, apostrophes):
    return char.isalnum() or char in "_-" or (apostrophes and char in "’'")


def occurrences(name, text, bounded_left=True, apostrophes=False):
    """``[(start, end)]`` of ``name`` in ``text`` as a whole word: no letter,
    digit, underscore or dash right after it (nor an apostrophe, when
    ``apostrophes``), nor right before it when ``bounded_left``."""
    found, start = [], text.find(name)
    while start != -1:
        end = start + len(name)
        if (end == len(text) or not _word_char(text[end], apostrophes)) and (
                not bounded_left or start == 0 or not _word_char(text[start - 1], False)):
            found.append((start, end))
        start = text.find(name, start + 1)
    return found


# Up to three capitalised words right before a surname: a full name.
FULL_NAME_BEFORE = re.compile(r"(?<![\w’'-])(?:[A-Z][\w’'-]*[ \u00a0]+){1,3}\Z")
# A title right before a name, which a spelling of the name keeps.
TITLE_BEFORE = re.compile(r"(?:" + _TITLES + r")[ \u00a0]+\Z")


def full_name(surname, text, before):
    """The article's full name ending with ``surname``: the last before
    offset ``before``, else the first after; None when it gives none."""
    found = []
    for start, _ in occurrences(surname, text, bounded_left=False, apostrophes=True):
        words = FULL_NAME_BEFORE.search(text, max(0, start - CONTEXT), start)
        if words:
            found.append((without_titles(_from_name(words.group() + surname)), words.start()))
    earlier = [name for name, start in found if name and start < before and len(name.split()) > 1]
    later = [name for name, start in found if name and start >= before and len(name.split()) > 1]
    return (earlier[-1:] or later[:1] or [None])[0]


def _from_name(words):
    """``words`` from the first that may begin a name: "On Wednesday Osei" -> "Osei"."""
    split = words.split()
    while len(split) > 1 and (split[0] in lexicon.SENTENCE_STARTERS or split[0] in lexicon.WEEKDAYS or split[0] in lexicon.MONTHS):
        split.pop(0)
    return " ".join(split)


def guess_kind(name, text):
    """``(rule, kind, confidence)`` of the first kind rule that fits ``name`` in ``text``."""
    # The head of a body's name is its last institution word ("Council Caterers Network").
    institution = next((KIND_WORDS[w] for w in reversed(name.split()) if w in KIND_WORDS), None)
    places = occurrences(name, text)
    for rule in KIND_RULES:
        if rule.kind is None and institution is None:
            continue
        if rule.kind == "person" and institution is not None:
            continue
        if rule.rule == "personal_name" and len(name.split()) < 2:
            continue
        if any(rule.fits(text, start, end) for start, end in places):
            return rule.rule, rule.kind or institution, rule.confidence
    return None


def spellings_of(name, text):
    """How the article writes ``name``: alone, or after a title ("Dr. Nadeem Akhtar")."""
    found = set()
    for start, end in occurrences(name, text, bounded_left=False):
        title = TITLE_BEFORE.search(text, max(0, start - CONTEXT), start)
        found.add(text[title.start():end] if title else name)
    return sorted(found)


def propose(quote, article_id, text, registry):
    """The actor to propose for ``quote``'s unregistered speaker, or None."""
    phrase = (quote.get("speaker") or "").strip()
    if quote.get("speaker_id") or not phrase:
        return None
    if INDEFINITE.fullmatch(phrase):
        described = re.sub(r"^(?:an?|one)\s+", "", phrase, flags=re.IGNORECASE)
        rule, kind, confidence = ANONYMOUS
        return {"id": f"anon-{article_id}-{slug(described)}", "name": f"{described[0].upper()}{described[1:]} (anonymous, {article_id})",
                "kind": kind, "kind_rule": rule, "kind_confidence": confidence, "spellings": []}
    name = without_titles(phrase)
    if name and len(name.split()) == 1:
        name = full_name(name, text, quote["start_char"])
    if not name or registry.resolve(name) or not slug(name):
        return None
    guessed = guess_kind(name, text)
    if guessed is None:
        return None
    actor_id = slug(name) if slug(name) not in registry.kinds else f"{slug(name)}-proposed"
    spellings = spellings_of(name, text)
    return {"id": actor_id, "name": name, "kind": guessed[1], "kind_rule": guessed[0],
            "kind_confidence": guessed[2], "spellings": [s for s in spellings if s != name]}


def propose_actors(article_id, text, quotes, registry):
    """Mark each quote whose speaker is unregistered with ``speaker_proposed``;
    return the proposals of the article, one per id (the surest kind kept)."""
    proposed = [(quote, propose(quote, article_id, text, registry)) for quote in quotes]
    kept = {}
    for _, proposal in proposed:
        if proposal and proposal["kind_confidence"] > kept.get(proposal["id"], {}).get("kind_confidence", -1):
            kept[proposal["id"]] = proposal
    for quote, proposal in proposed:
        if proposal:
            quote["speaker_proposed"] = {key: kept[proposal["id"]][key] for key in ("id", "name", "kind", "kind_confidence")}
    return [kept[key] for key in sorted(kept)]
