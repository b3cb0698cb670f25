"""The extractor's rules, one at a time, on short texts written for these
tests (none of them comes from the seed articles), plus the `extract` CLI."""

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from peshawar.cli import cli
from peshawar.extractor import Registry, analyse, extract
from peshawar.extractor.marks import pair_marks

ROOT = Path(__file__).resolve().parents[1]

ACTORS = [
    {"id": "maria-lopez", "name": "Maria Lopez", "kind": "person", "aliases": ["Lopez"]},
    {"id": "john-okafor", "name": "John Okafor", "kind": "person"},
    {"id": "ade-bello", "name": "Ade Bello", "kind": "person"},
    {"id": "sam-reed", "name": "Sam Reed", "kind": "person"},
    {"id": "daily-planet", "name": "The Daily Planet", "kind": "news_outlet", "aliases": ["Daily Planet"]},
    {"id": "global-wire", "name": "Global Wire", "kind": "wire_service", "aliases": ["GW"]},
    {"id": "river-front", "name": "River Front", "kind": "militant_group", "aliases": ["RF"]},
    {"id": "northern-institute", "name": "Northern Institute", "kind": "research_organization"},
    {"id": "long-road", "name": "The Long Road Home", "kind": "publication"},
    {"id": "rains-report", "name": "Rains Came Early to the Valley", "kind": "publication"},
]


@pytest.fixture(scope="module")
def registry():
    return Registry.from_actors(ACTORS)


def verbatim(text, result):
    """Every returned span is the slice of the text at its offsets."""
    for items in result.values():
        for item in items:
            assert item["end_char"] > item["start_char"]
            assert text[item["start_char"]:item["end_char"]] == item["text"]


def only_quote(text, registry):
    result = analyse(text, registry)
    verbatim(text, result)
    assert len(result["quotes"]) == 1, result["quotes"]
    return result["quotes"][0]


# Attribution patterns -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, words, speaker, speaker_id, cue, rule",
    [
        ('"We will rebuild the bridge," Maria Lopez said.', "We will rebuild the bridge,", "Maria Lopez", "maria-lopez", "said", "x_said_after"),
        ('"We will rebuild," said John Okafor, the mayor of the town.', "We will rebuild,", "John Okafor", "john-okafor", "said", "said_x_after"),
        ('"Nobody warned us," Okafor told The Daily Planet.', "Nobody warned us,", "Okafor", "john-okafor", "told", "x_told_after"),
        ('According to Maria Lopez, the dam "was never inspected."', "was never inspected.", "Maria Lopez", "maria-lopez", "according to", "according_to"),
        ('Lopez said:\n\n"The water came at night and took everything."', "The water came at night and took everything.", "Lopez", "maria-lopez", "said", "colon_lead_in"),
        ('Lopez said the levee was "never finished" when she arrived.', "never finished", "Lopez", "maria-lopez", "said", "cue_before_in_sentence"),
    ],
)
def test_attribution_patterns(registry, text, words, speaker, speaker_id, cue, rule):
    quote = only_quote(text, registry)
    assert (quote["text"], quote["speaker"], quote["speaker_id"], quote["cue"], quote["rule"]) == (words, speaker, speaker_id, cue, rule)
    assert 0 < quote["confidence"] <= 1


def test_told_records_the_channel(registry):
    quote = only_quote('"Nobody warned us," Okafor told The Daily Planet.', registry)
    assert (quote["channel"], quote["channel_id"]) == ("The Daily Planet", "daily-planet")


def test_said_in_a_statement_keeps_channel_in_cue(registry):
    quote = only_quote('"The plant will reopen in spring," Maria Lopez said in a statement on Friday.', registry)
    assert quote["cue"] == "said in a statement"
    assert quote["speaker_id"] == "maria-lopez"


def test_pronoun_goes_to_the_last_named_speaker(registry):
    text = 'Maria Lopez said the town would recover. Okafor disagreed with her.\n\n"It is too early to tell," he said.'
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_id"]) == ("he", "john-okafor")


def test_pronoun_goes_to_the_person_the_last_sentence_is_about(registry):
    text = 'Lopez said the pumps had failed. Her deputy, Ade Bello, rejected that.\n\n"The pumps work," he said.'
    assert only_quote(text, registry)["speaker_id"] == "ade-bello"


def test_pronoun_she_skips_the_man_named_last(registry):
    text = 'Maria Lopez told reporters the pumps had failed. Mr. John Okafor, her deputy, stood beside her.\n\n"We need new pumps," she added.'
    quote = only_quote(text, registry)
    assert quote["speaker"] == "she"
    assert quote["speaker_id"] == "maria-lopez"


