"""Where names stand in one article, found once and looked up by position,
so that coreference can ask "which full name before here ends with this
surname?" or "is this word written after a capitalised word anywhere
earlier?" without reading the text again for every question.

Each question has the answer of a regular expression run over the text up
to the question's offset (the method's docstring gives it); the runs of
capitalised words are found once, and the words asked about are found with
``str.find``, so the work grows with the text, not with its square.
"""

import bisect
import re

from ..core.spans import occurrences
from . import phrases

# A run of capitalised words, as a bare surname's full name is written
# ("Ann Smith", "River Front"): words may be separated by any whitespace.
# Both open with the capital and look back after it, as phrases.NAME_RUN_RE
# does: the engine then skips to the next capital at C speed.
SURNAME_RUN_RE = re.compile(r"[A-Z](?<![\w-][A-Z])[\w’'-]*(?:\s+(?:(?:[A-Z]\.){1,2}\s+)?[A-Z][\w’'-]*)*")
CAPITALISED_WORD_RE = re.compile(r"[A-Z](?<![\w’'-][A-Z])[\w’'-]*")
CAPITALISED_TOKEN_RE = re.compile(r"[A-Z][\w’'-]+")
TOKEN_CHAR_RE = re.compile(r"[\w’'-]")
WORD_CHAR_RE = re.compile(r"\w")
NAME_CHAR_RE = re.compile(r"[\w-]")
DETERMINERS = ("the", "a", "an")
# How many full names ending with a surname are tried, the last first: a
# bound on the work for one surname however often the text repeats it.
FULL_NAMES_LOOKED_AT = 50


def _spans_index(spans):
    return spans, [start for start, _ in spans], [end for _, end in spans]


