// Claim latency: how long after an event its claims, denials and first reports came.
// graph/latency.py turns these rows into per-actor and per-outlet figures (median, spread,
// fastest, slowest) and a per-event list of who spoke first.

// name: claim_latency
// Every claim or denial of responsibility about a dated event, with the event's date, the date it
// was said (or, when the text gives none, the first publication reporting it), and the speaker.
// params: as_of=null, as_of_ingested=null
MATCH (who:Actor)-[:MADE]->(s:Statement)-[:ABOUT]->(e:Event)
WHERE s.kind IN ['claim_responsibility', 'deny_responsibility'] AND e.date IS NOT NULL
  AND EXISTS { MATCH (s)-[:REPORTED_IN]->(k:Article)
    WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
          AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
OPTIONAL MATCH (s)-[:REPORTED_IN]->(a:Article)
WHERE (a.published <= $as_of OR a.published STARTS WITH $as_of OR $as_of IS NULL)
      AND (a.ingested_at <= $as_of_ingested OR a.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
WITH e, who, s, min(a.published) AS first_published
RETURN e.id AS event_id, e.type AS event_type, e.date AS event_date,
       who.id AS actor_id, who.name AS actor_name, who.name_ar AS actor_name_ar,
       s.id AS statement_id, s.kind AS kind, s.date AS said, first_published
ORDER BY event_date, event_id, statement_id

// name: report_latency
// For every dated event and every outlet reporting it: the outlet's first publication about it.
// params: as_of=null, as_of_ingested=null
MATCH (e:Event)-[:REPORTED_IN]->(a:Article)
WHERE e.date IS NOT NULL AND a.outlet IS NOT NULL
  AND (a.published <= $as_of OR a.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (a.ingested_at <= $as_of_ingested OR a.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
RETURN e.id AS event_id, e.type AS event_type, e.date AS event_date, a.outlet AS outlet,
       min(a.published) AS first_published
ORDER BY event_date, event_id, outlet

// name: event_coordinates
// part of: graph.analyst.event_map
// For each given event, its places and every place containing them that has coordinates (the map
// draws an event at the most specific one).
// params: ids
UNWIND $ids AS i
MATCH (e:Event {id: i})-[:OCCURRED_AT]->(p:Place)-[:LOCATED_IN*0..8]->(q:Place)
WHERE q.lat IS NOT NULL AND q.lon IS NOT NULL
RETURN DISTINCT e.id AS id, q.id AS place, q.name AS name, q.name_ar AS name_ar, q.kind AS kind,
       q.lat AS lat, q.lon AS lon
ORDER BY id, place
