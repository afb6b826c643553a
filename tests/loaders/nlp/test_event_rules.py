"""Event rules that tell one event from another: background clauses, which event a place or a
date belongs to, lists of places, groups of strikes, interceptions, casualty figures, merging.
Every sentence here is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events


def summary(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return sorted((e.type, e.place, e.date) for e in events(doc))


# --- background clauses


def test_a_response_clause_names_another_event(run: Callable[..., Doc]) -> None:
    doc = run(
        "قصفت طائرات أميركية مواقع في عكاشات فجر الجمعة، ردا على هجوم أسفر عن مقتل جنديين في قاعدة التنف.",
        "2024-03-02",
    )
    by_place = {e.place: e for e in events(doc)}
    assert by_place["akashat"].type == "airstrike" and by_place["akashat"].killed is None
    assert by_place["akashat"].date == "2024-03-01"
    assert by_place["al-tanf"].type == "attack" and by_place["al-tanf"].killed == 2
    assert by_place["al-tanf"].background and by_place["al-tanf"].date is None


def test_an_aside_between_commas_does_not_end_a_background_clause(run: Callable[..., Doc]) -> None:
    doc = run("وجاء الهجوم بعد يومين من غارات أميركية، مساء الأحد، على مواقع في الميادين.", "2024-03-06")
    strike = next(e for e in events(doc) if e.type == "airstrike")
    assert (strike.place, strike.date) == ("al-mayadin", "2024-03-03")


def test_what_people_are_held_for_is_no_event_and_no_place(run: Callable[..., Doc]) -> None:
    doc = run(
        "أعلنت الحكومة العراقية اعتقال خمسة أشخاص متهمين بالتخطيط لهجمات على المنطقة الخضراء، "
        "خلال مداهمة في منطقة الدورة.",
        "2024-03-06",
    )
    assert [(e.type, e.place) for e in events(doc)] == [("arrest", "dora")]


@pytest.mark.parametrize(
    "text",
    [
        "كشفت القوات العراقية عن نوايا لاستهداف مطار بغداد الدولي بالصواريخ.",
        "وكان فؤاد حسين يعتزم لقاء الرئيس الأميركي في البيت الأبيض الشهر المقبل.",
        "تتهم واشنطن الفصائل بسلسلة هجمات صاروخية على قواعدها في العراق.",
        "واعتبرت الحكومة العراقية القصف اعتداء على السيادة.",
        "وقال وزير الاتصال الأردني إن الحكومة تتابع الموقف.",
    ],
)
def test_intentions_series_judgements_and_titles_are_no_events(run: Callable[..., Doc], text: str) -> None:
    assert events(run(text, "2024-03-06")) == []


# --- which event a place or a date belongs to


def test_a_date_in_a_relative_clause_on_another_noun_is_not_the_events(run: Callable[..., Doc]) -> None:
    doc = run("استهدفت طائرة مسيرة مقر الحزب الذي تأسس في الأول من أيار 2003 في كركوك.", "2024-03-06")
    assert summary(doc) == [("attack", "kirkuk", "2024-03-06")]


def test_a_date_after_another_kind_of_event_noun_is_that_ones(run: Callable[..., Doc]) -> None:
    doc = run("وبحث فؤاد حسين مع السفير الأردني في بغداد أمس تنفيذ الاتفاقية الموقعة عام 2008.", "2024-03-06")
    meeting = next(e for e in events(doc) if e.type == "meeting")
    assert (meeting.place, meeting.date) == ("baghdad", "2024-03-05")


def test_a_place_after_another_kind_of_event_noun_is_that_ones(run: Callable[..., Doc]) -> None:
    doc = run(
        "وأوضح البنتاغون أن الضربات جاءت لردع اعتداءات شبيهة بالتي طالت قاعدة التنف.",
        "2024-03-06",
    )
    assert all(e.place != "al-tanf" for e in events(doc) if e.type == "airstrike")


def test_the_place_of_a_response_told_in_another_clause(run: Callable[..., Doc]) -> None:
    doc = run(
        "جرح جنديان عقب قصف صاروخي طال نقطة عسكرية في ريف دير الزور مساء الأحد، بينما ردت القوات الأميركية بغارات.",
        "2024-03-05",
    )
    strike = next(e for e in events(doc) if e.type == "airstrike")
    assert (strike.place, strike.date, strike.perpetrators) == (
        "deir-ez-zor-governorate",
        "2024-03-03",
        ["us-military"],
    )


def test_a_country_attacked_is_the_place_when_nothing_narrower_is_named(run: Callable[..., Doc]) -> None:
    doc = run("شنت إيران هجوما بالمسيرات على إسرائيل فجر السبت.", "2024-03-04")
    assert summary(doc) == [("airstrike", "israel", "2024-03-02")]  # a state striking with drones


# --- one event per place listed, and groups of strikes


def test_strikes_on_two_towns_are_two_events(run: Callable[..., Doc]) -> None:
    doc = run("قصفت مقاتلات أميركية أهدافا في مدينتي البوكمال والميادين عصر السبت.", "2024-03-04")
    assert summary(doc) == [
        ("airstrike", "al-bukamal", "2024-03-02"),
        ("airstrike", "al-mayadin", "2024-03-02"),
    ]


def test_a_sub_list_after_a_place_and_a_reference_point_add_no_events(run: Callable[..., Doc]) -> None:
    doc = run(
        "نفذت مقاتلات أميركية غارات طالت أهدافا في عكاشات، وكذلك أهدافا في محافظة دير الزور، منها قرى في الميادين.",
        "2024-03-04",
    )
    assert {e.place for e in events(doc)} == {"akashat", "deir-ez-zor-governorate"}
    assert [e.place for e in events(run("تعرضت قاعدة حرير في أربيل لهجوم صاروخي أمس.", "2024-03-04"))] == [
        "harir-air-base"
    ]


def test_the_parts_of_a_group_of_strikes_take_its_date_and_perpetrator(run: Callable[..., Doc]) -> None:
    doc = run(
        "نفذ الجيش الأميركي فجر الخميس موجة غارات على أهداف في العراق وسوريا. "
        "وشملت الغارات أهدافا في عكاشات وفي الميادين.",
        "2024-03-09",
    )
    assert summary(doc) == [
        ("airstrike", "akashat", "2024-03-07"),
        ("airstrike", "al-mayadin", "2024-03-07"),
    ]
    assert all(e.perpetrators == ["us-military"] for e in events(doc))


def test_a_drone_shot_down_is_an_attack_on_the_defender(run: Callable[..., Doc]) -> None:
    doc = run("أعلن الجيش الأميركي أن قواته أسقطت طائرتين مسيرتين قرب قاعدة حرير فجر اليوم.", "2024-03-06")
    ev = events(doc)[0]
    assert (ev.type, ev.place, ev.weapon, ev.count, ev.perpetrators) == ("attack", "harir-air-base", "drone", 2, [])
    assert ev.targets == ["us-military"]


# --- casualties


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("قتل جنديان وأصيب سبعة آخرون في هجوم على قاعدة التنف.", 2, 7),
        ("قالت الوزارة إن أكثر من 20 عسكريا أصيبوا في الهجوم على قاعدة حرير.", None, 20),
        ("وقع هجوم على قاعدة حرير، وقالت الوزارة إن جنديا أصيب بجروح طفيفة.", None, 1),
    ],
)
def test_casualty_figures_before_and_after_the_verb(
    run: Callable[..., Doc], text: str, killed: int | None, injured: int | None
) -> None:
    ev = events(run(text, "2024-03-06"))[0]
    assert (ev.killed, ev.injured) == (killed, injured)


def test_figures_told_in_the_next_sentence_belong_to_the_attack(run: Callable[..., Doc]) -> None:
    doc = run(
        "تعرضت قاعدة التنف لهجوم بطائرة مسيرة مساء الأحد. وذكرت القيادة المركزية الأميركية أنه جرح جنديان.",
        "2024-03-05",
    )
    (ev,) = events(doc)
    assert (ev.place, ev.injured) == ("al-tanf", 2)
    centcom = next(s for s in doc._.kg_statements if s.speaker == "centcom")
    assert centcom.about_event is not None


# --- merging and dates


def test_two_mentions_of_one_act_in_a_sentence_are_one_event(run: Callable[..., Doc]) -> None:
    doc = run("وجاء ذلك غداة اغتيال قيادي في الحشد بضربة أميركية على سيارته في عكاشات فجر الخميس.", "2024-03-08")
    assert summary(doc) == [("airstrike", "akashat", "2024-03-07")]


def test_strikes_on_two_different_days_stay_two_events(run: Callable[..., Doc]) -> None:
    doc = run(
        "استهدفت مقاتلات أميركية مخازن أسلحة في محافظة كركوك فجر الثلاثاء. "
        "وفي ليلة الأربعاء، قصفت القوات الأميركية مخابئ في محافظة كركوك.",
        "2024-03-08",
    )
    assert [e.date for e in events(doc)] == ["2024-03-05", "2024-03-06"]


def test_the_pronoun_after_inna_is_the_subject_of_the_attack_verb(run: Callable[..., Doc]) -> None:
    doc = run("تبنت حركة النجباء الهجوم، وقالت إنها استهدفت القوات الأميركية في عكاشات.", "2024-03-06")
    (ev,) = events(doc)
    assert (ev.type, ev.perpetrators, ev.targets) == ("attack", ["harakat-al-nujaba"], ["us-military"])


def test_an_undated_report_happened_about_when_it_was_published(run: Callable[..., Doc]) -> None:
    assert [e.date for e in events(run("استهدف هجوم بطائرة مسيرة قاعدة حرير.", "2024-03-06"))] == ["2024-03-06"]
    told_as_past = run("وكانت طائرة مسيرة قد استهدفت قاعدة حرير.", "2024-03-06")
    assert [e.date for e in events(told_as_past)] == [None]


# --- meetings and resolutions


def test_two_meetings_of_different_people_in_one_city_stay_apart(run: Callable[..., Doc]) -> None:
    doc = run(
        "واجتمع السوداني بالرئيس الأميركي في البيت الأبيض يوم الاثنين. "
        "كما عقد فؤاد حسين ووزير الخارجية الأميركي اجتماعا آخر في واشنطن يوم الاثنين.",
        "2024-04-16",
    )
    meetings = [e for e in events(doc) if e.type == "meeting"]
    assert [(m.place, m.date) for m in meetings] == [
        ("white-house", "2024-04-15"),
        ("washington-d-c", "2024-04-15"),
    ]
    assert "fuad-hussein" in meetings[1].perpetrators


def test_the_other_party_of_a_meeting_comes_after_with_and_the_city_is_its_place(run: Callable[..., Doc]) -> None:
    doc = run("بحث وزير الخارجية العراقي فؤاد حسين مع رئيس الوزراء العراقي في بغداد أمس الأوضاع.", "2024-03-06")
    (meeting,) = events(doc)
    assert (meeting.place, meeting.perpetrators) == ("baghdad", ["fuad-hussein"])
    assert meeting.targets == ["mohammed-shia-al-sudani"]


def test_a_parliament_that_ratifies_passes_a_resolution(run: Callable[..., Doc]) -> None:
    doc = run("صادق البرلمان العراقي مساء الأحد على قرار بتشكيل هيئة جديدة.", "2024-03-06")
    assert [(e.type, e.perpetrators) for e in events(doc)] == [("resolution", ["iraqi-parliament"])]


# --- targets


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("استهدفت غارة أميركية مخزن أسلحة تابعا لكتائب حزب الله في عكاشات.", "kataib-hezbollah"),
        ("شنت طائرات أميركية غارات على مواقع في عكاشات، تابعة لحركة النجباء.", "harakat-al-nujaba"),
        ("سقطت ثلاثة صواريخ داخل قاعدة حرير التي يتمركز فيها الجيش الأميركي.", "us-military"),
        ("نجا الكاظمي من تفجير استهدف موكبه في المنطقة الخضراء صباح اليوم.", "mustafa-al-kadhimi"),
        ("أسفر قصف على قاعدة التنف عن مقتل جنديين أميركيين.", "us-military"),
    ],
)
def test_whose_place_who_was_there_and_who_was_hit(run: Callable[..., Doc], text: str, target: str) -> None:
    assert target in events(run(text, "2024-03-06"))[0].targets


def test_those_killed_before_a_killing_verb_are_its_targets(run: Callable[..., Doc]) -> None:
    doc = run("وكان أبو علي العسكري قد قتل بغارة جوية في كركوك بأوامر من البنتاغون.", "2024-03-06")
    assert events(doc)[0].targets == ["abu-ali-al-askari"]


def test_two_names_side_by_side_are_one_road_not_two_places(run: Callable[..., Doc]) -> None:
    doc = run("انفجرت عبوة ناسفة بدورية للجيش على طريق بغداد كركوك صباح اليوم.", "2024-03-06")
    assert [e.place for e in events(doc)] == ["baghdad"]


def test_a_construct_dual_projectile_and_a_number_after_its_noun(run: Callable[..., Doc]) -> None:
    doc = run("سقطت قذيفتي هاون داخل مطار بغداد الدولي، وأسفرتا عن جرح منتسبين اثنين.", "2024-03-06")
    ev = events(doc)[0]
    assert (ev.weapon, ev.count, ev.injured) == ("mortar", 2, 2)


def test_a_parliament_that_votes_on_a_law_passes_a_resolution(run: Callable[..., Doc]) -> None:
    doc = run("صوت البرلمان العراقي بالأغلبية على قانون جديد للانتخابات.", "2024-03-06")
    assert [(e.type, e.perpetrators) for e in events(doc)] == [("resolution", ["iraqi-parliament"])]
