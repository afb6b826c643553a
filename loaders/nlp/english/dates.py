"""`kg_en_dates`: the dates an English report writes, resolved to calendar dates.

Forms: "December 8, 2023", "8 December 2023", "Dec. 3", "Sunday, Dec. 3", "late December 2019",
"mid-October", "in 2019", "2023-12-08", weekdays ("on Friday", "Thursday night", "last Thursday",
"Wednesday's attack"), "today", "earlier this evening", "yesterday". Words come from
`loaders/data/nlp/en/dates.json`. A date without a year, a weekday or a relative day resolves
against the publication date: the most recent such day on or before it (news reports what has
happened; a few days ahead are allowed for a dated month and day). Month names and weekdays must
be capitalised ("may" is a verb). Without a publication date, relative forms are left out.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from loaders.dates import FUTURE_SLACK, resolve_weekday
from loaders.nlp.english.lexicon import EnglishLexicon
from loaders.nlp.records import DateRef


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass
class _Found:
    start: int
    end: int
    date: str
    precision: str
    relative: bool


class EnglishDates:
    """Compiled date patterns over one lexicon's words; stateless per document."""

    def __init__(self, lexicon: EnglishLexicon) -> None:
        words = lexicon.dates
        self.months = {w: int(n) for n, ws in words["months"].items() for w in ws}
        self.weekdays = {ws[0]: int(n) for n, ws in words["weekdays"].items()}
        self.past = set(words["past_qualifiers"])
        self.next = set(words["next_qualifiers"])
        self.days_ago: dict[str, int] = {w.lower(): int(n) for w, n in words["days_ago"].items()}
        mon = rf"(?P<mon>{_alt(list(self.months))})\.?"
        wd = rf"(?P<wd>{_alt(list(self.weekdays))})"
        part = rf"(?:(?P<part>{_alt(words['month_parts'])})[\s-]+)?"
        period = _alt(words["periods"])
        year = r"(?P<y>(?:19|20)\d\d)(?!\d)"
        day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
        qual = _alt(sorted(self.past | self.next | {"this"}))
        self.patterns: list[tuple[re.Pattern[str], str]] = [
            (re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?!\d)"), "iso"),
            (re.compile(rf"(?<!\w)(?:{wd},?\s+)?{mon}\s+{day}(?:,?\s+{year})?", re.I), "month_day"),
            (re.compile(rf"(?<!\w)(?:{wd},?\s+)?{day}\s+(?:of\s+)?{mon}(?:,?\s+{year})?", re.I), "day_month"),
            (re.compile(rf"(?<!\w){part}{mon},?\s+(?:of\s+)?{year}", re.I), "month_year"),
            (re.compile(rf"(?<!\w)(?:in|since|during|until|by|early|mid|late|mid-)[\s-]+{mon}(?!\w)", re.I), "month"),
            (re.compile(rf"(?<!\w)(?:in|since|during|of|until|by|throughout)\s+{year}", re.I), "year"),
            (re.compile(rf"(?<!\w)(?P<rel>{_alt(words['today'])})(?!\w)", re.I), "today"),
            (re.compile(rf"(?<!\w)(?P<rel>{_alt(words['yesterday'])})(?!\w)", re.I), "yesterday"),
            (re.compile(rf"(?<!\w)(?P<n>\d{{1,2}}|{_alt(list(self.days_ago))})\s+days?\s+ago(?!\w)", re.I), "days_ago"),
            (
                re.compile(
                    rf"(?<!\w)(?:(?P<q>{qual})\s+)?(?:(?:{period})\s+)?{wd}(?:['’]s)?(?:\s+(?:{period}))?(?!\w)",
                    re.I,
                ),
                "weekday",
            ),
        ]
        # What each pattern cannot match without, in the same order: a text without it is not
        # searched with that pattern (most texts name no weekday, few write an ISO date).
        month_need = re.compile(_alt(list(self.months)), re.I)
        year_need = re.compile(r"(?:19|20)\d\d(?!\d)")
        self.needs: list[re.Pattern[str]] = [
            re.compile(r"\d-[01]\d-"),
            month_need,
            month_need,
            month_need,
            month_need,
            year_need,
            re.compile(_alt(words["today"]), re.I),
            re.compile(_alt(words["yesterday"]), re.I),
            re.compile(r"(?<!\w)ago(?!\w)", re.I),
            re.compile(_alt(list(self.weekdays)), re.I),
        ]
        assert len(self.needs) == len(self.patterns)

    # --------------------------------------------------------------------------------
    def find(self, text: str, published: date | None) -> list[_Found]:
        cands: list[_Found] = []
        present: dict[int, bool] = {}  # need (by id) -> whether the text has it
        for (pattern, kind), need in zip(self.patterns, self.needs, strict=True):
            has = present.get(id(need))
            if has is None:
                has = present[id(need)] = need.search(text) is not None
            if not has:
                continue
            for m in pattern.finditer(text):
                if not self._capitalised(m):
                    continue
                resolved = self._resolve(kind, m, published)
                if resolved is None:
                    continue
                end = m.end()
                if text[end - 1] == "." and m.group(0).rstrip(".").endswith(m.groupdict().get("mon") or "\0"):
                    if len(m.group("mon")) > 4:
                        end -= 1  # "mid-October." ends the sentence; "Dec." keeps its full stop
                cands.append(_Found(m.start(), end, *resolved))
        cands.sort(key=lambda c: (-(c.end - c.start), c.start))
        kept: list[_Found] = []
        for c in cands:
            if all(c.end <= k.start or c.start >= k.end for k in kept):
                kept.append(c)
        return sorted(kept, key=lambda c: c.start)

    @staticmethod
    def _capitalised(m: re.Match[str]) -> bool:
        for group in ("mon", "wd"):
            if group in m.re.groupindex and m.group(group) and not m.group(group)[0].isupper():
                return False
        return True

    def _resolve(self, kind: str, m: re.Match[str], pub: date | None) -> tuple[str, str, bool] | None:
        g = m.groupdict()
        if kind == "iso":
            return _iso(int(g["y"]), int(g["mo"]), int(g["d"])), "day", False
        month = self.months.get(g["mon"].lower()) if g.get("mon") else None
        if kind in ("month_day", "day_month"):
            assert month is not None
            d = int(g["d"])
            if g.get("y"):
                value = _iso(int(g["y"]), month, d)
                return (value, "day", False) if value else None
            if pub is None:
                return None
            value = _without_year(month, d, pub, self.weekdays.get((g.get("wd") or "").lower()))
            return (value, "day", True) if value else None
        if kind == "month_year":
            assert month is not None
            return f"{int(g['y']):04d}-{month:02d}", "month", False
        if kind == "month":
            if pub is None or month is None:
                return None
            y = pub.year if month <= pub.month else pub.year - 1
            return f"{y:04d}-{month:02d}", "month", True
        if kind == "year":
            return f"{int(g['y']):04d}", "year", False
        if pub is None:
            return None
        if kind == "today":
            return pub.isoformat(), "day", True
        if kind == "yesterday":
            return (pub - timedelta(days=1)).isoformat(), "day", True
        if kind == "days_ago":
            n = g["n"].lower()
            back = int(n) if n.isdigit() else self.days_ago[n]
            return (pub - timedelta(days=back)).isoformat(), "day", True
        weekday = self.weekdays[g["wd"].lower()]
        q = (g.get("q") or "").lower()
        if q in self.past:
            when = resolve_weekday(weekday, pub - timedelta(days=1))
        elif q in self.next:
            when = pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
        else:
            when = resolve_weekday(weekday, pub)
        return when.isoformat(), "day", True


