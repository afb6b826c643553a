"""Claim latency: for each actor the days from an event to its claim or denial, for each outlet the
days to its first report, and for each event who spoke first and how long after.

No other tool shows this because none keeps the four times apart: an event's date (happened), a
statement's date (said), an article's date (published). Only day-precision dates are measured
(a month says nothing about hours or days); a claim whose text gives no date is timed by the first
publication reporting it.
"""

from __future__ import annotations

import statistics
from datetime import date
from typing import Any

from graph.known import EVER, AsOf
from graph.stores.base import GraphStore


def _day(value: str | None) -> date | None:
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _days(start: str | None, end: str | None) -> int | None:
    a, b = _day(start), _day(end)
    return (b - a).days if a and b else None


def _whole(value: float) -> float | int:
    """2.0 as 2: days read better without a decimal point that carries nothing."""
    return int(value) if float(value).is_integer() else value


def summary(values: list[int]) -> dict[str, Any]:
    """Median, spread (interquartile range when there are four or more, else max - min), extremes."""
    ordered = sorted(values)
    if len(ordered) >= 4:
        q = statistics.quantiles(ordered, n=4)
        spread = q[2] - q[0]
    else:
        spread = ordered[-1] - ordered[0]
    return {
        "n": len(ordered),
        "median": _whole(statistics.median(ordered)),
        "spread": _whole(spread),
        "fastest": ordered[0],
        "slowest": ordered[-1],
    }


def latency(store: GraphStore, known: AsOf = EVER) -> dict[str, Any]:
    """Per actor, per outlet and per event latency figures, as known at `known`."""
    claims = store.query("claim_latency", known.params())
    reports = store.query("report_latency", known.params())
    by_actor: dict[str, dict[str, Any]] = {}
    events: dict[str, dict[str, Any]] = {}
    for r in claims:
        days = _days(r["event_date"], r["said"] or r["first_published"])
        event = events.setdefault(
            r["event_id"],
            {"id": r["event_id"], "type": r["event_type"], "date": r["event_date"], "claims": [], "reports": []},
        )
        actor = {"id": r["actor_id"], "name": r["actor_name"], "name_ar": r["actor_name_ar"]}
        event["claims"].append(
            {"actor": actor, "kind": r["kind"], "said": r["said"], "published": r["first_published"], "days": days}
        )
        if days is not None:
            by_actor.setdefault(r["actor_id"], {"actor": actor, "days": [], "events": set()})
            by_actor[r["actor_id"]]["days"].append(days)
            by_actor[r["actor_id"]]["events"].add(r["event_id"])
    by_outlet: dict[str, list[int]] = {}
    for r in reports:
        days = _days(r["event_date"], r["first_published"])
        event = events.setdefault(
            r["event_id"],
            {"id": r["event_id"], "type": r["event_type"], "date": r["event_date"], "claims": [], "reports": []},
        )
        event["reports"].append({"outlet": r["outlet"], "published": r["first_published"], "days": days})
        if days is not None:
            by_outlet.setdefault(r["outlet"], []).append(days)
    for event in events.values():
        event["claims"].sort(key=lambda c: (c["days"] is None, c["days"] or 0, c["actor"]["id"]))
        event["reports"].sort(key=lambda c: (c["days"] is None, c["days"] or 0, c["outlet"]))
        timed = [c for c in event["claims"] if c["days"] is not None]
        event["first_claim"] = timed[0] if timed else None
    actors = [{"actor": v["actor"], "events": len(v["events"]), **summary(v["days"])} for v in by_actor.values()]
    outlets = [{"outlet": k, **summary(v)} for k, v in by_outlet.items()]
    return {
        "actors": sorted(actors, key=lambda a: (a["median"], a["actor"]["id"])),
        "outlets": sorted(outlets, key=lambda o: (o["median"], o["outlet"])),
        "events": sorted(events.values(), key=lambda e: (e["date"] or "", e["id"]), reverse=True),
    }
