"""The graph page: one offline file, styled by label and kind, capped, and safe with hostile names."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re

import pytest

from graph.subgraph import SubGraph
from graph.visualize import (
    ACTOR_COLOURS,
    EVENT_COLOURS,
    HTML_MAX_NODES,
    PLACE_COLOUR,
    STATEMENT_COLOURS,
    render_html,
)

EVIL_NAME = 'Evil <script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">'
EVIL_QUOTE = "</script><script>window.__pwned=3</script> & 'quotes' \"too\""


def sample() -> SubGraph:
    nodes = [
        {
            "key": "Actor:iri",
            "id": "iri",
            "label": "Actor",
            "name": EVIL_NAME,
            "name_ar": "المقاومة الإسلامية في العراق",
            "kind": "armed_group",
            "wikidata": "Q123574472",
            "hop": 0,
        },
        {
            "key": "Actor:centcom",
            "id": "centcom",
            "label": "Actor",
            "name": "US Central Command",
            "name_ar": "القيادة المركزية الأمريكية",
            "kind": "military",
            "hop": 1,
        },
        {"key": "Event:e1", "id": "e1", "label": "Event", "type": "airstrike", "date": "2024-01-04", "hop": 1},
        {
            "key": "Statement:s1",
            "id": "s1",
            "label": "Statement",
            "kind": "claim_responsibility",
            "date": "2024-01-05",
            "quote": EVIL_QUOTE,
            "hop": 1,
        },
        {
            "key": "Place:baghdad",
            "id": "baghdad",
            "label": "Place",
            "name": "Baghdad",
            "name_ar": "بغداد",
            "kind": "city",
            "lat": 33.3152,
            "lon": 44.3661,
            "hop": 2,
        },
        {
            "key": "Article:a1",
            "id": "a1",
            "label": "Article",
            "title": "ضربة",
            "outlet": "Example News",
            "published": "2024-01-05",
            "hop": 2,
        },
    ]
    edges = [
        {"source": "Actor:centcom", "target": "Event:e1", "type": "CARRIED_OUT", "props": {}},
        {"source": "Event:e1", "target": "Actor:iri", "type": "TARGETED", "props": {}},
        {"source": "Actor:iri", "target": "Statement:s1", "type": "MADE", "props": {}},
        {"source": "Event:e1", "target": "Place:baghdad", "type": "OCCURRED_AT", "props": {}},
        {
            "source": "Event:e1",
            "target": "Article:a1",
            "type": "REPORTED_IN",
            "props": {"killed": 1, "weapon": "drone"},
        },
    ]
    return SubGraph(nodes=nodes, edges=edges, center="Actor:iri")


def page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert m, "the page carries its graph as a JSON data block"
    return json.loads(m.group(1))


def scripts(page: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>\n", page, re.S)


def test_the_page_is_one_self_contained_file_that_fetches_nothing() -> None:
    page = render_html(sample())
    assert page.startswith("<!DOCTYPE html>")
    assert "vis.Network" in page and "DataSet" in page  # vis-network itself is inlined
    assert len(page) > 400_000
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", page, re.I)
    assert "https://cdn" not in page and "bootstrap" not in page


def test_hostile_names_and_quotes_never_become_markup() -> None:
    page = render_html(sample())
    assert "<script>window.__pwned" not in page
    assert "<img src=x onerror" not in page
    assert page.count("<script") - page.count('"<script>"+t') == 3  # data block, vis-network, the page's own
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in page  # the visible title shows the text
    data = page_data(page)  # and the data still holds the exact text for the canvas and the tooltips
    iri = next(n for n in data["nodes"] if n["id"] == "Actor:iri")
    assert iri["label"].startswith("Evil <script>")
    assert ["name", EVIL_NAME] in iri["tip"]
    statement = next(n for n in data["nodes"] if n["id"] == "Statement:s1")
    assert ["quote", EVIL_QUOTE] in statement["tip"]
    assert not any("title" in item for item in data["nodes"] + data["edges"])  # no HTML-string tooltips
    app_js = scripts(page)[-1]
    assert "textContent" in app_js and "innerHTML" not in app_js


def test_a_content_security_policy_admits_only_the_page_s_own_scripts() -> None:
    page = render_html(sample())
    csp = html.unescape(re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1))
    assert "default-src 'none'" in csp and "unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    bodies = scripts(page)
    assert len(bodies) == 2
    for body in bodies:
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_nodes_are_coloured_and_shaped_by_label_and_kind_with_a_legend() -> None:
    page = render_html(sample())
    nodes = {n["id"]: n for n in page_data(page)["nodes"]}
    assert nodes["Actor:centcom"]["shape"] == "dot"
    assert nodes["Actor:centcom"]["color"]["background"] == ACTOR_COLOURS["military"]
    assert nodes["Actor:iri"]["color"]["background"] == ACTOR_COLOURS["armed_group"]
    assert nodes["Event:e1"]["shape"] == "diamond"
    assert nodes["Event:e1"]["color"]["background"] == EVENT_COLOURS["airstrike"]
    assert nodes["Statement:s1"]["color"]["background"] == STATEMENT_COLOURS["claim_responsibility"]
    assert nodes["Place:baghdad"]["shape"] == "triangle"
    assert nodes["Place:baghdad"]["color"]["background"] == PLACE_COLOUR
    assert nodes["Article:a1"]["shape"] == "square"
    assert nodes["Actor:iri"]["borderWidth"] > nodes["Actor:centcom"]["borderWidth"]  # the centre stands out
    legend = page.split('<aside id="kg-legend"')[1].split("</aside>")[0]
    expected = (
        "Actors",
        "armed group",
        "military",
        "Events",
        "airstrike",
        "claim responsibility",
        "Places",
        "Articles",
    )
    for text in expected:
        assert text in legend
    assert "political party" not in legend  # only what the graph holds


def test_edges_are_labelled_by_type_and_carry_the_source_s_figures() -> None:
    edges = page_data(render_html(sample()))["edges"]
    report = next(e for e in edges if e["kg_type"] == "REPORTED_IN")
    assert report["label"] == "reported in" and report["arrows"] == "to"
    assert ["killed", "1"] in report["tip"] and ["weapon", "drone"] in report["tip"]
    assert {e["label"] for e in edges} >= {"carried out", "targeted", "made", "occurred at"}


def test_arabic_names_get_their_own_line_and_fonts_that_have_arabic_glyphs() -> None:
    page = render_html(sample())
    data = page_data(page)
    baghdad = next(n for n in data["nodes"] if n["id"] == "Place:baghdad")
    assert baghdad["label"] == "Baghdad\nبغداد"
    face = data["options"]["nodes"]["font"]["face"]
    assert "Arabic" in face and "DejaVu Sans" in face
    assert 'value.dir = "auto"' in page  # tooltip values keep their own direction
    assert '<meta charset="utf-8">' in page


def test_physics_stabilises_then_stops() -> None:
    page = render_html(sample())
    physics = page_data(page)["options"]["physics"]
    assert physics["enabled"] and physics["stabilization"]["enabled"]
    assert 0 < physics["stabilization"]["iterations"] <= 1000
    assert 'network.once("stabilizationIterationsDone"' in page and "physics: {enabled: false}" in page


def test_a_graph_above_the_cap_is_drawn_nearest_first_with_a_visible_note() -> None:
    many = SubGraph(
        nodes=[{"key": "Actor:hub", "id": "hub", "label": "Actor", "name": "Hub", "kind": "state", "hop": 0}]
        + [
            {
                "key": f"Event:e{i:03d}",
                "id": f"e{i:03d}",
                "label": "Event",
                "type": "attack",
                "date": "2024-01-01",
                "hop": 1 if i < 200 else 2,
            }
            for i in range(400)
        ],
        edges=[
            {"source": "Actor:hub", "target": f"Event:e{i:03d}", "type": "CARRIED_OUT", "props": {}} for i in range(400)
        ],
        center="Actor:hub",
    )
    page = render_html(many)
    data = page_data(page)
    assert len(data["nodes"]) == HTML_MAX_NODES
    drawn = {n["id"] for n in data["nodes"]}
    assert "Actor:hub" in drawn and "Event:e000" in drawn and "Event:e399" not in drawn
    assert all(e["from"] in drawn and e["to"] in drawn for e in data["edges"])
    note = re.search(r'<div id="kg-note" role="status">(.*?)</div>', page).group(1)
    assert f"nearest {HTML_MAX_NODES} of 401 nodes" in note
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 300
    many.truncated, many.note = True, "the store held more than was fetched"
    assert "holds even more" in render_html(many)


def test_a_truncated_subgraph_shows_its_own_note() -> None:
    sub = sample()
    sub.truncated, sub.note = True, "Showing the nearest 6 nodes only"
    assert "Showing the nearest 6 nodes only" in render_html(sub)
    assert 'id="kg-note"' not in render_html(sample())


@pytest.mark.parametrize("title", ["<b>bold</b>", "Nujaba & co"])
def test_a_given_title_is_escaped(title: str) -> None:
    page = render_html(sample(), title=title)
    assert f"<title>{title}</title>" not in page
    assert "&lt;b&gt;" in page or "&amp; co" in page
