"""The analyst queries, one contract for every backend: each test runs on LadybugDB and a real Neo4j.

The graph is `contested_attack()`: an attack on Ain al-Asad reported by two outlets with different
figures, claimed by the IRI, denied by Kataib Hezbollah and blamed on it by the government; a
CENTCOM airstrike in Baghdad with a claim, a condemnation, a threat and a call; and the IRI's
older attack on the Green Zone (inside Baghdad).
"""

from __future__ import annotations

import pytest

from core.errors import AmbiguousName, NotFound
from core.text import normalise
from graph import analyst
from graph.known import AsOf
from graph.names import resolve_actor, resolve_place
from graph.settings import Settings
from graph.stores import GraphStore, make_store
from tests.conftest import counts, neo4j_settings
from tests.factories import CENTCOM, IRAQI_GOV, IRI, KATAIB_HEZBOLLAH, NUJABA, US_FORCES, contested_attack, graded_story

AIN_AL_ASAD_ATTACK = "attack-2024-01-20-ain-al-asad-air-base"
BAGHDAD_STRIKE = "airstrike-2024-02-03-baghdad"
GREEN_ZONE_ATTACK = "attack-2023-12-08-green-zone"
HOSTILE = "x'}) MATCH (n) DETACH DELETE n // \"; MATCH (n) DETACH DELETE n; <script>alert(1)</script>"


@pytest.fixture
def story(store: GraphStore) -> GraphStore:
    for graph in contested_attack():  # one by one, as separate ingests would
        store.write([graph])
    return store


def ids(rows: list[dict]) -> list[str]:
    return [r["id"] for r in rows]


# -- claims ---------------------------------------------------------------------------------------
def test_claims_answer_who_claimed_denied_or_accused_what_newest_first(story: GraphStore) -> None:
    rows = story.query("claims")
    assert [(r["date"], r["kind"], r["claimant_id"], r["event_id"]) for r in rows] == [
        ("2024-02-03", "claim_responsibility", CENTCOM.id, BAGHDAD_STRIKE),
        ("2024-01-21", "accuse", IRAQI_GOV.id, AIN_AL_ASAD_ATTACK),
        ("2024-01-21", "deny_responsibility", KATAIB_HEZBOLLAH.id, AIN_AL_ASAD_ATTACK),
        ("2024-01-20", "claim_responsibility", IRI.id, AIN_AL_ASAD_ATTACK),
        ("2023-12-08", "claim_responsibility", IRI.id, GREEN_ZONE_ATTACK),
    ]
    assert list(rows[0]) == [
        "id", "kind", "date", "quote", "text", "confidence", "claimant_id", "claimant_name", "claimant_name_ar",
        "claimant_kind", "accused", "event_id", "event_type", "event_date", "event_places", "sources",
    ]  # fmt: skip
    accusation = rows[1]
    assert accusation["accused"] == [
        {"id": KATAIB_HEZBOLLAH.id, "name": "Kataib Hezbollah", "name_ar": "كتائب حزب الله", "kind": "armed_group"}
    ]
    assert accusation["quote"] == "كتائب حزب الله تقف وراء الهجوم"
    assert accusation["event_places"] == [
        {"id": "ain-al-asad-air-base", "name": "Ain al-Asad Air Base", "name_ar": "قاعدة عين الأسد", "kind": "base"}
    ]
    assert accusation["sources"] == [
        {
            "article": accusation["sources"][0]["article"],
            "outlet": "Outlet B",
            "published": "2024-01-21",
            "url": "https://example.org/ain-al-asad-b.txt",
            "title": "ain-al-asad-b.txt",
        }
    ]
    # Statements nobody would call a claim stay out: condemnations, threats, calls.
    assert {r["kind"] for r in rows} <= {"claim_responsibility", "deny_responsibility", "accuse"}


