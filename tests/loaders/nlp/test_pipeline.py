"""The pipeline is built from its config, once, and reads user gazetteer directories."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from loaders.nlp import build_nlp, get_nlp, load_config
from loaders.nlp.gazetteer import ENV_DIRS, create_gazetteer

COMPONENTS = [
    "kg_arabic_normalizer",
    "kg_sentencizer",
    "kg_gazetteer_ruler",
    "kg_entity_resolver",
    "kg_actor_discovery",
    "kg_dates",
    "kg_statements",
    "kg_events",
    "kg_statement_linker",
]


def test_the_config_names_every_component() -> None:
    cfg = load_config()
    assert cfg["nlp"]["lang"] == "ar"
    assert cfg["nlp"]["pipeline"] == COMPONENTS
    assert cfg["components"]["kg_gazetteer_ruler"]["phrase_matcher_attr"] == "NORM"


def test_build_from_the_config(nlp) -> None:  # noqa: ANN001
    assert nlp.pipe_names == COMPONENTS
    assert nlp.lang == "ar"


def test_get_nlp_is_built_once() -> None:
    assert get_nlp() is get_nlp()


def test_user_gazetteer_directories_add_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    entry = {
        "id": "saraya-al-fajr-al-jadid",
        "name": "Saraya al-Fajr al-Jadid",
        "name_ar": "سرايا الفجر الجديد",
        "kind": "armed_group",
    }
    (tmp_path / "actors.jsonl").write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv(ENV_DIRS, str(tmp_path))
    assert "saraya-al-fajr-al-jadid" in create_gazetteer().actors
    nlp = build_nlp()
    doc = nlp("تبنت سرايا الفجر الجديد الهجوم.")
    assert any(m.actor_id == "saraya-al-fajr-al-jadid" for m in doc._.kg_entities)


def test_the_gazetteer_ruler_finds_what_spacys_span_ruler_finds(nlp) -> None:  # noqa: ANN001
    """The ruler keeps tuples instead of Spans: the same names, in the same order, as spaCy's
    SpanRuler.match gives with the same patterns (a name with two ids, a name inside a longer one,
    the same words twice)."""
    from spacy.pipeline.span_ruler import SpanRuler

    ruler = nlp.get_pipe("kg_gazetteer_ruler")
    text = (
        "أعلنت كتائب حزب الله في بيان أن حزب الله لم يشارك في الهجوم على قاعدة عين الأسد غرب العراق، "
        "فيما قال الحرس الثوري الإيراني إن الحرس الثوري نفذ ضربات في أربيل وبغداد ودمشق."
    )
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "kg_gazetteer_ruler":
            break
        doc = component(doc)
    spans = [(s.start, s.end, s.label_, s.id_) for s in SpanRuler.match(ruler, doc)]
    assert len(spans) > 5
    assert ruler.match_tuples(doc) == spans
