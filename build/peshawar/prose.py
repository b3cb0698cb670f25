"""The small grammar of news prose the extractor leans on: paragraphs,
sentences, capitalised names, titles, speech cues and noun phrases.

Everything here is a pure function of a string. Word lists are generic
English news vocabulary (cue verbs, titles, outlet-like words); nothing names
an actor, place or outlet of any particular article.
"""

import re
from dataclasses import dataclass

# Speech cues ----------------------------------------------------------------

# Finite verbs that introduce or close a quotation ("X said", "said X").
SPEECH_VERBS = frozenset("""
said says say told tells added adds explained explains stated wrote writes
warned warns claimed claims argued argues noted insisted insists asked asks
declared declares announced announces continued concluded concludes recalled
recalls replied replies responded responds suggested suggests agreed agrees
disagreed disagrees acknowledged admitted admits pledged pledges vowed vows
urged urges confirmed confirms denied denies echoed echoes observed remarked
maintained maintains predicted cautioned tweeted posted complained complains
condemned condemns decried decries stressed stresses reiterated boasted
alleged alleges quipped estimated estimates reported reports emphasized
emphasised contended contends countered lamented claim warn argue insist
acknowledge admit deny confirm allege called calls described describes
shouted shouts cried cries yelled screamed whispered exclaimed joked sighed
pleaded begged demanded demands answered answers explain recounted recounts
""".split())

# Participles that hang a quotation on the clause's subject ("..., calling it").
SPEECH_PARTICIPLES = frozenset("""
saying adding arguing explaining noting calling describing warning insisting
telling claiming stressing suggesting asking declaring calling
""".split())

# Passive cues: "he was quoted in X", "she was quoted as saying".
PASSIVE_CUE_RE = r"(?:was|were|is|are|has\s+been|had\s+been)\s+quoted(?:\s+as\s+saying)?"

CUE_RE = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<according>[Aa]ccording\s+to)"
    r"|(?P<passive>" + PASSIVE_CUE_RE + r")"
    r"|(?P<participle>" + "|".join(sorted(SPEECH_PARTICIPLES)) + r")"
    r"|(?P<verb>" + "|".join(sorted(SPEECH_VERBS)) + r")"
    r")(?![\w-])"
)

# Naming cues: the marked words are a name, not anybody's words.
NAMING_CUE_RE = re.compile(
    r"(?:known\s+as|dubbed|nicknamed|named|so-called|so\s+called|termed|titled|"
    r"entitled|called|labell?ed|branded|referred\s+to\s+as|the\s+(?:term|word|phrase|slogan|name))"
    r"\s*$",
    re.IGNORECASE,
)
# "calling it "...", "called the response "..."": a verb, its object, then
# the marked words characterise the object in somebody's words. Straight
# after the verb ("a group called "...") the marks give a name instead.
# "what she called 'a culture of excuses'": the quoted words are the
# subject's own, a partial quote, not a name the text gives something.
WHAT_X_CALLED_RE = re.compile(
    r"\bwhat\s+(?:he|she|they|it|we|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+(?:has\s+|had\s+|have\s+)?"
    r"(?:called|calls|described\s+as|describes\s+as|termed|terms|dubbed|labell?ed)\s+"
    r"(?:(?:the|a|an|its|his|her|their|our)\s+)?(?:[\w-]+['’]s?\s+)?$"
)
CALLING_IT_RE = re.compile(
    r"\b(?:call(?:ing|ed|s)?|describ(?:ing|ed|es)|brand(?:ing|ed|s)?|label(?:l?ing|l?ed|s)?)\s+"
    r"(?:it|them|him|her|this|that|(?:the|a|an|his|her|their|its)\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:as\s+)?$",
    re.IGNORECASE,
)

PRONOUNS = {"he": "singular", "she": "singular", "they": "plural", "we": "plural", "i": "singular"}

POSSESSIVES = frozenset("his her their its our my your".split())

