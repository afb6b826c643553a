"""The synthetic corpus: reproducible to the byte, loadable as news, and shaped like the news it stands for."""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from pathlib import Path

import pytest

from benchmarks.corpus import generate, get_cast, main, write_corpus
from graph.model import ArticleGraph
from loaders.articles import LoadedArticle, iter_articles


@pytest.fixture(scope="module")
def articles() -> list:
    return list(generate(400, seed=11))


def test_same_seed_same_bytes_and_another_seed_other_bytes(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "c.jsonl"
    write_corpus(a, 300, seed=7)
    write_corpus(b, 300, seed=7)
    write_corpus(c, 300, seed=8)
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()


def test_a_smaller_corpus_is_the_start_of_a_larger_one(tmp_path: Path) -> None:
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    write_corpus(small, 120, seed=3)
    write_corpus(large, 500, seed=3)
    assert large.read_bytes().startswith(small.read_bytes())


def test_generation_streams_instead_of_building_the_whole_corpus() -> None:
    first = list(itertools.islice(generate(10**9, seed=1), 5))  # returns at once: nothing is built up front
    assert len(first) == 5


def test_every_record_loads_as_an_article_with_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    assert write_corpus(path, 250, seed=5) == 250
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert all(set(r) == {"file", "url", "title", "published", "outlet", "language", "text"} for r in records)
    loaded = list(iter_articles([path]))
    assert len(loaded) == 250
    assert all(isinstance(a, LoadedArticle) for a in loaded), [a for a in loaded if not isinstance(a, LoadedArticle)]
    for record, article in zip(records, loaded, strict=True):
        assert article.file == record["file"]
        assert article.published == record["published"]
        assert article.title == record["title"]
        assert article.outlet  # the gazetteer's outlets are ones the loader knows or keeps as given
        assert article.language == "ar"
    assert len({a.text for a in loaded}) == 250  # no two articles share a body (and so an id)


def test_events_are_reported_by_several_outlets_with_their_own_figures(articles: list) -> None:
    outlets: dict[str, set[str]] = defaultdict(set)
    texts: dict[str, set[str]] = defaultdict(set)
    for art in articles:
        if art.event_type in ("attack", "airstrike"):
            outlets[art.event_key].add(art.record["outlet"])
            texts[art.event_key].add(art.record["text"].split("\n\n")[0])
    multi = [k for k, v in outlets.items() if len(v) >= 2]
    assert len(multi) >= len(outlets) // 4
    assert max(len(v) for v in outlets.values()) >= 4
    # Different outlets word the same event (and its figures) differently.
    assert all(len(texts[k]) >= 2 for k in multi[:20])


def test_claims_denials_and_other_statements_are_all_present(articles: list) -> None:
    kinds = {k for art in articles for k in art.statement_kinds}
    assert {"claim_responsibility", "deny_responsibility", "accuse", "condemn", "call", "threaten"} <= kinds
    claimed = [a for a in articles if "claim_responsibility" in a.statement_kinds]
    denied = [a for a in articles if "deny_responsibility" in a.statement_kinds]
    assert len(claimed) >= 40 and len(denied) >= 15


def test_actors_and_places_come_from_the_gazetteer(articles: list) -> None:
    cast = get_cast()
    forms = {f for e in [*cast.actors.values(), *cast.places.values()] for f in e.forms}
    for art in articles[:50]:
        assert any(f in art.record["text"] for f in forms), art.record["text"]
    outlets = {e.name for e in cast.outlets[0]}
    assert {a.record["outlet"] for a in articles} <= outlets
    recurring = defaultdict(int)
    for art in articles:
        for e in cast.roles["attacker"][0]:
            if e.name_ar in art.record["text"]:
                recurring[e.id] += 1
    assert max(recurring.values()) >= 10  # the same armed groups come back again and again


def test_the_extractor_finds_that_shape_in_the_text(tmp_path: Path) -> None:
    from loaders.extract import extract_many

    path = tmp_path / "corpus.jsonl"
    write_corpus(path, 120, seed=2)
    graphs = [g for g in extract_many(iter_articles([path])) if isinstance(g, ArticleGraph)]
    assert len(graphs) == 120
    reports: dict[str, set[str]] = defaultdict(set)
    for g in graphs:
        for e in g.events:
            reports[e.id].add(g.article.id)
    assert sum(1 for v in reports.values() if len(v) >= 2) >= 10
    statements = [s for g in graphs for s in g.statements]
    assert any(s.kind == "claim_responsibility" and s.about_event for s in statements)
    assert any(s.kind == "deny_responsibility" for s in statements)
    assert any(s.kind == "accuse" and s.accused for s in statements)


def test_command_line_writes_the_requested_number_of_articles(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "corpus.jsonl"
    assert main(["--n", "25", "--seed", "7", "-o", str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 25
