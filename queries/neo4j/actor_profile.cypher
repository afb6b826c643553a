// name: actor_co_mentions
// part of: graph.analyst.actor_profile
// The actors most often mentioned in the same articles as this one: article count, then id.
// Neo4j: counted per node and named only for the `limit` kept; a hub is mentioned beside others
// some 100,000 times at 10k articles, and reading four names for each of those rows was most of
// the cost. (LadybugDB runs the common text: grouping by node is slower there.)
// params: id, limit=10, as_of=null, as_of_ingested=null
MATCH (a:Actor {id: $id})<-[:MENTIONS]-(art:Article)
WHERE ($as_of IS NULL OR art.published <= $as_of OR art.published STARTS WITH $as_of)
  AND ($as_of_ingested IS NULL OR art.ingested_at <= $as_of_ingested OR art.ingested_at STARTS WITH $as_of_ingested)
MATCH (art)-[:MENTIONS]->(o:Actor)
WHERE o <> a
WITH o, count(DISTINCT art) AS articles
ORDER BY articles DESC, o.id
LIMIT $limit
RETURN o.id AS id, o.name AS name, o.name_ar AS name_ar, o.kind AS kind, articles
ORDER BY articles DESC, id
