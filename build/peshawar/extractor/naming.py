"""Who a name names: the registered actor it stands for, on evidence in the
article, and the fullest form the article writes it in.

A name links to a registered actor only on words of this article that name
that actor: an alias ("Malala Yousafzai", "Malala"), an alias inside the
phrase, or a bare surname carried back to a full name written earlier
("Ann Smith … Smith"); a surname alone links to the registered person who
carries it only when no other person in the article carries it too
("Shaukat Yousafzai … Yousafzai" is not the registered Malala Yousafzai).

The fullest name is what a reader would write for the speaker: "Keith
Lomax" for "Lomax", "Valecrest Waste Services" for "Valecrest".
"""

import bisect
import re

from . import lexicon, phrases
from .lexicon import GROUP_HEADS  # nouns that make a name before them a modifier
from .name_index import NameIndex

WORD_AFTER_RE = re.compile(r"[ \u00a0]+([a-z]+)")
CONTRACTION_RE = re.compile(r"(?:n['’]t|['’](?:re|ll|ve|d))$", re.IGNORECASE)
NAME_WORD_RE = re.compile(r"[\w’'-]+")
# How the registered actor of a name was found, strongest first: the rule a
# speaker id carries (see quotes.IDENTITY_RULES for their confidences).
ALIAS, ALIAS_IN_PHRASE, ALIAS_TAIL, FULL_NAME_BEFORE, ONLY_SURNAME = (
    "alias", "alias_in_phrase", "alias_tail", "full_name_before", "only_surname",
)


