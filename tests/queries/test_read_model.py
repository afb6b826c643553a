"""The read model (graph/readmodel.py) on each backend: pages cut from kept lists and rows are the
one-shot queries' rows, and a write, a retraction or another client's write shows in the next answer."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from core.errors import NotFound
from graph import analyst
from graph.known import EVER, AsOf
from graph.names import resolve_actor
from graph.settings import Settings
from graph.stores import GraphStore, make_store
from tests.conftest import count_queries, neo4j_settings
from tests.factories import AIN_AL_ASAD, CENTCOM, IRI, KATAIB_HEZBOLLAH, article_graph, contested_attack, graded_story
from tests.queries.test_analyst_queries import assert_same_claims, assert_same_timeline

#: A later article of the IRI claiming a new attack: a claim and an event neither list had.
LATER_BODY = "تبنت المقاومة الإسلامية في العراق هجوما جديدا بطائرة مسيرة على قاعدة عين الأسد."
LATER = {"published": "2024-03-02", "event_date": "2024-03-01", "place": AIN_AL_ASAD}


@pytest.fixture
def kept(store: GraphStore) -> GraphStore:
    """The contested story on a store that keeps what the lists read, as the API's store does."""
    for graph in contested_attack():
        store.write([graph])
    store.enable_read_model()
    return store


PAGES = [
    {},
    {"limit": 1},
    {"limit": 1, "skip": 1},
    {"limit": 2, "skip": 1, "as_of": "2024-01-20"},
    {"as_of": "2024-01-21"},
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    "focus",
    [
        {"actor": KATAIB_HEZBOLLAH.id},
        {"actor": IRI.id},
        {"actor": CENTCOM.id, "kind": "claim_responsibility"},
        {"actor": IRI.id, "since": "2024-01", "min_confidence": 0.5},
    ],
)
def test_claims_of_an_actor_from_the_read_model_are_the_one_shot_querys(
    kept: GraphStore, focus: dict, page: dict
) -> None:
    """Asked twice (the second answer wholly from what was kept): the same rows, order and page."""
    for _ in range(2):
        assert_same_claims(kept, {**focus, **page}, may_be_empty=True)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize(
    "focus",
    [{}, {"actor": KATAIB_HEZBOLLAH.id}, {"actor": IRI.id}, {"place": "baghdad"}, {"event_type": "attack"}],
)
def test_the_timeline_from_the_read_model_is_the_one_shot_querys(kept: GraphStore, focus: dict, page: dict) -> None:
    for _ in range(2):
        assert_same_timeline(kept, {**focus, **page}, may_be_empty=True)


