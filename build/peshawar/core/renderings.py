"""Whether two quotes render the same words: the one measure behind linking
a new quote to a statement already quoted (``join``) and grouping new
quotes that repeat each other (``dataset``).

Two renderings of one statement, say two translations of it, share their
content words ("intentional killing innocent people children women ...
Islam") and differ in the glue ("are against the basics of" / "goes
against the principles of"). So quotes are compared on their content
words: lowercase, no punctuation, no function words (``function_words.txt``).

- Blocking: a pair is scored only when the two share at least
  ``MIN_SHARED`` content words. An inverted index from each content word to
  the renderings holding it gives those candidates, so no quote is compared
  with every other. It is also what keeps short quotes apart: the score of
  a quote whose few words are a subset of a longer one's is 100.
- Score: rapidfuzz's ``token_set_ratio`` of the content words, 0 to 100.

Calibration (``make calibrate`` prints the figures): the NBC and VICE
renderings of the Afghan Taliban's statement share 8 content words and score
88.9 (a pull quote and its twin, 100). Among the pairs of different
statements from different articles (the seeds' curated quotes and the
own-dev corpus's, 267 quotes), those sharing 1 or 2 content words reach
100, those sharing 3 at most 66.7, and none shares 4; the own-heldout
corpus, never used to choose, gives 56.4 for 3 and none for 4.
``THRESHOLD`` sits between 66.7 and 88.9, low enough for a third
translation of a statement, which may share fewer of its words.
"""

import re
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from .word_lists import read_word_list

FUNCTION_WORDS = frozenset(read_word_list(Path(__file__).with_name("function_words.txt")))
MIN_SHARED = 4
THRESHOLD = 75.0

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def content_words(text):
    """The words of ``text`` that carry its meaning, lowercase, in order."""
    words = (w.replace("’", "'") for w in _WORD.findall(text.casefold()))
    return tuple(w for w in words if w not in FUNCTION_WORDS)


def score(words, other):
    """How alike two renderings are, 0 to 100, from their content words."""
    return fuzz.token_set_ratio(" ".join(words), " ".join(other))


def shared(words, other):
    return len(set(words) & set(other))


class RenderingIndex:
    """Renderings indexed by content word, to find the ones a quote may render.

    ``add(key, text)`` indexes a rendering under a key (a statement id, a
    quote id); ``matches(text)`` returns ``[(key, score)]`` of the
    renderings that share enough words with ``text`` and score at least
    ``THRESHOLD``, best first (a key once, with its best score).
    """

    def __init__(self):
        self._postings = defaultdict(list)
        self._renderings = []  # (key, content words)

    def add(self, key, text):
        words = content_words(text)
        if len(set(words)) < MIN_SHARED:
            return
        number = len(self._renderings)
        self._renderings.append((key, words))
        for word in set(words):
            self._postings[word].append(number)

    def candidates(self, words):
        """``[(key, content words)]`` of the renderings sharing at least
        ``MIN_SHARED`` content words with ``words``."""
        counts = defaultdict(int)
        for word in set(words):
            for number in self._postings.get(word, ()):
                counts[number] += 1
        return [self._renderings[number] for number, count in counts.items() if count >= MIN_SHARED]

    def matches(self, text):
        words = content_words(text)
        best = {}
        for key, other in self.candidates(words):
            value = score(words, other)
            if value >= THRESHOLD and value > best.get(key, -1):
                best[key] = value
        return sorted(best.items(), key=lambda item: (-item[1], item[0]))
