// An actor's profile; graph.analyst.actor_profile composes these queries into one answer.
// Lists are collected after `ORDER BY ... SKIP 0` so both stores agree on their order; two lists
// of the same shape are joined with `+` and UNWIND because LadybugDB has no CALL { UNION }.

// name: actor_profile
// One actor by id: names, aliases, kind, wikidata; the groups it is a member of and its members;
// how many events it carried out and was targeted by, statements it made, articles mentioning it.
// params: id
MATCH (a:Actor {id: $id})
OPTIONAL MATCH (a)-[:MEMBER_OF]->(up:Actor)
WITH a, up
ORDER BY up.id SKIP 0
WITH a, collect(CASE WHEN up IS NULL THEN NULL
                ELSE {id: up.id, name: up.name, name_ar: up.name_ar, kind: up.kind} END) AS member_of
OPTIONAL MATCH (down:Actor)-[:MEMBER_OF]->(a)
WITH a, member_of, down
ORDER BY down.id SKIP 0
WITH a, member_of, collect(CASE WHEN down IS NULL THEN NULL
                           ELSE {id: down.id, name: down.name, name_ar: down.name_ar, kind: down.kind} END) AS members
RETURN a.id AS id, a.name AS name, a.name_ar AS name_ar, a.kind AS kind, a.aliases AS aliases,
       a.wikidata AS wikidata, a.discovered AS discovered, member_of, members,
       COUNT { MATCH (a)-[:CARRIED_OUT]->(:Event) } AS perpetrated,
       COUNT { MATCH (:Event)-[:TARGETED]->(a) } AS targeted,
       COUNT { MATCH (a)-[:MADE]->(:Statement) } AS statements,
       COUNT { MATCH (:Article)-[:MENTIONS]->(a) } AS articles

// name: actor_statement_kinds
// How many statements of each kind an actor made, by kind name.
// params: id
MATCH (:Actor {id: $id})-[:MADE]->(s:Statement)
RETURN s.kind AS kind, count(*) AS count
ORDER BY kind

// name: actor_events
// Events an actor took part in, newest first (undated last, then role and id): role is
// "perpetrator" (CARRIED_OUT) or "target" (TARGETED), `role` keeps only one of them; places
// most specific first.
// params: id, role=null, limit=20, skip=0
MATCH (a:Actor {id: $id})
OPTIONAL MATCH (a)-[:CARRIED_OUT]->(done:Event)
WITH a, collect(CASE WHEN done IS NULL THEN NULL ELSE {role: 'perpetrator', id: done.id} END) AS perpetrated
OPTIONAL MATCH (hit:Event)-[:TARGETED]->(a)
WITH perpetrated, collect(CASE WHEN hit IS NULL THEN NULL ELSE {role: 'target', id: hit.id} END) AS targeted
UNWIND perpetrated + targeted AS r
WITH r
WHERE r.role = $role OR $role IS NULL
MATCH (e:Event {id: r.id})
WITH r.role AS role, e.id AS event, e.date AS date
ORDER BY coalesce(date, '') DESC, role, event
SKIP $skip LIMIT $limit
// Matched again by id: LadybugDB 0.22 cannot OPTIONAL MATCH from a node that went through
// UNWIND-MATCH and ORDER BY ("Cannot evaluate expression with type VARIABLE").
MATCH (e:Event {id: event})
OPTIONAL MATCH (e)-[:OCCURRED_AT]->(p:Place)
WITH role, e, p
ORDER BY CASE p.kind WHEN 'base' THEN 0 WHEN 'facility' THEN 0 WHEN 'site' THEN 0 WHEN 'district' THEN 1
         WHEN 'city' THEN 2 WHEN 'governorate' THEN 3 WHEN 'country' THEN 4 ELSE 5 END, p.id
SKIP 0
WITH role, e, collect(CASE WHEN p IS NULL THEN NULL
                      ELSE {id: p.id, name: p.name, name_ar: p.name_ar, kind: p.kind} END) AS places
RETURN role, e.id AS id, e.type AS type, e.date AS date, places
ORDER BY coalesce(date, '') DESC, role, id

// name: actor_co_mentions
// The actors most often mentioned in the same articles as this one: article count, then id.
// params: id, limit=10
MATCH (a:Actor {id: $id})<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(o:Actor)
WHERE o.id <> a.id
RETURN o.id AS id, o.name AS name, o.name_ar AS name_ar, o.kind AS kind, count(DISTINCT art.id) AS articles
ORDER BY articles DESC, id
LIMIT $limit
