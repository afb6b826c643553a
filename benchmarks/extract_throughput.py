"""Extraction throughput on one core: articles per second of CPU time.

    .venv/bin/python -m benchmarks.extract_throughput            # the seeds in ../shared, else the samples
    .venv/bin/python -m benchmarks.extract_throughput --repeat 100 PATH...

The pipeline is built once (that time is printed apart); then the articles are extracted again and
again and the CPU time of this process is measured, in rounds, so other work on the machine skews
it as little as it can: the best round is the figure, the median is printed beside it.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from graph.model import ArticleGraph
from loaders.articles import LoadedArticle, iter_articles
from loaders.extract import extract_article
from loaders.nlp import get_nlp

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SOURCES = (REPO.parent / "shared" / "seeds", REPO / "loaders" / "data" / "samples")


def load(paths: list[Path]) -> list[LoadedArticle]:
    if not paths:
        paths = [next((p for p in DEFAULT_SOURCES if p.is_dir()), DEFAULT_SOURCES[-1])]
    files: list[Path] = []
    for p in paths:
        files += (
            sorted(x for x in p.iterdir() if x.suffix in (".txt", ".json", ".jsonl", ".html")) if p.is_dir() else [p]
        )
    return [a for a in iter_articles(files) if isinstance(a, LoadedArticle)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", type=Path, help="articles or folders (default: ../shared/seeds or the samples)")
    ap.add_argument("--repeat", type=int, default=20, help="passes over the articles per round (default 20)")
    ap.add_argument("--rounds", type=int, default=5, help="rounds; the best is reported, as timeit does (default 5)")
    args = ap.parse_args(argv)

    articles = load(args.paths)
    if not articles:
        ap.error("no readable articles")
    started = time.perf_counter()
    nlp = get_nlp()
    build = time.perf_counter() - started
    for a in articles:  # warm the caches the first pass fills
        assert isinstance(extract_article(a, nlp), ArticleGraph)
    per_round = args.repeat * len(articles)
    rates = []
    for _ in range(args.rounds):
        cpu = time.process_time()
        for _ in range(args.repeat):
            for a in articles:
                extract_article(a, nlp)
        rates.append(per_round / (time.process_time() - cpu))
    chars = sum(len(a.text) for a in articles) / len(articles)
    print(f"pipeline built in {build:.2f} s")
    print(f"{args.rounds} rounds of {per_round} extractions ({len(articles)} articles, mean {chars:.0f} characters)")
    print(f"median {statistics.median(rates):.0f} articles/s of CPU time")
    print(f"articles/s: {max(rates):.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
