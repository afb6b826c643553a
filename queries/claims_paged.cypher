// The API's path to the same answer as `claims`, in two cheap halves: a page of statement ids
// chosen from the most selective starting point (an actor, or the statements themselves), then
// the details of just that page by id. `claims` evaluates its optional joins for every claim
// in the store before paging (about 170 ms at 10,000 articles on LadybugDB); this path stays
// within a few milliseconds. graph.analyst.claims composes it; tests check both agree.
// Shaped for LadybugDB's planner, the same rows on both stores: the actor is matched on its own and
// its statements reached by OPTIONAL MATCH (a plain pattern with the filters would scan every
// statement and join), and "reported in an article known at as_of" is a count of such articles
// rather than EXISTS per statement: together about three times faster at 10,000 articles.

// name: claims_page
// part of: graph.analyst.claims
// Ids and dates of claims, denials and accusations, newest first, by kind and date only.
// params: kind=null, min_confidence=null, since=null, until=null, limit=50, skip=0, as_of=null, as_of_ingested=null
MATCH (s:Statement)
WHERE s.kind IN ['claim_responsibility', 'deny_responsibility', 'accuse']
  AND (s.kind = $kind OR $kind IS NULL)
  AND (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (s.date >= $since OR $since IS NULL)
  AND (s.date <= $until OR s.date STARTS WITH $until OR $until IS NULL)
OPTIONAL MATCH (s)-[:REPORTED_IN]->(k:Article)
WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH s, count(k) AS known
WHERE known > 0
RETURN s.id AS id, s.date AS date
ORDER BY coalesce(s.date, '') DESC, s.id
SKIP $skip LIMIT $limit

// name: claims_page_by_event
// part of: graph.analyst.claims
// As claims_page, also filtered by the event's type and place (places inside it included).
// params: kind=null, min_confidence=null, since=null, until=null, event_type=null, place=null, limit=50, skip=0, as_of=null, as_of_ingested=null
MATCH (s:Statement)
WHERE s.kind IN ['claim_responsibility', 'deny_responsibility', 'accuse']
  AND (s.kind = $kind OR $kind IS NULL)
  AND (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (s.date >= $since OR $since IS NULL)
  AND (s.date <= $until OR s.date STARTS WITH $until OR $until IS NULL)
OPTIONAL MATCH (s)-[:REPORTED_IN]->(k:Article)
WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH s, count(k) AS known
WHERE known > 0
OPTIONAL MATCH (s)-[:ABOUT]->(e:Event)
WITH s, e
WHERE (e.type = $event_type OR $event_type IS NULL)
  AND (EXISTS { MATCH (e)-[:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..8]->(:Place {id: $place}) } OR $place IS NULL)
RETURN s.id AS id, s.date AS date
ORDER BY coalesce(s.date, '') DESC, s.id
SKIP $skip LIMIT $limit

// name: claims_page_made_by
// part of: graph.analyst.claims
// The first `limit` claims, denials and accusations an actor made, newest first.
// params: actor, kind=null, min_confidence=null, since=null, until=null, limit=50, as_of=null, as_of_ingested=null
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (a)-[:MADE]->(s:Statement)
WITH s
WHERE s.kind IN ['claim_responsibility', 'deny_responsibility', 'accuse']
  AND (s.kind = $kind OR $kind IS NULL)
  AND (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (s.date >= $since OR $since IS NULL)
  AND (s.date <= $until OR s.date STARTS WITH $until OR $until IS NULL)
OPTIONAL MATCH (s)-[:REPORTED_IN]->(k:Article)
WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH s, count(k) AS known
WHERE known > 0
RETURN s.id AS id, s.date AS date
ORDER BY coalesce(s.date, '') DESC, s.id
LIMIT $limit

// name: claims_page_made_by_event
// part of: graph.analyst.claims
// As claims_page_made_by, also filtered by the event's type and place.
// params: actor, kind=null, min_confidence=null, since=null, until=null, event_type=null, place=null, limit=50, as_of=null, as_of_ingested=null
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (a)-[:MADE]->(s:Statement)
WITH s
WHERE s.kind IN ['claim_responsibility', 'deny_responsibility', 'accuse']
  AND (s.kind = $kind OR $kind IS NULL)
  AND (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (s.date >= $since OR $since IS NULL)
  AND (s.date <= $until OR s.date STARTS WITH $until OR $until IS NULL)
OPTIONAL MATCH (s)-[:REPORTED_IN]->(k:Article)
WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH s, count(k) AS known
WHERE known > 0
OPTIONAL MATCH (s)-[:ABOUT]->(e:Event)
WITH s, e
WHERE (e.type = $event_type OR $event_type IS NULL)
  AND (EXISTS { MATCH (e)-[:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..8]->(:Place {id: $place}) } OR $place IS NULL)
RETURN s.id AS id, s.date AS date
ORDER BY coalesce(s.date, '') DESC, s.id
LIMIT $limit

// name: claims_page_accusing
// part of: graph.analyst.claims
// The first `limit` accusations naming an actor, newest first.
// params: actor, kind=null, min_confidence=null, since=null, until=null, limit=50, as_of=null, as_of_ingested=null
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (s:Statement)-[:ACCUSES]->(a)
WITH s
WHERE s.kind IN ['claim_responsibility', 'deny_responsibility', 'accuse']
  AND (s.kind = $kind OR $kind IS NULL)
  AND (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (s.date >= $since OR $since IS NULL)
  AND (s.date <= $until OR s.date STARTS WITH $until OR $until IS NULL)
OPTIONAL MATCH (s)-[:REPORTED_IN]->(k:Article)
WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH s, count(k) AS known
WHERE known > 0
RETURN s.id AS id, s.date AS date
ORDER BY coalesce(s.date, '') DESC, s.id
LIMIT $limit

// name: claims_page_accusing_event
// part of: graph.analyst.claims
// As claims_page_accusing, also filtered by the event's type and place.
// params: actor, kind=null, min_confidence=null, since=null, until=null, event_type=null, place=null, limit=50, as_of=null, as_of_ingested=null
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (s:Statement)-[:ACCUSES]->(a)
WITH s
WHERE s.kind IN ['claim_responsibility', 'deny_responsibility', 'accuse']
  AND (s.kind = $kind OR $kind IS NULL)
  AND (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (s.date >= $since OR $since IS NULL)
  AND (s.date <= $until OR s.date STARTS WITH $until OR $until IS NULL)
OPTIONAL MATCH (s)-[:REPORTED_IN]->(k:Article)
WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH s, count(k) AS known
WHERE known > 0
OPTIONAL MATCH (s)-[:ABOUT]->(e:Event)
WITH s, e
WHERE (e.type = $event_type OR $event_type IS NULL)
  AND (EXISTS { MATCH (e)-[:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..8]->(:Place {id: $place}) } OR $place IS NULL)
RETURN s.id AS id, s.date AS date
ORDER BY coalesce(s.date, '') DESC, s.id
LIMIT $limit

// name: claims_details
// part of: graph.analyst.claims
// For each of the given statement ids: the statement, its speaker and its event, one row per place
// of the event (the caller groups them). Who it accuses and where it was reported are
// claims_accused and claims_sources: joined here too, every combination made a row, and the query
// cost twice as much as the three apart on LadybugDB.
// params: ids
UNWIND $ids AS i
MATCH (s:Statement {id: i})
OPTIONAL MATCH (who:Actor)-[:MADE]->(s)
OPTIONAL MATCH (s)-[:ABOUT]->(e:Event)
OPTIONAL MATCH (e)-[:OCCURRED_AT]->(p:Place)
RETURN s.id AS id, s.kind AS kind, s.date AS date, s.quote AS quote, s.text AS text, s.confidence AS confidence,
       who.id AS claimant_id, who.name AS claimant_name, who.name_ar AS claimant_name_ar, who.kind AS claimant_kind,
       e.id AS event_id, e.type AS event_type, e.date AS event_date,
       p.id AS place_id, p.name AS place_name, p.name_ar AS place_name_ar, p.kind AS place_kind

// name: claims_accused
// part of: graph.analyst.claims
// For each of the given statement ids, the actors it accuses (a row with none for a statement
// accusing nobody).
// params: ids
UNWIND $ids AS i
MATCH (s:Statement {id: i})
OPTIONAL MATCH (s)-[:ACCUSES]->(acc:Actor)
RETURN s.id AS id, acc.id AS accused_id, acc.name AS accused_name, acc.name_ar AS accused_name_ar,
       acc.kind AS accused_kind

// name: claims_sources
// part of: graph.analyst.claims
// For each of the given statement ids, the articles known at as_of that reported it (a row with
// none for a statement no such article reported: it is not known then).
// params: ids, as_of=null, as_of_ingested=null
UNWIND $ids AS i
MATCH (s:Statement {id: i})
OPTIONAL MATCH (s)-[:REPORTED_IN]->(a:Article)
WHERE (a.published <= $as_of OR a.published STARTS WITH $as_of OR $as_of IS NULL)
      AND (a.ingested_at <= $as_of_ingested OR a.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
RETURN s.id AS id, a.id AS article, a.outlet AS outlet, a.published AS published, a.url AS url, a.title AS title

// Candidates: the same halves ordered and cut *before* asking which articles are known, so only a
// page's worth of statements is joined to its articles (a hub actor has thousands of claims, and
// LadybugDB joined them all before the cut). graph.analyst.first_known asks claims_known which
// candidates were reported in an article known at as_of, and for a longer run of candidates when
// fewer than the page needs were.

// name: claims_candidates_made_by
// part of: graph.analyst.claims
// The first `candidates` claims, denials and accusations an actor made, newest first, whether
// known at as_of or not.
// params: actor, kind=null, min_confidence=null, since=null, until=null, candidates=100
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (a)-[:MADE]->(s:Statement)
WITH DISTINCT s
WHERE s.kind IN ['claim_responsibility', 'deny_responsibility', 'accuse']
  AND (s.kind = $kind OR $kind IS NULL)
  AND (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (s.date >= $since OR $since IS NULL)
  AND (s.date <= $until OR s.date STARTS WITH $until OR $until IS NULL)
RETURN s.id AS id, s.date AS date
ORDER BY coalesce(date, '') DESC, id
LIMIT $candidates

// name: claims_candidates_accusing
// part of: graph.analyst.claims
// The first `candidates` accusations naming an actor, newest first, whether known at as_of or not.
// params: actor, kind=null, min_confidence=null, since=null, until=null, candidates=100
MATCH (a:Actor {id: $actor})
OPTIONAL MATCH (s:Statement)-[:ACCUSES]->(a)
WITH DISTINCT s
WHERE s.kind IN ['claim_responsibility', 'deny_responsibility', 'accuse']
  AND (s.kind = $kind OR $kind IS NULL)
  AND (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (s.date >= $since OR $since IS NULL)
  AND (s.date <= $until OR s.date STARTS WITH $until OR $until IS NULL)
RETURN s.id AS id, s.date AS date
ORDER BY coalesce(date, '') DESC, id
LIMIT $candidates

// name: claims_known
// part of: graph.analyst.claims
// Which of the given statement ids an article known at as_of reported (one row per id found).
// params: ids, as_of=null, as_of_ingested=null
UNWIND $ids AS i
MATCH (s:Statement {id: i})
OPTIONAL MATCH (s)-[:REPORTED_IN]->(k:Article)
WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH s, count(k) AS known
RETURN s.id AS id, known > 0 AS known
