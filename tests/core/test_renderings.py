"""Whether two quotes render the same words (core/renderings.py): content
words, the score, and the blocking that keeps most pairs from being
compared at all."""

from peshawar.core.renderings import MIN_SHARED, THRESHOLD, RenderingIndex, content_words, score

NBC = ("The intentional killing of innocent people, children and women are against the basics of Islam "
       "and this criteria has to be considered by every Islamic party and government,")
VICE = "The intentional killing of innocent people, women, and children goes against the principles of Islam,"


def test_content_words_leave_out_case_punctuation_and_function_words():
    assert content_words("The killing of innocent people, women, and children’s homes") == (
        "killing", "innocent", "people", "women", "children's", "homes")


def test_two_translations_of_one_statement_score_over_the_threshold():
    assert score(content_words(NBC), content_words(VICE)) >= THRESHOLD
    assert score(content_words(VICE), content_words(VICE)) == 100


def test_a_quote_sharing_few_content_words_is_never_a_candidate():
    index = RenderingIndex()
    index.add("statement", VICE)
    # Three content words in common: its score alone would be 100 (a subset).
    few = "Innocent people killing."
    assert len(set(content_words(few)) & set(content_words(VICE))) == MIN_SHARED - 1
    assert score(content_words(few), content_words(VICE)) == 100
    assert index.candidates(content_words(few)) == []
    assert index.matches(few) == []


def test_matches_give_each_key_once_with_its_best_score_best_first():
    index = RenderingIndex()
    index.add("condemnation", NBC)
    index.add("condemnation", VICE)
    index.add("other", "The bridge will reopen to traffic next spring after repairs, the council said")
    found = index.matches("Killing innocent people, women and children on purpose is against the principles of Islam")
    assert [key for key, _ in found] == ["condemnation"]
    new = content_words("Killing innocent people, women and children on purpose is against the principles of Islam")
    assert found[0][1] == max(score(new, content_words(NBC)), score(new, content_words(VICE)))


def test_a_rendering_too_short_to_tell_is_not_indexed():
    index = RenderingIndex()
    index.add("short", "inhuman and unethical, and cowardly")
    assert index.matches("inhuman and unethical, and cowardly") == []
