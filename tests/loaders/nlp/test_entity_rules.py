"""Mention rules: names that play an actor or a place by their context, groups named by their
patron, localities under a dual head, names after long titles. Every sentence is written for
these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import actors_of, places_of


@pytest.mark.parametrize(
    "text",
    [
        "وأكد البيان أن مجموعات مسلحة مدعومة من إيران نفذت القصف.",
        "وأسفرت الغارة عن سقوط مسلحين يشتبه بارتباطهم بإيران.",
        "واتهم البيت الأبيض فصائل موالية لإيران بالهجوم.",
    ],
)
def test_groups_named_by_their_patron_are_the_gazetteers_collective(run: Callable[..., Doc], text: str) -> None:
    doc = run(text)
    assert "iran-aligned-militias" in actors_of(doc)
    assert "iran" in actors_of(doc) and "iran" not in places_of(doc)  # the patron is still named


@pytest.mark.parametrize(
    "text",
    [
        "ورفضت الخارجية محاولات نسب الهجوم إلى إيران.",
        "وشدد القيادي على أن حركته لا تأخذ تعليمات من إيران.",
        "ووجه الرئيس رسالة إلى إيران عبر الوسطاء.",
    ],
)
def test_a_country_after_to_or_from_that_is_no_destination_is_an_actor(run: Callable[..., Doc], text: str) -> None:
    doc = run(text)
    assert "iran" in actors_of(doc) and "iran" not in places_of(doc)


def test_a_capital_opening_a_clause_is_its_state(run: Callable[..., Doc]) -> None:
    doc = run("وكتب الوزير أن بغداد لن تسمح باستخدام أراضيها.")
    assert "iraq" in actors_of(doc) and "baghdad" not in places_of(doc)
    assert "baghdad" in places_of(run("ووصل الوزير إلى بغداد أمس."))


def test_a_dual_locality_head_names_the_first_of_two_places(run: Callable[..., Doc]) -> None:
    doc = run("وتعرضت أطراف مدينتي القائم وعكاشات لقصف مدفعي.")
    assert {"al-qaim", "akashat"} <= places_of(doc)


def test_the_capital_and_the_palace_are_places_where_something_happens(run: Callable[..., Doc]) -> None:
    doc = run("وعقد الكاظمي جلسة مباحثات مطولة في البيت الأبيض، عقب وصوله إلى واشنطن.")
    assert {"white-house", "washington-d-c"} <= places_of(doc)
    assert "white-house" in actors_of(run("وقال البيت الأبيض إن المحادثات كانت بناءة."))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال المتحدث باسم الحكومة الأردنية سامر خليل إن الأردن يدين الهجوم.", "سامر خليل"),
        ("وترأس وزير التخطيط العراقي كريم جاسم الاجتماع.", "كريم جاسم"),
    ],
)
def test_a_person_after_a_long_title(run: Callable[..., Doc], text: str, name: str) -> None:
    doc = run(text)
    assert name in {a.name_ar for a in doc._.kg_discovered.values() if a.kind == "person"}


def test_a_title_with_an_adjective_before_the_name_gives_way_to_the_name(run: Callable[..., Doc]) -> None:
    doc = run("وقال رئيس الوزراء العراقي السابق مصطفى الكاظمي إن الحوار هو الحل.", "2024-03-06")
    assert "mustafa-al-kadhimi" in actors_of(doc) and "mohammed-shia-al-sudani" not in actors_of(doc)


def test_a_short_name_qualified_by_an_adjective_of_its_own_is_another_body(run: Callable[..., Doc]) -> None:
    found = run("وقال مصدر في التحالف الإقليمي المؤيد لإيران إن الضربة قتلت أربعة.")._.kg_entities
    assert "global-coalition-against-daesh" not in {m.actor_id for m in found}
    found = run("وقال التحالف الذي تقوده واشنطن إنه قصف مواقع داعش، وأكد التحالف الأميركي النبأ.")._.kg_entities
    assert [m.text for m in found if m.actor_id == "global-coalition-against-daesh"] == ["التحالف", "التحالف"]
