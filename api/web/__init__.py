"""The analyst's web page: server-rendered HTML (Jinja2) for the same data the JSON routes answer.

As Datasette does it, every page has a JSON twin from the same code: a route computes its answer
once and `respond` returns it as JSON (to API clients, and at the `.json` twin of every page) or
renders it into a template (to a browser, which asks for `text/html`). Every asset is served by
the project itself from /static (our CSS and scripts, and the npm packages `scripts/vendor-assets`
copies into static/vendor/), and a Content-Security-Policy keeps the page from loading anything
from elsewhere, so it works with the network off.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pydantic import BaseModel

from api.web.labels import LABELS, label
from core.event_types import event_types
from core.taxonomy import EVENT_TYPES

WEB = Path(__file__).resolve().parent
STATIC = WEB / "static"
VENDOR = STATIC / "vendor"

#: Only this server's own files; inline styles only as attributes set by Leaflet and Swagger UI.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; frame-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'"
)

_env = Environment(
    loader=FileSystemLoader(WEB / "templates"),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)


def _query(params: Mapping[str, Any], **changes: Any) -> str:
    """A query string from the current parameters with some changed (None removes one)."""
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return urlencode(merged)


_env.globals.update(L=label, LABELS=LABELS, query=_query)
_env.filters["kind"] = lambda value: label(value) if value else ""


def wants_html(request: Request) -> bool:
    """A browser asking for a page (Accept names text/html before JSON) and not a `.json` or `.csv` twin."""
    path = request.url.path
    if path.endswith((".json", ".csv")):
        return False
    accept = request.headers.get("accept", "")
    html, json_ = accept.find("text/html"), accept.find("application/json")
    return html >= 0 and (json_ < 0 or html < json_)


async def drop_empty_form_fields(request: Request, call_next: Any) -> Response:
    """A filter form left blank sends `?kind=&place=`: for a page (and its CSV or JSON twin, linked
    from it) a blank field means no filter, so it is dropped before the route reads its parameters."""
    query = request.scope.get("query_string", b"")
    if b"=&" in query + b"&" and (wants_html(request) or request.url.path.endswith((".csv", ".json"))):
        kept = [(k, v) for k, v in parse_qsl(query.decode("latin-1"), keep_blank_values=True) if v != ""]
        request.scope["query_string"] = urlencode(kept).encode("latin-1")
    return await call_next(request)


def html(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    as_of = request.query_params.get("as_of") or ""
    as_of_ingested = request.query_params.get("as_of_ingested") or ""
    asof_q = _query({"as_of": as_of, "as_of_ingested": as_of_ingested})
    body = _env.get_template(template).render(
        request=request,
        asof_q=f"?{asof_q}" if asof_q else "",
        path=request.url.path,
        params=dict(request.query_params),
        as_of=as_of,
        as_of_ingested=as_of_ingested,
        event_types=EVENT_TYPES,
        event_colours={t: s.colour for t, s in event_types().items()},
        assets_missing=not (VENDOR / ".lock-sha256").exists(),
        **context,
    )
    return HTMLResponse(body, status_code=status, headers={"Content-Security-Policy": CSP, "Vary": "Accept"})


def respond(request: Request, data: BaseModel | dict, template: str, **context: Any) -> Any:
    """The page in a browser, else the data as JSON.

    A model (checked when it was built) is serialised straight to JSON bytes: returned as it is,
    FastAPI would dump it, validate it against the route's model again, and encode it once more
    with the standard library, which costs more than the queries behind a small page. A dict is
    left to FastAPI and the route's model.
    """
    if wants_html(request):
        plain = data.model_dump(mode="json") if isinstance(data, BaseModel) else data
        return html(request, template, data=plain, **context)
    if isinstance(data, BaseModel):
        return Response(data.model_dump_json(by_alias=True), media_type="application/json")
    return data


def respond_page(request: Request, page_model: Any, items: list[dict[str, Any]], page: Any, template: str) -> Any:
    """`respond` for a page of a list (`page_model` a `ListPage[...]`): as JSON, joined from each
    row's JSON, kept with the rows the read model keeps (`ListPage.json_of`)."""
    if wants_html(request):
        return respond(request, page_model.of(items, page), template)
    return Response(page_model.json_of(items, page), media_type="application/json")


def csv_response(rows: Iterable[Mapping[str, Any]], columns: list[str], filename: str) -> Response:
    """Rows as CSV (UTF-8 with a BOM, so spreadsheet programs read Arabic right)."""
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.DictWriter(buf, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in columns})
    return Response(
        buf.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
