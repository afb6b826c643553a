"""Developer scripts. A package so that tests and benchmarks import the Neo4j test server as
`scripts.neo4j_server` without editing sys.path; each script still runs as `python scripts/<name>.py`."""
