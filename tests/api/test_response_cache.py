"""The server's read cache: a repeated request is answered from it, a write empties it, and many
requests for the same answer (when it is missing or has just expired) compute it once.

Nothing here depends on timing: expiry is forced by marking the kept entries expired, and
concurrency is many requests sent at once, counted by what the store was asked.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from graph.stores import GraphStore
from tests.conftest import LiveServer, count_queries
from tests.factories import contested_attack, strike_graph


@pytest.fixture
def cached(api: LiveServer) -> Iterator[tuple[LiveServer, Counter[str]]]:
    """The API with its store keeping reads for a minute, and a count of the named queries it runs."""
    store: GraphStore = api.store
    store.write(contested_attack())
    store.enable_cache(60)
    ran = count_queries(store)
    try:
        yield api, ran
    finally:
        del store.query
        store.enable_cache(0)


def settled(cache: object) -> None:
    """Wait until no computation is in flight: the client can have the body before it is kept."""
    deadline = time.monotonic() + 30
    while cache.flights:  # type: ignore[attr-defined]
        assert time.monotonic() < deadline, "a computation never finished"
        time.sleep(0.01)


def many_at_once(url: str, path: str, n: int = 16) -> list[httpx.Response]:
    def get(_: int) -> httpx.Response:
        with httpx.Client(base_url=url, timeout=60) as client:
            return client.get(path)

    with ThreadPoolExecutor(max_workers=n) as pool:
        return list(pool.map(get, range(n)))


def test_a_repeated_request_is_a_hit_with_the_same_body(cached: tuple[LiveServer, Counter[str]]) -> None:
    api, ran = cached
    with httpx.Client(base_url=api.url, timeout=60) as http:
        first = http.get("/claims", params={"actor": "islamic-resistance-in-iraq"})
        ran.clear()
        second = http.get("/claims", params={"actor": "islamic-resistance-in-iraq"})
    assert first.status_code == second.status_code == 200
    # "shared" when it came while the first was still being kept: the same one computation
    assert first.headers["x-cache"] == "miss" and second.headers["x-cache"] in ("hit", "shared")
    assert second.content == first.content and second.json()["items"]
    assert not ran  # answered without asking the store


def test_a_write_empties_the_cache(cached: tuple[LiveServer, Counter[str]]) -> None:
    api, _ = cached
    with httpx.Client(base_url=api.url, timeout=60) as http:
        before = http.get("/events").json()["items"]
        api.store.write([strike_graph()])
        after = http.get("/events")
    assert after.headers["x-cache"] == "miss"
    assert len(after.json()["items"]) > len(before)


def test_many_requests_for_a_missing_answer_compute_it_once(cached: tuple[LiveServer, Counter[str]]) -> None:
    api, ran = cached
    responses = many_at_once(api.url, "/claims?actor=islamic-resistance-in-iraq")
    assert {r.status_code for r in responses} == {200}
    assert len({r.content for r in responses}) == 1
    assert ran["claims_details"] == 1, ran
    assert Counter(r.headers["x-cache"] for r in responses)["miss"] == 1


def test_many_requests_when_an_answer_expires_compute_it_once(cached: tuple[LiveServer, Counter[str]]) -> None:
    api, ran = cached
    with httpx.Client(base_url=api.url, timeout=60) as http:
        assert http.get("/events").headers["x-cache"] == "miss"
    cache = api.app.state.response_cache
    settled(cache)
    assert cache.entries
    for entry in cache.entries.values():
        entry.expires = 0.0  # expired, as after the TTL
    model = api.store.read_model
    assert model is not None
    model.forget()  # or the answer is rebuilt from what the read model kept, running no query
    ran.clear()
    responses = many_at_once(api.url, "/events")
    assert {r.status_code for r in responses} == {200}
    assert ran["timeline_candidates"] == 1 and ran["timeline_details"] == 1, ran  # what /events runs per answer
    assert Counter(r.headers["x-cache"] for r in responses)["miss"] == 1
    with httpx.Client(base_url=api.url, timeout=60) as http:
        assert http.get("/events").headers["x-cache"] in ("hit", "shared")  # kept again, fresh


def test_errors_and_health_are_never_kept(cached: tuple[LiveServer, Counter[str]]) -> None:
    api, ran = cached
    with httpx.Client(base_url=api.url, timeout=60) as http:
        for _ in range(2):
            missing = http.get("/events/no-such-event")
            assert missing.status_code == 404 and missing.headers["x-cache"] == "miss"
        ran.clear()
        http.get("/health")
        http.get("/health")
    assert ran["internal.version"] == 2


def test_without_a_cache_every_request_asks_the_store(api: LiveServer, http: httpx.Client) -> None:
    api.store.write(contested_attack())
    for _ in range(2):
        response = http.get("/events")
        assert response.status_code == 200 and "x-cache" not in response.headers
