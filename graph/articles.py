"""Articles as resources: listed with filters, read with what was extracted from them at its offsets.

The article page highlights each extracted assertion (an event report or a statement) in the body
at the offsets the extractor recorded; assertions may overlap (a claim inside the sentence that
reports the attack), so the body is cut at every span boundary into segments, each listing the
assertions covering it. Retraction is the store's (`GraphStore.retract_article`).
"""

from __future__ import annotations

from typing import Any

from core.errors import NotFound
from graph.known import EVER, AsOf
from graph.stores.base import GraphStore


def list_articles(
    store: GraphStore,
    *,
    outlet: str | None = None,
    published_since: str | None = None,
    published_until: str | None = None,
    ingested_since: str | None = None,
    ingested_until: str | None = None,
    limit: int = 50,
    skip: int = 0,
    known: AsOf = EVER,
) -> list[dict[str, Any]]:
    """Articles newest published first, with how many events and statements each gave."""
    return store.query(
        "articles",
        {
            "outlet": outlet,
            "published_since": published_since,
            "published_until": published_until,
            "ingested_since": ingested_since,
            "ingested_until": ingested_until,
            "limit": limit,
            "skip": skip,
            **known.params(),
        },
    )


def segments(body: str, assertions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The body cut at every assertion boundary: `{"text", "start", "assertions": [ids]}` in order.

    Spans outside the body or empty are ignored (an extractor bug must not break the page).
    """
    spans = [
        (a["start"], a["end"], a["id"])
        for a in assertions
        if isinstance(a.get("start"), int) and isinstance(a.get("end"), int) and 0 <= a["start"] < a["end"] <= len(body)
    ]
    cuts = sorted({0, len(body), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        covering = sorted({i for s, e, i in spans if s <= start and end <= e})
        out.append({"text": body[start:end], "start": start, "assertions": covering})
    return out


def article_detail(store: GraphStore, article_id: str, known: AsOf = EVER) -> dict[str, Any]:
    """One article: metadata, body, each assertion extracted from it, and the body as highlight segments."""
    rows = store.query("article", {"id": article_id, **known.params()})
    if not rows:
        raise NotFound(f"no article with the id {article_id!r}; list them with GET /articles")
    article = dict(rows[0])
    body = article["body"] = article.get("body") or ""
    assertions = []
    for r in store.query("article_assertions", {"id": article_id}):
        speaker = None
        if r["speaker_id"] is not None:
            speaker = {"id": r["speaker_id"], "name": r["speaker_name"], "name_ar": r["speaker_name_ar"]}
        assertions.append(
            {
                "id": r["id"],
                "what": r["what"],
                "kind": r["kind"],
                "date": r["date"],
                "start": r["start"],
                "end": r["end"],
                "sentence": r["sentence"],
                "quote": r["quote"],
                "speaker": speaker,
                "about_event": r["about_event"],
            }
        )
    return {**article, "assertions": assertions, "segments": segments(body, assertions)}
