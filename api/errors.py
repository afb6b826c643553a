"""One error shape for every failure: {"ok": false, "error": "...", "status": N}."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import ArticleError, KGError, NotFound, QueryError, StoreUnavailable


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def error_body(status: int, message: str) -> dict:
    return {"ok": False, "error": message, "status": status}


def _json(status: int, message: str) -> JSONResponse:
    return JSONResponse(error_body(status, message), status_code=status)


#: The project's own errors as HTTP statuses; Starlette uses the nearest class in an error's MRO.
_STATUS_OF: tuple[tuple[type[KGError], int], ...] = (
    (NotFound, 404),
    (QueryError, 400),
    (ArticleError, 422),
    (StoreUnavailable, 503),
    (KGError, 500),
)


def _status_handler(status: int):  # noqa: ANN202 - a Starlette exception handler
    async def handler(_: Request, exc: Exception) -> JSONResponse:
        return _json(status, str(exc))

    return handler


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_: Request, exc: ApiError) -> JSONResponse:
        return _json(exc.status, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = []
        for err in exc.errors():
            where = ".".join(str(p) for p in err.get("loc", ()) if p not in ("query", "body", "path"))
            parts.append(f"{where}: {err.get('msg')}" if where else str(err.get("msg")))
        return _json(422, "; ".join(parts) or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _json(exc.status_code, str(exc.detail))

    for error_class, status in _STATUS_OF:
        app.add_exception_handler(error_class, _status_handler(status))
