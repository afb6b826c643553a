// name: internal.node_counts
// Number of nodes per label.
// params: none
MATCH (n) RETURN labels(n)[0] AS label, count(*) AS count ORDER BY label

// name: internal.rel_counts
// Number of relationships per type.
// params: none
MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type

// name: internal.version
// The server's product version.
// params: none
CALL dbms.components() YIELD name, versions, edition
RETURN name + ' ' + versions[0] + ' ' + edition AS version

// name: internal.clear
// Remove up to `batch` relationships, then, once none is left, up to `batch` nodes (tests and `kg
// reset`); the store runs it again, a transaction each time, until it deletes nothing. One delete of
// a whole 10k-article graph passes the server's transaction memory limit
// (dbms.memory.transaction.total.max), and so does a batch of nodes holding a hub's many relationships.
// params: batch=10000
OPTIONAL MATCH ()-[r]->()
WITH r LIMIT $batch
DELETE r
WITH count(r) AS relationships
OPTIONAL MATCH (n) WHERE relationships < $batch
WITH relationships, n LIMIT $batch
DETACH DELETE n
WITH relationships, count(n) AS nodes
RETURN relationships + nodes AS deleted

// name: internal.content_marker
// As the common query, with the count from the store's counts and the latest ingest time from the
// article_ingested_at index instead of a scan of every article.
// params: none
CALL { MATCH (a:Article) RETURN count(a) AS articles }
CALL {
  MATCH (a:Article) WHERE a.ingested_at IS NOT NULL
  WITH a.ingested_at AS at ORDER BY at DESC LIMIT 1
  RETURN collect(at) AS latest
}
RETURN articles, latest[0] AS last_ingested
