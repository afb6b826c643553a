"""A tiny run of the benchmark harness: every section of the results is there.

No timing decides it: no threshold on a figure, every load client sends at least one request
however slow the machine, and the cached server's entries outlive the run (so a request after
the warm-up is a hit however long the warm-up took)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.run import main

QUERIES = ("claims", "timeline", "event_detail", "actor_profile", "neighbourhood", "shortest_path", "search")


def test_smoke_run_on_ladybug_writes_every_section(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The "on" server run takes the deployed TTL from the environment; the "off" and "expiring"
    # runs set their own. An hour: the warm-up's answers are still kept when the load starts.
    monkeypatch.setenv("KG_QUERY_CACHE_SECONDS", "3600")
    out = tmp_path / "results"
    code = main([
        "--sizes", "50", "--stores", "ladybug", "--out", str(out), "--workdir", str(tmp_path / "work"),
        "--query-reps", "3", "--query-budget", "5", "--api-clients", "2", "--api-duration", "0.5",
        "--api-max-requests", "50", "--scaling-articles", "20", "--tokenizer-articles", "10",
        "--extraction-rounds", "1", "--stampede-ttl", "0.2", "--skip-devset", "--batch", "20",
    ])  # fmt: skip
    assert code == 0
    results = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    machine = results["machine"]
    assert {"cpu_model", "cores", "ram_gb", "python", "date", "packages"} <= set(machine)

    (run,) = results["runs"]
    assert run["size"] == 50
    assert run["corpus"]["articles"] == 50
    assert run["extraction"]["articles"] == 50 and run["extraction"]["errors"] == 0
    assert run["extraction"]["articles_per_s"] > 0
    assert run["graph"]["nodes"]["Article"] == 50

    lb = run["stores"]["ladybug"]
    assert "error" not in lb
    assert lb["write"]["articles"] == 50 and lb["write"]["complete"]
    assert lb["write"]["rows_per_s"] > 0 and lb["write"]["articles_per_s"] > 0
    assert lb["floor"]["load_s"] > 0 and lb["floor"]["rows"] == run["graph"]["rows"]
    assert lb["floor"]["same_counts_as_writer"], (lb["floor"]["counts"], lb["counts"])
    assert lb["writer_vs_floor"] > 0
    for q in QUERIES:
        assert lb["queries"][q]["n"] >= 1, q
        assert lb["queries"][q]["errors"] == 0, (q, lb["queries"][q]["error_examples"])
        assert {"p50_ms", "p95_ms", "p99_ms"} <= set(lb["queries"][q])
    api = {(r["cache"], r["path"], r["clients"]): r for r in lb["api"]["runs"]}
    assert set(api) == {
        ("off", "/_bench/trivial", 2), ("off", "/claims", 2), ("off", "/events", 2), ("off", "/graph.json", 2),
        ("on", "/claims", 2), ("on", "/events", 2), ("expiring", "/claims", 2), ("expiring", "/events", 2),
    }  # fmt: skip
    assert all(r["requests"] > 0 and r["errors"] == 0 for r in api.values())
    # figures present; their size is the benchmark's business (a busy machine makes them small)
    assert all(r["p99_ms"] is not None and r["throughput_rps"] is not None for r in api.values())
    assert api[("off", "/claims", 2)]["x_cache"] == {"none": api[("off", "/claims", 2)]["requests"]}  # cache off
    assert api[("on", "/claims", 2)]["x_cache"].get("hit", 0) >= 1  # computed once (in the warm-up), then kept
    assert api[("expiring", "/events", 2)]["recomputes_per_expiry"] is not None
    ext = run["extraction"]
    assert ext["vs_tokenizer"]["ratio"] > 0 and ext["scaling"]["same_output"]
    assert lb["write"]["batches"] == 3 and lb["write"]["peak_rss_mb"] > 0  # 50 articles in batches of 20
    assert lb["write"]["growth"]["windows"]
    (million,) = results["million"]
    assert million["store"] == "ladybug" and million["million_write_h_flat"] > 0
    assert lb["disk"]["total_mb"] > 0
    assert lb["memory"]["bench_peak_rss_mb"] > 0
    assert lb["api"]["server_peak_rss_mb"] > 0

    named = {t["target"] for t in results["targets"]}
    assert "writer <= 2x the bulk-load floor" in named and "actor_profile p99 < 50 ms" in named
    assert any(t["target"].startswith("API /claims >= 25% of the trivial route") for t in results["targets"])
    for t in results["targets"]:
        assert t["met"] or t["misses_by"] is not None or t["value"] is None, t
    md = (out / "latest.md").read_text(encoding="utf-8")
    for heading in ("Extraction", "Writes", "Query latency", "HTTP API", "Disk and memory", "Targets", "One million"):
        assert f"## {heading}" in md


def test_the_100k_targets_are_projected_from_the_two_largest_sizes_and_say_so() -> None:
    from benchmarks.run import project_targets_at_100k

    def run(size: int, rss: float, first: float, last: float, slope: float) -> dict:
        growth = {"first_ms_per_article": first, "last_ms_per_article": last, "slope_ms_per_article_per_10k": slope}
        return {"size": size, "stores": {"ladybug": {"write": {"peak_rss_mb": rss, "growth": growth}}}}

    rows = project_targets_at_100k([run(1_000, 500.0, 2.0, 2.0, 0.0), run(10_000, 590.0, 2.0, 3.0, 1.0)])
    growth, rss = rows
    assert growth["size"] == rss["size"] == "100,000 (projected)"
    assert growth["value"] == 6.0  # 3 ms at 10k, +1 ms per 10k for 9 more tens of thousands: 12 ms, over 2 ms
    assert not growth["met"] and growth["misses_by"] == 4.8  # bound 1.25
    assert rss["value"] == 1490.0  # 10 MB per 1k articles, from 590 MB at 10k
    assert "projected from 1,000 and 10,000" in rss["note"]
    assert project_targets_at_100k([run(100_000, 900.0, 2.0, 2.0, 0.0), run(10_000, 590.0, 2.0, 3.0, 1.0)]) == []


def test_the_baseline_is_the_run_before_even_when_this_run_writes_over_its_file(tmp_path: Path) -> None:
    from benchmarks.run import before_after, read_baseline

    def results(rate: float) -> dict:
        return {"machine": {"date": "then"}, "runs": [{"size": 10, "extraction": {"articles_per_s": rate}}]}

    latest = tmp_path / "latest.json"
    latest.write_text(json.dumps(results(100.0)), encoding="utf-8")
    baseline = read_baseline(latest)
    latest.write_text(json.dumps(results(150.0)), encoding="utf-8")  # the run saves after its first size
    figures = before_after(results(200.0), baseline)["figures"]
    assert figures["10: extraction art/s"] == {"before": 100.0, "after": 200.0, "ratio": 2.0}
    assert read_baseline(tmp_path / "missing.json") is None
