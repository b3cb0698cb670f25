"""Citations: the outside sources an article credits.

``find_citations(text, registry, mentions, cues)`` returns dicts with text,
start_char, end_char, cited (the source as the text names it), cited_id (its
actor id, or None when the registry does not know it), kind, rule and
confidence. The cues are the speech cues of ``cues.find_cues`` (for "said
in a statement", whose source is the speaker).

The patterns and their policy are rows of ``credit_rules.py``; the
functions here apply them: a person named in a credit line is a speaker,
not a source, unless the rule or the article vouches for the name.
"""

import bisect
import re

from .credit_rules import (
    APPOSITIVE_SOURCE, AUTHOR_OF, CHANNEL, CHANNEL_NEEDS, CHANNEL_STARTS, CREDIT_RULES, HEADLINE_CREDITS, KIND_FOR_ACTOR, NEWS_WORDS,
    NOT_NEAR_NEEDS, OTHER_CREDITS, OUTLET_WORDS, PHOTO_CREDIT, PHOTO_STARTS, PHOTO_VIA,
)
from ..core.spans import matches_at, occurrences
from .lexicon import FOREIGN_ARTICLES, RESEARCH_WORDS


THE_RE = re.compile(r"^[Tt]he\s+")
ACRONYM_RE = re.compile(r"[A-Z]{2,6}")
AND_RE = re.compile(r"\s+(?:and|&)\s+")
LONE_NAME_RE = re.compile(r"[A-Z][\w.]*[a-z]")  # Reuters, FlightAware, Example.org
# A word written after a capitalised word and spaces ("Mr. Khan"): the
# characters of the capitalised word, and of the word after it.
CAPITALISED_WORD_CHAR_RE = re.compile(r"[\w'’-]")
DOTTED_WORD_RE = re.compile(r"[\w.]+")
DOTTED_WORD_CHAR_RE = re.compile(r"[\w.]")
QUOTED_TITLE_RE = re.compile(r"[\"“‘']([A-Z][^\"”’\n]*?)[,.]?[\"”’']")
CAPITALISED_TITLE_RE = re.compile(r"[A-Z][^,\n]*?(?=,\s+(?:said|told|says|wrote|who|a|an|the)\b|,\s*$|\.\s|$)")
LEADING_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)


class Article:
    """What the credit rules ask of one article, indexed once: its mentions
    by where they start, its cues, and the words written after a
    capitalised word."""

    def __init__(self, text, registry, mentions, cues):
        self.text, self.registry, self.mentions, self.cues = text, registry, list(mentions), list(cues)
        self.mention_starts = [m[0] for m in self.mentions]
        self.cue_starts = [cue.start for cue in self.cues]
        self._after_capitalised = {}  # word -> written_after_capitalised(text, word)
        self.breaks = []  # where NOT_NEAR_NEEDS characters stand, found on first use (matches_near)

    def mentions_within(self, start, end):
        """The mentions inside ``[start, end)``, in text order."""
        index = bisect.bisect_left(self.mention_starts, start)
        found = []
        while index < len(self.mentions) and self.mentions[index][0] < end:
            if self.mentions[index][1] <= end:
                found.append(self.mentions[index])
            index += 1
        return found

    def mentions_starting_at(self, start):
        return self.mentions[bisect.bisect_left(self.mention_starts, start):bisect.bisect_right(self.mention_starts, start)]

    def written_after_capitalised(self, word):
        """Does ``word`` stand anywhere after a capitalised word and spaces
        ("Ayesha Khan", "Mr. Khan"), ending where a word ends?"""
        if word not in self._after_capitalised:
            self._after_capitalised[word] = written_after_capitalised(self.text, word)
        return self._after_capitalised[word]


def written_after_capitalised(text, word):
    r"""Is ``word`` a ``[\w.]+`` token, or its part up to a period, at the
    end of a match of ``[A-Z][\w'’-]*\.?[ \u00a0]+`` (a capitalised word,
    maybe its period, then spaces)? Read back from the places ``str.find``
    gives for the word, instead of reading every capitalised word of the
    text: such a match ends there exactly when the word after a space
    follows a run of those word characters that holds a capital."""
    if not DOTTED_WORD_RE.fullmatch(word):
        return False
    for place in occurrences(text, word):
        after = place + len(word)
        if after < len(text) and text[after] != "." and DOTTED_WORD_CHAR_RE.match(text, after):
            continue  # inside a longer token: "Khanna" for "Khan"
        end = place
        while end > 0 and text[end - 1] in " \u00a0":
            end -= 1
        if end == place:
            continue  # no space before it
        if end > 0 and text[end - 1] == ".":
            end -= 1  # "Mr. Khan"
        start = end
        while start > 0 and CAPITALISED_WORD_CHAR_RE.match(text, start - 1):
            start -= 1
        if any("A" <= char <= "Z" for char in text[start:end]):
            return True
    return False


