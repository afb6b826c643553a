"""`kg ingest` of a folder mixing Arabic and English reports (and one in a language the extractor
does not read): one graph, the shared incident one event with a source in each language, and a
warning that names the unread article. The texts are written for the test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.settings import Settings
from graph.stores import make_store

runner = CliRunner()

ARABIC = (
    "كتائب حزب الله تتبنى هجوما\n\n2024-01-23\n\n"
    "تبنى فصيل كتائب حزب الله هجوما بثلاث طائرات مسيرة استهدف قاعدة عين الأسد الجوية في محافظة الأنبار "
    "فجر الثلاثاء، وقال في بيان إن الهجوم جاء ردا على الغارات الأميركية.\n"
)
ENGLISH = {
    "file": "drone-attack-en.json",
    "published": "2024-01-23",
    "title": "Kataib Hezbollah claims drone attack on Ain al-Asad",
    "text": (
        "Kataib Hezbollah claimed responsibility for a drone attack on Ain al-Asad air base in Anbar early on "
        "Tuesday. Five drones hit the base and two soldiers were wounded, a US official said."
    ),
}
FRENCH = (
    "Attaque de drones contre une base\n\n2024-01-23\n\n"
    "Des drones ont visé mardi une base militaire dans l'ouest de l'Irak, ont indiqué des responsables "
    "de la sécurité, sans faire de victimes selon un premier bilan communiqué dans la matinée.\n"
)


pytestmark = pytest.mark.usefixtures("fresh_settings")


def test_a_folder_of_arabic_and_english_reports_is_one_graph(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "drone-attack-ar.txt").write_text(ARABIC, encoding="utf-8")
    (folder / "english.jsonl").write_text(json.dumps(ENGLISH) + "\n", encoding="utf-8")  # no language given
    (folder / "attaque-fr.txt").write_text(FRENCH, encoding="utf-8")
    db = tmp_path / "g.lbug"

    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "3 article(s) stored" in result.output and "1 warning(s)" in result.output
    assert "attaque-fr.txt" in result.output and "'fr'" in result.output

    with make_store(Settings(backend="ladybug", db_path=db)).open() as store:
        events = store.query("timeline", {"place": "ain-al-asad-air-base", "event_type": "attack"})
        assert [(e["date"], e["reports"]) for e in events] == [("2024-01-23", 2)]
        reports = store.query("event_sources", {"id": events[0]["id"]})
        assert sorted(r["language"] for r in reports) == ["ar", "en"]
        said = store.query("event_statements", {"id": events[0]["id"]})
        claims = [s for s in said if s["kind"] == "claim_responsibility" and s["speaker_id"] == "kataib-hezbollah"]
        assert len(claims) == 2  # the claim as each language reported it
