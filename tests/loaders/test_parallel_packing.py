"""Graphs travel from the extraction workers as packed tuples: what arrives is the graph the worker
built, field for field, down to which fields were set, so the stored graph cannot differ."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from pydantic import BaseModel

from benchmarks.corpus import write_corpus
from benchmarks.quality import CORPORA, read_corpus
from graph.model import ArticleGraph, Mention
from loaders.articles import iter_articles
from loaders.extract import extract_many
from loaders.parallel import pack, unpack


def _models(model: BaseModel, path: str = "") -> list[tuple[str, BaseModel]]:
    """Every model within `model` (itself first), with where it sits."""
    found = [(path, model)]
    for name, value in model.__dict__.items():
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            if isinstance(item, BaseModel):
                found += _models(item, f"{path}.{name}[{i}]")
    return found


@pytest.fixture(scope="module")
def graphs(tmp_path_factory: pytest.TempPathFactory) -> list[ArticleGraph]:
    """Graphs of real Arabic and English texts and of the synthetic corpus."""
    articles = []
    for name in ("devset", "devset-en"):
        if not CORPORA[name].available():
            pytest.skip(f"the {name} is not at {CORPORA[name].articles}")
        articles += read_corpus(CORPORA[name])
    corpus = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    write_corpus(corpus, 30, seed=11)
    articles += list(iter_articles([corpus]))
    found = [g for g in extract_many(articles) if isinstance(g, ArticleGraph)]
    assert len(found) == len(articles)
    return found


def test_a_packed_graph_arrives_as_the_graph_that_was_packed(graphs: list[ArticleGraph]) -> None:
    assert any(g.events and g.statements and g.context_actors for g in graphs)
    for graph in graphs:
        arrived = unpack(ArticleGraph, pickle.loads(pickle.dumps(pack(graph))))
        assert arrived == graph
        assert arrived.model_dump_json() == graph.model_dump_json()
        pairs = list(zip(_models(graph), _models(arrived), strict=True))
        for (where, sent), (_, got) in pairs:
            assert type(got) is type(sent), where
            assert list(got.__dict__) == list(sent.__dict__), where
            assert got.model_fields_set == sent.model_fields_set, where


def test_an_arrived_graph_takes_changes_as_a_built_one_does(graphs: list[ArticleGraph]) -> None:
    """Each arrived model has a fields set of its own: setting a field on one touches no other."""
    graph = next(g for g in graphs if len(g.events) >= 2)
    arrived = unpack(ArticleGraph, pickle.loads(pickle.dumps(pack(graph))))
    first, second = arrived.events[0], arrived.events[1]
    first.summary = "changed"
    assert "summary" in first.model_fields_set
    assert second.model_fields_set == graph.events[1].model_fields_set
    assert graph.events[0].summary != "changed"


def test_a_model_that_does_not_fit_its_plan_is_refused() -> None:
    """Then the worker sends the graph itself: a subclass where a Mention belongs would otherwise
    arrive as a plain Mention."""

    class TaggedMention(Mention):
        tag: str = ""

    graph = ArticleGraph.model_validate(
        {"article": {"id": "a1"}, "body": "x", "actors": [{"id": "Q1", "name": "A", "kind": "armed_group"}]}
    )
    graph.actors[0].mentions = [TaggedMention(start=0, end=1, text="x", tag="t")]
    with pytest.raises(TypeError, match="Mention"):
        pack(graph)


def test_the_graphs_packed_for_the_workers_are_plain_data(graphs: list[ArticleGraph], tmp_path: Path) -> None:
    """No model class is named in what travels: a Dask worker or a process needs none to send it."""
    blob = pickle.dumps([pack(g) for g in graphs[:5]])
    assert b"graph.model" not in blob and b"pydantic" not in blob
