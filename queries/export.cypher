// name: export_nodes
// part of: graph.rdf.export_graph
// Every node with its stored properties (null where a label lacks one), a page at a time in a stable
// order, for RDF and GraphML export. Article bodies and the derived `search` keys are not exported.
// params: skip=0, limit=5000
MATCH (n)
WHERE n:Article OR n:Actor OR n:Place OR n:Event OR n:Statement
WITH n, labels(n)[0] AS label
RETURN label, n.id AS id,
       {file: n.file, url: n.url, title: n.title, outlet: n.outlet, published: n.published,
        language: n.language, ingested_at: n.ingested_at, name: n.name, name_ar: n.name_ar, kind: n.kind,
        aliases: n.aliases, wikidata: n.wikidata, discovered: n.discovered, lat: n.lat, lon: n.lon,
        type: n.type, date: n.date, date_precision: n.date_precision, time: n.time, summary: n.summary,
        quote: n.quote, text: n.text} AS props
ORDER BY label, id
SKIP $skip
LIMIT $limit

// name: export_edges
// part of: graph.rdf.export_graph
// Every relationship with its end nodes (label and id) and properties, a page at a time in a stable
// order, for RDF and GraphML export.
// params: skip=0, limit=5000
MATCH (a)-[r]->(b)
WITH a, r, b, type(r) AS type, labels(a)[0] AS from_label, labels(b)[0] AS to_label
RETURN from_label, a.id AS from_id, type, to_label, b.id AS to_id,
       {count: r.count, start: r.start, `end`: r.`end`, sentence: r.sentence, weapon: r.weapon,
        killed: r.killed, injured: r.injured} AS props
ORDER BY type, from_label, from_id, to_label, to_id
SKIP $skip
LIMIT $limit
