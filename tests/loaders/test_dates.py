"""Date expressions in Arabic news resolve to the calendar dates an analyst would write down."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from core.errors import ConfigError
from loaders.dates import (
    _PATTERN_NEEDS,
    _PATTERNS,
    DATES_FILE,
    _skeleton,
    find_dates,
    find_times,
    load_date_words,
    parse_date,
    reference_date,
    resolve_weekday,
)
from tests.conftest import SHARED

FRIDAY = "2023-12-08"  # a Friday


def dates(text: str, published: str | None = None) -> list[tuple[str, str, str]]:
    return [(m.text, m.date, m.precision) for m in find_dates(text, published)]


def only(text: str, published: str | None = None) -> tuple[str, str, bool]:
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0].date, found[0].precision, found[0].relative


def test_full_date_with_levantine_month_name() -> None:
    text = "قصفت طائرات مسيرة موقعاً قرب الحدود في 8 كانون الأول 2023 دون إصابات."
    assert dates(text) == [("8 كانون الأول 2023", "2023-12-08", "day")]


@pytest.mark.parametrize(
    ("month", "number"),
    [
        ("كانون الثاني", 1),
        ("كانون ثاني", 1),
        ("يناير", 1),
        ("شباط", 2),
        ("فبراير", 2),
        ("آذار", 3),
        ("اذار", 3),
        ("مارس", 3),
        ("نيسان", 4),
        ("أبريل", 4),
        ("إبريل", 4),
        ("ابريل", 4),
        ("أيار", 5),
        ("مايو", 5),
        ("حزيران", 6),
        ("يونيو", 6),
        ("يونيه", 6),
        ("تموز", 7),
        ("يوليو", 7),
        ("يوليه", 7),
        ("آب", 8),
        ("أغسطس", 8),
        ("اغسطس", 8),
        ("أيلول", 9),
        ("سبتمبر", 9),
        ("تشرين الأول", 10),
        ("تشرين الاول", 10),
        ("أكتوبر", 10),
        ("تشرين الثاني", 11),
        ("نوفمبر", 11),
        ("كانون الأول", 12),
        ("كانون الاول", 12),
        ("ديسمبر", 12),
    ],
)
def test_every_month_spelling(month: str, number: int) -> None:
    assert only(f"وقع الانفجار في 5 {month} 2021 قرب المطار") == (f"2021-{number:02d}-05", "day", False)


@pytest.mark.parametrize(
    "written", ["ديسمبر/ كانون الأول", "كانون الأول/ديسمبر", "ديسمبر (كانون الأول)", "كانون الأول - ديسمبر"]
)
def test_combined_month_names_are_one_mention(written: str) -> None:
    text = f"عقد الاجتماع في 14 {written} 2022 ببغداد."
    [(found, iso, precision)] = dates(text)
    assert found.startswith("14 ") and found.endswith("2022")
    assert (iso, precision) == ("2022-12-14", "day")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("وفي الثامن من ديسمبر استهدفت ضربة مخزنا للأسلحة", "2023-12-20", "2023-12-08"),
        ("في الحادي عشر من آذار 2022 أعلنت الوزارة", None, "2022-03-11"),
        ("مساء الحادي والثلاثين من كانون الأول 2021", None, "2021-12-31"),
        ("في الثاني والعشرين من شباط أعلن الجيش", "2024-03-01", "2024-02-22"),
        ("في الأول من أيار 2020 وقعت الحكومة", None, "2020-05-01"),
        ("في 3 من الشهر الجاري هاجم مسلحون", FRIDAY, "2023-12-03"),
        ("في الخامس من الشهر الماضي هاجم مسلحون", FRIDAY, "2023-11-05"),
    ],
)
def test_day_ordinals_and_this_month(text: str, published: str | None, expected: str) -> None:
    assert only(text, published)[:2] == (expected, "day")


@pytest.mark.parametrize(
    ("published", "expected"),
    [("2023-12-08", "2023-10-26"), ("2024-01-10", "2023-10-26"), ("2023-10-20", "2022-10-26")],
)
def test_month_marked_as_past(published: str, expected: str) -> None:
    assert only("أعلنت الفصائل يوم 26 تشرين الأول الماضي مقتل عدد من عناصرها", published) == (expected, "day", True)


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("في 20 كانون الأول شنت الطائرات غارات", "2024-01-05", "2023-12-20"),  # last year's December
        ("الجلسة المقررة في 10 كانون الثاني", "2024-01-05", "2024-01-10"),  # a few days ahead is allowed
        ("في 28 كانون الثاني وقع الهجوم", "2024-01-05", "2023-01-28"),  # too far ahead: a year ago
        ("منذ 12 أكتوبر/تشرين الأول وحتى 2 نوفمبر/تشرين الثاني الجاري", "2023-11-06", "2023-10-12"),
    ],
)
def test_year_inferred_from_publication(text: str, published: str, expected: str) -> None:
    first = find_dates(text, published)[0]
    assert (first.date, first.precision, first.relative) == (expected, "day", True)


@pytest.mark.parametrize("written", ["08-12-2023", "2023/12/08", "8/12/2023", "2023-12-08", "٨/١٢/٢٠٢٣", "08.12.2023"])
def test_numeric_dates_read_day_first(written: str) -> None:
    assert dates(f"صدر البيان بتاريخ {written} عن الوزارة") == [(written, "2023-12-08", "day")]


def test_diacritics_and_offsets_point_into_the_original_text() -> None:
    text = "وَقَعَ الهُجُومُ فِي الثَّامِنِ مِنْ دِيسَمْبَرَ 2023 قُرْبَ القَاعِدَةِ"
    [m] = find_dates(text, None)
    assert (m.date, m.precision) == ("2023-12-08", "day")
    assert text[m.start : m.end] == m.text
    assert m.text.startswith("الثَّامِنِ") and m.text.endswith("2023")


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("افتتح المعرض في تموز/يوليو الماضي", "2022-01-14", ("2021-07", "month", True)),
        ("بدأت العملية في شهر مارس 2019", None, ("2019-03", "month", False)),
        ("تصاعدت الهجمات منذ مطلع ديسمبر الجاري", FRIDAY, ("2023-12", "month", True)),
        ("قتل خمسة مسلحين الشهر الماضي", "2024-01-10", ("2023-12", "month", True)),
        ("ارتفعت الحصيلة خلال الشهر الجاري", "2024-01-10", ("2024-01", "month", True)),
        ("أنجزت الشركة أواخر العام الماضي بناء الجسر", "2022-01-14", ("2021", "year", True)),
        ("ارتفعت الصادرات خلال العام الجاري", "2022-01-14", ("2022", "year", True)),
        ("تشارك الدول الأعضاء في البرنامج منذ عام 2014", None, ("2014", "year", False)),
        ("يكتمل المشروع بنهاية 2021", None, ("2021", "year", False)),
        ("تكررت الهجمات الأسبوع الماضي", "2023-12-20", ("2023-12", "month", True)),
    ],
)
def test_month_and_year_precision(text: str, published: str | None, expected: tuple[str, str, bool]) -> None:
    assert only(text, published) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("اليوم", "2023-12-08"),
        ("أمس", "2023-12-07"),
        ("الأمس", "2023-12-07"),
        ("أول أمس", "2023-12-06"),
        ("أول من أمس", "2023-12-06"),
        ("غداً", "2023-12-09"),
        ("الليلة", "2023-12-08"),
        ("الليلة الماضية", "2023-12-07"),
        ("فجر اليوم", "2023-12-08"),
        ("مساء أمس", "2023-12-07"),
        ("فجر الجمعة", "2023-12-08"),
        ("اليوم الجمعة", "2023-12-08"),
        ("السبت", "2023-12-02"),
        ("الأحد الماضي", "2023-12-03"),
        ("ليلة الخميس", "2023-12-07"),
        ("يوم الاثنين", "2023-12-04"),
        ("الإثنين المقبل", "2023-12-11"),
        ("الجمعة الماضية", "2023-12-01"),
        ("صباح يوم الثلاثاء", "2023-12-05"),
    ],
)
def test_relative_words_resolve_against_publication(phrase: str, expected: str) -> None:
    text = f"قال مصدر أمني إن صواريخ سقطت {phrase} قرب المطار"
    [m] = find_dates(text, FRIDAY)
    assert (m.text, m.date, m.precision, m.relative) == (phrase, expected, "day", True)


def test_weekday_of_a_visit_before_a_late_publication() -> None:
    # Published on a Monday, "today, Sunday" is the day before.
    assert only("وصل الوزير إلى بغداد اليوم الأحد في جولة إقليمية", "2023-11-06") == ("2023-11-05", "day", True)


def test_without_publication_date_relative_expressions_are_skipped() -> None:
    text = "هاجم مسلحون القاعدة فجر الجمعة وأمس، وكانت هجمات قد وقعت في 26 تشرين الأول الماضي وفي 2 أيار 2021."
    assert dates(text) == [("2 أيار 2021", "2021-05-02", "day")]


def test_weekday_next_to_a_written_date_is_one_mention() -> None:
    [m] = find_dates("أعلنت المحكمة الثلاثاء 15 نيسان 2025 حكمها", "2025-04-16")
    assert (m.text, m.date, m.relative) == ("الثلاثاء 15 نيسان 2025", "2025-04-15", False)


def test_mentions_are_sorted_and_do_not_overlap() -> None:
    text = "في 4 كانون الأول أكدت الوزارة، ثم سقطت قذائف يوم الجمعة (8 كانون الأول 2023)، والأحد قصفت طائرات."
    found = find_dates(text, FRIDAY)
    assert [m.date for m in found] == ["2023-12-04", "2023-12-08", "2023-12-08", "2023-12-03"]
    assert all(a.end <= b.start for a, b in zip(found, found[1:], strict=False))


@pytest.mark.parametrize(
    "text",
    [
        "قال أب الضحية إن ابنه كان في السوق",
        "في اليوم التالي عاد الهدوء",
        "وصلت التعزيزات في الأسبوع الأول من ديسمبر",
        "مارس الضغط على الحكومة لإطلاق سراح المعتقلين",
        "قتل 5 من عناصر الخلية ونشر نحو 2500 جندي",
        "لم يصب أحد بأذى",
    ],
)
def test_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text, FRIDAY) == []


def test_resolve_weekday_is_on_or_before_publication() -> None:
    friday = date(2023, 12, 8)
    assert resolve_weekday(4, friday) == friday
    assert resolve_weekday(6, friday) == date(2023, 12, 3)
    assert resolve_weekday(5, friday) == date(2023, 12, 2)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023-12-08T09:15:00+03:00", "2023-12-08"),
        ("14th, March 2021 GMT", "2021-03-14"),
        ("March 14, 2021", "2021-03-14"),
        ("14 كانون الثاني 2022", "2022-01-14"),
        ("الجمعة 08-12-2023", "2023-12-08"),
        ("قبل ساعتين", None),
        ("2023-13-45", None),
    ],
)
def test_parse_date_of_a_published_field(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("وقع الانفجار نحو الساعة 5:40 من صباح السبت", "05:40"),
        ("سمع دوي انفجار الساعة الرابعة فجراً", "04:00"),
        ("بدأ القصف الساعة التاسعة والنصف مساءً", "21:30"),
        ("انتهى الاجتماع الساعة الثامنة إلا ربعاً", "07:45"),
        ("سقطت قذيفة في الساعة 11 ليلاً", "23:00"),
        ("وصل الوفد عند 2:30 ظهراً", "14:30"),
    ],
)
def test_times_of_day(text: str, clock: str) -> None:
    [(start, end, found)] = find_times(text)
    assert found == clock
    assert text[start:end].split()[0] in ("الساعة", "2:30")


# --- reports with no publication date: the text's own dates fix the day


def test_a_dateline_date_is_the_reference_of_a_report_without_a_publication_date() -> None:
    text = "بغداد، 14 آذار 2024 - قالت الوزارة إن الهجوم وقع أمس. وكانت هجمات مماثلة قد وقعت في 2 كانون الثاني 2024."
    assert reference_date(text) == "2024-03-14"


def test_without_a_dateline_the_latest_full_date_is_the_reference() -> None:
    text = "قالت الوزارة إن الهجوم الذي وقع في 3 شباط 2023 هو الثاني بعد هجوم 9 كانون الثاني 2023. " * 4
    assert reference_date(text) == "2023-02-03"


def test_a_report_that_writes_no_full_date_has_no_reference() -> None:
    assert reference_date("قالت الوزارة إن الهجوم وقع أمس الأحد.") is None


def test_a_weekday_fixes_the_year_of_a_date_written_without_one() -> None:
    # 18 March was a Wednesday in 2020 (not in 2019 or 2021): the text names 2020 elsewhere
    found = find_dates("وفي يوم الأربعاء 18 آذار أعلنت الوزارة نتائج التحقيق في أحداث عام 2020.", None)
    assert ("2020-03-18", "day") in {(d.date, d.precision) for d in found}


def test_a_weekday_that_fits_no_named_year_fixes_nothing() -> None:
    found = find_dates("وفي يوم الجمعة 18 آذار أعلنت الوزارة نتائج التحقيق في أحداث عام 2020.", None)
    assert all(d.precision != "day" for d in found)


def test_the_date_words_file_is_checked_when_it_loads(tmp_path) -> None:  # noqa: ANN001
    words = json.loads(DATES_FILE.read_text(encoding="utf-8"))
    words["weekdays"]["7"] = ["يوم الفراغ"]
    bad = tmp_path / "dates.json"
    bad.write_text(json.dumps(words, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"dates.json: weekdays\['7'\] must be a number 0-6"):
        load_date_words(bad)


def test_month_names_come_from_the_data_file_in_every_spelling() -> None:
    assert [d.date for d in find_dates("في 5 كانون ثاني 2024", None)] == ["2024-01-05"]
    assert [d.date for d in find_dates("في 5 كانونالثاني 2024", None)] == ["2024-01-05"]


# One phrase per date pattern, and real copy: the words a pattern needs (`_PATTERN_NEEDS`) decide
# whether it is run at all, so a pattern that matched a text without them would lose dates.
NEEDS_PHRASES = [
    "في 8 كانون الأول 2023",
    "في 3 من الشهر الجاري",
    "on 8 December 2023",
    "December 8, 2023",
    "08/12/2023",
    "2023-12-08",
    "في كانون الأول 2023",
    "في كانون الأول الماضي",
    "منذ آذار",
    "الشهر الماضي",
    "عام 2020",
    "منذ 2014",
    "هذه السنة",
    "هذا الأسبوع",
    "صباح اليوم",
    "الليلة",
    "الليلة الماضية",
    "البارحة",
    "أول من أمس",
    "غدا",
    "بعد غد",
    "الجمعة الماضية",
]


def test_every_date_pattern_is_run_on_every_text_it_matches() -> None:
    texts = list(NEEDS_PHRASES)
    samples = Path(__file__).resolve().parents[2] / "loaders" / "data" / "samples"
    for folder in (samples, SHARED / "seeds", SHARED / "devset" / "articles"):
        texts += [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    matched = set()
    for text in texts:
        skel = _skeleton(text)[0]
        for n, ((pattern, _), need) in enumerate(zip(_PATTERNS, _PATTERN_NEEDS, strict=True)):
            if pattern.search(skel) is None:
                continue
            matched.add(n)
            has = need.search(skel) is not None if hasattr(need, "search") else any(w in skel for w in need)
            assert has, f"pattern {n} matches {text[:60]!r} without what it is said to need"
    assert matched == set(range(len(_PATTERNS)))  # every pattern was tried on a text it matches
