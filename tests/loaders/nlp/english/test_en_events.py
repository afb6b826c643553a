"""English events: type, place, date, roles. Sentences written for the test, one construction each."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from tests.loaders.nlp.conftest import said


def events(doc: Doc) -> list[tuple]:
    return [(e.type, e.place, e.date) for e in doc._.kg_events if e.merged_into is None]


def event(doc: Doc):  # noqa: ANN201 - an EventRecord
    found = [e for e in doc._.kg_events if e.merged_into is None]
    assert len(found) == 1, events(doc)
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three rockets struck Ain al-Asad air base on Tuesday.", ("attack", "ain-al-asad-air-base", "2024-01-09")),
        (
            "A drone attack targeted the Harir base in Erbil on Wednesday.",
            ("attack", "al-harir-air-base", "2024-01-10"),
        ),
        # a state's attack with no ground weapon is an airstrike
        ("The U.S. military conducted an air strike near al-Qaim on Thursday.", ("airstrike", "al-qaim", "2024-01-11")),
        ("Turkish warplanes struck positions near Duhok on Monday.", ("airstrike", "duhok", "2024-01-08")),
        ("Israel carried out a strike on Damascus on Tuesday.", ("airstrike", "damascus", "2024-01-09")),
        # other types
        ("Antony Blinken visited Baghdad on Sunday.", ("visit", "baghdad", "2024-01-07")),
        ("Iraqi forces arrested three suspects in Kirkuk on Monday.", ("arrest", "kirkuk", "2024-01-08")),
        # explicit dates
        ("Rockets hit the Green Zone on December 8, 2023.", ("attack", "green-zone", "2023-12-08")),
        (
            "A rocket attack on the K1 base in late December 2019 wounded four soldiers.",
            ("attack", "k-1-air-base", "2019-12"),
        ),
        ("Rockets hit the Green Zone on Dec. 3.", ("attack", "green-zone", "2023-12-03")),
    ],
)
def test_one_event(run_en: Callable[..., Doc], text: str, expected: tuple) -> None:
    assert events(run_en(text)) == [expected]


def test_the_launch_site_is_not_where_it_struck(run_en: Callable[..., Doc]) -> None:
    doc = run_en("Rockets launched from the Dora neighborhood hit the Green Zone on Tuesday.")
    assert events(doc) == [("attack", "green-zone", "2024-01-09")]


def test_coordinated_places_make_one_event_each(run_en: Callable[..., Doc]) -> None:
    doc = run_en("US aircraft struck militia sites in Jurf al-Sakhar and al-Qaim on Tuesday.")
    assert events(doc) == [("airstrike", "jurf-al-sakhar", "2024-01-09"), ("airstrike", "al-qaim", "2024-01-09")]


def test_two_countries_named_together_are_one_event(run_en: Callable[..., Doc]) -> None:
    doc = run_en("Drones attacked US troops in Iraq and Syria on Thursday.")
    assert len(events(doc)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Bases hosting US troops have come under a series of rocket attacks since October.",
        "Militias have carried out dozens of attacks on US forces in Iraq.",
        "Kataib Hezbollah has never carried out any attack on the Green Zone.",
        "The militias are preparing to launch a drone at the base in Erbil.",
        "The Pentagon will strike militia sites in Iraq if the attacks continue.",
    ],
)
def test_background_negated_and_future_attacks_are_no_events(run_en: Callable[..., Doc], text: str) -> None:
    assert events(run_en(text)) == []


def test_perpetrators_subject_agent_possessor_and_modifier(run_en: Callable[..., Doc]) -> None:
    assert event(run_en("The U.S. military conducted a drone strike near Kirkuk on Sunday.")).perpetrators == [
        "us-military"
    ]
    assert event(run_en("Iran's missile attack on Erbil on Monday killed four people.")).perpetrators == ["iran"]
    assert event(run_en("The rocket attack on Ain al-Asad by Kataib Hezbollah on Monday")).perpetrators == [
        "kataib-hezbollah"
    ]
    assert event(run_en("A US airstrike hit a militia depot in al-Qaim on Monday.")).perpetrators == ["united-states"]


def test_a_count_of_the_casualties_is_no_series_of_attacks(run_en: Callable[..., Doc]) -> None:
    doc = run_en("Two soldiers were killed and dozens wounded in a rocket attack on the Harir base in Erbil.")
    assert [etype for etype, _, _ in events(doc)] == ["attack"]
    assert events(run_en("Several attacks on the Harir base in Erbil have been reported this year.")) == []


def test_an_attack_claimed_in_a_relative_clause_has_its_claimant(run_en: Callable[..., Doc]) -> None:
    doc = run_en("A drone attack hit the Harir base in Erbil on Monday, which Kataib Hezbollah claimed on Telegram.")
    assert ("kataib-hezbollah", "claim_responsibility") in said(doc)
    assert event(doc).perpetrators == ["kataib-hezbollah"]
    doc = run_en("The strikes that the militia claimed were never confirmed by the Pentagon.")
    assert "claim_responsibility" not in [k for _, k in said(doc)]


def test_a_country_adjective_names_the_doer_over_words_of_weapon_kind(run_en: Callable[..., Doc]) -> None:
    assert event(run_en("An Iranian ballistic missile attack on Erbil on Monday killed four people.")).perpetrators == [
        "iran"
    ]
    assert event(run_en("A Turkish armed drone struck a car in Sinjar on Monday.")).perpetrators == ["turkey"]


def test_the_forces_a_struck_base_hosts_are_its_target(run_en: Callable[..., Doc]) -> None:
    doc = run_en("Rockets struck the Ain al-Asad air base, which hosts US troops, on Saturday.")
    assert event(doc).targets == ["us-military"]
    doc = run_en("Drones attacked the Harir base, home to American forces, on Friday.")
    assert event(doc).targets == ["us-military"]


def test_weapons_that_fell_or_exploded_at_a_place_are_an_attack(run_en: Callable[..., Doc]) -> None:
    assert events(run_en("Two rockets fell near the Harir base in Erbil on Monday.")) == [
        ("attack", "al-harir-air-base", "2024-01-08")
    ]
    assert [t for t, _, _ in events(run_en("A roadside bomb exploded in Kirkuk on Monday."))] == ["attack"]
    assert events(run_en("Oil prices fell in Baghdad on Monday.")) == []


def test_a_claimant_is_the_perpetrator_an_accused_is_not(run_en: Callable[..., Doc]) -> None:
    claimed = event(run_en("Kataib Hezbollah claimed responsibility for the drone attack on the Harir base on Monday."))
    assert claimed.perpetrators == ["kataib-hezbollah"]
    accused = event(
        run_en("“The attack on the Green Zone on Friday was initiated by Iran-aligned militias,” a US official said.")
    )
    assert accused.perpetrators == []


def test_targets_weapon_count_and_casualties(run_en: Callable[..., Doc]) -> None:
    e = event(run_en("At least four rockets targeted the US embassy in Baghdad on Thursday, wounding two guards."))
    assert (e.place, e.targets, e.weapon, e.count, e.injured) == (
        "us-embassy-in-baghdad",
        ["us-embassy-in-baghdad"],
        "rocket",
        4,
        2,
    )
    e = event(run_en("A drone strike on Monday killed two fighters and one commander near Kirkuk."))
    assert e.killed == 3


def test_reports_of_one_event_in_several_sentences_merge(run_en: Callable[..., Doc]) -> None:
    doc = run_en(
        "Rockets hit the Green Zone in Baghdad on Friday. The attack caused no casualties. "
        "The rockets struck near the US embassy, officials said."
    )
    assert events(doc) == [("attack", "us-embassy-in-baghdad", "2024-01-12")]


def test_an_elaboration_takes_the_date_of_the_sentence_before(run_en: Callable[..., Doc]) -> None:
    doc = run_en("On Wednesday, militias launched several attacks on US troops. Drones struck the Harir base in Erbil.")
    assert ("attack", "al-harir-air-base", "2024-01-10") in events(doc)


def test_the_date_of_the_report_is_not_the_date_of_the_event(run_en: Callable[..., Doc]) -> None:
    doc = run_en(
        "Sudani on Tuesday said no drones were launched from Iraq during Iran's attack on Israel. "
        "Iran on Saturday launched 300 drones and missiles at Israel."
    )
    assert [(e[0] in ("attack", "airstrike"), e[1], e[2]) for e in events(doc)] == [(True, "israel", "2024-01-06")]


def test_the_owner_of_a_struck_facility_is_the_target_not_the_perpetrator(run_en: Callable[..., Doc]) -> None:
    e = event(run_en("US jets struck a depot in eastern Syria used by Kataib Hezbollah on Wednesday."))
    assert (e.type, e.perpetrators, e.targets) == ("airstrike", ["united-states"], ["kataib-hezbollah"])


def test_a_time_zone_is_no_place(run_en: Callable[..., Doc]) -> None:
    doc = run_en("At 1 a.m. (Baghdad time) on Tuesday, US forces struck three sites in Iraq.")
    assert events(doc) == [("airstrike", "iraq", "2024-01-09")]


def test_what_an_attack_answered_is_another_clause(run_en: Callable[..., Doc]) -> None:
    doc = run_en("The group said the attack on the Harir base on Monday was a response to crimes in Gaza.")
    assert events(doc) == [("attack", "al-harir-air-base", "2024-01-08")]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        # the object of a kill or injury word, in any form
        ("Rockets struck Camp Taji on Wednesday, killing two American troops.", "us-military"),
        ("A drone attack on the Harir base on Monday wounded three US service members.", "united-states"),
        ("A US drone strike on a car in Baghdad on Thursday killed a Kataib Hezbollah commander.", "kataib-hezbollah"),
        (
            "An Israeli strike in Damascus on Monday killed two members of the Revolutionary Guards.",
            "islamic-revolutionary-guard-corps",
        ),
        ("A rocket attack on the K1 base on Friday killed a US civilian contractor.", "united-states"),
        # the subject of the passive, of 'suffered' + an injury, of 'came under'
        ("An Iraqi soldier was killed in a Turkish drone strike near Sinjar on Tuesday.", "iraqi-security-forces"),
        ("During the attack on the Harir base on Monday, four British soldiers were wounded.", "united-kingdom"),
        (
            "Several US personnel suffered minor injuries in the attack on Ain al-Asad air base on Monday.",
            "united-states",
        ),
        ("US troops were attacked with drones at the Harir base on Monday.", "us-military"),
        ("Kataib Hezbollah fighters were targeted in a US strike near al-Qaim on Tuesday.", "kataib-hezbollah"),
        ("US troops came under attack at the Harir base on Monday.", "us-military"),
        # the dead told before the 'when' clause of their attack
        ("Three US soldiers were killed when a drone struck the Tower 22 outpost on Sunday.", "united-states"),
    ],
)
def test_the_side_of_those_killed_wounded_or_attacked_is_a_target(
    run_en: Callable[..., Doc], text: str, side: str
) -> None:
    e = event(run_en(text))
    assert side in e.targets, (e.perpetrators, e.targets)
    assert side not in e.perpetrators


def test_the_side_that_kills_is_no_target(run_en: Callable[..., Doc]) -> None:
    e = event(run_en("Iraqi forces killed two ISIS militants in an airstrike near Kirkuk on Monday."))
    assert "iraqi-security-forces" not in e.targets and "isis" in e.targets, e.targets
    e = event(run_en("Two civilians were killed in a US strike on a house near al-Qaim on Monday."))
    assert e.targets == [] and e.killed == 2, (e.targets, e.killed)


@pytest.mark.parametrize(
    ("text", "side"),
    [
        # the verb of the trigger noun takes the target
        ("An Israeli strike targeted a senior Hamas official in Beirut on Tuesday.", "hamas"),
        ("The US strike hit a Kataib Hezbollah depot in al-Qaim on Monday.", "kataib-hezbollah"),
        # an owner further down a list of what was hit
        ("Drones struck the Harir base and other US bases in Iraq on Monday.", "united-states"),
        # a name only its bracketed abbreviation makes known
        (
            "US jets struck the Iranian-backed Popular Mobilisation Committee (PMF) in al-Qaim on Monday.",
            "popular-mobilization-forces",
        ),
    ],
)
def test_targets_after_the_nouns_verb_in_a_list_and_before_an_abbreviation(
    run_en: Callable[..., Doc], text: str, side: str
) -> None:
    assert side in event(run_en(text)).targets


def test_a_sentence_placing_the_attacks_told_before_keeps_their_sides(run_en: Callable[..., Doc]) -> None:
    doc = run_en(
        "Iran-backed militias attacked US forces four more times on Thursday. "
        "Drones targeted the Ain al-Asad air base and two bases in Syria."
    )
    placed = [e for e in doc._.kg_events if e.merged_into is None and e.place]
    assert [(e.place, e.perpetrators, e.targets) for e in placed] == [
        ("ain-al-asad-air-base", ["iran-aligned-militias"], ["us-military"]),
        ("syria", ["iran-aligned-militias"], ["us-military"]),
    ]
    # a sentence about an attack somewhere else tells another attack
    doc = run_en("Rockets hit the US embassy in Baghdad on Thursday. Drones targeted the Harir base on Thursday.")
    harir = [e for e in doc._.kg_events if e.merged_into is None and e.place == "al-harir-air-base"]
    assert [e.targets for e in harir] == [[]]


@pytest.mark.parametrize(
    ("text", "perpetrator"),
    [
        # an apposition between the subject and its verb
        (
            "An Iraqi militia, Kataib Sayyid al-Shuhada, launched a drone at the Harir base on Tuesday.",
            "kataib-sayyid-al-shuhada",
        ),
        (
            "Kataib Hezbollah, the largest of the Iraqi factions, attacked the Tower 22 outpost on Sunday.",
            "kataib-hezbollah",
        ),
        (
            "Harakat al-Nujaba, a group that is part of the Islamic Resistance in Iraq, fired drones at Eilat.",
            "harakat-al-nujaba",
        ),
        # the agent of a passive, however far after the trigger
        (
            "The drone attack on the Harir air base near Erbil on Monday was carried out by Kataib Hezbollah.",
            "kataib-hezbollah",
        ),
        (
            "Two drones were launched at the Victory base near Baghdad airport on Sunday by Harakat al-Nujaba.",
            "harakat-al-nujaba",
        ),
    ],
)
def test_perpetrators_across_an_apposition_and_far_passive_agents(
    run_en: Callable[..., Doc], text: str, perpetrator: str
) -> None:
    assert event(run_en(text)).perpetrators == [perpetrator]


def test_an_apposition_that_names_nobody_gives_no_perpetrator(run_en: Callable[..., Doc]) -> None:
    e = event(run_en("The drones, launched from the west, struck the Harir base on Monday."))
    assert e.perpetrators == []
    e = event(run_en("The attack on the Harir base on Monday near a road used by Peshmerga forces caused no damage."))
    assert e.perpetrators == []


def test_a_named_site_attacked_in_the_passive_is_the_target_over_its_own_words(run_en: Callable[..., Doc]) -> None:
    e = event(run_en("The US consulate in Erbil was attacked with rockets on Thursday."))
    assert e.targets == ["us-consulate-general-in-erbil"]


def test_pounding_and_bombarding_are_attacks(run_en: Callable[..., Doc]) -> None:
    e = event(run_en("Israeli jets pounded Hezbollah positions in southern Lebanon on Sunday."))
    assert (e.type, e.perpetrators, e.targets) == ("airstrike", ["israel"], ["hezbollah"])
    assert events(run_en("Turkish artillery bombarded villages near Zakho on Monday.")) == [
        ("attack", "zakho", "2024-01-08")
    ]


@pytest.mark.parametrize(
    ("text", "side"),
    [
        ("Rockets slammed into a base hosting US troops in northeastern Syria on Monday.", "us-military"),
        (
            "Two Turkish soldiers were killed in clashes with PKK militants near Zakho on Saturday.",
            "turkish-armed-forces",
        ),
        ("The US embassy compound in Baghdad was hit by two rockets on Wednesday night.", "us-embassy-in-baghdad"),
    ],
)
def test_forces_hosted_clashes_and_a_site_hit_in_the_passive(run_en: Callable[..., Doc], text: str, side: str) -> None:
    assert side in event(run_en(text)).targets
