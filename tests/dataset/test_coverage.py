"""What no annotation accounts for (dataset/coverage.py)."""

from peshawar.dataset.coverage import coverage_gaps


def test_coverage_counts_marks_inside_and_at_the_edges_of_spans():
    body = 'x "a \'b\' c" y'
    inner = (3, 10)  # a 'b' c
    assert coverage_gaps(body, {"quotes": [inner], "not_quotes": [], "claims": [], "not_numbers": []}) == []
    assert len(coverage_gaps(body, {"quotes": [], "not_quotes": [], "claims": [], "not_numbers": []})) == 4
