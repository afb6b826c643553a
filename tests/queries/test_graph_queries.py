"""Graph-shaped queries (neighbourhood, shortest path, search, export) answer alike on every backend.

Each test runs on LadybugDB and on a real Neo4j through the `store` fixture, and asserts the exact
answer, so a dialect difference that changes a result fails on one of them.
"""

from __future__ import annotations

import pytest

from core.errors import AmbiguousName, NotFound, QueryError
from graph.ids import article_id
from graph.model import Actor, ArticleGraph, ArticleMeta, Event, Evidence, Place
from graph.stores import GraphStore
from graph.subgraph import search, shortest_path, subgraph
from tests.factories import article_graph, strike_graph

CENTCOM = Actor(
    id="centcom",
    name="US Central Command",
    name_ar="القيادة المركزية الأمريكية",
    kind="military",
    aliases=["CENTCOM"],
    wikidata="Q1047845",
)
STRIKE_ID = "airstrike-2024-01-04-baghdad"
NODE_KEYS = {
    "label",
    "id",
    "name",
    "name_ar",
    "kind",
    "type",
    "date",
    "quote",
    "summary",
    "title",
    "published",
    "outlet",
    "url",
    "wikidata",
    "lat",
    "lon",
}


@pytest.fixture
def filled(store: GraphStore) -> GraphStore:
    store.write([article_graph(), strike_graph(CENTCOM)])
    return store


def keys(view) -> set[str]:
    return {n["key"] for n in view.nodes}


def edge_set(view) -> set[tuple[str, str, str]]:
    return {(e["source"], e["type"], e["target"]) for e in view.edges}


# -- neighbourhood -------------------------------------------------------------------------------------


def test_one_hop_around_an_actor_has_its_events_statements_and_groups_with_edge_directions(filled: GraphStore) -> None:
    view = subgraph(filled, "islamic-resistance-in-iraq", hops=1)
    claim = next(n for n in view.nodes if n["label"] == "Statement")
    assert view.center == "Actor:islamic-resistance-in-iraq"
    assert keys(view) == {
        "Actor:islamic-resistance-in-iraq",
        "Actor:harakat-al-nujaba",
        "Event:attack-2023-12-08-green-zone",
        claim["key"],
    }
    assert claim["kind"] == "claim_responsibility" and claim["quote"] == "استهدفنا السفارة"
    assert edge_set(view) == {
        ("Actor:harakat-al-nujaba", "MEMBER_OF", "Actor:islamic-resistance-in-iraq"),
        ("Actor:islamic-resistance-in-iraq", "CARRIED_OUT", "Event:attack-2023-12-08-green-zone"),
        ("Actor:islamic-resistance-in-iraq", "MADE", claim["key"]),
        (claim["key"], "ABOUT", "Event:attack-2023-12-08-green-zone"),  # between two nodes of the outer ring
    }
    assert not view.truncated and view.note is None
    assert [n["hop"] for n in view.nodes] == [0, 1, 1, 1]


def test_two_hops_reach_places_targets_and_source_articles_with_their_figures(filled: GraphStore) -> None:
    view = subgraph(filled, "harakat-al-nujaba", hops=2)
    ks = keys(view)
    assert {"Event:" + STRIKE_ID, "Actor:centcom", "Place:baghdad", "Event:attack-2023-12-08-green-zone"} <= ks
    assert sum(1 for k in ks if k.startswith("Article:")) == 1  # the strike's source article
    report = next(e for e in view.edges if e["type"] == "REPORTED_IN" and e["source"] == "Event:" + STRIKE_ID)
    assert report["props"] == {"killed": 1}
    assert all(n["hop"] <= 2 for n in view.nodes)
    baghdad = view.node("Place:baghdad")
    assert baghdad is not None and baghdad["lat"] == pytest.approx(33.3152) and baghdad["name_ar"] == "بغداد"


def test_articles_can_be_left_out(filled: GraphStore) -> None:
    view = subgraph(filled, "harakat-al-nujaba", hops=2, with_articles=False)
    assert not any(n["label"] == "Article" for n in view.nodes)
    assert not any(e["type"] == "REPORTED_IN" for e in view.edges)


def test_a_date_range_keeps_only_events_and_statements_inside_it(filled: GraphStore) -> None:
    assert "Event:" + STRIKE_ID in keys(subgraph(filled, "harakat-al-nujaba", hops=1))
    before = subgraph(filled, "harakat-al-nujaba", hops=2, until="2023-12")  # a month: all of December
    assert "Event:" + STRIKE_ID not in keys(before)
    assert "Event:attack-2023-12-08-green-zone" in keys(before)
    after = subgraph(filled, "harakat-al-nujaba", hops=2, since="2024-01-04", until="2024")
    assert "Event:" + STRIKE_ID in keys(after)
    assert "Event:attack-2023-12-08-green-zone" not in keys(after)
    assert not any(n["label"] in ("Event", "Statement") and n["date"] < "2024" for n in after.nodes)
    # the range compares spans: an event on 2024-01-04 lies inside "2024-01"
    assert "Event:" + STRIKE_ID in keys(subgraph(filled, "centcom", hops=1, since="2024-01", until="2024-01"))


