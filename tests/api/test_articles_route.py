"""POST /articles ingests one article, only with the configured API key."""

from __future__ import annotations

import httpx
import pytest

from graph.settings import get_settings
from tests.conftest import LiveServer

ARTICLE = {
    "title": "هجوم على قاعدة حرير",
    "published": "2024-02-10",
    "outlet": "Example",
    "text": "تعرضت قاعدة حرير الجوية شمال أربيل مساء الجمعة لهجوم بطائرتين مسيرتين، "
    "وتبنت المقاومة الإسلامية في العراق الهجوم في بيان.",
}


@pytest.fixture
def keyed(api: LiveServer) -> LiveServer:
    settings = api.store.settings.model_copy(update={"api_key": "s3cret"})
    api.app.dependency_overrides[get_settings] = lambda: settings
    return api


def test_writes_are_refused_when_no_key_is_configured(http: httpx.Client) -> None:
    response = http.post("/articles", json=ARTICLE, headers={"X-API-Key": "anything"})
    assert response.status_code == 403
    assert response.json()["ok"] is False and "no API key is configured" in response.json()["error"]


def test_a_wrong_key_is_refused_and_nothing_is_written(keyed: LiveServer, http: httpx.Client) -> None:
    response = http.post("/articles", json=ARTICLE, headers={"X-API-Key": "guess"})
    assert response.status_code == 401
    assert keyed.store.status().nodes.get("Article", 0) == 0


def test_an_article_is_ingested_and_its_claim_is_served(keyed: LiveServer, http: httpx.Client) -> None:
    response = http.post("/articles", json=ARTICLE, headers={"X-API-Key": "s3cret"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["ok"] is True and body["events"]
    again = http.post("/articles", json=ARTICLE, headers={"X-API-Key": "s3cret"})
    assert again.status_code == 201 and again.json()["id"] == body["id"]
    assert keyed.store.status().nodes["Article"] == 1  # idempotent
    claims = http.get("/claims", params={"actor": "islamic-resistance-in-iraq"}).json()
    assert [c["kind"] for c in claims["items"]] == ["claim_responsibility"]
    assert claims["items"][0]["event"]["place"]["id"] == "al-harir-air-base"


def test_a_bad_body_says_what_was_wrong(keyed: LiveServer, http: httpx.Client) -> None:
    response = http.post("/articles", json={"title": "no text"}, headers={"X-API-Key": "s3cret"})
    assert response.status_code == 422
    assert "text" in response.json()["error"]
    response = http.post("/articles", json={**ARTICLE, "published": "yesterday"}, headers={"X-API-Key": "s3cret"})
    assert response.status_code == 422 and "published" in response.json()["error"]
