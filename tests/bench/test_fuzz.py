"""The fuzz (bench/fuzz.py): a fast subset of `make fuzz` with a fixed
seed, and the judge it relies on, shown to catch what it must."""

from peshawar.bench.fuzz import fuzz, lost_rows, problems_are_named
from peshawar.bench.mutations import Effect
from peshawar.core.problems import Problem


def test_a_few_dozen_broken_seeds_give_clean_errors_only():
    summary, examples = fuzz(40, seed=12, limit=20.0)
    assert summary["cases"] == 40
    assert summary["clean_errors"] + summary["accepted"] == 40, examples
    for key in ("tracebacks", "hangs", "data_lost", "unclear_errors", "previous_database_changed", "leftover_files"):
        assert summary[key] == 0, (key, examples)
    assert summary["clean_errors"] > 20, "most operations break the seeds"


def test_the_judge_sees_rows_lost_outside_what_an_operation_touches():
    before = {
        ("quotes", ("a-q1",)): ({"annotation:a", "text:a"}, (("id", "a-q1"),)),
        ("quotes", ("b-q1",)): ({"annotation:b", "text:b"}, (("id", "b-q1"),)),
    }
    after = {("quotes", ("a-q1",)): before[("quotes", ("a-q1",))]}
    edit_of_a = Effect("edit a", scope={"annotation:a"}, removes={"annotation:a"})
    assert lost_rows(before, after, [edit_of_a]) == ["('quotes', ('b-q1',)) removed"]
    edit_of_b = Effect("edit b", scope={"annotation:b"}, removes={"annotation:b"})
    assert lost_rows(before, after, [edit_of_b]) == []
    changed = {**before, ("quotes", ("b-q1",)): ({"annotation:b"}, (("id", "b-q1"), ("text", "new")))}
    assert lost_rows(before, changed, [edit_of_a]) == ["('quotes', ('b-q1',)) changed"]


def test_a_clean_error_names_a_seed_file_and_no_sql():
    assert problems_are_named([Problem("seeds/topics.yml", 3, "key 'a' given twice")])
    assert problems_are_named([Problem("seeds/articles/x.txt", None, "file not found")])
    assert not problems_are_named([Problem("x.yml", 3, "wrong")])
    assert not problems_are_named([Problem("seeds/x.yml", 3, "CHECK constraint failed: char_count = length(body)")])
    assert not problems_are_named([Problem("seeds/x.yml", 3, "OverflowError: Python int too large")])
    assert not problems_are_named([Problem("seeds", None, "the database refused a number too large for the database, which the seed checks let through; please report this")])
    assert not problems_are_named([])
