"""The one pass over an article that quotes, claims and citations share:
marks paired, quotations masked, sentences split, every speech cue found
and resolved to its speaker, in text order.
"""

from dataclasses import dataclass

from .coreference import Resolver
from .subjects import resolve_cues, sentence_subjects
from .cues import find_cues
from .marks import pair_marks
from . import sentences


@dataclass
class Reading:
    """One pass over an article shared by quotes, claims and citations."""

    text: str
    marked: list
    masked: str
    sentence_spans: list
    paragraph_spans: list
    cues: list
    resolver: "Resolver"


def read_article(text, registry, mentions, index=None):
    """Pair the marks, split sentences and resolve every speech cue once.
    ``index``: the text's ``NameIndex`` when the caller shares one."""
    marked = [s for s in pair_marks(text) if s.start < s.end]
    masked = sentences.mask_quotes(text, [(s.start, s.end) for s in marked])
    sentence_spans = sentences.sentences(masked)
    cues = find_cues(text, masked, sentence_spans, marked)
    resolver = Resolver(text, registry, mentions, index)
    resolver.sentences = sentence_spans
    sentence_subjects(text, sentence_spans, marked, resolver)
    resolve_cues(cues, resolver)
    return Reading(text, marked, masked, sentence_spans, sentences.paragraphs(text), cues, resolver)
