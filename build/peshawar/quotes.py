"""Quotations: pair the marks, tell quotes from scare quotes and names, and
find who speaks.

``find_quotes(text, registry, mentions)`` returns ``(quotes, not_quotes)``.
Each quote is a dict with the keys the extractor prints (text, start_char,
end_char, speaker, speaker_id, cue, rule, confidence) plus form, part,
channel, channel_id and pull_quote. ``not_quotes`` are the marked spans
judged not to be anybody's words, with a reason (nickname, name, title,
scare_quote).

Attribution is by rules over the sentence around the marks, tried in this
order (the rule names are what each quote's ``rule`` says):

- x_said_after, said_x_after, x_told_after: a cue right after the closing
  mark ("…," X said / "…," said X / "…," X told Y);
- cue_before_in_sentence, according_to, participle_subject, statement: a
  cue earlier in the same sentence (X said … "…", according to X, "…,
  calling it "…"", "X's statement said");
- colon_lead_in: "X said:" before the opening mark;
- interrupted, paragraph_continuation: the other part of the same
  quotation ("…," X said. "…" / a quotation reopened in the next paragraph);
- pull_quote_twin: the same words quoted elsewhere in the article;
- previous_sentence, previous_sentence_name: a cue, or else a person named
  as the subject, in the sentence before;
- unattributed.

Pronouns ("he", "she") go to the last person a sentence was about or who
spoke, skipping one of the other gender where a title or earlier pronoun
told it; definite descriptions ("the commander") to the last person
described that way; names are resolved through the actor registry only.
"""

import re
from dataclasses import dataclass, field

from . import prose
from .core.marks import DOUBLE_MARKS, quotation_marks

# A quoted span of at most this many words needs a cue nearby to count as
# somebody's words; longer spans are quotes unless they read as a title.
SHORT_QUOTE_WORDS = 4
# How far (in words) a cue earlier in the sentence may sit from a short quote.
CUE_REACH_WORDS = 15
# How long the stretch between a closing mark and its cue may be.
AFTER_CUE_REACH_WORDS = 22

SMALL_TITLE_WORDS = frozenset("of the and a an in on for to at by e i or as with from".split())

RULE_CONFIDENCE = {
    "x_said_after": 0.95,
    "said_x_after": 0.95,
    "x_told_after": 0.95,
    "according_to": 0.9,
    "statement": 0.9,
    "cue_before_in_sentence": 0.85,
    "participle_subject": 0.8,
    "colon_lead_in": 0.85,
    "interrupted": 0.9,
    "paragraph_continuation": 0.85,
    "pull_quote_twin": 0.8,
    "previous_sentence": 0.6,
    "previous_sentence_name": 0.5,
    "unattributed": 0.4,
}


# Pairing -------------------------------------------------------------------------


@dataclass
class MarkedSpan:
    """The words between a pair of quotation marks.

    ``close`` is None for the first paragraph(s) of a quotation that runs
    over a paragraph break (the next paragraph reopens with a mark and the
    first has no closing mark); ``previous`` then links the parts.
    """

    open: int
    close: int | None
    start: int
    end: int
    previous: "MarkedSpan | None" = None  # the part this one continues


def _kind(char):
    return "double" if char in DOUBLE_MARKS else "single"


