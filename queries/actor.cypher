// name: actor
// One actor's own properties by id. As known at as_of / as_of_ingested, only an actor some article
// known by then mentions (a name nobody had reported yet was not known).
// params: id, as_of=null, as_of_ingested=null
MATCH (a:Actor {id: $id})
WHERE EXISTS { MATCH (m:Article)-[:MENTIONS]->(a)
               WHERE (m.published <= $as_of OR m.published STARTS WITH $as_of OR $as_of IS NULL)
                     AND (m.ingested_at <= $as_of_ingested OR m.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
   OR ($as_of IS NULL AND $as_of_ingested IS NULL)
RETURN a.id AS id, a.name AS name, a.name_ar AS name_ar, a.kind AS kind, a.aliases AS aliases,
       a.wikidata AS wikidata, a.discovered AS discovered
