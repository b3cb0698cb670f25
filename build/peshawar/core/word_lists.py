"""Word lists kept as plain text files: one entry per line, ``#`` starts a
comment, blank lines are ignored, an entry of several words keeps single
spaces between them."""

import re


def read_word_list(path):
    """The entries of the word list at ``path``, in file order."""
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = " ".join(line.split("#", 1)[0].split())
        if entry:
            entries.append(entry)
    return tuple(entries)


def first_letter_alternation(alternatives, ignore_case=False):
    """``"|".join(alternatives)`` grouped by first character, each group
    keeping its alternatives in their order.

    It matches exactly what the plain alternation matches, wherever it
    stands: two alternatives that begin with different characters never
    match at the same place, and within a group the first that matches
    still wins. But the regex engine tries one group per position instead
    of every alternative, which is what makes a list of a hundred words
    cheap to look for in every word of an article. Each alternative must
    begin with a plain letter or digit (``ignore_case``: letters grouped
    without case, for a pattern compiled with ``re.IGNORECASE``).
    """
    groups = {}
    for alternative in alternatives:
        first = alternative[:1]
        if not first.isalnum():
            raise ValueError(f"an alternative must begin with a letter or digit: {alternative!r}")
        key = first.lower() if ignore_case else first
        groups.setdefault(key, []).append(alternative[1:])
    return "|".join(
        re.escape(key) + "(?:" + "|".join(rests) + ")"
        for key, rests in groups.items()
    )
