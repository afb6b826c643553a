// name: internal.event_candidates
// Events of the given types whose date lies in [date_from, date_to], has no day, or whose place is
// one of the given places, with their places, date basis and perpetrators: the candidates a newly
// reported event may be the same real event as (graph/identity.py).
// params: types, date_from, date_to, places
MATCH (e:Event)-[:OCCURRED_AT]->(p:Place)
WHERE e.type IN $types AND ((e.date >= $date_from AND e.date <= $date_to) OR e.date IS NULL OR p.id IN $places)
OPTIONAL MATCH (a:Actor)-[:CARRIED_OUT]->(e)
RETURN e.id AS id, e.type AS type, e.date AS date, e.date_basis AS date_basis, p.id AS place,
       collect(a.id) AS perpetrators

// name: internal.place_hierarchy
// Every LOCATED_IN edge with the kinds of both places: small, and all event matching needs.
// params: none
MATCH (p:Place)-[:LOCATED_IN]->(q:Place)
RETURN p.id AS id, p.kind AS kind, q.id AS parent, q.kind AS parent_kind

// name: internal.actor_hierarchy
// Every MEMBER_OF edge: whether two perpetrators are one side (a part and its whole).
// params: none
MATCH (a:Actor)-[:MEMBER_OF]->(b:Actor)
RETURN a.id AS id, b.id AS parent

// name: internal.article_ingest_times
// When each article was ingested, earliest first (tests and `kg status` use it).
// params: none
MATCH (a:Article)
RETURN a.id AS id, a.ingested_at AS ingested_at
ORDER BY ingested_at, id

// name: internal.stored_reports
// The events the given articles' reports were joined to when they were first written, with the
// reports' own keys: a report already stored keeps its event, however the graph grew since.
// params: articles
UNWIND $articles AS i
MATCH (e:Event)-[r:REPORTED_IN]->(a:Article {id: i})
WHERE r.reported_as IS NOT NULL
RETURN a.id AS article, e.id AS event, r.reported_as AS reported_as

// name: internal.article_meta
// The stored metadata of the given articles: what a re-post of the same text is compared with.
// params: ids
UNWIND $ids AS i
MATCH (a:Article {id: i})
RETURN a.id AS id, a.file AS file, a.title AS title, a.outlet AS outlet, a.published AS published,
       a.url AS url, a.language AS language

// name: internal.content_marker
// What moves whenever another process changes the graph, cheap enough to read before every
// answer: how many articles there are and when the latest was ingested (graph.readmodel drops
// what it kept when either moves, on a store other processes write to).
// params: none
MATCH (a:Article)
RETURN count(a) AS articles, max(a.ingested_at) AS last_ingested
