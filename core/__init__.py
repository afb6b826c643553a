"""The bottom layer every other package may import: text normalisation, errors and taxonomies.

It imports nothing of ours, so `loaders/`, `graph/`, `queries/` and `api/` can all share one
definition of each fact (the diacritics, the error classes, the kinds and types of DESIGN.md)
without importing upwards. The import-linter contract in pyproject.toml keeps it that way.
"""
