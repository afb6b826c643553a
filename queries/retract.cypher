// Retracting one article (DELETE /articles/{id}): everything only it supported goes, everything
// another article also reports stays. graph.stores.base.GraphStore.retract_article runs these in
// order in one write transaction. Relationships carry no article of their own, so an event kept
// because another source reports it keeps a perpetrator, target or place only when one of its
// remaining sources mentions that actor or place.

// name: retract.statements
// part of: graph.stores.base.GraphStore.retract_article
// Statements reported by this article and by no other: deleted with their relationships.
// params: id
MATCH (s:Statement)-[:REPORTED_IN]->(:Article {id: $id})
WHERE NOT EXISTS { MATCH (s)-[:REPORTED_IN]->(o:Article) WHERE o.id <> $id }
DETACH DELETE s
RETURN count(*) AS count

// name: retract.events
// part of: graph.stores.base.GraphStore.retract_article
// Events reported by this article and by no other: deleted with their relationships.
// params: id
MATCH (e:Event)-[:REPORTED_IN]->(:Article {id: $id})
WHERE NOT EXISTS { MATCH (e)-[:REPORTED_IN]->(o:Article) WHERE o.id <> $id }
DETACH DELETE e
RETURN count(*) AS count

// name: retract.event_roles
// part of: graph.stores.base.GraphStore.retract_article
// On the events that stay, target edges no remaining source mentions.
// params: id
MATCH (e:Event)-[:REPORTED_IN]->(:Article {id: $id})
MATCH (e)-[r:TARGETED]->(n:Actor)
WHERE NOT EXISTS { MATCH (e)-[:REPORTED_IN]->(o:Article)-[:MENTIONS]->(n) WHERE o.id <> $id }
DELETE r
RETURN count(*) AS count

// name: retract.event_perpetrators
// part of: graph.stores.base.GraphStore.retract_article
// On the events that stay, perpetrator edges no remaining source mentions.
// params: id
MATCH (e:Event)-[:REPORTED_IN]->(:Article {id: $id})
MATCH (n:Actor)-[r:CARRIED_OUT]->(e)
WHERE NOT EXISTS { MATCH (e)-[:REPORTED_IN]->(o:Article)-[:MENTIONS]->(n) WHERE o.id <> $id }
DELETE r
RETURN count(*) AS count

// name: retract.event_places
// part of: graph.stores.base.GraphStore.retract_article
// On the events that stay, place edges no remaining source mentions.
// params: id
MATCH (e:Event)-[:REPORTED_IN]->(:Article {id: $id})
MATCH (e)-[r:OCCURRED_AT]->(n:Place)
WHERE NOT EXISTS { MATCH (e)-[:REPORTED_IN]->(o:Article)-[:MENTIONS]->(n) WHERE o.id <> $id }
DELETE r
RETURN count(*) AS count

// name: retract.article
// part of: graph.stores.base.GraphStore.retract_article
// The article itself, with its mentions, outlet and report edges.
// params: id
MATCH (a:Article {id: $id})
DETACH DELETE a
RETURN count(*) AS count

// name: retract.orphan_actors
// part of: graph.stores.base.GraphStore.retract_article
// Actors nothing refers to any more (no mention, role, statement or member): the article brought
// them in. Run until it deletes none, so a group written only as a parent of one goes too.
// params: none
MATCH (n:Actor)
WHERE NOT EXISTS { MATCH (n)<-[:MENTIONS|PUBLISHED_BY|TARGETED|ADDRESSED_TO|ACCUSES|MEMBER_OF]-() }
  AND NOT EXISTS { MATCH (n)-[:CARRIED_OUT|MADE]->() }
DETACH DELETE n
RETURN count(*) AS count

// name: retract.orphan_places
// part of: graph.stores.base.GraphStore.retract_article
// Places nothing refers to any more (no mention, event or place inside them); run until none.
// params: none
MATCH (n:Place)
WHERE NOT EXISTS { MATCH (n)<-[:MENTIONS|OCCURRED_AT|LOCATED_IN]-() }
DETACH DELETE n
RETURN count(*) AS count
