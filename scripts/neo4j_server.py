#!/usr/bin/env python3
"""Throwaway Neo4j 5.26 community server for tests, built from Maven Central.

Why: there is no Docker and no Neo4j tarball on the test machines, but Java 17, Maven
and Maven Central are available. So a tiny Java launcher (scripts/neo4j/) embeds the
community DBMS with Bolt enabled; this module builds it once into a cache directory
outside the repo and runs it as a child process on a free loopback port.

Library use (stdlib only)::

    from scripts.neo4j_server import Neo4jTestServer
    with Neo4jTestServer() as server:          # builds if needed, then starts
        driver = neo4j.GraphDatabase.driver(server.uri, auth=None)

Command line::

    python scripts/neo4j_server.py               # build, start, print NEO4J_URI=..., wait for Ctrl-C
    python scripts/neo4j_server.py --build-only  # just build/cache the launcher

Environment:
    KG_CACHE_DIR            cache root (default ~/.cache/kg); the build lives in <root>/neo4j-5.26
    KG_NEO4J_JAVA_OPTS      extra JVM options appended to the defaults (shell-quoted)
    KG_MVN / KG_JAVA        override the mvn / java executables
"""

from __future__ import annotations

import argparse
import atexit
import collections
import contextlib
import hashlib
import os
import queue
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import IO

try:  # Unix only; without it concurrent builds are merely not serialised.
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

PROJECT_DIR = Path(__file__).resolve().parent / "neo4j"
MAIN_CLASS = "kg.testserver.Neo4jTestServer"
JAR_NAME = "kg-neo4j-test-server.jar"
READY_PREFIX = "NEO4J_READY "
# Bump when the cache layout or the mvn invocation changes, so old caches get rebuilt.
_LAYOUT_VERSION = "1"
# Idle builds of other source versions are deleted after this long.
_PRUNE_AFTER_SECONDS = 24 * 3600

# Modest footprint (2-core box shared with other work); the page cache (256m) is off-heap
# and configured in the Java launcher. The --add-opens flags let Neo4j use its fast paths
# instead of logging "fallback mode" warnings, as the neo4j server scripts do.
DEFAULT_JAVA_OPTS: tuple[str, ...] = (
    "-Xms256m",
    "-Xmx1g",
    "-XX:+ExitOnOutOfMemoryError",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
)


def cache_dir() -> Path:
    """Root of the launcher builds (outside the repo, shared by all checkouts)."""
    root = os.environ.get("KG_CACHE_DIR") or str(Path.home() / ".cache" / "kg")
    return Path(root).expanduser() / "neo4j-5.26"


