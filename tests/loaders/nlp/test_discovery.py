"""Actors the gazetteer lacks, found by the frame they appear in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.tokens import Doc

from core.errors import ConfigError
from graph.ids import slugify
from loaders.nlp.lexicon import load_lexicon
from loaders.nlp.records import DiscoveredActor
from tests.loaders.nlp.conftest import vocabulary_copy


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
    assert discovered_places(doc) == {"مدرسة النور": "facility", "الزهراء": "district"}


def test_an_agreeing_adjective_is_no_locality_name(run: Callable[..., Doc]) -> None:
    doc = run("سقطت قذيفة قرب مدرسة ابتدائية وسجن مركزي في قرية نائية.")
    assert discovered_places(doc) == {}


def test_a_discovered_locality_is_listed_but_places_no_event(extract) -> None:  # noqa: ANN001
    graph = extract("سقط صاروخ على مدرسة النور في كركوك.")
    assert "مدرسة النور" in {p.name_ar for p in graph.places}
    assert [e.place for e in graph.events] == ["kirkuk"]


def person(doc: Doc, name: str) -> DiscoveredActor:
    return next(a for a in doc._.kg_discovered.values() if a.name_ar == name)


@pytest.mark.parametrize(
    ("text", "name", "body"),
    [
        # the spokesman's name in apposition, between commas
        (
            "وقال المتحدث باسم وزارة الخارجية العراقية، سامر نوري، إن الوزارة تتابع.",
            "سامر نوري",
            "iraqi-foreign-ministry",
        ),
        # the bracketed short name of the body, a comma and a transliterated rank before the name
        (
            "وقال المتحدث باسم القيادة المركزية الأميركية (سنتكوم)، الكولونيل جون ميلر الخميس، إن الضربة نجحت.",
            "جون ميلر",
            "centcom",
        ),
        # an envoy: 'لدى X' is where he serves, he is no member of it
        ("وقال المندوب الإيراني الدائم لدى الأمم المتحدة علي رضا نوري إن بلاده لم تشارك.", "علي رضا نوري", None),
        # the name before its title, right after the verb
        ("أدان خالد يوسف الأمين العام لجامعة الدول العربية القصف.", "خالد يوسف", "arab-league"),
        (
            "وأوضح سعيد مراد المتحدث الرسمي باسم وزارة الخارجية العراقية أن الوزارة تتابع.",
            "سعيد مراد",
            "iraqi-foreign-ministry",
        ),
        # a name beginning with a hamza ("أليكس") is no definite noun, though it folds like one
        ("وقال قائد القيادة المركزية الأميركية، الفريق أليكس مورغان، إن الضربة نجحت.", "أليكس مورغان", "centcom"),
        # an office of an office, in a body named by its people; a name of four words
        ("وحذر نائب وزير الخارجية في حكومة الحوثيين حسين علي العزي من التصعيد.", "حسين علي العزي", "houthis"),
        ("ونجا من الضربة العميد محمد هادي حاجي رحيمي.", "محمد هادي حاجي رحيمي", None),
    ],
)
def test_a_person_named_around_his_office(run: Callable[..., Doc], text: str, name: str, body: str | None) -> None:
    doc = run(text)
    assert discovered(doc) == {name: "person"}
    assert person(doc, name).member_of == ([body] if body else [])


def test_a_party_in_a_title_is_a_body_and_the_name_after_it_the_person(run: Callable[..., Doc]) -> None:
    doc = run("وقال رئيس حزب الوحدة الكردستاني حسن كريمي إن الحزب لن يصمت.")
    assert discovered(doc) == {"حزب الوحدة الكردستاني": "political_party", "حسن كريمي": "person"}
    assert person(doc, "حسن كريمي").member_of == [slugify("حزب الوحدة الكردستاني")]
    doc = run("وأفاد الأمين العام لحزب زانكو، عبد الله رسول، بأن مقرات الحزب تعرضت لهجوم.")
    assert discovered(doc) == {"حزب زانكو": "political_party", "عبد الله رسول": "person"}


def test_a_name_stops_before_a_date_word_and_a_title_without_a_name_finds_none(run: Callable[..., Doc]) -> None:
    doc = run("وقال الجنرال جون ميلر الأربعاء إن القوات انسحبت.")
    assert discovered(doc) == {"جون ميلر": "person"}
    # a noun carrying a pronoun after a participle is no name before a title
    doc = run("أدانت الحكومة العراقية الهجوم، معلنة عزمها استدعاء السفير الإيراني في بغداد.")
    assert discovered(doc) == {}


def test_a_surname_alone_later_is_the_same_person(run: Callable[..., Doc]) -> None:
    doc = run("وقال المتحدث باسم الحركة، سالم العامري، إن الحركة بريئة. ونفى العامري أي صلة بالهجوم.")
    pid = next(iter(doc._.kg_discovered))
    assert doc._.kg_discovered[pid].name_ar == "سالم العامري"
    # the gazetteer's one-word surname of someone else gives way to the name written in full
    mentions = [(m.text, m.actor_id) for m in doc._.kg_entities if m.actor_id in (pid, "hadi-al-amiri")]
    assert mentions == [("سالم العامري", pid), ("العامري", pid)]


@pytest.mark.parametrize(
    ("text", "places"),
    [
        # a class head ('مدينة', 'منطقة', 'مستوطنة') says what the name is; it is not part of it
        ("سقطت قذيفة في منطقة الزهور قرب مستوطنة شلومي.", {"الزهور": "district", "شلومي": "city"}),
        ("ورست السفينة في ميناء الصخرة.", {"ميناء الصخرة": "facility"}),
        ("وقصفت الطائرات مديرية بني حسن ومقر مديرية الأمن.", {"بني حسن": "district"}),
        # a dual head names two localities
        ("وتعرضت بلدتي كفرحمام والهبارية للقصف.", {"كفرحمام": "city", "الهبارية": "city"}),
        ("وتعرضت بلدتي الميادين والعشارة للقصف.", {"العشارة": "city"}),  # the first one is known
        # the name stops at an ownership word, an adjective of its head, a date word
        ("في قرية بيرموس التابعة لقضاء القائم", {"بيرموس": "city"}),
        ("قرب مدينة رأس تنورة الساحلية السعودية", {"رأس تنورة": "city"}),
        # a quoted name runs to its closing quote, even past a word that looks definite
        ('وفي بلدة "ألتين كوبري" شمالا', {"ألتين كوبري": "city"}),
    ],
)
def test_localities_after_their_heads(run: Callable[..., Doc], text: str, places: dict[str, str]) -> None:
    assert discovered_places(run(text)) == places


@pytest.mark.parametrize(
    "text",
    [
        "وأصيب عدد من قوات الجيش والشرطة في الهجوم.",  # army forces: generic, no name
        "وأرسلت قوات خاصة لدعم الهجوم.",  # an adjective and a purpose, no name
        "وسقطت الطائرة في منطقة خليج بغداد الجديدة.",  # a compound into a known name
        "استهدف الهجوم قاعدة ع",  # a word cut off where the text ends
        "وأعلن الجيش أن الهجوم استهدف قاعدة الشهيد الأس",  # a name running into a text cut off
        "وقعت الاشتباكات في منطقة الحدود.",  # an area of a generic noun
    ],
)
def test_generic_phrases_and_cut_words_are_no_names(run: Callable[..., Doc], text: str) -> None:
    doc = run(text)
    assert discovered(doc) == {} and discovered_places(doc) == {}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"place_herds": {}}, r"unknown keys \['place_herds'\]"),
        ({"place_heads": {"قرية": "hamlet"}}, r"place_heads\['قرية'\]: unknown kind 'hamlet'"),
        ({"group_heads": {"حركة": "gang"}}, r"group_heads\['حركة'\]: unknown kind 'gang'"),
        ({"ranks": ["الكولونيل", 7]}, r"ranks\[1\]: expected a word"),
        ({"titles": "الرئيس"}, r"titles: expected a list"),
    ],
)
def test_a_bad_discovery_entry_names_the_file_and_the_entry(tmp_path: Path, change: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=rf"discovery.json: {message}"):
        load_lexicon(vocabulary_copy(tmp_path, "discovery.json", lambda data: data.update(change)))


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ('وقال الجيش إن "الجنديين اللذين قتلا في الهجوم هما سامر نوري، و حسين كاظم".', {"سامر نوري", "حسين كاظم"}),
        ("وأكدت المصادر أن القتلى هم علي جبار وكريم سلمان وحيدر ناصر.", {"علي جبار", "كريم سلمان", "حيدر ناصر"}),
        # a single noun phrase after the pronoun, or no people spoken of: no names
        ("وقال الضابط إن الجنود هم أبطال الوطن.", set()),
        ("وقال الوزير إن الدولتين هما شريكان أساسيان وحليفان قويان.", set()),
    ],
)
def test_people_named_in_a_list_after_hum(run: Callable[..., Doc], text: str, names: set[str]) -> None:
    assert set(discovered(run(text))) == names