def test_pronoun_carries_the_name_of_an_unregistered_speaker(registry):
    text = 'Site manager Farida Noor told the Daily Planet that the road was shut. She said crews would reopen it "by nightfall" at the latest.'
    quote = only_quote(text, registry)
    assert (quote["text"], quote["speaker"], quote["speaker_id"]) == ("by nightfall", "Farida Noor", None)


def test_a_title_with_a_period_before_the_speaker(registry):
    quote = only_quote('"The road is open," Gov. Farida Noor told reporters in the capital.', registry)
    assert (quote["speaker"], quote["rule"]) == ("Farida Noor", "x_told_after")


def test_the_last_name_in_a_list_is_not_the_speaker(registry):
    text = "A spokesman for the Department for Roads, Rivers and Rural Works said: ‘Every bridge will be checked this week.’"
    assert only_quote(text, registry)["speaker"].startswith("A spokesman for the Department")


def test_what_she_called_marks_a_partial_quote(registry):
    text = "Farida Noor told the Daily Planet she would demand an inquiry into what she called the council’s ‘culture of delay’."
    quote = only_quote(text, registry)
    assert (quote["text"], quote["speaker"]) == ("culture of delay", "Farida Noor")


def test_an_elided_year_inside_single_marks_is_an_apostrophe(registry):
    text = "‘We will manage, like we did in ’76,’ said one farmer."
    quote = only_quote(text, registry)
    assert quote["text"] == "We will manage, like we did in ’76,"


def test_speaker_named_in_the_sentence_before(registry):
    text = 'Maria Lopez spoke to the crowd after the service.\n\n"We will not forget the people we lost in this flood."'
    quote = only_quote(text, registry)
    assert quote["speaker_id"] == "maria-lopez"
    assert quote["rule"] == "previous_sentence_name"


def test_speech_verb_in_the_sentence_before(registry):
    text = 'Lopez explained why the town stayed. "Our families have farmed here for two centuries."'
    quote = only_quote(text, registry)
    assert (quote["speaker_id"], quote["rule"]) == ("maria-lopez", "previous_sentence")


def test_quote_interrupted_by_its_attribution_in_one_sentence(registry):
    text = '"The first part of it," Lopez said, "and then the second part of it."'
    quotes = analyse(text, registry)["quotes"]
    assert [q["speaker_id"] for q in quotes] == ["maria-lopez", "maria-lopez"]
    assert [q["part"] for q in quotes] == [1, 2]


def test_quote_continued_after_its_attribution_sentence(registry):
    text = '"The first sentence is here," Okafor told reporters. "The second sentence is here."'
    quotes = analyse(text, registry)["quotes"]
    assert [q["speaker_id"] for q in quotes] == ["john-okafor", "john-okafor"]
    assert quotes[1]["rule"] == "interrupted"
    assert [q["part"] for q in quotes] == [1, 2]


def test_the_commander_is_the_last_person_described_that_way(registry):
    text = (
        "Colonel Ade Bello, the regional commander, arrived on Friday. Reporters waited for an hour.\n\n"
        '"We hold the line," the commander said.'
    )
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_id"]) == ("the commander", "ade-bello")


def test_an_unnamed_commander_stays_unnamed(registry):
    text = (
        "A local commander who asked not to be named told reporters the town had fallen.\n\n"
        '"We had no choice," the commander said.'
    )
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_id"]) == ("the commander", None)


def test_a_groups_statement_speaks_for_the_group(registry):
    quote = only_quote('"Our fighters did not attack the clinic," the River Front\'s statement said.', registry)
    assert (quote["speaker_id"], quote["rule"]) == ("river-front", "statement")


def test_participle_cue_hangs_on_the_sentence_subject(registry):
    text = 'After a long silence, the River Front condemned the raid, calling it "a crime against the valley."'
    quote = only_quote(text, registry)
    assert quote["speaker_id"] == "river-front"
    assert quote["form"] == "partial"


def test_pull_quote_takes_the_speaker_of_its_twin(registry):
    text = (
        "'Nobody in this valley will forget the night the water came.'\n\n"
        "The town has counted its losses.\n\n"
        '"Nobody in this valley will forget the night the water came," Lopez said.'
    )
    quotes = analyse(text, registry)["quotes"]
    assert [q["speaker_id"] for q in quotes] == ["maria-lopez", "maria-lopez"]
    assert quotes[0]["rule"] == "pull_quote_twin" and quotes[0]["pull_quote"] is True


