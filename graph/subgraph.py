"""Graph-shaped views of the store: a neighbourhood, a shortest path, a name search.

The HTML page, the JSON twin, the CLI and the RDF/GraphML export all read the graph through these
functions, so every rendering shows the same nodes. A node is keyed `Label:id` because ids are only
unique within a label (the actor `iran` and the place `iran` are two nodes).

Why the neighbourhood is a breadth-first walk in Python rather than one variable-length Cypher
pattern: `-[*1..3]-` enumerates paths, and one hub (a country every event happened in) multiplies
them into millions; a hop-by-hop walk touches each node once and can stop at a node cap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from core.errors import NotFound, QueryError
from core.event_types import codes
from core.text import normalise
from graph.known import EVER, AsOf
from graph.names import resolve
from graph.stores.base import GraphStore

MAX_HOPS = 3
MAX_NODES = 1000
DEFAULT_MAX_NODES = 300
MAX_PATH_LENGTH = 6  # the fixed bound inside queries/shortest_path.cypher

#: Labels a neighbourhood walk expands from; articles are shown as sources but never expanded.
EXPANDABLE = ("Actor", "Place", "Event", "Statement")
_LABEL_PARAM = {
    "Actor": "actors",
    "Place": "places",
    "Event": "events",
    "Statement": "statements",
    "Article": "articles",
}
_LABEL_ORDER = {"Actor": 0, "Place": 1, "Event": 2, "Statement": 3, "Article": 4}
_ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def node_key(label: str, node_id: str) -> str:
    return f"{label}:{node_id}"


def _clean(values: dict[str, Any]) -> dict[str, Any]:
    """Drop unknown (null) properties: the stores differ in whether they report them at all."""
    return {k: v for k, v in values.items() if v is not None}


@dataclass
class SubGraph:
    """Nodes and edges of one view. Edges refer to nodes by `key`; `hop` is the distance from the centre."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False
    note: str | None = None
    center: str | None = None  # key of the centre node, when there is one

    def node(self, key: str) -> dict[str, Any] | None:
        return next((n for n in self.nodes if n["key"] == key), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "center": self.center,
            "nodes": self.nodes,
            "edges": self.edges,
            "truncated": self.truncated,
            "note": self.note,
            "counts": {"nodes": len(self.nodes), "edges": len(self.edges)},
        }


def _node(row: dict[str, Any], hop: int | None = None) -> dict[str, Any]:
    props = _clean(row)
    label, node_id = props.pop("label"), props.pop("id")
    node = {"key": node_key(label, node_id), "id": node_id, "label": label, **props}
    if label == "Event":  # the export codes of its type, from core/data/event_types.toml
        node.update(codes(node.get("type")))
    if hop is not None:
        node["hop"] = hop
    return node


def _edge(source: str, target: str, row: dict[str, Any]) -> dict[str, Any]:
    return {"source": source, "target": target, "type": row["type"], "props": _clean(row["props"])}


