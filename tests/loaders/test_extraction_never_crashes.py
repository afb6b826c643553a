"""Extraction survives any text: word salads drawn from the words the rules look for (speech verbs,
triggers, names, dates, quotes and punctuation), cut anywhere, in both languages. A rule that
looks one word past the end of the text, or past a quote that never closes, fails here with the
text that broke it. Seeded, so a failure is reproducible."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from loaders.articles import LoadedArticle
from loaders.extract import extract_article

DATA = Path(__file__).resolve().parents[2] / "loaders" / "data" / "nlp"
EXTRA = {
    "ar": 'كتائب حزب الله المقاومة الإسلامية في العراق عين الأسد بغداد أمس 12 آذار 2024 : « » " ، . ( ) -',
    "en": 'Kataib Hezbollah the Islamic Resistance in Iraq Ain al-Asad Baghdad Sunday March 12 2024 : " , . ( ) -',
}


def _words(language: str) -> list[str]:
    folder = DATA if language == "ar" else DATA / "en"
    found: set[str] = set(EXTRA[language].split())

    def walk(value: object) -> None:
        if isinstance(value, str) and len(value) < 25:
            found.update(value.split())
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for key, v in value.items():
                if key != "about":
                    walk(v)

    for name in ("speech.json", "events.json"):
        walk(json.loads((folder / name).read_text(encoding="utf-8")))
    return sorted(found)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_no_text_of_known_words_breaks_extraction(language: str) -> None:
    words = _words(language)
    rng = random.Random(20261205)
    for n in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 40)))
        if n % 3 == 0:
            text = text.replace(" ", "\n", rng.randint(0, 3))
        article = LoadedArticle(
            file=f"salad-{n}", text=text, published=rng.choice([None, "2024-02-10"]), language=language
        )
        try:
            extract_article(article)
        except Exception as exc:  # the test's point: report the text that broke it
            pytest.fail(f"{language} text {text!r} raised {type(exc).__name__}: {exc}")


@pytest.mark.parametrize(
    "text",
    [
        "عين استهدف مسيرة",  # a weapon at the very end: its owner looked for past the last word
        # a clitic looked for past the last word
        "طفلا الصاروخية يناشد أننا إدانة الثمن فصائل هيئة يصف مدانة المقاتلين وسبق بغداد نتعهد تبرؤ أن يكتب قيادة",
    ],
)
def test_texts_that_end_where_a_rule_looks_ahead(text: str) -> None:
    extract_article(LoadedArticle(file="end", text=text, published="2024-02-10", language="ar"))