def _source_hash() -> str:
    """Hash of everything that affects the build, so we rebuild only when it changes."""
    digest = hashlib.sha256(f"layout={_LAYOUT_VERSION}\n".encode())
    files = [PROJECT_DIR / "pom.xml"] + sorted(p for p in (PROJECT_DIR / "src").rglob("*") if p.is_file())
    for path in files:
        digest.update(str(path.relative_to(PROJECT_DIR)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def _build_dir(source_hash: str) -> Path:
    """One directory per source hash, so a rebuild never pulls jars from under a running JVM."""
    return cache_dir() / source_hash[:16]


def _jar_path(build: Path) -> Path:
    return build / "build" / JAR_NAME


def _lib_dir(build: Path) -> Path:
    return build / "lib"


def _tool(env_var: str, name: str) -> str:
    """Resolve an executable, failing with a message that says what is missing."""
    exe = os.environ.get(env_var) or shutil.which(name)
    if not exe:
        raise RuntimeError(
            f"`{name}` not found on PATH (or set {env_var}); the Neo4j test server needs "
            "Java 17+ and Maven 3 to build and run"
        )
    return exe


class _FileLock:
    """Serialise builds across processes (parallel pytest workers share the cache)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._fh: IO[bytes] | None = None

    def __enter__(self) -> _FileLock:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(self._path, "ab")
        if fcntl is not None:
            fcntl.flock(self._fh.fileno(), fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fh is not None:
            self._fh.close()  # releases the flock
            self._fh = None


def _is_built(build: Path, wanted_hash: str) -> bool:
    stamp = build / "build.stamp"
    lib = _lib_dir(build)
    try:
        stamped = stamp.read_text().strip()
    except OSError:
        return False
    return stamped == wanted_hash and _jar_path(build).is_file() and lib.is_dir() and any(lib.glob("*.jar"))


def _prune_old_builds(keep: Path) -> None:
    """Delete builds of other source versions that no JVM uses and nobody used for a day.

    Running servers hold a shared flock on <build>/.inuse (inherited by the JVM), so an
    exclusive non-blocking flock tells us the build is idle. The age rule avoids rebuild
    ping-pong between checkouts with different sources sharing one cache.
    """
    if fcntl is None:
        return
    for other in cache_dir().iterdir():
        if other == keep or not other.is_dir() or not (other / "build.stamp").exists():
            continue
        marker = other / ".inuse"
        try:
            if marker.exists() and time.time() - marker.stat().st_mtime < _PRUNE_AFTER_SECONDS:
                continue
            with open(marker, "ab") as fh:
                try:
                    fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    continue  # a server from that build is running
                shutil.rmtree(other, ignore_errors=True)
        except OSError:
            continue


def ensure_built(force: bool = False) -> Path:
    """Build the launcher jar and copy its dependencies into the cache; return the jar path.

    Runs mvn only when pom.xml or the Java source changed (the build dir is named after
    their hash and carries a build.stamp), so the usual cost is a few file reads. Raises
    RuntimeError with mvn's output tail on failure, or saying java/mvn is missing.
    """
    wanted = _source_hash()
    build = _build_dir(wanted)
    if not force and _is_built(build, wanted):
        return _jar_path(build)
    with _FileLock(cache_dir() / ".build.lock"):
        if not force and _is_built(build, wanted):  # another process built it meanwhile
            return _jar_path(build)
        mvn = _tool("KG_MVN", "mvn")
        _tool("KG_JAVA", "java")
        # Only incomplete or forced builds get here; nothing can be running from them
        # unless forced, in which case the caller asked for it.
        shutil.rmtree(build, ignore_errors=True)
        build.mkdir(parents=True)
        cmd = [
            mvn,
            "-B",
            "-q",
            "-f",
            str(PROJECT_DIR / "pom.xml"),
            f"-Dkg.build.dir={build / 'build'}",
            "package",
            "dependency:copy-dependencies",
            f"-DoutputDirectory={_lib_dir(build)}",
        ]
        print(f"[neo4j_server] building Neo4j test server into {build} ...", file=sys.stderr)
        started = time.monotonic()
        try:
            result = subprocess.run(
                cmd,
                cwd=str(PROJECT_DIR),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                errors="replace",
            )
        except OSError as exc:
            raise RuntimeError(f"could not run mvn ({mvn}): {exc}") from exc
        if result.returncode != 0 or not _jar_path(build).is_file():
            tail = "\n".join(result.stdout.splitlines()[-40:])
            raise RuntimeError(
                f"mvn build of the Neo4j test server failed (exit {result.returncode}):\n{' '.join(cmd)}\n{tail}"
            )
        (build / "build.stamp").write_text(wanted + "\n")
        print(f"[neo4j_server] built in {time.monotonic() - started:.1f}s", file=sys.stderr)
        _prune_old_builds(keep=build)
    return _jar_path(build)


def classpath(jar: Path | None = None) -> str:
    """Java classpath for the launcher (builds first if needed)."""
    jar = jar or ensure_built()
    return os.pathsep.join([str(jar), str(_lib_dir(jar.parent.parent) / "*")])


def free_port() -> int:
    """Ask the kernel for a currently free loopback port (there is a small reuse race)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


_STDERR_LINES = 300


def _start_pump(stream: IO[str] | None, sink: Callable[[str | None], None]) -> threading.Thread:
    """Drain a child pipe on a daemon thread (a full pipe would block the JVM); None = EOF."""
    assert stream is not None

    def pump() -> None:
        try:
            for line in stream:
                sink(line.rstrip("\n"))
        except (OSError, ValueError):
            pass
        sink(None)

    thread = threading.Thread(target=pump, daemon=True)
    thread.start()
    return thread


@contextlib.contextmanager
def _in_use_marker(build: Path) -> Iterator[int]:
    """Shared flock on <build>/.inuse for the child to inherit (no lock without fcntl)."""
    marker = build / ".inuse"
    fd = os.open(marker, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        os.utime(marker)  # "last used", for the prune age rule
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_SH)
        yield fd
    finally:
        os.close(fd)  # the child's inherited copy keeps the lock alive


class Neo4jTestServer:
    """A Neo4j DBMS child process on 127.0.0.1 with auth disabled and a temp data dir.

    Use as a context manager or call start()/stop(). The child also exits by itself when
    its stdin closes, so it cannot outlive this Python process even after a SIGKILL.
    """

    def __init__(
        self,
        port: int | None = None,
        java_opts: Sequence[str] | None = None,
        data_root: Path | None = None,
    ) -> None:
        """port: fixed Bolt port (default: a free one); java_opts: replaces DEFAULT_JAVA_OPTS;
        data_root: where the temp Neo4j home is created (default: the system temp dir)."""
        self._requested_port = port
        self._java_opts = list(DEFAULT_JAVA_OPTS if java_opts is None else java_opts)
        extra = os.environ.get("KG_NEO4J_JAVA_OPTS")
        if extra:
            self._java_opts += shlex.split(extra)
        self._data_root = data_root
        self._proc: subprocess.Popen[str] | None = None
        self._tmp: Path | None = None
        self._stdout: queue.Queue[str | None] = queue.Queue()
        self._stderr: collections.deque[str] = collections.deque(maxlen=_STDERR_LINES)
        self.port: int | None = None
        self.uri: str | None = None
        self.version: str | None = None
        self.startup_seconds: float | None = None

    # -- lifecycle ---------------------------------------------------------------------

    def start(self, timeout: float = 180.0) -> Neo4jTestServer:
        """Build if needed, launch the JVM and block until Bolt accepts connections."""
        if self._proc is not None:
            raise RuntimeError("server already started")
        jar = ensure_built()
        java = _tool("KG_JAVA", "java")
        began = time.monotonic()
        deadline = began + timeout
        attempts = 1 if self._requested_port else 3  # retry only the free-port race
        for attempt in range(attempts):
            try:
                self._launch(java, jar, deadline)
                break
            except _PortTaken as taken:
                self._cleanup_dir()
                if attempt == attempts - 1:
                    raise RuntimeError(
                        f"Bolt port {taken.port} on 127.0.0.1 is already in use; stderr tail:\n{self.stderr_tail()}"
                    ) from None
            except BaseException:  # timeout, crash, Ctrl-C: leave nothing behind
                self._terminate(graceful=False)
                self._cleanup_dir()
                raise
        self.startup_seconds = time.monotonic() - began
        atexit.register(self.stop)
        return self

    def _launch(self, java: str, jar: Path, deadline: float) -> None:
        port = self._requested_port or free_port()
        self._tmp = Path(tempfile.mkdtemp(prefix="kg-neo4j-", dir=self._data_root))
        cmd = [
            java,
            *self._java_opts,
            "-cp",
            classpath(jar),
            MAIN_CLASS,
            str(port),
            str(self._tmp),
            # The JVM removes the home dir itself, so even a SIGKILLed parent leaves no junk.
            "--delete-home-on-exit",
        ]
        self._stderr.clear()
        with _in_use_marker(jar.parent.parent) as marker_fd:
            self._proc = subprocess.Popen(
                cmd,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                errors="replace",
                # Own session: a terminal Ctrl-C reaches us, and we stop the JVM in order.
                start_new_session=True,
                # The JVM inherits the shared lock that keeps its build from being pruned.
                pass_fds=(marker_fd,),
            )
        self._stdout = queue.Queue()
        _start_pump(self._proc.stdout, self._stdout.put)
        stderr_pump = _start_pump(self._proc.stderr, self._on_stderr_line)

        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                self._terminate(graceful=False)
                raise RuntimeError(f"Neo4j did not become ready in time; stderr tail:\n{self.stderr_tail()}")
            try:
                line = self._stdout.get(timeout=min(remaining, 0.5))
            except queue.Empty:
                continue
            if line is None:  # stdout closed: the JVM exited
                code = self._proc.wait()
                self._proc = None
                stderr_pump.join(timeout=5)  # collect the stack trace before reporting
                tail = self.stderr_tail()
                if "BindException" in tail or "Address already in use" in tail:
                    raise _PortTaken(port)
                raise RuntimeError(f"Neo4j exited during startup (exit {code}); stderr tail:\n{tail}")
            if line.startswith(READY_PREFIX):
                fields = line[len(READY_PREFIX) :].split()
                self.uri = fields[0]
                self.version = fields[1] if len(fields) > 1 else None
                self.port = port
                return

    def _on_stderr_line(self, line: str | None) -> None:
        if line is None:
            return
        self._stderr.append(line)
        if os.environ.get("KG_NEO4J_VERBOSE"):
            print(f"[neo4j] {line}", file=sys.stderr)

    def stderr_tail(self, lines: int = 40) -> str:
        """Last lines the JVM wrote to stderr (Neo4j warnings, stack traces)."""
        return "\n".join(list(self._stderr)[-lines:]) or "(stderr empty)"

    def stop(self, timeout: float = 30.0) -> None:
        """Close stdin (the launcher shuts Neo4j down cleanly), escalate if it hangs, clean up."""
        atexit.unregister(self.stop)
        self._terminate(timeout)
        self._cleanup_dir()

    def _terminate(self, timeout: float = 30.0, graceful: bool = True) -> None:
        """graceful: close stdin and wait (normal stop). Otherwise SIGTERM at once: during
        startup the launcher does not read stdin yet, and the shutdown hook still runs."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            try:
                assert proc.stdin is not None
                proc.stdin.close()
            except OSError:
                pass
            if not graceful:
                proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=timeout if graceful else 10)
            except subprocess.TimeoutExpired:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        for stream in (proc.stdin, proc.stdout, proc.stderr):
            try:
                if stream is not None:
                    stream.close()
            except OSError:
                pass

    def _cleanup_dir(self) -> None:
        if self._tmp is not None:
            shutil.rmtree(self._tmp, ignore_errors=True)
            self._tmp = None

    # -- conveniences ------------------------------------------------------------------

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    @property
    def data_dir(self) -> Path | None:
        """Neo4j home (data/, logs/debug.log) while running; removed by stop()."""
        return self._tmp

    def is_running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def __enter__(self) -> Neo4jTestServer:
        if self._proc is None:
            self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


class _PortTaken(Exception):
    """Internal: the chosen port was grabbed by someone else before the JVM bound it."""

    def __init__(self, port: int) -> None:
        super().__init__(port)
        self.port = port


def _serve(timeout: float, port: int | None) -> int:
    """CLI: run until Ctrl-C/SIGTERM, or until the server dies on its own."""
    stop_requested = threading.Event()

    def _on_signal(signum: int, _frame: object) -> None:
        stop_requested.set()

    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)
    server = Neo4jTestServer(port=port)
    server.start(timeout=timeout)
    print(f"NEO4J_URI={server.uri}")
    print(f"NEO4J_VERSION={server.version}")
    print(f"NEO4J_STARTUP_SECONDS={server.startup_seconds:.2f}")
    sys.stdout.flush()
    code = 0
    try:
        while not stop_requested.wait(1.0):
            if not server.is_running():
                print("[neo4j_server] Neo4j exited unexpectedly", file=sys.stderr)
                code = 1
                break
    finally:
        server.stop()
        print("[neo4j_server] stopped", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build-only", action="store_true", help="only build/cache the launcher")
    parser.add_argument("--rebuild", action="store_true", help="force a rebuild")
    parser.add_argument("--port", type=int, default=None, help="Bolt port (default: a free one)")
    parser.add_argument("--timeout", type=float, default=180.0, help="startup timeout, seconds")
    args = parser.parse_args(argv)
    try:
        jar = ensure_built(force=args.rebuild)
        if args.build_only:
            print(f"NEO4J_LAUNCHER_JAR={jar}")
            return 0
        return _serve(args.timeout, args.port)
    except RuntimeError as exc:
        print(f"[neo4j_server] error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
