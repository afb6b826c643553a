// name: shortest_path
// The shortest chain (at most 6 relationships) linking two actors through events, statements, places
// and memberships, one row per step in order: the step's two end nodes, the relationship type and
// whether it points forward (from `source` to `target`). Articles and MENTIONS are not used: two
// actors named in one report are not thereby related. No rows when nothing links them.
// params: source, target
MATCH (a:Actor {id: $source}), (b:Actor {id: $target})
MATCH p = shortestPath((a)-[:OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF*..6]-(b))
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
