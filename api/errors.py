"""One error shape for every failure: {"ok": false, "error": "...", "status": N}."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import AmbiguousName, ArticleError, KGError, NotFound, QueryError, StoreUnavailable

log = logging.getLogger(__name__)


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(status: int, message: str) -> dict:
    return {"ok": False, "error": message, "status": status}


def _json(status: int, message: str, request: Request | None = None) -> Response:
    """The error as JSON, or as the error page when a browser asked for a page."""
    if request is not None:
        from api.web import html, wants_html

        if wants_html(request):
            return html(request, "error.html", status=status, status_code=status, message=message)
    return JSONResponse(error_body(status, message), status_code=status)


#: The project's own errors as HTTP statuses; Starlette uses the nearest class in an error's MRO.
_STATUS_OF: tuple[tuple[type[KGError], int], ...] = (
    (NotFound, 404),
    (AmbiguousName, 422),  # the request was understood but names several things: the message lists their ids
    (QueryError, 400),
    (ArticleError, 422),
    (StoreUnavailable, 503),
    (KGError, 500),
)


def _refused(request: Request, status: int, message: str) -> Response:
    """The error response, logged: a refused request (4xx) at INFO, a failure of ours (5xx) at ERROR."""
    log.log(
        logging.ERROR if status >= 500 else logging.INFO,
        "%s %s -> %d: %s",
        request.method,
        request.url.path,
        status,
        message,
    )
    return _json(status, message, request)


def _status_handler(status: int):  # noqa: ANN202 - a Starlette exception handler
    async def handler(request: Request, exc: Exception) -> Response:
        return _refused(request, status, str(exc))

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
