"""The `kg` command line: thin commands over `graph/`, `loaders/` and `queries/`."""

from __future__ import annotations

import csv
import io
import json
import logging
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from core.errors import KGError, StoreUnavailable
from graph.known import moment
from graph.names import resolve_params
from graph.settings import Settings, get_settings
from graph.stores import GraphStore, make_store

app = typer.Typer(
    name="kg",
    help="A knowledge graph of actors, events and claims from news articles.",
    no_args_is_help=True,
    add_completion=False,
)
console = Console(soft_wrap=True)
err_console = Console(stderr=True, soft_wrap=True)

BackendOpt = Annotated[
    str | None, typer.Option("--backend", "-b", help="ladybug (embedded, default) or neo4j; overrides KG_BACKEND")
]
DbPathOpt = Annotated[str | None, typer.Option("--db", help="LadybugDB file; overrides KG_DB_PATH")]


LOG_LEVELS = ("debug", "info", "warning", "error")


@app.callback()
def _logging(
    log_level: Annotated[
        str,
        typer.Option(
            "--log-level",
            envvar="KG_LOG_LEVEL",
            help="debug, info (skipped files, batches written, refused requests), warning or error",
        ),
    ] = "warning",
) -> None:
    """Send the library's log records (loggers named after the modules) to stderr at this level."""
    if log_level.lower() not in LOG_LEVELS:
        raise typer.BadParameter(f"choose one of {', '.join(LOG_LEVELS)}", param_hint="--log-level")
    logging.basicConfig(level=log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def settings_for(backend: str | None = None, db: str | None = None) -> Settings:
    base = get_settings()
    update: dict[str, Any] = {}
    if backend:
        update["backend"] = backend
    if db:
        update["db_path"] = db
    return Settings(**{**base.model_dump(), **update}) if update else base


def require_database(settings: Settings) -> None:
    """Reading from a LadybugDB file that is not there is a mistake (a mistyped --db), not a new,
    empty graph: say so instead of creating one."""
    if settings.backend == "ladybug" and not Path(settings.db_path).expanduser().exists():
        raise KGError(
            f"no LadybugDB database at {settings.db_path}: check --db or KG_DB_PATH; "
            "`kg ingest PATH` or `kg demo` creates one"
        )


def open_store(backend: str | None, db: str | None, create: bool = False) -> GraphStore:
    """The store the options name, opened; only commands that write (`create`) may start a new file.

    On the embedded store, a `kg serve` that holds the file is used through its /local routes; a
    file another process holds for writing is read from a read-only snapshot (a command that
    writes fails instead, saying so).
    """
    settings = settings_for(backend, db)
    if not create:
        require_database(settings)
    if settings.backend == "ladybug":
        from graph.stores.ladybug_store import LadybugStore
        from graph.stores.remote_store import RemoteStore, find_server

        note = find_server(settings.db_path)
        if note is not None:
            err_console.print(f"[dim]through kg serve at {note.url} (it holds {settings.db_path})[/]", highlight=False)
            return RemoteStore(settings, note).open()
        try:
            return make_store(settings).open()
        except StoreUnavailable:
            if create:
                raise
        snapshot = LadybugStore(settings, read_only=True).open()
        err_console.print(
            "[yellow]note:[/] another process holds the store for writing; reading a snapshot as of now",
            highlight=False,
        )
        return snapshot
    return make_store(settings).open()


#: How many items of a list a table cell names before it says how many more there are.
CELL_ITEMS = 3
#: Above this many columns a table is printed one row per block, one field per line.
WIDE_COLUMNS = 6


def cell(value: Any) -> str:
    """A value as a table cell a person can read: a nested actor, place or source by its name, a
    list by its first few items and a count, never raw JSON."""
    if value is None:
        return ""
    if isinstance(value, dict):
        for key in ("name", "outlet", "title", "id", "article"):
            if value.get(key):
                named = str(value[key])
                return f"{named} ({value['date']})" if value.get("date") and key != "title" else named
        return ", ".join(f"{k}={cell(v)}" for k, v in value.items() if v is not None)
    if isinstance(value, list):
        shown = [cell(v) for v in value[:CELL_ITEMS]]
        more = len(value) - CELL_ITEMS
        return ", ".join(shown) + (f" (+{more} more)" if more > 0 else "")
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def fail(message: str, code: int = 1) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def print_rows(rows: list[dict[str, Any]], fmt: str, title: str | None = None) -> None:
    """Rows as a rich table, JSON, or CSV: the same rows whatever the format."""
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return
    columns = list(rows[0]) if rows else []
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow(
                {k: json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v for k, v in row.items()}
            )
        sys.stdout.write(buf.getvalue())
        return
    if len(columns) > WIDE_COLUMNS:
        # Too many columns to read side by side: one block per row, a field per line (psql's \x).
        if title:
            console.print(f"[bold]{title}[/]", highlight=False)
        width = max(len(c) for c in columns)
        for i, row in enumerate(rows, start=1):
            console.print(f"[dim]── {i} ──[/]", highlight=False)
            for c in columns:
                if row[c] not in (None, "", []):
                    console.print(f"{c.ljust(width)}  {cell(row[c])}", highlight=False, markup=False)
    else:
        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for row in rows:
            table.add_row(*(cell(row[c]) for c in columns))
        console.print(table)
    if not rows:
        console.print("(no rows)")


@app.command()
def status(
    backend: BackendOpt = None, db: DbPathOpt = None, as_json: Annotated[bool, typer.Option("--json")] = False
) -> None:
    """Show the backend, where it lives, its version, and node and relationship counts."""
    try:
        with open_store(backend, db) as store:
            st = store.status()
    except KGError as exc:
        raise fail(str(exc)) from exc
    if as_json:
        print(json.dumps(st.as_dict(), ensure_ascii=False, indent=2))
        return
    console.print(f"backend:  [bold]{st.backend}[/]\nlocation: {st.location}\nversion:  {st.version}", highlight=False)
    for title, heading, counts in (
        ("nodes per label", "label", st.nodes),
        ("relationships per type", "type", st.relationships),
    ):
        table = Table(title=title)
        table.add_column(heading)
        table.add_column("count", justify="right")
        for name, n in sorted(counts.items()):
            table.add_row(name, str(n))
        console.print(table)
    if not st.nodes:
        console.print("The graph is empty: `kg ingest PATH` or `kg demo` fills it.")


#: Parameters that are always text, however they look: a year `2024` is a date, not a number.
TEXT_PARAMS = ("since", "until", "as_of", "as_of_ingested")


def parse_params(items: list[str]) -> dict[str, Any]:
    """`k=v` pairs; a value that parses as JSON (numbers, true, null, lists) is taken as such, except
    dates; as_of and as_of_ingested are checked and normalised as the API does (`graph.known.moment`)."""
    params: dict[str, Any] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise KGError(f"--param takes key=value, got {item!r}")
        if key in TEXT_PARAMS:
            params[key] = moment(value, key) if key.startswith("as_of") else value
            continue
        try:
            params[key] = json.loads(value)
        except json.JSONDecodeError:
            params[key] = value
    return params


@app.command()
def query(
    name: Annotated[str | None, typer.Argument(help="a query name; leave out to list them")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, json or csv")] = "table",
    backend: BackendOpt = None,
    db: DbPathOpt = None,
) -> None:
    """Run a named query from queries/ with parameters.

    Actor and place parameters (actor, speaker, source, target, place) take an id or an English or
    Arabic name, resolved as the API resolves them; `q` is search text, folded as names are stored.
    """
    if fmt not in ("table", "json", "csv"):
        raise fail(f"--format must be table, json or csv, not {fmt!r}", 2)
    try:
        settings = settings_for(backend, db)
        store = make_store(settings)
        if name is None:
            rows = [q.describe() for q in store.registry.public(settings.backend)]
            print_rows(
                [{"name": r["name"], "params": ", ".join(r["params"]), "description": r["description"]} for r in rows],
                fmt,
            )
            return
        params = parse_params(param or [])
        store.query_def(name).bind(params)  # report parameter mistakes before opening anything
        with open_store(backend, db) as opened:
            rows = opened.query(name, resolve_params(opened, params))
    except KGError as exc:
        raise fail(str(exc)) from exc
    print_rows(rows, fmt, title=name)


def _register_commands() -> None:
    """Import every module of api/commands/, each of which adds its commands to `app`."""
    import importlib
    import pkgutil

    import api.commands

    for info in sorted(pkgutil.iter_modules(api.commands.__path__), key=lambda i: i.name):
        importlib.import_module(f"api.commands.{info.name}")


_register_commands()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
