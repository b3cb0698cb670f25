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

PROPER_POS = ("NNP", "NNPS")
NAMED = ("PERSON", "ORGANIZATION", "LOCATION", "MISC")
PLURAL_POS = ("NNS", "NNPS")
MASCULINE = frozenset("he him his himself".split())
FEMININE = frozenset("she her hers herself".split())
FIRST_PERSON = frozenset("i me my myself".split())
RELATIVE = frozenset("who whom which that".split())
# How many sentences back a pronoun's antecedent is looked for.
SENTENCES_BACK = 12
# How many pronoun subjects in a row may be resolved through one another.
MAX_DEPTH = 25
# Head nouns of descriptions that may be a person, for "he"/"she": common
# news roles, and endings that make agent nouns (reporter, senator,
# activist, politician, spokesman).
PERSON_NOUN_ENDINGS = ("man", "woman", "person", "er", "or", "ist", "yst", "ian")
PERSON_NOUNS = frozenset(
    """official aide chief candidate nominee source president resident student consultant executive expert
    judge justice mother wife son daughter friend child girl boy lady guy veteran attendee delegate
    representative secretary surrogate colleague critic ally rival opponent candidate host anchor
    pundit nurse doctor priest pastor rabbi imam cleric immigrant refugee victim witness""".split()
)
TITLE_GENDER = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?[ \u00a0]+([A-Z][\w’'-]+)")
WORD = re.compile(r"[\w’'.-]+")


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


# Genders of given names ----------------------------------------------------------------

RELATIVE_GENDER = {
    "wife": "f", "daughter": "f", "mother": "f", "sister": "f", "husband": "m", "son": "m", "father": "m", "brother": "m",
}
FULL_NAME = re.compile(r"\b([A-Z][a-z]+)[ \u00a0]+(?:[A-Z]\.[ \u00a0]+)?([A-Z][\w’'-]+)\b")
RELATIVE_NAMED = re.compile(r"\b(?:his|her)[ \u00a0]+(" + "|".join(RELATIVE_GENDER) + r"),?[ \u00a0]+([A-Z][a-z]+)\b")


def given_name_votes(text):
    """Evidence in one article that a given name is a man's or a woman's:
    "Bernie Sanders" in an article that calls him "Mr. Sanders" (when no
    other Sanders has a given name there), and "his wife, Jane"."""
    honorifics = {}
    for match in TITLE_GENDER.finditer(text):
        honorifics.setdefault(match.group(2), set()).add("m" if match.group(1) == "Mr" else "f")
    given = {}
    for match in FULL_NAME.finditer(text):
        given.setdefault(match.group(2), set()).add(match.group(1))
    votes = []
    for surname, genders in honorifics.items():
        if len(genders) == 1 and len(given.get(surname, ())) == 1:
            votes.append((next(iter(given[surname])), next(iter(genders))))
    for match in RELATIVE_NAMED.finditer(text):
        votes.append((match.group(2), RELATIVE_GENDER[match.group(1)]))
    return votes


def given_name_genders(votes, least=2, share=0.8):
    """``{folded given name: "m" or "f"}`` from votes over many articles: a
    name seen at least ``least`` times, ``share`` of them one way."""
    counts = {}
    for name, gender in votes:
        counts.setdefault(speakers.fold(name), []).append(gender)
    table = {}
    for name, said in counts.items():
        for gender in ("m", "f"):
            if len(said) >= least and said.count(gender) >= share * len(said):
                table[name] = gender
    return table


# Source phrases ---------------------------------------------------------------------------


def _sentence_initial(text, offset):
    before = text[:offset].rstrip(" \t\u00a0\"“”‘’'(")
    return not before or before[-1] in ".!?:\n"


def _head(text, start, end):
    """``(start, end)`` of the head word of ``text[start:end]``'s core."""
    phrase = text[start:end]
    core = speakers.core(phrase)
    offset = start + phrase.find(core) if core else start
    head = None
    for match in WORD.finditer(core):
        if head and speakers.fold(match.group().strip(".")) in speakers.PREPOSITIONS:
            break
        head = (offset + match.start(), offset + match.start() + len(match.group().rstrip(".")))
    return head


def _token(parse, offset):
    i = parse.token_at(offset) if parse else None
    return parse.tokens[i] if i is not None else None


def _proper(text, head, parse):
    """Is the head word a proper noun? CoreNLP's tag when there is one,
    else its capital (a sentence's first word needs a capitalized neighbour)."""
    word = text[head[0]:head[1]]
    if not word[:1].isupper():
        return False
    token = _token(parse, head[0])
    if token is not None:
        return token.pos in PROPER_POS or token.ner in NAMED
    if not _sentence_initial(text, head[0]):
        return True
    if re.match(r"[ \u00a0]+[A-Z]", text[head[1]:]) or re.search(r"[A-Z][\w.’'-]*[ \u00a0]+$", text[: head[0]]):
        return True
    # A capitalized first word is a name when the text never writes it in lower case.
    return not re.search(r"\b" + re.escape(word.lower()) + r"\b", text)


def _segments(text, start, end):
    """The comma-separated parts of a source span, as ``(start, end)``."""
    parts, position = [], start
    for match in re.finditer(r",", text[start:end]):
        parts.append((position, start + match.start()))
        position = start + match.end()
    parts.append((position, end))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in parts if text[s:e].strip()]


def classify_source(text, start, end, parse):
    """``(form, (start, end) of the words that say who)`` for a source span:
    a pronoun; a name (the first part of the span, between commas, headed
    by a proper noun: "Haley Morris, a spokeswoman" and "a spokeswoman,
    Haley Morris" are both names); or a description (its first part)."""
    if speakers.is_pronoun(text[start:end]):
        return "pronoun", (start, end)
    segments = _segments(text, start, end)
    for s, e in segments:
        if re.match(r"\s*(?:who|which|whose|that)\b", text[s:e]):
            break
        head = _head(text, s, e)
        if head and _proper(text, head, parse):
            return "name", (s, head[1])
    return "description", segments[0] if segments else (start, end)


def description_speaker(text, start, end, parse):
    """A description as a speaker: its core, with a capital lowered when it
    only starts the sentence ("Officials said" -> "officials")."""
    words = speakers.core(text[start:end])
    first = words.split()[0] if words else ""
    if first[:1].isupper() and _sentence_initial(text, start) and re.search(r"\b" + re.escape(first.lower()) + r"\b", text):
        words = words[0].lower() + words[1:]
    return words or None


# Names made whole ------------------------------------------------------------------------


def fullest_name(text, name, names, preferred=()):
    """The longest way the article writes the person ``name``: the same
    surname and suffix, a given name that does not conflict. Names in
    ``preferred`` (those coreference links to the speaker) are tried first;
    among equally long ones with different given names, the one the article
    writes first. Returns ``(name, note)``."""
    words = speakers.name_words(name)
    if not words:
        return name, None
    surname, own_suffix = speakers.fold(words[-1]), speakers.suffix(name)

    def fits(candidate):
        other = speakers.name_words(candidate)
        return (
            bool(other) and speakers.fold(other[-1]) == surname and speakers.suffix(candidate) == own_suffix
            and speakers.same_speaker(candidate, name)
        )

    everyone = [text[n.start:n.end] for n in names if n.kind in ("PERSON", "NAME")]
    for pool in (preferred, everyone):
        candidates = sorted({c for c in pool if fits(c)}, key=lambda c: (-len(speakers.name_words(c)), c))
        if not candidates:
            continue
        size = len(speakers.name_words(candidates[0]))
        longest = [c for c in candidates if len(speakers.name_words(c)) == size]
        givens = {speakers.fold(speakers.name_words(c)[0]) for c in longest}
        chosen = longest[0] if len(givens) == 1 else _first_written(text, longest)
        if size < len(words):
            break
        others = sorted({" ".join(speakers.name_words(c)) for c in everyone
                         if speakers.name_words(c) and speakers.fold(speakers.name_words(c)[-1]) == surname
                         and len(speakers.name_words(c)) > 1 and not speakers.same_speaker(chosen, c)})
        note = f"surname shared with {', '.join(others)}" if others else None
        return " ".join(speakers.name_words(chosen)), note
    return " ".join(words), None


def _first_written(text, candidates):
    """The candidate the article writes first: news copy introduces a person
    by full name before using the bare surname."""
    return min(candidates, key=lambda c: (text.find(c), c))


def _person_noun(description):
    """Can the description be a person ("a spokesman", "the reporter"), not
    a thing ("his second tweet", "the oil industry", "some")?"""
    if not description or re.match(r"(?i)(?:his|her|its|their)\s", description):
        return False
    head = speakers.head_noun(description) or ""
    return head in PERSON_NOUNS or head.endswith(PERSON_NOUN_ENDINGS)


def _relational(description, name):
    """"the senior Cruz adviser" is not Cruz: a description carrying the
    surname of the person found is about someone else."""
    words = speakers.name_words(name or "")
    return bool(words) and re.search(r"\b" + re.escape(words[-1]) + r"\b", description) is not None


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
        self.genders = self._known_genders()
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

    # Genders the article states.

    def _known_genders(self):
        honorifics = {}
        for match in TITLE_GENDER.finditer(self.text):
            honorifics.setdefault(speakers.fold(match.group(2)), set()).add("m" if match.group(1) == "Mr" else "f")
        self.honorifics = {surname: genders.pop() for surname, genders in honorifics.items() if len(genders) == 1}
        votes = {}
        if self.parse is not None:
            for chain in self.parse.chains:
                surnames, pronouns = set(), []
                for first, last, head in chain:
                    token = self.parse.tokens[head]
                    word = speakers.fold(self.text[token.start:token.end])
                    if token.pos in PROPER_POS:
                        surnames.add(word)
                    # Subject pronouns only: CoreNLP chains "her father ...
                    # his presidency" into one, possessives mislead.
                    elif word == "he":
                        pronouns.append("m")
                    elif word == "she":
                        pronouns.append("f")
                    elif word in FIRST_PERSON:
                        pronouns.append("i")
                # A chain naming two people mixes them up: it says nothing.
                if len(surnames) == 1:
                    votes.setdefault(surnames.pop(), []).extend(pronouns)
        # The chains decide a gender only when three pronouns or more agree
        # and none disagrees: they are often wrong. A name chained with
        # gendered pronouns or "I" is a person at least, even when the
        # tagger called it an organization ("Le Pen told CNN ... 'I believe'").
        genders = {}
        for surname, said in votes.items():
            m, f = said.count("m"), said.count("f")
            if said:
                genders[surname] = "m" if m >= 3 and not f else "f" if f >= 3 and not m else None
        return genders

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
        head = _head(text, start, end)
        token = _token(parse, head[0]) if head else None
        plural = token.pos in PLURAL_POS if token is not None else bool(head and text[head[1] - 1] == "s")
        definite = re.match(r"(?i)(?:the|this|that)\s", text[start:end])
        if definite and not plural and _person_noun(text[start:end]):
            # "the president", "the candidate": a person the article has
            # named, found like the antecedent of "he" or "she".
            position, found = self._antecedent_at("person", start)
            head = speakers.head_word(text[start:end]) or ""
            # ...unless the article introduced someone with that noun since
            # ("A second CIA officer backed Bob's account ... the officer said").
            introduced = re.search(r"(?i)\b(?:a|an|another|one)\s+(?:[\w’'-]+\s+){0,4}" + re.escape(head) + r"s?\b", text[position:start])
            if found is not None and not introduced and not _relational(text[start:end], found.speaker):
                return replace(found, written=written, form="description", method="antecedent")
        if definite and not plural and _person_noun(text[start:end]):
            found = self._chain_names(self._chain_of(start, end), ("PERSON",))
            if found:
                best = max(found, key=lambda n: len(speakers.name_words(n)))
                speaker, note = fullest_name(text, best, self.names, found)
                if _relational(text[start:end], speaker):
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
                return 1 if _person_noun(candidate.speaker) else 0
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
