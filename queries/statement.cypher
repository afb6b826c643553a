// name: statement
// One statement by id, with its speaker.
// params: id, as_of=null, as_of_ingested=null
MATCH (s:Statement {id: $id})
WHERE EXISTS { MATCH (s)-[:REPORTED_IN]->(k:Article)
  WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
        AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
OPTIONAL MATCH (who:Actor)-[:MADE]->(s)
RETURN s.id AS id, s.kind AS kind, s.date AS date, s.quote AS quote, s.text AS text, who.id AS speaker
