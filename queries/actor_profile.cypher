// An actor's profile; graph.analyst.actor_profile composes these queries into one answer.
// Lists are collected after `ORDER BY ... SKIP 0` so both stores agree on their order; two lists
// of the same shape are joined with `+` and UNWIND because LadybugDB has no CALL { UNION }.
// With min_confidence, events, roles and statements extracted with less confidence do not count.

// name: actor_profile
// One actor by id: names, aliases, kind, wikidata; the groups it is a member of and its members;
// how many events it carried out and was targeted by, statements it made, articles mentioning it.
// params: id, min_confidence=null, as_of=null, as_of_ingested=null
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
       COUNT { MATCH (m:Article)-[:MENTIONS]->(a)
               WHERE (m.published <= $as_of OR m.published STARTS WITH $as_of OR $as_of IS NULL)
                     AND (m.ingested_at <= $as_of_ingested OR m.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) } AS articles,
       COUNT { MATCH (a)-[xr:CARRIED_OUT]->(x:Event)
               WHERE ((xr.confidence >= $min_confidence AND x.confidence >= $min_confidence) OR $min_confidence IS NULL)
                 AND EXISTS { MATCH (x)-[:REPORTED_IN]->(k:Article)
                 WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
                       AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) } } AS perpetrated,
       COUNT { MATCH (x:Event)-[xr:TARGETED]->(a)
               WHERE ((xr.confidence >= $min_confidence AND x.confidence >= $min_confidence) OR $min_confidence IS NULL)
                 AND EXISTS { MATCH (x)-[:REPORTED_IN]->(k:Article)
                 WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
                       AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) } } AS targeted,
       COUNT { MATCH (a)-[:MADE]->(x:Statement)
               WHERE (x.confidence >= $min_confidence OR $min_confidence IS NULL)
                 AND EXISTS { MATCH (x)-[:REPORTED_IN]->(k:Article)
                 WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
                       AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) } } AS statements

