"""Date and time expressions in Arabic news text, resolved against the publication date.

Reports seldom print a full date next to an event: they say "فجر الجمعة", "أمس", "26 تشرين الأول
الماضي" or "الشهر الماضي". The graph keeps when things happened apart from when they were reported,
so each expression is turned into a calendar date at an honest precision (day, month or year),
using the publication date where the words are relative to it. Where the text alone does not fix
a date (a relative word and no publication date) nothing is returned rather than a guess.

Matching runs on a folded copy of the text (alef, ya and ta-marbuta variants unified, diacritics
and tatweel dropped, digits in ASCII); offsets are mapped back to the text as given.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from loaders.arabic import MARKS, fold_letters

__all__ = ["DateMention", "find_dates", "find_times", "parse_date", "resolve_weekday"]

#: How far past the publication date an undated "5 كانون الثاني" may still fall (news announces
#: events a few days ahead); beyond that the previous year is meant.
FUTURE_SLACK = timedelta(days=7)


@dataclass(frozen=True)
class DateMention:
    """One date expression: where it is, and the calendar date it stands for."""

    start: int
    end: int
    text: str
    date: str  # ISO at its precision: "2023-12-08", "2023-12" or "2023"
    precision: str  # "day" | "month" | "year"
    relative: bool  # fixed with the help of the publication date (relative word or missing year)


# ---------------------------------------------------------------------------------------------
# Folding with an offset map

_MARKS = MARKS


def _skeleton(text: str) -> tuple[str, list[int]]:
    """The matching form of `text` and, for each of its characters, the index in `text`."""
    folded = fold_letters(text)
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(folded):
        if _MARKS.match(ch):
            continue
        if ch.isspace():
            ch = " "
        else:
            low = ch.lower()
            ch = low if len(low) == 1 else ch
        chars.append(ch)
        index.append(i)
    return "".join(chars), index


def _original_span(text: str, index: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a skeleton span back to `text`, taking in diacritics that trail the last letter."""
    s = index[start]
    e = index[end - 1] + 1
    while e < len(text) and _MARKS.match(text[e]):
        e += 1
    return s, e


# ---------------------------------------------------------------------------------------------
# Vocabulary (in folded form: ا for أإآ, ه for ة, ي for ى and ئ, no diacritics)

_MONTHS: tuple[tuple[str, int], ...] = (
    (r"كانون\s*(?:ال)?ثاني", 1), ("يناير", 1), ("جانفي", 1),
    ("شباط", 2), ("فبراير", 2), ("فيفري", 2),
    ("اذار", 3), ("مارس", 3),
    ("نيسان", 4), ("ابريل", 4), ("افريل", 4),
    ("ايار", 5), ("مايو", 5),
    ("حزيران", 6), ("يونيو", 6), ("يونيه", 6), ("جوان", 6),
    ("تموز", 7), ("يوليو", 7), ("يوليه", 7), ("جويليه", 7),
    ("اب", 8), ("اغسطس", 8), ("اوت", 8),
    ("ايلول", 9), ("سبتمبر", 9),
    (r"تشرين\s*(?:ال)?اول", 10), ("اكتوبر", 10),
    (r"تشرين\s*(?:ال)?ثاني", 11), ("نوفمبر", 11), ("نونبر", 11),
    (r"كانون\s*(?:ال)?اول", 12), ("ديسمبر", 12), ("دجنبر", 12),
)
_EN_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

_ORDINAL_UNITS = ("الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع")


def _ordinal_days() -> dict[str, int]:
    """Day ordinals in words, 1-31: الاول ... العاشر، الحادي عشر ... الحادي والثلاثين."""
    compound = ("الحادي",) + _ORDINAL_UNITS[1:]
    days = {word: n for n, word in enumerate(_ORDINAL_UNITS, start=1)}
    days["العاشر"] = 10
    for n, word in enumerate(compound, start=1):
        days[f"{word} عشر"] = 10 + n
        days[f"{word} والعشرين"] = 20 + n
    days["العشرين"] = 20
    days["الثلاثين"] = 30
    days["الحادي والثلاثين"] = 31
    days["الواحد والعشرين"] = 21
    days["الواحد والثلاثين"] = 31
    return days


_ORDINALS = _ordinal_days()

