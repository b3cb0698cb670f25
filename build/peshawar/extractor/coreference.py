"""Who a speaker phrase means: names through the actor registry, pronouns
to the last person a sentence was about or who spoke, definite descriptions
("the commander") to the last person described that way.

Pronouns skip a person of the other gender where a title, a kinship word or
an earlier pronoun told it. Nothing here names an actor: what is known
about actors comes from the registry only.
"""

import re

from . import lexicon, phrases
from .lexicon import GROUP_HEADS  # nouns that make a name before them a modifier


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
        self.history = []  # (offset, text, actor id, number, head noun)
        self.gender = {}  # actor id -> "he" / "she", learnt from titles and pronouns

    def remember(self, offset, speaker_text, actor_id, number, head):
        self.history.append((offset, speaker_text, actor_id, number, head))
        self.history.sort(key=lambda h: h[0])

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
        for m_start, m_end, _, actor_id in self.mentions:
            if start <= m_start and m_end == end:
                return actor_id
        words = name.split()
        for cut in range(1, len(words)):
            actor = self.registry.resolve(" ".join(words[cut:]))
            if actor and self.registry.kinds.get(actor) == "person":
                return actor
        return self._surname(words[-1], start) if words else None

    def _surname(self, surname, offset):
        """A bare surname means the last full name before it that ends with it."""
        if len(surname) < 3:
            return None
        ending = re.compile(r"(?<![\w-])[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+" + re.escape(surname) + r"(?![\w-])")
        best = None
        for match in ending.finditer(self.text, 0, offset):
            actor = self.registry.resolve(match.group())
            if actor is None:
                tail = match.group().split()
                for cut in range(1, len(tail) - 1):
                    actor = self.registry.resolve(" ".join(tail[cut:]))
                    if actor:
                        break
            if actor:
                best = actor
        if best:
            return best
        candidates = self.registry.persons_with_surname(surname)
        return candidates[0] if len(candidates) == 1 else None

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
        for _, speaker_text, actor_id, past_number, _ in reversed([h for h in self.history if h[0] < offset]):
            if past_number != number:
                continue
            if actor_id is None and speaker_text and speaker_text.lower() in phrases.PRONOUNS:
                continue  # an unresolved pronoun is nobody to point back to
            if pronoun in ("he", "she") and self.gender.get(_gender_key(actor_id, speaker_text), pronoun) != pronoun:
                continue  # "she" is not the man named last
            self.learn_gender(actor_id, pronoun, speaker_text)
            # An unregistered antecedent has no id to carry: carry its words,
            # so a reviewer sees "Ayesha Khan" rather than "She".
            return (phrase.text if actor_id else speaker_text), actor_id, number, "pronoun"
        if number == "singular":
            for m_start, _, _, actor_id in reversed(self.mentions):
                if m_start < offset and self.registry.kinds.get(actor_id) == "person":
                    return phrase.text, actor_id, number, "pronoun"
            # Nobody spoke or opened a sentence yet ("The first time Ann Ruiz
            # saw the sea, she …"): the last person-like name before it.
            window = max(0, offset - 1500)
            for match in reversed(list(phrases.NAME_RUN_RE.finditer(self.text, window, offset))):
                name = phrases.trailing_name(self.text, match.start(), match.end())
                if name is None or not person_like(self.text, name):
                    continue
                if pronoun in ("he", "she") and self.gender.get(_gender_key(None, name.text), pronoun) != pronoun:
                    continue
                self.learn_gender(None, pronoun, name.text)
                return name.text, None, number, "pronoun"
        return phrase.text, None, number, "pronoun"

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
            candidates = [(h[0], h[2]) for h in self.history if h[0] < offset and h[4] == head]
            candidates += [(position, actor) for position, actor in self._named_as(head) if position < offset]
            if candidates:
                return phrase.text, max(candidates, key=lambda c: c[0])[1], number, "description"
        return phrase.text, None, number, "description"

    def _named_as(self, head):
        """``[(offset, actor id)]`` of names described by ``head`` in the text:
        "NAME, the … HEAD", "the … HEAD, NAME" and "HEAD NAME"."""
        word = re.escape(head)
        name = phrases.NAME_RUN_RE.pattern
        patterns = (
            r"(?P<name>" + name + r"),\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?" + word + r"\b",
            r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?" + word + r",?\s+(?P<name>" + name + r")",
            r"\b" + word + r"\s+(?P<name>" + name + r")",
        )
        found = []
        for pattern in patterns:
            for match in re.finditer(pattern, self.text):
                phrase = phrases.trailing_name(self.text, match.start("name"), match.end("name"))
                if phrase is None:
                    continue
                actor = self._name(phrase.text, phrase.start, phrase.end)
                if actor:
                    found.append((match.start(), actor))
        return found


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


