"""Every number in a text, digits and words (core/number_tokens.py)."""

from peshawar.core.number_tokens import number_tokens


def test_number_tokens_digits_and_words_but_not_ordinals():
    body = "At least 145 people, 1,800 militants, half a dozen gunmen, a 15-year-old, the third leader, one million."
    assert [t.text for t in number_tokens(body)] == ["145", "1,800", "half", "dozen", "15", "one", "million"]
    for token in number_tokens(body):
        assert body[token.start:token.end] == token.text