class Names:
    """The names of one article: which registered actor each names, and the
    fullest form of each."""

    def __init__(self, text, registry, mentions, index=None):
        self.text, self.registry, self.mentions = text, registry, mentions
        self.index = NameIndex(text) if index is None else index
        self._ending_at = {}  # end offset -> [(start, actor id)] of the mentions
        self._longest_mention = {}  # actor id -> the longest words the article names it with
        for m_start, m_end, surface, actor_id in mentions:
            self._ending_at.setdefault(m_end, []).append((m_start, actor_id))
            if len(surface) > len(self._longest_mention.get(actor_id, "")):
                self._longest_mention[actor_id] = surface
        self._full_names = {}
        self._surname_owners = {}
        self._fullest = {}
        self._lower_words = {}  # word -> is it written in lower case (NameIndex.written_as_word)
        self._first_at = {}  # run of capitalised words -> where the text first writes it
        self._real_full_names = {}  # (run, surname) -> what _real_full_name makes of them

    def actor(self, name, start, end):
        """``(actor id, how)`` of the registered actor the name at
        ``text[start:end]`` names, or ``(None, None)``."""
        actor = self.registry.resolve(name)
        if actor:
            return actor, ALIAS
        # A mention of a known alias inside the phrase, ending where it ends.
        for m_start, actor_id in self._ending_at.get(end, ()):
            if start <= m_start:
                return actor_id, ALIAS_IN_PHRASE
        words = name.split()
        # No alias has more words than the registry's longest (one more for
        # a leading "the"), so shorter tails only are tried.
        for cut in range(max(1, len(words) - self.registry.longest_alias_words - 1), len(words)):
            actor = self.registry.resolve(" ".join(words[cut:]))
            if actor and self.registry.kinds.get(actor) == "person":
                return actor, ALIAS_TAIL
        return self._surname(words[-1], start) if words else (None, None)

    def _surname(self, surname, offset):
        """A bare surname means the last full name before it that ends with
        it; failing that, the one registered person with that surname, if no
        other person in the article carries it."""
        if len(surname) < 3:
            return None, None
        for full_name in self.index.full_names_ending_with(surname, offset):
            if not self._real_full_name(full_name, surname):
                continue  # "On Tuesday Smith", "Smith" alone at a sentence start
            # The nearest full name decides: "Shaukat Yousafzai … Yousafzai"
            # is Shaukat, whoever else the registry knows by that surname.
            actor = self._full_name_actor(full_name)
            return (actor, FULL_NAME_BEFORE) if actor else (None, None)
        candidates = self.registry.persons_with_surname(surname)
        if len(candidates) == 1 and not self._others_carry(surname, candidates[0]):
            return candidates[0], ONLY_SURNAME
        return None, None

    def _others_carry(self, surname, actor_id):
        """Does a full name in the article that is not ``actor_id``'s end
        with ``surname`` ("Shaukat Yousafzai" beside a registered Malala)?"""
        key = (surname, actor_id)
        if key not in self._surname_owners:
            others = False
            for full_name in self.index.full_names_ending_with(surname, len(self.text), limit=200):
                if self._real_full_name(full_name, surname) and self._full_name_actor(full_name) != actor_id:
                    others = True
                    break
            self._surname_owners[key] = others
        return self._surname_owners[key]

    def _full_name_actor(self, full_name):
        """The actor a full name found before a surname names, or None."""
        if full_name not in self._full_names:
            actor = self.registry.resolve(full_name)
            if actor is None:
                tail = full_name.split()
                first = max(1, len(tail) - self.registry.longest_alias_words - 1)
                for cut in range(first, len(tail) - 1):
                    actor = self.registry.resolve(" ".join(tail[cut:]))
                    if actor:
                        break
            self._full_names[full_name] = actor
        return self._full_names[full_name]

    def fullest(self, name, offset, actor_id=None, titled=False):
        """The fullest form the article writes ``name`` in: for a registered
        actor the longest of its mentions; for a lone surname, the one full
        name in the article that ends with it ("Lomax" -> "Keith Lomax";
        left as it is when two people carry it: "Mr. Bush" may be either
        Bush); for a lone word, the one organisation's name that begins with
        it ("Valecrest" -> "Valecrest Waste Services")."""
        if actor_id is not None:
            longest = self._longest_mention.get(actor_id, "")
            return longest if len(longest.split()) >= len(name.split()) else name
        words = name.split()
        if len(words) != 1 or len(name) < 3 or titled:
            # "Mr. Trump", "Mrs. Clinton": the title tells the reader which
            # of the family is meant; a full name found by the surname alone
            # would not.
            return name
        if name not in self._fullest:
            full = {found for run in self.index.full_names_ending_with(name, len(self.text), limit=200)
                    if (found := self._real_full_name(run, name))}
            if len(full) == 1:
                self._fullest[name] = full.pop()
            elif not full:
                self._fullest[name] = self._name_beginning_with(name) or name
            else:
                self._fullest[name] = name
        return self._fullest[name]

    def _name_beginning_with(self, word):
        """The one name (two to four words) that begins with ``word``: an
        organisation's ("Valecrest Waste Services") or a person's given name
        ("Anjali" -> "Anjali Raman"); None when there is none or several."""
        found = set()
        for start, end in self.index.runs_beginning_with(word):
            if self.text.startswith(word + " ", start):
                name = phrases.trailing_name(self.text, start, end)
                if name is None or name.start != start or not 2 <= len(name.text.split()) <= 4:
                    continue
                if organization_like(name.text) or (len(name.text.split()) <= 3 and person_like(self.index, name)):
                    found.add(" ".join(name.text.split()))
        return found.pop() if len(found) == 1 else None

    def _real_full_name(self, run, surname):
        """The name a run of capitalised words ending with ``surname`` writes
        in full ("Former Senator Ann Smith" -> "Ann Smith"), or None when it
        is no full name: "Smith" alone, "On Tuesday Smith", or a common word
        capitalised because it opens a sentence ("See Smith", "Like Smith")."""
        key = (run, surname)
        if key not in self._real_full_names:  # about half the questions are asked again as more names resolve
            self._real_full_names[key] = self._read_full_name(run, surname)
        return self._real_full_names[key]

    def _read_full_name(self, run, surname):
        found = _real_full_name(run, surname)
        if found is None:
            return None
        first = found.split()[0]
        if run not in self._first_at:
            self._first_at[run] = self.text.find(run)
        start = self._first_at[run]
        if start >= 0 and self._sentence_initial(start + run.index(found), first):
            return None
        return found

    def _sentence_initial(self, start, first):
        """Is the word at ``start`` capitalised only because it opens a
        sentence, as far as the article tells: at a sentence's start and a
        word the article also writes in lower case, or a function word?"""
        before = self.text[max(0, start - 3):start].rstrip(" \u00a0\"“‘'")
        opens = start == 0 or not before or before[-1] in ".!?\n:"
        if not opens:
            return False
        lower = first.lower()
        if lower.endswith(("ed", "ing", "ly")):
            return True  # "Understated Perez": an English word, not a given name
        if lower in lexicon.DETERMINERS or lower in lexicon.PREPOSITIONS or lower in lexicon.CONJUNCTIONS or lower in lexicon.VERB_MARKERS:
            return True
        if lower not in self._lower_words:
            # A few words are asked about in an article: their places, not
            # every word of the text.
            self._lower_words[lower] = self.index.written_as_word(lower)
        return self._lower_words[lower]

    def number_of(self, actor_id, name=None):
        kind = self.registry.kinds.get(actor_id)
        if actor_id is None and name and organization_like(name):
            return "plural"  # "the Interior Ministry" is not "he" or "she"
        return "singular" if kind in (None, "person", "anonymous_source") else "plural"


