"""Constructions found by probing the pipeline with sentences about other actors and places than
the development texts. The side of those killed or wounded is the side attacked, in either word
order ('أصيب ثلاثة جنود أمريكيين في هجوم'), and the country adjective of the people hit is never
who did it ('أصيب جنديان عراقيان بانفجار'); those after a verb of doing ('هجوم شنه عناصر من X')
did it; nouns of people count in the dual in both cases. A side's own means with their kind
('إن طائراته الحربية أغارت', 'صواريخهم الباليستية أصابت') tell its own attack, and a weapon that
struck ('ضربت طائرة مسيرة') is an attack where a storm is not; the owner after what was struck
may follow an adjective ('بنى تحتية لحزب الله'); 'عبّرت عن إدانتها' condemns as 'أعربت' does.
Members named by their body's head ('عناصر من الحزب') are the body last named with it, and a
body reporting an ambush tells who laid it. Artillery with its country or army did the shelling,
and the owner of what was struck may stand in the genitive ('مواقع الجيش الإسرائيلي'). One missile
('صاروخا') launched 'باتجاه' a side's ship is an attack on that side, and a strike 'لطائرة مسيرة
X' was X's. Officers 'في/من' a force are that force's, and a spokesman telling what his body's fighters
did claims it; 'المتحدث العسكري لـX' is X's spokesman as 'المتحدث باسم X' is. Every sentence here is
written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events


@pytest.mark.parametrize("verb", ["أصيب", "قتل", "جرح"])
def test_the_side_of_the_people_hit_after_the_verb_is_the_target(run: Callable[..., Doc], verb: str) -> None:
    doc = run(f"{verb} ثلاثة جنود أمريكيين في هجوم بطائرة مسيرة على قاعدة حرير صباح اليوم.", "2024-05-06")
    (attack,) = events(doc)
    assert attack.place == "harir-air-base"
    assert attack.targets == ["us-military"]
    assert attack.perpetrators == []


@pytest.mark.parametrize("people", ["جنديان عراقيان", "مقاتلان عراقيان", "شرطيان عراقيان"])
def test_the_country_of_the_people_hit_is_not_who_did_it(run: Callable[..., Doc], people: str) -> None:
    doc = run(f"وأصيب {people} بانفجار عبوة ناسفة استهدفت دورية قرب مدينة كركوك.", "2024-05-06")
    assert doc._.kg_events
    for attack in events(doc):
        assert "iraq" not in attack.perpetrators
    (attack,) = [e for e in events(doc) if e.injured is not None]
    assert attack.injured == 2  # the dual counts two


def test_those_after_a_verb_of_doing_did_it(run: Callable[..., Doc]) -> None:
    doc = run("قتل جندي عراقي وأصيب اثنان آخران بهجوم شنه عناصر من حزب الله على قرية قرب كركوك.", "2024-05-06")
    (attack,) = events(doc)
    assert attack.perpetrators == ["hezbollah"]
    assert "hezbollah" not in attack.targets


def test_unnamed_dead_before_their_verb_take_no_side_from_the_doers(run: Callable[..., Doc]) -> None:
    # "أربعة جنود قتلوا": the dead stand before the verb; the fighters after "نصبه" laid the ambush
    doc = run("وقال الجيش إن أربعة جنود قتلوا في كمين نصبه عناصر من حزب الله قرب كركوك.", "2024-05-06")
    for attack in events(doc):
        assert "hezbollah" not in attack.targets


@pytest.mark.parametrize("means", ["طائراته الحربية", "مقاتلاته", "مسيراته الانتحارية", "قواته"])
def test_a_side_telling_what_its_own_means_hit_claims_it(run: Callable[..., Doc], means: str) -> None:
    doc = run(f"وقال الجيش الإسرائيلي في بيان إن {means} أغارت على مواقع في بلدة الخيام.", "2024-05-06")
    assert [(s.speaker, s.kind) for s in doc._.kg_statements] == [("israel-defense-forces", "claim_responsibility")]


@pytest.mark.parametrize("owned", ["بنى تحتية لحزب الله", "مواقع عسكرية لحزب الله", "مواقع لحزب الله"])
def test_the_owner_after_what_was_struck_and_its_adjective_is_the_target(run: Callable[..., Doc], owned: str) -> None:
    doc = run(f"أغارت الطائرات الإسرائيلية على {owned} في بلدة الخيام.", "2024-05-06")
    (strike,) = events(doc)
    assert strike.targets == ["hezbollah"]


@pytest.mark.parametrize("verb", ["عبرت", "تعبر", "عبّرت"])
def test_expressing_a_condemnation_is_condemning(run: Callable[..., Doc], verb: str) -> None:
    doc = run(f"و{verb} الحكومة العراقية عن إدانتها الشديدة للهجوم على قاعدة حرير.", "2024-05-06")
    assert [(s.speaker, s.kind) for s in doc._.kg_statements] == [("iraqi-government", "condemn")]


def test_crossing_somewhere_says_nothing(run: Callable[..., Doc]) -> None:
    doc = run("وتعبر السفن التجارية البحر الأحمر كل يوم رغم الهجمات.", "2024-05-06")
    assert doc._.kg_statements == []


@pytest.mark.parametrize(
    "words",
    ["صواريخهم الباليستية أصابت", "مسيراتهم الانقضاضية ضربت", "طائراتهم المسيرة استهدفت", "صواريخهم أصابت"],
)
def test_a_group_telling_what_its_own_weapons_hit_claims_it(run: Callable[..., Doc], words: str) -> None:
    doc = run(f"وقال المتحدث باسم الحوثيين إن {words} سفينة تجارية في البحر الأحمر.", "2024-05-06")
    assert ("houthis", "claim_responsibility") in [(s.speaker, s.kind) for s in doc._.kg_statements]


def test_hitting_with_no_weapon_or_fighters_for_subject_claims_nothing(run: Callable[..., Doc]) -> None:
    doc = run("وقال المتحدث باسم الحوثيين إن العاصفة ضربت السواحل الغربية.", "2024-05-06")
    assert [s.kind for s in doc._.kg_statements] == ["statement"]


def test_a_weapon_that_struck_is_an_attack_and_a_storm_is_not(run: Callable[..., Doc]) -> None:
    (strike,) = events(run("ضربت طائرة مسيرة إيرانية سيارة قرب مدينة أربيل.", "2024-05-06"))
    assert (strike.place, strike.perpetrators) == ("erbil", ["iran"])
    assert events(run("ضربت عاصفة ترابية مدينة أربيل أمس.", "2024-05-06")) == []


@pytest.mark.parametrize("members", ["عناصر من الحزب", "مقاتلي الحزب", "عناصر تابعين للحزب"])
def test_members_of_a_body_named_before_by_its_head_are_its_own(run: Callable[..., Doc], members: str) -> None:
    doc = run(
        "وأعلن حزب الله مقتل اثنين من مقاتليه. "
        f"وقال الجيش الإسرائيلي إن طائراته استهدفت مبنى يؤوي {members} في بلدة الخيام.",
        "2024-05-06",
    )
    strike = next(e for e in events(doc) if e.place == "khiam")
    assert strike.targets == ["hezbollah"]


def test_a_body_reporting_an_ambush_tells_who_laid_it(run: Callable[..., Doc]) -> None:
    doc = run("وأفاد بيان للجيش العراقي بأن جنديين قتلا في كمين نصبه عناصر من حزب الله قرب كركوك.", "2024-05-06")
    (ambush,) = events(doc)
    assert ambush.perpetrators == ["hezbollah"]


def test_artillery_with_its_country_or_its_army_did_it(run: Callable[..., Doc]) -> None:
    (shelling,) = events(run("قصفت المدفعية الإسرائيلية بلدة الخيام أمس.", "2024-05-06"))
    assert shelling.perpetrators == ["israel"]
    (shelling,) = events(run("قصفت مدفعية الجيش الإسرائيلي بلدة الخيام أمس.", "2024-05-06"))
    assert (shelling.perpetrators, shelling.targets) == (["israel-defense-forces"], [])


@pytest.mark.parametrize("struck", ["مواقع الجيش الإسرائيلي", "مواقع للجيش الإسرائيلي"])
def test_the_owner_of_what_was_struck_in_the_genitive_is_the_target(run: Callable[..., Doc], struck: str) -> None:
    (attack,) = events(run(f"وأطلق حزب الله صواريخ على {struck} قرب بلدة الخيام أمس.", "2024-05-06"))
    assert (attack.perpetrators, attack.targets) == (["hezbollah"], ["israel-defense-forces"])


@pytest.mark.parametrize("aimed", ["باتجاه مدمرة أمريكية", "تجاه مدمرة أمريكية"])
def test_one_missile_launched_towards_a_side_is_an_attack_on_it(run: Callable[..., Doc], aimed: str) -> None:
    (attack,) = events(run(f"وأطلق الحوثيون صاروخا مضادا للسفن {aimed} في البحر الأحمر.", "2024-05-06"))
    assert (attack.place, attack.perpetrators, attack.targets) == ("red-sea", ["houthis"], ["united-states"])


def test_a_strike_by_a_weapon_after_lam_was_its_owners(run: Callable[..., Doc]) -> None:
    (strike,) = events(run("قتل قيادي في حزب الله بغارة لطائرة مسيرة إسرائيلية قرب بلدة الخيام.", "2024-05-06"))
    assert (strike.perpetrators, strike.targets) == (["israel"], ["hezbollah"])


@pytest.mark.parametrize("people", ["ضابط في الشرطة العراقية", "شرطيان من الشرطة العراقية"])
def test_officers_of_a_force_killed_make_that_force_the_target(run: Callable[..., Doc], people: str) -> None:
    (attack,) = events(run(f"وقتل {people} بانفجار عبوة ناسفة قرب مدينة كركوك.", "2024-05-06"))
    assert attack.targets == ["iraqi-police"]


def test_a_spokesman_telling_what_his_bodys_forces_did_claims_it(run: Callable[..., Doc]) -> None:
    doc = run("وقال أبو علي العسكري إن مجاهدينا استهدفوا قاعدة حرير بطائرتين مسيرتين.", "2024-05-06")
    assert [(s.speaker, s.kind) for s in doc._.kg_statements] == [("abu-ali-al-askari", "claim_responsibility")]


@pytest.mark.parametrize("spokesman", ["المتحدث العسكري للحوثيين", "المتحدث الرسمي للحوثيين", "المتحدث باسم الحوثيين"])
def test_a_spokesman_of_a_body_by_lam_speaks_for_it(run: Callable[..., Doc], spokesman: str) -> None:
    doc = run(f"وقال {spokesman} إن قواتهم البحرية استهدفت سفينة تجارية في البحر الأحمر.", "2024-05-06")
    assert [(s.speaker, s.kind) for s in doc._.kg_statements] == [("houthis", "claim_responsibility")]
