// LadybugDB (Kuzu dialect): `label(x)` names a node's table and a relationship's type where Neo4j has
// `labels(x)[0]` and `type(r)`, and a label test is a comparison on it (`n:Actor` is not an expression).
// A parameter passed as null takes the type of its first use, so since/until are cast to STRING there;
// and `+` binds more loosely than comparisons, so `(b.date + '~')` needs its parentheses.

// name: neighbourhood
// part of: graph.subgraph.subgraph
// One hop around a frontier (node ids per label): every relationship of a frontier node with the
// node at its far end, `outgoing` true when the frontier node is the relationship's start.
// graph/subgraph.py repeats it for k hops. MENTIONS and PUBLISHED_BY are not followed and articles
// are reached only as sources (REPORTED_IN), so one busy article cannot swamp the view. With since
// and/or until, events and statements dated outside [since, until] (or undated) are left out; dates
// are compared as spans, so a month or year overlaps the range when any day of it does, and until
// 2023-12 takes in all of December ('~' sorts after digits and '-': d + '~' is the end of d's span).
// With min_confidence, events and statements extracted with less confidence are left out, and so
// are the roles (CARRIED_OUT, TARGETED) below it. At most `limit` rows per direction.
// params: actors, places, events, statements, since=null, until=null, min_confidence=null, with_articles=true, limit=500, as_of=null, as_of_ingested=null
MATCH (a)
WHERE (label(a) = 'Actor' AND a.id IN $actors) OR (label(a) = 'Place' AND a.id IN $places)
   OR (label(a) = 'Event' AND a.id IN $events) OR (label(a) = 'Statement' AND a.id IN $statements)
MATCH (a)-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b)
WITH a, r, b, label(b) AS label
WHERE ((label <> 'Event' AND label <> 'Statement') OR b.confidence >= CAST($min_confidence AS DOUBLE)
       OR CAST($min_confidence AS DOUBLE) IS NULL)
  AND ((label(r) <> 'CARRIED_OUT' AND label(r) <> 'TARGETED') OR r.confidence >= CAST($min_confidence AS DOUBLE)
       OR CAST($min_confidence AS DOUBLE) IS NULL)
  AND ($with_articles OR label <> 'Article')
  AND (label <> 'Article' OR ((b.published <= CAST($as_of AS STRING) OR b.published STARTS WITH CAST($as_of AS STRING) OR CAST($as_of AS STRING) IS NULL)
       AND (b.ingested_at <= CAST($as_of_ingested AS STRING) OR b.ingested_at STARTS WITH CAST($as_of_ingested AS STRING) OR CAST($as_of_ingested AS STRING) IS NULL)))
  AND ((label <> 'Event' AND label <> 'Statement') OR EXISTS { MATCH (b)-[:REPORTED_IN]->(k:Article)
         WHERE (k.published <= CAST($as_of AS STRING) OR k.published STARTS WITH CAST($as_of AS STRING) OR CAST($as_of AS STRING) IS NULL)
               AND (k.ingested_at <= CAST($as_of_ingested AS STRING) OR k.ingested_at STARTS WITH CAST($as_of_ingested AS STRING) OR CAST($as_of_ingested AS STRING) IS NULL) })
  AND ((label <> 'Event' AND label <> 'Statement')
       OR ((CAST($since AS STRING) IS NULL OR (b.date IS NOT NULL AND (b.date + '~') >= CAST($since AS STRING)))
           AND (CAST($until AS STRING) IS NULL OR (b.date IS NOT NULL AND b.date <= (CAST($until AS STRING) + '~')))))
RETURN label(a) AS from_label, a.id AS from_id, label(r) AS type, true AS outgoing,
       {label: label, id: b.id, name: b.name, name_ar: b.name_ar, kind: b.kind, type: b.type,
        date: b.date, quote: b.quote, summary: b.summary, title: b.title, published: b.published,
        outlet: b.outlet, url: b.url, wikidata: b.wikidata, lat: b.lat, lon: b.lon} AS node,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, label, b.id
LIMIT $limit
UNION ALL
MATCH (a)
WHERE (label(a) = 'Actor' AND a.id IN $actors) OR (label(a) = 'Place' AND a.id IN $places)
   OR (label(a) = 'Event' AND a.id IN $events) OR (label(a) = 'Statement' AND a.id IN $statements)
