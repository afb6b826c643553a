"""What the API's lists read again and again, kept in memory for one state of the graph.

Why: one server process answers many clients, and a page of `/claims?actor=` or `/events` cost
five or six queries (40-90 ms of CPU on LadybugDB at 10k articles), where the framework's own work
is about 1 ms. Yet what a page is cut from (an actor's claims newest first, the events in timeline
order), the rows it shows (one claim or event with its places, actors and sources) and what a
name resolves to change only when the graph does. So the server keeps them, each tagged with the
state of the graph it was read at, and a page is a walk over a kept list plus a by-id fetch of
rows not kept yet.

It is not a cache with a lifetime: every answer is the graph's as it is now. Everything kept is
dropped the moment the state moves: every write through the store bumps its generation, and on a
store that other processes may write to (Neo4j) a marker (how many articles, the latest ingest
time: `internal.content_marker`, an index look-up) is read once per answer. Answers asking at
the same time share one read of it that began after they all asked: on Neo4j a read is a round trip
costing about as much CPU as the rest of a kept answer, and 32 clients need not make 32 of them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable
from concurrent.futures import Future
from typing import TYPE_CHECKING, Any, TypeVar

from cachetools import LRUCache

if TYPE_CHECKING:
    from graph.stores.base import GraphStore

V = TypeVar("V")
#: What is kept at most, counted in rows (a list counts its length, a row one): about 1 KB a row,
#: so some hundreds of MB at most; the least recently used go first.
DEFAULT_MAX_ROWS = 400_000


class ReadModel:
    """Lists, rows and names read from one store, kept while the store's content is unchanged.

    Kept values are shared by every answer that reads them: callers never change them.
    """

    def __init__(self, store: GraphStore, max_rows: int = DEFAULT_MAX_ROWS) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._state: Hashable = None
        self._kept: LRUCache[Hashable, Any] = LRUCache(maxsize=max_rows, getsizeof=_rows)
        self._flights: dict[Hashable, Future[Any]] = {}
        # The shared marker read: answers take a ticket; a read covers the tickets taken before it began.
        self._marker_turn = threading.Condition()
        self._marker_tickets = 0
        self._marker_covered = 0
        self._marker_reading = False
        self._marker: Any = None

    def state(self) -> Hashable:
        """The graph's state now, forgetting what was kept for an earlier one. Read it once per
        answer and pass it to `get`/`many`, so one answer reads one state."""
        generation = self.store.generation
        marker = self._content_marker() if self.store.shared_writes else None
        state = (generation, marker)
        with self._lock:
            if state != self._state:
                self._kept.clear()
                self._state = state
        return state

    def _content_marker(self) -> Any:
        """The content marker as read by a read that began after this call did: the one under way
        serves only those who asked before it began, the next serves everyone waiting for it."""
        with self._marker_turn:
            self._marker_tickets += 1
            ticket = self._marker_tickets
            while self._marker_covered < ticket:
                if not self._marker_reading:
                    self._marker_reading = True
                    covers = self._marker_tickets
                    break
                self._marker_turn.wait()
            else:
                return self._marker
        try:
            marker = tuple(tuple(sorted(r.items())) for r in self.store.query("internal.content_marker"))
        except BaseException:
            with self._marker_turn:
                self._marker_reading = False
                self._marker_turn.notify_all()  # a waiter reads it then, and meets the error itself
            raise
        with self._marker_turn:
            self._marker_reading = False
            self._marker_covered, self._marker = covers, marker
            self._marker_turn.notify_all()
        return marker

    def forget(self) -> None:
        """Drop everything kept: the next answers read the store again."""
        with self._lock:
            self._kept.clear()

    def get(self, state: Hashable, key: Hashable, compute: Callable[[], V]) -> V:
        """The value kept under `key`, or `compute()`'s, kept when the graph did not move meanwhile
        (answers asking for the same missing value at once wait for one computation of it)."""
        with self._lock:
            if state == self._state and key in self._kept:
                return self._kept[key]

        def computed() -> V:
            value = compute()
            self._keep(state, [(key, value)])
            return value

        return self._once((state, key), computed)

    def many(
        self, state: Hashable, kind: Hashable, ids: Iterable[str], fetch: Callable[[list[str]], dict[str, V]]
    ) -> dict[str, V]:
        """The rows of `kind` for these ids: the kept ones, and `fetch(missing)` for the rest (an id
        it leaves out has no row)."""
        found: dict[str, V] = {}
        missing: list[str] = []
        with self._lock:
            current = state == self._state
            for i in ids:
                if current and (kind, i) in self._kept:
                    found[i] = self._kept[(kind, i)]
                else:
                    missing.append(i)
        if missing:

            def fetched() -> dict[str, V]:
                rows = fetch(missing)
                self._keep(state, [((kind, i), v) for i, v in rows.items()])
                return rows

            found.update(self._once((state, kind, tuple(missing)), fetched))
        return found

    def _once(self, key: Hashable, compute: Callable[[], V]) -> V:
        """compute() for the first caller; a caller with the same key meanwhile waits for its result
        (32 clients asking for one list at once make one read of it, not 32)."""
        with self._lock:
            flight = self._flights.get(key)
            leader = flight is None
            if leader:
                flight = self._flights[key] = Future()
        assert flight is not None
        if not leader:
            return flight.result()
        try:
            value = compute()
        except BaseException as exc:
            flight.set_exception(exc)
            raise
        else:
            flight.set_result(value)
            return value
        finally:
            with self._lock:
                self._flights.pop(key, None)

    def _keep(self, state: Hashable, entries: list[tuple[Hashable, Any]]) -> None:
        with self._lock:
            # A write that ran while the value was read may or may not show in it: not kept then.
            if state == self._state and state[0] == self.store.generation:  # type: ignore[index]
                for key, value in entries:
                    if _rows(value) <= self._kept.maxsize:
                        self._kept[key] = value


class KeptRow(dict[str, Any]):
    """A row as the read model keeps it (shared by every answer that shows it), with what it was
    encoded to: the API keeps a row's JSON here, so a page of kept rows is a join of bytes rather
    than fifty models validated and dumped again. Dropped with the row when the graph moves."""

    __slots__ = ("_encoded",)

    def __init__(self, row: dict[str, Any]) -> None:
        super().__init__(row)
        self._encoded: dict[Hashable, bytes] = {}

    def encoded(self, how: Hashable, encode: Callable[[dict[str, Any]], bytes]) -> bytes:
        """`encode(self)`, kept under `how` (two answers encoding it at once both get the same bytes)."""
        found = self._encoded.get(how)
        if found is None:
            found = self._encoded[how] = encode(self)
        return found


def _rows(value: Any) -> int:
    """Rows a kept value counts for: a list its length, a tuple its parts', anything else one."""
    if isinstance(value, list):
        return max(1, len(value))
    if isinstance(value, tuple):
        return max(1, sum(_rows(v) for v in value))
    return 1
