"""English reported speech: who said what, of which kind. Every sentence here is written for the
test; each stands for a construction, not for a sentence of any article."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import said


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # claim frames
        (
            "The Islamic Resistance in Iraq claimed responsibility for a drone attack on Erbil airport.",
            ("islamic-resistance-in-iraq", "claim_responsibility"),
        ),
        (
            "Kataeb Hezbollah claims responsibility for the rocket fire on Ain al-Asad.",
            ("kataib-hezbollah", "claim_responsibility"),
        ),
        (
            "In a statement on Telegram, Kata'ib Hizballah said it targeted the Harir base with two drones.",
            ("kataib-hezbollah", "claim_responsibility"),
        ),
        (
            "Harakat Hezbollah al-Nujaba said it had carried out the attack on the Victory base.",
            ("harakat-al-nujaba", "claim_responsibility"),
        ),
        (
            "CENTCOM said US forces conducted a strike on a militia depot near al-Qaim.",
            ("centcom", "claim_responsibility"),
        ),
        (
            "“We struck the occupation base with a drone,” the IRI said.",
            ("islamic-resistance-in-iraq", "claim_responsibility"),
        ),
        # denials
        (
            "Kataib Hezbollah denied any involvement in the attack on the embassy.",
            ("kataib-hezbollah", "deny_responsibility"),
        ),
        (
            "Asaib Ahl al-Haq said it had nothing to do with the rocket fire.",
            ("asaib-ahl-al-haq", "deny_responsibility"),
        ),
        (
            "Iran rejected the accusations, saying it has never attacked American forces.",
            ("iran", "deny_responsibility"),
        ),
        (
            "The Iraqi government said it had no indications that drones were launched from Iraq.",
            ("iraqi-government", "deny_responsibility"),
        ),
        # accusations
        ("Washington blamed Kataib Hezbollah for the attack on the Harir base.", ("united-states", "accuse")),
        (
            "The Pentagon accused Iran-backed militias of staging the rocket attack.",
            ("us-department-of-defense", "accuse"),
        ),
        ("The United States claimed that KH was responsible for the rocket attack.", ("united-states", "accuse")),
        ("The Iraqi government held the United States responsible for the strike.", ("iraqi-government", "accuse")),
        ("“The attack was carried out by Asaib Ahl al-Haq,” a US official said.", ("united-states", "accuse")),
        # condemnation, call, threat, pledge
        (
            "The Iraqi foreign ministry condemned the Turkish strike as a violation of sovereignty.",
            ("iraqi-ministry-of-foreign-affairs", "condemn"),
        ),
        ("Iraqi Prime Minister Mohammed Shia al-Sudani denounced the attack.", ("mohammed-shia-al-sudani", "condemn")),
        ("The Arab League called on all parties to show restraint.", ("arab-league", "call")),
        ("The US embassy urged Iraq to protect diplomatic missions.", ("us-embassy-in-baghdad", "call")),
        ("Kataib Hezbollah threatened to target American bases.", ("kataib-hezbollah", "threaten")),
        ("Harakat al-Nujaba warned Washington against any escalation.", ("harakat-al-nujaba", "threaten")),
        ("The Iraqi government pledged to protect foreign missions.", ("iraqi-government", "pledge")),
        ("“We will not tolerate attacks on our forces,” the Pentagon said.", ("us-department-of-defense", "threaten")),
        ("“These strikes are a flagrant aggression,” the Iraqi government said.", ("iraqi-government", "condemn")),
        ("“We will continue to protect the embassies,” the Iraqi government said.", ("iraqi-government", "pledge")),
        # plain statements
        (
            "The Pentagon said the drones were shot down before they reached the base.",
            ("us-department-of-defense", "statement"),
        ),
        # dismissing what one is accused of is a denial, in any inflection
        ("Tehran dismisses allegations that it supplied the drones.", ("iran", "deny_responsibility")),
        (
            "Kataib Hezbollah has dismissed reports that its fighters fired the rockets.",
            ("kataib-hezbollah", "deny_responsibility"),
        ),
        # a capital opening a clause before a verb of speech speaks for its state
        ("Baghdad has denied that the drones were launched by Iraqi factions.", ("iraq", "deny_responsibility")),
        ("Officials said Tehran condemned the strike.", ("iran", "condemn")),
        # the speaker's own ground denied as the launch site
        ("Iraq said its airspace had not been used for the attack on Israel.", ("iraq", "deny_responsibility")),
        (
            "The Iraqi government insisted Iraqi territory was never used to launch the drones.",
            ("iraqi-government", "deny_responsibility"),
        ),
        # a state's organ calling its state "the country" speaks for it
        (
            "The Iraqi government said the country had nothing to do with the drone attack.",
            ("iraqi-government", "deny_responsibility"),
        ),
        # naming an act with a word of condemnation condemns it
        ("Iraq called the US strikes on Jurf al-Sakhar an act of aggression.", ("iraq", "condemn")),
        ("Kataib Hezbollah calls the raid a cowardly attack.", ("kataib-hezbollah", "condemn")),
        # distancing oneself from an attack denies it
        (
            "Kataib Hezbollah distanced itself from the drone attack on the airport.",
            ("kataib-hezbollah", "deny_responsibility"),
        ),
        # a pronoun opening the clause after 'that' is the speaker's side
        (
            "The Islamic Resistance in Iraq said in a statement on Telegram that it had fired drones at Eilat.",
            ("islamic-resistance-in-iraq", "claim_responsibility"),
        ),
        # blame through a hedge
        ("Washington says Kataib Hezbollah is probably behind the strike on the base.", ("united-states", "accuse")),
        (
            "The Pentagon said Harakat al-Nujaba was almost certainly responsible for the attack.",
            ("us-department-of-defense", "accuse"),
        ),
        ("US officials said Kataib Hezbollah is believed to be behind the drone attack.", ("united-states", "accuse")),
        # a side's official who ordered or authorised its strikes tells its own attack
        (
            "The Pentagon said it had authorized strikes on two weapons depots in eastern Syria.",
            ("us-department-of-defense", "claim_responsibility"),
        ),
        # a vow to attack, or to go on attacking, is a threat; any other vow a pledge
        ("Harakat al-Nujaba vowed to keep up its attacks on American bases.", ("harakat-al-nujaba", "threaten")),
        (
            "The Islamic Resistance in Iraq vows to strike US interests across the region.",
            ("islamic-resistance-in-iraq", "threaten"),
        ),
        ("The Iraqi government vowed to protect diplomatic missions from attacks.", ("iraqi-government", "pledge")),
    ],
)
def test_statement_kind(run_en: Callable[..., Doc], text: str, expected: tuple[str, str]) -> None:
    assert expected in said(run_en(text)), said(run_en(text))


@pytest.mark.parametrize(
    "text",
    [
        "No group has claimed the attack on the base.",
        "There was no immediate claim of responsibility for the blast.",
        "Nobody has claimed responsibility so far, the Pentagon did not say who was behind it",
        "Kataib Hezbollah did not claim the attack.",
        "The claims of the militias could not be verified.",
        "Officials refused to comment.",
        # "claims" as the object of another speech verb is a noun
        "Iran rejected claims that it armed the militias.",
        "The ministry dismissed the commander of the brigade.",
        "Iraq said its territory was used by the militias to launch drones.",
        "The Pentagon called the report inaccurate.",
    ],
)
def test_no_claim_without_a_claimant(run_en: Callable[..., Doc], text: str) -> None:
    assert not [k for _, k in said(run_en(text)) if k == "claim_responsibility"], said(run_en(text))


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # speaker before the verb, after a quotation, after the verb, in a trailing attribution
        ("“The strike hit a weapons depot,” Lloyd Austin said.", "lloyd-austin"),
        ("“The strike hit a weapons depot,” said Secretary of Defense Lloyd Austin.", "lloyd-austin"),
        (
            "The drones were intercepted near Erbil, the Kurdistan Region Security Council said.",
            "kurdistan-region-security-council",
        ),
        # a leading prepositional phrase is not the subject
        ("In a statement on Monday, the US embassy said the compound was not damaged.", "us-embassy-in-baghdad"),
        # a body named with an official noun
        ("A US official said the rockets landed near the runway.", "united-states"),
        ("Pentagon officials said the base was on alert.", "us-department-of-defense"),
        ("Two Iraqi security officials said the rockets were fired from a truck.", "iraqi-security-forces"),
        # according to
        ("Three rockets hit the airport, according to the Iraqi Security Media Cell.", "iraqi-security-media-cell"),
        # a name after "of" modifies the subject's head: the named body in apposition speaks
        (
            "An alliance of Iran-backed militias, the Islamic Resistance in Iraq, said it fired drones at Erbil.",
            "islamic-resistance-in-iraq",
        ),
        # a possessor names whose the speaker is; the body of its side speaks
        ("Lebanon's Hezbollah said it had fired rockets at an Israeli position.", "hezbollah"),
        # "the command" in a trailing attribution is the command the sentence opens with
        (
            "CENTCOM aircraft struck an IRGC storage site near Albu Kamal, the command said on Friday.",
            "centcom",
        ),
    ],
)
def test_who_speaks(run_en: Callable[..., Doc], text: str, speaker: str) -> None:
    assert [s for s, _ in said(run_en(text))][:1] == [speaker], said(run_en(text))


def test_a_capital_after_a_preposition_stays_a_place(run_en: Callable[..., Doc]) -> None:
    doc = run_en("Officials in Baghdad said the rockets were fired from a truck.")
    assert "iraq" not in [s for s, _ in said(doc)]
    assert [m.role for m in doc._.kg_entities if m.place_id == "baghdad"] == ["place"]


def test_pronouns_and_anaphors_take_up_the_previous_speaker(run_en: Callable[..., Doc]) -> None:
    doc = run_en(
        "The US embassy said two rockets hit the compound. The spokesperson called on the Iraqi government "
        "to find the attackers. He added that nobody was hurt."
    )
    assert said(doc) == [
        ("us-embassy-in-baghdad", "statement"),
        ("us-embassy-in-baghdad", "call"),
        ("us-embassy-in-baghdad", "statement"),
    ]
    assert doc._.kg_statements[1].addressees == ["iraqi-government"]


def test_an_unnamed_source_is_nobody_not_the_previous_speaker(run_en: Callable[..., Doc]) -> None:
    doc = run_en("CENTCOM said the strike killed two fighters. A security source said the fighters were civilians.")
    assert said(doc) == [("centcom", "statement")]


def test_a_quotation_goes_on_with_its_speaker(run_en: Callable[..., Doc]) -> None:
    doc = run_en("“We condemn this attack,” Sudani said. “We call on all parties to show restraint.”")
    assert said(doc) == [("mohammed-shia-al-sudani", "condemn"), ("mohammed-shia-al-sudani", "call")]


def test_each_clause_of_what_was_said_keeps_its_kind(run_en: Callable[..., Doc]) -> None:
    doc = run_en("Blinken said the attacks were unacceptable and that Washington will protect its personnel.")
    assert said(doc) == [("antony-blinken", "condemn"), ("antony-blinken", "pledge")]


def test_the_accused_are_the_actors_the_attack_is_put_on(run_en: Callable[..., Doc]) -> None:
    doc = run_en("“Indications are the attack was initiated by Iran-aligned militias,” a US spokesperson said.")
    (st,) = doc._.kg_statements
    assert (st.kind, st.accused) == ("accuse", ["iran-aligned-militias"])


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Iraq's prime minister on Tuesday said the attack was a crime.", "2024-01-09"),
        ("The Pentagon said Wednesday that the strikes were over.", "2024-01-10"),
        ("In a Monday press release, CENTCOM said the strike was successful.", "2024-01-08"),
        ("CENTCOM said the strike was successful.", "2024-01-12"),  # no date of its own: publication day
    ],
)
def test_the_date_of_the_statement(run_en: Callable[..., Doc], text: str, date: str) -> None:
    assert [s.date for s in run_en(text)._.kg_statements][:1] == [date]


@pytest.mark.parametrize("form", ["said", "says", "say", "saying"])
def test_every_inflection_of_a_speech_verb_reports(run_en: Callable[..., Doc], form: str) -> None:
    text = {
        "said": "The Pentagon said the base was safe.",
        "says": "The Pentagon says the base is safe.",
        "say": "Pentagon officials say the base is safe.",
        "saying": "The Pentagon issued a statement on Friday, saying the base was safe.",
    }[form]
    assert ("us-department-of-defense", "statement") in said(run_en(text))


def test_the_group_is_the_group_that_spoke_last(run_en: Callable[..., Doc]) -> None:
    doc = run_en(
        "The Islamic Resistance in Iraq, an umbrella of Iran-aligned armed factions, claimed the drone attack. "
        "The group said in a statement that more attacks would follow."
    )
    assert [s for s, _ in said(doc)] == ["islamic-resistance-in-iraq", "islamic-resistance-in-iraq"]


@pytest.mark.parametrize(
    "text",
    [
        # a passive claim: the agent after "by" claims it
        "The attack was claimed by Kataib Hezbollah.",
        "An attack claimed by Kataib Hezbollah killed three soldiers.",
        # the speaker itself behind, or responsible for, the attack in its own words
        "Kataib Hezbollah announced it was behind the drone attack.",
        "Kataib Hezbollah said the group was responsible for the rocket attack on the base.",
        # its fighters behind fire from a named weapon, or behind a raid
        "Kataib Hezbollah said its fighters were behind the mortar fire on the airport.",
        "Kataib Hezbollah said in a statement that its men were behind the raid.",
        # responsibility owned with another verb than "claim"
        "Kataib Hezbollah acknowledged responsibility for the drone attack.",
        "Kataib Hezbollah has admitted responsibility for the shelling, a statement said.",
        "Kataib Hezbollah accepted responsibility for the strike on the convoy.",
        "Kataib Hezbollah assumed responsibility for the bombing.",
    ],
)
def test_claims_by_passive_and_by_owning_the_attack(run_en: Callable[..., Doc], text: str) -> None:
    assert ("kataib-hezbollah", "claim_responsibility") in said(run_en(text)), said(run_en(text))


@pytest.mark.parametrize(
    "text",
    [
        "The attack was claimed by no one.",
        "Kataib Hezbollah said it was behind the decision to suspend operations.",
        "Kataib Hezbollah said its fighters were behind the fire lines.",
        "Kataib Hezbollah acknowledged the difficulties of the truce.",
        "Kataib Hezbollah accepted the invitation to the talks.",
    ],
)
def test_no_claim_without_an_agent_or_an_attack(run_en: Callable[..., Doc], text: str) -> None:
    assert not [k for _, k in said(run_en(text)) if k == "claim_responsibility"], said(run_en(text))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # justice promised to the culprits is a pledge
        ("Iraq's interior ministry said those responsible for the bombing would be held accountable.", "pledge"),
        ("“The perpetrators will face the full force of the law,” the Kurdistan Regional Government said.", "pledge"),
        # consequences promised to a side, or a price to pay, are threats
        ("The Pentagon said the militias would be held accountable for the attack.", "threaten"),
        ("Israel said those responsible would pay a heavy price.", "threaten"),
    ],
)
def test_justice_for_the_culprits_is_a_pledge_consequences_for_a_side_a_threat(
    run_en: Callable[..., Doc], text: str, kind: str
) -> None:
    assert [st.kind for st in run_en(text)._.kg_statements] == [kind]


def test_the_iraqi_military_speaks_as_the_iraqi_security_forces(run_en: Callable[..., Doc]) -> None:
    (st,) = run_en("The Iraqi military condemned the strike on its positions near al-Qaim.")._.kg_statements
    assert (st.speaker, st.kind) == ("iraqi-security-forces", "condemn")


@pytest.mark.parametrize(
    ("text", "speaker", "kind"),
    [
        # Gulf ministries' English: a condemnation expressed, a rejection affirmed
        (
            "Qatar's foreign ministry expressed the State's strong condemnation of the drone attack on Erbil.",
            "qatari-ministry-of-foreign-affairs",
            "condemn",
        ),
        (
            "Kuwait's foreign ministry affirmed its rejection of the strikes on Iraqi soil.",
            "kuwaiti-ministry-of-foreign-affairs",
            "condemn",
        ),
        ("Jordan expressed its solidarity with Iraq.", "jordan", "statement"),
    ],
)
def test_a_stance_expressed_or_affirmed_as_a_noun(
    run_en: Callable[..., Doc], text: str, speaker: str, kind: str
) -> None:
    assert [(st.speaker, st.kind) for st in run_en(text)._.kg_statements] == [(speaker, kind)]


def test_houthi_as_a_modifier_names_the_houthis(run_en: Callable[..., Doc]) -> None:
    doc = run_en("Saudi-led coalition warplanes bombed Houthi positions in Hodeidah on Sunday.")
    (e,) = [e for e in doc._.kg_events if e.merged_into is None]
    assert (e.perpetrators, e.targets) == (["saudi-led-coalition"], ["houthis"])