def _iso(y: int, mo: int, d: int) -> str | None:
    try:
        return date(y, mo, d).isoformat()
    except ValueError:
        return None


def _without_year(month: int, day: int, pub: date, weekday: int | None) -> str | None:
    """The most recent such day on or before publication (a few days ahead allowed); a weekday
    written beside it picks the year it fits."""
    limit = pub + FUTURE_SLACK
    options = []
    for y in (limit.year, limit.year - 1, limit.year - 2):
        try:
            c = date(y, month, day)
        except ValueError:
            continue
        if c <= limit:
            options.append(c)
    if weekday is not None:
        fitting = [c for c in options if c.weekday() == weekday]
        if fitting:
            return fitting[0].isoformat()
    return options[0].isoformat() if options else None


class EnglishDateFinder:
    def __init__(self, nlp: Language, name: str, lexicon: EnglishLexicon) -> None:
        self.name = name
        self.dates = EnglishDates(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        pub = None
        if doc._.kg_published:
            try:
                pub = date.fromisoformat(str(doc._.kg_published)[:10])
            except ValueError:
                pub = None
        offsets = doc._.kg_tokens.offsets
        refs: list[DateRef] = []
        for f in self.dates.find(doc.text, pub):
            start = max(0, bisect.bisect_right(offsets, f.start) - 1)
            end = max(start + 1, bisect.bisect_left(offsets, f.end))
            refs.append(DateRef(start, end, f.start, f.end, f.date, f.precision, f.relative))
        doc._.kg_dates = refs
        doc._.kg_times = []
        return doc


@Language.factory(
    "kg_en_dates",
    assigns=["doc._.kg_dates"],
    default_config={"lexicon": {"@misc": "kg.en_lexicon.v1"}},
)
def make_english_dates(nlp: Language, name: str, lexicon: EnglishLexicon) -> EnglishDateFinder:
    return EnglishDateFinder(nlp, name, lexicon)
