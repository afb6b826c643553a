"""Writing many extracted articles: batches, and one broken article never spoils a batch."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from core.errors import ArticleError, KGError, StoreUnavailable
from graph.model import ArticleGraph
from graph.stores.base import GraphStore

log = logging.getLogger(__name__)

#: Articles per write transaction: large enough that commit costs stay small (measured in
#: benchmarks/), small enough that one failed batch is cheap to retry article by article.
ARTICLES_PER_BATCH = 500


@dataclass
class IngestReport:
    articles: int = 0  # written
    events: int = 0
    statements: int = 0
    merged_events: int = 0  # reports that joined an event another source had already reported
    errors: list[ArticleError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # stored, but with something the reader must know
    nodes_before: dict[str, int] = field(default_factory=dict)
    nodes_after: dict[str, int] = field(default_factory=dict)
    rels_before: dict[str, int] = field(default_factory=dict)
    rels_after: dict[str, int] = field(default_factory=dict)

    def added(self) -> dict[str, int]:
        """New nodes per label and relationships per type that this ingest brought."""
        out = {}
        for label in sorted(set(self.nodes_after) | set(self.nodes_before)):
            out[label] = self.nodes_after.get(label, 0) - self.nodes_before.get(label, 0)
        for rtype in sorted(set(self.rels_after) | set(self.rels_before)):
            out[rtype] = self.rels_after.get(rtype, 0) - self.rels_before.get(rtype, 0)
        return out


def ingest(
    store: GraphStore,
    items: Iterable[ArticleGraph | ArticleError],
    articles_per_batch: int = ARTICLES_PER_BATCH,
    on_item: Callable[[ArticleGraph | ArticleError], None] | None = None,
) -> IngestReport:
    """Write articles in batches of one transaction each.

    When a batch fails, its articles are retried one by one, so only the article at fault is
    reported and the others are kept. A store that stops answering ends the run.
    """
    report = IngestReport()
    before = store.status()
    report.nodes_before, report.rels_before = before.nodes, before.relationships
    batch: list[ArticleGraph] = []

    def flush() -> None:
        if not batch:
            return
        try:
            result = store.write(batch)
            log.info("wrote a batch of %d article(s): %d rows in %d write(s)", len(batch), result.rows, result.batches)
            report.articles += result.articles
            report.merged_events += result.merged_events
            report.events += sum(len(g.events) for g in batch)
            report.statements += sum(len(g.statements) for g in batch)
        except StoreUnavailable:
            raise
        except KGError as exc:
            log.info("a batch of %d article(s) failed (%s); writing them one by one", len(batch), exc)
            for g in batch:
                try:
                    result = store.write([g])
                except StoreUnavailable:
                    raise
                except KGError as exc:
                    log.info("not stored: %s: %s", g.article.file or g.article.id, exc)
                    report.errors.append(ArticleError(g.article.file or g.article.id, f"not stored: {exc}"))
                    continue
                report.articles += 1
                report.merged_events += result.merged_events
                report.events += len(g.events)
                report.statements += len(g.statements)
        batch.clear()

    for item in items:
        if on_item:
            on_item(item)
        if isinstance(item, ArticleError):
            report.errors.append(item)
            continue
        report.warnings.extend(item.warnings)
        batch.append(item)
        if len(batch) >= articles_per_batch:
            flush()
    flush()
    after = store.status()
    report.nodes_after, report.rels_after = after.nodes, after.relationships
    return report
