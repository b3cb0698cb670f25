"""Who speaks, from a PolNeAR source span: a name made whole, a pronoun
resolved, a description kept or named.

``resolve_speakers`` returns, for each attribution, a Speaker: the speaker
(the fullest name the article gives, or a description), the source as
written, how the source is written (name, description, pronoun) and which
method gave the speaker:

- ``source_span``: the source is a name (made whole: "Morris" -> "Haley
  Morris", the longest way the article writes a person with that surname
  and no conflicting given name) or a description kept as written.
- ``antecedent``: a pronoun, resolved the way a reader does it in news
  copy: the leftmost fitting subject of the nearest sentence before it,
  going back sentence by sentence. Subjects are the sources of earlier
  attributions (already resolved, in text order) and CoreNLP's sentence
  subjects that are named entities, "who" after one, or pronouns (resolved
  the same way), outside quotations; in the pronoun's own sentence only
  subjects of its main clause. "He"/"she" fit a person whose gender the
  article does not contradict (Mr./Ms. before the surname, else the given
  name's gender over the whole split, else CoreNLP chains with three
  agreeing pronouns and none against), and, less well, a description of a
  person ("a spokesman"); "it" an organization or place, less well a
  description; "they" a group or organization. "Who"/"which" take the name
  or source just before them. Also a definite description of a person
  ("the president"), unless the article introduced someone with that noun
  since, or the description carries the surname found ("the senior Cruz
  adviser" is not Cruz).
- ``coreference``: no subject fitted within the window, and CoreNLP's
  coreference chain holding the pronoun or definite description has a name.
- ``nearest_name``: neither, and the nearest earlier named entity of the
  right kind.
- ``none``: no speaker (no source, "I" meaning the unnamed writer, or
  nothing to resolve to).

Checked by hand on a sample (corpora/polnear-train/README.md).
"""

import re
from dataclasses import dataclass, replace

from . import speakers
from .corenlp import article_names, fallback_sentences
from .source_phrases import (
    FEMININE, FIRST_PERSON, MASCULINE, PLURAL_POS, PROPER_POS, RELATIVE,
    classify_source, description_speaker, fullest_name, given_name_genders, head_word,
    person_noun, relational, stated_genders, token_at,
)

# How many sentences back a pronoun's antecedent is looked for.
SENTENCES_BACK = 12
# How many pronoun subjects in a row may be resolved through one another.
MAX_DEPTH = 25

@dataclass(frozen=True)
class Speaker:
    speaker: str | None
    written: str | None
    form: str
    method: str
    note: str | None = None
    kind: str | None = None  # person, organization, place, group, description
    gender: str | None = None  # m or f, when known


def resolve_speakers(text, attributions, parse, quotations, given_names=None):
    """``{attribution id: Speaker}`` for every attribution.

    ``quotations`` are ``(start, end)`` spans inside quotation marks: a
    subject in there is somebody's words, not the article's narration.
    ``given_names`` maps a folded given name to "m" or "f" (see
    ``given_name_genders``).
    """
    return _Resolver(text, attributions, parse, quotations, given_names or {}).run()


# The resolver ----------------------------------------------------------------------------


