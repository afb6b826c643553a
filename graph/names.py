"""Names to ids: the one rule every route, page and CLI command uses to find what a user meant.

A user may give an id (`harakat-al-nujaba`), an English or Arabic name or alias ("Nujaba",
"النجباء"), folded as the stored names were (`core.text.normalise`). The rule, in order:

1. an exact id of a node with one of the wanted labels (an actor before a place of the same id);
2. else the names that match best: a whole name or alias beats a name that starts with the text,
   which beats the text anywhere inside a name (the `rank` the name queries return);
3. one best match is the answer; among several, a single actor wins over places (the state
   "إيران" before the country); otherwise `AmbiguousName` lists the candidates, and no match at
   all is `NotFound`.

`/claims?actor=`, `/graph.json?actor=`, `/paths`, `kg query --param actor=` and `kg viz --actor`
all come here, so one name never resolves two ways.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from core.errors import AmbiguousName, NotFound
from core.text import normalise
from graph.stores.base import GraphStore

#: The named query that finds nodes of a label by name, for the labels that have names.
_BY_NAME = {"Actor": "actors_by_name", "Place": "places_by_name"}
#: The named query that finds a node of such a label by its exact id (a primary-key look-up).
_BY_ID = {"Actor": "actor_by_id", "Place": "place_by_id"}
#: Labels whose nodes have only ids (found by step 1 alone).
_ID_ONLY = ("Event", "Statement", "Article")
#: Candidates fetched per label: enough to see every equally good match of a real name.
_CANDIDATES = 25
#: Parameters of named queries that hold an actor or a place, as `kg query` takes them by name.
ENTITY_PARAMS: dict[str, str] = {
    "actor": "Actor",
    "speaker": "Actor",
    "source": "Actor",
    "target": "Actor",
    "place": "Place",
}

#: Which node an id names first when several labels share it (as the `graph_node` query orders them).
_NODE_ORDER = {"Actor": 0, "Place": 1, "Event": 2, "Statement": 3, "Article": 4}


def _noun(labels: Sequence[str]) -> str:
    return {"Actor": "actor", "Place": "place"}.get(labels[0], "name") if len(labels) == 1 else "name"


def resolve(store: GraphStore, text: str, labels: Sequence[str] = ("Actor", "Place")) -> tuple[str, str]:
    """The (label, id) that `text` stands for among nodes with these labels; see the module's rule.

    Kept by the store's read model, when it has one, while the graph is unchanged (a name that
    finds nothing, or too much, is asked again)."""
    model = store.read_model
    if model is None:
        return _resolve(store, text, labels)
    return model.get(model.state(), ("name", text.strip(), tuple(labels)), lambda: _resolve(store, text, labels))


def _resolve(store: GraphStore, text: str, labels: Sequence[str]) -> tuple[str, str]:
    name = text.strip()
    if any(label in _ID_ONLY for label in labels):
        rows = store.query("graph_node", {"id": name})
        # An actor before a place of the same id; sorted here because a store may answer label by label.
        for row in sorted(rows, key=lambda r: _NODE_ORDER.get(r["node"]["label"], len(_NODE_ORDER))):
            if row["node"]["label"] in labels:
                return row["node"]["label"], row["node"]["id"]
    # Step 1 by primary key first: an id needs no scan of every name (the name queries would find
    # it too, ranked first, but only after reading them all).
    for label in labels:
        if label in _BY_ID and name and store.query(_BY_ID[label], {"id": name}):
            return label, name
    key = normalise(name)
    found: list[dict[str, Any]] = []
    for label in labels:
        if label in _BY_NAME and name:
            rows = store.query(_BY_NAME[label], {"name": name, "key": key or name, "limit": _CANDIDATES})
            found += [{**r, "label": label} for r in rows]
    exact = [r for r in found if r["exact_id"]]
    if exact:
        return exact[0]["label"], exact[0]["id"]
    if not found:
        raise NotFound(
            f"no {_noun(labels)} with the id or name {text!r}; "
            "find ids by name with GET /search?q=... or `kg query search --param q=...`"
        )
    best_rank = min(r["rank"] for r in found)
    best = [r for r in found if r["rank"] == best_rank]
    actors = [r for r in best if r["label"] == "Actor"]
    if len(best) > 1 and len(actors) == 1:
        best = actors
    if len(best) > 1:
        raise AmbiguousName(
            _noun(labels), text, [{"id": r["id"], "name": r.get("name") or r.get("name_ar")} for r in best]
        )
    return best[0]["label"], best[0]["id"]


def resolve_actor(store: GraphStore, text: str) -> str:
    """The actor id for an id or an English/Arabic name; NotFound or AmbiguousName otherwise."""
    return resolve(store, text, ("Actor",))[1]


def resolve_place(store: GraphStore, text: str) -> str:
    """The place id for an id or an English/Arabic name; NotFound or AmbiguousName otherwise."""
    return resolve(store, text, ("Place",))[1]


def resolve_params(store: GraphStore, params: dict[str, Any]) -> dict[str, Any]:
    """Named-query parameters as a user types them, made what the queries expect: actor and place
    names become ids (as the API's filters do), search text `q` is normalised as stored text is."""
    out = dict(params)
    for param, label in ENTITY_PARAMS.items():
        if isinstance(out.get(param), str):
            out[param] = resolve(store, out[param], (label,))[1]
    if isinstance(out.get("q"), str):
        out["q"] = normalise(out["q"]) or None
    return out