def test_unknown_speaker_is_reported_with_null_id(registry):
    quote = only_quote('"The road is closed," Petra Novak said.', registry)
    assert (quote["speaker"], quote["speaker_id"]) == ("Petra Novak", None)


def test_title_is_dropped_from_the_speaker_name(registry):
    quote = only_quote('"The road is closed," Prime Minister Petra Novak said.', registry)
    assert quote["speaker"] == "Petra Novak"


# Mark styles ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"We are ready," Lopez said.',
        "\u201cWe are ready,\u201d Lopez said.",
        "'We are ready,' Lopez said.",
        "\u2018We are ready,\u2019 Lopez said.",
        '\u201cWe are ready," Lopez said.',  # curly open, straight close
        "'We are ready,\" Lopez said.",  # single open, double close
        '"We are ready,\u201d Lopez said.',  # straight open, curly close
    ],
)
def test_every_mark_style_pairs(registry, text):
    quote = only_quote(text, registry)
    assert quote["text"] == "We are ready,"
    assert quote["speaker_id"] == "maria-lopez"


def test_quote_running_over_a_paragraph_break(registry):
    text = (
        '"The first paragraph of the statement goes on for a while.\n\n'
        '"The second paragraph ends it," Lopez said.'
    )
    quotes = analyse(text, registry)["quotes"]
    assert [q["text"] for q in quotes] == [
        "The first paragraph of the statement goes on for a while.",
        "The second paragraph ends it,",
    ]
    assert [q["speaker_id"] for q in quotes] == ["maria-lopez", "maria-lopez"]
    assert quotes[0]["rule"] == "paragraph_continuation"
    assert [q["part"] for q in quotes] == [1, 2]


def test_apostrophes_are_not_marks(registry):
    text = "The fighters' camps were hit, Lopez's office said. 'They're gone,' Okafor said."
    quote = only_quote(text, registry)
    assert quote["text"] == "They're gone,"
    assert quote["speaker_id"] == "john-okafor"


def test_plural_possessive_inside_a_single_quote(registry):
    quote = only_quote("'The farmers' fields are under water,' Lopez said.", registry)
    assert quote["text"] == "The farmers' fields are under water,"


def test_nested_quotation_stays_inside_the_outer_one(registry):
    quote = only_quote("\"He told us 'stay home' and we did,\" Lopez said.", registry)
    assert quote["text"] == "He told us 'stay home' and we did,"


# Not quotes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, words, reason",
    [
        ('The militia leader, known as "the Fox", fled north.', "the Fox", "nickname"),
        ('The so-called "peace dividend" never reached the valley.', "peace dividend", "name"),
        ("Her report, \u201cRivers of Dust,\u201d was published in May.", "Rivers of Dust,", "name"),
        ("The campaign, dubbed \u201cOperation Clear Water,\u201d began in May.", "Operation Clear Water,", "name"),
        ('The army praised its "surgical" strikes on the hills.', "surgical", "scare_quote"),
        ('Critics of the "river first" policy marched through the town on Sunday.', "river first", "scare_quote"),
    ],
)
def test_scare_quotes_nicknames_and_names_are_not_quotes(registry, text, words, reason):
    result = analyse(text, registry)
    verbatim(text, result)
    assert result["quotes"] == []
    assert [(q["text"], q["reason"]) for q in result["not_quotes"]] == [(words, reason)]


def test_short_quote_far_from_its_cue_is_a_scare_quote(registry):
    text = (
        "Lopez said the council had spent the money on roads in the north of the province while the southern "
        'towns waited for years for the so promised "improvements" to arrive.'
    )
    assert analyse(text, registry)["quotes"] == []


def test_short_quote_next_to_its_cue_is_a_quote(registry):
    quote = only_quote('Lopez called the response "slow".', registry)
    assert quote["text"] == "slow"
    assert quote["speaker_id"] == "maria-lopez"


# Unbalanced marks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        'He said "hello and left.\n\nThe end." And \'then\' there "was',
        '"',
        '\u201d\u201c\u2019\u2018\'"',
        '"A, "B" "C',
        "'90s music \"was loud,\" she said.",
        '"Unclosed at the very end',
    ],
)
def test_unbalanced_marks_never_crash_or_misplace(registry, text):
    result = analyse(text, registry)
    verbatim(text, result)


