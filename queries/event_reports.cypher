// name: event_reports
// Every source's report of one event: outlet, published date and that source's own figures.
// params: id
MATCH (e:Event {id: $id})-[r:REPORTED_IN]->(a:Article)
RETURN e.id AS event, e.type AS type, e.date AS date, a.id AS article, a.outlet AS outlet,
       a.published AS published, r.weapon AS weapon, r.count AS count, r.killed AS killed,
       r.injured AS injured, r.sentence AS sentence
ORDER BY published, outlet, article
