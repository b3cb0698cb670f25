"""What in an article no annotation accounts for: every quotation mark and
every number must sit in an annotated span or be listed as skipped.

The marks and numbers are the ones ``core`` finds, the same the extractor
reads, so a curated file and the extractor agree on what there is to see.
"""

from dataclasses import dataclass

from ..core.number_tokens import number_tokens
from ..core.quotation_marks import quotation_marks


@dataclass(frozen=True)
class Uncovered:
    """A quotation mark or a number nothing accounts for."""

    kind: str  # a review_queue kind: unaccounted_quotation_mark or unaccounted_number
    start: int
    end: int
    text: str
    message: str


def coverage_gaps(body, spans):
    """What in ``body`` no annotation accounts for, as ``Uncovered`` items.

    A quotation mark is accounted for when it sits just outside, or inside, an
    annotated quote or skipped quotation span. A number is accounted for when
    it lies inside a claim or a skipped number span.
    """
    gaps = []
    quote_spans = spans["quotes"] + spans["not_quotes"]
    for mark in quotation_marks(body):
        if not any(start - 1 <= mark.offset <= end for start, end in quote_spans):
            gaps.append(Uncovered(
                "unaccounted_quotation_mark", mark.offset, mark.offset + 1, mark.char,
                f"quotation mark {mark.char!r} ({mark.role}) at character {mark.offset} is neither in a quote "
                f"nor listed in not_quotes: {_context(body, mark.offset, mark.offset + 1)}",
            ))
    number_spans = spans["claims"] + spans["not_numbers"]
    for token in number_tokens(body):
        if not any(start <= token.start and token.end <= end for start, end in number_spans):
            gaps.append(Uncovered(
                "unaccounted_number", token.start, token.end, token.text,
                f"number {token.text!r} at character {token.start} is neither in a claim nor listed in "
                f"not_numbers: {_context(body, token.start, token.end)}",
            ))
    return gaps


def _context(body, start, end, width=30):
    before = body[max(0, start - width):start]
    after = body[end:end + width]
    return repr(f"\u2026{before}[{body[start:end]}]{after}\u2026").replace("\\n", " ")
