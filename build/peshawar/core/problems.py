"""A problem in a seed or input file, with the file and line it comes from.

Readers collect problems instead of stopping at the first, so that one run
reports all of them as ``seeds/annotations/x.yml:42: quote x-q3: ...``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    path: str
    line: int | None
    message: str
    # A problem in a draft annotation file is work left for a person, not an
    # error: the build loads drafts and lists what they still need.
    needs_review: bool = False

    def __str__(self):
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class SeedError(Exception):
    """The seeds have problems; ``problems`` lists every one found."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
