"""Who a speaker phrase means: names through the actor registry (on
evidence in the article, ``naming.py``), pronouns to the last person a
sentence was about or who spoke, "it" and "they" to the last organisation,
definite descriptions ("the commander", "the league") to the last person or
body described or named that way.

Each phrase resolves to a ``Speaker``: the words as written, the name of
who speaks as the article gives it at its fullest, the registered actor
when the article's words name one, and how that was found. Pronouns skip
a person of the other gender where a title, a kinship word or an earlier
pronoun told it. Nothing here names an actor: what is known about actors
comes from the registry only.
"""

import bisect
import re
from dataclasses import dataclass

from . import lexicon, phrases
from .naming import Names, gender_key, last_before, organization_like, person_like

# How many earlier speakers a pronoun looks back over, the last first: a
# bound on the work for one pronoun in a text with thousands of cues.
PRONOUN_LOOK_BACK = 200
# How many antecedents back (six) a named person is preferred, for "he" or "she",
# to a nearer description of no known gender.
NAMED_PREFERRED_WITHIN = 6
# Head nouns of descriptions of bodies, which "it" and "they" point back to.
BODY_HEADS = {word.lower() for word in lexicon.ORGANIZATION_WORDS} | lexicon.words("body_heads")
PERSON_HEADS = lexicon.words("person_heads")
DEFINITE_RE = re.compile(r"(?:the|this|that)\s", re.IGNORECASE)
LETTERS_RE = re.compile(r"[A-Za-z][\w-]*")
# What may stand before a sentence's first word: space and opening marks.
SENTENCE_OPENING_MARKS = " \t\n\u00a0\"'\u201c\u2018("
VERB_THEN_RE = re.compile(r"[a-z]+[ \u00a0]+")  # the speech verb of a cue and the space after it


@dataclass(frozen=True)
class Speaker:
    """Who a speaker phrase means.

    ``text`` is the phrase as written ("she", "the league", "Lomax");
    ``name`` the name of who speaks as the article writes it at its
    fullest ("Debbie Stabenow", "the Harlow County Taxpayers League",
    "Keith Lomax"), or the description itself for someone never named, or
    None when a pronoun finds no antecedent; ``actor_id`` the registered
    actor the article's words name; ``how`` how that id was found (an
    identity rule of ``naming.py``, or "pronoun"/"description" carried from
    an antecedent).
    """

    text: str
    name: str | None
    actor_id: str | None
    number: str
    form: str  # name, description, pronoun
    how: str | None = None
    body: bool = False  # an organisation, which "it" may mean