def test_a_bad_date_range_is_refused(filled: GraphStore) -> None:
    with pytest.raises(QueryError, match="ISO date"):
        subgraph(filled, "centcom", since="04/01/2024")
    with pytest.raises(QueryError, match="after until"):
        subgraph(filled, "centcom", since="2024-02", until="2024-01")
    with pytest.raises(QueryError, match="hops"):
        subgraph(filled, "centcom", hops=4)


def test_the_node_cap_keeps_the_nearest_nodes_and_says_so(store: GraphStore) -> None:
    graphs = [
        article_graph(body=f"هجوم رقم {i} على المنطقة الخضراء.", event_date=f"2023-11-{i:02d}", file=f"{i}.txt")
        for i in range(1, 13)
    ]
    store.write(graphs)
    view = subgraph(store, "islamic-resistance-in-iraq", hops=2, max_nodes=6)
    assert len(view.nodes) == 6 and view.truncated
    assert view.note and "cap of 6" in view.note
    assert view.nodes[0]["key"] == "Actor:islamic-resistance-in-iraq"
    assert [n["hop"] for n in view.nodes] == sorted(n["hop"] for n in view.nodes)
    kept = keys(view)
    assert all(e["source"] in kept and e["target"] in kept for e in view.edges)


def test_an_actor_and_a_place_with_one_id_stay_two_nodes(store: GraphStore) -> None:
    body = "قصفت إيران موقعا داخل إيران."
    aid = article_id(body)
    iran_actor = Actor(id="iran", name="Iran", name_ar="إيران", kind="state")
    iran_place = Place(id="iran", name="Iran", name_ar="إيران", kind="country")
    store.write(
        [
            ArticleGraph(
                article=ArticleMeta(id=aid, file="iran.txt", published="2024-01-16"),
                body=body,
                actors=[iran_actor],
                places=[iran_place],
                events=[
                    Event(
                        id="strike-iran",
                        type="airstrike",
                        date="2024-01-16",
                        place="iran",
                        perpetrators=["iran"],
                        evidence=Evidence(start=0, end=len(body), text=body),
                    )
                ],
            )
        ]
    )
    view = subgraph(store, "iran", hops=2)
    assert view.center == "Actor:iran"
    assert {"Actor:iran", "Place:iran", "Event:strike-iran"} <= keys(view)
    assert ("Event:strike-iran", "OCCURRED_AT", "Place:iran") in edge_set(view)


def test_the_centre_may_be_a_name_an_event_or_a_place(filled: GraphStore) -> None:
    assert subgraph(filled, "حركة النجباء").center == "Actor:harakat-al-nujaba"
    assert subgraph(filled, "US Central Command").center == "Actor:centcom"
    event = subgraph(filled, STRIKE_ID, hops=1)
    assert event.center == "Event:" + STRIKE_ID
    assert {"Actor:centcom", "Actor:harakat-al-nujaba", "Place:baghdad"} <= keys(event)
    assert subgraph(filled, "baghdad", hops=0).nodes[0]["label"] == "Place"


def test_unknown_and_ambiguous_centres_are_errors(filled: GraphStore) -> None:
    with pytest.raises(NotFound, match="no-such-group"):
        subgraph(filled, "no-such-group")
    with pytest.raises(AmbiguousName, match="give one of these ids"):
        subgraph(filled, "ra")  # inside several names, none a better match than the others


def test_neighbourhood_rows_have_one_shape_on_every_backend(filled: GraphStore) -> None:
    rows = filled.query("neighbourhood", {"actors": ["centcom"], "places": [], "events": [], "statements": []})
    assert {r["type"] for r in rows} == {"CARRIED_OUT", "ACCUSES"}
    for row in rows:
        assert set(row) == {"from_label", "from_id", "type", "outgoing", "to_label", "to_id", "props"}
        assert set(row["props"]) == {"count", "weapon", "killed", "injured"}
    assert {(r["type"], r["outgoing"]) for r in rows} == {("CARRIED_OUT", True), ("ACCUSES", False)}
    ids = {"actors": [], "places": [], "events": [], "statements": [], "articles": []}
    for row in rows:
        ids[{"Actor": "actors", "Event": "events", "Statement": "statements"}[row["to_label"]]].append(row["to_id"])
    nodes = filled.query("graph_nodes", ids)
    assert sorted((n["node"]["label"], n["node"]["id"]) for n in nodes) == sorted(
        {(r["to_label"], r["to_id"]) for r in rows}
    )
    for row in nodes:
        assert set(row["node"]) == NODE_KEYS


