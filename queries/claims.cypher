// LadybugDB fixes the type of a parameter at its first use and reads a bare `$p IS NULL` as
// BOOLEAN, so an optional filter is written `x = $p OR $p IS NULL`: the typed comparison first.
// Lists are collected after an `ORDER BY ... SKIP 0` so both stores fill them in the same order
// (LadybugDB has no head(), no list comprehension and sorts only lists of scalars).

// name: claims
// Claims of responsibility, denials and accusations, newest first (by the date said, then id):
// who said it, whom it accuses, about which event (type, date, most specific place first), the
// quote, and every article reporting it (earliest first). `actor` also matches the accused;
// `place` matches places inside it; since/until compare ISO date strings (until "2023-12"
// includes every day of that month).
// params: actor=null, kind=null, min_confidence=null, event_type=null, place=null, since=null, until=null, limit=50, skip=0, as_of=null, as_of_ingested=null
MATCH (s:Statement)
WHERE s.kind IN ['claim_responsibility', 'deny_responsibility', 'accuse']
  AND (s.kind = $kind OR $kind IS NULL)
  AND (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (s.date >= $since OR $since IS NULL)
  AND (s.date <= $until OR s.date STARTS WITH $until OR $until IS NULL)
  AND EXISTS { MATCH (s)-[:REPORTED_IN]->(k:Article)
    WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
          AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
OPTIONAL MATCH (who:Actor)-[:MADE]->(s)
WITH s, who
WHERE (who.id = $actor OR EXISTS { MATCH (s)-[:ACCUSES]->(:Actor {id: $actor}) } OR $actor IS NULL)
OPTIONAL MATCH (s)-[:ABOUT]->(e:Event)
WITH s, who, e
WHERE (e.type = $event_type OR $event_type IS NULL)
  AND (EXISTS { MATCH (e)-[:OCCURRED_AT]->(:Place)-[:LOCATED_IN*0..8]->(:Place {id: $place}) } OR $place IS NULL)
WITH s, who, e
ORDER BY coalesce(s.date, '') DESC, s.id
SKIP $skip LIMIT $limit
OPTIONAL MATCH (s)-[:ACCUSES]->(acc:Actor)
WITH s, who, e, acc
ORDER BY acc.id SKIP 0
WITH s, who, e,
     collect(CASE WHEN acc IS NULL THEN NULL
             ELSE {id: acc.id, name: acc.name, name_ar: acc.name_ar, kind: acc.kind} END) AS accused
OPTIONAL MATCH (e)-[:OCCURRED_AT]->(p:Place)
WITH s, who, e, accused, p
ORDER BY CASE p.kind WHEN 'base' THEN 0 WHEN 'facility' THEN 0 WHEN 'site' THEN 0 WHEN 'district' THEN 1
         WHEN 'city' THEN 2 WHEN 'governorate' THEN 3 WHEN 'country' THEN 4 ELSE 5 END, p.id
SKIP 0
WITH s, who, e, accused,
     collect(CASE WHEN p IS NULL THEN NULL
             ELSE {id: p.id, name: p.name, name_ar: p.name_ar, kind: p.kind} END) AS event_places
OPTIONAL MATCH (s)-[:REPORTED_IN]->(a:Article)
WHERE (a.published <= $as_of OR a.published STARTS WITH $as_of OR $as_of IS NULL)
      AND (a.ingested_at <= $as_of_ingested OR a.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH s, who, e, accused, event_places, a
ORDER BY a.published, a.id SKIP 0
WITH s, who, e, accused, event_places,
     collect(CASE WHEN a IS NULL THEN NULL
             ELSE {article: a.id, outlet: a.outlet, published: a.published, url: a.url, title: a.title} END) AS sources
RETURN s.id AS id, s.kind AS kind, s.date AS date, s.quote AS quote, s.text AS text, s.confidence AS confidence,
       who.id AS claimant_id, who.name AS claimant_name, who.name_ar AS claimant_name_ar, who.kind AS claimant_kind,
       accused, e.id AS event_id, e.type AS event_type, e.date AS event_date, event_places, sources
ORDER BY coalesce(date, '') DESC, id
