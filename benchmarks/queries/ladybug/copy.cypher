// Bulk loads for the benchmark's floor (benchmarks/floor.py): the fastest way LadybugDB takes rows,
// `COPY <table> FROM <pandas DataFrame>`, one statement per node table and per (rel table, from, to)
// pair. Columns of a node DataFrame are the table's properties in schema order; a rel DataFrame has
// `from`, `to`, then the properties. Only for an empty store: COPY does not MERGE.

// name: bench.copy.article
// params: df
COPY Article FROM $df

// name: bench.copy.actor
// params: df
COPY Actor FROM $df

// name: bench.copy.place
// params: df
COPY Place FROM $df

// name: bench.copy.event
// params: df
COPY Event FROM $df

// name: bench.copy.statement
// params: df
COPY Statement FROM $df

// name: bench.copy.published_by
// params: df
COPY PUBLISHED_BY FROM $df (from='Article', to='Actor')

// name: bench.copy.mentions_actor
// params: df
COPY MENTIONS FROM $df (from='Article', to='Actor')

// name: bench.copy.mentions_place
// params: df
COPY MENTIONS FROM $df (from='Article', to='Place')

// name: bench.copy.event_reported_in
// params: df
COPY REPORTED_IN FROM $df (from='Event', to='Article')

// name: bench.copy.statement_reported_in
// params: df
COPY REPORTED_IN FROM $df (from='Statement', to='Article')

// name: bench.copy.occurred_at
// params: df
COPY OCCURRED_AT FROM $df (from='Event', to='Place')

// name: bench.copy.located_in
// params: df
COPY LOCATED_IN FROM $df (from='Place', to='Place')

// name: bench.copy.carried_out
// params: df
COPY CARRIED_OUT FROM $df (from='Actor', to='Event')

// name: bench.copy.targeted
// params: df
COPY TARGETED FROM $df (from='Event', to='Actor')

// name: bench.copy.made
// params: df
COPY MADE FROM $df (from='Actor', to='Statement')

// name: bench.copy.about
// params: df
COPY ABOUT FROM $df (from='Statement', to='Event')

// name: bench.copy.addressed_to
// params: df
COPY ADDRESSED_TO FROM $df (from='Statement', to='Actor')

// name: bench.copy.accuses
// params: df
COPY ACCUSES FROM $df (from='Statement', to='Actor')

// name: bench.copy.member_of
// params: df
COPY MEMBER_OF FROM $df (from='Actor', to='Actor')
