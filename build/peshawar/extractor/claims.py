"""Numeric claims: each figure with its value, unit, qualifier, the kind of
figure the words around it suggest, and who the sentence says asserts it.

``find_claims(text, sentence_spans)`` returns ``(claims, not_numbers)``. A
claim is a dict with text, start_char, end_char, value, unit, qualifier,
kind, population, rule and confidence; ``not_numbers`` are numbers that
count nothing (the pronoun "one", "the two" referring back, a time of day,
an idiom). ``attribute_claims`` then credits each claim to its claimant.
"""

import bisect
import re

from . import lexicon
from .lexicon import DISTANCE_NOUNS, GROUP_NOUNS  # nouns that count groups, units of distance
from .numbers import TIME_NOUNS, VAGUE_PLURALS, expressions, iso_date, qualifier_before, unit_after, value_of
from .sentences import sentence_at, sentences

# Nouns that count people, and the population each counts.
PEOPLE_NOUNS = {noun: population for population, noun in lexicon.keyed("people_nouns")}


# How sure a figure is, by what the words around it tell.
CLAIM_CONFIDENCE = {
    "figure": 0.85,  # a figure whose kind the words tell: a death toll, a year, an age ...
    "bare": 0.6,  # a number whose kind the words do not tell (kind count or other)
    "date": 0.8,
    "not_a_figure": 0.6,  # a number set aside as counting nothing
}
BARE_KINDS = ("count", "other")

# Words near a figure that tell what it counts (regex alternations).
DEATH_WORDS = lexicon.alternation("death_words")
INJURY_WORDS = lexicon.alternation("injury_words")
ATTACK_WORDS = lexicon.alternation("attack_words")
DISPLACED_WORDS = lexicon.alternation("displaced_words")


def _words_re(pattern):
    return re.compile(r"\b(?:" + pattern + r")\b")


DEATH_RE, INJURY_RE, ATTACK_RE, DISPLACED_RE = (_words_re(p) for p in (DEATH_WORDS, INJURY_WORDS, ATTACK_WORDS, DISPLACED_WORDS))
YEARS_OLD_RE = re.compile(r"\s*years?\s+old")
NAME_COMMA_BEFORE_RE = re.compile(r"[A-Z][\w’'-]+,\s*$")
COMMA_AFTER_RE = re.compile(r"\s*,")
YEAR_DIGITS_RE = re.compile(r"(?:19|20)\d\d")
CURRENCY_BEFORE_RE = re.compile(r"[$£€]\s*$")
NUMBER_BEFORE_RE = re.compile(r"\bnumber\s+$", re.IGNORECASE)
OF_AFTER_RE = re.compile(r"\s+of\b")
THE_BEFORE_RE = re.compile(r"\bthe\s+$", re.IGNORECASE)
ACRONYM_BEFORE_RE = re.compile(r"(?<![\w])[A-Z]{2,5}\s+$")
YEAR_IN_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
DAY_IN_RE = re.compile(r"(?<![\d/])\d{1,2}(?![\d/])")
CURRENCY_RE = re.compile(r"([$£€])\s*$")
SCALE_LETTER_RE = re.compile(r"(bn|mn|m|k)(?!\w)")
PER_CENT_RE = re.compile(r"[ \u00a0]+(?:per[ \u00a0]?cent|percent)\b")
SPAN_OF_YEARS_RE = re.compile(r"[ \u00a0]+an?[ \u00a0]+(century|decade)\b")
# What comes between a speech verb and a figure that makes the figure not
# the speaker's: a relative clause or a quotation mark. Each alternative
# opens with its own character, so that the engine skips to the next comma
# or mark at C speed (a class among them would make it try every position).
CLAIM_BLOCKER_RE = re.compile(r",\s+(?:which|who|where|when)\b|\"|”|“")


def _nearest(pattern, text, anchor):
    """``(distance, match)`` of the match of the compiled ``pattern`` nearest
    the ``(start, end)`` anchor, or None."""
    start, end = anchor
    found = [
        (start - m.end() if m.end() <= start else max(0, m.start() - end), m)
        for m in pattern.finditer(text)
    ]
    return min(found, key=lambda f: f[0]) if found else None


def _distance(found):
    return found[0] if found else None


def _counted_together(window, dead, hurt):
    """"killing and wounding dozens": the dead and the hurt in one figure."""
    first, second = sorted((dead[1], hurt[1]), key=lambda m: m.start())
    return re.fullmatch(r"\s*(?:and|or|,|and/or)\s*", window[first.end():second.start()]) is not None


