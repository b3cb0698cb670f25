"""From seed files to rows (dataset/rows.py and its table families) on small
seed trees written from scratch: offsets computed, clear errors with file
and line, drafts whose gaps are work for a person."""

import textwrap
from pathlib import Path

import pytest

from peshawar.dataset.rows import build_rows
from peshawar.dataset.seeds import read_seeds

ROOT = Path(__file__).resolve().parents[2]
CURATED_SEEDS = {
    "nbc-massacre-splits-militant-groups", "vice-why-taliban-massacred-children", "men-who-shot-132-children",
    "group-behind-brutal-school-attack", "taliban-blowback-army-offensive",
}


ARTICLE = 'The group said "we did it," and 12 men died. Known as "Radio Man".'


@pytest.fixture
def tiny_seeds(tmp_path):
    """A one-article seed tree written from scratch."""
    root = tmp_path / "seeds"
    (root / "articles").mkdir(parents=True)
    (root / "annotations").mkdir()
    (root / "articles" / "tiny.txt").write_text(ARTICLE, encoding="utf-8")
    write(root / "actors.yml", """
        actors:
          - id: the-group
            name: The Group
            kind: militant_group
            aliases: [group]
          - id: tiny-news
            name: Tiny News
            kind: news_outlet
    """)
    write(root / "topics.yml", "topics:\n  - id: toll\n    label: Toll\n")
    write(root / "statements.yml", "statements: []\n")
    write(root / "articles.yml", """
        articles:
          - id: tiny
            file: tiny.txt
            outlet: {status: not_stated}
            title: {value: The group said, status: stated}
            subtitle: {status: not_stated}
            byline: {status: not_stated}
            dateline: {status: not_stated}
            published_date: {status: not_stated}
    """)
    return root


def write(path, text):
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


def annotate(root, text):
    write(root / "annotations" / "tiny.yml", text)
    seeds, problems = read_seeds(root)
    tables, more = build_rows(seeds)
    return tables, [str(p) for p in problems + more]


COMPLETE = """
    article: tiny
    status: curated
    quotes:
      - id: q1
        text: we did it,
        speaker: the-group
        form: full
    claims:
      - id: c1
        text: 12 men died
        kind: death_toll
        value: 12
        claimant: outlet
        topic: toll
    not_quotes:
      - id: n1
        text: Radio Man
        reason: nickname
"""


def test_a_complete_annotation_loads_with_computed_offsets(tiny_seeds):
    tables, problems = annotate(tiny_seeds, COMPLETE)
    assert problems == []
    quote = tables["quotes"][0]
    assert ARTICLE[quote["start_char"]:quote["end_char"]] == "we did it,"
    assert quote["method"] == "curated"
    claim = tables["claims"][0]
    assert (claim["voice"], claim["claimant_id"]) == ("article", None)


def test_unknown_actor_names_file_line_and_closest_id(tiny_seeds):
    _, problems = annotate(tiny_seeds, COMPLETE.replace("speaker: the-group", "speaker: the-grop"))
    assert problems == [
        "seeds/annotations/tiny.yml:4: quote q1: speaker: unknown actor id 'the-grop'; did you mean 'the-group'?"
    ]


def test_unknown_actor_given_by_alias_suggests_its_owner(tiny_seeds):
    _, problems = annotate(tiny_seeds, COMPLETE.replace("speaker: the-group", "speaker: group"))
    assert "did you mean 'the-group'?" in problems[0]


def test_repeated_id_and_missing_text_are_both_reported(tiny_seeds):
    broken = COMPLETE.replace("id: c1", "id: q1-claim").replace("id: n1", "id: q1-claim").replace(
        "text: 12 men died", "text: 13 men died")
    _, problems = annotate(tiny_seeds, broken)
    assert any("claim q1-claim: text not found in the article: '13 men died'" in p for p in problems)
    assert not any("repeats" in p for p in problems), "claims and skipped spans are separate tables"
    broken = COMPLETE.replace("id: n1", "id: n1\n        occurrence: 1") + "      - id: n1\n        text: Known as\n        reason: other\n"
    _, problems = annotate(tiny_seeds, broken)
    assert any("tiny.yml:20: id 'n1' repeats (first at seeds/annotations/tiny.yml:16)" in p for p in problems), problems


def test_unannotated_marks_and_numbers_are_named(tiny_seeds):
    partial = COMPLETE.split("    not_quotes:")[0].replace("text: 12 men died", "text: men died")
    _, problems = annotate(tiny_seeds, partial)
    assert any("quotation mark '\"' (open) at character 54" in p for p in problems)
    assert any("number '12' at character 32" in p for p in problems)


def test_gaps_in_a_draft_need_review_but_do_not_fail(tiny_seeds):
    write(tiny_seeds / "annotations" / "tiny.yml", "article: tiny\nstatus: draft\n")
    seeds, problems = read_seeds(tiny_seeds)
    tables, more = build_rows(seeds)
    assert problems == []
    assert more and all(p.needs_review for p in more)


def test_a_draft_lists_quotes_and_claims_nobody_has_attributed(tiny_seeds):
    draft = COMPLETE.replace("status: curated", "status: draft").replace(
        "speaker: the-group", "speaker: null\n        speaker_text: A spokesman").replace("claimant: outlet", "claimant: null")
    tables, problems = annotate(tiny_seeds, draft)
    assert problems == [
        "seeds/annotations/tiny.yml:4: quote q1: no speaker yet ('A spokesman' is not a registered actor)",
        "seeds/annotations/tiny.yml:10: claim c1: no claimant yet (an actor id, or 'outlet')",
    ]
    assert [row["method"] for row in tables["quotes"] + tables["claims"]] == ["automatic", "automatic"]


def test_an_alias_cannot_belong_to_two_actors(tiny_seeds):
    actors = tiny_seeds / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8") + "    aliases: [GROUP]\n", encoding="utf-8")
    _, problems = annotate(tiny_seeds, COMPLETE)
    assert any("alias 'GROUP' of 'tiny-news' already belongs to 'the-group'" in p for p in problems)


def test_one_actor_may_list_spellings_that_differ_only_in_case(tiny_seeds):
    actors = tiny_seeds / "actors.yml"
    actors.write_text(actors.read_text(encoding="utf-8").replace("aliases: [group]", "aliases: [group, Group]"), encoding="utf-8")
    tables, problems = annotate(tiny_seeds, COMPLETE)
    assert problems == []
    assert {row["alias"] for row in tables["actor_aliases"] if row["actor_id"] == "the-group"} == {"The Group", "group", "Group"}


def test_the_real_curated_seeds_have_no_gaps():
    seeds, problems = read_seeds(ROOT / "seeds")
    tables, more = build_rows(seeds)
    assert [str(p) for p in problems + more if not p.needs_review] == []
    curated = {a for a, (_, data) in seeds.annotations.items() if data["status"] == "curated"}
    assert CURATED_SEEDS <= curated
    # Gaps are work left in drafts (ingested articles), never in a curated file.
    assert not [str(p) for p in more if p.needs_review and p.article_id in curated]