# Words that name an organisation rather than a person: a name holding one
# is not "he" or "she".
ORGANIZATION_WORDS = frozenset("""
Department Ministry Office Agency Council Commission Authority Association
Society Institute Organization Organisation Union Party Bank Fund Court Police
Army Force Forces Service Committee Board Bureau Group Company Corporation Inc
Ltd University College School Hospital Government Administration Federation
League Club United City Rovers Times News Post Press Journal Network Foundation
Centre Center Programme Program Alliance Front Movement Coalition Assembly
Parliament Senate Congress Embassy Mission Department Directorate
""".split())

# Kinship and other words that tell a person's gender.
FEMALE_WORDS = frozenset("""
she her mother wife widow sister daughter aunt niece grandmother granddaughter
woman girl mrs ms miss lady queen princess actress chairwoman spokeswoman
businesswoman congresswoman policewoman councilwoman girlfriend fiancee bride
""".split())
MALE_WORDS = frozenset("""
he his father husband widower brother son uncle nephew grandfather grandson
man boy mr sir lord king prince actor chairman spokesman businessman
congressman policeman councilman boyfriend fiance groom
""".split())

# Words that begin a noun phrase naming somebody without a name.
DETERMINERS = frozenset("a an the another one two three several some many most other others this that these those".split())

PREPOSITIONS = frozenset("""
in of for from at on with by to about against after before during over under
into onto than as like near across behind between among through since until
upon within without toward towards via per including
""".split())

CONJUNCTIONS = frozenset("and but or nor so yet that which whose whom because although though while if when".split())

# Adverbs and auxiliaries that may sit between a subject and its verb.
SUBJECT_TRAILERS = frozenset("""
also has had have was were is are will would could should may might must
then later earlier already again previously reportedly allegedly publicly
privately once still even just only recently further too
""".split())

# Titles and roles written before a name ("General", "spokesman").
TITLE_WORDS = frozenset("""
General Gen. Lt. Lieutenant Colonel Col. Major Maj. Captain Capt. Brigadier
Brig. Admiral Adm. Sergeant Sgt. Commander Maulana Mullah Mufti Qari Hafiz
Sheikh Shaikh Imam Mr. Mrs. Ms. Miss Dr. Prof. Professor President Premier
Minister Senator Sen. Rep. Representative Governor Gov. Judge Justice Chief
Ambassador Sir Lord Lady King Queen Prince Princess Pope Father Bishop Rev.
Reverend Chancellor Mayor Secretary Speaker Gen Lt Col Maj Capt Mr Mrs Ms Dr
""".split())
ROLE_WORDS = frozenset("""
spokesman spokeswoman spokesperson leader chief commander envoy minister
official analyst expert author founder head president director correspondent
reporter journalist professor successor predecessor deputy aide adviser
advisor ambassador premier governor general schoolgirl schoolboy student
militant cleric scholar researcher photographer editor columnist
captain coach manager owner executive chairman chairwoman secretary officer
lawyer attorney teacher nurse doctor worker resident farmer activist
organiser organizer campaigner candidate rival lawmaker legislator mother
father wife husband widow son daughter brother sister nephew niece uncle aunt
""".split())

# Words that are capitalised only because a sentence starts with them.
SENTENCE_STARTERS = frozenset("""
The A An This That These Those He She They It We I You His Her Their Its Our
But And Or So Yet Then Later Earlier After Before When While Although Though
If In On At For From By With Without Despite Since Until As Here There What
Who Why How Where Which One Two Three Some Many Most Other Others Another
Privately Publicly Meanwhile However Still Also Even Only Just Now Today
Yesterday Tomorrow Last Next Such Both Each Every All No Not Ultimately
Power Analysts Experts Officials Outrage Widening Shattered Barring Follow
Read Loading Photo Related
""".split())

NAME_PARTICLES = frozenset("al el bin ibn ul ur e i de da du van von der den la le di del della dos das ter".split())

# Articles of other languages that open the names of newspapers and
# institutions ("Le …", "El …"), rarely a person's.
FOREIGN_ARTICLES = frozenset("Le La Les El Los Las Il Die Der Das".split())

