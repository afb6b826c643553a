"""LadybugDB: the embedded default store, one file on disk, no server."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.errors import StoreError, StoreUnavailable
from graph.rows import GraphRows
from graph.stores.base import GraphStore, Transaction

#: Write queries whose rows are new for sure when they belong to a new article, statement or
#: event: (row field holding the owner id, kind of owner, table for COPY). Such rows go through
#: `copy.<kind>` (queries/ladybug/copy.cypher) or `write.new_<kind>` (queries/ladybug/create.cypher)
#: instead of `write.<kind>`.
_NEW_ROW_PLAN: dict[str, tuple[str, str, str]] = {
    "write.article": ("id", "article", "Article"),
    "write.statement": ("id", "statement", "Statement"),
    "write.event": ("id", "event", "Event"),
    "write.occurred_at": ("src", "event", "OCCURRED_AT"),
    "write.carried_out": ("dst", "event", "CARRIED_OUT"),
    "write.targeted": ("src", "event", "TARGETED"),
    "write.published_by": ("src", "article", "PUBLISHED_BY"),
    "write.mentions_actor": ("src", "article", "MENTIONS"),
    "write.mentions_place": ("src", "article", "MENTIONS"),
    "write.event_reported_in": ("dst", "article", "REPORTED_IN"),
    "write.statement_reported_in": ("dst", "article", "REPORTED_IN"),
    "write.made": ("dst", "statement", "MADE"),
    "write.about": ("src", "statement", "ABOUT"),
    "write.addressed_to": ("src", "statement", "ADDRESSED_TO"),
    "write.accuses": ("src", "statement", "ACCUSES"),
}
#: Rows shared by many articles (gazetteer actors and places, their hierarchy): once written in
#: this process they are skipped while unchanged. Safe because one process owns a LadybugDB file.
_SHARED_ROWS = ("write.actor", "write.place", "write.member_of", "write.located_in")
_READ_ONLY_ATTEMPTS = 5
#: WAL size at which a commit checkpoints (LadybugDB's default is 16 MB). A checkpoint rewrites
#: what the WAL touched, in CPU that grows with the store (1.0 s into 1.5k articles, 1.7 s into
#: 9k), and a batch of 500 articles writes about 7 MB of WAL, so the default checkpoints every
#: second or third batch. At 64 MB it happens every ninth; a commit costs a little more as the
#: WAL grows (0.06 -> 0.19 s of CPU), a crash replays up to 64 MB on the next open, and a
#: read-only snapshot taken during an ingest replays the WAL too (a few seconds at 64 MB).
#: close() checkpoints, so a finished ingest leaves no WAL behind.
_CHECKPOINT_WAL_BYTES = 64 << 20
_TABLE_DDL = re.compile(r"CREATE\s+(NODE|REL)\s+TABLE\s+IF\s+NOT\s+EXISTS\s+(\w+)\s*\((.*)\)\s*$", re.S | re.I)


def plain(value: Any) -> Any:
    """LadybugDB values as plain JSON-able ones: nodes and relationships become property dicts."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def _frame(rows: list[dict[str, Any]]) -> Any:
    """Rows as a DataFrame of Python objects, one column per field, for `LOAD FROM $rows`.

    LadybugDB's Python binding walks every value of a list parameter in Python to find the types of a
    prepared statement, then converts the list value by value; a DataFrame is one pointer to it, scanned
    by column (the new-row queries of 500 articles: 1.05 s of CPU as `UNWIND $rows`, 0.28 s from a
    DataFrame). Object columns keep None as null and ints as ints (a numeric column would turn a null
    into NaN, which no INT64 cast takes).
    """
    import pandas as pd

    return pd.DataFrame({c: pd.Series([r[c] for r in rows], dtype=object) for c in rows[0]})


