"""`kg serve`: run the HTTP API, and start it again if the process dies."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from typing import Annotated

import typer

from api.cli import BackendOpt, DbPathOpt, app, err_console, fail, require_database
from core.errors import KGError

#: A server that dies this many times in a row before it has started is not started again.
MAX_QUICK_DEATHS = 5
#: The pipe a supervised server writes one byte to once it has started (api/app.py's lifespan).
READY_FD_ENV = "KG_SERVE_READY_FD"


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    backend: BackendOpt = None,
    db: DbPathOpt = None,
    reload: Annotated[bool, typer.Option(help="restart on code changes (development)")] = False,
    supervise: Annotated[
        bool, typer.Option(help="run the server in a child process and start it again if it dies")
    ] = True,
) -> None:
    """Serve the web page at /, the JSON API, graph HTML and RDF export (OpenAPI docs at /docs).

    The server runs in a child process; if anything kills it (a crash in the embedded database
    engine, the OOM killer), it is started again, so one request cannot take the service down.
    `kg` commands run beside it on the same embedded store go through it.
    """
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
    url_host = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    os.environ["KG_SERVE_URL"] = f"http://{url_host}:{port}"
    typer.echo(f"serving the {get_settings().backend} store: open http://{host}:{port}/ (API docs: /docs)")
    if reload or not supervise:
        _run(host, port, reload)
        return
    raise typer.Exit(_supervise(host, port))


def _run(host: str, port: int, reload: bool = False) -> None:
    import uvicorn

    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, reload=reload)


def _supervise(host: str, port: int) -> int:
    """Run the server as a child; start it again when a signal kills it, stop when it exits or on Ctrl-C.

    A child that dies before it has started (a port in use, a broken setting) would die again:
    after MAX_QUICK_DEATHS such deaths in a row the supervisor gives up. The child says it started
    by writing to a pipe (READY_FD_ENV) when its application starts up.
    """
    command = [sys.executable, "-m", "api.commands.serve", host, str(port)]
    stopping = False
    child: subprocess.Popen[bytes] | None = None

    def forward(signum: int, _frame: object) -> None:
        nonlocal stopping
        stopping = True
        if child is not None and child.poll() is None:
            child.send_signal(signum)

    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, forward)
    quick_deaths = 0
    while True:
        ready_read, ready_write = os.pipe()
        os.set_blocking(ready_read, False)
        env = {**os.environ, READY_FD_ENV: str(ready_write)}
        # In its own process group, so a Ctrl-C reaches it once, through `forward`: a second SIGINT
        # would make uvicorn skip the shutdown that closes the store and removes the note.
        child = subprocess.Popen(command, env=env, pass_fds=(ready_write,), process_group=0)
        os.close(ready_write)
        code = child.wait()
        try:
            started = bool(os.read(ready_read, 1))
        except BlockingIOError:
            started = False
        os.close(ready_read)
        if stopping or code >= 0:
            return 0 if stopping else code
        quick_deaths = 0 if started else quick_deaths + 1
        err_console.print(
            f"[bold red]the server died ({signal.Signals(-code).name}); starting it again[/]", highlight=False
        )
        if quick_deaths >= MAX_QUICK_DEATHS:
            err_console.print("[bold red]it keeps dying before it starts: giving up[/]")
            return 1


if __name__ == "__main__":  # the supervised child: `python -m api.commands.serve HOST PORT`
    _run(sys.argv[1], int(sys.argv[2]))
