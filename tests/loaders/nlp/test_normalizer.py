"""The tokenizer tweaks, the clitic-splitting normaliser and the sentence splitter, each on a
blank Arabic pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from loaders.nlp.lexicon import norm_word
from loaders.nlp.normalizer import CliticSplitter, clitic_length
from loaders.nlp.tokenizer import customise_tokenizer


@pytest.fixture(scope="module")
def blank(gazetteer_dir: Path) -> Language:
    nlp = spacy.blank("ar")
    customise_tokenizer(nlp.tokenizer, nlp.Defaults)
    nlp.add_pipe(
        "kg_arabic_normalizer",
        config={"gazetteer": {"@misc": "kg.gazetteer.v1", "dirs": [str(gazetteer_dir)], "include_default": False}},
    )
    nlp.add_pipe("kg_sentencizer")
    return nlp


def words(nlp: Language, text: str) -> list[str]:
    return [t.text for t in nlp(text) if not t.is_space]


def test_tatweel_clitic_and_number_split(blank: Language) -> None:
    assert words(blank, "هجوم بـ4 صواريخ") == ["هجوم", "بـ", "4", "صواريخ"]


def test_conjunction_before_quote_and_stop_after_quote_split(blank: Language) -> None:
    assert words(blank, 'و"حتى الآن" قالت')[:2] == ["و", '"']
    assert words(blank, 'قرب "عين الأسد".')[-2:] == ['"', "."]


def test_dashes_are_their_own_tokens(blank: Language) -> None:
    assert "-" in words(blank, "وأكد الوزير -خلال اللقاء- أن")


@pytest.mark.parametrize(
    ("word", "norm", "clitic"),
    [
        ("والتحالف", "التحالف", "و"),
        ("ببغداد", "بغداد", "ب"),
        ("لحماية", "حماية", "ل"),
        ("للحكومة", "الحكومه", "ل"),
        ("وبالعراق", "العراق", "وب"),
        ("وقالت", "قالت", "و"),
        ("بصاروخين", "صاروخين", "ب"),
    ],
)
def test_proclitics_come_off_known_words(blank: Language, word: str, norm: str, clitic: str) -> None:
    token = blank(word)[0]
    assert token.norm_ == norm_word(norm)
    assert token._.kg_clitic == clitic


@pytest.mark.parametrize("word", ["وزير", "بغداد", "كركوك", "فصائل", "بيان", "لبنان", "كتائب", "وكالة", "كما", "بين"])
def test_root_letters_stay(blank: Language, word: str) -> None:
    token = blank(word)[0]
    assert token.norm_ == norm_word(word)
    assert token._.kg_clitic == ""


def test_letters_marks_and_digits_are_unified(blank: Language) -> None:
    doc = blank("تبنّت هجـــوماً أمريكياً في ٢٠٢٤")
    assert [t.norm_ for t in doc] == ["تبنت", "هجوما", "اميركيا", "في", "2024"]


def test_clitic_length_points_past_the_clitic() -> None:
    assert clitic_length("ببغداد", "ب", "بغداد") == 1
    assert clitic_length("وَبِبغداد", "وب", "بغداد") == 4  # marks belong to the clitic letters
    assert clitic_length("للحكومة", "ل", "الحكومه") == 0  # the article's alef is unwritten


def test_splitter_falls_back_to_safe_rules_for_unknown_words() -> None:
    splitter = CliticSplitter({"هجوم"})
    assert splitter.split(norm_word("والمستشفى")) == ("المستشفي", "و")
    assert splitter.split(norm_word("للمدينة")) == ("المدينه", "ل")
    assert splitter.split(norm_word("بشار")) == ("بشار", "")  # a bare ب on an unknown word is left alone


def test_sentences_end_at_line_breaks_and_stops_outside_quotes(blank: Language) -> None:
    doc = blank('قال الوزير: "الوضع هادئ. لا خطر الآن". ثم غادر.\nعنوان بلا نقطة\nسطر آخر')
    sents = [s.text.strip() for s in doc.sents]
    assert sents == ['قال الوزير: "الوضع هادئ. لا خطر الآن".', "ثم غادر.", "عنوان بلا نقطة", "سطر آخر"]
