"""The extractor's word lists, read once from the ``*.txt`` files beside
this module; README.md says where each list came from.

A list is one entry per line (``#`` starts a comment). An entry of several
words matches them with any whitespace between ("death toll"). A keyed list
writes ``key: entry`` (qualifiers.txt, people_nouns.txt).

``lexicon.PREPOSITIONS`` (or ``from .lexicon import PREPOSITIONS``) is the
set of entries of ``prepositions.txt``: every list is there under its file
name in capitals, read on first use and kept.
"""

import re
from pathlib import Path

from ...core.word_lists import read_word_list

DIRECTORY = Path(__file__).parent


def entries(name):
    """The entries of ``<name>.txt``, in file order."""
    return read_word_list(DIRECTORY / f"{name}.txt")


def words(name):
    """The entries of ``<name>.txt`` as a set, for membership tests."""
    return frozenset(entries(name))


def keyed(name):
    """``[(key, entry)]`` of a keyed list, in file order."""
    pairs = []
    for entry in entries(name):
        key, _, value = entry.partition(":")
        pairs.append((key.strip(), value.strip()))
    return pairs


def phrase_pattern(phrase):
    """A regex for ``phrase``: its words, escaped, with any whitespace between."""
    return r"\s+".join(re.escape(word) for word in phrase.split())


def alternation(name):
    """A regex alternation of the entries of ``<name>.txt``, in file order."""
    return "|".join(phrase_pattern(entry) for entry in entries(name))


MONTHS = entries("months")
MONTH_ABBREVIATIONS = entries("month_abbreviations")
WEEKDAYS = entries("weekdays")


def __getattr__(name):
    """``PREPOSITIONS`` -> the set of entries of prepositions.txt, read once."""
    path = DIRECTORY / f"{name.lower()}.txt"
    if not name.isupper() or not path.exists():
        raise AttributeError(f"no word list {name.lower()}.txt in {DIRECTORY}")
    globals()[name] = words(name.lower())
    return globals()[name]
