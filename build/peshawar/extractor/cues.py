"""Speech cues: the verbs and phrases that attribute words to somebody
("said", "according to", "was quoted as saying", ", calling it"), the
phrase each attributes to, and the channel the words were given to.
"""

import bisect
import re
from dataclasses import dataclass

from ..core.word_lists import first_letter_alternation
from . import clauses, phrases, sentences
from .lexicon import SPEECH_PARTICIPLES, SPEECH_VERBS
from .phrases import CAPITALISED_RUN, first_subject_name

# Finite verbs that introduce or close a quotation ("X said", "said X"), and
# participles that hang one on the clause's subject (", calling it").

# Passive cues: "he was quoted in X", "she was quoted as saying".
PASSIVE_CUES = tuple(
    auxiliary + r"\s+quoted(?:\s+as\s+saying)?"
    for auxiliary in ("was", "were", "is", "are", r"has\s+been", r"had\s+been")
)
ACCORDING_CUES = (r"According\s+to", r"according\s+to")

# What kind of cue a match is, by its first word in lower case: no two
# kinds share a first word (a test holds them apart).
CUE_KINDS = {
    **{cue.split("\\")[0].lower(): "according" for cue in ACCORDING_CUES},
    **{cue.split("\\")[0]: "passive" for cue in PASSIVE_CUES},
    **{word: "participle" for word in SPEECH_PARTICIPLES},
    **{verb.split()[0]: "verb" for verb in SPEECH_VERBS},
}

# Every cue in one alternation grouped by first letter, in the order the
# kinds used to be tried as named groups (according, passive, participle,
# verb): the engine tries one group per word instead of each kind's in
# turn, and finds the same cues (a test holds it to the named groups).
CUE_RE = re.compile(
    r"(?<![\w-])(?:"
    + first_letter_alternation(ACCORDING_CUES + PASSIVE_CUES + tuple(sorted(SPEECH_PARTICIPLES)) + tuple(sorted(SPEECH_VERBS)))
    + r")(?![\w-])"
)
PASSIVE_BEFORE_RE = re.compile(r"\b(?:was|were|is|are|be|been|being|get|gets|got)\s+(?:[a-z]+ly\s+)?$")
ANONYMITY_RE = re.compile(r"\s+(?:not\s+to\b|to\s+(?:be|remain|stay)\b)")
SPACES_RE = re.compile(r"\s+")
WHAT_PRONOUN_RE = re.compile(r"\bwhat[ \u00a0]+(he|she|they|we|it)$")
NAMED_APPOSITIVE_RE = re.compile(r",[ \u00a0]+((?>" + phrases.NAME_RUN_RE.pattern + r"))(?=[ \u00a0]*(?:[,.;!?]|$))")
TOLD_CHANNEL_RE = re.compile(r"\s+((?:[Tt]he\s+)?" + CAPITALISED_RUN + r"|[a-z]+)")
QUOTED_IN_RE = re.compile(r"\s+(?:in|to|by)\s+((?:The\s+)?" + CAPITALISED_RUN + r")")
IN_A_CHANNEL_RE = re.compile(r"\s+(in\s+an?\s+(?:statement|email|e-mail|interview|video|letter|message|phone\s+call|press\s+conference|tweet|post)\b)")

# How far from a cue its speaker's phrase and channel are looked for, in
# characters: a bound that keeps one cue's work small however long the
# sentence (no speaker phrase or channel name runs this long).
CLAUSE_REACH = 500


@dataclass
class Cue:
    start: int
    end: int
    word: str
    kind: str  # verb, participle, according, passive
    sentence: tuple
    subject: phrases.Phrase | None = None
    inverted: bool = False  # "said X": the subject follows the cue
    channel: str | None = None
    speaker: object | None = None  # the coreference.Speaker its subject means
    speaker_text: str | None = None  # who speaks, as named at the fullest (else the words as written)
    speaker_id: str | None = None
    number: str = "singular"