def test_random_text_never_crashes_and_stays_verbatim(registry):
    pieces = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\n", "\n\n", " ", ",", ".", ":", "said", "told",
              "Lopez", "he", "the commander", "According to", "at least", "12", "half a dozen", "one million",
              "June 3, 2015", "known as", "GW Photo/", "(", ")", "[", "](#)", "Read more here.", "people", "killed",
              "Mr.", "General", "\u2014", "-", "It's", "farmers'", "\u00a0", "10:10pm", "in a statement"]
    rng = random.Random(20141216)
    for _ in range(400):
        text = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(rng.randint(0, 30)))
        verbatim(text, analyse(text, registry))


def test_empty_text_gives_empty_lists(registry):
    assert extract("", registry) == {"quotes": [], "claims": [], "mentions": [], "citations": []}


def test_pairing_drops_an_unclosed_mark():
    text = 'He said "hello and left.\n\nNext paragraph.'
    assert pair_marks(text) == []


# Numbers ------------------------------------------------------------------------------


def claims_of(text, registry):
    result = analyse(text, registry)
    verbatim(text, result)
    return {c["text"]: c for c in result["claims"]}


@pytest.mark.parametrize(
    "text, words, value",
    [
        ("Seven boats were lost.", "Seven boats", 7),
        ("Half a dozen houses collapsed.", "Half a dozen houses", 6),
        ("Over a dozen bridges were closed.", "Over a dozen bridges", 12),
        ("The fund raised one million dollars.", "one million dollars", 1_000_000),
        ("The army sent 1,800 engineers.", "1,800 engineers", 1800),
        ("About 30,000 sandbags were filled.", "About 30,000 sandbags", 30000),
        ("Twenty-five pumps arrived.", "Twenty-five pumps", 25),
        ("Dozens of cars were swept away.", "Dozens of cars", 24),
        ("The repairs will cost $5m.", "$5m", 5_000_000),
        ("Turnout was 40% lower.", "40%", 40),
    ],
)
def test_number_words_and_digits(registry, text, words, value):
    claims = claims_of(text, registry)
    assert claims[words]["value"] == value


@pytest.mark.parametrize(
    "text, qualifier",
    [
        ("At least 40 villages flooded.", "at_least"),
        ("More than 40 villages flooded.", "more_than"),
        ("Over 40 villages flooded.", "more_than"),
        ("About 40 villages flooded.", "about"),
        ("Around 40 villages flooded.", "about"),
        ("Some 40 villages flooded.", "about"),
        ("As many as 40 villages flooded.", "as_many_as"),
        ("Up to 40 villages flooded.", "up_to"),
        ("Fewer than 40 villages flooded.", "fewer_than"),
        ("The water reached 40 villages.", "exact"),
    ],
)
def test_qualifiers(registry, text, qualifier):
    (claim,) = claims_of(text, registry).values()
    assert (claim["value"], claim["unit"], claim["qualifier"]) == (40, "villages", qualifier)


@pytest.mark.parametrize(
    "text, words, kind",
    [
        ("At least 12 people were killed in the collapse.", "At least 12 people", "death_toll"),
        ("The blast left 9 children dead.", "9 children", "death_toll"),
        ("More than 30 people were wounded.", "More than 30 people", "injured"),
        ("Four gunmen stormed the market.", "Four gunmen", "attackers"),
        ("The dam was finished in 1998.", "1998", "year"),
        ("A 9-year-old boy was rescued.", "9-year-old", "age"),
        ("The camp is 40 km from the border.", "40 km", "distance"),
        ("The town is about 90 miles north of the capital.", "about 90 miles", "distance"),
        ("The government sent 5,000 troops.", "5,000 troops", "troops"),
        ("Some 20,000 people were displaced by the water.", "Some 20,000 people", "displaced"),
        ("Three factions joined the alliance.", "Three factions", "group_count"),
        ("The army says it killed 300 militants.", "300 militants", "militants_killed"),
        ("The flood lasted six days.", "six days", "duration"),
        ("The levee broke on March 4, 2015.", "March 4, 2015", "date"),
    ],
)
def test_kinds(registry, text, words, kind):
    assert claims_of(text, registry)[words]["kind"] == kind


def test_killed_and_wounded_together_is_not_a_death_toll(registry):
    claims = claims_of("The shelling was killing and wounding dozens every week.", registry)
    assert claims["dozens"]["kind"] == "other"


