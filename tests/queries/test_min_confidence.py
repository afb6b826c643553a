"""`min_confidence` on every analyst question, on LadybugDB and a real Neo4j.

The graph is `graded_story()`: everything extracted with confidence 0.9 except the Green Zone
attack (an event, 0.4), CENTCOM as perpetrator of the Baghdad airstrike (a role, 0.5) and Kataib
Hezbollah's threat against US forces (a statement, 0.3). Each weak assertion must disappear at a
threshold above its confidence and stay at one at or below it.
"""

from __future__ import annotations

import pytest

from core.errors import NotFound
from graph import analyst
from graph.known import AsOf
from graph.stores import GraphStore
from graph.subgraph import shortest_path, subgraph
from tests.factories import CENTCOM, IRI, KATAIB_HEZBOLLAH, US_FORCES, graded_story

GREEN_ZONE_ATTACK = "attack-2023-12-08-green-zone"
AIN_AL_ASAD_ATTACK = "attack-2024-01-20-ain-al-asad-air-base"
BAGHDAD_STRIKE = "airstrike-2024-02-03-baghdad"


@pytest.fixture
def graded(store: GraphStore) -> GraphStore:
    for graph in graded_story():
        store.write([graph])
    return store


def ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


def test_a_weak_event_leaves_the_timeline_above_its_confidence_and_stays_at_it(graded: GraphStore) -> None:
    everything = [GREEN_ZONE_ATTACK, AIN_AL_ASAD_ATTACK, BAGHDAD_STRIKE]
    assert ids(graded.query("timeline")) == everything
    assert ids(graded.query("timeline", {"min_confidence": 0.4})) == everything  # 0.4 is not below 0.4
    assert ids(graded.query("timeline", {"min_confidence": 0.6})) == [AIN_AL_ASAD_ATTACK, BAGHDAD_STRIKE]
    assert ids(graded.query("timeline", {"min_confidence": 0.95})) == []
    # the same through the analyst's function, which the API and the map call
    assert ids(analyst.timeline(graded, min_confidence=0.6)) == [AIN_AL_ASAD_ATTACK, BAGHDAD_STRIKE]
    assert [e["confidence"] for e in analyst.timeline(graded)] == [0.4, 0.9, 0.9]


def test_a_weak_role_drops_the_actor_from_the_event_but_not_the_event(graded: GraphStore) -> None:
    def strike(min_confidence: float | None) -> dict:
        rows = analyst.timeline(graded, event_type="airstrike", min_confidence=min_confidence)
        return {"perpetrators": ids(rows[0]["perpetrators"]), "targets": ids(rows[0]["targets"])}

    assert strike(None) == strike(0.5) == {"perpetrators": [CENTCOM.id], "targets": [KATAIB_HEZBOLLAH.id]}
    assert strike(0.6) == {"perpetrators": [], "targets": [KATAIB_HEZBOLLAH.id]}
    # the actor filter reads the same roles: CENTCOM no longer carried out anything at 0.6
    assert ids(analyst.timeline(graded, actor=CENTCOM.id)) == [BAGHDAD_STRIKE]
    assert ids(analyst.timeline(graded, actor=CENTCOM.id, min_confidence=0.5)) == [BAGHDAD_STRIKE]
    assert ids(analyst.timeline(graded, actor=CENTCOM.id, min_confidence=0.6)) == []


def test_a_weak_statement_leaves_the_statements_above_its_confidence(graded: GraphStore) -> None:
    def kinds(min_confidence: float | None) -> set[str]:
        rows = analyst.statements(graded, speaker=KATAIB_HEZBOLLAH.id, min_confidence=min_confidence)
        return {r["kind"] for r in rows}

    assert kinds(None) == kinds(0.3) == {"deny_responsibility", "condemn", "threaten"}
    assert kinds(0.31) == {"deny_responsibility", "condemn"}
    threat = analyst.statements(graded, kind="threaten")
    assert [s["confidence"] for s in threat] == [0.3]
    assert graded.query("statements", {"kind": "threaten", "min_confidence": 0.5}) == []


def test_relationships_count_only_the_evidence_above_the_threshold(graded: GraphStore) -> None:
    def edges(min_confidence: float | None) -> set[tuple[str, str, str]]:
        rows = analyst.relationships(graded, min_confidence=min_confidence, limit=100)
        return {(r["source"]["id"], r["type"], r["target"]["id"]) for r in rows}

    weak = {
        (CENTCOM.id, "attacked", KATAIB_HEZBOLLAH.id),  # the perpetrator role is 0.5
        (KATAIB_HEZBOLLAH.id, "threatened", US_FORCES.id),  # the threat is 0.3
        (IRI.id, "attacked", "us-embassy-in-baghdad"),  # the Green Zone attack is 0.4
    }
    assert weak <= edges(None)
    assert edges(0.3) == edges(None)
    assert edges(0.6) == edges(None) - weak
    # a claim of the strike stands on its own confidence, and memberships carry none to doubt
    assert {(CENTCOM.id, "claimed_attack_on", KATAIB_HEZBOLLAH.id), (KATAIB_HEZBOLLAH.id, "member_of", IRI.id)} <= (
        edges(0.6)
    )


