"""Quotations: tell quotes from scare quotes and names, and find who speaks.

``find_quotes(text, registry, mentions)`` returns ``(quotes, not_quotes)``.
Each quote is a dict with the keys the extractor prints (text, start_char,
end_char, speaker, speaker_id, cue, rule, confidence) plus form, part,
channel, channel_id and pull_quote. ``not_quotes`` are the marked spans
judged not to be anybody's words, with a reason (nickname, name, title,
scare_quote).

Attribution is by the rules of ``QUOTE_RULES``, tried in that order (see
``attribution.py``); speaker phrases are resolved by ``coreference.py``.
"""

import bisect
import re
from dataclasses import dataclass

from . import lexicon, sentences
from .attribution import (
    after_cue, before_cue, colon_cue, from_cue, link_parts, paragraph_of, part_numbers,
    previous_sentence_cue, previous_sentence_name, pull_quote_twins, share,
)
from .cues import SPEECH_VERBS
from .clauses import leading_subject
from .fallbacks import colon_attribution, colon_name, continued_speaker, dash_attribution, in_teaser, sentence_subject
from .naming import ALIAS, ALIAS_IN_PHRASE, ALIAS_TAIL, FULL_NAME_BEFORE, ONLY_SURNAME, person_like
from .lexicon import SMALL_TITLE_WORDS
from .reading import read_article

# A quoted span of at most this many words needs a cue nearby to count as
# somebody's words; longer spans are quotes unless they read as a title.
SHORT_QUOTE_WORDS = 4

# How far (in words) a cue may sit before capitalised quoted words for them to
# be what was said ("chanting "Dump Trump"") rather than a title.
CUE_JUST_BEFORE_WORDS = 2


@dataclass(frozen=True)
class QuoteRule:
    rule: str  # the rule name a quote carries
    how: str
    # Calibration: of ``found`` quotes this rule attributed in the development
    # corpora (own-dev and PolNeAR train pooled, scored by
    # ``python -m peshawar.corpus speaker-calibration``), ``right`` were real quotes
    # with the right speaker.
    found: int
    right: int

    @property
    def confidence(self):
        """The measured chance that a quote of this rule and its speaker are
        both right: right/found, by the rule of succession ((right + 1) /
        (found + 2)) so that a rule seen once is not certain."""
        return round((self.right + 1) / (self.found + 2), 2)


Q = QuoteRule
# Counts measured on 854 articles (14 own-dev, 840 PolNeAR train), 8,704
# gold quotes, with the extractor of the commit that wrote them; rerun
# `make speaker-calibration` after changing a rule and paste its counts here.
QUOTE_RULES = (
    Q("x_said_after", 'a cue right after the closing mark: "…," X said', 2360, 2049),
    Q("said_x_after", 'an inverted cue right after the closing mark: "…," said X', 771, 729),
    Q("x_told_after", '"…," X told Y', 211, 183),
    Q("cue_before_in_sentence", 'a cue earlier in the same sentence: X said … "…"', 1659, 1376),
    Q("according_to", 'according to X, … "…"', 29, 25),
    Q("participle_subject", 'a participle hanging on the clause\'s subject: X …, calling it "…"', 333, 201),
    Q("statement", '"…," X\'s statement said', 1, 1),
    Q("colon_lead_in", '"X said:" before the opening mark', 14, 13),
    Q("interrupted", 'the other part of a quotation its attribution interrupts: "…," X said. "…"', 1969, 1677),
    Q("paragraph_continuation", "a quotation reopened in the next paragraph", 22, 13),
    Q("pull_quote_twin", "the same words quoted elsewhere in the article with a speaker", 35, 10),
    Q("dash_attribution", 'a name after a dash right after the closing mark: "…" — X', 12, 5),
    Q("name_colon", "a line that opens with a name and a colon: X: '…'", 57, 43),
    Q("sentence_subject", 'no cue: the name or pronoun the quotation\'s sentence opens with', 328, 111),
    Q("continued_speaker", "a quotation paragraph going on from the speaker of the quotation before", 119, 80),
    Q("previous_sentence", "a cue in the sentence before", 203, 90),
    Q("previous_sentence_name", "a person named as the subject of the sentence before", 38, 12),
    Q("unattributed", "no speaker found", 325, 6),
)
RULE_CONFIDENCE = {rule.rule: rule.confidence for rule in QUOTE_RULES}
# How sure a speaker_id link is, by how it was found (naming.py's rules, then
# what coreference carries: a pronoun, a description, an epithet pointing
# back to a linked name). Ordered by the strength of the evidence, not
# measured: the development corpora have no registered actors to link to.
# A surname alone is weaker than a full name or registered alias.
IDENTITY_CONFIDENCE = {
    ALIAS: 0.95,
    ALIAS_IN_PHRASE: 0.9,
    ALIAS_TAIL: 0.85,
    FULL_NAME_BEFORE: 0.8,
    ONLY_SURNAME: 0.6,
    "description": 0.7,
    "pronoun": 0.65,
    "epithet": 0.55,
}
# Marked words judged not to be a quote: nickname, name, title, scare quote.
NOT_QUOTE_CONFIDENCE = 0.7

