"""Fixtures shared by the suite: the stores (a real LadybugDB file, a real Neo4j server)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from graph.model import ArticleGraph
from graph.settings import Settings
from graph.stores import GraphStore, make_store

REPO = Path(__file__).resolve().parents[1]
KG = str(Path(sys.executable).parent / "kg")
SHARED = REPO.parent / "shared"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

_neo4j_info: dict[str, str] = {}


def skip_or_fail(reason: str) -> None:
    """Outside CI a missing dependency skips with the reason; under CI it is a failure."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this test must not be skipped)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def neo4j_uri() -> Iterator[str]:
    """NEO4J_URI when set, else a real Neo4j 5.26 started once for the session from Maven artifacts."""
    if os.environ.get("NEO4J_URI"):
        _neo4j_info.update(uri=os.environ["NEO4J_URI"], origin="NEO4J_URI")
        yield os.environ["NEO4J_URI"]
        return
    from scripts.neo4j_server import Neo4jTestServer

    server = Neo4jTestServer()
    try:
        server.start()
    except Exception as exc:  # noqa: BLE001 - any failure to start is reported the same way
        skip_or_fail(f"cannot start the Neo4j test server: {exc}")
    _neo4j_info.update(uri=server.uri, version=str(server.version), origin=f"started in {server.startup_seconds:.1f} s")
    try:
        yield server.uri
    finally:
        server.stop()


def counts(store: GraphStore) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes per label and relationships per type: what a test compares before and after."""
    status = store.status()
    return status.nodes, status.relationships


def count_queries(store: GraphStore) -> Counter[str]:
    """Count the named queries the store runs from now on (undo with `del store.query`): what a
    test of caching checks to tell a kept answer from a computed one."""
    ran: Counter[str] = Counter()
    original = store.query

    def counting(name: str, params: dict | None = None) -> list[dict]:
        ran[name] += 1
        return original(name, params)

    store.query = counting  # type: ignore[method-assign]
    return ran


def neo4j_settings(uri: str) -> Settings:
    return Settings(
        backend="neo4j",
        neo4j_uri=uri,
        neo4j_user=os.environ.get("NEO4J_USER", "neo4j"),
        neo4j_password=os.environ.get("NEO4J_PASSWORD", ""),
    )


@pytest.fixture
def ladybug_settings(tmp_path: Path) -> Settings:
    return Settings(backend="ladybug", db_path=tmp_path / "graph.lbug")


@pytest.fixture(params=["ladybug", pytest.param("neo4j", marks=pytest.mark.neo4j)])
def store_settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    """Settings for each backend in turn: every test using it runs on both stores."""
    if request.param == "ladybug":
        return Settings(backend="ladybug", db_path=tmp_path / "graph.lbug")
    return neo4j_settings(request.getfixturevalue("neo4j_uri"))


@pytest.fixture
def store(store_settings: Settings) -> Iterator[GraphStore]:
    """An open, empty store of each backend."""
    s = make_store(store_settings).open()
    s.clear()
    try:
        yield s
    finally:
        s.close()


#: Lines a test adds for the end of the run: figures a reader wants (cases run, kills survived).
SUMMARY: list[str] = []


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in SUMMARY:
        terminalreporter.write_line(line)
    if _neo4j_info:
        version = _neo4j_info.get("version")
        if version is None:
            # A server given by NEO4J_URI: ask it, so the log shows what the tests really ran against.
            try:
                with make_store(neo4j_settings(_neo4j_info["uri"])) as s:
                    version = s.query("internal.version")[0]["version"]
            except Exception as exc:  # noqa: BLE001
                version = f"unknown ({exc})"
        terminalreporter.write_line(
            f"Neo4j tests ran against a real server: Neo4j {version} at {_neo4j_info['uri']} ({_neo4j_info['origin']})"
        )


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """The real app served by uvicorn on 127.0.0.1 in a background thread, for HTTP tests."""

    def __init__(self, settings: Settings) -> None:
        import threading

        import uvicorn

        from api.app import create_app
        from graph.settings import get_settings

        self.app = create_app()
        self.app.dependency_overrides[get_settings] = lambda: settings
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="on")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        import time

        self.thread.start()
        deadline = time.monotonic() + 120  # a bound on a hang only
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the API server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    @property
    def store(self) -> GraphStore:
        """The same store object the app serves from (so a test can write into it directly)."""
        from api.deps import app_store
        from graph.settings import get_settings

        return app_store(self.app, self.app.dependency_overrides[get_settings]())


@contextmanager
def serving(graphs: Iterable[ArticleGraph], db_path: Path) -> Iterator[LiveServer]:
    """A live server over a fresh LadybugDB at db_path holding `graphs`, one ingest per graph."""
    settings = Settings(backend="ladybug", db_path=db_path)
    store = make_store(settings).open()
    for graph in graphs:
        store.write([graph])
    server = LiveServer(settings)
    server.app.state.store = store
    try:
        with server:
            yield server
    finally:
        server.app.state.store = None
        store.close()


@pytest.fixture
def api(store: GraphStore) -> Iterator[LiveServer]:
    """The HTTP API on a real port, serving the (empty, open) `store` of each backend.

    The app shares the test's store object, so a LadybugDB file is opened once per process.
    """
    server = LiveServer(store.settings)
    server.app.state.store = store
    with server:
        yield server
    server.app.state.store = None  # the `store` fixture closes it


@pytest.fixture
def http(api: LiveServer) -> Iterator[httpx.Client]:  # noqa: F821
    import httpx

    with httpx.Client(base_url=api.url, timeout=30) as client:
        yield client


class Served:
    """A real `kg serve` on a LadybugDB file in its own process (supervised, as users run it, unless told)."""

    def __init__(self, db: Path, supervise: bool = True, **env: str) -> None:
        self.db = db
        self.supervise = supervise
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **env}
        self.log = db.with_suffix(".serve.log")
        self.process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> Served:
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                [KG, "serve", "--db", str(self.db), "--port", str(self.port),
                 "--supervise" if self.supervise else "--no-supervise"], cwd=REPO, env=self.env,
                stdout=log, stderr=subprocess.STDOUT,
            )  # fmt: skip
        self.wait_until_answering()
        return self

    def wait_until_answering(self, pid_other_than: int | None = None) -> None:
        import httpx

        from graph.stores.remote_store import read_server_note

        deadline = time.monotonic() + 180  # a bound on a hang only
        while time.monotonic() < deadline:
            assert self.process is not None and self.process.poll() is None, self.log.read_text()
            note = read_server_note(self.db)
            try:
                fresh = note is not None and note.pid != pid_other_than
                if fresh and httpx.get(f"{self.url}/health", timeout=5).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        pytest.fail(f"kg serve did not answer: {self.log.read_text()[-2000:]}")

    def __exit__(self, *exc: object) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=120)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