def test_a_claim_and_a_denial_of_the_same_event_both_stand(story: GraphStore) -> None:
    about = [r for r in story.query("claims") if r["event_id"] == AIN_AL_ASAD_ATTACK]
    assert {(r["kind"], r["claimant_id"]) for r in about} == {
        ("claim_responsibility", IRI.id),
        ("deny_responsibility", KATAIB_HEZBOLLAH.id),
        ("accuse", IRAQI_GOV.id),
    }


def test_the_actor_filter_also_finds_accusations_against_the_actor(story: GraphStore) -> None:
    rows = story.query("claims", {"actor": KATAIB_HEZBOLLAH.id})
    assert [(r["kind"], r["claimant_id"]) for r in rows] == [
        ("accuse", IRAQI_GOV.id),  # accused, not the speaker
        ("deny_responsibility", KATAIB_HEZBOLLAH.id),
    ]
    assert ids(story.query("claims", {"actor": IRI.id})) == ids(
        [r for r in story.query("claims") if r["claimant_id"] == IRI.id]
    )


def test_claims_filter_by_kind_and_event_type(story: GraphStore) -> None:
    denials = story.query("claims", {"kind": "deny_responsibility"})
    assert [r["claimant_id"] for r in denials] == [KATAIB_HEZBOLLAH.id]
    strikes = story.query("claims", {"event_type": "airstrike"})
    assert [(r["claimant_id"], r["event_id"]) for r in strikes] == [(CENTCOM.id, BAGHDAD_STRIKE)]
    assert story.query("claims", {"kind": "condemn"}) == []  # not a claim kind


def test_the_place_filter_includes_places_inside_it(story: GraphStore) -> None:
    in_baghdad = story.query("claims", {"place": "baghdad"})
    # The airstrike was in Baghdad itself, the older attack in the Green Zone, a district of Baghdad.
    assert [r["event_id"] for r in in_baghdad] == [BAGHDAD_STRIKE, GREEN_ZONE_ATTACK]
    assert len(story.query("claims", {"place": "iraq"})) == 5
    assert [r["event_id"] for r in story.query("claims", {"place": "green-zone"})] == [GREEN_ZONE_ATTACK]


def test_claims_date_range_compares_iso_strings_and_a_month_includes_all_its_days(story: GraphStore) -> None:
    january = story.query("claims", {"since": "2024-01", "until": "2024-01"})
    assert [r["date"] for r in january] == ["2024-01-21", "2024-01-21", "2024-01-20"]
    assert [r["date"] for r in story.query("claims", {"since": "2024-01-21"})] == [
        "2024-02-03",
        "2024-01-21",
        "2024-01-21",
    ]
    assert [r["date"] for r in story.query("claims", {"until": "2023"})] == ["2023-12-08"]
    assert story.query("claims", {"since": "2025"}) == []


def test_claims_pages_are_disjoint_and_keep_the_order(story: GraphStore) -> None:
    everything = ids(story.query("claims"))
    pages = [ids(story.query("claims", {"limit": 2, "skip": skip})) for skip in (0, 2, 4, 6)]
    assert [len(p) for p in pages] == [2, 2, 1, 0]
    assert [i for p in pages for i in p] == everything


# -- statements -----------------------------------------------------------------------------------
def test_statements_of_every_kind_newest_first_with_addressees_and_accused(story: GraphStore) -> None:
    rows = story.query("statements", {"since": "2024-02"})
    assert [r["date"] for r in rows] == ["2024-02-04", "2024-02-04", "2024-02-04", "2024-02-03"]
    assert {(r["kind"], r["speaker_id"]) for r in rows[:3]} == {
        ("condemn", KATAIB_HEZBOLLAH.id),
        ("threaten", KATAIB_HEZBOLLAH.id),
        ("call", "us-embassy-in-baghdad"),
    }
    assert ids(rows[:3]) == sorted(ids(rows[:3]))  # same day: by id
    assert (rows[3]["kind"], rows[3]["speaker_id"]) == ("claim_responsibility", CENTCOM.id)
    threat = next(r for r in rows if r["kind"] == "threaten")
    assert [a["id"] for a in threat["addressees"]] == [US_FORCES.id] and threat["accused"] == []
    condemnation = next(r for r in rows if r["kind"] == "condemn")
    assert [a["id"] for a in condemnation["accused"]] == [CENTCOM.id]
    assert condemnation["event_id"] == BAGHDAD_STRIKE and condemnation["event_type"] == "airstrike"
    assert threat["event_id"] is None


