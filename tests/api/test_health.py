"""The service says whether its store answers."""

from __future__ import annotations

import httpx

from tests.conftest import LiveServer


def test_health_reports_the_store_answering(http: httpx.Client, api: LiveServer) -> None:
    response = http.get("/health")
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] is True and body["store"] == "ok"
    assert body["backend"] == api.store.backend


def test_unknown_routes_answer_in_the_one_error_shape(http: httpx.Client) -> None:
    response = http.get("/no/such/route")
    assert response.status_code == 404
    assert response.json() == {"ok": False, "error": "Not Found", "status": 404}


def test_health_says_unavailable_when_neo4j_is_unreachable() -> None:
    from graph.settings import Settings

    settings = Settings(backend="neo4j", neo4j_uri="bolt://127.0.0.1:1")  # nothing listens on port 1
    with LiveServer(settings) as server, httpx.Client(base_url=server.url) as client:
        response = client.get("/health")
    assert response.status_code == 503
    assert response.json()["ok"] is False and "cannot reach Neo4j" in response.json()["error"]
