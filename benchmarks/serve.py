"""`kg serve` as the benchmark runs it: the project's app, plus one trivial route to compare with.

    python -m benchmarks.serve --host 127.0.0.1 --port 8000

`GET /_bench/trivial` answers a constant small JSON object through the same app (the same
middleware, error handlers, server and settings as every real route), so the throughput of a
route divided by this one's, measured in the same run, says how much of the server's capacity
the route's own work takes: the machine, the load generator and the framework cancel out.
"""

from __future__ import annotations

import argparse

from fastapi import FastAPI

TRIVIAL_PATH = "/_bench/trivial"


def create_app() -> FastAPI:
    from api.app import create_app as project_app

    app = project_app()

    @app.get(TRIVIAL_PATH, include_in_schema=False)
    def trivial() -> dict[str, bool]:
        return {"ok": True}

    return app


def main(argv: list[str] | None = None) -> None:
    import uvicorn

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8000)
    args = ap.parse_args(argv)
    # The options `kg serve` passes (api/commands/serve.py), with this module's app.
    uvicorn.run("benchmarks.serve:create_app", factory=True, host=args.host, port=args.port)


if __name__ == "__main__":
    main()
