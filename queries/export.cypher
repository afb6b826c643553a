// name: export_nodes
// part of: graph.rdf.export_graph
// Every node with its stored properties (null where a label lacks one), a page at a time in a stable
// order, for RDF and GraphML export. Article bodies and the derived `search` keys are not exported.
// Pages by key, not by SKIP: `position` ("Label id") of the last row is the next page's `after`.
// params: after="", limit=5000
MATCH (n)
WHERE n:Article OR n:Actor OR n:Place OR n:Event OR n:Statement
WITH n, labels(n)[0] AS label
WITH n, label, label + ' ' + n.id AS position
WHERE position > $after
RETURN label, n.id AS id,
       {file: n.file, url: n.url, title: n.title, outlet: n.outlet, published: n.published,
        language: n.language, ingested_at: n.ingested_at, name: n.name, name_ar: n.name_ar, kind: n.kind,
        aliases: n.aliases, wikidata: n.wikidata, discovered: n.discovered, lat: n.lat, lon: n.lon,
        type: n.type, date: n.date, date_precision: n.date_precision, time: n.time, summary: n.summary,
        quote: n.quote, text: n.text} AS props,
       position
ORDER BY position
LIMIT $limit

// name: export_edges
// part of: graph.rdf.export_graph
// Every relationship with its end nodes (label and id) and properties, a page at a time in a stable
// order, for RDF and GraphML export. Pages by key: `position` of the last row is the next `after`.
// params: after="", limit=5000
MATCH (a)-[r]->(b)
WITH a, r, b, type(r) AS type, labels(a)[0] AS from_label, labels(b)[0] AS to_label
WITH a, r, b, type, from_label, to_label,
     type + ' ' + from_label + ' ' + a.id + ' ' + to_label + ' ' + b.id AS position
WHERE position > $after
RETURN from_label, a.id AS from_id, type, to_label, b.id AS to_id,
       {count: r.count, start: r.start, `end`: r.`end`, sentence: r.sentence, weapon: r.weapon,
        killed: r.killed, injured: r.injured} AS props,
       position
ORDER BY position
LIMIT $limit
