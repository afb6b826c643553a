// name: search
// Actors and places whose normalised names or aliases (the `search` property) contain `q`, which the
// caller normalises the same way (loaders.arabic.normalise); best first: a whole name (exact), then a
// name starting with q (prefix), then q anywhere (contains); shorter names first within a rank.
// params: q, skip=0, limit=20
MATCH (n)
WHERE (n:Actor OR n:Place) AND n.search CONTAINS $q
WITH n, labels(n)[0] AS label,
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
