"""`kg viz` (an actor's neighbourhood as one offline HTML page) and `kg export` (RDF or GraphML)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from api.cli import BackendOpt, DbPathOpt, app, console, err_console, fail, open_store
from core.errors import KGError
from graph.known import AsOf
from graph.rdf import DEFAULT_BASE, FORMATS, export_graph
from graph.subgraph import DEFAULT_MAX_NODES, MAX_HOPS, MAX_NODES, subgraph
from graph.visualize import HTML_MAX_NODES, node_label, write_html


@app.command()
def viz(
    actor: Annotated[str, typer.Option("--actor", "-a", help="the centre: an id, or an English or Arabic name")],
    hops: Annotated[int, typer.Option("--hops", "-n", min=0, max=MAX_HOPS, help="relationships to follow out")] = 1,
    since: Annotated[str | None, typer.Option(help="events/statements on or after YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, typer.Option(help="events/statements on or before YYYY[-MM[-DD]]")] = None,
    max_nodes: Annotated[
        int, typer.Option(min=1, max=MAX_NODES, help=f"nodes to fetch (the page draws at most {HTML_MAX_NODES})")
    ] = DEFAULT_MAX_NODES,
    articles: Annotated[bool, typer.Option("--articles/--no-articles", help="show the source articles")] = True,
    min_confidence: Annotated[
        float | None,
        typer.Option("--min-confidence", min=0, max=1, help="leave out events, roles and statements less sure"),
    ] = None,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="only what articles published by then report (YYYY-MM-DD[THH:MM])")
    ] = None,
    output: Annotated[Path, typer.Option("--output", "-o", help="the HTML file to write")] = Path("graph.html"),
    backend: BackendOpt = None,
    db: DbPathOpt = None,
) -> None:
    """Draw an actor's neighbourhood as one self-contained HTML page that works offline."""
    try:
        with open_store(backend, db) as store:
            view = subgraph(
                store,
                actor,
                hops=hops,
                since=since,
                until=until,
                max_nodes=max_nodes,
                with_articles=articles,
                known=AsOf.of(as_of),
                min_confidence=min_confidence,
            )
    except KGError as exc:
        raise fail(str(exc)) from exc
    write_html(view, output)
    centre = view.node(view.center) if view.center else None
    name = node_label(centre).splitlines()[0] if centre else actor
    drawn = min(len(view.nodes), HTML_MAX_NODES)
    console.print(
        f"wrote {output}: {drawn} nodes and the relationships among them, "
        f"around {name} ({centre['id'] if centre else actor})",
        highlight=False,
        soft_wrap=True,
    )
    if view.note or len(view.nodes) > HTML_MAX_NODES:
        err_console.print(
            f"[yellow]note:[/] {view.note or f'the page draws the nearest {HTML_MAX_NODES} nodes'}",
            highlight=False,
            soft_wrap=True,
        )


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="ttl (Turtle), jsonld (JSON-LD) or graphml")] = "ttl",
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="file to write; standard output if left out")
    ] = None,
    base: Annotated[str, typer.Option(help="namespace for the graph's own ids and terms")] = DEFAULT_BASE,
    as_of: Annotated[
        str | None, typer.Option("--as-of", help="only what articles published by then report (YYYY-MM-DD[THH:MM])")
    ] = None,
    backend: BackendOpt = None,
    db: DbPathOpt = None,
) -> None:
    """Export the whole graph: RDF on SEM, PROV-O and schema.org (sameAs Wikidata), or GraphML for Gephi."""
    if fmt not in FORMATS:
        raise fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}", 2)
    try:
        with open_store(backend, db) as store:
            body = export_graph(store, fmt, base=base, known=AsOf.of(as_of))
    except KGError as exc:
        raise fail(str(exc)) from exc
    data = body if isinstance(body, bytes) else body.encode("utf-8")
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    output.write_bytes(data)
    err_console.print(f"wrote {output} ({fmt}, {len(data):,} bytes)", highlight=False, soft_wrap=True)
