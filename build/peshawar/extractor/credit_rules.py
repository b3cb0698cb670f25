"""The credit lines of news writing, as data: each pattern with its policy
(the citation kind, the words cited, whether the pattern vouches for its
source, the confidence), read by ``citations.py``.

The patterns are generic: "according to X" (or "according to a report by
X"), "As X reports", "X reported", "told X", "quoted in X", "X newspaper
quoted", "(X Photo/Name)", "Photo via X", "X's statement said", "said in a
statement", "author of BOOK", a wire's dateline credit "CITY (X) —", "X
contributed to this report", Markdown links to related articles and "…
Read more here." None names an outlet: what is known about sources comes
from the actor registry.
"""

import re
from dataclasses import dataclass

from . import lexicon
from .lexicon import INSTITUTION_WORDS, NEWS_WORDS
from .phrases import CAPITALISED_RUN, CAPITALISED_WORD

# Words that make an unknown capitalised name look like a source worth
# citing rather than a person ("according to Smith").
OUTLET_WORDS = NEWS_WORDS | INSTITUTION_WORDS

CALENDAR = r"(?:" + "|".join(lexicon.WEEKDAYS + lexicon.MONTHS) + r")\b"
# A name begins with a capital or "the": the lookahead lets the engine pass
# over every other character at once.
NAME = r"(?=[A-Zt])(?!As[ \u00a0])(?:[Tt]he[ \u00a0]+)?" + CAPITALISED_WORD + r"(?:[ \u00a0]+(?:(?:of|for|on|and|&)[ \u00a0]+)?(?!" + CALENDAR + r")" + CAPITALISED_WORD + r"){0,7}"
POSSESSOR = r"(?=[A-Zt])(?:[A-Z][\w-]*['’]s[ \u00a0]+)?"

KIND_FOR_ACTOR = {
    "news_outlet": "news_outlet",
    "wire_service": "wire_service",
    "research_organization": "research_organization",
    "publication": "related_article",
}

@dataclass(frozen=True)
class CreditRule:
    """A credit-line pattern (group ``x``: the source as the text names it)
    and its policy."""

    rule: str  # the rule name the citation carries
    pattern: re.Pattern
    confidence: float
    span: str = "match"  # the words cited: the match, "from_name" (the source to the match's end), "parenthesised" ("(Wire)")
    kind: str | None = None  # a fixed kind; else the kind of the source
    kind_if_unknown: str | None = None  # the kind when neither the registry nor the source's words give one
    sources_only: bool = False  # a person named here is a speaker, not a source: cite only sources
    needs_outlet: bool = False  # cite a registered actor only when it is a news outlet or wire
    vouches: bool = False  # the pattern itself says the name is a source ("quoted in X")
    vouches_lone_name: bool = False  # ... or one capitalised word the article never uses as a surname
    vouches_appositive: bool = False  # ... or ", a coalition of ..." after the name
    all_named: bool = False  # every source named in the whole credit line
    shows_sources: bool = False  # the names it finds are sources wherever else they appear
    # The pattern can match only where one of these words is in the text: a
    # text without any is not read with the pattern at all.
    needs: tuple = ()
    # Where a match may start (a character class), when every match also
    # holds a word of ``needs`` with only NEAR_NEEDS characters before it:
    # the pattern is then tried only at those starts near those words
    # (citations.rule_matches), not at every position of the text.
    starts: re.Pattern | None = None
    # Every match begins a line ("(?m)^"): the pattern is tried only at the
    # text's start and after each newline, not at every position.
    at_line_starts: bool = False


# What stands in a credit line between its start and its word of ``needs``:
# names, words, spaces, possessives. A comma, bracket or quotation mark ends
# the stretch a match may start in.
NEAR_NEEDS = r"\w\s’'&.-"
NOT_NEAR_NEEDS = re.compile("[^" + NEAR_NEEDS + "]")
NAME_START = re.compile(r"[A-Zt]")  # NAME and POSSESSOR begin with a capital or "the"
A_START = re.compile(r"[Aa]")

