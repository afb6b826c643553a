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
WITH a, r, b, label, label(a) AS from_label, a.id AS from_id, label(r) AS type
ORDER BY from_label, from_id, type, label, b.id
LIMIT $limit
RETURN from_label, from_id, type, true AS outgoing, label AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
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
WITH a, r, b, label, label(a) AS from_label, a.id AS from_id, label(r) AS type
ORDER BY from_label, from_id, type, label, b.id
LIMIT $limit
RETURN from_label, from_id, type, false AS outgoing, label AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props

// name: neighbourhood_edges
// part of: graph.subgraph.subgraph
// The relationships running between nodes of a given set (ids per label), so a neighbourhood also
// shows how its outermost nodes connect to each other. Same relationship types as `neighbourhood`;
// roles below min_confidence are left out here too. Every one of those types but LOCATED_IN and
// MEMBER_OF has an event or a statement at one end, so the relationships are found from the set's
// events and statements (a handful each) and never by walking the thousands of a hub actor's. One
// branch per pair of labels: LadybugDB looks a node up by primary key through UNWIND and follows
// only the relationship tables that fit both labels, where an unlabelled end would scan whole
// tables. Each pattern lists all the types so that `r.count` and the like resolve (to null where a
// type has no such property). At most `limit` rows per branch.
// params: actors, places, events, statements, articles, min_confidence=null, limit=5000
UNWIND $events AS i
MATCH (a:Event {id: i})-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b:Article)
WHERE b.id IN $articles
RETURN 'Event' AS from_label, a.id AS from_id, label(r) AS type, 'Article' AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit
UNION ALL
UNWIND $events AS i
MATCH (a:Event {id: i})-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b:Place)
WHERE b.id IN $places
RETURN 'Event' AS from_label, a.id AS from_id, label(r) AS type, 'Place' AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit
UNION ALL
UNWIND $events AS i
MATCH (a:Event {id: i})-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b:Actor)
WHERE b.id IN $actors
  AND (r.confidence >= CAST($min_confidence AS DOUBLE) OR CAST($min_confidence AS DOUBLE) IS NULL)
RETURN 'Event' AS from_label, a.id AS from_id, label(r) AS type, 'Actor' AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit
UNION ALL
UNWIND $statements AS i
MATCH (a:Statement {id: i})-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b:Article)
WHERE b.id IN $articles
RETURN 'Statement' AS from_label, a.id AS from_id, label(r) AS type, 'Article' AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit
UNION ALL
UNWIND $statements AS i
MATCH (a:Statement {id: i})-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b:Event)
WHERE b.id IN $events
RETURN 'Statement' AS from_label, a.id AS from_id, label(r) AS type, 'Event' AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit
UNION ALL
UNWIND $statements AS i
MATCH (a:Statement {id: i})-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b:Actor)
WHERE b.id IN $actors
RETURN 'Statement' AS from_label, a.id AS from_id, label(r) AS type, 'Actor' AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit
UNION ALL
UNWIND $events AS i
MATCH (a:Actor)-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b:Event {id: i})
WHERE a.id IN $actors
  AND (r.confidence >= CAST($min_confidence AS DOUBLE) OR CAST($min_confidence AS DOUBLE) IS NULL)
RETURN 'Actor' AS from_label, a.id AS from_id, label(r) AS type, 'Event' AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit
UNION ALL
UNWIND $statements AS i
MATCH (a:Actor)-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b:Statement {id: i})
WHERE a.id IN $actors
RETURN 'Actor' AS from_label, a.id AS from_id, label(r) AS type, 'Statement' AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit
UNION ALL
UNWIND $actors AS i
MATCH (a:Actor {id: i})-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b:Actor)
WHERE b.id IN $actors
RETURN 'Actor' AS from_label, a.id AS from_id, label(r) AS type, 'Actor' AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit
UNION ALL
UNWIND $places AS i
MATCH (a:Place {id: i})-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b:Place)
WHERE b.id IN $places
RETURN 'Place' AS from_label, a.id AS from_id, label(r) AS type, 'Place' AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit

// name: graph_nodes
// part of: graph.subgraph.subgraph
// The nodes with these ids (per label) as a graph view shows them: a neighbourhood first picks the
// nodes it keeps from `neighbourhood`'s ids, then reads the properties of those only (around a hub
// most rows `neighbourhood` returns are left out). Looked up by primary key, one branch per label,
// with typed nulls as in `graph_node`.
// params: actors, places, events, statements, articles
UNWIND $actors AS i
MATCH (n:Actor {id: i})
RETURN {label: 'Actor', id: n.id, name: n.name, name_ar: n.name_ar, kind: n.kind, type: CAST(NULL AS STRING),
        date: CAST(NULL AS STRING), quote: CAST(NULL AS STRING), summary: CAST(NULL AS STRING),
        title: CAST(NULL AS STRING), published: CAST(NULL AS STRING), outlet: CAST(NULL AS STRING),
        url: CAST(NULL AS STRING), wikidata: n.wikidata, lat: CAST(NULL AS DOUBLE),
        lon: CAST(NULL AS DOUBLE)} AS node
UNION ALL
UNWIND $places AS i
MATCH (n:Place {id: i})
RETURN {label: 'Place', id: n.id, name: n.name, name_ar: n.name_ar, kind: n.kind, type: CAST(NULL AS STRING),
        date: CAST(NULL AS STRING), quote: CAST(NULL AS STRING), summary: CAST(NULL AS STRING),
        title: CAST(NULL AS STRING), published: CAST(NULL AS STRING), outlet: CAST(NULL AS STRING),
        url: CAST(NULL AS STRING), wikidata: n.wikidata, lat: n.lat, lon: n.lon} AS node
