// name: shortest_path
// The shortest chain (at most 6 relationships) linking two actors through events, statements, places
// and memberships, one row per step in order: the step's two end nodes, the relationship type and
// whether it points forward (from `source` to `target`). Articles and MENTIONS are not used: two
// actors named in one report are not thereby related. No rows when nothing links them. As known at
// as_of / as_of_ingested, a chain passes only through events and statements some article known
// then reports; with min_confidence, only through events, statements and roles at least that sure.
// params: source, target, min_confidence=null, as_of=null, as_of_ingested=null
MATCH (a:Actor {id: $source}), (b:Actor {id: $target})
MATCH p = shortestPath((a)-[:OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF*..6]-(b))
WHERE all(n IN nodes(p) WHERE NOT (n:Event OR n:Statement)
          OR ((n.confidence >= $min_confidence OR $min_confidence IS NULL)
              AND EXISTS { MATCH (n)-[:REPORTED_IN]->(k:Article)
                WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
                      AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }))
  AND all(r IN relationships(p) WHERE NOT type(r) IN ['CARRIED_OUT', 'TARGETED']
          OR r.confidence >= $min_confidence OR $min_confidence IS NULL)
UNWIND range(0, length(p) - 1) AS i
WITH i, nodes(p)[i] AS x, nodes(p)[i + 1] AS y, relationships(p)[i] AS r
RETURN i + 1 AS step, type(r) AS type, startNode(r) = x AS forward,
       {label: labels(x)[0], id: x.id, name: x.name, name_ar: x.name_ar, kind: x.kind, type: x.type,
        date: x.date, quote: x.quote, summary: x.summary, wikidata: x.wikidata, lat: x.lat,
        lon: x.lon} AS from_node,
       {label: labels(y)[0], id: y.id, name: y.name, name_ar: y.name_ar, kind: y.kind, type: y.type,
        date: y.date, quote: y.quote, summary: y.summary, wikidata: y.wikidata, lat: y.lat,
        lon: y.lon} AS to_node
ORDER BY step
