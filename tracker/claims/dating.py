"""The dates a claim's period covers: "in March 2004" is 2004-03-01 to 2004-03-31, and "last year" in an
article published on 2005-02-10 is 2004-01-01 to 2004-12-31.

>>> date_period("last year", "2005-02-10")
('2004-01-01', '2004-12-31')
>>> date_period("in March", "2005-04-10")
('2005-03-01', '2005-03-31')
>>> date_period("since 2001", None)
('2001-01-01', None)

A fact-checker groups the same figure across articles by the time it is
about (issue 16: "the troop count: 100,000 on Monday, 130,000 on
Friday"); the words alone do not say it: "last year" in two articles a
year apart are two different years, and "in March" and "last month" in
articles of early April are the same month. A month named without a year
is read only up to the article's month ("in June" in a March article may
be last June or the next). So each claim's period is
read into a first and a last day (ISO dates), relative periods ("last
year", "this month", "three years ago", "yesterday", "on Monday", a month
without a year) from the article's ``published`` date, and only when it
has one. What is not read is left null, never guessed: ranges of years
("2004-05", a financial year), seasons, "the next two weeks", "the past
year" (the twelve months before, or the calendar year?), "the previous
year" (before the article's date, or before a year it named?). "Since 2001" runs from 2001 to the publication
date (open when there is none).

Written by hand: date libraries such as dateparser and parsedatetime (not
installed here) read a phrase into one point in time ("last year" -> a day
a year ago), not into the two ends of the period it names.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta


_MONTHS = "january february march april may june july august september october november december".split()
_MONTH_NUMBER = {m: i for i, m in enumerate(_MONTHS, 1)} | {m[:3]: i for i, m in enumerate(_MONTHS, 1)} | {"sept": 9}
_WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())} | {"a": 1, "an": 1}

_LEAD = r"(?:(?:in|during|for|throughout|through|over|by|on|as\sof|at\sthe\send\sof)\s)?(?:the\s)?"
_YEAR = re.compile(_LEAD + r"(?:(?:calendar|whole)\syear\s)?(\d{4})(s)?$")
_MONTH_YEAR = re.compile(_LEAD + r"(?:(?:early|mid|late)[\s-]+)?([a-z]{3,9})\.?(?:\s\d{1,2})?(?:,?\s(\d{4}))?$")
_SINCE = re.compile(r"since\s(?:the\s)?(?:([a-z]{3,9})\.?\s)?(\d{4})$")
_RELATIVE = re.compile(r"(last|this|next)\s(year|month|week)(?:['’]s)?$")
_AGO = re.compile(r"([a-z]{1,6}|\d{1,3})\s(years?|months?)\sago$")
_WEEKDAY = re.compile(r"on\s([a-z]{3,6}day)$")


def date_period(period: str | None, published: str | None) -> tuple[str | None, str | None] | None:
    """The first and last day ``period`` covers (ISO dates; the last is None for a period still running with no
    publication date to end it), or None when it cannot be read."""
    if not period:
        return None
    p = " ".join(period.lower().split()).rstrip(".")     # one space between words: the patterns need no \s+
    pub = _published(published)
    m = _YEAR.match(p)
    if m:
        year = int(m.group(1))
        if m.group(2):                              # "the 1990s"
            return (_iso(date(year, 1, 1)), _iso(date(year + 9, 12, 31))) if year % 10 == 0 else None
        return _iso(date(year, 1, 1)), _iso(date(year, 12, 31))
    m = _SINCE.match(p)
    if m:
        month = _MONTH_NUMBER.get(m.group(1) or "january")
        if month is None:
            return None
        return _iso(date(int(m.group(2)), month, 1)), _iso(pub)
    m = _MONTH_YEAR.match(p)
    if m and m.group(1) in _MONTH_NUMBER and not p.startswith(("last", "this", "next")):
        month = _MONTH_NUMBER[m.group(1)]
        if m.group(2):
            return _month(int(m.group(2)), month)
        if pub is None:
            return None
        # a month named without a year: this year's up to the article's month; a later one may be last year's
        # or a month to come ("will open in June"), so it stays unread
        return _month(pub.year, month) if month <= pub.month else None
    if pub is None:
        return None
    if p == "yesterday":
        return _iso(pub - timedelta(days=1)), _iso(pub - timedelta(days=1))
    m = _WEEKDAY.match(p)
    if m and m.group(1) in _WEEKDAYS:           # "on Monday": the last Monday up to the article's day
        day = pub - timedelta(days=(pub.weekday() - _WEEKDAYS[m.group(1)]) % 7)
        return _iso(day), _iso(day)
    m = _RELATIVE.match(p)
    if m:
        step = {"last": -1, "this": 0, "next": 1}[m.group(1)]
        unit = m.group(2)
        if unit == "year":
            return _iso(date(pub.year + step, 1, 1)), _iso(date(pub.year + step, 12, 31))
        if unit == "month":
            year, month = divmod(pub.year * 12 + pub.month - 1 + step, 12)
            return _month(year, month + 1)
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
        return _iso(monday), _iso(monday + timedelta(days=6))
    m = _AGO.match(p)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else _NUMBER_WORDS.get(m.group(1))
        if n is None:
            return None
        if m.group(2).startswith("year"):
            return _iso(date(pub.year - n, 1, 1)), _iso(date(pub.year - n, 12, 31))
        year, month = divmod(pub.year * 12 + pub.month - 1 - n, 12)
        return _month(year, month + 1)
    return None


def date_claims(claims: list, published: str | None) -> None:
    """Set ``period_start`` and ``period_end`` of each claim whose period can be read (see ``date_period``)."""
    for c in claims:
        span = date_period(c.period, published)
        if span is not None:
            c.period_start, c.period_end = span


def period_label(start: str | None, end: str | None) -> str | None:
    """A dated period as a short label: "2004" for a whole year, "2004-03" for a whole month, "2001-03-01 to
    2005-01-01" otherwise (an open end: "from 2001-03-01")."""
    if start is None:
        return None
    if end is None:
        return f"from {start}"
    if start[4:] == "-01-01" and end[4:] == "-12-31" and start[:4] == end[:4]:
        return start[:4]
    if start[8:] == "01" and start[:7] == end[:7] and _month(int(start[:4]), int(start[5:7]))[1] == end:
        return start[:7]
    return start if start == end else f"{start} to {end}"


def _published(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def _month(year: int, month: int) -> tuple[str, str]:
    return _iso(date(year, month, 1)), _iso(date(year, month, calendar.monthrange(year, month)[1]))


def _iso(d: date | None) -> str | None:
    return None if d is None else d.isoformat()
