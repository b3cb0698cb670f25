"""Sentence subjects and the cue history (extractor/subjects.py): who each
sentence is about, for the pronouns and descriptions that point back.

The texts are written for these tests; none comes from the seed articles.
"""

from findings import only_quote


def test_a_pronoun_means_the_person_the_last_sentence_opened_with(registry):
    text = 'Lopez spoke first. Later, Ana Ruiz took the stage.\n\n"We will rebuild," she said.'
    assert only_quote(text, registry)["speaker"] == "Ana Ruiz"


def test_it_means_the_last_body_a_sentence_opened_with(registry):
    text = 'Harbour Waste Services operates the site. It said the liner was "fully repaired."'
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_as_written"], quote["speaker_form"]) == ("Harbour Waste Services", "It", "pronoun")


def test_they_means_the_body_that_spoke_last(registry):
    text = (
        'Harbour Waste Services said it had repaired the liner.\n\n'
        'They said there was "no evidence of any risk."'
    )
    assert only_quote(text, registry)["speaker"] == "Harbour Waste Services"


def test_she_does_not_mean_a_body(registry):
    text = 'Ana Ruiz lives by the brook. The Harbour Council said it would test the water.\n\n"I want answers," she said.'
    assert only_quote(text, registry)["speaker"] == "Ana Ruiz"


def test_the_league_means_the_league_the_article_named(registry):
    text = (
        'The Rivertown Taxpayers League opposed the plan.\n\n'
        '"This is the largest tax increase in memory," the league said.'
    )
    quote = only_quote(text, registry)
    assert (quote["speaker"], quote["speaker_as_written"], quote["speaker_form"]) == ("The Rivertown Taxpayers League", "the league", "description")


def test_the_word_before_a_name_is_what_its_plain_pattern_finds():
    # word_before reads back from the offset instead of searching the
    # window: it must give what the pattern in its docstring gives.
    import re

    from peshawar.extractor.subjects import word_before

    pattern = re.compile(r"([A-Za-z]+)\.?\s+$")
    text = ("Mrs. Ann met Mr.  Bo, Dr\u00a0Cy and Gen.\nDee; so.. Eve said 7 Fay, \u00e9t\u00e9 Gus\ttold "
            "xx.\n\nHal  itwasalongwordhere Ida (Jo) Kay .Lee Mrs.\u2003Mo")
    answers = [(word_before(text, offset), pattern.search(text, max(0, offset - 12), offset)) for offset in range(len(text) + 1)]
    assert [found for found, _ in answers] == [match.group(1) if match else None for _, match in answers]
    assert {found for found, _ in answers} >= {"Mrs", "Mr", "Dr", "Gen", "said", "told", "xx", None}
