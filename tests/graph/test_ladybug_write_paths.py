"""LadybugDB inserts the rows of new articles by COPY into an empty store and by CREATE from a
DataFrame otherwise, and MERGEs the rest; whichever path a row takes, the store must hold the same
graph, every property included."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.model import ArticleGraph
from graph.rdf import read_all
from graph.settings import Settings
from graph.stores.ladybug_store import LadybugStore
from tests.factories import synthetic_graphs

CORPUS_SIZE = 240


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[ArticleGraph]:
    return synthetic_graphs(tmp_path_factory.mktemp("corpus"), CORPUS_SIZE)


def whole_graph(store: LadybugStore) -> list[str]:
    nodes, edges = read_all(store)
    return sorted(json.dumps(item, sort_keys=True, ensure_ascii=False) for item in [*nodes, *edges])


def written(path: Path, graphs: list[ArticleGraph], batch: int, again: bool = False, first: int = 80) -> list[str]:
    """`first` articles into the empty store, then the rest in batches of `batch`; with `again`,
    everything once more (every row is then stored already and goes through MERGE)."""
    with LadybugStore(Settings(backend="ladybug", db_path=path)) as store:
        for _ in range(2 if again else 1):
            store.write(graphs[:first])
            for i in range(first, len(graphs), batch):
                store.write(graphs[i : i + batch])
        return whole_graph(store)


def test_copy_create_and_merge_store_the_same_graph(corpus: list[ArticleGraph], tmp_path: Path) -> None:
    by_create = written(tmp_path / "create.lbug", corpus, 40)  # 80 by COPY, then 40 at a time by CREATE
    by_merge = written(tmp_path / "merge.lbug", corpus, 40, again=True)
    by_copy = written(tmp_path / "copy.lbug", corpus, 40, first=len(corpus))  # all by COPY, into the empty store
    assert len(by_copy) > 10 * CORPUS_SIZE
    assert by_create == by_copy
    assert by_merge == by_copy


def test_closing_after_an_ingest_leaves_one_file_that_a_snapshot_reads_whole(
    corpus: list[ArticleGraph], tmp_path: Path
) -> None:
    path = tmp_path / "graph.lbug"
    stored = written(path, corpus, 40)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.lbug"]  # the WAL was folded into the file
    with LadybugStore(Settings(backend="ladybug", db_path=path), read_only=True) as snapshot:
        assert whole_graph(snapshot) == stored