def test_statements_filter_by_speaker_kind_and_date(story: GraphStore) -> None:
    by_kh = story.query("statements", {"speaker": KATAIB_HEZBOLLAH.id})
    assert sorted(r["kind"] for r in by_kh) == ["condemn", "deny_responsibility", "threaten"]
    calls = story.query("statements", {"kind": "call"})
    assert [r["date"] for r in calls] == ["2024-02-04", "2023-12-08"]
    assert [r["kind"] for r in story.query("statements", {"kind": "call", "until": "2023-12"})] == ["call"]


def test_statement_text_search_is_normalised_arabic_or_english(story: GraphStore) -> None:
    # Written with alef-hamza and ta marbuta, stored text folded the same way: it still matches.
    found = story.query("statements", {"q": normalise("العدوان الأمريكي")})
    assert [r["kind"] for r in found] == ["condemn"]
    found = story.query("statements", {"q": normalise("عين الاسد")})  # no hamza where the text has one
    # In the quote or in the sentence it was reported in (the accusation's sentence names the base).
    assert sorted(r["kind"] for r in found) == ["accuse", "claim_responsibility", "deny_responsibility"]
    # English finds Arabic statements through the names of the actors in them.
    by_name = story.query("statements", {"q": normalise("Kataib")})
    assert sorted(r["kind"] for r in by_name) == ["accuse", "condemn", "deny_responsibility", "threaten"]
    assert story.query("statements", {"q": normalise("no such words anywhere")}) == []


def test_statements_pages(story: GraphStore) -> None:
    everything = ids(story.query("statements"))
    assert len(everything) == 9
    assert ids(story.query("statements", {"limit": 4, "skip": 4})) == everything[4:8]


# -- timeline -------------------------------------------------------------------------------------
def test_the_timeline_lists_events_in_date_order_with_independent_sources(story: GraphStore) -> None:
    rows = story.query("timeline")
    assert [(r["date"], r["id"], r["reports"], r["outlets"], r["claims"]) for r in rows] == [
        ("2023-12-08", GREEN_ZONE_ATTACK, 1, 1, 1),
        ("2024-01-20", AIN_AL_ASAD_ATTACK, 2, 2, 1),  # two outlets reported it, one claim
        ("2024-02-03", BAGHDAD_STRIKE, 1, 1, 1),
    ]
    attack = rows[1]
    assert [a["id"] for a in attack["perpetrators"]] == [IRI.id]
    assert [a["id"] for a in attack["targets"]] == [US_FORCES.id]
    assert [p["id"] for p in attack["places"]] == ["ain-al-asad-air-base"]
    assert list(attack) == [
        "id", "type", "date", "date_precision", "time", "summary", "confidence", "places", "perpetrators",
        "targets", "reports", "outlets", "claims",
    ]  # fmt: skip


def test_timeline_filters(story: GraphStore) -> None:
    assert ids(story.query("timeline", {"since": "2024", "until": "2024-01"})) == [AIN_AL_ASAD_ATTACK]
    assert ids(story.query("timeline", {"event_type": "airstrike"})) == [BAGHDAD_STRIKE]
    assert ids(story.query("timeline", {"place": "baghdad"})) == [GREEN_ZONE_ATTACK, BAGHDAD_STRIKE]
    assert ids(story.query("timeline", {"actor": KATAIB_HEZBOLLAH.id})) == [BAGHDAD_STRIKE]  # as target
    assert ids(story.query("timeline", {"actor": IRI.id})) == [GREEN_ZONE_ATTACK, AIN_AL_ASAD_ATTACK]
    assert ids(story.query("timeline", {"limit": 1, "skip": 1})) == [AIN_AL_ASAD_ATTACK]


