"""`kg reset` on a LadybugDB file: it says what it would delete, and deletes only when told `--yes`."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from api.cli import app
from graph.settings import Settings
from graph.stores import make_store
from tests.conftest import counts
from tests.factories import article_graph

runner = CliRunner()


def filled(path: Path) -> tuple[dict[str, int], dict[str, int]]:
    with make_store(Settings(backend="ladybug", db_path=path)) as store:
        store.write([article_graph()])
        return counts(store)


def test_reset_without_yes_deletes_nothing_and_says_what_the_store_holds(tmp_path: Path, fresh_settings: None) -> None:
    path = tmp_path / "graph.lbug"
    before = filled(path)
    result = runner.invoke(app, ["reset", "--db", str(path)])
    assert result.exit_code == 2
    assert f"holds {sum(before[0].values())} nodes" in result.output and "--yes" in result.output
    with make_store(Settings(backend="ladybug", db_path=path)) as store:
        assert counts(store) == before


def test_reset_yes_empties_the_store_and_it_takes_new_articles(tmp_path: Path, fresh_settings: None) -> None:
    path = tmp_path / "graph.lbug"
    before = filled(path)
    result = runner.invoke(app, ["reset", "--yes", "--db", str(path)])
    assert result.exit_code == 0, result.output
    assert f"deleted {sum(before[0].values())} nodes and {sum(before[1].values())} relationships" in result.output
    with make_store(Settings(backend="ladybug", db_path=path)) as store:
        assert counts(store) == ({}, {})
        store.write([article_graph()])
        assert counts(store) == before
