"""Schemathesis against the OpenAPI of a real `kg serve`: whatever it generates, no 5xx, only the
statuses and media types the schema documents, and the server process alive at the end.

The server runs unsupervised, so a crash would end it for good and fail the last test. The number
of examples per operation is bounded to keep the run short; the count of cases is printed.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import content_type_conformance, not_a_server_error, status_code_conformance

from graph.settings import Settings
from graph.stores import make_store
from tests.conftest import SUMMARY, Served
from tests.factories import contested_attack

KEY = "schemathesis-key"
EXAMPLES_PER_OPERATION = 15  # per operation and mode
CASES: list[tuple[str, str, int]] = []


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    db = tmp_path_factory.mktemp("schemathesis") / "graph.lbug"
    with make_store(Settings(backend="ladybug", db_path=db)) as store:
        for graph in contested_attack():
            store.write([graph])
    with Served(db, supervise=False, KG_API_KEY=KEY, KG_QUERY_CACHE_SECONDS="0") as server:
        yield server


def test_no_generated_request_gets_a_server_error(served: Served) -> None:
    """Every operation, with valid and with invalid data (schemathesis' positive and negative modes)."""
    api = schemathesis.openapi.from_url(f"{served.url}/openapi.json")
    checks = [not_a_server_error, status_code_conformance, content_type_conformance]
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, suppress_health_check=list(HealthCheck))
            def run(case: schemathesis.Case) -> None:
                response = case.call(base_url=served.url, headers={"X-API-Key": KEY}, timeout=120)
                CASES.append((case.method, case.path, response.status_code))
                case.validate_response(response, checks=checks, headers={"X-API-Key": KEY})

            try:
                run()
            except Unsatisfiable:
                if mode is GenerationMode.POSITIVE:
                    raise  # an operation without parameters has no invalid request to make


def test_the_server_is_alive_after_every_case(served: Served) -> None:
    assert served.process is not None and served.process.poll() is None, Path(served.log).read_text()[-3000:]
    assert httpx.get(f"{served.url}/health", timeout=30).json()["ok"] is True
    assert CASES, "schemathesis ran no case"
    errors = [c for c in CASES if c[2] >= 500]
    assert errors == []
    operations = {(m, p) for m, p, _ in CASES}
    SUMMARY.append(
        f"schemathesis: {len(CASES)} cases over {len(operations)} operations, {len(errors)} server errors, "
        "the server process alive at the end"
    )