# -- one event ------------------------------------------------------------------------------------
def test_event_detail_puts_each_sources_figures_side_by_side(story: GraphStore) -> None:
    [event] = story.query("event_detail", {"id": AIN_AL_ASAD_ATTACK})
    assert (event["type"], event["date"]) == ("attack", "2024-01-20")
    assert [a["id"] for a in event["perpetrators"]] == [IRI.id]
    reports = story.query("event_sources", {"id": AIN_AL_ASAD_ATTACK})
    assert [(r["outlet"], r["published"], r["weapon"], r["count"], r["injured"]) for r in reports] == [
        ("Outlet A", "2024-01-20", "missile", 3, 2),
        ("Outlet B", "2024-01-21", "missile", 5, 4),
    ]
    assert reports[1]["url"] == "https://example.org/ain-al-asad-b.txt"
    assert reports[1]["sentence"].startswith("سقطت خمسة صواريخ")
    said = story.query("event_statements", {"id": AIN_AL_ASAD_ATTACK})
    assert [(s["date"], s["kind"], s["speaker_id"]) for s in said] == [
        ("2024-01-20", "claim_responsibility", IRI.id),
        ("2024-01-21", "accuse", IRAQI_GOV.id),
        ("2024-01-21", "deny_responsibility", KATAIB_HEZBOLLAH.id),
    ]
    assert story.query("event_detail", {"id": "no-such-event"}) == []


def test_event_detail_shows_where_the_sources_disagree(story: GraphStore) -> None:
    detail = analyst.event_detail(story, AIN_AL_ASAD_ATTACK)
    assert (detail["source_count"], detail["outlet_count"]) == (2, 2)
    by_field = {d["field"]: d["values"] for d in detail["disagreements"]}
    assert set(by_field) == {"count", "injured", "responsibility"}  # both said "missile": no conflict
    assert [(v["value"], v["outlets"]) for v in by_field["count"]] == [(3, ["Outlet A"]), (5, ["Outlet B"])]
    assert [v["value"] for v in by_field["responsibility"]] == [
        "Islamic Resistance in Iraq: claimed",
        "Kataib Hezbollah: accused by Iraqi government",
        "Kataib Hezbollah: denied",
    ]
    # One source, one claimant: nothing to disagree about.
    assert analyst.event_detail(story, BAGHDAD_STRIKE)["disagreements"] == []
    with pytest.raises(NotFound, match="no-such-event"):
        analyst.event_detail(story, "no-such-event")


# -- actors ---------------------------------------------------------------------------------------
def test_actor_profile_memberships_both_ways_and_counts(story: GraphStore) -> None:
    [kh] = story.query("actor_profile", {"id": KATAIB_HEZBOLLAH.id})
    assert (kh["name"], kh["name_ar"], kh["kind"], kh["aliases"]) == (
        "Kataib Hezbollah",
        "كتائب حزب الله",
        "armed_group",
        ["KH"],
    )
    assert [a["id"] for a in kh["member_of"]] == [IRI.id] and kh["members"] == []
    assert (kh["perpetrated"], kh["targeted"], kh["statements"], kh["articles"]) == (0, 1, 3, 2)
    [iri] = story.query("actor_profile", {"id": IRI.id})
    assert [a["id"] for a in iri["members"]] == sorted([NUJABA.id, KATAIB_HEZBOLLAH.id])
    assert story.query("actor_statement_kinds", {"id": KATAIB_HEZBOLLAH.id}) == [
        {"kind": "condemn", "count": 1},
        {"kind": "deny_responsibility", "count": 1},
        {"kind": "threaten", "count": 1},
    ]
    assert story.query("actor_profile", {"id": "no-such-actor"}) == []


