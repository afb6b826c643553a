"""Fixtures the CLI tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from graph.settings import get_settings


@pytest.fixture
def fresh_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Settings read afresh from this test's environment, on the embedded store by default."""
    monkeypatch.delenv("KG_BACKEND", raising=False)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()
