"""The graph model, the stores that hold it, and the read-only views (visualisation, RDF)."""
