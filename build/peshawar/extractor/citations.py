"""Citations: the outside sources an article credits.

``find_citations(text, registry, mentions, cues)`` returns dicts with text,
start_char, end_char, cited (the source as the text names it), cited_id (its
actor id, or None when the registry does not know it), kind, rule and
confidence. The cues are the speech cues of ``cues.find_cues`` (for "said
in a statement", whose source is the speaker).

The patterns are generic credit lines of news writing: "according to X"
(or "according to a report by X"), "As X reports", "X reported", "told X",
"quoted in X", "X newspaper quoted", "(X Photo/Name)", "Photo via X", "X's
statement said", "said in a statement", "author of BOOK", a wire's
dateline credit "CITY (X) —", "X contributed to this report", Markdown
links to related articles and "… Read more here."
"""

import re

from . import lexicon
from .phrases import CAPITALISED_RUN, CAPITALISED_WORD, FOREIGN_ARTICLES

# Words that make an unknown capitalised name look like a source worth
# citing rather than a person ("according to Smith").
NEWS_WORDS = lexicon.words("news_words")
INSTITUTION_WORDS = lexicon.words("institution_words")
OUTLET_WORDS = NEWS_WORDS | INSTITUTION_WORDS

CALENDAR = r"(?:" + "|".join(lexicon.WEEKDAYS + lexicon.MONTHS) + r")\b"
NAME = r"(?!As[ \u00a0])(?:[Tt]he[ \u00a0]+)?" + CAPITALISED_WORD + r"(?:[ \u00a0]+(?:(?:of|for|on|and|&)[ \u00a0]+)?(?!" + CALENDAR + r")" + CAPITALISED_WORD + r")*"
POSSESSOR = r"(?:[A-Z][\w-]*['’]s[ \u00a0]+)?"

KIND_FOR_ACTOR = {
    "news_outlet": "news_outlet",
    "wire_service": "wire_service",
    "research_organization": "research_organization",
    "publication": "related_article",
}

PATTERNS = (
    ("according_to", re.compile(r"\b[Aa]ccording\s+to\s+(?P<x>" + NAME + r")")),
    ("as_x_reports", re.compile(
        r"\b[Aa]s\s+(?P<x>" + NAME + r")\s+(?:reports|reported|explains|explained|writes|wrote|notes|noted|"
        r"reveals|revealed|points\s+out|pointed\s+out|puts\s+it|put\s+it|describes|described)\b[^.,;:\n]*"
    )),
    ("x_reported", re.compile(r"(?<![Aa]s\s)\b(?P<x>" + NAME + r")\s+(?:reported|reports|has\s+reported)\b")),
    ("quoted_in", re.compile(r"\bquoted\s+(?:in|by)\s+(?P<x>" + NAME + r")")),
    ("outlet_quoted", re.compile(
        POSSESSOR + r"(?P<x>" + NAME + r")\s+(?:newspaper|daily|paper|news\s+agency|agency|television|TV|channel|"
        r"website|magazine|broadcaster)\s+(?:quoted|reported|said|cited)"
    )),
    ("told_outlet", re.compile(r"\btold\s+(?P<x>" + NAME + r")")),
    ("according_to", re.compile(
        # "according to (a 2021) report/data/figures published by (the regulator) X"
        r"(?P<report>)\b[Aa]ccording\s+to\s+(?:(?:an?|the|new|latest|recent)\s+)?(?:[\w-]+\s+)?(?:statement|report|survey|study|tally|count|"
        r"analysis|estimates?|poll|census|data|figures|statistics|inventory|records|documents|research|assessment|review|audit)\s+"
        r"(?:(?:[\w,]+\s+){0,4}?(?:issued|released|published|compiled|conducted|carried\s+out|commissioned)\s+(?:[\w,]+\s+){0,3}?by|from|by|of)\s+"
        r"(?:the\s+(?:[a-z-]+\s+){1,2}(?=[A-Z]))?(?P<x>" + NAME + r")"
    )),
    ("according_to", re.compile(
        # "according to the UN human rights office": a name and the office it heads.
        r"\b[Aa]ccording\s+to\s+(?P<x>(?:the\s+)?" + CAPITALISED_RUN + r"(?:[ \u00a0]+[a-z]+){0,3}[ \u00a0]+"
        r"(?:office|ministry|agency|department|commission|authority|authorities|council|police|service|bureau|agencies|"
        r"institute|organisation|organization|group|monitor|observatory|data|figures|statistics|tally|count|records))\b"
    )),
    ("data_by", re.compile(
        r"\b(?:polled|surveyed|compiled|collected|gathered|published|tallied)\s+by\s+(?P<x>" + NAME + r")"
    )),
    ("dateline_credit", re.compile(r"(?m)^[A-Z][\w ,.'-]*\((?P<x>" + NAME + r")\)\s*[-—–]")),
    ("contributed", re.compile(r"(?P<x>" + NAME + r")\s+contributed\s+(?:to\s+)?(?:this\s+)?(?:report|reporting|story)")),
    ("contributed", re.compile(r"\b[Aa]dditional\s+reporting\s+by\s+(?P<x>" + NAME + r")")),
    ("statement", re.compile(r"(?P<x>(?:the\s+|The\s+)?" + NAME + r")['’]s?\s+statement\s+said")),
    ("came_out_with_statement", re.compile(
        r"(?P<x>(?:the\s+|The\s+)?" + NAME + r")\s+(?:came\s+out\s+with|issued|released|put\s+out|published)\s+an?\s+statement"
    )),
)

