"""LadybugDB: the embedded default store, one file on disk, no server."""
from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from graph.errors import StoreError, StoreUnavailable
from graph.stores.base import GraphStore, Transaction


def plain(value: Any) -> Any:
    """LadybugDB values as plain JSON-able ones: nodes and relationships become property dicts."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items() if not k.startswith("_")}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


class _LadybugTx(Transaction):
    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def run(self, text: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        result = self.conn.execute(text, params) if params else self.conn.execute(text)
        columns = result.get_column_names()
        rows = []
        while result.has_next():
            rows.append({c: plain(v) for c, v in zip(columns, result.get_next())})
        return rows


class LadybugStore(GraphStore):
    backend = "ladybug"

    def __init__(self, settings: Any, registry: Any = None) -> None:
        super().__init__(settings, registry)
        self.path = Path(settings.db_path).expanduser()
        self._db: Any = None
        self._local = threading.local()
        self._write_lock = threading.Lock()

    @property
    def location(self) -> str:
        return str(self.path)

    def _open(self) -> None:
        import ladybug

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = ladybug.Database(str(self.path))
        except Exception as exc:
            raise StoreUnavailable(
                f"cannot open the LadybugDB file {self.path}: {exc} "
                "(is another process using it? set KG_DB_PATH to use another file)"
            ) from exc
        with self._transaction(write=True) as tx:
            for statement in self.query_def("schema").statements:
                tx.run(statement, {})

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
        conn = self._conn()
        lock = self._write_lock if write else None
        if lock:
            lock.acquire()
        try:
            conn.execute("BEGIN TRANSACTION" if write else "BEGIN TRANSACTION READ ONLY")
            try:
                yield _LadybugTx(conn)
            except BaseException:
                self._rollback(conn)
                raise
            conn.execute("COMMIT")
        except StoreError:
            raise
        except RuntimeError as exc:
            raise StoreError(f"LadybugDB: {exc}") from exc
        finally:
            if lock:
                lock.release()

    @staticmethod
    def _rollback(conn: Any) -> None:
        try:
            conn.execute("ROLLBACK")
        except RuntimeError:
            pass  # a failed statement already ended the transaction

    def close(self) -> None:
        self._local = threading.local()
        if self._db is not None:
            self._db.close()
            self._db = None
        self._opened = False
