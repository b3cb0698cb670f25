"""Statements the build proposes (dataset/proposed_statements.py): automatic
quotes of one speaker in the same words grouped as one statement."""

from peshawar.dataset.proposed_statements import proposed_statement_rows

WORDS = "We will never forgive the men who planned the killing of our children"


def quote(quote_id, article_id, text, speaker_id="speaker", method="automatic", statement_id=None):
    return {"id": quote_id, "article_id": article_id, "text": text, "speaker_id": speaker_id, "method": method,
            "statement_id": statement_id, "statement_method": None, "statement_rule": None, "statement_confidence": None}


def tables(*quotes):
    return {"quotes": list(quotes), "statements": [], "actors": [{"id": "speaker", "name": "A Speaker"}, {"id": "other", "name": "Other"}]}


def test_one_speaker_in_the_same_words_in_two_articles_is_one_statement():
    built = tables(quote("a-q1", "a", WORDS), quote("b-q1", "b", WORDS + "."), quote("c-q1", "c", "The bridge reopens in May, officials said today"))
    assert proposed_statement_rows(built) == 1
    statement = built["statements"][0]
    assert (statement["id"], statement["speaker_id"], statement["method"], statement["rule"]) == (
        "a-q1-statement", "speaker", "automatic", "identical_words_same_speaker")
    assert "2 quotes in 2 article(s)" in statement["label"]
    linked = {q["id"]: (q["statement_id"], q["statement_method"], q["statement_confidence"]) for q in built["quotes"]}
    assert linked == {"a-q1": ("a-q1-statement", "automatic", 1.0), "b-q1": ("a-q1-statement", "automatic", 1.0), "c-q1": (None, None, None)}


def test_other_words_for_the_same_statement_join_with_their_score():
    other_words = "We shall never forgive those who planned the murder of our children"
    built = tables(quote("a-q1", "a", WORDS), quote("b-q1", "b", other_words))
    assert proposed_statement_rows(built) == 1
    second = built["quotes"][1]
    assert second["statement_rule"] == "same_words_same_speaker" and second["statement_confidence"] >= 0.75
    assert built["statements"][0]["rule"] == "same_words_same_speaker"


def test_no_statement_across_speakers_for_curated_or_linked_quotes_or_short_words():
    built = tables(
        quote("a-q1", "a", WORDS), quote("b-q1", "b", WORDS, speaker_id="other"),
        quote("c-q1", "c", WORDS, method="curated"), quote("d-q1", "d", WORDS, statement_id="known"),
        quote("e-q1", "e", "very significant"), quote("f-q1", "f", "very significant"),
    )
    assert proposed_statement_rows(built) == 0
    assert built["statements"] == []