# A capitalised word of a name: "Okafor", "Bin-Salem", "O'Brien".
NAME_WORD = r"[A-Z][\w’'\-]*[\w]|[A-Z]"
NAME_RUN_RE = re.compile(
    r"(?<![\w’'-])(?:" + NAME_WORD + r")(?:[ \u00a0](?:(?:" + "|".join(sorted(NAME_PARTICLES)) + r")[ \u00a0-])?(?:" + NAME_WORD + r"))*"
)

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr gen lt col maj capt sgt st jan feb mar apr jun jul aug sep sept
oct nov dec inc corp ltd co no vs jr sr prof rev gov sen rep brig adm u.s
u.k u.n e.g i.e a.m p.m etc
""".split())


# Paragraphs and sentences ------------------------------------------------------


def paragraphs(text):
    """``[(start, end)]`` of every non-blank line, trimmed.

    Some articles separate paragraphs by a blank line, others by a single
    newline, so every line is a paragraph.
    """
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append((start, end))
    return spans


SENTENCE_END_RE = re.compile(r"[.!?][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")


def sentences(masked):
    """``[(start, end)]`` of the sentences of a masked text.

    ``masked`` has the inside of every quotation blanked out (see
    ``mask_quotes``) so that a period inside quoted words does not end the
    sentence that carries the quotation's attribution.
    """
    spans = []
    for p_start, p_end in paragraphs(masked):
        start = p_start
        for match in SENTENCE_END_RE.finditer(masked, p_start, p_end):
            if _is_abbreviation(masked, match.start()):
                continue
            end = match.end()
            spans.append((start, end))
            start = end
            while start < p_end and masked[start].isspace():
                start += 1
        if start < p_end:
            spans.append((start, p_end))
    return spans


def _is_abbreviation(text, period):
    if text[period] != ".":
        return False
    word = re.search(r"([\w.]+)$", text[max(0, period - 12):period])
    if not word:
        return False
    token = word.group(1).lower().rstrip(".")
    if token in ABBREVIATIONS:
        return True
    # A single capital initial ("George W. Bush").
    return len(token) == 1 and text[period - 1].isupper()


def mask_quotes(text, spans):
    """``text`` with the inside of each ``(start, end)`` span blanked.

    The blank is a letter, so no cue word or sentence end is found inside a
    quotation; a final ``.!?`` stays, so a quoted sentence still ends one.
    """
    chars = list(text)
    for start, end in spans:
        for index in range(start, end):
            if not chars[index].isspace():
                # Keep the case of letters: a capital after a period still
                # starts a sentence ("… News. “Attacking …").
                chars[index] = "X" if chars[index].isupper() else "x"
        last = end - 1
        while last >= start and text[last].isspace():
            last -= 1
        if last >= start and text[last] in ".!?":
            chars[last] = text[last]
    return "".join(chars)


def sentence_at(sentence_spans, offset):
    """The ``(start, end)`` of the sentence holding ``offset`` (or the nearest before)."""
    best = None
    for start, end in sentence_spans:
        if start <= offset < end or (start <= offset and best is None):
            best = (start, end)
        if start <= offset <= end:
            return start, end
        if start > offset:
            break
        best = (start, end)
    return best or (0, 0)


def word_count(text):
    return len(re.findall(r"[\w’'-]+", text))


# Noun phrases -------------------------------------------------------------------


@dataclass(frozen=True)
class Phrase:
    """A speaker-like noun phrase: what the text says, where, and what kind.

    ``kind`` is "name" (a capitalised name), "pronoun", "statement" (a
    group's statement: "X's statement"), or "description" ("a senior
    commander", "the commander", "Military officials in the capital").
    """

    text: str
    start: int
    end: int
    kind: str


def trim_span(text, start, end, chars=" \t\n\u00a0,;:.\"“”‘’'()"):
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def cut_appositive(text, start, end):
    """Drop a trailing appositive: "Maria Lopez, an expert on X," -> "Maria Lopez".

    An appositive opens with a comma followed by a determiner, a relative
    pronoun or a lowercase word, and runs to the comma before the verb.
    """
    segment = text[start:end].rstrip()
    if not segment.endswith(","):
        return start, end
    # "the lawyer's widow, Ann Smith,": the name is the appositive of a
    # description, and it is the name that speaks.
    pieces = segment[:-1].split(",")
    if len(pieces) >= 2:
        last, previous = pieces[-1].strip(), pieces[-2].strip().split()
        if (
            last and NAME_RUN_RE.fullmatch(last) and not all(w in SENTENCE_STARTERS for w in last.split())
            and previous and re.fullmatch(r"[a-z][a-z-]*", previous[-1])
            and (previous[0].lower() in DETERMINERS or re.search(r"['’]s$", previous[0]) or previous[0].lower() in POSSESSIVES)
        ):
            name_start = start + len(segment) - 1 - len(pieces[-1]) + (len(pieces[-1]) - len(pieces[-1].lstrip()))
            return name_start, name_start + len(last)
    for match in re.finditer(r",\s+(?=(?:a|an|the|who|whose|which|one|[a-z]|\d))", segment):
        head = segment[: match.start()]
        if head.strip():
            return start, start + len(head)
    return start, start + len(segment) - 1


def cut_relative(text, start, end):
    """Drop a relative clause or participle: "a commander who spoke ..." -> "a commander"."""
    segment = text[start:end]
    match = re.search(r"(?:,|\s(?:who|whose|which|that|speaking|talking|writing)\b)", segment)
    if match and match.start() > 0:
        return start, start + match.start()
    return start, end


def last_clause(text, start, end):
    """The part of ``text[start:end]`` after its last comma, semicolon or colon."""
    segment = text[start:end]
    # Commas inside a name's list ("the Department for Environment, Food and
    # Rural Affairs") do not end a clause: skip them.
    listed = re.search(r"[A-Z][\w’'-]*(?:,[ \u00a0]+[A-Z][\w’'-]*)+,?[ \u00a0]+(?:and|&)[ \u00a0]+[A-Z][\w’'-]*(?:[ \u00a0]+[A-Z][\w’'-]*)*$", segment)
    if listed:
        segment = segment[:listed.start()] + segment[listed.start():].replace(",", " ")
    cut = max(segment.rfind(","), segment.rfind(";"), segment.rfind(":"), segment.rfind(" — "), segment.rfind(" – "))
    if cut >= 0:
        start += cut + 1
    return trim_span(text, start, end, " \t\n\u00a0-—–")


def drop_trailers(text, start, end):
    """Strip adverbs/auxiliaries between subject and verb ("the RF also publicly")."""
    while True:
        match = re.search(r"\s+([A-Za-z]+)$", text[start:end])
        if not match:
            return start, end
        word = match.group(1).lower()
        if word in SUBJECT_TRAILERS or (word.endswith("ly") and word not in {"italy", "mully"} and text[start + match.start(1)].islower()):
            end = start + match.start()
        else:
            return start, end


def phrase_before(text, start, end):
    """The speaker-like phrase ending at ``end`` (just before a cue verb).

    ``text[start:end]`` is the stretch between the clause's start and the
    cue. Returns a Phrase or None when it does not end in one.
    """
    start, end = trim_span(text, start, end, " \t\n\u00a0")
    if start >= end:
        return None
    start, end = cut_appositive(text, start, end)
    start, end = last_clause(text, start, end)
    start, end = drop_trailers(text, start, end)
    start, end = trim_span(text, start, end, " \t\n\u00a0,")
    return classify_phrase(text, start, end)


def phrase_after(text, start, end):
    """The speaker-like phrase starting at ``start`` (just after "said")."""
    start, end = trim_span(text, start, end, " \t\n\u00a0")
    for stop in re.finditer(r"[,;:.!?(\[\"“”]|\s(?:who|whose|which|that|speaking|in|on|at|after|before|during|when|as|to)\s", text[start:end]):
        if stop.group() == "." and _is_abbreviation(text, start + stop.start()):
            continue  # "said Dr. Amina Yusuf"
        end = start + stop.start()
        break
    start, end = trim_span(text, start, end, " \t\n\u00a0")
    return classify_phrase(text, start, end)


def classify_phrase(text, start, end):
    """Say what kind of speaker phrase ``text[start:end]`` is, or None."""
    # A clause may open with a conjunction: "and Lopez", "While some experts".
    while True:
        lead = re.match(r"(?:and|but|or|nor|so|yet|while|whereas|although|though|because|when|as|then)\s+", text[start:end], re.IGNORECASE)
        if not lead:
            # "…, which she says": the relative word is not the speaker.
            lead = re.match(r"(?:which|who|whom|that)\s+(?=(?:he|she|they|we|I)\b|[A-Z])", text[start:end])
        if not lead:
            break
        start += lead.end()
    if start >= end:
        return None
    words = text[start:end].split()
    if not words or len(words) > 14 or words[-1].lower() in DETERMINERS - {"one", "two", "three", "others", "some", "many", "several", "most"}:
        return None
    first = words[0].lower()
    if first in CONJUNCTIONS or first in PREPOSITIONS:
        return None
    if len(words) == 1 and first in PRONOUNS:
        return Phrase(text[start:end], start, end, "pronoun")
    statement = re.search(r"^(.*?)['’]s?\s+(?:statement|announcement|message|communiqu[eé]|email|e-mail|letter|video)$", text[start:end])
    if statement and statement.group(1).strip():
        inner_start, inner_end = trim_span(text, start, start + len(statement.group(1)))
        inner_start = _skip_determiner(text, inner_start, inner_end)
        return Phrase(text[inner_start:inner_end], inner_start, inner_end, "statement")
    name = trailing_name(text, start, end)
    if name is not None:
        return name
    if first in DETERMINERS or text[start].islower() or words[0][0].isupper():
        phrase_start, phrase_end = cut_relative(text, start, end)
        phrase_start, phrase_end = trim_span(text, phrase_start, phrase_end, " \t\n\u00a0,")
        if phrase_start < phrase_end and not text[phrase_start:phrase_end].lower() in CONJUNCTIONS:
            return Phrase(text[phrase_start:phrase_end], phrase_start, phrase_end, "description")
    return None


def _skip_determiner(text, start, end):
    match = re.match(r"(?:the|a|an)\s+", text[start:end], re.IGNORECASE)
    return start + match.end() if match else start


def trailing_name(text, start, end):
    """A capitalised name closing ``text[start:end]``, with titles dropped.

    "River Front spokesman John Okafor" -> "John Okafor";
    "General Ade Bello" -> "Ade Bello". A name after a preposition
    ("officials in Lagos") is not the phrase's head, so it is refused.
    A parenthesised abbreviation after the name ("... Front (RF)") is
    kept with it.
    """
    segment = text[start:end]
    paren = re.search(r"\s*\([^()]*\)$", segment)
    core_end = end - (len(paren.group()) if paren else 0)
    runs = list(NAME_RUN_RE.finditer(text, start, core_end))
    if not runs or runs[-1].end() != core_end:
        return None
    run = runs[-1]
    run_start = run.start()
    # Join runs separated only by a hyphen and space ("River- Front").
    while len(runs) > 1 and re.fullmatch(r"-?\s", text[runs[-2].end():run_start] or "x"):
        runs.pop()
        run_start = runs[-1].start()
    before = text[start:run_start].split()
    if before and before[-1].lower() in PREPOSITIONS:
        return None
    if len(before) > 1 and before[-1] in ("and", "&") and before[-2][:1].isupper():
        return None  # the last of a list of names ("… Food and Rural Affairs") is not the head
    words = list(re.finditer(r"\S+", text[run_start:core_end]))
    # A possessive inside the run is not part of the name:
    # "Ruritania's Prime Minister Ade Bello" -> "Prime Minister Ade Bello".
    for position in range(len(words) - 1, -1, -1):
        if position < len(words) - 1 and re.search(r"['’]s$", words[position].group()):
            run_start += words[position + 1].start()
            words = list(re.finditer(r"\S+", text[run_start:core_end]))
            break
    name_start = run_start
    # Drop leading titles, but keep at least one word.
    index = 0
    while index < len(words) - 1 and _is_title(words, index):
        index += 1
    if index:
        name_start = run_start + words[index].start()
    if all(w.group() in SENTENCE_STARTERS for w in words[index:]):
        return None
    return Phrase(text[name_start:core_end], name_start, core_end, "name")


def _is_title(words, index):
    word = words[index].group()
    if word in TITLE_WORDS or (word[0].isupper() and word.lower() in ROLE_WORDS):
        return True  # "General", "Manager Elena Costa"
    # Two-word titles: "Prime Minister", "Army chief".
    return index + 1 < len(words) and words[index + 1].group() in {"Minister", "Secretary", "Justice", "General"} and word[0].isupper()
