"""Topics for automatic claims: which question a figure answers, as rules
stated as data.

A topic links the claims of several articles that answer one question (the
death toll of the attack, the number of attackers, the injured, the day of
the attack), so that disagreement is one query away. A rule gives a claim
its topic when the claim's kind fits and its sentence supports it; the
first rule that fits wins, and its confidence says how strong the evidence
is. A sentence that speaks of another event (another year than the event's,
"a suicide bombing", "an earlier attack") gives no topic at all: "the
deadliest attack since 2008, when a bomber killed 150 people" is not a
death toll of this attack.

The patterns are generic news-writing patterns; what the event is comes
from the seeds (``JoinContext.event_date``: the day the curated claims
give the attack).
"""

import re
from dataclasses import dataclass

from ..extractor import lexicon
from ..extractor.sentences import sentence_at, sentences

EVENT_NOUNS = r"(?:attack|assault|massacre|siege|raid|rampage|carnage|killings|bloodshed|shooting|shootout|violence)"
# A definite reference to the event: "the attack", "Tuesday's massacre", "the school siege".
THE_EVENT = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]oday['’]s|[Yy]esterday['’]s|(?:" + "|".join(lexicon.WEEKDAYS) + r")['’]s)"
    r"\s+(?:[\w-]+\s+){0,2}?" + EVENT_NOUNS + r"\b"
)
ATTACK_VERBS = re.compile(r"\b(?:" + lexicon.alternation("attack_words") + r"|opened\s+fire|began|started)\b")
TOLL = re.compile(r"\b(?:death\s+)?toll\b", re.IGNORECASE)
YEAR = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")
# Another event in the same sentence: "a suicide bomber", "an earlier attack".
ANOTHER_EVENT = re.compile(
    r"\b(?:[Aa]n?|[Aa]nother|(?:[Aa]n?\s+|[Tt]he\s+)?(?:previous|earlier|last|other|similar|separate|former))\s+"
    r"(?:(?!(?:" + "|".join(sorted(lexicon.PREPOSITIONS | {"under"})) + r")\s)[\w-]+\s+){0,2}?"
    r"(?:attack|assault|massacre|siege|raid|bombing|bomb|bomber|blast|explosion|shooting|ambush)s?\b"
)


@dataclass(frozen=True)
class TopicRule:
    """A claim of one of ``kinds`` gets ``topic`` when ``evidence`` (if any)
    is in its sentence and its date (for date claims) compares to the
    event's as ``event_date`` says: "same" date, "same_day" (month and day,
    the claim giving no year), or "same_year" (another day)."""

    rule: str
    topic: str
    kinds: tuple
    confidence: float
    evidence: tuple = ()  # patterns, any of which the sentence must hold
    event_date: str | None = None
    in_article: tuple = ()  # patterns, any of which the article must hold somewhere


R = TopicRule
TOPIC_RULES = (
    R("toll_of_the_event", "death-toll", ("death_toll",), 0.9, evidence=(TOLL,)),
    R("killed_in_the_event", "death-toll", ("death_toll",), 0.85, evidence=(THE_EVENT, ATTACK_VERBS)),
    # An article that speaks of the event elsewhere: a death toll in it with
    # no sign of another event is likely the event's, but its sentence does
    # not say so.
    R("death_toll_in_article", "death-toll", ("death_toll",), 0.6, in_article=(THE_EVENT,)),
    R("injured_in_the_event", "injured", ("injured",), 0.85, evidence=(THE_EVENT, ATTACK_VERBS)),
    R("injured_in_article", "injured", ("injured",), 0.6, in_article=(THE_EVENT,)),
    R("attackers_of_the_event", "attackers", ("attackers",), 0.85, evidence=(THE_EVENT, ATTACK_VERBS)),
    R("attackers_in_article", "attackers", ("attackers",), 0.65, in_article=(THE_EVENT,)),
    R("day_of_the_event", "attack-date", ("date",), 0.9, evidence=(THE_EVENT, ATTACK_VERBS), event_date="same"),
    # "On the morning of December 16, gunmen entered ...": the day without a year.
    R("day_of_the_event", "attack-date", ("date",), 0.8, evidence=(THE_EVENT, ATTACK_VERBS), event_date="same_day"),
    # Another day of the same year for "the attack began on ...": a
    # disagreement about the date, which is what the topic is for.
    R("other_day_of_the_event", "attack-date", ("date",), 0.6, evidence=(THE_EVENT,), event_date="same_year"),
)


def another_event(sentence, claim_text, event_date):
    """Does the sentence speak of another event than the one the topics are about?"""
    if ANOTHER_EVENT.search(sentence):
        return True
    event_year = event_date[:4] if event_date else None
    rest = sentence.replace(claim_text, " ", 1)
    return any(year != event_year for year in YEAR.findall(rest))


MONTH_DAY = re.compile(
    r"\b(?P<month>" + "|".join(lexicon.MONTHS + lexicon.MONTH_ABBREVIATIONS) + r")\.?\s+(?P<day>\d{1,2})\b"
    r"|\b(?P<day2>\d{1,2})\s+(?P<month2>" + "|".join(lexicon.MONTHS + lexicon.MONTH_ABBREVIATIONS) + r")\b"
)


def month_day(words):
    """"December 16" or "16 Dec" -> "12-16"; None without both."""
    match = MONTH_DAY.search(words)
    if not match:
        return None
    month = (match.group("month") or match.group("month2"))[:3].lower()
    number = [m[:3].lower() for m in lexicon.MONTHS].index(month) + 1
    return f"{number:02d}-{int(match.group('day') or match.group('day2')):02d}"


def _dates_agree(rule, claim, event_date):
    if rule.event_date is None:
        return True
    date = claim.get("date") or ""
    if rule.event_date == "same_day":
        return bool(event_date) and not date and month_day(claim["text"]) == event_date[5:]
    if not event_date or len(date) != 10:
        return False
    if rule.event_date == "same":
        return date == event_date
    return date[:4] == event_date[:4] and date != event_date


def topic_for(claim, sentence, in_article, context):
    """The first rule that gives ``claim`` (in ``sentence``) a topic, or None.
    ``in_article(pattern)``: whether the pattern is found in the article."""
    if another_event(sentence, claim["text"], context.event_date):
        return None
    for rule in TOPIC_RULES:
        if claim["kind"] not in rule.kinds or rule.topic not in context.topics:
            continue
        if rule.evidence and not any(p.search(sentence) for p in rule.evidence):
            continue
        if rule.in_article and not any(in_article(p) for p in rule.in_article):
            continue
        if _dates_agree(rule, claim, context.event_date):
            return rule
    return None


def add_topics(text, claims, context):
    """Give each claim a rule's topic, with the rule and its confidence."""
    spans = sentences(text)
    # Whether a pattern is in the whole article is the same for every claim
    # of it: searched once per article, not once per claim and rule.
    found = {}

    def in_article(pattern):
        if pattern not in found:
            found[pattern] = pattern.search(text) is not None
        return found[pattern]

    for claim in claims:
        start, end = sentence_at(spans, claim["start_char"])
        rule = topic_for(claim, text[start:max(end, claim["end_char"])], in_article, context)
        if rule is not None:
            claim.update(topic=rule.topic, topic_rule=rule.rule, topic_confidence=rule.confidence)
    return claims
