"""What an armed group's own outlet tells of the group's fighters ('ذكرت وكالة أعماق أن مقاتلي
التنظيم هجموا ...') is the group's claim, and the group did the act; 'ادعى' reports speech as
'زعم' does; and a group saying it killed ('زعم التنظيم أنه قتل خمسة جنود') claims the killing as it
would claim a strike. Every sentence here is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events, said


@pytest.mark.parametrize("verb", ["وذكرت", "وقالت", "وادعت", "وزعمت"])
def test_an_outlet_telling_its_groups_fighters_did_it_claims_for_the_group(run: Callable[..., Doc], verb: str) -> None:
    doc = run(f"{verb} وكالة أعماق أن مقاتلي التنظيم هاجموا دورية للشرطة العراقية قرب مدينة كركوك.", "2024-05-06")
    assert ("amaq", "claim_responsibility") in said(doc)
    (attack,) = events(doc)
    assert attack.perpetrators == ["isis"]
    assert attack.targets == ["iraqi-police"]


def test_an_independent_outlet_reporting_an_attack_claims_nothing(run: Callable[..., Doc]) -> None:
    doc = run("وذكرت وكالة رويترز أن مسلحين هاجموا دورية للشرطة العراقية قرب مدينة كركوك.", "2024-05-06")
    assert ("reuters", "claim_responsibility") not in said(doc)
    for attack in events(doc):
        assert "reuters" not in attack.perpetrators


@pytest.mark.parametrize("verb", ["زعم", "ادعى", "أعلن"])
def test_a_group_saying_it_killed_claims_the_killing(run: Callable[..., Doc], verb: str) -> None:
    doc = run(f"و{verb} تنظيم الدولة أنه قتل خمسة من عناصر الشرطة العراقية في هجوم قرب كركوك.", "2024-05-06")
    assert ("isis", "claim_responsibility") in said(doc)


def test_a_person_saying_he_killed_claims_no_attack(run: Callable[..., Doc]) -> None:
    doc = run("وقال فؤاد حسين إنه قتل وقتا طويلا في المفاوضات.", "2024-05-06")
    assert ("fuad-hussein", "claim_responsibility") not in said(doc)


@pytest.mark.parametrize("channel", ["عبر معرفاته على تلغرام", "عبر قناته الرسمية", "في بيان"])
def test_a_claim_posted_via_a_channel(run: Callable[..., Doc], channel: str) -> None:
    # "عبر" here is 'via', not the verb 'expressed': the object of أعلن is still responsibility
    doc = run(f"وأعلن تنظيم الدولة {channel} مسؤوليته عن تفجير عبوة ناسفة قرب مدينة كركوك.", "2024-05-06")
    assert ("isis", "claim_responsibility") in said(doc)
    (attack,) = events(doc)
    assert attack.perpetrators == ["isis"]
