// How a name a user types becomes an id (graph/names.py applies the rule). `key` is the name
// folded with core.text.normalise, as the `search` property was when it was written. `rank` is
// how well it matches, as the search query ranks: 0 a whole name or alias, 1 a name starting
// with it, 2 it anywhere inside a name.

// name: actor_by_id
// part of: graph.names.resolve
// The actor whose id is exactly `id`: a primary-key look-up, so an id (what the API's links and
// most clients send) resolves without reading every actor's names.
// params: id
MATCH (a:Actor {id: $id})
RETURN a.id AS id

// name: place_by_id
// part of: graph.names.resolve
// The place whose id is exactly `id`, by primary key (as actor_by_id).
// params: id
MATCH (p:Place {id: $id})
RETURN p.id AS id

// name: actors_by_name
// part of: graph.names.resolve
// Actors whose id is `name`, or whose normalised names and aliases (Actor.search) contain `key`:
// the exact id first, then the best rank, then shorter names, then id.
// params: name, key, limit=20
MATCH (a:Actor)
WHERE a.id = $name OR a.search CONTAINS $key
WITH a, a.id = $name AS exact_id,
     CASE
       WHEN a.search = $key OR a.search STARTS WITH ($key + ' | ') OR a.search ENDS WITH (' | ' + $key)
            OR a.search CONTAINS (' | ' + $key + ' | ') THEN 0
       WHEN a.search STARTS WITH $key OR a.search CONTAINS (' | ' + $key) THEN 1
       ELSE 2
     END AS rank
RETURN a.id AS id, a.name AS name, a.name_ar AS name_ar, a.kind AS kind, exact_id, rank
ORDER BY exact_id DESC, rank, size(a.name), id
LIMIT $limit

// name: places_by_name
// part of: graph.names.resolve
// Places whose id is `name`, or whose normalised names and aliases (Place.search) contain `key`:
// the exact id first, then the best rank, then shorter names, then id.
// params: name, key, limit=20
MATCH (p:Place)
WHERE p.id = $name OR p.search CONTAINS $key
WITH p, p.id = $name AS exact_id,
     CASE
       WHEN p.search = $key OR p.search STARTS WITH ($key + ' | ') OR p.search ENDS WITH (' | ' + $key)
            OR p.search CONTAINS (' | ' + $key + ' | ') THEN 0
       WHEN p.search STARTS WITH $key OR p.search CONTAINS (' | ' + $key) THEN 1
       ELSE 2
     END AS rank
RETURN p.id AS id, p.name AS name, p.name_ar AS name_ar, p.kind AS kind, exact_id, rank
ORDER BY exact_id DESC, rank, size(p.name), id
LIMIT $limit
