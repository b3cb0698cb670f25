"""The few lines an ingest run ends with: how many went in, and every skipped
input with its reason (grouped by reason beyond a screenful)."""

from collections import Counter

LISTED = 40  # skipped inputs listed one by one; past that, counted by reason


def summary_lines(summary, seeds_dir):
    added = summary.added
    lines = [
        f"ingested {len(added):,} articles into {seeds_dir} as drafts "
        f"({sum(d.quotes for d in added):,} quotes, {sum(d.claims for d in added):,} claims, "
        f"{sum(d.citations for d in added):,} citations, method automatic); skipped {len(summary.skipped):,}"
    ]
    if len(summary.skipped) <= LISTED:
        lines += [f"  skipped {skip.source}: {skip.reason}" for skip in summary.skipped]
    else:
        reasons = Counter(_kind(skip.reason) for skip in summary.skipped)
        lines += [f"  skipped {n:,}: {reason}" for reason, n in reasons.most_common()]
    if added:
        lines.append("run `make build` to load them; the build sums up what the drafts still need (table review_queue)")
    return lines


def _kind(reason):
    """A reason without the names in it, so that like reasons count together."""
    return reason.split(" as article ")[0].split(": ")[0]
