// The embedded writer's bulk path: rows that are certainly new (they belong to an article,
// statement or event not yet in the store) are loaded with COPY from a DataFrame, which DESIGN.md measured
// about 20x faster than relationship MERGE; everything else goes through the MERGE queries.

// name: internal.article_count
// How many articles the store holds: new rows are COPYed only into an empty store.
// params: none
MATCH (a:Article) RETURN count(a) AS count

// name: internal.existing_articles
// Which of the given Article ids are already stored.
// params: ids
UNWIND $ids AS i MATCH (n:Article {id: i}) RETURN n.id AS id

// name: internal.existing_statements
// Which of the given Statement ids are already stored.
// params: ids
UNWIND $ids AS i MATCH (n:Statement {id: i}) RETURN n.id AS id

// name: internal.existing_events
// Which of the given Event ids are already stored.
// params: ids
UNWIND $ids AS i MATCH (n:Event {id: i}) RETURN n.id AS id

// name: copy.event
// params: rows
COPY Event FROM $rows

// name: copy.occurred_at
// params: rows
COPY OCCURRED_AT FROM $rows

// name: copy.carried_out
// params: rows
COPY CARRIED_OUT FROM $rows

// name: copy.targeted
// params: rows
COPY TARGETED FROM $rows

// name: copy.article
// params: rows
COPY Article FROM $rows

// name: copy.statement
// params: rows
COPY Statement FROM $rows

// name: copy.published_by
// params: rows
COPY PUBLISHED_BY FROM $rows

// name: copy.mentions_actor
// params: rows
COPY MENTIONS FROM $rows (from='Article', to='Actor')

// name: copy.mentions_place
// params: rows
COPY MENTIONS FROM $rows (from='Article', to='Place')

// name: copy.event_reported_in
// params: rows
COPY REPORTED_IN FROM $rows (from='Event', to='Article')

// name: copy.statement_reported_in
// params: rows
COPY REPORTED_IN FROM $rows (from='Statement', to='Article')

// name: copy.made
// params: rows
COPY MADE FROM $rows

// name: copy.about
// params: rows
COPY ABOUT FROM $rows

// name: copy.addressed_to
// params: rows
COPY ADDRESSED_TO FROM $rows

// name: copy.accuses
// params: rows
COPY ACCUSES FROM $rows
