// name: actor
// One actor's own properties by id.
// params: id
MATCH (a:Actor {id: $id})
RETURN a.id AS id, a.name AS name, a.name_ar AS name_ar, a.kind AS kind, a.aliases AS aliases,
       a.wikidata AS wikidata, a.discovered AS discovered
