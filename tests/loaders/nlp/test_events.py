"""Events: triggers and guards, roles from the clause, weapons and numbers, dates, merging."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from loaders.nlp.records import EventRecord
from tests.loaders.nlp.conftest import events


def one(doc: Doc) -> EventRecord:
    found = events(doc)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "weapon", "count"),
    [
        ("استهدف هجوم بصاروخين قاعدة عين الأسد.", "rocket", 2),
        ("سقطت ثلاثة صواريخ على المنطقة الخضراء في بغداد.", "rocket", 3),
        ("سقطت سبع قذائف هاون قرب مطار بغداد.", "mortar", 7),
        ("سقطت نحو 7 قذائف مورتر على المنطقة الخضراء.", "mortar", 7),
        ("تعرضت قاعدة عين الأسد لهجوم بطائرة مسيرة.", "drone", None),
        ("تعرضت قاعدة عين الأسد لهجوم بطائرتين مسيرتين.", "drone", 2),
        ("أطلقت إيران صواريخ باليستية على قاعدة عين الأسد.", "missile", None),
        ("انفجرت عبوة ناسفة بدورية للجيش في كركوك.", "ied", None),
    ],
)
def test_weapon_and_count(run: Callable[..., Doc], text: str, weapon: str, count: int | None) -> None:
    ev = one(run(text))
    assert (ev.type, ev.weapon, ev.count) == ("attack", weapon, count)


def test_passive_subject_is_the_target_and_its_place(run: Callable[..., Doc]) -> None:
    ev = one(run("تعرضت السفارة الأميركية لهجوم صاروخي فجر اليوم.", "2023-12-08"))
    assert ev.targets == ["us-embassy-in-baghdad"]
    assert ev.place == "us-embassy-in-baghdad" or ev.place is None
    assert ev.date == "2023-12-08"


def test_most_specific_place_and_not_the_launch_site(run: Callable[..., Doc]) -> None:
    ev = one(run("سقطت صواريخ انطلقت من قضاء القائم على قاعدة عين الأسد في محافظة الأنبار."))
    assert ev.place == "ain-al-asad-air-base"


def test_a_state_striking_makes_an_airstrike(run: Callable[..., Doc]) -> None:
    ev = one(run("شنت الولايات المتحدة ضربة على مواقع للفصائل في قضاء القائم فجر الجمعة.", "2024-02-03"))
    assert (ev.type, ev.perpetrators, ev.place, ev.date) == ("airstrike", ["united-states"], "al-qaim", "2024-02-02")


def test_a_country_adjective_is_the_perpetrator(run: Callable[..., Doc]) -> None:
    ev = one(run("أسفرت غارة إسرائيلية على دمشق عن مقتل ثلاثة عسكريين وإصابة سبعة آخرين."))
    assert (ev.type, ev.perpetrators, ev.killed, ev.injured) == ("airstrike", ["israel"], 3, 7)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("أدى القصف على قضاء القائم إلى مقتل خمسة مقاتلين.", 5, None),
        ("أسفر هجوم على كركوك عن إصابة شخصين.", None, 2),
        ("أسفر هجوم صاروخي على أربيل عن إصابة طفلة وامرأة بجروح.", None, 2),
        (
            "قالت وزارة الدفاع الأميركية إن ثلاثة جنود قتلوا وأصيب 34 آخرون في هجوم بطائرة مسيرة على قاعدة عين الأسد.",
            3,
            34,
        ),
        ("أودى هجوم على المنطقة الخضراء بحياة 14 شخصا.", 14, None),
    ],
)
def test_casualties(run: Callable[..., Doc], text: str, killed: int | None, injured: int | None) -> None:
    ev = one(run(text))
    assert (ev.killed, ev.injured) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        "توعدت الفصائل باستهداف القواعد الأميركية في العراق.",  # a threat
        "دعت الحكومة إلى منع الهجمات على البعثات الدبلوماسية.",  # prevention
        "طالب البرلمان بوقف إطلاق النار في غزة.",  # a ceasefire
        "لم تتعرض قاعدة عين الأسد لأي هجوم منذ شهر.",  # negated
        "تصاعدت الهجمات ضد القوات الأميركية في العراق وسوريا.",  # attacks in general
        "أدان الرئيس القصف على غزة.",  # a campaign, not one event
        "رفض العراق أي اعتداء على أراضيه.",  # any attack
        "كانوا يستعدون لإطلاق طائرة مسيرة قرب كركوك.",  # intent
    ],
)
def test_no_event(run: Callable[..., Doc], text: str) -> None:
    assert events(run(text, "2024-01-10")) == []


def test_several_sentences_about_one_event_make_one_event(run: Callable[..., Doc]) -> None:
    doc = run(
        "تعرضت قاعدة عين الأسد فجر الأحد لهجوم بثلاثة صواريخ.\n"
        "وقالت القوات العراقية إن الهجوم على القاعدة لم يسفر عن إصابات.\n"
        "وتبنت كتائب حزب الله الهجوم على قاعدة عين الأسد.",
        "2024-01-22",
    )
    ev = one(doc)
    assert (ev.place, ev.date, ev.count, ev.perpetrators) == (
        "ain-al-asad-air-base",
        "2024-01-21",
        3,
        ["kataib-hezbollah"],
    )


def test_different_days_are_different_events(run: Callable[..., Doc]) -> None:
    doc = run(
        "تعرضت قاعدة عين الأسد يوم 3 كانون الثاني 2024 لهجوم بصاروخين.\n"
        "وتعرضت القاعدة نفسها يوم 9 كانون الثاني 2024 لهجوم بطائرة مسيرة."
    )
    assert sorted(e.date for e in events(doc)) == ["2024-01-03", "2024-01-09"]


def test_an_attribution_inside_someone_elses_words_is_no_perpetrator(run: Callable[..., Doc]) -> None:
    doc = run('قالت السفارة الأميركية إن "الهجوم بصاروخين على مجمع السفارة الأميركية نفذته كتائب حزب الله".')
    ev = one(doc)
    assert ev.perpetrators == []
    assert doc._.kg_statements[0].accused == ["kataib-hezbollah"]


def test_the_date_next_to_the_reporting_verb_is_a_weak_hint(run: Callable[..., Doc]) -> None:
    doc = run(
        "أعلنت المقاومة الإسلامية في العراق يوم 5 كانون الثاني 2024 مقتل ثلاثة من مقاتليها "
        "بضربة أميركية في قضاء القائم.\n"
        "وكانت الضربة على قضاء القائم قد وقعت يوم 4 كانون الثاني 2024.",
        "2024-01-06",
    )
    ev = one(doc)
    assert (ev.type, ev.date, ev.targets) == ("airstrike", "2024-01-04", ["islamic-resistance-in-iraq"])
    assert doc._.kg_statements[0].date == "2024-01-05"


def test_a_tally_list_under_a_heading(run: Callable[..., Doc]) -> None:
    doc = run(
        "حصيلة الهجمات على القواعد اليوم:\n\n• قاعدة عين الأسد: ثلاث عمليات\n\n"
        "• مطار بغداد: عمليتين\n\n• كركوك: مرة واحدة"
    )
    assert [(e.place, e.count) for e in events(doc)] == [("ain-al-asad-air-base", 3), ("baghdad", 2), ("kirkuk", 1)]


def test_non_violent_events(run: Callable[..., Doc]) -> None:
    visit = one(run("وصل وزير الخارجية الأميركي إلى بغداد في زيارة غير معلنة."))
    assert (visit.type, visit.place) == ("visit", "baghdad")
    agreement = one(run("ووقعت الحكومة العراقية والولايات المتحدة في تموز 2021 اتفاقا لإنهاء المهام القتالية."))
    assert (agreement.type, agreement.date) == ("agreement", "2021-07")
    assert set(agreement.perpetrators) == {"iraqi-government", "united-states"}
    resolution = one(run("أصدر البرلمان العراقي قرارا يلزم الحكومة بإخراج القوات الأجنبية."))
    assert (resolution.type, resolution.perpetrators, resolution.place) == ("resolution", ["iraqi-parliament"], "iraq")
    arrest = one(run("أعلنت القوات الأمنية العراقية اعتقال خمسة عناصر من كتائب حزب الله في كركوك."))
    assert (arrest.type, arrest.place, arrest.perpetrators, arrest.targets) == (
        "arrest",
        "kirkuk",
        ["iraqi-security-forces"],
        ["kataib-hezbollah"],
    )
