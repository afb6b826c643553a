"""`kg ingest --workers N` and `kg ingest --dask ADDRESS` store exactly the graph a serial run stores.

The corpus is the benchmark's synthetic news, where most events are reported by several outlets,
so the graph depends on event identity across articles, which depends on the order reports are
written in: a parallel run that reordered them would give another graph.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from benchmarks.corpus import write_corpus
from graph.rdf import read_all
from graph.settings import Settings
from graph.stores import make_store

runner = CliRunner()


pytestmark = pytest.mark.usefixtures("fresh_settings")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder / "news.jsonl", 40, seed=9)
    (folder / "broken.json").write_text("{ not json", encoding="utf-8")
    return folder


def graph_at(db: Path) -> tuple[list, list]:
    """Every node and relationship with its properties, but the ingest time (not the same twice)."""
    with make_store(Settings(backend="ladybug", db_path=db)) as store:
        nodes, edges = read_all(store)
    for n in nodes:
        n["props"].pop("ingested_at", None)
    key = repr
    return sorted(nodes, key=key), sorted(edges, key=key)


def ingest(corpus: Path, db: Path, *options: str) -> str:
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--batch", "7", *options])
    assert result.exit_code == 3, result.output  # stored, but broken.json was refused
    assert "40 article(s) stored" in result.output and "broken.json" in result.output
    return result.output


@pytest.fixture(scope="module")
def serial_graph(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[list, list]:
    db = tmp_path_factory.mktemp("serial") / "g.lbug"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--batch", "7"])
    assert result.exit_code == 3, result.output  # stored, but broken.json was refused
    nodes, edges = graph_at(db)
    assert sum(1 for n in nodes if n["label"] == "Event") < sum(
        1 for e in edges if e["type"] == "REPORTED_IN" and e["from_label"] == "Event"
    ), "the corpus should have events reported more than once"
    return nodes, edges


def test_two_workers_store_the_serial_graph(corpus: Path, serial_graph: tuple, tmp_path: Path) -> None:
    ingest(corpus, tmp_path / "g.lbug", "--workers", "2")
    assert graph_at(tmp_path / "g.lbug") == serial_graph


def test_a_dask_cluster_stores_the_serial_graph(corpus: Path, serial_graph: tuple, tmp_path: Path) -> None:
    from distributed import LocalCluster

    # Worker processes of their own, reached over TCP, as a cluster on other machines would be.
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, protocol="tcp", host="127.0.0.1", dashboard_address=None
    ) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        ingest(corpus, tmp_path / "g.lbug", "--dask", cluster.scheduler_address)
    assert graph_at(tmp_path / "g.lbug") == serial_graph


def test_an_unreachable_scheduler_is_a_clear_error(corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["ingest", str(corpus), "--db", str(tmp_path / "g.lbug"), "--dask", "tcp://127.0.0.1:9"]
    )
    assert result.exit_code != 0
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in result.output


def test_workers_and_dask_together_are_refused(corpus: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["ingest", str(corpus), "--db", str(tmp_path / "g.lbug"), "--workers", "2", "--dask", "tcp://127.0.0.1:9"]
    )
    assert result.exit_code == 2
    assert "not both" in result.output


def test_the_compose_dask_profile_runs_a_scheduler_and_workers_that_can_extract() -> None:
    """No Docker engine here, so the files are read: the profile's scheduler listens where
    `kg ingest --dask` is told to look, its workers join it, and their image holds every package
    the project ships with the dask extra installed (a package missing from the image would make
    every worker fail to unpickle the extraction task)."""
    import tomllib

    import yaml

    repo = Path(__file__).resolve().parents[2]
    services = yaml.safe_load((repo / "docker-compose.yml").read_text(encoding="utf-8"))["services"]
    dask = {name: s for name, s in services.items() if "dask" in s.get("profiles", [])}
    scheduler = next(s for s in dask.values() if s["command"][:2] == ["dask", "scheduler"])
    workers = [(name, s) for name, s in dask.items() if s["command"][:2] == ["dask", "worker"]]
    assert "8786:8786" in scheduler["ports"] and scheduler["command"][2:4] == ["--port", "8786"]
    scheduler_name = next(name for name, s in services.items() if s is scheduler)
    assert workers and all(s["command"][2] == f"tcp://{scheduler_name}:8786" for _, s in workers)
    assert "neo4j" in services and "profiles" not in services["neo4j"]  # the profile adds to Neo4j
    assert all(s["build"] == "." for s in dask.values())

    dockerfile = (repo / "Dockerfile").read_text(encoding="utf-8")
    assert '".[dask]"' in dockerfile
    shipped = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    for pattern in shipped["find"]["include"]:
        package = pattern.rstrip("*")
        assert f"COPY {package} ./{package}" in dockerfile, f"the image lacks the {package} package"