def test_actor_events_as_perpetrator_and_target(story: GraphStore) -> None:
    rows = story.query("actor_events", {"id": US_FORCES.id})
    assert [(r["role"], r["id"]) for r in rows] == [("target", AIN_AL_ASAD_ATTACK)]
    iri = story.query("actor_events", {"id": IRI.id})
    assert [(r["role"], r["id"], r["date"]) for r in iri] == [
        ("perpetrator", AIN_AL_ASAD_ATTACK, "2024-01-20"),
        ("perpetrator", GREEN_ZONE_ATTACK, "2023-12-08"),
    ]
    assert story.query("actor_events", {"id": IRI.id, "role": "target"}) == []
    assert ids(story.query("actor_events", {"id": IRI.id, "limit": 1, "skip": 1})) == [GREEN_ZONE_ATTACK]


def test_co_mentioned_actors_most_often_first(story: GraphStore) -> None:
    rows = story.query("actor_co_mentions", {"id": KATAIB_HEZBOLLAH.id})
    # KH is mentioned in two articles; the Iraqi government and US forces appear in both of them.
    assert [(r["id"], r["articles"]) for r in rows] == [
        (IRAQI_GOV.id, 2),
        (US_FORCES.id, 2),
        (CENTCOM.id, 1),
        ("us-embassy-in-baghdad", 1),
    ]
    assert len(story.query("actor_co_mentions", {"id": KATAIB_HEZBOLLAH.id, "limit": 2})) == 2


def test_profile_composes_the_queries(story: GraphStore) -> None:
    profile = analyst.actor_profile(story, KATAIB_HEZBOLLAH.id)
    assert profile["statements"] == {
        "total": 3,
        "by_kind": {"condemn": 1, "deny_responsibility": 1, "threaten": 1},
    }
    assert profile["events"]["as_target"] == 1
    assert [e["id"] for e in profile["events"]["targeted"]] == [BAGHDAD_STRIKE]
    assert profile["events"]["targeted"][0]["place"]["id"] == "baghdad"
    with pytest.raises(NotFound):
        analyst.actor_profile(story, "no-such-actor")


# -- relationships --------------------------------------------------------------------------------
def test_relationships_are_typed_counted_and_dated(story: GraphStore) -> None:
    rows = story.query("relationships")
    edges = {(r["source_id"], r["type"], r["target_id"]): (r["count"], r["first"], r["last"]) for r in rows}
    assert edges == {
        ("us-embassy-in-baghdad", "called_on", IRAQI_GOV.id): (2, "2023-12-08", "2024-02-04"),
        (CENTCOM.id, "attacked", KATAIB_HEZBOLLAH.id): (1, "2024-02-03", "2024-02-03"),
        (CENTCOM.id, "claimed_attack_on", KATAIB_HEZBOLLAH.id): (1, "2024-02-03", "2024-02-03"),
        (NUJABA.id, "member_of", IRI.id): (1, None, None),
        (KATAIB_HEZBOLLAH.id, "member_of", IRI.id): (1, None, None),
        (IRAQI_GOV.id, "accused", KATAIB_HEZBOLLAH.id): (1, "2024-01-21", "2024-01-21"),
        (IRI.id, "attacked", "us-embassy-in-baghdad"): (1, "2023-12-08", "2023-12-08"),
        (IRI.id, "attacked", US_FORCES.id): (1, "2024-01-20", "2024-01-20"),
        (IRI.id, "claimed_attack_on", "us-embassy-in-baghdad"): (1, "2023-12-08", "2023-12-08"),
        (IRI.id, "claimed_attack_on", US_FORCES.id): (1, "2024-01-20", "2024-01-20"),
        (KATAIB_HEZBOLLAH.id, "condemned", CENTCOM.id): (1, "2024-02-04", "2024-02-04"),
        (KATAIB_HEZBOLLAH.id, "threatened", US_FORCES.id): (1, "2024-02-04", "2024-02-04"),
    }
    assert rows[0]["type"] == "called_on"  # the most frequent first, then by source, type, target
    keys = [(-r["count"], r["source_id"], r["type"], r["target_id"]) for r in rows]
    assert keys == sorted(keys)


