"""Flatten `ArticleGraph`s into the rows the named write queries take.

Both stores write the same rows with the same queries, so what one holds the other holds too.
Rows are plain dicts with every property present (None where unknown), in write order: nodes
before the relationships that join them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from core.text import normalise
from graph.model import Actor, ArticleGraph, Place

#: Write query name for each kind of row, in the order they must run.
WRITE_ORDER: tuple[str, ...] = (
    "write.article",
    "write.actor",
    "write.place",
    "write.event",
    "write.statement",
    "write.published_by",
    "write.mentions_actor",
    "write.mentions_place",
    "write.event_reported_in",
    "write.statement_reported_in",
    "write.occurred_at",
    "write.located_in",
    "write.carried_out",
    "write.targeted",
    "write.made",
    "write.about",
    "write.addressed_to",
    "write.accuses",
    "write.member_of",
)


@dataclass
class GraphRows:
    """Rows per write query; duplicates (same key) collapse, the last one wins, except for
    events, where the first report fixes date and type as `ON CREATE` does in the store; a
    confidence is the highest any report gave, as the store keeps it."""

    rows: dict[str, dict[tuple, dict]] = field(default_factory=lambda: {name: {} for name in WRITE_ORDER})

    def add(self, query: str, row: dict, key: tuple | None = None) -> None:
        key = key if key is not None else (row.get("id"), row.get("src"), row.get("dst"))
        known = self.rows[query].get(key)
        if known is not None and "confidence" in row:
            row["confidence"] = _highest(known.get("confidence"), row["confidence"])
        if query == "write.event" and known is not None:
            known["confidence"] = row.get("confidence")
            return
        self.rows[query][key] = row

    def batches(self, size: int) -> Iterable[tuple[str, list[dict]]]:
        for name in WRITE_ORDER:
            values = list(self.rows[name].values())
            for i in range(0, len(values), size):
                yield name, values[i : i + size]

    def count(self) -> int:
        return sum(len(v) for v in self.rows.values())


def _highest(a: float | None, b: float | None) -> float | None:
    return b if a is None else a if b is None else max(a, b)


_normalise = lru_cache(maxsize=1 << 16)(normalise)  # the same names recur in every article


def search_key(*names: str | None) -> str:
    """One normalised string holding every name, so a CONTAINS search finds any of them."""
    return " | ".join(_normalise(n) for n in names if n)


def _actor_row(a: Actor) -> dict:
    return {
        "id": a.id,
        "name": a.name,
        "name_ar": a.name_ar,
        "kind": a.kind,
        "aliases": list(a.aliases),
        "wikidata": a.wikidata,
        "discovered": a.discovered,
        "search": search_key(a.name, a.name_ar, *a.aliases, *(m.text for m in a.mentions)),
    }


def _place_row(p: Place) -> dict:
    return {
        "id": p.id,
        "name": p.name,
        "name_ar": p.name_ar,
        "kind": p.kind,
        "lat": p.lat,
        "lon": p.lon,
        "wikidata": p.wikidata,
        "aliases": list(p.aliases),
        "search": search_key(p.name, p.name_ar, *p.aliases, *(m.text for m in p.mentions)),
    }


def to_rows(graphs: Iterable[ArticleGraph], reported_as: dict[tuple[str, str], list[str]] | None = None) -> GraphRows:
    """Rows of the graphs; `reported_as` gives, per (article id, event id), the keys its reports
    had before event identity joined them to that event (default: the event id itself)."""
    reported_as = reported_as or {}
    out = GraphRows()
    # The same gazetteer actors and places come with nearly every article: their rows are built once
    # per batch, from the last graph that has them (the row that would win), in first-seen order.
    last_actor: dict[str, Actor] = {}
    last_place: dict[str, Place] = {}
    for g in graphs:
        art = g.article
        out.add(
            "write.article",
            {
                "id": art.id,
                "file": art.file,
                "url": art.url,
                "title": art.title,
                "outlet": art.outlet,
                "published": art.published,
                "language": art.language,
                "ingested_at": g.ingested_at,
                "body": g.body,
            },
        )
        actor_ids = {a.id for a in g.actors} | {a.id for a in g.context_actors}
        place_ids = {p.id for p in g.places} | {p.id for p in g.context_places}
        for a in [*g.context_actors, *g.actors]:
            last_actor[a.id] = a
            for parent in a.member_of:
                if parent in actor_ids and parent != a.id:
                    out.add("write.member_of", {"src": a.id, "dst": parent})
        for p in [*g.context_places, *g.places]:
            last_place[p.id] = p
            for parent in p.located_in:
                if parent in place_ids and parent != p.id:
                    out.add("write.located_in", {"src": p.id, "dst": parent})
        for a in g.actors:
            out.add("write.mentions_actor", {"src": art.id, "dst": a.id, "count": max(1, len(a.mentions))})
        for p in g.places:
            out.add("write.mentions_place", {"src": art.id, "dst": p.id, "count": max(1, len(p.mentions))})
        if g.outlet_actor:
            out.add("write.published_by", {"src": art.id, "dst": g.outlet_actor})
        for e in g.events:
            out.add(
                "write.event",
                {
                    "id": e.id,
                    "type": e.type,
                    "date": e.date,
                    "date_precision": e.date_precision,
                    "time": e.time,
                    "summary": e.summary,
                    "confidence": e.confidence,
                    "date_basis": e.date_basis,
                },
            )
            out.add(
                "write.event_reported_in",
                {
                    "src": e.id,
                    "dst": art.id,
                    "start": e.evidence.start,
                    "end": e.evidence.end,
                    "sentence": e.evidence.text,
                    "weapon": e.weapon,
                    "count": e.count,
                    "killed": e.killed,
                    "injured": e.injured,
                    "confidence": e.confidence,
                    "reported_as": sorted(set(reported_as.get((art.id, e.id), [e.id]))),
                },
            )
            if e.place:
                out.add("write.occurred_at", {"src": e.id, "dst": e.place})
            roles = e.role_confidence
            for actor in e.perpetrators:
                confidence = roles.get("perpetrators", {}).get(actor)
                out.add("write.carried_out", {"src": actor, "dst": e.id, "confidence": confidence})
            for actor in e.targets:
                out.add(
                    "write.targeted", {"src": e.id, "dst": actor, "confidence": roles.get("targets", {}).get(actor)}
                )
        for s in g.statements:
            out.add(
                "write.statement",
                {
                    "id": s.id,
                    "kind": s.kind,
                    "date": s.date,
                    "date_precision": s.date_precision,
                    "quote": s.quote,
                    "text": s.evidence.text,
                    "language": s.language,
                    "confidence": s.confidence,
                    "search": search_key(s.quote, s.evidence.text),
                },
            )
            out.add(
                "write.statement_reported_in",
                {"src": s.id, "dst": art.id, "start": s.evidence.start, "end": s.evidence.end},
            )
            if s.speaker:
                out.add("write.made", {"src": s.speaker, "dst": s.id})
            if s.about_event:
                out.add("write.about", {"src": s.id, "dst": s.about_event})
            for actor in s.addressees:
                out.add("write.addressed_to", {"src": s.id, "dst": actor})
            for actor in s.accused:
                out.add("write.accuses", {"src": s.id, "dst": actor})
    for a in last_actor.values():
        out.add("write.actor", _actor_row(a))
    for p in last_place.values():
        out.add("write.place", _place_row(p))
    return out
