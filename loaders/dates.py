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

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from core.errors import ConfigError
from core.text import MARKS, fold_letters

__all__ = ["DateMention", "find_dates", "find_times", "parse_date", "reference_date", "resolve_weekday"]

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


class _SkeletonChars(dict):
    """What each character becomes in the matching form, worked out the first time it is met:
    None (a mark, dropped), " " (any whitespace) or its lower case when that is one character."""

    def __missing__(self, code: int) -> str | None:
        ch = chr(code)
        if _MARKS.match(ch):
            out = None
        elif ch.isspace():
            out = " "
        else:
            low = ch.lower()
            out = low if len(low) == 1 else ch
        self[code] = out
        return out


_SKELETON_CHARS = _SkeletonChars()


def _skeleton(text: str) -> tuple[str, list[int]]:
    """The matching form of `text` and, for each of its characters, the index in `text`.

    One `str.translate` through a table that learns each character once: the same result as
    mapping character by character, at C speed (dates are looked for in every article)."""
    folded = fold_letters(text)
    index: list[int] = []
    start = 0
    for mark in _MARKS.finditer(folded):
        index.extend(range(start, mark.start()))
        start = mark.end()
    index.extend(range(start, len(folded)))
    return folded.translate(_SKELETON_CHARS), index


def _original_span(text: str, index: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a skeleton span back to `text`, taking in diacritics that trail the last letter."""
    s = index[start]
    e = index[end - 1] + 1
    while e < len(text) and _MARKS.match(text[e]):
        e += 1
    return s, e


# ---------------------------------------------------------------------------------------------
# Vocabulary: loaders/data/nlp/dates.json, folded like the text (ا for أإآ, ه for ة, ي for ى and ئ)

DATES_FILE = Path(__file__).resolve().parent / "data" / "nlp" / "dates.json"


def _fold(word: str) -> str:
    return " ".join(fold_letters(_MARKS.sub("", word)).lower().split())


def _month_pattern(name: str) -> str:
    """'كانون الثاني' also matches 'كانون ثاني' and 'كانونالثاني': the article of a month's second
    word is often dropped, and the space sometimes."""
    first, *rest = _fold(name).split()
    parts = [re.escape(first)] + ["(?:ال)?" + re.escape(w[2:]) if w.startswith("ال") else re.escape(w) for w in rest]
    return r"\s*".join(parts)


def load_date_words(path: Path = DATES_FILE) -> dict:
    """The date vocabulary, folded and checked; a ConfigError names the file and the entry."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the date words ({exc})") from exc

    def numbered(key: str, low: int, high: int) -> dict[int, list[str]]:
        table = raw.get(key)
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: '{key}' must be an object of number -> list of words")
        out: dict[int, list[str]] = {}
        for number, words in table.items():
            if not (number.isdigit() and low <= int(number) <= high) or not isinstance(words, list) or not words:
                raise ConfigError(f"{path}: {key}[{number!r}] must be a number {low}-{high} with a list of words")
            out[int(number)] = list(words)
        return out

    def words(key: str) -> list[str]:
        value = raw.get(key)
        value = value.get("words") if isinstance(value, dict) and "words" in value else value
        if not (isinstance(value, list) and all(isinstance(w, str) and w.strip() for w in value)):
            raise ConfigError(f"{path}: '{key}' must be a list of words")
        return value

    def valued(key: str) -> dict[str, object]:
        value = raw.get(key)
        if not isinstance(value, dict) or not value:
            raise ConfigError(f"{path}: '{key}' must be an object of word -> value")
        return {_fold(k): v for k, v in value.items() if k != "about"}

    months = numbered("months", 1, 12)
    qualifiers = raw.get("qualifiers") or {}
    if set(qualifiers) != {"past", "current", "next"}:
        raise ConfigError(f"{path}: 'qualifiers' must have exactly 'past', 'current' and 'next'")
    return {
        "months": [(_month_pattern(w), n) for n, ws in months.items() for w in ws],
        "month_words": {_fold(w).split()[0] for ws in months.values() for w in ws},
        "months_en": {w.lower(): n for n, ws in numbered("months_en", 1, 12).items() for w in ws},
        "ambiguous_months": {_fold(k): v for k, v in (raw.get("ambiguous_months") or {}).items() if k != "about"},
        "weekdays": {_fold(w): n for n, ws in numbered("weekdays", 0, 6).items() for w in ws},
        "ordinals": {k: int(v) for k, v in valued("ordinal_days").items()},  # type: ignore[call-overload]
        "past": frozenset(_fold(w) for w in qualifiers["past"]),
        "current": frozenset(_fold(w) for w in qualifiers["current"]),
        "next": frozenset(_fold(w) for w in qualifiers["next"]),
        "day_periods": [_fold(w) for w in words("day_periods")],
        "date_context": [_fold(w) for w in words("date_context")],
        "year_words": [_fold(w) for w in words("year_words")],
        "era_marks": [_fold(w) for w in words("era_marks")],
        "not_today": [_fold(w) for w in words("not_today")],
        "relative_words": [_fold(w) for w in words("relative_words")],
        "year_placers": [_fold(w) for w in words("year_placers")],
        "hour_words": valued("hour_words"),
        "minute_fractions": valued("minute_fractions"),
        "day_parts": {k: v for k, v in valued("day_parts").items()},
    }


