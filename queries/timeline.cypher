// Optional filters put the typed comparison before `$p IS NULL` (LadybugDB types a parameter at
// its first use); lists are collected after `ORDER BY ... SKIP 0` so both stores agree on order.

// name: timeline
// Events in date order (oldest first, undated last, then id) with their places (most specific
// first), perpetrators, targets, how many independent sources reported each (distinct articles
// and distinct outlets) and how many claims of responsibility name it. Filters: since/until
// (ISO strings; until "2023-12" includes that whole month), event_type, place (places inside
// it count), actor (as perpetrator or target), min_confidence (events, roles and claims extracted
// with less confidence are left out).
// params: since=null, until=null, event_type=null, place=null, actor=null, min_confidence=null, limit=50, skip=0, as_of=null, as_of_ingested=null
MATCH (e:Event)
WHERE (e.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (e.date >= $since OR $since IS NULL)
  AND (e.date <= $until OR e.date STARTS WITH $until OR $until IS NULL)
  AND (e.type = $event_type OR $event_type IS NULL)
  AND (EXISTS { MATCH (e)-[:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..8]->(:Place {id: $place}) } OR $place IS NULL)
  AND (EXISTS { MATCH (:Actor {id: $actor})-[r:CARRIED_OUT]->(e)
                WHERE r.confidence >= $min_confidence OR $min_confidence IS NULL }
       OR EXISTS { MATCH (e)-[r:TARGETED]->(:Actor {id: $actor})
                   WHERE r.confidence >= $min_confidence OR $min_confidence IS NULL }
       OR $actor IS NULL)
  AND EXISTS { MATCH (e)-[:REPORTED_IN]->(k:Article)
    WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
          AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
WITH e
ORDER BY coalesce(e.date, '9999'), e.id
SKIP $skip LIMIT $limit
OPTIONAL MATCH (e)-[:OCCURRED_AT]->(p:Place)
WITH e, p
ORDER BY CASE p.kind WHEN 'base' THEN 0 WHEN 'facility' THEN 0 WHEN 'site' THEN 0 WHEN 'district' THEN 1
         WHEN 'city' THEN 2 WHEN 'governorate' THEN 3 WHEN 'country' THEN 4 ELSE 5 END, p.id
SKIP 0
WITH e, collect(CASE WHEN p IS NULL THEN NULL
                ELSE {id: p.id, name: p.name, name_ar: p.name_ar, kind: p.kind} END) AS places
OPTIONAL MATCH (by:Actor)-[byr:CARRIED_OUT]->(e)
WHERE byr.confidence >= $min_confidence OR $min_confidence IS NULL
WITH e, places, by
ORDER BY by.id SKIP 0
WITH e, places, collect(CASE WHEN by IS NULL THEN NULL
                        ELSE {id: by.id, name: by.name, name_ar: by.name_ar, kind: by.kind} END) AS perpetrators
OPTIONAL MATCH (e)-[tr:TARGETED]->(t:Actor)
WHERE tr.confidence >= $min_confidence OR $min_confidence IS NULL
WITH e, places, perpetrators, t
ORDER BY t.id SKIP 0
WITH e, places, perpetrators, collect(CASE WHEN t IS NULL THEN NULL
                                      ELSE {id: t.id, name: t.name, name_ar: t.name_ar, kind: t.kind} END) AS targets
OPTIONAL MATCH (e)-[:REPORTED_IN]->(a:Article)
WHERE (a.published <= $as_of OR a.published STARTS WITH $as_of OR $as_of IS NULL)
      AND (a.ingested_at <= $as_of_ingested OR a.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH e, places, perpetrators, targets, count(DISTINCT a.id) AS reports, count(DISTINCT a.outlet) AS outlets
RETURN e.id AS id, e.type AS type, e.date AS date, e.date_precision AS date_precision, e.time AS time,
       e.summary AS summary, e.confidence AS confidence, places, perpetrators, targets, reports, outlets,
       COUNT { MATCH (c:Statement)-[:ABOUT]->(e)
               WHERE c.kind = 'claim_responsibility'
                 AND (c.confidence >= $min_confidence OR $min_confidence IS NULL) AND EXISTS { MATCH (c)-[:REPORTED_IN]->(ca:Article)
                 WHERE (ca.published <= $as_of OR ca.published STARTS WITH $as_of OR $as_of IS NULL)
                       AND (ca.ingested_at <= $as_of_ingested OR ca.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) } } AS claims
ORDER BY coalesce(date, '9999'), id

// name: timeline_page
// part of: graph.analyst.timeline
// The ids of one page of the timeline, in its order, with all of its filters: the first half of the
// API's path to the same answer as `timeline` (then timeline_details and timeline_counts for just
// these ids). `timeline` follows every OPTIONAL MATCH from the ordered rows, which on LadybugDB
// joins against the whole relationship table each time; from ids, each is a short walk.
// params: since=null, until=null, event_type=null, place=null, actor=null, min_confidence=null, limit=50, skip=0, as_of=null, as_of_ingested=null
MATCH (e:Event)-[:REPORTED_IN]->(k:Article)
WHERE (e.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (e.date >= $since OR $since IS NULL)
  AND (e.date <= $until OR e.date STARTS WITH $until OR $until IS NULL)
  AND (e.type = $event_type OR $event_type IS NULL)
  AND (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH DISTINCT e
WHERE (EXISTS { MATCH (e)-[:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..8]->(:Place {id: $place}) } OR $place IS NULL)
  AND (EXISTS { MATCH (:Actor {id: $actor})-[r:CARRIED_OUT]->(e)
                WHERE r.confidence >= $min_confidence OR $min_confidence IS NULL }
       OR EXISTS { MATCH (e)-[r:TARGETED]->(:Actor {id: $actor})
                   WHERE r.confidence >= $min_confidence OR $min_confidence IS NULL }
       OR $actor IS NULL)
RETURN e.id AS id, e.date AS date
ORDER BY coalesce(date, '9999'), id
SKIP $skip LIMIT $limit

// name: timeline_details
// part of: graph.analyst.timeline
// For each of the given event ids: the event, and one row per combination of its place,
// perpetrator and target (null where it has none; roles below min_confidence left out); the
// caller groups them.
// params: ids, min_confidence=null
UNWIND $ids AS i
MATCH (e:Event {id: i})
OPTIONAL MATCH (e)-[:OCCURRED_AT]->(p:Place)
OPTIONAL MATCH (by:Actor)-[byr:CARRIED_OUT]->(e)
WHERE byr.confidence >= $min_confidence OR $min_confidence IS NULL
OPTIONAL MATCH (e)-[tr:TARGETED]->(t:Actor)
WHERE tr.confidence >= $min_confidence OR $min_confidence IS NULL
RETURN e.id AS id, e.type AS type, e.date AS date, e.date_precision AS date_precision, e.time AS time,
       e.summary AS summary, e.confidence AS confidence,
       p.id AS place_id, p.name AS place_name, p.name_ar AS place_name_ar, p.kind AS place_kind,
       by.id AS perpetrator_id, by.name AS perpetrator_name, by.name_ar AS perpetrator_name_ar,
       by.kind AS perpetrator_kind,
       t.id AS target_id, t.name AS target_name, t.name_ar AS target_name_ar, t.kind AS target_kind

// name: timeline_counts
// part of: graph.analyst.timeline
// For each of the given event ids: how many distinct articles and outlets known at as_of reported
// it, and how many claims of responsibility (of min_confidence or more) reported by then name it.
// params: ids, min_confidence=null, as_of=null, as_of_ingested=null
UNWIND $ids AS i
MATCH (e:Event {id: i})
OPTIONAL MATCH (e)-[:REPORTED_IN]->(a:Article)
WHERE (a.published <= $as_of OR a.published STARTS WITH $as_of OR $as_of IS NULL)
      AND (a.ingested_at <= $as_of_ingested OR a.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
OPTIONAL MATCH (c:Statement)-[:ABOUT]->(e)
WHERE c.kind = 'claim_responsibility' AND (c.confidence >= $min_confidence OR $min_confidence IS NULL)
OPTIONAL MATCH (c)-[:REPORTED_IN]->(ca:Article)
WHERE (ca.published <= $as_of OR ca.published STARTS WITH $as_of OR $as_of IS NULL)
      AND (ca.ingested_at <= $as_of_ingested OR ca.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
RETURN e.id AS id, count(DISTINCT a.id) AS reports, count(DISTINCT a.outlet) AS outlets,
       count(DISTINCT CASE WHEN ca.id IS NULL THEN NULL ELSE c.id END) AS claims


// Candidates: one page of the timeline ordered and cut *before* asking which articles are known
// (graph.analyst.first_known then asks timeline_known about just these ids, and for a longer run
// when too few were known), started from the most selective filter: the actor's roles, the place's
// events, or the events themselves. timeline_page joined every event to its articles first.
// The filters are timeline_page's; "as perpetrator or target" is two lists, merged by the caller;
// an actor and a place together are left to timeline_page.

// name: timeline_candidates
// part of: graph.analyst.timeline
// The first `candidates` events in timeline order by date, type and confidence.
// params: since=null, until=null, event_type=null, min_confidence=null, candidates=100
MATCH (e:Event)
WHERE (e.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (e.date >= $since OR $since IS NULL)
  AND (e.date <= $until OR e.date STARTS WITH $until OR $until IS NULL)
  AND (e.type = $event_type OR $event_type IS NULL)
RETURN e.id AS id, e.date AS date
ORDER BY coalesce(date, '9999'), id
LIMIT $candidates

// name: timeline_candidates_in_place
// part of: graph.analyst.timeline
// As timeline_candidates with a place, reached from the place (places inside it count).
// params: place, since=null, until=null, event_type=null, min_confidence=null, candidates=100
MATCH (pl:Place {id: $place})
OPTIONAL MATCH (e:Event)-[:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..8]->(pl)
WITH DISTINCT e
WHERE (e.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (e.date >= $since OR $since IS NULL)
  AND (e.date <= $until OR e.date STARTS WITH $until OR $until IS NULL)
  AND (e.type = $event_type OR $event_type IS NULL)
RETURN e.id AS id, e.date AS date
ORDER BY coalesce(date, '9999'), id
LIMIT $candidates

// name: timeline_candidates_by_actor
// part of: graph.analyst.timeline
// The first `candidates` events an actor carried out (a role of min_confidence or more), in
// timeline order, with the date, type and confidence filters.
// params: actor, since=null, until=null, event_type=null, min_confidence=null, candidates=100
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (a)-[r:CARRIED_OUT]->(e:Event)
WITH e, r
WHERE (r.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (e.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (e.date >= $since OR $since IS NULL)
  AND (e.date <= $until OR e.date STARTS WITH $until OR $until IS NULL)
  AND (e.type = $event_type OR $event_type IS NULL)
WITH DISTINCT e
RETURN e.id AS id, e.date AS date
ORDER BY coalesce(date, '9999'), id
LIMIT $candidates

// name: timeline_candidates_against_actor
// part of: graph.analyst.timeline
// The first `candidates` events that targeted an actor (a role of min_confidence or more), in
// timeline order, with the date, type and confidence filters.
// params: actor, since=null, until=null, event_type=null, min_confidence=null, candidates=100
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (e:Event)-[r:TARGETED]->(a)
WITH e, r
WHERE (r.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (e.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (e.date >= $since OR $since IS NULL)
  AND (e.date <= $until OR e.date STARTS WITH $until OR $until IS NULL)
  AND (e.type = $event_type OR $event_type IS NULL)
WITH DISTINCT e
RETURN e.id AS id, e.date AS date
ORDER BY coalesce(date, '9999'), id
LIMIT $candidates

// name: timeline_known
// part of: graph.analyst.timeline
// Which of the given event ids an article known at as_of reported (one row per id found).
// params: ids, as_of=null, as_of_ingested=null
UNWIND $ids AS i
MATCH (e:Event {id: i})
OPTIONAL MATCH (e)-[:REPORTED_IN]->(k:Article)
WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH e, count(k) AS known
RETURN e.id AS id, known > 0 AS known
