"""One error shape for every failure: {"ok": false, "error": "...", "status": N}."""

from __future__ import annotations

import logging
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import AmbiguousName, ArticleError, KGError, NotFound, QueryError, StoreError, StoreUnavailable

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(status: int, message: str) -> dict:
    return {"ok": False, "error": message, "status": status}


class ErrorOut(BaseModel):
    """Every error the API answers, whatever its status."""

    ok: Literal[False] = False
    error: str = Field(description="what was wrong, and what to do about it")
    status: int


def _described(text: str) -> dict[str, Any]:
    """An error response in OpenAPI: JSON always, also on routes that answer HTML or RDF."""
    return {"description": text, "content": {"application/json": {"schema": ErrorOut.model_json_schema()}}}


#: The statuses any route may answer, in OpenAPI; a route adds its own (401, 403, 409, 413).
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: _described("a parameter is out of range (e.g. an offset past KG_MAX_OFFSET) or malformed"),
    404: _described("no such route, or the id or name matches nothing"),
    422: _described("a parameter or the body is invalid; the message names it"),
    500: _described("internal error; the server's log says why"),
    503: _described("the graph store is unavailable (busy with another process, or unreachable); retry"),
}


def _json(status: int, message: str, request: Request | None = None, headers: dict[str, str] | None = None) -> Response:
    """The error as JSON, or as the error page when a browser asked for a page."""
    if request is not None:
        from api.web import html, wants_html

        if wants_html(request):
            page = html(request, "error.html", status=status, status_code=status, message=message)
            page.headers.update(headers or {})
            return page
    return JSONResponse(error_body(status, message), status_code=status, headers=headers)


#: The project's own errors as HTTP statuses; Starlette uses the nearest class in an error's MRO.
#: A client error's message says what was wrong; a server error's message is the `public` one:
#: the full one, which may name files, processes or driver internals, goes to the log only.
_STATUS_OF: tuple[tuple[type[KGError], int], ...] = (
    (NotFound, 404),
    (AmbiguousName, 422),  # the request was understood but names several things: the message lists their ids
    (QueryError, 400),
    (ArticleError, 422),
    (StoreUnavailable, 503),
    (StoreError, 500),
    (KGError, 500),
)
INTERNAL_ERROR = "internal error: the server could not answer this request (its log says why)"


def log_refusal(method: str, path: str, status: int, message: str) -> None:
    """One log line per error answered, whoever answers it (these handlers, or `api.guard` before
    the body is read): a refused request (4xx) at INFO, a failure of ours (5xx) at ERROR."""
    log.log(logging.ERROR if status >= 500 else logging.INFO, "%s %s -> %d: %s", method, path, status, message)


def _refused(request: Request, status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    """The error response, logged."""
    log_refusal(request.method, request.url.path, status, message)
    return _json(status, message, request, headers)


def _status_handler(status: int):  # noqa: ANN202 - a Starlette exception handler
    async def handler(request: Request, exc: Exception) -> Response:
        if status < 500:
            return _refused(request, status, str(exc))
        log.error("%s %s answered %d: %s", request.method, request.url.path, status, exc)  # the full message
        message = exc.public if isinstance(exc, StoreError) else INTERNAL_ERROR
        return _json(status, message, request, {"Retry-After": "5"} if status == 503 else None)

    return handler


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        return _refused(request, exc.status, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> Response:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
            parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return _refused(request, 422, "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        return _refused(request, exc.status_code, str(exc.detail))

    for error_class, status in _STATUS_OF:
        app.add_exception_handler(error_class, _status_handler(status))

    @app.exception_handler(Exception)
    async def _anything_else(request: Request, exc: Exception) -> Response:
        """A bug: the client still gets the one error shape, and nothing of the traceback."""
        log.exception("%s %s failed", request.method, request.url.path, exc_info=exc)
        return _json(500, INTERNAL_ERROR, request)
