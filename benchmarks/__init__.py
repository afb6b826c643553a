"""Benchmarks: what the system costs (extraction, writes, queries, API) on a synthetic corpus."""