class Resolver:
    """Turns speaker phrases into speakers, remembering who spoke last."""

    def __init__(self, text, registry, mentions, index=None):
        self.text = text
        self.registry = registry
        self.names = Names(text, registry, mentions, index)
        self.index = self.names.index
        self.history = []  # (offset, Speaker, head noun), in text order
        self.by_head = {}  # head noun -> [(offset, Speaker)] of the history
        self.antecedents = {}  # "singular" / "plural" / "body" -> [(offset, Speaker)] a pronoun may mean
        self.gender = {}  # actor id or ("surname", word) -> "he" / "she"
        people = [(m[0], m[3]) for m in mentions if registry.kinds.get(m[3]) == "person"]
        self._person_starts = [start for start, _ in people]
        self._person_ids = [actor_id for _, actor_id in people]
        self.sentences = None  # the article's sentence spans (sentences.Spans), set by the reading pass
        self._named_as_cache = {}
        self._named = {}  # a name or statement Phrase -> its Speaker
        self._names_by_last_word = None  # built on first use by _names_ending_with
        self._person_names = {}  # (start, end) of a run of capitalised words -> its person name or None
        self._person_run_before = {}  # index of a run -> index of the last person-like run up to it, or -1

    def remember(self, offset, speaker, head=None, subordinate=False):
        """Remember who a phrase at ``offset`` meant. A speaker in a
        subordinate clause ("when a reporter asked") is no antecedent for a
        pronoun when the sentence has its own subject of that number."""
        entry = (offset, speaker)
        bisect.insort_right(self.history, (offset, speaker, head), key=lambda h: h[0])
        if head:
            bisect.insort_right(self.by_head.setdefault(head, []), entry, key=lambda h: h[0])
        if speaker.name is None:
            return  # an unresolved pronoun is nobody to point back to
        if subordinate and self._sentence_has_antecedent(offset, speaker.number):
            return
        bisect.insort_right(self.antecedents.setdefault(speaker.number, []), entry, key=lambda h: h[0])
        if speaker.body:
            bisect.insort_right(self.antecedents.setdefault("body", []), entry, key=lambda h: h[0])

    def _sentence_has_antecedent(self, offset, number):
        """Is there an antecedent of ``number`` earlier in the sentence that
        holds ``offset``?"""
        sentence_start = self.sentences.at(offset)[0] if self.sentences else 0
        entries = self.antecedents.get(number, [])
        last = bisect.bisect_left(entries, offset, key=lambda h: h[0]) - 1
        return last >= 0 and entries[last][0] >= sentence_start

    def resolve(self, phrase, offset, continuing=False):
        """The ``Speaker`` that ``phrase`` (at ``offset``) means.
        ``continuing``: the phrase is the subject of a cue that goes on with
        the speech just before it ("he added"), see ``_continues``."""
        if phrase.kind == "pronoun":
            return self._pronoun(phrase, offset, continuing)
        if phrase.kind in ("name", "statement"):
            # A name means the same wherever it is asked about (a sentence's
            # subject is often a cue's subject too): worked out once.
            if phrase not in self._named:
                self._named[phrase] = self._name(phrase)
            return self._named[phrase]
        return self._description(phrase, offset)

    def _name(self, phrase):
        """The ``Speaker`` of a name or a group's statement (``Names.fullest``
        reads the whole article, not the text up to the phrase)."""
        actor, how = self.names.actor(phrase.text, phrase.start, phrase.end)
        name = self.names.fullest(phrase.text, phrase.start, actor, titled=_titled(self.text, phrase.start))
        number = "plural" if phrase.kind == "statement" else self.names.number_of(actor, name)
        body = self.registry.kinds.get(actor) not in (None, "person", "anonymous_source") or (
            actor is None and organization_like(name)
        )
        return Speaker(phrase.text, name, actor, number, "name", how, body)

    def learn_gender(self, actor_id, title_or_pronoun, name=None):
        """Remember "he" or "she" for an actor (or, unregistered, a surname)."""
        word = (title_or_pronoun or "").lower().rstrip(".")
        gender = "she" if word in lexicon.FEMALE_WORDS else "he" if word in lexicon.MALE_WORDS else None
        if gender is None:
            return  # most words asked about tell no gender: the key (a pattern over the name) is not worked out
        key = gender_key(actor_id, name)
        if key:
            self.gender.setdefault(key, gender)

    def _pronoun(self, phrase, offset, continuing=False):
        pronoun = phrase.text.lower()
        number = "body" if pronoun == "it" else phrases.PRONOUNS.get(pronoun, "singular")
        antecedents = self.antecedents.get(number, [])
        last = bisect.bisect_left(antecedents, offset, key=lambda h: h[0])
        if continuing and last > 0 and self._continues(antecedents[last - 1], offset, pronoun):
            return _meant_by(phrase, antecedents[last - 1][1])
        unnamed = None  # the last unnamed antecedent of no known gender ("a council spokesperson")
        for position in range(last - 1, max(-1, last - 1 - PRONOUN_LOOK_BACK), -1):
            antecedent = antecedents[position][1]
            gender = self.gender.get(gender_key(antecedent.actor_id, antecedent.name))
            if pronoun in ("he", "she") and (antecedent.body or gender not in (None, pronoun)):
                continue  # "she" is not the man named last, nor the council
            if pronoun in ("he", "she") and gender is None and _unnamed(antecedent):
                # "he" or "she" for a description of no gender: only when no
                # named person of that gender comes just before it.
                unnamed = unnamed or antecedent
                if last - position <= NAMED_PREFERRED_WITHIN:
                    continue
                antecedent = unnamed
            elif unnamed is not None and last - position > NAMED_PREFERRED_WITHIN:
                antecedent = unnamed
            self.learn_gender(antecedent.actor_id, pronoun, antecedent.name)
            return _meant_by(phrase, antecedent)
        if unnamed is not None:
            return _meant_by(phrase, unnamed)
        if number == "singular":
            return self._first_person_before(phrase, pronoun, offset)
        return Speaker(phrase.text, None, None, "plural" if number == "body" else number, "pronoun")

    def _continues(self, entry, offset, pronoun):
        """Does "he added" continue the last antecedent ``entry``, someone
        never named ("An engineer at the site said …. "…," he added.")?
        A cue of continuing ("added") goes on with the speech act just
        before it, so a description introduced in that sentence or this one
        is meant rather than a person named further back (whom "he said"
        prefers, NAMED_PREFERRED_WITHIN)."""
        position, antecedent = entry
        if antecedent.body or not _unnamed(antecedent):
            return False
        if self.gender.get(gender_key(antecedent.actor_id, antecedent.name)) not in (None, pronoun):
            return False
        if self.sentences is None:
            return False
        here, there = self.sentences.index_at(offset), self.sentences.index_at(position)
        if there < 0:
            return False
        # The description is the speaker of that sentence: it opens it ("An
        # engineer … said") or follows the speech verb ("…, said an
        # engineer"). A cue inside a clause ("repeating a false claim that
        # …") is no one who spoke.
        opening = self.text[self.sentences[there][0]:position].lstrip(SENTENCE_OPENING_MARKS)
        inverted = VERB_THEN_RE.match(self.text, position, position + 40)
        return here - there <= 1 and (
            opening.startswith(antecedent.text) or (inverted is not None and self.text.startswith(antecedent.text, inverted.end()))
        )

    def _first_person_before(self, phrase, pronoun, offset):
        """Nobody spoke or opened a sentence yet ("The first time Ann Ruiz saw
        the sea, she …"): the last registered person named before, or the
        last person-like name."""
        last_person = bisect.bisect_left(self._person_starts, offset) - 1
        if last_person >= 0:
            actor = self._person_ids[last_person]
            return Speaker(phrase.text, self.names.fullest(self.registry.names.get(actor) or "", offset, actor), actor, "singular", "pronoun", "pronoun")
        for name in self._person_names_before(offset):
            if pronoun in ("he", "she") and self.gender.get(gender_key(None, name.text), pronoun) != pronoun:
                continue
            self.learn_gender(None, pronoun, name.text)
            return Speaker(phrase.text, self.names.fullest(name.text, offset), None, "singular", "pronoun")
        return Speaker(phrase.text, None, None, "singular", "pronoun")

    def _person_names_before(self, offset):
        """The person-like names (``_person_name``) of the runs of
        capitalised words in the 1500 characters before ``offset``, the last
        first: the runs of ``NAME_RUN_RE.finditer(text, offset - 1500,
        offset)``, found by skipping from person to person."""
        window = max(0, offset - 1500)
        spans, _, ends = self.index.name_runs()
        last = bisect.bisect_right(ends, offset) - 1  # the last run ending by the offset
        if last + 1 < len(spans) and spans[last + 1][0] < offset:  # a run the offset cuts
            for run in reversed(self.index.name_runs_between(max(spans[last + 1][0], window), offset)):
                if self._person_name(run):
                    yield self._person_name(run)
        index = self._previous_person_run(last)
        while index >= 0 and spans[index][0] >= window:
            yield self._person_name(spans[index])
            index = self._previous_person_run(index - 1)
        first = bisect.bisect_right(ends, window)  # the first run ending after the window opens
        if first <= last and spans[first][0] < window:  # a run the window cuts
            for run in reversed(self.index.name_runs_between(window, spans[first][1])):
                if self._person_name(run):
                    yield self._person_name(run)

    def _previous_person_run(self, index):
        """The index of the last run of capitalised words at or before
        ``index`` whose name reads as a person's, or -1 (remembered, so that
        a long stretch without one is walked once)."""
        spans, _, _ = self.index.name_runs()
        path = []
        while index >= 0 and index not in self._person_run_before:
            if self._person_name(spans[index]) is not None:
                self._person_run_before[index] = index
                break
            path.append(index)
            index -= 1
        found = self._person_run_before.get(index, -1) if index >= 0 else -1
        for visited in path:
            self._person_run_before[visited] = found
        return found

    def _person_name(self, run):
        """The name a run of capitalised words ends with, if it reads as a
        person's (``person_like``); None otherwise. Kept per run."""
        if run not in self._person_names:
            name = phrases.trailing_name(self.text, run[0], run[1])
            self._person_names[run] = name if name is not None and person_like(self.index, name) else None
        return self._person_names[run]

    def _description(self, phrase, offset):
        head = description_head(phrase.text)
        number = "plural" if head.endswith("s") and not head.endswith("ss") else "singular"
        body = head in BODY_HEADS
        actor = self.registry.resolve(phrase.text)
        if actor:
            return Speaker(phrase.text, self.names.fullest(phrase.text, offset, actor), actor, number, "description", "alias", body)
        if DEFINITE_RE.match(phrase.text):
            # "the commander": the last person the text described that way,
            # as a speaker ("a senior commander told …"), in an appositive
            # or title next to a name ("Ade Bello, the regional commander"),
            # or a body named with that word ("the league": "the Harlow
            # County Taxpayers League").
            candidates = [c for c in (last_before(self.by_head.get(head, []), offset), self._named_as(head, offset)) if c]
            if candidates:
                antecedent = max(candidates, key=lambda c: c[0])[1]
                return Speaker(phrase.text, antecedent.name, antecedent.actor_id, number, "description", "description", body)
            if number == "singular" and (head in PERSON_HEADS or head in lexicon.ROLE_WORDS):
                # "the senator", "the GOP front-runner": an epithet for the
                # person last spoken of.
                antecedent = self._last_named_person(offset, head)
                if antecedent is not None:
                    return Speaker(phrase.text, antecedent.name, antecedent.actor_id, number, "description", "epithet")
        return Speaker(phrase.text, phrase.text, None, number, "description", None, body)

    def _last_named_person(self, offset, head):
        """The named person among the last few antecedents before
        ``offset`` whose gender does not contradict the head ("the actress")."""
        gender = "she" if head in lexicon.FEMALE_WORDS else "he" if head in lexicon.MALE_WORDS else None
        antecedents = self.antecedents.get("singular", [])
        last = bisect.bisect_left(antecedents, offset, key=lambda h: h[0])
        for position in range(last - 1, max(-1, last - 1 - NAMED_PREFERRED_WITHIN), -1):
            antecedent = antecedents[position][1]
            if antecedent.body or _unnamed(antecedent) or not antecedent.name:
                continue
            if gender and self.gender.get(gender_key(antecedent.actor_id, antecedent.name), gender) != gender:
                continue
            return antecedent
        return None

    def _named_as(self, head, offset):
        """``(offset, Speaker)`` of the last name before ``offset`` described
        by ``head``: "NAME, the … HEAD", "the … HEAD, NAME", "HEAD NAME" and
        a body's name ending with the word ("… League"); None when there is none."""
        if head not in self._named_as_cache:
            found = []
            body = head in BODY_HEADS
            for order, (position, start, end) in enumerate(self.index.described_names(head)):
                phrase = phrases.trailing_name(self.text, start, end)
                if phrase is not None and self._reads_as(phrase, body):
                    found.append((position, order, self.resolve(phrase, phrase.start)))
            if body:
                for order, start, phrase in self._names_ending_with().get(head, ()):
                    found.append((start, len(found) + order, self.resolve(phrase, phrase.start)))
            found.sort(key=lambda f: (f[0], f[1]))
            self._named_as_cache[head] = [(position, speaker) for position, _, speaker in found]
        return last_before(self._named_as_cache[head], offset)


    def _names_ending_with(self):
        """``{last word: [(order, start, phrase)]}`` of the names of two or
        more words at the end of each run of capitalised words, read once
        for every head noun ("… League", "… Trust")."""
        if self._names_by_last_word is None:
            self._names_by_last_word = {}
            for order, (start, end) in enumerate(self.index.name_runs()[0]):
                phrase = phrases.trailing_name(self.text, start, end)
                words = phrase.text.split() if phrase is not None else ()
                if len(words) > 1:
                    self._names_by_last_word.setdefault(words[-1].lower(), []).append((order, start, phrase))
        return self._names_by_last_word

    def _reads_as(self, phrase, body):
        """Is a name beside a description a person's (or, for a body's head
        noun, an organisation's)? "said the company Wednesday" names no one."""
        actor, _ = self.names.actor(phrase.text, phrase.start, phrase.end)
        if actor is not None:
            return (self.registry.kinds.get(actor) in ("person", "anonymous_source")) != body
        return organization_like(phrase.text) if body else person_like(self.index, phrase)


TITLE_BEFORE_RE = re.compile(r"([A-Z][a-z]{0,9}\.?)[ \u00a0]+$")


def _titled(text, start):
    """Is the name at ``start`` written after a title ("Mr. Trump")?"""
    match = TITLE_BEFORE_RE.search(text, max(0, start - 14), start)
    return bool(match) and match.group(1) in lexicon.TITLE_WORDS


def _meant_by(phrase, antecedent):
    """The ``Speaker`` a pronoun ``phrase`` means when it points back to ``antecedent``."""
    return Speaker(phrase.text, antecedent.name, antecedent.actor_id, antecedent.number, "pronoun", "pronoun", antecedent.body)


def _unnamed(speaker):
    """Is a speaker someone the article never names ("a council spokesperson")?"""
    return speaker.actor_id is None and speaker.name is not None and not speaker.name[:1].isupper() or speaker.name == speaker.text and speaker.form == "description"


def description_head(phrase_text):
    """Head noun of a description: the last word before any preposition."""
    words = LETTERS_RE.findall(phrase_text)
    head = []
    for word in words:
        if word.lower() in lexicon.PREPOSITIONS and head:
            break
        head.append(word)
    return head[-1].lower() if head else ""
