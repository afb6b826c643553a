"""`kg reset`: empty the store, after saying what it holds, and only when told `--yes`."""

from __future__ import annotations

from typing import Annotated

import typer

from api.cli import BackendOpt, DbPathOpt, app, console, fail, open_store
from core.errors import KGError


@app.command()
def reset(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="really delete everything the store holds")] = False,
    backend: BackendOpt = None,
    db: DbPathOpt = None,
) -> None:
    """Delete every node and relationship of the store (articles are read again by `kg ingest`)."""
    try:
        with open_store(backend, db) as store:
            held = store.status()
            nodes, rels = sum(held.nodes.values()), sum(held.relationships.values())
            if not yes:
                raise fail(
                    f"{held.location} ({held.backend}) holds {nodes} nodes and {rels} relationships; "
                    "`kg reset --yes` deletes them all",
                    2,
                )
            store.clear()
    except KGError as exc:
        raise fail(str(exc)) from exc
    console.print(f"deleted {nodes} nodes and {rels} relationships from {held.location}", highlight=False)
