"""The server's read cache: whole responses to GET requests, kept for `KG_QUERY_CACHE_SECONDS`.

Why whole responses: a hit then costs what the smallest route costs (no parameters to check, no
queries, no JSON to build), where a cache of query results still rebuilds the answer each time.

Why it cannot stampede: when an entry is missing, one request computes it and every request for
the same URL that arrives meanwhile waits for that one result; when an entry has just expired, the
first request recomputes it and the others are answered from the expired copy until it is back.
The copy is only ever that stale within the TTL's intent (writes by another process show within
one TTL plus one computation); a write through this server empties the cache at once: every
entry records the store's write generation, and an entry from an older generation is never
served, not even stale.

It is an ASGI middleware, outside routing, so a hit skips the framework's per-request work too.
Responses say `X-Cache: hit`, `stale`, `shared` (waited for another request's computation) or
`miss`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from cachetools import LRUCache

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

#: Paths never cached: the store check must really check, files have their own caching.
UNCACHED_PREFIXES = ("/health", "/static", "/docs", "/openapi.json", "/favicon.ico")
#: Total size of the bodies kept; the least recently used go first.
DEFAULT_MAX_BYTES = 64 * 1024 * 1024


@dataclass
class CachedResponse:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes
    generation: int
    expires: float


class ResponseCache:
    """The ASGI middleware over the app whose `state` is given: it follows the app's store (made on
    first use), keeping responses as long as the store keeps reads (`GraphStore.cache_seconds`, 0:
    off) and only while the store's write generation is unchanged. It puts itself in
    `state.response_cache`."""

    def __init__(self, app: ASGIApp, state: Any, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.app = app
        self.state = state
        state.response_cache = self
        self.max_entry_bytes = max_bytes // 16
        self.entries: LRUCache[tuple[str, bytes, bool], CachedResponse] = LRUCache(
            maxsize=max_bytes, getsizeof=lambda e: len(e.body) + 200
        )
        self.flights: dict[tuple[str, bytes, bool], asyncio.Future[CachedResponse | None]] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(UNCACHED_PREFIXES):
            await self.app(scope, receive, send)
            return
        store = getattr(self.state, "store", None)
        ttl = store.cache_seconds if store is not None else 0.0
        if store is None or ttl <= 0:
            await self.app(scope, receive, send)
            return
        generation = store.generation
        key = (scope["path"], scope.get("query_string", b""), _wants_html(scope))
        entry = self.entries.get(key)
        if entry is not None and entry.generation != generation:
            entry = None  # written since: never served, not even stale
        flight = self.flights.get(key)
        if entry is not None and (entry.expires > time.monotonic() or flight is not None):
            await _replay(entry, send, b"hit" if entry.expires > time.monotonic() else b"stale")
            return
        if flight is not None:
            shared = await asyncio.shield(flight)
            if shared is not None and shared.generation == generation:
                await _replay(shared, send, b"shared")
                return
        await self._compute(scope, receive, send, key, store, ttl)

    async def _compute(
        self, scope: Scope, receive: Receive, send: Send, key: tuple[str, bytes, bool], store: Any, ttl: float
    ) -> None:
        """Run the route, passing its response through and keeping a copy of a 200."""
        generation = store.generation
        flight: asyncio.Future[CachedResponse | None] = asyncio.get_running_loop().create_future()
        self.flights[key] = flight
        start: Message = {}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                message = {**message, "headers": [*message.get("headers", []), (b"x-cache", b"miss")]}
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
            await send(message)

        result: CachedResponse | None = None
        try:
            await self.app(scope, receive, keep)
            # Kept only when nothing was written while it was computed: it might show the old graph.
            body = b"".join(chunks)
            if start.get("status") == 200 and store.generation == generation and len(body) <= self.max_entry_bytes:
                headers = [(k, v) for k, v in start.get("headers", []) if k.lower() != b"x-cache"]
                result = CachedResponse(200, headers, body, generation, time.monotonic() + ttl)
                self.entries[key] = result
        finally:
            if self.flights.get(key) is flight:
                del self.flights[key]
            flight.set_result(result)


def _wants_html(scope: Scope) -> bool:
    """Pages and their JSON twins share a URL: the Accept header picks one, so it is in the key."""
    for name, value in scope.get("headers", []):
        if name == b"accept":
            html, json_ = value.find(b"text/html"), value.find(b"application/json")
            return html >= 0 and (json_ < 0 or html < json_)
    return False


async def _replay(entry: CachedResponse, send: Send, how: bytes) -> None:
    await send({"type": "http.response.start", "status": entry.status, "headers": [*entry.headers, (b"x-cache", how)]})
    await send({"type": "http.response.body", "body": entry.body})
