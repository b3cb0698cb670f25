"""Where names stand in one article, indexed once so that coreference asks
"which full name before here ends with this surname?" or "is this word
written after a capitalised word anywhere earlier?" without reading the
text again for every question.

Each index gives the same answer as a regular expression run over the text
up to the question's offset, in time that does not grow with the text
(see each method for the expression it stands for).
"""

import bisect
import re

from . import phrases

# A run of capitalised words, as a bare surname's full name is written
# ("Ann Smith", "River Front"): words may be separated by any whitespace.
SURNAME_RUN_RE = re.compile(r"(?<![\w-])[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*")
RUN_WORD_RE = re.compile(r"[A-Z][\w’'-]*")
TOKEN_RE = re.compile(r"[\w’'-]+")
CAPITALISED_TOKEN_RE = re.compile(r"[A-Z][\w’'-]+")
WORD_CHAR_RE = re.compile(r"\w")
NAME_WORD_CHARS = re.compile(r"[\w-]")
# How many characters of the word after a run are read as a possible
# surname written there ("River Front (RF)"), and how many prefixes of it.
AFTER_RUN_REACH = 60
AFTER_RUN_PREFIXES = 6
# How many full names ending with a surname are tried, the last first: a
# bound on the work for one surname however often the text repeats it.
FULL_NAMES_LOOKED_AT = 50


def _prefixes(token):
    """Prefixes of ``token`` after which no letter, digit, "_" or "-"
    follows: where ``SURNAME(?![\\w-])`` can end inside it."""
    found = []
    for end in range(1, len(token) + 1):
        if end == len(token) or not NAME_WORD_CHARS.match(token[end]):
            found.append(token[:end])
            if len(found) >= AFTER_RUN_PREFIXES:
                break
    return found


def _word_prefixes(token):
    r"""Prefixes of a ``[\w-]+`` token where ``HEAD\b`` can end: after a
    letter or digit, before a hyphen or the token's end."""
    return [
        token[:end] for end in range(1, len(token) + 1)
        if WORD_CHAR_RE.match(token[end - 1]) and (end == len(token) or token[end] == "-")
    ]


class NameIndex:
    """The runs of capitalised words and the words of one text, read once."""

    def __init__(self, text):
        self.text = text
        self._surname_places = None  # surname -> [(run start, end of the surname)]
        self._tokens = None  # token -> [start]
        self._appositives = None  # head word -> [(position, name start, name end, pattern)]

    # "Ann Smith … Smith": the full names a surname may stand for ---------------

    def _build_surname_places(self):
        places = {}
        text = self.text
        for run in SURNAME_RUN_RE.finditer(text):
            words = list(RUN_WORD_RE.finditer(text, run.start(), run.end()))
            # Where a surname may be written after at least one word of the
            # run: each later word of the run, and the word after the run.
            starts = [word.start() for word in words[1:]]
            after = run.end()
            while after < len(text) and text[after].isspace():
                after += 1
            if after > run.end() and after < len(text):
                starts.append(after)
            for start in starts:
                token_end = start
                limit = min(len(text), start + AFTER_RUN_REACH)
                while token_end < limit and not text[token_end].isspace():
                    token_end += 1
                for surname in _prefixes(text[start:token_end]):
                    places.setdefault(surname, []).append((run.start(), start + len(surname)))
        self._surname_places = places

    def full_names_ending_with(self, surname, offset, limit=FULL_NAMES_LOOKED_AT):
        r"""The texts of ``[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+SURNAME(?![\w-])``
        in ``text[:offset]``, the last first, at most ``limit`` of them:
        each run of capitalised words up to the last place ``surname`` ends
        it before ``offset``."""
        if self._surname_places is None:
            self._build_surname_places()
        places = self._surname_places.get(surname, ())
        index = bisect.bisect_right(places, offset, key=lambda place: place[1]) - 1
        found, seen = [], set()
        while index >= 0 and len(found) < limit:
            run_start, end = places[index]
            if run_start not in seen:
                seen.add(run_start)
                found.append(self.text[run_start:end])
            index -= 1
        return found

    # "… Reuters": is a word written after a capitalised word? -------------------

    def _build_tokens(self):
        tokens = {}
        for match in TOKEN_RE.finditer(self.text):
            tokens.setdefault(match.group(), []).append(match.start())
        self._tokens = tokens

    def _token_before(self, position):
        """``(start, end)`` of the token ending at ``position``, or None."""
        end = position
        start = end
        while start > 0 and TOKEN_RE.match(self.text, start - 1, start):
            start -= 1
        return (start, end) if start < end else None

    def capitalised_words_before(self, word, limit):
        """The leftmost match of
        ``(?<![\\w’'-])[A-Z][\\w’'-]+(?:[ \\u00a0][A-Z][\\w’'-]+){0,2}[ \\u00a0]WORD(?![\\w’'-])``
        in ``text[:limit]``, as its text, or None."""
        if self._tokens is None:
            self._build_tokens()
        text = self.text
        best = None
        for start in self._tokens.get(word, ()):
            end = start + len(word)
            if end > limit:
                break
            if best is not None and start - 200 > best[0]:
                break  # nothing further on can start before the best
            position, first = start, None
            for _ in range(3):
                if position == 0 or text[position - 1] not in " \u00a0":
                    break
                before = self._token_before(position - 1)
                if before is None or not CAPITALISED_TOKEN_RE.fullmatch(text, before[0], before[1]):
                    break
                first = before[0]
                position = before[0]
            if first is not None and (best is None or first < best[0] or (first == best[0] and end > best[1])):
                best = (first, end)
        return text[best[0]:best[1]] if best else None

    # "Ade Bello, the regional commander": names described by a head noun ------

    def _build_appositives(self):
        found = {}
        text = self.text
        for number, run in enumerate(phrases.NAME_RUN_RE.finditer(text)):
            for head, position in _heads_after(text, run):
                found.setdefault(head, []).append((position, run.start(), run.end(), 0, number))
            for head, position, pattern in _heads_before(text, run):
                found.setdefault(head, []).append((position, run.start(), run.end(), pattern, number))
        self._appositives = found

    def described_names(self, head):
        """``[(position, name start, name end)]`` for "NAME, the … HEAD",
        "the … HEAD, NAME" and "HEAD NAME", in that order of patterns and
        in text order within each (``position`` is where the match begins)."""
        if self._appositives is None:
            self._build_appositives()
        entries = sorted(self._appositives.get(head, ()), key=lambda e: (e[3], e[4]))
        return [(position, start, end) for position, start, end, _, _ in entries]


