"""`kg query` and `kg viz` take min_confidence and as_of as the API does, on a LadybugDB file.

The graph is `graded_story()`: the Green Zone attack (2023-12-08) was extracted with confidence
0.4, Kataib Hezbollah's threat with 0.3, everything else with 0.9 or more.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.settings import Settings, get_settings
from graph.stores import make_store
from tests.factories import IRI, graded_story

runner = CliRunner()
GREEN_ZONE_ATTACK = "attack-2023-12-08-green-zone"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    path = tmp_path / "graph.lbug"
    with make_store(Settings(backend="ladybug", db_path=path)) as store:
        for graph in graded_story():
            store.write([graph])
    monkeypatch.setenv("KG_BACKEND", "ladybug")
    monkeypatch.setenv("KG_DB_PATH", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


def rows(*args: str) -> list[dict]:
    result = runner.invoke(app, ["query", *args, "-f", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_kg_query_filters_events_and_statements_by_min_confidence(db: Path) -> None:
    assert GREEN_ZONE_ATTACK in [r["id"] for r in rows("timeline", "-p", "min_confidence=0.4")]
    assert GREEN_ZONE_ATTACK not in [r["id"] for r in rows("timeline", "-p", "min_confidence=0.6")]
    assert [r["kind"] for r in rows("statements", "-p", "kind=threaten", "-p", "min_confidence=0.3")] == ["threaten"]
    assert rows("statements", "-p", "kind=threaten", "-p", "min_confidence=0.6") == []
    listing = {r["name"]: r["params"] for r in rows()}
    for name in ("claims", "timeline", "statements", "relationships", "shortest_path"):
        assert "min_confidence" in listing[name] and "as_of" in listing[name], name


def test_kg_query_shortest_path_as_known_at_a_time(db: Path) -> None:
    path = ["-p", f"source={IRI.id}", "-p", "target=us-embassy-in-baghdad"]
    assert [r["to_node"]["id"] for r in rows("shortest_path", *path)] == [GREEN_ZONE_ATTACK, "us-embassy-in-baghdad"]
    assert rows("shortest_path", *path, "-p", "as_of=2023-12-07") == []
    assert rows("shortest_path", *path, "-p", "as_of=2022") == []  # a year is a date, not the number 2022
    assert len(rows("shortest_path", *path, "-p", "as_of=2023")) == 2  # and all of 2023 counts
    assert len(rows("timeline", "-p", "as_of=2023-12-08T12:00+03:00")) == 1  # a time with a zone, as the API takes
    bad = runner.invoke(app, ["query", "timeline", "-p", "as_of=last week"])
    assert bad.exit_code != 0 and "as_of" in bad.output


def test_kg_viz_leaves_out_a_weak_event_above_its_confidence(db: Path, tmp_path: Path) -> None:
    for threshold, shown in (("0.4", True), ("0.6", False)):
        out = tmp_path / f"graph-{threshold}.html"
        result = runner.invoke(app, ["viz", "-a", IRI.id, "--min-confidence", threshold, "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert (GREEN_ZONE_ATTACK in out.read_text(encoding="utf-8")) is shown
    out = tmp_path / "before.html"
    result = runner.invoke(app, ["viz", "-a", IRI.id, "--as-of", "2023-12-07", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert GREEN_ZONE_ATTACK not in out.read_text(encoding="utf-8")


def test_kg_query_takes_actor_and_place_names_as_the_api_does(db: Path) -> None:
    """Issue 11: `kg query timeline -p actor=النجباء` answered "no rows"; names resolve as in the API."""
    by_id = [r["id"] for r in rows("timeline", "-p", f"actor={IRI.id}")]
    assert by_id and [r["id"] for r in rows("timeline", "-p", "actor=المقاومة الإسلامية في العراق")] == by_id
    assert [r["id"] for r in rows("timeline", "-p", "actor=Islamic Resistance in Iraq")] == by_id
    assert [r["id"] for r in rows("timeline", "-p", "place=بغداد")] == [
        r["id"] for r in rows("timeline", "-p", "place=baghdad")
    ]
    path = rows("shortest_path", "-p", "source=المقاومة الإسلامية في العراق", "-p", "target=us-embassy-in-baghdad")
    assert [r["to_node"]["id"] for r in path] == [GREEN_ZONE_ATTACK, "us-embassy-in-baghdad"]
    nujaba = rows("relationships", "-p", "actor=النجباء")  # the example of the issue
    assert [(r["source_id"], r["type"], r["target_id"]) for r in nujaba] == [("harakat-al-nujaba", "member_of", IRI.id)]
    unknown = runner.invoke(app, ["query", "timeline", "-p", "actor=nobody at all"])
    assert unknown.exit_code != 0 and "nobody at all" in unknown.output
