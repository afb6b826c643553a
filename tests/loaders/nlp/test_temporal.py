"""Dates are searched in windows around their hint words: every date of a long sentence is still
found, with its offsets. Sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc


def test_dates_far_apart_in_one_long_sentence_are_all_found(run: Callable[..., Doc]) -> None:
    filler = " ".join(["وأوضح المصدر أن الأوضاع في المنطقة بقيت متوترة طوال الأسابيع الماضية"] * 3)
    text = f"أعلنت الوزارة يوم الأحد {filler}، وأن الاجتماع المقبل سيعقد في الخامس من آذار 2024 في بغداد."
    doc = run(text, "2024-02-20")
    found = {(d.date, doc[d.start : d.end].text) for d in doc._.kg_dates}
    assert ("2024-02-18", "يوم الأحد") in found or ("2024-02-18", "الأحد") in found
    assert any(date == "2024-03-05" for date, _ in found)


def test_a_general_aam_is_no_date_but_last_year_is(run: Callable[..., Doc]) -> None:
    assert run("وقال الأمين العام إن الرأي العام منقسم.", "2024-02-20")._.kg_dates == []
    assert [d.date for d in run("وأعلنت الوزارة العام الماضي خطة جديدة.", "2024-02-20")._.kg_dates] == ["2023"]


def test_a_clock_time_is_found_inside_a_long_sentence(run: Callable[..., Doc]) -> None:
    filler = " ".join(["وتابع الشهود أن الدخان تصاعد من المكان لفترة طويلة"] * 3)
    doc = run(f"سمع دوي انفجار {filler} عند الساعة 4:30 فجرا.", "2024-02-20")
    assert [t.clock for t in doc._.kg_times] == ["04:30"]
