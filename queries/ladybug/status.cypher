// name: internal.node_counts
// Number of nodes per label.
// params: none
MATCH (n) RETURN label(n) AS label, count(*) AS count ORDER BY label

// name: internal.rel_counts
// Number of relationships per type.
// params: none
MATCH ()-[r]->() RETURN label(r) AS type, count(*) AS count ORDER BY type

// name: internal.version
// The embedded engine's version.
// params: none
CALL db_version() RETURN 'LadybugDB ' + version AS version

// name: internal.clear
// Remove every node and relationship (tests and `kg reset`).
// params: none
MATCH (n) DETACH DELETE n
