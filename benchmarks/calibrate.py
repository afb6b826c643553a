"""Fit the confidence weights on the development sets, and show how well they are calibrated.

    .venv/bin/python -m benchmarks.calibrate            # fit on seeds + devset (+ devset-en), write the weights
    .venv/bin/python -m benchmarks.calibrate --check    # only print the reliability table of the shipped weights

Every event, role and statement the extractor gives on the development sets is labelled right or
wrong the way `../shared/eval/score.py` matches them (an event of the gold's type, place and date;
a role filler the gold accepts; a statement whose speaker and kind the gold has), with the features
the rules recorded for it (`loaders/nlp/confidence.py`). One L2-regularised logistic regression per
kind of assertion is fitted, and the weights are written to `loaders/data/nlp/confidence.json`.

The table printed is the reliability diagram: for each confidence bin, how many assertions fall in
it and what fraction of them is right. It is given in-sample and by leave-one-article-out (each
article scored with weights fitted without it), the honest figure for unseen text.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from benchmarks.quality import CORPORA, SCORER, read_corpus
from graph.model import ArticleGraph
from loaders.extract import extract_article
from loaders.nlp.confidence import ASSERTIONS, CONFIDENCE_FILE, ConfidenceModel

SETS = ("seeds", "devset", "devset-en")
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)


@dataclass
class Sample:
    assertion: str  # event | role | statement
    article: str
    features: list[str]
    right: bool


def _scorer_module():  # noqa: ANN202 - the scorer is a script beside the repository
    spec = importlib.util.spec_from_file_location("kg_eval_score", SCORER)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def label(name: str) -> list[Sample]:
    """Every assertion the extractor makes on one set, with its features and whether it is right."""
    corpus = CORPORA[name]
    score = _scorer_module()
    table = json.loads((corpus.aliases or SCORER.parent / "aliases.json").read_text(encoding="utf-8"))
    if corpus.aliases is None:
        table = {**json.loads((SCORER.parent / "aliases.json").read_text(encoding="utf-8")), **table}
    aliases = score.Aliases(table)
    gold = {g["file"]: g for g in json.loads(corpus.gold.read_text(encoding="utf-8"))["articles"]}
    out: list[Sample] = []
    for article in read_corpus(corpus):
        features: dict = {}
        graph: ArticleGraph = extract_article(article, features=features)
        g = gold.get(graph.article.file or "")
        if g is None:
            continue
        pred = graph.to_extraction()
        s = score.ArticleScorer(g, pred, aliases)
        file = graph.article.file or ""
        for ev in pred["events"]:
            hit = next((x for x in g.get("events", []) if s.event_matches(ev, x)), None)
            if hit is None:
                hit = next(
                    (x for x in g.get("events", []) if x.get("optional") and s.event_matches(ev, x, False)), None
                )
            out.append(Sample("event", file, features[("event", ev["id"])], hit is not None))
            if hit is None:
                continue
            for role, key in (("perpetrator", "perpetrators"), ("target", "targets")):
                if key not in hit:
                    continue
                accepted = s.gold_names(hit[key]) if hit[key] else set()
                for actor in ev.get(key, []):
                    right = bool(accepted) and score.matches(s.names_of(actor), accepted)
                    out.append(Sample("role", file, features[("role", ev["id"], role, actor)], right))
        for st in pred["statements"]:
            right = any(
                st["kind"] in (x["kind"] if isinstance(x["kind"], list) else [x["kind"]])
                and score.matches(s.names_of(st["speaker"]), s.gold_names(x["speaker"]))
                for x in g.get("statements", [])
            )
            out.append(Sample("statement", file, features[("statement", st["id"])], right))
    return out


def fit(samples: list[Sample], l2: float = 1.0, steps: int = 3000, rate: float = 0.5) -> dict[str, float]:
    """Logistic regression by gradient descent; the bias is not regularised."""
    names = sorted({f for x in samples for f in x.features})
    if not samples:
        return {"bias": 0.0}
    index = {f: n for n, f in enumerate(names)}
    x = np.zeros((len(samples), len(names)))
    for row, sample in enumerate(samples):
        for f in sample.features:
            x[row, index[f]] = 1.0
    y = np.array([1.0 if s.right else 0.0 for s in samples])
    w = np.zeros(len(names))
    b = math.log((y.mean() + 1e-3) / (1 - y.mean() + 1e-3))
    n = len(samples)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + b)))
        grad_w = x.T @ (p - y) / n + l2 * w / n
        grad_b = float((p - y).mean())
        w -= rate * grad_w
        b -= rate * grad_b
    weights = {"bias": round(float(b), 4)}
    weights.update({f: round(float(v), 4) for f, v in zip(names, w, strict=True) if abs(v) >= 1e-4})
    return weights


def reliability(pairs: Iterable[tuple[float, bool]]) -> list[tuple[str, int, float | None]]:
    rows = []
    pairs = list(pairs)
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = [right for c, right in pairs if lo <= c < hi]
        label = f"{lo:.1f}-{min(hi, 1.0):.1f}"
        rows.append((label, len(inside), sum(inside) / len(inside) if inside else None))
    return rows


def leave_one_article_out(samples: list[Sample], assertion: str) -> list[tuple[float, bool]]:
    mine = [s for s in samples if s.assertion == assertion]
    out = []
    for article in sorted({s.article for s in mine}):
        train = [s for s in mine if s.article != article]
        model = ConfidenceModel({a: {"bias": 0.0} for a in ASSERTIONS} | {assertion: fit(train)})
        out += [(model.score(assertion, s.features), s.right) for s in mine if s.article == article]
    return out


def print_table(title: str, by_assertion: dict[str, list[tuple[float, bool]]]) -> None:
    print(f"\n{title}")
    print("| confidence | " + " | ".join(f"{a}s (n, precision)" for a in ASSERTIONS) + " |")
    print("|---|" + "---|" * len(ASSERTIONS))
    tables = {a: reliability(by_assertion[a]) for a in ASSERTIONS}
    for n, (label, _, _) in enumerate(tables[ASSERTIONS[0]]):
        cells = []
        for a in ASSERTIONS:
            _, count, precision = tables[a][n]
            cells.append(f"{count}, {'-' if precision is None else f'{precision:.2f}'}")
        print(f"| {label} | " + " | ".join(cells) + " |")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check", action="store_true", help="print the reliability of the shipped weights; write nothing")
    ap.add_argument("--sets", default=",".join(SETS), help=f"development sets to use (default {','.join(SETS)})")
    args = ap.parse_args(argv)
    samples: list[Sample] = []
    for name in args.sets.split(","):
        if CORPORA[name].available():
            samples += label(name)
    counts = {a: sum(1 for s in samples if s.assertion == a) for a in ASSERTIONS}
    print(f"labelled assertions: {counts}")
    if args.check:
        from loaders.nlp.confidence import load_confidence

        model = load_confidence()
    else:
        model = ConfidenceModel({a: fit([s for s in samples if s.assertion == a]) for a in ASSERTIONS})
        payload = json.loads(CONFIDENCE_FILE.read_text(encoding="utf-8"))
        payload["weights"] = model.weights
        payload["fitted_on"] = {"sets": args.sets.split(","), "assertions": counts}
        CONFIDENCE_FILE.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {CONFIDENCE_FILE}")
    in_sample = {a: [(model.score(a, s.features), s.right) for s in samples if s.assertion == a] for a in ASSERTIONS}
    print_table("In sample (the weights scored on the sets they were fitted on):", in_sample)
    print_table(
        "Leave one article out (each article scored by weights fitted without it):",
        {a: leave_one_article_out(samples, a) for a in ASSERTIONS},
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(None))
