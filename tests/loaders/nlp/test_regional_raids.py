"""Strikes on a governorate-wide area ('غارات على مواقع في محافظة الأنبار') are one raid when a
light or attack verb in the past tells them done by a named side; told as going on ('تشن'),
feared ('يخشى أن تشن') or as a habit ('غارات متكررة') they are none. An indefinite 'عدوان'
('شنت إسرائيل عدوانا جويا') is an attack as 'اعتداء' is; the definite war name ('العدوان على
غزة') and 'أي عدوان' are not. Every sentence here is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events


@pytest.mark.parametrize(
    "sentence",
    [
        "شنت طائرات حربية إسرائيلية غارات على مواقع في محافظة الأنبار.",
        "نفذت مقاتلات إسرائيلية ضربات جوية على مخازن أسلحة في محافظة ديالى.",
        "استهدفت طائرات إسرائيلية بغارات مواقع عسكرية في محافظة الأنبار.",
    ],
)
def test_a_raid_told_done_on_a_governorate_is_an_event(run: Callable[..., Doc], sentence: str) -> None:
    (strike,) = events(run(sentence, "2024-05-06"))
    assert strike.type == "airstrike"
    assert strike.perpetrators == ["israel"]
    assert strike.place in ("anbar", "diyala")


@pytest.mark.parametrize(
    "sentence",
    [
        "وتشن الطائرات الإسرائيلية غارات على مواقع في محافظة الأنبار.",
        "ويخشى السكان أن تشن إسرائيل غارات جديدة على محافظة ديالى.",
        "وشنت الطائرات الإسرائيلية غارات متكررة على محافظة الأنبار.",
        "ونفذت إسرائيل ضربات شبه يومية على مواقع في محافظة ديالى.",
    ],
)
def test_raids_going_on_feared_or_habitual_are_no_event(run: Callable[..., Doc], sentence: str) -> None:
    assert events(run(sentence, "2024-05-06")) == []


def test_an_indefinite_aggression_is_an_attack(run: Callable[..., Doc]) -> None:
    (strike,) = events(run("شنت إسرائيل عدوانا جويا على مواقع عسكرية قرب مدينة كركوك.", "2024-05-06"))
    assert strike.type == "airstrike"
    assert strike.perpetrators == ["israel"]
    assert strike.place == "kirkuk"


@pytest.mark.parametrize(
    "sentence",
    [
        "ودعا الوزير إلى وقف العدوان على قطاع غزة فورا.",
        "وحذرت إيران من أن أي عدوان على أراضيها سيقابل برد حاسم.",
        "واعتبر البيان أن القرار عدوان على سيادة العراق.",
    ],
)
def test_the_war_name_and_any_aggression_are_no_event(run: Callable[..., Doc], sentence: str) -> None:
    assert events(run(sentence, "2024-05-06")) == []