def find_cues(text, masked, sentence_spans, marked):
    """Every speech cue outside quotation marks, with the phrase it attributes to."""
    close_marks = sorted({s.close for s in marked if s.close is not None})
    cues = []
    for match in CUE_RE.finditer(masked):
        word = SPACES_RE.sub(" ", match.group()).lower()
        kind = CUE_KINDS[word.partition(" ")[0]]
        if kind == "verb" and ANONYMITY_RE.match(masked, match.end()):
            continue  # "who asked not to be named": anonymity, not speech
        if kind == "verb" and PASSIVE_BEFORE_RE.search(masked, max(0, match.start() - 30), match.start()):
            continue  # "he was told", "were accused of": the subject is spoken to or of, not speaking
        sentence = sentences.sentence_at(sentence_spans, match.start())
        cue = Cue(match.start(), match.end(), word, kind, sentence)
        s_start, s_end = sentence
        reach_end = min(s_end, match.end() + CLAUSE_REACH)
        if kind == "according":
            cue.subject = phrases.phrase_after(text, match.end(), reach_end)
            cue.inverted = True
        else:
            # The clause starts after the last closing mark before the cue.
            clause_start = s_start
            last_close = bisect.bisect_left(close_marks, match.start()) - 1
            if last_close >= 0 and close_marks[last_close] >= s_start:
                clause_start = close_marks[last_close] + 1
            clause_start = max(clause_start, match.start() - CLAUSE_REACH)
            left = text[clause_start:match.start()]
            if kind in ("verb", "passive") and not left.strip(" \t\n\u00a0,"):
                cue.subject = _named_appositive(text, phrases.phrase_after(text, match.end(), reach_end), reach_end)
                cue.inverted = True
            elif kind in ("verb", "passive"):
                cue.subject = _subject_before(text, clause_start, match.start())
            else:
                cue.subject = _participle_subject(text, cues, cue, clause_start)
        cue.channel = _channel(text, match.end(), reach_end, cue.word)
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
    span = phrases.words_before(text, start, end)
    span = clauses.subject_of_clause(text, *span) if span else None
    phrase = phrases.classify_phrase(text, *span) if span else None
    if phrase is not None and phrase.text.lower() in ("who", "which", "that") and phrase.start > start:
        # "an official, who …, told": the relative pronoun's antecedent speaks.
        return phrases.phrase_before(text, start, phrase.start) or phrase
    window = max(start, end - 60)
    what = WHAT_PRONOUN_RE.search(text[window:end].rstrip())
    if what is not None:
        # "… into what she called 'X'": the pronoun after "what" speaks.
        pronoun_start = window + what.start(1)
        return phrases.Phrase(what.group(1), pronoun_start, pronoun_start + len(what.group(1)), "pronoun")
    return phrase


def _named_appositive(text, phrase, sentence_end):
    """"said his wife, Rekha, …": a description followed by the name of the
    person it describes; the name is the speaker."""
    if phrase is None or phrase.kind != "description":
        return phrase
    match = NAMED_APPOSITIVE_RE.match(text, phrase.end, sentence_end)
    if not match:
        return phrase
    name = phrases.trailing_name(text, match.start(1), match.end(1))
    return name or phrase


def _participle_subject(text, earlier_cues, cue, clause_start):
    """", calling it …" hangs on the clause's subject: the subject of a finite
    cue earlier in the sentence, else the first name-like phrase of the
    sentence that is not the object of a preposition."""
    for previous in reversed(earlier_cues):
        if previous.sentence != cue.sentence:
            break  # cues come in text order: the rest are in earlier sentences
        if previous.subject and previous.kind in ("verb", "passive"):
            return previous.subject
    return first_subject_name(text, max(cue.sentence[0], cue.start - CLAUSE_REACH), cue.start)


def _channel(text, start, end, word):
    """Whom the words were given to: "told The Daily Planet", "quoted in X", "in a statement"."""
    if word.startswith("told") or word.startswith("tell"):
        match = TOLD_CHANNEL_RE.match(text, start, end)
        return match.group(1) if match else None
    match = QUOTED_IN_RE.match(text, start, end)
    if match and "quoted" in word:
        return match.group(1)
    match = IN_A_CHANNEL_RE.match(text, start, end)
    return match.group(1) if match else None
