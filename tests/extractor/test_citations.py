"""Citations (extractor/citations.py and credit_rules.py): the credit lines
of news writing, and a person named in one is a speaker, not a source.

The texts are written for these tests; none comes from the seed articles.
"""

import re

import pytest

from findings import citations_of, news_and_hostile_texts
from peshawar.extractor import analyse


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


def test_according_to_a_surname_stays_a_speaker(registry):
    text = "Farida Noor inspected the line. It was safe last week, according to Noor."
    assert citations_of(text, registry) == []


def test_unknown_institution_is_cited_as_other(registry):
    assert citations_of("Some 40 homes flooded, according to the Provincial Relief Authority.", registry) == [
        ("according to the Provincial Relief Authority", None, "other")
    ]


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


def test_every_kind_the_extractor_gives_is_one_the_schema_allows(registry):
    from pathlib import Path

    from peshawar.dataset.schema import check_lists

    seeds = Path(__file__).resolve().parents[2] / "seeds" / "articles"
    found = [c for path in sorted(seeds.glob("*.txt")) for c in analyse(path.read_text(encoding="utf-8"), registry)["citations"]]
    assert len({c["kind"] for c in found}) > 2
    assert {c["kind"] for c in found} <= set(check_lists()[("citations", "kind")])


# Texts for the fast reading of the credit patterns: the seed and own-dev
# articles as they are, the extractor benchmark's hostile inputs, and
# credit lines broken across lines, brackets and quotation marks.
def _texts_for_matches_near():
    texts = news_and_hostile_texts()
    texts += [
        "As\nThe Daily Planet\nreported, the dam held.",
        "(The Daily Planet) reported it; “Global Wire” reported it too.",
        "Global Wire's statement said so. The River Front’s statement said more.",
        "the River Front issued a statement, and River Front put out a statement.",
        "According to Global Wire, the toll rose; according to the UN human rights office it fell.",
        "The Daily Planet newspaper quoted him. Geo TV said it; the Star news agency cited it.",
        "He said in a statement on Monday. She told reporters in an email. In a video message, he spoke.",
        "Sam Reed contributed to this report. Additional reporting by Ann Lee.",
        "Figures compiled by the Valley Health Authority, data gathered by\nUNICEF and a poll (published by Global Wire) agree; tallied by hand.",
        "PESHAWAR, Pakistan (Global Wire) — Ten died.\nLAGOS (The Daily Planet) - More.\n  KANO (Wire) — indented.\nX (Y) —",
        "(Global Wire) — no city.\n\nABUJA, Nigeria (AP)— Two.\nsaid (AP) —",
        "A boy. (GW Photo/Sam Reed) Mourners (AP Photo by Ann Lee). ((AP Photo/Bo)) x(AP Photo/ Bo) NOW AP Photo",
        "Photo/Bo. (Photo/AP) The River Front\u00a0 Photo by Ann, (Global Wire Photo/Sam O’Brien-Reed) Photos/AP",
        "Photo via GW/River Front. xPhoto via Ann; -Photos by AP, _Photo from Bo (Photos courtesy of Global Wire)",
    ]
    return texts


def test_credit_patterns_read_near_their_words_find_what_a_full_scan_finds():
    from peshawar.extractor.citations import matches_near, rule_matches
    from peshawar.extractor.credit_rules import CHANNEL, CHANNEL_NEEDS, CHANNEL_STARTS, CREDIT_RULES, PHOTO_CREDIT, PHOTO_STARTS, PHOTO_VIA

    def spans(matches):
        return [(m.span(), m.groupdict()) for m in matches]

    near = [rule for rule in CREDIT_RULES if rule.starts is not None or rule.at_line_starts]
    assert "dateline_credit" in {rule.rule for rule in near}, "some credit rules are read near their words"
    # PHOTO_VIA opens with its word and looks back after it: its plain form opens with \b.
    photo_via_plain = re.compile(r"\bPhotos?" + PHOTO_VIA.pattern.removeprefix(r"Photo(?<!\wPhoto)s?"))
    assert photo_via_plain.pattern != PHOTO_VIA.pattern
    found = photos = 0
    for text in _texts_for_matches_near():
        for rule in near:
            expected = spans(rule.pattern.finditer(text))
            found += len(expected)
            assert spans(rule_matches(rule, text, [])) == expected, (rule.rule, text[:80])
        expected = spans(CHANNEL.finditer(text))
        found += len(expected)
        assert spans(matches_near(CHANNEL, text, CHANNEL_NEEDS, CHANNEL_STARTS, [])) == expected, text[:80]
        expected = spans(PHOTO_CREDIT.finditer(text))
        photos += len(expected)
        assert spans(matches_near(PHOTO_CREDIT, text, ("Photo",), PHOTO_STARTS, [], opener="(")) == expected, text[:80]
        expected = spans(photo_via_plain.finditer(text))
        photos += len(expected)
        assert spans(PHOTO_VIA.finditer(text)) == expected, text[:80]
    assert found > 20 and photos > 5  # the texts do hold credit lines


def test_a_word_after_a_capitalised_word_is_found_as_the_plain_pattern_finds_it():
    # written_after_capitalised reads back from the places of the word
    # instead of matching every capitalised word of the text: it must
    # answer what the pattern in its docstring answers.
    from peshawar.extractor.citations import DOTTED_WORD_RE, written_after_capitalised

    texts = _texts_for_matches_near() + [
        "Mr. Khan, Ayesha\u00a0Khan and x.Khan met aBc. Reuters; U.S. Khanna Khan.. Smith Khan.Jr told Reuters.com\n"
        "Bin-Salem  O’Brien Example.org KHAN Khan- Khan_2 ..Khan said khan Mr.Khan Dr.  Reuters.",
    ]
    pattern = re.compile(r"[A-Z][\w'’-]*\.?[ \u00a0]+")
    checked = 0
    for text in texts:
        expected = set()
        for match in pattern.finditer(text):
            token = DOTTED_WORD_RE.match(text, match.end())
            if token:
                token = token.group()
                expected.update(token[:end] for end in range(1, len(token) + 1) if end == len(token) or token[end] == ".")
        words = {w for token in DOTTED_WORD_RE.findall(text) for w in (token, token.rstrip("."), token.split(".")[0], token[:4])}
        for word in sorted(words | {"", "Khan ", "a-b"}):
            assert written_after_capitalised(text, word) == (word in expected), (word, text[:60])
            checked += word in expected
    assert checked > 100
