"""Mentions of actors: every alias of the registry (the matcher the build
uses for the mentions table), bare surnames of registered people, and new
names after a title or next to "said" that nobody registered.
"""

import bisect
import re

from ..core.aliases import WORD_CHAR_RE, alias_mentions, mention, whole_word_places
from ..core.spans import occurrences
from ..core.word_lists import first_letter_alternation
from . import lexicon, phrases
from .name_index import NameIndex

# A title or role word before a capitalised name ("Gen. Ade Bello",
# "spokesman Ann Lee"); the name runs to the end of its capitalised words.
# Titles before roles, in one alternation grouped by first letter (a title
# still wins over a role where both could match).
TITLE_BEFORE_NAME = re.compile(
    r"(?<![\w-])(?:"
    + first_letter_alternation([re.escape(t) for t in sorted(lexicon.TITLE_WORDS, key=len, reverse=True)] + sorted(lexicon.ROLE_WORDS))
    + r")[ \u00a0]+(?=[A-Z])"
)
# "Ann Lee said" (the cue after the run) and "said Ann Lee".
CUE_AFTER_NAME = re.compile(r"[ \u00a0]+(?:said|says|told|added)\b")
# "\b(?:said|says)" written "sa" first and the look back after it: the engine
# looks for "sa" at C speed instead of trying every position.
SAID_BEFORE_NAME = re.compile(r"sa(?<!\wsa)(?:id|ys)[ \u00a0]+(?P<name>" + phrases.NAME_RUN_RE.pattern + r")")
TOKEN_CHAR_RE = re.compile(r"[\w’'-]")
# Its capital comes first and the look back after it, as in phrases.NAME_RUN_RE.
CAPITALISED_SURNAME_RE = re.compile(r"[A-Z](?<![\w-][A-Z])[\w’'-]{2,}(?![\w-])")


def find_all_mentions(text, registry, index=None):
    """Mentions of known actors, their surnames, and new names.

    Rules, in this order (a later rule never overlaps an earlier match):
    alias_match (an alias, exact spelling, longest first: the matcher the
    build uses for the mentions table), surname (a bare surname after a
    full name in the text, or one that a single registered person carries)
    and new_name (a capitalised name after a title or next to "said" that no
    alias covers; actor_id null). Aliases match in their own capitalisation
    only: "an Islamic state" in running text is not a group "Islamic State".
    ``index``: the text's ``NameIndex`` when the caller shares one.
    """
    index = NameIndex(text) if index is None else index
    mentions = alias_mentions(text, registry.aliases)
    taken = sorted((m["start_char"], m["end_char"]) for m in mentions)
    for finder, rule, confidence in MENTION_RULES:
        for start, end, actor_id in finder(text, registry, mentions, index):
            if not _overlaps(taken, start, end):
                mentions.append(mention(text, start, end, actor_id, rule, confidence))
                bisect.insort(taken, (start, end))
    return sorted(mentions, key=lambda m: (m["start_char"], m["end_char"]))


def _overlaps(taken, start, end):
    """Does ``[start, end)`` overlap a span of ``taken`` (sorted spans that
    do not overlap each other)?"""
    index = bisect.bisect_left(taken, (end,))
    return index > 0 and taken[index - 1][1] > start


def _surnames_after_full_names(text, registry, mentions, index):
    """"Ann Smith … Smith": the surname means the last full name before it
    that ends with it, even when the registry leaves the surname out because
    two people share it."""
    seen = {}
    for m in sorted(mentions, key=lambda m: m["start_char"]):
        words = m["text"].split()
        if len(words) > 1 and registry.kinds.get(m["actor_id"]) == "person":
            seen.setdefault(words[-1], []).append((m["start_char"], m["actor_id"]))
    if not seen:
        return
    for start, end in whole_word_places(text, seen):
        full_names = seen[text[start:end]]
        earlier = bisect.bisect_left(full_names, start, key=lambda f: f[0])
        if earlier:
            yield start, end, full_names[earlier - 1][1]


def _registered_surnames(text, registry, mentions, index):
    """A bare surname that only one registered person carries ("Okafor"),
    unless another person in the article carries it too ("Omar Okafor")."""
    # A capitalised word is written many times: whose surname it is, if
    # anyone's, is asked once per word, not once per place.
    owners = {}  # word -> the one registered person it means here, or None
    for match in CAPITALISED_SURNAME_RE.finditer(text):
        surname = match.group()
        if surname not in owners:
            owner = None if surname in lexicon.SENTENCE_STARTERS else registry.sole_person_with_surname(surname)
            owners[surname] = None if owner is None or _another_carries(text, registry, surname, owner) else owner
        if owners[surname] is not None:
            yield match.start(), match.end(), owners[surname]


