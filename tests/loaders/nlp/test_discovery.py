"""Actors the gazetteer lacks, found by the frame they appear in."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc


def discovered(doc: Doc) -> dict[str, str]:
    return {a.name_ar: a.kind for a in (doc._.kg_discovered or {}).values()}


def test_a_named_group_after_a_head_word(run: Callable[..., Doc]) -> None:
    doc = run('أعلنت سرايا أنصار الفجر مسؤوليتها عن الهجوم، فيما نفت حركة "رجال الوعد" أي صلة به.')
    assert discovered(doc) == {"سرايا أنصار الفجر": "armed_group", "رجال الوعد": "armed_group"}


def test_generic_collectives_are_not_names(run: Callable[..., Doc]) -> None:
    doc = run("هاجمت جماعات مسلحة موالية لطهران القاعدة، وقال فصيل مسلح إن التنظيم المتطرف يتحرك.")
    assert discovered(doc) == {}


def test_a_known_name_is_not_discovered_again(run: Callable[..., Doc]) -> None:
    assert discovered(run("وقالت حركة النجباء في بيان إنها سترد.")) == {}


def test_the_body_a_spokesman_speaks_for(run: Callable[..., Doc]) -> None:
    doc = run("وقال المتحدث باسم وزارة الداخلية العراقية إن التحقيق مستمر.")
    assert discovered(doc) == {"وزارة الداخلية العراقية": "government"}


def test_a_person_named_after_a_title(run: Callable[..., Doc]) -> None:
    doc = run("وقال وزير الدفاع التركي يشار غولر إن العملية ستستمر.")
    assert discovered(doc) == {"يشار غولر": "person"}


def test_a_discovered_speaker_makes_a_statement(run: Callable[..., Doc]) -> None:
    doc = run("تبنت سرايا أنصار الفجر الهجوم على قاعدة عين الأسد.")
    claim = doc._.kg_statements[0]
    assert claim.kind == "claim_responsibility"
    assert doc._.kg_discovered[claim.speaker].name_ar == "سرايا أنصار الفجر"


def discovered_places(doc: Doc) -> dict[str, str]:
    return {p.name_ar: p.kind for p in (doc._.kg_discovered_places or {}).values()}


def test_a_named_locality_after_a_head_word(run: Callable[..., Doc]) -> None:
    doc = run("سقطت قذيفة داخل مدرسة النور قرب حي الزهراء في كركوك.")
    assert discovered_places(doc) == {"مدرسة النور": "facility", "حي الزهراء": "district"}


def test_an_agreeing_adjective_is_no_locality_name(run: Callable[..., Doc]) -> None:
    doc = run("سقطت قذيفة قرب مدرسة ابتدائية وسجن مركزي في قرية نائية.")
    assert discovered_places(doc) == {}


def test_a_discovered_locality_is_listed_but_places_no_event(extract) -> None:  # noqa: ANN001
    graph = extract("سقط صاروخ على مدرسة النور في كركوك.")
    assert "مدرسة النور" in {p.name_ar for p in graph.places}
    assert [e.place for e in graph.events] == ["kirkuk"]