WORDS = load_date_words()
_MONTHS: list[tuple[str, int]] = WORDS["months"]
_EN_MONTHS: dict[str, int] = WORDS["months_en"]
_ORDINALS: dict[str, int] = WORDS["ordinals"]
_WEEKDAYS: dict[str, int] = WORDS["weekdays"]  # Python's numbering: Monday 0 ... Sunday 6
_PAST: frozenset[str] = WORDS["past"]
_CURRENT: frozenset[str] = WORDS["current"]
_NEXT: frozenset[str] = WORDS["next"]


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
_YEAR = rf"(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*{_alternation(WORDS['era_marks'])}(?!\w))?"
_YEAR_PART = rf"[\s,،]*(?:{_alternation(WORDS['year_words'])}\s*)?{_YEAR}"
_PERIOD = _alternation(WORDS["day_periods"])
# A word boundary that lets a one-letter clitic (و ف ب ل) stick to the expression.
_B = r"(?<!\w)(?:(?:في|منذ)(?=\d)|[وفبل](?=\w))?"  # a proclitic, or "في" glued to a number ("في20 يناير")
# Words after which a bare month name or year is a date ("في مارس", "منذ 2014"), not a verb or a count.
_CONTEXT = _alternation(WORDS["date_context"])


@dataclass
class _Cand:
    start: int  # skeleton offsets
    end: int
    date: str | None
    precision: str
    relative: bool
    weekday: bool = False
    month_day: tuple[int, int] | None = None  # a day and month written without a year
    weekday_no: int | None = None


@lru_cache(maxsize=256)
def _month_number(name: str) -> int:
    """The month a name matched by `_MONTH` stands for: a few dozen spellings, each worked out
    once (the cache is bounded: the spaces inside a name may run long)."""
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
        return None, "day", True  # kept: a weekday beside it may fix the year (see `_weekday_years`)
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


_NOT_TODAY = rf"(?!\s+{_alternation(WORDS['not_today'])}(?!\w))"

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


# What each pattern cannot match without, in the same order: a regex a match of the pattern
# contains, or words one of which it contains. A text without them is not searched with the
# pattern at all (most texts hold a digit or a weekday, few hold "الليلة" or "الأسبوع"); the
# needs of a pattern must stay true to it when it changes: tests/loaders check a text per pattern.
_MONTH_NEED = re.compile(_MONTH)
_YEAR_NEED = re.compile(r"(?:19|20)\d\d(?!\d)")
_PATTERN_NEEDS: tuple[re.Pattern[str] | tuple[str, ...], ...] = (
    _MONTH_NEED,  # day and month
    ("شهر",),  # day of this month
    re.compile(_EN_MONTH),  # English day month year
    re.compile(_EN_MONTH),  # English month day year
    re.compile(r"\d[-/.]\d"),  # numeric d/m/y
    re.compile(r"\d[-/.]\d"),  # numeric y-m-d
    _YEAR_NEED,  # month and year
    _MONTH_NEED,  # month qualified
    _MONTH_NEED,  # month after a context word
    ("شهر",),  # this/last/next month
    _YEAR_NEED,  # year after عام
    _YEAR_NEED,  # year after a context word
    ("عام", "سنه"),  # this/last/next year
    ("الاسبوع",),  # this/last/next week
    ("اليوم",),  # today
    ("الليله",),  # tonight
    ("الليله",),  # last night
    ("امس", "البارحه"),  # yesterday
    ("امس",),  # the day before yesterday
    ("غد",),  # tomorrow
    ("غد",),  # the day after tomorrow
    re.compile(_WEEKDAY),  # weekday
)
assert len(_PATTERN_NEEDS) == len(_PATTERNS)