def pair_marks(text):
    """Pair the quotation marks of ``text``; return MarkedSpans in text order.

    Unbalanced marks are dropped rather than guessed: an opening mark with
    no closing mark before the paragraph ends is a stray, unless the next
    paragraph reopens with a mark (the convention for a quotation running
    over several paragraphs). A straight single opening mark may be closed
    by a double one ('…"), as happens in copy-edited text.
    """
    marks = quotation_marks(text)
    pairs = []  # (open offset, close offset or None, previous part index)
    stack = []  # open marks: (Mark, kind, previous part index)
    pending_part = None

    for index, mark in enumerate(marks):
        kind = _kind(mark.char)
        if stack and "\n" in text[stack[0][0].offset:mark.offset]:
            # The paragraph ended with quotation(s) still open.
            bottom = stack[0]
            if _reopens_paragraph(text, mark) and _kind(mark.char) == bottom[1]:
                para_end = text.find("\n", bottom[0].offset)
                pairs.append((bottom[0].offset, None, para_end, bottom[2]))
                pending_part = len(pairs) - 1
            stack = []
        role = mark.role
        if role == "either":
            role = "close" if stack else "open"
        if role == "open":
            if stack and stack[-1][1] == kind:
                # Same kind opened twice: the first was a stray mark.
                stack[-1] = (mark, kind, stack[-1][2])
            else:
                previous = pending_part if not stack else None
                stack.append((mark, kind, previous))
                if not stack[:-1]:
                    pending_part = None
            continue
        # A closing mark.
        if not stack:
            continue  # a stray closing mark or a plural possessive (fighters')
        top_mark, top_kind, previous = stack[-1]
        if top_kind == kind:
            if kind == "single" and mark.offset and text[mark.offset - 1].isalpha() and _possessive_ahead(text, marks, index):
                continue
            stack.pop()
            pairs.append((top_mark.offset, mark.offset, mark.offset, previous))
        elif top_kind == "single" and kind == "double":
            if any(k == "double" for _, k, _ in stack[:-1]):
                # A stray single mark inside a double quotation: drop it and
                # close the double one.
                while stack and stack[-1][1] == "single":
                    stack.pop()
                top_mark, _, previous = stack.pop()
            else:
                stack.pop()  # '…" : a mismatched pair
            pairs.append((top_mark.offset, mark.offset, mark.offset, previous))
        # A single closing mark inside a double quotation with no single one
        # open is an apostrophe (a plural possessive): ignore it.

    spans = []
    for open_offset, close, inner_end, _ in pairs:
        start, end = open_offset + 1, inner_end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append(MarkedSpan(open_offset, close, start, end))
    for span, (_, _, _, previous) in zip(spans, pairs):
        if previous is not None:
            span.previous = spans[previous]
    # Keep the outermost spans: a quotation inside a quotation is part of it.
    outer = []
    for span in sorted(spans, key=lambda s: s.open):
        if outer and span.open < _outer_end(outer[-1]):
            continue
        outer.append(span)
    return outer


def _outer_end(span):
    return span.close if span.close is not None else span.end


def _reopens_paragraph(text, mark):
    """Is ``mark`` the first character of its paragraph?"""
    line_start = text.rfind("\n", 0, mark.offset) + 1
    return text[line_start:mark.offset].strip() == "" and mark.role in ("open", "either")


def _possessive_ahead(text, marks, index):
    """A single closing mark right after a letter, followed by another
    closing one before any opening mark in the same paragraph, is an
    apostrophe ("'The fighters' camps were hit,' he said")."""
    line_end = text.find("\n", marks[index].offset)
    line_end = len(text) if line_end == -1 else line_end
    for later in marks[index + 1:]:
        if later.offset >= line_end:
            return False
        if _kind(later.char) != "single":
            continue
        if later.role == "open":
            return False
        return True
    return False


# Cues ------------------------------------------------------------------------------


@dataclass
class Cue:
    start: int
    end: int
    word: str
    kind: str  # verb, participle, according, passive
    sentence: tuple
    subject: prose.Phrase | None = None
    inverted: bool = False  # "said X": the subject follows the cue
    channel: str | None = None
    speaker_text: str | None = None
    speaker_id: str | None = None
    number: str = "singular"


def find_cues(text, masked, sentence_spans, marked):
    """Every speech cue outside quotation marks, with the phrase it attributes to."""
    close_marks = sorted({s.close for s in marked if s.close is not None})
    cues = []
    for match in prose.CUE_RE.finditer(masked):
        kind = match.lastgroup
        if kind == "verb" and re.match(r"\s+(?:not\s+to\b|to\s+(?:be|remain|stay)\b)", masked[match.end():]):
            continue  # "who asked not to be named": anonymity, not speech
        sentence = prose.sentence_at(sentence_spans, match.start())
        cue = Cue(match.start(), match.end(), re.sub(r"\s+", " ", match.group()).lower(), kind, sentence)
        s_start, s_end = sentence
        if kind == "according":
            cue.subject = prose.phrase_after(text, match.end(), s_end)
            cue.inverted = True
        else:
            clause_start = s_start
            for close in close_marks:
                if s_start <= close < match.start():
                    clause_start = close + 1
            left = text[clause_start:match.start()]
            if kind in ("verb", "passive") and not left.strip(" \t\n\u00a0,"):
                cue.subject = _named_appositive(text, prose.phrase_after(text, match.end(), s_end), s_end)
                cue.inverted = True
            elif kind in ("verb", "passive"):
                cue.subject = _subject_before(text, clause_start, match.start())
            else:
                cue.subject = _participle_subject(text, cues, cue, clause_start)
        cue.channel = _channel(text, match.end(), s_end, cue.word)
        cues.append(cue)
    return cues