def test_date_values_follow_the_seeds_convention(registry):
    claims = claims_of("The levee broke on March 4 and was rebuilt by August 2016.", registry)
    assert (claims["March 4"]["value"], claims["March 4"]["unit"]) == (4, "day")
    assert (claims["August 2016"]["value"], claims["August 2016"]["unit"]) == (2016, "year")


@pytest.mark.parametrize(
    "words, iso",
    [("Tuesday, March 4, 2015", "2015-03-04"), ("Aug. 9, 2016", "2016-08-09"), ("August 2016", "2016-08"),
     ("17/12/2014", "2014-12-17"), ("March 4", None)],
)
def test_date_claims_carry_an_iso_date_when_the_year_is_given(registry, words, iso):
    claim = claims_of(f"The levee broke on {words}.", registry)[words]
    assert claim.get("date") == iso


def test_two_years_in_a_row_are_two_claims(registry):
    claims = claims_of("The floods came in 2008 and 2009.", registry)
    assert [c["value"] for c in claims.values()] == [2008, 2009]


def test_numbers_that_count_nothing_are_set_aside(registry):
    text = "One of the dams held. The two engineers who built it are the number one team. The clock read 10:45 pm."
    result = analyse(text, registry)
    verbatim(text, result)
    assert result["claims"] == []
    assert {n["reason"] for n in result["not_numbers"]} == {"pronoun", "other", "idiom"}


def test_claim_credited_to_according_to(registry):
    claims = claims_of("At least 12 people were killed, according to The Daily Planet.", registry)
    claim = claims["At least 12 people"]
    assert claim["claimant_id"] == "daily-planet"
    assert claim["attribution_text"] == "according to The Daily Planet"


# Citations ------------------------------------------------------------------------------


def citations_of(text, registry):
    result = analyse(text, registry)
    verbatim(text, result)
    return [(c["text"], c["cited_id"], c["kind"]) for c in result["citations"]]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The toll rose to 31, according to The Daily Planet.", [("according to The Daily Planet", "daily-planet", "news_outlet")]),
        ("Global Wire reported the blast.", [("Global Wire reported", "global-wire", "wire_service")]),
        ("As the Daily Planet reports in its account, the army moved in.", [("As the Daily Planet reports in its account", "daily-planet", "news_outlet")]),
        ("She told The Daily Planet the dam was safe.", [("told The Daily Planet", "daily-planet", "news_outlet")]),
        ("He was quoted in The Daily Planet on Monday.", [("quoted in The Daily Planet", "daily-planet", "news_outlet")]),
        ("The Daily Planet newspaper quoted an engineer.", [("The Daily Planet newspaper quoted", "daily-planet", "news_outlet")]),
        ("Rescuers carry a child. (GW Photo/Sam Reed)", [("(GW Photo/Sam Reed)", "global-wire", "wire_photo"), ("Sam Reed", "sam-reed", "wire_photo")]),
        ("Photo via GW/River Front\n\nThe water rose.", [("Photo via GW", "global-wire", "wire_photo"), ("GW/River Front", "river-front", "other")]),
        ("Lopez, the author of The Long Road Home, said nothing.", [("The Long Road Home", "long-road", "book")]),
        ("Read on. ([Rains Came Early to the Valley](#))", [("Rains Came Early to the Valley", "rains-report", "related_article")]),
        ("Rains Came Early to the Valley. Read more here.", [("Rains Came Early to the Valley. Read more here.", "rains-report", "related_article")]),
        ("Two died, according to a statement from the Northern Institute.", [("according to a statement from the Northern Institute", "northern-institute", "research_organization")]),
        ("RIVERTOWN (GW) — The levee broke.", [("(GW)", "global-wire", "wire_service")]),
        ("The Daily Planet contributed to this report.", [("The Daily Planet contributed to this report", "daily-planet", "news_outlet")]),
    ],
)
def test_citation_cues(registry, text, expected):
    assert citations_of(text, registry) == expected


def test_as_x_explains_for_y_cites_both(registry):
    text = "As Maria Lopez explains in her study for the Northern Institute, the river is rising."
    cited = {c[1] for c in citations_of(text, registry)}
    assert cited == {"maria-lopez", "northern-institute"}


def test_according_to_a_person_is_not_a_citation(registry):
    assert citations_of("According to Lopez, the river is rising.", registry) == []


def test_unknown_outlet_is_cited_without_id(registry):
    assert citations_of("The dam cracked, according to the Valley Herald.", registry) == [
        ("according to the Valley Herald", None, "news_outlet")
    ]