# Naming cues: the marked words are a name, not anybody's words. Each ends
# with a letter, and the window before a mark is searched for them only
# when it ends with one of those letters (in a case-blind pattern, as the
# cues are matched), which most windows do not.
NAMING_CUES = (
    r"known\s+as", "dubbed", "nicknamed", "named", "so-called", r"so\s+called", "termed", "titled",
    "entitled", "called", "labell?ed", "branded", r"referred\s+to\s+as",
    r"the\s+term", r"the\s+word", r"the\s+phrase", r"the\s+slogan", r"the\s+name",
)
NAMING_CUE_RE = re.compile(r"(?:" + "|".join(NAMING_CUES) + r")\s*$", re.IGNORECASE)
NAMING_CUE_LAST_LETTER_RE = re.compile("[" + "".join(sorted({cue[-1] for cue in NAMING_CUES})) + "]", re.IGNORECASE)

# "calling it "...", "called the response "..."": a verb, its object, then
# the marked words characterise the object in somebody's words. Straight
# after the verb ("a group called "...") the marks give a name instead.
# "what she called 'a culture of excuses'": the quoted words are the
# subject's own, a partial quote, not a name the text gives something.
WHAT_X_CALLED_RE = re.compile(
    r"\bwhat\s+(?:he|she|they|it|we|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+(?:has\s+|had\s+|have\s+)?"
    r"(?:called|calls|described\s+as|describes\s+as|termed|terms|dubbed|labell?ed)\s+"
    r"(?:(?:the|a|an|its|his|her|their|our)\s+)?(?:[\w-]+['’]s?\s+)?$"
)

CALLING_IT_RE = re.compile(
    r"\b(?:call(?:ing|ed|s)?|describ(?:ing|ed|es)|brand(?:ing|ed|s)?|label(?:l?ing|l?ed|s)?)\s+"
    r"(?:it|them|him|her|this|that|(?:the|a|an|his|her|their|its)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:as\s+)?$",
    re.IGNORECASE,
)


NOUN_AFTER_RE = re.compile(r"[ \u00a0]+([a-z][a-z-]*)\b")
NOUN_AFTER_ANY_RE = re.compile(r"[ \u00a0]+([A-Za-z][a-z-]*)\b")
PREPOSITION_BEFORE_RE = re.compile(r"\b(?:of|for|with|in|on|against|about|by|from)[ \u00a0]+$")
NICKNAME_RE = re.compile(r"known\s+as|nicknamed", re.IGNORECASE)
MODIFIER_BEFORE_RE = re.compile(r"(?:\b(?:the|a|an|its|his|her|their|our|this|that|these|those)|['’]s)[ \u00a0]+$", re.IGNORECASE)
SENTENCE_END_RE = re.compile(r"[.!?][,]?$")
PUNCTUATION_END_RE = re.compile(r"[.,!?;:]$")


def _is_title_case(words):
    significant = [w for w in words if w.lower().strip(",.;:") not in SMALL_TITLE_WORDS]
    return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)


def _noun_follows(text, span, capitalised=False):
    """Is the closing mark followed by a plain lowercase word (or, with
    ``capitalised``, any word), as a noun the marked words modify
    ("flood-ready" plan), not "of", "that", "is"?"""
    if span.close is None:
        return False
    match = (NOUN_AFTER_ANY_RE if capitalised else NOUN_AFTER_RE).match(text, span.close + 1, span.close + 40)
    if not match:
        return False
    word = match.group(1).lower()
    return not (
        word in lexicon.PREPOSITIONS or word in lexicon.CONJUNCTIONS or word in lexicon.SUBJECT_TRAILERS
        or word in ("who", "whom", "and", "or", "but", "not", "be", "being", "am", "did", "does", "do", "can")
        or word in SPEECH_VERBS or word.endswith("ed")
    )


