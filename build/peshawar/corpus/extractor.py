"""The extractor under measurement.

This is the one place the corpus package imports the extractor, so that
the scorer measures exactly what ``make extract FILE=...`` prints: the same
``extract(text, registry)`` with the registry of ``seeds/actors.yml``.
"""

from ..core.paths import SEEDS
from ..extractor import extract, load_registry
from ..extractor.quotes import QUOTE_RULES


def registry(seeds_dir=SEEDS):
    """The actor registry the extractor resolves names against."""
    return load_registry(seeds_dir)


def quotes(text, actors):
    """The quotes the extractor finds in ``text``, as it prints them."""
    return extract(text, actors)["quotes"]


def registry_names(actors):
    """``{actor id: registry name}``, for speakers given as an id."""
    return dict(actors.names)


def quote_rules():
    """The extractor's quote rules, each with the counts and confidence it
    was calibrated with."""
    return QUOTE_RULES