def test_relationships_filter_by_actor_at_either_end_and_by_type(story: GraphStore) -> None:
    kh = story.query("relationships", {"actor": KATAIB_HEZBOLLAH.id})
    assert {(r["source_id"], r["type"], r["target_id"]) for r in kh} == {
        (CENTCOM.id, "attacked", KATAIB_HEZBOLLAH.id),
        (CENTCOM.id, "claimed_attack_on", KATAIB_HEZBOLLAH.id),
        (KATAIB_HEZBOLLAH.id, "member_of", IRI.id),
        (IRAQI_GOV.id, "accused", KATAIB_HEZBOLLAH.id),
        (KATAIB_HEZBOLLAH.id, "condemned", CENTCOM.id),
        (KATAIB_HEZBOLLAH.id, "threatened", US_FORCES.id),
    }
    members = story.query("relationships", {"type": "member_of"})
    assert [(r["source_id"], r["target_id"]) for r in members] == [(NUJABA.id, IRI.id), (KATAIB_HEZBOLLAH.id, IRI.id)]
    assert len(story.query("relationships", {"limit": 5, "skip": 10})) == 2


# -- names, and hostile values --------------------------------------------------------------------
def test_actor_names_resolve_to_ids_in_arabic_or_english(story: GraphStore) -> None:
    assert resolve_actor(story, "Kataib Hezbollah") == KATAIB_HEZBOLLAH.id
    assert resolve_actor(story, "كتائب حزب الله") == KATAIB_HEZBOLLAH.id
    assert resolve_actor(story, "KH") == KATAIB_HEZBOLLAH.id  # an alias
    assert resolve_actor(story, "النجباء") == NUJABA.id  # part of a name
    assert resolve_actor(story, CENTCOM.id) == CENTCOM.id
    assert resolve_place(story, "بغداد") == "baghdad"
    with pytest.raises(NotFound):
        resolve_actor(story, "Nobody At All")
    with pytest.raises(AmbiguousName, match="give one of these ids"):
        resolve_actor(story, "US")  # US forces, US Embassy in Baghdad


@pytest.mark.parametrize(
    ("name", "param"),
    [
        ("claims", "actor"),
        ("claims", "kind"),
        ("claims", "event_type"),
        ("claims", "place"),
        ("claims", "since"),
        ("statements", "speaker"),
        ("statements", "q"),
        ("timeline", "place"),
        ("timeline", "actor"),
        ("relationships", "actor"),
        ("relationships", "type"),
        ("actor_profile", "id"),
        ("event_detail", "id"),
        ("actors_by_name", "key"),
    ],
)
def test_a_hostile_filter_value_matches_nothing_and_breaks_nothing(story: GraphStore, name: str, param: str) -> None:
    before = counts(story)
    params = {"name": HOSTILE, "key": HOSTILE} if name == "actors_by_name" else {param: HOSTILE}
    assert story.query(name, params) == []  # for `since`: no date sorts after it
    assert counts(story) == before


