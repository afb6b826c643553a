"""Articles as resources: GET /articles, GET /articles/{id}; POST and DELETE behind the API key."""

from __future__ import annotations

import re
from typing import Annotated, Any

from fastapi import APIRouter, Body, Path, Query, Request, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator

from api.deps import ApiKeyDep, AsOfDep, PageDep, StoreDep
from api.errors import ApiError, ErrorOut
from api.schemas import ArticleDetailOut, ArticleOut, IsoDate, ListPage, RetractedOut, check_date_range
from api.web import respond
from graph.articles import article_detail, list_articles
from graph.known import moment

router = APIRouter(prefix="/articles", tags=["articles"])

MAX_TEXT = 1_000_000
#: Article metadata a re-post of the same text may not change without saying so.
METADATA = ("file", "title", "outlet", "published", "url", "language")
#: Characters no stored text may hold: NUL, the other C0 controls but tab and line breaks, lone
#: surrogates (JSON can write them as \ud800; no store or UTF-8 file can hold them).
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff]")
ArticleId = Annotated[str, Path(min_length=1, max_length=300, description="article id, e.g. art-61cba3c1fa761710")]


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT, description="the article body, Arabic or English")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40, description="ISO date, YYYY-MM-DD")
    outlet: str | None = Field(None, max_length=300)
    url: str | None = Field(None, max_length=4000, description="an absolute http(s) address")
    language: str | None = Field(None, max_length=20, description="ar or en (detected when left out)")
    file: str | None = Field(None, max_length=300, description="a name for the article in reports")

    @field_validator("*")
    @classmethod
    def _storable(cls, value: Any) -> Any:
        if isinstance(value, str):
            bad = _FORBIDDEN.search(value)
            if bad:
                raise ValueError(
                    f"holds the character U+{ord(bad.group()):04X} at position {bad.start()}, which no article "
                    "text can hold (a control character or an unpaired surrogate)"
                )
        return value

    @field_validator("url")
    @classmethod
    def _web_address(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s/?#]+", value.strip(), re.IGNORECASE):
            raise ValueError("must be an absolute http:// or https:// address")
        return value


class IngestedOut(BaseModel):
    ok: bool = True
    created: bool = Field(description="false when this text was already stored (nothing new was written)")
    id: str
    file: str
    actors: int
    places: int
    events: list[str]
    statements: int
    merged_events: int
    language: str
    warnings: list[str] = Field(default_factory=list, description="e.g. a language the extractor does not read")


def _described(text: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": text}  # a JSON route: the schema goes into components


@router.get(".json", response_model=ListPage[ArticleOut], include_in_schema=False)
@router.get("", response_model=ListPage[ArticleOut], summary="Articles, newest published first")
def get_articles(
    request: Request,
    store: StoreDep,
    page: PageDep,
    known: AsOfDep,
    outlet: Annotated[str | None, Query(min_length=1, max_length=200, description="the outlet's name")] = None,
    published_since: Annotated[IsoDate, Query(description="published on or after YYYY[-MM[-DD]]")] = None,
    published_until: Annotated[
        IsoDate, Query(description="published on or before (a month or year: all of it)")
    ] = None,
    ingested_since: Annotated[
        str | None, Query(max_length=40, description="ingested at or after a date or time")
    ] = None,
    ingested_until: Annotated[
        str | None, Query(max_length=40, description="ingested at or before a date or time")
    ] = None,
) -> ListPage[ArticleOut]:
    check_date_range(published_since, published_until)
    items = list_articles(
        store,
        outlet=outlet,
        published_since=published_since,
        published_until=published_until,
        ingested_since=moment(ingested_since, "ingested_since"),
        ingested_until=moment(ingested_until, "ingested_until"),
        known=known,
        **page.params(),
    )
    return respond(request, ListPage[ArticleOut].of(items, page), "articles.html")


@router.get(
    "/{article_id}",
    response_model=ArticleDetailOut,
    summary="One article: its text and every assertion extracted from it, at its offsets",
)
# The twin is registered first (decorators apply bottom-up): `/{id}` would also match `x.json`.
@router.get("/{article_id}.json", response_model=ArticleDetailOut, include_in_schema=False)
def get_article(request: Request, store: StoreDep, known: AsOfDep, article_id: ArticleId) -> ArticleDetailOut:
    return respond(request, ArticleDetailOut.model_validate(article_detail(store, article_id, known)), "article.html")


@router.post(
    "",
    status_code=201,
    dependencies=[ApiKeyDep],
    response_model=IngestedOut,
    summary="Ingest one article",
    responses={
        200: {"model": IngestedOut, "description": "this text was already stored; its metadata is unchanged"},
        401: _described("missing or wrong X-API-Key header (checked before the body is read)"),
        403: _described("writes are disabled: the server has no API key configured"),
        409: _described("this text is already stored with other metadata; repeat with update_metadata=true"),
        413: _described("the body is larger than KG_MAX_BODY_BYTES"),
    },
)
def post_article(
    article: Annotated[ArticleIn, Body()],
    store: StoreDep,
    response: Response,
    update_metadata: Annotated[
        bool, Query(description="when this text is already stored with other metadata, replace it with these")
    ] = False,
) -> IngestedOut:
    from loaders.articles import article_from_record
    from loaders.extract import extract_article

    record = article.model_dump(exclude_none=True)
    loaded = article_from_record(record, file=article.file or "api")
    graph = extract_article(loaded)
    meta = graph.article
    stored = store.query("internal.article_meta", {"ids": [meta.id]})
    created = not stored
    if stored:
        changed = {k: (stored[0][k], getattr(meta, k)) for k in METADATA if stored[0][k] != getattr(meta, k)}
        if changed and not update_metadata:
            what = "; ".join(f"{k}: stored {old!r}, sent {new!r}" for k, (old, new) in changed.items())
            raise ApiError(
                409,
                f"this text is already stored as article {meta.id} with other metadata ({what}); "
                "send it again with ?update_metadata=true to replace the stored metadata",
            )
    result = store.write([graph])
    if not created:
        response.status_code = 200
    return IngestedOut(
        created=created,
        id=meta.id,
        file=meta.file or "api",
        actors=len(graph.actors),
        places=len(graph.places),
        events=[e.id for e in graph.events],
        statements=len(graph.statements),
        merged_events=result.merged_events,
        language=graph.article.language,
        warnings=graph.warnings,
    )


@router.delete(
    "/{article_id}",
    dependencies=[ApiKeyDep],
    response_model=RetractedOut,
    responses={
        401: _described("missing or wrong X-API-Key header"),
        403: _described("writes are disabled: the server has no API key configured"),
    },
    summary="Retract an article: everything only it supported goes, what other articles also report stays",
)
def delete_article(store: StoreDep, article_id: ArticleId) -> RetractedOut:
    return RetractedOut(id=article_id, deleted=store.retract_article(article_id))
