"""From a loaded article to its ArticleGraph: ids, offsets, references, outlet, batches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from core.errors import ArticleError
from graph.ids import article_id, short_hash
from graph.model import ArticleGraph
from loaders.articles import LoadedArticle
from loaders.extract import extract_article, extract_many
from tests.loaders.nlp.conftest import test_pipeline, write_gazetteer

TEXT = (
    "تعرضت قاعدة عين الأسد في محافظة الأنبار فجر الأحد لهجوم بصاروخين.\n\n"
    "وتبنت كتائب حزب الله الهجوم في بيان نشرته على قناتها.\n\n"
    "وقالت القيادة المركزية الأميركية إن الهجوم لم يسفر عن إصابات، داعية الحكومة العراقية إلى ملاحقة المنفذين.\n\n"
    "وكانت ضربة أميركية قد استهدفت موقعا للفصائل في قضاء القائم."
)


@pytest.fixture(scope="module")
def nlp(tmp_path_factory: pytest.TempPathFactory) -> Language:
    return test_pipeline(write_gazetteer(tmp_path_factory.mktemp("gaz")))


def article(
    text: str = TEXT,
    *,
    outlet: str | None = "Example News",
    published: str | None = "2024-01-22",
    file: str = "sample.txt",
) -> LoadedArticle:
    return LoadedArticle(file=file, title="عنوان", outlet=outlet, published=published, url=None, text=text)


@pytest.fixture(scope="module")
def graph(nlp: Language) -> ArticleGraph:
    return extract_article(article(), nlp)


def test_every_reference_resolves(graph: ArticleGraph) -> None:
    assert graph.check_references() == []


def test_article_metadata_and_body(graph: ArticleGraph) -> None:
    assert graph.article.id == article_id(TEXT)
    assert (graph.article.file, graph.article.outlet, graph.article.published) == (
        "sample.txt",
        "Example News",
        "2024-01-22",
    )
    assert graph.body == TEXT


def test_mentions_and_evidence_are_offsets_into_the_text(graph: ArticleGraph) -> None:
    assert graph.actors and graph.places and graph.events and graph.statements  # else the loops prove nothing
    for node in [*graph.actors, *graph.places]:
        assert node.mentions
        for m in node.mentions:
            assert TEXT[m.start : m.end] == m.text
    for item in [*graph.events, *graph.statements]:
        assert TEXT[item.evidence.start : item.evidence.end] == item.evidence.text


def test_the_claimed_attack(graph: ArticleGraph) -> None:
    attack = next(e for e in graph.events if e.type == "attack")
    assert attack.id == "attack-2024-01-21-ain-al-asad-air-base"
    assert (attack.weapon, attack.count, attack.perpetrators) == ("rocket", 2, ["kataib-hezbollah"])
    out = graph.to_extraction()["events"][graph.events.index(attack)]
    assert (out["cameo"], out["acled"][0]) == (["18", "19"], "Shelling/artillery/missile attack")
    claim = next(s for s in graph.statements if s.kind == "claim_responsibility")
    assert (claim.speaker, claim.about_event) == ("kataib-hezbollah", attack.id)
    assert claim.id == "st-" + short_hash(
        graph.article.id, "kataib-hezbollah", "claim_responsibility", claim.evidence.start
    )


def test_an_undated_event_id_carries_the_article_hash(graph: ArticleGraph) -> None:
    strike = next(e for e in graph.events if e.type == "airstrike")
    assert strike.id == f"airstrike-nodate-al-qaim-{short_hash(graph.article.id, length=8)}"


def test_statements_with_addressees(graph: ArticleGraph) -> None:
    call = next(s for s in graph.statements if s.kind == "call")
    assert (call.speaker, call.addressees, call.date) == ("centcom", ["iraqi-government"], "2024-01-22")


def test_gazetteer_parents_are_context(graph: ArticleGraph) -> None:
    assert "us-department-of-defense" in {a.id for a in graph.context_actors}  # CENTCOM's parent
    assert "islamic-resistance-in-iraq" in {a.id for a in graph.context_actors}  # Kataib Hezbollah's
    assert "iraq" in {p.id for p in graph.context_places}  # Anbar's country
    assert not {a.id for a in graph.actors} & {a.id for a in graph.context_actors}


def test_outlet_actor_is_context_unless_mentioned(nlp: Language, graph: ArticleGraph) -> None:
    assert graph.outlet_actor == "example-news"
    assert "example-news" in {a.id for a in graph.context_actors}
    mentioned = extract_article(article(TEXT + "\n\nوأفادت أخبار المثال بأن التحقيق مستمر."), nlp)
    assert "example-news" in {a.id for a in mentioned.actors}


def test_the_same_text_gives_the_same_ids(nlp: Language, graph: ArticleGraph) -> None:
    again = extract_article(article(), nlp)
    assert [e.id for e in again.events] == [e.id for e in graph.events]
    assert [s.id for s in again.statements] == [s.id for s in graph.statements]


def test_extraction_output_has_the_documented_keys(graph: ArticleGraph) -> None:
    out = graph.to_extraction()
    assert set(out) == {"article", "actors", "places", "events", "statements"}
    assert {
        "id",
        "type",
        "date",
        "place",
        "perpetrators",
        "targets",
        "weapon",
        "count",
        "killed",
        "injured",
        "evidence",
    } <= set(out["events"][0])


def test_one_broken_article_does_not_spoil_the_batch(nlp: Language) -> None:
    class Broken:
        file = "broken.txt"

        @property
        def text(self) -> str:
            raise OSError("disk went away")

    def items() -> Iterator[object]:
        yield article(file="a.txt")
        yield ArticleError("unreadable.html", "not UTF-8")
        yield Broken()
        yield article(file="b.txt")

    out = list(extract_many(items(), nlp))  # type: ignore[arg-type]
    assert [type(x).__name__ for x in out] == ["ArticleGraph", "ArticleError", "ArticleError", "ArticleGraph"]
    assert out[2].source == "broken.txt" and "disk went away" in out[2].reason


def test_the_default_pipeline_runs_on_the_shipped_gazetteer() -> None:
    graph = extract_article(article("تبنت كتائب حزب الله الهجوم بطائرة مسيرة على قاعدة عين الأسد.", outlet=None))
    assert graph.check_references() == []
    assert {"kataib-hezbollah"} <= {a.id for a in graph.actors}


def test_a_record_file_name_keeps_its_line(nlp: Language, tmp_path: Path) -> None:
    graph = extract_article(article(file="feed.jsonl#3"), nlp)
    assert graph.article.file == "feed.jsonl#3"


HEADLINE = "الخارجية العراقية تستدعي سفير إيران في بغداد رضا كاظمي وقصف على قاعدة حرير"


def test_an_actor_only_the_headline_names_is_an_actor_of_the_report(nlp: Language) -> None:
    text = "أدانت الحكومة العراقية القصف الذي طال إقليم كردستان، وطالبت بوقفه."
    loaded = LoadedArticle(file="h.txt", title=HEADLINE, outlet=None, published="2024-01-22", url=None, text=text)
    graph = extract_article(loaded, nlp)
    envoy = next(a for a in graph.actors if a.name_ar == "رضا كاظمي")
    # the body holds no headline characters: the mention keeps its words with an empty span
    assert [(m.text, m.start, m.end) for m in envoy.mentions] == [("رضا كاظمي", 0, 0)]
    # body offsets are the body's, and the headline's attack is no event (no place, no date of its own)
    for item in graph.statements:
        assert text[item.evidence.start : item.evidence.end] == item.evidence.text
    assert graph.events == []
    assert "harir-air-base" not in {p.id for p in graph.places}


def test_a_headline_the_body_opens_with_is_read_once(nlp: Language) -> None:
    text = f"{HEADLINE}\n\nأدانت الحكومة العراقية القصف."
    loaded = LoadedArticle(file="h.txt", title=HEADLINE, outlet=None, published="2024-01-22", url=None, text=text)
    envoy = next(a for a in extract_article(loaded, nlp).actors if a.name_ar == "رضا كاظمي")
    assert [m.start for m in envoy.mentions] == [text.index("رضا كاظمي")]
