// Articles as resources: listed, read with what was extracted from them, and retracted.

// name: articles
// Articles newest published first (undated last, then id): outlet, dates, title, url, language and
// how many events and statements were extracted from each. Filters: outlet (exact name),
// published_since/until and ingested_since/until (ISO strings; an `until` month or day includes
// all of it), and as_of/as_of_ingested as every read query takes them.
// params: outlet=null, published_since=null, published_until=null, ingested_since=null, ingested_until=null, limit=50, skip=0, as_of=null, as_of_ingested=null
MATCH (a:Article)
WHERE (a.outlet = $outlet OR $outlet IS NULL)
  AND (a.published >= $published_since OR $published_since IS NULL)
  AND (a.published <= $published_until OR a.published STARTS WITH $published_until OR $published_until IS NULL)
  AND (a.ingested_at >= $ingested_since OR $ingested_since IS NULL)
  AND (a.ingested_at <= $ingested_until OR a.ingested_at STARTS WITH $ingested_until OR $ingested_until IS NULL)
  AND (a.published <= $as_of OR a.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (a.ingested_at <= $as_of_ingested OR a.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH a
ORDER BY coalesce(a.published, '') DESC, a.id
SKIP $skip LIMIT $limit
RETURN a.id AS id, a.file AS file, a.title AS title, a.outlet AS outlet, a.published AS published,
       a.ingested_at AS ingested_at, a.url AS url, a.language AS language,
       COUNT { MATCH (:Event)-[:REPORTED_IN]->(a) } AS events,
       COUNT { MATCH (:Statement)-[:REPORTED_IN]->(a) } AS statements
ORDER BY coalesce(published, '') DESC, id

// name: article
// One article by id with its body, when it counts as known at as_of/as_of_ingested.
// params: id, as_of=null, as_of_ingested=null
MATCH (a:Article {id: $id})
WHERE (a.published <= $as_of OR a.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (a.ingested_at <= $as_of_ingested OR a.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
RETURN a.id AS id, a.file AS file, a.title AS title, a.outlet AS outlet, a.published AS published,
       a.ingested_at AS ingested_at, a.url AS url, a.language AS language, a.body AS body

// name: article_assertions
// part of: graph.articles.article
// What was extracted from one article, at its offsets in the body: each event report and each
// statement, with the sentence, the event type or statement kind, and who is involved.
// params: id
MATCH (x)-[r:REPORTED_IN]->(:Article {id: $id})
OPTIONAL MATCH (speaker:Actor)-[:MADE]->(x)
OPTIONAL MATCH (x)-[:ABOUT]->(about:Event)
RETURN x.id AS id, CASE WHEN x.type IS NULL THEN 'statement' ELSE 'event' END AS what,
       coalesce(x.type, x.kind) AS kind, x.date AS date, r.start AS start, r.`end` AS `end`,
       coalesce(r.sentence, x.text) AS sentence, x.quote AS quote,
       speaker.id AS speaker_id, speaker.name AS speaker_name, speaker.name_ar AS speaker_name_ar,
       about.id AS about_event
ORDER BY start, `end`, what, id
