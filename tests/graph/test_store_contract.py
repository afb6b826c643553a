"""One contract, every backend: each test here runs on LadybugDB and on a real Neo4j."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core.errors import QueryError, StoreError
from graph.model import Actor
from graph.stores import GraphStore, make_store
from queries.registry import QUERIES_DIR, Registry
from tests.conftest import counts
from tests.factories import BAGHDAD, IRI, article_graph


def test_round_trip_keeps_every_node_and_relationship(store: GraphStore) -> None:
    g = article_graph()
    result = store.write([g])
    assert result.articles == 1
    nodes, rels = counts(store)
    assert nodes == {"Article": 1, "Actor": 5, "Place": 3, "Event": 1, "Statement": 2}
    assert rels["MEMBER_OF"] == 1 and rels["LOCATED_IN"] == 2 and rels["PUBLISHED_BY"] == 1
    assert rels["REPORTED_IN"] == 3  # one event and two statements, each traced to the article
    actor = store.query("actor", {"id": IRI.id})
    assert actor == [
        {
            "id": IRI.id,
            "name": "Islamic Resistance in Iraq",
            "name_ar": "المقاومة الإسلامية في العراق",
            "kind": "armed_group",
            "aliases": ["IRI"],
            "wikidata": IRI.wikidata,
            "discovered": False,
        }
    ]
    reports = store.query("event_sources", {"id": g.events[0].id})
    assert [(r["weapon"], r["count"], r["killed"]) for r in reports] == [("rocket", 2, None)]
    assert reports[0]["outlet"] == "Example News" and reports[0]["published"] == "2023-12-08"


def test_clear_leaves_an_empty_store_that_takes_new_writes(store: GraphStore) -> None:
    store.write([article_graph()])
    store.clear()
    assert counts(store) == ({}, {})
    store.write([article_graph()])
    assert counts(store)[0]["Article"] == 1


@pytest.mark.neo4j
def test_neo4j_clears_a_store_bigger_than_one_transaction_in_several(neo4j_uri: str) -> None:
    """A whole large graph in one delete passes the server's transaction memory limit, so the
    store deletes relationships, then nodes, in transactions of `batch` until nothing is left."""
    from tests.conftest import neo4j_settings

    with make_store(neo4j_settings(neo4j_uri)) as s:
        s.clear()
        s.write([article_graph()])
        nodes, rels = (sum(c.values()) for c in counts(s))
        deleted: list[int] = []
        run = s._run_named

        def recording(tx, name, params=None):  # type: ignore[no-untyped-def]
            rows = run(tx, name, params)
            if name == "internal.clear":
                deleted.append(rows[0]["deleted"])
            return rows

        s._run_named = recording  # type: ignore[method-assign]
        s.clear(batch=3)
        assert counts(s) == ({}, {})
        assert sum(deleted) == nodes + rels and deleted[-1] == 0
        assert deleted[0] == 3 and max(deleted) <= 2 * 3 and len(deleted) > (nodes + rels) // 6


def test_writing_the_same_article_twice_changes_no_count(store: GraphStore) -> None:
    g = article_graph()
    store.write([g])
    before = counts(store)
    store.write([g])
    store.write([article_graph()])  # rebuilt from scratch: same content, same ids
    assert counts(store) == before


def test_two_sources_of_one_attack_become_one_event_with_their_own_figures(store: GraphStore) -> None:
    first = article_graph(file="a.txt", outlet="Outlet A", count=2)
    second = article_graph(
        body="سقطت ثلاثة صواريخ قرب السفارة في بغداد فجر اليوم.",
        file="b.txt",
        outlet="Outlet B",
        place=BAGHDAD,  # the other report names the city, not the district: one inside the other
        count=3,
    )
    store.write([first])
    result = store.write([second])
    assert result.merged_events == 1
    nodes, rels = counts(store)
    assert nodes["Event"] == 1 and nodes["Article"] == 2
    reports = store.query("event_sources", {"id": first.events[0].id})
    assert sorted((r["outlet"], r["count"]) for r in reports) == [("Outlet A", 2), ("Outlet B", 3)]


def test_events_days_apart_stay_separate(store: GraphStore) -> None:
    store.write([article_graph(file="a.txt")])
    store.write([article_graph(body="هجوم آخر على المنطقة الخضراء.", file="b.txt", event_date="2023-12-12")])
    assert counts(store)[0]["Event"] == 2


def test_a_failing_batch_leaves_nothing_behind(store: GraphStore, tmp_path: Path) -> None:
    store.write([article_graph(file="kept.txt")])
    before = counts(store)
    # A registry whose Statement writers (MERGE, and COPY and CREATE on LadybugDB) fail inside the
    # database, after the article, actor and event rows of the batch were already sent in the same
    # transaction.
    root = tmp_path / "queries"
    shutil.copytree(QUERIES_DIR, root, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    for name in ("write.statement", "copy.statement", "write.new_statement"):
        for path in root.rglob("*.cypher"):
            text = path.read_text(encoding="utf-8")
            header = f"// name: {name}\n"
            if header not in text:
                continue
            start = text.index(header)
            end = text.find("// name:", start + len(header))
            broken = header + "// params: rows\nUNWIND $rows AS r CALL kg_no_such_procedure(r.id) RETURN 1\n\n"
            path.write_text(text[:start] + broken + (text[end:] if end >= 0 else ""), encoding="utf-8")
    failing = make_store(store.settings)
    failing.registry = Registry(root)
    new = article_graph(body="نص مقال جديد تماما عن هجوم بطائرة مسيرة.", file="new.txt", event_date="2024-01-20")
    with failing:
        with pytest.raises(StoreError):
            failing.write([new])
    assert counts(store) == before
    assert store.query("event_sources", {"id": new.events[0].id}) == []


def test_an_inconsistent_graph_is_refused_before_anything_is_written(store: GraphStore) -> None:
    g = article_graph()
    bad = g.model_copy(update={"events": [g.events[0].model_copy(update={"perpetrators": ["nobody-we-know"]})]})
    with pytest.raises(StoreError, match="nobody-we-know"):
        store.write([article_graph(file="ok.txt", body="مقال سليم."), bad])
    assert counts(store) == ({}, {})


def test_cypher_in_user_values_is_stored_as_plain_text(store: GraphStore) -> None:
    hostile = "x'}) DETACH DELETE n // \"; MATCH (n) DETACH DELETE n; <script>alert(1)</script>"
    g = article_graph(claim_quote=hostile)
    g = g.model_copy(
        update={"actors": [*g.actors, Actor(id="hostile", name=hostile, name_ar=hostile, kind="armed_group")]}
    )
    store.write([g])
    assert store.query("actor", {"id": "hostile"})[0]["name"] == hostile
    claim = next(s for s in g.statements if s.kind == "claim_responsibility")
    assert store.query("statement", {"id": claim.id})[0]["quote"] == hostile
    assert counts(store)[0]["Actor"] == 6
    assert store.query("actor", {"id": hostile}) == []


def test_query_parameters_are_checked_before_running(store: GraphStore) -> None:
    with pytest.raises(QueryError, match="needs parameter id"):
        store.query("actor", {})
    with pytest.raises(QueryError, match="no parameter"):
        store.query("actor", {"id": "x", "limit": 3})
    with pytest.raises(QueryError, match="no query named"):
        store.query("no_such_query")


def test_status_reports_backend_location_and_version(store: GraphStore) -> None:
    st = store.status()
    assert st.backend == store.backend
    assert st.version.split()[0] in ("LadybugDB", "Neo4j")
    assert any(ch.isdigit() for ch in st.version)


def test_a_cached_read_is_forgotten_as_soon_as_the_store_writes(store: GraphStore) -> None:
    store.enable_cache(ttl_seconds=60)
    g = article_graph(file="a.txt", count=2)
    store.write([g])
    first = store.query("event_sources", {"id": g.events[0].id})
    first[0]["count"] = 999  # a caller scribbling on its rows must not change what others read
    assert store.query("event_sources", {"id": g.events[0].id})[0]["count"] == 2
    store.write([article_graph(body="تقرير ثان عن الهجوم نفسه على المنطقة الخضراء.", file="b.txt", count=3)])
    assert sorted(r["count"] for r in store.query("event_sources", {"id": g.events[0].id})) == [2, 3]


def test_confidence_is_stored_and_the_most_confident_report_wins(store: GraphStore) -> None:
    def with_confidence(g, event: float, perpetrator: float, statement: float):  # noqa: ANN001, ANN202
        ev = g.events[0].model_copy(
            update={"confidence": event, "role_confidence": {"perpetrators": {IRI.id: perpetrator}}}
        )
        statements = [s.model_copy(update={"confidence": statement}) for s in g.statements]
        return g.model_copy(update={"events": [ev], "statements": statements})

    first = with_confidence(article_graph(file="a.txt"), 0.4, 0.3, 0.6)
    second = with_confidence(
        article_graph(body="سقطت ثلاثة صواريخ قرب السفارة في بغداد فجر اليوم.", file="b.txt", count=3), 0.9, 0.8, 0.5
    )
    store.write([first])
    store.write([second])
    event_id = first.events[0].id
    reports = {r["article"]: r["confidence"] for r in store.query("event_sources", {"id": event_id})}
    assert reports == {first.article.id: 0.4, second.article.id: 0.9}  # each source keeps its own
    said = {s["id"]: s["confidence"] for s in store.query("event_statements", {"id": event_id})}
    assert said[first.statements[0].id] == 0.6
    store.write([first])  # writing the less confident report again lowers nothing
    reports = {r["article"]: r["confidence"] for r in store.query("event_sources", {"id": event_id})}
    assert reports[second.article.id] == 0.9
