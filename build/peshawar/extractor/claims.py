"""Numeric claims: each figure with its value, unit, qualifier, the kind of
figure the words around it suggest, and who the sentence says asserts it.

``find_claims(text, sentence_spans)`` returns ``(claims, not_numbers)``. A
claim is a dict with text, start_char, end_char, value, unit, qualifier,
kind, population, rule and confidence; ``not_numbers`` are numbers that
count nothing (the pronoun "one", "the two" referring back, a time of day,
an idiom). ``attribute_claims`` then credits each claim to its claimant.
"""

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


def _nearest(pattern, text, anchor):
    """``(distance, match)`` of the match nearest the ``(start, end)`` anchor, or None."""
    start, end = anchor
    found = [
        (start - m.end() if m.end() <= start else max(0, m.start() - end), m)
        for m in re.finditer(r"\b(?:" + pattern + r")\b", text)
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
    if unit == "years_old" or re.match(r"\s*years?\s+old", after):
        return "age"
    if re.search(r"[A-Z][\w’'-]+,\s*$", text[max(0, expression.start - 40):expression.start]) and re.match(r"\s*,", after):
        return "age"  # "Maria Lopez, 52, a teacher"
    if unit in DISTANCE_NOUNS:
        return "distance"
    if (
        len(expression.tokens) == 1 and re.fullmatch(r"(?:19|20)\d\d", digits)
        and unit not in PEOPLE_NOUNS and unit not in GROUP_NOUNS
    ):
        return "year"
    if unit in TIME_NOUNS.values() or unit in TIME_NOUNS:
        return "duration"
    dead_match = _nearest(DEATH_WORDS, window, anchor)
    hurt_match = _nearest(INJURY_WORDS, window, anchor)
    dead, hurt = _distance(dead_match), _distance(hurt_match)
    displaced = _distance(_nearest(DISPLACED_WORDS, window, anchor))
    population = PEOPLE_NOUNS.get(unit)
    if population == "troops":
        return "death_toll" if dead is not None and dead < 25 else "troops"
    if population == "militants" and dead is not None:
        return "militants_killed"
    if population in ("attackers", "militants") or (unit == "men" and re.search(r"\b(?:" + ATTACK_WORDS + r")\b", window)):
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
    if re.search(r"[$£€]\s*$", text[max(0, expression.start - 2):expression.start]):
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
    if re.search(r"\bnumber\s+$", before, re.IGNORECASE):
        return "idiom"  # "enemy number one"
    if words == ["one"]:
        after = text[expression.end:expression.end + 4]
        return "pronoun" if re.match(r"\s+of\b", after) else "other"
    if len(words) == 1 and words[0] in ("two", "three") and re.search(r"\bthe\s+$", before, re.IGNORECASE):
        return "other"  # "the two groups" refers back to things just named
    if re.search(r"(?<![\w])[A-Z]{2,5}\s+$", before) and expression.tokens[0].text[0].isdigit():
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
    year = re.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", text[expression.start:expression.end])
    day = re.search(r"(?<![\d/])\d{1,2}(?![\d/])", text[expression.start:expression.end])
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
    currency = re.search(r"([$£€])\s*$", text[max(0, expression.start - 2):expression.start])
    if currency and unit not in ("dollars", "pounds", "euros"):
        unit = {"$": "dollars", "£": "pounds", "€": "euros"}[currency.group(1)]
        start = min(start, currency.start() + max(0, expression.start - 2))
        end = max(end, expression.end)
        # "$5m", "£2bn": a scale letter is money shorthand after a currency sign.
        scale = re.match(r"(bn|mn|m|k)(?!\w)", text[expression.end:])
        if scale and value is not None:
            value = value * {"bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "k": 1_000}[scale.group(1)]
            end = expression.end + scale.end()
    if text[expression.end:expression.end + 1] == "%":
        unit, end = "percent", expression.end + 1
    elif re.match(r"[ \u00a0]+(?:per[ \u00a0]?cent|percent)\b", text[expression.end:]):
        unit = "percent"
        end = max(end, expression.end + re.match(r"[ \u00a0]+(?:per[ \u00a0]?cent|percent)\b", text[expression.end:]).end())
    # "half a century", "half a decade": a length of time in years.
    span_of_years = re.match(r"[ \u00a0]+an?[ \u00a0]+(century|decade)\b", text[expression.end:])
    if value == 0.5 and span_of_years:
        value = {"century": 50, "decade": 5}[span_of_years.group(1)]
        unit, end = "years", expression.end + span_of_years.end()
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
