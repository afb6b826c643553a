"""Extraction on several processes gives what one process gives, article by article and in order,
with an article that cannot be read reported in its place."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.corpus import write_corpus
from graph.errors import ArticleError
from graph.model import ArticleGraph
from loaders.articles import iter_articles
from loaders.extract import extract_many
from loaders.parallel import extract_parallel


def _dump(item: ArticleGraph | ArticleError) -> str:
    if isinstance(item, ArticleError):
        return f"error {item.source}: {item.reason}"
    return json.dumps(item.model_dump(mode="json", exclude={"ingested_at"}), ensure_ascii=False, sort_keys=True)


def test_two_processes_give_the_serial_graphs_in_input_order(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 40, seed=3)
    with corpus.open("a", encoding="utf-8") as handle:
        handle.write("{ not json\n")  # one broken record in the middle of the stream
    write_corpus(tmp_path / "more.jsonl", 9, seed=4)
    paths = [corpus, tmp_path / "more.jsonl"]

    serial = [_dump(g) for g in extract_many(iter_articles(paths))]
    parallel = [_dump(g) for g in extract_parallel(iter_articles(paths), workers=2, chunk=3)]

    assert len(serial) == 50
    assert parallel == serial
    assert parallel[40].startswith("error ") and "corpus.jsonl#41" in parallel[40]


def test_one_worker_runs_in_this_process(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c.jsonl", 3, seed=5)
    graphs = list(extract_parallel(iter_articles([tmp_path / "c.jsonl"]), workers=1))
    assert [type(g) for g in graphs] == [ArticleGraph] * 3
