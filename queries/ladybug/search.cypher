// LadybugDB (Kuzu dialect): `(n:Actor:Place)` means either table here (in Neo4j it would mean both
// labels at once), and `label(n)` replaces `labels(n)[0]`.

// name: search
// Actors and places whose normalised names or aliases (the `search` property) contain `q`, which the
// caller normalises the same way (core.text.normalise); best first: a whole name (exact), then a
// name starting with q (prefix), then q anywhere (contains); shorter names first within a rank.
// params: q, skip=0, limit=20, as_of=null, as_of_ingested=null
MATCH (n:Actor:Place)
WHERE n.search CONTAINS $q
  AND (EXISTS { MATCH (m:Article)-[:MENTIONS]->(n)
               WHERE (m.published <= $as_of OR m.published STARTS WITH $as_of OR $as_of IS NULL)
                     AND (m.ingested_at <= $as_of_ingested OR m.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
       OR ($as_of IS NULL AND $as_of_ingested IS NULL))
WITH n, label(n) AS label,
     CASE
       WHEN n.search = $q OR n.search STARTS WITH ($q + ' | ') OR n.search ENDS WITH (' | ' + $q)
            OR n.search CONTAINS (' | ' + $q + ' | ') THEN 0
       WHEN n.search STARTS WITH $q OR n.search CONTAINS (' | ' + $q) THEN 1
       ELSE 2
     END AS rank
RETURN label, n.id AS id, n.name AS name, n.name_ar AS name_ar, n.kind AS kind, n.wikidata AS wikidata,
       CASE rank WHEN 0 THEN 'exact' WHEN 1 THEN 'prefix' ELSE 'contains' END AS `match`, rank
ORDER BY rank, size(name), name, label, id
SKIP $skip
LIMIT $limit