def classify_span(text, span, after, before, previous_sentence_cue, sentence_has_cue, person_subject=False, named_line=False):
    """Return ``(is_quote, reason)``. ``reason`` is a not_quotes reason when
    the span is not a quote (nickname, name, title, scare_quote)."""
    inner = text[span.start:span.end]
    words = inner.split()
    s_text_before = text[max(0, span.open - 60):span.open]
    if WHAT_X_CALLED_RE.search(s_text_before):
        return True, None
    if _naming_cue_ends(s_text_before) and not CALLING_IT_RE.search(s_text_before):
        reason = "nickname" if NICKNAME_RE.search(s_text_before) else "name"
        return False, reason
    if CALLING_IT_RE.search(s_text_before):
        return True, None
    one_word = len(words) == 1 and inner[:1].islower()
    if (
        len(words) <= SHORT_QUOTE_WORDS and not PUNCTUATION_END_RE.search(inner)
        and _noun_follows(text, span, capitalised=one_word)
        and (MODIFIER_BEFORE_RE.search(s_text_before) or (one_word and PREPOSITION_BEFORE_RE.search(s_text_before)))
    ):
        # "the government's "flood-ready" plan", "support of "friendly"
        # groups": words that modify a noun, in the writer's voice.
        return False, "scare_quote"
    utterance = inner[:1].isascii() and inner[:1].isupper() and SENTENCE_END_RE.search(inner)
    if named_line:
        return True, None  # "Ted Cruz: 'A Fireable Offense'": what the named one said, title case or not
    if _is_title_case(words) and after is None and len(words) <= 12 and not utterance and not _cue_just_before(text, span, before):
        return False, "name" if len(words) <= SHORT_QUOTE_WORDS else "title"
    if len(words) > SHORT_QUOTE_WORDS or utterance:
        return True, None  # a whole sentence, however short: "It's a disaster!"
    if after is not None or sentence_has_cue:
        return True, None  # a fragment of someone's words: Cruz insisted they were "nuts."
    if previous_sentence_cue is not None:
        return True, None
    if person_subject and PUNCTUATION_END_RE.search(inner):
        return True, None  # He noticed the water smelled "like a car battery," and …
    return False, "scare_quote"


def _naming_cue_ends(window):
    """``NAMING_CUE_RE.search(window)``: does a naming cue end the window
    ("a group known as")? Searched for only when the window's last letter
    may end one."""
    return bool(NAMING_CUE_LAST_LETTER_RE.fullmatch(window.rstrip()[-1:])) and NAMING_CUE_RE.search(window) is not None


def _cue_just_before(text, span, before):
    """Does a speech cue stand right before the opening mark ("chanting
    "Dump Trump"", "tweeted: "Disgraceful""), so that capitalised words are
    what was said rather than a title?"""
    return before is not None and sentences.word_count(text[before.end:span.open]) <= CUE_JUST_BEFORE_WORDS


def find_quotes(text, registry, mentions, reading=None):
    """Return ``(quotes, not_quotes)`` for ``text``; see the module docstring."""
    reading = reading or read_article(text, registry, mentions)
    marked, sentence_spans, paragraph_spans, cues = reading.marked, reading.sentence_spans, reading.paragraph_spans, reading.cues

    attributions = []
    kept = []
    not_quotes = []
    for span in marked:
        after = after_cue(text, span, cues, marked)
        before = before_cue(text, span, cues, marked)
        sentence = sentences.sentence_at(sentence_spans, span.open)
        first = bisect.bisect_left(cues, sentence[0], key=lambda c: c.start)
        sentence_has_cue = first < len(cues) and cues[first].start < sentence[1]
        previous = previous_sentence_cue(span, cues, sentence_spans, paragraph_spans, True)
        if in_teaser(text, span, paragraph_spans):
            not_quotes.append(_not_quote_item(text, span, "title"))  # another article's headline
            continue
        is_quote, reason = classify_span(
            text, span, after, before, previous, sentence_has_cue, _person_subject(text, sentence, span, reading.resolver),
            colon_name(text, span, paragraph_spans) is not None,
        )
        if not is_quote:
            not_quotes.append(_not_quote_item(text, span, reason))
            continue
        kept.append(span)
        if after is not None:
            attributions.append(from_cue(after, True))
        elif before is not None:
            attributions.append(from_cue(before, False))
        elif (colon := colon_cue(text, span, cues)) is not None:
            attributions.append(from_cue(colon, False, "colon_lead_in"))
        else:
            attributions.append(
                dash_attribution(text, span, reading.resolver) or colon_attribution(text, span, paragraph_spans, reading.resolver)
            )

    link_parts(text, kept, attributions, cues, paragraph_spans)
    pull_quote_twins(text, kept, attributions, paragraph_spans)
    for index, span in enumerate(kept):
        if attributions[index] is None:
            attributions[index] = _fallback(text, kept, attributions, index, reading)
    # A quotation over a paragraph break whose first part found its speaker
    # only from the sentence before: the later parts are the same person's.
    index_of = {id(span): i for i, span in enumerate(kept)}
    for index, span in enumerate(kept):
        earlier = index_of.get(id(span.previous)) if span.previous is not None else None
        if earlier is not None and attributions[index].rule == "unattributed" and attributions[earlier].speaker:
            share(attributions, earlier, index, "paragraph_continuation")

    parts = part_numbers(kept, attributions)
    quotes = [
        _quote_item(text, span, attributions[i], parts.get(i), paragraph_spans, registry)
        for i, span in enumerate(kept)
    ]
    return quotes, not_quotes


