"""Named Cypher queries (`.cypher` files) and the registry that loads them."""

from queries.registry import NamedQuery, Registry, get_registry

__all__ = ["NamedQuery", "Registry", "get_registry"]
