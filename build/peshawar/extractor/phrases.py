"""Noun phrases that can speak: capitalised names (with their titles
dropped), pronouns, a group's statement, and descriptions ("a senior
commander").

Everything here is a pure function of a string. The word lists that tell
phrases apart (titles, roles, determiners ...) are in ``lexicon/``.
"""

import functools
import re
from dataclasses import dataclass

from . import lexicon
from .lexicon import (  # the word lists of lexicon/*.txt
    CONJUNCTIONS, DETERMINERS, NAME_PARTICLES, POSSESSIVES, PREPOSITIONS, ROLE_WORDS, SENTENCE_STARTERS,
    SUBJECT_TRAILERS, TITLE_WORDS,
)
from .sentences import is_abbreviation

PRONOUNS = {
    **dict.fromkeys(lexicon.entries("pronouns_singular"), "singular"),
    **dict.fromkeys(lexicon.entries("pronouns_plural"), "plural"),
}

# A capitalised word of a name: "Okafor", "Bin-Salem", "O'Brien".
NAME_WORD = r"[A-Z][\w’'\-]*[\w]|[A-Z]"
# A middle initial may stand between two words of a name: "George W. Bush",
# "George H.W. Bush".
INITIAL = r"(?:[A-Z]\.){1,2}[ \u00a0]"
# The run's first word is NAME_WORD written with its capital first and the
# "no word character before it" check right after that capital: a pattern
# that opens with a character class lets the regex engine skip to the next
# capital at C speed instead of trying every position (three to four times
# faster over an article), and it matches exactly the same runs.
# The words after a run's first: a space, maybe an initial or a particle.
NAME_RUN_REST = r"(?:[ \u00a0](?:" + INITIAL + r")?(?:(?:" + "|".join(sorted(NAME_PARTICLES)) + r")[ \u00a0-])?(?:" + NAME_WORD + r"))*"
NAME_RUN_RE = re.compile(r"[A-Z](?<![\w’'-][A-Z])(?:[\w’'\-]*[\w])?" + NAME_RUN_REST)

# A capitalised word as news copy writes names of sources and channels: "The",
# "U.S" (a period ends it unless a letter follows, so "U.S." keeps its
# periods), "AT&T"; and a run of them on one line ("The New York Times").
# Both are bounded (a word of at most 41 characters, a run of at most 8
# words) so that a pattern with words after the run cannot backtrack over a
# whole page of capitalised words: no name of a source runs longer.
CAPITALISED_WORD = r"[A-Z](?:[\w’'&-]|\.(?=\w)){0,40}"
CAPITALISED_RUN = CAPITALISED_WORD + r"(?:[ \u00a0]+" + CAPITALISED_WORD + r"){0,7}"

LOWER_WORD_RE = re.compile(r"[a-z][a-z-]*")
POSSESSIVE_END_RE = re.compile(r"['’]s$")
# A comma that opens an appositive or an affiliation after a name: ", a
# teacher", ", who …", ", Trump's campaign manager", ", D-Mich.", ", D.C.".
APPOSITIVE_COMMA_RE = re.compile(
    r",\s+(?=(?:a|an|the|who|whose|which|one|[a-z]|\d|[A-Z][\w.-]*(?:['’]s|s['’])\s|\(?[DRI]-[A-Z]|[A-Z]\.[A-Z]\.|[A-Z][a-z]{1,4}\.,))"
)
# "Michael Brown of Washington": a name and where the person is from.
NAME_OF_PLACE_RE = re.compile(r"(.+?)[ \u00a0]+(?:of|from)[ \u00a0]+[A-Z][\w’'.-]*(?:[ \u00a0]+[A-Z][\w’'.-]*)*$")
RELATIVE_RE = re.compile(r"(?:,|\s(?:who|whose|which|that|speaking|talking|writing)\b)")
# "the Department for Environment, Food and Rural Affairs": a list of names.
NAME_LIST_RE = re.compile(
    r"[A-Z][\w’'-]*(?:,[ \u00a0]+[A-Z][\w’'-]*)+,?[ \u00a0]+(?:and|&)[ \u00a0]+[A-Z][\w’'-]*(?:[ \u00a0]+[A-Z][\w’'-]*)*$"
)
LAST_WORD_RE = re.compile(r"\s+([A-Za-z]+)$")
ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
PHRASE_STOP_RE = re.compile(
    r"[,;:.!?(\[\"“”]|\s(?:who|whose|which|that|speaking|in|on|at|after|before|during|when|as|to)\s"
)
LEADING_CONJUNCTION_RE = re.compile(
    r"(?:and|but|or|nor|so|yet|while|whereas|although|though|because|when|as|then)\s+", re.IGNORECASE
)
LEADING_RELATIVE_RE = re.compile(r"(?:which|who|whom|that)\s+(?=(?:he|she|they|we|I)\b|[A-Z])")
STATEMENT_RE = re.compile(
    r"^(.*?)['’]s?\s+(?:statement|announcement|message|communiqu[eé]|email|e-mail|letter|video)$"
)
ARTICLE_RE = re.compile(r"(?:the|a|an)\s+", re.IGNORECASE)
PARENTHESIS_END_RE = re.compile(r"\([^()]*\)$")
HYPHEN_SPACE_RE = re.compile(r"-?\s")
NON_SPACE_RE = re.compile(r"\S+")


