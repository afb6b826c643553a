"""English names of the gazetteer's actors and places, and the roles a name plays."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from loaders.nlp.english.entities import english_surfaces
from loaders.nlp.english.lexicon import inflect


def mentions(doc: Doc) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.actor_id if m.role == "actor" else m.place_id, m.role) for m in doc._.kg_entities]


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("Kataib Hezbollah", "kataib-hezbollah"),
        ("Kata'ib Hizballah", "kataib-hezbollah"),
        ("Kata’ib Hizballah", "kataib-hezbollah"),
        ("Kataeb Hezbollah", "kataib-hezbollah"),
        ("KH", "kataib-hezbollah"),
        ("Harakat Hezbollah al-Nujaba", "harakat-al-nujaba"),
        ("Harakat Hezbollah al Nujaba", "harakat-al-nujaba"),
        ("Islamic Resistance in Iraq", "islamic-resistance-in-iraq"),
        ("IRI", "islamic-resistance-in-iraq"),
        ("CENTCOM", "centcom"),
        ("Centcom", "centcom"),
        ("U.S. Central Command", "centcom"),
        ("the Pentagon", "us-department-of-defense"),
        ("American forces", "us-military"),
        ("Iran-backed militias", "iran-aligned-militias"),
        ("Iranian-sponsored armed groups", "iran-aligned-militias"),
        ("pro-Iran Shia factions", "iran-aligned-militias"),
    ],
)
def test_english_names_and_transliterations(run_en: Callable[..., Doc], name: str, actor: str) -> None:
    found = mentions(run_en(f"A statement from {name} was read on television."))
    assert (actor, "actor") in [(a, r) for _, a, r in found], found


def test_us_is_the_state_and_us_the_pronoun_is_nothing(run_en: Callable[..., Doc]) -> None:
    assert [m[1] for m in mentions(run_en("The US said the militias attacked us."))] == ["united-states"]
    assert [m[1] for m in mentions(run_en("The U.S. said so."))] == ["united-states"]


def test_a_name_is_capitalised(run_en: Callable[..., Doc]) -> None:
    assert mentions(run_en("Two rockets hit the base.")) == []  # "hit" is no mention of the town of Hit
    assert mentions(run_en("Hit came under fire."))[:1] == []  # nor when it opens a sentence


def test_a_country_is_a_place_after_a_locative_and_the_state_otherwise(run_en: Callable[..., Doc]) -> None:
    found = mentions(run_en("Iraq condemned the strikes in Syria and Iraq, and Iran-backed groups in Iraq's Anbar."))
    assert found[0] == ("Iraq", "iraq", "actor")
    assert ("Syria", "syria", "place") in found
    assert [m for m in found if m[0] == "Iraq"][1][2] == "place"  # coordinated with a place
    assert [m for m in found if m[0] == "Iraq"][2][2] == "place"  # "Iraq's Anbar"


def test_a_state_modifying_a_noun_is_the_state(run_en: Callable[..., Doc]) -> None:
    found = mentions(run_en("Rockets were fired at US and Coalition forces in Syria."))
    assert ("US", "united-states", "actor") in found


def test_a_dateline_is_not_a_mention_of_the_report(run_en: Callable[..., Doc]) -> None:
    found = mentions(run_en("BAGHDAD, Iraq — Rockets hit Erbil on Friday."))
    assert [m[1] for m in found] == ["erbil"]


def test_country_adjectives(run_en: Callable[..., Doc]) -> None:
    found = mentions(run_en("An Israeli air strike hit Iraqi territory, two Iraqi security officials said."))
    assert found == [
        ("Israeli", "israel", "actor"),
        ("Iraqi", "iraq", "place"),
        ("Iraqi", "iraqi-security-forces", "actor"),
    ]


def test_people_named_after_a_title_or_before_a_speech_verb_are_found(run_en: Callable[..., Doc]) -> None:
    doc = run_en("Brigadier General Haider Sattar al-Mousawi said the drones fell. Mousawi added that nobody was hurt.")
    found = mentions(doc)
    assert [m[1] for m in found] == ["haider-sattar-al-mousawi", "haider-sattar-al-mousawi"]
    assert doc._.kg_discovered["haider-sattar-al-mousawi"].name == "Haider Sattar al-Mousawi"
    doc = run_en("Ahmed Jasim Abbas told reporters the base was hit.")
    assert "ahmed-jasim-abbas" in doc._.kg_discovered


def test_a_gazetteer_person_is_later_named_by_surname(run_en: Callable[..., Doc]) -> None:
    found = mentions(run_en("Major General Yehia Rasool spoke on Monday. Rasool said the strikes were illegal."))
    assert [m[1] for m in found] == ["yehia-rasool", "yehia-rasool"]


def test_surfaces_alternate_the_article_and_the_us() -> None:
    surfaces = english_surfaces(
        {"name": "US Embassy in Baghdad", "aliases": ["the Green Zone embassy", "al-Qaim office"]}
    )
    assert "American Embassy in Baghdad" in surfaces
    assert "Green Zone embassy" in surfaces
    assert "al Qaim office" in surfaces


def test_inflections() -> None:
    assert inflect("say", "said") == {
        "base": "say",
        "third": "says",
        "past": "said",
        "participle": "said",
        "gerund": "saying",
    }
    assert inflect("deny")["third"] == "denies" and inflect("deny")["past"] == "denied"
    assert inflect("urge")["gerund"] == "urging" and inflect("urge")["past"] == "urged"
    assert inflect("slam", double=True)["past"] == "slammed"
    assert inflect("stress")["third"] == "stresses"