def person_like(text, phrase):
    """An unregistered name that reads as a person's: two to four words and
    no organisation word, or the surname of such a name written earlier."""
    words = phrase.text.split()
    if organization_like(phrase.text) or any(w in lexicon.SENTENCE_STARTERS for w in words):
        return False
    if words[-1].lower() in lexicon.ROLE_WORDS or words[-1] in lexicon.TITLE_WORDS:
        return False  # "Political Correspondent" is a job, not a name
    after = re.match(r"[ \u00a0]+([a-z]+)", text[phrase.end:phrase.end + 30])
    if after and after.group(1) in GROUP_HEADS:
        return False  # "New Town officials": the name modifies a noun
    if 2 <= len(words) <= 4:
        return True
    if len(words) == 1 and len(words[0]) > 2:
        earlier = re.search(
            r"(?<![\w’'-])[A-Z][\w’'-]+(?:[ \u00a0][A-Z][\w’'-]+){0,2}[ \u00a0]" + re.escape(words[0]) + r"(?![\w’'-])",
            text[:phrase.start],
        )
        return bool(earlier) and not organization_like(earlier.group())
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
    inside = [(s.open, s.end) for s in marked]
    for start, end in sentence_spans:
        for match in phrases.NAME_RUN_RE.finditer(text, start, end):
            if any(a <= match.start() < b for a, b in inside):
                break
            prefix = text[start:match.start()]
            # A phrase set off by commas before the subject ("For 40 years,",
            # "Her rival, …") does not stop the search for it.
            clause = prefix[prefix.rfind(",") + 1:] if "," in prefix and len(re.findall(r"[\w’'-]+", prefix)) <= 12 else prefix
            words = re.findall(r"[\w’'-]+", clause)
            if len(words) > 6 or not all(
                w.lower() in SUBJECT_PREFIX_WORDS or re.search(r"['’]s$", w) or w[0].isupper() or w.lower() in lexicon.POSSESSIVES
                or re.fullmatch(r"\d+-year-old", w)  # "67-year-old Ann Ruiz"
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
            for word in re.findall(r"[A-Za-z]+", prefix[-40:] + " " + _appositive_after(text, phrase.end)):
                if word.lower() not in lexicon.POSSESSIVES and word.lower() not in phrases.PRONOUNS:
                    resolver.learn_gender(actor_id, word, speaker)  # "Her nephew, …": a man
            titled = bool(words) and (words[-1].lower() in lexicon.ROLE_WORDS or words[-1] in lexicon.TITLE_WORDS)
            if (actor_id and resolver.registry.kinds.get(actor_id) in ("person", "anonymous_source")) or (
                actor_id is None and (titled or person_like(text, phrase))
            ):
                resolver.remember(phrase.start, speaker, actor_id, number, None)
                break
            if (actor_id is None and not organization_like(phrase.text)) or _role_then_name(text, phrase.end):
                continue  # "Rovers captain Dan Whitby": a modifier before the subject
            break


def _role_then_name(text, end):
    """Does a role word and a capitalised name follow ("… captain Dan …")?"""
    match = re.match(r"[ \u00a0]+([a-z]+)[ \u00a0]+[A-Z]", text[end:end + 40])
    return bool(match) and match.group(1) in lexicon.ROLE_WORDS


def _appositive_after(text, end):
    """The words of an appositive right after a name ("…, her nephew,")."""
    match = re.match(r",[ \u00a0]+((?:[\w’'-]+[ \u00a0]+){0,3}[\w’'-]+),", text[end:end + 60])
    return match.group(1) if match else ""


def _word_before(text, offset):
    match = re.search(r"([A-Za-z]+)\.?\s+$", text[max(0, offset - 12):offset])
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