_WEEKDAYS: dict[str, int] = {  # Python's numbering: Monday 0 ... Sunday 6
    "الاثنين": 0, "الثلاثاء": 1, "الثلاثا": 1, "الاربعاء": 2, "الاربعا": 2,
    "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6,
}

_PAST = frozenset({"الماضي", "الماضيه", "المنصرم", "المنصرمه", "الفايت", "الفايته", "السابق", "السابقه"})
_CURRENT = frozenset({"الجاري", "الحالي", "الحاليه"})
_NEXT = frozenset({"المقبل", "المقبله", "القادم", "القادمه"})


def _alternation(words: Iterable[str], *, regex: bool = False) -> str:
    """A regex alternation, longest first so that a longer name is not cut short by a prefix.

    Plain words are escaped and their spaces match any run of whitespace; `regex=True` takes the
    words as patterns already.
    """
    parts = sorted(words, key=len, reverse=True)
    if not regex:
        parts = [re.escape(p).replace(r"\ ", r"\s+") for p in parts]
    return "(?:" + "|".join(parts) + ")"


_MONTH = _alternation((p for p, _ in _MONTHS), regex=True) + r"(?!\w)"
_MONTH_PAIR = rf"(?P<mon>{_MONTH})(?:\s*[/\\(\-–]\s*{_MONTH}(?:\s*\))?)?"
_EN_MONTH = _alternation(_EN_MONTHS) + r"(?![a-z])"
_ORD = _alternation(_ORDINALS) + r"(?!\w)"
_WEEKDAY = _alternation(_WEEKDAYS) + r"(?!\w)"
_QUAL = _alternation(_PAST | _CURRENT | _NEXT) + r"(?!\w)"
_DAYNUM = r"(?<![\d.,/])(?P<d>[0-3]?\d)(?!\d)"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*(?:ميلاديه|ميلادي|م|ء)(?!\w))?"
_YEAR_PART = rf"[\s,،]*(?:(?:عام|العام|سنه|لعام|للعام)\s*)?{_YEAR}"
_PERIOD = r"(?:فجر|صباح|ظهر|ظهيره|عصر|مساء|ليل|ليله|نهار|منتصف\s+ليل(?:ه)?|منتصف\s+نهار)"
# A word boundary that lets a one-letter clitic (و ف ب ل) stick to the expression.
_B = r"(?<!\w)(?:[وفبل](?=\w))?"
# Words after which a bare month name or year is a date ("في مارس", "منذ 2014"), not a verb or a count.
_CONTEXT = r"(?:في|منذ|خلال|مطلع|اوايل|اواخر|اواسط|منتصف|نهايه|بدايه|حتي|قبل|بعد|الي|حلول|شهر)"


@dataclass
class _Cand:
    start: int  # skeleton offsets
    end: int
    date: str | None
    precision: str
    relative: bool
    weekday: bool = False


def _month_number(name: str) -> int:
    for pattern, number in _MONTHS:
        if re.fullmatch(pattern, name.replace("  ", " ")):
            return number
    raise ValueError(name)  # unreachable: the name came from the same patterns


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _year_for_month(month: int, published: date, qualifier: str | None) -> int:
    """The year of a month named without one: 'تموز الماضي' said in January is last year's July."""
    if qualifier in _PAST:
        return published.year if month < published.month else published.year - 1
    if qualifier in _CURRENT:
        return published.year
    if qualifier in _NEXT:
        return published.year if month > published.month else published.year + 1
    return published.year if month <= published.month else published.year - 1


def _day_without_year(month: int, day: int, published: date, qualifier: str | None) -> str | None:
    """Most recent such day on or before publication (a few days ahead allowed), or as qualified."""
    if qualifier is not None:
        return _iso(_year_for_month(month, published, qualifier), month, day)
    limit = published + FUTURE_SLACK
    for year in (limit.year, limit.year - 1, limit.year - 2):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate.isoformat()
    return None


def resolve_weekday(weekday: int, published: date) -> date:
    """Most recent such day on or before `published` (news reports what has happened)."""
    return published - timedelta(days=(published.weekday() - weekday) % 7)


def _weekday_date(weekday: int, published: date, qualifier: str | None) -> date:
    if qualifier in _PAST:
        return resolve_weekday(weekday, published - timedelta(days=1))
    if qualifier in _NEXT:
        return published + timedelta(days=(weekday - published.weekday()) % 7 or 7)
    return resolve_weekday(weekday, published)


