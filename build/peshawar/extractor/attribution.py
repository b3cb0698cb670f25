"""Attribution: which speech cue, or which earlier sentence, gives each
quotation its speaker, and which quotations are parts of one.

The rule each function applies is the rule name a quote carries; see
``quotes.QUOTE_RULES`` for the list and their confidences.
"""

import bisect
import re
from dataclasses import dataclass, field

from . import sentences
from .naming import person_like
from .cues import Cue
from .phrases import first_subject_name

# How long the stretch between a closing mark and its cue may be.
AFTER_CUE_REACH_WORDS = 22
LEAD_PUNCTUATION_RE = re.compile(r"^[\s,;:—–-]*")
TITLE_PERIOD_RE = re.compile(r"\b[A-Z][a-z]{0,4}\.(?=\s)")
CLAUSE_BREAK_RE = re.compile(r"[;:.!?]|\b(?:and|but|or|while|which|who|that|when|because)\b")
NOT_WORD_RE = re.compile(r"[\W_]+")


def _first_cue_after(cues, offset):
    """Index of the first cue starting after ``offset`` (cues are in text order)."""
    return bisect.bisect_right(cues, offset, key=lambda c: c.start)


def _cues_ending_by(cues, offset):
    """How many cues end at or before ``offset``: cues do not overlap, so
    their ends are in text order too."""
    return bisect.bisect_right(cues, offset, key=lambda c: c.end)


@dataclass
class Attribution:
    """How a quote got its speaker: the rule, the cue, who speaks (the name
    at its fullest), the registered actor, and the attribution's own words
    as written nearest the quote with how they are written (name,
    description, pronoun, or none when no words attribute it)."""

    rule: str
    cue: Cue | None = None
    speaker: str | None = None
    speaker_id: str | None = None
    channel: str | None = None
    extra: dict = field(default_factory=dict)
    as_written: str | None = None
    form: str = "none"
    how: str | None = None  # how the speaker id was found (naming.py), if any


def after_cue(text, span, cues, marked):
    """A cue right after the closing mark, in the same sentence: the
    speaker's phrase (or, for "said X", the cue) follows the mark ("…," X
    said / "…," said X / "…" — X told Y)."""
    if span.close is None:
        return None
    following = bisect.bisect_right(marked, span.close, key=lambda s: s.open)
    next_open = min((s.open for s in marked[following:following + 2] if s.open > span.close), default=len(text))
    first = _first_cue_after(cues, span.close)
    if first == len(cues):
        return None
    cue = cues[first]
    if cue.start > next_open or not (cue.sentence[0] <= span.close < cue.sentence[1] + 1):
        return None
    if cue.subject is None or cue.kind not in ("verb", "passive"):
        return None
    if sentences.word_count(text[span.close + 1:cue.start]) > AFTER_CUE_REACH_WORDS:
        return None
    # Only the start of the speaker's phrase may stand between (a title,
    # "the", "the mayor,"): a clause there ("… classrooms will stay, and
    # …, the Herald reported") means the cue is not this quote's.
    lead_end = cue.start if cue.inverted else cue.subject.start
    lead = LEAD_PUNCTUATION_RE.sub("", text[span.close + 1:max(lead_end, span.close + 1)])
    lead = TITLE_PERIOD_RE.sub("", lead)  # a title's period ("Gov.", "Dr.") ends nothing
    if lead_end < span.close or sentences.word_count(lead) > 5 or CLAUSE_BREAK_RE.search(lead):
        return None
    return cue


def before_cue(text, span, cues, marked):
    """The last cue before the opening mark in the same sentence."""
    for index in range(_cues_ending_by(cues, span.open) - 1, -1, -1):
        cue = cues[index]
        if cue.sentence[1] + 1 <= span.open:
            return None  # this cue's sentence, and every earlier one, ends before the mark
        if cue.sentence[0] <= span.open and cue.subject is not None:
            return cue
    return None


