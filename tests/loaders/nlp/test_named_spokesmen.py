"""A spokesman named after the body he speaks for ('المتحدث باسم الحوثيين يحيى سريع') is the
speaker; the body is who acted when he tells of its deeds, and a government's spokesman saying an
act 'was carried out without our knowledge' ('أنه نُفذ من دون علم الحكومة') claims nothing. Every
sentence here is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events, said


@pytest.mark.parametrize("title", ["المتحدث باسم", "المتحدث العسكري باسم", "الناطق باسم"])
def test_the_spokesman_named_after_his_body_speaks(run: Callable[..., Doc], title: str) -> None:
    doc = run(f"وأفاد {title} الحوثيين يحيى سريع بأن الطائرات الأمريكية قصفت مواقع في البحر الأحمر.", "2024-05-06")
    assert said(doc)[0] == ("yahya-saree", "statement")


def test_a_named_spokesman_telling_his_bodys_attack_claims_it_for_the_body(run: Callable[..., Doc]) -> None:
    doc = run("وقال المتحدث باسم الحوثيين يحيى سريع إن قواتهم استهدفت سفينة في البحر الأحمر.", "2024-05-06")
    assert ("yahya-saree", "claim_responsibility") in said(doc)
    (attack,) = events(doc)
    assert attack.perpetrators == ["houthis"]


def test_a_government_spokesman_saying_it_was_done_without_its_knowledge_claims_nothing(
    run: Callable[..., Doc],
) -> None:
    doc = run(
        "ودان المتحدث باسم الحكومة العراقية سالم الطائي القصف على قاعدة حرير، مؤكدا أنه نُفذ من دون علم الحكومة.",
        "2024-05-06",
    )
    assert ("salim-al-tai", "condemn") in said(doc)
    assert all(kind != "claim_responsibility" for _, kind in said(doc))
