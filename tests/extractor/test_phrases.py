"""Speaker phrases (extractor/phrases.py): names with their titles dropped,
and the head of a phrase.

The texts are written for these tests; none comes from the seed articles.
"""

from findings import only_quote


def test_a_title_with_a_period_before_the_speaker(registry):
    quote = only_quote('"The road is open," Gov. Farida Noor told reporters in the capital.', registry)
    assert (quote["speaker"], quote["rule"]) == ("Farida Noor", "x_told_after")


def test_the_last_name_in_a_list_is_not_the_speaker(registry):
    text = "A spokesman for the Department for Roads, Rivers and Rural Works said: ‘Every bridge will be checked this week.’"
    assert only_quote(text, registry)["speaker"].startswith("A spokesman for the Department")


def test_title_is_dropped_from_the_speaker_name(registry):
    quote = only_quote('"The road is closed," Prime Minister Petra Novak said.', registry)
    assert quote["speaker"] == "Petra Novak"