def _subject_before(text, start, end):
    segment = text[start:end].rstrip()
    # A parenthetical between dashes before the verb ("X — headed by Y —
    # claimed") belongs to X: cut back to the opening dash.
    if segment.endswith(("—", "–")):
        inner = segment[:-1]
        opening = max(inner.rfind("—"), inner.rfind("–"))
        if opening > 0:
            end = start + opening
    phrase = prose.phrase_before(text, start, end)
    if phrase is not None and phrase.text.lower() in ("who", "which", "that") and phrase.start > start:
        # "an official, who …, told": the relative pronoun's antecedent speaks.
        return prose.phrase_before(text, start, phrase.start) or phrase
    what = re.search(r"\bwhat[ \u00a0]+(he|she|they|we|it)$", text[start:end].rstrip())
    if what is not None:
        # "… into what she called 'X'": the pronoun after "what" speaks.
        pronoun_start = start + what.start(1)
        return prose.Phrase(what.group(1), pronoun_start, pronoun_start + len(what.group(1)), "pronoun")
    return phrase


def _named_appositive(text, phrase, sentence_end):
    """"said his wife, Rekha, …": a description followed by the name of the
    person it describes; the name is the speaker."""
    if phrase is None or phrase.kind != "description":
        return phrase
    match = re.match(r",[ \u00a0]+(" + prose.NAME_RUN_RE.pattern + r")(?=[ \u00a0]*(?:[,.;!?]|$))", text[phrase.end:sentence_end])
    if not match:
        return phrase
    name = prose.trailing_name(text, phrase.end + match.start(1), phrase.end + match.end(1))
    return name or phrase


def _participle_subject(text, earlier_cues, cue, clause_start):
    """", calling it …" hangs on the clause's subject: the subject of a finite
    cue earlier in the sentence, else the first name-like phrase of the
    sentence that is not the object of a preposition."""
    for previous in reversed(earlier_cues):
        if previous.sentence == cue.sentence and previous.subject and previous.kind in ("verb", "passive"):
            return previous.subject
    return _first_subject_name(text, cue.sentence[0], cue.start)


# A capitalised name on one line; a period ends it unless a letter follows.
_CAPS = r"[A-Z](?:[\w’'&-]|\.(?=\w))*(?:[ \u00a0]+[A-Z](?:[\w’'&-]|\.(?=\w))*)*"


def _channel(text, start, end, word):
    """Whom the words were given to: "told The Daily Planet", "quoted in X", "in a statement"."""
    rest = text[start:end]
    if word.startswith("told") or word.startswith("tell"):
        match = re.match(r"\s+((?:[Tt]he\s+)?" + _CAPS + r"|[a-z]+)", rest)
        return match.group(1) if match else None
    match = re.match(r"\s+(?:in|to|by)\s+((?:The\s+)?" + _CAPS + r")", rest)
    if match and "quoted" in word:
        return match.group(1)
    match = re.match(r"\s+(in\s+an?\s+(?:statement|email|e-mail|interview|video|letter|message|phone\s+call|press\s+conference|tweet|post)\b)", rest)
    return match.group(1) if match else None


