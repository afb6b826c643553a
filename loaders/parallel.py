"""Extraction past one core: several processes (`kg ingest --workers N`) or a Dask cluster
(`kg ingest --dask tcp://HOST:8786`).

Both cut the articles into chunks, run `extract_many` on each chunk elsewhere, and hand the
results back in input order, so what is written, and so the graph, is exactly what a serial run
gives (event identity across articles depends on the order reports arrive in). At most a few
chunks per worker are in flight at a time: a million-article ingest streams, it is never all in
memory.

Worker processes on this machine are forked from the caller after its pipeline is built, so they
share it instead of each spending seconds building their own; `--workers N` forks N - 1 of them
and the caller extracts too, whenever it would otherwise wait (`_sharing_the_work`): N processes
on N cores, and the caller's own share costs nothing to send. Dask workers build the default
pipeline once per worker process, on their first chunk.

Results travel as plain tuples (`pack`), not pickled models: the caller rebuilds every graph it
receives, alone, while the workers extract, and unpickling pydantic models (one `__setstate__` per
mention) cost it about a tenth of a worker's time per article, which capped two workers near 1.7x.
A packed graph is rebuilt field for field (`unpack`), so it is equal to the one the worker built,
down to which fields were set; an article that failed arrives as its source and reason.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import types
import typing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from typing import Any, Protocol

from pydantic import BaseModel
from spacy.language import Language

from core.errors import ArticleError, ConfigError
from graph.model import ArticleGraph

#: Articles per chunk sent to a Dask worker: large enough that sending costs little next to
#: extracting (a few milliseconds an article), small enough that workers share the tail evenly.
CHUNK = 16
#: Chunks in flight per Dask worker: enough that no worker waits for the next one.
IN_FLIGHT_PER_WORKER = 4
#: Articles per chunk sent to a worker process of this machine: small, because when the input runs
#: out this process waits for the chunks the workers have started (a chunk costs the pool well
#: under 1 ms).
PROCESS_CHUNK = 4
#: Chunks in flight per worker process: enough that it keeps extracting while this process does
#: something else for a while (`kg ingest` writing a batch).
PROCESS_IN_FLIGHT = 16

Item = Any  # an ArticleLike (loaders.articles.LoadedArticle) or an ArticleError
#: ("packed", pack(graph)), ("graph", graph) where a graph does not fit its plan, or ("error", source, reason)
Outcome = tuple[Any, ...]

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


class _Plan(typing.NamedTuple):
    """How a model class packs: its field names in order, and which fields hold models."""

    names: tuple[str, ...]
    nested: tuple[tuple[int, bool, type[BaseModel]], ...]  # (field index, a list of them?, class)


_plans: dict[type, _Plan] = {}
_new = object.__new__
_set = object.__setattr__


def _model_class(annotation: Any) -> type[BaseModel] | None:
    return annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None


def _plan(cls: type[BaseModel]) -> _Plan:
    plan = _plans.get(cls)
    if plan is None:
        if cls.__private_attributes__ or cls.model_config.get("extra") == "allow":
            raise TypeError(f"{cls.__name__} has private or extra attributes: it does not pack")
        nested: list[tuple[int, bool, type[BaseModel]]] = []
        for i, field in enumerate(cls.model_fields.values()):
            annotation, args = field.annotation, typing.get_args(field.annotation)
            origin = typing.get_origin(annotation)
            if sub := _model_class(annotation):
                nested.append((i, False, sub))
            elif origin is list and args and (sub := _model_class(args[0])):
                nested.append((i, True, sub))
            elif origin in (typing.Union, types.UnionType):
                subs = [a for a in args if a is not type(None)]
                if any(_model_class(a) for a in subs):
                    if len(subs) != 1:
                        raise TypeError(f"{cls.__name__} has a union of models: it does not pack")
                    nested.append((i, False, subs[0]))
            elif any(_model_class(a) for a in args):
                raise TypeError(f"{cls.__name__} holds models in a {origin}: it does not pack")
        plan = _plans[cls] = _Plan(tuple(cls.model_fields), tuple(nested))
    return plan


def pack(model: BaseModel) -> tuple:
    """A model as a tuple of its field values (models within packed likewise) and, last, the set
    of fields that were set: what pickle loads in C, against a Python call per model otherwise.
    TypeError where a model does not fit its class's plan (then send the model itself)."""
    cls = type(model)
    plan = _plan(cls)
    fields = model.__dict__
    if tuple(fields) != plan.names or model.__pydantic_extra__ is not None or model.__pydantic_private__ is not None:
        raise TypeError(f"this {cls.__name__} does not hold exactly its fields")
    values = list(fields.values())
    for i, many, sub in plan.nested:
        value = values[i]
        if value is None:
            continue
        if many:
            if any(type(v) is not sub for v in value):
                raise TypeError(f"{cls.__name__}.{plan.names[i]} holds something else than {sub.__name__}")
            values[i] = [pack(v) for v in value]
        else:
            if type(value) is not sub:
                raise TypeError(f"{cls.__name__}.{plan.names[i]} holds something else than {sub.__name__}")
            values[i] = pack(value)
    values.append(model.__pydantic_fields_set__)
    return tuple(values)


