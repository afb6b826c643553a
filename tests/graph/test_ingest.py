"""`graph.ingest`: batches of one transaction, a broken article retried alone, each step logged."""

from __future__ import annotations

import logging

import pytest

from graph.ingest import ingest
from graph.settings import Settings
from graph.stores import make_store
from tests.factories import article_graph


def test_a_broken_article_is_reported_alone_and_every_batch_is_logged(
    ladybug_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="graph.ingest")
    good = article_graph(file="good.txt")
    other = article_graph(file="other.txt", body="مقال آخر عن الهجوم على المنطقة الخضراء.")
    broken = good.model_copy(
        update={
            "article": good.article.model_copy(update={"file": "broken.txt", "id": "art-broken"}),
            "events": [good.events[0].model_copy(update={"perpetrators": ["nobody-we-know"]})],
        }
    )
    with make_store(ladybug_settings) as store:
        report = ingest(store, [good, broken, other], articles_per_batch=2)
    assert report.articles == 2 and [e.source for e in report.errors] == ["broken.txt"]
    messages = caplog.messages
    assert any(m.startswith("a batch of 2 article(s) failed") for m in messages)
    assert any(m.startswith("not stored: broken.txt:") and "nobody-we-know" in m for m in messages)
    assert any(m.startswith("wrote a batch of 1 article(s):") for m in messages)  # the last, `other`
