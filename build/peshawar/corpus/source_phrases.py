"""The source phrases of PolNeAR attributions, read the way the converter
needs them: the gender a given name carries in the corpus, whether a source
is a name, a description or a pronoun, and a name made whole ("Morris" ->
"Haley Morris"). ``antecedents.py`` resolves pronouns with them.
"""

import re

from . import speakers

PROPER_POS = ("NNP", "NNPS")
NAMED = ("PERSON", "ORGANIZATION", "LOCATION", "MISC")
PLURAL_POS = ("NNS", "NNPS")
MASCULINE = frozenset("he him his himself".split())
FEMININE = frozenset("she her hers herself".split())
FIRST_PERSON = frozenset("i me my myself".split())
RELATIVE = frozenset("who whom which that".split())
# Head nouns of descriptions that may be a person, for "he"/"she": common
# news roles, and endings that make agent nouns (reporter, senator,
# activist, politician, spokesman).
PERSON_NOUN_ENDINGS = ("man", "woman", "person", "er", "or", "ist", "yst", "ian")
PERSON_NOUNS = frozenset(
    """official aide chief candidate nominee source president resident student consultant executive expert
    judge justice mother wife son daughter friend child girl boy lady guy veteran attendee delegate
    representative secretary surrogate colleague critic ally rival opponent candidate host anchor
    pundit nurse doctor priest pastor rabbi imam cleric immigrant refugee victim witness""".split()
)
TITLE_GENDER = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?[ \u00a0]+([A-Z][\w’'-]+)")
WORD = re.compile(r"[\w’'.-]+")


# Genders of given names ----------------------------------------------------------------

RELATIVE_GENDER = {
    "wife": "f", "daughter": "f", "mother": "f", "sister": "f", "husband": "m", "son": "m", "father": "m", "brother": "m",
}
FULL_NAME = re.compile(r"\b([A-Z][a-z]+)[ \u00a0]+(?:[A-Z]\.[ \u00a0]+)?([A-Z][\w’'-]+)\b")
RELATIVE_NAMED = re.compile(r"\b(?:his|her)[ \u00a0]+(" + "|".join(RELATIVE_GENDER) + r"),?[ \u00a0]+([A-Z][a-z]+)\b")


def given_name_votes(text):
    """Evidence in one article that a given name is a man's or a woman's:
    "Bernie Sanders" in an article that calls him "Mr. Sanders" (when no
    other Sanders has a given name there), and "his wife, Jane"."""
    honorifics = {}
    for match in TITLE_GENDER.finditer(text):
        honorifics.setdefault(match.group(2), set()).add("m" if match.group(1) == "Mr" else "f")
    given = {}
    for match in FULL_NAME.finditer(text):
        given.setdefault(match.group(2), set()).add(match.group(1))
    votes = []
    for surname, genders in honorifics.items():
        if len(genders) == 1 and len(given.get(surname, ())) == 1:
            votes.append((next(iter(given[surname])), next(iter(genders))))
    for match in RELATIVE_NAMED.finditer(text):
        votes.append((match.group(2), RELATIVE_GENDER[match.group(1)]))
    return votes


def given_name_genders(votes, least=2, share=0.8):
    """``{folded given name: "m" or "f"}`` from votes over many articles: a
    name seen at least ``least`` times, ``share`` of them one way."""
    counts = {}
    for name, gender in votes:
        counts.setdefault(speakers.fold(name), []).append(gender)
    table = {}
    for name, said in counts.items():
        for gender in ("m", "f"):
            if len(said) >= least and said.count(gender) >= share * len(said):
                table[name] = gender
    return table


# Source phrases ---------------------------------------------------------------------------


def _sentence_initial(text, offset):
    before = text[:offset].rstrip(" \t\u00a0\"“”‘’'(")
    return not before or before[-1] in ".!?:\n"


def head_word(text, start, end):
    """``(start, end)`` of the head word of ``text[start:end]``'s core."""
    phrase = text[start:end]
    core = speakers.core(phrase)
    offset = start + phrase.find(core) if core else start
    head = None
    for match in WORD.finditer(core):
        if head and speakers.fold(match.group().strip(".")) in speakers.PREPOSITIONS:
            break
        head = (offset + match.start(), offset + match.start() + len(match.group().rstrip(".")))
    return head


def token_at(parse, offset):
    i = parse.token_at(offset) if parse else None
    return parse.tokens[i] if i is not None else None


def _proper(text, head, parse):
    """Is the head word a proper noun? CoreNLP's tag when there is one,
    else its capital (a sentence's first word needs a capitalized neighbour)."""
    word = text[head[0]:head[1]]
    if not word[:1].isupper():
        return False
    token = token_at(parse, head[0])
    if token is not None:
        return token.pos in PROPER_POS or token.ner in NAMED
    if not _sentence_initial(text, head[0]):
        return True
    if re.match(r"[ \u00a0]+[A-Z]", text[head[1]:]) or re.search(r"[A-Z][\w.’'-]*[ \u00a0]+$", text[: head[0]]):
        return True
    # A capitalized first word is a name when the text never writes it in lower case.
    return not re.search(r"\b" + re.escape(word.lower()) + r"\b", text)


def _segments(text, start, end):
    """The comma-separated parts of a source span, as ``(start, end)``."""
    parts, position = [], start
    for match in re.finditer(r",", text[start:end]):
        parts.append((position, start + match.start()))
        position = start + match.end()
    parts.append((position, end))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in parts if text[s:e].strip()]


def classify_source(text, start, end, parse):
    """``(form, (start, end) of the words that say who)`` for a source span:
    a pronoun; a name (the first part of the span, between commas, headed
    by a proper noun: "Haley Morris, a spokeswoman" and "a spokeswoman,
    Haley Morris" are both names); or a description (its first part)."""
    if speakers.is_pronoun(text[start:end]):
        return "pronoun", (start, end)
    segments = _segments(text, start, end)
    for s, e in segments:
        if re.match(r"\s*(?:who|which|whose|that)\b", text[s:e]):
            break
        head = head_word(text, s, e)
        if head and _proper(text, head, parse):
            return "name", (s, head[1])
    return "description", segments[0] if segments else (start, end)


def description_speaker(text, start, end, parse):
    """A description as a speaker: its core, with a capital lowered when it
    only starts the sentence ("Officials said" -> "officials")."""
    words = speakers.core(text[start:end])
    first = words.split()[0] if words else ""
    if first[:1].isupper() and _sentence_initial(text, start) and re.search(r"\b" + re.escape(first.lower()) + r"\b", text):
        words = words[0].lower() + words[1:]
    return words or None


# Names made whole ------------------------------------------------------------------------


def fullest_name(text, name, names, preferred=()):
    """The longest way the article writes the person ``name``: the same
    surname and suffix, a given name that does not conflict. Names in
    ``preferred`` (those coreference links to the speaker) are tried first;
    among equally long ones with different given names, the one the article
    writes first. Returns ``(name, note)``."""
    words = speakers.name_words(name)
    if not words:
        return name, None
    surname, own_suffix = speakers.fold(words[-1]), speakers.suffix(name)

    def fits(candidate):
        other = speakers.name_words(candidate)
        return (
            bool(other) and speakers.fold(other[-1]) == surname and speakers.suffix(candidate) == own_suffix
            and speakers.same_speaker(candidate, name)
        )

    everyone = [text[n.start:n.end] for n in names if n.kind in ("PERSON", "NAME")]
    for pool in (preferred, everyone):
        candidates = sorted({c for c in pool if fits(c)}, key=lambda c: (-len(speakers.name_words(c)), c))
        if not candidates:
            continue
        size = len(speakers.name_words(candidates[0]))
        longest = [c for c in candidates if len(speakers.name_words(c)) == size]
        givens = {speakers.fold(speakers.name_words(c)[0]) for c in longest}
        chosen = longest[0] if len(givens) == 1 else _first_written(text, longest)
        if size < len(words):
            break
        others = sorted({" ".join(speakers.name_words(c)) for c in everyone
                         if speakers.name_words(c) and speakers.fold(speakers.name_words(c)[-1]) == surname
                         and len(speakers.name_words(c)) > 1 and not speakers.same_speaker(chosen, c)})
        note = f"surname shared with {', '.join(others)}" if others else None
        return " ".join(speakers.name_words(chosen)), note
    return " ".join(words), None


def _first_written(text, candidates):
    """The candidate the article writes first: news copy introduces a person
    by full name before using the bare surname."""
    return min(candidates, key=lambda c: (text.find(c), c))


def person_noun(description):
    """Can the description be a person ("a spokesman", "the reporter"), not
    a thing ("his second tweet", "the oil industry", "some")?"""
    if not description or re.match(r"(?i)(?:his|her|its|their)\s", description):
        return False
    head = speakers.head_noun(description) or ""
    return head in PERSON_NOUNS or head.endswith(PERSON_NOUN_ENDINGS)


def relational(description, name):
    """"the senior Cruz adviser" is not Cruz: a description carrying the
    surname of the person found is about someone else."""
    words = speakers.name_words(name or "")
    return bool(words) and re.search(r"\b" + re.escape(words[-1]) + r"\b", description) is not None


# Genders the article states -------------------------------------------------------------


def stated_genders(text, parse):
    """``(honorifics, chain genders)``: {folded surname: "m"/"f"} from Mr./Ms.
    before a surname (when the article uses only one), and from CoreNLP's
    coreference chains (when three pronouns or more agree and none disagrees)."""
    honorifics = {}
    for match in TITLE_GENDER.finditer(text):
        honorifics.setdefault(speakers.fold(match.group(2)), set()).add("m" if match.group(1) == "Mr" else "f")
    honorifics = {surname: genders.pop() for surname, genders in honorifics.items() if len(genders) == 1}
    votes = {}
    for chain in parse.chains if parse is not None else ():
        surnames, pronouns = set(), []
        for first, last, head in chain:
            token = parse.tokens[head]
            word = speakers.fold(text[token.start:token.end])
            if token.pos in PROPER_POS:
                surnames.add(word)
            # Subject pronouns only: CoreNLP chains "her father ...
            # his presidency" into one, possessives mislead.
            elif word == "he":
                pronouns.append("m")
            elif word == "she":
                pronouns.append("f")
            elif word in FIRST_PERSON:
                pronouns.append("i")
        # A chain naming two people mixes them up: it says nothing.
        if len(surnames) == 1:
            votes.setdefault(surnames.pop(), []).extend(pronouns)
    # The chains decide a gender only when three pronouns or more agree
    # and none disagrees: they are often wrong. A name chained with
    # gendered pronouns or "I" is a person at least, even when the
    # tagger called it an organization ("Le Pen told CNN ... 'I believe'").
    genders = {}
    for surname, said in votes.items():
        m, f = said.count("m"), said.count("f")
        if said:
            genders[surname] = "m" if m >= 3 and not f else "f" if f >= 3 and not m else None
    return honorifics, genders
