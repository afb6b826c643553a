"""English date expressions, resolved against the publication date (2024-01-12, a Friday)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

REPO = Path(__file__).resolve().parents[4]


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
        ("two days ago", ("two days ago", "2024-01-10")),
        ("3 days ago", ("3 days ago", "2024-01-09")),
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


# One phrase per pattern (of the list above), and real copy: the words a pattern needs decide
# whether it is run at all, so a pattern that matched a text without them would lose dates.
NEEDS_PHRASES = [
    "2023-12-08T10:58:35",
    "on December 8, 2023",
    "on 8 December 2023",
    "in late December 2019",
    "since mid-October",
    "in 2019",
    "earlier today",
    "yesterday",
    "two days ago",
    "last Friday",
]


def test_every_date_pattern_is_run_on_every_text_it_matches(en_nlp: Language) -> None:
    finder = en_nlp.get_pipe("kg_dates").dates
    articles = REPO.parent / "shared" / "devset-en" / "articles"
    texts = NEEDS_PHRASES + [p.read_text(encoding="utf-8") for p in sorted(articles.glob("*.txt"))]
    matched = set()
    for text in texts:
        for n, ((pattern, _), need) in enumerate(zip(finder.patterns, finder.needs, strict=True)):
            if pattern.search(text) is not None:
                matched.add(n)
                assert need.search(text) is not None, f"pattern {n} matches {text[:60]!r} without its need"
    assert matched == set(range(len(finder.patterns)))  # every pattern was tried on a text it matches