@dataclass(frozen=True)
class Phrase:
    """A speaker-like noun phrase: what the text says, where, and what kind.

    ``kind`` is "name" (a capitalised name), "pronoun", "statement" (a
    group's statement: "X's statement"), or "description" ("a senior
    commander", "the commander", "Military officials in the capital").
    """

    text: str
    start: int
    end: int
    kind: str


def trim_span(text, start, end, chars=" \t\n\u00a0,;:.\"“”‘’'()"):
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def cut_appositive(text, start, end):
    """Drop a trailing appositive: "Maria Lopez, an expert on X," -> "Maria Lopez".

    An appositive opens with a comma followed by a determiner, a relative
    pronoun or a lowercase word, and runs to the comma before the verb.
    """
    segment = text[start:end].rstrip()
    if not segment.endswith(","):
        return start, end
    # "the lawyer's widow, Ann Smith,": the name is the appositive of a
    # description, and it is the name that speaks.
    pieces = segment[:-1].split(",")
    if len(pieces) >= 2:
        last, previous = pieces[-1].strip(), pieces[-2].strip().split()
        if (
            last and NAME_RUN_RE.fullmatch(last) and not all(w in SENTENCE_STARTERS for w in last.split())
            and previous and LOWER_WORD_RE.fullmatch(previous[-1])
            and (previous[0].lower() in DETERMINERS or POSSESSIVE_END_RE.search(previous[0]) or previous[0].lower() in POSSESSIVES)
        ):
            name_start = start + len(segment) - 1 - len(pieces[-1]) + (len(pieces[-1]) - len(pieces[-1].lstrip()))
            return name_start, name_start + len(last)
    for match in APPOSITIVE_COMMA_RE.finditer(segment):
        head = segment[: match.start()]
        if head.strip():
            return start, start + len(head)
    return start, start + len(segment) - 1


def cut_relative(text, start, end):
    """Drop a relative clause or participle: "a commander who spoke ..." -> "a commander"."""
    segment = text[start:end]
    match = RELATIVE_RE.search(segment)
    if match and match.start() > 0:
        return start, start + match.start()
    return start, end


def last_clause(text, start, end):
    """The part of ``text[start:end]`` after its last comma, semicolon or colon."""
    segment = text[start:end]
    # Commas inside a name's list ("the Department for Environment, Food and
    # Rural Affairs") do not end a clause: skip them.
    listed = NAME_LIST_RE.search(segment) if " and " in segment or "&" in segment else None
    if listed:
        segment = segment[:listed.start()] + segment[listed.start():].replace(",", " ")
    cut = max(segment.rfind(","), segment.rfind(";"), segment.rfind(":"), segment.rfind(" — "), segment.rfind(" – "))
    if cut >= 0:
        start += cut + 1
    return trim_span(text, start, end, " \t\n\u00a0-—–")


def _last_word(text, start, end):
    """``(start of the spaces, start of the word)`` of what ``LAST_WORD_RE``
    finds in ``text[start:end]`` (spaces, then ASCII letters to the end), or
    None. Read backwards from ``end``: the regex would try every space of
    the stretch."""
    if end > start and text[end - 1] == "\n":
        match = LAST_WORD_RE.search(text, start, end)  # "$" before a final newline: left to the regex
        return (match.start(), match.start(1)) if match else None
    word_start = end
    while word_start > start and text[word_start - 1] in ASCII_LETTERS:
        word_start -= 1
    spaces_start = word_start
    while spaces_start > start and text[spaces_start - 1].isspace():
        spaces_start -= 1
    if word_start == end or spaces_start == word_start:
        return None
    return spaces_start, word_start