def test_kept_lists_cut_short_are_read_further_for_deeper_pages(
    kept: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kept list holds the first rows only; a page past them (or needing more rows known at
    as_of) reads a longer run: the rows stay the one-shot queries' rows."""
    monkeypatch.setattr(analyst, "KEPT_CANDIDATES", 1)
    monkeypatch.setattr(analyst, "CANDIDATE_SLACK", 0)
    for page in PAGES:
        for focus in ({"actor": KATAIB_HEZBOLLAH.id}, {"actor": IRI.id}):
            assert_same_claims(kept, {**focus, **page}, may_be_empty=True)
        for focus in ({}, {"actor": IRI.id}, {"place": "baghdad"}):
            assert_same_timeline(kept, {**focus, **page}, may_be_empty=True)


@pytest.mark.parametrize("filters", [{"min_confidence": 0.6}, {"actor": CENTCOM.id, "min_confidence": 0.5}, {}])
def test_kept_events_are_counted_at_each_confidence_asked(store: GraphStore, filters: dict) -> None:
    """Rows are kept per min_confidence: one asked with it never answers one asked without."""
    for graph in graded_story():
        store.write([graph])
    store.enable_read_model()
    for asked in (filters, {}, filters):
        assert_same_timeline(store, asked)


def test_a_write_after_a_read_shows_in_the_next_answer(kept: GraphStore) -> None:
    """A new article's claim and event appear in the lists read before it; retracted, they go."""
    claims_before = analyst.claims(kept, actor=IRI.id)
    events_before = analyst.timeline(kept)
    later = article_graph(LATER_BODY, file="later.txt", **LATER)
    kept.write([later])
    claims_after = analyst.claims(kept, actor=IRI.id)
    events_after = analyst.timeline(kept)
    new_claim = {s.id for s in later.statements if s.kind == "claim_responsibility"}
    assert {c["id"] for c in claims_after} - {c["id"] for c in claims_before} == new_claim
    assert claims_after[0]["id"] in new_claim  # the newest
    assert [e["id"] for e in events_after] == [e["id"] for e in events_before] + [later.events[0].id]
    assert_same_claims(kept, {"actor": IRI.id})
    assert_same_timeline(kept, {})
    kept.retract_article(later.article.id)
    assert analyst.claims(kept, actor=IRI.id) == claims_before
    assert analyst.timeline(kept) == events_before


def test_a_second_report_of_a_kept_event_changes_its_counts(kept: GraphStore) -> None:
    """A row kept for a page (its source count) is read again once another outlet reports the event."""
    first = article_graph(LATER_BODY, file="later.txt", **LATER)
    kept.write([first])
    counted = {e["id"]: e["source_count"] for e in analyst.timeline(kept)}
    assert counted[first.events[0].id] == 1
    again = article_graph(LATER_BODY + " (نقلا عن مصادر)", file="later-b.txt", outlet="Outlet B", **LATER)
    kept.write([again])
    counted = {e["id"]: e["source_count"] for e in analyst.timeline(kept)}
    assert counted[first.events[0].id] == 2


def test_the_read_model_keeps_answers_only_while_the_graph_is_unchanged(kept: GraphStore) -> None:
    """A second answer runs no query (it is read from what was kept), a write makes the next one read
    the store again: the model is what makes repeated lists cheap, and nothing outlives a write."""
    ran = count_queries(kept)
    first = analyst.claims(kept, actor=resolve_actor(kept, KATAIB_HEZBOLLAH.id))
    assert ran
    reads = sum(n for name, n in ran.items() if name != "internal.content_marker")
    ran.clear()
    assert analyst.claims(kept, actor=resolve_actor(kept, KATAIB_HEZBOLLAH.id)) == first
    assert set(ran) <= {"internal.content_marker"}  # at most the check that nothing changed
    kept.write([article_graph(LATER_BODY, file="later.txt", **LATER)])
    ran.clear()
    assert analyst.claims(kept, actor=resolve_actor(kept, KATAIB_HEZBOLLAH.id)) == first
    assert sum(n for name, n in ran.items() if name != "internal.content_marker") == reads


@pytest.mark.neo4j
def test_another_clients_write_shows_in_the_next_answer(neo4j_uri: str) -> None:
    """On Neo4j other processes write too: a write through another store object (another client,
    another `kg ingest`) shows in the next answer of the server's store, as a retraction does."""
    settings: Settings = neo4j_settings(neo4j_uri)
    with make_store(settings) as served, make_store(settings) as other:
        served.clear()
        for graph in contested_attack():
            other.write([graph])
        served.enable_read_model()
        claims_before = analyst.claims(served, actor=IRI.id)
        events_before = analyst.timeline(served)
        later = article_graph(LATER_BODY, file="later.txt", **LATER)
        other.write([later])
        assert len(analyst.claims(served, actor=IRI.id)) == len(claims_before) + 1
        assert [e["id"] for e in analyst.timeline(served)] == [e["id"] for e in events_before] + [later.events[0].id]
        other.retract_article(later.article.id)
        assert analyst.claims(served, actor=IRI.id) == claims_before
        assert analyst.timeline(served, known=AsOf()) == events_before
        served.clear()


# -- actor profiles from the profile table -------------------------------------------------------
PROFILE_ASKS = [{}, {"events": 1, "co_mentions": 1}, {"events": 0, "co_mentions": 0}]


def one_shot_profile(store: GraphStore, actor_id: str, **asked: Any) -> dict:
    """The profile as the queries give it, on the same store, without what the read model keeps."""
    model, store.read_model = store.read_model, None
    try:
        return analyst.actor_profile(store, actor_id, **asked)
    finally:
        store.read_model = model


def profiled_actors(store: GraphStore) -> list[str]:
    return sorted(r["id"] for r in store.query("actor_profile_table_actors"))


@pytest.mark.parametrize("asked", PROFILE_ASKS)
def test_every_actors_profile_from_the_table_is_the_one_shot_queries(kept: GraphStore, asked: dict) -> None:
    """Every actor of the story, asked twice (the second answer a look-up): the one-shot answer."""
    actors = profiled_actors(kept)
    assert IRI.id in actors and KATAIB_HEZBOLLAH.id in actors
    for actor in actors:
        for _ in range(2):
            assert analyst.actor_profile(kept, actor, **asked) == one_shot_profile(kept, actor, **asked)
    with pytest.raises(NotFound):
        analyst.actor_profile(kept, "no-such-actor")


def test_a_profile_asked_as_of_a_time_or_a_confidence_is_the_one_shot_queries(kept: GraphStore) -> None:
    """The table holds what is known now at any confidence; other questions run the queries."""
    for known, sure in ((AsOf.of("2024-01-20"), None), (EVER, 0.5)):
        assert analyst.actor_profile(kept, KATAIB_HEZBOLLAH.id, known=known, min_confidence=sure) == (
            one_shot_profile(kept, KATAIB_HEZBOLLAH.id, known=known, min_confidence=sure)
        )


def test_a_profile_is_read_again_after_a_write_and_a_retraction(kept: GraphStore) -> None:
    """A profile read before a new article counts it after (its statement, event and mention), and
    no longer once the article is retracted; kept answers run no query until then."""
    before = analyst.actor_profile(kept, IRI.id)
    ran = count_queries(kept)
    assert analyst.actor_profile(kept, IRI.id) == before
    assert set(ran) <= {"internal.content_marker"}
    later = article_graph(LATER_BODY, file="later.txt", **LATER)
    kept.write([later])
    after = analyst.actor_profile(kept, IRI.id)
    assert after == one_shot_profile(kept, IRI.id)
    assert after["articles"] == before["articles"] + 1
    assert after["statements"]["total"] == before["statements"]["total"] + 1
    assert after["events"]["perpetrated"][0]["id"] == later.events[0].id
    kept.retract_article(later.article.id)
    assert analyst.actor_profile(kept, IRI.id) == before


@pytest.mark.neo4j
def test_another_clients_write_shows_in_the_next_profile(neo4j_uri: str) -> None:
    """On Neo4j a write or a retraction through another store object shows in the next profile of
    the server's store, which keeps the profile table."""
    settings: Settings = neo4j_settings(neo4j_uri)
    with make_store(settings) as served, make_store(settings) as other:
        served.clear()
        for graph in contested_attack():
            other.write([graph])
        served.enable_read_model()
        before = analyst.actor_profile(served, IRI.id)
        later = article_graph(LATER_BODY, file="later.txt", **LATER)
        other.write([later])
        after = analyst.actor_profile(served, IRI.id)
        assert after["articles"] == before["articles"] + 1
        assert after == one_shot_profile(served, IRI.id)
        other.retract_article(later.article.id)
        assert analyst.actor_profile(served, IRI.id) == before
        served.clear()


@pytest.mark.neo4j
def test_answers_asking_at_once_share_one_marker_read_that_began_after_they_asked(neo4j_uri: str) -> None:
    """Answers waiting while a read of the content marker is under way share the next read, not that
    one: they see a write another client made before they asked, and 8 of them make one read."""
    settings: Settings = neo4j_settings(neo4j_uri)
    with make_store(settings) as served, make_store(settings) as other:
        served.clear()
        for graph in contested_attack():
            other.write([graph])
        served.enable_read_model()
        model = served.read_model
        assert model is not None
        before = analyst.claims(served, actor=IRI.id)
        reading, release = threading.Event(), threading.Event()
        markers = 0
        real = served.query

        def query(name: str, params: dict | None = None) -> list[dict]:
            nonlocal markers
            rows = real(name, params)
            if name == "internal.content_marker":
                markers += 1
                if markers == 1:  # the first read has its rows, and is held until the others ask
                    reading.set()
                    release.wait()
            return rows

        served.query = query  # type: ignore[method-assign]
        answers: dict[int, Any] = {}

        def ask(i: int) -> None:
            answers[i] = analyst.claims(served, actor=IRI.id)

        first = threading.Thread(target=ask, args=(0,))
        first.start()
        assert reading.wait(60)
        other.write([article_graph(LATER_BODY, file="later.txt", **LATER)])
        asked = model._marker_tickets
        waiting = [threading.Thread(target=ask, args=(i,)) for i in range(1, 9)]
        for t in waiting:
            t.start()
        for _ in range(6000):  # until all 8 have asked (they wait for the read under way)
            if model._marker_tickets == asked + 8:
                break
            time.sleep(0.01)
        assert model._marker_tickets == asked + 8
        release.set()
        for t in [first, *waiting]:
            t.join(60)
        assert answers[0] == before
        assert all(len(answers[i]) == len(before) + 1 for i in range(1, 9))
        assert markers == 2
        served.clear()
