"""Attack or airstrike: decided once per event from who did it and with what, and one act told as
an attack in one sentence and a strike in another is one event. Every sentence here is written
for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's drone or aircraft: a strike from the air
        ("قصفت طائرة مسيرة أميركية مقرا في البوكمال مساء الاثنين.", ("airstrike", ["united-states"])),
        # a state's missiles on a city, told as a strike ("ضربة صاروخية"): from the air
        ("ضربة صاروخية إسرائيلية على دمشق فجر الأحد أسفرت عن مقتل ثلاثة أشخاص.", ("airstrike", ["israel"])),
        # a state's ballistic missiles are fired from the ground: an attack
        ("أطلقت إيران صواريخ باليستية على قاعدة عين الأسد فجر الأربعاء.", ("attack", ["iran"])),
        # an armed group's strike is an attack, whatever the noun
        ("نفذت حركة النجباء ضربة بطائرة مسيرة على قاعدة حرير مساء الثلاثاء.", ("attack", ["harakat-al-nujaba"])),
    ],
)
def test_the_type_follows_the_perpetrator_and_the_weapon(
    run: Callable[..., Doc], text: str, expected: tuple[str, list[str]]
) -> None:
    (ev,) = events(run(text, "2024-05-08"))
    assert (ev.type, ev.perpetrators) == expected


def test_the_strike_and_the_shelling_of_one_town_are_one_event(run: Callable[..., Doc]) -> None:
    doc = run(
        "شنت القوات الأميركية غارة على البوكمال فجر الأحد. وأضاف المصدر أن القصف استهدف مقرا في البوكمال.",
        "2024-05-06",
    )
    (strike,) = events(doc)
    assert (strike.type, strike.place, strike.perpetrators) == ("airstrike", "al-bukamal", ["us-military"])


def test_shells_fired_on_a_town_are_not_the_strike_on_it(run: Callable[..., Doc]) -> None:
    doc = run(
        "سقطت قذائف على البوكمال مساء الأحد. وفي المساء نفسه شنت القوات الأميركية غارة على البوكمال.",
        "2024-05-06",
    )
    assert sorted(e.type for e in events(doc)) == ["airstrike", "attack"]


def test_a_group_and_a_state_striking_one_town_are_two_acts(run: Callable[..., Doc]) -> None:
    doc = run(
        "قصفت حركة النجباء قاعدة حرير بطائرة مسيرة مساء الأحد. وقصفت القوات الأميركية قاعدة حرير مساء الأحد.",
        "2024-05-06",
    )
    assert sorted((e.type, tuple(e.perpetrators)) for e in events(doc)) == [
        ("airstrike", ("us-military",)),
        ("attack", ("harakat-al-nujaba",)),
    ]


def test_an_attack_and_a_strike_placed_nowhere_stay_apart(run: Callable[..., Doc]) -> None:
    doc = run(
        "تعرضت السفارة الأميركية لهجوم صاروخي مساء الأحد. وفي وقت سابق شن التحالف ضربة جوية ضد مسلحين.",
        "2024-05-06",
    )
    assert len([e for e in doc._.kg_events if e.merged_into is None and e.type == "attack"]) == 1


def test_the_claimant_of_a_strike_decides_its_type(run: Callable[..., Doc]) -> None:
    doc = run(
        "استهدفت ضربة بطائرة مسيرة قاعدة حرير مساء الأحد. وأعلنت حركة النجباء مسؤوليتها عن الهجوم.",
        "2024-05-06",
    )
    (attack,) = events(doc)
    assert (attack.type, attack.perpetrators) == ("attack", ["harakat-al-nujaba"])


def test_drones_then_ballistic_missiles_make_a_missile_attack(run: Callable[..., Doc]) -> None:
    doc = run(
        "أطلقت إيران طائرات مسيرة على قاعدة عين الأسد فجر الأربعاء. وأضاف المصدر أن الهجوم على قاعدة عين الأسد "
        "شمل صواريخ باليستية.",
        "2024-05-08",
    )
    (attack,) = events(doc)
    assert (attack.type, attack.weapon) == ("attack", "missile")
