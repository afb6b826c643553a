"""Small measuring tools: latency percentiles, memory, disk use, the machine a run was made on.

Why a module of its own: every figure in the results must mean the same thing in every section
(a p99 computed one way, a peak RSS read one way), so they are all computed here.
"""

from __future__ import annotations

import math
import os
import platform
import resource
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any


def percentile(values: list[float], q: float) -> float | None:
    """The q-th percentile (0..100) by the nearest-rank method: always a value that was measured."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def latency_summary(seconds: list[float]) -> dict[str, Any]:
    """p50/p95/p99/max/mean in milliseconds, rounded so the JSON stays readable."""
    ms = [s * 1000 for s in seconds]

    def r(v: float | None) -> float | None:
        return None if v is None else round(v, 2)

    return {
        "n": len(ms),
        "p50_ms": r(percentile(ms, 50)),
        "p95_ms": r(percentile(ms, 95)),
        "p99_ms": r(percentile(ms, 99)),
        "max_ms": r(max(ms) if ms else None),
        "mean_ms": r(sum(ms) / len(ms) if ms else None),
    }


@dataclass
class Stopwatch:
    """Accumulates the time spent inside `with watch:` blocks (the rest of a loop is not counted)."""

    seconds: float = 0.0
    laps: int = 0
    _start: float = field(default=0.0, repr=False)

    def __enter__(self) -> Stopwatch:
        self._start = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds += time.perf_counter() - self._start
        self.laps += 1


def timed_iter(items: Iterable[Any], watch: Stopwatch) -> Iterable[Any]:
    """Yield from `items`, charging the time spent producing each item to `watch`."""
    it = iter(items)
    while True:
        with watch:
            try:
                item = next(it)
            except StopIteration:
                return
        yield item


def rate(count: float, seconds: float) -> float | None:
    return round(count / seconds, 1) if seconds > 0 else None


# -- memory -----------------------------------------------------------------------------------------


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports ru_maxrss in KiB)."""
    kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(kib / 1024 if sys.platform != "darwin" else kib / 1024 / 1024, 1)


def proc_status_mb(pid: int, key: str = "VmHWM") -> float | None:
    """A memory line of /proc/<pid>/status (VmHWM: peak RSS; VmRSS: current) in MiB, None if gone."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError, IndexError):
        return None
    return None


def current_rss_mb() -> float | None:
    return proc_status_mb(os.getpid(), "VmRSS")


# -- disk -------------------------------------------------------------------------------------------


def tree_bytes(path: Path) -> int:
    """Bytes used by a file or every file under a directory (apparent size)."""
    if path.is_file():
        return path.stat().st_size
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += (Path(root) / name).stat().st_size
            except OSError:
                pass  # a file removed while we walk (Neo4j rotates logs)
    return total


def ladybug_files(db_path: Path) -> dict[str, int]:
    """The LadybugDB database file and its companions (`.wal`, ...), by name, in bytes."""
    out: dict[str, int] = {}
    if db_path.exists():
        out[db_path.name] = tree_bytes(db_path)
    for sibling in sorted(db_path.parent.glob(db_path.name + ".*")):
        out[sibling.name] = tree_bytes(sibling)
    return out


def mb(n: int | float) -> float:
    return round(n / (1024 * 1024), 2)


# -- machine ----------------------------------------------------------------------------------------


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _ram_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError):
        pass
    return None


def _version(module: str) -> str | None:
    try:
        from importlib.metadata import version

        return version(module)
    except Exception:  # noqa: BLE001 - a missing package is reported as None
        return None


def machine_info() -> dict[str, Any]:
    """What a reader needs to compare two result files: hardware, OS, Python and library versions."""
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "hostname": platform.node(),
        "os": f"{platform.system()} {platform.release()}",
        "cpu_model": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": _ram_gb(),
        "python": sys.version.split()[0],
        "packages": {p: _version(p) for p in ("ladybug", "neo4j", "spacy", "fastapi", "uvicorn", "httpx", "pandas")},
    }


def repeat(fn: Callable[[], Any], times: int, budget_s: float) -> tuple[list[float], int]:
    """Run `fn` up to `times` times or until `budget_s` has passed; (durations, errors)."""
    durations: list[float] = []
    errors = 0
    deadline = time.perf_counter() + budget_s
    for _ in range(times):
        start = time.perf_counter()
        try:
            fn()
        except Exception:  # noqa: BLE001 - a failing query is counted, the run goes on
            errors += 1
        durations.append(time.perf_counter() - start)
        if time.perf_counter() > deadline:
            break
    return durations, errors