# -- the two backends side by side ----------------------------------------------------------------
CALLS: list[tuple[str, dict]] = [
    ("claims", {}),
    ("claims", {"actor": KATAIB_HEZBOLLAH.id, "since": "2024-01", "until": "2024-01"}),
    ("claims", {"place": "baghdad", "limit": 1, "skip": 1}),
    ("statements", {}),
    ("statements", {"q": normalise("kataib"), "kind": "threaten"}),
    ("timeline", {}),
    ("timeline", {"place": "iraq", "event_type": "attack"}),
    ("timeline_page", {"actor": IRI.id}),
    ("claims_page_made_by", {"actor": KATAIB_HEZBOLLAH.id}),
    ("event_detail", {"id": AIN_AL_ASAD_ATTACK}),
    ("event_sources", {"id": AIN_AL_ASAD_ATTACK}),
    ("event_statements", {"id": AIN_AL_ASAD_ATTACK}),
    ("actor_profile", {"id": IRI.id}),
    ("actor_statement_kinds", {"id": KATAIB_HEZBOLLAH.id}),
    ("actor_events", {"id": IRI.id}),
    ("actor_co_mentions", {"id": KATAIB_HEZBOLLAH.id}),
    ("relationships", {}),
    ("relationships", {"actor": IRI.id, "type": "member_of"}),
    ("actors_by_name", {"name": "KH", "key": normalise("KH")}),
    ("places_by_name", {"name": "بغداد", "key": normalise("بغداد")}),
]


@pytest.mark.neo4j
def test_both_backends_give_identical_answers(ladybug_settings: Settings, neo4j_uri: str) -> None:
    """Same rows, same columns in the same order, same types, same order of list items."""
    with make_store(ladybug_settings) as lbug, make_store(neo4j_settings(neo4j_uri)) as neo:
        for s in (lbug, neo):
            s.clear()
            for graph in contested_attack():
                s.write([graph])
        for name, params in CALLS:
            a, b = lbug.query(name, params), neo.query(name, params)
            assert a, f"{name} {params} answered nothing"
            assert a == b, f"{name} {params}"
            assert [list(r) for r in a] == [list(r) for r in b], f"{name} {params}: column order"
            assert _types(a) == _types(b), f"{name} {params}: value types"


def _types(value: object) -> object:
    if isinstance(value, dict):
        return {k: _types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_types(v) for v in value]
    return type(value).__name__


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"actor": KATAIB_HEZBOLLAH.id},
        {"actor": IRI.id, "event_type": "attack"},
        {"place": "baghdad"},
        {"kind": "claim_responsibility", "since": "2024-01"},
        {"event_type": "airstrike", "until": "2024-02"},
        {"limit": 2, "skip": 1},
        {"as_of": "2024-01-20"},
        {"actor": KATAIB_HEZBOLLAH.id, "as_of": "2024-01-21"},
        {"place": "iraq", "as_of": "2024-01-20"},
    ],
)
def test_the_paged_claims_path_answers_as_the_one_shot_query(story: GraphStore, filters: dict) -> None:
    """graph.analyst.claims (page of ids, then details) and the `claims` query agree row for row."""
    assert_same_claims(story, filters)


#: Pages whose first look at candidates comes back cut short: a page of one, deeper pages, and
#: as_of leaving out statements and events reported only later.
SHORT_LOOKS = [
    {"limit": 1},
    {"limit": 1, "skip": 1},
    {"limit": 2, "skip": 1, "as_of": "2024-01-20"},
    {"limit": 1, "as_of": "2024-01-20"},
]


@pytest.mark.parametrize("slack, rounds", [(0, 3), (0, 1)])
@pytest.mark.parametrize("focus", [{}, {"actor": KATAIB_HEZBOLLAH.id}, {"actor": IRI.id}])
@pytest.mark.parametrize("page", SHORT_LOOKS)
def test_a_page_found_from_candidates_is_the_same_however_short_the_first_look(
    story: GraphStore, monkeypatch: pytest.MonkeyPatch, slack: int, rounds: int, focus: dict, page: dict
) -> None:
    """Claims and the timeline cut their candidates before checking which are known at as_of; when
    the first look is too short they look further, or leave it to the query that joins every row:
    the rows stay the one-shot queries' rows either way."""
    monkeypatch.setattr(analyst, "CANDIDATE_SLACK", slack)
    monkeypatch.setattr(analyst, "CANDIDATE_ROUNDS", rounds)
    assert_same_claims(story, {**focus, **page}, may_be_empty=True)
    assert_same_timeline(story, {**focus, **page}, may_be_empty=True)
    assert_same_timeline(story, {"place": "baghdad", **page}, may_be_empty=True)


