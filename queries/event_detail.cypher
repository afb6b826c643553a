// One event seen from every side; graph.analyst.event_detail composes these three queries and
// works out where the sources disagree. Lists are collected after `ORDER BY ... SKIP 0` so both
// stores agree on their order. With min_confidence, the event itself, its roles, the reports of
// it and the statements about it extracted with less confidence are left out.

// name: event_detail
// One event by id: its own properties, places (most specific first), perpetrators and targets.
// params: id, min_confidence=null, as_of=null, as_of_ingested=null
MATCH (e:Event {id: $id})
WHERE (e.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND EXISTS { MATCH (e)-[:REPORTED_IN]->(k:Article)
  WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
        AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
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
RETURN e.id AS id, e.type AS type, e.date AS date, e.date_precision AS date_precision, e.time AS time,
       e.summary AS summary, e.confidence AS confidence, places, perpetrators, targets

// name: event_sources
// part of: graph.analyst.event_detail
// Every source's report of one event side by side, earliest published first: the article (and
// the language it is written in) and that source's own weapon, count, killed and injured, the
// sentence it said it in, and how far the extraction of that report is trusted (confidence).
// params: id, min_confidence=null, as_of=null, as_of_ingested=null
MATCH (e:Event {id: $id})-[r:REPORTED_IN]->(a:Article)
WHERE (r.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND (a.published <= $as_of OR a.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (a.ingested_at <= $as_of_ingested OR a.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
RETURN a.id AS article, a.outlet AS outlet, a.published AS published, a.url AS url, a.title AS title,
       a.language AS language, r.weapon AS weapon, r.count AS count, r.killed AS killed, r.injured AS injured,
       r.sentence AS sentence, r.confidence AS confidence
ORDER BY coalesce(published, ''), outlet, article

// name: event_statements
// part of: graph.analyst.event_detail
// Every statement about one event (claims, denials, accusations, condemnations, ...), in the
// order said (undated last, then id): speaker, kind, date, quote, whom it accuses or addresses,
// and the articles reporting it.
// params: id, min_confidence=null, as_of=null, as_of_ingested=null
MATCH (s:Statement)-[:ABOUT]->(:Event {id: $id})
WHERE (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND EXISTS { MATCH (s)-[:REPORTED_IN]->(k:Article)
  WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
        AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
OPTIONAL MATCH (who:Actor)-[:MADE]->(s)
OPTIONAL MATCH (s)-[:ACCUSES]->(acc:Actor)
WITH s, who, acc
ORDER BY acc.id SKIP 0
WITH s, who, collect(CASE WHEN acc IS NULL THEN NULL
                     ELSE {id: acc.id, name: acc.name, name_ar: acc.name_ar, kind: acc.kind} END) AS accused
OPTIONAL MATCH (s)-[:ADDRESSED_TO]->(to:Actor)
WITH s, who, accused, to
ORDER BY to.id SKIP 0
WITH s, who, accused, collect(CASE WHEN to IS NULL THEN NULL
                              ELSE {id: to.id, name: to.name, name_ar: to.name_ar, kind: to.kind} END) AS addressees
OPTIONAL MATCH (s)-[:REPORTED_IN]->(a:Article)
WHERE (a.published <= $as_of OR a.published STARTS WITH $as_of OR $as_of IS NULL)
      AND (a.ingested_at <= $as_of_ingested OR a.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH s, who, accused, addressees, a
ORDER BY a.published, a.id SKIP 0
WITH s, who, accused, addressees,
     collect(CASE WHEN a IS NULL THEN NULL
             ELSE {article: a.id, outlet: a.outlet, published: a.published, url: a.url, title: a.title} END) AS sources
RETURN s.id AS id, s.kind AS kind, s.date AS date, s.quote AS quote, s.text AS text, s.confidence AS confidence,
       who.id AS speaker_id, who.name AS speaker_name, who.name_ar AS speaker_name_ar, who.kind AS speaker_kind,
       accused, addressees, sources
ORDER BY coalesce(date, '9999'), id
