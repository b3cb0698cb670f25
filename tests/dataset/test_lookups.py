"""Lookup rows (dataset/lookups.py): proposed actors from draft annotations,
one row per id however many drafts propose it, never over a registered
actor; links made automatically keep their rule and confidence."""

import textwrap

import pytest

from peshawar.dataset.rows import collect

BODY = "Dr. Nadeem Akhtar said \"we ran out of beds,\" and The Group agreed. Nadeem Akhtar left."


def write(path, text):
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def article_entry(article_id):
    return f"""
      - id: {article_id}
        file: {article_id}.txt
        outlet: {{status: not_stated}}
        title: {{value: Dr. Nadeem Akhtar said, status: stated}}
        subtitle: {{status: not_stated}}
        byline: {{status: not_stated}}
        dateline: {{status: not_stated}}
        published_date: {{status: not_stated}}"""


def draft(article_id, proposal, status="draft", speaker="nadeem-akhtar"):
    return f"""
        article: {article_id}
        status: {status}
        quotes:
          - id: {article_id}-q1
            text: we ran out of beds,
            speaker: {speaker}
            form: full
            statement: beds
            statement_rule: same_words_unknown_speaker
            statement_confidence: 0.8
        proposed_actors:
{textwrap.indent(textwrap.dedent(proposal).strip(), " " * 10)}
    """


AKHTAR = """
  - id: nadeem-akhtar
    name: Nadeem Akhtar
    kind: person
    aliases: [Dr. Nadeem Akhtar]
    method: automatic
    rule: titled_name
    confidence: 0.95
"""


@pytest.fixture
def two_drafts(tmp_path):
    """Two articles whose drafts both propose Nadeem Akhtar, with other kinds."""
    root = tmp_path / "seeds"
    (root / "articles").mkdir(parents=True)
    (root / "annotations").mkdir()
    for article_id in ("one", "two"):
        (root / "articles" / f"{article_id}.txt").write_text(BODY, encoding="utf-8")
    write(root / "actors.yml", """
        actors:
          - id: the-group
            name: The Group
            kind: militant_group
    """)
    write(root / "topics.yml", "topics: []\n")
    write(root / "statements.yml", "statements:\n  - id: beds\n    speaker: the-group\n    label: Beds\n")
    write(root / "articles.yml", "articles:" + article_entry("one") + article_entry("two") + "\n")
    write(root / "annotations" / "one.yml", draft("one", AKHTAR))
    write(root / "annotations" / "two.yml", draft("two", AKHTAR.replace("person", "organization").replace("0.95", "0.5").replace("titled_name", "institution_word").replace("    aliases: [Dr. Nadeem Akhtar]\n", "")))
    return root


def errors(problems):
    return [str(p) for p in problems if not p.needs_review]


def test_one_proposed_actor_in_two_drafts_is_one_row_with_the_surest_kind(two_drafts):
    tables, problems = collect(two_drafts)
    assert errors(problems) == []
    rows = [a for a in tables["actors"] if a["id"] == "nadeem-akhtar"]
    assert len(rows) == 1
    assert {k: rows[0][k] for k in ("name", "kind", "method", "rule", "confidence")} == {
        "name": "Nadeem Akhtar", "kind": "person", "method": "automatic", "rule": "titled_name", "confidence": 0.95}
    aliases = {a["alias"] for a in tables["actor_aliases"] if a["actor_id"] == "nadeem-akhtar"}
    assert aliases == {"Nadeem Akhtar", "Dr. Nadeem Akhtar"}
    assert {q["speaker_id"] for q in tables["quotes"]} == {"nadeem-akhtar"}


def test_a_proposed_actor_is_mentioned_only_in_the_articles_that_propose_it(two_drafts):
    write(two_drafts / "annotations" / "two.yml", draft("two", AKHTAR.replace("nadeem-akhtar", "other-person").replace("Nadeem Akhtar", "Other Person"), speaker="other-person"))
    tables, _ = collect(two_drafts)
    mentioned = {(m["article_id"], m["surface"]) for m in tables["mentions"] if m["actor_id"] == "nadeem-akhtar"}
    assert mentioned == {("one", "Dr. Nadeem Akhtar"), ("one", "Nadeem Akhtar")}
    assert {m["actor_id"] for m in tables["mentions"] if m["surface"] == "The Group"} == {"the-group"}


def test_a_registered_actor_wins_over_a_proposal_of_its_id(two_drafts):
    with open(two_drafts / "actors.yml", "a", encoding="utf-8") as handle:
        handle.write("  - id: nadeem-akhtar\n    name: Nadeem Akhtar\n    kind: person\n")
    tables, problems = collect(two_drafts)
    assert errors(problems) == []
    actor = next(a for a in tables["actors"] if a["id"] == "nadeem-akhtar")
    assert (actor["method"], actor["rule"]) == ("curated", None)


def test_a_curated_annotation_proposes_no_actor(two_drafts):
    write(two_drafts / "annotations" / "one.yml", draft("one", AKHTAR, status="curated"))
    _, problems = collect(two_drafts)
    assert any("a curated annotation proposes no actor" in p for p in errors(problems))


def test_a_speaker_proposed_by_another_draft_only_is_unknown(two_drafts):
    write(two_drafts / "annotations" / "two.yml", draft("two", AKHTAR.replace("nadeem-akhtar", "other-person"), speaker="nadeem-akhtar"))
    write(two_drafts / "annotations" / "one.yml", draft("one", AKHTAR.replace("nadeem-akhtar", "third-person"), speaker="third-person"))
    _, problems = collect(two_drafts)
    assert any("unknown actor id 'nadeem-akhtar'" in p for p in errors(problems))


def test_an_automatic_link_keeps_its_rule_and_confidence(two_drafts):
    tables, _ = collect(two_drafts)
    quote = tables["quotes"][0]
    assert (quote["statement_id"], quote["statement_method"], quote["statement_rule"], quote["statement_confidence"]) == (
        "beds", "automatic", "same_words_unknown_speaker", 0.8)


def test_an_automatic_link_without_its_confidence_is_refused_with_file_and_line(two_drafts):
    text = (two_drafts / "annotations" / "one.yml").read_text(encoding="utf-8").replace("    statement_confidence: 0.8\n", "")
    (two_drafts / "annotations" / "one.yml").write_text(text, encoding="utf-8")
    _, problems = collect(two_drafts)
    assert any(p.startswith("seeds/annotations/one.yml:4:") and "statement_confidence" in p for p in errors(problems))
