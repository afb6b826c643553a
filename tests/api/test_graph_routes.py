"""HTTP: graph JSON and HTML from one code path, search, paths and export, on each backend."""

from __future__ import annotations

import json
import re

import httpx
import pytest
from rdflib import Graph

from tests.conftest import LiveServer
from tests.factories import article_graph


@pytest.fixture
def filled(api: LiveServer) -> LiveServer:
    api.store.write([article_graph()])
    return api


def page_nodes(page: str) -> set[str]:
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
    return {n["id"] for n in json.loads(data)["nodes"]}


def test_graph_json_is_the_neighbourhood_as_nodes_and_edges(http: httpx.Client, filled: LiveServer) -> None:
    r = http.get("/graph.json", params={"actor": "islamic-resistance-in-iraq", "hops": 2})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["center"] == "Actor:islamic-resistance-in-iraq"
    keys = {n["key"] for n in body["nodes"]}
    assert {"Actor:harakat-al-nujaba", "Event:attack-2023-12-08-green-zone", "Place:green-zone"} <= keys
    attack = next(n for n in body["nodes"] if n["key"] == "Event:attack-2023-12-08-green-zone")
    assert (attack["cameo"], attack["acled"][0]) == (["18", "19"], "Shelling/artillery/missile attack")
    assert all(e["source"] in keys and e["target"] in keys for e in body["edges"])
    assert body["truncated"] is False and body["counts"]["nodes"] == len(body["nodes"])


def test_graph_html_draws_exactly_what_graph_json_lists(http: httpx.Client, filled: LiveServer) -> None:
    params = {"actor": "المقاومة الإسلامية في العراق", "hops": 1, "since": "2023-12", "articles": "false"}
    listed = {n["key"] for n in http.get("/graph.json", params=params).json()["nodes"]}
    r = http.get("/graph.html", params=params)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert page_nodes(r.text) == listed and len(listed) == 4
    assert 'id="kg-legend"' in r.text and "vis.Network" in r.text
    data = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', r.text, re.S).group(1)
    attacks = [n for n in json.loads(data)["nodes"] if n["id"].startswith("Event:attack-")]
    assert attacks and all(["CAMEO", "18, 19"] in n["tip"] for n in attacks)  # the type's codes in its tooltip


def test_an_unknown_actor_is_a_404_in_the_one_error_shape(http: httpx.Client, filled: LiveServer) -> None:
    for path in ("/graph.json", "/graph.html"):
        r = http.get(path, params={"actor": "no-such-group"})
        assert r.status_code == 404
        assert r.headers["content-type"] == "application/json"
        body = r.json()
        assert body["ok"] is False and body["status"] == 404 and "no-such-group" in body["error"]


@pytest.mark.parametrize(
    "params",
    [
        {"actor": "islamic-resistance-in-iraq", "hops": 4},
        {"actor": "islamic-resistance-in-iraq", "since": "08/12/2023"},
        {"actor": "islamic-resistance-in-iraq", "since": "2024", "until": "2023-12"},
        {"actor": "islamic-resistance-in-iraq", "max_nodes": 0},
        {"actor": "a"},  # part of several names: ambiguous
        {},
    ],
)
def test_bad_graph_parameters_are_422(http: httpx.Client, filled: LiveServer, params: dict) -> None:
    r = http.get("/graph.json", params=params)
    assert r.status_code == 422, r.text
    assert r.json()["ok"] is False and r.json()["status"] == 422


def test_search_finds_arabic_and_english_names_best_first(http: httpx.Client, filled: LiveServer) -> None:
    r = http.get("/search", params={"q": "حركة النُّجَباء"})
    assert r.status_code == 200
    body = r.json()
    assert body["normalised"] == "حركه النجباء"
    assert body["items"][0]["id"] == "harakat-al-nujaba" and body["items"][0]["match"] == "exact"
    english = http.get("/search", params={"q": "Iraq"}).json()["items"]
    order = ["exact", "prefix", "contains"]
    assert [h["match"] for h in english] == sorted((h["match"] for h in english), key=order.index)
    assert english[0]["key"] == "Place:iraq"
    page = http.get("/search", params={"q": "a", "limit": 2}).json()
    assert page["count"] == 2 and page["next_offset"] == 2
    assert http.get("/search", params={"q": "a", "limit": 2, "offset": 2}).json()["items"][0] not in page["items"]


def test_search_refuses_empty_text(http: httpx.Client, filled: LiveServer) -> None:
    assert http.get("/search").status_code == 422
    assert http.get("/search", params={"q": "\u064e"}).status_code == 422  # a lone diacritic normalises away
    assert http.get("/search", params={"q": "x", "limit": 100000}).status_code == 422


def test_paths_link_two_actors_step_by_step(http: httpx.Client, filled: LiveServer) -> None:
    r = http.get("/paths", params={"source": "حركة النجباء", "target": "us-embassy-in-baghdad"})
    assert r.status_code == 200
    body = r.json()
    assert body["found"] is True and body["length"] == 3
    assert [n["label"] for n in body["nodes"]] == ["Actor", "Actor", "Event", "Actor"]
    assert [e["type"] for e in body["edges"]] == ["MEMBER_OF", "CARRIED_OUT", "TARGETED"]
    none = http.get("/paths", params={"source": "harakat-al-nujaba", "target": "example-news"}).json()
    assert none["found"] is False and none["edges"] == []
    missing = http.get("/paths", params={"source": "harakat-al-nujaba", "target": "nobody-at-all"})
    assert missing.status_code == 404 and missing.json()["ok"] is False


@pytest.mark.parametrize(
    ("fmt", "media_type", "parse"),
    [
        ("ttl", "text/turtle", "turtle"),
        ("jsonld", "application/ld+json", "json-ld"),
        ("graphml", "application/graphml+xml", None),
    ],
)
def test_export_answers_with_the_format_s_media_type(
    http: httpx.Client, filled: LiveServer, fmt: str, media_type: str, parse: str | None
) -> None:
    r = http.get("/export", params={"format": fmt})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media_type
    assert f'filename="kg.{fmt}"' in r.headers["content-disposition"]
    if parse:
        g = Graph().parse(data=r.text, format=parse)
        assert any("wikidata.org/entity/Q123574472" in str(o) for o in g.objects())
    else:
        assert r.content.startswith(b"<?xml") and b"graphml" in r.content[:200]


def test_a_bad_export_format_is_422(http: httpx.Client, filled: LiveServer) -> None:
    r = http.get("/export", params={"format": "rdfxml"})
    assert r.status_code == 422
    assert r.json()["ok"] is False and "format" in r.json()["error"]
