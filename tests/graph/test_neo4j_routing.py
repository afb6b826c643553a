"""Neo4j at scale: routing URIs (a cluster, Aura), reads sent as reads, writes retried.

Against the real Neo4j test server. A single server answers the routing protocol as a cluster of
one, so `neo4j://` is exercised for real; `neo4j+s://` differs only by TLS, which the test server
does not offer. A leader change cannot be caused on one server, so the retry test makes the first
attempt of a write fail the way the driver reports one (SessionExpired) after its rows were sent.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from neo4j.exceptions import SessionExpired

from core.errors import KGError
from graph.stores import GraphStore, make_store
from tests.conftest import neo4j_settings
from tests.factories import contested_attack

pytestmark = pytest.mark.neo4j


def routing(uri: str) -> str:
    """The same server behind a routing URI: bolt://host:port becomes neo4j://host:port."""
    assert uri.startswith("bolt://"), uri
    return "neo4j://" + uri.removeprefix("bolt://")


@pytest.fixture
def routed(neo4j_uri: str) -> Iterator[GraphStore]:
    store = make_store(neo4j_settings(routing(neo4j_uri))).open()
    store.clear()
    try:
        yield store
    finally:
        store.clear()
        store.close()


def counts(store: GraphStore) -> tuple[dict[str, int], dict[str, int]]:
    status = store.status()
    return status.nodes, status.relationships


def test_a_routing_uri_stores_and_answers_as_a_direct_one(routed: GraphStore, neo4j_uri: str) -> None:
    for graph in contested_attack():
        routed.write([graph])
    routed_timeline = routed.query("timeline")
    assert [e["id"] for e in routed_timeline] == [
        "attack-2023-12-08-green-zone",
        "attack-2024-01-20-ain-al-asad-air-base",
        "airstrike-2024-02-03-baghdad",
    ]
    with make_store(neo4j_settings(neo4j_uri)) as direct:
        assert direct.query("timeline") == routed_timeline
        assert counts(direct) == counts(routed)


def test_reads_run_in_read_transactions_so_a_cluster_sends_them_to_readers(routed: GraphStore) -> None:
    """A statement that writes, sent down the read path, is refused by the server and changes nothing."""
    for graph in contested_attack():
        routed.write([graph])
    before = counts(routed)
    with pytest.raises(KGError, match="(?i)read"):
        routed.query("internal.clear")
    assert counts(routed) == before and before[0]["Article"] == 4


def test_a_write_interrupted_by_a_transient_failure_is_retried_and_stored_once(
    routed: GraphStore, neo4j_uri: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    graphs = contested_attack()
    with make_store(neo4j_settings(neo4j_uri)) as clean:  # the graph a write without failure stores
        clean.clear()
        clean.write(graphs)
        expected = counts(clean)
        expected_timeline = clean.query("timeline")
        clean.clear()

    attempts = []
    write_rows = routed._write_rows

    def fail_first_attempt(tx: Any, rows: Any, size: int) -> int:
        batches = write_rows(tx, rows, size)  # every row sent inside the transaction ...
        attempts.append(batches)
        if len(attempts) == 1:  # ... then the leader goes away before the commit
            raise SessionExpired("leader switched: the transaction was not committed")
        return batches

    monkeypatch.setattr(routed, "_write_rows", fail_first_attempt)
    result = routed.write(graphs)
    assert len(attempts) == 2
    assert result.articles == 4
    assert counts(routed) == expected
    assert routed.query("timeline") == expected_timeline


def test_an_error_that_retrying_cannot_fix_fails_at_once_and_keeps_nothing(
    routed: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    attempts = []
    write_rows = routed._write_rows

    def fail(tx: Any, rows: Any, size: int) -> int:
        write_rows(tx, rows, size)
        attempts.append(1)
        raise ValueError("a bug in the writer")

    monkeypatch.setattr(routed, "_write_rows", fail)
    with pytest.raises(ValueError, match="a bug in the writer"):
        routed.write(contested_attack())
    assert len(attempts) == 1
    nodes, _ = counts(routed)
    assert sum(nodes.values()) == 0
