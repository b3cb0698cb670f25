"""Finding the registry's aliases in a text: the one matcher behind the
build's ``mentions`` table and the extractor's ``alias_match`` rule, and the
one shape of a mention."""

import functools
import re

from .spans import occurrences


def alias_pattern(aliases):
    """One regex that matches any alias as whole words, longest first.

    Longest first makes "Tehrik-i-Taliban Pakistan" win over "Taliban" where
    both start at the same place.
    """
    ordered = sorted(set(aliases), key=lambda a: (-len(a), a))
    # Grouped by first character, each group keeping that order (two
    # aliases that begin differently never match at the same place), and
    # each group opening with its character before the look back: a pattern
    # whose every branch opens with a plain character lets the engine skip
    # to the next such character at C speed instead of trying every
    # position of the text. It matches exactly what the plain alternation
    # matches.
    groups = {}
    for alias in ordered:
        groups.setdefault(alias[:1], []).append(alias[1:])
    branches = (
        re.escape(first) + r"(?<![\w-]" + re.escape(first) + r")(?:" + "|".join(re.escape(rest) for rest in rests) + ")"
        for first, rests in groups.items()
    )
    return re.compile(r"(?:" + "|".join(branches) + r")(?![\w-])")


@functools.lru_cache(maxsize=8)
def _pattern_of(aliases):
    """The pattern of a set of aliases, built once: a corpus asks for the same one per article."""
    return alias_pattern(aliases)


def find_mentions(body, alias_to_actor):
    """Return ``[(start, end, surface, actor_id)]`` for every alias in ``body``.

    ``alias_to_actor`` maps each alias (exact spelling) to its actor id.
    Matches do not overlap: a longer alias hides the shorter ones inside it.
    """
    if not alias_to_actor:
        return []
    pattern = _pattern_of(frozenset(alias_to_actor))
    return [
        (m.start(), m.end(), m.group(), alias_to_actor[m.group()])
        for m in pattern.finditer(body)
    ]


def mention(text, start, end, actor_id, rule, confidence):
    """A mention of an actor at ``text[start:end]`` found by ``rule``."""
    return {
        "text": text[start:end], "start_char": start, "end_char": end,
        "actor_id": actor_id, "surface": text[start:end], "rule": rule, "confidence": confidence,
    }


def alias_mentions(body, alias_to_actor):
    """Every alias in ``body`` as a mention (rule alias_match, confidence 1)."""
    return [
        mention(body, start, end, actor_id, "alias_match", 1.0)
        for start, end, _, actor_id in find_mentions(body, alias_to_actor)
    ]


# What the alias pattern's (?<![\w-]) and (?![\w-]) refuse on either side.
WORD_CHAR_RE = re.compile(r"[\w-]")


def whole_word_places(text, words):
    r"""``(start, end)`` of each match of ``(?<![\w-])(?:WORD|…)(?![\w-])``
    (the words longest first), as ``re.finditer`` finds them: left to right,
    the longest word where two start together, none overlapping. Read from
    the places ``str.find`` gives, without compiling a pattern: for words
    that differ from one article to the next, a pattern would be compiled
    to be used once, and cost more than the search."""
    found = []
    for word in set(words):
        for start in occurrences(text, word) if word else ():
            end = start + len(word)
            if not (start and WORD_CHAR_RE.match(text, start - 1)) and not (end < len(text) and WORD_CHAR_RE.match(text, end)):
                found.append((start, -end))
    taken_to = 0
    for start, negative_end in sorted(found):
        if start >= taken_to:
            taken_to = -negative_end
            yield start, -negative_end


def few_alias_mentions(body, alias_to_actor):
    """``alias_mentions`` for a handful of aliases (a draft's own spellings):
    the same matches, found by ``whole_word_places``."""
    return [
        mention(body, start, end, alias_to_actor[body[start:end]], "alias_match", 1.0)
        for start, end in whole_word_places(body, alias_to_actor)
    ]
