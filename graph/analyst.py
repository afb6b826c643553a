"""The analyst's questions over any `GraphStore`: claims, statements, timeline, one event, profiles.

Each function runs named queries (queries/claims.cypher, statements.cypher, timeline.cypher,
event_detail.cypher, actor_profile.cypher, relationships.cypher) and shapes their flat rows into
nested answers, so the API and the CLI stay thin and say the same thing. Where the sources
disagree (one outlet says 2 rockets, another 3; one group claims, another denies) the event
answer lists it in `disagreements`, computed here because it compares rows, not graph patterns.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, Literal, get_args

from core.errors import NotFound
from core.event_types import codes
from core.taxonomy import PLACE_RANK, UNRANKED
from core.text import normalise
from graph.known import EVER, AsOf
from graph.readmodel import KeptRow
from graph.stores.base import MAX_ROWS, GraphStore

if TYPE_CHECKING:
    from graph.readmodel import ReadModel

#: Per-source report fields that outlets commonly disagree on.
REPORT_FIELDS: tuple[str, ...] = ("weapon", "count", "killed", "injured")
#: Edge types `relationships` derives (queries/relationships.cypher).
RelationshipType = Literal[
    "attacked", "arrested", "claimed_attack_on", "accused", "threatened", "condemned", "called_on", "member_of"
]
RELATIONSHIP_TYPES: tuple[str, ...] = get_args(RelationshipType)


# -- ordering kept in Python too: LadybugDB does not promise that collect() keeps ORDER BY order --
def _actors(items: Iterable[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return sorted((dict(i) for i in items or []), key=lambda a: a["id"])


def _places(items: Iterable[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return sorted(
        (dict(i) for i in items or []), key=lambda p: (PLACE_RANK.get(p.get("kind") or "", UNRANKED), p["id"])
    )


def _sources(items: Iterable[dict[str, Any]] | None) -> list[dict[str, Any]]:
    return sorted((dict(i) for i in items or []), key=lambda s: (s.get("published") or "", s["article"]))


def _ref(prefix: str, row: dict[str, Any]) -> dict[str, Any] | None:
    """An actor reference from the flat columns `<prefix>_id`, `_name`, `_name_ar` and `_kind`."""
    if row.get(f"{prefix}_id") is None:
        return None
    return {key: row.get(f"{prefix}_{key}") for key in ("id", "name", "name_ar", "kind")}


def _event_ref(row: dict[str, Any], places: list[dict[str, Any]] | None = None) -> dict[str, Any] | None:
    if row.get("event_id") is None:
        return None
    return {
        "id": row["event_id"],
        "type": row.get("event_type"),
        "date": row.get("event_date"),
        "place": places[0] if places else None,
    }


# -- lists ----------------------------------------------------------------------------------------
def claims(
    store: GraphStore,
    *,
    actor: str | None = None,
    kind: str | None = None,
    event_type: str | None = None,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
    limit: int = 50,
    skip: int = 0,
    known: AsOf = EVER,
) -> list[dict[str, Any]]:
    """Who claimed, denied or was accused of what, and when; newest first. `actor` is an id.

    The same rows as the `claims` query, fetched as a page of ids (from the actor when one is
    given) and then the details of that page only, which keeps it fast on a large graph.
    """
    said = {"kind": kind, "min_confidence": min_confidence, "since": since, "until": until}
    halves_of_actor = ("claims_candidates_made_by", "claims_candidates_accusing")
    if store.read_model is not None and actor is not None and event_type is None and place is None:
        lists = [(name, {"actor": actor, **said}) for name in halves_of_actor]
        return _kept_page(store, store.read_model, lists, _newest_first, "claim", skip, limit, known, _claim_items)
    dates = {**said, **known.params()}
    events = {"event_type": event_type, "place": place}
    sources: dict[str, list[dict[str, Any]]] = {}

    def reported(ids: list[str]) -> set[str]:
        """The ids known at as_of; on a first page, from their sources, kept for the answer."""
        if skip:
            return {r["id"] for r in store.query("claims_known", {"ids": ids, **known.params()}) if r["known"]}
        sources.update(_claim_sources(store, ids, known))
        return {sid for sid in ids if sources.get(sid)}

    if actor is not None:
        # Made by the actor, or accusing it: each half in order, merged, then the page cut.
        halves: list[list[dict[str, Any]]] | None = None
        if event_type is None and place is None:
            lists = [(name, {"actor": actor, **said}) for name in halves_of_actor]
            first = first_known(store, lists, _newest_first, skip + limit, reported)
            halves = None if first is None else [first]
        if halves is None:
            by_event = event_type is not None or place is not None
            extra = events if by_event else {}
            halves = [
                store.query(
                    name + ("_event" if by_event else ""), {"actor": actor, **dates, **extra, "limit": skip + limit}
                )
                for name in ("claims_page_made_by", "claims_page_accusing")
            ]
        merged = {r["id"]: r for half in halves for r in half}
        page = sorted(merged.values(), key=_newest_first)[skip : skip + limit]
    elif event_type is not None or place is not None:
        page = store.query("claims_page_by_event", {**dates, **events, "limit": limit, "skip": skip})
    else:
        page = store.query("claims_page", {**dates, "limit": limit, "skip": skip})
    ids = [r["id"] for r in page]
    items = _claim_items(store, ids, known, sources)
    return [items[sid] for sid in ids]


def _claim_items(
    store: GraphStore, ids: list[str], known: AsOf, sources: dict[str, list[dict[str, Any]]] | None = None
) -> dict[str, dict[str, Any]]:
    """The claims with these ids as the list shows them, sources known at as_of (some given)."""
    if not ids:
        return {}
    sources = dict(sources or {})
    missing = [sid for sid in ids if sid not in sources]
    if missing:
        sources.update(_claim_sources(store, missing, known))
    details: dict[str, dict[str, Any]] = {}
    places: dict[str, dict[str, dict[str, Any]]] = {}
    for r in store.query("claims_details", {"ids": ids}):
        details.setdefault(r["id"], r)
        ref = _ref("place", r)
        if ref is not None:
            places.setdefault(r["id"], {})[ref["id"]] = ref
    accused: dict[str, dict[str, dict[str, Any]]] = {}
    for r in store.query("claims_accused", {"ids": ids}):
        ref = _ref("accused", r)
        if ref is not None:
            accused.setdefault(r["id"], {})[ref["id"]] = ref
    out = {}
    for sid in ids:
        r = details[sid]
        ordered_sources = sources.get(sid, [])
        out[sid] = {
            "id": r["id"],
            "kind": r["kind"],
            "date": r["date"],
            "claimant": _ref("claimant", r),
            "accused": _actors(accused.get(sid, {}).values()),
            "event": _event_ref(r, _places(places.get(sid, {}).values())),
            "quote": r["quote"],
            "text": r["text"],
            "confidence": r["confidence"],
            "article": ordered_sources[0] if ordered_sources else None,
            "sources": ordered_sources,
        }
    return out


def _claim_sources(store: GraphStore, ids: list[str], known: AsOf) -> dict[str, list[dict[str, Any]]]:
    """The articles known at as_of that reported each statement, oldest first (empty: not known)."""
    found: dict[str, dict[str, dict[str, Any]]] = {sid: {} for sid in ids}
    for r in store.query("claims_sources", {"ids": ids, **known.params()}):
        if r["article"] is not None:
            found[r["id"]][r["article"]] = {k: r[k] for k in ("article", "outlet", "published", "url", "title")}
    return {sid: _sources(articles.values()) for sid, articles in found.items()}


#: Candidates a first look asks for beyond the rows a page needs, and how many times a longer run
#: is asked for (four times as long each time) before the queries that join every row answer.
CANDIDATE_SLACK = 10
CANDIDATE_ROUNDS = 3
#: Candidates the read model keeps of a list at least: every page of 50 down to an offset of 140.
KEPT_CANDIDATES = 200


def first_known(
    store: GraphStore,
    lists: list[tuple[str, dict[str, Any]]],
    order: Callable[[dict[str, Any]], Any],
    need: int,
    reported: Callable[[list[str]], set[str]],
) -> list[dict[str, Any]] | None:
    """The first `need` rows, in `order`, of the union of some lists, counting only the rows that an
    article known at as_of reported (`reported` says which of some ids); None when a few longer
    looks did not settle it.

    Each list's query orders its rows and cuts them at `candidates` *before* any article is
    looked at, so only about a page of rows is checked rather than the whole list being joined to
    its articles first (the check may fetch what the page shows, and keep it). A list that came
    back full may go on past its last row, so only the merged rows up to the earliest such last
    row are sure to be in order; the known ones among them are the answer when there are `need`
    of them or nothing was cut.
    """
    window = need + CANDIDATE_SLACK
    for _ in range(CANDIDATE_ROUNDS):
        runs = [store.query(name, {**params, "candidates": window}) for name, params in lists]
        merged = sorted({r["id"]: r for run in runs for r in run}.values(), key=order)
        cut = [order(run[-1]) for run in runs if len(run) >= window]
        sure = [r for r in merged if order(r) <= min(cut)] if cut else merged
        found: list[dict[str, Any]] = []
        for i in range(0, len(sure), window):
            chunk = sure[i : i + window]
            known = reported([r["id"] for r in chunk])
            found += [r for r in chunk if r["id"] in known]
            if len(found) >= need:
                return found[:need]
        if not cut:
            return found
        window *= 4
    return None


def _kept_page(
    store: GraphStore,
    model: ReadModel,
    lists: list[tuple[str, dict[str, Any]]],
    order: Callable[[dict[str, Any]], Any],
    kind: Hashable,
    skip: int,
    limit: int,
    known: AsOf,
    items_of: Callable[[GraphStore, list[str], AsOf], dict[str, dict[str, Any]]],
) -> list[dict[str, Any]]:
    """One page of the union of some lists, in `order`, counting only the rows an article known at
    as_of reported, from the read model: the lists' first rows (KEPT_CANDIDATES, or as many as a
    deeper page needs) and the rows the page shows by id (`items_of`), both kept while the graph is
    unchanged. The rows are first_known's: a row is known when it has a source (claims) or a
    report (events) then."""
    state = model.state()
    need = skip + limit
    step = need + CANDIDATE_SLACK
    window = max(step, KEPT_CANDIDATES)
    lists_key = tuple((name, *sorted(p.items())) for name, p in lists)
    while True:
        merged, whole = model.get(state, ("list", lists_key, window), partial(_candidates, store, lists, order, window))
        found: list[dict[str, Any]] = []
        for i in range(0, len(merged), step):
            chunk = [r["id"] for r in merged[i : i + step]]
            rows = model.many(state, (kind, known), chunk, partial(_kept_rows, items_of, store, known))
            found += [rows[x] for x in chunk if _reported(rows[x])]
            if len(found) >= need:
                return found[skip:need]
        if whole:
            return found[skip:need]
        window *= 4


def _kept_rows(
    items_of: Callable[[GraphStore, list[str], AsOf], dict[str, dict[str, Any]]],
    store: GraphStore,
    known: AsOf,
    ids: list[str],
) -> dict[str, dict[str, Any]]:
    """The rows of these ids as the read model keeps them (with room for their JSON)."""
    return {i: KeptRow(row) for i, row in items_of(store, ids, known).items()}


def _candidates(
    store: GraphStore, lists: list[tuple[str, dict[str, Any]]], order: Callable[[dict[str, Any]], Any], window: int
) -> tuple[list[dict[str, Any]], bool]:
    """The union of the lists' first `window` rows, in order, as far as it is sure to be in order
    (a list cut at `window` may go on past its last row), and whether nothing was cut."""
    runs = [store.query(name, {**params, "candidates": window}) for name, params in lists]
    # An actor with no such rows gives one row without an id (the OPTIONAL MATCH): no row.
    merged = sorted({r["id"]: r for run in runs for r in run if r["id"] is not None}.values(), key=order)
    cut = [order(run[-1]) for run in runs if len(run) >= window]
    if not cut:
        return merged, True
    return [r for r in merged if order(r) <= min(cut)], False


def _reported(row: dict[str, Any]) -> bool:
    """Whether a claim (by its sources) or an event (by its reports) was known at the as_of it was read at."""
    return bool(row.get("sources") or row.get("source_count"))


def _newest_first(row: dict[str, Any]) -> tuple[str, str]:
    """Date descending, then id ascending, as the queries order (inverting the date's characters)."""
    date = row.get("date") or ""
    return ("".join(chr(0x10FFFF - ord(c)) for c in date) + "\U0010ffff", row["id"])


def statements(
    store: GraphStore,
    *,
    speaker: str | None = None,
    kind: str | None = None,
    since: str | None = None,
    until: str | None = None,
    q: str | None = None,
    min_confidence: float | None = None,
    limit: int = 50,
    skip: int = 0,
    known: AsOf = EVER,
) -> list[dict[str, Any]]:
    """Statements by speaker id, kind, date range, text (normalised here, as the stored text is) and
    the least confidence an analyst will trust."""
    key = normalise(q) if q is not None else None
    rows = store.query(
        "statements",
        {
            "speaker": speaker,
            "kind": kind,
            "since": since,
            "until": until,
            "q": key or None,
            "min_confidence": min_confidence,
            "limit": limit,
            "skip": skip,
            **known.params(),
        },
    )
    return [
        {
            "id": r["id"],
            "kind": r["kind"],
            "date": r["date"],
            "date_precision": r["date_precision"],
            "speaker": _ref("speaker", r),
            "addressees": _actors(r["addressees"]),
            "accused": _actors(r["accused"]),
            "event": _event_ref(r, _places(r["event_places"])),
            "quote": r["quote"],
            "text": r["text"],
            "language": r["language"],
            "confidence": r["confidence"],
            "sources": _sources(r["sources"]),
        }
        for r in rows
    ]


def _event_core(r: dict[str, Any]) -> dict[str, Any]:
    places = _places(r["places"])
    return {
        "id": r["id"],
        "type": r["type"],
        **codes(r["type"]),
        "date": r["date"],
        "date_precision": r["date_precision"],
        "time": r["time"],
        "summary": r["summary"],
        "place": places[0] if places else None,
        "places": places,
        "perpetrators": _actors(r["perpetrators"]),
        "targets": _actors(r["targets"]),
    }


def _timeline_order(row: dict[str, Any]) -> tuple[str, str]:
    """Date ascending (undated last), then id, as the timeline queries order."""
    return (row["date"] if row["date"] is not None else "9999", row["id"])


def timeline(
    store: GraphStore,
    *,
    since: str | None = None,
    until: str | None = None,
    event_type: str | None = None,
    place: str | None = None,
    actor: str | None = None,
    min_confidence: float | None = None,
    limit: int = 50,
    skip: int = 0,
    known: AsOf = EVER,
) -> list[dict[str, Any]]:
    """Events in date order with place, perpetrators, targets and how many sources reported each;
    with `min_confidence`, events, roles and claims extracted with less confidence are left out.

    The same rows as the `timeline` query, fetched as a page of ids and then the details and counts
    of that page only, which keeps it fast on a large graph (tests check both agree).
    """
    filters = {"since": since, "until": until, "event_type": event_type, "place": place, "actor": actor}
    confidence = {"min_confidence": min_confidence}
    cheap = {"since": since, "until": until, "event_type": event_type, **confidence}
    lists: list[tuple[str, dict[str, Any]]] = []
    if actor is None:
        lists = [("timeline_candidates_in_place", {**cheap, "place": place})] if place is not None else []
        lists = lists or [("timeline_candidates", cheap)]
    elif place is None:
        lists = [
            (name, {**cheap, "actor": actor})
            for name in ("timeline_candidates_by_actor", "timeline_candidates_against_actor")
        ]
    if store.read_model is not None and lists:

        def events_of(store: GraphStore, ids: list[str], known: AsOf) -> dict[str, dict[str, Any]]:
            return _timeline_items(store, ids, min_confidence, known)

        kind = ("event", min_confidence)
        return _kept_page(store, store.read_model, lists, _timeline_order, kind, skip, limit, known, events_of)
    counts: dict[str, dict[str, Any]] = {}

    def reported(ids: list[str]) -> set[str]:
        """The ids known at as_of; on a first page, from the counts the answer shows, kept for it."""
        if skip:
            return {r["id"] for r in store.query("timeline_known", {"ids": ids, **known.params()}) if r["known"]}
        rows = store.query("timeline_counts", {"ids": ids, **confidence, **known.params()})
        counts.update((r["id"], r) for r in rows)
        return {r["id"] for r in rows if r["reports"] > 0}

    first = first_known(store, lists, _timeline_order, skip + limit, reported) if lists else None
    if first is not None:
        page = first[skip:]
    else:
        page = store.query("timeline_page", {**filters, **confidence, "limit": limit, "skip": skip, **known.params()})
    ids = [r["id"] for r in page]
    items = _timeline_items(store, ids, min_confidence, known, counts)
    return [items[eid] for eid in ids]


def _timeline_items(
    store: GraphStore,
    ids: list[str],
    min_confidence: float | None,
    known: AsOf,
    counts: dict[str, dict[str, Any]] | None = None,
) -> dict[str, dict[str, Any]]:
    """The events with these ids as the timeline shows them, counted at as_of (some counts given)."""
    if not ids:
        return {}
    confidence = {"min_confidence": min_confidence}
    counts = dict(counts or {})
    missing = [eid for eid in ids if eid not in counts]
    if missing:
        rows = store.query("timeline_counts", {"ids": missing, **confidence, **known.params()})
        counts.update((r["id"], r) for r in rows)
    events: dict[str, dict[str, Any]] = {}
    for r in store.query("timeline_details", {"ids": ids, **confidence}):
        event = events.setdefault(r["id"], {**r, "places": {}, "perpetrators": {}, "targets": {}})
        for prefix, into in (("place", "places"), ("perpetrator", "perpetrators"), ("target", "targets")):
            ref = _ref(prefix, r)
            if ref is not None:
                event[into][ref["id"]] = ref
    out = {}
    for eid in ids:
        e, c = events[eid], counts[eid]
        core = _event_core({**e, **{k: list(e[k].values()) for k in ("places", "perpetrators", "targets")}})
        out[eid] = {
            **core,
            "confidence": e["confidence"],
            "source_count": c["reports"],
            "outlet_count": c["outlets"],
            "claim_count": c["claims"],
        }
    return out


def relationships(
    store: GraphStore,
    *,
    actor: str | None = None,
    type: str | None = None,
    min_confidence: float | None = None,
    limit: int = 50,
    skip: int = 0,
    known: AsOf = EVER,
) -> list[dict[str, Any]]:
    """Typed actor-to-actor edges with counts and first/last dates, most frequent first; with
    `min_confidence`, only events, roles and statements extracted with that confidence count."""
    params = {"actor": actor, "type": type, "min_confidence": min_confidence, "limit": limit, "skip": skip}
    rows = store.query("relationships", {**params, **known.params()})
    return [
        {
            "source": _ref("source", r),
            "type": r["type"],
            "target": _ref("target", r),
            "count": r["count"],
            "first": r["first"],
            "last": r["last"],
        }
        for r in rows
    ]


# -- one event ------------------------------------------------------------------------------------
def _as_of_text(known: AsOf) -> str:
    parts = [f"published by {known.published}"] * bool(known.published)
    parts += [f"ingested by {known.ingested}"] * bool(known.ingested)
    return "in articles " + " and ".join(parts)


def _label(source: dict[str, Any]) -> str:
    return source.get("outlet") or source["article"]


def report_disagreements(reports: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Fields two or more sources give different values for; a source that is silent does not count."""
    out = []
    for field in REPORT_FIELDS:
        values: dict[Any, dict[str, Any]] = {}
        for r in reports:
            if r.get(field) is None:
                continue
            entry = values.setdefault(r[field], {"value": r[field], "outlets": [], "articles": []})
            if _label(r) not in entry["outlets"]:
                entry["outlets"].append(_label(r))
            entry["articles"].append(r["article"])
        if len(values) > 1:
            out.append({"field": field, "values": list(values.values())})
    return out


def responsibility_disagreement(said: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Claims, denials and accusations that do not agree on who did it, as one disagreement.

    They disagree when more than one actor is held responsible (claimed by itself or accused by
    another) or when an actor held responsible denies it.
    """
    stances: dict[tuple[str, str], dict[str, Any]] = {}
    held: set[str] = set()
    denied: set[str] = set()

    def add(actor: dict[str, Any], stance: str, statement: dict[str, Any]) -> None:
        entry = stances.setdefault(
            (actor["id"], stance),
            {"value": f"{actor.get('name') or actor['id']}: {stance}", "outlets": [], "articles": [], "statements": []},
        )
        entry["statements"].append(statement["id"])
        for source in statement["sources"]:
            if _label(source) not in entry["outlets"]:
                entry["outlets"].append(_label(source))
            if source["article"] not in entry["articles"]:
                entry["articles"].append(source["article"])

    for s in said:
        speaker = s.get("speaker")
        if s["kind"] == "claim_responsibility" and speaker:
            add(speaker, "claimed", s)
            held.add(speaker["id"])
        elif s["kind"] == "deny_responsibility" and speaker:
            add(speaker, "denied", s)
            denied.add(speaker["id"])
        elif s["kind"] == "accuse":
            by = (speaker.get("name") or speaker["id"]) if speaker else "an unnamed speaker"
            for accused in s["accused"]:
                add(accused, f"accused by {by}", s)
                held.add(accused["id"])
    if len(held) > 1 or held & denied:
        return {"field": "responsibility", "values": list(stances.values())}
    return None


def event_detail(
    store: GraphStore, event_id: str, known: AsOf = EVER, min_confidence: float | None = None
) -> dict[str, Any]:
    """One event with every source's report side by side, everything said about it, and the conflicts
    (as they stood at `known`: a report published later is not there to disagree; with
    `min_confidence`, reports, roles and statements extracted with less confidence are left out)."""
    params = {"id": event_id, "min_confidence": min_confidence, **known.params()}
    rows = store.query("event_detail", params)
    if not rows:
        when = f" known {_as_of_text(known)}" if known else ""
        sure = f" with confidence {min_confidence} or more" if min_confidence is not None else ""
        raise NotFound(f"no event with the id {event_id!r}{when}{sure}; list events with GET /events")
    reports = [dict(r) for r in store.query("event_sources", params)]
    said = [
        {
            "id": s["id"],
            "kind": s["kind"],
            "date": s["date"],
            "speaker": _ref("speaker", s),
            "accused": _actors(s["accused"]),
            "addressees": _actors(s["addressees"]),
            "quote": s["quote"],
            "text": s["text"],
            "confidence": s["confidence"],
            "sources": _sources(s["sources"]),
        }
        for s in store.query("event_statements", params)
    ]
    disagreements = report_disagreements(reports)
    responsibility = responsibility_disagreement(said)
    if responsibility:
        disagreements.append(responsibility)
    return {
        **_event_core(rows[0]),
        "confidence": rows[0]["confidence"],
        "source_count": len({r["article"] for r in reports}),
        "outlet_count": len({r["outlet"] for r in reports if r.get("outlet")}),
        "reports": reports,
        "statements": said,
        "disagreements": disagreements,
    }


# -- one actor ------------------------------------------------------------------------------------
def _event_brief(r: dict[str, Any]) -> dict[str, Any]:
    places = _places(r["places"])
    return {"id": r["id"], "type": r["type"], "date": r["date"], "place": places[0] if places else None}


def _identity(a: dict[str, Any]) -> dict[str, Any]:
    """Who a profile is about, as the actor row (from the query or the profile table) gives it."""
    return {
        "id": a["id"],
        "name": a["name"],
        "name_ar": a["name_ar"],
        "kind": a["kind"],
        "aliases": list(a["aliases"] or []),
        "wikidata": a["wikidata"],
        "discovered": bool(a["discovered"]),
    }


def actor_profile(
    store: GraphStore,
    actor_id: str,
    *,
    events: int = 20,
    co_mentions: int = 10,
    known: AsOf = EVER,
    min_confidence: float | None = None,
) -> dict[str, Any]:
    """Who an actor is, whom it belongs to, what it said and did, and whom it appears with; with
    `min_confidence`, only events, roles and statements extracted with that confidence count."""
    model = store.read_model
    plain = not known and min_confidence is None and 0 <= events < MAX_ROWS and 0 <= co_mentions < MAX_ROWS
    if model is not None and plain:  # what the table holds: asked otherwise, the queries answer
        table = model.get(model.state(), ("actor_profile_table",), partial(_profile_table, store))
        return _kept_profile(table, actor_id, events, co_mentions)
    at = known.params()
    sure = {"min_confidence": min_confidence}
    rows = store.query("actor_profile", {"id": actor_id, **sure, **at})
    if not rows:
        raise NotFound(f"no actor with the id {actor_id!r}; try GET /search?q=... to find its id")
    a = rows[0]
    kinds = {r["kind"]: r["count"] for r in store.query("actor_statement_kinds", {"id": actor_id, **sure, **at})}
    done = store.query("actor_events", {"id": actor_id, "role": "perpetrator", "limit": events, **sure, **at})
    hit = store.query("actor_events", {"id": actor_id, "role": "target", "limit": events, **sure, **at})
    return {
        **_identity(a),
        "member_of": _actors(a["member_of"]),
        "members": _actors(a["members"]),
        "articles": a["articles"],
        "statements": {"total": a["statements"], "by_kind": kinds},
        "events": {
            "as_perpetrator": a["perpetrated"],
            "as_target": a["targeted"],
            "perpetrated": [_event_brief(r) for r in done],
            "targeted": [_event_brief(r) for r in hit],
        },
        "co_mentioned": [
            {"id": r["id"], "name": r["name"], "name_ar": r["name_ar"], "kind": r["kind"], "articles": r["articles"]}
            for r in store.query("actor_co_mentions", {"id": actor_id, "limit": co_mentions, **at})
        ],
    }


@dataclass(frozen=True)
class ProfileTable:
    """What every actor's profile counts and lists, read in one pass (`actor_profile_table_*`): the
    per-request work of a profile is then a look-up. Why: a hub's profile walked its thousands of
    mentions and statements four times (300-480 ms on LadybugDB at 10k articles), where the whole
    table takes one pass of about that, once per state of the graph."""

    cards: dict[str, dict[str, Any]]
    member_of: dict[str, list[str]]
    members: dict[str, list[str]]
    articles: dict[str, int]
    by_kind: dict[str, dict[str | None, int]]
    events: dict[tuple[str, str], list[dict[str, Any]]]  # (actor, role) -> briefs, newest first
    co_mentioned: dict[str, list[dict[str, Any]]]  # most articles first, then id


def _profile_table(store: GraphStore) -> ProfileTable:
    cards = {r["id"]: r for r in store.query("actor_profile_table_actors")}
    member_of: dict[str, list[str]] = {}
    members: dict[str, list[str]] = {}
    for r in store.query("actor_profile_table_members"):
        member_of.setdefault(r["member"], []).append(r["body"])
        members.setdefault(r["body"], []).append(r["member"])
    by_kind: dict[str, dict[str | None, int]] = {}
    for r in store.query("actor_profile_table_statements"):
        by_kind.setdefault(r["actor"], {})[r["kind"]] = r["count"]
    place: dict[str, dict[str, Any]] = {}
    for r in _places(store.query("actor_profile_table_places")):  # most specific first
        place.setdefault(r.pop("event"), r)
    events: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for r in store.query("actor_profile_table_roles"):
        brief = {"id": r["id"], "type": r["type"], "date": r["date"], "place": place.get(r["id"])}
        events.setdefault((r["actor"], r["role"]), []).append(brief)
    for briefs in events.values():
        briefs.sort(key=_newest_first)
    co_mentioned: dict[str, list[dict[str, Any]]] = {}
    for r in store.query("actor_profile_table_co_mentions"):
        co_mentioned.setdefault(r["actor"], []).append({"id": r["id"], "articles": r["articles"]})
    for rows in co_mentioned.values():
        rows.sort(key=lambda r: (-r["articles"], r["id"]))
    return ProfileTable(
        cards=cards,
        member_of=member_of,
        members=members,
        articles={r["id"]: r["articles"] for r in store.query("actor_profile_table_articles")},
        by_kind={a: dict(sorted(k.items(), key=lambda kv: (kv[0] is None, kv[0] or ""))) for a, k in by_kind.items()},
        events=events,
        co_mentioned=co_mentioned,
    )


def _brief_copy(brief: dict[str, Any]) -> dict[str, Any]:
    """A kept event brief for one answer: answers never share what the table keeps."""
    return {**brief, "place": dict(brief["place"]) if brief["place"] else None}


def _kept_profile(table: ProfileTable, actor_id: str, events: int, co_mentions: int) -> dict[str, Any]:
    """`actor_profile`'s answer from the profile table: the same dict the queries give."""
    a = table.cards.get(actor_id)
    if a is None:
        raise NotFound(f"no actor with the id {actor_id!r}; try GET /search?q=... to find its id")

    def card(i: str) -> dict[str, Any]:
        c = table.cards[i]
        return {"id": c["id"], "name": c["name"], "name_ar": c["name_ar"], "kind": c["kind"]}

    kinds = table.by_kind.get(actor_id, {})
    done = table.events.get((actor_id, "perpetrator"), [])
    hit = table.events.get((actor_id, "target"), [])
    return {
        **_identity(a),
        "member_of": _actors(card(i) for i in table.member_of.get(actor_id, [])),
        "members": _actors(card(i) for i in table.members.get(actor_id, [])),
        "articles": table.articles.get(actor_id, 0),
        "statements": {"total": sum(kinds.values()), "by_kind": dict(kinds)},
        "events": {
            "as_perpetrator": len(done),
            "as_target": len(hit),
            "perpetrated": [_brief_copy(e) for e in done[:events]],
            "targeted": [_brief_copy(e) for e in hit[:events]],
        },
        "co_mentioned": [
            {**card(r["id"]), "articles": r["articles"]} for r in table.co_mentioned.get(actor_id, [])[:co_mentions]
        ],
    }


# -- the map --------------------------------------------------------------------------------------
def event_map(store: GraphStore, *, limit: int = 500, known: AsOf = EVER, **filters: Any) -> dict[str, Any]:
    """Timeline events with a point to draw each at: the most specific of its places (or a place
    containing it) that has coordinates. Events with no such place are counted, not drawn."""
    events = timeline(store, limit=limit, known=known, **filters)
    points: dict[str, dict[str, Any]] = {}
    if events:
        rows = store.query("event_coordinates", {"ids": [e["id"] for e in events]})
        for r in sorted(rows, key=lambda r: (PLACE_RANK.get(r.get("kind") or "", UNRANKED), r["place"])):
            points.setdefault(r["id"], r)
    drawn = [
        {**e, "lat": points[e["id"]]["lat"], "lon": points[e["id"]]["lon"], "at": _place_of(points[e["id"]])}
        for e in events
        if e["id"] in points
    ]
    return {"items": drawn, "count": len(drawn), "without_coordinates": len(events) - len(drawn)}


def _place_of(row: dict[str, Any]) -> dict[str, Any]:
    return {"id": row["place"], "name": row["name"], "name_ar": row["name_ar"], "kind": row["kind"]}


def events_of_hits(
    store: GraphStore, hits: list[dict[str, Any]], limit: int = 20, known: AsOf = EVER
) -> list[dict[str, Any]]:
    """What a search should also show: events of its best actor (as perpetrator or target) and at
    its best place, newest first."""
    found: dict[str, dict[str, Any]] = {}
    for label, param in (("Actor", "actor"), ("Place", "place")):
        best = next((h for h in hits if h["label"] == label), None)
        if best is not None:
            for e in timeline(store, limit=500, known=known, **{param: best["id"]}):
                found.setdefault(e["id"], e)
    return sorted(found.values(), key=lambda e: (e["date"] or "", e["id"]), reverse=True)[:limit]
