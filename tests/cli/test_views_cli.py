"""`kg viz` and `kg export` against a LadybugDB file in a temporary directory."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from typer.testing import CliRunner

from api.cli import app
from graph.settings import Settings, get_settings
from graph.stores import make_store
from tests.factories import article_graph

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A filled store at KG_DB_PATH in tmp, closed again so the command opens it the way a user would."""
    path = tmp_path / "graph.lbug"
    with make_store(Settings(backend="ladybug", db_path=path)) as store:
        store.write([article_graph()])
    monkeypatch.setenv("KG_BACKEND", "ladybug")
    monkeypatch.setenv("KG_DB_PATH", str(path))
    get_settings.cache_clear()
    yield path
    get_settings.cache_clear()


def test_viz_writes_one_page_around_an_actor_given_by_arabic_name(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    result = runner.invoke(app, ["viz", "--actor", "حركة النجباء", "--hops", "2", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "harakat-al-nujaba" in result.output and str(out) in result.output
    page = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1))
    assert {"Actor:harakat-al-nujaba", "Actor:islamic-resistance-in-iraq", "Event:attack-2023-12-08-green-zone"} <= {
        n["id"] for n in data["nodes"]
    }


def test_viz_takes_a_date_range_and_the_db_option(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "later.html"
    result = runner.invoke(
        app, ["viz", "-a", "islamic-resistance-in-iraq", "--since", "2024-01", "--db", str(db), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(re.search(r'id="kg-data">(.*?)</script>', out.read_text(encoding="utf-8"), re.S).group(1))
    assert [n["id"] for n in data["nodes"]] == ["Actor:islamic-resistance-in-iraq", "Actor:harakat-al-nujaba"]


def test_viz_says_when_the_actor_is_unknown(db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["viz", "--actor", "no-such-group", "-o", str(tmp_path / "x.html")])
    assert result.exit_code == 1
    assert "no-such-group" in result.output
    assert not (tmp_path / "x.html").exists()


def test_export_prints_turtle_to_standard_output(db: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "ttl"])
    assert result.exit_code == 0, result.output
    g = Graph().parse(data=result.stdout, format="turtle")
    assert len(g) > 50 and any("Q123574472" in str(o) for o in g.objects())


def test_export_writes_json_ld_and_graphml_files(db: Path, tmp_path: Path) -> None:
    jsonld, graphml = tmp_path / "kg.jsonld", tmp_path / "kg.graphml"
    assert runner.invoke(app, ["export", "-f", "jsonld", "-o", str(jsonld)]).exit_code == 0
    assert len(Graph().parse(jsonld, format="json-ld")) > 50
    assert runner.invoke(app, ["export", "-f", "graphml", "-o", str(graphml)]).exit_code == 0
    g = nx.read_graphml(io.BytesIO(graphml.read_bytes()))
    assert g.nodes["Actor:islamic-resistance-in-iraq"]["label"] == "Islamic Resistance in Iraq"


def test_export_refuses_an_unknown_format(db: Path) -> None:
    result = runner.invoke(app, ["export", "--format", "rdfxml"])
    assert result.exit_code == 2
    assert "ttl, jsonld, graphml" in result.output


def test_query_takes_actor_names_as_the_api_does(db: Path) -> None:
    by_name = runner.invoke(app, ["query", "claims", "--param", "actor=المقاومة الإسلامية", "-f", "json"])
    assert by_name.exit_code == 0, by_name.output
    by_id = runner.invoke(app, ["query", "claims", "--param", "actor=islamic-resistance-in-iraq", "-f", "json"])
    rows = json.loads(by_name.output)
    assert rows and rows == json.loads(by_id.output)
    assert {r["claimant_id"] for r in rows} == {"islamic-resistance-in-iraq"}
    unknown = runner.invoke(app, ["query", "claims", "--param", "actor=nobody at all"])
    assert unknown.exit_code == 1 and "no actor with the id or name 'nobody at all'" in unknown.output
