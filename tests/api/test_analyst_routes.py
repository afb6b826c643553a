"""The analyst routes over HTTP, on each backend: shapes, paging, names for ids, 404s and 422s."""

from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest

from tests.conftest import LiveServer
from tests.factories import CENTCOM, IRAQI_GOV, IRI, KATAIB_HEZBOLLAH, NUJABA, US_FORCES, contested_attack

AIN_AL_ASAD_ATTACK = "attack-2024-01-20-ain-al-asad-air-base"
BAGHDAD_STRIKE = "airstrike-2024-02-03-baghdad"
GREEN_ZONE_ATTACK = "attack-2023-12-08-green-zone"
PAGE_KEYS = {"items", "limit", "offset", "count", "next_offset"}


@pytest.fixture
def story(api: LiveServer, http: httpx.Client) -> httpx.Client:
    for graph in contested_attack():
        api.store.write([graph])
    return http


def ok(response: httpx.Response) -> dict:
    assert response.status_code == 200, response.text
    return response.json()


def error(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["ok"] is False and body["status"] == status and body["error"]
    return body["error"]


# -- /claims --------------------------------------------------------------------------------------
def test_claims_list_who_claimed_what_newest_first(story: httpx.Client) -> None:
    body = ok(story.get("/claims"))
    assert set(body) == PAGE_KEYS
    assert (body["limit"], body["offset"], body["count"], body["next_offset"]) == (50, 0, 5, None)
    first = body["items"][0]
    assert first["kind"] == "claim_responsibility" and first["date"] == "2024-02-03"
    assert first["claimant"] == {"id": CENTCOM.id, "name": "CENTCOM", "name_ar": CENTCOM.name_ar, "kind": "military"}
    assert first["event"] == {
        "id": BAGHDAD_STRIKE,
        "type": "airstrike",
        "date": "2024-02-03",
        "place": {"id": "baghdad", "name": "Baghdad", "name_ar": "بغداد", "kind": "city"},
    }
    assert first["article"]["outlet"] == "Outlet A" and first["article"]["published"] == "2024-02-04"
    assert first["article"]["url"] == "https://example.org/baghdad-strike.txt"
    assert first["sources"] == [first["article"]]
    assert set(first) == {
        "id", "kind", "date", "claimant", "accused", "event", "quote", "text", "confidence", "article", "sources"
    }  # fmt: skip


def test_claims_actor_by_id_english_or_arabic_name_also_matches_the_accused(story: httpx.Client) -> None:
    by_id = ok(story.get("/claims", params={"actor": KATAIB_HEZBOLLAH.id}))["items"]
    assert [(c["kind"], c["claimant"]["id"]) for c in by_id] == [
        ("accuse", IRAQI_GOV.id),
        ("deny_responsibility", KATAIB_HEZBOLLAH.id),
    ]
    assert [a["id"] for a in by_id[0]["accused"]] == [KATAIB_HEZBOLLAH.id]
    for name in ("Kataib Hezbollah", "كتائب حزب الله", "KH"):
        assert ok(story.get("/claims", params={"actor": name}))["items"] == by_id


def test_claims_filters_and_pages(story: httpx.Client) -> None:
    in_baghdad = ok(story.get("/claims", params={"place": "Baghdad"}))["items"]
    assert [c["event"]["id"] for c in in_baghdad] == [BAGHDAD_STRIKE, GREEN_ZONE_ATTACK]  # Green Zone is inside
    january = ok(story.get("/claims", params={"since": "2024-01", "until": "2024-01"}))["items"]
    assert [c["date"] for c in january] == ["2024-01-21", "2024-01-21", "2024-01-20"]
    denials = ok(story.get("/claims", params={"kind": "deny_responsibility", "event_type": "attack"}))["items"]
    assert [c["claimant"]["id"] for c in denials] == [KATAIB_HEZBOLLAH.id]
    page = ok(story.get("/claims", params={"limit": 2, "offset": 2}))
    assert (page["count"], page["next_offset"]) == (2, 4)
    last = ok(story.get("/claims", params={"limit": 2, "offset": 4}))
    assert (last["count"], last["next_offset"]) == (1, None)


def test_claims_unknown_actor_is_404_and_an_ambiguous_name_is_422(story: httpx.Client) -> None:
    assert "no actor with the id or name 'Nobody At All'" in error(
        story.get("/claims", params={"actor": "Nobody At All"}), 404
    )
    message = error(story.get("/claims", params={"actor": "US"}), 422)
    assert "us-forces" in message and "us-embassy-in-baghdad" in message
    assert "no place" in error(story.get("/claims", params={"place": "Atlantis"}), 404)


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({"since": "2023-13"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"since": "2023-02-30"}, "ISO date"),
        ({"since": "2024-01-01", "until": "2023"}, "after until"),
        ({"kind": "condemn"}, "kind"),
        ({"event_type": "picnic"}, "event_type"),
        ({"limit": 0}, "limit"),
        ({"limit": 501}, "at most 500"),
        ({"offset": -1}, "offset"),
    ],
)
def test_claims_bad_parameters_are_422_in_the_one_error_shape(story: httpx.Client, params: dict, needle: str) -> None:
    assert needle in error(story.get("/claims", params=params), 422)


