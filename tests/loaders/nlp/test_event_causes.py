"""The event the dead and wounded fell in: a clause that tells casualties and then 'إثر'/'عقب'
or 'جراء' an attack names that attack as the sentence's own event, not an earlier one told in
passing; casualty verbs count in every person; 'مناطق (متفرقة) من X' places the act in X; an act
with a country adjective as a verb's subject names that state as who did it; two dates that are
only those of statements telling of one act give it the earlier. Every sentence here is written
for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events


@pytest.mark.parametrize("head", ["إثر", "عقب", "جراء"])
def test_dead_then_after_an_attack_name_the_attack_they_fell_in(run: Callable[..., Doc], head: str) -> None:
    doc = run(f"قتل ثلاثة جنود وأصيب خمسة آخرون {head} هجوم بطائرة مسيرة على قاعدة حرير.", "2024-05-06")
    (attack,) = [e for e in events(doc) if e.merged_into is None]
    assert (attack.place, attack.killed, attack.injured) == ("harir-air-base", 3, 5)
    assert attack.date == "2024-05-06"  # told as what just happened, not as earlier background


def test_an_act_after_another_act_stays_background(run: Callable[..., Doc]) -> None:
    # the strike is the sentence's act; the attack it followed is another one
    doc = run("شن الجيش الأمريكي غارة على مواقع في قضاء القائم يوم الأحد إثر هجوم على قاعدة حرير.", "2024-05-06")
    strike = next(e for e in events(doc) if e.type == "airstrike")
    assert strike.place == "al-qaim"
    attack = next((e for e in events(doc) if e.place == "harir-air-base"), None)
    assert attack is None or attack.merged_into is None and attack.date != "2024-05-05"


@pytest.mark.parametrize(
    "verb",
    ["استشهد", "استشهدوا", "قتلوا", "يستشهد"],
)
def test_verbs_of_dying_count_the_dead_in_every_person(run: Callable[..., Doc], verb: str) -> None:
    doc = run(f"وأفاد مصدر أمني بأن أربعة من عناصر الحشد {verb} بقصف على قضاء القائم.", "2024-05-06")
    (attack,) = [e for e in events(doc) if e.merged_into is None]
    assert (attack.place, attack.killed) == ("al-qaim", 4)


def test_areas_of_a_country_are_where_it_happened_not_where_it_came_from(run: Callable[..., Doc]) -> None:
    doc = run("قتل 6 جنود جراء قصف أمريكي استهدف مواقع عسكرية في مناطق متفرقة من العراق.", "2024-05-06")
    (strike,) = [e for e in events(doc) if e.merged_into is None]
    assert strike.place == "iraq"
    launched = run("أطلقت صواريخ من العراق على قاعدة التنف يوم الأحد.", "2024-05-06")
    assert [e.place for e in events(launched) if e.merged_into is None] == ["al-tanf"]


def test_an_act_with_a_country_adjective_before_the_verb_names_that_state(run: Callable[..., Doc]) -> None:
    doc = run("وأصيب جنديان بجروح، إثر العدوان الأمريكي استهدف مواقع عسكرية في قضاء القائم.", "2024-05-06")
    (strike,) = [e for e in events(doc) if e.merged_into is None]
    assert "united-states" in strike.perpetrators
    assert (strike.place, strike.injured) == ("al-qaim", 2)


def test_an_act_dated_only_by_statements_takes_the_earlier_statement_date(run: Callable[..., Doc]) -> None:
    # the minister's statement came yesterday, the ministry's report on Sunday: the strike was no
    # later than the earlier of the two
    doc = run(
        'وقال وزير الخارجية فؤاد حسين، في بيان يوم أمس، إن "الوزارة قدمت شكوى بخصوص القصف الأمريكي على قضاء القائم". '
        "وأفادت وزارة الدفاع العراقية، الأحد الماضي، بمقتل 3 جنود إثر قصف أمريكي استهدف مواقع في قضاء القائم.",
        "2024-05-08",
    )
    (strike,) = [e for e in events(doc) if e.merged_into is None]
    assert (strike.place, strike.date, strike.killed) == ("al-qaim", "2024-05-05", 3)


@pytest.mark.parametrize(
    "sentence",
    [
        "وذكرت مصادر محلية أن طائرة مسيرة إسرائيلية قتلت ثلاثة عناصر من حزب الله يوم الأحد في بلدة الخيام.",
        "قتلت طائرة مسيرة إسرائيلية ثلاثة عناصر من حزب الله في بلدة الخيام يوم الأحد.",
        "وأصابت طائرة مسيرة إسرائيلية سيارة في بلدة الخيام يوم الأحد.",
    ],
)
def test_a_weapon_that_killed_or_hit_is_an_attack_by_its_owner(run: Callable[..., Doc], sentence: str) -> None:
    doc = run(sentence, "2024-05-06")
    (strike,) = [e for e in events(doc) if e.merged_into is None]
    assert (strike.place, strike.date, strike.weapon) == ("khiam", "2024-05-05", "drone")
    assert strike.perpetrators == ["israel"]
    if "قتلت" in sentence:
        assert (strike.killed, strike.targets) == (3, ["hezbollah"])


def test_killing_with_no_weapon_for_subject_is_no_event_of_its_own(run: Callable[..., Doc]) -> None:
    # who killed whom is told; how, and so what kind of act, is not
    assert events(run("وقتل المسلحون ثلاثة مدنيين في قضاء القائم.", "2024-05-06")) == []
    # the dead are the subject of a passive verb: the strike is told by its noun
    doc = run("وقتل ثلاثة عناصر من حزب الله بغارة إسرائيلية على بلدة الخيام يوم الأحد.", "2024-05-06")
    (strike,) = [e for e in events(doc) if e.merged_into is None]
    assert (strike.place, strike.killed) == ("khiam", 3)


def test_strikes_told_by_their_dead_stand_without_a_named_place(run: Callable[..., Doc]) -> None:
    doc = run("ولقي شخصان حتفهما يوم الأربعاء وأصيب سبعة في غارات جوية إسرائيلية على عناصر حزب الله.", "2024-05-06")
    (strikes,) = [e for e in events(doc) if e.merged_into is None]
    assert (strikes.date, strikes.perpetrators, strikes.targets) == ("2024-05-01", ["israel"], ["hezbollah"])
    assert (strikes.killed, strikes.injured) == (2, 7)


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ("وأعلنت المقاومة الإسلامية في العراق مسؤوليتها عن مقتل جنديين أمريكيين في قاعدة التنف.", "us-military"),
        ("وتبنت المقاومة الإسلامية في العراق مسؤولية مقتل جنديين أمريكيين في قاعدة التنف.", "us-military"),
        ("وأعلنت المقاومة الإسلامية في العراق مسؤوليتها عن اغتيال ضابط في قاعدة التنف.", None),
    ],
)
def test_a_killing_claimed_is_an_attack_by_the_claimant(
    run: Callable[..., Doc], sentence: str, target: str | None
) -> None:
    doc = run(sentence, "2024-05-06")
    (attack,) = [e for e in events(doc) if e.merged_into is None]
    assert attack.type == "attack"
    assert attack.place == "al-tanf"
    if target:
        assert target in attack.targets


def test_a_death_announced_and_not_claimed_is_no_act_of_its_own(run: Callable[..., Doc]) -> None:
    assert events(run("وأعلنت وزارة الدفاع العراقية مقتل جنديين في قضاء القائم.", "2024-05-06")) == []


def test_a_force_that_struck_sites_is_the_doer_of_a_strike(run: Callable[..., Doc]) -> None:
    doc = run("ضربت القوات الأمريكية مواقع لكتائب حزب الله في منطقة القائم فجر الأحد.", "2024-05-06")
    (strike,) = [e for e in events(doc) if e.merged_into is None]
    assert (strike.place, strike.perpetrators) == ("al-qaim", ["us-military"])
    # a cordon or an idiom struck by a force is no strike
    assert events(run("ضربت القوات الأمنية طوقا أمنيا حول المكان.", "2024-05-06")) == []
    assert events(run("ضربت إسرائيل عرض الحائط بكل القرارات.", "2024-05-06")) == []


@pytest.mark.parametrize("verb", ["أطلقتها", "أطلقها"])
def test_who_launched_the_projectiles_that_fell_did_the_attack(run: Callable[..., Doc], verb: str) -> None:
    doc = run(f"سقطت صواريخ {verb} كتائب حزب الله على قاعدة حرير مساء الأحد.", "2024-05-06")
    (attack,) = [e for e in events(doc) if e.merged_into is None]
    assert (attack.place, attack.perpetrators) == ("harir-air-base", ["kataib-hezbollah"])