class _Resolver:
    def __init__(self, text, attributions, parse, quotations, given_names):
        self.text, self.parse = text, parse
        self.given_names = given_names
        self.attributions = attributions
        self.quotations = sorted(quotations)
        self.names = article_names(text, parse, speakers.name_words)
        self.resolved = {}
        self._narrated = {}  # offset of a pronoun subject -> what it means
        self.lowercase = set(re.findall(r"\b[a-z][\w’'-]*", text)) if parse is None else set()
        self.honorifics, self.genders = stated_genders(text, parse)
        if parse is not None:
            self.sentence_spans = [parse.span(i) for i in range(len(parse.sentences))]
        else:
            self.sentence_spans = fallback_sentences(text)
        self.source_spans = []
        for attribution in attributions:
            if attribution.source:
                start, end = self._trimmed(*attribution.source[0])
                self.source_spans.append((start, end, attribution.id))
        self.source_spans.sort()

    def run(self):
        # Text order, so that an earlier source is resolved before a
        # pronoun after it looks it up.
        by_id = {a.id: a for a in self.attributions}
        for start, end, attribution_id in self.source_spans:
            self.resolved[attribution_id] = self._resolve(start, end)
        for attribution in self.attributions:
            if attribution.id not in self.resolved:
                self.resolved[attribution.id] = Speaker(None, None, "none", "none", "PolNeAR marks no source for this attribution")
        return {key: self.resolved[key] for key in by_id}

    def _trimmed(self, start, end):
        while start < end and self.text[start] in " \t\n\"“”‘’'(,":
            start += 1
        while end > start and self.text[end - 1] in " \t\n,":
            end -= 1
        return start, end

    def _gender(self, name):
        """"m", "f" or None: the article's Mr./Ms. before the surname, else
        the given name's gender in the corpus, else CoreNLP's chains."""
        words = speakers.name_words(name or "")
        if not words:
            return None
        surname = speakers.fold(words[-1])
        if surname in self.honorifics:
            return self.honorifics[surname]
        if len(words) > 1 and speakers.fold(words[0]) in self.given_names:
            return self.given_names[speakers.fold(words[0])]
        return self.genders.get(surname)

    def _person(self, name):
        """Does the article treat ``name`` as a person (a gender, or "I")?"""
        words = speakers.name_words(name or "")
        return bool(words) and (self._gender(name) is not None or speakers.fold(words[-1]) in self.genders)

    # One source.

    def _resolve(self, start, end):
        text, parse = self.text, self.parse
        written = text[start:end]
        form, (who_start, who_end) = classify_source(text, start, end, parse)
        if form == "name":
            return self._name(written, who_start, who_end)
        if form == "pronoun":
            return self._pronoun(written, start, end)
        return self._description(written, who_start, who_end)

    def _name(self, written, start, end):
        return replace(self._named(start, end, "source_span"), written=written)

    def _named(self, start, end, method):
        """The speaker a name written at ``[start, end)`` stands for, with
        its kind: what CoreNLP tagged it, unless the article gives it a
        gender (CoreNLP's tagger calls some people organizations)."""
        name = self.text[start:end]
        if speakers.is_pronoun(name):
            return Speaker(None, None, "pronoun", "none", "a name that is a pronoun")
        kinds = {n.kind for n in self.names if n.start < end and start < n.end}
        person = self._person(name)
        if not person and kinds and kinds <= {"ORGANIZATION", "LOCATION"}:
            kind = "organization" if "ORGANIZATION" in kinds else "place"
            return Speaker(" ".join(speakers.name_words(name)) or name, None, "name", method, kind=kind)
        # CoreNLP chains are not asked which of two people sharing a surname
        # this is: they merge mentions by head word, so "Mr. Cruz" chains
        # with his father "Rafael Cruz".
        speaker, note = fullest_name(self.text, name, self.names)
        if " and " in speaker:
            return Speaker(speaker, None, "name", method, note, kind="group")
        known = self.parse is None or kinds & {"PERSON", "NAME"} or person or self._person(speaker)
        return Speaker(speaker, None, "name", method, note, kind="person" if known else "name", gender=self._gender(speaker))

    def _description(self, written, start, end):
        text, parse = self.text, self.parse
        head = head_word(text, start, end)
        token = token_at(parse, head[0]) if head else None
        plural = token.pos in PLURAL_POS if token is not None else bool(head and text[head[1] - 1] == "s")
        definite = re.match(r"(?i)(?:the|this|that)\s", text[start:end])
        if definite and not plural and person_noun(text[start:end]):
            # "the president", "the candidate": a person the article has
            # named, found like the antecedent of "he" or "she".
            position, found = self._antecedent_at("person", start)
            head = speakers.head_word(text[start:end]) or ""
            # ...unless the article introduced someone with that noun since
            # ("A second CIA officer backed Bob's account ... the officer said").
            introduced = re.search(r"(?i)\b(?:a|an|another|one)\s+(?:[\w’'-]+\s+){0,4}" + re.escape(head) + r"s?\b", text[position:start])
            if found is not None and not introduced and not relational(text[start:end], found.speaker):
                return replace(found, written=written, form="description", method="antecedent")
        if definite and not plural and person_noun(text[start:end]):
            found = self._chain_names(self._chain_of(start, end), ("PERSON",))
            if found:
                best = max(found, key=lambda n: len(speakers.name_words(n)))
                speaker, note = fullest_name(text, best, self.names, found)
                if relational(text[start:end], speaker):
                    return Speaker(description_speaker(text, start, end, parse), written, "description", "source_span", kind="description")
                return Speaker(speaker, written, "description", "coreference", note, kind="person", gender=self._gender(speaker))
        kind = "group" if plural else "description"
        return Speaker(description_speaker(text, start, end, parse), written, "description", "source_span", kind=kind)

    def _pronoun(self, written, start, end):
        pronoun = speakers.fold(written)
        if pronoun in FIRST_PERSON:
            return Speaker(None, written, "pronoun", "none", "first person outside a quotation: the writer, whom the text does not name")
        if pronoun in ("you",):
            return Speaker(None, written, "pronoun", "none", "second person: nobody the text names")
        if pronoun in RELATIVE:
            return replace(self._relative(start), written=written, form="pronoun")
        gender = "m" if pronoun in MASCULINE else "f" if pronoun in FEMININE else None
        found = self._antecedent(pronoun, start)
        if found is not None:
            return Speaker(found.speaker, written, "pronoun", "antecedent", found.note, kind=found.kind, gender=gender or found.gender)
        kinds = ("PERSON",) if gender else ("ORGANIZATION", "PERSON") if pronoun in ("we", "us") else ("ORGANIZATION",)
        chain_names = self._chain_names(self._chain_of(start, end), kinds)
        if chain_names:
            best = max(chain_names, key=lambda n: len(speakers.name_words(n)))
            speaker, note = fullest_name(self.text, best, self.names, chain_names) if gender else (best, None)
            return Speaker(speaker, written, "pronoun", "coreference", note, kind="person" if gender else "organization", gender=gender)
        earlier = [n for n in self.names if n.end <= start and n.kind in kinds + ("NAME",)]
        if earlier:
            nearest = self.text[earlier[-1].start:earlier[-1].end]
            speaker, note = fullest_name(self.text, nearest, self.names) if gender else (nearest, None)
            return Speaker(speaker, written, "pronoun", "nearest_name", note, kind="person" if gender else "organization", gender=gender)
        return Speaker(None, written, "pronoun", "none", "nothing earlier for the pronoun to mean")

    # Antecedents.

    def _relative(self, offset):
        """"X, who said": the name or earlier source nearest before the
        relative pronoun in its sentence, else the words before its comma."""
        start, _ = self.sentence_spans[self._sentence_of(offset)]
        before = [(n.end, n) for n in self.names if start <= n.start and n.end <= offset]
        sources = [(e, self.resolved[i]) for s, e, i in self.source_spans if start <= s and e <= offset and self.resolved.get(i) and self.resolved[i].speaker]
        if before or sources:
            end, nearest = max(before + sources, key=lambda pair: pair[0])
            return nearest if isinstance(nearest, Speaker) else self._named(nearest.start, nearest.end, "antecedent")
        clause = self.text[start:offset].rstrip(" ,")
        phrase = re.split(r"[,;:(]", clause)[-1].strip()
        phrase = re.sub(r"^(?:said|says|told|added|wrote|according to)\s+", "", phrase)
        if not phrase:
            return Speaker(None, None, "pronoun", "none", "a relative pronoun with nothing before it")
        phrase_start = start + clause.rfind(phrase)
        words = description_speaker(self.text, phrase_start, phrase_start + len(phrase), self.parse)
        return Speaker(words, None, "pronoun", "antecedent", kind="description")

    def _sentence_of(self, offset):
        for i, (start, end) in enumerate(self.sentence_spans):
            if start <= offset < end or offset < start:
                return i if start <= offset else max(i - 1, 0)
        return len(self.sentence_spans) - 1

    def _antecedent(self, pronoun, offset, depth=0):
        """The leftmost fitting subject of the nearest sentence before ``offset``."""
        return self._antecedent_at(pronoun, offset, depth)[1]

    def _antecedent_at(self, pronoun, offset, depth=0):
        """``(offset, Speaker)`` of the antecedent, or ``(offset, None)``."""
        current = self._sentence_of(offset)
        for sentence in range(current, max(-1, current - SENTENCES_BACK - 1), -1):
            start, end = self.sentence_spans[sentence]
            fitting = [(-self._fit(pronoun, c), position, c) for position, c in self._subjects(start, min(end, offset), depth)]
            fitting = [f for f in fitting if f[0] < 0]
            if fitting:
                best = min(fitting, key=lambda f: (f[0], f[1]))
                return best[1], best[2]
        return offset, None

    def _subjects(self, start, limit, depth):
        """``(offset, Speaker)`` of the subjects in ``[start, limit)``."""
        found = []
        taken = []
        for s, e, attribution_id in self.source_spans:
            if start <= s < limit:
                taken.append((s, e))
                speaker = self.resolved.get(attribution_id)
                if speaker is not None and speaker.speaker:
                    found.append((s, speaker))
        if self.parse is None:
            return found + self._first_name(start, limit, taken)
        sentence = self.parse.sentence_at(start)
        current = limit < self.sentence_spans[sentence][1]
        for main, group in self.parse.subjects[sentence] if sentence < len(self.parse.subjects) else []:
            if current and not main:
                continue  # in the pronoun's own sentence, a subordinate clause's subject is not it
            for head in group:
                token = self.parse.tokens[head]
                if token.start >= limit or token.start < start or self._quoted(token.start):
                    break
                if any(s <= token.start < e for s, e in taken):
                    break
                candidate = self._subject(head, depth)
                if candidate is not None:
                    found.append((self.parse.tokens[group[0]].start, candidate))
                    break
        return found

    def _first_name(self, start, limit, taken):
        """Without CoreNLP, the subject is guessed: capitalized words opening
        the sentence, less those the text also writes in lower case ("But")."""
        match = re.match(r"[\s\"“‘'(]*((?:[A-Z][\w’'.-]*[ \u00a0]*)+)", self.text[start:limit])
        if not match or any(s <= start + match.start(1) < e for s, e in taken):
            return []
        words = match.group(1).split()
        common = [i for i, w in enumerate(words) if w.lower() in self.lowercase]
        kept = words[common[-1] + 1:] if common else words
        # ...and only a word the text also capitalizes inside a sentence
        # ("Rubio disagreed", not "Rattling off promises").
        if not kept or not re.search(r"\b[a-z][\w,]*[ \u00a0]+" + re.escape(kept[-1]) + r"\b", self.text):
            return []
        name_start = start + match.start(1) + match.group(1).rindex(kept[0])
        return [(name_start, self._named(name_start, name_start + len(" ".join(kept)), "antecedent"))]

    def _subject(self, head, depth):
        token = self.parse.tokens[head]
        word = speakers.fold(self.text[token.start:token.end])
        if token.pos == "PRP" and word not in FIRST_PERSON and word != "you":
            # A pronoun subject in the narration means what the pronoun
            # being resolved would mean if it is the same pronoun: resolve
            # it the same way (each once; not too deep).
            if token.start not in self._narrated:
                self._narrated[token.start] = None
                found = self._antecedent(word, token.start, depth + 1) if depth < MAX_DEPTH else None
                if found is not None:
                    gender = "m" if word in MASCULINE else "f" if word in FEMININE else found.gender
                    self._narrated[token.start] = replace(found, gender=gender)
            return self._narrated[token.start]
        if token.pos == "WP" and self.text[token.start:token.end].lower() == "who":
            before = [n for n in self.names if n.kind == "PERSON" and self.parse.sentence_at(n.start) == token.sentence and n.end <= token.start]
            if not before:
                return None
            return self._named(before[-1].start, before[-1].end, "antecedent")
        if token.pos in PROPER_POS and token.ner in ("PERSON", "ORGANIZATION", "LOCATION"):
            name = next((n for n in self.names if n.start <= token.start < n.end), None)
            if name is not None:
                return self._named(name.start, name.end, "antecedent")
        return None

    def _quoted(self, offset):
        return any(s <= offset < e for s, e in self.quotations)

    @staticmethod
    def _fit(pronoun, candidate):
        """2 for a subject the pronoun plainly means, 1 for one it may mean, 0 for neither."""
        kind, gender = candidate.kind, candidate.gender
        if pronoun == "person":  # a definite description of a person
            return 2 if kind == "person" else 0
        if pronoun in MASCULINE or pronoun in FEMININE:
            wanted = "m" if pronoun in MASCULINE else "f"
            if kind == "person":
                return 2 if gender in (None, wanted) else 0
            if kind == "description":
                return 1 if person_noun(candidate.speaker) else 0
            return 1 if kind == "name" else 0
        if pronoun in ("it", "its", "itself"):
            return 2 if kind in ("organization", "place") else 1 if kind in ("description", "name") else 0
        if pronoun in ("we", "us", "our"):
            return 2 if kind in ("organization", "group") else 1 if kind in ("description", "person", "name") else 0
        return 2 if kind in ("organization", "group") else 1 if kind in ("description", "name") else 0

    # CoreNLP coreference.

    def _chain_of(self, start, end):
        if self.parse is None:
            return None
        inside = set(self.parse.tokens_in(start, end))
        for chain in self.parse.chains:
            if any(head in inside for _, _, head in chain):
                return chain
        return None

    def _chain_names(self, chain, kinds):
        found = []
        for _, _, head in chain or []:
            token = self.parse.tokens[head]
            if token.ner in kinds and token.pos in PROPER_POS:
                found.extend(self.text[n.start:n.end] for n in self.names if n.start <= token.start < n.end)
        return found
