"""What the PolNeAR converter reads from CoreNLP's XML output.

PolNeAR ships, for each article, CoreNLP's tokens (with character offsets
into the article text, part of speech and named-entity tags), sentences,
basic dependencies and coreference chains. The converter uses them to tell
names from descriptions and to find whom a pronoun means; an article
without its CoreNLP file is converted with the text-only fallbacks in
``article_names`` and ``fallback_sentences``.
"""

import bisect
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from .format import CorpusError, Problem

SUBJECT_RELATIONS = ("nsubj", "nsubjpass")
NAME_KINDS = ("PERSON", "ORGANIZATION", "LOCATION")


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    pos: str
    ner: str
    sentence: int  # index into Parse.sentences


@dataclass
class Parse:
    """Tokens in text order; sentences as ``(first, last)`` token indexes;
    per sentence, its subjects (see ``_subjects``); and
    coreference chains as lists of ``(first, last, head)`` token indexes."""

    tokens: list
    sentences: list
    subjects: list
    chains: list
    _starts: list = field(default_factory=list, repr=False)

    def __post_init__(self):
        self._starts = [t.start for t in self.tokens]

    def token_at(self, offset):
        """Index of the token covering ``offset``, or None."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.tokens[i].start <= offset < self.tokens[i].end:
            return i
        return None

    def tokens_in(self, start, end):
        """Indexes of the tokens lying inside ``[start, end)``."""
        first = bisect.bisect_left(self._starts, start)
        last = first
        while last < len(self.tokens) and self.tokens[last].end <= end:
            last += 1
        return range(first, last)

    def sentence_at(self, offset):
        """Index of the sentence holding ``offset`` (or the last one before it)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.tokens[max(i, 0)].sentence if self.tokens else 0

    def span(self, sentence):
        first, last = self.sentences[sentence]
        return self.tokens[first].start, self.tokens[last].end


class CoreNLPError(CorpusError):
    pass


def read_corenlp(path):
    """The Parse of a CoreNLP XML file; raises CoreNLPError if unreadable."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        raise CoreNLPError([Problem(str(path), error.position[0], f"not readable CoreNLP XML: {error}")])
    document = root.find("document")
    tokens, index, sentences, subjects = [], {}, [], []
    for number, sentence in enumerate(document.find("sentences")):
        sentence_id = int(sentence.get("id"))
        first = len(tokens)
        for token in sentence.find("tokens"):
            index[(sentence_id, int(token.get("id")))] = len(tokens)
            tokens.append(Token(
                int(token.findtext("CharacterOffsetBegin")), int(token.findtext("CharacterOffsetEnd")),
                token.findtext("POS") or "", token.findtext("NER") or "O", number,
            ))
        sentences.append((first, len(tokens) - 1))
        subjects.append(_subjects(sentence, sentence_id, index))
    chains = []
    coreference = document.find("coreference")
    for chain in coreference if coreference is not None else []:
        mentions = []
        for mention in chain.findall("mention"):
            sentence_id = int(mention.findtext("sentence"))
            ids = [index.get((sentence_id, int(mention.findtext(k)) - d)) for k, d in (("start", 0), ("end", 1), ("head", 0))]
            if None not in ids:
                mentions.append(tuple(ids))
        chains.append(mentions)
    return Parse(tokens, sentences, subjects, chains)


def _subjects(sentence, sentence_id, index):
    """``(main, [head, apposition heads...])`` for each subject of the
    sentence: ``main`` when it is the subject of the root verb or of one
    joined to it by a conjunction, not of a subordinate clause ("in the
    event that Clinton faces Trump, she replied")."""
    for dependencies in sentence.findall("dependencies"):
        if dependencies.get("type") != "basic-dependencies":
            continue
        heads, appositions, roots, conjuncts = {}, {}, set(), {}
        for dep in dependencies.findall("dep"):
            governor = index.get((sentence_id, int(dep.find("governor").get("idx"))))
            dependent = index.get((sentence_id, int(dep.find("dependent").get("idx"))))
            kind = dep.get("type")
            if dependent is None:
                continue
            if kind == "root":
                roots.add(dependent)
            elif kind in SUBJECT_RELATIONS:
                heads[dependent] = governor
            elif kind == "appos" and governor is not None:
                appositions.setdefault(governor, []).append(dependent)
            elif kind.startswith("conj") and governor is not None:
                conjuncts.setdefault(governor, []).append(dependent)
        main = set(roots)
        for root in roots:
            main.update(conjuncts.get(root, []))
        return [(heads[h] in main, [h, *appositions.get(h, [])]) for h in sorted(heads)]
    return []


# Names ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    kind: str  # PERSON, ORGANIZATION, LOCATION, or NAME where no tagger said which


# Without CoreNLP: two or more capitalized words in a row (after titles).
CAPITALIZED_RUN = re.compile(
    r"\b[A-Z][\w’'.-]*(?:[ \u00a0]+(?:[A-Z][\w’'.-]*|(?:de|van|von|al|bin)\b))*[ \u00a0]+[A-Z][\w’'-]*"
)


def article_names(text, parse, name_words):
    """Named entities of the article in text order: CoreNLP's PERSON,
    ORGANIZATION and LOCATION runs, or, without CoreNLP, runs of two or more
    capitalized words (``name_words`` trims titles off them)."""
    if parse is None:
        # A capitalized word the text also writes in lower case ("But",
        # "Rival", "Of") is no part of a name: the name is what follows it.
        lower = set(re.findall(r"\b[a-z][\w’'-]*", text))
        found = []
        for match in CAPITALIZED_RUN.finditer(text):
            words = match.group().split()
            common = [i for i, w in enumerate(words) if w.lower() in lower]
            tail = " ".join(words[common[-1] + 1:] if common else words)
            words = name_words(tail)
            if len(words) >= 2:
                start = match.start() + match.group().rindex(words[0])
                found.append(Name(start, match.end(), "NAME"))
        return found
    found, run = [], None  # run: [start, end, kind, last token]
    for i, token in enumerate(parse.tokens):
        joined = run and run[2] == token.ner and i == run[3] + 1 and "\n" not in text[run[1]:token.start]
        if joined:
            run[1], run[3] = token.end, i
            continue
        if run:
            found.append(Name(run[0], run[1], run[2]))
        run = [token.start, token.end, token.ner, i] if token.ner in NAME_KINDS else None
    if run:
        found.append(Name(run[0], run[1], run[2]))
    return found


def fallback_sentences(text):
    """``(start, end)`` of sentences by punctuation, for an article without CoreNLP."""
    spans, start = [], 0
    for match in re.finditer(r"[.!?][\"”’']?(?=\s+[\"“‘']?[A-Z])|\n+", text):
        if text[start:match.end()].strip():
            spans.append((start, match.end()))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans
