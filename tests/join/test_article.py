"""join_article: the extractor's result for one article with the topic,
statement and proposed-actor keys added, and how a draft writes them."""

from pathlib import Path

from peshawar.extractor import analyse
from peshawar.join import JoinContext, draft_fields, draft_proposed_actors, join_article

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = Path(__file__).resolve().parent / "articles"


def joined(name):
    context = JoinContext.from_seeds(ROOT / "seeds")
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    result = analyse(text, context.registry)
    return text, result, join_article(name, text, result, context)


def test_the_revised_toll_joins_the_death_toll_topic():
    text, _, result = joined("peshawar-burials-toll-revised")
    tolls = {c["text"]: c for c in result["claims"] if c.get("topic") == "death-toll"}
    assert tolls["141 people"]["topic_rule"] == "toll_of_the_event"
    # The 2009 market bombing's toll is another event's.
    assert "more than 100 people" not in tolls
    by_topic = {c.get("topic") for c in result["claims"]}
    assert {"injured", "attackers", "attack-date"} <= by_topic


def test_the_statement_in_new_words_is_linked_and_new_speakers_are_proposed():
    _, _, result = joined("afghan-taliban-statement-new-words")
    linked = [q for q in result["quotes"] if q.get("statement")]
    assert [q["statement"] for q in linked] == ["afghan-taliban-condemnation-statement"]
    assert linked[0]["text"].startswith("Killing innocent people, women and children on purpose")
    assert {p["id"] for p in result["proposed_actors"]} == {"nadeem-akhtar", "sadia-anwar", "gul-rahman"}


def test_the_input_is_left_as_it_was():
    _, before, _ = joined("afghan-taliban-statement-new-words")
    assert not any("statement" in q or "speaker_proposed" in q for q in before["quotes"])
    assert not any("topic" in c for c in before["claims"])


def test_draft_fields_write_the_links_and_the_proposed_speaker():
    _, _, result = joined("peshawar-burials-toll-revised")
    toll = next(c for c in result["claims"] if c["text"] == "141 people")
    assert draft_fields(toll) == {"topic": "death-toll", "topic_rule": "toll_of_the_event", "topic_confidence": 0.9}
    speaker = next(q for q in result["quotes"] if q.get("speaker_proposed"))
    assert draft_fields(speaker) == {"speaker": "nadeem-akhtar"}
    actors = draft_proposed_actors(result)
    akhtar = next(a for a in actors if a["id"] == "nadeem-akhtar")
    assert akhtar == {"id": "nadeem-akhtar", "name": "Nadeem Akhtar", "kind": "person", "aliases": ["Dr. Nadeem Akhtar"],
                      "method": "automatic", "rule": "titled_name", "confidence": 0.95}
