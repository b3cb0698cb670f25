"""What a draft annotation still needs from a person: gaps, each with its
kind, the article and span it is about, why, and the confidence of the
automatic row concerned.

A gap in a draft is work, not an error: the build loads the draft and
writes its gaps to the ``review_queue`` table, most pressing first. The
kinds and their order are declared once, as the CHECK list of
``review_queue.kind`` in ``schema/schema.sql``; the same gap in a curated
file is an error that stops the build.
"""

from collections import Counter
from dataclasses import dataclass

from .schema import check_lists

# A quote whose speaker the extractor names with less confidence than this
# is a gap: the link is likelier wrong than a person would accept unchecked.
UNCERTAIN_SPEAKER_BELOW = 0.6


@dataclass(frozen=True)
class Gap:
    """One gap of a draft; prints as ``file:line: message`` like a Problem."""

    path: str
    line: int | None
    message: str
    kind: str
    article_id: str
    start_char: int | None = None
    end_char: int | None = None
    text: str | None = None
    row_id: str | None = None
    confidence: float | None = None

    needs_review = True

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"

    def as_row(self):
        return (
            self.kind, self.article_id, self.start_char, self.end_char, self.text, self.row_id,
            self.message, self.confidence, self.path, self.line,
        )


# The columns of review_queue that Gap.as_row fills, in its order.
GAP_COLUMNS = ("kind", "article_id", "start_char", "end_char", "text", "row_id", "reason", "confidence", "file", "line")


def kinds():
    """The kinds of gap, most pressing first (the CHECK list of review_queue.kind)."""
    return check_lists()[("review_queue", "kind")]


def summary_lines(counts):
    """A few lines saying how many gaps of each kind there are and where the list is."""
    total = sum(counts.values())
    if not total:
        return []
    lines = [f"review queue: {total:,} gaps in draft annotations, listed in the table review_queue (most pressing first):"]
    for kind in kinds():
        if counts.get(kind):
            lines.append(f"  {counts[kind]:>9,}  {kind.replace('_', ' ')}")
    return lines


def count_kinds(gaps):
    return Counter(gap.kind for gap in gaps)
