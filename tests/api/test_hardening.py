"""What a hostile or careless client sends cannot take the service down or learn its internals.

The key is checked, and the size refused, from the headers alone, before the body is read; a
re-post of a stored text with other metadata is a 409, not a silent overwrite; every error,
including one the code did not foresee, is the one JSON shape without paths or process ids.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.settings import Settings, get_settings
from tests.conftest import LiveServer

ARTICLE = {
    "title": "هجوم على قاعدة حرير",
    "published": "2024-02-10",
    "outlet": "Example",
    "text": "تعرضت قاعدة حرير الجوية شمال أربيل مساء الجمعة لهجوم بطائرتين مسيرتين، "
    "وتبنت المقاومة الإسلامية في العراق الهجوم في بيان.",
}
KEY = {"X-API-Key": "s3cret"}


@pytest.fixture
def keyed(api: LiveServer) -> LiveServer:
    settings = api.store.settings.model_copy(update={"api_key": "s3cret", "max_body_bytes": 64 * 1024})
    api.app.dependency_overrides[get_settings] = lambda: settings
    return api


def raw_request(server: LiveServer, head: str, body: bytes = b"", chunks: Iterator[bytes] | None = None) -> tuple:
    """Send a request by hand and read the answer; a server that waited for the body would hang
    here until the socket's timeout (a bound on a hang, not a timing condition)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=60) as s:
        s.sendall(head.replace("\n", "\r\n").encode("latin-1") + b"\r\n" + body)
        try:
            for chunk in chunks or ():
                s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except OSError:
            pass  # the server answered and closed before the whole body was sent: that is the point
        data = b""
        while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < _length(data):
            part = s.recv(65536)
            if not part:
                break
            data += part
    status = int(data.split(b" ", 2)[1])
    return status, json.loads(data.split(b"\r\n\r\n", 1)[1] or b"null")


def _length(data: bytes) -> int:
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").lower()
    for line in head.split("\r\n"):
        if line.startswith("content-length:"):
            return int(line.split(":", 1)[1])
    return 0


def post_head(length: int | None, key: str | None = None, path: str = "/articles") -> str:
    lines = [f"POST {path} HTTP/1.1", "Host: test", "Content-Type: application/json"]
    if key is not None:
        lines.append(f"X-API-Key: {key}")
    lines.append(f"Content-Length: {length}" if length is not None else "Transfer-Encoding: chunked")
    return "\n".join(lines) + "\n"


def test_a_huge_body_without_the_key_is_refused_before_it_is_read(keyed: LiveServer) -> None:
    status, body = raw_request(keyed, post_head(300_000_000))
    assert (status, body["status"]) == (401, 401) and "X-API-Key" in body["error"]
    status, body = raw_request(keyed, post_head(300_000_000, key="guess"))
    assert status == 401


def test_a_body_over_the_limit_is_a_413_even_with_the_key(keyed: LiveServer) -> None:
    status, body = raw_request(keyed, post_head(300_000_000, key="s3cret"))
    assert status == 413 and body == {"ok": False, "status": 413, "error": body["error"]}
    assert "65,536 bytes" in body["error"]
    chunks = (b"x" * 8192 for _ in range(64))  # 512 KB with no length given: counted, stopped at the limit
    status, body = raw_request(keyed, post_head(None, key="s3cret"), chunks=chunks)
    assert status == 413 and "KG_MAX_BODY_BYTES" in body["error"]
    assert keyed.store.status().nodes.get("Article", 0) == 0


def test_a_body_within_the_limit_is_read_as_usual(keyed: LiveServer, http: httpx.Client) -> None:
    assert http.post("/articles", json=ARTICLE, headers=KEY).status_code == 201


