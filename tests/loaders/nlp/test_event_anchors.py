"""What makes a trigger one event, and what is hit: dead told without a number, a thing hit
named by its owner's country, a count of strikes, a campaign that is no single act, a claim
about the act it names. Every sentence here is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events


def test_dead_told_without_a_number_make_shelling_at_a_region_one_event(run: Callable[..., Doc]) -> None:
    doc = run("وتجدد القصف على جنوب لبنان ليلا، ما أسفر عن سقوط قتلى وجرحى بين المدنيين.", "2024-05-06")
    (shelling,) = events(doc)
    assert shelling.place == "south-lebanon"


def test_shelling_at_a_region_that_hurt_no_one_is_no_particular_event(run: Callable[..., Doc]) -> None:
    doc = run("وتجدد القصف على جنوب لبنان ليلا، دون وقوع إصابات.", "2024-05-06")
    assert events(doc) == []


def test_a_country_adjective_on_the_thing_hit_names_its_owner_as_the_target(run: Callable[..., Doc]) -> None:
    doc = run("وتعرضت القواعد الأميركية في شرق سوريا لهجوم بطائرات مسيرة مساء الأحد.", "2024-05-06")
    (attack,) = events(doc)
    assert attack.place == "eastern-syria"
    assert attack.targets == ["united-states"]


def test_a_dual_country_adjective_names_the_owner_too(run: Callable[..., Doc]) -> None:
    doc = run("وأطلقت جماعة الحوثي صواريخ على منشأتين نفطيتين سعوديتين في جيزان مساء الأحد.", "2024-05-06")
    owners = [m.actor_id for m in doc._.kg_entities if m.source == "nisba"]
    assert owners == ["saudi-arabia"]


def test_a_count_of_strikes_after_came_under_is_an_event(run: Callable[..., Doc]) -> None:
    doc = run("وتعرضت قاعدة حرير لثلاثة استهدافات بطائرات مسيرة يوم الأحد.", "2024-05-06")
    (attack,) = events(doc)
    assert (attack.place, attack.weapon) == ("harir-air-base", "drone")


def test_a_wide_offensive_is_a_campaign_not_one_act(run: Callable[..., Doc]) -> None:
    doc = run("وردت إسرائيل على ذلك بهجوم واسع النطاق على قطاع غزة.", "2024-05-06")
    assert events(doc) == []


def test_a_massacre_is_an_attack(run: Callable[..., Doc]) -> None:
    doc = run("وقتل عشرة مدنيين في مجزرة جديدة في مدينة كركوك مساء الأحد.", "2024-05-06")
    (attack,) = events(doc)
    assert (attack.type, attack.place, attack.killed) == ("attack", "kirkuk", 10)


@pytest.mark.parametrize(
    ("town", "places"),
    [
        ("البوكمال", ["al-bukamal"]),  # east of the country's centre: the raid on the east, told closer
        ("دمشق", ["damascus", "eastern-syria"]),  # west of it: another strike
    ],
)
def test_a_strike_at_a_compass_region_is_the_strike_at_a_town_on_its_side(
    run: Callable[..., Doc], town: str, places: list[str]
) -> None:
    doc = run(
        f"قصفت طائرات أميركية مقرا في شرق سوريا فجر الأحد. وقالت مصادر إن طائرات أميركية قصفت مقرا في {town} "
        "فجر الأحد.",
        "2024-05-06",
    )
    assert sorted(e.place or "" for e in events(doc)) == places


def test_an_attack_on_a_side_is_not_that_sides_strike_nearby(run: Callable[..., Doc]) -> None:
    doc = run(
        "تعرضت القواعد الأميركية في شرق سوريا لهجوم بطائرات مسيرة فجر الأحد. وقصفت طائرات أميركية مقرا في "
        "البوكمال فجر الأحد.",
        "2024-05-06",
    )
    assert sorted(e.place or "" for e in events(doc)) == ["al-bukamal", "eastern-syria"]


def test_a_claim_told_after_other_strikes_is_not_about_them(run: Callable[..., Doc]) -> None:
    doc = run(
        "شنت القوات الأميركية غارة على البوكمال فجر الأحد، بعد يوم من إعلان المقاومة الإسلامية في العراق "
        "تنفيذ عمليات عسكرية ضد القوات الأميركية.",
        "2024-05-06",
    )
    (claim,) = [s for s in doc._.kg_statements if s.kind == "claim_responsibility"]
    (strike,) = events(doc)
    assert claim.about_event is None
    assert strike.perpetrators == ["us-military"]


def test_a_capital_ascribing_a_strike_is_its_state_not_a_place_hit(run: Callable[..., Doc]) -> None:
    doc = run(
        "قتل ثلاثة مستشارين في ضربة جوية دمرت مبنى في دمشق يوم الأحد، نسبتها طهران وبغداد إلى إسرائيل.",
        "2024-05-07",
    )
    assert [e.place for e in events(doc)] == ["damascus"]
    ascribing = [m.actor_id for m in doc._.kg_entities if m.text in ("طهران", "وبغداد", "بغداد")]
    assert ascribing == ["iran", "iraq"]


def test_pounded_is_an_attack_verb_and_its_future_is_no_place_name(run: Callable[..., Doc]) -> None:
    doc = run("ودكت المدفعية الإسرائيلية مبنى في بلدة ميس الجبل مساء الأحد.", "2024-05-06")
    (attack,) = events(doc)
    assert attack.place == "meiss-el-jabal"
    # a town whose name begins like the future of the verb ('سيدكان') is no threat
    assert run("وقعت اشتباكات قرب سيدكان في محافظة أربيل.", "2024-05-06")._.kg_statements == []


def test_a_claim_of_strikes_on_two_places_claims_both(run: Callable[..., Doc]) -> None:
    doc = run(
        "وقال حزب الله في بيان إن مجاهديه استهدفوا قاعدة حرير وقاعدة التنف بالطائرات المسيرة يوم الأحد.",
        "2024-05-06",
    )
    strikes = events(doc)
    assert sorted(e.place or "" for e in strikes) == ["al-tanf", "harir-air-base"]
    assert all(e.perpetrators == ["hezbollah"] for e in strikes)


@pytest.mark.parametrize(
    ("joined", "count"),
    [
        ("، قرية الحمرا المحتلة،", 1),  # a second name of the place, in apposition
        (" وقرية الحمرا", 2),  # a list joins its last item with و
    ],
)
def test_a_place_after_a_comma_alone_names_the_place_before_it(
    run: Callable[..., Doc], joined: str, count: int
) -> None:
    doc = run(f"وقصفت القوات الإسرائيلية بلدة الخيام{joined} بالمدفعية يوم الأحد.", "2024-05-06")
    places = [e.place for e in events(doc)]
    assert len(places) == count
    assert places[0] == "khiam"
