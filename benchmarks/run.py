"""What the system costs: extraction, writes, queries and the API, at growing corpus sizes.

One command runs everything and writes `benchmarks/results/latest.json` and `latest.md`:

    python -m benchmarks.run --sizes 1000,10000 --stores ladybug,neo4j --out benchmarks/results

First, extraction on the real development set against the bare spaCy tokenizer, with the set's
score beside the speed. Then for each size it generates the synthetic corpus (benchmarks.corpus),
extracts it once (also against the tokenizer, and on one process per core against one), then for
each store: writes it with our writer (`store.write` in batches, as `kg ingest` does, in a process
of its own so its memory is the writer's), follows the cost per article as the store grows, times
the named queries analysts use, loads the HTTP API under fixed concurrency next to a trivial
route of the same server (cache off, cache hits, expiries), measures disk and memory, and
bulk-loads the same rows into an empty store as the floor the writer is compared with. Every
target of the issue is a ratio or a bound checked at the end; a million articles are projected
from the largest size measured. Neo4j is the real server from scripts/neo4j_server.py, started by
the run (fresh for every phase) unless NEO4J_URI names one, which is then cleared before each
phase. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks import extraction
from benchmarks.corpus import DEFAULT_EVENTS_PER_DAY, get_cast, write_corpus
from benchmarks.floor import ladybug_floor, neo4j_floor
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
from benchmarks.serve import TRIVIAL_PATH
from benchmarks.writer_phase import read_spool
from core.taxonomy import CLAIM_KINDS
from graph.ingest import ARTICLES_PER_BATCH
from graph.model import ArticleGraph
from graph.rows import GraphRows
from graph.settings import Settings

REPO = Path(__file__).resolve().parents[1]
PARALLEL_PARAMS = ("workers", "processes", "n_process", "jobs", "n_jobs")

#: The targets (benchmarks/README.md, issue 10), checked against the figures at the end of a run.
#: Ratios are taken between figures measured side by side in the same run.
TARGETS = {
    "extraction_vs_tokenizer_min": 1 / 3,  # extraction articles/s >= 1/3 of spacy.blank("ar") on the same texts
    "ladybug_writer_vs_floor_max": 2.0,  # at 10k and 100k articles
    "neo4j_writer_vs_floor_max": 1.2,
    "write_cost_growth_max": 1.25,  # ms/article in the last tenth of the run / in the first tenth after 1k
    "ingest_rss_mb_max_at_100k": 1024.0,
    "api_p99_ms_max": 50.0,  # /claims?actor= and /events, 32 clients, cache off, 10k articles
    "api_vs_trivial_min": 0.25,  # their throughput / the trivial route's
    "api_cache_hits_vs_trivial_min": 0.70,
    "api_recomputes_per_expiry_max": 1.0,  # no stampede: one computation per key per expiry
    "neighbourhood_p50_ms_max": 50.0,
    "actor_profile_p99_ms_max": 50.0,
    "workers_speedup_min": 1.8,  # kg ingest --workers 2 on 2 cores, same graphs
}
API_CLIENTS_FOR_TARGETS = 32
TARGET_SIZE = 10_000


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
    workers: int
    scaling_articles: int
    tokenizer_articles: int
    extraction_rounds: int
    stampede_ttl_s: float
    baseline: Path | None
    skip_devset: bool
    note: str = ""

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
        return Settings(
            backend="neo4j",
            neo4j_uri=self.uri,
            neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
            neo4j_password=os.environ.get("NEO4J_PASSWORD", ""),
            neo4j_database=os.environ.get("NEO4J_DATABASE") or None,
        )

    def fresh(self) -> Settings:
        """An empty database: a newly started server, or the external one cleared."""
        if self.external:
            from graph.stores import make_store

            with make_store(self.settings()) as store:
                store.clear()
            return self.settings()
        self.stop()
        from scripts.neo4j_server import Neo4jTestServer

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


def measure_extraction(corpus: Path, graphs_out: Path, cfg: Config) -> dict[str, Any]:
    """Load + extract every article once (one process), saving the graphs for the write phases; then,
    on samples of the same corpus, extraction against the bare tokenizer and on processes."""
    from loaders.articles import LoadedArticle, iter_articles
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
    loaded = [a for a in iter_articles([corpus]) if isinstance(a, LoadedArticle)]
    log(f"extraction against the bare tokenizer on {min(len(loaded), cfg.tokenizer_articles)} articles")
    result["vs_tokenizer"] = extraction.against_tokenizer(loaded[: cfg.tokenizer_articles], cfg.extraction_rounds)
    sample = loaded[: cfg.scaling_articles]
    log(f"extraction on {cfg.workers} processes against one, {len(sample)} articles")
    result["scaling"] = extraction.scaling(sample, cfg.workers, max(1, cfg.extraction_rounds - 1))
    return result


def graph_shape(rows: GraphRows) -> dict[str, Any]:
    """What the extracted corpus looks like as a graph: the shape the queries run against."""
    reports = Counter(r["src"] for r in rows.rows["write.event_reported_in"].values())
    kinds = Counter(r["kind"] for r in rows.rows["write.statement"].values())
    return {
        "rows": rows.count(),
        "nodes": {
            label: len(rows.rows[f"write.{label.lower()}"])
            for label in ("Article", "Actor", "Place", "Event", "Statement")
        },
        "events_with_2plus_reports": sum(1 for n in reports.values() if n >= 2),
        "max_reports_per_event": max(reports.values(), default=0),
        "statements_by_kind": dict(sorted(kinds.items())),
    }


# -- realistic parameters, drawn from the data ------------------------------------------------------


def query_params(rows: GraphRows, seed: int) -> dict[str, list[dict[str, Any]]]:
    """Parameter sets for each measured query: ids and names that exist in the graph, hubs and not."""
    rng = random.Random(seed)
    statements = rows.rows["write.statement"]
    claimants = Counter(
        r["src"]
        for r in rows.rows["write.made"].values()
        if statements.get((r["dst"], None, None), {}).get("kind") in CLAIM_KINDS
    )
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

    claims: list[dict[str, Any]] = [
        {},
        {"kind": "claim_responsibility"},
        {"kind": "deny_responsibility"},
        {"kind": "accuse"},
        {"event_type": "attack"},
    ]
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
    timeline: list[dict[str, Any]] = [{}, {"event_type": "attack"}, {"event_type": "airstrike"}]
    timeline += [{"actor": a} for a in actors[:5]]
    timeline += [{"place": p} for p in rng.sample(governorates, min(3, len(governorates))) if p]
    if months:
        timeline += [{"since": m} for m in rng.sample(months, min(3, len(months)))]
    return {
        "claims": claims,
        "timeline": timeline,
        "event_detail": [{"event_id": e} for e in events],
        "actor_profile": [{"actor_id": a} for a in actors],
        "neighbourhood": [{"center": a, "hops": 2} for a in actors[:10]],
        "shortest_path": [{"source": a, "target": b} for a, b in pairs],
        "search": [{"text": n} for n in names],
    }


def measure_queries(store: Any, params: dict[str, list[dict[str, Any]]], reps: int, budget_s: float) -> dict[str, Any]:
    """p50/p95/p99 of each analyst query, as the API calls them (the functions composing the Cypher,
    on a store keeping what the server's read model keeps while the graph is unchanged)."""
    from graph import analyst, subgraph

    store.enable_read_model()  # as `kg serve` does (api/deps.py)
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


def _measure_calls(
    store: Any,
    params: dict[str, list[dict[str, Any]]],
    reps: int,
    budget_s: float,
    named: dict[str, list[float]],
    analyst: Any,
    subgraph: Any,
) -> dict[str, Any]:
    calls: dict[str, Callable[[dict[str, Any]], Any]] = {
        "claims": lambda p: analyst.claims(store, **p),
        "timeline": lambda p: analyst.timeline(store, **p),
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
        first: float | None = None
        for p in sets[:2]:  # warm caches and compiled plans; not counted, but the first is reported
            t0 = time.perf_counter()
            try:
                fn(p)
            except Exception:  # noqa: BLE001
                pass
            first = first if first is not None else time.perf_counter() - t0
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
        out[name] = {
            **latency_summary(durations),
            # The first call on the store as it is (after a write): it builds what the read model keeps.
            "first_ms": round(1000 * first, 2) if first is not None else None,
            "errors": sum(errors.values()),
            "error_examples": dict(errors.most_common(3)),
            "param_sets": len(sets),
            "slowest_params": {"params": sets[worst], **latency_summary(by_set[worst])},
            # Mean ms per call of each named Cypher query the function ran, and calls per run.
            "named_queries": {
                q: {
                    "calls_per_run": round(len(v) / max(1, len(durations)), 2),
                    "mean_ms": round(1000 * sum(v) / len(v), 2),
                }
                for q, v in sorted(named.items())
            },
        }
    return out


def api_paths(params: dict[str, list[dict[str, Any]]], hops: int) -> dict[str, list[dict[str, Any]]]:
    """The routes loaded, with parameter sets drawn from the data: claims of one actor (the analyst's
    first question), the timeline with its filters, the graph view, and the trivial route."""
    actors = [p for p in params["claims"] if "actor" in p] or [{}]
    return {
        TRIVIAL_PATH: [{}],
        "/claims": actors,
        "/events": params["timeline"],
        "/graph.json": [{"actor": p["center"], "hops": hops} for p in params["neighbourhood"]],
    }


# -- one store at one size ----------------------------------------------------------------------------


def store_env(backend: str, settings: Settings) -> dict[str, str]:
    """The environment that makes `make_store()` (and `kg serve`) open the same store."""
    env = {"KG_BACKEND": backend}
    if backend == "ladybug":
        env["KG_DB_PATH"] = str(settings.db_path)
    else:
        env["NEO4J_URI"] = settings.neo4j_uri
        env["NEO4J_USER"] = settings.neo4j_user
        env["NEO4J_PASSWORD"] = settings.neo4j_password
        if settings.neo4j_database:
            env["NEO4J_DATABASE"] = settings.neo4j_database
    return env


def run_writer(env: dict[str, str], graphs_path: Path, base: Path, cfg: Config, label: str) -> tuple[dict, GraphRows]:
    """Our writer in a process of its own (benchmarks/writer_phase.py); its result and the rows it built."""
    out, spool = base / "writer-result.json", base / "writer-rows.pickle"
    cmd = [
        sys.executable,
        "-m",
        "benchmarks.writer_phase",
        "--graphs",
        str(graphs_path),
        "--out",
        str(out),
        "--spool",
        str(spool),
        "--batch",
        str(cfg.articles_per_batch),
        "--budget",
        str(cfg.write_budget_s),
        "--max-rss",
        str(cfg.max_rss_mb),
        "--label",
        label,
    ]
    if cfg.profile:
        cmd += ["--profile", str(cfg.out / f"profile-writer-{label.replace(' ', '-')}.txt")]
    done = subprocess.run(cmd, env={**os.environ, **env}, cwd=REPO)
    if done.returncode != 0:
        raise RuntimeError(f"the writer process exited with {done.returncode}")
    result = json.loads(out.read_text(encoding="utf-8"))
    rows = read_spool(spool)
    spool.unlink()
    return result, rows


def cost_growth(per_batch: list[list[float]], size: int) -> dict[str, Any]:
    """How the writer's cost per article moves as the store grows: ms/article in tenths of the run,
    the last tenth against the first after 1,000 articles, and the least-squares slope of ms/article
    against articles already stored, per 10,000 articles."""
    if not per_batch:
        return {}
    points = [(before, n, s) for before, n, s, *_ in per_batch if n]
    tenth = max(1, size // 10)
    windows: dict[int, list[float]] = {}
    for before, n, s in points:
        windows.setdefault(int(before // tenth), [0.0, 0.0])
        windows[int(before // tenth)][0] += s
        windows[int(before // tenth)][1] += n
    by_window = [
        {"from": k * tenth, "to": min(size, (k + 1) * tenth), "ms_per_article": round(1000 * v[0] / v[1], 2)}
        for k, v in sorted(windows.items())
        if v[1]
    ]
    after_1k = [w for w in by_window if w["from"] >= min(1000, size // 10)] or by_window
    first, last = after_1k[0]["ms_per_article"], by_window[-1]["ms_per_article"]
    xs = [before / 10_000 for before, _, _ in points]
    ys = [1000 * s / n for _, n, s in points]
    slope = None
    if len(points) >= 2 and max(xs) > min(xs):
        mx, my = statistics.fmean(xs), statistics.fmean(ys)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    return {
        "windows": by_window,
        "first_ms_per_article": first,
        "last_ms_per_article": last,
        "growth": round(last / first, 2) if first else None,
        "slope_ms_per_article_per_10k": round(slope, 3) if slope is not None else None,
    }


def load_api(
    env: dict[str, str],
    params: dict[str, list[dict[str, Any]]],
    cfg: Config,
    base: Path,
    label: str,
    neo: Neo4jProvider | None,
    backend: str,
) -> dict[str, Any]:
    """The HTTP API in its own process, three times: cache off (every request builds its answer),
    cache on (the server as deployed: after the first request per URL, hits), and cache on with a
    short TTL (entries expire during the load: how many requests recompute one, and what that does
    to the tail)."""
    paths = api_paths(params, cfg.api_graph_hops)
    plans = {
        "off": ({"KG_QUERY_CACHE_SECONDS": "0"}, [TRIVIAL_PATH, "/claims", "/events", "/graph.json"]),
        "on": ({}, ["/claims", "/events"]),
        "expiring": ({"KG_QUERY_CACHE_SECONDS": str(cfg.stampede_ttl_s)}, ["/claims", "/events"]),
    }
    api: dict[str, Any] = {"runs": [], "server_peak_rss_mb": None}
    for cache in cfg.api_cache:
        extra, routes = plans[cache]
        server = ApiServer({**env, **extra}, base / f"api-server-cache-{cache}.log", cwd=REPO)
        try:
            log(f"{label}: API load (cache {cache}) at {cfg.api_clients} clients, {cfg.api_duration_s:.0f} s each")
            with server:
                for path in routes:
                    for clients in cfg.api_clients:
                        res = run_load(
                            server.url,
                            path,
                            paths[path],
                            clients,
                            cfg.api_duration_s,
                            cfg.api_max_requests,
                            watch_pids={
                                "server": server.pid or 0,
                                "neo4j": neo.pid if neo and backend == "neo4j" else 0,
                            },
                        )
                        row = {"cache": cache, **res.as_dict(), "param_sets": len(paths[path])}
                        if cache == "expiring":
                            # Each URL expires about duration/TTL times; a stampede recomputes it many times over.
                            expiries = len(paths[path]) * max(1.0, res.duration_s / cfg.stampede_ttl_s)
                            row["recomputes_per_expiry"] = round(row["x_cache"].get("miss", 0) / expiries, 2)
                        api["runs"].append(row)
                        log(
                            f"{label}: {path} x{clients} (cache {cache}): {row['throughput_rps']} req/s, "
                            f"p99 {row['p99_ms']} ms, {res.errors} errors, {row['cache']}"
                        )
        except Exception as exc:  # noqa: BLE001 - the other figures are still worth keeping
            api["error"] = f"{type(exc).__name__}: {exc}"
            log(f"{label}: API load failed: {api['error']}")
        peaks = [p for p in (api["server_peak_rss_mb"], server.peak_rss_mb) if p is not None]
        api["server_peak_rss_mb"] = max(peaks) if peaks else None
    return api


def bench_store(
    backend: str, size: int, graphs_path: Path, shared: dict[str, Any], cfg: Config, neo: Neo4jProvider | None
) -> dict[str, Any]:
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

    # 1. our writer, into an empty store, in a process of its own
    if backend == "ladybug":
        settings = Settings(backend="ladybug", db_path=base / "writer" / "graph.lbug")
    else:
        assert neo is not None
        log(f"{label}: starting a fresh Neo4j for the writer")
        settings = neo.fresh()
        result["neo4j_server"] = {
            "uri": neo.uri,
            "version": neo.version,
            "startup_s": neo.startup_s,
            "external": bool(neo.external),
        }
    env = store_env(backend, settings)
    log(f"{label}: writing with store.write, {cfg.articles_per_batch} articles per batch")
    result["write"], rows = run_writer(env, graphs_path, base, cfg, label)
    result["write"]["growth"] = cost_growth(result["write"].pop("per_batch"), result["write"]["articles"])
    log(
        f"{label}: writer {result['write']['articles_per_s']} art/s, {result['write']['rows_per_s']} rows/s, "
        f"peak RSS {result['write']['peak_rss_mb']} MB, growth {result['write']['growth'].get('growth')}"
    )
    mark("after_writer")
    if not rows.count():
        raise RuntimeError(
            "no rows captured: the writer no longer calls graph.rows.to_rows; update benchmarks/floor.py's RowRecorder"
        )
    if "params" not in shared:
        shared["graph"] = graph_shape(rows)
        shared["params"] = query_params(rows, cfg.seed)
    params = shared["params"]
    store = make_store(settings).open()
    try:
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
    disk = result["disk"].get("total_mb", result["disk"].get("data_dir_mb"))
    result["disk"]["mb_per_1k_articles"] = round(disk * 1000 / size, 2) if disk else None

    # 3. the HTTP API in its own process
    result["api"] = load_api(env, params, cfg, base, label, neo, backend)
    result["memory"] = {
        "bench_peak_rss_mb": peak_rss_mb(),
        "writer_peak_rss_mb": result["write"]["peak_rss_mb"],
        "marks": marks,
    }
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
    run["corpus"] = {
        "articles": size,
        "seed": cfg.seed,
        "bytes": corpus.stat().st_size,
        "mean_text_chars": round(chars / max(1, size)),
        "generate_s": round(generate_s, 2),
    }
    log(f"size {size}: corpus written ({mb(corpus.stat().st_size)} MB); extracting")
    graphs_path = cfg.workdir / f"graphs-{size}.jsonl"
    run["extraction"] = measure_extraction(corpus, graphs_path, cfg)
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


def _api_row(res: dict[str, Any], cache: str, path: str, clients: int | None = None) -> dict[str, Any]:
    """The load of `path` with `clients` clients, by default 32 (the targets') or else the most measured."""
    runs = [r for r in res.get("api", {}).get("runs", []) if r["cache"] == cache and r["path"] == path]
    if clients is None:
        clients = API_CLIENTS_FOR_TARGETS if any(r["clients"] == API_CLIENTS_FOR_TARGETS for r in runs) else None
    if clients is None:
        return max(runs, key=lambda r: r["clients"], default={})
    return next((r for r in runs if r["clients"] == clients), {})


def _target(
    out: list[dict[str, Any]],
    name: str,
    size: Any,
    store: str,
    value: Any,
    limit: float,
    at_least: bool,
    note: str = "",
) -> None:
    """One checked target: met, and by what factor it misses (value/limit, or limit/value for a minimum)."""
    met = value is not None and (value >= limit if at_least else value <= limit)
    misses = None
    if value is not None and not met and value:
        misses = round(limit / value if at_least else value / limit, 2)
    out.append(
        {
            "target": name,
            "size": size,
            "store": store,
            "value": value,
            "limit": round(limit, 3),
            "met": met,
            "misses_by": misses,
            "note": note,
        }
    )


def check_targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target of the issue, where this run measured it: the value, the bound, whether it is met, and
    by what factor it misses."""
    out: list[dict[str, Any]] = []
    dev = results.get("devset") or {}
    if dev.get("ratio") is not None:
        _target(
            out,
            "extraction >= 1/3 of the bare tokenizer (devset, CPU articles/s)",
            "devset",
            "-",
            dev["ratio"],
            TARGETS["extraction_vs_tokenizer_min"],
            True,
            f"{dev['extract_articles_per_cpu_s']} vs {dev['tokenizer_articles_per_cpu_s']} art/s; "
            f"devset overall F1 {dev['score']['overall_f1']:.3f}",
        )
    runs = results["runs"]
    for run in runs:
        ext = run.get("extraction", {})
        vs = ext.get("vs_tokenizer") or {}
        if vs.get("ratio") is not None:
            _target(
                out,
                "extraction >= 1/3 of the bare tokenizer (synthetic corpus)",
                run["size"],
                "-",
                vs["ratio"],
                TARGETS["extraction_vs_tokenizer_min"],
                True,
                f"{vs['extract_articles_per_cpu_s']} vs {vs['tokenizer_articles_per_cpu_s']} art/s",
            )
    largest = max(runs, key=lambda r: r["size"]) if runs else None
    if largest:
        sc = largest.get("extraction", {}).get("scaling") or {}
        if sc.get("speedup") is not None:
            _target(
                out,
                f"extraction on {sc['workers']} processes >= 1.8x one, same graphs",
                sc["articles"],
                "-",
                sc["speedup"] if sc["same_output"] else 0.0,
                TARGETS["workers_speedup_min"],
                True,
                f"{sc['parallel_articles_per_s']} vs {sc['serial_articles_per_s']} art/s; "
                f"same output: {'yes' if sc['same_output'] else 'NO'}",
            )
    for run in runs:
        size = run["size"]
        big = size >= TARGET_SIZE or run is largest
        for backend, res in run.get("stores", {}).items():
            if "write" not in res:
                continue
            if big:
                limit = TARGETS[f"{backend}_writer_vs_floor_max"]
                _target(
                    out,
                    f"writer <= {limit:g}x the bulk-load floor",
                    size,
                    backend,
                    res.get("writer_vs_floor"),
                    limit,
                    False,
                )
            if run is largest:
                g = res["write"].get("growth") or {}
                _target(
                    out,
                    "write cost per article flat (last tenth / first after 1k)",
                    size,
                    backend,
                    g.get("growth"),
                    TARGETS["write_cost_growth_max"],
                    False,
                    f"{g.get('first_ms_per_article')} -> {g.get('last_ms_per_article')} ms/article; slope "
                    f"{g.get('slope_ms_per_article_per_10k')} ms/article per 10k stored",
                )
                rss = res["write"].get("peak_rss_mb")
                _target(
                    out,
                    "ingest (writer process) peak RSS < 1 GB at 100k",
                    size,
                    backend,
                    rss,
                    TARGETS["ingest_rss_mb_max_at_100k"],
                    False,
                    "" if size >= 100_000 else "measured below 100k",
                )
            if size != TARGET_SIZE and not (run is largest and largest["size"] < TARGET_SIZE):
                continue
            trivial = _api_row(res, "off", TRIVIAL_PATH).get("throughput_rps")
            for path in ("/claims", "/events"):
                row = _api_row(res, "off", path)
                if not row:
                    continue
                _target(
                    out,
                    f"API {path} p99 < 50 ms (32 clients, cache off)",
                    size,
                    backend,
                    row.get("p99_ms"),
                    TARGETS["api_p99_ms_max"],
                    False,
                )
                ratio = round(row["throughput_rps"] / trivial, 3) if trivial and row.get("throughput_rps") else None
                _target(
                    out,
                    f"API {path} >= 25% of the trivial route (cache off)",
                    size,
                    backend,
                    ratio,
                    TARGETS["api_vs_trivial_min"],
                    True,
                    f"{row.get('throughput_rps')} vs {trivial} req/s",
                )
            hits = _api_row(res, "on", "/claims")
            if hits and trivial:
                _target(
                    out,
                    "API cache hits >= 70% of the trivial route",
                    size,
                    backend,
                    round(hits["throughput_rps"] / trivial, 3),
                    TARGETS["api_cache_hits_vs_trivial_min"],
                    True,
                    f"{hits['throughput_rps']} vs {trivial} req/s; {_cache_counts(hits)}",
                )
            for path in ("/claims", "/events"):
                exp = _api_row(res, "expiring", path)
                if exp:
                    _target(
                        out,
                        f"API {path}: no stampede on expiry (recomputes per expiry)",
                        size,
                        backend,
                        exp.get("recomputes_per_expiry"),
                        TARGETS["api_recomputes_per_expiry_max"],
                        False,
                        f"p99 {exp.get('p99_ms')} ms; {_cache_counts(exp)}",
                    )
            q = res.get("queries", {})
            _target(
                out,
                "neighbourhood (2 hops) p50 < 50 ms",
                size,
                backend,
                q.get("neighbourhood", {}).get("p50_ms"),
                TARGETS["neighbourhood_p50_ms_max"],
                False,
            )
            _target(
                out,
                "actor_profile p99 < 50 ms",
                size,
                backend,
                q.get("actor_profile", {}).get("p99_ms"),
                TARGETS["actor_profile_p99_ms_max"],
                False,
            )
    out += project_targets_at_100k(runs)
    return out


def project_targets_at_100k(runs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The 100k targets (cost growth, writer RSS) projected from the two largest sizes measured, when
    no 100k run was: the cost per article carried on with its measured slope, the writer's peak RSS
    carried on linearly in articles. Marked as projected; a measured 100k run replaces them."""
    measured = sorted((r for r in runs if r.get("stores")), key=lambda r: r["size"])
    if len(measured) < 2 or measured[-1]["size"] >= 100_000:
        return []
    small, big = measured[-2], measured[-1]
    out: list[dict[str, Any]] = []
    for backend, res in big["stores"].items():
        write, before = res.get("write") or {}, small["stores"].get(backend, {}).get("write") or {}
        g = write.get("growth") or {}
        source = f"projected from {small['size']:,} and {big['size']:,}"
        if g.get("first_ms_per_article") and g.get("last_ms_per_article") is not None:
            slope = max(0.0, g.get("slope_ms_per_article_per_10k") or 0.0)
            at_100k = g["last_ms_per_article"] + slope * (100_000 - big["size"]) / 10_000
            _target(
                out,
                "write cost per article flat (at 100k / first after 1k)",
                "100,000 (projected)",
                backend,
                round(at_100k / g["first_ms_per_article"], 2),
                TARGETS["write_cost_growth_max"],
                False,
                f"{source}: {g['first_ms_per_article']} -> {round(at_100k, 2)} ms/article at 100k "
                f"(slope {g.get('slope_ms_per_article_per_10k')} ms per 10k stored)",
            )
        if write.get("peak_rss_mb") and before.get("peak_rss_mb"):
            per_article = (write["peak_rss_mb"] - before["peak_rss_mb"]) / (big["size"] - small["size"])
            rss = round(write["peak_rss_mb"] + max(0.0, per_article) * (100_000 - big["size"]), 1)
            _target(
                out,
                "ingest (writer process) peak RSS < 1 GB at 100k",
                "100,000 (projected)",
                backend,
                rss,
                TARGETS["ingest_rss_mb_max_at_100k"],
                False,
                f"{source}: {before['peak_rss_mb']} -> {write['peak_rss_mb']} MB, carried on linearly",
            )
    return out


def project_million(results: dict[str, Any]) -> list[dict[str, Any]]:
    """A million articles from the largest size measured: time and store size per 1,000 articles, and
    the totals, with the write cost held at its last measured level and with its slope carried on."""
    runs = [r for r in results["runs"] if r.get("stores")]
    if not runs:
        return []
    run = max(runs, key=lambda r: r["size"])
    ext = run["extraction"]
    serial = ext.get("articles_per_s")
    speedup = (ext.get("scaling") or {}).get("speedup") or 1.0
    out = []
    for backend, res in run["stores"].items():
        if "write" not in res or not res["write"].get("articles"):
            continue
        g = res["write"].get("growth") or {}
        last = g.get("last_ms_per_article") or 1000 * res["write"]["seconds"] / res["write"]["articles"]
        slope = max(0.0, g.get("slope_ms_per_article_per_10k") or 0.0)
        n, measured = 1_000_000, res["write"]["articles"]
        # ms at article k = last + slope * (k - measured) / 10k, summed over the articles still to come
        write_flat_s = last * n / 1000
        write_sloped_s = (last * measured + sum_linear(last, slope, measured, n)) / 1000
        extract_s_per_1k = 1000 / serial if serial else None
        disk = res["disk"].get("mb_per_1k_articles")
        out.append(
            {
                "from_size": run["size"],
                "store": backend,
                "extract_s_per_1k": round(extract_s_per_1k, 2) if extract_s_per_1k else None,
                "extract_s_per_1k_parallel": round(extract_s_per_1k / speedup, 2) if extract_s_per_1k else None,
                "write_s_per_1k": round(last, 2),
                "store_mb_per_1k": disk,
                "million_extract_h_parallel": round(extract_s_per_1k / speedup * 1000 / 3600, 2)
                if extract_s_per_1k
                else None,
                "million_write_h_flat": round(write_flat_s / 3600, 2),
                "million_write_h_sloped": round(write_sloped_s / 3600, 2),
                "million_store_gb": round(disk * 1000 / 1024, 1) if disk else None,
            }
        )
    return out


def sum_linear(start_ms: float, slope_per_10k: float, measured: int, n: int) -> float:
    """Sum of start + slope*(k - measured)/10k for k from measured to n: the remaining write time in ms."""
    remaining = max(0, n - measured)
    return start_ms * remaining + slope_per_10k * remaining * remaining / 2 / 10_000


def headline(results: dict[str, Any]) -> dict[str, Any]:
    """The figures a before/after table compares, by name."""
    out: dict[str, Any] = {}
    dev = results.get("devset") or {}
    if dev.get("ratio") is not None:
        out["devset: extraction / tokenizer"] = dev["ratio"]
        out["devset: extraction art/s (CPU)"] = dev["extract_articles_per_cpu_s"]
        out["devset: overall F1"] = dev["score"]["overall_f1"]
    for run in results.get("runs", []):
        size = run["size"]
        ext = run.get("extraction", {})
        out[f"{size}: extraction art/s"] = ext.get("articles_per_s")
        if ext.get("scaling"):
            out[f"{size}: extraction speedup on {ext['scaling']['workers']} processes"] = ext["scaling"]["speedup"]
        for b, res in run.get("stores", {}).items():
            if "write" not in res:
                continue
            out[f"{size} {b}: writer art/s"] = res["write"]["articles_per_s"]
            out[f"{size} {b}: writer / floor"] = res.get("writer_vs_floor")
            if res["write"].get("growth"):
                out[f"{size} {b}: write cost growth"] = res["write"]["growth"].get("growth")
            if res["write"].get("peak_rss_mb"):
                out[f"{size} {b}: writer peak RSS MB"] = res["write"]["peak_rss_mb"]
            out[f"{size} {b}: disk MB"] = res["disk"].get("total_mb", res["disk"].get("data_dir_mb"))
            for q, v in res.get("queries", {}).items():
                out[f"{size} {b}: {q} p50 ms"] = v.get("p50_ms")
                out[f"{size} {b}: {q} p99 ms"] = v.get("p99_ms")
            for r in res.get("api", {}).get("runs", []):
                if r["clients"] == API_CLIENTS_FOR_TARGETS:
                    key = f"{size} {b}: API {r['path']} cache {r['cache']}"
                    out[key + " req/s"] = r["throughput_rps"]
                    out[key + " p99 ms"] = r["p99_ms"]
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
    versions = sorted(
        {
            res.get("store_version")
            for run in results["runs"]
            for res in run.get("stores", {}).values()
            if res.get("store_version")
        }
    )
    if versions:
        lines.append(f"Stores: {', '.join(versions)}.")
    if m.get("load_average"):
        lines.append(
            f"Load average when the run started: {m['load_average']} (other work shares the cores: "
            "absolute figures move with it, ratios taken side by side move much less)."
        )
    lines += ["", f"Command: `{results['command']}`", ""]
    if results.get("note"):
        lines += [f"Note: {results['note']}", ""]

    lines += ["## Targets", ""]
    lines += _table(
        ["target", "articles", "store", "value", "bound", "met", "misses by", "beside it"],
        [
            [
                t["target"],
                t["size"],
                t["store"],
                t["value"],
                t["limit"],
                t["met"],
                f"{t['misses_by']}x" if t.get("misses_by") else "-",
                t.get("note") or "",
            ]
            for t in results["targets"]
        ],
    )

    dev = results.get("devset") or {}
    lines += ["## Extraction against the bare tokenizer (CPU time, same texts, alternating rounds)", ""]
    rows = []
    if dev.get("ratio") is not None:
        rows.append(
            [
                "devset (real)",
                dev["articles"],
                dev["mean_chars"],
                dev["extract_articles_per_cpu_s"],
                dev["tokenizer_articles_per_cpu_s"],
                dev["ratio"],
                f"{dev['score']['overall_f1']:.3f}",
            ]
        )
    for r in results["runs"]:
        vs = r["extraction"].get("vs_tokenizer") or {}
        if vs:
            rows.append(
                [
                    f"synthetic, {r['size']:,}",
                    vs["articles"],
                    vs["mean_chars"],
                    vs["extract_articles_per_cpu_s"],
                    vs["tokenizer_articles_per_cpu_s"],
                    vs["ratio"],
                    "-",
                ]
            )
    lines += _table(
        [
            "texts",
            "articles",
            "mean chars",
            "extraction art/s",
            "spacy.blank('ar') art/s",
            "ratio",
            "devset overall F1",
        ],
        rows,
    )

    lines += ["## Extraction of the corpus", ""]
    lines += _table(
        [
            "articles",
            "errors",
            "articles/s (one process)",
            "incl. loading",
            "workers",
            "1 process art/s",
            "N processes art/s",
            "speedup",
            "same graphs",
        ],
        [
            [
                r["size"],
                r["extraction"]["errors"],
                r["extraction"]["articles_per_s"],
                r["extraction"]["articles_per_s_with_loading"],
                (r["extraction"].get("scaling") or {}).get("workers"),
                (r["extraction"].get("scaling") or {}).get("serial_articles_per_s"),
                (r["extraction"].get("scaling") or {}).get("parallel_articles_per_s"),
                (r["extraction"].get("scaling") or {}).get("speedup"),
                (r["extraction"].get("scaling") or {}).get("same_output"),
            ]
            for r in results["runs"]
        ],
    )
    lines += ["## Graph shape", ""]
    lines += _table(
        ["articles", "rows", "events", "events with 2+ reports", "statements", "claims", "denials", "accusations"],
        [
            [
                r["size"],
                r["graph"]["rows"],
                r["graph"]["nodes"]["Event"],
                r["graph"]["events_with_2plus_reports"],
                r["graph"]["nodes"]["Statement"],
                r["graph"]["statements_by_kind"].get("claim_responsibility", 0),
                r["graph"]["statements_by_kind"].get("deny_responsibility", 0),
                r["graph"]["statements_by_kind"].get("accuse", 0),
            ]
            for r in results["runs"]
            if "graph" in r
        ],
    )

    store_rows = [(r, b, res) for r in results["runs"] for b, res in r.get("stores", {}).items()]
    failed = [(r["size"], b, res["error"]) for r, b, res in store_rows if "write" not in res]
    ok = [(r, b, res) for r, b, res in store_rows if "write" in res]
    lines += ["## Writes: our writer vs the bulk-load floor", ""]
    lines += _table(
        [
            "articles",
            "store",
            "batch",
            "writer s",
            "writer art/s",
            "writer rows/s",
            "floor s",
            "floor rows/s",
            "writer/floor",
            "complete",
            "same counts",
            "writer peak RSS MB",
        ],
        [
            [
                r["size"],
                b,
                res["write"]["articles_per_batch"],
                res["write"]["seconds"],
                res["write"]["articles_per_s"],
                res["write"]["rows_per_s"],
                res["floor"]["load_s"],
                res["floor"]["rows_per_s"],
                res["writer_vs_floor"],
                res["write"]["complete"],
                res["floor"]["same_counts_as_writer"],
                res["write"].get("peak_rss_mb"),
            ]
            for r, b, res in ok
        ],
    )
    lines += ["### Cost per article as the store grows (ms per article written, by tenth of the run)", ""]
    grows = []
    for r, b, res in ok:
        g = res["write"].get("growth") or {}
        grows.append(
            [
                r["size"],
                b,
                " / ".join(f"{w['ms_per_article']:.1f}" for w in g.get("windows", [])),
                g.get("growth"),
                g.get("slope_ms_per_article_per_10k"),
            ]
        )
    lines += _table(
        [
            "articles",
            "store",
            "ms/article, first tenth to last",
            "last/first after 1k",
            "slope: ms/article per 10k stored",
        ],
        grows,
    )
    lines += ["## Query latency (ms)", ""]
    qrows = []
    for r, b, res in ok:
        for q, s_ in res["queries"].items():
            qrows.append(
                [
                    r["size"],
                    b,
                    q,
                    s_.get("n"),
                    s_.get("p50_ms"),
                    s_.get("p95_ms"),
                    s_.get("p99_ms"),
                    s_.get("first_ms", "-"),
                    s_.get("errors"),
                ]
            )
    lines += [
        "As the server answers them: on a store keeping what the read model keeps while the graph is "
        "unchanged (graph/readmodel.py). `first` is the first call on the store as the writer left it "
        "(untimed in the percentiles): what the first request after a write pays to build what is kept.",
        "",
    ]
    lines += _table(["articles", "store", "query", "n", "p50", "p95", "p99", "first", "errors"], qrows)
    lines += [
        "## HTTP API (kg serve, loopback)",
        "",
        f"`{TRIVIAL_PATH}` is a trivial route of the same server: the ratio to it is what the targets use. "
        "Cache off: no response cache, every request builds its answer (from what the read model keeps "
        "while the graph is unchanged: graph/readmodel.py). On: the server as deployed (a hit after the first "
        f"request per URL). Expiring: entries live {results['config'].get('stampede_ttl_s')} s, so they expire "
        "during the load; `recomputes/expiry` counts the requests that computed an expired or missing "
        "answer per URL and expiry (1.0: no stampede).",
        "",
    ]
    arows = []
    for r, b, res in ok:
        for a in res["api"].get("runs", []):
            trivial = _api_row(res, "off", TRIVIAL_PATH, a["clients"]).get("throughput_rps")
            ratio = round(a["throughput_rps"] / trivial, 3) if trivial and a.get("throughput_rps") else None
            arows.append(
                [
                    r["size"],
                    b,
                    a.get("cache", "-"),
                    a["path"],
                    a["clients"],
                    a["requests"],
                    a["throughput_rps"],
                    ratio,
                    a["p50_ms"],
                    a["p99_ms"],
                    a["errors"],
                    _cache_counts(a),
                    a.get("recomputes_per_expiry"),
                    _cores(a.get("cpu_cores") or {}),
                ]
            )
        if res["api"].get("error"):
            arows.append([r["size"], b, "-", "error: " + res["api"]["error"]] + ["-"] * 10)
    lines += _table(
        [
            "articles",
            "store",
            "cache",
            "path",
            "clients",
            "requests",
            "req/s",
            "of trivial",
            "p50 ms",
            "p99 ms",
            "errors",
            "X-Cache",
            "recomputes/expiry",
            "CPU cores used",
        ],
        arows,
    )
    lines += ["## Disk and memory", ""]
    lines += _table(
        [
            "articles",
            "store",
            "disk MB",
            "MB per 1k articles",
            "writer peak RSS MB",
            "bench peak RSS MB",
            "Neo4j JVM peak MB",
            "API server peak MB",
        ],
        [
            [
                r["size"],
                b,
                res["disk"].get("total_mb", res["disk"].get("data_dir_mb")),
                res["disk"].get("mb_per_1k_articles"),
                res["write"].get("peak_rss_mb"),
                res["memory"]["bench_peak_rss_mb"],
                res["memory"].get("neo4j_jvm_peak_mb"),
                res["api"].get("server_peak_rss_mb"),
            ]
            for r, b, res in ok
        ],
    )
    if results.get("million"):
        lines += [
            "## One million articles, projected from the largest size measured",
            "",
            "Time and store size per 1,000 articles as measured at the end of the largest run; the write "
            "time of a million articles with the cost per article held at its last level (flat) and with "
            "the measured slope carried on (sloped).",
            "",
        ]
        lines += _table(
            [
                "from",
                "store",
                "extract s/1k (1 proc)",
                "extract s/1k (N procs)",
                "write s/1k",
                "store MB/1k",
                "1M: extract h (N procs)",
                "1M: write h flat",
                "1M: write h sloped",
                "1M: store GB",
            ],
            [
                [
                    x["from_size"],
                    x["store"],
                    x["extract_s_per_1k"],
                    x["extract_s_per_1k_parallel"],
                    x["write_s_per_1k"],
                    x["store_mb_per_1k"],
                    x["million_extract_h_parallel"],
                    x["million_write_h_flat"],
                    x["million_write_h_sloped"],
                    x["million_store_gb"],
                ]
                for x in results["million"]
            ],
        )
    if failed:
        lines += ["## Failures", ""] + [f"- {size} {b}: {err}" for size, b, err in failed] + [""]
    if results.get("before_after"):
        ba = results["before_after"]
        lines += [
            "## Before and after",
            "",
            f"Before: `{ba['baseline']}` ({ba['baseline_date']}); after: this run.",
            "",
        ]
        lines += _table(
            ["figure", "before", "after", "after / before"],
            [[k, v["before"], v["after"], v["ratio"]] for k, v in ba["figures"].items()],
        )
    return "\n".join(lines)


def _cache_counts(run: dict[str, Any]) -> str:
    counts = run.get("x_cache") or {}
    return ", ".join(f"{k} {v}" for k, v in counts.items() if k != "none") or "-"


def read_baseline(baseline: Path | None) -> dict[str, Any] | None:
    """A previous run's latest.json, read before this run writes its own (often the same file)."""
    if baseline is None or not baseline.is_file():
        return None
    return {"path": str(baseline), "results": json.loads(baseline.read_text(encoding="utf-8"))}


def before_after(results: dict[str, Any], baseline: dict[str, Any]) -> dict[str, Any]:
    """The headline figures of a previous run's latest.json beside this run's."""
    old = baseline["results"]
    before, after = headline(old), headline(results)
    figures = {}
    for key in after:
        if key in before and before[key] is not None and after[key] is not None:
            ratio = round(after[key] / before[key], 2) if before[key] else None
            figures[key] = {"before": before[key], "after": after[key], "ratio": ratio}
    return {"baseline": baseline["path"], "baseline_date": old.get("machine", {}).get("date"), "figures": figures}


def save(results: dict[str, Any], out: Path, baseline: dict[str, Any] | None = None) -> None:
    """`baseline` as read_baseline returns it, read at the start: the run saves after every size,
    and with `--out` the folder of the baseline, the first save would replace it."""
    results["targets"] = check_targets(results)
    results["million"] = project_million(results)
    if baseline is not None:
        results["before_after"] = before_after(results, baseline)
    out.mkdir(parents=True, exist_ok=True)
    (out / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (out / "latest.md").write_text(markdown(results) + "\n", encoding="utf-8")


def parse_args(argv: Sequence[str] | None) -> Config:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.ArgumentDefaultsHelpFormatter
    )
    p.add_argument("--sizes", default="1000,10000", help="corpus sizes in articles, comma-separated")
    p.add_argument("--stores", default="ladybug,neo4j", help="stores to measure: ladybug, neo4j or both")
    p.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results", help="where latest.json/.md go")
    p.add_argument("--workdir", type=Path, default=None, help="scratch space (default: a temp dir, removed)")
    p.add_argument("--seed", type=int, default=7, help="corpus seed")
    p.add_argument("--events-per-day", type=int, default=DEFAULT_EVENTS_PER_DAY, help="corpus density")
    p.add_argument(
        "--batch",
        type=int,
        default=ARTICLES_PER_BATCH,
        help="articles per store.write call (kg ingest's default, graph.ingest.ARTICLES_PER_BATCH)",
    )
    p.add_argument("--query-reps", type=int, default=100, help="timed calls per query")
    p.add_argument("--query-budget", type=float, default=30.0, help="seconds at most per query")
    p.add_argument("--api-clients", default="32", help="concurrent clients, comma-separated (targets use 32)")
    p.add_argument(
        "--api-cache",
        default="off,on,expiring",
        help="server runs: off (every request builds its answer), on (as deployed: hits), expiring "
        "(entries live --stampede-ttl seconds, so they expire during the load)",
    )
    p.add_argument(
        "--stampede-ttl", type=float, default=1.0, help="KG_QUERY_CACHE_SECONDS of the 'expiring' server run"
    )
    p.add_argument("--api-duration", type=float, default=10.0, help="seconds per (path, clients) load")
    p.add_argument("--api-max-requests", type=int, default=20_000, help="requests at most per load")
    p.add_argument("--api-graph-hops", type=int, default=1, help="hops for /graph.json (the API's default is 1)")
    p.add_argument(
        "--write-budget",
        type=float,
        default=3600.0,
        help="seconds the writer may take per store and size; past it the write stops, marked incomplete",
    )
    p.add_argument("--floor-batch-rows", type=int, default=10_000, help="rows per transaction for the Neo4j floor")
    p.add_argument("--profile", action="store_true", help="cProfile the writer (slows it; profiles go to --out)")
    p.add_argument(
        "--max-rss",
        type=float,
        default=None,
        help="MB of RSS past which the writer stops, marked incomplete (default: 75%% of RAM)",
    )
    p.add_argument(
        "--workers",
        type=int,
        default=extraction_workers(),
        help="processes for the extraction scaling figure (default: the cores this process may use)",
    )
    p.add_argument("--scaling-articles", type=int, default=1000, help="articles extracted for the scaling figure")
    p.add_argument(
        "--tokenizer-articles", type=int, default=300, help="corpus articles extracted against the bare tokenizer"
    )
    p.add_argument("--extraction-rounds", type=int, default=3, help="alternating rounds of each extraction ratio")
    p.add_argument("--skip-devset", action="store_true", help="leave out the development-set extraction figure")
    p.add_argument("--note", default="", help="a sentence for the report: how the machine was, what was measured")
    p.add_argument(
        "--baseline",
        type=Path,
        default=None,
        help="a previous run's latest.json: adds a before/after table of the headline figures",
    )
    a = p.parse_args(argv)
    stores = [s.strip() for s in a.stores.split(",") if s.strip()]
    unknown = sorted(set(stores) - {"ladybug", "neo4j"})
    if unknown:
        p.error(f"unknown store(s): {', '.join(unknown)}")
    return Config(
        sizes=[int(s) for s in a.sizes.split(",") if s.strip()],
        stores=stores,
        out=a.out,
        workdir=a.workdir or Path(tempfile.mkdtemp(prefix="kg-bench-")),
        seed=a.seed,
        events_per_day=a.events_per_day,
        articles_per_batch=a.batch,
        query_reps=a.query_reps,
        query_budget_s=a.query_budget,
        api_clients=[int(c) for c in a.api_clients.split(",") if c.strip()],
        api_cache=[c.strip() for c in a.api_cache.split(",") if c.strip() in ("off", "on", "expiring")] or ["off"],
        api_duration_s=a.api_duration,
        api_max_requests=a.api_max_requests,
        api_graph_hops=a.api_graph_hops,
        write_budget_s=a.write_budget,
        floor_batch_rows=a.floor_batch_rows,
        profile=a.profile,
        max_rss_mb=a.max_rss if a.max_rss is not None else 0.75 * 1024 * (machine_info()["ram_gb"] or 8),
        workers=a.workers,
        scaling_articles=a.scaling_articles,
        tokenizer_articles=a.tokenizer_articles,
        extraction_rounds=a.extraction_rounds,
        stampede_ttl_s=a.stampede_ttl,
        baseline=a.baseline,
        skip_devset=a.skip_devset,
        note=a.note,
    )


def extraction_workers() -> int:
    from loaders.parallel import default_workers

    return max(2, default_workers())


def main(argv: Sequence[str] | None = None) -> int:
    cfg = parse_args(argv)
    # The Neo4j driver logs a warning per query that reads a property no node has yet (Event.summary);
    # they would bury the progress lines.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)
    own_workdir = not any(a.startswith("--workdir") for a in (argv if argv is not None else sys.argv[1:]))
    cfg.workdir.mkdir(parents=True, exist_ok=True)
    cfg.out.mkdir(parents=True, exist_ok=True)
    command = "python -m benchmarks.run " + " ".join(argv if argv is not None else sys.argv[1:])
    machine = machine_info()
    machine["load_average"] = " ".join(f"{x:.1f}" for x in os.getloadavg())
    results: dict[str, Any] = {
        "machine": machine,
        "config": cfg.as_dict(),
        "command": command.strip(),
        "targets_defined": TARGETS,
        "runs": [],
    }
    if cfg.note:
        results["note"] = cfg.note
    baseline = read_baseline(cfg.baseline)
    neo = Neo4jProvider(cfg.workdir) if "neo4j" in cfg.stores else None
    started = time.perf_counter()
    try:
        if not cfg.skip_devset:
            log("extraction on the development set against the bare tokenizer, and its score")
            results["devset"] = extraction.devset(cfg.extraction_rounds)
            log(f"devset: {results['devset'].get('ratio')} of the tokenizer's articles/s")
        for size in cfg.sizes:
            results["runs"].append(bench_size(size, cfg, neo))
            results["elapsed_s"] = round(time.perf_counter() - started, 1)
            save(results, cfg.out, baseline)  # after every size, so a long run that dies keeps what it measured
    finally:
        if neo is not None:
            neo.stop()
        if own_workdir:
            shutil.rmtree(cfg.workdir, ignore_errors=True)
    results["elapsed_s"] = round(time.perf_counter() - started, 1)
    save(results, cfg.out, baseline)
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