# Resolution ----------------------------------------------------------------------


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
        gender = "she" if word in prose.FEMALE_WORDS else "he" if word in prose.MALE_WORDS else None
        key = _gender_key(actor_id, name)
        if key and gender:
            self.gender.setdefault(key, gender)

    def _pronoun(self, phrase, offset):
        pronoun = phrase.text.lower()
        number = prose.PRONOUNS.get(pronoun, "singular")
        for _, speaker_text, actor_id, past_number, _ in reversed([h for h in self.history if h[0] < offset]):
            if past_number != number:
                continue
            if actor_id is None and speaker_text and speaker_text.lower() in prose.PRONOUNS:
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
            for match in reversed(list(prose.NAME_RUN_RE.finditer(self.text, window, offset))):
                name = prose.trailing_name(self.text, match.start(), match.end())
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
        name = prose.NAME_RUN_RE.pattern
        patterns = (
            r"(?P<name>" + name + r"),\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?" + word + r"\b",
            r"\b(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?" + word + r",?\s+(?P<name>" + name + r")",
            r"\b" + word + r"\s+(?P<name>" + name + r")",
        )
        found = []
        for pattern in patterns:
            for match in re.finditer(pattern, self.text):
                phrase = prose.trailing_name(self.text, match.start("name"), match.end("name"))
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
    if not words or name.lower() in prose.PRONOUNS or not words[-1][0].isupper():
        return None
    return ("surname", words[-1])


def organization_like(name):
    """A capitalised name that reads as an organisation ("Interior Ministry")."""
    words = name.split()
    if len(words) > 1 and words[0] in prose.FOREIGN_ARTICLES:
        return True  # "Le Monde", "El País"
    return any(word.strip(".,’'") in prose.ORGANIZATION_WORDS for word in words)


def person_like(text, phrase):
    """An unregistered name that reads as a person's: two to four words and
    no organisation word, or the surname of such a name written earlier."""
    words = phrase.text.split()
    if organization_like(phrase.text) or any(w in prose.SENTENCE_STARTERS for w in words):
        return False
    if words[-1].lower() in prose.ROLE_WORDS or words[-1] in prose.TITLE_WORDS:
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


GROUP_HEADS = frozenset("""
officials police authorities forces troops residents officers lawmakers leaders voters fans players
workers government army military team officer official spokesman spokeswoman province district city
state county region authorities ministry department
""".split())


def description_head(phrase_text):
    """Head noun of a description: the last word before any preposition."""
    words = re.findall(r"[A-Za-z][\w-]*", phrase_text)
    head = []
    for word in words:
        if word.lower() in prose.PREPOSITIONS and head:
            break
        head.append(word)
    return head[-1].lower() if head else ""


# Words that may precede a sentence's subject name: "The council's new
# director, Ade Bello, …", "Former President X …".
SUBJECT_PREFIX_WORDS = prose.DETERMINERS | prose.ROLE_WORDS | frozenset(
    "former new senior local regional deputy acting top chief police army city council state interim".split()
)


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
        for match in prose.NAME_RUN_RE.finditer(text, start, end):
            if any(a <= match.start() < b for a, b in inside):
                break
            prefix = text[start:match.start()]
            # A phrase set off by commas before the subject ("For 40 years,",
            # "Her rival, …") does not stop the search for it.
            clause = prefix[prefix.rfind(",") + 1:] if "," in prefix and len(re.findall(r"[\w’'-]+", prefix)) <= 12 else prefix
            words = re.findall(r"[\w’'-]+", clause)
            if len(words) > 6 or not all(
                w.lower() in SUBJECT_PREFIX_WORDS or re.search(r"['’]s$", w) or w[0].isupper() or w.lower() in prose.POSSESSIVES
                or re.fullmatch(r"\d+-year-old", w)  # "67-year-old Ann Ruiz"
                for w in words
            ):
                break
            if match.group() in prose.SENTENCE_STARTERS:
                continue
            phrase = prose.trailing_name(text, match.start(), match.end())
            if phrase is None:
                continue
            speaker, actor_id, number, _ = resolver.resolve(phrase, phrase.start)
            resolver.learn_gender(actor_id, _word_before(text, phrase.start), speaker)
            for word in re.findall(r"[A-Za-z]+", prefix[-40:] + " " + _appositive_after(text, phrase.end)):
                if word.lower() not in prose.POSSESSIVES and word.lower() not in prose.PRONOUNS:
                    resolver.learn_gender(actor_id, word, speaker)  # "Her nephew, …": a man
            titled = bool(words) and (words[-1].lower() in prose.ROLE_WORDS or words[-1] in prose.TITLE_WORDS)
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
    return bool(match) and match.group(1) in prose.ROLE_WORDS


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


