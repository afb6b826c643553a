"""Events at localities the gazetteer lacks: a village named after its head word ("بلدة X") places
an event, inside the gazetteer place written next to it. Every sentence here is written for these
tests."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from graph.model import ArticleGraph
from tests.loaders.nlp.conftest import events


def locality(doc: Doc, name: str) -> tuple[str, list[str]]:
    """(id, parents) of the discovered locality called `name`."""
    found = next(p for p in doc._.kg_discovered_places.values() if p.name_ar.endswith(name))
    return found.id, found.located_in


def test_a_village_next_to_a_region_places_the_strike_there(run: Callable[..., Doc]) -> None:
    doc = run("قصف الجيش الإسرائيلي منزلا في بلدة عيترون جنوب لبنان فجر الثلاثاء.", "2024-05-08")
    village, parents = locality(doc, "عيترون")
    assert parents == ["south-lebanon"]
    (strike,) = events(doc)
    assert (strike.place, strike.date, strike.perpetrators) == (village, "2024-05-07", ["israel-defense-forces"])


def test_a_village_in_a_city_written_with_bi(run: Callable[..., Doc]) -> None:
    doc = run('وقالت المصادر إن طائرة مسيرة قصفت مقرا في قرية "كسنزان" بمدينة أربيل مساء الأحد.', "2024-05-06")
    village, parents = locality(doc, "كسنزان")
    assert parents == ["erbil"]
    assert [e.place for e in events(doc)] == [village]


def test_the_region_and_the_village_of_one_strike_make_one_event(run: Callable[..., Doc]) -> None:
    doc = run(
        "شنت طائرات إسرائيلية غارة على جنوب لبنان صباح الأحد. وقالت مصادر محلية إن الغارة استهدفت منزلا "
        "في بلدة عيترون.",
        "2024-05-06",
    )
    village, _ = locality(doc, "عيترون")
    (strike,) = events(doc)
    assert (strike.type, strike.place, strike.date) == ("airstrike", village, "2024-05-05")


def test_a_locality_placed_by_nothing_lies_where_its_event_was_first_told(run: Callable[..., Doc]) -> None:
    doc = run(
        "هاجم مسلحون نقطة للجيش في محافظة ديالى. وقالت المصادر إن الهجوم وقع في قرية الصفرة وهي منطقة زراعية.",
        "2024-05-06",
    )
    village, parents = locality(doc, "الصفرة")
    (attack,) = events(doc)
    assert attack.place == village
    assert parents == ["diyala"]


def test_strikes_on_two_villages_nowhere_named_stay_apart(run: Callable[..., Doc]) -> None:
    doc = run(
        "قصفت المدفعية الإسرائيلية يوم الثلاثاء بلدة عيترون. وفي وقت لاحق قصفت المدفعية بلدة مركبا.",
        "2024-05-09",
    )
    places = {e.place for e in events(doc)}
    assert places == {locality(doc, "عيترون")[0], locality(doc, "مركبا")[0]}


def test_a_facility_the_gazetteer_lacks_does_not_place_an_event(run: Callable[..., Doc]) -> None:
    doc = run("سقطت ثلاث قذائف على مدرسة النور في كركوك صباح الاثنين.", "2024-05-06")
    assert [e.place for e in events(doc)] == ["kirkuk"]


def test_the_graph_places_the_village_in_its_parent(extract: Callable[..., ArticleGraph]) -> None:
    graph = extract("قصف الجيش الإسرائيلي منزلا في بلدة عيترون جنوب لبنان فجر الثلاثاء.", "2024-05-08")
    (event,) = graph.events
    village = next(p for p in graph.places if p.id == event.place)
    assert village.name_ar.endswith("عيترون") and village.located_in == ["south-lebanon"]
    assert {"south-lebanon", "lebanon"} <= {p.id for p in graph.places + graph.context_places}


def test_a_response_with_words_between_the_noun_and_ala_is_background(run: Callable[..., Doc]) -> None:
    """'رده لليوم الثاني على التوالي على القصف': what the response answers is another event,
    and its village is not where the response hit; the day the response was made is not the day
    of what it answers, which nothing here dates, so it is no event of its own."""
    doc = run(
        "واصل حزب الله رده لليوم الثاني على التوالي على القصف الذي طال بلدة عيترون، "
        "فاستهدف ثكنة في إسرائيل بصواريخ الكاتيوشا يوم الأربعاء.",
        "2024-05-09",
    )
    village, _ = locality(doc, "عيترون")
    assert [e.place for e in events(doc) if e.place == village] == []
    assert [e.place for e in events(doc)] == ["israel"]


def test_the_unnamed_attackers_of_a_group_are_not_its_target(run: Callable[..., Doc]) -> None:
    doc = run("هاجم مسلحون يشتبه في أنهم من حركة النجباء قاعدة عين الأسد بالصواريخ مساء الاثنين.", "2024-05-07")
    (attack,) = events(doc)
    assert "harakat-al-nujaba" not in attack.targets


def test_a_verb_with_wa_has_its_subject_as_perpetrator(run: Callable[..., Doc]) -> None:
    doc = run("واستهدفت القوات الأميركية يوم الأحد مواقع في البوكمال بطائرات مسيرة.", "2024-05-07")
    (strike,) = events(doc)
    assert strike.perpetrators == ["us-military"] and strike.place == "al-bukamal"
