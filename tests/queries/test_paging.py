"""Paging: every paged query cuts the same pages on both stores, and no offset can crash a store.

LadybugDB 0.22 dies with SIGSEGV on `ORDER BY ... SKIP n` when n passes the end of the ordered
rows by some thousands (`RETURN 1 AS i ORDER BY i SKIP 15420 LIMIT 1` is enough). The store never
sends such a SKIP: it asks for LIMIT skip+limit and cuts the page itself, which is right only if
every paged query returns one row per item in paging order. Neo4j runs the real SKIP, so the
first test, run on both stores, holds every paged query to that.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from core.errors import QueryError
from graph.stores import GraphStore
from queries.registry import get_registry
from tests.factories import IRI, contested_attack

#: A value for each required parameter of a paged query; a new paged query with another one fails here.
REQUIRED = {"id": IRI.id, "q": "a"}


def paged_queries() -> list[str]:
    """Every query that pages, building blocks (`part of:`) included: they are the ones the API pages with."""
    registry = get_registry()
    return sorted({n for b in ("ladybug", "neo4j") for n in registry.names(b) if "skip" in registry.get(n, b).params})


@pytest.fixture
def story(store: GraphStore) -> GraphStore:
    for graph in contested_attack():
        store.write([graph])
    return store


def test_the_paged_queries_are_the_ones_the_api_pages_through() -> None:
    api_lists = {"claims", "claims_page", "claims_page_by_event", "relationships", "search", "statements", "timeline"}
    assert api_lists <= set(paged_queries())


@pytest.mark.parametrize("name", paged_queries())
def test_every_page_is_the_matching_slice_of_the_whole_list(story: GraphStore, name: str) -> None:
    q = story.query_def(name)
    missing = [p for p in q.required if p not in REQUIRED]
    assert not missing, f"add a value for {missing} to REQUIRED"
    base = {p: REQUIRED[p] for p in q.required}
    whole = story.query(name, {**base, "skip": 0, "limit": 1000})
    assert whole, f"{name} returns nothing on the test graph, so its paging is not checked"
    for skip in range(len(whole) + 2):
        for limit in (1, 2, 3):
            page = story.query(name, {**base, "skip": skip, "limit": limit})
            assert page == whole[skip : skip + limit], (name, skip, limit)


@pytest.mark.parametrize("bad", [-1, 10**12, "5", 1.5, True])
def test_skip_and_limit_must_be_whole_numbers_in_range(story: GraphStore, bad: object) -> None:
    for key in ("skip", "limit"):
        with pytest.raises(QueryError, match=key):
            story.query("timeline", {key: bad})


def test_offsets_far_past_the_end_answer_empty_pages_and_the_process_lives(tmp_path: Path) -> None:
    """In a child process, so that a crash fails this test instead of ending the test run."""
    names = [n for n in paged_queries() if n in get_registry().names("ladybug")]
    script = textwrap.dedent(
        f"""
        import json, sys
        from graph.settings import Settings
        from graph.stores import make_store
        from tests.factories import contested_attack
        store = make_store(Settings(backend="ladybug", db_path={str(tmp_path / "g.lbug")!r})).open()
        for graph in contested_attack():
            store.write([graph])
        sizes = {{}}
        for name in {names!r}:
            q = store.query_def(name)
            base = {{p: {REQUIRED!r}[p] for p in q.required}}
            for skip in (8192, 11915, 15420, 20000, 100000, 10**8):
                sizes[f"{{name}}@{{skip}}"] = len(store.query(name, {{**base, "skip": skip, "limit": 50}}))
        store.close()
        print(json.dumps(sizes))
        """
    )
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], cwd=repo, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"the store process ended with {done.returncode}: {done.stderr[-2000:]}"
    sizes = json.loads(done.stdout.strip().splitlines()[-1])
    assert len(sizes) == 6 * len(names) and set(sizes.values()) == {0}