PHOTO_CREDIT = re.compile(r"\(?(?P<x>" + CAPITALISED_RUN + r")[ \u00a0]+Photo[ \u00a0]*(?:/|by[ \u00a0]+)(?P<who>" + CAPITALISED_RUN + r")\)?")
PHOTO_VIA = re.compile(r"\bPhotos?[ \u00a0]+(?:via|by|courtesy[ \u00a0]+of|from)[ \u00a0]+(?P<x>" + CAPITALISED_RUN + r")(?:/(?P<y>" + CAPITALISED_RUN + r"))?")
MARKDOWN_LINK = re.compile(r"\[(?P<x>[^\[\]\n]+)\]\([^()\n]*\)")
READ_MORE = re.compile(r"^(?P<x>[^\n]+?)\.\s+Read\s+more(?:\s+here)?\.", re.MULTILINE)
AUTHOR_OF = re.compile(r"\bauthor\s+of\s+(?:the\s+(?:book|novel|study|report)\s+)?")
CHANNEL = re.compile(
    r"(?:\b(?:said|says|told\s+\w+|added|wrote)\s+)?\b[Ii]n\s+an?\s+(?P<what>statement|email|e-mail|letter|video(?:\s+message)?|"
    r"audio\s+message|interview|phone\s+call|press\s+release|tweet)(?:\s+on\s+[A-Z]\w+)?"
)


def find_citations(text, registry, mentions, cues=()):
    found = []
    # Names the article itself shows to be sources (a dateline credit, a
    # photo credit, "X reported"): "told X" then means an outlet, not a person.
    evidenced = {m.group("x").strip() for rule, pattern in PATTERNS if rule == "dateline_credit" for m in pattern.finditer(text)}
    evidenced |= {m.group("x").strip() for m in PHOTO_CREDIT.finditer(text)}
    for rule, pattern in PATTERNS:
        for match in pattern.finditer(text):
            found.extend(_credit(text, registry, mentions, match, rule, evidenced))
    found.extend(_photo_credits(text, registry, mentions))
    found.extend(_links(text, registry))
    found.extend(_books(text, registry, mentions))
    found.extend(_channels(text, registry, mentions, cues))
    return _dedupe(found)


