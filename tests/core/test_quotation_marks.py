"""Which characters act as quotation marks (core/quotation_marks.py)."""

from peshawar.core.quotation_marks import quotation_marks


def test_quotation_marks_of_every_style_and_not_apostrophes():
    body = "He said \"yes,\" and “no” and 'maybe' but Pakistan's don’t fighters' camp."
    marks = [(m.char, m.role) for m in quotation_marks(body)]
    assert marks == [
        ('"', "open"), ('"', "close"), ("“", "open"), ("”", "close"),
        ("'", "open"), ("'", "close"),
        ("'", "close"),  # the plural possessive looks like a closing mark
    ]