# Attribution -----------------------------------------------------------------------


@dataclass
class Attribution:
    rule: str
    cue: Cue | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    channel: str | None = None
    extra: dict = field(default_factory=dict)


def _after_cue(text, span, cues, marked):
    """A cue right after the closing mark, in the same sentence: the
    speaker's phrase (or, for "said X", the cue) follows the mark ("…," X
    said / "…," said X / "…" — X told Y)."""
    if span.close is None:
        return None
    next_open = min((s.open for s in marked if s.open > span.close), default=len(text))
    for cue in cues:
        if cue.start <= span.close:
            continue
        if cue.start > next_open or not (cue.sentence[0] <= span.close < cue.sentence[1] + 1):
            return None
        if cue.subject is None or cue.kind not in ("verb", "passive"):
            return None
        if prose.word_count(text[span.close + 1:cue.start]) > AFTER_CUE_REACH_WORDS:
            return None
        # Only the start of the speaker's phrase may stand between (a title,
        # "the", "the mayor,"): a clause there ("… classrooms will stay, and
        # …, the Herald reported") means the cue is not this quote's.
        lead_end = cue.start if cue.inverted else cue.subject.start
        lead = re.sub(r"^[\s,;:—–-]*", "", text[span.close + 1:max(lead_end, span.close + 1)])
        lead = re.sub(r"\b[A-Z][a-z]{0,4}\.(?=\s)", "", lead)  # a title's period ("Gov.", "Dr.") ends nothing
        if lead_end < span.close or prose.word_count(lead) > 5 or re.search(r"[;:.!?]|\b(?:and|but|or|while|which|who|that|when|because)\b", lead):
            return None
        return cue
    return None


def _before_cue(text, span, cues, marked):
    """The last cue before the opening mark in the same sentence."""
    best = None
    for cue in cues:
        if cue.end > span.open:
            break
        if cue.sentence[0] <= span.open < cue.sentence[1] + 1 and cue.subject is not None:
            best = cue
    return best


def _rule_for(cue, after):
    if cue.kind == "according":
        return "according_to"
    if cue.subject is not None and cue.subject.kind == "statement":
        return "statement"
    if cue.kind == "participle":
        return "participle_subject"
    if not after:
        return "cue_before_in_sentence"
    if cue.inverted:
        return "said_x_after"
    if cue.word.startswith("told"):
        return "x_told_after"
    return "x_said_after"


def _from_cue(cue, after):
    return Attribution(_rule_for(cue, after), cue, cue.speaker_text, cue.speaker_id, cue.channel)


def _colon_cue(text, span, cues):
    """"X said:" right before the opening mark (maybe across a line break)."""
    before = text[:span.open].rstrip()
    if not before.endswith(":"):
        return None
    colon = len(before) - 1
    for cue in reversed(cues):
        if cue.end <= colon and cue.sentence[0] <= colon <= cue.sentence[1] and cue.subject is not None:
            return cue
    return None


def _previous_sentence_cue(span, cues, sentence_spans, paragraph_spans, same_paragraph_only):
    sentence = prose.sentence_at(sentence_spans, span.open)
    position = sentence_spans.index(sentence) if sentence in sentence_spans else -1
    if position <= 0:
        return None
    previous = sentence_spans[position - 1]
    if same_paragraph_only and _paragraph_of(paragraph_spans, previous[0]) != _paragraph_of(paragraph_spans, span.open):
        return None
    found = None
    for cue in cues:
        if previous[0] <= cue.start < previous[1] and cue.subject is not None:
            found = cue
    return found


def _previous_sentence_name(text, span, sentence_spans, resolver):
    """No cue at all: the person named as the subject of the sentence before
    ("Maria Lopez spoke to the crowd. / "We will not forget …"")."""
    sentence = prose.sentence_at(sentence_spans, span.open)
    position = sentence_spans.index(sentence) if sentence in sentence_spans else -1
    if position <= 0 or sentence[0] < span.open - 1:
        return Attribution("unattributed")  # the quote does not open its sentence
    start, end = sentence_spans[position - 1]
    subject = _first_subject_name(text, start, end)
    if subject is None:
        return Attribution("unattributed")
    speaker, actor_id, _, _ = resolver.resolve(subject, subject.start)
    if actor_id is None and person_like(text, subject):
        return Attribution("previous_sentence_name", None, speaker, None)
    if actor_id is None or resolver.registry.kinds.get(actor_id) not in ("person", "anonymous_source"):
        return Attribution("unattributed")
    return Attribution("previous_sentence_name", None, speaker, actor_id)