def drop_trailers(text, start, end):
    """Strip adverbs/auxiliaries between subject and verb ("the RF also publicly")."""
    while True:
        found = _last_word(text, start, end)
        if not found:
            return start, end
        word = text[found[1]:end].lower()
        if word in SUBJECT_TRAILERS or (word.endswith("ly") and word not in {"italy", "mully"} and text[found[1]].islower()):
            end = found[0]
        else:
            return start, end


def phrase_before(text, start, end):
    """The speaker-like phrase ending at ``end`` (just before a cue verb).

    ``text[start:end]`` is the stretch between the clause's start and the
    cue. Returns a Phrase or None when it does not end in one.
    """
    span = words_before(text, start, end)
    return classify_phrase(text, *span) if span else None


def words_before(text, start, end):
    """``(start, end)`` of the words before a cue that may name its
    speaker: the last clause, without a trailing appositive or adverbs;
    None when there are none."""
    start, end = trim_span(text, start, end, " \t\n\u00a0")
    if start >= end:
        return None
    start, end = cut_appositive(text, start, end)
    start, end = last_clause(text, start, end)
    start, end = drop_trailers(text, start, end)
    return trim_span(text, start, end, " \t\n\u00a0,")


def phrase_after(text, start, end):
    """The speaker-like phrase starting at ``start`` (just after "said")."""
    start, end = trim_span(text, start, end, " \t\n\u00a0")
    for stop in PHRASE_STOP_RE.finditer(text, start, end):
        if stop.group() == "." and is_abbreviation(text, stop.start()):
            continue  # "said Dr. Amina Yusuf"
        end = stop.start()
        break
    start, end = trim_span(text, start, end, " \t\n\u00a0")
    return classify_phrase(text, start, end)


def classify_phrase(text, start, end):
    """Say what kind of speaker phrase ``text[start:end]`` is, or None."""
    # A clause may open with a conjunction: "and Lopez", "While some experts".
    while True:
        lead = LEADING_CONJUNCTION_RE.match(text, start, end)
        if not lead:
            # "…, which she says": the relative word is not the speaker.
            lead = LEADING_RELATIVE_RE.match(text, start, end)
        if not lead:
            break
        start = lead.end()
    if start >= end:
        return None
    words = text[start:end].split()
    if not words or len(words) > 14 or words[-1].lower() in DETERMINERS - {"one", "two", "three", "others", "some", "many", "several", "most"}:
        return None
    first = words[0].lower()
    if first in CONJUNCTIONS or first in PREPOSITIONS:
        return None
    if len(words) == 1 and first in PRONOUNS:
        return Phrase(text[start:end], start, end, "pronoun")
    statement = STATEMENT_RE.search(text[start:end])
    if statement and statement.group(1).strip():
        inner_start, inner_end = trim_span(text, start, start + len(statement.group(1)))
        inner_start = _skip_determiner(text, inner_start, inner_end)
        return Phrase(text[inner_start:inner_end], inner_start, inner_end, "statement")
    name = trailing_name(text, start, end)
    if name is None and (place := NAME_OF_PLACE_RE.fullmatch(text, start, end)):
        name = trailing_name(text, start, place.end(1))
        if name is not None and len(name.text.split()) < 2:
            name = None
    if name is not None:
        return name
    if first in DETERMINERS or text[start].islower() or words[0][0].isupper():
        start = _last_determiner(text, start, end)  # "money a judge" -> "a judge"
        phrase_start, phrase_end = cut_relative(text, start, end)
        phrase_start, phrase_end = trim_span(text, phrase_start, phrase_end, " \t\n\u00a0,")
        if phrase_start < phrase_end and not text[phrase_start:phrase_end].lower() in CONJUNCTIONS:
            return Phrase(text[phrase_start:phrase_end], phrase_start, phrase_end, "description")
    return None


def _last_determiner(text, start, end):
    """Where a description begins when words run into it: at its last
    article not governed by a preposition ("money a judge" -> "a judge",
    but "a spokesman for the council" stays whole)."""
    words = list(NON_SPACE_RE.finditer(text, start, end))
    for index in range(len(words) - 1, 0, -1):
        if words[index].group().lower() in ("a", "an", "the") and words[index - 1].group().lower() not in PREPOSITIONS:
            return words[index].start()
    return start


