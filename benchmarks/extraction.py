"""What extraction costs next to the cheapest thing spaCy can do with the same texts, and how it
scales on processes.

- `against_tokenizer`: articles/s of our pipeline (`extract_article`) and of the bare
  `spacy.blank("ar")` tokenizer on the same texts, in CPU time of this process, in alternating
  rounds (the best of each): a ratio measured side by side, so a busy machine cancels out.
- `devset`: the same on the real development set (`../shared/devset`), with its score by the
  project's scorer printed beside the speed: a speed-up that changed what is extracted shows.
- `scaling`: wall-clock articles/s of `loaders.parallel.extract_parallel` on N processes against
  one process, alternating, the best of each; and whether both gave the same graphs.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any

from graph.model import ArticleGraph


def _cpu_seconds(fn: Any, items: Sequence[Any]) -> float:
    started = time.process_time()
    for item in items:
        fn(item)
    return time.process_time() - started


def against_tokenizer(articles: Sequence[Any], rounds: int = 3, min_round_s: float = 1.0) -> dict[str, Any]:
    """Our pipeline and the bare tokenizer on the same articles, articles/s of CPU time."""
    import spacy

    from loaders.extract import extract_article
    from loaders.nlp.pipeline import get_nlp

    nlp = get_nlp()
    blank = spacy.blank("ar")
    for a in articles[:5]:  # warm both
        extract_article(a, nlp)
        blank(a.text)
    extract_rates: list[float] = []
    blank_rates: list[float] = []
    # The tokenizer is ~20-40x faster: repeat its pass so each round is long enough to time.
    texts = [a.text for a in articles]
    blank_repeat = max(1, round(min_round_s / max(1e-6, _cpu_seconds(blank, texts))))
    for _ in range(rounds):
        took = _cpu_seconds(blank, texts * blank_repeat)
        blank_rates.append(len(texts) * blank_repeat / took)
        took = _cpu_seconds(lambda a: extract_article(a, nlp), articles)
        extract_rates.append(len(articles) / took)
    extract, bare = max(extract_rates), max(blank_rates)
    return {
        "articles": len(articles),
        "mean_chars": round(sum(len(t) for t in texts) / max(1, len(texts))),
        "rounds": rounds,
        "extract_articles_per_cpu_s": round(extract, 1),
        "tokenizer_articles_per_cpu_s": round(bare, 1),
        "ratio": round(extract / bare, 4),
        "all_rounds": {
            "extract": [round(r, 1) for r in extract_rates],
            "tokenizer": [round(r, 1) for r in blank_rates],
        },
    }


def devset(rounds: int = 3) -> dict[str, Any]:
    """Speed against the tokenizer on the real development set, with its score beside it."""
    from benchmarks.quality import CATEGORIES, CORPORA, SCORER, extract, read_corpus, score

    corpus = CORPORA["devset"]
    if not corpus.available() or not SCORER.is_file():
        return {"note": f"the development set is not at {corpus.articles}"}
    articles = read_corpus(corpus)
    report = score(corpus, extract(articles))
    summary = report["summary"]
    return {
        **against_tokenizer(articles, rounds),
        "score": {
            "overall_f1": summary["overall_f1"],
            **{c: summary[c]["f1"] for c in CATEGORIES},
        },
    }


def _dump(item: Any) -> str:
    if isinstance(item, ArticleGraph):
        return json.dumps(item.model_dump(mode="json", exclude={"ingested_at"}), sort_keys=True, ensure_ascii=False)
    return f"error: {item}"


def scaling(articles: Sequence[Any], workers: int, rounds: int = 2) -> dict[str, Any]:
    """Wall-clock articles/s on `workers` processes against one, alternating rounds; same output?"""
    from loaders.nlp.pipeline import get_nlp
    from loaders.parallel import extract_parallel

    nlp = get_nlp()
    serial_rates: list[float] = []
    parallel_rates: list[float] = []
    serial_out: list[str] = []
    parallel_out: list[str] = []
    for _ in range(rounds):
        started = time.perf_counter()
        serial_out = [_dump(g) for g in extract_parallel(articles, 1, nlp)]
        serial_rates.append(len(articles) / (time.perf_counter() - started))
        started = time.perf_counter()
        parallel_out = [_dump(g) for g in extract_parallel(articles, workers, nlp)]
        parallel_rates.append(len(articles) / (time.perf_counter() - started))
    serial, parallel = max(serial_rates), max(parallel_rates)
    return {
        "articles": len(articles),
        "workers": workers,
        "rounds": rounds,
        "serial_articles_per_s": round(serial, 1),
        "parallel_articles_per_s": round(parallel, 1),
        "speedup": round(parallel / serial, 2),
        "same_output": parallel_out == serial_out,
        "all_rounds": {
            "serial": [round(r, 1) for r in serial_rates],
            "parallel": [round(r, 1) for r in parallel_rates],
        },
    }
