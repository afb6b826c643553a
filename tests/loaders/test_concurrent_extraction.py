"""The pipeline keeps no per-document state: eight threads extracting the development set at once
get exactly what one thread gets, article by article (two concurrent POST /articles requests
share one pipeline)."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor

from benchmarks.quality import CORPORA, read_corpus
from loaders.extract import extract_article
from loaders.nlp import get_nlp
from tests.conftest import skip_or_fail


def _dump(graph) -> str:  # noqa: ANN001 - an ArticleGraph
    out = graph.to_extraction()
    out["article"].pop("ingested_at", None)
    return json.dumps(out, ensure_ascii=False, sort_keys=True)


def test_eight_threads_give_the_serial_output() -> None:
    articles = []
    for name in ("seeds", "devset"):
        if not CORPORA[name].available():
            skip_or_fail(f"the {name} set is not at {CORPORA[name].articles}")
        articles += read_corpus(CORPORA[name])
    nlp = get_nlp()
    serial = [_dump(extract_article(a, nlp)) for a in articles]
    work = articles * 4  # many documents in flight at once, each article several times
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda a: _dump(extract_article(a, nlp)), work))
    expected = serial * 4
    differing = [work[n].file for n in range(len(work)) if parallel[n] != expected[n]]
    assert not differing, f"threads changed the output of {sorted(set(differing))}"


def test_eight_threads_give_the_serial_output_in_english() -> None:
    from loaders.nlp.english import get_english_nlp

    corpus = CORPORA["devset-en"]
    if not corpus.available():
        skip_or_fail(f"the English development set is not at {corpus.articles}")
    articles = read_corpus(corpus)
    nlp = get_english_nlp()
    serial = [_dump(extract_article(a, nlp)) for a in articles]
    work = articles * 4
    with ThreadPoolExecutor(max_workers=8) as pool:
        parallel = list(pool.map(lambda a: _dump(extract_article(a, nlp)), work))
    differing = [work[n].file for n in range(len(work)) if parallel[n] != (serial * 4)[n]]
    assert not differing, f"threads changed the output of {sorted(set(differing))}"