def _person_subject(text, sentence, span, resolver):
    """Does the sentence holding a short quotation open with a person
    ("He", "Ana Ruiz"), whose words a fragment closed by punctuation is?"""
    if sentence[0] >= span.open - 1:
        return False
    subject = leading_subject(text, sentence[0], span.open)
    return subject is not None and subject.text.lower() not in ("it", "i") and (
        subject.kind == "pronoun" or person_like(resolver.index, subject)
    )


def _fallback(text, kept, attributions, index, reading):
    """The attribution of a quotation no cue around it governs: its
    sentence's subject, a cue in the sentence before, the speaker of the
    quotation before it, or the subject of the sentence before."""
    span, cues = kept[index], reading.cues
    subject = sentence_subject(text, span, reading.sentence_spans, reading.resolver)
    if subject is not None:
        return subject
    cue = previous_sentence_cue(span, cues, reading.sentence_spans, reading.paragraph_spans, False)
    paragraph = paragraph_of(reading.paragraph_spans, span.open)
    if cue is not None:
        # The cue's words are this quote's own attribution only in its
        # paragraph; a quote paragraph after one has none.
        same_paragraph = paragraph_of(reading.paragraph_spans, cue.start) == paragraph
        if same_paragraph or not (continued := continued_speaker(kept, attributions, index, reading.paragraph_spans, text)):
            return from_cue(cue, False, "previous_sentence", as_written=same_paragraph)
        return continued
    continued = continued_speaker(kept, attributions, index, reading.paragraph_spans, text)
    return continued or previous_sentence_name(text, span, reading.sentence_spans, reading.resolver)


def _quote_item(text, span, attribution, part, paragraph_spans, registry):
    rule = attribution.rule
    identity = attribution.how if attribution.speaker_id else None
    cue_word = attribution.cue.word if attribution.cue is not None else None
    if cue_word and attribution.channel and attribution.channel.startswith("in "):
        cue_word = f"{cue_word} {attribution.channel}"
    last = span.open - 1
    while last >= 0 and text[last] in " \u00a0":
        last -= 1
    partial = last >= 0 and (text[last].isalnum() or text[last] in ",") and text[last] != ":"
    paragraph = paragraph_of(paragraph_spans, span.open)
    whole_paragraph = paragraph is not None and paragraph_spans[paragraph] == (span.open, (span.close or span.end) + 1)
    return {
        "text": text[span.start:span.end],
        "start_char": span.start,
        "end_char": span.end,
        "speaker": attribution.speaker,
        "speaker_as_written": attribution.as_written,
        "speaker_form": attribution.form if attribution.as_written else "none",
        "speaker_id": attribution.speaker_id,
        "identity": identity,
        "identity_confidence": IDENTITY_CONFIDENCE[identity] if identity else None,
        "cue": cue_word,
        "channel": attribution.channel,
        "channel_id": registry.resolve(attribution.channel) if attribution.channel else None,
        "form": "partial" if partial or text[span.start].islower() else "full",
        "part": part,
        "pull_quote": rule == "pull_quote_twin" and whole_paragraph,
        "rule": rule,
        "confidence": RULE_CONFIDENCE[rule],
    }


def _not_quote_item(text, span, reason):
    return {
        "text": text[span.start:span.end],
        "start_char": span.start,
        "end_char": span.end,
        "reason": reason,
        "rule": f"not_quote_{reason}",
        "confidence": NOT_QUOTE_CONFIDENCE,
    }
