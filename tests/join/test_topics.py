"""Topic rules (join/topics.py): which question an automatic claim answers,
and no topic where the sentence speaks of another event."""

from pathlib import Path

import pytest
import yaml

from peshawar.join.topics import TOPIC_RULES, add_topics, month_day

from join_seeds import claim

ROOT = Path(__file__).resolve().parents[2]


def topic_of(sentence, text, kind, context, **more):
    found = add_topics(sentence, [claim(text, sentence, kind, **more)], context)[0]
    return found.get("topic"), found.get("topic_rule"), found.get("topic_confidence")


@pytest.mark.parametrize("sentence, text, kind, expected", [
    ("Officials now put the toll at 141 people, most of them children.", "141 people", "death_toll", ("death-toll", "toll_of_the_event")),
    ("At least 90 people were killed when gunmen stormed the bridge.", "At least 90 people", "death_toll", ("death-toll", "killed_in_the_event")),
    ("More than 120 were wounded in the attack.", "More than 120", "injured", ("injured", "injured_in_the_event")),
    ("Seven attackers climbed over the back wall.", "Seven attackers", "attackers", ("attackers", "attackers_in_article")),
    ("Four gunmen stormed the market.", "Four gunmen", "attackers", ("attackers", "attackers_of_the_event")),
    ("The attack began on May 3, 2021, at dawn.", "May 3, 2021", "date", ("attack-date", "day_of_the_event")),
    ("On the morning of May 3, the gunmen entered the square.", "May 3", "date", ("attack-date", "day_of_the_event")),
])
def test_a_rule_gives_the_topic_the_sentence_supports(sentence, text, kind, expected, context):
    more = {"date": "2021-05-03"} if text == "May 3, 2021" else {}
    article = sentence + " The attack shocked the city."
    found = add_topics(article, [claim(text, article, kind, **more)], context)[0]
    assert (found.get("topic"), found.get("topic_rule")) == expected
    assert 0 < found["topic_confidence"] <= 1


@pytest.mark.parametrize("sentence, text, kind", [
    # Another year than the event's, or another event named indefinitely.
    ("It was the deadliest attack since 2008, when a suicide bomber killed 150 people.", "150 people", "death_toll"),
    ("In October 2009, a car bomb in a market killed more than 100 people.", "more than 100 people", "death_toll"),
    ("An earlier attack on the bridge killed 30 people.", "30 people", "death_toll"),
    # A date of the same year that nothing ties to the attack.
    ("The funerals were held on May 4, 2021.", "May 4, 2021", "date"),
    # A kind no rule covers.
    ("The army sent 30,000 troops into the valley after the attack.", "30,000 troops", "troops"),
])
def test_no_topic_without_evidence_or_for_another_event(sentence, text, kind, context):
    more = {"date": "2021-05-04"} if kind == "date" else {}
    assert topic_of(sentence, text, kind, context, **more) == (None, None, None)


def test_a_death_toll_the_sentence_does_not_tie_to_the_event_needs_the_article_to_speak_of_it(context):
    sentence = "Seven people died."
    assert topic_of(sentence, "Seven people", "death_toll", context)[0] is None
    article = "The siege of the market lasted a day. " + sentence
    found = add_topics(article, [claim("Seven people", article, "death_toll")], context)[0]
    assert found["topic_rule"] == "death_toll_in_article" and found["topic_confidence"] < 0.7


def test_another_day_of_the_event_year_is_a_disagreement_on_the_date(context):
    sentence = "The attack began on May 2, 2021, a witness said."
    assert topic_of(sentence, "May 2, 2021", "date", context, date="2021-05-02")[:2] == ("attack-date", "other_day_of_the_event")


def test_a_topic_the_seeds_do_not_have_is_never_given(context):
    from peshawar.join import JoinContext

    without = JoinContext.from_data([], [{"id": "attackers", "label": "x"}])
    sentence = "Officials now put the toll at 141 people."
    assert topic_of(sentence, "141 people", "death_toll", without) == (None, None, None)


def test_month_and_day_are_read_either_way_round():
    assert month_day("December 16") == "12-16"
    assert month_day("16 Dec") == "12-16"
    assert month_day("Sept. 3") == "09-03"
    assert month_day("in 2014") is None


def test_the_rules_are_data_naming_topics_the_seeds_define():
    topics = {t["id"] for t in yaml.safe_load((ROOT / "seeds" / "topics.yml").read_text(encoding="utf-8"))["topics"]}
    assert {rule.topic for rule in TOPIC_RULES} == {"death-toll", "attackers", "injured", "attack-date"}
    assert {rule.topic for rule in TOPIC_RULES} <= topics
    for rule in TOPIC_RULES:
        assert 0 < rule.confidence <= 1 and rule.kinds
    # A rule that needs evidence is surer than the one of its topic that does not.
    for topic in ("death-toll", "attackers", "injured"):
        rules = [r for r in TOPIC_RULES if r.topic == topic]
        assert max(r.confidence for r in rules if r.evidence) > min(r.confidence for r in rules if not r.evidence)
