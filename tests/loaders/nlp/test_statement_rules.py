"""Reported-speech rules: who speaks when the text names them indirectly, verbs with a second
sense, and the kind a statement takes from its words. Every sentence is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import events, said


def test_a_claim_by_a_group_named_after_a_generic_noun(run: Callable[..., Doc]) -> None:
    doc = run("تبنى فصيل حركة النجباء هجوما بصاروخين استهدف قاعدة حرير مساء الاثنين.", "2024-03-06")
    assert said(doc) == [("harakat-al-nujaba", "claim_responsibility")]
    ev = next(e for e in doc._.kg_events if e.merged_into is None)
    assert doc._.kg_statements[0].about_event == doc._.kg_events.index(ev)
    assert ev.perpetrators == ["harakat-al-nujaba"] and ev.type == "attack"


def test_a_group_that_names_itself(run: Callable[..., Doc]) -> None:
    doc = run('وأعلنت مجموعة تسمي نفسها "رجال الفجر" مسؤوليتها عن التفجير.', "2024-03-06")
    (st,) = doc._.kg_statements
    assert st.kind == "claim_responsibility" and st.speaker in doc._.kg_discovered


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("كتب السوداني في تغريدة أن الحكومة ماضية في حماية البعثات.", [("mohammed-shia-al-sudani", "statement")]),
        ("وكتب الرئيس الأميركي على منصته: لن نتهاون مع من يهدد قواتنا.", [("united-states", "statement")]),
        ("كتب السوداني مقالا طويلا عن الاقتصاد.", []),
        ("أقر البنتاغون بأن الضربة أصابت موقعا مدنيا.", [("us-department-of-defense", "statement")]),
        ("وأقر مجلس النواب العراقي الموازنة العامة.", []),
    ],
)
def test_verbs_with_a_second_sense(run: Callable[..., Doc], text: str, expected: list) -> None:
    assert said(run(text, "2024-03-06")) == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("هدد الرئيس الأميركي، في كلمة ألقاها أمام أنصاره مساء الخميس، بفرض رسوم على الواردات.", "threaten"),
        ("أعرب الرئيس الأميركي عن سخطه من قصف السفارة الأميركية.", "condemn"),
        ("رفضت الحكومة الإيرانية محاولات نسب الهجوم إلى طهران.", "deny_responsibility"),
        ("واعتبر السوداني ما جرى جريمة بحق المدنيين.", "condemn"),
        ("ووصفت وزارة الخارجية الأميركية التفجير بأنه كان عملا إرهابيا.", "condemn"),
        ('وقال الرئيس الأميركي إن "ردنا سيأتي في الوقت والمكان المناسبين".', "threaten"),
        ("وانتقدت الحكومة العراقية صمت المجتمع الدولي.", "condemn"),
    ],
)
def test_kind_from_the_words(run: Callable[..., Doc], text: str, kind: str) -> None:
    assert said(run(text, "2024-03-06"))[0][1] == kind


def test_a_participle_after_a_threat_goes_on_with_it(run: Callable[..., Doc]) -> None:
    doc = run("توعدت حركة النجباء بالرد على الغارات، قائلة إن دماء الشهداء لن تذهب هدرا، ومتوعدة بمزيد من العمليات.")
    assert said(doc) == [("harakat-al-nujaba", "threaten")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one who gave the speech in which something was said
        ("وظهر السوداني في كلمة متلفزة دعا فيها إلى ضبط النفس.", ("mohammed-shia-al-sudani", "call")),
        # an official of a body, named
        (
            "لكن القيادي في كتائب حزب الله أبو علي العسكري نفى صلة الفصائل بالقصف.",
            ("abu-ali-al-askari", "deny_responsibility"),
        ),
        # an auxiliary verb between the subject and the verb
        ("لكن الحكومة الأردنية سارعت واستنكرت القصف.", ("jordanian-government", "condemn")),
        # an office with words of its own before the body it speaks for
        (
            "وأوضح وزير الدولة لشؤون الإعلام الناطق باسم الحكومة الأردنية أن القصف وقع خارج الحدود.",
            ("jordanian-government", "statement"),
        ),
        # the source of a report, after a rank
        (
            "ونقلت صحيفة محلية عن قائد القيادة المركزية الأميركية الجنرال مايكل كوريلا تأكيده أن الردع قائم.",
            ("michael-kurilla", "statement"),
        ),
        # "وفق ما أعلنته": ما is what, not a negation
        ("أصيب عنصران في الاشتباك، بحسب ما ذكرته القيادة المركزية الأميركية.", ("centcom", "statement")),
    ],
)
def test_who_speaks_when_named_indirectly(run: Callable[..., Doc], text: str, expected: tuple) -> None:
    assert said(run(text, "2024-03-06"))[0] == expected


def test_a_definite_head_noun_takes_up_the_body_named_before(run: Callable[..., Doc]) -> None:
    doc = run("قالت القيادة المركزية الأميركية إن الضربات انتهت. وأضافت القيادة أن التقييم مستمر.")
    assert said(doc) == [("centcom", "statement"), ("centcom", "statement")]


def test_coordinated_speakers_each_make_the_statement(run: Callable[..., Doc]) -> None:
    doc = run("أدانت السعودية والإمارات الهجوم على مطار بغداد الدولي، ودعتا إلى التهدئة.")
    assert sorted(said(doc)) == [
        ("saudi-arabia", "call"),
        ("saudi-arabia", "condemn"),
        ("united-arab-emirates", "call"),
        ("united-arab-emirates", "condemn"),
    ]


def test_a_relative_clause_verb_with_its_own_subject(run: Callable[..., Doc]) -> None:
    doc = run("وكانت حركة النجباء، التي تتهمها واشنطن بقصف السفارة، قد أكدت التزامها بالتهدئة.")
    kinds = {(s.speaker, s.kind): s for s in doc._.kg_statements}
    assert kinds[("united-states", "accuse")].accused == ["harakat-al-nujaba"]
    assert {k for k in kinds if k[0] == "harakat-al-nujaba"}


def test_a_verbal_attack_is_a_condemnation_and_an_armed_one_is_not(run: Callable[..., Doc]) -> None:
    assert said(run("هاجم أبو علي العسكري الحكومة العراقية بشدة.")) == [("abu-ali-al-askari", "condemn")]
    assert said(run("هاجم مسلحون القوات العراقية بالأسلحة الخفيفة.")) == []


def test_an_operation_carried_out_by_security_forces_blames_nobody(run: Callable[..., Doc]) -> None:
    doc = run("أعلنت الحكومة العراقية اعتقال ثلاثة متهمين خلال عملية نفذتها القوات الأمنية العراقية.")
    assert said(doc) == [("iraqi-government", "statement")]


def test_a_dateline_is_not_a_statement(run: Callable[..., Doc]) -> None:
    assert said(run("واشنطن: أخبار المثال\nوصل الوفد إلى بغداد.")) == []


def test_a_discourse_phrase_before_the_verb_is_no_subject(run: Callable[..., Doc]) -> None:
    assert said(run("وفي المقابل نفت الحكومة العراقية أي مسؤولية عن الهجوم.")) == [
        ("iraqi-government", "deny_responsibility")
    ]


def test_the_accused_named_by_a_definite_head_noun(run: Callable[..., Doc]) -> None:
    doc = run("أصدرت كتائب حزب الله بيانا. واتهمت واشنطن الكتائب بالوقوف وراء الهجوم.")
    accuse = next(s for s in doc._.kg_statements if s.kind == "accuse")
    assert (accuse.speaker, accuse.accused) == ("united-states", ["kataib-hezbollah"])


def test_an_unnamed_subject_does_not_inherit_the_last_speaker(run: Callable[..., Doc]) -> None:
    doc = run("وقالت السفارة الأميركية إن الوضع هادئ. ويطالب نواب بخروج القوات الأجنبية.")
    assert said(doc) == [("us-embassy-in-baghdad", "statement")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ونقل عن مسؤول في وزارة الدفاع الأميركية قوله إن القوات في حالة تأهب.",
            ("us-department-of-defense", "statement"),
        ),
        ("وجاء في بيان صادر عن الحكومة العراقية أن التحقيق مستمر.", ("iraqi-government", "statement")),
        ("وورد في تغريدة للسفارة الأميركية أن الموظفين بخير.", ("us-embassy-in-baghdad", "statement")),
        ("وأفاد مصدر أمني عراقي بأن صاروخا سقط قرب المطار.", ("iraqi-security-forces", "statement")),
    ],
)
def test_passive_and_impersonal_reports_name_their_source(run: Callable[..., Doc], text: str, expected: tuple) -> None:
    assert said(run(text)) == [expected]


def test_a_verb_of_coming_is_no_report_without_a_statement(run: Callable[..., Doc]) -> None:
    assert said(run("وجاء الهجوم بعد يومين من التهديدات.")) == []


@pytest.mark.parametrize(
    "text",
    [
        "وذكرت مصادر عراقية أن الانفجار وقع قرب قاعدة حرير.",
        "وأفادت مصادر إعلامية عراقية بأن الانفجار وقع قرب قاعدة حرير.",
    ],
)
def test_unnamed_sources_with_a_nationality_are_no_speaker_and_no_actor(run: Callable[..., Doc], text: str) -> None:
    doc = run(text)
    assert [sp for sp, _ in said(doc) if sp == "iraq"] == []
    assert "iraq" not in {m.actor_id for m in doc._.kg_entities if m.role == "actor"}


def test_a_security_source_with_a_nationality_speaks_for_the_forces(run: Callable[..., Doc]) -> None:
    assert said(run("وقال مصدر أمني عراقي إن الانفجار وقع قرب قاعدة حرير.")) == [("iraqi-security-forces", "statement")]


def test_a_spokesman_named_after_the_short_name_of_his_office_speaks(run: Callable[..., Doc]) -> None:
    doc = run("وقال متحدث الخارجية سامر نوري، في بيان، إن الوزارة بعثت شكوى إلى مجلس الأمن.")
    speaker = doc._.kg_statements[0].speaker
    assert doc._.kg_discovered[speaker].name_ar == "سامر نوري"


def test_state_television_speaking_is_not_the_body_quoted_before(run: Callable[..., Doc]) -> None:
    doc = run(
        "أكد الجيش الأمريكي أن ثلاثة من جنوده أصيبوا في الهجوم. وقال التلفزيون الرسمي إن الهجوم وقع فجرا.",
        "2024-05-06",
    )
    speakers = [s.speaker for s in doc._.kg_statements]
    assert speakers == ["us-military"]  # the television is no outlet the text named


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("وقال مسؤولان أمنيان عراقيان إن مسلحين هاجموا قاعدة حرير.", ("iraqi-security-forces", "statement")),
        ("وقال دبلوماسيان إيرانيان إن طهران لم تشارك في الهجوم.", ("iran", "deny_responsibility")),
        ("وقال مسؤول أمني عراقي إن مسلحين هاجموا قاعدة حرير.", ("iraqi-security-forces", "statement")),
    ],
)
def test_unnamed_officials_speak_for_their_state_in_both_numbers(
    run: Callable[..., Doc], sentence: str, expected: tuple[str, str]
) -> None:
    assert said(run(sentence, "2024-05-06")) == [expected]


def test_according_to_unnamed_officials_is_their_state_speaking(run: Callable[..., Doc]) -> None:
    doc = run("هاجم مسلحون قاعدة حرير فجرا، وفقا لمسؤولين عسكريين عراقيين.", "2024-05-06")
    assert said(doc) == [("iraq", "statement")]


def test_fighters_of_another_body_in_a_speakers_words_claim_nothing_for_the_speaker(
    run: Callable[..., Doc],
) -> None:
    doc = run("اقتحم مقاتلو حزب الله البلدة فجرا، وفقا لمسؤولين عسكريين عراقيين.", "2024-05-06")
    assert said(doc) == [("iraq", "statement")]  # the officials tell Hezbollah's attack, they claim nothing
    own = run("وقالت كتائب حزب الله إنه استهدف مقاتلو الكتائب قاعدة التنف.", "2024-05-06")
    assert said(own) == [("kataib-hezbollah", "claim_responsibility")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a ministry telling its own strike, the act's object after the verb
        ("وقالت وزارة الدفاع العراقية إنها حيدت خمسة مسلحين في غارة جوية.", "claim_responsibility"),
        # ... and the passive twin of the same letters, which tells nothing of its own doing
        ("وأدانت وزارة الدفاع العراقية الهجوم، مؤكدة أنه نفذ من دون علمها.", "condemn"),
        # raiding and destroying are attacks too, and "بأنها" is "أنها"
        ("وأعلن الجيش الأمريكي أنه أغار على مستودعات أسلحة في قضاء القائم.", "claim_responsibility"),
        ("وأعلن الجيش الأمريكي أن قواته دمرت أربع طائرات مسيرة قبل إطلاقها.", "claim_responsibility"),
        ("وأفادت المقاومة الإسلامية في العراق بأنها نفذت عملية جديدة ضد قاعدة حرير.", "claim_responsibility"),
    ],
)
def test_a_side_telling_its_own_attack_claims_it(run: Callable[..., Doc], sentence: str, expected: str) -> None:
    kinds = [kind for _, kind in said(run(sentence, "2024-05-06"))]
    assert kinds[0] == expected


def test_the_one_blamed_may_stand_before_the_words_that_blame(run: Callable[..., Doc]) -> None:
    doc = run("وأكد الجيش الأمريكي أن كتائب حزب الله تقف وراء الهجوم على قاعدة التنف.", "2024-05-06")
    (accusation,) = doc._.kg_statements
    assert (accusation.speaker, accusation.kind, accusation.accused) == ("us-military", "accuse", ["kataib-hezbollah"])


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("وسارعت طهران إلى نفي أي تورط لها في الهجوم على قاعدة التنف.", [("iran", "deny_responsibility")]),
        ("وبادرت الحكومة العراقية إلى إدانة الهجوم على قاعدة حرير.", [("iraqi-government", "condemn")]),
        ("وسارعت القوات الأمنية إلى مكان الهجوم.", []),  # hastening somewhere says nothing
    ],
)
def test_hastening_to_deny_or_condemn_is_denying_or_condemning(
    run: Callable[..., Doc], sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert said(run(sentence, "2024-05-06")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وأعلن أبو علي العسكري استهداف قاعدة عين الأسد بطائرتين مسيرتين فجر اليوم.",
        "وتبنى أبو علي العسكري في بيان الهجوم بطائرة مسيرة على قاعدة حرير.",
    ],
)
def test_an_act_a_spokesman_tells_as_done_is_his_bodys(run: Callable[..., Doc], text: str) -> None:
    # the person speaks; the body he is a member of carried out the attack
    (attack,) = [e for e in events(run(text, "2024-05-06")) if e.merged_into is None]
    assert attack.perpetrators == ["kataib-hezbollah"]
