"""A small gazetteer written in code and a pipeline built on it alone, so the rule tests do not
move when the shipped gazetteer grows. Every sentence in these tests is composed for them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from graph.model import ArticleGraph
from loaders.articles import LoadedArticle
from loaders.extract import extract_article
from loaders.nlp import build_nlp
from loaders.nlp.records import EventRecord


def vocabulary_copy(folder: Path, name: str, edit: Callable[[dict], object]) -> Path:
    """The Arabic rule vocabulary (the files of loaders/data/nlp; the English one is a subfolder)
    copied to `folder`, with `edit` applied to its JSON file `name`: how a test feeds one bad entry
    to the loader."""
    from loaders.nlp.lexicon import DATA_DIR

    for f in DATA_DIR.iterdir():
        if f.is_file():
            (folder / f.name).write_bytes(f.read_bytes())
    data = json.loads((DATA_DIR / name).read_text(encoding="utf-8"))
    edit(data)
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return folder


def actor(id: str, name: str, name_ar: str, kind: str, variants: tuple[str, ...] = (), **extra: object) -> dict:
    return {
        "id": id,
        "name": name,
        "name_ar": name_ar,
        "kind": kind,
        "ar_variants": list(variants),
        "aliases": [],
        "member_of": [],
        "wikidata": None,
        "country": None,
        "valid_from": None,
        "valid_to": None,
        "title_ar": None,
        **extra,
    }


def place(
    id: str,
    name: str,
    name_ar: str,
    kind: str,
    variants: tuple[str, ...] = (),
    located_in: tuple[str, ...] = (),
    **extra: object,
) -> dict:
    return {
        "id": id,
        "name": name,
        "name_ar": name_ar,
        "kind": kind,
        "ar_variants": list(variants),
        "aliases": [],
        "located_in": list(located_in),
        "lat": None,
        "lon": None,
        "wikidata": None,
        **extra,
    }


ACTORS = [
    actor(
        "united-states",
        "United States",
        "الولايات المتحدة",
        "state",
        ("الولايات المتحدة الأميركية", "واشنطن"),
        country="united-states",
    ),
    actor("iran", "Iran", "إيران", "state", country="iran"),
    actor("iraq", "Iraq", "العراق", "state", country="iraq"),
    actor("israel", "Israel", "إسرائيل", "state", country="israel"),
    actor(
        "us-embassy-in-baghdad",
        "US Embassy in Baghdad",
        "السفارة الأميركية في بغداد",
        "diplomatic_mission",
        ("السفارة الأميركية",),
        member_of=["us-state-department"],
        country="united-states",
    ),
    actor(
        "us-state-department", "US State Department", "وزارة الخارجية الأميركية", "government", country="united-states"
    ),
    actor("us-military", "US military", "الجيش الأميركي", "military", ("القوات الأميركية",), country="united-states"),
    actor(
        "us-department-of-defense",
        "US Department of Defense",
        "وزارة الدفاع الأميركية",
        "government",
        ("البنتاغون",),
        country="united-states",
    ),
    actor(
        "centcom",
        "CENTCOM",
        "القيادة المركزية الأميركية",
        "military",
        member_of=["us-department-of-defense"],
        country="united-states",
    ),
    actor("iraqi-government", "Iraqi government", "الحكومة العراقية", "government", ("حكومة العراق",), country="iraq"),
    actor(
        "iraqi-parliament",
        "Iraqi Parliament",
        "مجلس النواب العراقي",
        "government",
        ("البرلمان العراقي",),
        country="iraq",
    ),
    actor(
        "iraqi-security-forces",
        "Iraqi security forces",
        "القوات الأمنية العراقية",
        "military",
        ("القوات العراقية",),
        country="iraq",
    ),
    actor("islamic-resistance-in-iraq", "Islamic Resistance in Iraq", "المقاومة الإسلامية في العراق", "armed_group"),
    actor(
        "kataib-hezbollah",
        "Kataib Hezbollah",
        "كتائب حزب الله",
        "armed_group",
        member_of=["islamic-resistance-in-iraq"],
        country="iraq",
    ),
    actor(
        "harakat-al-nujaba",
        "Harakat al-Nujaba",
        "حركة النجباء",
        "armed_group",
        member_of=["islamic-resistance-in-iraq"],
        country="iraq",
    ),
    actor("hezbollah", "Hezbollah", "حزب الله", "armed_group"),
    actor(
        "israel-defense-forces",
        "Israel Defense Forces",
        "الجيش الإسرائيلي",
        "military",
        ("جيش الاحتلال الإسرائيلي",),
        country="israel",
    ),
    actor("lebanon", "Lebanon", "لبنان", "state", country="lebanon"),
    actor("iran-aligned-militias", "Iran-aligned militias", "ميليشيات موالية لإيران", "armed_group"),
    actor("reuters", "Reuters", "رويترز", "media", ("وكالة رويترز",)),
    actor("example-news", "Example News", "أخبار المثال", "media"),
    actor("isis", "Islamic State", "تنظيم الدولة الإسلامية", "armed_group", ("تنظيم الدولة",)),
    actor("amaq", "Amaq", "وكالة أعماق", "media", member_of=["isis"]),
    actor("yahya-saree", "Yahya Saree", "يحيى سريع", "person", member_of=["houthis"]),
    actor("salim-al-tai", "Salim al-Tai", "سالم الطائي", "person", member_of=["iraqi-government"]),
    actor(
        "mohammed-shia-al-sudani",
        "Mohammed Shia al-Sudani",
        "محمد شياع السوداني",
        "person",
        ("السوداني",),
        country="iraq",
        title_ar="رئيس الوزراء العراقي",
        valid_from="2022-10-27",
    ),
    actor("saudi-arabia", "Saudi Arabia", "السعودية", "state", ("المملكة العربية السعودية",), country="saudi-arabia"),
    actor("united-arab-emirates", "United Arab Emirates", "الإمارات", "state", country="united-arab-emirates"),
    actor("jordan", "Jordan", "الأردن", "state", country="jordan"),
    actor("jordanian-government", "Jordanian government", "الحكومة الأردنية", "government", country="jordan"),
    actor("iraqi-foreign-ministry", "Iraqi Foreign Ministry", "وزارة الخارجية العراقية", "government", country="iraq"),
    actor(
        "iraqi-ministry-of-defence", "Iraqi Ministry of Defence", "وزارة الدفاع العراقية", "government", country="iraq"
    ),
    actor("white-house", "White House", "البيت الأبيض", "government", country="united-states"),
    actor("supreme-court", "Supreme Court", "المحكمة العليا", "government", country="iraq"),
    actor("fuad-hussein", "Fuad Hussein", "فؤاد حسين", "person", country="iraq"),
    actor("united-nations", "United Nations", "الأمم المتحدة", "international_org"),
    actor("houthis", "Houthis", "الحوثيون", "armed_group", ("الحوثيين",), country="yemen"),
    actor("iraqi-police", "Iraqi Police", "الشرطة العراقية", "military", country="iraq"),
    actor(
        "global-coalition-against-daesh", "Global Coalition against Daesh", "التحالف الدولي", "coalition", ("التحالف",)
    ),
    actor("arab-league", "Arab League", "جامعة الدول العربية", "international_org", ("الجامعة العربية",)),
    actor("hadi-al-amiri", "Hadi al-Amiri", "هادي العامري", "person", ("العامري",), country="iraq"),
    actor("abu-ali-al-askari", "Abu Ali al-Askari", "أبو علي العسكري", "person", member_of=["kataib-hezbollah"]),
    actor("michael-kurilla", "Michael Kurilla", "مايكل كوريلا", "person", member_of=["centcom"]),
    actor(
        "mustafa-al-kadhimi",
        "Mustafa al-Kadhimi",
        "مصطفى الكاظمي",
        "person",
        ("الكاظمي",),
        country="iraq",
        title_ar="رئيس الوزراء العراقي",
        valid_from="2020-05-07",
        valid_to="2022-10-27",
    ),
]
PLACES = [
    place("iraq", "Iraq", "العراق", "country"),
    place("syria", "Syria", "سوريا", "country", lat=35.0, lon=38.5),
    place("iran", "Iran", "إيران", "country"),
    place("israel", "Israel", "إسرائيل", "country"),
    place("united-states", "United States", "الولايات المتحدة", "country"),
    place("baghdad-governorate", "Baghdad Governorate", "محافظة بغداد", "governorate", located_in=("iraq",)),
    place("baghdad", "Baghdad", "بغداد", "city", located_in=("baghdad-governorate",)),
    place("green-zone", "Green Zone", "المنطقة الخضراء", "district", located_in=("baghdad",)),
    place(
        "us-embassy-in-baghdad",
        "US Embassy in Baghdad",
        "مجمع السفارة الأميركية",
        "facility",
        located_in=("green-zone",),
    ),
    place("anbar", "Anbar", "الأنبار", "governorate", ("محافظة الأنبار",), located_in=("iraq",)),
    place(
        "ain-al-asad-air-base", "Ain al-Asad Air Base", "قاعدة عين الأسد", "base", ("عين الأسد",), located_in=("anbar",)
    ),
    place("al-qaim", "Al-Qaim", "قضاء القائم", "city", located_in=("anbar",)),
    place("kirkuk-governorate", "Kirkuk Governorate", "محافظة كركوك", "governorate", located_in=("iraq",)),
    place("kirkuk", "Kirkuk", "كركوك", "city", located_in=("kirkuk-governorate",)),
    place("erbil-governorate", "Erbil Governorate", "محافظة أربيل", "governorate", located_in=("iraq",)),
    place("erbil", "Erbil", "أربيل", "city", located_in=("erbil-governorate",)),
    place("damascus", "Damascus", "دمشق", "city", located_in=("syria",), lat=33.51, lon=36.29),
    place("tehran", "Tehran", "طهران", "city", located_in=("iran",)),
    place("gaza-strip", "Gaza Strip", "قطاع غزة", "governorate", ("غزة",)),
    place("jordan", "Jordan", "الأردن", "country"),
    place("saudi-arabia", "Saudi Arabia", "السعودية", "country"),
    place("dora", "Dora", "الدورة", "district", ("منطقة الدورة",), located_in=("baghdad",)),
    place(
        "baghdad-international-airport",
        "Baghdad International Airport",
        "مطار بغداد الدولي",
        "facility",
        located_in=("baghdad",),
    ),
    place("harir-air-base", "Harir Air Base", "قاعدة حرير", "base", located_in=("erbil-governorate",)),
    place("akashat", "Akashat", "عكاشات", "city", located_in=("anbar",)),
    place(
        "deir-ez-zor-governorate",
        "Deir ez-Zor Governorate",
        "محافظة دير الزور",
        "governorate",
        ("ريف دير الزور",),
        located_in=("syria",),
    ),
    place("al-mayadin", "Al-Mayadin", "الميادين", "city", located_in=("deir-ez-zor-governorate",)),
    place(
        "al-bukamal", "Al-Bukamal", "البوكمال", "city", located_in=("deir-ez-zor-governorate",), lat=34.45, lon=40.94
    ),
    place("al-tanf", "Al-Tanf", "قاعدة التنف", "base", ("التنف",), located_in=("syria",)),
    place("eastern-syria", "Eastern Syria", "شرق سوريا", "site", located_in=("syria",)),
    place("bahrain", "Bahrain", "البحرين", "country"),
    place("red-sea", "Red Sea", "البحر الأحمر", "site"),
    place("arabian-sea", "Arabian Sea", "بحر العرب", "site", ("البحر العربي",)),
    place("lebanon", "Lebanon", "لبنان", "country"),
    place("south-lebanon", "South Lebanon", "جنوب لبنان", "site", located_in=("lebanon",)),
    place("meiss-el-jabal", "Meiss el-Jabal", "ميس الجبل", "city", located_in=("south-lebanon",)),
    place("khiam", "Khiam", "بلدة الخيام", "city", located_in=("south-lebanon",), ar_homographs=["الخيام"]),
    place("diyala", "Diyala", "محافظة ديالى", "governorate", ("ديالى",), located_in=("iraq",)),
    place("washington-d-c", "Washington, D.C.", "العاصمة الأميركية واشنطن", "city", ("واشنطن",)),
    place("white-house", "White House", "البيت الأبيض", "facility", located_in=("washington-d-c",)),
]


def write_gazetteer(folder: Path) -> Path:
    """The test gazetteer as the two JSONL files the loader reads."""
    (folder / "actors.jsonl").write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in ACTORS), encoding="utf-8")
    (folder / "places.jsonl").write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in PLACES), encoding="utf-8")
    return folder


def test_pipeline(folder: Path) -> Language:
    """The full pipeline from pipeline.cfg, reading the gazetteer in `folder` only."""
    return build_nlp(overrides={"kg.gazetteer_dirs": [str(folder)], "kg.gazetteer_default": False})


test_pipeline.__test__ = False  # type: ignore[attr-defined]  # a helper, not a test


@pytest.fixture(scope="session")
def gazetteer_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_gazetteer(tmp_path_factory.mktemp("gazetteer"))


@pytest.fixture(scope="session")
def nlp(gazetteer_dir: Path) -> Language:
    return test_pipeline(gazetteer_dir)


@pytest.fixture(scope="session")
def run(nlp: Language) -> Callable[..., Doc]:
    def _run(text: str, published: str | None = None) -> Doc:
        doc = nlp.make_doc(text)
        doc._.kg_published = published
        return nlp(doc)

    return _run


@pytest.fixture(scope="session")
def extract(nlp: Language) -> Callable[..., ArticleGraph]:
    def _extract(text: str, published: str | None = None, outlet: str | None = None) -> ArticleGraph:
        article = LoadedArticle(file="test.txt", title=None, outlet=outlet, published=published, url=None, text=text)
        return extract_article(article, nlp)

    return _extract


def said(doc: Doc) -> list[tuple[str | None, str]]:
    """(speaker, kind) of each statement the pipeline found, in order."""
    return [(s.speaker, s.kind) for s in doc._.kg_statements]


def events(doc: Doc) -> list[EventRecord]:
    """The events left after merging (the ones that become graph nodes)."""
    return [e for e in doc._.kg_events if e.merged_into is None]


def actors_of(doc: Doc) -> set[str]:
    return {m.actor_id for m in doc._.kg_entities if m.role == "actor" and m.actor_id}


def places_of(doc: Doc) -> set[str]:
    return {m.place_id for m in doc._.kg_entities if m.role == "place" and m.place_id}