// name: actor_statement_kinds
// part of: graph.analyst.actor_profile
// How many statements of each kind an actor made, by kind name.
// params: id, min_confidence=null, as_of=null, as_of_ingested=null
MATCH (:Actor {id: $id})-[:MADE]->(s:Statement)
WHERE (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND EXISTS { MATCH (s)-[:REPORTED_IN]->(k:Article)
  WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
        AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
RETURN s.kind AS kind, count(*) AS count
ORDER BY kind

// name: actor_events
// part of: graph.analyst.actor_profile
// Events an actor took part in, newest first (undated last, then role and id): role is
// "perpetrator" (CARRIED_OUT) or "target" (TARGETED), `role` keeps only one of them; places
// most specific first.
// params: id, role=null, min_confidence=null, limit=20, skip=0, as_of=null, as_of_ingested=null
MATCH (a:Actor {id: $id})
OPTIONAL MATCH (a)-[dr:CARRIED_OUT]->(done:Event)
WHERE (dr.confidence >= $min_confidence AND done.confidence >= $min_confidence) OR $min_confidence IS NULL
WITH a, collect(CASE WHEN done IS NULL THEN NULL ELSE {role: 'perpetrator', id: done.id} END) AS perpetrated
OPTIONAL MATCH (hit:Event)-[hr:TARGETED]->(a)
WHERE (hr.confidence >= $min_confidence AND hit.confidence >= $min_confidence) OR $min_confidence IS NULL
WITH perpetrated, collect(CASE WHEN hit IS NULL THEN NULL ELSE {role: 'target', id: hit.id} END) AS targeted
UNWIND perpetrated + targeted AS r
WITH r
WHERE r.role = $role OR $role IS NULL
MATCH (e:Event {id: r.id})
WHERE EXISTS { MATCH (e)-[:REPORTED_IN]->(k:Article)
  WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
        AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
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
// part of: graph.analyst.actor_profile
// The actors most often mentioned in the same articles as this one: article count, then id.
// params: id, limit=10, as_of=null, as_of_ingested=null
MATCH (a:Actor {id: $id})<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(o:Actor)
WHERE o.id <> a.id
  AND (art.published <= $as_of OR art.published STARTS WITH $as_of OR $as_of IS NULL)
  AND (art.ingested_at <= $as_of_ingested OR art.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL)
RETURN o.id AS id, o.name AS name, o.name_ar AS name_ar, o.kind AS kind, count(DISTINCT art.id) AS articles
ORDER BY articles DESC, id
LIMIT $limit

// The profile table: what every actor's profile counts and lists, read in one pass over the graph
// (graph.analyst.actor_profile keeps it in the read model while the graph is unchanged, so a profile
// is a look-up rather than walks over a hub's thousands of mentions and statements). Events and
// statements count once an article reports them, as in the queries above; no as_of, no
// min_confidence: a profile asked with either runs the queries above instead.

// name: actor_profile_table_actors
// part of: graph.analyst.actor_profile
// Every actor's names, kind, aliases and wikidata.
// params: none
MATCH (a:Actor)
RETURN a.id AS id, a.name AS name, a.name_ar AS name_ar, a.kind AS kind, a.aliases AS aliases,
       a.wikidata AS wikidata, a.discovered AS discovered

// name: actor_profile_table_members
// part of: graph.analyst.actor_profile
// Every membership: the member and the body it belongs to.
// params: none
MATCH (down:Actor)-[:MEMBER_OF]->(up:Actor)
RETURN down.id AS member, up.id AS body

// name: actor_profile_table_articles
// part of: graph.analyst.actor_profile
// How many articles mention each actor.
// params: none
MATCH (m:Article)-[:MENTIONS]->(a:Actor)
RETURN a.id AS id, count(*) AS articles

// name: actor_profile_table_roles
// part of: graph.analyst.actor_profile
// Every reported event's perpetrators and targets, with the event's type and date.
// params: none
MATCH (a:Actor)-[:CARRIED_OUT]->(e:Event)
WHERE EXISTS { MATCH (e)-[:REPORTED_IN]->(k:Article) }
RETURN a.id AS actor, 'perpetrator' AS role, e.id AS id, e.type AS type, e.date AS date
UNION ALL
MATCH (e:Event)-[:TARGETED]->(a:Actor)
WHERE EXISTS { MATCH (e)-[:REPORTED_IN]->(k:Article) }
RETURN a.id AS actor, 'target' AS role, e.id AS id, e.type AS type, e.date AS date

// name: actor_profile_table_places
// part of: graph.analyst.actor_profile
// Where every event that has a perpetrator or a target happened.
// params: none
MATCH (e:Event)-[:OCCURRED_AT]->(p:Place)
WHERE EXISTS { MATCH (e)<-[:CARRIED_OUT]-(:Actor) } OR EXISTS { MATCH (e)-[:TARGETED]->(:Actor) }
RETURN e.id AS event, p.id AS id, p.name AS name, p.name_ar AS name_ar, p.kind AS kind

// name: actor_profile_table_statements
// part of: graph.analyst.actor_profile
// How many reported statements of each kind each actor made.
// params: none
MATCH (a:Actor)-[:MADE]->(s:Statement)
WHERE EXISTS { MATCH (s)-[:REPORTED_IN]->(k:Article) }
RETURN a.id AS actor, s.kind AS kind, count(*) AS count

// name: actor_profile_table_co_mentions
// part of: graph.analyst.actor_profile
// Every pair of actors mentioned in the same articles, with how many articles. An article mentions
// an actor once (the writers MERGE the relationship), so the paths are the articles: counting them
// is a quarter of the cost of counting distinct article ids over the 1.2 million paths at 10k.
// params: none
MATCH (a:Actor)<-[:MENTIONS]-(art:Article)-[:MENTIONS]->(o:Actor)
WHERE o.id <> a.id
RETURN a.id AS actor, o.id AS id, count(*) AS articles
