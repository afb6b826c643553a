// LadybugDB infers a parameter column's type from its values: a column that is null in every row
// of a batch comes out as STRING, so non-string properties are cast to the table's type here.

// name: write.actor
// Upsert Actor nodes by their stable id.
// params: rows
UNWIND $rows AS r
MERGE (n:Actor {id: r.id})
SET n.name = r.name, n.name_ar = r.name_ar, n.kind = r.kind, n.aliases = CAST(r.aliases AS STRING[]),
    n.wikidata = r.wikidata, n.discovered = CAST(r.discovered AS BOOLEAN), n.search = r.search

// name: write.place
// Upsert Place nodes by their stable id.
// params: rows
UNWIND $rows AS r
MERGE (n:Place {id: r.id})
SET n.name = r.name, n.name_ar = r.name_ar, n.kind = r.kind,
    n.lat = CAST(r.lat AS DOUBLE), n.lon = CAST(r.lon AS DOUBLE),
    n.wikidata = r.wikidata, n.aliases = CAST(r.aliases AS STRING[]), n.search = r.search

// name: write.event_reported_in
// What one source said about an event: its own weapon, count and casualty figures.
// params: rows
UNWIND $rows AS r
MERGE (s:Event {id: r.src}) MERGE (d:Article {id: r.dst}) MERGE (s)-[e:REPORTED_IN]->(d)
SET e.start = CAST(r.start AS INT64), e.`end` = CAST(r.`end` AS INT64), e.sentence = r.sentence,
    e.weapon = r.weapon, e.count = CAST(r.count AS INT64), e.killed = CAST(r.killed AS INT64),
    e.injured = CAST(r.injured AS INT64)
