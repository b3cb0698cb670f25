"""Who a speaker phrase means: names through the actor registry, pronouns
to the last person a sentence was about or who spoke, definite descriptions
("the commander") to the last person described that way.

Pronouns skip a person of the other gender where a title, a kinship word or
an earlier pronoun told it. Nothing here names an actor: what is known
about actors comes from the registry only.
"""

import bisect
import re

from . import lexicon, phrases
from .lexicon import GROUP_HEADS  # nouns that make a name before them a modifier
from .name_index import NameIndex

# How many earlier speakers a pronoun looks back over, the last first: a
# bound on the work for one pronoun in a text with thousands of cues.
PRONOUN_LOOK_BACK = 200


class Resolver:
    """Turns speaker phrases into actor ids, remembering who spoke last.

    Names go through the registry (whole name, then shorter tails, then a
    surname carried back to the last full name in the text that ends with
    it). Pronouns go to the last speaker of the right number; a definite
    description ("the commander") to the last speaker described with the
    same head noun.
    """

    def __init__(self, text, registry, mentions):
        self.text = text
        self.registry = registry
        self.mentions = mentions  # alias mentions with actor ids
        self.index = NameIndex(text)
        self.history = []  # (offset, text, actor id, number, head noun), in text order
        self.by_head = {}  # head noun -> [(offset, actor id)] of the history, in text order
        self.antecedents = {}  # number -> the history entries a pronoun may point back to
        self.gender = {}  # actor id -> "he" / "she", learnt from titles and pronouns
        self._ending_at = {}  # end offset -> [(start, actor id)] of the mentions
        for m_start, m_end, _, actor_id in mentions:
            self._ending_at.setdefault(m_end, []).append((m_start, actor_id))
        people = [(m[0], m[3]) for m in mentions if registry.kinds.get(m[3]) == "person"]
        self._person_starts = [start for start, _ in people]
        self._person_ids = [actor_id for _, actor_id in people]
        self._named_as_cache = {}
        self._person_names = {}  # (start, end) of a run of capitalised words -> its person name or None
        self._person_run_before = {}  # index of a run -> index of the last person-like run up to it, or -1
        self._surname_cache = {}

    def remember(self, offset, speaker_text, actor_id, number, head):
        entry = (offset, speaker_text, actor_id, number, head)
        bisect.insort_right(self.history, entry, key=lambda h: h[0])
        bisect.insort_right(self.by_head.setdefault(head, []), (offset, actor_id), key=lambda h: h[0])
        if actor_id is None and speaker_text and speaker_text.lower() in phrases.PRONOUNS:
            return  # an unresolved pronoun is nobody to point back to
        bisect.insort_right(self.antecedents.setdefault(number, []), entry, key=lambda h: h[0])

    def resolve(self, phrase, offset):
        """Return ``(speaker_text, actor_id, number, how)``."""
        if phrase.kind == "pronoun":
            return self._pronoun(phrase, offset)
        if phrase.kind == "statement":
            actor = self._name(phrase.text, phrase.start, phrase.end)
            return phrase.text, actor, "plural", "statement"
        if phrase.kind == "name":
            actor = self._name(phrase.text, phrase.start, phrase.end)
            return phrase.text, actor, self._number_of(actor, phrase.text), "name"
        return self._description(phrase, offset)

    def _number_of(self, actor_id, name=None):
        kind = self.registry.kinds.get(actor_id)
        if actor_id is None and name and organization_like(name):
            return "plural"  # "the Interior Ministry" is not "he" or "she"
        return "singular" if kind in (None, "person", "anonymous_source") else "plural"

    def _name(self, name, start, end):
        actor = self.registry.resolve(name)
        if actor:
            return actor
        # A mention of a known alias inside the phrase, ending where it ends.
        for m_start, actor_id in self._ending_at.get(end, ()):
            if start <= m_start:
                return actor_id
        words = name.split()
        # No alias has more words than the registry's longest (one more for
        # a leading "the"), so shorter tails only are tried.
        for cut in range(max(1, len(words) - self.registry.longest_alias_words - 1), len(words)):
            actor = self.registry.resolve(" ".join(words[cut:]))
            if actor and self.registry.kinds.get(actor) == "person":
                return actor
        return self._surname(words[-1], start) if words else None

    def _surname(self, surname, offset):
        """A bare surname means the last full name before it that ends with it."""
        if len(surname) < 3:
            return None
        for full_name in self.index.full_names_ending_with(surname, offset):
            actor = self._full_name(full_name)
            if actor:
                return actor
        candidates = self.registry.persons_with_surname(surname)
        return candidates[0] if len(candidates) == 1 else None

    def _full_name(self, full_name):
        """The actor a full name found before a surname names, or None."""
        if full_name not in self._surname_cache:
            actor = self.registry.resolve(full_name)
            if actor is None:
                tail = full_name.split()
                first = max(1, len(tail) - self.registry.longest_alias_words - 1)
                for cut in range(first, len(tail) - 1):
                    actor = self.registry.resolve(" ".join(tail[cut:]))
                    if actor:
                        break
            self._surname_cache[full_name] = actor
        return self._surname_cache[full_name]

    def learn_gender(self, actor_id, title_or_pronoun, name=None):
        """Remember "he" or "she" for an actor (or, unregistered, a surname)."""
        word = (title_or_pronoun or "").lower().rstrip(".")
        gender = "she" if word in lexicon.FEMALE_WORDS else "he" if word in lexicon.MALE_WORDS else None
        key = _gender_key(actor_id, name)
        if key and gender:
            self.gender.setdefault(key, gender)

    def _pronoun(self, phrase, offset):
        pronoun = phrase.text.lower()
        number = phrases.PRONOUNS.get(pronoun, "singular")
        antecedents = self.antecedents.get(number, [])
        last = bisect.bisect_left(antecedents, offset, key=lambda h: h[0])
        for position in range(last - 1, max(-1, last - 1 - PRONOUN_LOOK_BACK), -1):
            _, speaker_text, actor_id, _, _ = antecedents[position]
            if pronoun in ("he", "she") and self.gender.get(_gender_key(actor_id, speaker_text), pronoun) != pronoun:
                continue  # "she" is not the man named last
            self.learn_gender(actor_id, pronoun, speaker_text)
            # An unregistered antecedent has no id to carry: carry its words,
            # so a reviewer sees "Ayesha Khan" rather than "She".
            return (phrase.text if actor_id else speaker_text), actor_id, number, "pronoun"
        if number == "singular":
            last_person = bisect.bisect_left(self._person_starts, offset) - 1
            if last_person >= 0:
                return phrase.text, self._person_ids[last_person], number, "pronoun"
            # Nobody spoke or opened a sentence yet ("The first time Ann Ruiz
            # saw the sea, she …"): the last person-like name before it.
            for name in self._person_names_before(offset):
                if pronoun in ("he", "she") and self.gender.get(_gender_key(None, name.text), pronoun) != pronoun:
                    continue
                self.learn_gender(None, pronoun, name.text)
                return name.text, None, number, "pronoun"
        return phrase.text, None, number, "pronoun"

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
        actor = self.registry.resolve(phrase.text)
        head = description_head(phrase.text)
        number = "plural" if head.endswith("s") and not head.endswith("ss") else "singular"
        if actor:
            return phrase.text, actor, number, "description"
        if re.match(r"(?:the|this|that)\s", phrase.text, re.IGNORECASE):
            # "the commander": the last person the text described that way,
            # as a speaker ("a senior commander told …") or in an appositive
            # or title next to a name ("Ade Bello, the regional commander").
            candidates = [c for c in (_last_before(self.by_head.get(head, []), offset), self._named_as(head, offset)) if c]
            if candidates:
                return phrase.text, max(candidates, key=lambda c: c[0])[1], number, "description"
        return phrase.text, None, number, "description"

    def _named_as(self, head, offset):
        """``(offset, actor id)`` of the last name before ``offset`` described
        by ``head``: "NAME, the … HEAD", "the … HEAD, NAME" and "HEAD NAME";
        None when there is none."""
        if head not in self._named_as_cache:
            found = []
            for order, (position, start, end) in enumerate(self.index.described_names(head)):
                phrase = phrases.trailing_name(self.text, start, end)
                if phrase is None:
                    continue
                actor = self._name(phrase.text, phrase.start, phrase.end)
                if actor:
                    found.append((position, order, actor))
            found.sort()
            self._named_as_cache[head] = [(position, actor) for position, _, actor in found]
        return _last_before(self._named_as_cache[head], offset)