def kind_of(text, expression, value, unit, sentence):
    """Guess what a figure measures from its unit and the nearest words."""
    window_start = max(sentence[0], expression.start - 60)
    window = text[window_start:min(sentence[1], expression.end + 70)].lower()
    anchor = (expression.start - window_start, expression.end - window_start)
    after = text[expression.end:min(sentence[1], expression.end + 70)].lower()
    digits = expression.tokens[0].text
    if expression.kind == "date":
        return "date"
    if unit == "years_old" or YEARS_OLD_RE.match(after):
        return "age"
    if NAME_COMMA_BEFORE_RE.search(text, max(0, expression.start - 40), expression.start) and COMMA_AFTER_RE.match(after):
        return "age"  # "Maria Lopez, 52, a teacher"
    if unit in DISTANCE_NOUNS:
        return "distance"
    if (
        len(expression.tokens) == 1 and YEAR_DIGITS_RE.fullmatch(digits)
        and unit not in PEOPLE_NOUNS and unit not in GROUP_NOUNS
    ):
        return "year"
    if unit in TIME_NOUNS.values() or unit in TIME_NOUNS:
        return "duration"
    dead_match = _nearest(DEATH_RE, window, anchor)
    hurt_match = _nearest(INJURY_RE, window, anchor)
    dead, hurt = _distance(dead_match), _distance(hurt_match)
    displaced = _distance(_nearest(DISPLACED_RE, window, anchor))
    population = PEOPLE_NOUNS.get(unit)
    if population == "troops":
        return "death_toll" if dead is not None and dead < 25 else "troops"
    if population == "militants" and dead is not None:
        return "militants_killed"
    if population in ("attackers", "militants") or (unit == "men" and ATTACK_RE.search(window)):
        return "attackers"
    if unit in GROUP_NOUNS:
        return "group_count"
    if displaced is not None and (dead is None or displaced < dead) and (hurt is None or displaced < hurt):
        return "displaced"
    if dead is not None and hurt is not None and _counted_together(window, dead_match, hurt_match):
        return "other"
    countable_people = population in ("people", "children") or unit is None
    if hurt is not None and (dead is None or hurt < dead) and countable_people:
        return "injured"
    if dead is not None and countable_people:
        return "death_toll"
    if CURRENCY_BEFORE_RE.search(text, max(0, expression.start - 2), expression.start):
        return "other"  # money
    return "count"


def population_of(kind, unit):
    if kind in ("year", "date", "duration", "distance", "age"):
        return None
    if unit in GROUP_NOUNS:
        return "groups"
    population = PEOPLE_NOUNS.get(unit)
    if kind == "attackers":
        return "attackers"
    return population


def not_a_figure(text, expression):
    """Why a number counts nothing, or None when it is a figure."""
    words = [t.text.lower() for t in expression.tokens]
    before = text[max(0, expression.start - 12):expression.start]
    if expression.kind == "time":
        return "other"
    if NUMBER_BEFORE_RE.search(before):
        return "idiom"  # "enemy number one"
    if words == ["one"]:
        after = text[expression.end:expression.end + 4]
        return "pronoun" if OF_AFTER_RE.match(after) else "other"
    if len(words) == 1 and words[0] in ("two", "three") and THE_BEFORE_RE.search(before):
        return "other"  # "the two groups" refers back to things just named
    if ACRONYM_BEFORE_RE.search(before) and expression.tokens[0].text[0].isdigit():
        return "part_of_name"  # "IE 11", "F 16"
    return None


def find_claims(text, sentence_spans=None):
    """Return ``(claims, not_numbers)`` for ``text``."""
    sentence_spans = sentence_spans if sentence_spans is not None else sentences(text)
    claims, skipped = [], []
    for expression in expressions(text):
        reason = not_a_figure(text, expression)
        if reason:
            skipped.append(_item(text, expression.start, expression.end, reason=reason, rule=f"not_number_{reason}", confidence=CLAIM_CONFIDENCE["not_a_figure"]))
            continue
        sentence = sentence_at(sentence_spans, expression.start) if sentence_spans else (0, len(text))
        claims.append(claim_for(text, expression, sentence))
    return claims, skipped


def claim_for(text, expression, sentence):
    """The claim a number expression makes, read with the words around it."""
    if expression.kind == "date":
        return _date_claim(text, expression)
    value = value_of(expression)
    qualifier, start = qualifier_before(text, expression.start)
    unit, end = unit_after(text, expression.end)
    value, start, unit, end = _money_percent_years(text, expression, value, start, unit, end)
    words = [t.text.lower() for t in expression.tokens]
    if qualifier is None:
        if len(words) == 1 and words[0] in VAGUE_PLURALS:
            qualifier = "at_least"
        elif "dozen" in words or "half" in words:
            qualifier = "about"  # "half a dozen", "a dozen": a round figure
        else:
            qualifier = "exact"
    kind = kind_of(text, expression, value, unit, sentence)
    if kind == "year":
        unit, end = "year", expression.end
    if kind == "age":
        unit, end = "years", max(end, expression.end) if unit == "years_old" else expression.end
    rule = "number_words" if not expression.tokens[0].text[0].isdigit() else "digits"
    confidence = CLAIM_CONFIDENCE["bare" if kind in BARE_KINDS else "figure"]
    return _item(
        text, start, end, value=value, unit=unit, qualifier=qualifier, kind=kind,
        population=population_of(kind, unit), rule=rule, confidence=confidence,
    )


