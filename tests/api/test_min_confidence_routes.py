"""`min_confidence` over HTTP on every route that lists events, roles or statements, on each backend.

The graph is `graded_story()` (tests/factories.py): all at 0.9 but the Green Zone attack (0.4),
CENTCOM's role in the Baghdad airstrike (0.5) and Kataib Hezbollah's threat (0.3).
"""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import LiveServer
from tests.factories import CENTCOM, IRI, KATAIB_HEZBOLLAH, US_FORCES, graded_story

GREEN_ZONE_ATTACK = "attack-2023-12-08-green-zone"
BAGHDAD_STRIKE = "airstrike-2024-02-03-baghdad"


@pytest.fixture
def graded(api: LiveServer, http: httpx.Client) -> httpx.Client:
    for graph in graded_story():
        api.store.write([graph])
    return http


def items(response: httpx.Response) -> list[dict]:
    assert response.status_code == 200, response.text
    return response.json()["items"]


def ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


def test_the_timeline_and_the_map_leave_out_a_weak_event_and_a_weak_role(graded: httpx.Client) -> None:
    assert GREEN_ZONE_ATTACK in ids(items(graded.get("/events", params={"min_confidence": 0.4})))
    strong = items(graded.get("/events", params={"min_confidence": 0.6}))
    assert GREEN_ZONE_ATTACK not in ids(strong) and BAGHDAD_STRIKE in ids(strong)
    strike = next(e for e in strong if e["id"] == BAGHDAD_STRIKE)
    assert strike["perpetrators"] == [] and ids(strike["targets"]) == [KATAIB_HEZBOLLAH.id]
    assert [e["confidence"] for e in items(graded.get("/events.json"))] == [0.4, 0.9, 0.9]
    assert ids(items(graded.get("/events", params={"actor": "CENTCOM", "min_confidence": 0.6}))) == []
    assert GREEN_ZONE_ATTACK in ids(items(graded.get("/map.json")))
    assert GREEN_ZONE_ATTACK not in ids(items(graded.get("/map.json", params={"min_confidence": 0.6})))


def test_statements_leave_out_a_weak_statement(graded: httpx.Client) -> None:
    said = items(graded.get("/statements", params={"speaker": KATAIB_HEZBOLLAH.id, "min_confidence": 0.3}))
    assert "threaten" in {s["kind"] for s in said}
    assert next(s["confidence"] for s in said if s["kind"] == "threaten") == 0.3
    said = items(graded.get("/statements", params={"speaker": KATAIB_HEZBOLLAH.id, "min_confidence": 0.6}))
    assert {s["kind"] for s in said} == {"deny_responsibility", "condemn"}


def test_relationships_count_only_confident_evidence(graded: httpx.Client) -> None:
    def edges(path: str, **params: object) -> set[tuple[str, str, str]]:
        return {(r["source"]["id"], r["type"], r["target"]["id"]) for r in items(graded.get(path, params=params))}

    threat = (KATAIB_HEZBOLLAH.id, "threatened", US_FORCES.id)
    attack = (CENTCOM.id, "attacked", KATAIB_HEZBOLLAH.id)
    assert {threat, attack} <= edges("/relationships", min_confidence=0.3)
    assert not {threat, attack} & edges("/relationships", min_confidence=0.6)
    assert {threat, attack} <= edges(f"/actors/{KATAIB_HEZBOLLAH.id}/relationships")
    assert not {threat, attack} & edges(f"/actors/{KATAIB_HEZBOLLAH.id}/relationships", min_confidence=0.6)


