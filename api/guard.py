"""What is checked before a request's body is read: the key of a route that writes, and the size.

A FastAPI dependency runs only after the body has been read and parsed, so a 300 MB body without
a key used to be read in full (and lift the server's memory by that much) before the 401. This
ASGI middleware refuses it from the headers alone, and counts the bytes of a body sent without a
length, stopping at the limit.
"""

from __future__ import annotations

import hmac
import json
from typing import Any

from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.routing import Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.errors import error_body, log_refusal
from graph.settings import Settings, get_settings
from graph.stores.remote_store import TOKEN_HEADER

KEY_HEADER = b"x-api-key"
#: Routes for `kg` commands beside the server (api/routes/local.py): the token of its note instead.
LOCAL_PREFIX = "/local/"
LOCAL_TOKEN_HEADER = TOKEN_HEADER.lower().encode("latin-1")
LOCAL_BODY_LIMIT = 512 * 1024 * 1024


def key_refusal(settings: Settings, given: bytes | None) -> tuple[int, str] | None:
    """Why a write is refused (status, message), or None: the key is compared in constant time."""
    if not settings.api_key:
        return 403, "writes are disabled: no API key is configured (set KG_API_KEY on the server)"
    if given is None or not hmac.compare_digest(given, settings.api_key.encode("utf-8")):
        return 401, "missing or wrong X-API-Key header"
    return None


class RequestGuard:
    """Pure ASGI middleware: `api` is the FastAPI app it guards (whose settings it reads, as the
    routes do), `keyed` the routes that need the API key."""

    def __init__(self, app: ASGIApp, api: FastAPI, keyed: list[APIRoute]) -> None:
        self.app = app
        self.api = api
        self.keyed = keyed

    def _settings(self) -> Settings:
        return self.api.dependency_overrides.get(get_settings, get_settings)()

    def _is_keyed(self, scope: Scope) -> bool:
        return any(route.matches(scope)[0] == Match.FULL for route in self.keyed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        settings = self._settings()
        limit = settings.max_body_bytes
        if scope["path"].startswith(LOCAL_PREFIX):
            token: str | None = getattr(self.api.state, "local_token", None)
            given = headers.get(LOCAL_TOKEN_HEADER)
            if not token or given is None or not hmac.compare_digest(given, token.encode("utf-8")):
                await _respond(scope, send, 404, "Not Found")  # as if there were no such route
                return
            limit = LOCAL_BODY_LIMIT
        elif self._is_keyed(scope):
            refusal = key_refusal(settings, headers.get(KEY_HEADER))
            if refusal is not None:
                await _respond(scope, send, *refusal)
                return
        declared = headers.get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await _respond(scope, send, 400, "Content-Length is not a whole number")
                return
            if int(declared) > limit:
                await _respond(scope, send, 413, _too_large(limit))
                return
        received = 0
        refused = False

        async def counted() -> Message:
            """The body as the app reads it; past the limit, the 413 goes out from here and the app
            is told the client left (raising instead would reach the client as some other error)."""
            nonlocal received, refused
            if refused:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    refused = True
                    await _respond(scope, send, 413, _too_large(limit))
                    return {"type": "http.disconnect"}
            return message

        async def answered(message: Message) -> None:
            if not refused:  # after a 413, whatever the app still says goes nowhere
                await send(message)

        await self.app(scope, counted, answered)


def _too_large(limit: int) -> str:
    return f"the request body is larger than {limit:,} bytes (KG_MAX_BODY_BYTES)"


async def _respond(scope: Scope, send: Send, status: int, message: str) -> None:
    """The refusal in the one error shape, logged as every answered error is."""
    log_refusal(scope.get("method", ""), scope.get("path", ""), status, message)
    body = json.dumps(error_body(status, message)).encode("utf-8")
    headers: list[Any] = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
