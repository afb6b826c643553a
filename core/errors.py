"""One base exception for the project, with a few subclasses that callers can act on."""

from __future__ import annotations

from typing import Any


class KGError(Exception):
    """Base of every error the project raises on purpose; the message says what to do."""


class ConfigError(KGError):
    """Settings are missing or contradictory (backend name, paths, credentials)."""


class StoreError(KGError):
    """The graph store refused or failed an operation; nothing partial was kept.

    The message is for the operator (it may name files, processes, driver internals); `public` is
    what an HTTP client is told instead.
    """

    public = "the graph store failed this request; nothing was changed"

    def __init__(self, message: str, public: str | None = None) -> None:
        super().__init__(message)
        if public is not None:
            self.public = public


class StoreUnavailable(StoreError):
    """The store cannot be reached or opened (server down, directory locked)."""

    public = "the graph store is unavailable; try again shortly"


class QueryError(KGError):
    """A named query is unknown, malformed, or was called with the wrong parameters."""


class ArticleError(KGError):
    """One input article could not be read or parsed; the rest of a batch goes on."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class NotFound(KGError):
    """An id or name given by the user matches nothing in the graph."""


class AmbiguousName(QueryError):
    """A name matches several actors (or places) equally well; the caller must pick an id."""

    def __init__(self, noun: str, name: str, candidates: list[dict[str, Any]]) -> None:
        listed = ", ".join(f"{c['id']} ({c['name']})" for c in candidates[:10])
        super().__init__(f"{noun} {name!r} matches {len(candidates)} {noun}s: {listed}; give one of these ids")
        self.name = name
        self.candidates = candidates