class _LadybugTx(Transaction):
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def run(self, text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        try:
            result = self.conn.execute(text, params) if params else self.conn.execute(text)
        finally:
            if any(type(v).__module__.startswith("pandas") for v in params.values()):
                _forget_frame_statements(self.conn)
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append({c: plain(v) for c, v in zip(columns, result.get_next(), strict=True)})
        return rows


def _forget_frame_statements(conn: Any) -> None:
    """Drop the statements LadybugDB's binding prepared for a DataFrame parameter.

    The binding keeps every statement it prepares, keyed by the query and its parameters' types, for
    the life of the connection; a DataFrame's key is the object itself, so each COPY or LOAD FROM gets
    an entry of its own, and the entry keeps the DataFrame alive: a writer held every new row it ever
    wrote (the rows of 30 batches of 5,000 2 kB rows: 504 MB of RSS kept, 187 MB with this). Such a
    statement is never reused, so dropping it loses nothing. A binding without this cache is left alone.
    """
    cache = getattr(conn, "_pybind_implicit_prepared_cache", None)
    if not isinstance(cache, dict):
        return
    for key in [k for k in cache if _has_pointer(k)]:
        cache.pop(key, None)


def _has_pointer(key: Any) -> bool:
    """Whether a prepared-statement cache key (query, ((name, type signature), ...)) holds an object."""
    try:
        return any(signature[0] == "pointer" for _, signature in key[1])
    except (TypeError, IndexError, ValueError):
        return False


class LadybugStore(GraphStore):
    backend = "ladybug"
    skip_in_client = True  # `RETURN 1 AS i ORDER BY i SKIP 15420 LIMIT 1` kills the process (0.22)

    def __init__(self, settings: Any, registry: Any = None, read_only: bool = False) -> None:
        super().__init__(settings, registry)
        self.path = Path(settings.db_path).expanduser()
        #: A read-only open: a snapshot as of opening, beside a process that holds the file for writing.
        self.read_only = read_only
        self._db: Any = None
        self._local = threading.local()
        self._written: set[str] = set()  # shared rows committed by this process
        self._pending: set[str] = set()  # shared rows of the transaction under way
        self._write_lock = threading.Lock()

    @property
    def location(self) -> str:
        return str(self.path)

    def _open(self) -> None:
        import ladybug

        if self.read_only:
            self._open_read_only(ladybug)
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = ladybug.Database(str(self.path), checkpoint_threshold=_CHECKPOINT_WAL_BYTES)
        except Exception as exc:
            raise StoreUnavailable(
                f"cannot open the LadybugDB file {self.path}: {exc} "
                "(is another process using it? set KG_DB_PATH to use another file)",
                public="the LadybugDB store is in use by another process (an ingest?); try again when it ends",
            ) from exc
        with self._transaction(write=True) as tx:
            for statement in self.query_def("schema").statements:
                tx.run(statement, {})

    def _open_read_only(self, ladybug: Any) -> None:
        """Open a snapshot; LadybugDB refuses while the writer checkpoints, so try a few times."""
        if not self.path.exists():
            raise StoreUnavailable(f"there is no LadybugDB file at {self.path} to read")
        for attempt in range(_READ_ONLY_ATTEMPTS):
            try:
                self._db = ladybug.Database(str(self.path), read_only=True)
                return
            except Exception as exc:  # noqa: BLE001 - the binding raises RuntimeError and others
                if attempt + 1 == _READ_ONLY_ATTEMPTS:
                    raise StoreUnavailable(f"cannot open the LadybugDB file {self.path} to read: {exc}") from exc
                time.sleep(0.2 * (attempt + 1))

    def _conn(self) -> Any:
        import ladybug

        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = ladybug.Connection(self._db)
            self._local.conn = conn
        return conn

    @contextmanager
    def _transaction(self, write: bool) -> Iterator[Transaction]:
        if self._db is None:
            raise StoreUnavailable("the LadybugDB store is not open; call open() first")
        if write and self.read_only:
            raise StoreError(f"{self.path} is open read-only (another process holds it for writing)")
        conn = self._conn()
        lock = self._write_lock if write else None
        if lock:
            lock.acquire()
        if write:
            self._pending = set()
        try:
            conn.execute("BEGIN TRANSACTION" if write else "BEGIN TRANSACTION READ ONLY")
            try:
                yield _LadybugTx(conn)
            except BaseException:
                self._rollback(conn)
                raise
            conn.execute("COMMIT")
            if write:
                self._written |= self._pending
        except StoreError:
            raise
        except RuntimeError as exc:
            raise StoreError(f"LadybugDB: {exc}") from exc
        finally:
            if lock:
                lock.release()

    def _columns(self, table: str) -> list[str]:
        """Column order COPY expects, read from the schema's DDL: node properties, or from/to
        then relationship properties."""
        cache = self.__dict__.setdefault("_column_cache", {})
        if not cache:
            for statement in self.query_def("schema").statements:
                m = _TABLE_DDL.match(statement)
                if m is None:
                    continue
                kind, name, body = m.groups()
                props = []
                for part in (p.strip() for p in body.split(",")):
                    first = part.split()[0].strip("`")
                    if first.upper() != "FROM":
                        props.append(first)
                cache[name] = props if kind.upper() == "NODE" else ["from", "to", *props]
        return cache[table]

    def _write_rows(self, tx: Transaction, rows: GraphRows, size: int) -> int:
        """MERGE what may exist already; COPY or CREATE what cannot.

        An article id is a hash of its body and a statement or event id is fixed by its
        content, so every row an unseen one owns is new for sure and may be inserted without
        breaking idempotence. `UNWIND ... MERGE` costs per row in proportion to the store
        (LadybugDB 0.22 plans it as a hash join against a scan of the whole table): a writer
        that MERGEd every row took 11.5 ms/article just after 1k articles and 52 at 10k. COPY
        is the fastest way in, but its commit checkpoints every table it touched, in time and
        memory that grow with the table (1.0-1.2 s of CPU for the commit of 500 articles into
        500 or 1k), so it serves only the first write into an empty store. Otherwise new rows
        are CREATEd from a DataFrame (`LOAD FROM`), each endpoint found through the primary-key
        index (queries/ladybug/create.cypher): a cost per row that does not grow with the store.
        """
        import pandas as pd

        new: dict[str, set[str]] = {}
        for owner, query, write in (
            ("article", "internal.existing_articles", "write.article"),
            ("statement", "internal.existing_statements", "write.statement"),
            ("event", "internal.existing_events", "write.event"),
        ):
            ids = [key[0] for key in rows.rows[write]]
            existing: set[str] = set()
            for i in range(0, len(ids), size):
                existing |= {r["id"] for r in self._run_named(tx, query, {"ids": ids[i : i + size]})}
            new[owner] = set(ids) - existing
        bulk = not self._article_count(tx)

        batches = 0
        for name, chunk in rows.batches(10**9):
            if name in _SHARED_ROWS:
                keyed = [(repr(sorted(r.items())), r) for r in chunk]
                chunk = [r for key, r in keyed if key not in self._written]
                self._pending.update(key for key, _ in keyed)
            plan = _NEW_ROW_PLAN.get(name)
            if plan is None:
                merge_rows = chunk
            else:
                field, owner, table = plan
                new_rows = [r for r in chunk if r[field] in new[owner]]
                merge_rows = [r for r in chunk if r[field] not in new[owner]]
                kind = name.removeprefix("write.")
                if new_rows and bulk:
                    columns = self._columns(table)
                    records = [{**r, "from": r.get("src"), "to": r.get("dst")} for r in new_rows]
                    frame = pd.DataFrame.from_records(records, columns=columns).astype(object)
                    frame = frame.where(pd.notna(frame), None)
                    self._run_named(tx, f"copy.{kind}", {"rows": frame})
                    batches += 1
                elif new_rows:
                    self._run_named(tx, f"write.new_{kind}", {"rows": _frame(new_rows)})
                    batches += 1
            for i in range(0, len(merge_rows), size):
                self._run_named(tx, name, {"rows": merge_rows[i : i + size]})
                batches += 1
        return batches

    def _article_count(self, tx: Transaction) -> int:
        rows = self._run_named(tx, "internal.article_count")
        return int(rows[0]["count"]) if rows else 0

    def _checkpoint(self) -> None:
        """Fold the WAL into the file, so the next open (a read-only snapshot too) replays nothing.
        Without it LadybugDB 0.22 leaves the WAL of the last commits beside the file at close."""
        import ladybug

        if not self._write_lock.acquire(blocking=False):
            return  # closed in the middle of a write (from its own thread or another): never wait for it
        conn = ladybug.Connection(self._db)
        try:
            conn.execute("CHECKPOINT")
        except RuntimeError:
            pass  # a read still under way: the next open replays the WAL instead
        finally:
            conn.close()
            self._write_lock.release()

    @staticmethod
    def _rollback(conn: Any) -> None:
        try:
            conn.execute("ROLLBACK")
        except RuntimeError:
            pass  # a failed statement already ended the transaction

    def clear(self) -> None:
        super().clear()
        self._written.clear()

    def retract_article(self, article_id: str) -> dict[str, int]:
        deleted = super().retract_article(article_id)
        self._written.clear()  # a shared actor or place it deleted must be written again when next seen
        return deleted

    def close(self) -> None:
        self._written.clear()
        self._local = threading.local()
        if self._db is not None:
            if not self.read_only:
                self._checkpoint()
            self._db.close()
            self._db = None
        self._opened = False
