"""`kg extract` and `kg ingest`: articles in, extraction output or a stored graph out."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.cli import BackendOpt, DbPathOpt, app, console, err_console, fail, open_store
from core.errors import ArticleError, KGError
from core.taxonomy import RESPONSIBILITY_KINDS
from graph.ingest import ARTICLES_PER_BATCH, IngestReport, ingest
from graph.model import ArticleGraph

#: Exit status when the run finished but some inputs were refused (each is printed with its reason);
#: 0 means every input was read (and stored), 1 that the run itself failed (the store, the options).
SOME_FAILED = 3

PathsArg = Annotated[list[Path], typer.Argument(help="article files (.txt .json .jsonl .html) or folders of them")]


def extracted(paths: list[Path], workers: int = 1, dask: str | None = None) -> Iterator[ArticleGraph | ArticleError]:
    """Load and extract lazily, so the first results come before the last file is read; on
    `workers` processes, or on the Dask cluster at `dask`, results still in input order."""
    from loaders.articles import iter_articles
    from loaders.extract import extract_many
    from loaders.parallel import extract_on_dask, extract_parallel

    articles = iter_articles(paths)
    if dask:
        yield from extract_on_dask(articles, dask)
    elif workers > 1:
        yield from extract_parallel(articles, workers)
    else:
        yield from extract_many(articles)


def _table_row(g: ArticleGraph) -> list[str]:
    claims = [s for s in g.statements if s.kind in RESPONSIBILITY_KINDS]
    return [
        g.article.file or g.article.id,
        g.article.outlet or "",
        g.article.published or "",
        ", ".join(a.name for a in g.actors[:6]) + (" …" if len(g.actors) > 6 else ""),
        ", ".join(p.name for p in g.places[:5]) + (" …" if len(g.places) > 5 else ""),
        "\n".join(f"{e.type} {e.date or '?'} @{e.place or '?'}" for e in g.events),
        "\n".join(f"{s.kind}: {s.speaker}" for s in claims) or f"{len(g.statements)} statements",
    ]


@app.command()
def extract(
    paths: PathsArg,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="jsonl (DESIGN.md's extraction output) or table")
    ] = "jsonl",
) -> None:
    """Extract actors, places, events and statements from articles without storing them."""
    if fmt not in ("jsonl", "table"):
        raise fail(f"--format must be jsonl or table, not {fmt!r}", 2)
    table = Table("file", "outlet", "published", "actors", "places", "events", "claims", show_lines=True)
    errors = 0
    for item in extracted(paths):
        if isinstance(item, ArticleError):
            errors += 1
            err_console.print(f"[red]skipped[/] {item}", highlight=False)
            continue
        for warning in item.warnings:
            err_console.print(f"[yellow]warning[/] {warning}", highlight=False)
        if fmt == "jsonl":
            sys.stdout.write(json.dumps(item.to_extraction(), ensure_ascii=False) + "\n")
        else:
            table.add_row(*_table_row(item))
    if fmt == "table":
        console.print(table)
    if errors:
        err_console.print(f"{errors} article(s) could not be read; the others were extracted")
        raise typer.Exit(SOME_FAILED)


def print_ingest_report(report: IngestReport) -> None:
    added = {k: v for k, v in report.added().items() if v}
    console.print(
        f"[bold]{report.articles}[/] article(s) stored, {report.events} event report(s), "
        f"{report.statements} statement(s); {report.merged_events} report(s) joined an event "
        f"already in the graph; {len(report.errors)} error(s), {len(report.warnings)} warning(s)",
        highlight=False,
    )
    if added:
        table = Table("added", "count", title="new in the graph")
        for k, v in added.items():
            table.add_row(k, str(v))
        console.print(table)
    elif report.articles:
        console.print("nothing new: these articles were already in the graph")
    for warning in report.warnings:
        err_console.print(f"[yellow]warning[/] {warning}", highlight=False)
    for err in report.errors:
        err_console.print(f"[red]error[/] {err}", highlight=False)


@app.command(name="ingest")
def ingest_command(
    paths: PathsArg,
    backend: BackendOpt = None,
    db: DbPathOpt = None,
    batch: Annotated[int, typer.Option(help="articles per write transaction")] = ARTICLES_PER_BATCH,
    workers: Annotated[
        int, typer.Option(min=1, help="processes extracting at once (one per core pays); the graph is the same")
    ] = 1,
    dask: Annotated[
        str | None,
        typer.Option(help="extract on this Dask cluster instead, e.g. tcp://scheduler:8786 (needs kg-news[dask])"),
    ] = None,
) -> None:
    """Extract articles and write them into the graph store (idempotent: re-ingesting changes nothing)."""
    if workers > 1 and dask:
        raise fail("give --workers or --dask, not both: the Dask cluster has its own workers", 2)
    try:
        store = open_store(backend, db, create=True)
    except KGError as exc:
        raise fail(str(exc)) from exc
    progress = Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        transient=True,
    )
    try:
        with store, progress:
            task = progress.add_task("ingesting", total=None)
            report = ingest(
                store,
                extracted(paths, workers, dask),
                articles_per_batch=batch,
                on_item=lambda _: progress.advance(task),
            )
    except KGError as exc:
        raise fail(str(exc)) from exc
    print_ingest_report(report)
    if report.errors:
        raise typer.Exit(SOME_FAILED)
