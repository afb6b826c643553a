"""Neo4j 5 over Bolt: the server backend for teams (docker-compose, Aura, clusters)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from core.errors import StoreError, StoreUnavailable
from graph.stores.base import GraphStore, Transaction


def plain(value: Any) -> Any:
    """Neo4j values as plain JSON-able ones: nodes/relationships become property dicts."""
    from neo4j.graph import Node, Relationship
    from neo4j.time import Date, DateTime

    if isinstance(value, (Node, Relationship)):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, (Date, DateTime)):
        return value.iso_format()
    return value


class _Neo4jTx(Transaction):
    def __init__(self, tx: Any) -> None:
        self.tx = tx

    def run(self, text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        result = self.tx.run(text, params)
        return [{k: plain(v) for k, v in record.items()} for record in result]


class Neo4jStore(GraphStore):
    backend = "neo4j"

    def __init__(self, settings: Any, registry: Any = None) -> None:
        super().__init__(settings, registry)
        self._driver: Any = None

    @property
    def location(self) -> str:
        return self.settings.neo4j_uri

    def _open(self) -> None:
        import neo4j
        from neo4j.exceptions import AuthError, ServiceUnavailable

        auth = (self.settings.neo4j_user, self.settings.neo4j_password) if self.settings.neo4j_password else None
        try:
            # Notifications off: "unknown label" hints on a fresh graph are noise, not errors.
            self._driver = neo4j.GraphDatabase.driver(
                self.settings.neo4j_uri, auth=auth, notifications_min_severity="OFF"
            )
            self._driver.verify_connectivity()
        except (ServiceUnavailable, AuthError, ValueError, OSError) as exc:
            self._driver = None
            raise StoreUnavailable(
                f"cannot reach Neo4j at {self.settings.neo4j_uri}: {exc} "
                "(start it with `docker compose up -d` or set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)"
            ) from exc
        # Constraint and index DDL cannot share a transaction with writes: run each on its own.
        for statement in self.query_def("schema").statements:
            with self._session() as session:
                session.run(statement).consume()

    def _session(self) -> Any:
        kwargs = {"database": self.settings.neo4j_database} if self.settings.neo4j_database else {}
        return self._driver.session(**kwargs)

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Transaction]:
        from neo4j.exceptions import Neo4jError, ServiceUnavailable

        if self._driver is None:
            raise StoreUnavailable("the Neo4j store is not open; call open() first")
        try:
            with self._session() as session:
                tx = session.begin_transaction()
                try:
                    yield _Neo4jTx(tx)
                except BaseException:
                    tx.rollback()
                    raise
                tx.commit()
        except ServiceUnavailable as exc:
            raise StoreUnavailable(f"Neo4j at {self.settings.neo4j_uri} stopped answering: {exc}") from exc
        except Neo4jError as exc:
            raise StoreError(f"Neo4j: {exc.message or exc}") from exc

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None
        self._opened = False
