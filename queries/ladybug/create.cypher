// The embedded writer's path for rows that are certainly new (they belong to an article,
// statement or event not yet in the store) when a batch is small next to the store: CREATE, with
// each endpoint found by its own MATCH, which LadybugDB 0.22 answers from the primary-key index.
// MERGE instead hash-joins against a scan of the whole table (its cost per row grows with the
// store), and COPY into a non-empty table makes the commit checkpoint the tables it touched
// (time and memory that grow with the store). Non-string properties are cast as in write.cypher.

// name: write.new_article
// params: rows
UNWIND $rows AS r
CREATE (n:Article {id: r.id, file: r.file, url: r.url, title: r.title, outlet: r.outlet,
    published: r.published, language: r.language, ingested_at: r.ingested_at, body: r.body})

// name: write.new_statement
// params: rows
UNWIND $rows AS r
CREATE (n:Statement {id: r.id, kind: r.kind, date: r.date, date_precision: r.date_precision, quote: r.quote,
    text: r.text, language: r.language, search: r.search, confidence: CAST(r.confidence AS DOUBLE)})

// name: write.new_event
// params: rows
UNWIND $rows AS r
CREATE (n:Event {id: r.id, type: r.type, date: r.date, date_precision: r.date_precision, time: r.time,
    summary: r.summary, confidence: CAST(r.confidence AS DOUBLE), date_basis: r.date_basis})

// name: write.new_occurred_at
// params: rows
UNWIND $rows AS r
MATCH (s:Event {id: r.src}) MATCH (d:Place {id: r.dst}) CREATE (s)-[:OCCURRED_AT]->(d)

// name: write.new_carried_out
// params: rows
UNWIND $rows AS r
MATCH (s:Actor {id: r.src}) MATCH (d:Event {id: r.dst})
CREATE (s)-[:CARRIED_OUT {confidence: CAST(r.confidence AS DOUBLE)}]->(d)

// name: write.new_targeted
// params: rows
UNWIND $rows AS r
MATCH (s:Event {id: r.src}) MATCH (d:Actor {id: r.dst})
CREATE (s)-[:TARGETED {confidence: CAST(r.confidence AS DOUBLE)}]->(d)

// name: write.new_published_by
// params: rows
UNWIND $rows AS r
MATCH (s:Article {id: r.src}) MATCH (d:Actor {id: r.dst}) CREATE (s)-[:PUBLISHED_BY]->(d)

// name: write.new_mentions_actor
// params: rows
UNWIND $rows AS r
MATCH (s:Article {id: r.src}) MATCH (d:Actor {id: r.dst}) CREATE (s)-[:MENTIONS {count: CAST(r.count AS INT64)}]->(d)

// name: write.new_mentions_place
// params: rows
UNWIND $rows AS r
MATCH (s:Article {id: r.src}) MATCH (d:Place {id: r.dst}) CREATE (s)-[:MENTIONS {count: CAST(r.count AS INT64)}]->(d)

// name: write.new_event_reported_in
// params: rows
UNWIND $rows AS r
MATCH (s:Event {id: r.src}) MATCH (d:Article {id: r.dst})
CREATE (s)-[:REPORTED_IN {start: CAST(r.start AS INT64), `end`: CAST(r.`end` AS INT64), sentence: r.sentence,
    weapon: r.weapon, count: CAST(r.count AS INT64), killed: CAST(r.killed AS INT64),
    injured: CAST(r.injured AS INT64), confidence: CAST(r.confidence AS DOUBLE),
    reported_as: CAST(r.reported_as AS STRING[])}]->(d)

// name: write.new_statement_reported_in
// params: rows
UNWIND $rows AS r
MATCH (s:Statement {id: r.src}) MATCH (d:Article {id: r.dst})
CREATE (s)-[:REPORTED_IN {start: CAST(r.start AS INT64), `end`: CAST(r.`end` AS INT64)}]->(d)

// name: write.new_made
// params: rows
UNWIND $rows AS r
MATCH (s:Actor {id: r.src}) MATCH (d:Statement {id: r.dst}) CREATE (s)-[:MADE]->(d)

// name: write.new_about
// params: rows
UNWIND $rows AS r
MATCH (s:Statement {id: r.src}) MATCH (d:Event {id: r.dst}) CREATE (s)-[:ABOUT]->(d)

// name: write.new_addressed_to
// params: rows
UNWIND $rows AS r
MATCH (s:Statement {id: r.src}) MATCH (d:Actor {id: r.dst}) CREATE (s)-[:ADDRESSED_TO]->(d)

// name: write.new_accuses
// params: rows
UNWIND $rows AS r
MATCH (s:Statement {id: r.src}) MATCH (d:Actor {id: r.dst}) CREATE (s)-[:ACCUSES]->(d)