def _another_carries(text, registry, surname, owner):
    """Is ``surname`` written after a given name that is not ``owner``'s
    ("Omar Vogt" in an article about the registered Lena Vogt)?"""
    for start, end, match_end in _given_names_before(text, surname):
        given = text[start:end]
        if given in lexicon.SENTENCE_STARTERS or given in lexicon.TITLE_WORDS or given.lower() in lexicon.ROLE_WORDS:
            continue
        if registry.resolve(text[start:match_end]) != owner:
            return True
    return False


def _given_names_before(text, surname):
    r"""``(start, end, match end)`` of the given name of each match of
    ``(?<![\w’'-])([A-Z][\w’'-]+)[ \u00a0]+SURNAME(?![\w-])``, as
    ``re.finditer`` finds them (left to right, none overlapping), read from
    the places ``str.find`` gives: a regex that opens with a look back would
    try every position of the text, once per surname asked about."""
    taken_to = 0
    for place in occurrences(text, surname):
        after = place + len(surname)
        if after < len(text) and WORD_CHAR_RE.match(text, after):
            continue  # "Vogt" in "Vogtland" or "Vogt-Ruiz"
        end = place
        while end > 0 and text[end - 1] in " \u00a0":
            end -= 1
        start = end
        while start > 0 and TOKEN_CHAR_RE.match(text, start - 1):
            start -= 1
        if end == place or end - start < 2 or not "A" <= text[start] <= "Z" or start < taken_to:
            continue
        taken_to = after
        yield start, end, after


def _new_names(text, registry, mentions, index):
    """Names after a title or role word, or next to "said", that nobody registered."""
    for start, end in list(_names_after_titles(text)) + list(_names_next_to_said(text, index)):
        phrase = phrases.trailing_name(text, start, end) or phrases.Phrase(text[start:end], start, end, "name")
        words = text[phrase.start:phrase.end].split()
        if words and not all(w in lexicon.SENTENCE_STARTERS or w in lexicon.TITLE_WORDS for w in words):
            yield phrase.start, phrase.end, None


def _names_after_titles(text):
    """``(start, end)`` of the name after each title, as
    ``TITLE[ ]+NAME_RUN`` matched from left to right: the name runs to the
    end of its capitalised words, and a title inside it starts nothing."""
    taken_to = 0
    for title in TITLE_BEFORE_NAME.finditer(text):
        if title.start() < taken_to:
            continue
        run = phrases.NAME_RUN_RE.match(text, title.end())
        if run:
            taken_to = run.end()
            yield run.start(), run.end()


def _names_next_to_said(text, index):
    """``(start, end)`` of names written "NAME said" or "said NAME", as one
    pattern of the two matched from left to right. Each run of capitalised
    words is read once: a shorter run never ends before "said" (the word
    after it is the run's next word)."""
    found = []
    for run_start, run_end in index.name_runs()[0]:  # the runs found once for the whole article
        cue = CUE_AFTER_NAME.match(text, run_end)
        if cue:
            found.append((run_start, cue.end(), run_start, run_end))
    for match in SAID_BEFORE_NAME.finditer(text):
        found.append((match.start(), match.end(), match.start("name"), match.end("name")))
    taken_to = 0
    for start, end, name_start, name_end in sorted(found):
        if start >= taken_to:
            taken_to = end
            yield name_start, name_end


# The rules after alias_match, in order: (finder, rule, confidence). A later
# rule never overlaps an earlier match.
MENTION_RULES = (
    (_surnames_after_full_names, "surname", 0.8),
    (_registered_surnames, "surname", 0.6),
    (_new_names, "new_name", 0.6),
)


def alias_tuples(mentions):
    """(start, end, surface, actor_id) of the mentions that are an alias of
    the registry: the evidence a speaker id may rest on."""
    return [(m["start_char"], m["end_char"], m["text"], m["actor_id"]) for m in mentions if m["rule"] == "alias_match"]


def mention_tuples(mentions):
    """(start, end, surface, actor_id) of mentions that name a known actor."""
    return [(m["start_char"], m["end_char"], m["text"], m["actor_id"]) for m in mentions if m["actor_id"]]
