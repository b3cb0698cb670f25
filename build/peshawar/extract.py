"""Automatic extraction from one article: quotes with speakers, actor
mentions, numeric claims and citations.

``extract(text, registry)`` is a pure function of the article's text and the
actor registry (a mapping alias -> actor id plus each actor's kind): no
database, no network, no state kept between articles, so a corpus maps over
it in a process pool. Every item it returns is a verbatim span,
``text[start_char:end_char] == item["text"]``, and carries the rule that
found it and a confidence between 0 and 1.

The rules are generic news-writing patterns; nothing in them names an actor,
place or outlet. What is known about actors comes only from the registry.
"""

import re

from . import prose
from .citations import find_citations
from .core.aliases import alias_mentions, mention
from .core.registry import Registry, load_registry  # noqa: F401 (the extractor's public names)
from .numbers import find_numbers
from .quotes import find_quotes, read_article


# Mentions ------------------------------------------------------------------------

NEW_NAME_AFTER_TITLE = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(re.escape(t) for t in sorted(prose.TITLE_WORDS, key=len, reverse=True))
    + r"|(?:" + "|".join(sorted(prose.ROLE_WORDS)) + r"))[ \u00a0]+(?P<name>" + prose.NAME_RUN_RE.pattern + r")"
)
NEW_NAME_SAID = re.compile(
    r"(?P<name>" + prose.NAME_RUN_RE.pattern + r")[ \u00a0]+(?:said|says|told|added)\b"
    r"|\b(?:said|says)[ \u00a0]+(?P<name2>" + prose.NAME_RUN_RE.pattern + r")"
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
    for finder in (_surnames_after_full_names, _registered_surnames, _new_names):
        for start, end, actor_id, rule, confidence in finder(text, registry, mentions):
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
                yield match.start(), match.end(), earlier[-1], "surname", 0.8


def _registered_surnames(text, registry, mentions):
    """A bare surname that only one registered person carries ("Okafor")."""
    for match in re.finditer(r"(?<![\w-])[A-Z][\w’'-]{2,}(?![\w-])", text):
        if match.group() in prose.SENTENCE_STARTERS:
            continue
        owners = registry.persons_with_surname(match.group())
        if len(owners) == 1:
            yield match.start(), match.end(), owners[0], "surname", 0.6


def _new_names(text, registry, mentions):
    """Names after a title or role word, or next to "said", that nobody registered."""
    for pattern in (NEW_NAME_AFTER_TITLE, NEW_NAME_SAID):
        for match in pattern.finditer(text):
            group = "name" if match.group("name") else "name2"
            start, end = match.span(group)
            phrase = prose.trailing_name(text, start, end) or prose.Phrase(match.group(group), start, end, "name")
            words = text[phrase.start:phrase.end].split()
            if words and not all(w in prose.SENTENCE_STARTERS or w in prose.TITLE_WORDS for w in words):
                yield phrase.start, phrase.end, None, "new_name", 0.6


def _mention_tuples(mentions):
    """(start, end, surface, actor_id) of mentions that name a known actor."""
    return [(m["start_char"], m["end_char"], m["text"], m["actor_id"]) for m in mentions if m["actor_id"]]


# Claimants -----------------------------------------------------------------------


def attribute_claims(text, claims, cues):
    """Credit each claim to whoever the sentence says asserts it.

    "according to X" anywhere in the sentence credits X; otherwise a speech
    verb before the figure ("officials claim the army killed 1,800") credits
    its subject, unless a relative clause or a quotation comes between
    ("…said in a statement soon after the siege, which left 148 dead" is the
    article's own figure). Otherwise the claimant stays None: the article's
    own voice, for a person to confirm.
    """
    for claim in claims:
        chosen = None
        for cue in cues:
            start, end = cue.sentence
            if not (start <= claim["start_char"] < end) or cue.subject is None:
                continue
            if cue.kind == "according":
                chosen = cue
                break
            between = text[cue.end:claim["start_char"]]
            if cue.kind in ("verb", "passive") and cue.end <= claim["start_char"] and not re.search(r",\s+(?:which|who|where|when)\b|[\"”“]", between):
                chosen = cue
        claim["claimant_id"] = chosen.speaker_id if chosen else None
        claim["claimant"] = chosen.speaker_text if chosen else None
        claim["attribution_text"] = _attribution_words(text, chosen) if chosen else None
    return claims


def _attribution_words(text, cue):
    """The verbatim words that attribute: "according to X", "X claim"."""
    if cue.kind == "according" or cue.inverted:
        return text[cue.start:max(cue.end, cue.subject.end)]
    return text[min(cue.start, cue.subject.start):cue.end]


# The whole extraction --------------------------------------------------------------


def analyse(text, registry):
    """Everything the extractor finds, including what it sets aside.

    Returns a dict with quotes, claims, mentions, citations, plus not_quotes
    (marked spans that are nobody's words) and not_numbers (numbers that
    count nothing); ``extract`` keeps the first four.
    """
    mentions = find_all_mentions(text, registry)
    known = _mention_tuples(mentions)
    reading = read_article(text, registry, known)
    quotes, not_quotes = find_quotes(text, registry, known, reading)
    claims, not_numbers = find_numbers(text, reading.sentence_spans)
    attribute_claims(text, claims, reading.cues)
    citations = find_citations(text, registry, known, reading.cues)
    result = {
        "quotes": quotes,
        "claims": claims,
        "mentions": mentions,
        "citations": citations,
        "not_quotes": not_quotes,
        "not_numbers": not_numbers,
    }
    # A rule may trim a span to nothing on odd input ("[ ](#)"): an empty
    # span is no finding.
    return {key: [i for i in items if i["end_char"] > i["start_char"]] for key, items in result.items()}


def extract(text, registry):
    """``{"quotes", "claims", "mentions", "citations"}`` found in ``text``."""
    result = analyse(text, registry)
    return {key: result[key] for key in ("quotes", "claims", "mentions", "citations")}
