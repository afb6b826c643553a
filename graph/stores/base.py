"""The one `GraphStore` interface every backend implements.

The shared logic lives here: event identity, flattening to rows, batching, parameter checks,
status. A backend only says how to open, how to run one statement inside a transaction, and
how to turn its values into plain JSON-able ones. No database call happens in a constructor.
"""

from __future__ import annotations

import abc
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from cachetools import TTLCache

from core.errors import NotFound, QueryError, StoreError
from graph.identity import EventResolver
from graph.model import ArticleGraph
from graph.rows import GraphRows, to_rows
from graph.settings import Settings
from queries.registry import NamedQuery, Registry, get_registry

if TYPE_CHECKING:
    from graph.readmodel import ReadModel

T = TypeVar("T")
#: Bound on `skip` and `limit` of any paged query: far above any real page, far below integer overflow.
MAX_ROWS = 10**9


@dataclass
class WriteResult:
    articles: int
    rows: int
    batches: int
    merged_events: int = 0  # events that joined one already reported by another source


@dataclass
class StoreStatus:
    backend: str
    location: str
    version: str
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "backend": self.backend,
            "location": self.location,
            "version": self.version,
            "nodes": self.nodes,
            "relationships": self.relationships,
        }


class Transaction(abc.ABC):
    """A unit of work: statements run inside it are committed together or not at all."""

    @abc.abstractmethod
    def run(self, text: str, params: dict[str, Any]) -> list[dict[str, Any]]: ...


