"""One pass over the seeds, unit by unit, handing rows and gaps to a sink:
the database loader for a build, a counter for a check.

Problems are collected from every unit so that one run reports them all;
once there is an error no more rows go to the sink (the build will fail
and write nothing), but the walk goes on to find the rest.
"""

from collections import Counter

from ..core.problems import Problem
from .units import article_sources, load_unit, lookup_unit, read_lookups


class Counting:
    """A sink that only counts: rows per table and gaps per kind."""

    def __init__(self):
        self.counts = Counter()
        self.gap_counts = Counter()

    def add(self, tables):
        for name, (_, rows) in tables.items():
            self.counts[name] += len(rows)

    def add_gaps(self, gaps):
        self.gap_counts.update(gap[0] for gap in gaps)  # rows of review_queue: kind first


def walk(seeds_dir, cache, sink):
    """Read every seed unit by unit into ``sink``; return the errors found."""
    lookups = read_lookups(seeds_dir, cache)
    errors = list(lookups.problems)
    first_unit = lookup_unit(lookups, cache)
    errors += first_unit.errors
    if not errors:
        sink.add(first_unit.tables)
    seen = {(table, row_id): (display, line) for table, row_id, display, line in first_unit.ids}
    for article_id, path in article_sources(lookups, errors):
        unit = load_unit(lookups, article_id, path, cache)
        errors += unit.errors
        for table, row_id, display, line in unit.ids:
            first = seen.setdefault((table, row_id), (display, line))
            if first != (display, line):
                errors.append(Problem(display, line, f"id {row_id!r} repeats (first at {first[0]}:{first[1]})"))
        if not errors:
            sink.add(unit.tables)
            sink.add_gaps(unit.gaps)
    return errors
