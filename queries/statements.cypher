// Optional filters put the typed comparison before `$p IS NULL` (LadybugDB types a parameter at
// its first use); lists are collected after `ORDER BY ... SKIP 0` so both stores agree on order.

// name: statements
// Statements of every kind, newest first (date said, then id): speaker, addressees, accused, the
// event it is about, the quote and sentence, and every article reporting it (earliest first).
// `q` is normalised text (core.text.normalise) found in the quote or sentence, or in a name
// of the speaker, an addressee or an accused actor, so English names find Arabic statements.
// min_confidence leaves out statements extracted with less confidence.
// params: speaker=null, kind=null, since=null, until=null, q=null, min_confidence=null, limit=50, skip=0, as_of=null, as_of_ingested=null
MATCH (s:Statement)
WHERE (s.kind = $kind OR $kind IS NULL)
  AND (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (s.date >= $since OR $since IS NULL)
  AND (s.date <= $until OR s.date STARTS WITH $until OR $until IS NULL)
  AND EXISTS { MATCH (s)-[:REPORTED_IN]->(k:Article)
    WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
          AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
OPTIONAL MATCH (who:Actor)-[:MADE]->(s)
WITH s, who
WHERE (who.id = $speaker OR $speaker IS NULL)
  AND (s.search CONTAINS $q
       OR who.search CONTAINS $q
       OR EXISTS { MATCH (s)-[:ADDRESSED_TO]->(x:Actor) WHERE x.search CONTAINS $q }
       OR EXISTS { MATCH (s)-[:ACCUSES]->(x:Actor) WHERE x.search CONTAINS $q }
       OR $q IS NULL)
WITH s, who
ORDER BY coalesce(s.date, '') DESC, s.id
SKIP $skip LIMIT $limit
OPTIONAL MATCH (s)-[:ADDRESSED_TO]->(to:Actor)
WITH s, who, to
ORDER BY to.id SKIP 0
WITH s, who,
     collect(CASE WHEN to IS NULL THEN NULL
             ELSE {id: to.id, name: to.name, name_ar: to.name_ar, kind: to.kind} END) AS addressees
OPTIONAL MATCH (s)-[:ACCUSES]->(acc:Actor)
WITH s, who, addressees, acc
ORDER BY acc.id SKIP 0
WITH s, who, addressees,
     collect(CASE WHEN acc IS NULL THEN NULL
             ELSE {id: acc.id, name: acc.name, name_ar: acc.name_ar, kind: acc.kind} END) AS accused
OPTIONAL MATCH (s)-[:ABOUT]->(e:Event)
OPTIONAL MATCH (e)-[:OCCURRED_AT]->(p:Place)
WITH s, who, addressees, accused, e, p
ORDER BY p.id SKIP 0
WITH s, who, addressees, accused, e,
     collect(CASE WHEN p IS NULL THEN NULL
             ELSE {id: p.id, name: p.name, name_ar: p.name_ar, kind: p.kind} END) AS event_places
OPTIONAL MATCH (s)-[:REPORTED_IN]->(a:Article)
WHERE (a.published <= $as_of OR a.published STARTS WITH $as_of OR $as_of IS NULL)
      AND (a.ingested_at <= $as_of_ingested OR a.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH s, who, addressees, accused, e, event_places, a
ORDER BY a.published, a.id SKIP 0
WITH s, who, addressees, accused, e, event_places,
     collect(CASE WHEN a IS NULL THEN NULL
             ELSE {article: a.id, outlet: a.outlet, published: a.published, url: a.url, title: a.title} END) AS sources
RETURN s.id AS id, s.kind AS kind, s.date AS date, s.date_precision AS date_precision, s.quote AS quote,
       s.text AS text, s.language AS language, s.confidence AS confidence,
       who.id AS speaker_id, who.name AS speaker_name, who.name_ar AS speaker_name_ar, who.kind AS speaker_kind,
       addressees, accused, e.id AS event_id, e.type AS event_type, e.date AS event_date, event_places, sources
ORDER BY coalesce(date, '') DESC, id