APPOSITIVE_AFTER_RE = re.compile(r",\s+(?:the|a|an)\s+([\w-]+)(?:\s+([\w-]+))?(?:\s+([\w-]+))?(?:\s+([\w-]+))?")
HEAD_BEFORE_RE = re.compile(r"([\w-]+)(,?)\s+$")
DETERMINER_TOKEN_RE = re.compile(r"(?:the|a|an)")


def _heads_after(text, run):
    """"NAME, the … HEAD": each word that may be the head (one of the four
    words after the determiner) with where the match begins."""
    match = APPOSITIVE_AFTER_RE.match(text, run.end())
    if not match:
        return []
    heads = []
    for group in range(1, 5):
        token = match.group(group)
        if token is None:
            break
        heads += [(prefix, run.start()) for prefix in _word_prefixes(token)]
    return heads


def _heads_before(text, run):
    """"the … HEAD, NAME" (pattern 1, beginning at the determiner) and
    "HEAD NAME" (pattern 2, beginning at the head)."""
    found = []
    window_start = max(0, run.start() - 200)
    before = HEAD_BEFORE_RE.search(text, window_start, run.start())
    if not before or before.end() != run.start():
        return found
    head, comma = before.group(1), before.group(2)
    head_start = before.start(1)
    if not comma:
        # "\bHEAD\s+NAME": the head may be the end of a hyphenated word.
        for cut in [0] + [i + 1 for i, char in enumerate(head) if char == "-"]:
            if cut == 0 and head_start > 0 and WORD_CHAR_RE.match(text[head_start - 1]):
                continue
            found.append((head[cut:], head_start + cut, 2))
    # "\b(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?HEAD,?\s+NAME": up to three words
    # between the determiner and the head; the match begins at the
    # determiner farthest back.
    determiner, position = None, head_start
    for _ in range(4):
        token = TOKEN_BEFORE_RE.search(text, max(0, position - 80), position)
        if token is None:
            break
        if DETERMINER_TOKEN_RE.fullmatch(token.group(1)) and (token.start(1) == 0 or not WORD_CHAR_RE.match(text[token.start(1) - 1])):
            determiner = token.start(1)
        position = token.start(1)
    if determiner is not None:
        found.append((head, determiner, 1))
    return found


# The whole [\w-]+ word and the whitespace before ``position``.
TOKEN_BEFORE_RE = re.compile(r"(?<![\w-])([\w-]+)\s+$")
