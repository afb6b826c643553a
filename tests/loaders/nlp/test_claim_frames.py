"""Claims and denials as real reports phrase them: a group's own words about its fighters, the
first person, statements published on channels. Every sentence is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc


def said(doc: Doc) -> set[tuple[str | None, str]]:
    return {(s.speaker, s.kind) for s in doc._.kg_statements}


@pytest.mark.parametrize(
    "text",
    [
        # the group's fighters as the subject of the attack verb, in its own quoted words
        'وقالت كتائب حزب الله في بيان: "ردا على جرائم الاحتلال، شن مجاهدو المقاومة هجوما بالمسيرات على قاعدة حرير".',
        'وقالت كتائب حزب الله في بيان: "استهدف أبطالنا قاعدة حرير بصليات من الصواريخ".',
        # subject before the verb
        'وقالت حركة النجباء في بيان إن "مجاهدينا استهدفوا قاعدة عين الأسد فجر اليوم".',
        # the first person plural, in any tense the morphology writes out
        'وقالت حركة النجباء: "نفذنا عملية نوعية ضد قاعدة عين الأسد".',
        'وقالت حركة النجباء: "إننا نستهدف قواعد الاحتلال في العراق وسنواصل".',
        # "أنها" + attack verb
        "وأعلنت المقاومة الإسلامية في العراق أنها شنت هجوما بطائرة مسيرة على قاعدة حرير.",
    ],
)
def test_a_group_telling_its_own_attack_claims_it(run: Callable[..., Doc], text: str) -> None:
    claims = {sp for sp, kind in said(run(text, "2024-02-01")) if kind == "claim_responsibility"}
    assert claims, said(run(text, "2024-02-01"))


@pytest.mark.parametrize(
    "text",
    [
        # a government reporting that someone else's fighters attacked is no claim
        "وقالت الحكومة العراقية إن مقاتلي الفصائل استهدفوا قاعدة حرير.",
        # a threat in the future is no claim
        'وقالت حركة النجباء: "سنستهدف قواعد الاحتلال إن لم تنسحب".',
        # negated: not a claim
        'وقالت حركة النجباء: "لم نستهدف أي قاعدة".',
    ],
)
def test_what_is_not_a_claim(run: Callable[..., Doc], text: str) -> None:
    assert all(kind != "claim_responsibility" for _, kind in said(run(text, "2024-02-01")))


@pytest.mark.parametrize(
    "text",
    [
        'نشر الإعلام الحربي في كتائب حزب الله بيانا قال فيه: "استهدف مجاهدونا قاعدة حرير".',
        "وقال المكتب الإعلامي لحركة النجباء إن الحركة لن تسكت على الاعتداء.",
        "والمكتب السياسي لحركة النجباء قال إن الحركة لن تسكت على الاعتداء.",
    ],
)
def test_an_organ_of_a_body_speaks_for_it(run: Callable[..., Doc], text: str) -> None:
    speakers = {sp for sp, _ in said(run(text, "2024-02-01"))}
    assert speakers & {"kataib-hezbollah", "harakat-al-nujaba"}, speakers


@pytest.mark.parametrize(
    "text",
    [
        'وقالت حركة النجباء في بيانها إن "عناصرها استهدفوا قاعدة عين الأسد بطائرة مسيرة".',
        "أعلنت حركة النجباء، وهي فصيل عراقي مسلح، مساء الأحد، استهداف قاعدة عين الأسد بطائرة مسيرة.",
        "أعلنت حركة النجباء مسؤوليتها عن الهجوم على قاعدة عين الأسد.",
    ],
)
def test_more_ways_to_claim(run: Callable[..., Doc], text: str) -> None:
    assert ("harakat-al-nujaba", "claim_responsibility") in said(run(text, "2024-02-01"))


def test_announcing_a_meeting_is_no_claim(run: Callable[..., Doc]) -> None:
    text = "أعلنت حركة النجباء أن وفدها سيزور بغداد لبحث تنفيذ الاتفاق."
    assert ("harakat-al-nujaba", "claim_responsibility") not in said(run(text, "2024-02-01"))


@pytest.mark.parametrize(
    "text",
    [
        "نفت الحكومة العراقية استخدام أراضيها لمهاجمة أي دولة مجاورة.",
        "نفى رئيس الوزراء العراقي محمد شياع السوداني أن تكون بغداد على علم بأي تقارير حول إطلاق صواريخ من أراضيها.",
        'نأت حركة "النجباء" بنفسها عن قصف قاعدة عين الأسد.',
        "وتبرأت حركة النجباء من الهجوم على قاعدة عين الأسد.",
        "وأنكرت كتائب حزب الله أي صلة لها بالتفجير.",
    ],
)
def test_denials_of_an_attack_or_of_a_part_in_it(run: Callable[..., Doc], text: str) -> None:
    kinds = {kind for _, kind in said(run(text, "2024-02-01"))}
    assert "deny_responsibility" in kinds, said(run(text, "2024-02-01"))


def test_a_denial_of_something_else_is_a_plain_statement(run: Callable[..., Doc]) -> None:
    kinds = {kind for _, kind in said(run("نفت الحكومة العراقية وجود أزمة في الموازنة.", "2024-02-01"))}
    assert "deny_responsibility" not in kinds


def test_a_military_telling_its_own_strike_claims_it_and_labels_are_no_condemnation(
    run: Callable[..., Doc],
) -> None:
    text = 'وقالت القيادة المركزية الأميركية إنها قصفت مقرات "جماعات إرهابية" في شرق سوريا.'
    found = said(run(text, "2024-02-01"))
    assert ("centcom", "claim_responsibility") in found
    assert ("centcom", "condemn") not in found


def test_calling_an_attack_terrorist_is_still_a_condemnation(run: Callable[..., Doc]) -> None:
    found = said(run("وقالت الحكومة العراقية إن الهجوم على قاعدة حرير عمل إرهابي جبان.", "2024-02-01"))
    assert ("iraqi-government", "condemn") in found


def test_the_spokesman_of_the_body_named_before_speaks_for_it(run: Callable[..., Doc]) -> None:
    text = (
        'أصدرت حركة النجباء بيانا مساء الأحد. وقال المتحدث باسم الحركة إن "الحركة لا علاقة لها بالهجوم على قاعدة حرير".'
    )
    assert ("harakat-al-nujaba", "deny_responsibility") in said(run(text, "2024-02-01"))


def test_the_spokesman_named_in_apposition_speaks(run: Callable[..., Doc]) -> None:
    text = (
        "أصدرت حركة النجباء بيانا مساء الأحد. "
        'وقال المتحدث باسم الحركة، عباس الموسوي، إن "الحركة لا علاقة لها بالهجوم على قاعدة حرير".'
    )
    doc = run(text, "2024-02-01")
    speaker = next(s.speaker for s in doc._.kg_statements if s.kind == "deny_responsibility")
    assert doc._.kg_discovered[speaker].name_ar == "عباس الموسوي"


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("* الخارجية: ما قامت به إيران عمل عدائي وانتهاك لسيادة العراق وبغداد", "iraqi-foreign-ministry"),
        ("الخارجية العراقية: القصف على أربيل انتهاك صارخ لسيادة العراق", "iraqi-foreign-ministry"),
        ("وقالت الخارجية إن القصف على أربيل انتهاك صارخ لسيادة العراق وأمن بغداد.", "iraqi-foreign-ministry"),
    ],
)
def test_a_ministry_by_its_short_name_speaks(run: Callable[..., Doc], text: str, speaker: str) -> None:
    assert (speaker, "condemn") in said(run(text, "2024-02-01"))


def test_a_ministry_short_name_that_is_a_common_noun_is_no_speaker(run: Callable[..., Doc]) -> None:
    doc = run("وأكدت الحكومة العراقية حق الدفاع عن النفس في بغداد والعراق.", "2024-02-01")
    assert all(m.actor_id != "iraqi-ministry-of-defence" for m in doc._.kg_entities)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("وقال رئيس الوزراء العراقي محمد شياع السوداني إن الحكومة ستواصل ملاحقة المتورطين.", "pledge"),
        ("وقالت الحكومة العراقية إنها سوف تلتزم بحماية البعثات الدبلوماسية.", "pledge"),
        ('وقالت حركة النجباء: "سنرد على هذا الاعتداء في الوقت المناسب".', "threaten"),
        ('وقالت حركة النجباء إن "المقاومة ستستهدف قواعد الاحتلال".', "threaten"),
    ],
)
def test_what_a_speaker_says_it_will_do_gives_the_kind(run: Callable[..., Doc], text: str, kind: str) -> None:
    assert kind in {k for _, k in said(run(text, "2024-02-01"))}


def test_a_case_considered_is_no_condemnation(run: Callable[..., Doc]) -> None:
    text = "وقالت الحكومة العراقية إنها ستتعامل بحزم مع كل من يحاول انتهاك الدستور."
    kinds = {k for _, k in said(run(text, "2024-02-01"))}
    assert "condemn" not in kinds and "pledge" in kinds


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ووصف السوداني الاتهامات الأميركية لإيران بأنها بلا دليل.", ("united-states", "accuse")),
        (
            "وجاءت الغارات بعد يومين من إعلان حركة النجباء تنفيذ هجمات على قاعدة حرير.",
            ("harakat-al-nujaba", "claim_responsibility"),
        ),
        ("ولم تعلق بغداد على تبني حركة النجباء للهجوم على قاعدة حرير.", ("harakat-al-nujaba", "claim_responsibility")),
    ],
)
def test_an_act_of_speech_named_by_a_noun_with_its_author(run: Callable[..., Doc], text: str, expected: tuple) -> None:
    doc = run(text, "2024-02-01")
    assert expected in said(doc)
    assert all(s.date is None for s in doc._.kg_statements if (s.speaker, s.kind) == expected)


@pytest.mark.parametrize(
    "text",
    [
        "واتهمت الحكومة العراقية إيران بالوقوف وراء الهجوم.",  # the genitive of a verb's object is no author
        "ورحب السوداني بدعوة الولايات المتحدة إلى الحوار.",  # a call's genitive may be its addressee
    ],
)
def test_a_genitive_that_is_not_the_author(run: Callable[..., Doc], text: str) -> None:
    found = said(run(text, "2024-02-01"))
    assert ("iran", "accuse") not in found and ("united-states", "call") not in found


def test_the_statement_already_reported_goes_on_speaking_for_its_issuer(run: Callable[..., Doc]) -> None:
    text = (
        "أصدرت حركة النجباء بيانا مساء الأحد حول الهجوم على قاعدة حرير. "
        'وأضاف البيان أن "الحركة ستواصل عملياتها". وجدد البيان تحذيراته للقوات الأميركية.'
    )
    found = said(run(text, "2024-02-01"))
    assert ("harakat-al-nujaba", "pledge") in found and ("harakat-al-nujaba", "threaten") in found


def test_preventing_a_terrorist_act_condemns_nothing(run: Callable[..., Doc]) -> None:
    text = "وقالت الحكومة العراقية إن القوات اعتقلت ثلاثة أشخاص لمنع تنفيذ عمل إرهابي في بغداد."
    assert "condemn" not in {k for _, k in said(run(text, "2024-02-01"))}


def test_a_name_in_brackets_after_a_descriptive_noun_phrase_is_the_speaker(run: Callable[..., Doc]) -> None:
    text = "وقالت القيادة العسكرية الأميركية الوسطى (القيادة المركزية الأميركية) إنها قصفت مواقع في شرق سوريا."
    assert ("centcom", "claim_responsibility") in said(run(text, "2024-02-01"))


@pytest.mark.parametrize(
    "text",
    [
        "وقال السوداني إن القصف يشكل تعدياً سافراً على سيادة العراق.",
        "وقال السوداني إن ما جرى في أربيل عمل عدائي وانتهاك لسيادة العراق.",
        "وقال السوداني إن الضربة كانت غادرة وبربرية.",
    ],
)
def test_judging_an_act_condemns_it_in_every_inflection(run: Callable[..., Doc], text: str) -> None:
    assert ("mohammed-shia-al-sudani", "condemn") in said(run(text, "2024-02-01"))


def test_a_document_as_subject_speaks_for_its_issuer(run: Callable[..., Doc]) -> None:
    text = (
        "استدعت وزارة الخارجية العراقية في بغداد السفير الإيراني.\n"
        "* الخارجية: المذكرة التي سلمها الوكيل إلى السفير الإيراني حملت حكومته مسؤولية القصف على أربيل\n"
        "* الخارجية: المذكرة طالبت الجانب الإيراني بوقف القصف فورا"
    )
    found = said(run(text, "2024-02-01"))
    assert ("iraqi-foreign-ministry", "accuse") in found and ("iraqi-foreign-ministry", "call") in found
    assert not any(sp == "iran" for sp, _ in found)  # the recipient named in the clause is no speaker


def test_a_standing_designation_in_a_relative_clause_is_no_statement(run: Callable[..., Doc]) -> None:
    text = "وقصفت الطائرات مواقع لمقاتلي حركة النجباء، التي تعتبرها الولايات المتحدة جماعة إرهابية."
    assert ("united-states", "condemn") not in said(run(text, "2024-02-01"))


def test_a_body_and_its_spokesman_denying_are_one_denial(extract) -> None:  # noqa: ANN001
    text = (
        "نفت كتائب حزب الله أي علاقة لها بالهجوم على قاعدة حرير. "
        "وقال أبو علي العسكري إن الكتائب لا علاقة لها بالهجوم، وأكد أن المقاومة مستمرة."
    )
    g = extract(text, "2024-02-01")
    denials = [s.speaker for s in g.statements if s.kind == "deny_responsibility"]
    assert denials == ["kataib-hezbollah"]


def test_a_call_on_a_named_party_after_a_clause_opener_is_the_speakers(run: Callable[..., Doc]) -> None:
    text = "ووصف السوداني القصف بأنه عدوان، في حين دعا الولايات المتحدة إلى وقف عملياتها في العراق."
    found = said(run(text, "2024-02-01"))
    assert ("mohammed-shia-al-sudani", "call") in found and ("united-states", "call") not in found
    call = next(s for s in run(text, "2024-02-01")._.kg_statements if s.kind == "call")
    assert call.addressees == ["united-states"]


def test_a_summary_of_many_claimed_attacks_is_no_claim(run: Callable[..., Doc]) -> None:
    text = "وقالت الحكومة العراقية إن غالبية الهجمات على القواعد الأميركية تبنتها حركة النجباء."
    assert ("harakat-al-nujaba", "claim_responsibility") not in said(run(text, "2024-02-01"))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # a negation, past a copula, "لها" or "أي", then a word of involvement, the attack after it
        ("وقال مسؤول في كتائب حزب الله إن الكتائب ليس لها أي علاقة بالهجوم.", "kataib-hezbollah"),
        ("وأكد المتحدث باسم حركة النجباء أن الحركة لم تتورط في الهجوم على السفارة.", "harakat-al-nujaba"),
        ("وقال المتحدث باسم كتائب حزب الله إن الكتائب لم تشارك في الهجوم على السفارة.", "kataib-hezbollah"),
        ("وأكدت حركة النجباء أنها لم تكن لها أي صلة بالقصف الذي طال المطار.", "harakat-al-nujaba"),
        ("وقالت حركة النجباء إنها لا تقف وراء استهداف القاعدة.", "harakat-al-nujaba"),
        # the speaker's own attack verb, negated right after "أنها"
        ("وقالت حركة النجباء إنها لم تستهدف السفارة الأمريكية.", "harakat-al-nujaba"),
        # disowning by a noun, and rejecting the accusation of having done it
        ("وأعلنت حركة النجباء براءتها من استهداف السفارة.", "harakat-al-nujaba"),
        ("ورفضت إيران الاتهامات الأمريكية بالوقوف وراء الهجوم.", "iran"),
    ],
)
def test_denials_in_every_person_and_frame(run: Callable[..., Doc], text: str, speaker: str) -> None:
    assert (speaker, "deny_responsibility") in said(run(text, "2024-02-01")), said(run(text, "2024-02-01"))


@pytest.mark.parametrize(
    "text",
    [
        "وقال الوزير إنه لا علاقة بين الزيارة والتصعيد الأخير.",
        "وقالت الحكومة إن الهجوم لم يسفر عن إصابات.",
        "ورفضت الحكومة الاتهامات بالفساد في عقود الكهرباء.",
    ],
)
def test_a_negation_without_an_act_denied_is_no_denial(run: Callable[..., Doc], text: str) -> None:
    assert all(kind != "deny_responsibility" for _, kind in said(run(text, "2024-02-01")))


@pytest.mark.parametrize(
    "text",
    [
        # a statement published by the group, "جاء فيه" / "ورد فيه" giving its words
        "ونشرت كتائب حزب الله بيانا جاء فيه أن مجاهديها استهدفوا قاعدة عين الأسد.",
        'وأصدرت كتائب حزب الله بيانا ورد فيه: "استهدف مجاهدونا قاعدة حرير".',
        # the group's operations, or its fighters named with the group, as the subject
        "وأوضحت كتائب حزب الله أن عملياتها استهدفت قاعدة عين الأسد ردا على القصف.",
        "بحسب بيان صادر عن كتائب حزب الله، فإن مقاتلي الكتائب استهدفوا قاعدة فكتوريا.",
        "وقالت كتائب حزب الله إن مقاتلي كتائب حزب الله قصفوا قاعدة فكتوريا.",
    ],
)
def test_a_group_claims_through_its_statement_and_operations(run: Callable[..., Doc], text: str) -> None:
    assert ("kataib-hezbollah", "claim_responsibility") in said(run(text, "2024-02-01")), said(run(text, "2024-02-01"))


def test_the_factions_of_a_group_speak_as_the_group(run: Callable[..., Doc]) -> None:
    text = "وأعلنت فصائل المقاومة الإسلامية في العراق استهداف قاعدة حرير بطائرة مسيرة."
    assert ("islamic-resistance-in-iraq", "claim_responsibility") in said(run(text, "2024-02-01"))


@pytest.mark.parametrize(
    "text",
    [
        # أعلن with any verbal noun of attack as its object, past a date
        "أعلنت كتائب حزب الله، مساء أمس الأحد، مهاجمة قاعدة عين الأسد بطائرة مسيرة.",
        # a neutral speech verb whose object is the attack with the group's own pronoun on it
        "أكدت كتائب حزب الله استهدافها قاعدة حرير بطائرة مسيرة.",
        "وأكدت كتائب حزب الله مهاجمتها موقعا للاحتلال قرب الحدود.",
    ],
)
def test_an_attack_named_by_its_verbal_noun_is_claimed(run: Callable[..., Doc], text: str) -> None:
    assert ("kataib-hezbollah", "claim_responsibility") in said(run(text, "2024-02-01")), said(run(text, "2024-02-01"))


def test_a_government_confirming_an_attack_on_it_claims_nothing(run: Callable[..., Doc]) -> None:
    text = "وأكدت الحكومة العراقية استهدافها بصواريخ من جهة مجهولة."
    assert all(kind != "claim_responsibility" for _, kind in said(run(text, "2024-02-01")))
