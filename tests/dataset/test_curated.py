"""The curated dataset against what the five articles say.

Expected values here are read off the article texts (the figures, names and
spellings they print), not off the build's output.
"""

import pytest

NBC = "nbc-massacre-splits-militant-groups"
VICE = "vice-why-taliban-massacred-children"
MEN132 = "men-who-shot-132-children"
GROUP = "group-behind-brutal-school-attack"
BLOWBACK = "taliban-blowback-army-offensive"


def owner(db, alias):
    rows = db.execute("select actor_id from actor_aliases where alias = ? collate nocase", [alias]).fetchall()
    assert len(rows) == 1, f"{alias!r} should resolve to exactly one actor, got {rows}"
    return rows[0][0]


@pytest.mark.parametrize("spellings", [
    ["Mohammad Omar Khorasani", "Khorasani", "Mohammad Khurasani", "Khurasani"],
    ["Tehrik-e-Taliban", "Tehrik-i-Taliban Pakistan", "Tehreek e Taliban Pakistan", "TTP", "Pakistani Taliban"],
    ["Maulana Fazlullah", "Mullah Fazlullah", "Fazlullah", "Mullah Radio"],
    ["Mullah Mohammad Omar", "Mullah Omar"],
])
def test_every_spelling_resolves_to_one_actor(db, spellings):
    owners = {owner(db, s) for s in spellings}
    assert len(owners) == 1, owners


@pytest.mark.parametrize("one,other", [
    ("Mullah Mohammad Omar", "Mohammad Omar Khorasani"),
    ("Nawaz Sharif", "Raheel Sharif"),
    ("Baitullah Mehsud", "Hakimullah Mehsud"),
    ("TTP", "TTP-JA"),
    ("Afghan Taliban", "Pakistani Taliban"),
])
def test_people_and_groups_sharing_a_name_part_stay_apart(db, one, other):
    assert owner(db, one) != owner(db, other)


def test_ambiguous_short_names_are_not_aliases(db):
    for short in ["Sharif", "Omar", "Mehsud", "Taliban", "Mohammad"]:
        assert db.execute("select count(*) from actor_aliases where alias = ? collate nocase", [short]).fetchone()[0] == 0, short


def test_every_alias_is_a_spelling_found_in_an_article(db):
    bodies = [row[0] for row in db.execute("select body from articles")]
    missing = [
        alias for alias, is_name in db.execute("select alias, is_name from actor_aliases")
        if not is_name and not any(alias in body for body in bodies)
    ]
    assert missing == []


def test_death_toll_across_the_five_articles(db):
    rows = db.execute("""
        select article_id, value, population from claims
        where topic_id = 'death-toll' and value is not null
    """).fetchall()
    by_article = {}
    for article_id, value, population in rows:
        by_article.setdefault(article_id, set()).add((value, population))
    assert (148, "people") in by_article[NBC]
    assert {(150, "people"), (134, "children")} <= by_article[VICE]
    assert (132, "children") in by_article[MEN132]
    assert (145, "people") in by_article[GROUP]
    assert (145, "people") in by_article[BLOWBACK]
    qualifiers = dict(db.execute("""
        select article_id, qualifier from claims
        where topic_id = 'death-toll' and value = 145
    """).fetchall())
    assert qualifiers == {GROUP: "at_least", BLOWBACK: "at_least"}


def test_the_year_of_the_us_invasion_disagrees(db):
    rows = dict(db.execute("""
        select article_id, value from claims where topic_id = 'us-invasion-of-afghanistan-year'
    """).fetchall())
    assert rows == {VICE: 2002, BLOWBACK: 2001}


def test_the_afghan_taliban_statement_is_one_statement_across_two_outlets(db):
    rows = db.execute("""
        select quotes.article_id, quotes.text from quotes
        join statements on statements.id = quotes.statement_id
        where statements.id in (select statement_id from quotes where text like 'The intentional killing of innocent people%')
    """).fetchall()
    assert {article for article, _ in rows} == {NBC, VICE}
    assert all(text.startswith("The intentional killing of innocent people") for _, text in rows)
    assert len({text for _, text in rows}) == 2, "two different renderings"