def _span_precision(first: date, last: date) -> tuple[str, str] | None:
    """The finest of month/year that holds the whole span (a week rarely fits a month exactly)."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}", "month"
    if first.year == last.year:
        return f"{first.year:04d}", "year"
    return None


# ---------------------------------------------------------------------------------------------
# Patterns and their resolution. Each handler gets the match and the publication date (or None)
# and returns (date, precision, relative) or None when the expression does not fix a date.

_Resolved = tuple[str | None, str, bool] | None
_Handler = Callable[[re.Match[str], date | None], _Resolved]


def _h_day_month(m: re.Match[str], pub: date | None) -> _Resolved:
    day = int(m["d"]) if m["d"] else _ORDINALS[" ".join(m["o"].split())]
    month = _month_number(m["mon"])
    if m["y"]:
        return _iso(int(m["y"]), month, day), "day", False
    if pub is None:
        return None
    return _day_without_year(month, day, pub, m["q"]), "day", True


def _h_day_this_month(m: re.Match[str], pub: date | None) -> _Resolved:
    if pub is None:
        return None
    day = int(m["d"]) if m["d"] else _ORDINALS[" ".join(m["o"].split())]
    q = m["q"]
    first = pub.replace(day=1)
    if q in _PAST:
        first = (first - timedelta(days=1)).replace(day=1)
    elif q in _NEXT:
        first = (first + timedelta(days=32)).replace(day=1)
    return _iso(first.year, first.month, day), "day", True


def _h_english(m: re.Match[str], pub: date | None) -> _Resolved:
    return _iso(int(m["y"]), _EN_MONTHS[m["emon"]], int(m["d"])), "day", False


def _h_numeric(m: re.Match[str], pub: date | None) -> _Resolved:
    day, month = int(m["d"]), int(m["mo"])
    if month > 12 and day <= 12 and "order" in m.re.groupindex:  # 12/25/2023: written month first
        day, month = month, day
    return _iso(int(m["y"]), month, day), "day", False


def _h_month_year(m: re.Match[str], pub: date | None) -> _Resolved:
    return _iso(int(m["y"]), _month_number(m["mon"])), "month", False


def _h_month_qualified(m: re.Match[str], pub: date | None) -> _Resolved:
    if pub is None:
        return None
    month = _month_number(m["mon"])
    return _iso(_year_for_month(month, pub, m["q"]), month), "month", True


def _h_month_alone(m: re.Match[str], pub: date | None) -> _Resolved:
    if pub is None:
        return None
    month = _month_number(m["mon"])
    return _iso(_year_for_month(month, pub, None), month), "month", True


def _h_month_relative(m: re.Match[str], pub: date | None) -> _Resolved:
    if pub is None:
        return None
    first = pub.replace(day=1)
    if m["q"] in _PAST:
        first = (first - timedelta(days=1)).replace(day=1)
    elif m["q"] in _NEXT:
        first = (first + timedelta(days=32)).replace(day=1)
    return _iso(first.year, first.month), "month", True


def _h_year(m: re.Match[str], pub: date | None) -> _Resolved:
    return _iso(int(m["y"])), "year", False


def _h_year_relative(m: re.Match[str], pub: date | None) -> _Resolved:
    if pub is None:
        return None
    offset = -1 if m["q"] in _PAST else 1 if m["q"] in _NEXT else 0
    return _iso(pub.year + offset), "year", True


def _h_week_relative(m: re.Match[str], pub: date | None) -> _Resolved:
    if pub is None:
        return None
    week_start = resolve_weekday(5, pub)  # weeks in the region start on Saturday
    if m["q"] in _PAST:
        week_start -= timedelta(days=7)
    elif m["q"] in _NEXT:
        week_start += timedelta(days=7)
    found = _span_precision(week_start, week_start + timedelta(days=6))
    return (found[0], found[1], True) if found else None


def _relative_day(offset: int) -> _Handler:
    def handler(m: re.Match[str], pub: date | None) -> _Resolved:
        if pub is None:
            return None
        return (pub + timedelta(days=offset)).isoformat(), "day", True

    return handler


def _h_yesterday(m: re.Match[str], pub: date | None) -> _Resolved:
    if pub is None:
        return None
    return (pub - timedelta(days=2 if m["first"] else 1)).isoformat(), "day", True


def _h_weekday(m: re.Match[str], pub: date | None) -> _Resolved:
    if pub is None:
        return None, "day", True  # kept only to merge with an explicit date next to it
    return _weekday_date(_WEEKDAYS[m["wd"]], pub, m["q"]).isoformat(), "day", True


_NOT_TODAY = (
    r"(?!\s+(?:التالي|السابق|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الاخير|الوطني|العالمي|"
    r"الدولي|الذي|المشهود|الموعود|نفسه|ذاته|عينه)(?!\w))"
)

_PATTERNS: tuple[tuple[re.Pattern[str], _Handler], ...] = tuple(
    (re.compile(p), h)
    for p, h in (
        # 8 كانون الاول 2023 / الثامن من ديسمبر / يوم 26 تشرين الأول الماضي
        (
            rf"{_B}(?P<m>(?:{_DAYNUM}\s*(?:من\s+)?|(?P<o>{_ORD})\s+من\s+)(?:شهر\s+)?{_MONTH_PAIR}"
            rf"(?:{_YEAR_PART}|\s+(?P<q>{_QUAL}))?)",
            _h_day_month,
        ),
        # في 3 من الشهر الجاري / الثالث من الشهر الماضي
        (
            rf"{_B}(?P<m>(?:{_DAYNUM}|(?P<o>{_ORD}))\s+من\s+(?:(?:ال)?شهر\s+(?P<q>{_QUAL})|هذا\s+الشهر))",
            _h_day_this_month,
        ),
        (rf"(?<!\w)(?P<m>{_DAYNUM}(?:st|nd|rd|th)?,?\s+(?:of\s+)?(?P<emon>{_EN_MONTH})\.?,?\s+{_YEAR})", _h_english),
        (rf"(?<!\w)(?P<m>(?P<emon>{_EN_MONTH})\.?\s+{_DAYNUM}(?:st|nd|rd|th)?,?\s+{_YEAR})", _h_english),
        (
            r"(?<![\d/.\-])(?P<m>(?P<d>\d{1,2})(?P<sep>[-/.])(?P<mo>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d))(?!\d)"
            r"(?P<order>)",
            _h_numeric,
        ),
        (
            r"(?<![\d/.\-])(?P<m>(?P<y>(?:19|20)\d\d)(?P<sep>[-/.])(?P<mo>\d{1,2})(?P=sep)(?P<d>\d{1,2}))(?!\d)",
            _h_numeric,
        ),
        (rf"{_B}(?P<m>(?:شهر\s+)?{_MONTH_PAIR}{_YEAR_PART})", _h_month_year),
        (rf"{_B}(?P<m>(?:شهر\s+)?{_MONTH_PAIR}\s+(?P<q>{_QUAL}))", _h_month_qualified),
        (rf"{_B}{_CONTEXT}\s+(?P<m>(?:شهر\s+)?{_MONTH_PAIR})", _h_month_alone),
        (rf"{_B}(?P<m>(?:ال)?شهر\s+(?P<q>{_QUAL})|هذا\s+الشهر(?P<q0>))", _h_month_relative),
        (rf"{_B}(?P<m>(?:عام|العام|سنه|السنه|لعام|للعام)\s+{_YEAR})", _h_year),
        (rf"{_B}{_CONTEXT}\s+(?P<m>{_YEAR})", _h_year),
        (rf"{_B}(?P<m>(?:العام|السنه|عام)\s+(?P<q>{_QUAL})|(?:هذا\s+العام|هذه\s+السنه)(?P<q0>))", _h_year_relative),
        (rf"{_B}(?P<m>الاسبوع\s+(?P<q>{_QUAL})|هذا\s+الاسبوع(?P<q0>))", _h_week_relative),
        (rf"{_B}(?P<m>(?:{_PERIOD}\s+)?(?:هذا\s+)?اليوم){_NOT_TODAY}(?!\w)", _relative_day(0)),
        (rf"{_B}(?P<m>(?:هذه\s+)?الليله)(?!\s+(?:{_QUAL}|التاليه|نفسها|ذاتها))(?!\w)", _relative_day(0)),
        (rf"{_B}(?P<m>الليله\s+(?:الماضيه|الفايته|المنصرمه))(?!\w)", _relative_day(-1)),
        (
            rf"{_B}(?P<m>(?:{_PERIOD}\s+)?(?:يوم\s+)?(?:امس|الامس|البارحه)(?:\s+(?P<first>الاول))?)(?!\w)",
            _h_yesterday,
        ),
        (rf"{_B}(?P<m>(?:{_PERIOD}\s+)?(?:يوم\s+)?اول\s+(?:من\s+)?امس)(?!\w)", _relative_day(-2)),
        (rf"{_B}(?P<m>(?:{_PERIOD}\s+)?(?:يوم\s+غد|غدا)|{_PERIOD}\s+(?:ال)?غد)(?!\w)", _relative_day(1)),
        (rf"{_B}(?P<m>بعد\s+(?:ال)?غد)(?!\w)", _relative_day(2)),
        (
            rf"{_B}(?P<m>(?:{_PERIOD}\s+)?(?:(?:يوم|اليوم)\s+)?(?P<wd>{_WEEKDAY})(?:\s+(?P<q>{_QUAL}))?)",
            _h_weekday,
        ),
    )
)


def _published(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _candidates(skel: str, original: str, index: list[int], pub: date | None) -> list[_Cand]:
    found: list[_Cand] = []
    for pattern, handler in _PATTERNS:
        for m in pattern.finditer(skel):
            if "mon" in pattern.groupindex and m["mon"] and not _month_word_ok(m, original, index):
                continue
            if "o" in pattern.groupindex and m["o"] and _follows_definite_noun(skel, m.start("m")):
                continue
            resolved = handler(m, pub)
            if resolved is None:
                continue
            iso, precision, relative = resolved
            if iso is None and handler is not _h_weekday:
                continue
            found.append(_Cand(m.start("m"), m.end("m"), iso, precision, relative, handler is _h_weekday))
    return found


def _month_word_ok(m: re.Match[str], original: str, index: list[int]) -> bool:
    """'اب' is also 'father': take it as August only when written آب or next to a day or a year."""
    if not re.fullmatch("اب", m["mon"]):
        return True
    if original[index[m.start("mon")]] == "آ":
        return True
    groups = m.groupdict()
    return bool(groups.get("d") or groups.get("o") or groups.get("y"))


def _follows_definite_noun(skel: str, start: int) -> bool:
    """'الأسبوع الأول من ديسمبر' is a week, not the 1st: an ordinal after a definite noun is its adjective."""
    before = skel[:start].rstrip().rsplit(" ", 1)[-1]
    return bool(re.match(r"(?:[وفب]?ال|لل)\w", before))


def _merge_weekday_with_date(cands: list[_Cand], skel: str) -> list[_Cand]:
    """'الأحد 27 أبريل 2025' is one mention whose date is the written one."""
    merged: list[_Cand] = []
    for w in (c for c in cands if c.weekday):
        for c in cands:
            if c.weekday or c.precision != "day" or c.relative or c.start < w.end:
                continue
            if re.fullmatch(r"[\s,،]*", skel[w.end : c.start]):
                merged.append(_Cand(w.start, c.end, c.date, "day", False))
    return cands + merged


def find_dates(text: str, published: str | date | None) -> list[DateMention]:
    """Every date expression in `text`, resolved; sorted by start, non-overlapping, longest wins."""
    pub = _published(published)
    skel, index = _skeleton(text)
    cands = _merge_weekday_with_date(_candidates(skel, text, index, pub), skel)
    cands = [c for c in cands if c.date is not None]
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken: list[_Cand] = []
    for c in cands:
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    mentions = []
    for c in sorted(taken, key=lambda c: c.start):
        start, end = _original_span(text, index, c.start, c.end)
        assert c.date is not None
        mentions.append(DateMention(start, end, text[start:end], c.date, c.precision, c.relative))
    return mentions


_ISO_PREFIX = re.compile(
    r"\s*((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T\s]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\s*$"
)


def parse_date(value: str | int | float | None) -> str | None:
    """A calendar day written out on its own (a dateline, a 'published' field) as YYYY-MM-DD.

    Accepts ISO dates and timestamps, the numeric and Arabic/English month-name forms that
    `find_dates` knows, and Unix epoch seconds or milliseconds; None when no full day is given.
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            return None
    m = _ISO_PREFIX.match(value)
    if m:
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    for mention in find_dates(value, None):
        if mention.precision == "day":
            return mention.date
    return None


