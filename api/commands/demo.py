"""`kg demo`: the whole flow on the sample articles shipped with the project."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from api.cli import BackendOpt, DbPathOpt, app, console, fail, open_store
from api.commands.ingest import extracted, print_ingest_report
from core.errors import KGError
from graph.analyst import claims
from graph.ingest import ingest
from graph.subgraph import subgraph
from graph.visualize import write_html

SAMPLES = Path(__file__).resolve().parents[2] / "loaders" / "data" / "samples"
CENTRE = "islamic-resistance-in-iraq"


def claims_table(rows: list[dict]) -> Table:
    table = Table(title="Who claimed, denied or was accused of what, and when", show_lines=True)
    for column in ("said on", "who", "what", "event", "accused", "quote", "source"):
        table.add_column(column, overflow="fold")
    for r in rows:
        event = r["event"] or {}
        place = (event.get("place") or {}).get("name") or "?"
        source = r["article"] or {}
        table.add_row(
            r["date"] or "?",
            (r["claimant"] or {}).get("name") or "?",
            r["kind"].replace("_", " "),
            f"{event.get('type', '')} {event.get('date') or ''} at {place}" if event else "",
            ", ".join(a["name"] for a in r["accused"]),
            (r["quote"] or "")[:80],
            f"{source.get('outlet') or '?'} {source.get('published') or ''}",
        )
    return table


@app.command()
def demo(
    output: Annotated[Path, typer.Option("--output", "-o", help="the graph HTML to write")] = Path("graph.html"),
    backend: BackendOpt = None,
    db: DbPathOpt = None,
) -> None:
    """Ingest the sample articles, print the claims table and write an interactive graph.html."""
    paths = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".jsonl"))
    try:
        with open_store(backend, db, create=True) as store:
            console.print(f"ingesting {len(paths)} sample file(s) into the {store.backend} store at {store.location}")
            report = ingest(store, extracted(paths))
            print_ingest_report(report)
            rows = claims(store, limit=50)
            console.print(claims_table(rows))
            view = subgraph(store, CENTRE, hops=2)
            write_html(view, output)
    except KGError as exc:
        raise fail(str(exc)) from exc
    console.print(
        f"wrote {output} ({len(view.nodes)} nodes around the Islamic Resistance in Iraq): open it in a browser; "
        "it works offline.\nnext: `kg serve` and open http://127.0.0.1:8000/ (search, claims, timeline, map), "
        "or `kg query` to list the named queries",
        highlight=False,
    )
