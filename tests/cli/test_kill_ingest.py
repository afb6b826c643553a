"""kill -9 during `kg ingest`, on both stores: no partial article is ever left, and ingesting the
same input again gives exactly the graph one clean run gives.

The killed run reads its input from a named pipe, so the test decides how far it can get: fed 25
articles with batches of 10, it stores two batches and waits for more with five extracted, and the
kill lands there for certain; fed 40 at once, it is killed wherever it happens to be (extracting,
inside a write transaction, committing). What is checked holds wherever the kill lands.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.ingest import ingest
from graph.model import ArticleGraph
from graph.settings import Settings
from graph.stores import GraphStore, make_store
from tests.conftest import SUMMARY
from tests.graph.test_idempotent_ingest import graph_of

REPO = Path(__file__).resolve().parents[2]
ARTICLES = 60
BATCH = 10
#: (articles fed to the pipe, articles stored before the kill: None kills at once).
KILLS = ((25, 20), (40, None))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[ArticleGraph]]:
    from benchmarks.corpus import write_corpus
    from loaders.articles import iter_articles
    from loaders.extract import extract_many

    path = tmp_path_factory.mktemp("kill") / "corpus.jsonl"
    write_corpus(path, ARTICLES, seed=11)
    graphs = [g for g in extract_many(iter_articles([path])) if isinstance(g, ArticleGraph)]
    assert len(graphs) == ARTICLES
    return path, graphs


def articles_stored(settings: Settings) -> int:
    """How many articles the store holds, read beside the writer (a read-only snapshot on LadybugDB)."""
    if settings.backend == "ladybug":
        from graph.stores.ladybug_store import LadybugStore

        if not Path(settings.db_path).exists():
            return 0
        try:
            with LadybugStore(settings, read_only=True) as snapshot:
                return snapshot.status().nodes.get("Article", 0)
        except Exception:  # noqa: BLE001 - the writer is creating the file, or checkpointing: ask again
            return 0
    with make_store(settings) as other:
        return other.status().nodes.get("Article", 0)


def ingest_command(settings: Settings, corpus: Path) -> list[str]:
    command = [str(Path(sys.executable).parent / "kg"), "ingest", str(corpus), "--batch", str(BATCH)]
    command += ["--backend", settings.backend]
    if settings.backend == "ladybug":
        command += ["--db", str(settings.db_path)]
    return command


def edges_touching(edges: set, article_id: str) -> set:
    return {e for e in edges if article_id in (e[2], e[4])}


def test_kill_9_during_ingest_leaves_whole_articles_and_a_re_ingest_gives_the_clean_graph(
    store: GraphStore, corpus: tuple[Path, list[ArticleGraph]], tmp_path: Path
) -> None:
    path, graphs = corpus
    ingest(store, graphs, articles_per_batch=BATCH)
    clean_nodes, clean_edges = graph_of(store)
    env = {**os.environ, "NEO4J_URI": store.settings.neo4j_uri, "NEO4J_PASSWORD": store.settings.neo4j_password}
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    survived = 0
    for n, (fed, wait_for) in enumerate(KILLS):
        store.clear()
        settings = store.settings
        if settings.backend == "ladybug":
            store.close()  # the killed process must own the file
            settings = settings.model_copy(update={"db_path": tmp_path / f"kill-{n}.lbug"})
        pipe = tmp_path / f"input-{n}.jsonl"
        os.mkfifo(pipe)
        run = subprocess.Popen(ingest_command(settings, pipe), cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)  # fmt: skip
        feed = pipe.open("w", encoding="utf-8")  # waits until the run opens the pipe
        try:
            feed.writelines(lines[:fed])
            feed.flush()
            deadline = time.monotonic() + 300  # a bound on a hang only
            while wait_for is not None and articles_stored(settings) < wait_for:
                assert run.poll() is None and time.monotonic() < deadline, "the run ended or hung before the kill"
                time.sleep(0.2)
            assert run.poll() is None  # still waiting for input: the kill lands mid-run
            os.kill(run.pid, signal.SIGKILL)
            survived += 1
        finally:
            run.wait()
            try:
                feed.close()
            except BrokenPipeError:
                pass
        with make_store(settings) as after:
            nodes, edges = graph_of(after)
            stored = sorted(i for label, i in nodes if label == "Article")
            assert wait_for is None or len(stored) >= wait_for
            assert nodes <= clean_nodes and edges <= clean_edges
            for article in stored:  # every article the kill left is whole
                assert edges_touching(edges, article) == edges_touching(clean_edges, article), article
            ingest(after, graphs, articles_per_batch=BATCH)  # the same input again, from the start
            assert graph_of(after) == (clean_nodes, clean_edges), f"kill {n} (after {len(stored)} articles)"
        if store.settings.backend == "ladybug":
            store.open()
    assert survived == len(KILLS)
    SUMMARY.append(
        f"kill -9 on {store.backend}: {survived} ingests killed mid-run, no partial article, "
        "each re-ingest equal to the clean run"
    )
