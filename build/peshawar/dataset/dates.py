"""Dates in the seeds: an article's published_date (YYYY-MM-DD) and the
date a claim gives an event (YYYY, YYYY-MM or YYYY-MM-DD). The schema
checks the digits; this checks the calendar, so that 2014-13 or
2014-02-31 is named as the impossible date it is."""

import datetime
import re

DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
DAY_MONTH_OR_YEAR = re.compile(r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?")


def date_problem(value, partial=False):
    """Why ``value`` is not a date of the calendar, or None.

    ``partial`` allows a year (YYYY) or a month (YYYY-MM) besides a day.
    """
    form = DAY_MONTH_OR_YEAR if partial else DAY
    if not isinstance(value, str) or not form.fullmatch(value):
        return f"{value!r} is not a date written {'YYYY, YYYY-MM or YYYY-MM-DD' if partial else 'YYYY-MM-DD'}"
    year, month, day = (int(part) for part in (value.split("-") + ["1", "1"])[:3])
    try:
        datetime.date(year, month, day)
    except ValueError as error:  # "month must be in 1..12", "day is out of range for month"
        return f"{value!r} is not a real date: {error}"
    return None


def year_problem(value):
    """Why ``value`` is not a whole year of the calendar (1 to 9999), or None."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 1 <= value <= 9999 or value != int(value):
        return f"{value!r} is not a year (a whole number from 1 to 9999)"
    return None