def _date_claim(text, expression):
    """A date with a year is read as its year, a day-and-month date as its
    day: a date is not one number, so the value is the most specific count
    the text gives. ``date`` is the ISO date where the words give one."""
    year = YEAR_IN_RE.search(text[expression.start:expression.end])
    day = DAY_IN_RE.search(text[expression.start:expression.end])
    value = int(year.group()) if year else (int(day.group()) if day else None)
    unit = "year" if year else ("day" if day else None)
    qualifier, start = qualifier_before(text, expression.start)
    item = _item(
        text, expression.start, expression.end, value=value, unit=unit, qualifier=qualifier or "exact",
        kind="date", population=None, rule="date", confidence=CLAIM_CONFIDENCE["date"],
    )
    iso = iso_date(text[expression.start:expression.end])
    if iso:
        item["date"] = iso
    return item


def _money_percent_years(text, expression, value, start, unit, end):
    """``(value, start, unit, end)`` read again for money ("$5m"), per cent
    and "half a century"."""
    currency = CURRENCY_RE.search(text[max(0, expression.start - 2):expression.start])
    if currency and unit not in ("dollars", "pounds", "euros"):
        unit = {"$": "dollars", "£": "pounds", "€": "euros"}[currency.group(1)]
        start = min(start, currency.start() + max(0, expression.start - 2))
        end = max(end, expression.end)
        # "$5m", "£2bn": a scale letter is money shorthand after a currency sign.
        scale = SCALE_LETTER_RE.match(text, expression.end)
        if scale and value is not None:
            value = value * {"bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "k": 1_000}[scale.group(1)]
            end = scale.end()
    if text[expression.end:expression.end + 1] == "%":
        unit, end = "percent", expression.end + 1
    elif PER_CENT_RE.match(text, expression.end):
        unit = "percent"
        end = max(end, PER_CENT_RE.match(text, expression.end).end())
    # "half a century", "half a decade": a length of time in years.
    span_of_years = SPAN_OF_YEARS_RE.match(text, expression.end)
    if value == 0.5 and span_of_years:
        value = {"century": 50, "decade": 5}[span_of_years.group(1)]
        unit, end = "years", span_of_years.end()
    return value, start, unit, end


def _item(text, start, end, **fields):
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return {"text": text[start:end], "start_char": start, "end_char": end, **fields}


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
    cue_starts = [cue.start for cue in cues]
    blockers = [(m.start(), m.end()) for m in CLAIM_BLOCKER_RE.finditer(text)]
    blocker_starts = [start for start, _ in blockers]
    for claim in claims:
        chosen = _claimant_cue(claim["start_char"], cues, cue_starts, blockers, blocker_starts)
        claim["claimant_id"] = chosen.speaker_id if chosen else None
        claim["claimant"] = chosen.speaker_text if chosen else None
        claim["attribution_text"] = _attribution_words(text, chosen) if chosen else None
    return claims


def _claimant_cue(offset, cues, cue_starts, blockers, blocker_starts):
    """The cue crediting a claim at ``offset``: the first "according to" of
    its sentence, else the nearest speech verb before it, when no relative
    clause or quotation mark stands between (then none before it counts
    either: whatever stands between the nearest and the figure stands
    between the farther ones too)."""
    holding = bisect.bisect_right(cue_starts, offset) - 1
    sentence = None
    for index in range(holding, -1, -1):
        if cues[index].sentence[0] <= offset < cues[index].sentence[1]:
            sentence = cues[index].sentence
            break
        if cues[index].sentence[1] <= offset:
            break
    if sentence is None:
        after = holding + 1
        if after < len(cues) and cues[after].sentence[0] <= offset < cues[after].sentence[1]:
            sentence = cues[after].sentence
        else:
            return None
    first = bisect.bisect_left(cue_starts, sentence[0])
    last = bisect.bisect_left(cue_starts, sentence[1])
    in_sentence = [c for c in cues[first:last] if c.sentence == sentence and c.subject is not None]
    for cue in in_sentence:
        if cue.kind == "according":
            return cue
    verbs = [c for c in in_sentence if c.kind in ("verb", "passive") and c.end <= offset]
    if not verbs:
        return None
    nearest = verbs[-1]
    blocker = bisect.bisect_left(blocker_starts, nearest.end)
    if blocker < len(blockers) and blockers[blocker][1] <= offset:
        return None
    return nearest


def _attribution_words(text, cue):
    """The verbatim words that attribute: "according to X", "X claim"."""
    if cue.kind == "according" or cue.inverted:
        return text[cue.start:max(cue.end, cue.subject.end)]
    return text[min(cue.start, cue.subject.start):cue.end]
