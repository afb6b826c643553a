"""The embedded store through the `kg serve` that owns it: how a second process reads and writes.

LadybugDB lets one process open a database file for writing. While `kg serve` runs on a file, it
leaves a note next to it (`<file>.serve.json`: the server's loopback address, a random token and
its process id, readable by its user only); a `kg` command that finds the note, and a server that
answers, sends its queries and writes to that server instead of opening the file. So the CLI
reads while the server runs, and an ingest goes through the server's own write path while the
API goes on answering reads between its batches.
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.errors import NotFound, QueryError, StoreError, StoreUnavailable
from graph.model import ArticleGraph
from graph.stores.base import GraphStore, StoreStatus, WriteResult

TOKEN_HEADER = "X-KG-Local-Token"
#: Graphs per request when writing through the server: requests stay well under its body limit.
GRAPHS_PER_REQUEST = 50


def server_note(db_path: Path | str) -> Path:
    path = Path(db_path).expanduser()
    return path.with_name(path.name + ".serve.json")


@dataclass(frozen=True)
class ServerNote:
    url: str
    token: str
    pid: int


def write_server_note(db_path: Path | str, url: str) -> ServerNote:
    """Leave the note for this process (only its user may read the token); returns it."""
    note = ServerNote(url=url, token=secrets.token_urlsafe(32), pid=os.getpid())
    path = server_note(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(note.__dict__, handle)
    return note


def remove_server_note(db_path: Path | str, note: ServerNote) -> None:
    """Remove the note if it is still this process's (a restarted server may have replaced it)."""
    if read_server_note(db_path) == note:
        server_note(db_path).unlink(missing_ok=True)


def read_server_note(db_path: Path | str) -> ServerNote | None:
    try:
        data = json.loads(server_note(db_path).read_text(encoding="utf-8"))
        return ServerNote(url=str(data["url"]), token=str(data["token"]), pid=int(data["pid"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def find_server(db_path: Path | str) -> ServerNote | None:
    """The running `kg serve` that owns this database file, or None (a stale note is ignored)."""
    note = read_server_note(db_path)
    if note is None or not _alive(note.pid):
        return None
    import httpx

    try:
        answer = httpx.get(f"{note.url}/local/ping", headers={TOKEN_HEADER: note.token}, timeout=10)
    except httpx.HTTPError:
        return None
    return note if answer.status_code == 200 else None


class RemoteStore(GraphStore):
    """A `GraphStore` whose reads and writes run in the `kg serve` process that owns the file."""

    backend = "ladybug"
    shared_writes = True  # the server's store is written by every process that goes through it

    def __init__(self, settings: Any, note: ServerNote, registry: Any = None) -> None:
        super().__init__(settings, registry)
        self.note = note
        self._client: Any = None

    @property
    def location(self) -> str:
        return f"{Path(self.settings.db_path).expanduser()} (through kg serve at {self.note.url})"

    def _open(self) -> None:
        import httpx

        self._client = httpx.Client(base_url=self.note.url, headers={TOKEN_HEADER: self.note.token}, timeout=None)
        self._call("GET", "/local/ping")

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        self._opened = False

    def _transaction(self, write: bool) -> Any:
        raise StoreError("a store reached through kg serve runs no transactions of its own")

    def _call(self, method: str, path: str, body: Any = None) -> Any:
        import httpx

        try:
            answer = self._client.request(method, path, json=body)
        except httpx.HTTPError as exc:
            raise StoreUnavailable(f"kg serve at {self.note.url} stopped answering: {exc}") from exc
        if answer.status_code == 200:
            return answer.json()
        try:
            message = answer.json()["error"]
        except (ValueError, KeyError, TypeError):
            message = answer.text[:300]
        error = {400: QueryError, 404: NotFound, 503: StoreUnavailable}.get(answer.status_code, StoreError)
        raise error(f"kg serve at {self.note.url}: {message}")

    def query(self, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        self.open()
        self.query_def(name).bind(params)  # parameter mistakes are told here, before any request
        return self._call("POST", "/local/query", {"name": name, "params": params or {}})["rows"]

    def write(self, graphs: Sequence[ArticleGraph], batch_size: int | None = None) -> WriteResult:
        """Write through the server, a slice of graphs per request, each slice one transaction there."""
        self.open()
        total = WriteResult(articles=0, rows=0, batches=0)
        for i in range(0, len(graphs), GRAPHS_PER_REQUEST):
            part = [g.model_dump(mode="json") for g in graphs[i : i + GRAPHS_PER_REQUEST]]
            done = self._call("POST", "/local/write", {"graphs": part, "batch_size": batch_size})
            total.articles += done["articles"]
            total.rows += done["rows"]
            total.batches += done["batches"]
            total.merged_events += done["merged_events"]
        return total

    def retract_article(self, article_id: str) -> dict[str, int]:
        self.open()
        return self._call("POST", "/local/retract", {"id": article_id})["deleted"]

    def status(self) -> StoreStatus:
        self.open()
        st = self._call("GET", "/local/status")
        return StoreStatus(self.backend, self.location, st["version"], st["nodes"], st["relationships"])

    def clear(self) -> None:
        self.open()
        self._call("POST", "/local/clear")