R = CreditRule
ACCORDING = ("ccording",)  # "according to", "According to"
CREDIT_RULES = (
    R("according_to", re.compile(r"\b[Aa]ccording\s+to\s+(?P<x>" + NAME + r")"), 0.85,
      sources_only=True, vouches_lone_name=True, vouches_appositive=True, needs=ACCORDING, starts=A_START),
    # "As Zachary Laub explains in his background … for the Council on
    # Foreign Relations": every source named in the credit line.
    R("as_x_reports", re.compile(
        r"\b[Aa]s\s+(?P<x>" + NAME + r")\s+(?:reports|reported|explains|explained|writes|wrote|notes|noted|"
        r"reveals|revealed|points\s+out|pointed\s+out|puts\s+it|put\s+it|describes|described)\b[^.,;:\n]*"
    ), 0.85, kind_if_unknown="news_outlet", all_named=True, needs=("report", "explain", "write", "wrote", "note", "reveal", "point", "put", "describ"), starts=A_START),
    R("x_reported", re.compile(r"(?<![Aa]s\s)\b(?P<x>" + NAME + r")\s+(?:reported|reports|has\s+reported)\b"), 0.7,
      span="from_name", kind_if_unknown="news_outlet", sources_only=True, needs_outlet=True, needs=("report",), starts=NAME_START),
    R("quoted_in", re.compile(r"\bquoted\s+(?:in|by)\s+(?P<x>" + NAME + r")"), 0.85,
      kind_if_unknown="news_outlet", sources_only=True, vouches=True, needs=("quoted",), starts=re.compile("q")),
    R("outlet_quoted", re.compile(
        POSSESSOR + r"(?P<x>" + NAME + r")\s+(?:newspaper|daily|paper|news\s+agency|agency|television|TV|channel|"
        r"website|magazine|broadcaster)\s+(?:quoted|reported|said|cited)"
    ), 0.85, span="from_name", kind_if_unknown="news_outlet", needs=("paper", "daily", "agency", "television", "TV", "channel", "website", "magazine", "broadcaster"), starts=NAME_START),
    # "told the BBC": whom a source talks to is a news outlet, if anything.
    R("told_outlet", re.compile(r"\btold\s+(?P<x>" + NAME + r")"), 0.5,
      kind_if_unknown="news_outlet", sources_only=True, needs_outlet=True, vouches_lone_name=True, needs=("told",), starts=re.compile("t")),
    # "according to (a 2021) report/data/figures published by (the regulator) X":
    # a document and its issuer.
    R("according_to", re.compile(
        r"\b[Aa]ccording\s+to\s+(?:(?:an?|the|new|latest|recent)\s+)?(?:[\w-]+\s+)?(?:statement|report|survey|study|tally|count|"
        r"analysis|estimates?|poll|census|data|figures|statistics|inventory|records|documents|research|assessment|review|audit)\s+"
        r"(?:(?:[\w,]+\s+){0,4}?(?:issued|released|published|compiled|conducted|carried\s+out|commissioned)\s+(?:[\w,]+\s+){0,3}?by|from|by|of)\s+"
        r"(?:the\s+(?:[a-z-]+\s+){1,2}(?=[A-Z]))?(?P<x>" + NAME + r")"
    ), 0.85, sources_only=True, vouches=True, vouches_lone_name=True, vouches_appositive=True, needs=ACCORDING, starts=A_START),
    # "according to the UN human rights office": a name and the office it heads.
    R("according_to", re.compile(
        r"\b[Aa]ccording\s+to\s+(?P<x>(?:the\s+)?" + CAPITALISED_RUN + r"(?:[ \u00a0]+[a-z]+){0,3}[ \u00a0]+"
        r"(?:office|ministry|agency|department|commission|authority|authorities|council|police|service|bureau|agencies|"
        r"institute|organisation|organization|group|monitor|observatory|data|figures|statistics|tally|count|records))\b"
    ), 0.85, sources_only=True, vouches=True, vouches_lone_name=True, vouches_appositive=True, needs=ACCORDING, starts=A_START),
    R("data_by", re.compile(
        r"\b(?:polled|surveyed|compiled|collected|gathered|published|tallied)\s+by\s+(?P<x>" + NAME + r")"
    ), 0.85, sources_only=True, vouches=True, needs=("polled", "surveyed", "compiled", "collected", "gathered", "published", "tallied")),
    # "CITY (Wire) —" credits a wire.
    R("dateline_credit", re.compile(r"(?m)^[A-Z][\w ,.'-]*\((?P<x>" + NAME + r")\)\s*[-—–]"), 0.85,
      span="parenthesised", kind_if_unknown="wire_service", sources_only=True, vouches=True, shows_sources=True, needs=("(",),
      at_line_starts=True),
    R("contributed", re.compile(r"(?P<x>" + NAME + r")\s+contributed\s+(?:to\s+)?(?:this\s+)?(?:report|reporting|story)"), 0.85,
      span="from_name", sources_only=True, needs=("contributed",), starts=NAME_START),
    R("contributed", re.compile(r"\b[Aa]dditional\s+reporting\s+by\s+(?P<x>" + NAME + r")"), 0.85,
      span="from_name", sources_only=True, needs=("dditional",), starts=A_START),
    R("statement", re.compile(r"(?=[A-Zt])(?P<x>(?:the\s+|The\s+)?" + NAME + r")['’]s?\s+statement\s+said"), 0.85,
      span="from_name", kind="statement", needs=("statement",), starts=NAME_START),
    R("came_out_with_statement", re.compile(
        r"(?=[A-Zt])(?P<x>(?:the\s+|The\s+)?" + NAME + r")\s+(?:came\s+out\s+with|issued|released|put\s+out|published)\s+an?\s+statement"
    ), 0.85, span="from_name", kind="statement", needs=("statement",), starts=NAME_START),
)