def unpack(cls: type[BaseModel], packed: tuple) -> Any:
    """The model `pack` gave `packed` for: the same field values, the same fields set."""
    names, nested = _plan(cls)
    fields = dict(zip(names, packed, strict=False))  # the last item is the fields set
    for i, many, sub in nested:
        value = packed[i]
        if value is not None:
            fields[names[i]] = [unpack(sub, v) for v in value] if many else unpack(sub, value)
    model = _new(cls)
    _set(model, "__dict__", fields)
    _set(model, "__pydantic_fields_set__", packed[-1])
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


def _outcome(result: ArticleGraph | ArticleError) -> Outcome:
    if isinstance(result, ArticleError):
        return ("error", result.source, result.reason)
    try:
        return ("packed", pack(result))
    except TypeError:
        return ("graph", result)


def extract_chunk(chunk: list[Item], nlp: Language | None = None) -> list[Outcome]:
    """Run on a worker: the outcomes of one chunk, in chunk order."""
    from loaders.extract import extract_many

    items = [ArticleError(i[1], i[2]) if isinstance(i, tuple) else i for i in chunk]
    return [_outcome(result) for result in extract_many(items, nlp or _pipeline)]


def _restore(outcome: Outcome) -> ArticleGraph | ArticleError:
    kind = outcome[0]
    if kind == "packed":
        return unpack(ArticleGraph, outcome[1])
    if kind == "graph":
        return outcome[1]
    return ArticleError(outcome[1], outcome[2])


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


class _Future(Protocol):
    """What `_sharing_the_work` needs of a process pool's future."""

    def done(self) -> bool: ...

    def cancel(self) -> bool: ...

    def result(self) -> list[Outcome]: ...


def _sharing_the_work(
    items: Iterable[Item],
    submit: Callable[[list[Item]], _Future],
    window: int,
    chunk: int,
    extract_here: Callable[[list[Item]], list[ArticleGraph | ArticleError]],
) -> Iterator[ArticleGraph | ArticleError]:
    """As `_in_order`, but this process extracts too: while the oldest chunk out is not back, it
    extracts the next chunk itself instead of waiting. So N processes extract on N cores (not N
    workers plus a caller on top), and what this process extracts costs no packing nor unpacking.
    When the input runs out, it takes back the chunks no worker has started and extracts them
    itself, so the run does not end waiting for the workers' backlog."""
    parts = _chunks(items, chunk)
    # In input order: [True, graphs] extracted here, or [False, future, chunk] out at a worker.
    pending: deque[list[Any]] = deque()
    out = 0  # chunks at the workers
    exhausted = False
    while True:
        while not exhausted and out < window:
            if (part := next(parts, None)) is None:
                exhausted = True
            else:
                pending.append([False, submit(_portable(part)), part])
                out += 1
        if not pending:
            return
        head = pending[0]
        if not head[0] and not head[1].done():
            if not exhausted and len(pending) < 2 * window:
                if (part := next(parts, None)) is None:
                    exhausted = True
                else:
                    pending.append([True, extract_here(part)])
                continue
            if exhausted and (entry := _take_back(pending)) is not None:
                entry[:] = [True, extract_here(entry[2])]
                out -= 1
                continue
        pending.popleft()
        if head[0]:
            yield from head[1]
        else:
            out -= 1
            yield from map(_restore, head[1].result())


def _take_back(pending: deque[list[Any]]) -> list[Any] | None:
    """The last chunk out at a worker that no worker has started (now cancelled), if any."""
    for entry in reversed(pending):
        if not entry[0] and entry[1].cancel():
            return entry
    return None


def extract_parallel(
    items: Iterable[Item], workers: int, nlp: Language | None = None, chunk: int = PROCESS_CHUNK
) -> Iterator[ArticleGraph | ArticleError]:
    """`extract_many` on `workers` processes of this machine (this one and `workers - 1` forked),
    results in input order.

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
    # What exists now (the pipelines, the gazetteer) lives as long as the run: frozen, the garbage
    # collector of this process and of the workers forked from it stops walking it again and again
    # (and the workers stop copying the pages it touches in doing so). The shared pipelines froze
    # what existed when they were built; what came since (the caller's articles) is frozen too.
    thaw = gc.get_freeze_count() == 0
    gc.freeze()
    try:
        with ProcessPoolExecutor(max_workers=workers - 1, mp_context=context) as pool:
            try:
                yield from _sharing_the_work(
                    items,
                    lambda part: pool.submit(extract_chunk, part),
                    (workers - 1) * PROCESS_IN_FLIGHT,
                    chunk,
                    lambda part: list(extract_many(part, nlp)),
                )
            except BaseException:
                pool.shutdown(wait=False, cancel_futures=True)
                raise
    finally:
        if thaw:
            gc.unfreeze()


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