def _first_subject_name(text, start, end):
    """The first name of a sentence that is not the object of a preposition."""
    head = text[start:end]
    for match in prose.NAME_RUN_RE.finditer(head):
        before = head[: match.start()].split()
        while before and before[-1].lower() in ("the", "a", "an"):
            before.pop()
        if before and before[-1].lower().strip(",") in prose.PREPOSITIONS:
            continue
        if match.group() in prose.SENTENCE_STARTERS:
            continue
        return prose.trailing_name(text, start + match.start(), start + match.end())
    return None


def _paragraph_of(paragraph_spans, offset):
    for index, (start, end) in enumerate(paragraph_spans):
        if start <= offset <= end:
            return index
    return None


def _normalized(text):
    return re.sub(r"[\W_]+", " ", text).strip().lower()


# Quote or not -------------------------------------------------------------------


def _is_title_case(words):
    significant = [w for w in words if w.lower().strip(",.;:") not in SMALL_TITLE_WORDS]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)


def _noun_follows(text, span):
    """Is the closing mark followed by a plain lowercase word, as a noun the
    marked words modify ("flood-ready" plan), not "of", "that", "is"?"""
    if span.close is None:
        return False
    match = re.match(r"[ \u00a0]+([a-z][a-z-]*)\b", text[span.close + 1:span.close + 40])
    if not match:
        return False
    word = match.group(1)
    return not (
        word in prose.PREPOSITIONS or word in prose.CONJUNCTIONS or word in prose.SUBJECT_TRAILERS
        or word in ("who", "whom", "and", "or", "but", "not", "be", "being", "am", "did", "does", "do", "can")
        or word in prose.SPEECH_VERBS or word.endswith("ed")
    )


def classify_span(text, span, after, before, previous_sentence_cue, sentence_has_cue):
    """Return ``(is_quote, reason)``. ``reason`` is a not_quotes reason when
    the span is not a quote (nickname, name, title, scare_quote)."""
    inner = text[span.start:span.end]
    words = inner.split()
    s_text_before = text[max(0, span.open - 60):span.open]
    if prose.WHAT_X_CALLED_RE.search(s_text_before):
        return True, None
    if prose.NAMING_CUE_RE.search(s_text_before) and not prose.CALLING_IT_RE.search(s_text_before):
        reason = "nickname" if re.search(r"known\s+as|nicknamed", s_text_before, re.IGNORECASE) else "name"
        return False, reason
    if prose.CALLING_IT_RE.search(s_text_before):
        return True, None
    if (
        len(words) <= SHORT_QUOTE_WORDS and not re.search(r"[.,!?;:]$", inner)
        and _noun_follows(text, span)
        and re.search(r"(?:\b(?:the|a|an|its|his|her|their|our|this|that|these|those)|['’]s)[ \u00a0]+$", s_text_before, re.IGNORECASE)
    ):
        return False, "scare_quote"  # "the government's "flood-ready" plan": words that modify a noun
    if _is_title_case(words) and after is None and len(words) <= 12:
        return False, "name" if len(words) <= SHORT_QUOTE_WORDS else "title"
    if len(words) > SHORT_QUOTE_WORDS:
        return True, None
    if re.match(r"[A-Z]", inner) and re.search(r"[.!?][,]?$", inner):
        return True, None  # a whole sentence, however short: "It's a disaster!"
    if after is not None:
        return True, None
    if before is not None and prose.word_count(text[before.end:span.open]) <= CUE_REACH_WORDS:
        return True, None
    if previous_sentence_cue is not None and not sentence_has_cue:
        return True, None
    return False, "scare_quote"


# The whole pass ---------------------------------------------------------------------


