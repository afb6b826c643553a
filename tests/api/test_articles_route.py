"""POST /articles ingests one article, only with the configured API key."""

from __future__ import annotations

import logging

import httpx
import pytest

from graph.model import Actor
from graph.settings import get_settings
from tests.conftest import LiveServer
from tests.factories import BAGHDAD, contested_attack, report

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


def test_a_wrong_key_is_refused_and_nothing_is_written(
    keyed: LiveServer, http: httpx.Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="api.errors")
    response = http.post("/articles", json=ARTICLE, headers={"X-API-Key": "guess"})
    assert response.status_code == 401
    assert keyed.store.status().nodes.get("Article", 0) == 0
    assert "POST /articles -> 401: missing or wrong X-API-Key header" in caplog.messages  # the refusal is logged


def test_an_article_is_ingested_and_its_claim_is_served(keyed: LiveServer, http: httpx.Client) -> None:
    response = http.post("/articles", json=ARTICLE, headers={"X-API-Key": "s3cret"})
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["ok"] is True and body["events"]
    assert body["created"] is True
    again = http.post("/articles", json=ARTICLE, headers={"X-API-Key": "s3cret"})
    assert again.status_code == 200 and again.json()["id"] == body["id"] and again.json()["created"] is False
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


# -- articles as resources: list, read, retract -----------------------------------------------------
def _counts(server: LiveServer) -> tuple[dict[str, int], dict[str, int]]:
    status = server.store.status()
    return status.nodes, status.relationships


def test_articles_are_listed_with_filters_and_read_with_their_assertions(keyed: LiveServer, http: httpx.Client) -> None:
    for graph in contested_attack():
        keyed.store.write([graph])
    listed = http.get("/articles").json()
    assert [a["published"] for a in listed["items"]] == ["2024-02-04", "2024-01-21", "2024-01-20", "2023-12-08"]
    assert listed["items"][0]["events"] == 1 and listed["items"][0]["statements"] == 4
    by_a = http.get("/articles", params={"outlet": "Outlet A", "published_since": "2024-01-21"}).json()["items"]
    assert [a["file"] for a in by_a] == ["baghdad-strike.txt"]
    assert http.get("/articles", params={"ingested_until": "2000-01-01"}).json()["items"] == []
    assert len(http.get("/articles", params={"as_of": "2024-01"}).json()["items"]) == 3

    second = next(a for a in listed["items"] if a["outlet"] == "Outlet B")
    detail = http.get(f"/articles/{second['id']}").json()
    assert detail["body"].startswith("سقطت خمسة صواريخ")
    kinds = sorted((a["what"], a["kind"]) for a in detail["assertions"])
    assert kinds == [("event", "attack"), ("statement", "accuse"), ("statement", "deny_responsibility")]
    assert "".join(s["text"] for s in detail["segments"]) == detail["body"]
    assert all(len(s["assertions"]) == 3 for s in detail["segments"])  # each span is the whole body here
    assert http.get(f"/articles/{second['id']}", params={"as_of": "2024-01-20"}).status_code == 404
    assert http.get("/articles/art-none").json() == {
        "ok": False,
        "error": "no article with the id 'art-none'; list them with GET /articles",
        "status": 404,
    }


def test_retracting_an_article_removes_only_what_it_alone_supported(keyed: LiveServer, http: httpx.Client) -> None:
    first, second, third, fourth = contested_attack()
    for graph in (first, third, fourth):
        keyed.store.write([graph])
    before = _counts(keyed)
    keyed.store.write([second])  # another report of the first attack, a denial and an accusation
    raf = Actor(id="royal-air-force", name="Royal Air Force", name_ar="سلاح الجو الملكي", kind="military")
    raf_strike = report(
        "نفذ سلاح الجو الملكي ضربة جوية قرب بغداد.",
        file="raf.txt",
        outlet="Outlet C",
        published="2024-03-02",
        actors=[raf],
        places=[BAGHDAD],
        events=[
            {
                "id": "airstrike-2024-03-01-baghdad",
                "type": "airstrike",
                "date": "2024-03-01",
                "place": "baghdad",
                "perpetrators": [raf.id],
            }
        ],
    )
    keyed.store.write([raf_strike])  # the only article naming the RAF and its strike
    assert http.delete(f"/articles/{second.article.id}").status_code == 401
    gone = http.delete(f"/articles/{second.article.id}", headers={"X-API-Key": "s3cret"})
    assert gone.status_code == 200, gone.text
    assert gone.json()["deleted"]["statements"] == 2 and gone.json()["deleted"]["events"] == 0
    strike = http.delete(f"/articles/{raf_strike.article.id}", headers={"X-API-Key": "s3cret"}).json()
    assert strike["deleted"]["events"] == 1 and strike["deleted"]["orphan_actors"] == 1  # the RAF
    assert _counts(keyed) == before
    event = http.get("/events/attack-2024-01-20-ain-al-asad-air-base").json()
    assert [r["outlet"] for r in event["reports"]] == ["Outlet A"]  # the first report stays
    assert [s["kind"] for s in event["statements"]] == ["claim_responsibility"]
    assert http.delete(f"/articles/{second.article.id}", headers={"X-API-Key": "s3cret"}).status_code == 404
