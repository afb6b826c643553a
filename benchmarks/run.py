"""What the system costs: extraction, writes, queries and the API, at growing corpus sizes.

One command runs everything and writes `benchmarks/results/latest.json` and `latest.md`:

    python -m benchmarks.run --sizes 1000,10000 --stores ladybug,neo4j --out benchmarks/results

For each size it generates the synthetic corpus (benchmarks.corpus), extracts it once, then for each
store: writes it with our writer (`store.write` in batches, as `kg ingest` does), times the named
queries analysts use, loads the HTTP API under fixed concurrency, measures disk and memory, and
bulk-loads the same rows into an empty store as the floor the writer is compared with. Neo4j is the
real server from scripts/neo4j_server.py, started by the run (fresh for every phase) unless
NEO4J_URI names one, which is then cleared before each phase. See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import cProfile
import inspect
import io
import json
import logging
import os
import pstats
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.corpus import DEFAULT_EVENTS_PER_DAY, get_cast, write_corpus
from benchmarks.floor import RowRecorder, ladybug_floor, neo4j_floor
from benchmarks.load import ApiServer, run_load
from benchmarks.measure import (
    Stopwatch,
    current_rss_mb,
    ladybug_files,
    latency_summary,
    machine_info,
    mb,
    peak_rss_mb,
    proc_status_mb,
    rate,
    timed_iter,
    tree_bytes,
)
from graph.model import ArticleGraph
from graph.rows import GraphRows
from graph.settings import Settings

REPO = Path(__file__).resolve().parents[1]
CLAIM_KINDS = ("claim_responsibility", "deny_responsibility", "accuse")
PARALLEL_PARAMS = ("workers", "processes", "n_process", "jobs", "n_jobs")

#: The targets of benchmarks/README.md, checked against the figures at the end of a run.
TARGETS = {
    "writer_vs_floor_max_ratio": 1.5,
    "claims_p50_ms_at_10k": 20.0,
    "api_claims_p99_ms_32_clients_at_10k": 100.0,
    "extraction_min_articles_per_s_per_core": 200.0,
}


@dataclass
class Config:
    sizes: list[int]
    stores: list[str]
    out: Path
    workdir: Path
    seed: int
    events_per_day: int
    articles_per_batch: int
    query_reps: int
    query_budget_s: float
    api_clients: list[int]
    api_cache: list[str]
    api_duration_s: float
    api_max_requests: int
    api_graph_hops: int
    write_budget_s: float
    floor_batch_rows: int
    profile: bool
    max_rss_mb: float

    def as_dict(self) -> dict[str, Any]:
        return {k: (str(v) if isinstance(v, Path) else v) for k, v in self.__dict__.items()}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# -- Neo4j: a fresh real server per phase, or the one NEO4J_URI names ------------------------------


class Neo4jProvider:
    """Hands out an empty Neo4j for each phase and remembers the JVM's peak memory."""

    def __init__(self, workdir: Path) -> None:
        self.external = os.environ.get("NEO4J_URI")
        self.workdir = workdir
        self._server: Any = None
        self.uri: str | None = self.external
        self.version: str | None = None
        self.startup_s: float | None = None

    def settings(self) -> Settings:
        assert self.uri is not None
        return Settings(backend="neo4j", neo4j_uri=self.uri, neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
                        neo4j_password=os.environ.get("NEO4J_PASSWORD", ""),
                        neo4j_database=os.environ.get("NEO4J_DATABASE") or None)

    def fresh(self) -> Settings:
        """An empty database: a newly started server, or the external one cleared."""
        if self.external:
            from graph.stores import make_store

            with make_store(self.settings()) as store:
                store.clear()
            return self.settings()
        self.stop()
        sys.path.insert(0, str(REPO / "scripts"))
        from neo4j_server import Neo4jTestServer

        self._server = Neo4jTestServer(data_root=self.workdir).start()
        self.uri = self._server.uri
        self.version = self._server.version
        self.startup_s = round(self._server.startup_seconds or 0.0, 1)
        return self.settings()

    @property
    def pid(self) -> int | None:
        return self._server.pid if self._server is not None else None

    def data_bytes(self) -> int | None:
        if self._server is None or self._server.data_dir is None:
            return None
        home = Path(self._server.data_dir)
        return tree_bytes(home / "data") if (home / "data").exists() else tree_bytes(home)

    def jvm_peak_mb(self) -> float | None:
        return proc_status_mb(self.pid, "VmHWM") if self.pid else None

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop()
            self._server = None


# -- corpus and extraction -------------------------------------------------------------------------


def read_graphs(path: Path) -> Iterator[ArticleGraph]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            yield ArticleGraph.model_validate_json(line)


