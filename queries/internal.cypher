// name: internal.event_candidates
// Events of one type whose date lies in [date_from, date_to], with their place: the candidates
// a newly reported event may be the same real event as.
// params: type, date_from, date_to
MATCH (e:Event)
WHERE e.type = $type AND e.date >= $date_from AND e.date <= $date_to
OPTIONAL MATCH (e)-[:OCCURRED_AT]->(p:Place)
RETURN e.id AS id, e.date AS date, p.id AS place

// name: internal.place_ancestors
// The places a place lies inside, transitively (LOCATED_IN up to 6 levels).
// params: place
MATCH (p:Place {id: $place})-[:LOCATED_IN*1..6]->(a:Place)
RETURN DISTINCT a.id AS id, a.kind AS kind
