"""Gazetteer loading, the registered pattern functions, and the entity resolver's decisions."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from core.errors import ConfigError
from loaders.nlp.gazetteer import actor_patterns, create_gazetteer, load_gazetteer, place_patterns
from tests.loaders.nlp.conftest import actors_of, places_of


def test_entries_are_sorted_into_actors_and_places_by_kind(gazetteer_dir: Path) -> None:
    gaz = create_gazetteer([str(gazetteer_dir)], include_default=False)
    assert "kataib-hezbollah" in gaz.actors and "kataib-hezbollah" not in gaz.places
    assert "iraq" in gaz.actors and "iraq" in gaz.places  # a state and its territory share an id
    assert gaz.place_ancestors("us-embassy-in-baghdad") == ["green-zone", "baghdad", "baghdad-governorate", "iraq"]
    assert gaz.actor_ancestors("centcom") == ["us-department-of-defense"]


def test_a_later_directory_overrides_an_entry_by_id(gazetteer_dir: Path, tmp_path: Path) -> None:
    override = {"id": "hezbollah", "name": "Lebanese Hezbollah", "name_ar": "حزب الله اللبناني", "kind": "armed_group"}
    (tmp_path / "actors_extra.jsonl").write_text(json.dumps(override, ensure_ascii=False), encoding="utf-8")
    gaz = load_gazetteer([gazetteer_dir, tmp_path])
    assert gaz.actors["hezbollah"]["name"] == "Lebanese Hezbollah"


def test_a_broken_line_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "actors.jsonl").write_text('{"id": "x", "name": "X", "kind": "state"}\n{not json}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"actors.jsonl:2"):
        load_gazetteer([tmp_path])


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"id": "x", "kind": "state"}', "needs a name"),
        ('{"id": "x", "name": "X", "kind": "state", "aliases": "X-land"}', "aliases must be a list"),
        ('{"id": "x", "name": "X", "kind": "city", "lat": 123.0}', "lat must be a number"),
        ('{"id": "", "name": "X", "kind": "state"}', "non-empty"),
    ],
)
def test_a_malformed_entry_is_refused_when_the_gazetteer_loads(tmp_path: Path, line: str, problem: str) -> None:
    (tmp_path / "places.jsonl").write_text(line + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"places.jsonl:1: .*{problem}"):
        load_gazetteer([tmp_path])


def test_registered_pattern_functions_cover_every_arabic_form(gazetteer_dir: Path) -> None:
    gaz = create_gazetteer([str(gazetteer_dir)], include_default=False)
    actors = {(p["pattern"], p["id"]) for p in actor_patterns(gaz)}
    assert ("السفارة الأميركية", "us-embassy-in-baghdad") in actors
    places = {(p["pattern"], p["id"]) for p in place_patterns(gaz)}
    assert ("منطقة القائم", "al-qaim") in places  # same locality under another head word


def test_clitics_do_not_hide_names(run: Callable[..., Doc]) -> None:
    doc = run("وصلت التعزيزات ببغداد وبكركوك، وأرسلت والحكومة العراقية قوات.")
    assert {"baghdad", "kirkuk"} <= places_of(doc)
    assert "iraqi-government" in actors_of(doc)


def test_mentions_point_at_the_name_without_its_clitic(run: Callable[..., Doc]) -> None:
    text = "انفجرت عبوة ببغداد"
    m = next(m for m in run(text)._.kg_entities if m.place_id == "baghdad")
    assert text[m.start_char : m.end_char] == m.text == "بغداد"


def test_the_longest_name_wins(run: Callable[..., Doc]) -> None:
    doc = run("قالت السفارة الأميركية في بغداد إن موظفيها بخير.")
    top = [m for m in doc._.kg_entities if m.source != "nested"]
    assert [m.actor_id for m in top] == ["us-embassy-in-baghdad"]


def test_a_name_inside_a_name_is_kept_when_the_text_links_it(run: Callable[..., Doc]) -> None:
    doc = run("نفذت ميليشيات موالية لإيران الهجوم، وتبنته كتائب حزب الله لاحقا.")
    actors = actors_of(doc)
    assert {"iran-aligned-militias", "iran", "kataib-hezbollah"} <= actors
    assert "hezbollah" not in actors  # part of a name, not a mention of its own


def test_countries_are_places_after_locatives_and_actors_otherwise(run: Callable[..., Doc]) -> None:
    doc = run("انتشرت قوات في العراق وسوريا، بينما دعت إيران إلى التهدئة.")
    assert {"iraq", "syria"} <= places_of(doc)
    assert "iran" in actors_of(doc) and "iran" not in places_of(doc)


def test_a_country_adjective_on_an_agent_noun_is_the_state(run: Callable[..., Doc]) -> None:
    doc = run("تواصل القصف الإسرائيلي على غزة لليوم الثالث.")
    assert "israel" in actors_of(doc)


def test_a_bare_title_is_its_holder_on_the_publication_date(run: Callable[..., Doc]) -> None:
    text = "قال رئيس الوزراء العراقي إن الحكومة ستحمي البعثات."
    assert "mohammed-shia-al-sudani" in actors_of(run(text, "2023-05-01"))
    assert "mustafa-al-kadhimi" in actors_of(run(text, "2021-05-01"))


def test_a_title_before_a_name_gives_way_to_the_name(run: Callable[..., Doc]) -> None:
    doc = run("استقبل رئيس الوزراء العراقي محمد شياع السوداني الوفد.", "2021-05-01")
    assert "mohammed-shia-al-sudani" in actors_of(doc)
    assert "mustafa-al-kadhimi" not in actors_of(doc)


def test_a_bare_government_in_an_iraqi_report_is_the_iraqi_government(run: Callable[..., Doc]) -> None:
    doc = run("طالب البرلمان العراقي الحكومة بتقديم تقرير عن الهجوم في بغداد.")
    assert "iraqi-government" in actors_of(doc)


def test_a_region_named_after_its_country_is_also_that_country(run: Callable[..., Doc]) -> None:
    doc = run("قصفت الطائرات مواقع في شرق سوريا ليلة الأحد.")
    assert {"eastern-syria", "syria"} <= places_of(doc)
    assert "syria" not in actors_of(doc)


def test_an_airport_named_by_its_kind_is_the_airport_of_the_place_named_before(run: Callable[..., Doc]) -> None:
    doc = run("دوت انفجارات في بغداد، وسقطت الصواريخ قرب المطار الدولي.")
    assert "baghdad-international-airport" in places_of(doc)
    assert "baghdad-international-airport" not in places_of(run("سقطت الصواريخ قرب المطار الدولي."))
    assert "baghdad-international-airport" not in places_of(run("دوت انفجارات في الأنبار قرب المطار."))


def test_the_dual_of_sea_is_the_seas_it_names_not_bahrain(run: Callable[..., Doc]) -> None:
    doc = run("تواصل القوات منع السفن من الملاحة في البحرين الأحمر والعربي.")
    assert places_of(doc) == {"red-sea", "arabian-sea"}
    assert "bahrain" in places_of(run("وصل الوفد إلى البحرين صباح الأحد."))


def test_a_place_name_that_is_a_common_word_needs_a_place_reading_and_a_neighbour(run: Callable[..., Doc]) -> None:
    assert "khiam" in places_of(run("أصابت الغارات مبنى في ميس الجبل ومنشأة في الخيام."))
    assert "khiam" in places_of(run("سقطت قذائف على الخيام جنوب لبنان."))
    assert "khiam" not in places_of(run("قصفت الطائرات الخيام في قطاع غزة."))  # no locative word: the tents
    assert "khiam" not in places_of(run("تضررت آلاف الخيام في قطاع غزة."))
    assert "khiam" not in places_of(run("نقل الجرحى إلى الخيام في غزة."))  # a place, but not in south Lebanon
