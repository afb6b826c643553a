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

// name: actor_profile_table_co_mentions
// part of: graph.analyst.actor_profile
// Every pair of actors mentioned in the same articles, with how many articles. Neo4j: grouped by
// node and the ids read once per pair, not once per path (half the time at 10k articles). An
// article mentions an actor once (the writers MERGE the relationship), so the paths are the articles.
// params: none
MATCH (a:Actor)<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(o:Actor)
WHERE o <> a
WITH a, o, count(*) AS articles
RETURN a.id AS actor, o.id AS id, articles