def _published(value: str | date | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _candidates(skel: str, original: str, index: list[int], pub: date | None) -> list[_Cand]:
    found: list[_Cand] = []
    present: dict[int, bool] = {}  # need (by id) -> whether the text has it
    for (pattern, handler), need in zip(_PATTERNS, _PATTERN_NEEDS, strict=True):
        has = present.get(id(need))
        if has is None:
            has = present[id(need)] = (
                need.search(skel) is not None if isinstance(need, re.Pattern) else any(w in skel for w in need)
            )
        if not has:
            continue
        for m in pattern.finditer(skel):
            if "mon" in pattern.groupindex and m["mon"] and not _month_word_ok(m, original, index):
                continue
            if "o" in pattern.groupindex and m["o"] and _follows_definite_noun(skel, m.start("m")):
                continue
            resolved = handler(m, pub)
            if resolved is None:
                continue
            iso, precision, relative = resolved
            cand = _Cand(m.start("m"), m.end("m"), iso, precision, relative, handler is _h_weekday)
            if handler is _h_weekday:
                cand.weekday_no = _WEEKDAYS[m["wd"]]
            elif handler is _h_day_month and iso is None:
                day = int(m["d"]) if m["d"] else _ORDINALS[" ".join(m["o"].split())]
                cand.month_day = (_month_number(m["mon"]), day)
            elif iso is None:
                continue
            found.append(cand)
    return found


def _month_word_ok(m: re.Match[str], original: str, index: list[int]) -> bool:
    """'اب' is also 'father': take it as August only when written آب or next to a day or a year."""
    letter = WORDS["ambiguous_months"].get(m["mon"])
    if letter is None:
        return True
    if original[index[m.start("mon")]] == letter:
        return True
    groups = m.groupdict()
    return bool(groups.get("d") or groups.get("o") or groups.get("y"))


def _follows_definite_noun(skel: str, start: int) -> bool:
    """'الأسبوع الأول من ديسمبر' is a week, not the 1st: an ordinal after a definite noun is its adjective."""
    before = skel[:start].rstrip().rsplit(" ", 1)[-1]
    if re.sub(r"^[وفب](?=ال)", "", before) in _WEEKDAYS:
        return False  # "الاثنين الأول من نيسان": Monday, the 1st of April
    return bool(re.match(r"(?:[وفب]?ال|لل)\w", before))


def _merge_weekday_with_date(cands: list[_Cand], skel: str) -> list[_Cand]:
    """'الأحد 27 أبريل 2025' is one mention whose date is the written one; 'الأربعاء 18 آذار' with no
    year and no publication date takes the year, among those the text names, in which 18 March
    was a Wednesday."""
    merged: list[_Cand] = []
    years = {int(c.date[:4]) for c in cands if c.date and not c.relative}
    for w in (c for c in cands if c.weekday):
        for c in cands:
            if c.weekday or c.precision != "day" or c.start < w.end:
                continue
            if not re.fullmatch(r"[\s,،]*", skel[w.end : c.start]):
                continue
            if not c.relative:
                merged.append(_Cand(w.start, c.end, c.date, "day", False))
            elif c.month_day is not None and w.weekday_no is not None:
                found = _weekday_years(c.month_day, w.weekday_no, years)
                if found is not None:
                    merged.append(_Cand(w.start, c.end, found, "day", False))
    return cands + merged


def _weekday_years(month_day: tuple[int, int], weekday: int, years: set[int]) -> str | None:
    """The one date, in a year the text names or next to one, whose weekday is `weekday`."""
    month, day = month_day
    fits = set()
    for year in {y + d for y in years for d in (-1, 0, 1)}:
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate.weekday() == weekday:
            fits.add(candidate)
    return fits.pop().isoformat() if len(fits) == 1 else None


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


#: A full date this close to the start of a report is its dateline: when the report was filed.
DATELINE_CHARS = 300


def reference_date(text: str) -> str | None:
    """The day a report with no publication date is told from, as the text itself fixes it: the
    full date of its dateline, else the latest full date it writes; None when it writes none.
    Relative words ("أمس", "الأحد الماضي") and year-less dates are then resolved against it."""
    days = [m for m in find_dates(text, None) if m.precision == "day" and not m.relative]
    if not days:
        return None
    early = [m for m in days if m.start < DATELINE_CHARS]
    return early[0].date if early else max(m.date for m in days)


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

_HOUR_WORDS: dict[str, int] = WORDS["hour_words"]
_FRACTIONS: dict[str, int] = WORDS["minute_fractions"]
_DAY_PARTS: dict[str, str] = WORDS["day_parts"]
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
