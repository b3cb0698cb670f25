"""What no annotation accounts for (dataset/coverage.py)."""

from peshawar.dataset.coverage import coverage_gaps


def test_coverage_counts_marks_inside_and_at_the_edges_of_spans():
    body = 'x "a \'b\' c" y'
    inner = (3, 10)  # a 'b' c
    assert coverage_gaps(body, {"quotes": [inner], "not_quotes": [], "claims": [], "not_numbers": []}) == []
    gaps = coverage_gaps(body, {"quotes": [], "not_quotes": [], "claims": [], "not_numbers": []})
    assert [(g.kind, g.start, g.text) for g in gaps] == [
        ("unaccounted_quotation_mark", 2, '"'), ("unaccounted_quotation_mark", 5, "'"),
        ("unaccounted_quotation_mark", 7, "'"), ("unaccounted_quotation_mark", 10, '"'),
    ]
    assert all(body[g.start:g.end] == g.text for g in gaps)


def test_coverage_names_numbers_outside_claims():
    body = "12 men and 3 boys"
    gaps = coverage_gaps(body, {"quotes": [], "not_quotes": [], "claims": [(0, 6)], "not_numbers": []})
    assert [(g.kind, g.start, g.end, g.text) for g in gaps] == [("unaccounted_number", 11, 12, "3")]