def _last_before(entries, offset):
    """The entry of ``[(offset, value)]`` (sorted by offset, ties in their
    order of finding) with the greatest offset below ``offset``, the first
    found among equals; None when there is none."""
    index = bisect.bisect_left(entries, offset, key=lambda e: e[0]) - 1
    if index < 0:
        return None
    while index > 0 and entries[index - 1][0] == entries[index][0]:
        index -= 1
    return entries[index]


def _gender_key(actor_id, name):
    if actor_id:
        return actor_id
    words = re.findall(r"[\w’'-]+", name or "")
    if not words or name.lower() in phrases.PRONOUNS or not words[-1][0].isupper():
        return None
    return ("surname", words[-1])


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
    after = WORD_AFTER_RE.match(text, phrase.end, phrase.end + 30)
    if after and after.group(1) in GROUP_HEADS:
        return False  # "New Town officials": the name modifies a noun
    if 2 <= len(words) <= 4:
        return True
    if len(words) == 1 and len(words[0]) > 2:
        earlier = index.capitalised_words_before(words[0], phrase.start)
        return bool(earlier) and not organization_like(earlier)
    return False




def description_head(phrase_text):
    """Head noun of a description: the last word before any preposition."""
    words = re.findall(r"[A-Za-z][\w-]*", phrase_text)
    head = []
    for word in words:
        if word.lower() in lexicon.PREPOSITIONS and head:
            break
        head.append(word)
    return head[-1].lower() if head else ""


