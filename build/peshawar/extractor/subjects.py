"""Who each sentence is about, and every speech cue resolved in text
order: the history that pronouns and descriptions point back to.

"The council's director, Ade Bello, rejected the claims. … he said": "he"
is the last person a sentence was about, not the last speaker quoted. Only
names that open a sentence count (after determiners, possessives and
titles), so an object ("said Fazal complained") is not taken for the
subject. A body that opens a sentence ("Valecrest operates the site") is
remembered too, for a later "it" or "they".
"""

import bisect
import re
import string

from . import lexicon, phrases
from .coreference import description_head
from .naming import organization_like, person_like

WORD_RE = re.compile(r"[\w’'-]+")
AGE_RE = re.compile(r"\d+-year-old")
LETTERS_RE = re.compile(r"[A-Za-z]+")
ROLE_THEN_NAME_RE = re.compile(r"[ \u00a0]+([a-z]+)[ \u00a0]+[A-Z]")
APPOSITIVE_RE = re.compile(r",[ \u00a0]+((?:[\w’'-]+[ \u00a0]+){0,3}[\w’'-]+),")
ASCII_LETTERS = frozenset(string.ascii_letters)

# Words that may precede a sentence's subject name: "The council's new
# director, Ade Bello, …", "Former President X …".
SUBJECT_PREFIX_WORDS = lexicon.DETERMINERS | lexicon.ROLE_WORDS | lexicon.words("subject_prefix_words")


def sentence_subjects(text, sentence_spans, marked, resolver):
    """Remember the person (or body) each sentence opens with, for pronouns."""
    opens = [s.open for s in marked]
    for start, end in sentence_spans:
        # The runs of the whole text, found once, rather than a search of each sentence.
        for run_start, run_end in resolver.index.name_runs_between(start, end):
            inside = bisect.bisect_right(opens, run_start) - 1
            if inside >= 0 and run_start < marked[inside].end:
                break
            prefix = text[start:run_start]
            words = WORD_RE.findall(prefix)
            if not _opens_sentence(prefix, words):
                break
            if text[run_start:run_end] in lexicon.SENTENCE_STARTERS:
                continue
            phrase = phrases.trailing_name(text, run_start, run_end)
            if phrase is None or _role_then_name(text, phrase.end):
                continue  # "Former Pennsylvania [governor Ed Rendell]": a modifier before the subject
            speaker = resolver.resolve(phrase, phrase.start)
            _learn_genders(text, resolver, speaker, phrase, prefix)
            kind = resolver.registry.kinds.get(speaker.actor_id)
            titled = bool(words) and (words[-1].lower() in lexicon.ROLE_WORDS or words[-1] in lexicon.TITLE_WORDS)
            if (speaker.actor_id and kind in ("person", "anonymous_source")) or (
                speaker.actor_id is None and (titled or person_like(resolver.index, phrase))
            ):
                resolver.remember(phrase.start, speaker)
                break
            if (speaker.actor_id is None and not organization_like(phrase.text)) or _role_then_name(text, phrase.end):
                continue  # "Rovers captain Dan Whitby": a modifier before the subject
            if speaker.body:
                resolver.remember(phrase.start, speaker)
            break


def _opens_sentence(prefix, prefix_words):
    """Are the words before a name (``prefix``, whose words are
    ``prefix_words``) only what may stand before a subject: determiners,
    possessives, titles and the words of a job ("Republican pollster Whit
    Ayres", "Former Pennsylvania governor Ed Rendell")?"""
    # A phrase set off by commas before the subject ("For 40 years,",
    # "Her rival, …") does not stop the search for it.
    words = WORD_RE.findall(prefix[prefix.rfind(",") + 1:]) if "," in prefix and len(prefix_words) <= 12 else prefix_words
    return len(words) <= 6 and all(
        w.lower() in SUBJECT_PREFIX_WORDS or phrases.POSSESSIVE_END_RE.search(w) or w[0].isupper()
        or w.lower() in lexicon.POSSESSIVES
        or AGE_RE.fullmatch(w)  # "67-year-old Ann Ruiz"
        or (index == len(words) - 1 and _job_word(w))  # "pollster" right before the name
        for index, w in enumerate(words)
    )


def _job_word(word):
    """A lowercase word that may be a job written before a name: no verb,
    preposition, conjunction or pronoun."""
    lower = word.lower()
    return word.islower() and not (
        lower in lexicon.PREPOSITIONS or lower in lexicon.CONJUNCTIONS or lower in lexicon.VERB_MARKERS
        or lower in lexicon.SPEECH_VERBS or lower in phrases.PRONOUNS or lower.endswith(("ed", "ly", "ing"))
    )


def _learn_genders(text, resolver, speaker, phrase, prefix):
    resolver.learn_gender(speaker.actor_id, word_before(text, phrase.start), speaker.name)
    for word in LETTERS_RE.findall(prefix[-40:] + " " + _appositive_after(text, phrase.end)):
        if word.lower() not in lexicon.POSSESSIVES and word.lower() not in phrases.PRONOUNS:
            resolver.learn_gender(speaker.actor_id, word, speaker.name)  # "Her nephew, …": a man


def _role_then_name(text, end):
    """Does a role word and a capitalised name follow ("… captain Dan …")?"""
    match = ROLE_THEN_NAME_RE.match(text, end, end + 40)
    return bool(match) and match.group(1) in lexicon.ROLE_WORDS


def _appositive_after(text, end):
    """The words of an appositive right after a name ("…, her nephew,")."""
    match = APPOSITIVE_RE.match(text, end, end + 60)
    return match.group(1) if match else ""


SUBORDINATE_RE = re.compile(r"\b(?:when|as|after|before|because|while|if|since|until|whenever)\s+$", re.IGNORECASE)


def _subordinate(text, cue):
    """Is the cue's subject in a subordinate clause ("… when a reporter
    asked")? Then the sentence's own subject stays the one a later "he"
    means."""
    return cue.subject.start > cue.sentence[0] and bool(SUBORDINATE_RE.search(text, max(cue.sentence[0], cue.subject.start - 12), cue.subject.start))


def word_before(text, offset):
    r"""The word of ``([A-Za-z]+)\.?\s+$`` searched for in the 12
    characters before ``offset`` ("Mrs. " before a name), or None: read
    back from ``offset`` rather than matched from each of those places."""
    window_start = max(0, offset - 12)
    before = text[window_start:offset].rstrip()  # str.isspace is the pattern's \s
    if len(before) == offset - window_start:
        return None  # no space before the offset
    if before.endswith("."):
        before = before[:-1]
    start = len(before)
    while start > 0 and before[start - 1] in ASCII_LETTERS:
        start -= 1
    return before[start:] or None


CONTINUING_VERBS = lexicon.words("continuing_verbs")


def resolve_cues(cues, resolver):
    """Resolve every cue's subject in text order, so pronouns see earlier speakers."""
    for cue in cues:
        if cue.subject is None:
            continue
        speaker = resolver.resolve(cue.subject, cue.start, continuing=cue.word in CONTINUING_VERBS)
        cue.speaker = speaker
        cue.speaker_text, cue.speaker_id, cue.number = speaker.name or speaker.text, speaker.actor_id, speaker.number
        resolver.learn_gender(speaker.actor_id, word_before(resolver.text, cue.subject.start), speaker.name)
        head = description_head(cue.subject.text) if cue.subject.kind == "description" else None
        resolver.remember(cue.start, speaker, head, subordinate=_subordinate(resolver.text, cue))
