"""Extraction quality on every annotated set, in one table.

    .venv/bin/python -m benchmarks.quality                  # seeds, devset, devset-en, heldout, blind, unseen
    .venv/bin/python -m benchmarks.quality devset --per-article

Each set is extracted with the default pipeline and scored by `../shared/eval/score.py` (the
scorer the project is judged by, which lives beside the repository with the development data).
The table gives F1 for actors, places, events, event roles, statements and claims, the accuracy
of statement dates, and the scorer's overall F1; the README's "Extraction quality" table is its
output.

Set layouts: `../shared/devset` and `../shared/devset-en` hold `articles/NN_*.txt` (line 1 the URL,
line 2 the publication date or `unknown`, line 3 blank, then the text), `gold.json` and a
self-contained `aliases.json`; the seeds are plain `.txt` files with `eval/gold/seeds.json`;
`tests/eval/heldout`, `tests/eval/blind` and `tests/eval/unseen` hold an `articles.jsonl`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from core.errors import ArticleError
from graph.model import ArticleGraph
from loaders.articles import LoadedArticle, article_from_record, iter_articles
from loaders.extract import extract_many

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SCORER = SHARED / "eval" / "score.py"
CATEGORIES = ("actors", "places", "events", "event_roles", "statements", "claims")


@dataclass(frozen=True)
class Corpus:
    """One annotated set: where its articles, gold and alias table are."""

    name: str
    articles: Path  # a folder of .txt files, or one .jsonl file
    gold: Path
    aliases: Path | None
    layout: str  # "annotated" (URL, date, blank line, text) | "files" (what `kg extract` reads)
    language: str = "ar"

    def available(self) -> bool:
        return self.articles.exists() and self.gold.is_file()


CORPORA: dict[str, Corpus] = {
    c.name: c
    for c in (
        Corpus("seeds", SHARED / "seeds", SHARED / "eval" / "gold" / "seeds.json", None, "files"),
        Corpus(
            "devset",
            SHARED / "devset" / "articles",
            SHARED / "devset" / "gold.json",
            SHARED / "devset" / "aliases.json",
            "annotated",
        ),
        Corpus(
            "devset-en",
            SHARED / "devset-en" / "articles",
            SHARED / "devset-en" / "gold.json",
            SHARED / "devset-en" / "aliases.json",
            "annotated",
            "en",
        ),
        Corpus(
            "heldout",
            REPO / "tests" / "eval" / "heldout" / "articles.jsonl",
            REPO / "tests" / "eval" / "heldout" / "gold.json",
            REPO / "tests" / "eval" / "heldout" / "aliases.json",
            "files",
        ),
        Corpus(
            "blind",
            REPO / "tests" / "eval" / "blind" / "articles.jsonl",
            REPO / "tests" / "eval" / "blind" / "gold.json",
            REPO / "tests" / "eval" / "blind" / "aliases.json",
            "files",
        ),
        Corpus(
            "unseen",
            REPO / "tests" / "eval" / "unseen" / "articles.jsonl",
            REPO / "tests" / "eval" / "unseen" / "gold.json",
            REPO / "tests" / "eval" / "unseen" / "aliases.json",
            "files",
        ),
    )
}


def annotated_record(path: Path, language: str | None = None) -> dict:
    """The record `kg extract` reads for one file of the annotated layout."""
    lines = path.read_text(encoding="utf-8").splitlines()
    published = lines[1].strip() if len(lines) > 1 else ""
    record = {
        "file": path.name,
        "url": lines[0].strip() or None,
        "published": None if published in ("", "unknown") else published,
        "text": "\n".join(lines[3:]),
    }
    if language:
        record["language"] = language
    return record


def read_corpus(corpus: Corpus) -> list[LoadedArticle]:
    """The set's articles, in file order."""
    if corpus.layout == "annotated":
        files = sorted(corpus.articles.glob("[0-9]*.txt"))
        return [article_from_record(annotated_record(f, corpus.language), f.name) for f in files]
    paths = sorted(corpus.articles.glob("*.txt")) if corpus.articles.is_dir() else [corpus.articles]
    loaded = list(iter_articles(paths))
    bad = [a for a in loaded if isinstance(a, ArticleError)]
    if bad:
        raise ValueError(f"{corpus.name}: unreadable articles: {bad}")
    return [a for a in loaded if isinstance(a, LoadedArticle)]


def extract(articles: Iterable[LoadedArticle]) -> list[ArticleGraph]:
    graphs = list(extract_many(articles))
    failed = [g for g in graphs if not isinstance(g, ArticleGraph)]
    if failed:
        raise ValueError(f"extraction failed: {failed}")
    return graphs  # type: ignore[return-value]


def score(corpus: Corpus, graphs: list[ArticleGraph], scorer: Path = SCORER) -> dict:
    """The scorer's full JSON report for these graphs against the set's gold."""
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text(
            "".join(json.dumps(g.to_extraction(), ensure_ascii=False) + "\n" for g in graphs), encoding="utf-8"
        )
        cmd = [sys.executable, str(scorer), "--gold", str(corpus.gold), "--pred", str(pred), "--json"]
        if corpus.aliases is not None:
            cmd += ["--aliases", str(corpus.aliases)]
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def evaluate(name: str) -> dict:
    corpus = CORPORA[name]
    return score(corpus, extract(read_corpus(corpus)))


def table(reports: dict[str, dict]) -> str:
    head = "| set | articles | " + " | ".join(CATEGORIES) + " | stmt dates | overall |"
    lines = [head, "|" + "---|" * (len(CATEGORIES) + 4)]
    for name, rep in reports.items():
        s = rep["summary"]
        cells = [f"{s[c]['f1']:.3f}" for c in CATEGORIES]
        dates = s["statement_date_accuracy"]
        lines.append(
            f"| {name} | {len(rep['articles'])} | "
            + " | ".join(cells)
            + f" | {'-' if dates is None else f'{dates:.2f}'} | **{s['overall_f1']:.3f}** |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="*", default=list(CORPORA), help=f"which sets (default: all of {list(CORPORA)})")
    ap.add_argument("--per-article", action="store_true", help="also print what each article missed")
    args = ap.parse_args(argv)
    if not SCORER.is_file():
        print(f"the scorer is not at {SCORER}: the development data lives beside the repository", file=sys.stderr)
        return 2
    reports: dict[str, dict] = {}
    for name in args.sets:
        if name not in CORPORA:
            ap.error(f"unknown set {name!r}; choose from {list(CORPORA)}")
        if not CORPORA[name].available():
            print(f"skipping {name}: not found at {CORPORA[name].articles}", file=sys.stderr)
            continue
        reports[name] = evaluate(name)
        if args.per_article:
            for file, art in reports[name]["articles"].items():
                misses = {c: (art[c].get("missed"), art[c].get("spurious")) for c in ("events", "statements")}
                print(f"{name}/{file}: {json.dumps(misses, ensure_ascii=False)}")
    print(table(reports))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
