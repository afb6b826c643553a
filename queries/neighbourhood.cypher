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
CALL () {
  UNWIND $actors AS i MATCH (a:Actor {id: i}) RETURN a
  UNION ALL
  UNWIND $places AS i MATCH (a:Place {id: i}) RETURN a
  UNION ALL
  UNWIND $events AS i MATCH (a:Event {id: i}) RETURN a
  UNION ALL
  UNWIND $statements AS i MATCH (a:Statement {id: i}) RETURN a
}
MATCH (a)-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]->(b)
WHERE ($min_confidence IS NULL OR NOT (b:Event OR b:Statement) OR b.confidence >= $min_confidence)
  AND ($min_confidence IS NULL OR NOT type(r) IN ['CARRIED_OUT', 'TARGETED'] OR r.confidence >= $min_confidence)
  AND ($with_articles OR NOT b:Article)
  AND (NOT b:Article OR ($as_of IS NULL AND $as_of_ingested IS NULL) OR (($as_of IS NULL OR b.published <= $as_of OR b.published STARTS WITH $as_of)
       AND ($as_of_ingested IS NULL OR b.ingested_at <= $as_of_ingested OR b.ingested_at STARTS WITH $as_of_ingested)))
  AND (NOT (b:Event OR b:Statement) OR EXISTS { MATCH (b)-[:REPORTED_IN]->(k:Article)
         WHERE ($as_of IS NULL OR k.published <= $as_of OR k.published STARTS WITH $as_of)
               AND ($as_of_ingested IS NULL OR k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested) })
  AND (($since IS NULL AND $until IS NULL) OR NOT (b:Event OR b:Statement)
       OR (($since IS NULL OR (b.date IS NOT NULL AND (b.date + '~') >= $since))
           AND ($until IS NULL OR (b.date IS NOT NULL AND b.date <= ($until + '~')))))
RETURN labels(a)[0] AS from_label, a.id AS from_id, type(r) AS type, true AS outgoing,
       labels(b)[0] AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit
UNION ALL
CALL () {
  UNWIND $actors AS i MATCH (a:Actor {id: i}) RETURN a
  UNION ALL
  UNWIND $places AS i MATCH (a:Place {id: i}) RETURN a
  UNION ALL
  UNWIND $events AS i MATCH (a:Event {id: i}) RETURN a
  UNION ALL
  UNWIND $statements AS i MATCH (a:Statement {id: i}) RETURN a
}
MATCH (a)<-[r:REPORTED_IN|OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF]-(b)
WHERE ($min_confidence IS NULL OR NOT (b:Event OR b:Statement) OR b.confidence >= $min_confidence)
  AND ($min_confidence IS NULL OR NOT type(r) IN ['CARRIED_OUT', 'TARGETED'] OR r.confidence >= $min_confidence)
  AND ($with_articles OR NOT b:Article)
  AND (NOT b:Article OR ($as_of IS NULL AND $as_of_ingested IS NULL) OR (($as_of IS NULL OR b.published <= $as_of OR b.published STARTS WITH $as_of)
       AND ($as_of_ingested IS NULL OR b.ingested_at <= $as_of_ingested OR b.ingested_at STARTS WITH $as_of_ingested)))
  AND (NOT (b:Event OR b:Statement) OR EXISTS { MATCH (b)-[:REPORTED_IN]->(k:Article)
         WHERE ($as_of IS NULL OR k.published <= $as_of OR k.published STARTS WITH $as_of)
               AND ($as_of_ingested IS NULL OR k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested) })
  AND (($since IS NULL AND $until IS NULL) OR NOT (b:Event OR b:Statement)
       OR (($since IS NULL OR (b.date IS NOT NULL AND (b.date + '~') >= $since))
           AND ($until IS NULL OR (b.date IS NOT NULL AND b.date <= ($until + '~')))))
RETURN labels(a)[0] AS from_label, a.id AS from_id, type(r) AS type, false AS outgoing,
       labels(b)[0] AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit

