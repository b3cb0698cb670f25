"""Problems and their report (core/problems.py): one line each, a long
message cut, a long list capped with a count of the rest."""

from peshawar.core.problems import MESSAGE_LIMIT, Problem, SeedError, report_lines


def test_a_problem_reads_file_line_message():
    assert str(Problem("seeds/x.yml", 3, "wrong")) == "seeds/x.yml:3: wrong"
    assert str(Problem("seeds/x.yml", None, "file not found")) == "seeds/x.yml: file not found"


def test_a_huge_message_is_cut_and_says_how_long_it_was():
    problem = Problem("seeds/x.yml", 1, "x" * 10_000_000)
    assert len(problem.message) == MESSAGE_LIMIT
    assert problem.message.endswith("\u2026 (10,000,000 characters in all)")


def test_a_hundred_thousand_problems_make_a_bounded_report():
    problems = [Problem(f"seeds/f{i % 3}.yml", i, "wrong") for i in range(1, 100_001)]
    lines = report_lines(problems)
    assert len(lines) == 51
    assert lines[:2] == ["seeds/f1.yml:1: wrong", "seeds/f2.yml:2: wrong"]
    assert lines[-1] == "\u2026 and 99,950 more problems (100,000 in all, in 3 files)"
    assert len(str(SeedError(problems))) < 5_000


def test_a_short_list_is_reported_whole():
    problems = [Problem("seeds/x.yml", 1, "a"), Problem("seeds/x.yml", 2, "b")]
    assert report_lines(problems) == ["seeds/x.yml:1: a", "seeds/x.yml:2: b"]