def test_a_hostile_filter_value_is_just_an_unknown_name(story: httpx.Client, api: LiveServer) -> None:
    hostile = "x'}) MATCH (n) DETACH DELETE n // <script>alert(1)</script>"
    before = api.store.status().nodes
    assert "no actor" in error(story.get("/claims", params={"actor": hostile}), 404)
    assert ok(story.get("/statements", params={"q": hostile}))["items"] == []
    assert error(story.get(f"/events/{quote(hostile, safe='')}"), 404)
    assert api.store.status().nodes == before


# -- /statements ----------------------------------------------------------------------------------
def test_statements_by_speaker_kind_and_words(story: httpx.Client) -> None:
    by_kh = ok(story.get("/statements", params={"speaker": "Kataib Hezbollah"}))["items"]
    assert sorted(s["kind"] for s in by_kh) == ["condemn", "deny_responsibility", "threaten"]
    threat = next(s for s in by_kh if s["kind"] == "threaten")
    assert threat["addressees"] == [
        {"id": US_FORCES.id, "name": "US forces", "name_ar": US_FORCES.name_ar, "kind": "military"}
    ]
    assert threat["speaker"]["id"] == KATAIB_HEZBOLLAH.id and threat["event"] is None
    assert threat["sources"][0]["outlet"] == "Outlet A"
    # Arabic with other letter forms than the stored text, and English through the actors' names.
    found = ok(story.get("/statements", params={"q": "العدوان الامريكي"}))["items"]
    assert [s["kind"] for s in found] == ["condemn"]
    assert len(ok(story.get("/statements", params={"q": "kataib"}))["items"]) == 4
    calls = ok(story.get("/statements", params={"kind": "call", "since": "2024"}))
    assert [s["speaker"]["id"] for s in calls["items"]] == ["us-embassy-in-baghdad"]
    assert error(story.get("/statements", params={"kind": "gossip"}), 422)
    assert error(story.get("/statements", params={"speaker": "Nobody At All"}), 404)


# -- /events --------------------------------------------------------------------------------------
def test_events_timeline_with_sources_counted(story: httpx.Client) -> None:
    body = ok(story.get("/events"))
    assert set(body) == PAGE_KEYS
    assert [(e["id"], e["source_count"], e["outlet_count"], e["claim_count"]) for e in body["items"]] == [
        (GREEN_ZONE_ATTACK, 1, 1, 1),
        (AIN_AL_ASAD_ATTACK, 2, 2, 1),
        (BAGHDAD_STRIKE, 1, 1, 1),
    ]
    attack = body["items"][1]
    assert attack["place"]["id"] == "ain-al-asad-air-base"
    assert (attack["cameo"], body["items"][2]["acled"]) == (["18", "19"], ["Air/drone strike"])
    assert [a["id"] for a in attack["perpetrators"]] == [IRI.id]
    assert [a["id"] for a in attack["targets"]] == [US_FORCES.id]
    strikes = ok(story.get("/events", params={"actor": "كتائب حزب الله", "event_type": "airstrike"}))["items"]
    assert [e["id"] for e in strikes] == [BAGHDAD_STRIKE]
    assert [e["id"] for e in ok(story.get("/events", params={"place": "baghdad", "until": "2023"}))["items"]] == [
        GREEN_ZONE_ATTACK
    ]
    assert error(story.get("/events", params={"since": "2024/01/01"}), 422)