def batches(path: Path, size: int) -> Iterator[list[ArticleGraph]]:
    batch: list[ArticleGraph] = []
    for g in read_graphs(path):
        batch.append(g)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def parallel_option() -> dict[str, Any]:
    """Whether extraction can run on several processes (a parameter of extract_many or `kg ingest`)."""
    from loaders.extract import extract_many

    found = [p for p in inspect.signature(extract_many).parameters if p in PARALLEL_PARAMS]
    cli: list[str] = []
    try:
        from api.commands.ingest import ingest_command

        cli = [p for p in inspect.signature(ingest_command).parameters if p in PARALLEL_PARAMS]
    except ImportError:
        pass
    return {"extract_many": found[0] if found else None, "kg_ingest": cli[0] if cli else None}


def measure_extraction(corpus: Path, graphs_out: Path) -> dict[str, Any]:
    """Load + extract every article once (one process), saving the graphs for the write phases."""
    from loaders.articles import iter_articles
    from loaders.extract import extract_many
    from loaders.nlp.pipeline import get_nlp

    t0 = time.perf_counter()
    nlp = get_nlp()
    pipeline_s = time.perf_counter() - t0
    load = Stopwatch()
    save = Stopwatch()
    graphs = errors = 0
    t0 = time.perf_counter()
    with graphs_out.open("w", encoding="utf-8") as handle:
        for item in extract_many(timed_iter(iter_articles([corpus]), load), nlp):
            with save:
                if isinstance(item, ArticleGraph):
                    handle.write(item.model_dump_json() + "\n")
                    graphs += 1
                else:
                    errors += 1
    total_s = time.perf_counter() - t0
    extract_s = total_s - load.seconds - save.seconds
    articles = graphs + errors
    result: dict[str, Any] = {
        "articles": articles,
        "graphs": graphs,
        "errors": errors,
        "pipeline_load_s": round(pipeline_s, 2),
        "load_s": round(load.seconds, 2),
        "extract_s": round(extract_s, 2),
        "articles_per_s": rate(articles, extract_s),
        "articles_per_s_with_loading": rate(articles, extract_s + load.seconds),
        "processes": 1,
    }
    option = parallel_option()
    result["parallel_option"] = option
    if option["extract_many"]:
        workers = os.cpu_count() or 1
        t0 = time.perf_counter()
        n = sum(1 for _ in extract_many(iter_articles([corpus]), **{option["extract_many"]: workers}))
        took = time.perf_counter() - t0
        result["parallel"] = {"processes": workers, "articles": n, "seconds": round(took, 2),
                              "articles_per_s_with_loading": rate(n, took)}
    return result


def graph_shape(rows: GraphRows) -> dict[str, Any]:
    """What the extracted corpus looks like as a graph: the shape the queries run against."""
    reports = Counter(r["src"] for r in rows.rows["write.event_reported_in"].values())
    kinds = Counter(r["kind"] for r in rows.rows["write.statement"].values())
    return {
        "rows": rows.count(),
        "nodes": {label: len(rows.rows[f"write.{label.lower()}"]) for label in
                  ("Article", "Actor", "Place", "Event", "Statement")},
        "events_with_2plus_reports": sum(1 for n in reports.values() if n >= 2),
        "max_reports_per_event": max(reports.values(), default=0),
        "statements_by_kind": dict(sorted(kinds.items())),
    }


# -- realistic parameters, drawn from the data ------------------------------------------------------


