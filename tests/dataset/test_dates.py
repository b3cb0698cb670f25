"""Dates in the seeds (dataset/dates.py): days, months and years of the
calendar, an impossible one named as such."""

import pytest

from peshawar.dataset.dates import date_problem, year_problem


@pytest.mark.parametrize("value", ["2014-12-16", "2012-02-29", "0001-01-01"])
def test_real_days(value):
    assert date_problem(value) is None


@pytest.mark.parametrize("value", ["2014", "2014-06", "2014-12-16"])
def test_real_years_months_and_days_where_partial_dates_are_allowed(value):
    assert date_problem(value, partial=True) is None


@pytest.mark.parametrize("value,partial,expected", [
    ("2014-13", True, "'2014-13' is not a real date: month must be in 1..12"),
    ("2014-02-31", False, "'2014-02-31' is not a real date: day is out of range for month"),
    ("2013-02-29", False, "'2013-02-29' is not a real date: day is out of range for month"),
    ("0000-01-01", False, "'0000-01-01' is not a real date: year 0 is out of range"),
    ("2014-00", True, "'2014-00' is not a real date: month must be in 1..12"),
    ("20141216", False, "'20141216' is not a date written YYYY-MM-DD"),
    ("2014-W51-2", False, "'2014-W51-2' is not a date written YYYY-MM-DD"),
    ("2014", False, "'2014' is not a date written YYYY-MM-DD"),
    ("2014-12-16\n", True, "'2014-12-16\\n' is not a date written YYYY, YYYY-MM or YYYY-MM-DD"),
    ("\u0662\u0660\u0661\u0664", True, "is not a date written"),
])
def test_impossible_or_misshapen_dates_are_named(value, partial, expected):
    assert expected in date_problem(value, partial)


@pytest.mark.parametrize("value", [2014, 2014.0, 1, 9999])
def test_years(value):
    assert year_problem(value) is None


@pytest.mark.parametrize("value", [0, -5, 10_000, 2014.5, float("nan"), float("inf"), True, "2014"])
def test_not_years(value):
    assert "is not a year (a whole number from 1 to 9999)" in year_problem(value)