def test_told_a_lone_name_that_is_nobodys_surname_is_an_outlet(registry):
    assert citations_of("Farida Noor told Kestrel on Monday that the road was shut.", registry) == [
        ("told Kestrel", None, "news_outlet")
    ]
    assert citations_of("Farida Noor spoke first. Later Omar Noor told Noor that it was shut.", registry) == []


@pytest.mark.parametrize("text, expected", [
    ("Crossings fell, according to data from the Federal Transit Administration.",
     ("according to data from the Federal Transit Administration", None, "other")),
    ("Bills will rise, according to figures published by the regulator Watermark.",
     ("according to figures published by the regulator Watermark", None, "other")),
    ("Hours fell, according to a 2022 report by the think tank Longview.",
     ("according to a 2022 report by the think tank Longview", None, "other")),
    ("About 900 flights were cancelled, according to FlyTracker.",
     ("according to FlyTracker", None, "other")),
    ("Additional reporting by Valley Press", ("Valley Press", None, "news_outlet")),
])
def test_documents_and_their_issuers_are_cited(registry, text, expected):
    assert citations_of(text, registry) == [expected]


@pytest.mark.parametrize("text, value, unit, words", [
    ("The lamp burned for half a century.", 50, "years", "half a century"),
    ("Fares rose 58 per cent in a year.", 58, "percent", "58 per cent"),
])
def test_spans_of_years_and_per_cent(registry, text, value, unit, words):
    claims = analyse(text, registry)["claims"]
    assert (claims[0]["text"], claims[0]["value"], claims[0]["unit"]) == (words, value, unit)


def test_according_to_a_surname_stays_a_speaker(registry):
    text = "Farida Noor inspected the line. It was safe last week, according to Noor."
    assert citations_of(text, registry) == []


def test_unknown_institution_is_cited_as_other(registry):
    assert citations_of("Some 40 homes flooded, according to the Provincial Relief Authority.", registry) == [
        ("according to the Provincial Relief Authority", None, "other")
    ]


# Mentions ---------------------------------------------------------------------------------


def mentions_of(text, registry):
    result = analyse(text, registry)
    verbatim(text, result)
    return [(m["text"], m["actor_id"], m["rule"]) for m in result["mentions"]]


def test_aliases_longest_first(registry):
    assert mentions_of("The Daily Planet and Daily Planet staff", registry) == [
        ("The Daily Planet", "daily-planet", "alias_match"),
        ("Daily Planet", "daily-planet", "alias_match"),
    ]


def test_registry_keeps_an_actors_spellings_that_differ_only_in_case():
    registry = Registry.from_actors([
        {"id": "river-front", "name": "River Front", "kind": "militant_group", "aliases": ["River front"]},
        {"id": "other", "name": "RIVER FRONT", "kind": "organization"},
    ])
    assert registry.aliases == {"River Front": "river-front", "River front": "river-front"}


def test_surname_after_the_full_name(registry):
    assert ("Okafor", "john-okafor", "surname") in mentions_of("John Okafor spoke first. Later Okafor left.", registry)


def test_new_names_after_a_title_or_next_to_said(registry):
    found = mentions_of("General Petra Novak arrived. Tomas Berg said the road was shut.", registry)
    assert ("Petra Novak", None, "new_name") in found
    assert ("Tomas Berg", None, "new_name") in found


def test_mentions_carry_surface_and_actor(registry):
    (mention,) = extract("Maria Lopez", registry)["mentions"]
    assert mention["surface"] == "Maria Lopez" and mention["actor_id"] == "maria-lopez"
    assert mention["rule"] == "alias_match" and mention["confidence"] == 1.0


def test_rules_name_no_seed_strings():
    """The rules are generic: no actor, place or outlet of the seeds in them."""
    extractor = ROOT / "build" / "peshawar" / "extractor"
    sources = "".join(path.read_text(encoding="utf-8") for path in sorted(extractor.rglob("*")) if path.suffix in (".py", ".txt"))
    for word in ("Khorasani", "Abdullah", "Peshawar", "VICE", "Fazlullah", "Siddiqa", "Sharif", "Taliban", "NBC", "Waziristan"):
        assert word not in sources


# The command line ---------------------------------------------------------------------------


