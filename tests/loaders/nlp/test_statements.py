"""Reported speech: speaker, kind, date, quote, addressees and the accused."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # VSO, feminine and masculine, past and present, with و
        ("قالت السفارة الأميركية إن الوضع مستقر.", ("us-embassy-in-baghdad", "statement")),
        ("ويقول الجيش الأميركي إن قواته في حالة تأهب.", ("us-military", "statement")),
        ("وأوضح البنتاغون أن الهجوم لم يسفر عن إصابات.", ("us-department-of-defense", "statement")),
        # SVO topic, with a parenthetical and with كان ... قد
        ("حركة النجباء، وهي من أبرز الفصائل، أكدت أنها لن تتراجع.", ("harakat-al-nujaba", "statement")),
        ("وكانت القيادة المركزية الأميركية قد أعلنت أن العملية انتهت.", ("centcom", "statement")),
        # a spokesman or an official stands for the body
        ("وقال المتحدث باسم وزارة الخارجية الأميركية إن بلاده تراقب الوضع.", ("us-state-department", "statement")),
        ("وقال مسؤول في وزارة الدفاع الأميركية لرويترز إن التحقيق جار.", ("us-department-of-defense", "statement")),
        ("وقال مسؤول عسكري أميركي إن الطائرات عادت سالمة.", ("us-military", "statement")),
        # attributions
        ("قتل ثلاثة مسلحين في الضربة، وفق بيان للقيادة المركزية الأميركية.", ("centcom", "statement")),
        ("وسمعت انفجارات قرب المطار، بحسب وكالة رويترز.", ("reuters", "statement")),
    ],
)
def test_who_speaks(run: Callable[..., Doc], text: str, expected: tuple[str, str]) -> None:
    assert said(run(text))[0] == expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("دعت السفارة الأميركية الحكومة العراقية إلى حماية البعثات.", "call"),
        ("طالب البرلمان العراقي بخروج القوات الأجنبية.", "call"),
        ("ندد السوداني بالهجوم على القاعدة.", "condemn"),
        ("استنكرت الحكومة العراقية القصف.", "condemn"),
        ("رفضت إيران الاتهامات الأميركية.", "condemn"),
        ("توعدت كتائب حزب الله بالرد على الضربة.", "threaten"),
        ("تعهدت الحكومة العراقية بملاحقة المنفذين.", "pledge"),
        ("اتهمت واشنطن طهران بتسليح الفصائل.", "accuse"),
        ("حملت الحكومة العراقية الفصائل مسؤولية التصعيد.", "accuse"),
        ("تبنت كتائب حزب الله الهجوم بطائرة مسيرة على قاعدة عين الأسد.", "claim_responsibility"),
        ("أعلنت المقاومة الإسلامية في العراق مسؤوليتها عن استهداف قاعدة عين الأسد.", "claim_responsibility"),
        ("أعلنت كتائب حزب الله استهداف قاعدة عين الأسد بصاروخين.", "claim_responsibility"),
        ("نفت كتائب حزب الله أي علاقة لها بالهجوم.", "deny_responsibility"),
        ("نفى البنتاغون التقارير عن سحب القوات.", "statement"),
        # a neutral verb takes the kind of what was said
        ('وقال المتحدث باسم السفارة الأميركية: "ندعو الحكومة العراقية إلى حماية موظفينا".', "call"),
        ('قالت الحكومة العراقية إن الهجوم "عمل إرهابي جبان".', "condemn"),
        ('وقالت حركة النجباء: "ستدفعون ثمن جريمتكم".', "threaten"),
        ('قالت السفارة الأميركية إن "الهجمات نفذتها ميليشيات موالية لإيران".', "accuse"),
        ('قالت المقاومة الإسلامية في العراق: "استهدف مجاهدونا قاعدة عين الأسد".', "claim_responsibility"),
        ("وقالت كتائب حزب الله إنها استهدفت قاعدة عين الأسد بطائرة مسيرة.", "claim_responsibility"),
        ("وقالت إيران إنه لا علاقة لها بالهجوم على القاعدة.", "deny_responsibility"),
        ("ورحبت الحكومة العراقية بقرار الانسحاب.", "statement"),
        # "deemed it a violation" is a condemnation; "brandished" measures is a threat
        ("عدّت الحكومة العراقية القصف انتهاكا للسيادة.", "condemn"),
        ("ولوّحت حركة النجباء بالرد على أي ضربة جديدة.", "threaten"),
        ("وقالت كتائب حزب الله إن الضربة لن تمر، ملوحة بتوسيع عملياتها.", "threaten"),
    ],
)
def test_kind(run: Callable[..., Doc], text: str, kind: str) -> None:
    assert said(run(text))[0][1] == kind


@pytest.mark.parametrize(
    "text",
    [
        "ولم تتبن أي جهة مسؤوليتها عن الهجوم حتى الآن.",
        "ولم تعلن أي جماعة مسؤوليتها عن الهجمات.",
        "لم يعلق البنتاغون على التقارير.",
        "وأشار المسؤول، الذي رفض الكشف عن هويته، إلى أن التحقيق مستمر.",
        "ولاحقا، قال مصدران أمنيان إن صاروخين سقطا قرب المطار.",
        "يذكر أن البرلمان العراقي أصدر قرارا يدعو الحكومة إلى إنهاء الوجود الأجنبي.",
    ],
)
def test_no_statement(run: Callable[..., Doc], text: str) -> None:
    assert said(run(text)) == []


def test_a_pronoun_continues_the_previous_speaker(run: Callable[..., Doc]) -> None:
    doc = run("توعدت حركة النجباء بالرد على الضربة.\nوقالت في بيان لها إن الرد سيكون قاسيا.")
    assert [sp for sp, _ in said(doc)] == ["harakat-al-nujaba"]  # the second folds into the threat


def test_participles_continue_the_clause(run: Callable[..., Doc]) -> None:
    doc = run("أدانت الحكومة العراقية الهجوم، داعية إلى محاسبة المنفذين، ومؤكدة التزامها بحماية البعثات.")
    assert said(doc) == [("iraqi-government", "condemn"), ("iraqi-government", "call"), ("iraqi-government", "pledge")]


def test_words_reported_inside_a_statement_are_not_a_second_statement(run: Callable[..., Doc]) -> None:
    doc = run("وقالت وزارة الخارجية الأميركية إن الفصائل المسلحة تهدد أمن العراق.")
    assert said(doc) == [("us-state-department", "statement")]


def test_addressee_and_accused(run: Callable[..., Doc]) -> None:
    call = run("دعت السفارة الأميركية الحكومة العراقية إلى اتخاذ الإجراءات اللازمة.")._.kg_statements[0]
    assert call.addressees == ["iraqi-government"]
    accuse = run("واتهمت الولايات المتحدة إيران بتسليح الفصائل.")._.kg_statements[0]
    assert accuse.accused == ["iran"]
    blame = run('قال البنتاغون إن "الهجوم نفذته كتائب حزب الله".')._.kg_statements[0]
    assert blame.kind == "accuse" and blame.accused == ["kataib-hezbollah"]


def test_quote_is_the_quoted_words(run: Callable[..., Doc]) -> None:
    st = run('وقال البنتاغون في بيان: "لن نتسامح مع أي تهديد لقواتنا".')._.kg_statements[0]
    assert st.quote == "لن نتسامح مع أي تهديد لقواتنا"


def test_dates_of_statements(run: Callable[..., Doc]) -> None:
    # the statement's own date, written after the verb
    st = run("وأعلنت وزارة الدفاع الأميركية، يوم 3 كانون الثاني 2020، تنفيذ ضربة جوية.", "2022-01-14")._.kg_statements[
        0
    ]
    assert (st.date, st.date_precision) == ("2020-01-03", "day")
    # reported as current: the publication date
    st = run("قالت السفارة الأميركية إن الوضع مستقر.", "2023-12-08")._.kg_statements[0]
    assert st.date == "2023-12-08"
    # pluperfect: said at some earlier, unstated time
    st = run("وكان السوداني قد ندد بالهجمات على القوات الأميركية.", "2023-12-08")._.kg_statements[0]
    assert st.date is None
    # a weekday before the publication day
    st = run("وبحسب أرقام أعلنها البنتاغون الجمعة، تعرضت القوات لهجمات عدة.", "2023-11-06")._.kg_statements[0]
    assert st.date == "2023-11-03"


def test_a_claim_is_linked_to_its_event_and_its_speaker_made_it(run: Callable[..., Doc]) -> None:
    doc = run("تعرضت قاعدة عين الأسد لهجوم بصاروخين.\nوتبنت كتائب حزب الله الهجوم في بيان.", "2024-01-21")
    claim = next(s for s in doc._.kg_statements if s.kind == "claim_responsibility")
    event = doc._.kg_events[claim.about_event]
    assert event.place == "ain-al-asad-air-base"
    assert event.perpetrators == ["kataib-hezbollah"]
