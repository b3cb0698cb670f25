"""Speaker phrases: what kind of phrase names a speaker, and whether two
phrases name the same speaker.

The scorer asks ``same_speaker(gold, found)``; the converter asks
``is_pronoun`` and ``core`` to classify a source span. The rules (stated
in corpora/README.md, where a reader of the figures will look for them):

- Both phrases are normalized: accents and case folded, curly apostrophes
  made straight, a possessive 's dropped, and cut at the first comma,
  parenthesis, dash or relative pronoun ("Sen. Debbie Stabenow, D-Mich.",
  "Haley Morris, a spokeswoman" keep their first part). Leading
  determiners, titles and role words ("the", "Sen.", "Dr.", "President",
  "spokeswoman") and party affiliations ("D-Mich.", "(R-Texas)") are
  dropped.
- Equal normalized phrases name the same speaker.
- A gold speaker that is a name (its head word is capitalized: "Debbie
  Stabenow", "the Interior Ministry") is named by a found phrase that is a
  name with the same last word (the surname, suffixes like Jr. aside) and
  no conflicting first word: when both have two or more words, their first
  words are equal or one is the other's initial. "Stabenow" names "Debbie
  Stabenow"; "Mark Stabenow" does not; "Bill Clinton" does not name
  "Hillary Clinton".
- A gold speaker that is a description ("a senior police official") is
  named by a found description with the same head noun (the last word
  before a preposition, singular) whose capitalized words do not conflict:
  when both carry capitalized words, they share one ("the Clinton campaign"
  is not "the Trump campaign").
- A gold speaker of null is right only when nothing is found; a found
  phrase that is only a pronoun names nobody.
"""

import re
import unicodedata

PRONOUNS = frozenset(
    """i me my we us our you your he him his she her hers it its they them their one myself ourselves
    himself herself itself themselves who whom which""".split()
)
DETERMINERS = frozenset("the a an this that these those some several many two three four another".split())
# Titles and role words that may stand before a name ("Sen. Debbie
# Stabenow", "Spokeswoman Haley Morris"): they are not part of the name.
TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lady lord rev rev. reverend
    sen sen. senator rep rep. representative gov gov. governor lt lt. gen gen. general col col. colonel
    maj maj. major capt capt. captain sgt sgt. adm adm. admiral cmdr cmdr. commander lt.-gov. lt.gov.
    president vice vice-president pres pres. premier chancellor minister secretary sec. ambassador
    mayor judge justice attorney chairman chairwoman chair speaker leader candidate nominee
    spokesman spokeswoman spokesperson aide adviser advisor strategist manager director chief
    former then then- the-then sheriff officer detective pastor father bishop pope king queen prince
    princess sheikh mullah maulana imam rabbi""".split()
)
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
PREPOSITIONS = frozenset("of for at from in on with to by under within close near among about".split())
# "Stabenow, D-Mich." / "(R-Texas)": an affiliation, not a name.
AFFILIATION = re.compile(r"^\(?[DRI]-[A-Z][\w.]*\)?,?$")
PARTICLE = re.compile(r"^(?:de|del|della|der|den|van|von|da|das|dos|du|la|le|el|al|bin|ibn|ben|abu|(?:al|el|ul|ud)-\w+)$")
CUT = re.compile(r"\s*(?:,|\(|—|–|\s-\s|\bwho\b|\bwhich\b|\bwhose\b|\bthat\b)")


def fold(text):
    """Case, accents and apostrophes folded: for comparing, never for showing."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("’", "'").replace("‘", "'").casefold()


def is_pronoun(phrase):
    words = re.findall(r"[\w’']+", phrase or "")
    return len(words) == 1 and words[0].casefold() in PRONOUNS


def core(phrase):
    """The words that say who: the phrase up to its first comma, parenthesis,
    dash or relative pronoun, without a trailing possessive. A phrase that
    starts with such a cut ("(R-Texas)") keeps its first part."""
    phrase = (phrase or "").strip()
    match = CUT.search(phrase, 1)
    head = phrase[: match.start()] if match else phrase
    head = re.sub(r"[’']s?$", "", head.strip(" \t\n.,;:!?\"“”‘’"))
    return head.strip()


def _words(phrase):
    return [w for w in re.split(r"\s+", core(phrase)) if w]