def test_a_quote_interrupted_by_its_attribution_is_two_parts_of_one_statement(db):
    rows = db.execute("""
        select part, statement_id, speaker_id from quotes
        where article_id = ? and (text like 'No religion allows%' or text like 'Attacking a school%')
        order by start_char
    """, [NBC]).fetchall()
    assert [r[0] for r in rows] == [1, 2]
    assert rows[0][1] is not None and rows[0][1] == rows[1][1]
    assert rows[0][2] == rows[1][2]
    kind = db.execute("select kind from actors where id = ?", [rows[0][2]]).fetchone()[0]
    assert kind == "anonymous_source"


def test_quotes_record_the_channel_they_were_given_to(db):
    told_vice = db.execute("""
        select count(*) from quotes where article_id = ? and channel_id = (select actor_id from actor_aliases where alias = 'VICE News')
    """, [VICE]).fetchone()[0]
    assert told_vice >= 3  # Ashraf, Abdullah and Rashid "told VICE News"
    pakistan_today = db.execute("""
        select count(*) from quotes where article_id = ? and channel_id = (select actor_id from actor_aliases where alias = 'Pakistan Today')
    """, [BLOWBACK]).fetchone()[0]
    assert pakistan_today == 2


def test_khorasani_is_quoted_in_two_articles_under_two_spellings(db):
    speaker = owner(db, "Khurasani")
    articles = {row[0] for row in db.execute("select article_id from mentions where actor_id = ?", [speaker])}
    assert {VICE, MEN132} <= articles
    quoted = {row[0] for row in db.execute("select article_id from quotes where speaker_id = ?", [speaker])}
    assert VICE in quoted


def test_citations_of_each_kind_the_articles_use(db):
    kinds = {(a, k) for a, k in db.execute("select article_id, kind from citations")}
    for expected in [(GROUP, "wire_photo"), (VICE, "book"), (MEN132, "related_article"),
                     (BLOWBACK, "wire_service"), (BLOWBACK, "news_outlet"), (GROUP, "research_organization")]:
        assert expected in kinds


def test_every_curated_article_has_claims_and_nothing_automatic(db):
    curated = "(select id from articles where annotation_status = 'curated')"
    for table in ["quotes", "claims", "citations"]:
        assert db.execute(f"select count(*) from {table} where method != 'curated' and article_id in {curated}").fetchone()[0] == 0
    for article in [NBC, VICE, MEN132, GROUP, BLOWBACK]:
        assert db.execute("select count(*) from claims where article_id = ?", [article]).fetchone()[0] > 0


def test_anonymous_sources_are_actors(db):
    anonymous = db.execute("""
        select count(distinct speaker_id) from quotes join actors on actors.id = quotes.speaker_id
        where actors.kind = 'anonymous_source' and quotes.article_id = ?
    """, [NBC]).fetchone()[0]
    assert anonymous >= 2


def test_relations_are_typed_and_supported_by_their_sentence(db):
    rows = db.execute("select subject_id, relation, object_id, text from actor_relations").fetchall()
    relations = {(s, r, o) for s, r, o, _ in rows}
    assert (owner(db, "Khorasani"), "spokesman_of", owner(db, "TTP")) in relations
    assert (owner(db, "TTP-JA"), "splinter_of", owner(db, "TTP")) in relations
    assert any(r == "author_of" for _, r, _ in relations)


def test_metadata_is_stated_or_inferred_never_invented(db):
    rows = {(a, f): (v, s) for a, f, v, s in db.execute("select article_id, field, value, status from article_provenance")}
    assert rows[(VICE, "published_date")] == ("2014-12-17", "stated")
    assert rows[(GROUP, "outlet")] == (None, "not_stated")
    assert rows[(NBC, "outlet")] == ("nbc-news", "inferred")
    assert db.execute("select outlet_id from articles where id = ?", [GROUP]).fetchone()[0] is None