# ---------------------------------------------------------------------------------------------
# Times of day

_HOUR_WORDS: dict[str, int] = {
    "الواحده": 1, "الثانيه": 2, "الثالثه": 3, "الرابعه": 4, "الخامسه": 5, "السادسه": 6,
    "السابعه": 7, "الثامنه": 8, "التاسعه": 9, "العاشره": 10, "الحاديه عشره": 11, "الحاديه عشر": 11,
    "الثانيه عشره": 12, "الثانيه عشر": 12,
}
_FRACTIONS: dict[str, int] = {
    "والنصف": 30, "ونصف": 30, "والربع": 15, "وربع": 15, "والثلث": 20, "وثلث": 20,
    "الا ربعا": -15, "الا ربع": -15, "الا الربع": -15, "الا ثلثا": -20, "الا ثلث": -20, "الا الثلث": -20,
}
_DAY_PARTS: dict[str, str] = {
    "صباحا": "am", "صباح": "am", "فجرا": "am", "فجر": "am", "الفجر": "am", "الصباح": "am",
    "ظهرا": "noon", "ظهر": "noon", "الظهر": "noon", "بعد الظهر": "pm", "عصرا": "pm", "عصر": "pm",
    "العصر": "pm", "مساء": "pm", "مساءا": "pm", "المساء": "pm", "ليلا": "night", "ليل": "night",
    "الليل": "night", "am": "am", "a.m.": "am", "pm": "pm", "p.m.": "pm",
}
_DAY_PART = _alternation(_DAY_PARTS) + r"(?!\w)"
_TIME_PATTERNS = (
    re.compile(
        rf"{_B}(?P<m>الساعه\s+(?:(?P<h>\d{{1,2}})(?:[:.](?P<min>\d\d))?(?!\d)|(?P<hw>{_alternation(_HOUR_WORDS)})"
        rf"(?:\s+(?P<frac>{_alternation(_FRACTIONS)})|\s+و\s*(?P<fmin>\d{{1,2}})\s+(?:دقيقه|دقايق))?(?!\w))"
        rf"(?:\s+(?:من\s+)?(?P<part>{_DAY_PART}))?)"
    ),
    re.compile(rf"(?<![\d:])(?P<m>(?P<h>\d{{1,2}}):(?P<min>\d\d)(?!\d)\s*(?P<part>{_DAY_PART}))"),
)


