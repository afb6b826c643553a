"""The English pipeline, built once for these tests, and a helper that runs it on a text."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from loaders.nlp.english import get_english_nlp


@pytest.fixture(scope="session")
def en_nlp() -> Language:
    return get_english_nlp()


@pytest.fixture
def run_en(en_nlp: Language) -> Callable[..., Doc]:
    def run(text: str, published: str | None = "2024-01-12") -> Doc:  # a Friday
        doc = en_nlp.make_doc(text)
        doc._.kg_published = published
        return en_nlp(doc)

    return run