def _credit(text, registry, mentions, match, rule, evidenced=frozenset()):
    name = match.group("x").strip()
    name_start = match.start("x") + (len(match.group("x")) - len(match.group("x").lstrip()))
    cited_ids = _actors_in(registry, mentions, name, name_start, name_start + len(name))
    if rule == "as_x_reports":
        # "As Zachary Laub explains in his background … for the Council on
        # Foreign Relations": every source named in the credit line.
        cited_ids = _actors_in(registry, mentions, match.group(), match.start(), match.end()) or cited_ids
    people = [a for a in cited_ids if registry.kinds.get(a) in ("person", "anonymous_source", "unnamed_group")]
    sources = [a for a in cited_ids if a not in people]
    bare = re.sub(r"^[Tt]he\s+", "", name)
    vouched = (
        bare in evidenced or name in evidenced
        or re.fullmatch(r"[A-Z]{2,6}", bare) is not None  # "told the BBC", "AFP reported"
        or (len(bare.split()) > 1 and bare.split()[0] in FOREIGN_ARTICLES)  # "told Le Monde"
        or (rule in ("dateline_credit", "quoted_in", "data_by") and not people)  # the pattern itself says source
        or (rule == "according_to" and "report" in match.groupdict() and not people)  # a document and its issuer
        or (rule in ("told_outlet", "according_to") and not people and _lone_name_never_a_person(text, bare))
        or (rule == "according_to" and re.match(
            r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:coalition|group|organi[sz]ation|agency|network|charity|watchdog|"
            r"monitor|institute|think\s+tank|newspaper|website|broadcaster|union|association|body|firm|company|consultancy)\b",
            text[match.end():match.end() + 80]) is not None)
    )
    if rule == "according_to" and match.group("x") and match.group("x").split()[-1].islower():
        vouched = True  # the office-noun pattern
    if rule in ("according_to", "x_reported", "told_outlet", "quoted_in", "dateline_credit", "contributed", "data_by"):
        # A person "according to Smith" is a speaker, not a citation.
        if not sources and (people or not (_looks_like_outlet(name) or vouched)):
            return []
        if rule in ("told_outlet", "x_reported") and not any(
            registry.kinds.get(a) in ("news_outlet", "wire_service") for a in sources
        ) and not (not sources and (_looks_like_outlet(name) or vouched)):
            return []
        people = []
    if rule in ("statement", "came_out_with_statement"):
        kind = "statement"
    else:
        kind = next((KIND_FOR_ACTOR.get(registry.kinds.get(a), "other") for a in sources), _kind_from_words(name))
        if not sources and kind == "other" and (rule == "dateline_credit" or bare in evidenced):
            kind = "wire_service"  # "CITY (Wire) —" credits a wire
        elif not sources and kind == "other" and rule in ("told_outlet", "x_reported", "as_x_reports", "quoted_in", "outlet_quoted"):
            kind = "news_outlet"  # "told the BBC": whom a source talks to is a news outlet
        if kind == "related_article":
            kind = "other"
    start, end = match.start(), match.end()
    if rule in ("statement", "came_out_with_statement", "outlet_quoted", "x_reported", "contributed"):
        start = name_start
    if rule == "dateline_credit":
        start, end = name_start - 1, name_start + len(name) + 1  # "(Wire)"
    confidence = {"told_outlet": 0.5, "x_reported": 0.7}.get(rule, 0.85)
    targets = sources + people or [None]
    if targets == [None]:
        # "the World Health Organization and UNICEF": two sources when each
        # side reads as one on its own.
        parts = re.split(r"\s+(?:and|&)\s+", name)
        if len(parts) > 1 and all(_looks_like_outlet(part) or re.fullmatch(r"[A-Z]{2,6}", part) for part in parts):
            return [_item(text, start, end, cited=part, cited_id=registry.resolve(part), kind=kind, rule=rule, confidence=confidence) for part in parts]
    return [_item(text, start, end, cited=name, cited_id=actor, kind=kind, rule=rule, confidence=confidence) for actor in targets]


def _kind_from_words(name):
    """The kind of an unregistered source, from the words of its name."""
    words = {word.strip(".,'’") for word in name.split()}
    if words & NEWS_WORDS:
        return "news_outlet"
    return "research_organization" if words & {"Institute", "Research", "Survey", "University", "Center", "Centre"} else "other"


def _lone_name_never_a_person(text, word):
    """Is ``word`` ("Reuters") one capitalised word that the article never
    uses as a person's surname ("Ayesha Khan", "Mr. Khan")? Then "told
    Reuters" is more likely an outlet than a person."""
    if not re.fullmatch(r"[A-Z][\w.]*[a-z]", word):  # Reuters, FlightAware, Example.org
        return False
    return re.search(r"(?:[A-Z][\w'’-]*\.?)[ \u00a0]+" + re.escape(word) + r"\b", text) is None


def _looks_like_outlet(name):
    return any(word.strip(".,'’") in OUTLET_WORDS for word in name.split())


def _actors_in(registry, mentions, name, start, end):
    actor = registry.resolve(name)
    found = [actor] if actor else []
    for m_start, m_end, _, actor_id in mentions:
        if start <= m_start and m_end <= end and actor_id not in found:
            found.append(actor_id)
    return found


def _photo_credits(text, registry, mentions):
    found = []
    for match in PHOTO_CREDIT.finditer(text):
        agency = registry.resolve(match.group("x"))
        kind = "wire_photo"
        found.append(_item(text, match.start(), match.end(), cited=match.group("x"), cited_id=agency, kind=kind, rule="photo_credit", confidence=0.9))
        who = match.group("who")
        found.append(_item(
            text, match.start("who"), match.start("who") + len(who), cited=who, cited_id=registry.resolve(who),
            kind=kind, rule="photo_credit", confidence=0.8,
        ))
    for match in PHOTO_VIA.finditer(text):
        agency_id = registry.resolve(match.group("x"))
        wire = registry.kinds.get(agency_id) == "wire_service"
        found.append(_item(
            text, match.start(), match.end("x"), cited=match.group("x"), cited_id=agency_id,
            kind="wire_photo" if wire or agency_id is None else "other", rule="photo_via", confidence=0.85,
        ))
        if match.group("y"):
            source = match.group("y")
            found.append(_item(
                text, match.start("x"), match.end("y"), cited=source, cited_id=registry.resolve(source),
                kind="other", rule="photo_via", confidence=0.7,
            ))
    return found