def _skip_determiner(text, start, end):
    match = ARTICLE_RE.match(text, start, end)
    return match.end() if match else start


# A name is asked about again and again (a sentence's subject is often a
# cue's subject, a surname's full name is read for every mention): a third
# of the questions in an article are repeats. The answer is a pure function
# of its arguments and a frozen Phrase; the few hundred most recent are kept.
@functools.lru_cache(maxsize=1024)
def trailing_name(text, start, end):
    """A capitalised name closing ``text[start:end]``, with titles dropped.

    "River Front spokesman John Okafor" -> "John Okafor";
    "General Ade Bello" -> "Ade Bello". A name after a preposition
    ("officials in Lagos") is not the phrase's head, so it is refused.
    A parenthesised abbreviation after the name ("... Front (RF)") is
    kept with it.
    """
    # The pattern ends in ")" before the end or a final newline: without
    # one, it would be tried at every position of the segment for nothing.
    paren = PARENTHESIS_END_RE.search(text[start:end]) if text.endswith((")", ")\n"), start, end) else None
    core_end = start + paren.start() if paren else end
    if paren:
        while core_end > start and text[core_end - 1].isspace():
            core_end -= 1
    runs = list(NAME_RUN_RE.finditer(text, start, core_end))
    if not runs or runs[-1].end() != core_end:
        return None
    run = runs[-1]
    run_start = run.start()
    # Join runs separated only by a hyphen and space ("River- Front").
    while len(runs) > 1 and HYPHEN_SPACE_RE.fullmatch(text[runs[-2].end():run_start] or "x"):
        runs.pop()
        run_start = runs[-1].start()
    if run_start > start and _governed(text[start:run_start].split()):
        return None
    run_text = text[run_start:core_end]
    words = run_text.split()
    # A possessive inside the run is not part of the name:
    # "Ruritania's Prime Minister Ade Bello" -> "Prime Minister Ade Bello".
    for position in range(len(words) - 2, -1, -1):
        if words[position].endswith(("'s", "’s")):
            offset = _word_offset(run_text, position + 1)
            run_start, run_text, words = run_start + offset, run_text[offset:], words[position + 1:]
            break
    # Drop leading titles, but keep at least one word.
    index = 0
    while index < len(words) - 1 and _is_title(words, index):
        index += 1
    name_start = run_start + _word_offset(run_text, index) if index else run_start
    if SENTENCE_STARTERS.issuperset(words[index:]):
        return None
    return Phrase(text[name_start:core_end], name_start, core_end, "name")


def _governed(before):
    """Do the words ``before`` a name make it no phrase's head: a
    preposition governs it ("officials in Lagos"), or it is the last of a
    list of names ("… Food and Rural Affairs")?"""
    while len(before) > 1 and before[-1].lower() in ("the", "a", "an"):
        before = before[:-1]  # "a spokesman for the Interior Department": "for" governs
    if before and before[-1].lower() in PREPOSITIONS:
        return True
    return len(before) > 1 and before[-1] in ("and", "&") and before[-2][:1].isupper()


def _word_offset(run_text, index):
    """Where the ``index``-th whitespace-separated word of ``run_text`` starts."""
    return list(NON_SPACE_RE.finditer(run_text))[index].start()


def _is_title(words, index):
    word = words[index]
    if word in TITLE_WORDS or (word[0].isupper() and word.lower() in ROLE_WORDS):
        return True  # "General", "Manager Elena Costa"
    # Two-word titles: "Prime Minister", "Army chief".
    return index + 1 < len(words) and words[index + 1] in {"Minister", "Secretary", "Justice", "General"} and word[0].isupper()


def first_subject_name(text, start, end):
    """The first name of a sentence that is not the object of a preposition."""
    head = text[start:end]
    for match in NAME_RUN_RE.finditer(head):
        # The words just before the name (a bounded look back: only the last
        # few words and the determiners before the name matter).
        before = head[max(0, match.start() - 200):match.start()].split()
        while before and before[-1].lower() in ("the", "a", "an"):
            before.pop()
        if before and before[-1].lower().strip(",") in PREPOSITIONS:
            continue
        if match.group() in SENTENCE_STARTERS:
            continue
        return trailing_name(text, start + match.start(), start + match.end())
    return None
