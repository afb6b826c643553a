"""English wire copy beyond the development set: claims in a group's own words, ministries named by
their state, passives, datelines, title-case headlines, captions and links to other reports.
Every sentence is written for the test and stands for a construction of reports from any outlet."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from loaders.nlp.english.entities import english_surfaces
from loaders.nlp.english.lexicon import expand
from tests.loaders.nlp.conftest import events, said


# ---------------------------------------------------------------------------- claims in a group's words
@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "The Islamic Resistance in Iraq said in a statement on Telegram that its fighters had targeted "
            "the Harir air base with a drone.",
            "islamic-resistance-in-iraq",
        ),
        ("Kataib Hezbollah said its fighters attacked a US base in eastern Syria with rockets.", "kataib-hezbollah"),
        ("The Houthis said their forces fired ballistic missiles at a ship in the Red Sea.", "houthis"),
        ("Hezbollah said in a statement that its fighters shelled an Israeli army position.", "hezbollah"),
        ("Yahya Saree said the group's naval forces had targeted a US destroyer with drones.", "yahya-saree"),
        ("Turkey's defense ministry said its jets destroyed 20 targets in northern Iraq.", None),
        ("The Islamic Resistance in Iraq claimed a drone attack on Eilat on Tuesday.", "islamic-resistance-in-iraq"),
    ],
)
def test_a_sides_own_forces_attacking_in_its_words_is_a_claim(
    run_en: Callable[..., Doc], text: str, claimant: str | None
) -> None:
    kinds = said(run_en(text))
    assert [k for _, k in kinds] == ["claim_responsibility"], kinds
    if claimant:
        assert kinds[0][0] == claimant


def test_the_claimant_is_the_perpetrator_and_a_spokesman_claims_for_his_group(run_en: Callable[..., Doc]) -> None:
    (e,) = events(
        run_en("The Islamic Resistance in Iraq said its fighters had targeted the Harir air base with a drone.")
    )
    assert (e.type, e.place, e.perpetrators, e.weapon) == (
        "attack",
        "al-harir-air-base",
        ["islamic-resistance-in-iraq"],
        "drone",
    )
    (e,) = events(run_en("Yahya Saree said the group's naval forces had targeted a US destroyer with drones."))
    assert e.perpetrators == ["houthis"]  # kept without a place: somebody claims it


@pytest.mark.parametrize(
    "text",
    [
        "US forces were attacked with rockets at Ain al-Asad air base on Monday, a US official said.",
        "The Saudi-led coalition said it intercepted a drone launched by the Houthis toward Jizan.",
        "The Pentagon said its troops came under fire near the Syrian border.",
        "The war in Gaza has claimed the lives of thousands of civilians.",
    ],
)
def test_a_side_attacked_intercepting_or_losing_lives_claims_nothing(run_en: Callable[..., Doc], text: str) -> None:
    doc = run_en(text)
    assert "claim_responsibility" not in [k for _, k in said(doc)], said(doc)
    assert not [e for e in events(doc) if e.perpetrators], [e.perpetrators for e in events(doc)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The Islamic Resistance in Iraq said it would continue to target US bases.", "islamic-resistance-in-iraq"),
        ("Kataib Hezbollah said its fighters will strike American interests across the region.", "kataib-hezbollah"),
        ("Hezbollah vowed to retaliate for the killing of its commander.", "hezbollah"),
        ("The Houthis warned that US warships would be legitimate targets.", "houthis"),
        (
            "“We reserve the right to respond,” the Iranian foreign ministry said.",
            "iranian-ministry-of-foreign-affairs",
        ),
        ("Iraq said it would take all necessary measures to protect its airspace.", "iraq"),
    ],
)
def test_an_attack_a_side_says_it_will_carry_out_is_a_threat(
    run_en: Callable[..., Doc], text: str, speaker: str
) -> None:
    assert (speaker, "threaten") in said(run_en(text)), said(run_en(text))


# ---------------------------------------------------------------------------- denials and who heard it
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "A spokesman for Asaib Ahl al-Haq told Reuters the group had no connection to the strike.",
            "asaib-ahl-al-haq",
        ),
        ("Kataib Hezbollah denied any role in the attack on the Tower 22 outpost.", "kataib-hezbollah"),
        ("Iran's foreign ministry spokesman Nasser Kanaani rejected the accusations as baseless.", "nasser-kanaani"),
        ("Asaib Ahl al-Haq said it had no links to the cell that fired the rockets.", "asaib-ahl-al-haq"),
    ],
)
def test_denials(run_en: Callable[..., Doc], text: str, speaker: str | None) -> None:
    kinds = said(run_en(text))
    assert "deny_responsibility" in [k for _, k in kinds], kinds
    if speaker:
        assert (speaker, "deny_responsibility") in kinds


def test_what_was_told_starts_after_whom_it_was_told(run_en: Callable[..., Doc]) -> None:
    for text in (
        "A spokesman for Kataib Hezbollah told Reuters the group had suspended its operations.",
        "A spokesman for Kataib Hezbollah told reporters the group had suspended its operations.",
        "A spokesman for Kataib Hezbollah told a news conference the group had suspended its operations.",
    ):
        (st,) = run_en(text)._.kg_statements
        assert st.quote == "the group had suspended its operations.", st.quote


def test_according_to_a_source_opening_the_sentence(run_en: Callable[..., Doc]) -> None:
    (st,) = run_en("According to CENTCOM, the drone was launched from Yemen.")._.kg_statements
    assert (st.speaker, st.quote) == ("centcom", "the drone was launched from Yemen.")


# ---------------------------------------------------------------------------- speakers
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Iraq's foreign ministry condemned the US strikes.", "iraqi-ministry-of-foreign-affairs"),
        (
            "Iran's foreign ministry condemned the Israeli strike on its consulate.",
            "iranian-ministry-of-foreign-affairs",
        ),
        ("Syria's defence ministry said Israeli jets struck a site near Damascus.", "syrian-ministry-of-defense"),
        ("The Syrian Defence Ministry said the drones were shot down.", "syrian-ministry-of-defense"),
        ("The Turkish Defense Ministry said the strikes hit PKK shelters.", "turkish-ministry-of-national-defense"),
        ("Pentagon spokesman Maj. Gen. Pat Ryder told reporters the strikes were defensive.", "pat-ryder"),
    ],
)
def test_a_ministry_named_by_its_state_or_a_spokesman_by_his_ranks_speaks(
    run_en: Callable[..., Doc], text: str, speaker: str
) -> None:
    assert [s for s, _ in said(run_en(text))][:1] == [speaker], said(run_en(text))


def test_ranks_before_a_name_are_no_person(run_en: Callable[..., Doc]) -> None:
    doc = run_en("Army spokesman Brig. Gen. Ahmed Jasim Abbas said the drones were downed.")
    assert list(doc._.kg_discovered) == ["ahmed-jasim-abbas"]


def test_surfaces_name_a_body_by_its_state_and_its_ministry_both_ways() -> None:
    owners = {"iraqi": ["Iraq"]}
    surfaces = english_surfaces({"name": "Iraqi Ministry of Defence", "aliases": []}, owners)
    for form in (
        "Iraqi Defence Ministry",
        "Iraqi Defense Ministry",
        "Iraq's Defence Ministry",
        "Iraqi Ministry of Defense",
    ):
        assert form in surfaces, surfaces


# ---------------------------------------------------------------------------- events
def test_a_passive_with_an_agent_after_a_determiner(run_en: Callable[..., Doc]) -> None:
    (e,) = events(run_en("Two ballistic missiles fired by the Houthis hit Abu Dhabi on Monday."))
    assert (e.place, e.perpetrators, e.weapon, e.count) == ("abu-dhabi", ["houthis"], "missile", 2)


def test_an_ied_and_the_dead_counted_in_words(run_en: Callable[..., Doc]) -> None:
    (e,) = events(run_en("A convoy was targeted by an IED near Diwaniyah on Monday."))
    assert (e.place, e.weapon) == ("diwaniyah", "ied")
    (e,) = events(run_en("Two militants were killed in a US strike near al-Qaim on Monday."))
    assert (e.type, e.place, e.perpetrators, e.killed) == ("airstrike", "al-qaim", ["united-states"], 2)


def test_a_capital_standing_for_its_state_is_no_place(run_en: Callable[..., Doc]) -> None:
    doc = run_en("Washington holds Tehran responsible for the attacks on Monday by its proxies.")
    assert [e.place for e in events(doc)] == [None]
    doc = run_en("Tehran denied any role in the attack on Monday.")
    assert [e.place for e in events(doc)] == [None]


def test_a_weak_verb_used_as_a_noun_is_no_event(run_en: Callable[..., Doc]) -> None:
    (e,) = events(run_en("Israeli jets struck Hezbollah targets in southern Lebanon on Thursday."))
    assert (e.perpetrators, e.targets) == (["israel"], ["hezbollah"])


# ---------------------------------------------------------------------------- the copy around the news
def test_a_wire_dateline_gives_no_place_date_or_subject(run_en: Callable[..., Doc]) -> None:
    doc = run_en(
        "BAGHDAD, Jan 5 (Reuters) - A drone strike killed a militia commander in eastern Baghdad on Thursday, "
        "two security sources said.",
        published="2024-01-05",
    )
    (e,) = events(doc)
    assert (e.place, e.date) == ("baghdad", "2024-01-04")
    doc = run_en("BAGHDAD (Reuters) - Rockets struck near the Baghdad airport on Friday, police said.")
    (e,) = events(doc)
    assert (e.place, e.perpetrators) == ("baghdad-international-airport", [])
    doc = run_en("ERBIL, Kurdistan Region (Kurdistan24) – Drones hit a base in Sulaimani province on Monday.")
    assert {m.place_id for m in doc._.kg_entities if m.role == "place"} == {"sulaymaniyah"}


def test_a_dateline_is_not_what_was_said(run_en: Callable[..., Doc]) -> None:
    doc = run_en("WASHINGTON (AP) — The United States struck a depot in Syria on Wednesday, the Pentagon said.")
    (st,) = doc._.kg_statements
    assert st.quote == "The United States struck a depot in Syria on Wednesday"


def test_a_title_case_headline_reports_like_a_sentence(run_en: Callable[..., Doc]) -> None:
    doc = run_en("Iraq Condemns Turkish Airstrikes On Kurdistan Region\n\nOfficials gave no details.")
    assert said(doc) == [("iraq", "condemn")]
    assert [(e.type, e.place, e.perpetrators) for e in events(doc)] == [("airstrike", "kurdistan-region", ["turkey"])]
    doc = run_en("Rockets Hit Near Baghdad Airport On Monday\n\nNobody was hurt.")
    assert [m.place_id for m in doc._.kg_entities] == ["baghdad-international-airport"]  # "Hit" is no town


def test_a_byline_in_title_case_discovers_nobody(run_en: Callable[..., Doc]) -> None:
    doc = run_en("By John Smith and Jane Doe\n\nRockets struck near Baghdad airport on Friday.")
    assert doc._.kg_discovered == {}


def test_a_photo_credit_ends_the_caption(run_en: Callable[..., Doc]) -> None:
    doc = run_en(
        "Smoke rises after an Israeli strike on the village of Khiam, November 2, 2023. REUTERS/Jane Doe\n\n"
        "Israeli jets struck Hezbollah targets in southern Lebanon on Thursday, the Israeli military said."
    )
    found = [(e.place, e.date) for e in events(doc)]
    assert found == [("khiam", "2023-11-02"), ("south-lebanon", "2024-01-11")]


def test_a_link_to_another_report_says_nothing(run_en: Callable[..., Doc]) -> None:
    doc = run_en(
        "The Pentagon said the base was safe.\nRead more: Iraq condemns Turkish strikes in Kurdistan Region\n"
        "RELATED: Houthis claim attack on ship\nThe Pentagon said it was assessing the damage."
    )
    assert said(doc) == [("us-department-of-defense", "statement"), ("us-department-of-defense", "statement")]
    assert events(doc) == []


def test_word_list_alternatives() -> None:
    assert expand("{will|would} not tolerate") == ["will not tolerate", "would not tolerate"]
    assert expand("take {all|} necessary measures") == ["take all necessary measures", "take necessary measures"]
    assert expand("revenge") == ["revenge"]