// name: neighbourhood_edges
// part of: graph.subgraph.subgraph
// The relationships running between nodes of a given set (ids per label), so a neighbourhood also
// shows how its outermost nodes connect to each other. Same relationship types as `neighbourhood`;
// roles below min_confidence are left out here too. Every one of those types but LOCATED_IN and
// MEMBER_OF has an event or a statement at one end, so the relationships are found from the set's
// events and statements (a handful each) and never by walking the thousands of a hub actor's.
// Each branch starts from its nodes looked up by id, label by label (an unlabelled start with a
// label test scans every node of those labels). At most `limit` rows per branch.
// params: actors, places, events, statements, articles, min_confidence=null, limit=5000
CALL () {
  UNWIND $events AS i MATCH (a:Event {id: i}) RETURN a
  UNION ALL
  UNWIND $statements AS i MATCH (a:Statement {id: i}) RETURN a
}
MATCH (a)-[r:REPORTED_IN|OCCURRED_AT|TARGETED|ABOUT|ADDRESSED_TO|ACCUSES]->(b)
WHERE (type(r) <> 'TARGETED' OR r.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND ((b:Actor AND b.id IN $actors) OR (b:Place AND b.id IN $places) OR (b:Event AND b.id IN $events)
       OR (b:Article AND b.id IN $articles))
RETURN labels(a)[0] AS from_label, a.id AS from_id, type(r) AS type, labels(b)[0] AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit
UNION ALL
CALL () {
  UNWIND $events AS i MATCH (b:Event {id: i}) RETURN b
  UNION ALL
  UNWIND $statements AS i MATCH (b:Statement {id: i}) RETURN b
}
MATCH (a:Actor)-[r:CARRIED_OUT|MADE]->(b)
WHERE a.id IN $actors
  AND (type(r) <> 'CARRIED_OUT' OR r.confidence >= $min_confidence OR $min_confidence IS NULL)
RETURN 'Actor' AS from_label, a.id AS from_id, type(r) AS type, labels(b)[0] AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit
UNION ALL
CALL () {
  UNWIND $actors AS i MATCH (a:Actor {id: i}) RETURN a
  UNION ALL
  UNWIND $places AS i MATCH (a:Place {id: i}) RETURN a
}
MATCH (a)-[r:LOCATED_IN|MEMBER_OF]->(b)
WHERE (a:Actor AND b:Actor AND b.id IN $actors) OR (a:Place AND b:Place AND b.id IN $places)
RETURN labels(a)[0] AS from_label, a.id AS from_id, type(r) AS type, labels(b)[0] AS to_label, b.id AS to_id,
       {count: r.count, weapon: r.weapon, killed: r.killed, injured: r.injured} AS props
ORDER BY from_label, from_id, type, to_label, to_id
LIMIT $limit

// name: graph_nodes
// part of: graph.subgraph.subgraph
// The nodes with these ids (per label) as a graph view shows them: a neighbourhood first picks the
// nodes it keeps from `neighbourhood`'s ids, then reads the properties of those only (around a hub
// most rows `neighbourhood` returns are left out).
// params: actors, places, events, statements, articles
CALL () {
  UNWIND $actors AS i MATCH (n:Actor {id: i}) RETURN n
  UNION ALL
  UNWIND $places AS i MATCH (n:Place {id: i}) RETURN n
  UNION ALL
  UNWIND $events AS i MATCH (n:Event {id: i}) RETURN n
  UNION ALL
  UNWIND $statements AS i MATCH (n:Statement {id: i}) RETURN n
  UNION ALL
  UNWIND $articles AS i MATCH (n:Article {id: i}) RETURN n
}
RETURN {label: labels(n)[0], id: n.id, name: n.name, name_ar: n.name_ar, kind: n.kind, type: n.type,
        date: n.date, quote: n.quote, summary: n.summary, title: n.title, published: n.published,
        outlet: n.outlet, url: n.url, wikidata: n.wikidata, lat: n.lat, lon: n.lon} AS node

// name: graph_node
// part of: graph.subgraph (finding a view's centre)
// The node with this id as a graph view shows it (label and display properties); an actor first when
// an actor and a place share the id (a state and its country).
// params: id
MATCH (n)
WHERE n.id = $id AND (n:Actor OR n:Place OR n:Event OR n:Statement OR n:Article)
WITH n, labels(n)[0] AS label
RETURN {label: label, id: n.id, name: n.name, name_ar: n.name_ar, kind: n.kind, type: n.type,
        date: n.date, quote: n.quote, summary: n.summary, title: n.title, published: n.published,
        outlet: n.outlet, url: n.url, wikidata: n.wikidata, lat: n.lat, lon: n.lon} AS node
ORDER BY CASE label WHEN 'Actor' THEN 0 WHEN 'Place' THEN 1 WHEN 'Event' THEN 2 WHEN 'Statement' THEN 3 ELSE 4 END