def find_citations(text, registry, mentions, cues=()):
    article = Article(text, registry, mentions, cues)
    breaks = article.breaks
    found = []
    # Names the article itself shows to be sources (a dateline credit, a
    # photo credit): "told X" then means an outlet, not a person.
    # (A rule read near its words looks for them anyway.)
    rules = [rule for rule in CREDIT_RULES if rule.starts or not rule.needs or any(word in text for word in rule.needs)]
    # Each pattern reads the text once: the credits that show sources are
    # matched again below.
    matched = [(rule, rule_matches(rule, text, breaks)) for rule in rules]
    photos = matches_near(PHOTO_CREDIT, text, ("Photo",), PHOTO_STARTS, breaks, opener="(")  # every photo credit says so
    evidenced = {m.group("x").strip() for rule, matches in matched if rule.shows_sources for m in matches}
    evidenced |= {m.group("x").strip() for m in photos}
    for rule, matches in matched:
        for match in matches:
            found.extend(_credit(article, match, rule, evidenced))
    if "Photo" in text:
        found.extend(_photo_credits(text, registry, photos))
    found.extend(_links(text, registry))
    found.extend(_books(article))
    found.extend(_channels(article))
    return _dedupe(found)


def rule_matches(rule, text, breaks):
    """``list(rule.pattern.finditer(text))``, read only near the rule's
    words when the rule says where its matches start (``CreditRule.starts``)
    and only at line starts when they begin lines (``at_line_starts``)."""
    if rule.at_line_starts:
        return matches_at(rule.pattern, text, [0] + [at + 1 for at in occurrences(text, "\n")])
    if rule.starts is None:
        return list(rule.pattern.finditer(text))
    return matches_near(rule.pattern, text, rule.needs, rule.starts, breaks)


def matches_near(pattern, text, needs, starts, breaks, opener=None):
    """``list(pattern.finditer(text))`` for a pattern whose every match
    starts with a ``starts`` character and holds a word of ``needs`` with
    only NEAR_NEEDS characters before it: the pattern is tried only at those
    starts between each such word and the last character before it that
    cannot stand in a credit line (``breaks``: their offsets, filled in on
    first use and shared by the patterns of one text), that character
    included when it is ``opener`` ("(" before "AP Photo/…"). Left to
    right, none overlapping, as ``finditer`` finds them, without trying
    every position."""
    places = sorted({at for word in needs for at in occurrences(text, word)})
    if places and not breaks:
        breaks += [m.start() for m in NOT_NEAR_NEEDS.finditer(text)] or [-1]
    candidates, read_to = [], 0
    for at in places:
        before = bisect.bisect_left(breaks, at) - 1
        window_start = breaks[before] + 1 if before >= 0 else 0
        if opener is not None and window_start > 0 and text[window_start - 1] == opener:
            window_start -= 1
        # The stretches of two words overlap when no break stands between
        # them: each part of the text is read for starts once.
        window_start = max(window_start, read_to)
        candidates += [m.start() for m in starts.finditer(text, window_start, at + 1)]
        read_to = max(read_to, at + 1)
    return matches_at(pattern, text, candidates)


def _vouched(article, match, rule, name, evidenced):
    """Does the article vouch that ``name`` is a source, whatever its words?"""
    text = article.text
    bare = THE_RE.sub("", name)
    return (
        bare in evidenced or name in evidenced
        or ACRONYM_RE.fullmatch(bare) is not None  # "told the BBC", "AFP reported"
        or (len(bare.split()) > 1 and bare.split()[0] in FOREIGN_ARTICLES)  # "told Le Monde"
        or rule.vouches
        or (rule.vouches_lone_name and _lone_name_never_a_person(article, bare))
        or (rule.vouches_appositive and APPOSITIVE_SOURCE.match(text, match.end(), match.end() + 80) is not None)
    )


