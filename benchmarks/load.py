"""HTTP load on the real API: `kg serve` in its own process, clients on threads, loopback only.

Why a separate server process: the API's cost includes uvicorn, FastAPI validation and JSON
encoding, and the clients must not share the server's interpreter lock, or the figures would
measure the load generator. LadybugDB lets one process hold a database file, so the caller closes
its own store before the server starts.
"""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.measure import latency_summary, proc_status_mb, rate

LOOPBACK = "127.0.0.1"


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time a process has used so far (from /proc/<pid>/stat), None if unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def own_cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def _serve_command() -> list[str]:
    """`kg serve` with the benchmark's trivial route added (benchmarks/serve.py)."""
    return [sys.executable, "-m", "benchmarks.serve"]


class ApiServer:
    """`kg serve` (with the trivial route of benchmarks/serve.py) on 127.0.0.1 with the given
    environment; started and stopped by this object only."""

    def __init__(self, env: dict[str, str], log_path: Path, cwd: Path | None = None) -> None:
        self.port = free_port()
        self.url = f"http://{LOOPBACK}:{self.port}"
        self._env = {**os.environ, **env}
        self._log_path = log_path
        self._cwd = cwd
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: Any = None
        self.peak_rss_mb: float | None = None

    def start(self, timeout: float = 300.0) -> ApiServer:  # a bound on a hang: a busy machine starts slowly
        import httpx

        self._log = self._log_path.open("wb")
        cmd = [*_serve_command(), "--host", LOOPBACK, "--port", str(self.port)]
        self._proc = subprocess.Popen(
            cmd, env=self._env, cwd=self._cwd, stdout=self._log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(f"`kg serve` exited with {self._proc.returncode}; see {self._log_path}")
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"`kg serve` did not answer /health within {timeout:.0f} s; see {self._log_path}")

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def stop(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None:
            self.peak_rss_mb = proc_status_mb(proc.pid, "VmHWM")
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._log is not None:
            self._log.close()
            self._log = None

    def __enter__(self) -> ApiServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


@dataclass
class LoadResult:
    path: str
    clients: int
    duration_s: float
    requests: int
    errors: int
    latencies: list[float]
    statuses: dict[int, int]
    cpu_s: dict[str, float | None] | None = None  # CPU seconds used during the load, per process
    cache: dict[str, int] | None = None  # responses per X-Cache value (hit, stale, shared, miss, none)

    def as_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "clients": self.clients,
            "duration_s": round(self.duration_s, 2),
            "requests": self.requests,
            "errors": self.errors,
            "statuses": {str(k): v for k, v in sorted(self.statuses.items())},
            "throughput_rps": rate(self.requests, self.duration_s),
            **latency_summary(self.latencies),
            # CPU seconds per wall second, per process: 1.0 is one core busy. Shows whether the
            # server was CPU-bound or waiting, and what the load generator itself cost.
            "cpu_cores": {
                k: None if v is None else round(v / self.duration_s, 2) for k, v in (self.cpu_s or {}).items()
            },
            "x_cache": dict(sorted((self.cache or {}).items())),
        }


def run_load(
    base_url: str,
    path: str,
    params: Sequence[dict[str, Any]],
    clients: int,
    duration_s: float,
    max_requests: int,
    warmup: int = 3,
    watch_pids: dict[str, int] | None = None,
) -> LoadResult:
    """`clients` threads, each with its own connection, send GET `path` with the parameter sets in
    turn until `duration_s` has passed or `max_requests` were sent in all (each client sends at least
    one, so no run comes back empty on a busy machine); non-2xx count as errors."""
    import httpx

    if not base_url.startswith(f"http://{LOOPBACK}:"):
        raise ValueError(f"load goes to {LOOPBACK} only, not {base_url}")
    with httpx.Client(base_url=base_url, timeout=60) as warm:
        for i in range(warmup):
            warm.get(path, params=params[i % len(params)])
    lock = threading.Lock()
    sent = 0
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    cache: dict[str, int] = {}
    errors = 0
    start_gate = threading.Barrier(clients + 1)
    deadline = 0.0

    def client(index: int) -> None:
        nonlocal sent, errors
        local: list[float] = []
        local_status: dict[int, int] = {}
        local_cache: dict[str, int] = {}
        local_errors = 0
        with httpx.Client(base_url=base_url, timeout=60) as http:
            start_gate.wait()
            i = index
            first = True  # every client sends one request however late it starts: a busy machine
            while first or time.perf_counter() < deadline:  # gives slow figures, never empty ones
                first = False
                with lock:
                    if sent >= max_requests:
                        break
                    sent += 1
                t0 = time.perf_counter()
                how = "error"
                try:
                    response = http.get(path, params=params[i % len(params)])
                    status, how = response.status_code, response.headers.get("x-cache", "none")
                except httpx.HTTPError:
                    status = 0
                local.append(time.perf_counter() - t0)
                local_cache[how] = local_cache.get(how, 0) + 1
                local_status[status] = local_status.get(status, 0) + 1
                if not 200 <= status < 300:
                    local_errors += 1
                i += clients
        with lock:
            latencies.extend(local)
            errors += local_errors
            for k, v in local_status.items():
                statuses[k] = statuses.get(k, 0) + v
            for how, v in local_cache.items():
                cache[how] = cache.get(how, 0) + v

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    pids = {k: v for k, v in (watch_pids or {}).items() if v}
    cpu0 = {k: cpu_seconds(pid) for k, pid in pids.items()}
    client_cpu0 = own_cpu_seconds()
    began = time.perf_counter()
    deadline = began + duration_s
    start_gate.wait()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    cpu: dict[str, float | None] = {}
    for k, pid in pids.items():
        before, after = cpu0[k], cpu_seconds(pid)
        cpu[k] = after - before if before is not None and after is not None else None
    cpu["client"] = own_cpu_seconds() - client_cpu0
    return LoadResult(path, clients, elapsed, len(latencies), errors, latencies, statuses, cpu, cache)
