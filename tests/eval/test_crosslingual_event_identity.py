"""English and Arabic reports of one incident become one Event with a REPORTED_IN edge per source,
on both stores (the pairs that ../shared/devset-en/README.md names).

Each report is written in its own ingest, as separate runs would write them, with the
publication date the sets give. The pairs tested are those whose Arabic side the Arabic pipeline
extracts with the right type, place and day today; the README's other pairs do not join yet
because of the Arabic side:
- devset-en 07 / devset 28 (Iran's attack on Israel, 13 April 2024): the Arabic report names the
  attack only as the time of a denial, gives it no day and is dated by its publication, four days
  later; the English calls it a strike by a state;
- devset-en 08 / devset 09 (the strike in eastern Syria, 8 November 2023): the Arabic report has no
  publication date, so its strike has no day to be matched by.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.quality import annotated_record
from graph.model import ArticleGraph
from graph.stores import GraphStore
from loaders.articles import LoadedArticle, article_from_record, iter_articles
from loaders.extract import extract_article
from tests.conftest import SHARED, skip_or_fail


def _one(folder: Path, prefix: str) -> Path:
    found = sorted(folder.glob(f"{prefix}_*.txt"))
    if not found:
        skip_or_fail(f"no {prefix}_*.txt in {folder}: the development sets live beside the repository in ../shared")
    return found[0]


def english(prefix: str) -> LoadedArticle:
    path = _one(SHARED / "devset-en" / "articles", prefix)
    return article_from_record(annotated_record(path), path.name)  # no language given: detected


def devset(prefix: str) -> LoadedArticle:
    path = _one(SHARED / "devset" / "articles", prefix)
    return article_from_record(annotated_record(path), path.name)


def seed(prefix: str) -> LoadedArticle:
    (article,) = list(iter_articles([_one(SHARED / "seeds", prefix)]))
    assert isinstance(article, LoadedArticle)
    return article


# (English report(s), Arabic report(s), the event they share: type, day, place)
PAIRS = {
    "embassy-rockets-2023-12-08": (["01", "02"], [("seed", "000")], ("attack", "2023-12-08", "us-embassy-in-baghdad")),
    "kirkuk-strike-2023-12-03": (["03"], [("devset", "01")], ("airstrike", "2023-12-03", "kirkuk")),
    "blinken-visit-2023-11-05": (["04"], [("seed", "004")], ("visit", "2023-11-05", "baghdad")),
    "blinken-meeting-2023-11-05": (["04"], [("seed", "004")], ("meeting", "2023-11-05", "baghdad")),
    "green-zone-rockets-2022-01-13": (["05"], [("seed", "003")], ("attack", "2022-01-13", "us-embassy-in-baghdad")),
    # the Arabic report dates the strikes by the casualty report of 13 March, not by the complaint
    "us-strikes-iraq-2020-03-13": (["06"], [("devset", "07")], ("airstrike", "2020-03-13", "iraq")),
}


def _graphs(english_files: list[str], arabic_files: list[tuple[str, str]]) -> list[ArticleGraph]:
    readers = {"seed": seed, "devset": devset}
    articles = [readers[kind](prefix) for kind, prefix in arabic_files] + [english(p) for p in english_files]
    return [extract_article(a) for a in articles]


@pytest.mark.parametrize("incident", sorted(PAIRS))
def test_one_event_with_a_source_in_each_language(store: GraphStore, incident: str) -> None:
    english_files, arabic_files, (etype, day, place) = PAIRS[incident]
    graphs = _graphs(english_files, arabic_files)
    assert {g.article.language for g in graphs} == {"ar", "en"}
    for g in graphs:
        store.write([g])  # one ingest per report
    ids = {e.id for g in graphs for e in g.events if e.type == etype and e.place == place}
    rows = [r for r in store.query("timeline", {"event_type": etype}) if r["id"] in ids]
    assert len(rows) == 1, f"{incident}: {len(rows)} events for one incident: {[r['id'] for r in rows]}"
    assert abs(int(rows[0]["date"][-2:]) - int(day[-2:])) <= 1
    reports = store.query("event_sources", {"id": rows[0]["id"]})
    assert len(reports) == len(graphs)
    assert {r["language"] for r in reports} == {"ar", "en"}
    # each source keeps its own sentence, in its own language
    assert all(r["sentence"] for r in reports)


def test_statements_carry_their_language(store: GraphStore) -> None:
    graphs = _graphs(["02"], [("seed", "002")])
    for g in graphs:
        store.write([g])
    languages = {s.language for g in graphs for s in g.statements}
    assert languages == {"ar", "en"}
    assert {s.language for s in graphs[-1].statements} == {"en"}
