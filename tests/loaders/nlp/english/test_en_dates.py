"""English date expressions, resolved against the publication date (2024-01-12, a Friday)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc


def dates(doc: Doc) -> list[tuple[str, str]]:
    return [(doc.text[r.start_char : r.end_char], r.date) for r in doc._.kg_dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on December 8, 2023", ("December 8, 2023", "2023-12-08")),
        ("on 8 December 2023", ("8 December 2023", "2023-12-08")),
        ("on Sunday, Dec. 3", ("Sunday, Dec. 3", "2023-12-03")),  # the weekday picks the year
        ("on Jan. 10", ("Jan. 10", "2024-01-10")),
        ("in late December 2019", ("late December 2019", "2019-12")),
        ("since mid-October", ("mid-October", "2023-10")),
        ("in 2019", ("in 2019", "2019")),
        ("on Friday", ("Friday", "2024-01-12")),  # a weekday is the latest such day, today included
        ("on Wednesday", ("Wednesday", "2024-01-10")),
        ("last Friday", ("last Friday", "2024-01-05")),
        ("Thursday night", ("Thursday night", "2024-01-11")),
        ("Wednesday's attack", ("Wednesday's", "2024-01-10")),
        ("earlier today", ("earlier today", "2024-01-12")),
        ("yesterday", ("yesterday", "2024-01-11")),
        ("2023-12-08T10:58:35+00:00", ("2023-12-08", "2023-12-08")),
    ],
)
def test_dates(run_en: Callable[..., Doc], text: str, expected: tuple[str, str]) -> None:
    assert dates(run_en(f"Rockets fell {text}.")) == [expected]


def test_lower_case_month_and_weekday_words_are_no_dates(run_en: Callable[..., Doc]) -> None:
    assert dates(run_en("He may say that we march on, and the sun will sat.")) == []


def test_relative_dates_need_a_publication_date(run_en: Callable[..., Doc]) -> None:
    assert dates(run_en("Rockets fell on Friday and on December 8, 2023.", published=None)) == [
        ("December 8, 2023", "2023-12-08")
    ]