WORD_AFTER_RE = re.compile(r"[ \u00a0]+([a-z]+)")
WORD_RE = re.compile(r"[\w’'-]+")
AGE_RE = re.compile(r"\d+-year-old")
LETTERS_RE = re.compile(r"[A-Za-z]+")
ROLE_THEN_NAME_RE = re.compile(r"[ \u00a0]+([a-z]+)[ \u00a0]+[A-Z]")
APPOSITIVE_RE = re.compile(r",[ \u00a0]+((?:[\w’'-]+[ \u00a0]+){0,3}[\w’'-]+),")
WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\.?\s+$")


# Words that may precede a sentence's subject name: "The council's new
# director, Ade Bello, …", "Former President X …".
SUBJECT_PREFIX_WORDS = lexicon.DETERMINERS | lexicon.ROLE_WORDS | lexicon.words("subject_prefix_words")


def sentence_subjects(text, sentence_spans, marked, resolver):
    """Remember the person each sentence opens with, for pronouns.

    "The council's director, Ade Bello, rejected the claims. … he said":
    "he" is the last person a sentence was about, not the last speaker
    quoted. Only names that open the sentence count (after determiners,
    possessives and titles), so an object ("said Fazal complained")
    is not taken for the subject.
    """
    opens = [s.open for s in marked]
    for start, end in sentence_spans:
        for match in phrases.NAME_RUN_RE.finditer(text, start, end):
            inside = bisect.bisect_right(opens, match.start()) - 1
            if inside >= 0 and match.start() < marked[inside].end:
                break
            prefix = text[start:match.start()]
            # A phrase set off by commas before the subject ("For 40 years,",
            # "Her rival, …") does not stop the search for it.
            clause = prefix[prefix.rfind(",") + 1:] if "," in prefix and len(WORD_RE.findall(prefix)) <= 12 else prefix
            words = WORD_RE.findall(clause)
            if len(words) > 6 or not all(
                w.lower() in SUBJECT_PREFIX_WORDS or phrases.POSSESSIVE_END_RE.search(w) or w[0].isupper() or w.lower() in lexicon.POSSESSIVES
                or AGE_RE.fullmatch(w)  # "67-year-old Ann Ruiz"
                for w in words
            ):
                break
            if match.group() in lexicon.SENTENCE_STARTERS:
                continue
            phrase = phrases.trailing_name(text, match.start(), match.end())
            if phrase is None:
                continue
            speaker, actor_id, number, _ = resolver.resolve(phrase, phrase.start)
            resolver.learn_gender(actor_id, _word_before(text, phrase.start), speaker)
            for word in LETTERS_RE.findall(prefix[-40:] + " " + _appositive_after(text, phrase.end)):
                if word.lower() not in lexicon.POSSESSIVES and word.lower() not in phrases.PRONOUNS:
                    resolver.learn_gender(actor_id, word, speaker)  # "Her nephew, …": a man
            titled = bool(words) and (words[-1].lower() in lexicon.ROLE_WORDS or words[-1] in lexicon.TITLE_WORDS)
            if (actor_id and resolver.registry.kinds.get(actor_id) in ("person", "anonymous_source")) or (
                actor_id is None and (titled or person_like(resolver.index, phrase))
            ):
                resolver.remember(phrase.start, speaker, actor_id, number, None)
                break
            if (actor_id is None and not organization_like(phrase.text)) or _role_then_name(text, phrase.end):
                continue  # "Rovers captain Dan Whitby": a modifier before the subject
            break


def _role_then_name(text, end):
    """Does a role word and a capitalised name follow ("… captain Dan …")?"""
    match = ROLE_THEN_NAME_RE.match(text, end, end + 40)
    return bool(match) and match.group(1) in lexicon.ROLE_WORDS


def _appositive_after(text, end):
    """The words of an appositive right after a name ("…, her nephew,")."""
    match = APPOSITIVE_RE.match(text, end, end + 60)
    return match.group(1) if match else ""


def _word_before(text, offset):
    match = WORD_BEFORE_RE.search(text, max(0, offset - 12), offset)
    return match.group(1) if match else None


def resolve_cues(cues, resolver):
    """Resolve every cue's subject in text order, so pronouns see earlier speakers."""
    for cue in cues:
        if cue.subject is None:
            continue
        speaker_text, actor_id, number, _ = resolver.resolve(cue.subject, cue.start)
        cue.speaker_text, cue.speaker_id, cue.number = speaker_text, actor_id, number
        resolver.learn_gender(actor_id, _word_before(resolver.text, cue.subject.start), speaker_text)
        head = description_head(cue.subject.text) if cue.subject.kind == "description" else None
        resolver.remember(cue.start, speaker_text, actor_id, number, head)
