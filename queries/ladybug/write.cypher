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
// What one source said about an event: its own weapon, count and casualty figures, and the keys
// (type-date-place) of its own reports that were joined to this event.
// params: rows
UNWIND $rows AS r
MERGE (s:Event {id: r.src}) MERGE (d:Article {id: r.dst}) MERGE (s)-[e:REPORTED_IN]->(d)
SET e.start = CAST(r.start AS INT64), e.`end` = CAST(r.`end` AS INT64), e.sentence = r.sentence,
    e.weapon = r.weapon, e.count = CAST(r.count AS INT64), e.killed = CAST(r.killed AS INT64),
    e.injured = CAST(r.injured AS INT64), e.confidence = CAST(r.confidence AS DOUBLE),
    e.reported_as = CAST(r.reported_as AS STRING[])

// name: write.event
// Upsert Event nodes; a later report fills what an earlier one left empty, never overwrites it;
// the confidence is the highest any report gives.
// params: rows
UNWIND $rows AS r
MERGE (n:Event {id: r.id})
ON CREATE SET n.type = r.type, n.date = r.date, n.date_precision = r.date_precision,
    n.date_basis = r.date_basis, n.time = r.time, n.summary = r.summary, n.confidence = CAST(r.confidence AS DOUBLE)
ON MATCH SET n.time = coalesce(n.time, r.time), n.summary = coalesce(n.summary, r.summary),
    n.confidence = CASE WHEN n.confidence IS NULL OR CAST(r.confidence AS DOUBLE) > n.confidence
                        THEN CAST(r.confidence AS DOUBLE) ELSE n.confidence END

// name: write.statement
// Upsert Statement nodes by their stable id.
// params: rows
UNWIND $rows AS r
MERGE (n:Statement {id: r.id})
SET n.kind = r.kind, n.date = r.date, n.date_precision = r.date_precision, n.quote = r.quote,
    n.text = r.text, n.language = r.language, n.confidence = CAST(r.confidence AS DOUBLE), n.search = r.search

// name: write.carried_out
// A perpetrator; the confidence is the highest any report gives.
// params: rows
UNWIND $rows AS r
MERGE (s:Actor {id: r.src}) MERGE (d:Event {id: r.dst}) MERGE (s)-[e:CARRIED_OUT]->(d)
SET e.confidence = CASE WHEN e.confidence IS NULL OR CAST(r.confidence AS DOUBLE) > e.confidence
                        THEN CAST(r.confidence AS DOUBLE) ELSE e.confidence END

// name: write.targeted
// A target; the confidence is the highest any report gives.
// params: rows
UNWIND $rows AS r
MERGE (s:Event {id: r.src}) MERGE (d:Actor {id: r.dst}) MERGE (s)-[e:TARGETED]->(d)
SET e.confidence = CASE WHEN e.confidence IS NULL OR CAST(r.confidence AS DOUBLE) > e.confidence
                        THEN CAST(r.confidence AS DOUBLE) ELSE e.confidence END