def name_words(phrase):
    """The words of the name a phrase is about, in their own capitalization:
    the last run of capitalized words (name particles like "de", "al-"
    allowed inside it) before any preposition, without titles, role words,
    affiliations and suffixes. "Clinton campaign spokesman Brian Fallon" ->
    Brian Fallon; "Sen. Tammy Baldwin of Wisconsin" -> Tammy Baldwin;
    "Secretary of State John Kerry" -> John Kerry (the part before "of" has
    no name); "officials" -> nothing."""
    words = [w.strip(".,;:\"“”") for w in _words(phrase) if not AFFILIATION.match(w)]
    words = [w for w in words if w and fold(w) not in SUFFIXES]
    cut = next((i for i, w in enumerate(words) if i and fold(w) in PREPOSITIONS and w.islower()), None)
    if cut is not None:
        before = _name_run(words[:cut])
        if before:
            return before
    return _name_run(words)


def _name_run(words):
    run = []
    for word in reversed(words):
        if word[:1].isupper() or (run and PARTICLE.match(word)) or (not run and PARTICLE.match(word) and "-" in word):
            run.insert(0, word)
        else:
            break
    # "Vermont Sen. Bernie Sanders", "Senate Majority Leader Mitch
    # McConnell": the name is what follows the last title, if anything does.
    titles = [i for i, word in enumerate(run) if _is_title(word)]
    if titles and titles[-1] < len(run) - 1:
        return run[titles[-1] + 1:]
    while run and _is_title(run[0]):
        run = run[1:]
    return run


def _is_title(word):
    word = fold(word)
    return word in TITLES or word.rstrip(".") in TITLES or word in DETERMINERS


def suffix(phrase):
    return next((fold(w).rstrip(".") for w in _words(phrase) if fold(w) in SUFFIXES), None)


def head_word(phrase):
    """The last word before a preposition: "a spokesman for the campaign" -> spokesman."""
    words = _words(phrase)
    kept = []
    for word in words:
        if kept and fold(word) in PREPOSITIONS:
            break
        kept.append(word)
    return kept[-1] if kept else None


def is_name(phrase):
    """Is the phrase a proper name, not a pronoun? Its head word is
    capitalized ("Sen. Tammy Baldwin of Wisconsin", "the Interior
    Ministry"), or it ends in a name of two words or more after lower-case
    titles ("former secretary of state Hillary Clinton"; but "a spokesman
    for Hillary Clinton", with its article, is a description)."""
    if is_pronoun(phrase):
        return False
    head = head_word(phrase)
    if head and (head[:1].isupper() or "-" in head and PARTICLE.match(head)) and fold(head) not in DETERMINERS:
        return True
    words = _words(phrase)
    return bool(words) and fold(words[0]) not in DETERMINERS and len(name_words(phrase)) >= 2


def head_noun(phrase):
    """The head word folded and made singular (officials -> official, spokesmen -> spokesman)."""
    head = head_word(phrase)
    if not head:
        return None
    word = fold(head).strip(".")
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _plain_words(phrase):
    """The core's words without affiliations and leading determiners or titles."""
    words = [re.sub(r"[’']s$", "", w.strip(".,;:\"“”")) for w in _words(phrase) if not AFFILIATION.match(w)]
    words = [w for w in words if w]
    while words and _is_title(words[0]):
        words = words[1:]
    return words


def normalized(phrase):
    return " ".join(fold(w) for w in _plain_words(phrase))


def _capitalized(phrase):
    return {fold(w) for w in _plain_words(phrase) if w[:1].isupper()}


def same_speaker(gold, found):
    """Does the found speaker phrase name the gold speaker? (module docstring)"""
    if gold is None or not gold.strip():
        return found is None or not found.strip()
    if found is None or not found.strip() or is_pronoun(found):
        return False
    if normalized(gold) and normalized(gold) == normalized(found):
        return True
    if is_name(gold):
        return is_name(found) and _same_person(gold, found)
    if is_name(found):
        return False
    if head_noun(gold) != head_noun(found):
        return False
    gold_caps, found_caps = _capitalized(gold), _capitalized(found)
    return not (gold_caps and found_caps) or bool(gold_caps & found_caps)


def _same_person(gold, found):
    gold_words, found_words = name_words(gold), name_words(found)
    if not gold_words or not found_words:
        return False
    if fold(gold_words[-1]) != fold(found_words[-1]):
        return False
    if suffix(gold) != suffix(found) and len(gold_words) > 1 and len(found_words) > 1:
        return False
    gold_given, found_given = gold_words[:-1], found_words[:-1]
    if not gold_given or not found_given:
        return True
    return any(_same_given_name(a, b) for a in gold_given for b in found_given)


def _same_given_name(a, b):
    a, b = fold(a).rstrip("."), fold(b).rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))
