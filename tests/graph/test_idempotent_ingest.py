"""Ingesting the same input once, twice, or finishing an ingest cut short gives one graph, on both stores.

Event identity matches a report against the events already stored, and the graph only grows: a
report matched again later can find an event written after it. These are the shapes in which
that used to change the graph on a second pass.
"""

from __future__ import annotations

import pytest

from graph.model import ArticleGraph, Place
from graph.rdf import read_all
from graph.stores import GraphStore
from tests.factories import BAGHDAD, GREEN_ZONE, IRI, contested_attack, report, synthetic_graphs

VICTORY = Place(id="victory-base-complex", name="Victory Base Complex", kind="base", located_in=["baghdad"])
Edge = tuple[str, str, str, str, str]


def graph_of(store: GraphStore) -> tuple[set[tuple[str, str]], set[Edge]]:
    nodes, edges = read_all(store)
    return (
        {(n["label"], n["id"]) for n in nodes},
        {(e["type"], e["from_label"], e["from_id"], e["to_label"], e["to_id"]) for e in edges},
    )


def attack(day: str, place: Place, n: int) -> ArticleGraph:
    return report(
        f"هجوم رقم {n} على {place.name_ar or place.name} في {day}.",
        file=f"{n}.txt",
        outlet=f"Outlet {n}",
        published=day,
        actors=[IRI],
        places=[place],
        events=[{"id": f"attack-{day}-{place.id}", "type": "attack", "date": day, "place": place.id}],
    )


def three_days() -> list[ArticleGraph]:
    """Reported in this order: 1 October, then 30 September (joins 1 October), then 29 September
    (two days from 1 October: an event of its own). 30 September is one day from both."""
    return [attack("2023-10-01", BAGHDAD, 1), attack("2023-09-30", BAGHDAD, 2), attack("2023-09-29", BAGHDAD, 3)]


def places_grow() -> list[ArticleGraph]:
    """A base and a district of Baghdad, then Baghdad itself, which joins the district's event and
    so gives it a place that contains the base."""
    return [attack("2023-12-08", VICTORY, 1), attack("2023-12-08", GREEN_ZONE, 2), attack("2023-12-08", BAGHDAD, 3)]


def everything() -> list[ArticleGraph]:
    return [*contested_attack(), *three_days(), *places_grow()]


def clean_run(store: GraphStore, graphs: list[ArticleGraph], batch: int) -> tuple[set, set]:
    store.clear()
    for i in range(0, len(graphs), batch):
        store.write(graphs[i : i + batch])
    return graph_of(store)


def test_a_report_one_day_from_two_events_stays_with_the_one_it_joined(store: GraphStore) -> None:
    graphs = three_days()
    for g in graphs:
        store.write([g])
    first = graph_of(store)
    reports_of_30th = {e for e in first[1] if e[0] == "REPORTED_IN" and e[4] == graphs[1].article.id}
    assert reports_of_30th == {("REPORTED_IN", "Event", "attack-2023-10-01-baghdad", "Article", graphs[1].article.id)}
    for g in graphs:
        store.write([g])
    store.write(graphs)
    assert graph_of(store) == first


def test_a_report_keeps_its_own_event_when_another_event_gains_a_place_around_it(store: GraphStore) -> None:
    graphs = places_grow()
    for g in graphs:
        store.write([g])
    first = graph_of(store)
    assert ("OCCURRED_AT", "Event", "attack-2023-12-08-victory-base-complex", "Place", VICTORY.id) in first[1]
    store.write(graphs)
    assert graph_of(store) == first


def test_twice_is_once(store: GraphStore) -> None:
    graphs, batch = everything(), 4

    once = clean_run(store, graphs, batch)
    for i in range(0, len(graphs), batch):
        store.write(graphs[i : i + batch])
    assert graph_of(store) == once


def test_finishing_an_ingest_cut_short_at_any_batch_gives_the_clean_graph(store: GraphStore) -> None:
    graphs, batch = everything(), 4
    clean = clean_run(store, graphs, batch)
    batches = [graphs[i : i + batch] for i in range(0, len(graphs), batch)]
    for cut in range(1, len(batches)):
        store.clear()
        for b in batches[:cut]:  # what a killed run had committed
            store.write(b)
        for b in batches:  # the same input again, from the start
            store.write(b)
        assert graph_of(store) == clean, f"cut after {cut} of {len(batches)} batches"


# -- the reproduction: a seeded synthetic corpus ingested twice ------------------------------------------

#: The shortest prefix of the seed-7 benchmark corpus whose second ingest changed the graph (3,000
#: articles added 38 relationships; 800 is the first size where one report joined a second event).
CORPUS_SIZE = 800


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[ArticleGraph]:
    return synthetic_graphs(tmp_path_factory.mktemp("corpus"), CORPUS_SIZE)


def test_the_benchmark_corpus_ingested_twice_is_the_same_graph(store: GraphStore, corpus: list[ArticleGraph]) -> None:
    from graph.ingest import ingest

    first = ingest(store, corpus)
    once = graph_of(store)
    second = ingest(store, corpus)
    assert graph_of(store) == once
    assert second.added() == {k: 0 for k in second.added()}
    assert second.merged_events == first.merged_events  # each report joins the event it joined the first time