def _clock(hour: int, minute: int, part: str | None) -> str | None:
    kind = _DAY_PARTS.get(part) if part else None
    if kind == "am" and hour == 12:
        hour = 0
    elif kind == "noon" and 1 <= hour <= 5:
        hour += 12
    elif kind == "pm" and hour < 12:
        hour += 12
    elif kind == "night":
        hour = 0 if hour == 12 else hour + 12 if 6 <= hour <= 11 else hour
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return f"{hour:02d}:{minute:02d}"


def find_times(text: str) -> list[tuple[int, int, str]]:
    """Clock times ('الساعة 4:15 فجراً', 'الساعة الرابعة والنصف عصراً') as (start, end, 'HH:MM')."""
    skel, index = _skeleton(text)
    found: list[tuple[int, int, str]] = []
    for pattern in _TIME_PATTERNS:
        for m in pattern.finditer(skel):
            if any(s < m.end("m") and m.start("m") < e for s, e, _ in found):
                continue
            if m["h"] is not None:
                hour, minute = int(m["h"]), int(m["min"] or 0)
            else:
                hour, minute = _HOUR_WORDS[" ".join(m["hw"].split())], 0
                if m["frac"]:
                    minute = _FRACTIONS[" ".join(m["frac"].split())]
                elif m["fmin"]:
                    minute = int(m["fmin"])
                if minute < 0:
                    hour, minute = hour - 1, 60 + minute
            part = " ".join(m["part"].split()) if m["part"] else None
            clock = _clock(hour, minute, part)
            if clock is not None:
                found.append((m.start("m"), m.end("m"), clock))
    result = []
    for s, e, clock in sorted(found):
        start, end = _original_span(text, index, s, e)
        result.append((start, end, clock))
    return result