def _real_full_name(run, surname):
    """The name a run of capitalised words ending with ``surname`` writes
    in full ("Former Senator Ann Smith" -> "Ann Smith"), or None when it is
    no full name ("Smith" alone, "On Tuesday Smith")."""
    name = phrases.trailing_name(run, 0, len(run))
    if name is None:
        return None
    words = name.text.split()
    if len(words) < 2 or words[-1] != surname:
        return None
    if words[0] in lexicon.SENTENCE_STARTERS or words[0] in lexicon.MONTHS or words[0] in lexicon.WEEKDAYS:
        return None
    return name.text


def organization_like(name):
    """A capitalised name that reads as an organisation ("Interior Ministry")."""
    words = name.split()
    if len(words) > 1 and words[0] in lexicon.FOREIGN_ARTICLES:
        return True  # "Le Monde", "El País"
    return any(word.strip(".,’'") in lexicon.ORGANIZATION_WORDS for word in words)


def person_like(index, phrase):
    """An unregistered name that reads as a person's: two to four words and
    no organisation word, or the surname of such a name written earlier.
    ``index`` is the ``NameIndex`` of the text."""
    text = index.text
    words = phrase.text.split()
    if organization_like(phrase.text) or any(w in lexicon.SENTENCE_STARTERS for w in words):
        return False
    if words[-1].lower() in lexicon.ROLE_WORDS or words[-1] in lexicon.TITLE_WORDS:
        return False  # "Political Correspondent" is a job, not a name
    if any(w in lexicon.MONTHS or w in lexicon.WEEKDAYS for w in words):
        return False  # "Tuesday", "On Jan" open sentences, they are nobody
    if any(CONTRACTION_RE.search(w) or w.lower() in lexicon.VERB_MARKERS or w.lower() in lexicon.PREPOSITIONS for w in words):
        return False  # "Don’t Republicans", "Does Rubio": a question's first word

    after = WORD_AFTER_RE.match(text, phrase.end, phrase.end + 30)
    if after and after.group(1) in GROUP_HEADS:
        return False  # "New Town officials": the name modifies a noun
    if 2 <= len(words) <= 4:
        return True
    if len(words) == 1 and len(words[0]) > 2:
        earlier = index.capitalised_words_before(words[0], phrase.start)
        return bool(earlier) and not organization_like(earlier)
    return False


def gender_key(actor_id, name):
    """What a learnt gender is kept under: the actor, or an unregistered
    person's name as the article writes it at its fullest (not the surname:
    Rachel and Milton Berg are not one gender)."""
    if actor_id:
        return actor_id
    words = NAME_WORD_RE.findall(name or "")
    if not words or name.lower() in phrases.PRONOUNS or not words[-1][0].isupper():
        return None
    return ("name", " ".join(words))


def last_before(entries, offset):
    """The entry of ``[(offset, …)]`` (sorted by offset, ties in their
    order of finding) with the greatest offset below ``offset``, the first
    found among equals; None when there is none."""
    index = bisect.bisect_left(entries, offset, key=lambda e: e[0]) - 1
    if index < 0:
        return None
    while index > 0 and entries[index - 1][0] == entries[index][0]:
        index -= 1
    return entries[index]