class NameIndex:
    """The runs of capitalised words of one text and the places of the
    words asked about, each found once."""

    def __init__(self, text):
        self.text = text
        self._surname_runs = None  # SURNAME_RUN_RE spans, their starts and ends
        self._name_runs = None  # phrases.NAME_RUN_RE spans, their starts and ends
        self._full_names = {}  # surname -> [(run start, end of the surname)]
        self._capitalised_before = {}  # word -> [(start, end)]
        self._described = {}  # head noun -> [(position, name start, name end)]
        self._by_first_word = None  # first word of a run -> the runs

    def _runs(self):
        if self._surname_runs is None:
            self._surname_runs = _spans_index([m.span() for m in SURNAME_RUN_RE.finditer(self.text)])
        return self._surname_runs

    def name_runs(self):
        """``(spans, starts, ends)`` of every ``phrases.NAME_RUN_RE`` match."""
        if self._name_runs is None:
            self._name_runs = _spans_index([m.span() for m in phrases.NAME_RUN_RE.finditer(self.text)])
        return self._name_runs

    # "Ann Smith … Smith": the full names a surname may stand for ---------------

    def _surname_places(self, surname):
        """``[(run start, surname end)]``: every place ``surname`` is written
        after whitespace that follows a word of a run of capitalised words."""
        text = self.text
        spans, starts, _ = self._runs()
        places = []
        for start in occurrences(text, surname):
            end = start + len(surname)
            if end < len(text) and NAME_CHAR_RE.match(text[end]):
                continue  # "Smith" in "Smithson" or "Smith-Jones"
            before = start
            while before > 0 and text[before - 1].isspace():
                before -= 1
            if before == start or before == 0:
                continue
            run = bisect.bisect_right(starts, before - 1) - 1
            if run >= 0 and before - 1 < spans[run][1]:
                places.append((spans[run][0], end))
        return places

    def full_names_ending_with(self, surname, offset, limit=FULL_NAMES_LOOKED_AT):
        r"""The texts of ``[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*\s+SURNAME(?![\w-])``
        in ``text[:offset]``, the last first, at most ``limit`` of them:
        each run of capitalised words up to the last place ``surname`` ends
        it before ``offset``."""
        if surname not in self._full_names:
            self._full_names[surname] = self._surname_places(surname)
        places = self._full_names[surname]
        index = bisect.bisect_right(places, offset, key=lambda place: place[1]) - 1
        found, seen = [], set()
        while index >= 0 and len(found) < limit:
            run_start, end = places[index]
            if run_start not in seen:
                seen.add(run_start)
                found.append(self.text[run_start:end])
            index -= 1
        return found

    def runs_beginning_with(self, word):
        """``[(start, end)]`` of the runs of capitalised words whose first
        word is ``word``."""
        if self._by_first_word is None:
            self._by_first_word = {}
            for start, end in self.name_runs()[0]:
                first = self.text[start:end].split(None, 1)[0]
                self._by_first_word.setdefault(first, []).append((start, end))
        return self._by_first_word.get(word, [])

    def written_as_word(self, word):
        r"""Does ``(?<![\w-])WORD(?![\w-])`` find ``word`` in the text? Its
        ``str.find`` places with no ``[\w-]`` character on either side."""
        text, end_of_text = self.text, len(self.text)
        return any(
            (start == 0 or not NAME_CHAR_RE.match(text, start - 1))
            and (start + len(word) == end_of_text or not NAME_CHAR_RE.match(text, start + len(word)))
            for start in occurrences(text, word)
        )

    # Runs of capitalised words in a window ----------------------------------------

    def name_runs_between(self, start, end):
        """``[(start, end)]`` of ``NAME_RUN_RE.finditer(text, start, end)``,
        read from the runs of the whole text found once."""
        spans, _, ends = self.name_runs()
        found = []
        index = bisect.bisect_right(ends, start)
        while index < len(spans) and spans[index][0] < end:
            run_start, run_end = spans[index]
            if run_start >= start and run_end <= end:
                found.append((run_start, run_end))
            else:  # a run cut by the window: read again inside it
                found += [m.span() for m in phrases.NAME_RUN_RE.finditer(self.text, max(run_start, start), min(run_end, end))]
            index += 1
        return found

    # "… Reuters": is a word written after capitalised words? -------------------

    def _token_before(self, position):
        """``(start, end)`` of the word ending at ``position``, or None."""
        start = position
        while start > 0 and TOKEN_CHAR_RE.match(self.text[start - 1]):
            start -= 1
        return (start, position) if start < position else None

    def capitalised_words_before(self, word, limit):
        r"""The leftmost match of
        ``(?<![\w’'-])[A-Z][\w’'-]+(?:[ \u00a0][A-Z][\w’'-]+){0,2}[ \u00a0]WORD(?![\w’'-])``
        in ``text[:limit]``, as its text, or None."""
        if word not in self._capitalised_before:
            self._capitalised_before[word] = self._capitalised_matches(word)
        for start, end in self._capitalised_before[word]:
            if start >= limit:
                break
            if end <= limit:
                return self.text[start:end]
        return None

    def _capitalised_matches(self, word):
        """Every match of the pattern above for ``word``: ``[(start, end)]``
        by start, the longest first where two start together."""
        text = self.text
        found = []
        for start in self._capitalised_word_places(word):
            position = start
            for _ in range(3):
                if position == 0 or text[position - 1] not in " \u00a0":
                    break
                before = self._token_before(position - 1)
                if before is None or not CAPITALISED_TOKEN_RE.fullmatch(text, before[0], before[1]):
                    break
                position = before[0]
                found.append((position, start + len(word)))
        found.sort(key=lambda match: (match[0], -match[1]))
        return found

    def _capitalised_word_places(self, word):
        """The starts of ``CAPITALISED_WORD_RE`` matches that are ``word``,
        found with ``str.find`` where it is written as a whole token rather
        than by reading every capitalised word of the text (the pattern's
        match runs over every token character, so a match at a place is
        ``word`` exactly when no token character stands on either side)."""
        if not CAPITALISED_WORD_RE.fullmatch(word):
            return []
        text = self.text
        end_of_text = len(text)
        return [
            start for start in occurrences(text, word)
            if (start == 0 or not TOKEN_CHAR_RE.match(text[start - 1]))
            and (start + len(word) == end_of_text or not TOKEN_CHAR_RE.match(text[start + len(word)]))
        ]

    # "Ade Bello, the regional commander": names described by a head noun ------

    def described_names(self, head):
        r"""``[(position, name start, name end)]`` of the names ``head``
        describes, as three patterns find them, in this order and each in
        text order (``position`` is where its match begins):
        ``NAME,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?HEAD\b`` (at the name),
        ``\b(?:the|a|an)\s+(?:[\w-]+\s+){0,3}?HEAD,?\s+NAME`` (at the
        determiner) and ``\bHEAD\s+NAME`` (at the head), NAME being a run
        of ``phrases.NAME_RUN_RE``."""
        if head not in self._described:
            found = ([], [], [])
            if head:
                for start in occurrences(self.text, head):
                    self._describe(head, start, found)
            self._described[head] = [entry for entries in found for entry in sorted(set(entries))]
        return self._described[head]

    def _describe(self, head, start, found):
        text = self.text
        end = start + len(head)
        if end < len(text) and WORD_CHAR_RE.match(text[end]):
            return  # not the end of a word
        after_space = start > 0 and text[start - 1].isspace()
        if after_space:
            name = self._name_before_appositive(start)
            if name:
                found[0].append((name[0], *name))
        # The name right after the head (and a comma, for the second pattern).
        follow = end + 1 if end < len(text) and text[end] == "," else end
        name = self._name_starting_after_space(follow)
        if name and after_space:
            determiner = self._determiner_before(start)
            if determiner is not None:
                found[1].append((determiner, *name))
        if name and follow == end and (start == 0 or not WORD_CHAR_RE.match(text[start - 1])):
            found[2].append((start, *name))

    def _words_back(self, position, count):
        """Up to ``count`` ``(start, end)`` of the whitespace-separated
        ``[\\w-]+`` words before ``position`` (itself after whitespace), the
        nearest first; a word not preceded by whitespace ends the list."""
        text = self.text
        words = []
        while len(words) < count:
            end = position
            while end > 0 and text[end - 1].isspace():
                end -= 1
            if end == position or end == 0:
                break
            start = end
            while start > 0 and NAME_CHAR_RE.match(text[start - 1]):
                start -= 1
            if start == end:
                break
            words.append((start, end))
            if start == 0 or not text[start - 1].isspace():
                break
            position = start
        return words

    def _name_before_appositive(self, head_start):
        """The name of "NAME, the … HEAD" for the head at ``head_start``."""
        text = self.text
        for start, end in self._words_back(head_start, 4):
            if text[start:end] not in DETERMINERS:
                continue
            comma = start
            while comma > 0 and text[comma - 1].isspace():
                comma -= 1
            if comma < start and comma > 0 and text[comma - 1] == ",":
                spans, _, ends = self.name_runs()
                run = bisect.bisect_left(ends, comma - 1)
                if run < len(spans) and ends[run] == comma - 1:
                    return spans[run]
        return None

    def _name_starting_after_space(self, position):
        """The run of capitalised words that starts after the whitespace at
        ``position``, or None."""
        text = self.text
        start = position
        while start < len(text) and text[start].isspace():
            start += 1
        if start == position:
            return None
        run = phrases.NAME_RUN_RE.match(text, start)
        return run.span() if run else None

    def _determiner_before(self, head_start):
        """Where the farthest determiner up to four words before the head
        begins (``\\b(?:the|a|an)``), or None."""
        text = self.text
        farthest = None
        for start, end in self._words_back(head_start, 4):
            if text[start:end] in DETERMINERS and (start == 0 or not WORD_CHAR_RE.match(text[start - 1])):
                farthest = start
        return farthest
