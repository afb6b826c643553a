"""The shipped gazetteer itself: valid, sorted, free of names that are also common Arabic words,
and covering the recurring theatres and outlets of this news. Every sentence here is written for
these tests."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from loaders.nlp import get_nlp
from loaders.nlp.gazetteer import DEFAULT_DIR, create_gazetteer
from loaders.nlp.lexicon import create_lexicon, norm_word

# Words of ordinary Arabic that a careless variant would turn into a name. Each was, or nearly
# was, a gazetteer form; each appears in news in its ordinary sense.
COMMON_WORDS = {
    "كان": "was (also the Israeli broadcaster Kan)",
    "تركية": "Turkish (fem.)",
    "أعماق": "depths (also the ISIS agency Amaq)",
    "الخيام": "the tents (also Khiam)",
    "جويا": "by air (also Jouaiyya)",
    "مركبا": "composite (also Markaba)",
    "صديقين": "two friends (also Siddiqine)",
    "حجة": "pretext (also Hajjah)",
    "السبعين": "the seventy (also al-Sabeen square)",
    "اللحية": "the beard (also al-Luhayyah)",
    "تدمر": "destroys (also Palmyra)",
    "الضفة": "the (river) bank (also the West Bank)",
    "المطلة": "overlooking (also Metula)",
    "المنارة": "the lighthouse (also Manara)",
    "منارة": "a lighthouse",
    "الطيبة": "the good (also Taybeh)",
    "بصري": "visual (also Bosra)",
    "بردي": "the Barada river, folded (also Altun Kupri's Kurdish name)",
    "الولائي": "loyalist (also Abu Alaa al-Walai)",
    "رانيا": "a woman's name",
    "المتوسط": "the average",
    "الحوائج": "needs (also al-Hawaij, folded alike)",
    "ينبع": "stems from (also Yanbu)",
    "الزرقاء": "the blue (also Zarqa)",
    "العقبة": "the obstacle (also Aqaba)",
}

# A country adjective that is also a single-word name: the nisba rules skip gazetteer mentions,
# so such a name turns "قوات تركية" into a mention of the state. These few stay on purpose.
NISBA_NAMES_KEPT = {
    "السعوديه": "the usual name of Saudi Arabia",
    "سوريه": "a usual spelling of Syria",
    "السوداني": "the Iraqi prime minister's surname, as news writes it",
}


@pytest.fixture(scope="module")
def surfaces() -> dict[str, set[str]]:
    gaz = create_gazetteer()
    out: dict[str, set[str]] = {}
    for table in (gaz.actors, gaz.places):
        for eid, entry in table.items():
            for surface in gaz.surfaces(entry):
                out.setdefault(norm_word(surface), set()).add(eid)
    return out


def test_the_validator_finds_no_error_in_the_shipped_files() -> None:
    done = subprocess.run(
        [sys.executable, str(DEFAULT_DIR / "check_gazetteer.py")], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 error(s)" in done.stdout


@pytest.mark.parametrize("name", ["actors.jsonl", "places.jsonl"])
def test_each_file_is_one_object_a_line_sorted_by_kind_then_id(name: str) -> None:
    lines = (DEFAULT_DIR / name).read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert all(isinstance(r, dict) for r in records)
    keys = [(r["kind"], r["id"]) for r in records]
    assert keys == sorted(keys)
    assert len({r["id"] for r in records}) == len(records)


@pytest.mark.parametrize("word", sorted(COMMON_WORDS))
def test_a_common_word_is_never_a_name_on_its_own(word: str, surfaces: dict[str, set[str]]) -> None:
    assert norm_word(word) not in surfaces, f"{word} ({COMMON_WORDS[word]}) is a form of {surfaces[norm_word(word)]}"


def test_no_single_word_name_is_a_country_adjective(surfaces: dict[str, set[str]]) -> None:
    nisba = create_lexicon().nisba
    clashes = {form: ids for form, ids in surfaces.items() if form in nisba and form not in NISBA_NAMES_KEPT}
    assert clashes == {}


def test_a_descriptive_form_does_not_swallow_the_place_it_names(surfaces: dict[str, set[str]]) -> None:
    """'المنطقة الخضراء وسط بغداد' is the Green Zone and Baghdad, two mentions, not one."""
    for form in ("المنطقة الخضراء وسط بغداد", "عاصمة إقليم كردستان", "ساحة التحرير وسط بغداد"):
        assert norm_word(form) not in surfaces


def mentions(text: str, published: str = "2024-04-27") -> dict[str, str]:
    nlp = get_nlp()
    doc = nlp.make_doc(text)
    doc._.kg_published = published
    doc = nlp(doc)
    return {m.text: (m.actor_id or m.place_id or "") for m in doc._.kg_entities}


def test_south_lebanon_villages_and_northern_israel_communities_are_places() -> None:
    found = mentions("قصفت المدفعية أطراف بلدتي كفركلا والعديسة، فيما استهدف الحزب مستوطنة المطلة ومستعمرة شوميرا.")
    assert {"kfar-kila", "odaisseh", "metula", "shomera"} <= set(found.values())
    found = mentions("وأغارت الطائرات على ميس الجبل وعيتا الشعب والناقورة.")
    assert {"meiss-el-jabal", "aita-al-shaab", "naqoura"} <= set(found.values())


def test_a_village_whose_name_is_a_common_word_needs_its_head() -> None:
    assert "khiam" in mentions("سقطت قذيفة على بلدة الخيام الحدودية.").values()
    assert "khiam" not in mentions("نصب النازحون الخيام في الساحة.").values()
    assert "jouaiyya" not in mentions("استهدف الجيش جويا مواقع عدة.").values()


def test_yemen_ports_districts_and_the_seas_of_the_shipping_attacks() -> None:
    text = "ضربت الغارات ميناء الصليف ومديرية سنحان، وأعلن الحوثيون استهداف سفن في بحر العرب والبحر المتوسط وخليج عدن."
    found = set(mentions(text).values())
    assert {"salif-port", "sanhan", "arabian-sea", "mediterranean-sea", "gulf-of-aden", "houthis"} <= found


def test_outlets_and_groups_named_in_this_news() -> None:
    text = 'ونقل موقع "كان" العبري عن مصادر أن قوات الاحتلال تلقت ضربة، بحسب الوكالة الوطنية للإعلام.'
    found = set(mentions(text).values())
    assert {"kan", "israel-defense-forces", "national-news-agency"} <= found
    found = set(mentions("وبث التلفزيون الرسمي الإيراني بيانا عن قصف مقرات حزب كومله ووحدات مقاومة سنجار.").values())
    assert {"islamic-republic-of-iran-broadcasting", "komala", "sinjar-resistance-units"} <= found
    assert "kan" not in mentions("كان القصف عنيفا على الحدود.").values()


def test_houthi_branches_and_occupied_palestine_in_axis_words() -> None:
    found = mentions("أعلنت القوات البحرية اليمنية استهداف سفينة متجهة إلى موانئ فلسطين المحتلة.")
    assert found.get("القوات البحرية اليمنية") == "houthis"
    assert found.get("فلسطين المحتلة") == "israel"


def test_a_place_name_opening_with_a_word_that_looks_like_a_clitic_is_read_whole() -> None:
    # "بنت" is a word ("بنت جبيل"), not ب + the "نت" of a site name such as "الجزيرة نت"
    found = mentions("نفذت مقاتلات إسرائيلية غارات على أطراف مدينة بنت جبيل أمس.")
    assert found.get("بنت جبيل") == "bint-jbeil"