def _credit(article, match, rule, evidenced=frozenset()):
    """The citations one credit-line match makes, by its rule's policy."""
    text, registry = article.text, article.registry
    name = match.group("x").strip()
    name_start = match.start("x") + (len(match.group("x")) - len(match.group("x").lstrip()))
    cited_ids = _actors_in(article, name, name_start, name_start + len(name))
    if rule.all_named:
        cited_ids = _actors_in(article, match.group(), match.start(), match.end()) or cited_ids
    people = [a for a in cited_ids if registry.kinds.get(a) in ("person", "anonymous_source", "unnamed_group")]
    sources = [a for a in cited_ids if a not in people]
    if rule.sources_only:
        # A person "according to Smith" is a speaker, not a citation.
        reads_as_source = not sources and (_looks_like_outlet(name) or _vouched(article, match, rule, name, evidenced))
        if not sources and (people or not reads_as_source):
            return []
        if rule.needs_outlet and not reads_as_source and not any(
            registry.kinds.get(a) in ("news_outlet", "wire_service") for a in sources
        ):
            return []
        people = []
    kind = rule.kind or _source_kind(registry, sources, name, rule, evidenced)
    start, end = match.start(), match.end()
    if rule.span == "from_name":
        start = name_start
    elif rule.span == "parenthesised":
        start, end = name_start - 1, name_start + len(name) + 1
    targets = sources + people or [None]
    if targets == [None]:
        # "the World Health Organization and UNICEF": two sources when each
        # side reads as one on its own.
        parts = AND_RE.split(name)
        if len(parts) > 1 and all(_looks_like_outlet(part) or ACRONYM_RE.fullmatch(part) for part in parts):
            return [_item(text, start, end, cited=part, cited_id=registry.resolve(part), kind=kind, rule=rule.rule, confidence=rule.confidence) for part in parts]
    return [_item(text, start, end, cited=name, cited_id=actor, kind=kind, rule=rule.rule, confidence=rule.confidence) for actor in targets]


def _source_kind(registry, sources, name, rule, evidenced):
    """The kind of citation a source is: from the registry, else the words of its name."""
    kind = next((KIND_FOR_ACTOR.get(registry.kinds.get(a), "other") for a in sources), _kind_from_words(name))
    if not sources and kind == "other":
        if THE_RE.sub("", name) in evidenced:
            kind = "wire_service"
        elif rule.kind_if_unknown:
            kind = rule.kind_if_unknown
    return "other" if kind == "related_article" else kind


def _kind_from_words(name):
    """The kind of an unregistered source, from the words of its name."""
    words = {word.strip(".,'’") for word in name.split()}
    if words & NEWS_WORDS:
        return "news_outlet"
    return "research_organization" if words & RESEARCH_WORDS else "other"


def _lone_name_never_a_person(article, word):
    """Is ``word`` ("Reuters") one capitalised word that the article never
    uses as a person's surname ("Ayesha Khan", "Mr. Khan")? Then "told
    Reuters" is more likely an outlet than a person."""
    if not LONE_NAME_RE.fullmatch(word):
        return False
    return not article.written_after_capitalised(word)


def _looks_like_outlet(name):
    return any(word.strip(".,'’") in OUTLET_WORDS for word in name.split())


def _actors_in(article, name, start, end):
    actor = article.registry.resolve(name)
    found = [actor] if actor else []
    for _, _, _, actor_id in article.mentions_within(start, end):
        if actor_id not in found:
            found.append(actor_id)
    return found


def _other(text, start, end, rule, what, cited, cited_id, kind=None):
    """A citation by one of OTHER_CREDITS, with the kind and confidence it gives."""
    default_kind, confidence = OTHER_CREDITS[(rule, what)]
    return _item(text, start, end, cited=cited, cited_id=cited_id, kind=kind or default_kind, rule=rule, confidence=confidence)


def _photo_credits(text, registry, photos):
    """The credits of ``photos`` (the PHOTO_CREDIT matches) and of PHOTO_VIA."""
    found = []
    for match in photos:
        agency, who = match.group("x"), match.group("who")
        found.append(_other(text, match.start(), match.end(), "photo_credit", "agency", agency, registry.resolve(agency)))
        found.append(_other(text, match.start("who"), match.start("who") + len(who), "photo_credit", "photographer", who, registry.resolve(who)))
    for match in PHOTO_VIA.finditer(text):
        agency_id = registry.resolve(match.group("x"))
        wire = registry.kinds.get(agency_id) == "wire_service"
        found.append(_other(
            text, match.start(), match.end("x"), "photo_via", "agency", match.group("x"), agency_id,
            kind=None if wire or agency_id is None else "other",
        ))
        if match.group("y"):
            source = match.group("y")
            found.append(_other(text, match.start("x"), match.end("y"), "photo_via", "source", source, registry.resolve(source)))
    return found


