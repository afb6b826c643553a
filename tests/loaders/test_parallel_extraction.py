"""Extraction on several processes gives what one process gives, article by article and in order,
with an article that cannot be read reported in its place."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.corpus import write_corpus
from core.errors import ArticleError
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


def test_each_worker_reads_each_article_in_its_own_language(tmp_path: Path) -> None:
    records = [
        {
            "file": "ar.json",
            "published": "2024-01-23",
            "text": "تبنى فصيل كتائب حزب الله هجوما بطائرة مسيرة استهدف قاعدة عين الأسد الجوية فجر الثلاثاء.",
        },
        {
            "file": "en.json",
            "published": "2024-01-23",
            "text": "Kataib Hezbollah claimed a drone attack on Ain al-Asad air base on Tuesday.",
        },
        {
            "file": "fr.json",
            "published": "2024-01-23",
            "text": "Des drones ont visé mardi une base militaire dans l'ouest de l'Irak, selon des responsables "
            "de la sécurité.",
        },
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records * 2), encoding="utf-8")
    serial = [_dump(g) for g in extract_many(iter_articles([path]))]
    graphs = list(extract_parallel(iter_articles([path]), workers=2, chunk=1))
    assert [_dump(g) for g in graphs] == serial
    assert [g.article.language for g in graphs] == ["ar", "en", "fr"] * 2
    assert [bool(g.warnings) for g in graphs] == [False, False, True] * 2
    assert all(g.events for g in graphs if g.article.language in ("ar", "en"))


class _Slot:
    """A worker's future in a test: done (with its chunk's results) from the start, or never done
    and either not started (cancellable) or started and only finished when asked for its result."""

    def __init__(self, chunk: list, state: str) -> None:
        self.chunk, self.state = chunk, state
        self.cancelled = False

    def done(self) -> bool:
        return self.state == "done"

    def cancel(self) -> bool:
        self.cancelled = self.state == "queued"
        return self.cancelled

    def result(self) -> list:
        assert not self.cancelled
        return [("error", f"worker:{a}", "") for a in self.chunk]


def test_the_caller_shares_the_work_and_takes_back_what_no_worker_started() -> None:
    """Whatever the workers do, the results come in input order; chunks no worker started are
    extracted by the caller once the input runs out instead of waited for."""
    from loaders.parallel import _sharing_the_work

    def here(chunk: list) -> list:
        return [ArticleError(f"here:{a}", "") for a in chunk]

    for state in ("done", "queued", "running"):
        slots: list[_Slot] = []

        def submit(chunk: list, state: str = state, slots: list[_Slot] = slots) -> _Slot:
            slots.append(_Slot(chunk, state))
            return slots[-1]

        got = [e.source for e in _sharing_the_work(range(50), submit, window=4, chunk=3, extract_here=here)]
        assert [int(s.split(":")[1]) for s in got] == list(range(50))
        by_worker = sum(s.startswith("worker:") for s in got)
        taken_back = [s for s in slots if s.cancelled]
        if state == "done":
            assert by_worker == 50  # the workers were always ready: nothing to do here
        elif state == "queued":
            # the last chunks out when the input ran out were extracted here, not waited for
            assert taken_back and slots[-1] in taken_back and 0 < by_worker < 50
        else:
            assert not taken_back and 0 < by_worker < 50  # waited for, while the caller extracted others
