"""The writer phase of a benchmark run, in a process of its own: `store.write` per batch of
articles, as `kg ingest` writes them, timed around each call.

    python -m benchmarks.writer_phase --graphs graphs.jsonl --out result.json --spool rows.pickle [--batch 500]

The store comes from the environment (KG_BACKEND, KG_DB_PATH, NEO4J_URI, ...). Why a process of
its own: its peak memory is then the writer's (what an ingest of that many articles holds), not
the runner's, which also holds the floor's rows and the pipeline. The rows the writer built
(`graph.rows.to_rows`, via benchmarks.floor.RowRecorder) are appended to the spool file batch by
batch, so the floor can load the very same rows without this process keeping them.

The result (JSON) has the totals, the time and store size of every batch (so the cost per article
can be followed as the store grows), and this process's peak RSS.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import pickle
import pstats
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.floor import RowRecorder
from benchmarks.measure import Stopwatch, current_rss_mb, peak_rss_mb, rate
from graph.model import ArticleGraph


def batches(path: Path, size: int) -> Iterator[list[ArticleGraph]]:
    batch: list[ArticleGraph] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            batch.append(ArticleGraph.model_validate_json(line))
            if len(batch) >= size:
                yield batch
                batch = []
    if batch:
        yield batch


def log(message: str) -> None:
    print(f"[writer {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def write_all(
    graphs: Path, spool: Path, batch_size: int, budget_s: float, max_rss_mb: float, label: str, profile: Path | None
) -> dict[str, Any]:
    from graph.stores import make_store

    store = make_store().open()
    watch = Stopwatch()
    profiler = cProfile.Profile() if profile else None
    recorder = RowRecorder()
    written = rows = merged = 0
    # [articles stored before, articles in batch, seconds, rss MB, CPU seconds of this process]
    per_batch: list[list[float]] = []
    cpu_s = 0.0
    complete, stopped = True, None
    last_report = time.perf_counter()
    rss_start = current_rss_mb()
    try:
        with recorder, spool.open("wb") as out:
            for batch in batches(graphs, batch_size):
                if profiler:
                    profiler.enable()
                t0, c0 = time.perf_counter(), time.process_time()
                with watch:
                    result = store.write(batch)
                took, cpu = time.perf_counter() - t0, time.process_time() - c0
                cpu_s += cpu
                if profiler:
                    profiler.disable()
                for captured in recorder.captured:
                    pickle.dump(captured.rows, out, protocol=pickle.HIGHEST_PROTOCOL)
                recorder.captured.clear()
                rss = current_rss_mb()
                per_batch.append([written, result.articles, round(took, 4), rss or 0.0, round(cpu, 4)])
                written += result.articles
                rows += result.rows
                merged += result.merged_events
                if time.perf_counter() - last_report > 15:
                    last_report = time.perf_counter()
                    log(f"{label}: {written} articles written, {rate(written, watch.seconds)} art/s, RSS {rss} MB")
                if watch.seconds > budget_s:
                    stopped, complete = f"time budget of {budget_s:.0f} s", False
                    log(f"{label}: write budget spent after {written} articles; stopping")
                    break
                if rss is not None and rss > max_rss_mb:
                    stopped, complete = f"RSS {rss:.0f} MB over the {max_rss_mb:.0f} MB limit", False
                    log(f"{label}: RSS {rss:.0f} MB over --max-rss after {written} articles; stopping")
                    break
    finally:
        # Timed: what a store leaves for close (LadybugDB's final checkpoint) is part of the writing.
        t0, c0 = time.perf_counter(), time.process_time()
        with watch:
            store.close()
        close_s, close_cpu = time.perf_counter() - t0, time.process_time() - c0
        cpu_s += close_cpu
    out_: dict[str, Any] = {
        "articles": written,
        "rows": rows,
        "batches": len(per_batch),
        "articles_per_batch": batch_size,
        "merged_event_reports": merged,
        "seconds": round(watch.seconds, 2),
        "close_seconds": round(close_s, 2),  # included in seconds
        "cpu_seconds": round(cpu_s, 2),  # all of this process's threads: steadier than wall time on a shared machine
        "articles_per_s": rate(written, watch.seconds),
        "rows_per_s": rate(rows, watch.seconds),
        "complete": complete,
        "stopped": stopped,
        "profiled": bool(profiler),
        "rss_start_mb": rss_start,
        "peak_rss_mb": peak_rss_mb(),
        "per_batch": per_batch,
    }
    if profiler and profile:
        buffer = io.StringIO()
        pstats.Stats(profiler, stream=buffer).sort_stats("cumulative").print_stats(50)
        buffer.write("\n")
        pstats.Stats(profiler, stream=buffer).sort_stats("tottime").print_stats(40)
        profile.write_text(buffer.getvalue())
        out_["profile"] = str(profile)
    return out_


def read_spool(path: Path) -> Any:
    """The spooled rows merged into one `GraphRows`: the last row for a key wins, as MERGE ... SET does."""
    from graph.rows import GraphRows

    merged = GraphRows()
    with path.open("rb") as handle:
        while True:
            try:
                rows = pickle.load(handle)
            except EOFError:
                break
            for name, values in rows.items():
                merged.rows[name].update(values)
    return merged


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--graphs", type=Path, required=True, help="extracted graphs, one ArticleGraph JSON a line")
    ap.add_argument("--out", type=Path, required=True, help="where the result JSON goes")
    ap.add_argument("--spool", type=Path, required=True, help="where the writer's rows go")
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--budget", type=float, default=3600.0)
    ap.add_argument("--max-rss", type=float, default=float("inf"))
    ap.add_argument("--label", default="writer")
    ap.add_argument("--profile", type=Path, default=None)
    a = ap.parse_args(argv)
    result = write_all(a.graphs, a.spool, a.batch, a.budget, a.max_rss, a.label, a.profile)
    a.out.write_text(json.dumps(result) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