def test_the_graph_json_and_html_leave_out_a_weak_event(graded: httpx.Client) -> None:
    def keys(**params: object) -> set[str]:
        response = graded.get("/graph.json", params={"actor": IRI.id, **params})
        assert response.status_code == 200, response.text
        return {n["key"] for n in response.json()["nodes"]}

    assert f"Event:{GREEN_ZONE_ATTACK}" in keys(min_confidence=0.4)
    assert f"Event:{GREEN_ZONE_ATTACK}" not in keys(min_confidence=0.6)
    page = graded.get("/graph.html", params={"actor": IRI.id})
    assert page.status_code == 200 and GREEN_ZONE_ATTACK in page.text
    page = graded.get("/graph.html", params={"actor": IRI.id, "min_confidence": 0.6})
    assert page.status_code == 200 and GREEN_ZONE_ATTACK not in page.text


@pytest.mark.parametrize("path", ["/events", "/statements", "/relationships", "/map.json", "/graph.json", "/paths"])
def test_a_confidence_outside_0_to_1_is_a_422(graded: httpx.Client, path: str) -> None:
    response = graded.get(path, params={"actor": IRI.id, "source": IRI.id, "target": CENTCOM.id, "min_confidence": 1.5})
    assert response.status_code == 422, response.text
    assert "min_confidence" in response.text


def test_paths_go_round_a_weak_event_and_answer_as_known_at_a_time(graded: httpx.Client) -> None:
    def through(**params: object) -> list[str]:
        response = graded.get("/paths", params={"source": IRI.id, "target": "us-embassy-in-baghdad", **params})
        assert response.status_code == 200, response.text
        body = response.json()
        return [n["id"] for n in body["nodes"]] if body["found"] else []

    assert through() == through(min_confidence=0.4) == [IRI.id, GREEN_ZONE_ATTACK, "us-embassy-in-baghdad"]
    assert GREEN_ZONE_ATTACK not in through(min_confidence=0.6) and len(through(min_confidence=0.6)) > 3
    assert through(as_of="2023-12-08") == [IRI.id, GREEN_ZONE_ATTACK, "us-embassy-in-baghdad"]
    assert through(as_of="2023-12-07") == []
    assert through(as_of_ingested="2000-01-01") == []
    bad = graded.get("/paths", params={"source": IRI.id, "target": CENTCOM.id, "as_of": "last week"})
    assert bad.status_code == 422 and "as_of" in bad.text


def test_every_read_route_takes_as_of_and_as_of_ingested() -> None:
    """A guard for "every read route takes as_of": a new GET route that reads the graph must too."""
    from api.app import create_app

    not_reads = {"/health"}  # the service's own state, not the graph
    paths = create_app().openapi()["paths"]
    reads = {path: ops["get"] for path, ops in paths.items() if "get" in ops and path not in not_reads}
    assert {"/paths", "/events", "/graph.json", "/graph.html", "/map", "/"} <= set(reads)
    for path, op in reads.items():
        names = {p["name"] for p in op.get("parameters", [])}
        assert {"as_of", "as_of_ingested"} <= names, f"{path} takes no as_of"


def test_one_event_and_one_actor_leave_out_weak_roles_and_statements(graded: httpx.Client) -> None:
    strike = graded.get(f"/events/{BAGHDAD_STRIKE}", params={"min_confidence": 0.6}).json()
    assert strike["perpetrators"] == [] and [a["id"] for a in strike["targets"]] == [KATAIB_HEZBOLLAH.id]
    assert [a["id"] for a in graded.get(f"/events/{BAGHDAD_STRIKE}.json").json()["perpetrators"]] == [CENTCOM.id]
    assert graded.get(f"/events/{GREEN_ZONE_ATTACK}", params={"min_confidence": 0.4}).status_code == 200
    assert graded.get(f"/events/{GREEN_ZONE_ATTACK}", params={"min_confidence": 0.6}).status_code == 404
    kh = graded.get("/actors/Kataib Hezbollah.json", params={"min_confidence": 0.6}).json()
    assert kh["statements"]["by_kind"] == {"condemn": 1, "deny_responsibility": 1}
    iri = graded.get(f"/actors/{IRI.id}", params={"min_confidence": 0.6}).json()
    assert [e["id"] for e in iri["events"]["perpetrated"]] == ["attack-2024-01-20-ain-al-asad-air-base"]
