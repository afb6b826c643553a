"""The real devset written the ways real copy is: hard-wrapped lines, tatweel, Persian and Kurdish
letters, guillemets for quotes, scattered diacritics. Each variant is the same 28 articles with
the same gold, so extraction must score as it does on the text as published (issue 8: robust to
real text). The variants are made here, by rule, from ../shared; nothing of their text is kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from benchmarks.quality import CORPORA, extract, read_corpus, score
from loaders.articles import LoadedArticle
from tests.conftest import skip_or_fail

_WORD = re.compile(r"^[\u0621-\u064a]+$")


def hard_wrapped(text: str, width: int = 60) -> str:
    """Every paragraph broken into lines of about `width` characters, paragraphs by a blank line."""
    paragraphs = []
    for para in text.split("\n"):
        lines: list[str] = []
        line = ""
        for word in para.split(" "):
            if line and len(line) + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        lines.append(line)
        paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)


def _every(n: int, change: Callable[[str], str]) -> Callable[[str], str]:
    def apply(text: str) -> str:
        words = text.split(" ")
        return " ".join(change(w) if i % n == 0 and len(w) > 4 and _WORD.match(w) else w for i, w in enumerate(words))

    return apply


def guillemets(text: str) -> str:
    count = 0

    def swap(_: re.Match) -> str:
        nonlocal count
        count += 1
        return "«" if count % 2 else "»"

    return re.sub(r'["“”]', swap, text)


VARIANTS: dict[str, Callable[[str], str]] = {
    "hard-wrapped": hard_wrapped,
    "tatweel": _every(5, lambda w: w[:2] + "\u0640" + w[2:]),
    "persian-letters": lambda t: t.replace("ي", "ی").replace("ك", "ک"),
    "guillemets": guillemets,
    "diacritics": _every(4, lambda w: w[:1] + "\u064e" + w[1:]),
}
CATEGORIES = ("actors", "places", "statements", "claims")
TOLERANCE = 0.02


def _summary(articles: list[LoadedArticle]) -> dict:
    return score(CORPORA["devset"], extract(articles))["summary"]


@pytest.fixture(scope="module")
def devset() -> tuple[list[LoadedArticle], dict]:
    corpus = CORPORA["devset"]
    if not corpus.available():
        skip_or_fail(f"the development set is not at {corpus.articles.parent}")
    articles = read_corpus(corpus)
    return articles, _summary(articles)


def test_a_hard_wrapped_variant_really_breaks_lines_inside_sentences() -> None:
    text = "وقالت وزارة الخارجية الأمريكية في بيان إن الهجوم على السفارة في بغداد عمل إرهابي مدان."
    assert "\n" in hard_wrapped(text, 30)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_the_devset_written_another_way_scores_the_same(devset: tuple, variant: str) -> None:
    articles, clean = devset
    change = VARIANTS[variant]
    changed = [a.model_copy(update={"text": change(a.text)}) for a in articles]
    assert any(a.text != b.text for a, b in zip(articles, changed, strict=True))
    got = _summary(changed)
    for category in CATEGORIES:
        before, after = clean[category]["f1"], got[category]["f1"]
        assert after >= before - TOLERANCE, f"{variant}: {category} {after:.3f} against {before:.3f} as published"
    assert got["overall_f1"] >= clean["overall_f1"] - TOLERANCE
