"""One embedded store, many processes: `kg` commands work while `kg serve` holds the file, an
ingest beside the server never turns the API into 503s, and a killed server comes back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.settings import Settings
from graph.stores import make_store
from graph.stores.remote_store import read_server_note
from tests.conftest import Served
from tests.factories import contested_attack

REPO = Path(__file__).resolve().parents[2]
KG = str(Path(sys.executable).parent / "kg")
STORED = len(contested_attack())


def kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([KG, *args], cwd=REPO, capture_output=True, text=True, timeout=600)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "graph.lbug"
    with make_store(Settings(backend="ladybug", db_path=path)) as store:
        for graph in contested_attack():
            store.write([graph])
    return path


def test_cli_commands_read_and_write_through_the_server_that_holds_the_file(db: Path, tmp_path: Path) -> None:
    from benchmarks.corpus import write_corpus

    corpus = tmp_path / "corpus.jsonl"
    write_corpus(corpus, 40, seed=3)
    with Served(db) as server:
        status = kg("status", "--db", str(db), "--json")
        assert status.returncode == 0, status.stderr
        assert "through kg serve" in status.stderr
        assert json.loads(status.stdout)["nodes"]["Article"] == STORED
        query = kg("query", "timeline", "--db", str(db), "-f", "json", "-p", "limit=2")
        assert query.returncode == 0 and len(json.loads(query.stdout)) == 2
        export = kg("export", "--db", str(db), "-f", "graphml", "-o", str(tmp_path / "g.graphml"))
        assert export.returncode == 0 and (tmp_path / "g.graphml").stat().st_size > 1000

        ingest = subprocess.Popen([KG, "ingest", str(corpus), "--db", str(db), "--batch", "5"], cwd=REPO,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        answers = []
        with httpx.Client(base_url=server.url, timeout=60) as http:
            while ingest.poll() is None or not answers:
                answers.append(http.get("/events", params={"limit": 5}).status_code)
        out, err = ingest.communicate()
        assert ingest.returncode == 0, err
        assert set(answers) == {200}  # the API answered every request while the ingest wrote
        assert json.loads(kg("status", "--db", str(db), "--json").stdout)["nodes"]["Article"] == STORED + 40
        bad = kg("query", "no_such_query", "--db", str(db))
        assert bad.returncode == 1 and "no query named" in bad.stderr
    assert read_server_note(db) is None  # the note goes with the server
    direct = kg("status", "--db", str(db), "--json")
    assert "through kg serve" not in direct.stderr and json.loads(direct.stdout)["nodes"]["Article"] == STORED + 40


def test_a_server_killed_by_a_signal_is_started_again(db: Path) -> None:
    with Served(db) as server:
        first = read_server_note(db)
        assert first is not None
        os.kill(first.pid, signal.SIGSEGV)  # what the LadybugDB crash did to the whole service
        server.wait_until_answering(pid_other_than=first.pid)
        assert httpx.get(f"{server.url}/events", timeout=30).status_code == 200
        assert "died (SIGSEGV); starting it again" in server.log.read_text()


HOLDER = textwrap.dedent(
    """
    import sys, ladybug
    db = ladybug.Database(sys.argv[1])
    ladybug.Connection(db).execute("RETURN 1")
    print("holding", flush=True)
    sys.stdin.read()
    """
)


@pytest.fixture
def held(db: Path) -> Iterator[Path]:
    """The file held for writing by another process that is not a server (an ingest, say)."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)  # fmt: skip
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    try:
        yield db
    finally:
        holder.communicate("")


def test_beside_another_writer_reads_come_from_a_snapshot_and_writes_say_why_they_cannot(held: Path) -> None:
    status = kg("status", "--db", str(held), "--json")
    assert status.returncode == 0, status.stderr
    assert "snapshot" in status.stderr and json.loads(status.stdout)["nodes"]["Article"] == STORED
    write = kg("ingest", str(REPO / "loaders" / "data" / "samples"), "--db", str(held))
    assert write.returncode == 1 and "another process" in write.stderr