def test_extract_command_prints_one_json_object(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text('"The river is rising," Maria Lopez said. At least 12 people were killed.\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(article)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"quotes", "claims", "mentions", "citations"}
    for key, extra in (("quotes", {"speaker", "speaker_id", "cue"}), ("claims", {"value", "unit", "qualifier", "kind"}),
                       ("mentions", {"actor_id", "surface"}), ("citations", {"cited", "cited_id", "kind"})):
        for item in data[key]:
            assert {"text", "start_char", "end_char", "rule", "confidence"} | extra <= set(item)


def test_extract_as_a_module_prints_only_json(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("\u201cWe will stay,\u201d she said.", encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "peshawar", "extract", str(article)],
        capture_output=True, text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT / "build"), "PATH": "/usr/bin:/bin"},
    )
    assert completed.returncode == 0, completed.stderr
    assert len(completed.stdout.strip().splitlines()) == 1
    assert json.loads(completed.stdout)["quotes"][0]["text"] == "We will stay,"


def test_extract_empty_file(tmp_path):
    article = tmp_path / "empty.txt"
    article.write_bytes(b"")
    result = CliRunner().invoke(cli, ["extract", str(article)])
    assert json.loads(result.stdout) == {"quotes": [], "claims": [], "mentions": [], "citations": []}


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00", b"caf\xe9 au lait", None])
def test_extract_refuses_binary_missing_and_non_utf8(tmp_path, content):
    article = tmp_path / "bad.txt"
    if content is not None:
        article.write_bytes(content)
    result = CliRunner().invoke(cli, ["extract", str(article)])
    assert result.exit_code != 0
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_make_extract_prints_only_the_json_object(tmp_path):
    if shutil.which("make") is None or not (ROOT / ".venv" / "bin" / ".installed").exists():
        pytest.skip("make or the installed .venv is not available")
    article = tmp_path / "a.txt"
    article.write_text('"The river is rising," Maria Lopez said.', encoding="utf-8")
    completed = subprocess.run(["make", "--no-print-directory", "extract", f"FILE={article}"], capture_output=True, text=True, cwd=ROOT)
    assert completed.returncode == 0, completed.stderr
    assert set(json.loads(completed.stdout)) == {"quotes", "claims", "mentions", "citations"}


# Generalisation: patterns met in news articles written outside the seeds ---------------


@pytest.mark.parametrize(
    "text, speaker, speaker_id",
    [
        # The name after a description and a comma is the appositive that speaks.
        ("Outside the court, the lawyer's widow, Ana Ruiz, told reporters she had waited.\n\n"
         '"It does not bring him back," she said.', "Ana Ruiz", None),
        # An organisation named by "according to" is not "she".
        ('Ana Ruiz spoke first. Crops were lost, according to the Farm Department.\n\n"We lost everything," she said.',
         "Ana Ruiz", None),
        # A sentence subject after a possessive description set off by commas.
        ('Maria Lopez won the seat. Her rival, John Okafor, conceded early.\n\n"I respect that," he said.',
         "he", "john-okafor"),
        # A team name and a role word before the subject's name.
        ('Maria Lopez scored twice. Rovers captain John Okafor blamed the referee.\n\n"It was never a penalty," he said.',
         "he", "john-okafor"),
        # A title learnt for an unregistered man: "she" skips him.
        ('Ana Ruiz runs the farm. Mr Pedro Gil said the pumps had failed.\n\n"We are tired," she said.', "Ana Ruiz", None),
        # "who asked not to be named" is no speech cue; the official speaks.
        ('"The driver was going too fast," a senior railway official, who asked not to be named, told reporters.',
         "a senior railway official", None),
        # "said his wife, NAME": the name is the speaker.
        ('"It is a miracle," said his wife, Rekha Patil, who was travelling with him.', "Rekha Patil", None),
        # A subject after an opening phrase set off by a comma.
        ('For 40 years, Ana Ruiz has run the shop.\n\n"People told me nobody reads," she said.', "Ana Ruiz", None),
        # A capitalised role word is a title, dropped from the name.
        ('"We are cutting jobs," Chief Executive Ana Ruiz said.', "Ana Ruiz", None),
        # Name particles of other languages stay in the name.
        ('"The heat will last," said Ruben del Campo.', "Ruben del Campo", None),
        # An age before the subject's name.
        ('Ms Ana Ruiz spoke first.\n\nIn the town, 67-year-old Pedro Gil sat in the shade.\n\n'
         '"I have never known a summer like this," he said.', "Pedro Gil", None),
        # A newspaper's name is not "she".
        ('Ana Ruiz wrote the book last year. Le Monde described its style as superb.\n\n"I understand them," she adds.', "Ana Ruiz", None),
        # No sentence opens with the name: the last person-like name before the pronoun.
        ('The first time Ana Ruiz saw the sea, she was nine.\n\n"I thought it would be blue," she says.', "Ana Ruiz", None),
    ],
)
def test_speakers_in_unseen_styles(registry, text, speaker, speaker_id):
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_id"]) == (speaker, speaker_id)


