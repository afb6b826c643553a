"""General rules for unseen text: speakers named after a title, statement kinds told by their
words, court rulings. Every sentence is composed for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from graph.model import ArticleGraph
from tests.loaders.nlp.conftest import said


def discovered(graph: ArticleGraph) -> dict[str, tuple[str, list[str]]]:
    return {a.id: (a.name_ar or "", a.member_of) for a in graph.actors if a.discovered}


@pytest.mark.parametrize(
    ("text", "name", "member_of"),
    [
        # a title, the body he serves, then a name the gazetteer lacks
        ("وقال قائد كتائب حزب الله أحمد الحميداوي إن المقاومة مستمرة.", "أحمد الحميداوي", ["kataib-hezbollah"]),
        ("أكد نائب رئيس الحكومة العراقية سامي الكريم أن الحكومة ماضية.", "سامي الكريم", ["iraqi-government"]),
        # the body named in an apposition after the name
        ("قال الجنرال جيمس براون، قائد القيادة المركزية الأميركية، إن الضربات نجحت.", "جيمس براون", ["centcom"]),
        # a country adjective and the post's city between the title and the name
        ("وصرّح السفير الإيراني في دمشق حسين أكبري بأن بلاده لن تتخلى عن حلفائها.", "حسين أكبري", ["iran"]),
    ],
)
def test_a_titled_person_speaks_and_belongs_to_the_body(
    extract: Callable[..., ArticleGraph], text: str, name: str, member_of: list[str]
) -> None:
    graph = extract(text)
    people = discovered(graph)
    (person,) = [k for k, (n, _) in people.items() if n == name]
    assert people[person][1] == member_of
    assert [s.speaker for s in graph.statements] == [person]


def test_a_named_spokesman_still_speaks_for_the_body(extract: Callable[..., ArticleGraph]) -> None:
    graph = extract("وقال المتحدث باسم وزارة الدفاع الأميركية جون سميث إن القوات في حالة تأهب.")
    assert [s.speaker for s in graph.statements] == ["us-department-of-defense"]


def test_a_title_before_a_body_without_a_name_is_the_body(run: Callable[..., Doc]) -> None:
    assert said(run("وقال قائد كتائب حزب الله إن المقاومة مستمرة.")) == [("kataib-hezbollah", "statement")]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a judgement noun makes an assessment a condemnation
        ("اعتبرت الحكومة العراقية الهجوم انتهاكا للسيادة.", "condemn"),
        ("واعتبر السوداني الهجوم عملا إرهابيا.", "condemn"),
        ("ووصفت وزارة الخارجية العراقية القصف بأنه اعتداء سافر.", "condemn"),
        # blame
        ("وحمّلت الحكومة العراقية الفصائل المسؤولية الكاملة عن الهجوم.", "accuse"),
        ("واتهمت واشنطن كتائب حزب الله بالوقوف وراء الهجوم.", "accuse"),
        ("ووجهت الولايات المتحدة اتهامات لإيران بتسليح الفصائل.", "accuse"),
        ("ووجه السوداني اتهاما لكتائب حزب الله بالوقوف وراء الهجوم.", "accuse"),
        # an order is still a call
        ("ووجه السوداني القوات الأمنية بملاحقة المنفذين.", "call"),
        # threats of a reply
        ("وقالت كتائب حزب الله إن الاعتداء لن يمر دون رد.", "threaten"),
        ("وأكدت حركة النجباء أن الرد سيكون حاسما.", "threaten"),
        ("وقالت الحكومة العراقية إنها تحتفظ بحق الرد.", "threaten"),
        # commitments
        ("وأكد السوداني التزام الحكومة بحماية البعثات الدبلوماسية.", "pledge"),
        ("وأكدت الحكومة العراقية حرصها على حماية البعثات الدبلوماسية.", "pledge"),
    ],
)
def test_the_words_give_the_kind(run: Callable[..., Doc], text: str, kind: str) -> None:
    assert [k for _, k in said(run(text))] == [kind]


def test_an_accusation_names_the_accused(extract: Callable[..., ArticleGraph]) -> None:
    (st,) = extract("ووجهت الولايات المتحدة اتهامات لإيران بتسليح الفصائل.").statements
    assert (st.speaker, st.kind, st.accused) == ("united-states", "accuse", ["iran"])


def test_a_repeated_threat_is_one_threat(run: Callable[..., Doc]) -> None:
    doc = run("توعدت حركة النجباء بالرد على الضربة.\nوقالت إن الرد سيكون حاسما.")
    assert said(doc) == [("harakat-al-nujaba", "threaten")]


@pytest.mark.parametrize(
    "text",
    [
        "قضت المحكمة العليا بعدم دستورية قانون الانتخابات.",
        "وحكمت المحكمة العليا ببطلان جلسة البرلمان.",
    ],
)
def test_a_court_ruling_is_a_resolution(run: Callable[..., Doc], text: str) -> None:
    (ev,) = run(text)._.kg_events
    assert (ev.type, ev.perpetrators) == ("resolution", ["supreme-court"])


@pytest.mark.parametrize(
    "text",
    [
        "وقضى الوزير يومين في بغداد.",  # spent
        "قضت القوات الأميركية على خلية مسلحة.",  # put an end to
    ],
)
def test_ruling_verbs_need_a_court_or_a_body(run: Callable[..., Doc], text: str) -> None:
    assert [ev.type for ev in run(text)._.kg_events if ev.type == "resolution"] == []


@pytest.mark.parametrize(
    ("text", "place", "perpetrators"),
    [
        ("شنت الولايات المتحدة ضربات على أهداف في سوريا فجر الجمعة.", "syria", ["united-states"]),
        ("شنت القوات الأميركية غارات على مواقع للفصائل في سوريا أمس.", "syria", ["us-military"]),
        # a finer place named wins over the country
        ("شنت الولايات المتحدة ضربات على مواقع للفصائل في قضاء القائم فجر الجمعة.", "al-qaim", ["united-states"]),
    ],
)
def test_strikes_on_targets_in_a_country_are_placed_there(
    run: Callable[..., Doc], text: str, place: str, perpetrators: list[str]
) -> None:
    (ev,) = run(text, "2024-02-03")._.kg_events
    assert (ev.type, ev.place, ev.perpetrators) == ("airstrike", place, perpetrators)


def test_undated_strikes_on_a_country_stay_too_vague(run: Callable[..., Doc]) -> None:
    assert run("شنت الولايات المتحدة ضربات على أهداف في سوريا.")._.kg_events == []


@pytest.mark.parametrize(
    ("text", "etype", "place", "perpetrators"),
    [
        ("التقى السوداني وزير الخارجية الإيراني في بغداد.", "meeting", "baghdad", ["mohammed-shia-al-sudani"]),
        ("واستقبل السوداني في بغداد السفير الأميركي.", "meeting", "baghdad", ["mohammed-shia-al-sudani"]),
        ("وعقد السوداني اجتماعا مع فؤاد حسين في بغداد.", "meeting", "baghdad", ["mohammed-shia-al-sudani"]),
        ("وتلقى السوداني اتصالا هاتفيا من الرئيس الأميركي.", "meeting", None, ["mohammed-shia-al-sudani"]),
        ("ووقّع العراق والأردن مذكرة تفاهم في بغداد.", "agreement", "baghdad", ["iraq", "jordan"]),
    ],
)
def test_meetings_and_agreements_take_the_city_named(
    run: Callable[..., Doc], text: str, etype: str, place: str | None, perpetrators: list[str]
) -> None:
    (ev,) = run(text)._.kg_events
    assert (ev.type, ev.place, ev.perpetrators) == (etype, place, perpetrators)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # an assessment verb with a judgement noun as what the act is deemed
        ("ووصفت الحكومة العراقية الضربة بالاعتداء على السيادة.", "condemn"),
        ("واعتبرت وزارة الخارجية العراقية القصف اعتداء على سيادة العراق.", "condemn"),
        ("واعتبرت إيران الضربة عدوانا.", "condemn"),
        # "وعدّت" with its shadda deems; without it, it promises
        ("وعدّت الحكومة العراقية الهجوم انتهاكا للسيادة.", "condemn"),
        ("وعدت الحكومة العراقية بحماية البعثات الدبلوماسية.", "pledge"),
        # an assessment with no judgement stays a plain statement
        ("واعتبرت الحكومة العراقية أن الوضع مستقر.", "statement"),
    ],
)
def test_an_assessment_with_a_judgement_condemns(run: Callable[..., Doc], text: str, kind: str) -> None:
    assert [k for _, k in said(run(text))] == [kind]