def test_the_neighbourhood_graph_drops_weak_events_roles_and_statements(graded: GraphStore) -> None:
    def keys(centre: str, min_confidence: float | None) -> set[str]:
        view = subgraph(graded, centre, hops=1, with_articles=False, min_confidence=min_confidence)
        return {n["key"] for n in view.nodes}

    def edges(centre: str, min_confidence: float | None) -> set[tuple[str, str, str]]:
        view = subgraph(graded, centre, hops=2, with_articles=False, min_confidence=min_confidence)
        return {(e["source"], e["type"], e["target"]) for e in view.edges}

    assert f"Event:{GREEN_ZONE_ATTACK}" in keys(IRI.id, None)
    assert f"Event:{GREEN_ZONE_ATTACK}" in keys(IRI.id, 0.4)
    assert f"Event:{GREEN_ZONE_ATTACK}" not in keys(IRI.id, 0.6)
    assert f"Event:{AIN_AL_ASAD_ATTACK}" in keys(IRI.id, 0.6)
    [threat] = [s["id"] for s in analyst.statements(graded, kind="threaten")]
    assert f"Statement:{threat}" in keys(KATAIB_HEZBOLLAH.id, 0.3)
    assert keys(KATAIB_HEZBOLLAH.id, 0.6) == keys(KATAIB_HEZBOLLAH.id, 0.3) - {f"Statement:{threat}"}
    # the weak role goes as an edge, even between two nodes the view reaches by other ways (2 hops)
    role = (f"Actor:{CENTCOM.id}", "CARRIED_OUT", f"Event:{BAGHDAD_STRIKE}")
    assert role in edges(CENTCOM.id, None) and role in edges(CENTCOM.id, 0.5)
    assert role not in edges(CENTCOM.id, 0.6)
    strong = subgraph(graded, CENTCOM.id, hops=2, min_confidence=0.6)
    assert f"Event:{BAGHDAD_STRIKE}" in {n["key"] for n in strong.nodes}  # reached through CENTCOM's claim


def test_a_shortest_path_goes_round_a_weak_event_and_an_unknown_one(graded: GraphStore) -> None:
    """IRI reaches the US embassy through the Green Zone attack (0.4, published 2023-12-08) in two
    steps; above 0.4 the chain must go round it, and before that attack was published there is none."""

    def through(**options: object) -> list[str]:
        path = shortest_path(graded, IRI.id, "us-embassy-in-baghdad", **options)
        return [n["id"] for n in path.graph.nodes] if path.found else []

    assert through() == through(min_confidence=0.4) == [IRI.id, GREEN_ZONE_ATTACK, "us-embassy-in-baghdad"]
    detour = through(min_confidence=0.6)
    assert GREEN_ZONE_ATTACK not in detour and detour[0] == IRI.id and detour[-1] == "us-embassy-in-baghdad"
    assert len(detour) > 3
    assert through(known=AsOf.of("2023-12-08")) == [IRI.id, GREEN_ZONE_ATTACK, "us-embassy-in-baghdad"]
    assert through(known=AsOf.of("2023-12-07")) == []
    assert through(known=AsOf.of(None, "2000-01-01")) == []  # nothing was ingested by then
    assert (
        graded.query("shortest_path", {"source": IRI.id, "target": "us-embassy-in-baghdad", "as_of": "2023-11"}) == []
    )


def test_one_event_leaves_out_its_weak_roles_and_statements_and_a_weak_event_is_not_found(graded: GraphStore) -> None:
    strike = analyst.event_detail(graded, BAGHDAD_STRIKE)
    assert ids(strike["perpetrators"]) == [CENTCOM.id] and strike["confidence"] == 0.9
    assert ids(analyst.event_detail(graded, BAGHDAD_STRIKE, min_confidence=0.5)["perpetrators"]) == [CENTCOM.id]
    sure = analyst.event_detail(graded, BAGHDAD_STRIKE, min_confidence=0.6)
    assert sure["perpetrators"] == [] and ids(sure["targets"]) == [KATAIB_HEZBOLLAH.id]
    assert [s["confidence"] for s in sure["statements"]] == [0.9, 0.9] and len(sure["reports"]) == 1
    assert analyst.event_detail(graded, GREEN_ZONE_ATTACK, min_confidence=0.4)["id"] == GREEN_ZONE_ATTACK
    with pytest.raises(NotFound, match="confidence 0.6"):
        analyst.event_detail(graded, GREEN_ZONE_ATTACK, min_confidence=0.6)


def test_an_actor_profile_counts_only_confident_events_roles_and_statements(graded: GraphStore) -> None:
    def summary(actor: str, min_confidence: float | None) -> tuple:
        p = analyst.actor_profile(graded, actor, min_confidence=min_confidence)
        e = p["events"]
        return e["as_perpetrator"], ids(e["perpetrated"]), p["statements"]["total"], p["statements"]["by_kind"]

    assert summary(CENTCOM.id, 0.5)[:2] == (1, [BAGHDAD_STRIKE])
    assert summary(CENTCOM.id, 0.6)[:2] == (0, [])  # its role in the strike is 0.5
    assert summary(IRI.id, 0.4)[:2] == (2, [AIN_AL_ASAD_ATTACK, GREEN_ZONE_ATTACK])
    assert summary(IRI.id, 0.6)[:2] == (1, [AIN_AL_ASAD_ATTACK])  # the Green Zone attack is 0.4
    kh_all, kh_sure = summary(KATAIB_HEZBOLLAH.id, 0.3), summary(KATAIB_HEZBOLLAH.id, 0.6)
    assert kh_all[2:] == (3, {"condemn": 1, "deny_responsibility": 1, "threaten": 1})
    assert kh_sure[2:] == (2, {"condemn": 1, "deny_responsibility": 1})  # the threat is 0.3
