"""Every list route bounds its paging: deep offsets get a clear 400, never a query that can crash
the store (LadybugDB 0.22 segfaults on ORDER BY ... SKIP far past the end), on both stores."""

from __future__ import annotations

import httpx
import pytest

from tests.conftest import LiveServer
from tests.factories import IRI, contested_attack

LISTS = ["/events", "/claims", "/statements", "/relationships", f"/actors/{IRI.id}/relationships", "/search"]
#: What a route needs besides paging.
NEEDS = {"/search": {"q": "a"}}


@pytest.fixture
def story(api: LiveServer, http: httpx.Client) -> httpx.Client:
    for graph in contested_attack():
        api.store.write([graph])
    return http


@pytest.mark.parametrize("route", LISTS)
def test_offsets_past_the_cap_are_a_400_that_says_what_to_do(story: httpx.Client, route: str) -> None:
    for offset in (10_001, 100_000, 10**15):
        r = story.get(route, params={**NEEDS.get(route, {}), "offset": offset})
        assert r.status_code == 400, (route, offset, r.text)
        body = r.json()
        assert body["ok"] is False and body["status"] == 400
        assert "offset may be at most 10000" in body["error"] and "filters" in body["error"]
    assert story.get("/health").json()["ok"] is True


@pytest.mark.parametrize("route", LISTS)
def test_offsets_up_to_the_cap_answer_empty_pages_past_the_end(story: httpx.Client, route: str) -> None:
    for offset in (8192, 10_000):
        r = story.get(route, params={**NEEDS.get(route, {}), "offset": offset, "limit": 500})
        assert r.status_code == 200, (route, offset, r.text)
        assert r.json()["items"] == [] and r.json()["next_offset"] is None


def test_the_last_page_before_the_cap_offers_no_next_page_past_it(story: httpx.Client) -> None:
    full = story.get("/claims", params={"limit": 1, "offset": 0}).json()
    assert full["count"] == 1 and full["next_offset"] == 1
    at_cap = story.get("/claims", params={"limit": 1, "offset": 10_000}).json()
    assert at_cap["next_offset"] is None


def test_openapi_states_both_caps(story: httpx.Client) -> None:
    spec = story.get("/openapi.json").json()
    params = {p["name"]: p["schema"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert params["limit"]["maximum"] == 500 and params["offset"]["maximum"] == 10_000
