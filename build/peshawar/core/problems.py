"""A problem in a seed or input file, with the file and line it comes from.

Readers collect problems instead of stopping at the first, so that one run
reports all of them as ``seeds/annotations/x.yml:42: quote x-q3: ...``.
A report shows the first REPORT_LIMIT and counts the rest, and a message
longer than MESSAGE_LIMIT characters is cut: a broken file may hold a
hundred thousand problems, or a value of megabytes that a message quotes.
"""

from dataclasses import dataclass

MESSAGE_LIMIT = 500
REPORT_LIMIT = 50


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    # A problem in a draft annotation file is work left for a person, not an
    # error: the build loads drafts and lists what they still need.
    needs_review: bool = False

    def __post_init__(self):
        if len(self.message) > MESSAGE_LIMIT:
            cut = f"\u2026 ({len(self.message):,} characters in all)"
            object.__setattr__(self, "message", self.message[: MESSAGE_LIMIT - len(cut)] + cut)

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SeedError(Exception):
    """The seeds have problems; ``problems`` lists every one found."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(report_lines(self.problems)))


def report_lines(problems, limit=REPORT_LIMIT):
    """The first ``limit`` problems, one a line, and a line counting the rest."""
    lines = [str(problem) for problem in problems[:limit]]
    if len(problems) > limit:
        files = len({problem.path for problem in problems})
        lines.append(f"\u2026 and {len(problems) - limit:,} more problems ({len(problems):,} in all, in {files:,} file{'s' * (files != 1)})")
    return lines
