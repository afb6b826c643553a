// name: write.article
// Upsert Article nodes; ingested_at keeps the first ingest time.
// params: rows
UNWIND $rows AS r
MERGE (n:Article {id: r.id})
ON CREATE SET n.ingested_at = r.ingested_at
SET n.file = r.file, n.url = r.url, n.title = r.title, n.outlet = r.outlet,
    n.published = r.published, n.language = r.language, n.body = r.body

// name: write.actor
// Upsert Actor nodes by their stable id.
// params: rows
UNWIND $rows AS r
MERGE (n:Actor {id: r.id})
SET n.name = r.name, n.name_ar = r.name_ar, n.kind = r.kind, n.aliases = r.aliases,
    n.wikidata = r.wikidata, n.discovered = r.discovered, n.search = r.search

// name: write.place
// Upsert Place nodes by their stable id.
// params: rows
UNWIND $rows AS r
MERGE (n:Place {id: r.id})
SET n.name = r.name, n.name_ar = r.name_ar, n.kind = r.kind, n.lat = r.lat, n.lon = r.lon,
    n.wikidata = r.wikidata, n.aliases = r.aliases, n.search = r.search

// name: write.event
// Upsert Event nodes; a later report fills what an earlier one left empty, never overwrites it;
// the confidence is the highest any report gives.
// params: rows
UNWIND $rows AS r
MERGE (n:Event {id: r.id})
ON CREATE SET n.type = r.type, n.date = r.date, n.date_precision = r.date_precision,
    n.date_basis = r.date_basis, n.time = r.time, n.summary = r.summary, n.confidence = r.confidence
ON MATCH SET n.time = coalesce(n.time, r.time), n.summary = coalesce(n.summary, r.summary),
    n.confidence = CASE WHEN n.confidence IS NULL OR r.confidence > n.confidence THEN r.confidence
                        ELSE n.confidence END

// name: write.event_date
// A report joined to a stored event gives it a better date than the one it had (none, or only a
// publication date against a date the text gives): graph/identity.py decides which.
// params: rows
UNWIND $rows AS r
MATCH (n:Event {id: r.id})
SET n.date = r.date, n.date_precision = r.date_precision, n.date_basis = r.date_basis

// name: write.statement
// Upsert Statement nodes by their stable id.
// params: rows
UNWIND $rows AS r
MERGE (n:Statement {id: r.id})
SET n.kind = r.kind, n.date = r.date, n.date_precision = r.date_precision, n.quote = r.quote,
    n.text = r.text, n.language = r.language, n.confidence = r.confidence, n.search = r.search

// name: write.published_by
// params: rows
UNWIND $rows AS r
MERGE (s:Article {id: r.src}) MERGE (d:Actor {id: r.dst}) MERGE (s)-[:PUBLISHED_BY]->(d)

// name: write.mentions_actor
// params: rows
UNWIND $rows AS r
MERGE (s:Article {id: r.src}) MERGE (d:Actor {id: r.dst}) MERGE (s)-[e:MENTIONS]->(d)
SET e.count = r.count

// name: write.mentions_place
// params: rows
UNWIND $rows AS r
MERGE (s:Article {id: r.src}) MERGE (d:Place {id: r.dst}) MERGE (s)-[e:MENTIONS]->(d)
SET e.count = r.count

// name: write.event_reported_in
// What one source said about an event: its own weapon, count and casualty figures, and the keys
// (type-date-place) of its own reports that were joined to this event.
// params: rows
UNWIND $rows AS r
MERGE (s:Event {id: r.src}) MERGE (d:Article {id: r.dst}) MERGE (s)-[e:REPORTED_IN]->(d)
SET e.start = r.start, e.`end` = r.`end`, e.sentence = r.sentence, e.weapon = r.weapon,
    e.count = r.count, e.killed = r.killed, e.injured = r.injured, e.confidence = r.confidence,
    e.reported_as = r.reported_as

// name: write.statement_reported_in
// params: rows
UNWIND $rows AS r
MERGE (s:Statement {id: r.src}) MERGE (d:Article {id: r.dst}) MERGE (s)-[e:REPORTED_IN]->(d)
SET e.start = r.start, e.`end` = r.`end`

// name: write.occurred_at
// params: rows
UNWIND $rows AS r
MERGE (s:Event {id: r.src}) MERGE (d:Place {id: r.dst}) MERGE (s)-[:OCCURRED_AT]->(d)

// name: write.located_in
// params: rows
UNWIND $rows AS r
MERGE (s:Place {id: r.src}) MERGE (d:Place {id: r.dst}) MERGE (s)-[:LOCATED_IN]->(d)

// name: write.carried_out
// A perpetrator; the confidence is the highest any report gives.
// params: rows
UNWIND $rows AS r
MERGE (s:Actor {id: r.src}) MERGE (d:Event {id: r.dst}) MERGE (s)-[e:CARRIED_OUT]->(d)
SET e.confidence = CASE WHEN e.confidence IS NULL OR r.confidence > e.confidence THEN r.confidence
                        ELSE e.confidence END

// name: write.targeted
// A target; the confidence is the highest any report gives.
// params: rows
UNWIND $rows AS r
MERGE (s:Event {id: r.src}) MERGE (d:Actor {id: r.dst}) MERGE (s)-[e:TARGETED]->(d)
SET e.confidence = CASE WHEN e.confidence IS NULL OR r.confidence > e.confidence THEN r.confidence
                        ELSE e.confidence END

// name: write.made
// params: rows
UNWIND $rows AS r
MERGE (s:Actor {id: r.src}) MERGE (d:Statement {id: r.dst}) MERGE (s)-[:MADE]->(d)

// name: write.about
// params: rows
UNWIND $rows AS r
MERGE (s:Statement {id: r.src}) MERGE (d:Event {id: r.dst}) MERGE (s)-[:ABOUT]->(d)

// name: write.addressed_to
// params: rows
UNWIND $rows AS r
MERGE (s:Statement {id: r.src}) MERGE (d:Actor {id: r.dst}) MERGE (s)-[:ADDRESSED_TO]->(d)

// name: write.accuses
// params: rows
UNWIND $rows AS r
MERGE (s:Statement {id: r.src}) MERGE (d:Actor {id: r.dst}) MERGE (s)-[:ACCUSES]->(d)

// name: write.member_of
// params: rows
UNWIND $rows AS r
MERGE (s:Actor {id: r.src}) MERGE (d:Actor {id: r.dst}) MERGE (s)-[:MEMBER_OF]->(d)