# -- shortest path ---------------------------------------------------------------------------------------


def test_the_shortest_path_follows_the_fewest_relationships_in_order(filled: GraphStore) -> None:
    path = shortest_path(filled, "harakat-al-nujaba", "iraqi-government")
    assert path.found and len(path.graph.edges) == 3
    assert [n["label"] for n in path.graph.nodes] == ["Actor", "Event", "Statement", "Actor"]
    assert path.graph.nodes[1]["id"] == STRIKE_ID
    condemn = path.graph.nodes[2]["key"]
    # every step runs against the walk: the strike TARGETED al-Nujaba, the statement is ABOUT the strike, ...
    assert [(e["source"], e["type"], e["target"]) for e in path.graph.edges] == [
        ("Event:" + STRIKE_ID, "TARGETED", "Actor:harakat-al-nujaba"),
        (condemn, "ABOUT", "Event:" + STRIKE_ID),
        ("Actor:iraqi-government", "MADE", condemn),
    ]
    rows = filled.query("shortest_path", {"source": "harakat-al-nujaba", "target": "iraqi-government"})
    assert [(r["step"], r["type"], r["forward"]) for r in rows] == [
        (1, "TARGETED", False),
        (2, "ABOUT", False),
        (3, "MADE", False),
    ]
    assert set(rows[0]["from_node"]) == NODE_KEYS - {"title", "published", "outlet", "url"}


def test_paths_respect_the_length_cap_and_report_no_connection(filled: GraphStore) -> None:
    assert not shortest_path(filled, "harakat-al-nujaba", "iraqi-government", max_length=2).found
    unlinked = shortest_path(filled, "centcom", "example-news")  # an outlet is linked only by articles
    assert not unlinked.found and unlinked.as_dict()["length"] == 0 and "no chain" in unlinked.graph.note
    same = shortest_path(filled, "centcom", "CENTCOM")
    assert same.found and same.as_dict()["length"] == 0
    with pytest.raises(NotFound):
        shortest_path(filled, "centcom", "nobody-at-all")


# -- search ----------------------------------------------------------------------------------------------


def test_search_ranks_exact_then_prefix_then_contains(filled: GraphStore) -> None:
    hits = search(filled, "IRAQ")
    assert [(h["key"], h["match"]) for h in hits] == [
        ("Place:iraq", "exact"),
        ("Actor:iraqi-government", "prefix"),
        ("Actor:islamic-resistance-in-iraq", "contains"),
    ]


def test_search_normalises_arabic_spelling_and_diacritics(filled: GraphStore) -> None:
    assert search(filled, "حركة النجباء")[0]["key"] == "Actor:harakat-al-nujaba"
    assert search(filled, "حركة النجباء")[0]["match"] == "exact"
    assert search(filled, "النُّجَباء")[0]["key"] == "Actor:harakat-al-nujaba"  # with harakat
    assert search(filled, "المقاومة الاسلامية")[0]["key"] == "Actor:islamic-resistance-in-iraq"  # no hamza
    assert search(filled, "القيادة المركزية الأميركية") == []  # a different spelling is a different name
    assert [h["key"] for h in search(filled, "بغداد")] == ["Place:baghdad", "Actor:us-embassy-in-baghdad"]


def test_search_finds_aliases_and_pages(filled: GraphStore) -> None:
    assert search(filled, "centcom")[0].items() >= {"id": "centcom", "match": "exact", "wikidata": "Q1047845"}.items()
    everything = search(filled, "a", limit=100)
    assert len(everything) > 3
    assert search(filled, "a", limit=2, skip=1) == everything[1:3]
    assert search(filled, "zzzz") == []
    with pytest.raises(QueryError):
        search(filled, "\u064b  ")  # only a diacritic: nothing left to look for


# -- export ----------------------------------------------------------------------------------------------


def test_export_pages_cover_every_node_and_relationship_once(filled: GraphStore) -> None:
    status = filled.status()
    nodes, after = [], ""
    while True:
        page = filled.query("export_nodes", {"after": after, "limit": 4})
        nodes += page
        if len(page) < 4:
            break
        after = page[-1]["position"]
    edges = filled.query("export_edges", {"limit": 1000})
    assert len(nodes) == sum(status.nodes.values()) == len({(n["label"], n["id"]) for n in nodes})
    assert len(edges) == sum(status.relationships.values())
    centcom = next(n for n in nodes if n["id"] == "centcom")
    assert centcom["label"] == "Actor" and centcom["props"]["aliases"] == ["CENTCOM"]
    assert "body" not in centcom["props"] and "search" not in centcom["props"]
    strike_report = next(e for e in edges if e["type"] == "REPORTED_IN" and e["from_id"] == STRIKE_ID)
    assert strike_report["to_label"] == "Article" and strike_report["props"]["killed"] == 1
