"""GET /export: the whole graph as RDF (Turtle, JSON-LD) or GraphML, for other tools."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from api.deps import AsOfDep, StoreDep
from graph.rdf import EXTENSIONS, FORMATS, ExportFormat, export_graph

router = APIRouter(tags=["export"])


@router.get(
    "/export",
    summary="The whole graph as Turtle, JSON-LD (SEM, PROV-O, schema.org, owl:sameAs Wikidata) or GraphML",
    response_class=Response,
    responses={200: {"content": {media: {} for media in FORMATS.values()}}},
)
def export(
    store: StoreDep,
    known: AsOfDep,
    format: Annotated[ExportFormat, Query(description="ttl, jsonld or graphml")] = "ttl",  # noqa: A002
) -> Response:
    body = export_graph(store, format, known=known)
    media_type = FORMATS[format]
    if format in ("ttl", "jsonld"):
        media_type += "; charset=utf-8"
    return Response(
        content=body,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="kg.{EXTENSIONS[format]}"'},
    )
