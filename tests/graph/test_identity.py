"""Cross-article event identity follows each type's merge rule in core/data/event_types.toml."""

from __future__ import annotations

from dataclasses import replace

import pytest

import graph.identity
from core.event_types import spec
from graph.identity import EventResolver
from tests.factories import article_graph


def _no_store(name: str, params: dict) -> list[dict]:
    return []  # an empty store: only the batch itself can match


def _resolve_pair() -> tuple[str, str]:
    """Two outlets' reports of one attack; the ids the resolver gives their events."""
    first = article_graph(file="a.txt", outlet="Outlet A", count=2)
    second = article_graph(body="سقطت ثلاثة صواريخ قرب السفارة في بغداد.", file="b.txt", outlet="Outlet B", count=3)
    second = second.model_copy(
        update={"events": [second.events[0].model_copy(update={"id": "attack-seen-by-b"})], "statements": []}
    )
    resolver = EventResolver(_no_store)
    resolver.prepare([first, second])
    return resolver.resolve(first).events[0].id, resolver.resolve(second).events[0].id


def test_two_reports_of_one_attack_at_one_place_on_one_day_are_one_event() -> None:
    first, second = _resolve_pair()
    assert first == second == "attack-2023-12-08-green-zone"


def test_a_type_whose_rule_is_never_keeps_every_report_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    never = {"attack": replace(spec("attack"), merge="never")}
    monkeypatch.setattr(graph.identity, "spec", lambda event_type: never.get(event_type) or spec(event_type))
    first, second = _resolve_pair()
    assert (first, second) == ("attack-2023-12-08-green-zone", "attack-seen-by-b")
