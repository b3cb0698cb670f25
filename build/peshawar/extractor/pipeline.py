"""Automatic extraction from one article: the stages run in order, sharing
one reading pass.

``extract(text, registry)`` is a pure function of the article's text and the
actor registry (``core.registry.Registry``: aliases, kinds, names): no
database, no network, no state kept between articles, so a corpus maps over
it in a process pool. Every item it returns is a verbatim span,
``text[start_char:end_char] == item["text"]``, and carries the rule that
found it and a confidence between 0 and 1.

The rules are generic news-writing patterns; nothing in them names an actor,
place or outlet. What is known about actors comes only from the registry.
"""

from .citations import find_citations
from .claims import attribute_claims, find_claims
from .mentions import alias_tuples, find_all_mentions, mention_tuples
from .name_index import NameIndex
from .quotes import find_quotes
from .reading import read_article


# The longest text the extractor reads, in characters. Its time grows in
# step with the text (1 MB of news in a few seconds), but an article is
# rarely over 100,000 characters: anything past this is not one article.
MAX_TEXT_CHARS = 2_000_000


class TextTooLong(ValueError):
    """The text is longer than ``MAX_TEXT_CHARS``: not read at all."""

    def __init__(self, length):
        super().__init__(
            f"the text has {length:,} characters; the extractor reads at most {MAX_TEXT_CHARS:,} "
            "(MAX_TEXT_CHARS): split it into its articles"
        )
        self.length = length


def analyse(text, registry):
    """Everything the extractor finds, including what it sets aside.

    Returns a dict with quotes, claims, mentions, citations, plus not_quotes
    (marked spans that are nobody's words) and not_numbers (numbers that
    count nothing); ``extract`` keeps the first four. Raises ``TextTooLong``
    for a text over ``MAX_TEXT_CHARS`` characters.
    """
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong(len(text))
    # Where the names stand is found once for the mentions and the reading.
    index = NameIndex(text)
    mentions = find_all_mentions(text, registry, index)
    known = mention_tuples(mentions)
    reading = read_article(text, registry, alias_tuples(mentions), index)
    quotes, not_quotes = find_quotes(text, registry, known, reading)
    claims, not_numbers = find_claims(text, reading.sentence_spans)
    attribute_claims(text, claims, reading.cues)
    citations = find_citations(text, registry, known, reading.cues)
    result = {
        "quotes": quotes,
        "claims": claims,
        "mentions": mentions,
        "citations": citations,
        "not_quotes": not_quotes,
        "not_numbers": not_numbers,
    }
    # A rule may trim a span to nothing on odd input ("[ ](#)"): an empty
    # span is no finding.
    return {key: [i for i in items if i["end_char"] > i["start_char"]] for key, items in result.items()}


def extract(text, registry):
    """``{"quotes", "claims", "mentions", "citations"}`` found in ``text``."""
    result = analyse(text, registry)
    return {key: result[key] for key in ("quotes", "claims", "mentions", "citations")}
