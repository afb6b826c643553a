""" "As known at time T" on both stores: later claims, reports and the events only they mention disappear."""

from __future__ import annotations

import pytest

from core.errors import NotFound, QueryError
from graph import analyst
from graph import subgraph as views
from graph.known import AsOf, moment
from graph.stores import GraphStore
from queries.registry import get_registry
from tests.factories import KATAIB_HEZBOLLAH, contested_attack

AIN_AL_ASAD = "attack-2024-01-20-ain-al-asad-air-base"
BAGHDAD_STRIKE = "airstrike-2024-02-03-baghdad"


@pytest.fixture
def story(store: GraphStore) -> GraphStore:
    for graph in contested_attack():
        store.write([graph])
    return store


def test_every_public_query_takes_as_of_and_as_of_ingested() -> None:
    registry = get_registry()
    for backend in ("ladybug", "neo4j"):
        for q in registry.public(backend):
            assert {"as_of", "as_of_ingested"} <= set(q.params), f"{q.name} ({q.source}) takes no as_of"


def test_an_actor_no_article_had_mentioned_yet_is_not_known(story: GraphStore) -> None:
    # CENTCOM is first named in the report of 2024-02-04
    assert [r["id"] for r in story.query("actor", {"id": "centcom"})] == ["centcom"]
    assert story.query("actor", {"id": "centcom", "as_of": "2024-02-03"}) == []
    assert [r["id"] for r in story.query("actor", {"id": "centcom", "as_of": "2024-02"})] == ["centcom"]
    assert story.query("actor", {"id": "centcom", "as_of_ingested": "2000-01-01"}) == []


def test_a_claim_published_after_t_disappears_with_its_report(story: GraphStore) -> None:
    now = [(c["kind"], c["claimant"]["id"]) for c in analyst.claims(story)]
    assert ("deny_responsibility", KATAIB_HEZBOLLAH.id) in now and len(now) == 5
    then = analyst.claims(story, known=AsOf.of("2024-01-20"))
    assert [(c["kind"], c["date"]) for c in then] == [
        ("claim_responsibility", "2024-01-20"),
        ("claim_responsibility", "2023-12-08"),
    ]
    assert analyst.claims(story, actor=KATAIB_HEZBOLLAH.id, known=AsOf.of("2024-01-20")) == []


def test_the_contradiction_view_shows_the_disagreements_as_they_stood(story: GraphStore) -> None:
    later = analyst.event_detail(story, AIN_AL_ASAD)
    assert [r["outlet"] for r in later["reports"]] == ["Outlet A", "Outlet B"]
    assert {d["field"] for d in later["disagreements"]} == {"count", "injured", "responsibility"}
    at_t = analyst.event_detail(story, AIN_AL_ASAD, AsOf.of("2024-01-20"))
    assert [(r["outlet"], r["count"]) for r in at_t["reports"]] == [("Outlet A", 3)]
    assert at_t["disagreements"] == [] and at_t["source_count"] == 1
    assert [s["kind"] for s in at_t["statements"]] == ["claim_responsibility"]


def test_events_only_later_reports_mention_are_not_there_yet(story: GraphStore) -> None:
    events = analyst.timeline(story, known=AsOf.of("2024-02-03"))
    assert BAGHDAD_STRIKE not in [e["id"] for e in events]  # it happened on the 3rd, reported on the 4th
    assert [e["source_count"] for e in events if e["id"] == AIN_AL_ASAD] == [2]
    with pytest.raises(NotFound, match="published by 2024-02-03"):
        analyst.event_detail(story, BAGHDAD_STRIKE, AsOf.of("2024-02-03"))
    assert BAGHDAD_STRIKE in [e["id"] for e in analyst.timeline(story, known=AsOf.of("2024-02-04"))]


def test_an_actor_profile_counts_only_what_was_known(story: GraphStore) -> None:
    now = analyst.actor_profile(story, KATAIB_HEZBOLLAH.id)
    assert now["statements"]["total"] == 3 and now["articles"] == 2
    then = analyst.actor_profile(story, KATAIB_HEZBOLLAH.id, known=AsOf.of("2024-01-21"))
    assert then["statements"] == {"total": 1, "by_kind": {"deny_responsibility": 1}}
    assert then["articles"] == 1 and then["events"]["as_target"] == 0


def test_as_of_ingested_counts_what_this_graph_had_ingested(story: GraphStore) -> None:
    assert analyst.claims(story, known=AsOf(ingested="2000-01-01")) == []
    assert views.search(story, "عين الأسد", known=AsOf(ingested="2000")) == []
    assert len(analyst.claims(story, known=AsOf(ingested="2999"))) == 5
    first = story.query("internal.article_ingest_times")[0]["ingested_at"]
    assert analyst.claims(story, known=AsOf.of(None, first)) != []


def test_the_neighbourhood_leaves_out_what_was_published_later(story: GraphStore) -> None:
    now = {n["key"] for n in views.subgraph(story, KATAIB_HEZBOLLAH.id, hops=1).nodes}
    then = {n["key"] for n in views.subgraph(story, KATAIB_HEZBOLLAH.id, hops=1, known=AsOf.of("2024-01-21")).nodes}
    assert f"Event:{BAGHDAD_STRIKE}" in now and f"Event:{BAGHDAD_STRIKE}" not in then
    assert then < now and len(then) > 1


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("2024", "2024"),
        ("2024-01-20", "2024-01-20"),
        ("2024-01-20T18:30", "2024-01-20T18:30:00+00:00"),
        ("2024-01-20T18:30+03:00", "2024-01-20T15:30:00+00:00"),
        ("2024-01-20 18:30:05Z", "2024-01-20T18:30:05+00:00"),
        ("", None),
    ],
)
def test_times_are_normalised_to_what_the_stores_compare(given: str, stored: str | None) -> None:
    assert moment(given) == stored


@pytest.mark.parametrize("bad", ["yesterday", "2024-02-30", "2024-13", "20240120"])
def test_a_malformed_time_is_an_error_naming_the_parameter(bad: str) -> None:
    with pytest.raises(QueryError, match="as_of"):
        AsOf.of(bad)


def test_the_export_holds_only_what_was_known(story: GraphStore) -> None:
    from graph.rdf import read_all

    nodes, edges = read_all(story)
    then_nodes, then_edges = read_all(story, AsOf.of("2024-01-20"))
    labels = [n["label"] for n in then_nodes]
    assert labels.count("Article") == 2 and labels.count("Event") == 2 and labels.count("Statement") == 3
    assert ("Event", BAGHDAD_STRIKE) not in {(n["label"], n["id"]) for n in then_nodes}
    kept = {(n["label"], n["id"]) for n in then_nodes}
    assert all((e["from_label"], e["from_id"]) in kept and (e["to_label"], e["to_id"]) in kept for e in then_edges)
    assert len(then_edges) < len(edges) and labels.count("Actor") == [n["label"] for n in nodes].count("Actor")