def _rule_for(cue, after):
    if cue.kind == "according":
        return "according_to"
    if cue.subject is not None and cue.subject.kind == "statement":
        return "statement"
    if cue.kind == "participle":
        return "participle_subject"
    if not after:
        return "cue_before_in_sentence"
    if cue.inverted:
        return "said_x_after"
    if cue.word.startswith("told"):
        return "x_told_after"
    return "x_said_after"


def from_cue(cue, after, rule=None, as_written=True):
    """The attribution a cue gives; ``as_written`` False when the cue's words
    are not the quote's own (a cue in another paragraph)."""
    speaker = cue.speaker
    return Attribution(
        rule or _rule_for(cue, after), cue, cue.speaker_text, cue.speaker_id, cue.channel,
        as_written=cue.subject.text if as_written else None, form=speaker.form if as_written else "none",
        how=speaker.how if cue.speaker_id else None,
    )


def colon_cue(text, span, cues):
    """"X said:" right before the opening mark (maybe across a line break)."""
    colon = span.open - 1
    while colon >= 0 and text[colon].isspace():
        colon -= 1
    if colon < 0 or text[colon] != ":":
        return None
    for index in range(_cues_ending_by(cues, colon) - 1, -1, -1):
        cue = cues[index]
        if cue.sentence[1] < colon:
            return None
        if cue.sentence[0] <= colon and cue.subject is not None:
            return cue
    return None


def previous_sentence_cue(span, cues, sentence_spans, paragraph_spans, same_paragraph_only):
    sentence_spans = sentences.as_spans(sentence_spans)
    position = sentence_spans.index_at(span.open)
    if position <= 0:
        return None
    previous = sentence_spans[position - 1]
    if same_paragraph_only and paragraph_of(paragraph_spans, previous[0]) != paragraph_of(paragraph_spans, span.open):
        return None
    while position > 1 and _furniture(sentence_spans, position - 1):
        position -= 1  # "Article continued below" between a quote and its speaker
        previous = sentence_spans[position - 1]
    for index in range(bisect.bisect_left(cues, previous[1], key=lambda c: c.start) - 1, -1, -1):
        cue = cues[index]
        if cue.start < previous[0]:
            return None
        if cue.subject is not None:
            return cue
    return None


def _furniture(sentence_spans, position):
    """Is sentence ``position`` a line of page furniture ("Article continued below")?"""
    return sentence_spans.text is not None and sentences.is_furniture(sentence_spans.text, *sentence_spans[position])


def previous_sentence_name(text, span, sentence_spans, resolver):
    """No cue at all: the person named as the subject of the sentence before
    ("Maria Lopez spoke to the crowd. / "We will not forget …"")."""
    sentence_spans = sentences.as_spans(sentence_spans)
    position = sentence_spans.index_at(span.open)
    sentence = sentence_spans[position] if position >= 0 else (0, 0)
    if position <= 0 or sentence[0] < span.open - 1:
        return Attribution("unattributed")  # the quote does not open its sentence
    while position > 1 and _furniture(sentence_spans, position - 1):
        position -= 1
    start, end = sentence_spans[position - 1]
    subject = first_subject_name(text, start, end)
    if subject is None:
        return Attribution("unattributed")
    speaker = resolver.resolve(subject, subject.start)
    if speaker.actor_id is None and person_like(resolver.index, subject):
        return Attribution("previous_sentence_name", None, speaker.name, None)
    if speaker.actor_id is None or resolver.registry.kinds.get(speaker.actor_id) not in ("person", "anonymous_source"):
        return Attribution("unattributed")
    return Attribution("previous_sentence_name", None, speaker.name, speaker.actor_id, how=speaker.how)


def paragraph_of(paragraph_spans, offset):
    paragraph_spans = sentences.as_spans(paragraph_spans)
    index = paragraph_spans.index_at(offset)
    if index >= 0 and offset <= paragraph_spans[index][1]:
        return index
    return None