@dataclass
class Reading:
    """One pass over an article shared by quotes, claims and citations."""

    text: str
    marked: list
    masked: str
    sentence_spans: list
    paragraph_spans: list
    cues: list
    resolver: "Resolver"


def read_article(text, registry, mentions):
    """Pair the marks, split sentences and resolve every speech cue once."""
    marked = [s for s in pair_marks(text) if s.start < s.end]
    masked = prose.mask_quotes(text, [(s.start, s.end) for s in marked])
    sentence_spans = prose.sentences(masked)
    cues = find_cues(text, masked, sentence_spans, marked)
    resolver = Resolver(text, registry, mentions)
    sentence_subjects(text, sentence_spans, marked, resolver)
    resolve_cues(cues, resolver)
    return Reading(text, marked, masked, sentence_spans, prose.paragraphs(text), cues, resolver)


def find_quotes(text, registry, mentions, reading=None):
    """Return ``(quotes, not_quotes)`` for ``text``; see the module docstring."""
    reading = reading or read_article(text, registry, mentions)
    marked, sentence_spans, paragraph_spans, cues = reading.marked, reading.sentence_spans, reading.paragraph_spans, reading.cues

    attributions = []
    kept = []
    not_quotes = []
    for span in marked:
        after = _after_cue(text, span, cues, marked)
        before = _before_cue(text, span, cues, marked)
        sentence = prose.sentence_at(sentence_spans, span.open)
        sentence_has_cue = any(sentence[0] <= c.start < sentence[1] for c in cues)
        previous = _previous_sentence_cue(span, cues, sentence_spans, paragraph_spans, True)
        is_quote, reason = classify_span(text, span, after, before, previous, sentence_has_cue)
        if not is_quote:
            not_quotes.append(_not_quote_item(text, span, reason))
            continue
        kept.append(span)
        if after is not None:
            attributions.append(_from_cue(after, True))
        elif before is not None:
            attributions.append(_from_cue(before, False))
        elif (colon := _colon_cue(text, span, cues)) is not None:
            attribution = _from_cue(colon, False)
            attribution.rule = "colon_lead_in"
            attributions.append(attribution)
        else:
            attributions.append(None)

    _link_parts(text, kept, attributions, cues, paragraph_spans)
    _pull_quote_twins(text, kept, attributions, paragraph_spans)
    for index, span in enumerate(kept):
        if attributions[index] is None:
            cue = _previous_sentence_cue(span, cues, sentence_spans, paragraph_spans, False)
            if cue is not None:
                attribution = _from_cue(cue, False)
                attribution.rule = "previous_sentence"
                attributions[index] = attribution
            else:
                attributions[index] = _previous_sentence_name(text, span, sentence_spans, reading.resolver)
    # A quotation over a paragraph break whose first part found its speaker
    # only from the sentence before: the later parts are the same person's.
    index_of = {id(span): i for i, span in enumerate(kept)}
    for index, span in enumerate(kept):
        earlier = index_of.get(id(span.previous)) if span.previous is not None else None
        if earlier is not None and attributions[index].rule == "unattributed" and attributions[earlier].speaker:
            _share(attributions, earlier, index, "paragraph_continuation")

    parts = _part_numbers(kept, attributions)
    quotes = [
        _quote_item(text, span, attributions[i], parts.get(i), paragraph_spans, registry)
        for i, span in enumerate(kept)
    ]
    return quotes, not_quotes


def _link_parts(text, kept, attributions, cues, paragraph_spans):
    """Give the parts of one quotation the same speaker.

    Two kinds: a quotation running over a paragraph break (``previous``
    links the parts), and a quotation interrupted by its attribution (the
    next quote in the same paragraph, with only that attribution between).
    """
    index_of = {id(span): i for i, span in enumerate(kept)}
    for _ in range(2):  # forward, then once more for a speaker named at the end
        for index, span in enumerate(kept):
            earlier = index_of.get(id(span.previous)) if span.previous is not None else None
            if earlier is not None:
                _join(attributions, earlier, index, "paragraph_continuation")
        for index in range(1, len(kept)):
            first, second = kept[index - 1], kept[index]
            if first.close is None:
                continue
            if _paragraph_of(paragraph_spans, first.open) != _paragraph_of(paragraph_spans, second.open):
                continue
            between = [c for c in cues if first.close < c.start < second.open and c.subject is not None]
            a, b = attributions[index - 1], attributions[index]
            if a is not None and b is not None and a.cue is not None and a.cue is b.cue and b.rule == "cue_before_in_sentence":
                _share(attributions, index - 1, index, "interrupted")
            elif a is not None and b is None and a.cue is not None and all(
                c is a.cue or (c.speaker_text, c.speaker_id) == (a.speaker, a.speaker_id) for c in between
            ):
                _share(attributions, index - 1, index, "interrupted")
            elif a is None and b is not None and not between:
                _share(attributions, index, index - 1, "interrupted")


