"""The fighters a strike hit name its target: 'عناصر تابعة لـX', 'مقاتلي X', 'عناصر من X'. Every
sentence here is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events


@pytest.mark.parametrize(
    "text",
    [
        "قالت إسرائيل إن طائراتها استهدفت عناصر تابعة لحزب الله في بلدة ميس الجبل مساء الأحد.",
        "قصفت طائرات إسرائيلية مجموعة من مقاتلي حزب الله في بلدة ميس الجبل مساء الأحد.",
        "قصفت طائرات إسرائيلية مساء الأحد مبنى في بلدة ميس الجبل وقالت إنها استهدفت عناصر من حزب الله.",
    ],
)
def test_the_fighters_hit_name_whose_they_were(run: Callable[..., Doc], text: str) -> None:
    strike = next(e for e in events(run(text, "2024-05-06")) if e.place == "meiss-el-jabal")
    assert "hezbollah" in strike.targets


def test_fighters_right_after_the_verb_with_no_other_subject_did_it(run: Callable[..., Doc]) -> None:
    doc = run("استهدف عناصر من حزب الله موقعا إسرائيليا قرب ميس الجبل مساء الأحد.", "2024-05-06")
    (attack,) = events(doc)
    assert "hezbollah" not in attack.targets


def test_a_quoted_drone_names_its_owner_as_the_striker(run: Callable[..., Doc]) -> None:
    doc = run(
        "وقال البيان إن القتلى سقطوا باستهداف «طائرة مسيرة تابعة للجيش الأميركي مقرا في البوكمال» مساء الأحد.",
        "2024-05-06",
    )
    (strike,) = events(doc)
    assert strike.perpetrators == ["us-military"]


def test_an_ambush_is_an_attack_by_those_who_laid_it(run: Callable[..., Doc]) -> None:
    doc = run("قتل جنديان في كمين نصبه عناصر من حزب الله لدورية قرب ميس الجبل مساء الأحد.", "2024-05-06")
    (ambush,) = events(doc)
    assert (ambush.type, ambush.place) == ("attack", "meiss-el-jabal")
    assert ambush.perpetrators == ["hezbollah"]
    assert "hezbollah" not in ambush.targets


def test_who_killed_with_a_strike_did_the_strike(run: Callable[..., Doc]) -> None:
    doc = run("وقتلت إسرائيل يوم الأحد قياديا بارزا وثلاثة من مرافقيه في غارة على مدينة دمشق.", "2024-05-07")
    (strike,) = events(doc)
    assert (strike.place, strike.perpetrators) == ("damascus", ["israel"])


def test_the_army_that_struck_the_targets_is_the_army_last_named(run: Callable[..., Doc]) -> None:
    doc = run(
        "وأعلن الجيش الأميركي تنفيذ ضربات في سوريا يوم الأحد. وقال إن الأهداف التي ضربها الجيش شملت مخزنا "
        "للأسلحة في البوكمال.",
        "2024-05-06",
    )
    strike = next(e for e in events(doc) if e.place == "al-bukamal")
    assert (strike.type, strike.perpetrators) == ("airstrike", ["us-military"])
