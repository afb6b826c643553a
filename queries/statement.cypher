// name: statement
// One statement by id, with its speaker.
// params: id
MATCH (s:Statement {id: $id})
OPTIONAL MATCH (who:Actor)-[:MADE]->(s)
RETURN s.id AS id, s.kind AS kind, s.date AS date, s.quote AS quote, s.text AS text, who.id AS speaker
