"""`kg ingest`, `kg extract`, `kg status`, `kg query` and `kg demo` as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.settings import Settings
from graph.stores import make_store

runner = CliRunner()

CLAIM = (
    "تبنى فصيل كتائب حزب الله هجوما بثلاث طائرات مسيرة استهدف قاعدة عين الأسد الجوية في محافظة الأنبار "
    "فجر الثلاثاء، وقال في بيان إن الهجوم جاء ردا على الغارات الأميركية."
)
CONDEMN = "أدانت الحكومة العراقية الهجوم على قاعدة عين الأسد، ودعت إلى ضبط النفس."


pytestmark = pytest.mark.usefixtures("fresh_settings")


def write_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "claim.txt").write_text(f"كتائب حزب الله تتبنى هجوما\n\n2024-01-23\n\n{CLAIM}\n", encoding="utf-8")
    record = {"file": "condemn.json", "title": "إدانة", "published": "2024-01-23", "outlet": "Example", "text": CONDEMN}
    (folder / "more.jsonl").write_text(
        json.dumps(record, ensure_ascii=False) + "\n{ this line is broken json\n", encoding="utf-8"
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def test_ingest_stores_good_articles_and_lists_each_bad_one(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in")
    db = tmp_path / "g.lbug"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 3, result.output  # some inputs were refused, the others stored
    assert "2 article(s) stored" in result.output
    assert "empty.txt" in result.output and "more.jsonl#2" in result.output  # each error names its file
    assert "Article" in result.output  # the summary of what was added

    again = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert "nothing new" in again.output

    status = runner.invoke(app, ["status", "--db", str(db), "--json"])
    counts = json.loads(status.output)
    assert counts["backend"] == "ladybug" and counts["nodes"]["Article"] == 2


def test_ingest_of_a_missing_path_fails_with_the_reason(tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope.txt"), "--db", str(tmp_path / "g.lbug")])
    assert result.exit_code == 3
    assert "no such file or folder" in result.output


def test_extract_prints_one_design_object_per_article(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in")
    result = runner.invoke(app, ["extract", str(folder / "claim.txt"), str(folder / "more.jsonl")])
    assert result.exit_code == 3  # the broken line of more.jsonl
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [obj["article"]["file"] for obj in lines] == ["claim.txt", "condemn.json"]
    for obj in lines:
        assert set(obj) == {"article", "actors", "places", "events", "statements"}
    claim = lines[0]
    assert any(a["id"] == "kataib-hezbollah" for a in claim["actors"])
    kinds = {(s["kind"], s["speaker"]) for s in claim["statements"]}
    assert ("claim_responsibility", "kataib-hezbollah") in kinds
    assert claim["events"] and claim["events"][0]["type"] == "attack"
    # every event carries its type's export codes from core/data/event_types.toml
    attack = claim["events"][0]
    assert (attack["cameo"], attack["acled"][0]) == (["18", "19"], "Shelling/artillery/missile attack")


def test_query_lists_names_and_answers_in_json_and_csv(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in")
    db = tmp_path / "g.lbug"
    runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    listing = runner.invoke(app, ["query", "--db", str(db), "--format", "json"])
    assert "claims" in {q["name"] for q in json.loads(listing.output)}
    as_json = runner.invoke(
        app, ["query", "claims", "--param", "actor=kataib-hezbollah", "--db", str(db), "-f", "json"]
    )
    rows = json.loads(as_json.output)
    assert rows and rows[0]["kind"] == "claim_responsibility"
    as_csv = runner.invoke(app, ["query", "claims", "-p", "actor=kataib-hezbollah", "--db", str(db), "-f", "csv"])
    assert as_csv.output.splitlines()[0].startswith("id,")
    bad = runner.invoke(app, ["query", "claims", "-p", "nonsense=1", "--db", str(db)])
    assert bad.exit_code == 1 and "has no parameter nonsense" in bad.output


def test_status_works_with_no_neo4j_anywhere(tmp_path: Path) -> None:
    with make_store(Settings(backend="ladybug", db_path=tmp_path / "fresh.lbug")):
        pass  # an empty database, as `kg ingest` of nothing would leave
    result = runner.invoke(app, ["status", "--db", str(tmp_path / "fresh.lbug")])
    assert result.exit_code == 0
    assert "ladybug" in result.output and "LadybugDB" in result.output and "empty" in result.output


def test_demo_prints_claims_and_writes_an_offline_page(tmp_path: Path) -> None:
    out = tmp_path / "graph.html"
    result = runner.invoke(app, ["demo", "--db", str(tmp_path / "demo.lbug"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Who claimed" in result.output and "Islamic Resistance" in result.output
    page = out.read_text(encoding="utf-8")
    assert "<script src=" not in page  # vis-network is inlined: the page needs no network
    assert "islamic-resistance-in-iraq" in page


def test_a_mistyped_db_path_is_an_error_not_a_new_empty_graph(tmp_path: Path) -> None:
    typo = tmp_path / "grpah.lbug"
    for command in (["status"], ["query", "claims"], ["viz", "--actor", "x"], ["export"]):
        result = runner.invoke(app, [*command, "--db", str(typo)])
        assert result.exit_code == 1, (command, result.output)
        assert f"no LadybugDB database at {typo}" in result.output and "kg demo" in result.output
    assert not typo.exists()


def test_query_tables_summarise_nested_values_and_list_only_the_questions(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in")
    db = tmp_path / "g.lbug"
    runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    listing = runner.invoke(app, ["query", "--db", str(db), "--format", "json"])
    names = {q["name"] for q in json.loads(listing.output)}
    assert "claims" in names and not names & {"claims_page", "claims_details", "neighbourhood_edges"}
    table = runner.invoke(app, ["query", "claims", "-p", "actor=kataib-hezbollah", "--db", str(db)], terminal_width=400)
    assert table.exit_code == 0, table.output
    assert '{"' not in table.output and "[{" not in table.output  # no raw JSON in a cell
    assert "Kataib Hezbollah" in table.output  # the claimant by name


def test_table_cells_name_things_and_count_the_rest() -> None:
    from api.cli import cell

    actors = [{"id": f"a{i}", "name": f"Actor {i}"} for i in range(5)]
    assert cell(actors) == "Actor 0, Actor 1, Actor 2 (+2 more)"
    assert cell({"article": "art-1", "outlet": "Rudaw", "published": "2024-01-02"}) == "Rudaw"
    assert cell({"id": "e1", "type": "attack", "date": "2024-01-20"}) == "e1 (2024-01-20)"
    assert cell(None) == "" and cell(0.123456) == "0.1235" and cell(["x", "y"]) == "x, y"


def test_a_batch_with_hostile_files_stores_every_good_one_and_exits_3(tmp_path: Path) -> None:
    """The reproduction: one deeply nested .json among 150 good files used to stop the batch with a
    traceback, exit 1, and none of the 150 stored. Each bad file is now one line with its reason."""
    import os
    import random

    from tests.conftest import SUMMARY

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(150):
        record = {"title": f"خبر {i}", "published": "2024-01-23", "text": f"{CONDEMN} ({i})"}
        (folder / f"good-{i:03}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    damaged = bytearray(CLAIM.encode("utf-8"))
    damaged[damaged.index(b" ")] = 0xFF
    rng = random.Random(5)
    hostile = {
        "nested.json": b"[" * 200_000 + b"]" * 200_000,
        "damaged.txt": bytes(damaged),
        "noise.txt": bytes(rng.randrange(128, 256) for _ in range(4096)),
        "mojibake.txt": (CLAIM + " " + CONDEMN).encode("utf-8").decode("cp1256").encode("utf-8"),
        "cyrillic.txt": "Министерство иностранных дел заявило о нападении на базу.".encode(),
        "huge.txt": ("نص " * 1_100_000).encode("utf-8"),  # 5.5 MB, over the 5 MB limit
    }
    for name, data in hostile.items():
        (folder / name).write_bytes(data)
    os.symlink(folder / "loop.txt", folder / "loop.txt")
    refused = {*hostile, "loop.txt"}

    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "g.lbug")])
    assert result.exit_code == 3, result.output
    assert "150 article(s) stored" in result.output and f"{len(refused)} error(s)" in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error ")]
    assert sorted(Path(line.split()[1].rstrip(":")).name for line in errors) == sorted(refused)
    assert "Traceback" not in result.output
    status = json.loads(runner.invoke(app, ["status", "--db", str(tmp_path / "g.lbug"), "--json"]).output)
    assert status["nodes"]["Article"] == 150
    SUMMARY.append(f"kg ingest: 150 good files stored beside {len(refused)} hostile ones, each refused with its reason")
