"""From the pipeline to the graph: the places a report is set in, and undated events. Every
sentence is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

from graph.model import ArticleGraph


def test_the_country_a_report_is_set_in_is_one_of_its_places(extract: Callable[..., ArticleGraph]) -> None:
    graph = extract("وصل الوفد إلى بغداد أمس. وأكد الوزير أن أمن العراق أولوية.", "2024-03-06")
    assert {"baghdad", "iraq"} <= {p.id for p in graph.places}


def test_a_country_named_only_elsewhere_is_not_made_a_place(extract: Callable[..., ArticleGraph]) -> None:
    graph = extract("وصل الوفد إلى بغداد أمس. واتهم الوزير إيران بدعم الفصائل.", "2024-03-06")
    assert "iran" not in {p.id for p in graph.places}


def test_an_undated_attack_takes_the_publication_date(extract: Callable[..., ArticleGraph]) -> None:
    graph = extract("سقطت ثلاثة صواريخ في محيط قاعدة حرير.", "2024-03-06")
    assert [(e.type, e.date, e.date_precision) for e in graph.events] == [("attack", "2024-03-06", "day")]
