"""Cross-article event identity follows each type's merge rule in core/data/event_types.toml."""

from __future__ import annotations

from dataclasses import replace

import pytest

import graph.identity
from core.event_types import spec
from graph.identity import EventResolver
from graph.ids import short_hash
from graph.model import ArticleGraph
from graph.stores import GraphStore
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


# -- the looser matches: reports that disagree on the type, or on what dates the act ----------


def _report(
    body: str,
    *,
    date: str | None,
    basis: str | None,
    event_type: str = "attack",
    perpetrators: tuple[str, ...] = ("islamic-resistance-in-iraq",),
    published: str | None = "2023-12-08",
) -> ArticleGraph:
    """One outlet's report of an act at the Green Zone, with the date, basis and sides given."""
    g = article_graph(body=body, file=f"{short_hash(body)}.txt", published=published, event_date=date)
    event = g.events[0].model_copy(
        update={
            "id": f"{event_type}-{date or 'nodate'}-green-zone-{short_hash(body)}",
            "type": event_type,
            "date_basis": basis,
            "perpetrators": list(perpetrators),
        }
    )
    return g.model_copy(update={"events": [event], "statements": []})


def _resolve(*graphs: ArticleGraph) -> tuple[list[str], EventResolver]:
    resolver = EventResolver(_no_store)
    resolver.prepare(list(graphs))
    return [resolver.resolve(g).events[0].id for g in graphs], resolver


TOLD = "أطلقت المقاومة الإسلامية في العراق صواريخ على المنطقة الخضراء فجر الجمعة."
LATER = "جاء ذلك بعد أيام من هجوم المقاومة الإسلامية في العراق على المنطقة الخضراء."
ELSEWHERE = "قال بيان إن هجوما صاروخيا استهدف المنطقة الخضراء في بغداد."


def test_a_report_dated_only_by_its_publication_joins_the_act_of_some_days_before() -> None:
    first = _report(TOLD, date="2023-12-08", basis="text")
    later = _report(LATER, date="2023-12-12", basis="publication", published="2023-12-12")
    (a, b), resolver = _resolve(first, later)
    assert a == b == first.events[0].id
    assert resolver.redated == {}  # the stored date is the better one


def test_an_act_stored_with_its_publication_date_takes_the_date_a_later_report_gives() -> None:
    earlier = _report(LATER, date="2023-12-12", basis="publication", published="2023-12-12")
    dated = _report(TOLD, date="2023-12-08", basis="text")
    (a, b), resolver = _resolve(earlier, dated)
    assert a == b
    assert resolver.redated == {a: ("2023-12-08", "day", "text")}


def test_a_publication_date_does_not_reach_back_past_the_lag() -> None:
    first = _report(TOLD, date="2023-11-20", basis="text")
    later = _report(LATER, date="2023-12-12", basis="publication", published="2023-12-12")
    (a, b), _ = _resolve(first, later)
    assert a != b


def test_reports_dated_loosely_join_only_when_they_name_the_same_side() -> None:
    first = _report(TOLD, date="2023-12-08", basis="text")
    other_side = _report(LATER, date="2023-12-12", basis="publication", perpetrators=("kataib-hezbollah",))
    nobody = _report(ELSEWHERE, date="2023-12-14", basis="publication", perpetrators=())
    (a, b, c), _ = _resolve(first, other_side, nobody)
    assert len({a, b, c}) == 3


def test_a_loose_match_with_two_candidates_joins_neither() -> None:
    one = _report(TOLD, date="2023-12-08", basis="text")
    two = _report(ELSEWHERE, date="2023-12-10", basis="text")
    later = _report(LATER, date="2023-12-12", basis="publication")
    (a, b, c), _ = _resolve(one, two, later)
    assert c not in (a, b)


def test_an_attack_and_a_strike_by_one_side_a_day_apart_are_one_act() -> None:
    attack = _report(TOLD, date="2023-12-08", basis="text", perpetrators=("harakat-al-nujaba",))
    strike = _report(LATER, date="2023-12-09", basis="text", event_type="airstrike")
    (a, b), _ = _resolve(attack, strike)  # Nujaba is part of the Islamic Resistance in Iraq
    assert a == b
    unrelated = _report(
        ELSEWHERE, date="2023-12-09", basis="text", event_type="airstrike", perpetrators=("us-military",)
    )
    (c, d), _ = _resolve(attack, unrelated)
    assert c != d


def test_an_undated_report_joins_the_one_act_that_fits_and_gives_it_nothing() -> None:
    dated = _report(TOLD, date="2023-12-08", basis="text")
    undated = _report(LATER, date=None, basis=None, published=None)
    (a, b), resolver = _resolve(dated, undated)
    assert a == b and resolver.redated == {}
    (c, d), resolver = _resolve(undated, dated)
    assert c == d and resolver.redated == {c: ("2023-12-08", "day", "text")}


def test_an_act_of_a_type_that_never_merges_is_never_joined_loosely(monkeypatch: pytest.MonkeyPatch) -> None:
    never = {"attack": replace(spec("attack"), merge="never")}
    monkeypatch.setattr(graph.identity, "spec", lambda event_type: never.get(event_type) or spec(event_type))
    (a, b), _ = _resolve(_report(TOLD, date=None, basis=None), _report(LATER, date=None, basis=None))
    assert a != b


def test_the_store_keeps_the_better_date_of_a_joined_report(store: GraphStore) -> None:
    earlier = _report(LATER, date="2023-12-12", basis="publication", published="2023-12-12")
    store.write([earlier])
    assert store.query("event_detail", {"id": earlier.events[0].id})[0]["date"] == "2023-12-12"
    store.write([_report(TOLD, date="2023-12-08", basis="text")])
    (row,) = store.query("event_detail", {"id": earlier.events[0].id})
    assert row["date"] == "2023-12-08"
    assert len(store.query("event_sources", {"id": earlier.events[0].id})) == 2
