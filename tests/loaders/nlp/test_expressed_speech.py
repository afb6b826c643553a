"""'عبّر' written without its shadda is also the preposition 'via' ('عبر الأردن'): followed by a
subject and 'عن' with what one expresses ('وعبر الأردن عن إدانته', 'عبر الوزير عن قلقه') it is a
verb of speech, in the masculine as in the feminine; 'عبر الأردن عن طريق البر' stays a route.
Every sentence here is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import said


@pytest.mark.parametrize("verb", ["وعبر", "وعبرت"])
def test_expressed_condemnation_in_either_gender(run: Callable[..., Doc], verb: str) -> None:
    doc = run(f"{verb} الأردن عن إدانته الشديدة للهجوم على قاعدة حرير.", "2024-05-06")
    assert ("jordan", "condemn") in said(doc)


@pytest.mark.parametrize("feeling", ["قلقه البالغ", "تضامنه الكامل", "أسفه", "ترحيبه"])
def test_expressed_feelings_are_statements(run: Callable[..., Doc], feeling: str) -> None:
    doc = run(f"عبر فؤاد حسين عن {feeling} إزاء التطورات في المنطقة.", "2024-05-06")
    assert ("fuad-hussein", "statement") in said(doc)


@pytest.mark.parametrize(
    "sentence",
    [
        "ووصلت الشحنة عبر الأردن عن طريق البر.",
        "ونقل المصابون عبر العراق عن طريق الجو إلى إيران.",
    ],
)
def test_a_route_via_a_country_is_no_statement(run: Callable[..., Doc], sentence: str) -> None:
    assert said(run(sentence, "2024-05-06")) == []
