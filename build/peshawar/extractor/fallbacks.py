"""Attributions for a quotation no speech cue governs: a dash and a name
after it, the subject of the sentence it stands in, the quotation before
it across page furniture.

``"Has anyone else seen this?" — Keith Lomax``; ``He had noticed the water
smelled "like a car battery"``; a quote paragraph after "Article continued
below" that goes on with the speaker before it. The rule each function
applies is the rule name a quote carries (``quotes.QUOTE_RULES``).
"""

import re

from . import phrases, sentences
from .sentences import is_furniture
from .attribution import Attribution
from .clauses import leading_subject
from .phrases import first_subject_name

# A dash after the closing mark, then the writer's name: "…" — Keith Lomax.
DASH_RE = re.compile(r"[ \u00a0]*[—―–-]{1,2}[ \u00a0]*")
DASH_PHRASE_END_RE = re.compile(r"[,;(\n]|\.(?=\s)|$")
def dash_attribution(text, span, resolver):
    """"…" — Keith Lomax, in the neighbours' group: the name after a dash
    right after the closing mark, in the same line."""
    if span.close is None:
        return None
    dash = DASH_RE.match(text, span.close + 1)
    if dash is None or dash.end() == span.close + 1 or "—" not in dash.group() and "―" not in dash.group() and "–" not in dash.group() and "--" not in dash.group():
        return None
    line_end = text.find("\n", dash.end())
    line_end = len(text) if line_end == -1 else line_end
    stop = DASH_PHRASE_END_RE.search(text, dash.end(), line_end)
    phrase = phrases.classify_phrase(text, dash.end(), stop.start() if stop else line_end)
    if phrase is None or phrase.kind not in ("name", "description"):
        return None
    speaker = resolver.resolve(phrase, phrase.start)
    return Attribution("dash_attribution", None, speaker.name, speaker.actor_id, as_written=phrase.text, form=speaker.form, how=speaker.how)


def sentence_subject(text, span, sentence_spans, resolver):
    """A quotation inside a sentence with no cue: the name or pronoun the
    sentence opens with speaks ("He had noticed the water smelled "like a
    car battery"", "On Monday, Trump speculated that … "…"")."""
    sentence = sentences.sentence_at(sentence_spans, span.open)
    if sentence[0] >= span.open - 1:
        return None  # the quotation opens its sentence
    start = sentence[0]
    intro = INTRO_RE.match(text, start, span.open)
    if intro:
        start = intro.end()
    subject = leading_subject(text, start, span.open)
    if subject is None:
        return None
    speaker = resolver.resolve(subject, subject.start)
    if speaker.name is None or speaker.body and subject.kind == "pronoun":
        return None
    return Attribution("sentence_subject", None, speaker.name, speaker.actor_id, as_written=subject.text, form=speaker.form, how=speaker.how)


# An opening phrase set off by a comma before the subject ("On Monday, ",
# "In a video posted Thursday, ").
INTRO_RE = re.compile(r"(?:[\w’'.-]+[ \u00a0]+){0,6}[\w’'.-]+,[ \u00a0]+")


def continued_speaker(kept, attributions, index, paragraph_spans, text):
    """A quotation opening its paragraph, with no cue: the speaker of the
    last quotation of the paragraph before (furniture between skipped)
    goes on. Returns an Attribution or None."""
    span = kept[index]
    paragraph_spans = sentences.as_spans(paragraph_spans)
    here = paragraph_spans.index_at(span.open)
    if here < 0 or paragraph_spans[here][0] != span.open:
        return None
    previous = here - 1
    while previous >= 0 and is_furniture(text, *paragraph_spans[previous]):
        previous -= 1
    if previous < 0:
        return None
    p_start, p_end = paragraph_spans[previous]
    for earlier in range(index - 1, -1, -1):
        if kept[earlier].open < p_start:
            return None
        origin = attributions[earlier]
        if kept[earlier].open <= p_end and origin is not None and origin.speaker:
            return Attribution("continued_speaker", origin.cue, origin.speaker, origin.speaker_id, origin.channel, {"continues": earlier}, how=origin.how)
    return None


# A headline or line that opens with a name and a colon: "Ted Cruz: 'A
# Fireable Offense'", "Trump: Cruz Has 'To Come a Long Way'".
NAME_COLON_RE = re.compile(r"([^\n:]{2,60}?):[ \u00a0]")


def colon_name(text, span, paragraph_spans):
    """The phrase before a colon that opens the line holding ``span``
    (a name, six words at most), as a Phrase, or None."""
    paragraph_spans = sentences.as_spans(paragraph_spans)
    index = paragraph_spans.index_at(span.open)
    if index < 0:
        return None
    start = paragraph_spans[index][0]
    if is_furniture(text, *paragraph_spans[index]):
        return None  # "READ MORE: 'Sugar tax worked'" is a link, not a speaker
    match = NAME_COLON_RE.match(text, start, span.open)
    if match is None or len(match.group(1).split()) > 6:
        return None
    phrase = phrases.classify_phrase(text, start, match.end(1))
    return phrase if phrase is not None and phrase.kind == "name" else None


def colon_attribution(text, span, paragraph_spans, resolver):
    """"Ted Cruz: 'Physically Assaulting A Reporter Is A Fireable Offense.'"
    -- a line opening with a name and a colon credits the quotation to it."""
    phrase = colon_name(text, span, paragraph_spans)
    if phrase is None:
        return None
    speaker = resolver.resolve(phrase, phrase.start)
    return Attribution("name_colon", None, speaker.name, speaker.actor_id, as_written=phrase.text, form=speaker.form, how=speaker.how)


def in_teaser(text, span, paragraph_spans):
    """Is ``span`` in a line of page furniture that quotes another
    article's headline ("READ MORE: 'Sugar tax worked'")?"""
    paragraph_spans = sentences.as_spans(paragraph_spans)
    index = paragraph_spans.index_at(span.open)
    return index >= 0 and span.open <= paragraph_spans[index][1] and is_furniture(text, *paragraph_spans[index])