def test_relative_which_before_a_pronoun_cue(registry):
    text = 'Maria Lopez runs the shop. Her bestseller is a novel, which she says children buy "by the armful".'
    quote = only_quote(text, registry)
    assert (quote["text"], quote["speaker_id"]) == ("by the armful", "maria-lopez")


def test_quoted_words_modifying_a_noun_are_not_a_quote(registry):
    result = analyse('Critics said the council\'s "flood-ready" plan, announced in 2019, had never been funded.', registry)
    assert result["quotes"] == []
    assert [(q["text"], q["reason"]) for q in result["not_quotes"]] == [("flood-ready", "scare_quote")]
    # Followed by "that" or "of", the marked words are still the speaker's.
    quote = only_quote('Lopez told reporters the council is a "tired body" that meets too rarely.', registry)
    assert quote["speaker_id"] == "maria-lopez"


def test_paragraph_continuation_after_a_speaker_named_in_the_sentence_before(registry):
    text = 'Maria Lopez laughed at the memory.\n\n"I told him to buy more books from us.\n\n"He did not buy more."'
    quotes = analyse(text, registry)["quotes"]
    assert [q["speaker_id"] for q in quotes] == ["maria-lopez", "maria-lopez"]


def test_unregistered_speaker_named_in_the_sentence_before(registry):
    quote = only_quote('Ana Ruiz laughed at the memory.\n\n"We never gave up on this farm, not once."', registry)
    assert (quote["speaker"], quote["rule"]) == ("Ana Ruiz", "previous_sentence_name")


@pytest.mark.parametrize(
    "text, expected",
    [
        ("RIVERTOWN (Newsline) — The levee broke.", [("(Newsline)", None, "wire_service")]),
        ("He told the ZBC the dam was safe.", [("told the ZBC", None, "news_outlet")]),
        ("RIVERTOWN (Newsline) — The levee broke. A spokesman told Newsline the road was shut.",
         [("(Newsline)", None, "wire_service"), ("told Newsline", None, "wire_service")]),
        ("Ten farms flooded, according to the Valley Farmers and Growers Association.",
         [("according to the Valley Farmers and Growers Association", None, "other")]),
        ("Two died, according to a report released on Monday by the Northern Institute.",
         [("according to a report released on Monday by the Northern Institute", "northern-institute", "research_organization")]),
        ("Lopez, quoted in the Valley Courier, said the dam held.", [("quoted in the Valley Courier", None, "news_outlet")]),
        ("Ten died, according to the UN refugee agency.", [("according to the UN refugee agency", None, "other")]),
        ("Ten died, according to Open Roads, a coalition of cycling groups.", [("according to Open Roads", None, "other")]),
        ("Analysts polled by Marketdata had expected more.", [("polled by Marketdata", None, "other")]),
        ("As the ZBC reports, the dam held.", [("As the ZBC reports", None, "news_outlet")]),
        ("Ten were held, according to Rights International.", [("according to Rights International", None, "other")]),
        ("Ana Ruiz, the author of \u201cSalt in the Wound,\u201d spoke.", [("Salt in the Wound", None, "book")]),
    ],
)
def test_citations_in_unseen_styles(registry, text, expected):
    assert citations_of(text, registry) == expected


def test_two_sources_joined_by_and_are_two_citations(registry):
    found = citations_of("Ten died, according to a report by the Valley Health Authority and UNICEF.", registry)
    assert [c for c in found] == [
        ("according to a report by the Valley Health Authority and UNICEF", None, "other"),
        ("according to a report by the Valley Health Authority and UNICEF", None, "other"),
    ]
    result = analyse("Ten died, according to a report by the Valley Health Authority and UNICEF.", registry)
    assert [c["cited"] for c in result["citations"]] == ["the Valley Health Authority", "UNICEF"]


@pytest.mark.parametrize(
    "text, words, value",
    [("It reached 46.8C on Monday.", "46.8", 46.8), ("The repairs cost $4.5m.", "$4.5m", 4_500_000)],
)
def test_decimals_glued_to_a_unit(registry, text, words, value):
    assert claims_of(text, registry)[words]["value"] == value
