// LadybugDB (Kuzu dialect): shortest paths are `-[* SHORTEST 1..6]-` rather than `shortestPath()`,
// with the condition on every step's relationship `r` and inner node `n` inside the pattern; lists
// index from 1, `rels(p)` replaces `relationships(p)`, and with no startNode() a step points
// forward when its relationship's source (`r._src`, an internal id) is the step's first node.

// name: shortest_path
// The shortest chain (at most 6 relationships) linking two actors through events, statements, places
// and memberships, one row per step in order: the step's two end nodes, the relationship type and
// whether it points forward (from `source` to `target`). Articles and MENTIONS are not used: two
// actors named in one report are not thereby related. No rows when nothing links them. As known at
// as_of / as_of_ingested, a chain passes only through events and statements some article known
// then reports; with min_confidence, only through events, statements and roles at least that sure.
// params: source, target, min_confidence=null, as_of=null, as_of_ingested=null
MATCH p = (a:Actor {id: $source})-[:OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF* SHORTEST 1..6 (r, n |
    WHERE ((label(n) <> 'Event' AND label(n) <> 'Statement')
           OR ((n.confidence >= CAST($min_confidence AS DOUBLE) OR CAST($min_confidence AS DOUBLE) IS NULL)
               AND EXISTS { MATCH (n)-[:REPORTED_IN]->(k:Article)
                 WHERE (k.published <= CAST($as_of AS STRING) OR k.published STARTS WITH CAST($as_of AS STRING) OR CAST($as_of AS STRING) IS NULL)
                       AND (k.ingested_at <= CAST($as_of_ingested AS STRING) OR k.ingested_at STARTS WITH CAST($as_of_ingested AS STRING) OR CAST($as_of_ingested AS STRING) IS NULL) }))
      AND ((label(r) <> 'CARRIED_OUT' AND label(r) <> 'TARGETED') OR r.confidence >= CAST($min_confidence AS DOUBLE)
           OR CAST($min_confidence AS DOUBLE) IS NULL))]-(b:Actor {id: $target})
UNWIND range(1, length(p)) AS i
WITH i, nodes(p)[i] AS x, nodes(p)[i + 1] AS y, rels(p)[i] AS r
RETURN i AS step, label(r) AS type, r._src = id(x) AS forward,
       {label: label(x), id: x.id, name: x.name, name_ar: x.name_ar, kind: x.kind, type: x.type,
        date: x.date, quote: x.quote, summary: x.summary, wikidata: x.wikidata, lat: x.lat,
        lon: x.lon} AS from_node,
       {label: label(y), id: y.id, name: y.name, name_ar: y.name_ar, kind: y.kind, type: y.type,
        date: y.date, quote: y.quote, summary: y.summary, wikidata: y.wikidata, lat: y.lat,
        lon: y.lon} AS to_node
ORDER BY step