# The other ways an article credits a source, by rule and what is cited:
# (kind, confidence). The finders below apply them.
OTHER_CREDITS = {
    ("photo_credit", "agency"): ("wire_photo", 0.9),  # "(GW Photo/Sam Reed)"
    ("photo_credit", "photographer"): ("wire_photo", 0.8),
    ("photo_via", "agency"): ("wire_photo", 0.85),  # "Photo via GW/River Front"; kind other for a known non-wire
    ("photo_via", "source"): ("other", 0.7),
    ("markdown_link", "headline"): ("related_article", 0.9),  # "[headline](url)"
    ("read_more", "headline"): ("related_article", 0.85),  # "Headline. Read more here."
    ("author_of", "registered book"): ("book", 0.85),
    ("author_of", "quoted title"): ("book", 0.6),
    ("author_of", "capitalised title"): ("book", 0.5),
    ("channel", "speaker"): ("statement", 0.7),  # "said in a statement"
}


PHOTO_CREDIT = re.compile(r"(?=[(A-Z])\(?(?P<x>" + CAPITALISED_RUN + r")[ \u00a0]+Photo[ \u00a0]*(?:/|by[ \u00a0]+)(?P<who>" + CAPITALISED_RUN + r")\)?")
# Where a photo credit may start: it is read near its word "Photo" only
# (citations.matches_near), its "(" the one break it may open with.
PHOTO_STARTS = re.compile(r"[(A-Z]")
# "\bPhoto": the word first and the look back after it, as AUTHOR_OF.
PHOTO_VIA = re.compile(r"Photo(?<!\wPhoto)s?[ \u00a0]+(?:via|by|courtesy[ \u00a0]+of|from)[ \u00a0]+(?P<x>" + CAPITALISED_RUN + r")(?:/(?P<y>" + CAPITALISED_RUN + r"))?")
MARKDOWN_LINK = re.compile(r"\[(?P<x>[^\[\]\n]+)\]\([^()\n]*\)")
READ_MORE = re.compile(r"^(?P<x>[^\n]+?)\.\s+Read\s+more(?:\s+here)?\.", re.MULTILINE)
# Links to related articles: (rule, pattern, whether the citation keeps the
# words after the headline that say it is a link, "… Read more here.", and
# what a text must contain for the pattern to match at all).
HEADLINE_CREDITS = (("markdown_link", MARKDOWN_LINK, False, "]("), ("read_more", READ_MORE, True, "Read"))
# "\bauthor": the word first and the look back after it, so that the engine
# looks for "author" at C speed instead of trying every position.
AUTHOR_OF = re.compile(r"author(?<!\wauthor)\s+of\s+(?:the\s+(?:book|novel|study|report)\s+)?")
# ", a coalition of …" after a name: the name is an organisation's.
APPOSITIVE_SOURCE = re.compile(
    r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:coalition|group|organi[sz]ation|agency|network|charity|watchdog|"
    r"monitor|institute|think\s+tank|newspaper|website|broadcaster|union|association|body|firm|company|consultancy)\b"
)
CHANNEL = re.compile(
    r"(?=[satwIi])(?:\b(?:said|says|told\s+\w+|added|wrote)\s+)?\b[Ii]n\s+an?\s+(?P<what>statement|email|e-mail|letter|video(?:\s+message)?|"
    r"audio\s+message|interview|phone\s+call|press\s+release|tweet)(?:\s+on\s+[A-Z]\w+)?"
)
# Every channel phrase starts with one of CHANNEL_STARTS and holds one of
# CHANNEL_NEEDS with only NEAR_NEEDS characters before it: CHANNEL is tried
# only there (citations.matches_near).
CHANNEL_NEEDS = ("statement", "mail", "letter", "video", "audio", "interview", "phone", "press", "tweet")
CHANNEL_STARTS = re.compile(r"[satwIi]")