def _real_day(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    if not _ISO_DATE.match(value) or (len(value) == 10 and not _real_day(value)):
        raise QueryError(f"{name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not {value!r}")
    return value


def search(store: GraphStore, text: str, limit: int = 20, skip: int = 0, known: AsOf = EVER) -> list[dict[str, Any]]:
    """Actors and places by Arabic or English name or alias, best match first.

    The text is normalised here exactly as names were when written (`graph.rows.search_key`), so
    hamza, ta marbuta, diacritics and letter case do not matter.
    """
    q = normalise(text or "")
    if not q:
        raise QueryError("the search text is empty; give a name in Arabic or English")
    rows = store.query("search", {"q": q, "skip": skip, "limit": limit, **known.params()})
    return [{**_clean(r), "key": node_key(r["label"], r["id"])} for r in rows]


def resolve_node(store: GraphStore, text: str, labels: tuple[str, ...] = EXPANDABLE) -> dict[str, Any]:
    """The node `text` names (an id, or a name as `graph.names` resolves it), as a graph view shows it."""
    label, node_id = resolve(store, text, labels)
    for row in store.query("graph_node", {"id": node_id}):
        if row["node"]["label"] == label:
            return _node(row["node"])
    raise NotFound(f"{label} {node_id!r} vanished while it was being looked up; try again")


def _ids_by_label(keys: list[tuple[str, str]], labels: tuple[str, ...]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {_LABEL_PARAM[label]: [] for label in labels}
    for label, node_id in keys:
        if label in labels:
            params[_LABEL_PARAM[label]].append(node_id)
    return params


def _read_properties(
    store: GraphStore, nodes: dict[str, dict[str, Any]], edges: dict[tuple[str, str, str], dict[str, Any]]
) -> None:
    """Fill in the nodes a hop has just kept (known by label and id only) with what a view shows.

    The hop query returns ids only: around a hub it returns four times the cap in rows, most of
    them left out, and reading every property of those was most of its cost. A node retracted in
    between is dropped with its edges.
    """
    bare = [(n["label"], n["id"]) for n in nodes.values() if "key" not in n]
    if not bare:
        return
    found: dict[str, dict[str, Any]] = {}
    for row in store.query("graph_nodes", _ids_by_label(bare, (*EXPANDABLE, "Article"))):
        found[node_key(row["node"]["label"], row["node"]["id"])] = row["node"]
    for label, node_id in bare:
        key = node_key(label, node_id)
        if key in found:
            nodes[key] = _node(found[key], nodes[key]["hop"])
        else:
            del nodes[key]
            for edge in [e for e in edges if key in e[:2]]:
                del edges[edge]


def subgraph(
    store: GraphStore,
    center: str,
    hops: int = 1,
    since: str | None = None,
    until: str | None = None,
    max_nodes: int = DEFAULT_MAX_NODES,
    with_articles: bool = True,
    known: AsOf = EVER,
    min_confidence: float | None = None,
) -> SubGraph:
    """The nodes within `hops` of `center` (an id or a name) and the edges among them.

    Nearer nodes are kept first when the cap bites (`truncated`, with a `note` that says so); within
    one hop, events, statements, actors and places before articles, then by the frontier node they
    hang off (label, id), the relationship type, their label and id: a fixed order, so the same
    store always shows the same nodes around a hub. Once the cap is reached no further hop is
    expanded; the edges among the nodes kept are still all shown. With a
    date range, events and statements outside it are left out, and so is what only they connected;
    with `min_confidence`, so are events, statements and roles extracted with less confidence.
    """
    if not 0 <= hops <= MAX_HOPS:
        raise QueryError(f"hops must be between 0 and {MAX_HOPS}, not {hops}")
    if not 1 <= max_nodes <= MAX_NODES:
        raise QueryError(f"max_nodes must be between 1 and {MAX_NODES}, not {max_nodes}")
    since, until = _check_date(since, "since"), _check_date(until, "until")
    if since and until and since > until and not since.startswith(until):  # 2023-12-05 .. 2023-12 is fine
        raise QueryError(f"since ({since}) is after until ({until})")

    start = resolve_node(store, center, labels=(*EXPANDABLE, "Article"))
    start["hop"] = 0
    nodes: dict[str, dict[str, Any]] = {start["key"]: start}
    edges: dict[tuple[str, str, str], dict[str, Any]] = {}
    truncated = False
    frontier = [(start["label"], start["id"])] if start["label"] in EXPANDABLE else []
    row_limit = max(4 * max_nodes, 200)

    for hop in range(1, hops + 1):
        if not frontier:
            break
        if truncated and len(nodes) >= max_nodes:
            # The cap is reached and known to bite: a further hop could add no node, and the edges it
            # would find among the nodes kept are the ones `neighbourhood_edges` finds below. Around a
            # hub this skips expanding hundreds of nodes for nothing.
            break
        rows = store.query(
            "neighbourhood",
            {
                **_ids_by_label(frontier, EXPANDABLE),
                "since": since,
                "until": until,
                "min_confidence": min_confidence,
                "with_articles": with_articles,
                "limit": row_limit,
                **known.params(),
            },
        )
        if sum(r["outgoing"] for r in rows) >= row_limit or sum(not r["outgoing"] for r in rows) >= row_limit:
            truncated = True
        # Nearest first is the BFS order; within a hop articles come last, being the least telling.
        rows.sort(
            key=lambda r: (
                r["to_label"] == "Article",
                r["from_label"],
                r["from_id"],
                r["type"],
                r["to_label"],
                r["to_id"],
            )
        )
        next_frontier: list[tuple[str, str]] = []
        for row in rows:
            here = node_key(row["from_label"], row["from_id"])
            there = node_key(row["to_label"], row["to_id"])
            if there not in nodes:
                if len(nodes) >= max_nodes:
                    truncated = True
                    continue
                nodes[there] = {"label": row["to_label"], "id": row["to_id"], "hop": hop}  # read below
                if row["to_label"] in EXPANDABLE:
                    next_frontier.append((row["to_label"], row["to_id"]))
            source, target = (here, there) if row["outgoing"] else (there, here)
            edges.setdefault((source, target, row["type"]), _edge(source, target, row))
        frontier = next_frontier
        _read_properties(store, nodes, edges)

    # Close the picture: relationships between nodes that were reached on the same (outermost) ring.
    if len(nodes) > 1:
        keys = [(n["label"], n["id"]) for n in nodes.values()]
        params = {
            **_ids_by_label(keys, (*EXPANDABLE, "Article")),
            "min_confidence": min_confidence,
            "limit": 20 * max_nodes,
        }
        for row in store.query("neighbourhood_edges", params):
            source = node_key(row["from_label"], row["from_id"])
            target = node_key(row["to_label"], row["to_id"])
            if source in nodes and target in nodes:
                edges.setdefault((source, target, row["type"]), _edge(source, target, row))

    ordered = sorted(nodes.values(), key=lambda n: (n["hop"], _LABEL_ORDER.get(n["label"], 9), n["id"]))
    note = None
    if truncated:
        note = (
            f"Showing the nearest {len(ordered)} nodes only: the {hops}-hop neighbourhood of {start['id']} is larger "
            f"than the cap of {max_nodes}. Use fewer hops, a date range (since/until) or a higher max_nodes."
        )
    return SubGraph(
        nodes=ordered,
        edges=sorted(edges.values(), key=lambda e: (e["source"], e["type"], e["target"])),
        truncated=truncated,
        note=note,
        center=start["key"],
    )


@dataclass
class Path:
    """The steps of a shortest path, as a SubGraph whose nodes are in path order."""

    source: dict[str, Any]
    target: dict[str, Any]
    graph: SubGraph

    @property
    def found(self) -> bool:
        return bool(self.graph.edges) or self.source["key"] == self.target["key"]

    def as_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "found": self.found,
            "length": len(self.graph.edges),
            "nodes": self.graph.nodes,
            "edges": self.graph.edges,
            "note": self.graph.note,
        }


def shortest_path(
    store: GraphStore,
    source: str,
    target: str,
    max_length: int = MAX_PATH_LENGTH,
    known: AsOf = EVER,
    min_confidence: float | None = None,
) -> Path:
    """How two actors (ids or names) connect: the fewest relationships, at most `max_length` (6),
    through events and statements known at `known` and at least `min_confidence` sure."""
    if not 1 <= max_length <= MAX_PATH_LENGTH:
        raise QueryError(f"max_length must be between 1 and {MAX_PATH_LENGTH}, not {max_length}")
    a = resolve_node(store, source, labels=("Actor",))
    b = resolve_node(store, target, labels=("Actor",))
    if a["key"] == b["key"]:
        same = "source and target are the same actor"
        return Path(a, b, SubGraph(nodes=[{**a, "hop": 0}], center=a["key"], note=same))
    params = {"source": a["id"], "target": b["id"], "min_confidence": min_confidence, **known.params()}
    rows = store.query("shortest_path", params)
    if not rows or len(rows) > max_length:
        note = f"no chain of at most {max_length} relationships links {a['id']} and {b['id']}"
        return Path(a, b, SubGraph(nodes=[{**a, "hop": 0}, b], center=a["key"], note=note))
    nodes = [_node(rows[0]["from_node"], 0)]
    edges = []
    for row in rows:
        here = nodes[-1]
        there = _node(row["to_node"], row["step"])
        nodes.append(there)
        source_key, target_key = (here["key"], there["key"]) if row["forward"] else (there["key"], here["key"])
        edges.append(
            {"source": source_key, "target": target_key, "type": row["type"], "props": {}, "step": row["step"]}
        )
    return Path(a, b, SubGraph(nodes=nodes, edges=edges, center=a["key"]))