def query_params(rows: GraphRows, seed: int) -> dict[str, list[dict[str, Any]]]:
    """Parameter sets for each measured query: ids and names that exist in the graph, hubs and not."""
    rng = random.Random(seed)
    statements = rows.rows["write.statement"]
    claimants = Counter(r["src"] for r in rows.rows["write.made"].values()
                        if statements.get((r["dst"], None, None), {}).get("kind") in CLAIM_KINDS)
    accused = Counter(r["dst"] for r in rows.rows["write.accuses"].values())
    active = Counter(r["src"] for r in rows.rows["write.carried_out"].values())
    active.update(r["src"] for r in rows.rows["write.made"].values())
    reports = Counter(r["src"] for r in rows.rows["write.event_reported_in"].values())
    places = [r["dst"] for r in rows.rows["write.located_in"].values()]
    months = sorted({(r.get("date") or "")[:7] for r in statements.values() if r.get("date")})

    def sample(counter: Counter[str], k: int) -> list[str]:
        common = [x for x, _ in counter.most_common(k)]  # hubs
        rest = sorted(set(counter) - set(common))
        return common[: k // 2] + rng.sample(rest, min(len(rest), k - k // 2))

    claim_actors = sample(claimants + accused, 10) or ["islamic-resistance-in-iraq"]
    multi = sorted(e for e, n in reports.items() if n >= 2) or sorted(reports)
    events = rng.sample(multi, min(20, len(multi)))
    actors = sample(active, 20) or claim_actors
    governorates = sorted(set(places)) or [None]

    claims: list[dict[str, Any]] = [{}, {"kind": "claim_responsibility"}, {"kind": "deny_responsibility"},
                                    {"kind": "accuse"}, {"event_type": "attack"}]
    claims += [{"actor": a} for a in claim_actors]
    claims += [{"place": p} for p in rng.sample(governorates, min(5, len(governorates))) if p]
    if months:
        claims += [{"since": m} for m in rng.sample(months, min(3, len(months)))]
        claims += [{"until": m} for m in rng.sample(months, min(2, len(months)))]

    cast = get_cast()
    names: list[str] = []
    for a in actors[:10]:
        entity = cast.actors.get(a)
        if entity is not None:
            names += [entity.name_ar, entity.name, entity.name_ar.split(" ")[0]]
    names += [p.name_ar for p in rng.sample(cast.cities, min(10, len(cast.cities)))]
    pairs = [(actors[i], actors[-1 - i]) for i in range(min(10, len(actors) // 2))]
    return {
        "claims": claims,
        "event_detail": [{"event_id": e} for e in events],
        "actor_profile": [{"actor_id": a} for a in actors],
        "neighbourhood": [{"center": a, "hops": 2} for a in actors[:10]],
        "shortest_path": [{"source": a, "target": b} for a, b in pairs],
        "search": [{"text": n} for n in names],
    }


def measure_queries(store: Any, params: dict[str, list[dict[str, Any]]], reps: int, budget_s: float
                    ) -> dict[str, Any]:
    """p50/p95/p99 of each analyst query, as the API calls them (the functions composing the Cypher)."""
    from graph import analyst, subgraph

    named: dict[str, list[float]] = {}
    original = store.query

    def timed_query(name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        t0 = time.perf_counter()
        try:
            return original(name, params)
        finally:
            named.setdefault(name, []).append(time.perf_counter() - t0)

    store.query = timed_query  # shadows the method on this instance only: which Cypher the time goes to
    try:
        return _measure_calls(store, params, reps, budget_s, named, analyst, subgraph)
    finally:
        del store.query


def _measure_calls(store: Any, params: dict[str, list[dict[str, Any]]], reps: int, budget_s: float,
                   named: dict[str, list[float]], analyst: Any, subgraph: Any) -> dict[str, Any]:
    calls: dict[str, Callable[[dict[str, Any]], Any]] = {
        "claims": lambda p: analyst.claims(store, **p),
        "event_detail": lambda p: analyst.event_detail(store, p["event_id"]),
        "actor_profile": lambda p: analyst.actor_profile(store, p["actor_id"]),
        "neighbourhood": lambda p: subgraph.subgraph(store, p["center"], hops=p["hops"]),
        "shortest_path": lambda p: subgraph.shortest_path(store, p["source"], p["target"]),
        "search": lambda p: subgraph.search(store, p["text"]),
    }
    out: dict[str, Any] = {}
    for name, fn in calls.items():
        sets = params.get(name) or []
        if not sets:
            out[name] = {"n": 0, "note": "no parameters found in the data"}
            continue
        errors: Counter[str] = Counter()
        named.clear()
        for p in sets[:2]:  # warm caches and compiled plans; not counted
            try:
                fn(p)
            except Exception:  # noqa: BLE001
                pass
        named.clear()
        durations: list[float] = []
        by_set: dict[int, list[float]] = {}
        deadline = time.perf_counter() + budget_s
        for i in range(reps):
            t0 = time.perf_counter()
            try:
                fn(sets[i % len(sets)])
            except Exception as exc:  # noqa: BLE001 - counted and reported, the run goes on
                errors[f"{type(exc).__name__}: {str(exc)[:120]}"] += 1
            took = time.perf_counter() - t0
            durations.append(took)
            by_set.setdefault(i % len(sets), []).append(took)
            if time.perf_counter() > deadline:
                break
        # The parameter set that is slowest at its median: where a tail comes from.
        worst = max(by_set, key=lambda k: sorted(by_set[k])[len(by_set[k]) // 2])
        out[name] = {**latency_summary(durations), "errors": sum(errors.values()),
                     "error_examples": dict(errors.most_common(3)), "param_sets": len(sets),
                     "slowest_params": {"params": sets[worst], **latency_summary(by_set[worst])},
                     # Mean ms per call of each named Cypher query the function ran, and calls per run.
                     "named_queries": {q: {"calls_per_run": round(len(v) / max(1, len(durations)), 2),
                                           "mean_ms": round(1000 * sum(v) / len(v), 2)}
                                       for q, v in sorted(named.items())}}
    return out


def api_params(params: dict[str, list[dict[str, Any]]], hops: int) -> dict[str, list[dict[str, Any]]]:
    claims = [{k: v for k, v in p.items()} for p in params["claims"]]
    graph = [{"actor": p["center"], "hops": hops} for p in params["neighbourhood"]]
    return {"/claims": claims, "/graph.json": graph}


# -- one store at one size ----------------------------------------------------------------------------


def write_all(store: Any, graphs_path: Path, cfg: Config, total: int, label: str, recorder: RowRecorder
              ) -> dict[str, Any]:
    """Our writer: `store.write` per batch of articles, timed around the call only; the rows it built
    are kept by `recorder` for the floor (merged between calls, outside the timing)."""
    watch = Stopwatch()
    profiler = cProfile.Profile() if cfg.profile else None
    with recorder:
        return _write_loop(store, graphs_path, cfg, total, label, recorder, watch, profiler)


def _write_loop(store: Any, graphs_path: Path, cfg: Config, total: int, label: str, recorder: RowRecorder,
                watch: Stopwatch, profiler: cProfile.Profile | None) -> dict[str, Any]:
    written = rows = batches_n = merged = 0
    complete = True
    stopped: str | None = None
    rss_start = current_rss_mb()
    last_report = time.perf_counter()
    for batch in batches(graphs_path, cfg.articles_per_batch):
        if profiler:
            profiler.enable()
        with watch:
            result = store.write(batch)
        if profiler:
            profiler.disable()
        recorder.drain()
        written += result.articles
        rows += result.rows
        merged += result.merged_events
        batches_n += 1
        if time.perf_counter() - last_report > 15:
            last_report = time.perf_counter()
            log(f"{label}: {written}/{total} articles written, {rate(written, watch.seconds)} art/s, "
                f"RSS {current_rss_mb()} MB")
        if watch.seconds > cfg.write_budget_s:
            log(f"{label}: write budget of {cfg.write_budget_s:.0f} s spent after {written} articles; stopping")
            stopped = f"time budget of {cfg.write_budget_s:.0f} s"
            complete = False
            break
        rss = current_rss_mb()
        if rss is not None and rss > cfg.max_rss_mb:
            log(f"{label}: process RSS {rss:.0f} MB is over --max-rss ({cfg.max_rss_mb:.0f} MB) after "
                f"{written} articles; stopping")
            stopped = f"RSS {rss:.0f} MB over the {cfg.max_rss_mb:.0f} MB limit"
            complete = False
            break
    out = {
        "articles": written,
        "rows": rows,
        "batches": batches_n,
        "articles_per_batch": cfg.articles_per_batch,
        "merged_event_reports": merged,
        "seconds": round(watch.seconds, 2),
        "articles_per_s": rate(written, watch.seconds),
        "rows_per_s": rate(rows, watch.seconds),
        "complete": complete,
        "stopped": stopped,
        "profiled": bool(profiler),
        # Memory the bench process gained while writing (the store lives in it for LadybugDB).
        "rss_growth_mb": round((current_rss_mb() or 0) - (rss_start or 0), 1),
    }
    if profiler:
        path = cfg.out / f"profile-writer-{label.replace(' ', '-')}.txt"
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(40)
        path.write_text(buffer.getvalue())
        out["profile"] = str(path)
    return out


def bench_store(backend: str, size: int, graphs_path: Path, shared: dict[str, Any], cfg: Config,
                neo: Neo4jProvider | None) -> dict[str, Any]:
    """Writer, queries, API, disk and memory, then the floor, for one store at one size.

    `shared` carries the query parameters across stores: drawn from the first store's rows, so both
    stores answer the same questions.
    """
    from graph.stores import make_store

    label = f"{backend} {size}"
    result: dict[str, Any] = {}
    marks: dict[str, dict[str, float | None]] = {}

    def mark(phase: str) -> None:
        """Peak and current RSS of the bench process after a phase: which phase the memory went to."""
        marks[phase] = {"peak_mb": peak_rss_mb(), "rss_mb": current_rss_mb()}

    mark("start")
    base = cfg.workdir / f"{backend}-{size}"
    shutil.rmtree(base, ignore_errors=True)
    base.mkdir(parents=True)

    # 1. our writer, into an empty store
    if backend == "ladybug":
        settings = Settings(backend="ladybug", db_path=base / "writer" / "graph.lbug")
    else:
        assert neo is not None
        log(f"{label}: starting a fresh Neo4j for the writer")
        settings = neo.fresh()
        result["neo4j_server"] = {"uri": neo.uri, "version": neo.version, "startup_s": neo.startup_s,
                                  "external": bool(neo.external)}
    store = make_store(settings).open()
    try:
        log(f"{label}: writing with store.write, {cfg.articles_per_batch} articles per batch")
        recorder = RowRecorder()
        result["write"] = write_all(store, graphs_path, cfg, size, label, recorder)
        log(f"{label}: writer {result['write']['articles_per_s']} art/s, {result['write']['rows_per_s']} rows/s")
        mark("after_writer")
        rows = recorder.rows
        if not rows.count():
            raise RuntimeError("no rows captured: the writer no longer calls graph.rows.to_rows; "
                               "update benchmarks/floor.py's RowRecorder")
        if "params" not in shared:
            shared["graph"] = graph_shape(rows)
            shared["params"] = query_params(rows, cfg.seed)
        params = shared["params"]
        status = store.status()
        result["store_version"] = status.version
        result["counts"] = {"nodes": status.nodes, "relationships": status.relationships}
        log(f"{label}: timing queries")
        result["queries"] = measure_queries(store, params, cfg.query_reps, cfg.query_budget_s)
        mark("after_queries")
    finally:
        store.close()
    mark("after_close")

    # 2. disk and memory after the writer
    if backend == "ladybug":
        files = ladybug_files(settings.db_path)
        result["disk"] = {"files": files, "total_mb": mb(sum(files.values()))}
    else:
        data = neo.data_bytes() if neo else None
        result["disk"] = {"data_dir_mb": mb(data) if data is not None else None}

    # 3. the HTTP API in its own process
    env = {"KG_BACKEND": backend}
    if backend == "ladybug":
        env["KG_DB_PATH"] = str(settings.db_path)
    else:
        env["NEO4J_URI"] = settings.neo4j_uri
    api: dict[str, Any] = {"runs": [], "server_peak_rss_mb": None}
    for cache in cfg.api_cache:
        # The server keeps read results for KG_QUERY_CACHE_SECONDS (10 s by default). With a few
        # dozen parameter sets nearly every request would be a hit, so "off" measures the queries
        # and "on" the server as deployed.
        server_env = {**env, **({"KG_QUERY_CACHE_SECONDS": "0"} if cache == "off" else {})}
        server = ApiServer(server_env, base / f"api-server-cache-{cache}.log", cwd=REPO)
        try:
            log(f"{label}: API load (cache {cache}) at {cfg.api_clients} clients, {cfg.api_duration_s:.0f} s each")
            with server:
                for path, sets in api_params(params, cfg.api_graph_hops).items():
                    for clients in cfg.api_clients:
                        res = run_load(server.url, path, sets, clients, cfg.api_duration_s, cfg.api_max_requests,
                                       watch_pids={"server": server.pid or 0,
                                                   "neo4j": neo.pid if neo and backend == "neo4j" else 0})
                        api["runs"].append({"cache": cache, **res.as_dict()})
                        log(f"{label}: {path} x{clients} (cache {cache}): {res.as_dict()['throughput_rps']} req/s, "
                            f"p99 {res.as_dict()['p99_ms']} ms, {res.errors} errors")
        except Exception as exc:  # noqa: BLE001 - the other figures are still worth keeping
            api["error"] = f"{type(exc).__name__}: {exc}"
            log(f"{label}: API load failed: {api['error']}")
        peaks = [p for p in (api["server_peak_rss_mb"], server.peak_rss_mb) if p is not None]
        api["server_peak_rss_mb"] = max(peaks) if peaks else None
    result["api"] = api
    result["memory"] = {"bench_peak_rss_mb": peak_rss_mb(), "marks": marks}
    if backend == "neo4j" and neo is not None:
        result["memory"]["neo4j_jvm_peak_mb"] = neo.jvm_peak_mb()

    # 4. the floor: the same rows, bulk-loaded into an empty store
    log(f"{label}: floor (bulk load of {rows.count()} rows)")
    if backend == "ladybug":
        floor_path = base / "floor" / "graph.lbug"
        floor_path.parent.mkdir(parents=True)
        floor = ladybug_floor(floor_path, rows)
        floor_settings = Settings(backend="ladybug", db_path=floor_path)
    else:
        assert neo is not None
        floor_settings = neo.fresh()
        with make_store(floor_settings):
            pass  # constraints and indexes in place, as for the writer
        auth = (floor_settings.neo4j_user, floor_settings.neo4j_password) if floor_settings.neo4j_password else None
        floor = neo4j_floor(floor_settings.neo4j_uri, auth, rows, cfg.floor_batch_rows, floor_settings.neo4j_database)
    mark("after_floor")
    floor["rows"] = rows.count()
    floor["rows_per_s"] = rate(rows.count(), floor["load_s"])
    floor["articles_per_s"] = rate(size, floor["load_s"])
    with make_store(floor_settings) as check:
        st = check.status()
        floor["counts"] = {"nodes": st.nodes, "relationships": st.relationships}
    floor["same_counts_as_writer"] = floor["counts"] == result["counts"]
    if backend == "neo4j" and neo is not None:
        floor["neo4j_jvm_peak_mb"] = neo.jvm_peak_mb()
        neo.stop()
    result["floor"] = floor
    w = result["write"]
    if w["complete"] and floor["load_s"] > 0:
        result["writer_vs_floor"] = round(w["seconds"] / floor["load_s"], 2)
    else:
        result["writer_vs_floor"] = None
    log(f"{label}: floor {floor['rows_per_s']} rows/s; writer/floor = {result['writer_vs_floor']}")
    return result


def bench_size(size: int, cfg: Config, neo: Neo4jProvider | None) -> dict[str, Any]:
    run: dict[str, Any] = {"size": size}
    corpus = cfg.workdir / f"corpus-{size}-seed{cfg.seed}.jsonl"
    t0 = time.perf_counter()
    write_corpus(corpus, size, cfg.seed, events_per_day=cfg.events_per_day)
    generate_s = time.perf_counter() - t0
    with corpus.open(encoding="utf-8") as handle:
        chars = sum(len(json.loads(line)["text"]) for line in handle)
    run["corpus"] = {"articles": size, "seed": cfg.seed, "bytes": corpus.stat().st_size,
                     "mean_text_chars": round(chars / max(1, size)), "generate_s": round(generate_s, 2)}
    log(f"size {size}: corpus written ({mb(corpus.stat().st_size)} MB); extracting")
    graphs_path = cfg.workdir / f"graphs-{size}.jsonl"
    run["extraction"] = measure_extraction(corpus, graphs_path)
    log(f"size {size}: extraction {run['extraction']['articles_per_s']} art/s")
    run["stores"] = {}
    shared: dict[str, Any] = {}
    for backend in cfg.stores:
        try:
            run["stores"][backend] = bench_store(backend, size, graphs_path, shared, cfg, neo)
        except Exception as exc:  # noqa: BLE001 - one store failing must not lose the other's figures
            log(f"{backend} {size}: FAILED: {type(exc).__name__}: {exc}")
            run["stores"][backend] = {"error": f"{type(exc).__name__}: {exc}"}
            if neo is not None and backend == "neo4j":
                neo.stop()
    if "graph" in shared:
        run["graph"] = shared["graph"]
        run["query_params"] = {k: len(v) for k, v in shared["params"].items()}
    return run


# -- targets and output --------------------------------------------------------------------------------


def check_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each README target, per store and size where it applies: the value, and whether it is met."""
    out: list[dict[str, Any]] = []
    for run in results["runs"]:
        size = run["size"]
        ext = run.get("extraction", {})
        if ext.get("articles_per_s") is not None:
            v = ext["articles_per_s"] / max(1, ext.get("processes", 1))
            out.append({"target": "extraction >= 200 articles/s per core", "size": size, "store": "-",
                        "value": round(v, 1), "met": v >= TARGETS["extraction_min_articles_per_s_per_core"]})
        for backend, res in run.get("stores", {}).items():
            ratio = res.get("writer_vs_floor")
            out.append({"target": "writer within 1.5x of the bulk-load floor", "size": size, "store": backend,
                        "value": ratio, "met": ratio is not None and ratio <= TARGETS["writer_vs_floor_max_ratio"]})
            if size == 10_000:
                p50 = res.get("queries", {}).get("claims", {}).get("p50_ms")
                out.append({"target": "claims p50 < 20 ms at 10k", "size": size, "store": backend, "value": p50,
                            "met": p50 is not None and p50 < TARGETS["claims_p50_ms_at_10k"]})
                runs = res.get("api", {}).get("runs", [])
                claims32 = [r for r in runs if r["path"] == "/claims" and r["clients"] == 32]
                claims32.sort(key=lambda r: r.get("cache") != "off")  # the query path, not cache hits, when measured
                p99 = claims32[0]["p99_ms"] if claims32 else None
                limit = TARGETS["api_claims_p99_ms_32_clients_at_10k"]
                out.append({"target": "API /claims p99 < 100 ms at 32 clients, 10k", "size": size, "store": backend,
                            "value": p99, "met": p99 is not None and p99 < limit})
    return out


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "NO"
    if isinstance(v, float):
        return f"{v:,.1f}" if abs(v) >= 10 else f"{v:.2f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _cores(cpu: dict[str, float | None]) -> str:
    """'server 1.9, neo4j 0.2, client 0.4': who used the machine's cores during a load."""
    return ", ".join(f"{k} {v:.2f}" for k, v in cpu.items() if v is not None) or "-"


def _table(header: Sequence[str], rows: list[Sequence[Any]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_fmt(c) for c in row) + " |" for row in rows]
    return lines + [""]


def markdown(results: dict[str, Any]) -> str:
    m = results["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Run {m['date']} on {m['cpu_model']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['os']}; "
        f"Python {m['python']}; " + ", ".join(f"{k} {v}" for k, v in m["packages"].items() if v) + ".",
    ]
    versions = sorted({res.get("store_version") for run in results["runs"] for res in run.get("stores", {}).values()
                       if res.get("store_version")})
    if versions:
        lines.append(f"Stores: {', '.join(versions)}.")
    lines += ["", f"Command: `{results['command']}`", ""]

    lines += ["## Extraction (one process)", ""]
    lines += _table(
        ["articles", "errors", "articles/s", "articles/s incl. loading", "parallel option", "parallel articles/s"],
        [[r["size"], r["extraction"]["errors"], r["extraction"]["articles_per_s"],
          r["extraction"]["articles_per_s_with_loading"],
          r["extraction"]["parallel_option"]["extract_many"] or "none",
          (r["extraction"].get("parallel") or {}).get("articles_per_s_with_loading")] for r in results["runs"]],
    )
    lines += ["## Graph shape", ""]
    lines += _table(
        ["articles", "rows", "events", "events with 2+ reports", "statements", "claims", "denials", "accusations"],
        [[r["size"], r["graph"]["rows"], r["graph"]["nodes"]["Event"], r["graph"]["events_with_2plus_reports"],
          r["graph"]["nodes"]["Statement"], r["graph"]["statements_by_kind"].get("claim_responsibility", 0),
          r["graph"]["statements_by_kind"].get("deny_responsibility", 0),
          r["graph"]["statements_by_kind"].get("accuse", 0)] for r in results["runs"] if "graph" in r],
    )

    store_rows = [(r, b, res) for r in results["runs"] for b, res in r.get("stores", {}).items()]
    failed = [(r["size"], b, res["error"]) for r, b, res in store_rows if "write" not in res]
    ok = [(r, b, res) for r, b, res in store_rows if "write" in res]
    lines += ["## Writes: our writer vs the bulk-load floor", ""]
    lines += _table(
        ["articles", "store", "writer s", "writer art/s", "writer rows/s", "floor s", "floor rows/s",
         "writer/floor", "complete", "same counts"],
        [[r["size"], b, res["write"]["seconds"], res["write"]["articles_per_s"], res["write"]["rows_per_s"],
          res["floor"]["load_s"], res["floor"]["rows_per_s"], res["writer_vs_floor"], res["write"]["complete"],
          res["floor"]["same_counts_as_writer"]] for r, b, res in ok],
    )
    lines += ["## Query latency (ms)", ""]
    qrows = []
    for r, b, res in ok:
        for q, s in res["queries"].items():
            qrows.append([r["size"], b, q, s.get("n"), s.get("p50_ms"), s.get("p95_ms"), s.get("p99_ms"),
                          s.get("errors")])
    lines += _table(["articles", "store", "query", "n", "p50", "p95", "p99", "errors"], qrows)
    lines += ["## HTTP API (kg serve, loopback)", ""]
    arows = []
    for r, b, res in ok:
        for a in res["api"].get("runs", []):
            arows.append([r["size"], b, a.get("cache", "-"), a["path"], a["clients"], a["requests"],
                          a["throughput_rps"], a["p50_ms"], a["p99_ms"], a["errors"], _cores(a.get("cpu_cores") or {})])
        if res["api"].get("error"):
            arows.append([r["size"], b, "-", "error: " + res["api"]["error"], "-", "-", "-", "-", "-", "-", "-"])
    lines += _table(["articles", "store", "query cache", "path", "clients", "requests", "req/s", "p50 ms", "p99 ms",
                     "errors", "CPU cores used"], arows)
    lines += ["## Disk and memory", ""]
    lines += _table(
        ["articles", "store", "disk MB", "bench peak RSS MB", "Neo4j JVM peak MB", "API server peak MB"],
        [[r["size"], b, res["disk"].get("total_mb", res["disk"].get("data_dir_mb")),
          res["memory"]["bench_peak_rss_mb"], res["memory"].get("neo4j_jvm_peak_mb"),
          res["api"].get("server_peak_rss_mb")] for r, b, res in ok],
    )
    if failed:
        lines += ["## Failures", ""] + [f"- {size} {b}: {err}" for size, b, err in failed] + [""]
    lines += ["## Targets", ""]
    lines += _table(["target", "articles", "store", "value", "met"],
                    [[t["target"], t["size"], t["store"], t["value"], t["met"]] for t in results["targets"]])
    return "\n".join(lines)


def save(results: dict[str, Any], out: Path) -> None:
    results["targets"] = check_targets(results)
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "latest.md").write_text(markdown(results) + "\n", encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> Config:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    p.add_argument("--sizes", default="1000,10000", help="corpus sizes in articles, comma-separated")
    p.add_argument("--stores", default="ladybug,neo4j", help="stores to measure: ladybug, neo4j or both")
    p.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results", help="where latest.json/.md go")
    p.add_argument("--workdir", type=Path, default=None, help="scratch space (default: a temp dir, removed)")
    p.add_argument("--seed", type=int, default=7, help="corpus seed")
    p.add_argument("--events-per-day", type=int, default=DEFAULT_EVENTS_PER_DAY, help="corpus density")
    p.add_argument("--batch", type=int, default=50, help="articles per store.write call (kg ingest's default)")
    p.add_argument("--query-reps", type=int, default=100, help="timed calls per query")
    p.add_argument("--query-budget", type=float, default=30.0, help="seconds at most per query")
    p.add_argument("--api-clients", default="1,32", help="concurrent clients, comma-separated")
    p.add_argument("--api-cache", default="off,on",
                   help="the server's query cache during the load: off (every request runs its queries), on, or both")
    p.add_argument("--api-duration", type=float, default=10.0, help="seconds per (path, clients) load")
    p.add_argument("--api-max-requests", type=int, default=20_000, help="requests at most per load")
    p.add_argument("--api-graph-hops", type=int, default=1, help="hops for /graph.json (the API's default is 1)")
    p.add_argument("--write-budget", type=float, default=3600.0,
                   help="seconds the writer may take per store and size; past it the write stops, marked incomplete")
    p.add_argument("--floor-batch-rows", type=int, default=10_000, help="rows per transaction for the Neo4j floor")
    p.add_argument("--profile", action="store_true", help="cProfile the writer (slows it; profiles go to --out)")
    p.add_argument("--max-rss", type=float, default=None,
                   help="MB of RSS past which the writer stops, marked incomplete (default: 75%% of RAM)")
    a = p.parse_args(argv)
    stores = [s.strip() for s in a.stores.split(",") if s.strip()]
    unknown = sorted(set(stores) - {"ladybug", "neo4j"})
    if unknown:
        p.error(f"unknown store(s): {', '.join(unknown)}")
    return Config(
        sizes=[int(s) for s in a.sizes.split(",") if s.strip()], stores=stores, out=a.out,
        workdir=a.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-")), seed=a.seed,
        events_per_day=a.events_per_day, articles_per_batch=a.batch, query_reps=a.query_reps,
        query_budget_s=a.query_budget, api_clients=[int(c) for c in a.api_clients.split(",") if c.strip()],
        api_cache=[c.strip() for c in a.api_cache.split(",") if c.strip() in ("off", "on")] or ["off"],
        api_duration_s=a.api_duration, api_max_requests=a.api_max_requests, api_graph_hops=a.api_graph_hops,
        write_budget_s=a.write_budget, floor_batch_rows=a.floor_batch_rows, profile=a.profile,
        max_rss_mb=a.max_rss if a.max_rss is not None else 0.75 * 1024 * (machine_info()["ram_gb"] or 8),
    )


def main(argv: Sequence[str] | None = None) -> int:
    cfg = parse_args(argv)
    # The Neo4j driver logs a warning per query that reads a property no node has yet (Event.summary);
    # they would bury the progress lines.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    own_workdir = not any(a.startswith("--workdir") for a in (argv if argv is not None else sys.argv[1:]))
    cfg.workdir.mkdir(parents=True, exist_ok=True)
    cfg.out.mkdir(parents=True, exist_ok=True)
    command = "python -m benchmarks.run " + " ".join(argv if argv is not None else sys.argv[1:])
    results: dict[str, Any] = {"machine": machine_info(), "config": cfg.as_dict(), "command": command.strip(),
                               "targets_defined": TARGETS, "runs": []}
    neo = Neo4jProvider(cfg.workdir) if "neo4j" in cfg.stores else None
    started = time.perf_counter()
    try:
        for size in cfg.sizes:
            results["runs"].append(bench_size(size, cfg, neo))
            results["elapsed_s"] = round(time.perf_counter() - started, 1)
            save(results, cfg.out)  # after every size, so a long run that dies keeps what it measured
    finally:
        if neo is not None:
            neo.stop()
        if own_workdir:
            shutil.rmtree(cfg.workdir, ignore_errors=True)
    results["elapsed_s"] = round(time.perf_counter() - started, 1)
    save(results, cfg.out)
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