def test_one_event_shows_every_report_every_claim_and_the_disagreements(story: httpx.Client) -> None:
    event = ok(story.get(f"/events/{AIN_AL_ASAD_ATTACK}"))
    assert (event["type"], event["date"], event["cameo"]) == ("attack", "2024-01-20", ["18", "19"])
    assert (event["source_count"], event["outlet_count"]) == (2, 2)
    assert [(r["outlet"], r["count"], r["injured"]) for r in event["reports"]] == [
        ("Outlet A", 3, 2),
        ("Outlet B", 5, 4),
    ]
    assert [(s["kind"], s["speaker"]["id"]) for s in event["statements"]] == [
        ("claim_responsibility", IRI.id),
        ("accuse", IRAQI_GOV.id),
        ("deny_responsibility", KATAIB_HEZBOLLAH.id),
    ]
    disagreements = {d["field"]: d["values"] for d in event["disagreements"]}
    assert set(disagreements) == {"count", "injured", "responsibility"}
    assert [(v["value"], v["outlets"]) for v in disagreements["injured"]] == [(2, ["Outlet A"]), (4, ["Outlet B"])]
    responsibility = {v["value"]: v["outlets"] for v in disagreements["responsibility"]}
    assert responsibility == {
        "Islamic Resistance in Iraq: claimed": ["Outlet A"],
        "Kataib Hezbollah: accused by Iraqi government": ["Outlet B"],
        "Kataib Hezbollah: denied": ["Outlet B"],
    }
    assert "no event with the id 'no-such-event'" in error(story.get("/events/no-such-event"), 404)


# -- /actors --------------------------------------------------------------------------------------
def test_actor_profile(story: httpx.Client) -> None:
    profile = ok(story.get(f"/actors/{IRI.id}"))
    assert (profile["name"], profile["name_ar"], profile["kind"], profile["aliases"], profile["wikidata"]) == (
        "Islamic Resistance in Iraq",
        "المقاومة الإسلامية في العراق",
        "armed_group",
        ["IRI"],
        IRI.wikidata,
    )
    assert [m["id"] for m in profile["members"]] == sorted([NUJABA.id, KATAIB_HEZBOLLAH.id])
    assert profile["member_of"] == []
    assert profile["statements"] == {"total": 2, "by_kind": {"claim_responsibility": 2}}
    assert profile["events"]["as_perpetrator"] == 2 and profile["events"]["as_target"] == 0
    assert [e["id"] for e in profile["events"]["perpetrated"]] == [AIN_AL_ASAD_ATTACK, GREEN_ZONE_ATTACK]
    assert profile["co_mentioned"][0]["articles"] >= profile["co_mentioned"][-1]["articles"]
    kh = ok(story.get(f"/actors/{KATAIB_HEZBOLLAH.id}", params={"events": 1, "co_mentions": 2}))
    assert [m["id"] for m in kh["member_of"]] == [IRI.id]
    assert [e["id"] for e in kh["events"]["targeted"]] == [BAGHDAD_STRIKE]
    assert [c["id"] for c in kh["co_mentioned"]] == [IRAQI_GOV.id, US_FORCES.id]
    assert "no actor with the id or name 'nobody'" in error(story.get("/actors/nobody"), 404)
    assert ok(story.get("/actors/كتائب حزب الله", params={"events": 1}))["id"] == KATAIB_HEZBOLLAH.id  # by name
    assert error(story.get(f"/actors/{IRI.id}", params={"events": 1000}), 422)