def link_parts(text, kept, attributions, cues, paragraph_spans):
    """Give the parts of one quotation the same speaker.

    Two kinds: a quotation running over a paragraph break (``previous``
    links the parts), and a quotation interrupted by its attribution (the
    next quote in the same paragraph, with only that attribution between).
    """
    index_of = {id(span): i for i, span in enumerate(kept)}
    for _ in range(2):  # forward, then once more for a speaker named at the end
        for index, span in enumerate(kept):
            earlier = index_of.get(id(span.previous)) if span.previous is not None else None
            if earlier is not None:
                _join(attributions, earlier, index, "paragraph_continuation")
        for index in range(1, len(kept)):
            first, second = kept[index - 1], kept[index]
            if first.close is None:
                continue
            if paragraph_of(paragraph_spans, first.open) != paragraph_of(paragraph_spans, second.open):
                continue
            between = [
                c for c in cues[_first_cue_after(cues, first.close):_first_cue_after(cues, second.open - 1)]
                if c.subject is not None
            ]
            a, b = attributions[index - 1], attributions[index]
            if a is not None and b is not None and a.cue is not None and a.cue is b.cue and b.rule == "cue_before_in_sentence":
                share(attributions, index - 1, index, "interrupted")
            elif a is not None and b is None and a.cue is not None and all(
                c is a.cue or (c.speaker_text, c.speaker_id) == (a.speaker, a.speaker_id) for c in between
            ):
                share(attributions, index - 1, index, "interrupted")
            elif a is None and b is not None and not between:
                share(attributions, index, index - 1, "interrupted")


def _join(attributions, first, second, rule):
    if attributions[first] is not None and attributions[second] is None:
        share(attributions, first, second, rule)
    elif attributions[second] is not None and attributions[first] is None:
        share(attributions, second, first, rule)


def share(attributions, source, target, rule):
    """``target`` takes ``source``'s speaker by ``rule``. The parts of an
    interrupted quotation share its attribution's words; a paragraph that
    continues a quotation has none of its own."""
    origin = attributions[source]
    own_words = rule == "interrupted"
    attributions[target] = Attribution(
        rule, origin.cue, origin.speaker, origin.speaker_id, origin.channel, {"linked": source},
        as_written=origin.as_written if own_words else None, form=origin.form if own_words else "none", how=origin.how,
    )


# How many quotes before and after a quote its twin is looked for among: a
# pull quote repeats words from nearby, and the bound keeps an article of
# thousands of quotes from comparing every pair.
TWIN_REACH = 100


def pull_quote_twins(text, kept, attributions, paragraph_spans):
    """The same words quoted twice: the unattributed copy takes the other's speaker."""
    normalized = [_normalized(text[span.start:span.end]) for span in kept]
    for index, span in enumerate(kept):
        if attributions[index] is not None:
            continue
        words = normalized[index]
        if len(words.split()) < 5:
            continue
        for other_index in range(max(0, index - TWIN_REACH), min(len(kept), index + TWIN_REACH + 1)):
            if other_index == index or attributions[other_index] is None or attributions[other_index].rule == "pull_quote_twin":
                continue
            other_words = normalized[other_index]
            if words == other_words or (len(words) > 30 and (words in other_words or other_words in words)):
                origin = attributions[other_index]
                attributions[index] = Attribution(
                    "pull_quote_twin", origin.cue, origin.speaker, origin.speaker_id, None, {"twin": other_index}, how=origin.how,
                )
                break


def _normalized(text):
    return NOT_WORD_RE.sub(" ", text).strip().lower()


def part_numbers(kept, attributions):
    """Number the parts of interrupted or paragraph-spanning quotations 1, 2 …"""
    group = list(range(len(kept)))

    def root(i):
        while group[i] != i:
            i = group[i]
        return i

    for index, attribution in enumerate(attributions):
        if attribution is not None and "linked" in attribution.extra:
            group[root(index)] = root(attribution.extra["linked"])
    members = {}
    for index in range(len(kept)):
        members.setdefault(root(index), []).append(index)
    parts = {}
    for indexes in members.values():
        if len(indexes) > 1:
            for number, index in enumerate(sorted(indexes, key=lambda i: kept[i].open), start=1):
                parts[index] = number
    return parts
