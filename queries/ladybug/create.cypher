// The embedded writer's path for rows that are certainly new (they belong to an article,
// statement or event not yet in the store) once the store holds articles: CREATE, with each
// endpoint found by its own MATCH, which LadybugDB 0.22 answers from the primary-key index. The
// rows come as a DataFrame (`LOAD FROM $rows`, one variable per column): an `UNWIND` of a list of
// maps costs the Python binding a walk over every value, about 3x the insert itself.
// MERGE instead hash-joins against a scan of the whole table (its cost per row grows with the
// store), and COPY into a non-empty table makes the commit checkpoint the tables it touched
// (time and memory that grow with the store). Non-string properties are cast as in write.cypher.

// name: write.new_article
// params: rows
LOAD FROM $rows
CREATE (n:Article {id: id, file: file, url: url, title: title, outlet: outlet,
    published: published, language: language, ingested_at: ingested_at, body: body})

// name: write.new_statement
// params: rows
LOAD FROM $rows
CREATE (n:Statement {id: id, kind: kind, date: date, date_precision: date_precision, quote: quote,
    text: text, language: language, search: search, confidence: CAST(confidence AS DOUBLE)})

// name: write.new_event
// params: rows
LOAD FROM $rows
CREATE (n:Event {id: id, type: type, date: date, date_precision: date_precision, time: time,
    summary: summary, confidence: CAST(confidence AS DOUBLE), date_basis: date_basis})

// name: write.new_occurred_at
// params: rows
LOAD FROM $rows
MATCH (s:Event {id: src}) MATCH (d:Place {id: dst}) CREATE (s)-[:OCCURRED_AT]->(d)

// name: write.new_carried_out
// params: rows
LOAD FROM $rows
MATCH (s:Actor {id: src}) MATCH (d:Event {id: dst})
CREATE (s)-[:CARRIED_OUT {confidence: CAST(confidence AS DOUBLE)}]->(d)

// name: write.new_targeted
// params: rows
LOAD FROM $rows
MATCH (s:Event {id: src}) MATCH (d:Actor {id: dst})
CREATE (s)-[:TARGETED {confidence: CAST(confidence AS DOUBLE)}]->(d)

// name: write.new_published_by
// params: rows
LOAD FROM $rows
MATCH (s:Article {id: src}) MATCH (d:Actor {id: dst}) CREATE (s)-[:PUBLISHED_BY]->(d)

// name: write.new_mentions_actor
// params: rows
LOAD FROM $rows
MATCH (s:Article {id: src}) MATCH (d:Actor {id: dst}) CREATE (s)-[:MENTIONS {count: CAST(count AS INT64)}]->(d)

// name: write.new_mentions_place
// params: rows
LOAD FROM $rows
MATCH (s:Article {id: src}) MATCH (d:Place {id: dst}) CREATE (s)-[:MENTIONS {count: CAST(count AS INT64)}]->(d)

// name: write.new_event_reported_in
// params: rows
LOAD FROM $rows
MATCH (s:Event {id: src}) MATCH (d:Article {id: dst})
CREATE (s)-[:REPORTED_IN {start: CAST(start AS INT64), `end`: CAST(`end` AS INT64), sentence: sentence,
    weapon: weapon, count: CAST(count AS INT64), killed: CAST(killed AS INT64),
    injured: CAST(injured AS INT64), confidence: CAST(confidence AS DOUBLE),
    reported_as: CAST(reported_as AS STRING[])}]->(d)

// name: write.new_statement_reported_in
// params: rows
LOAD FROM $rows
MATCH (s:Statement {id: src}) MATCH (d:Article {id: dst})
CREATE (s)-[:REPORTED_IN {start: CAST(start AS INT64), `end`: CAST(`end` AS INT64)}]->(d)

// name: write.new_made
// params: rows
LOAD FROM $rows
MATCH (s:Actor {id: src}) MATCH (d:Statement {id: dst}) CREATE (s)-[:MADE]->(d)

// name: write.new_about
// params: rows
LOAD FROM $rows
MATCH (s:Statement {id: src}) MATCH (d:Event {id: dst}) CREATE (s)-[:ABOUT]->(d)

// name: write.new_addressed_to
// params: rows
LOAD FROM $rows
MATCH (s:Statement {id: src}) MATCH (d:Actor {id: dst}) CREATE (s)-[:ADDRESSED_TO]->(d)

// name: write.new_accuses
// params: rows
LOAD FROM $rows
MATCH (s:Statement {id: src}) MATCH (d:Actor {id: dst}) CREATE (s)-[:ACCUSES]->(d)
