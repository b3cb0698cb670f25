"""The subject of the clause before a speech cue, told from a run of words
that is not a noun phrase at all.

News copy coordinates verbs ("McConnell was quick to embrace the mogul and
said ..."), so the words right before a cue are often the end of a verb
phrase whose subject stands at the clause's start. Taking those words as
the speaker gives "said it was too early to congratulate winners but", and
a pronoun later pointed back to it. Here a stretch of words is read as
``subject + verb phrase``: the subject is kept, and a stretch with a verb
but no subject of its own gives no speaker.

Everything here is a pure function of a string.
"""

import re

from ..core.word_lists import first_letter_alternation
from . import lexicon, phrases
from .lexicon import SPEECH_VERBS, VERB_MARKERS

WORD_RE = re.compile(r"[\w’'.-]+")
# Grouped by first letter (the words exclude each other at any one place).
SUBORDINATOR_RE = re.compile(r"\b(?:" + first_letter_alternation(
    ("when", "while", "because", "although", "though", "if", "after", "before", "as", "since", "whereas", "until", "unless")
) + r")\s+")
# Words that join a second verb to the clause's subject: "X did Y and said".
COORDINATORS = {"and", "but", "then", "or", "before", "after"}
# "-ed" words that are adjectives in a description, not verbs ("a retired teacher").
NOT_VERBS = {"need", "red", "bed", "shed", "seed", "speed", "creed", "breed", "feed", "greed"}


def is_verb(word, after_subject=False):
    """Is ``word`` a verb form that makes a clause? ``after_subject``: it
    follows a name or pronoun directly, where "-ed" and "-s" words are verbs
    ("Schlafly then discussed", "Trump says")."""
    lower = word.lower()
    if lower in VERB_MARKERS or lower in SPEECH_VERBS:
        return True
    if not after_subject or not word.islower() or lower in NOT_VERBS:
        return False
    return lower.endswith("ed") and len(lower) > 4


def leading_subject(text, start, end):
    """The name or pronoun that opens ``text[start:end]`` (after titles and
    "the"), as a Phrase, or None."""
    word = WORD_RE.search(text, start, end)  # the first word only: a sentence may be a page long
    if word is None:
        return None
    first = word.group()
    if first.lower() in phrases.PRONOUNS:
        return phrases.Phrase(first, word.start(), word.end(), "pronoun")
    run = phrases.NAME_RUN_RE.match(text, word.start(), end)
    if run is None:
        return None
    return phrases.trailing_name(text, run.start(), run.end())


def subject_of_clause(text, start, end):
    """``(start, end)`` of the speaker phrase in ``text[start:end]``, the
    words before a cue; ``None`` when they are a clause with no subject of
    their own ("reiterated those feelings and"); unchanged when they hold no
    verb (the usual "Maria Lopez", "a senior official").

    "Schlafly then discussed the wall and [said]" -> "Schlafly": the cue is
    a second verb of the clause's subject. "Nance said she would like Trump
    to [tell]" -> None: a clause of its own stands between.
    """
    # A relative clause ("An official who asked not to be named") belongs
    # to the phrase before it and says nothing about its verb.
    start, end = phrases.cut_relative(text, start, end)
    # A subordinate clause's subject is the one after its conjunction:
    # "some cheer when he [insists]".
    last = None
    for last in SUBORDINATOR_RE.finditer(text, start, end):
        pass
    if last is not None and last.end() < end:
        start = last.end()
    words = list(WORD_RE.finditer(text, start, end))
    if not words:
        return start, end
    if len(words) > 1 and words[-1].group().lower() in phrases.PRONOUNS:
        return words[-1].start(), words[-1].end()  # "… and a loan he [described]": the pronoun speaks
    coordinated = words[-1].group().lower() in COORDINATORS  # "… and [said]"
    first = words[0].group()
    if first.islower() and is_verb(first, after_subject=True) and first.lower() not in lexicon.DETERMINERS:
        return None  # the clause's subject is not in these words
    subject = leading_subject(text, start, end)
    if subject is None:
        if coordinated or not VERB_MARKERS.isdisjoint(WORD_RE.findall(text[start:end].lower())):
            return None  # "the plan would" is not a speaker
        return start, end
    first_after = next((i for i, w in enumerate(words) if w.start() >= subject.end), len(words))
    if first_after < len(words) and is_verb(_skip_adverbs(words, first_after).group(), after_subject=True):
        return (subject.start, subject.end) if coordinated else None
    return None if coordinated else (start, end)


def _skip_adverbs(words, first=0):
    """The first word of ``words[first:]`` that is not an adverb or
    "then"/"also"/"just" (the last word when all are)."""
    for word in words[first:]:
        lower = word.group().lower()
        if lower in lexicon.SUBJECT_TRAILERS and lower not in VERB_MARKERS:
            continue
        if lower.endswith("ly") and word.group().islower():
            continue
        return word
    return words[-1]
