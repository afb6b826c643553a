"""`kg serve`: run the HTTP API."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from api.cli import BackendOpt, DbPathOpt, app, fail, require_database
from core.errors import KGError


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    backend: BackendOpt = None,
    db: DbPathOpt = None,
    reload: Annotated[bool, typer.Option(help="restart on code changes (development)")] = False,
) -> None:
    """Serve the web page at /, the JSON API, graph HTML and RDF export (OpenAPI docs at /docs)."""
    import uvicorn

    from graph.settings import get_settings

    if backend:
        os.environ["KG_BACKEND"] = backend
    if db:
        os.environ["KG_DB_PATH"] = db
    get_settings.cache_clear()
    try:
        require_database(get_settings())
    except KGError as exc:
        raise fail(str(exc)) from exc
    typer.echo(f"serving the {get_settings().backend} store: open http://{host}:{port}/ (API docs: /docs)")
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, reload=reload)
