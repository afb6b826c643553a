"""The serving layer: the FastAPI app and the `kg` command line."""
