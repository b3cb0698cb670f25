"""Mentions of actors: every alias of the registry (the matcher the build
uses for the mentions table), bare surnames of registered people, and new
names after a title or next to "said" that nobody registered.
"""

import re

from ..core.aliases import alias_mentions, mention
from . import lexicon, phrases

NEW_NAME_AFTER_TITLE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(t) for t in sorted(lexicon.TITLE_WORDS, key=len, reverse=True))
    + r"|(?:" + "|".join(sorted(lexicon.ROLE_WORDS)) + r"))[ \u00a0]+(?P<name>" + phrases.NAME_RUN_RE.pattern + r")"
)

NEW_NAME_SAID = re.compile(
    r"(?P<name>" + phrases.NAME_RUN_RE.pattern + r")[ \u00a0]+(?:said|says|told|added)\b"
    r"|\b(?:said|says)[ \u00a0]+(?P<name2>" + phrases.NAME_RUN_RE.pattern + r")"
)


def find_all_mentions(text, registry):
    """Mentions of known actors, their surnames, and new names.

    Rules, in this order (a later rule never overlaps an earlier match):
    alias_match (an alias, exact spelling, longest first: the matcher the
    build uses for the mentions table), surname (a bare surname after a
    full name in the text, or one that a single registered person carries)
    and new_name (a capitalised name after a title or next to "said" that no
    alias covers; actor_id null). Aliases match in their own capitalisation
    only: "an Islamic state" in running text is not a group "Islamic State".
    """
    mentions = alias_mentions(text, registry.aliases)
    taken = [(m["start_char"], m["end_char"]) for m in mentions]
    for finder, rule, confidence in MENTION_RULES:
        for start, end, actor_id in finder(text, registry, mentions):
            if not any(s < end and start < e for s, e in taken):
                mentions.append(mention(text, start, end, actor_id, rule, confidence))
                taken.append((start, end))
    return sorted(mentions, key=lambda m: (m["start_char"], m["end_char"]))


def _surnames_after_full_names(text, registry, mentions):
    """"Ann Smith … Smith": the surname means the last full name before it
    that ends with it, even when the registry leaves the surname out because
    two people share it."""
    seen = {}
    for m in sorted(mentions, key=lambda m: m["start_char"]):
        words = m["text"].split()
        if len(words) > 1 and registry.kinds.get(m["actor_id"]) == "person":
            seen.setdefault(words[-1], []).append((m["start_char"], m["actor_id"]))
    for surname, full_names in seen.items():
        for match in re.finditer(r"(?<![\w-])" + re.escape(surname) + r"(?![\w-])", text):
            earlier = [actor for start, actor in full_names if start < match.start()]
            if earlier:
                yield match.start(), match.end(), earlier[-1]


def _registered_surnames(text, registry, mentions):
    """A bare surname that only one registered person carries ("Okafor")."""
    for match in re.finditer(r"(?<![\w-])[A-Z][\w’'-]{2,}(?![\w-])", text):
        if match.group() in lexicon.SENTENCE_STARTERS:
            continue
        owners = registry.persons_with_surname(match.group())
        if len(owners) == 1:
            yield match.start(), match.end(), owners[0]


def _new_names(text, registry, mentions):
    """Names after a title or role word, or next to "said", that nobody registered."""
    for pattern in (NEW_NAME_AFTER_TITLE, NEW_NAME_SAID):
        for match in pattern.finditer(text):
            group = "name" if match.group("name") else "name2"
            start, end = match.span(group)
            phrase = phrases.trailing_name(text, start, end) or phrases.Phrase(match.group(group), start, end, "name")
            words = text[phrase.start:phrase.end].split()
            if words and not all(w in lexicon.SENTENCE_STARTERS or w in lexicon.TITLE_WORDS for w in words):
                yield phrase.start, phrase.end, None


# The rules after alias_match, in order: (finder, rule, confidence). A later
# rule never overlaps an earlier match.
MENTION_RULES = (
    (_surnames_after_full_names, "surname", 0.8),
    (_registered_surnames, "surname", 0.6),
    (_new_names, "new_name", 0.6),
)


def mention_tuples(mentions):
    """(start, end, surface, actor_id) of mentions that name a known actor."""
    return [(m["start_char"], m["end_char"], m["text"], m["actor_id"]) for m in mentions if m["actor_id"]]