UNION ALL
UNWIND $events AS i
MATCH (n:Event {id: i})
RETURN {label: 'Event', id: n.id, name: CAST(NULL AS STRING), name_ar: CAST(NULL AS STRING),
        kind: CAST(NULL AS STRING), type: n.type, date: n.date, quote: CAST(NULL AS STRING),
        summary: n.summary, title: CAST(NULL AS STRING), published: CAST(NULL AS STRING),
        outlet: CAST(NULL AS STRING), url: CAST(NULL AS STRING), wikidata: CAST(NULL AS STRING),
        lat: CAST(NULL AS DOUBLE), lon: CAST(NULL AS DOUBLE)} AS node
UNION ALL
UNWIND $statements AS i
MATCH (n:Statement {id: i})
RETURN {label: 'Statement', id: n.id, name: CAST(NULL AS STRING), name_ar: CAST(NULL AS STRING),
        kind: n.kind, type: CAST(NULL AS STRING), date: n.date, quote: n.quote,
        summary: CAST(NULL AS STRING), title: CAST(NULL AS STRING), published: CAST(NULL AS STRING),
        outlet: CAST(NULL AS STRING), url: CAST(NULL AS STRING), wikidata: CAST(NULL AS STRING),
        lat: CAST(NULL AS DOUBLE), lon: CAST(NULL AS DOUBLE)} AS node
UNION ALL
UNWIND $articles AS i
MATCH (n:Article {id: i})
RETURN {label: 'Article', id: n.id, name: CAST(NULL AS STRING), name_ar: CAST(NULL AS STRING),
        kind: CAST(NULL AS STRING), type: CAST(NULL AS STRING), date: CAST(NULL AS STRING),
        quote: CAST(NULL AS STRING), summary: CAST(NULL AS STRING), title: n.title, published: n.published,
        outlet: n.outlet, url: n.url, wikidata: CAST(NULL AS STRING), lat: CAST(NULL AS DOUBLE),
        lon: CAST(NULL AS DOUBLE)} AS node

// name: graph_node
// part of: graph.subgraph (finding a view's centre)
// The node with this id as a graph view shows it (label and display properties); an actor first when
// an actor and a place share the id (a state and its country). One primary-key lookup per label:
// an unlabelled `MATCH (n) WHERE n.id = $id` scans every node table. A property a table lacks is a
// typed null, so that every branch returns the same struct.
// params: id
MATCH (n:Actor {id: $id})
RETURN {label: 'Actor', id: n.id, name: n.name, name_ar: n.name_ar, kind: n.kind, type: CAST(NULL AS STRING),
        date: CAST(NULL AS STRING), quote: CAST(NULL AS STRING), summary: CAST(NULL AS STRING),
        title: CAST(NULL AS STRING), published: CAST(NULL AS STRING), outlet: CAST(NULL AS STRING),
        url: CAST(NULL AS STRING), wikidata: n.wikidata, lat: CAST(NULL AS DOUBLE),
        lon: CAST(NULL AS DOUBLE)} AS node
UNION ALL
MATCH (n:Place {id: $id})
RETURN {label: 'Place', id: n.id, name: n.name, name_ar: n.name_ar, kind: n.kind, type: CAST(NULL AS STRING),
        date: CAST(NULL AS STRING), quote: CAST(NULL AS STRING), summary: CAST(NULL AS STRING),
        title: CAST(NULL AS STRING), published: CAST(NULL AS STRING), outlet: CAST(NULL AS STRING),
        url: CAST(NULL AS STRING), wikidata: n.wikidata, lat: n.lat, lon: n.lon} AS node
UNION ALL
MATCH (n:Event {id: $id})
RETURN {label: 'Event', id: n.id, name: CAST(NULL AS STRING), name_ar: CAST(NULL AS STRING),
        kind: CAST(NULL AS STRING), type: n.type, date: n.date, quote: CAST(NULL AS STRING),
        summary: n.summary, title: CAST(NULL AS STRING), published: CAST(NULL AS STRING),
        outlet: CAST(NULL AS STRING), url: CAST(NULL AS STRING), wikidata: CAST(NULL AS STRING),
        lat: CAST(NULL AS DOUBLE), lon: CAST(NULL AS DOUBLE)} AS node
UNION ALL
MATCH (n:Statement {id: $id})
RETURN {label: 'Statement', id: n.id, name: CAST(NULL AS STRING), name_ar: CAST(NULL AS STRING),
        kind: n.kind, type: CAST(NULL AS STRING), date: n.date, quote: n.quote,
        summary: CAST(NULL AS STRING), title: CAST(NULL AS STRING), published: CAST(NULL AS STRING),
        outlet: CAST(NULL AS STRING), url: CAST(NULL AS STRING), wikidata: CAST(NULL AS STRING),
        lat: CAST(NULL AS DOUBLE), lon: CAST(NULL AS DOUBLE)} AS node
UNION ALL
MATCH (n:Article {id: $id})
RETURN {label: 'Article', id: n.id, name: CAST(NULL AS STRING), name_ar: CAST(NULL AS STRING),
        kind: CAST(NULL AS STRING), type: CAST(NULL AS STRING), date: CAST(NULL AS STRING),
        quote: CAST(NULL AS STRING), summary: CAST(NULL AS STRING), title: n.title, published: n.published,
        outlet: n.outlet, url: n.url, wikidata: CAST(NULL AS STRING), lat: CAST(NULL AS DOUBLE),
        lon: CAST(NULL AS DOUBLE)} AS node
