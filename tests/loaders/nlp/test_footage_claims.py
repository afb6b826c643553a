"""A body that can attack publishing footage of an attack ('بث الحوثيون مقطعا مصورا يظهر استهداف
سفينة', 'نشر حزب الله مشاهد لعملية قصف') claims it, and did it; a news outlet airing footage, a
force deployed ('نشر الجيش قوات'), pictures of damage or footage of another side's attack claim
nothing. Every sentence here is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events, said


@pytest.mark.parametrize(
    "sentence",
    [
        "وبث الحوثيون مقطعا مصورا يظهر استهداف سفينة تجارية في البحر الأحمر.",
        "ونشر الحوثيون مشاهد لعملية استهداف سفينة تجارية في البحر الأحمر.",
        "ويعرض الحوثيون تسجيلا يوثق قصف سفينة تجارية في البحر الأحمر.",
    ],
)
def test_a_group_publishing_footage_of_an_attack_claims_it(run: Callable[..., Doc], sentence: str) -> None:
    doc = run(sentence, "2024-05-06")
    assert ("houthis", "claim_responsibility") in said(doc)
    (attack,) = events(doc)
    assert attack.perpetrators == ["houthis"]
    assert attack.place == "red-sea"


@pytest.mark.parametrize(
    "sentence",
    [
        "وبثت وكالة رويترز مقطعا مصورا يظهر استهداف سفينة في البحر الأحمر.",
        "ونشرت الشرطة العراقية قوات إضافية قرب مدينة كركوك بعد الهجوم.",
        "ونشرت الشرطة العراقية صورا للدمار الذي خلفه القصف على مدينة كركوك.",
        "ونشرت الشرطة العراقية مقطعا يظهر قصف حزب الله لمدينة كركوك.",
    ],
)
def test_footage_that_is_not_of_the_publishers_own_attack_claims_nothing(
    run: Callable[..., Doc], sentence: str
) -> None:
    assert all(kind != "claim_responsibility" for _, kind in said(run(sentence, "2024-05-06")))