def test_actor_relationships(story: httpx.Client) -> None:
    body = ok(story.get(f"/actors/{KATAIB_HEZBOLLAH.id}/relationships"))
    assert set(body) == PAGE_KEYS and body["count"] == 6
    edge = next(r for r in body["items"] if r["type"] == "accused")
    assert edge == {
        "source": {"id": IRAQI_GOV.id, "name": "Iraqi government", "name_ar": IRAQI_GOV.name_ar, "kind": "government"},
        "type": "accused",
        "target": {
            "id": KATAIB_HEZBOLLAH.id,
            "name": "Kataib Hezbollah",
            "name_ar": KATAIB_HEZBOLLAH.name_ar,
            "kind": "armed_group",
        },
        "count": 1,
        "first": "2024-01-21",
        "last": "2024-01-21",
    }
    threats = ok(story.get(f"/actors/{KATAIB_HEZBOLLAH.id}/relationships", params={"type": "threatened"}))
    assert [(r["source"]["id"], r["target"]["id"]) for r in threats["items"]] == [(KATAIB_HEZBOLLAH.id, US_FORCES.id)]
    assert error(story.get("/actors/nobody/relationships"), 404)
    assert error(story.get(f"/actors/{IRI.id}/relationships", params={"type": "loves"}), 422)


# -- /relationships -------------------------------------------------------------------------------
def test_relationships_across_the_graph(story: httpx.Client) -> None:
    body = ok(story.get("/relationships", params={"limit": 3}))
    assert (body["count"], body["next_offset"]) == (3, 3)
    top = body["items"][0]
    assert (top["source"]["id"], top["type"], top["target"]["id"], top["count"]) == (
        "us-embassy-in-baghdad",
        "called_on",
        IRAQI_GOV.id,
        2,
    )
    members = ok(story.get("/relationships", params={"type": "member_of", "actor": "المقاومة الإسلامية"}))["items"]
    assert sorted(r["source"]["id"] for r in members) == sorted([NUJABA.id, KATAIB_HEZBOLLAH.id])
    assert error(story.get("/relationships", params={"actor": "Nobody At All"}), 404)
    assert "at most 500" in error(story.get("/relationships", params={"limit": 10_000}), 422)


def test_the_routes_are_in_the_openapi_document(http: httpx.Client) -> None:
    paths = ok(http.get("/openapi.json"))["paths"]
    for path in (
        "/claims",
        "/statements",
        "/events",
        "/events/{event_id}",
        "/actors/{actor_id}",
        "/actors/{actor_id}/relationships",
        "/relationships",
    ):
        assert "get" in paths[path], path


def test_the_routes_accept_exactly_the_kinds_the_queries_know() -> None:
    from core.taxonomy import CLAIM_KINDS
    from graph.analyst import RELATIONSHIP_TYPES
    from queries.registry import get_registry

    claims = get_registry().get("claims", "neo4j").text
    assert all(f"'{kind}'" in claims for kind in CLAIM_KINDS)
    relationships = get_registry().get("relationships", "neo4j").text
    assert all(f"'{kind}'" in relationships for kind in RELATIONSHIP_TYPES)


# -- as known at a time ---------------------------------------------------------------------------
def test_every_read_route_answers_as_known_at_a_time(story: httpx.Client) -> None:
    at = {"as_of": "2024-01-20"}
    assert [c["date"] for c in ok(story.get("/claims", params=at))["items"]] == ["2024-01-20", "2023-12-08"]
    assert BAGHDAD_STRIKE not in [e["id"] for e in ok(story.get("/events", params=at))["items"]]
    assert ok(story.get(f"/events/{AIN_AL_ASAD_ATTACK}", params=at))["disagreements"] == []
    error(story.get(f"/events/{BAGHDAD_STRIKE}", params=at), 404)
    assert ok(story.get(f"/actors/{KATAIB_HEZBOLLAH.id}", params=at))["statements"]["total"] == 0
    assert ok(story.get("/statements", params=at))["count"] == 3
    assert ok(story.get("/relationships", params={**at, "type": "accused"}))["items"] == []
    assert ok(story.get("/search", params={"q": "KH", "as_of_ingested": "2000"}))["items"] == []
    graph = ok(story.get("/graph.json", params={"actor": KATAIB_HEZBOLLAH.id, **at}))
    assert f"Event:{BAGHDAD_STRIKE}" not in {n["key"] for n in graph["nodes"]}


def test_a_malformed_as_of_is_a_422_naming_it(story: httpx.Client) -> None:
    assert "as_of" in error(story.get("/claims", params={"as_of": "last week"}), 422)
    assert "as_of_ingested" in error(story.get("/events", params={"as_of_ingested": "2024-02-30"}), 422)
