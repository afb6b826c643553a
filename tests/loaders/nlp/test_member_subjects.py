"""Fighters of a body right after an attack verb ('هاجم مقاتلو حزب الله موقعا') are its subject:
the body did it. Fighters after a verb whose subject came first ('استهدفت الطائرات الإسرائيلية
مقاتلي حزب الله') were hit. Every sentence here is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events


@pytest.mark.parametrize("fighters", ["مقاتلو", "مسلحو", "عناصر"])
def test_fighters_of_a_body_after_the_verb_did_it(run: Callable[..., Doc], fighters: str) -> None:
    (attack,) = events(run(f"هاجم {fighters} حزب الله موقعا عسكريا قرب بلدة الخيام فجر اليوم.", "2024-05-06"))
    assert attack.perpetrators == ["hezbollah"]
    assert "hezbollah" not in attack.targets


def test_fighters_after_the_verbs_subject_were_hit(run: Callable[..., Doc]) -> None:
    (attack,) = events(run("استهدفت الطائرات الإسرائيلية مقاتلي حزب الله قرب بلدة الخيام فجر اليوم.", "2024-05-06"))
    assert attack.targets == ["hezbollah"]
    assert "hezbollah" not in attack.perpetrators
