"""Language detection on ingest, and what the extractor does with each language."""

from __future__ import annotations

import pytest

from loaders.articles import article_from_record
from loaders.extract import extract_article
from loaders.language import detect_language, is_supported, script_language

ENGLISH = (
    "Rockets struck a military base hosting foreign troops in western Iraq on Tuesday, the Iraqi "
    "Security Media Cell said, adding that nobody was hurt in the attack."
)
ARABIC = "قال مسؤولان أمنيان إن صواريخ سقطت على قاعدة عسكرية في غرب العراق يوم الثلاثاء دون أن تسفر عن إصابات."
FRENCH = (
    "Des roquettes ont frappé mardi une base militaire dans l'ouest de l'Irak, ont indiqué deux "
    "responsables de la sécurité, sans faire de victimes selon les premiers éléments."
)


@pytest.mark.parametrize(("text", "code"), [(ENGLISH, "en"), (ARABIC, "ar"), (FRENCH, "fr")])
def test_detect_language(text: str, code: str) -> None:
    assert detect_language(text) == code


def test_short_texts_go_by_script() -> None:
    assert detect_language("CENTCOM") == "en"
    assert detect_language("بغداد") == "ar"
    assert script_language("Kirkuk كركوك كركوك") == "ar"


def test_supported_languages() -> None:
    assert is_supported("ar") and is_supported("en") and not is_supported("fr")


def test_a_record_without_language_is_detected_and_read_by_the_english_pipeline() -> None:
    article = article_from_record({"text": ENGLISH, "published": "2024-01-10"}, file="x.json")
    assert article.language == "en"
    graph = extract_article(article)
    assert graph.article.language == "en"
    assert [(e.type, e.place, e.date) for e in graph.events] == [("attack", "western-iraq", "2024-01-09")]
    assert {s.language for s in graph.statements} == {"en"}


def test_a_given_language_wins_over_detection() -> None:
    article = article_from_record({"text": ENGLISH, "language": "English"}, file="x.json")
    assert article.language == "en"


def test_an_unsupported_language_is_kept_with_a_warning_not_an_empty_result() -> None:
    article = article_from_record({"text": FRENCH, "published": "2024-01-10"}, file="roquettes.json")
    graph = extract_article(article)
    assert graph.article.language == "fr"
    assert graph.body and not graph.events and not graph.statements
    assert len(graph.warnings) == 1
    assert "'fr'" in graph.warnings[0] and "ar, en" in graph.warnings[0] and "roquettes.json" in graph.warnings[0]
    assert "warnings" not in graph.to_extraction()  # the extraction format stays DESIGN.md's