MATCH (a)<-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]-(b)
WITH a, r, b, label(b) AS label
WHERE ((label <> 'Event' AND label <> 'Statement') OR b.confidence >= CAST($min_confidence AS DOUBLE)
       OR CAST($min_confidence AS DOUBLE) IS NULL)
  AND ((label(r) <> 'CARRIED_OUT' AND label(r) <> 'TARGETED') OR r.confidence >= CAST($min_confidence AS DOUBLE)
       OR CAST($min_confidence AS DOUBLE) IS NULL)
  AND ($with_articles OR label <> 'Article')
  AND (label <> 'Article' OR ((b.published <= CAST($as_of AS STRING) OR b.published STARTS WITH CAST($as_of AS STRING) OR CAST($as_of AS STRING) IS NULL)
       AND (b.ingested_at <= CAST($as_of_ingested AS STRING) OR b.ingested_at STARTS WITH CAST($as_of_ingested AS STRING) OR CAST($as_of_ingested AS STRING) IS NULL)))
  AND ((label <> 'Event' AND label <> 'Statement') OR EXISTS { MATCH (b)-[:REPORTED_IN]->(k:Article)
         WHERE (k.published <= CAST($as_of AS STRING) OR k.published STARTS WITH CAST($as_of AS STRING) OR CAST($as_of AS STRING) IS NULL)
               AND (k.ingested_at <= CAST($as_of_ingested AS STRING) OR k.ingested_at STARTS WITH CAST($as_of_ingested AS STRING) OR CAST($as_of_ingested AS STRING) IS NULL) })
  AND ((label <> 'Event' AND label <> 'Statement')
       OR ((CAST($since AS STRING) IS NULL OR (b.date IS NOT NULL AND (b.date + '~') >= CAST($since AS STRING)))
           AND (CAST($until AS STRING) IS NULL OR (b.date IS NOT NULL AND b.date <= (CAST($until AS STRING) + '~')))))
RETURN label(a) AS from_label, a.id AS from_id, label(r) AS type, false AS outgoing,
       {label: label, id: b.id, name: b.name, name_ar: b.name_ar, kind: b.kind, type: b.type,
        date: b.date, quote: b.quote, summary: b.summary, title: b.title, published: b.published,
        outlet: b.outlet, url: b.url, wikidata: b.wikidata, lat: b.lat, lon: b.lon} AS node,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, label, b.id
LIMIT $limit

// name: neighbourhood_edges
// part of: graph.subgraph.subgraph
// The relationships running between nodes of a given set (ids per label), so a neighbourhood also
// shows how its outermost nodes connect to each other. Same relationship types as `neighbourhood`;
// roles below min_confidence are left out here too.
// params: actors, places, events, statements, articles, min_confidence=null, limit=5000
MATCH (a)
WHERE (label(a) = 'Actor' AND a.id IN $actors) OR (label(a) = 'Place' AND a.id IN $places)
   OR (label(a) = 'Event' AND a.id IN $events) OR (label(a) = 'Statement' AND a.id IN $statements)
MATCH (a)-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b)
WITH a, r, b, label(a) AS from_label, label(b) AS to_label
WHERE ((label(r) <> 'CARRIED_OUT' AND label(r) <> 'TARGETED') OR r.confidence >= CAST($min_confidence AS DOUBLE)
       OR CAST($min_confidence AS DOUBLE) IS NULL)
  AND ((to_label = 'Actor' AND b.id IN $actors) OR (to_label = 'Place' AND b.id IN $places)
   OR (to_label = 'Event' AND b.id IN $events) OR (to_label = 'Statement' AND b.id IN $statements)
   OR (to_label = 'Article' AND b.id IN $articles))
RETURN from_label, a.id AS from_id, label(r) AS type, to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit

// name: graph_node
// part of: graph.subgraph (finding a view's centre)
// The node with this id as a graph view shows it (label and display properties); an actor first when
// an actor and a place share the id (a state and its country).
// params: id
MATCH (n)
WHERE n.id = $id
WITH n, label(n) AS label
RETURN {label: label, id: n.id, name: n.name, name_ar: n.name_ar, kind: n.kind, type: n.type,
        date: n.date, quote: n.quote, summary: n.summary, title: n.title, published: n.published,
        outlet: n.outlet, url: n.url, wikidata: n.wikidata, lat: n.lat, lon: n.lon} AS node
ORDER BY CASE label WHEN 'Actor' THEN 0 WHEN 'Place' THEN 1 WHEN 'Event' THEN 2 WHEN 'Statement' THEN 3 ELSE 4 END
