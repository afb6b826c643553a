// LadybugDB (Kuzu dialect): shortest paths are `-[* SHORTEST 1..6]-` rather than `shortestPath()`,
// lists index from 1, `rels(p)` replaces `relationships(p)`, and with no startNode() a step points
// forward when its relationship's source (`r._src`, an internal id) is the step's first node.

// name: shortest_path
// The shortest chain (at most 6 relationships) linking two actors through events, statements, places
// and memberships, one row per step in order: the step's two end nodes, the relationship type and
// whether it points forward (from `source` to `target`). Articles and MENTIONS are not used: two
// actors named in one report are not thereby related. No rows when nothing links them.
// params: source, target
MATCH p = (a:Actor {id: $source})-[:OCCURRED_AT|LOCATED_IN|CARRIED_OUT|TARGETED|MADE|ABOUT|ADDRESSED_TO|ACCUSES|MEMBER_OF* SHORTEST 1..6]-(b:Actor {id: $target})
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