def assert_same_claims(store: GraphStore, filters: dict, may_be_empty: bool = False) -> None:
    fast = analyst.claims(store, **_without_as_of(filters), known=AsOf.of(filters.get("as_of")))
    full = store.query("claims", filters)
    assert full or may_be_empty  # every case has claims to compare
    assert [c["id"] for c in fast] == [r["id"] for r in full]
    for c, r in zip(fast, full, strict=True):
        assert (c["claimant"] or {}).get("id") == r["claimant_id"]
        assert [a["id"] for a in c["accused"]] == sorted(a["id"] for a in r["accused"] or [])
        assert (c["event"] or {}).get("id") == r["event_id"]
        assert {p["id"] for p in (c["event"] and [c["event"]["place"]] or []) if p} <= {
            p["id"] for p in r["event_places"] or []
        }
        assert [s["article"] for s in c["sources"]] == [
            s["article"] for s in sorted(r["sources"], key=lambda s: (s["published"] or "", s["article"]))
        ]


def test_a_statement_names_the_place_of_its_event(story: GraphStore) -> None:
    rows = analyst.statements(story, kind="deny_responsibility")
    assert rows and rows[0]["event"]["id"] == AIN_AL_ASAD_ATTACK
    assert rows[0]["event"]["place"]["id"] == "ain-al-asad-air-base"


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"actor": KATAIB_HEZBOLLAH.id},
        {"actor": IRI.id, "event_type": "attack"},
        {"place": "baghdad"},
        {"place": "iraq", "since": "2024-01"},
        {"event_type": "airstrike", "until": "2024-02"},
        {"limit": 1, "skip": 1},
        {"as_of": "2024-01-20"},
        {"actor": IRI.id, "as_of": "2024-01-20"},
    ],
)
def test_the_paged_timeline_answers_as_the_one_shot_query(story: GraphStore, filters: dict) -> None:
    """graph.analyst.timeline (page of ids, then details and counts) and the `timeline` query agree,
    counts as known at as_of included."""
    assert_same_timeline(story, filters)


@pytest.mark.parametrize(
    "filters",
    [
        {"min_confidence": 0.4},
        {"min_confidence": 0.6},
        {"actor": CENTCOM.id, "min_confidence": 0.5},
        {"event_type": "airstrike", "min_confidence": 0.6},
        {"min_confidence": 0.6, "as_of": "2024-01-21"},
    ],
)
def test_the_paged_timeline_leaves_out_what_the_one_shot_query_does_below_min_confidence(
    store: GraphStore, filters: dict
) -> None:
    """On a graph with a weak event, a weak role and a weak statement: the same events, roles and counts."""
    for graph in graded_story():
        store.write([graph])
    assert_same_timeline(store, filters)


def assert_same_timeline(store: GraphStore, filters: dict, may_be_empty: bool = False) -> None:
    fast = analyst.timeline(store, **_without_as_of(filters), known=AsOf.of(filters.get("as_of")))
    full = store.query("timeline", filters)
    assert full or may_be_empty  # every case has events to compare
    assert [e["id"] for e in fast] == [r["id"] for r in full]
    for e, r in zip(fast, full, strict=True):
        assert e["places"] == analyst._places(r["places"])
        assert e["perpetrators"] == analyst._actors(r["perpetrators"])
        assert e["targets"] == analyst._actors(r["targets"])
        assert (e["source_count"], e["outlet_count"], e["claim_count"]) == (r["reports"], r["outlets"], r["claims"])
        assert (e["type"], e["date"], e["date_precision"], e["time"], e["summary"], e["confidence"]) == (
            r["type"],
            r["date"],
            r["date_precision"],
            r["time"],
            r["summary"],
            r["confidence"],
        )


def _without_as_of(filters: dict) -> dict:
    return {k: v for k, v in filters.items() if k != "as_of"}
