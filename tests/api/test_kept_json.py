"""A page of `/claims?actor=` or `/events` is joined from each row's JSON (api.schemas.ListPage.json_of),
kept with the rows the read model keeps: the bytes must be those the page model itself gives."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from api.schemas import ClaimOut, ListPage, TimelineEventOut
from graph import analyst
from graph.readmodel import KeptRow
from graph.stores import GraphStore
from tests.factories import IRI, contested_attack


@dataclass
class PageAsked:
    limit: int
    offset: int
    max_offset: int = 10_000


@pytest.mark.parametrize("page", [PageAsked(50, 0), PageAsked(1, 0), PageAsked(1, 1), PageAsked(2, 0, max_offset=1)])
def test_a_page_joined_from_kept_json_is_the_page_models_json(store: GraphStore, page: PageAsked) -> None:
    for graph in contested_attack():
        store.write([graph])
    store.enable_read_model()
    for _ in range(2):  # the second time every row's JSON is the kept one
        for items, model in (
            (analyst.claims(store, actor=IRI.id, limit=page.limit, skip=page.offset), ClaimOut),
            (analyst.timeline(store, limit=page.limit, skip=page.offset), TimelineEventOut),
        ):
            assert items and all(isinstance(row, KeptRow) for row in items)
            expected = ListPage[model].of(items, page).model_dump_json(by_alias=True).encode()
            assert ListPage[model].json_of(items, page) == expected
    plain = [dict(row) for row in analyst.timeline(store)]  # rows not kept are encoded each time
    assert ListPage[TimelineEventOut].json_of(plain, PageAsked(50, 0)) == (
        ListPage[TimelineEventOut].of(plain, PageAsked(50, 0)).model_dump_json(by_alias=True).encode()
    )
