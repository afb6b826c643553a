"""Health: is the service up and does the store answer?"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from api.deps import SettingsDep, app_store
from core.errors import KGError, StoreError

router = APIRouter(tags=["health"])


@router.get("/health", summary="Whether the service runs and the store answers")
def health(request: Request, settings: SettingsDep) -> JSONResponse:
    try:
        store = app_store(request.app, settings)
        version = store.query("internal.version")[0]["version"]
    except KGError as exc:
        message = exc.public if isinstance(exc, StoreError) else "the graph store does not answer"
        return JSONResponse(
            {"ok": False, "status": 503, "backend": settings.backend, "store": "unavailable", "error": message},
            status_code=503,
            headers={"Retry-After": "5"},
        )
    return JSONResponse({"ok": True, "status": 200, "backend": store.backend, "store": "ok", "version": version})