def _links(text, registry):
    found = []
    for rule, pattern, keeps_cue, needs in HEADLINE_CREDITS:
        for match in pattern.finditer(text) if needs in text else ():
            headline = match.group("x").strip()
            start = match.start("x") + match.group("x").find(headline)
            end = match.end() if keeps_cue else start + len(headline)
            found.append(_other(text, start, end, rule, "headline", headline, registry.resolve(headline)))
    return found


def _books(article):
    """"the author of BOOK": the book, when the registry knows it, or the
    capitalised title that follows, for a person to register."""
    text, registry = article.text, article.registry
    found = []
    for match in AUTHOR_OF.finditer(text) if "author" in text else ():
        at = match.end()
        known = article.mentions_starting_at(at)
        if known:
            m_start, m_end, surface, actor_id = max(known, key=lambda m: m[1])
            found.append(_other(text, m_start, m_end, "author_of", "registered book", surface, actor_id))
            continue
        quoted = QUOTED_TITLE_RE.match(text[at:at + 160])
        if quoted:
            # "author of "Salt in the Wound,"": the title inside the marks.
            title = quoted.group(1)
            found.append(_other(text, at + 1, at + 1 + len(title), "author_of", "quoted title", title, registry.resolve(title)))
            continue
        title = CAPITALISED_TITLE_RE.match(text[at:at + 160])
        if title and title.group().strip():
            words = title.group().strip()
            found.append(_other(text, at, at + len(words), "author_of", "capitalised title", words, None))
    return found


def _channels(article):
    """"said in a statement", "In an email on Wednesday": the speaker's own
    channel. A statement is issued by a group, so it is credited to the
    group a spokesman speaks for when his words name one; an email, letter
    or interview is the person's own."""
    found = []
    for match in matches_near(CHANNEL, article.text, CHANNEL_NEEDS, CHANNEL_STARTS, article.breaks):
        cue = _cue_for(article, match)
        if cue is None or cue.subject is None:
            continue
        cited, cited_id = cue.speaker_text, cue.speaker_id
        if match.group("what") == "statement":
            group = _group_in_phrase(article, cue.subject)
            if group:
                cited, cited_id = group
        found.append(_other(article.text, match.start(), match.end(), "channel", "speaker", cited, cited_id))
    return found


def _cue_for(article, match):
    """The cue the channel phrase belongs to: the verb just before it, or the
    next cue of the same sentence when the phrase opens the sentence."""
    cues, start, end = article.cues, match.start(), match.end()
    index = max(0, bisect.bisect_right(article.cue_starts, start) - 2)
    while index < len(cues) and cues[index].start <= end:
        cue = cues[index]
        if cue.start <= start < cue.end + 2 or (start <= cue.start and cue.end <= end):
            return cue
        index += 1
    following = bisect.bisect_left(article.cue_starts, end)
    if following < len(cues) and cues[following].sentence[0] <= start < cues[following].sentence[1]:
        return cues[following]
    return None


def _group_in_phrase(article, phrase):
    """The group a phrase names before the speaker ("River Front spokesman X")."""
    # The full clause before the name is not in the phrase (titles are cut),
    # so look a few words to the left of it.
    for _, _, surface, actor_id in article.mentions_within(phrase.start - 40, phrase.start):
        if article.registry.kinds.get(actor_id) not in (None, "person", "anonymous_source"):
            return surface, actor_id
    return None


def _dedupe(items):
    """One citation per span and source; a credit inside a longer credit of
    the same source ("Planet reported" in "As The Daily Planet reported in
    June") is the same citation."""
    def same(a, b):
        if a["cited_id"] or b["cited_id"]:
            return a["cited_id"] == b["cited_id"]
        first, second = (LEADING_THE_RE.sub("", x["cited"] or "") for x in (a, b))
        return first == second or first.startswith(second + " ")

    unique = []
    active = []  # the kept items that may still hold a later one (ending at or after its start)
    for item in sorted(items, key=lambda i: (i["start_char"], -i["end_char"])):
        active = [u for u in active if u["end_char"] >= item["start_char"]]
        if any(same(u, item) and item["end_char"] <= u["end_char"] for u in active):
            continue
        unique.append(item)
        active.append(item)
    return unique


def _item(text, start, end, **fields):
    while start < end and text[start] in " \t\n\u00a0,;:":
        start += 1
    while end > start and text[end - 1] in " \t\n\u00a0,;:":
        end -= 1
    return {"text": text[start:end], "start_char": start, "end_char": end, **fields}