def test_a_lone_surrogate_or_nul_is_a_422_that_names_the_field(keyed: LiveServer, http: httpx.Client) -> None:
    raw = json.dumps({**ARTICLE, "title": "x"}).replace('"x"', '"bad \\ud800 title"')
    r = http.post("/articles", content=raw, headers={**KEY, "Content-Type": "application/json"})
    assert r.status_code == 422 and "title" in r.json()["error"]
    r = http.post("/articles", json={**ARTICLE, "outlet": "Out\x00let"}, headers=KEY)
    assert r.status_code == 422 and "outlet" in r.json()["error"]
    assert keyed.store.status().nodes.get("Article", 0) == 0


def test_re_posting_a_text_with_other_metadata_is_a_409_until_asked_to_update(
    keyed: LiveServer, http: httpx.Client
) -> None:
    first = http.post("/articles", json=ARTICLE, headers=KEY)
    assert first.status_code == 201
    same = http.post("/articles", json=ARTICLE, headers=KEY)
    assert same.status_code == 200 and same.json()["created"] is False
    other = {**ARTICLE, "title": "عنوان آخر", "published": "2024-02-11"}
    conflict = http.post("/articles", json=other, headers=KEY)
    assert conflict.status_code == 409
    assert "title" in conflict.json()["error"] and "published" in conflict.json()["error"]
    assert "update_metadata=true" in conflict.json()["error"]
    stored = keyed.store.query("internal.article_meta", {"ids": [first.json()["id"]]})[0]
    assert (stored["title"], stored["published"]) == (ARTICLE["title"], "2024-02-10")
    updated = http.post("/articles", json=other, headers=KEY, params={"update_metadata": "true"})
    assert updated.status_code == 200
    stored = keyed.store.query("internal.article_meta", {"ids": [first.json()["id"]]})[0]
    assert (stored["title"], stored["published"]) == ("عنوان آخر", "2024-02-11")
    assert keyed.store.status().nodes["Article"] == 1


def test_a_bug_still_answers_in_the_one_error_shape(http: httpx.Client, api: LiveServer) -> None:
    from api.deps import get_store

    def broken() -> None:
        raise RuntimeError("/secret/path/graph.lbug held by PID 4242")

    api.app.dependency_overrides[get_store] = broken
    try:
        r = http.get("/events")
    finally:
        del api.app.dependency_overrides[get_store]
    assert r.status_code == 500
    assert r.json()["ok"] is False and "secret" not in r.text and "4242" not in r.text


def test_openapi_documents_every_status_a_route_answers(http: httpx.Client) -> None:
    paths = http.get("/openapi.json").json()["paths"]
    post = set(paths["/articles"]["post"]["responses"])
    assert {"200", "201", "401", "403", "409", "413", "422", "503"} <= post
    for route in ("/events", "/claims", "/export", "/events/{event_id}"):
        assert {"400", "404", "422", "503"} <= set(paths[route]["get"]["responses"]), route
    error = http.get("/openapi.json").json()["components"]["schemas"]["ErrorOut"]
    assert set(error["properties"]) == {"ok", "error", "status"}
    html_error = paths["/graph.html"]["get"]["responses"]["422"]["content"]
    assert set(html_error) == {"application/json"}  # errors are JSON on the HTML page's route too


HOLDER = textwrap.dedent(
    """
    import sys, time, ladybug
    db = ladybug.Database(sys.argv[1])
    ladybug.Connection(db).execute("RETURN 1")
    print("holding", flush=True)
    sys.stdin.read()
    """
)


def test_a_locked_store_is_a_503_that_names_no_path_or_process(tmp_path: Path) -> None:
    db = tmp_path / "private-location" / "graph.lbug"
    db.parent.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        with LiveServer(Settings(backend="ladybug", db_path=db)) as server, httpx.Client(base_url=server.url) as c:
            answers = [c.get(path) for path in ("/events", "/health", "/export", "/claims?actor=x")]
    finally:
        holder.communicate("")
    for r in answers:
        assert r.status_code == 503, r.text
        assert r.json()["ok"] is False and "in use by another process" in r.json()["error"]
        assert "private-location" not in r.text and str(holder.pid) not in r.text and "PID" not in r.text
        assert r.headers["Retry-After"]
