"""Finding the registry's aliases in a text: the one matcher behind the
build's ``mentions`` table and the extractor's ``alias_match`` rule, and the
one shape of a mention."""

import functools
import re


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


def _is_word(char):
    # What the pattern's (?<![\w-]) and (?![\w-]) refuse on either side.
    return char.isalnum() or char in "_-"


def few_alias_mentions(body, alias_to_actor):
    """``alias_mentions`` for a handful of aliases, found with ``str.find``.

    The same matches as the pattern (whole words, leftmost first, the
    longest at one place, none overlapping), without compiling a pattern:
    a draft's own spellings differ in every article, so a compiled pattern
    would be used once and cost more than the search.
    """
    found = []
    for alias in set(alias_to_actor):
        start = body.find(alias) if alias else -1
        while start != -1:
            end = start + len(alias)
            if not (start and _is_word(body[start - 1])) and not (end < len(body) and _is_word(body[end])):
                found.append((start, -len(alias), alias))
            start = body.find(alias, start + 1)
    mentions, reached = [], 0
    for start, negative_length, alias in sorted(found):
        if start >= reached:
            mentions.append(mention(body, start, start - negative_length, alias_to_actor[alias], "alias_match", 1.0))
            reached = start - negative_length
    return mentions