class GraphStore(abc.ABC):
    backend: ClassVar[str]
    #: Whether this backend must never run `ORDER BY ... SKIP n`: LadybugDB 0.22 crashes the whole
    #: process (SIGSEGV) when SKIP passes the end of the ordered rows by some thousands. Such a
    #: backend runs a paged query with SKIP 0 and LIMIT skip+limit (ORDER BY with LIMIT alone is
    #: safe) and drops the first `skip` rows here.
    skip_in_client: ClassVar[bool] = False
    #: Whether other processes may write to the same graph (a database server) rather than only
    #: this object (an embedded file one process holds): what is kept must then check the content.
    shared_writes: ClassVar[bool] = False

    def __init__(self, settings: Settings, registry: Registry | None = None) -> None:
        self.settings = settings
        self.registry = registry or get_registry()
        self._opened = False
        self._cache: TTLCache[str, list[dict[str, Any]]] | None = None
        self._cache_lock = threading.Lock()  # TTLCache is not thread-safe; the API serves from threads
        self._generation = 0  # bumped by every write, so a read that overlapped one is not kept
        self.cache_seconds = 0.0  # how long the server may keep what reads answer (enable_cache)
        self.read_model: ReadModel | None = None  # lists and rows kept while the graph is unchanged

    def enable_read_model(self) -> None:
        """Keep what the analyst's lists read (graph/readmodel.py), for a server that answers the
        same lists over and over: answers stay those of the graph as it is at each request."""
        from graph.readmodel import ReadModel

        if self.read_model is None:
            self.read_model = ReadModel(self)

    def enable_cache(self, ttl_seconds: float, max_entries: int = 2048) -> None:
        """Keep read results for `ttl_seconds`; any write through this store empties the cache.

        For a server that answers the same questions over and over between ingests. Writes made
        by another process (a second Neo4j client) show once the entries expire.
        """
        self._cache = TTLCache(maxsize=max_entries, ttl=ttl_seconds) if ttl_seconds > 0 else None
        self.cache_seconds = ttl_seconds

    @property
    def generation(self) -> int:
        """How many times a write through this store has changed what reads may answer: a result
        computed at one generation must not be served at another (the API's response cache)."""
        return self._generation

    def _forget(self) -> None:
        with self._cache_lock:
            self._generation += 1
            if self._cache is not None:
                self._cache.clear()

    # -- what a backend provides -------------------------------------------------------------
    @abc.abstractmethod
    def _open(self) -> None:
        """Connect (or open the directory) and make sure the schema exists."""

    @abc.abstractmethod
    def close(self) -> None: ...

    @abc.abstractmethod
    def _transaction(self, write: bool) -> Any:
        """A context manager yielding a `Transaction`; it commits on success, rolls back on error."""

    def _in_transaction(self, write: bool, work: Callable[[Transaction], T]) -> T:
        """`work` in one transaction. A backend may run it again after a transient failure (Neo4j's
        managed transactions, when a cluster's leader changes), so `work` keeps no state outside it."""
        with self._transaction(write) as tx:
            return work(tx)

    @property
    @abc.abstractmethod
    def location(self) -> str: ...

    # -- shared behaviour ----------------------------------------------------------------------
    def open(self) -> GraphStore:
        if not self._opened:
            self._open()
            self._opened = True
        return self

    def __enter__(self) -> GraphStore:
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query_def(self, name: str) -> NamedQuery:
        return self.registry.get(name, self.backend)

    def _run_named(self, tx: Transaction, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        q = self.query_def(name)
        bound = q.bind(params)
        rows: list[dict[str, Any]] = []
        for statement in q.statements or (q.text,):
            rows = tx.run(statement, bound)
        return rows

    def query(self, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a named read query; rows are plain dicts of JSON-able values, same on every backend."""
        self.open()
        q = self.query_def(name)
        bound = q.bind(params)  # fail on bad parameters before touching the store
        key = None
        generation = self._generation
        if self._cache is not None and not name.startswith("internal."):
            key = name + json.dumps(bound, sort_keys=True, default=str)
            with self._cache_lock:
                hit = self._cache.get(key)
            if hit is not None:
                return [dict(r) for r in hit]
        sent, cut = self._paged(q, bound)
        with self._transaction(write=False) as tx:
            try:
                rows = tx.run(q.text, sent)
            except StoreError:
                raise
            except Exception as exc:  # the driver's own error types differ per backend
                raise StoreError(f"query {name!r} failed: {exc}", public=f"the store could not run {name!r}") from exc
        rows = rows[cut:] if cut else rows
        if key is not None and self._cache is not None:
            with self._cache_lock:
                if generation == self._generation:
                    self._cache[key] = rows
            return [dict(r) for r in rows]
        return rows

    def _paged(self, q: NamedQuery, bound: dict[str, Any]) -> tuple[dict[str, Any], int]:
        """Check a paged query's `skip` and `limit`; on a `skip_in_client` backend, fold SKIP into LIMIT.

        Every paged query returns one row per item, in the order it pages in (the store contract
        tests hold both backends to it), so the rows after the first `skip` are the page.
        """
        if "skip" not in q.params:
            return bound, 0
        for key in ("skip", "limit"):
            value = bound.get(key)
            if key in q.params and (not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < MAX_ROWS):
                raise QueryError(f"query {q.name!r}: {key} must be a whole number from 0 to {MAX_ROWS - 1}")
        skip = bound["skip"]
        if not self.skip_in_client or not skip or "limit" not in q.params:
            return bound, 0
        return {**bound, "skip": 0, "limit": skip + bound["limit"]}, skip

    def write(self, graphs: Sequence[ArticleGraph], batch_size: int | None = None) -> WriteResult:
        """Write the graphs in one transaction: all of them or, on any error, nothing."""
        self.open()
        for g in graphs:
            problems = g.check_references()
            if problems:
                raise StoreError(f"article {g.article.file or g.article.id} is inconsistent: {'; '.join(problems[:5])}")
        size = batch_size or self.settings.batch_size
        self._forget()

        def work(tx: Transaction) -> tuple[int, GraphRows, int]:
            resolver = EventResolver(lambda name, params: self._run_named(tx, name, params))
            resolver.prepare(graphs)
            resolved = [resolver.resolve(g) for g in graphs]
            reported_as: dict[tuple[str, str], list[str]] = {}
            merged = 0
            for before, after in zip(graphs, resolved, strict=True):
                for a, b in zip(before.events, after.events, strict=True):
                    reported_as.setdefault((after.article.id, b.id), []).append(a.id)
                    merged += a.id != b.id
            rows = to_rows(resolved, reported_as)
            batches = self._write_rows(tx, rows, size)
            if resolver.redated:
                redated = [
                    {"id": eid, "date": d, "date_precision": precision, "date_basis": basis}
                    for eid, (d, precision, basis) in sorted(resolver.redated.items())
                ]
                self._run_named(tx, "write.event_date", {"rows": redated})
                batches += 1
            return merged, rows, batches

        merged, rows, batches = self._in_transaction(True, work)
        self._forget()  # again: a read may have cached the old state while the write ran
        return WriteResult(articles=len(graphs), rows=rows.count(), batches=batches, merged_events=merged)

    def _write_rows(self, tx: Transaction, rows: GraphRows, size: int) -> int:
        """Send every row through its named `UNWIND ... MERGE` query in batches; returns the batch count."""
        batches = 0
        for name, chunk in rows.batches(size):
            self._run_named(tx, name, {"rows": chunk})
            batches += 1
        return batches

    def retract_article(self, article_id: str) -> dict[str, int]:
        """Delete an article and everything only it supported, in one transaction; what another
        article also reports stays (queries/retract.cypher says how). Returns what was deleted."""
        self.open()
        self._forget()

        def work(tx: Transaction) -> dict[str, int]:
            if not self._run_named(tx, "article", {"id": article_id}):
                raise NotFound(f"no article with the id {article_id!r}; list them with GET /articles")
            deleted: dict[str, int] = {}
            for step in ("statements", "events", "event_roles", "event_perpetrators", "event_places", "article"):
                deleted[step] = int(self._run_named(tx, f"retract.{step}", {"id": article_id})[0]["count"])
            for step in ("orphan_actors", "orphan_places"):
                deleted[step] = 0
                while n := int(self._run_named(tx, f"retract.{step}")[0]["count"]):
                    deleted[step] += n
            return deleted

        deleted = self._in_transaction(True, work)
        self._forget()
        return deleted

    def status(self) -> StoreStatus:
        self.open()
        nodes = {r["label"]: int(r["count"]) for r in self.query("internal.node_counts")}
        rels = {r["type"]: int(r["count"]) for r in self.query("internal.rel_counts")}
        version = self.query("internal.version")[0]["version"]
        return StoreStatus(self.backend, self.location, str(version), nodes, rels)

    def clear(self) -> None:
        """Delete everything (tests, `kg reset`)."""
        self.open()
        self._forget()
        self._in_transaction(True, lambda tx: self._run_named(tx, "internal.clear"))
        self._forget()
