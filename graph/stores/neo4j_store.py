"""Neo4j 5 over Bolt: the server backend for teams (docker-compose, Aura, clusters).

`NEO4J_URI` may be a direct `bolt://` address or a routing `neo4j://` / `neo4j+s://` one (a
cluster, Aura): the driver then sends writes to the leader and reads to followers and read
replicas, because every read here runs in a read transaction. Writes run as managed transactions,
which the driver retries when the cluster answers that it cannot take them now (a leader changed,
a deadlock, a server went away) instead of failing the ingest.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from core.errors import StoreError, StoreUnavailable
from graph.stores.base import GraphStore, T, Transaction

#: What the driver hands back as it is: most values of most rows, so they are let through first.
_SCALARS = (str, int, float, type(None))


def plain(value: Any) -> Any:
    """Neo4j values as plain JSON-able ones: nodes/relationships become property dicts.

    Scalars go through before the imports and the type tests: converting a neighbourhood's 1,700
    rows took 40 ms of CPU when every value paid for them, 4 ms with this.
    """
    if isinstance(value, _SCALARS):
        return value
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
    shared_writes = True  # other clients of the server write too

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
                "(start it with `docker compose up -d` or set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD)",
                public="cannot reach Neo4j; try again shortly",
            ) from exc
        # Constraint and index DDL cannot share a transaction with writes: run each on its own.
        for statement in self.query_def("schema").statements:
            with self._session() as session:
                session.run(statement).consume()

    def _session(self, write: bool = True) -> Any:
        """A session whose transactions a routing driver sends to a writer, or to a reader."""
        import neo4j

        kwargs: dict[str, Any] = {"default_access_mode": neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS}
        if self.settings.neo4j_database:
            kwargs["database"] = self.settings.neo4j_database
        return self._driver.session(**kwargs)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        """The driver's errors as ours: unreachable is StoreUnavailable, anything else StoreError."""
        from neo4j.exceptions import Neo4jError, ServiceUnavailable, SessionExpired

        if self._driver is None:
            raise StoreUnavailable("the Neo4j store is not open; call open() first")
        try:
            yield
        except (ServiceUnavailable, SessionExpired) as exc:
            raise StoreUnavailable(
                f"Neo4j at {self.settings.neo4j_uri} stopped answering: {exc}", public="Neo4j stopped answering"
            ) from exc
        except Neo4jError as exc:
            raise StoreError(f"Neo4j: {exc.message or exc}") from exc

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Transaction]:
        with self._errors(), self._session(write) as session:
            tx = session.begin_transaction()
            try:
                yield _Neo4jTx(tx)
            except BaseException:
                tx.rollback()
                raise
            tx.commit()

    def _in_transaction(self, write: bool, work: Callable[[Transaction], T]) -> T:
        """A managed transaction: the driver runs `work` again (for up to 30 s) after a transient error."""
        with self._errors(), self._session(write) as session:
            run = session.execute_write if write else session.execute_read
            return run(lambda tx: work(_Neo4jTx(tx)))

    def clear(self, batch: int = 10_000) -> None:
        """Delete everything, `batch` relationships or nodes per transaction, so none outgrows the server's memory."""
        self.open()
        self._forget()
        deleted = 1
        while deleted:
            rows = self._in_transaction(True, lambda tx: self._run_named(tx, "internal.clear", {"batch": batch}))
            deleted = rows[0]["deleted"]
        self._forget()

    def close(self) -> None:
        if self._driver is not None:
            self._driver.close()
            self._driver = None
        self._opened = False