def _links(text, registry):
    found = []
    for match in MARKDOWN_LINK.finditer(text):
        headline = match.group("x").strip()
        start = match.start("x") + match.group("x").find(headline)
        found.append(_item(
            text, start, start + len(headline), cited=headline, cited_id=registry.resolve(headline),
            kind="related_article", rule="markdown_link", confidence=0.9,
        ))
    for match in READ_MORE.finditer(text):
        headline = match.group("x").strip()
        start = match.start("x") + match.group("x").find(headline)
        found.append(_item(
            text, start, match.end(), cited=headline, cited_id=registry.resolve(headline),
            kind="related_article", rule="read_more", confidence=0.85,
        ))
    return found


def _books(text, registry, mentions):
    """"the author of BOOK": the book, when the registry knows it, or the
    capitalised title that follows, for a person to register."""
    found = []
    for match in AUTHOR_OF.finditer(text):
        at = match.end()
        known = [m for m in mentions if m[0] == at]
        if known:
            m_start, m_end, surface, actor_id = max(known, key=lambda m: m[1])
            found.append(_item(text, m_start, m_end, cited=surface, cited_id=actor_id, kind="book", rule="author_of", confidence=0.85))
            continue
        quoted = re.match(r"[\"“‘']([A-Z][^\"”’\n]*?)[,.]?[\"”’']", text[at:at + 160])
        if quoted:
            # "author of "Salt in the Wound,"": the title inside the marks.
            found.append(_item(text, at + 1, at + 1 + len(quoted.group(1)), cited=quoted.group(1), cited_id=registry.resolve(quoted.group(1)),
                               kind="book", rule="author_of", confidence=0.6))
            continue
        title = re.match(r"[A-Z][^,\n]*?(?=,\s+(?:said|told|says|wrote|who|a|an|the)\b|,\s*$|\.\s|$)", text[at:at + 160])
        if title and title.group().strip():
            words = title.group().strip()
            found.append(_item(text, at, at + len(words), cited=words, cited_id=None, kind="book", rule="author_of", confidence=0.5))
    return found


def _channels(text, registry, mentions, cues):
    """"said in a statement", "In an email on Wednesday": the speaker's own
    channel. A statement is issued by a group, so it is credited to the
    group a spokesman speaks for when his words name one; an email, letter
    or interview is the person's own."""
    found = []
    for match in CHANNEL.finditer(text):
        cue = _cue_for(match, cues)
        if cue is None or cue.subject is None:
            continue
        cited, cited_id = cue.speaker_text, cue.speaker_id
        if match.group("what") == "statement":
            group = _group_in_phrase(registry, mentions, cue.subject)
            if group:
                cited, cited_id = group
        found.append(_item(text, match.start(), match.end(), cited=cited, cited_id=cited_id, kind="statement", rule="channel", confidence=0.7))
    return found


def _cue_for(match, cues):
    """The cue the channel phrase belongs to: the verb just before it, or the
    next cue of the same sentence when the phrase opens the sentence."""
    for cue in cues:
        if cue.start <= match.start() < cue.end + 2 or (match.start() <= cue.start and cue.end <= match.end()):
            return cue
    for cue in cues:
        if cue.sentence[0] <= match.start() < cue.sentence[1] and cue.start >= match.end():
            return cue
    return None


def _group_in_phrase(registry, mentions, phrase):
    """The group a phrase names before the speaker ("River Front spokesman X")."""
    # The full clause before the name is not in the phrase (titles are cut),
    # so look a few words to the left of it.
    for m_start, m_end, surface, actor_id in mentions:
        if phrase.start - 40 <= m_start and m_end <= phrase.start and registry.kinds.get(actor_id) not in (None, "person", "anonymous_source"):
            return surface, actor_id
    return None


def _dedupe(items):
    """One citation per span and source; a credit inside a longer credit of
    the same source ("Planet reported" in "As The Daily Planet reported in
    June") is the same citation."""
    def same(a, b):
        if a["cited_id"] or b["cited_id"]:
            return a["cited_id"] == b["cited_id"]
        first, second = (re.sub(r"^the\s+", "", x["cited"] or "", flags=re.IGNORECASE) for x in (a, b))
        return first == second or first.startswith(second + " ")

    unique = []
    for item in sorted(items, key=lambda i: (i["start_char"], -i["end_char"])):
        if any(
            same(u, item) and u["start_char"] <= item["start_char"] and item["end_char"] <= u["end_char"]
            for u in unique
        ):
            continue
        unique.append(item)
    return unique


def _item(text, start, end, **fields):
    while start < end and text[start] in " \t\n\u00a0,;:":
        start += 1
    while end > start and text[end - 1] in " \t\n\u00a0,;:":
        end -= 1
    return {"text": text[start:end], "start_char": start, "end_char": end, **fields}
