"""Triggers that tell no act of the report: called off, set out to do, said not to exist, the
setting of a speech, an arrest that was a killing. Every sentence here is written for these
tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events


@pytest.mark.parametrize(
    "text",
    [
        # called off or put off
        "وقالت وزارة الخارجية العراقية إن الحكومة ألغت زيارة وزير الخارجية الأردني إلى بغداد يوم الأحد.",
        "وأعلنت الحكومة العراقية تأجيل الاجتماع مع الوفد الأردني في بغداد يوم الأحد.",
        # what they set out to do
        "وكانت قوة أمنية في طريقها إلى كركوك لاعتقال شخص مطلوب مساء الأحد.",
        # said not to exist
        "ونفت الحكومة العراقية علمها بأي تقارير عن هجوم بطائرة مسيرة على قاعدة حرير يوم الأحد.",
        # where a speech was made
        "وقال فؤاد حسين، خلال اجتماع في الأمم المتحدة يوم الأحد، إن العراق يرفض الاعتداءات.",
    ],
)
def test_no_act_is_told(run: Callable[..., Doc], text: str) -> None:
    assert events(run(text, "2024-05-06")) == []


def test_coming_under_shelling_is_no_purpose(run: Callable[..., Doc]) -> None:
    doc = run("وخرج مطار بغداد عن الخدمة جراء تعرضه لقصف مساء الأحد أصاب مدرجه.", "2024-05-06")
    assert [e.type for e in events(doc)] == ["attack"]


def test_a_visit_during_which_a_minister_spoke_is_an_event(run: Callable[..., Doc]) -> None:
    doc = run("وقال فؤاد حسين، خلال زيارة إلى الأردن يوم الأحد، إن العراق يرفض الاعتداءات.", "2024-05-06")
    assert [e.type for e in events(doc)] == ["visit"]


def test_an_arrest_joined_to_a_killing_is_no_arrest(run: Callable[..., Doc]) -> None:
    doc = run("وقالت وكالة أعماق إن العملية أسفرت عن اعتقال واغتيال عناصر من الجيش في كركوك يوم الأحد.", "2024-05-06")
    assert [(e.type, e.place) for e in events(doc)] == [("attack", "kirkuk")]


def test_what_happens_as_a_rule_is_no_act(run: Callable[..., Doc]) -> None:
    doc = run("وغالبا ما تصيب الضربات الإسرائيلية في دمشق مواقع لحزب الله.", "2024-05-06")
    assert events(doc) == []


def test_an_accusative_weapon_adjective_names_the_weapon(run: Callable[..., Doc]) -> None:
    doc = run("وشن الجيش الإسرائيلي هجوما مدفعيا على بلدة ميس الجبل يوم الأحد.", "2024-05-06")
    (attack,) = events(doc)
    assert attack.weapon == "artillery"
