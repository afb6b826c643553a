// Typed actor-to-actor edges derived from events and statements. Each kind of evidence is
// collected into a list of the same shape and the lists are joined with `+` and UNWIND, because
// LadybugDB has no CALL { ... UNION ... } and a plain UNION cannot be ordered or paged as a whole.
// Optional filters put the typed comparison before `$p IS NULL` (LadybugDB types a parameter at
// its first use).

// name: relationships
// Edges between actors with how often and when (first/last date of the underlying events or
// statements): attacked / arrested (carried out an event targeting), claimed_attack_on (claimed
// an event targeting), accused, threatened, condemned, called_on (a statement accusing or
// addressing), member_of. Most frequent first, then source, type, target. `actor` matches
// either end; `type` one of the edge types. With min_confidence, events, roles and statements
// extracted with less confidence are not evidence.
// params: actor=null, type=null, min_confidence=null, limit=50, skip=0, as_of=null, as_of_ingested=null
OPTIONAL MATCH (p:Actor)-[pr:CARRIED_OUT]->(e:Event)-[tr:TARGETED]->(t:Actor)
WHERE e.type IN ['attack', 'airstrike', 'arrest'] AND p.id <> t.id
  AND ((e.confidence >= $min_confidence AND pr.confidence >= $min_confidence AND tr.confidence >= $min_confidence)
       OR $min_confidence IS NULL)
  AND (p.id = $actor OR t.id = $actor OR $actor IS NULL)
  AND EXISTS { MATCH (e)-[:REPORTED_IN]->(k:Article)
    WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
          AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
WITH collect(CASE WHEN e IS NULL THEN NULL
             ELSE {src: p.id, type: CASE e.type WHEN 'arrest' THEN 'arrested' ELSE 'attacked' END,
                   dst: t.id, item: e.id, date: e.date} END) AS acted
OPTIONAL MATCH (c:Actor)-[:MADE]->(s:Statement)-[:ABOUT]->(e:Event)-[tr:TARGETED]->(t:Actor)
WHERE s.kind = 'claim_responsibility' AND c.id <> t.id
  AND ((s.confidence >= $min_confidence AND tr.confidence >= $min_confidence) OR $min_confidence IS NULL)
  AND (c.id = $actor OR t.id = $actor OR $actor IS NULL)
  AND EXISTS { MATCH (s)-[:REPORTED_IN]->(k:Article)
    WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
          AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
WITH acted, collect(CASE WHEN e IS NULL THEN NULL
                    ELSE {src: c.id, type: 'claimed_attack_on', dst: t.id, item: e.id,
                          date: coalesce(e.date, s.date)} END) AS claimed
OPTIONAL MATCH (sp:Actor)-[:MADE]->(s:Statement)-[:ACCUSES]->(x:Actor)
WHERE sp.id <> x.id AND (sp.id = $actor OR x.id = $actor OR $actor IS NULL)
  AND (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND EXISTS { MATCH (s)-[:REPORTED_IN]->(k:Article)
    WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
          AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
WITH acted, claimed,
     collect(CASE WHEN s IS NULL THEN NULL
             ELSE {src: sp.id,
                   type: CASE s.kind WHEN 'threaten' THEN 'threatened' WHEN 'condemn' THEN 'condemned'
                         WHEN 'call' THEN 'called_on' ELSE 'accused' END,
                   dst: x.id, item: s.id, date: s.date} END) AS accusing
OPTIONAL MATCH (sp:Actor)-[:MADE]->(s:Statement)-[:ADDRESSED_TO]->(x:Actor)
WHERE s.kind IN ['threaten', 'condemn', 'call'] AND sp.id <> x.id
  AND (sp.id = $actor OR x.id = $actor OR $actor IS NULL)
  AND (s.confidence >= $min_confidence OR $min_confidence IS NULL)
  AND EXISTS { MATCH (s)-[:REPORTED_IN]->(k:Article)
    WHERE (k.published <= $as_of OR k.published STARTS WITH $as_of OR $as_of IS NULL)
          AND (k.ingested_at <= $as_of_ingested OR k.ingested_at STARTS WITH $as_of_ingested OR $as_of_ingested IS NULL) }
WITH acted, claimed, accusing,
     collect(CASE WHEN s IS NULL THEN NULL
             ELSE {src: sp.id,
                   type: CASE s.kind WHEN 'threaten' THEN 'threatened' WHEN 'condemn' THEN 'condemned'
                         ELSE 'called_on' END,
                   dst: x.id, item: s.id, date: s.date} END) AS addressing
OPTIONAL MATCH (m:Actor)-[:MEMBER_OF]->(g:Actor)
WHERE m.id <> g.id AND (m.id = $actor OR g.id = $actor OR $actor IS NULL)
WITH acted, claimed, accusing, addressing,
     collect(CASE WHEN m IS NULL THEN NULL
             ELSE {src: m.id, type: 'member_of', dst: g.id, item: m.id + ' > ' + g.id,
                   date: CASE WHEN false THEN m.id END} END) AS membership
UNWIND acted + claimed + accusing + addressing + membership AS r
WITH r.src AS src, r.type AS type, r.dst AS dst,
     count(DISTINCT r.item) AS count, min(r.date) AS first, max(r.date) AS last
WHERE type = $type OR $type IS NULL
WITH src, type, dst, count, first, last
ORDER BY count DESC, src, type, dst
SKIP $skip LIMIT $limit
MATCH (a:Actor {id: src})
MATCH (b:Actor {id: dst})
RETURN a.id AS source_id, a.name AS source_name, a.name_ar AS source_name_ar, a.kind AS source_kind,
       type, b.id AS target_id, b.name AS target_name, b.name_ar AS target_name_ar, b.kind AS target_kind,
       count, first, last
ORDER BY count DESC, source_id, type, target_id
