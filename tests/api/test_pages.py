"""Every page and its JSON twin from the same code, the CSV of the claims table, the map's points and
claim latency, over HTTP on each backend."""

from __future__ import annotations

import csv
import io

import httpx
import pytest

from tests.conftest import LiveServer
from tests.factories import IRI, KATAIB_HEZBOLLAH, contested_attack

AIN_AL_ASAD = "attack-2024-01-20-ain-al-asad-air-base"
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def story(api: LiveServer, http: httpx.Client) -> httpx.Client:
    for graph in contested_attack():
        api.store.write([graph])
    return http


@pytest.mark.parametrize(
    ("path", "twin"),
    [
        ("/", "/index.json"),
        ("/claims?actor=KH", "/claims.json?actor=KH"),
        ("/events", "/events.json"),
        (f"/events/{AIN_AL_ASAD}", f"/events/{AIN_AL_ASAD}.json"),
        (f"/actors/{IRI.id}", f"/actors/{IRI.id}.json"),
        ("/search?q=KH", "/search.json?q=KH"),
        ("/map", "/map.json"),
        ("/latency", "/latency.json"),
        ("/articles", "/articles.json"),
    ],
)
def test_a_browser_gets_the_page_and_the_json_twin_the_same_data(story: httpx.Client, path: str, twin: str) -> None:
    page = story.get(path, headers=HTML)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert "<script>" not in page.text  # no inline script: the CSP would refuse it
    data = story.get(twin)
    assert data.status_code == 200 and data.headers["content-type"] == "application/json"
    assert story.get(path).json() == data.json()  # an API client (Accept */*) keeps getting JSON


def test_the_csv_holds_exactly_the_rows_the_page_shows(story: httpx.Client) -> None:
    params = {"actor": KATAIB_HEZBOLLAH.id, "limit": 1, "offset": 1, "kind": ""}
    shown = story.get("/claims.json", params=params).json()["items"]
    response = story.get("/claims.csv", params=params)
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [(r["claim_id"], r["kind"], r["claimant"]) for r in rows] == [
        (c["id"], c["kind"], c["claimant"]["name"]) for c in shown
    ]
    assert rows[0]["claimant_ar"] == KATAIB_HEZBOLLAH.name_ar


def test_an_error_is_a_page_for_a_browser_and_the_error_shape_for_clients(story: httpx.Client) -> None:
    page = story.get("/events/nothing-here", headers=HTML)
    assert page.status_code == 404 and "no event with the id" in page.text and "<html" in page.text
    assert story.get("/events/nothing-here.json").json()["status"] == 404
    assert story.get("/claims", params={"kind": ""}).status_code == 422  # the API is strict; pages are not
    assert story.get("/claims", params={"kind": ""}, headers=HTML).status_code == 200


def test_the_map_draws_each_event_at_its_nearest_place_with_coordinates(story: httpx.Client) -> None:
    points = story.get("/map.json").json()
    by_id = {e["id"]: e for e in points["items"]}
    assert points["count"] == 3 and points["without_coordinates"] == 0
    assert by_id["attack-2023-12-08-green-zone"]["at"]["id"] == "baghdad"  # the Green Zone has no point
    assert by_id[AIN_AL_ASAD]["at"]["id"] == "iraq"
    assert story.get("/map.json", params={"as_of": "2024-01-20"}).json()["count"] == 2


def test_claim_latency_per_actor_outlet_and_event(story: httpx.Client) -> None:
    body = story.get("/latency.json").json()
    actors = {a["actor"]["id"]: a for a in body["actors"]}
    assert actors[KATAIB_HEZBOLLAH.id]["median"] == 1  # denied the day after the attack
    assert actors[IRI.id]["fastest"] == 0 and actors[IRI.id]["n"] == 2
    event = next(e for e in body["events"] if e["id"] == AIN_AL_ASAD)
    assert event["first_claim"]["actor"]["id"] == IRI.id and event["first_claim"]["days"] == 0
    assert [(r["outlet"], r["days"]) for r in event["reports"]] == [("Outlet A", 0), ("Outlet B", 1)]
    outlets = {o["outlet"]: o for o in body["outlets"]}
    assert outlets["Outlet A"]["slowest"] == 1  # the Baghdad strike reported the next day
    later = story.get("/latency.json", params={"as_of": "2024-01-20"}).json()
    assert KATAIB_HEZBOLLAH.id not in {a["actor"]["id"] for a in later["actors"]}


def test_search_lists_the_events_of_what_it_found(story: httpx.Client) -> None:
    body = story.get("/search", params={"q": "كتائب حزب الله"}).json()
    assert body["items"][0]["id"] == KATAIB_HEZBOLLAH.id
    assert [e["id"] for e in body["events"]] == ["airstrike-2024-02-03-baghdad"]  # targeted


def test_docs_and_their_assets_are_served_by_the_project(story: httpx.Client) -> None:
    page = story.get("/docs")
    assert page.status_code == 200 and "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page.text
    assert "cdn" not in page.text.lower()
    for asset in ("/static/vendor/swagger-ui/swagger-ui-bundle.js", "/static/vendor/leaflet/leaflet.js"):
        assert story.get(asset).status_code == 200, f"{asset}: run scripts/vendor-assets"


def test_an_actor_page_takes_a_name_as_the_other_routes_do(story: httpx.Client) -> None:
    by_id = story.get(f"/actors/{KATAIB_HEZBOLLAH.id}").json()
    for name in ("كتائب حزب الله", "Kataib Hezbollah"):
        assert story.get(f"/actors/{name}").json() == by_id
    assert story.get("/actors/كتائب حزب الله/relationships").status_code == 200
    assert story.get("/actors/nobody-at-all").status_code == 404
