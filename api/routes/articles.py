"""Articles as resources: GET /articles, GET /articles/{id}; POST and DELETE behind the API key."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from api.deps import ApiKeyDep, AsOfDep, PageDep, StoreDep
from api.schemas import ArticleDetailOut, ArticleOut, IsoDate, ListPage, RetractedOut, check_date_range
from api.web import respond
from graph.articles import article_detail, list_articles
from graph.known import moment

router = APIRouter(prefix="/articles", tags=["articles"])

MAX_TEXT = 1_000_000
ArticleId = Annotated[str, Path(min_length=1, max_length=300, description="article id, e.g. art-61cba3c1fa761710")]


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT, description="the article body")
    title: str | None = None
    published: str | None = Field(None, description="ISO date, YYYY-MM-DD")
    outlet: str | None = None
    url: str | None = None
    language: str | None = Field(None, description="ar or en; detected from the text when not given")
    file: str | None = Field(None, description="a name for the article in reports")


class IngestedOut(BaseModel):
    ok: bool = True
    id: str
    file: str
    actors: int
    places: int
    events: list[str]
    statements: int
    merged_events: int
    language: str
    warnings: list[str] = Field(default_factory=list, description="e.g. a language the extractor does not read")


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


@router.post("", status_code=201, dependencies=[ApiKeyDep], response_model=IngestedOut, summary="Ingest one article")
def post_article(article: Annotated[ArticleIn, Body()], store: StoreDep) -> IngestedOut:
    from loaders.articles import article_from_record
    from loaders.extract import extract_article

    record = article.model_dump(exclude_none=True)
    loaded = article_from_record(record, file=article.file or "api")
    graph = extract_article(loaded)
    result = store.write([graph])
    return IngestedOut(
        id=graph.article.id,
        file=graph.article.file or "api",
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
    summary="Retract an article: everything only it supported goes, what other articles also report stays",
)
def delete_article(store: StoreDep, article_id: ArticleId) -> RetractedOut:
    return RetractedOut(id=article_id, deleted=store.retract_article(article_id))
