"""POST /articles: ingest one article (behind the API key)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Body
from pydantic import BaseModel, ConfigDict, Field

from api.deps import ApiKeyDep, StoreDep

router = APIRouter(prefix="/articles", tags=["articles"])

MAX_TEXT = 1_000_000


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=MAX_TEXT, description="the article body")
    title: str | None = None
    published: str | None = Field(None, description="ISO date, YYYY-MM-DD")
    outlet: str | None = None
    url: str | None = None
    language: str | None = Field(None, description="ar (default) or en")
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
    )
