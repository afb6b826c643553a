"""Extraction past one core: several processes (`kg ingest --workers N`) or a Dask cluster
(`kg ingest --dask tcp://HOST:8786`).

Both cut the articles into chunks, run `extract_many` on each chunk elsewhere, and hand the
results back in input order, so what is written, and so the graph, is exactly what a serial run
gives (event identity across articles depends on the order reports arrive in). At most a few
chunks per worker are in flight at a time: a million-article ingest streams, it is never all in
memory.

Worker processes on this machine are forked from the caller after its pipeline is built, so they
share it instead of each spending seconds building their own. Dask workers build the default
pipeline once per worker process, on their first chunk. Results travel pickled: an `ArticleGraph`
arrives exactly as it was built, and an article that failed arrives as (source, reason).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any, Protocol

from spacy.language import Language

from core.errors import ArticleError, ConfigError
from graph.model import ArticleGraph

#: Articles per chunk sent to a worker: large enough that sending costs little next to extracting
#: (a few milliseconds an article), small enough that workers share the tail of a run evenly.
CHUNK = 16
#: Chunks in flight per worker: enough that no worker waits for the next one.
IN_FLIGHT_PER_WORKER = 4

Item = Any  # an ArticleLike (loaders.articles.LoadedArticle) or an ArticleError
Outcome = ArticleGraph | tuple[str, str]  # a graph, or (source, reason) of an article that failed

_pipeline: Language | None = None  # a pipeline given by the caller, inherited by forked workers (None: by language)


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _portable(chunk: list[Item]) -> list[Item]:
    """ArticleError pickles badly (its constructor takes two arguments): send it as a tuple."""
    return [("error", i.source, i.reason) if isinstance(i, ArticleError) else i for i in chunk]


def extract_chunk(chunk: list[Item], nlp: Language | None = None) -> list[Outcome]:
    """Run on a worker: the graphs of one chunk, failures as (source, reason), in chunk order."""
    from loaders.extract import extract_many

    items = [ArticleError(i[1], i[2]) if isinstance(i, tuple) else i for i in chunk]
    out: list[Outcome] = []
    for result in extract_many(items, nlp or _pipeline):
        out.append(result if isinstance(result, ArticleGraph) else (result.source, result.reason))
    return out


def _restore(outcome: Outcome) -> ArticleGraph | ArticleError:
    return outcome if isinstance(outcome, ArticleGraph) else ArticleError(*outcome)


class _Pending(Protocol):
    """What `_in_order` needs of a future: a process pool's and a Dask client's both have it."""

    def result(self) -> list[Outcome]: ...


def _in_order(
    items: Iterable[Item], submit: Callable[[list[Item]], _Pending], window: int, chunk: int
) -> Iterator[ArticleGraph | ArticleError]:
    """Submit chunks, keeping `window` in flight, and yield their results in input order."""
    pending: deque[_Pending] = deque()
    for part in _chunks(items, chunk):
        pending.append(submit(_portable(part)))
        if len(pending) >= window:
            yield from map(_restore, pending.popleft().result())
    while pending:
        yield from map(_restore, pending.popleft().result())


def extract_parallel(
    items: Iterable[Item], workers: int, nlp: Language | None = None, chunk: int = CHUNK
) -> Iterator[ArticleGraph | ArticleError]:
    """`extract_many` on `workers` processes of this machine, results in input order.

    With one worker, or where processes cannot be forked, it runs in this process.
    """
    from loaders.extract import extract_many, pipeline_for
    from loaders.language import SUPPORTED_LANGUAGES

    if workers < 1:
        raise ConfigError(f"--workers must be 1 or more, not {workers}")
    if nlp is None:
        for language in SUPPORTED_LANGUAGES:
            pipeline_for(language)  # built once here: forked workers inherit each language's pipeline
    if workers == 1 or "fork" not in multiprocessing.get_all_start_methods():
        yield from extract_many(items, nlp)
        return
    global _pipeline
    _pipeline = nlp  # inherited by the forked workers
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        try:
            yield from _in_order(
                items, lambda part: pool.submit(extract_chunk, part), workers * IN_FLIGHT_PER_WORKER, chunk
            )
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def extract_on_dask(
    items: Iterable[Item], address: str, chunk: int = CHUNK, timeout_s: float = 10.0
) -> Iterator[ArticleGraph | ArticleError]:
    """`extract_many` on the workers of the Dask cluster at `address` (e.g. tcp://scheduler:8786),
    results in input order. Each worker needs this project installed (the same version)."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise ConfigError("--dask needs dask.distributed: pip install 'kg-news[dask]'") from exc
    try:
        client = Client(address, timeout=timeout_s)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        threads = sum(client.nthreads().values()) or 1
        yield from _in_order(
            items,
            lambda part: client.submit(extract_chunk, part, pure=False),
            threads * IN_FLIGHT_PER_WORKER,
            chunk,
        )