def _join(attributions, first, second, rule):
    if attributions[first] is not None and attributions[second] is None:
        _share(attributions, first, second, rule)
    elif attributions[second] is not None and attributions[first] is None:
        _share(attributions, second, first, rule)


def _share(attributions, source, target, rule):
    origin = attributions[source]
    attributions[target] = Attribution(rule, origin.cue, origin.speaker, origin.speaker_id, origin.channel, {"linked": source})


def _pull_quote_twins(text, kept, attributions, paragraph_spans):
    """The same words quoted twice: the unattributed copy takes the other's speaker."""
    for index, span in enumerate(kept):
        if attributions[index] is not None:
            continue
        words = _normalized(text[span.start:span.end])
        if len(words.split()) < 5:
            continue
        for other_index, other in enumerate(kept):
            if other_index == index or attributions[other_index] is None or attributions[other_index].rule == "pull_quote_twin":
                continue
            other_words = _normalized(text[other.start:other.end])
            if words == other_words or (len(words) > 30 and (words in other_words or other_words in words)):
                origin = attributions[other_index]
                attributions[index] = Attribution("pull_quote_twin", origin.cue, origin.speaker, origin.speaker_id, None, {"twin": other_index})
                break


def _part_numbers(kept, attributions):
    """Number the parts of interrupted or paragraph-spanning quotations 1, 2 …"""
    group = list(range(len(kept)))

    def root(i):
        while group[i] != i:
            i = group[i]
        return i

    for index, attribution in enumerate(attributions):
        if attribution is not None and "linked" in attribution.extra:
            group[root(index)] = root(attribution.extra["linked"])
    members = {}
    for index in range(len(kept)):
        members.setdefault(root(index), []).append(index)
    parts = {}
    for indexes in members.values():
        if len(indexes) > 1:
            for number, index in enumerate(sorted(indexes, key=lambda i: kept[i].open), start=1):
                parts[index] = number
    return parts


def _quote_item(text, span, attribution, part, paragraph_spans, registry):
    rule = attribution.rule
    confidence = RULE_CONFIDENCE.get(rule, 0.5)
    if attribution.speaker_id is None and attribution.speaker:
        confidence = round(confidence * 0.9, 2)
    cue_word = attribution.cue.word if attribution.cue is not None else None
    if cue_word and attribution.channel and attribution.channel.startswith("in "):
        cue_word = f"{cue_word} {attribution.channel}"
    before = text[:span.open].rstrip(" \u00a0")
    partial = bool(before) and (before[-1].isalnum() or before[-1] in ",") and not before.endswith(":")
    paragraph = _paragraph_of(paragraph_spans, span.open)
    whole_paragraph = paragraph is not None and paragraph_spans[paragraph] == (span.open, (span.close or span.end) + 1)
    return {
        "text": text[span.start:span.end],
        "start_char": span.start,
        "end_char": span.end,
        "speaker": attribution.speaker,
        "speaker_id": attribution.speaker_id,
        "cue": cue_word,
        "channel": attribution.channel,
        "channel_id": registry.resolve(attribution.channel) if attribution.channel else None,
        "form": "partial" if partial or text[span.start].islower() else "full",
        "part": part,
        "pull_quote": rule == "pull_quote_twin" and whole_paragraph,
        "rule": rule,
        "confidence": confidence,
    }


def _not_quote_item(text, span, reason):
    return {
        "text": text[span.start:span.end],
        "start_char": span.start,
        "end_char": span.end,
        "reason": reason,
        "rule": f"not_quote_{reason}",
        "confidence": 0.7,
    }
