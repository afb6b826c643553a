"""Three outlets' reports of the 8 December 2023 attack on the US embassy become one event.

Seeds 000-002 were all published that day; fed with that date (as a .jsonl would give it), and
written one article at a time as separate ingests would, they must join one Event whose three
REPORTED_IN edges keep each outlet's own weapon and count.
"""

from __future__ import annotations

from pathlib import Path

from graph.stores import GraphStore
from loaders.articles import article_from_record
from loaders.extract import extract_article
from tests.conftest import SHARED, skip_or_fail

SEEDS = SHARED / "seeds"


def seed(prefix: str) -> Path:
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        skip_or_fail(f"{SEEDS} is missing: the seed articles live beside the repository in ../shared")
    return found[0]


def test_three_reports_of_the_embassy_attack_are_one_event(store: GraphStore) -> None:
    graphs = []
    for prefix in ("000", "001", "002"):
        path = seed(prefix)
        record = {"text": path.read_text(encoding="utf-8"), "published": "2023-12-08"}
        graphs.append(extract_article(article_from_record(record, file=path.name)))
    for g in graphs:
        store.write([g])
    embassy_attacks = {
        e.id
        for g in graphs
        for e in g.events
        if e.type == "attack" and e.date == "2023-12-08" and "embassy" in (e.place or "")
    }
    assert embassy_attacks, "no report placed the attack at the embassy"
    reported = {event: store.query("event_sources", {"id": event}) for event in sorted(embassy_attacks)}
    reports = [r for rows in reported.values() for r in rows]
    assert sum(1 for rows in reported.values() if rows) == 1, "the three reports did not join one event"
    figures = sorted((r["weapon"], r["count"]) for r in reports)
    assert figures == [("mortar", 7), ("rocket", 2), ("rocket", 3)]
