"""RDF (SEM, PROV-O, schema.org, owl:sameAs Wikidata) and GraphML export, from each backend."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns  # a module, not the strict namespaces: pytest probes module attributes
from rdflib.compare import isomorphic

from core.errors import QueryError
from graph.rdf import DEFAULT_BASE, SEM, WD, export_graph, read_all, to_rdf
from graph.stores import GraphStore
from tests.factories import article_graph

KG = DEFAULT_BASE
KGV = DEFAULT_BASE + "vocab#"
ATTACK = URIRef(KG + "event/attack-2023-12-08-green-zone")
IRI = URIRef(KG + "actor/islamic-resistance-in-iraq")


@pytest.fixture
def filled(store: GraphStore) -> GraphStore:
    """Two outlets report one attack with different rocket counts; one dates it only to the month."""
    store.write(
        [
            article_graph(file="a.txt", outlet="Outlet A", count=2),
            article_graph(
                body="سقطت ثلاثة صواريخ قرب السفارة في بغداد فجر اليوم.",
                file="b.txt",
                outlet="Outlet B",
                count=3,
                published="2023-12-09",
            ),
            article_graph(
                body="هجوم على قاعدة في بغداد الشهر الماضي.", file="c.txt", event_date="2023-11", published="2023-12-10"
            ),
        ]
    )
    return store


@pytest.fixture
def graph(filled: GraphStore) -> Graph:
    return Graph().parse(data=export_graph(filled, "ttl"), format="turtle")


def test_turtle_and_json_ld_parse_back_to_the_same_triples(filled: GraphStore) -> None:
    built = to_rdf(*read_all(filled))
    assert len(built) > 150
    ttl = Graph().parse(data=export_graph(filled, "ttl"), format="turtle")
    jsonld = Graph().parse(data=export_graph(filled, "jsonld"), format="json-ld")
    assert len(ttl) == len(built) == len(jsonld)
    assert isomorphic(ttl, built) and isomorphic(jsonld, built)


def test_actors_with_a_wikidata_id_are_the_same_as_the_wikidata_entity(graph: Graph) -> None:
    assert (IRI, ns.OWL.sameAs, WD["Q123574472"]) in graph
    assert (IRI, ns.RDF.type, SEM.Actor) in graph
    assert (IRI, ns.SDO.name, Literal("المقاومة الإسلامية في العراق", lang="ar")) in graph
    assert (IRI, ns.SDO.name, Literal("Islamic Resistance in Iraq", lang="en")) in graph
    assert (IRI, ns.SDO.alternateName, Literal("IRI")) in graph
    nujaba = URIRef(KG + "actor/harakat-al-nujaba")
    assert not list(graph.objects(nujaba, ns.OWL.sameAs))  # no id, no link
    assert (nujaba, ns.SDO.memberOf, IRI) in graph


def test_every_event_and_statement_is_derived_from_a_news_article(graph: Graph) -> None:
    assertions = set(graph.subjects(ns.RDF.type, SEM.Event))
    assert ATTACK in assertions and len(assertions) >= 2 + 6  # events and the six statements
    for node in assertions:
        sources = list(graph.objects(node, ns.PROV.wasDerivedFrom))
        assert sources, f"{node} has no source"
        for source in sources:
            assert (source, ns.RDF.type, ns.SDO.NewsArticle) in graph
            assert list(graph.objects(source, ns.SDO.datePublished))
            assert list(graph.objects(source, ns.SDO.publisher))


def test_each_source_keeps_its_own_figures_as_a_report(graph: Graph) -> None:
    reports = list(graph.subjects(URIRef(KGV + "reportOf"), ATTACK))
    assert len(reports) == 2
    counts = sorted(int(graph.value(r, URIRef(KGV + "count"))) for r in reports)
    assert counts == [2, 3]
    for report in reports:
        source = graph.value(report, ns.PROV.hadPrimarySource)
        assert (source, ns.RDF.type, ns.SDO.NewsArticle) in graph
        assert graph.value(report, ns.PROV.value) is not None  # the sentence it came from


def test_perpetrator_target_place_and_time_follow_sem(graph: Graph) -> None:
    roles = {
        graph.value(role, SEM.roleType): graph.value(role, ns.RDF.value) for role in graph.objects(ATTACK, SEM.hasActor)
    }
    assert roles == {
        URIRef(KG + "role/perpetrator"): IRI,
        URIRef(KG + "role/target"): URIRef(KG + "actor/us-embassy-in-baghdad"),
    }
    assert (URIRef(KG + "role/perpetrator"), ns.RDF.type, SEM.RoleType) in graph
    assert (ATTACK, SEM.hasPlace, URIRef(KG + "place/green-zone")) in graph
    assert (ATTACK, SEM.hasTimeStamp, Literal("2023-12-08", datatype=ns.XSD.date)) in graph
    assert (ATTACK, SEM.eventType, URIRef(KG + "event-type/attack")) in graph
    assert set(graph.objects(ATTACK, URIRef(KGV + "cameo"))) == {Literal("18"), Literal("19")}
    assert Literal("Armed clash") in set(graph.objects(ATTACK, URIRef(KGV + "acled")))
    month = URIRef(KG + "event/attack-2023-11-green-zone")
    assert (month, SEM.hasTimeStamp, Literal("2023-11", datatype=ns.XSD.gYearMonth)) in graph
    baghdad = URIRef(KG + "place/baghdad")
    assert (baghdad, ns.SDO.containedInPlace, URIRef(KG + "place/iraq")) in graph
    lat = graph.value(baghdad, URIRef("http://www.w3.org/2003/01/geo/wgs84_pos#lat"))
    assert lat.toPython() == pytest.approx(33.3152)


def test_a_claim_is_a_dated_statement_by_its_speaker_about_the_event(graph: Graph) -> None:
    kind = URIRef(KG + "statement-kind/claim_responsibility")
    claims = list(graph.subjects(SEM.eventType, kind))
    assert len(claims) == 3  # one per article
    month = URIRef(KG + "event/attack-2023-11-green-zone")
    about = sorted(str(o) for claim in claims for o in graph.objects(claim, ns.SDO.about))
    assert about == sorted([str(ATTACK), str(ATTACK), str(month)])  # each claim is about its article's event
    for claim in claims:
        speakers = {
            graph.value(r, ns.RDF.value)
            for r in graph.objects(claim, SEM.hasActor)
            if graph.value(r, SEM.roleType) == URIRef(KG + "role/speaker")
        }
        assert speakers == {IRI}
        assert graph.value(claim, SEM.hasTimeStamp).datatype == ns.XSD.date


def test_a_project_base_can_be_given(filled: GraphStore) -> None:
    ttl = export_graph(filled, "ttl", base="https://example.com/kg")
    parsed = Graph().parse(data=ttl, format="turtle")
    actor = URIRef("https://example.com/kg/actor/islamic-resistance-in-iraq")
    assert (actor, ns.OWL.sameAs, WD["Q123574472"]) in parsed


def test_graphml_opens_with_typed_keys_labels_and_edge_types(filled: GraphStore) -> None:
    data = export_graph(filled, "graphml")
    assert isinstance(data, bytes) and data.startswith(b"<?xml")
    status = filled.status()
    g = nx.read_graphml(io.BytesIO(data))
    assert g.number_of_nodes() == sum(status.nodes.values())
    assert g.number_of_edges() == sum(status.relationships.values())
    iri = g.nodes["Actor:islamic-resistance-in-iraq"]
    assert iri["label"] == "Islamic Resistance in Iraq" and iri["kg_label"] == "Actor"
    assert iri["name_ar"] == "المقاومة الإسلامية في العراق" and iri["discovered"] is False
    assert g.nodes["Place:baghdad"]["lat"] == pytest.approx(33.3152)
    attack = g.nodes["Event:attack-2023-12-08-green-zone"]
    assert attack["cameo"] == "18 | 19" and attack["acled"].split(" | ")[-1] == "Armed clash"
    types = {d["type"] for _, _, d in g.edges(data=True)}
    assert {"CARRIED_OUT", "TARGETED", "REPORTED_IN", "MEMBER_OF", "MADE", "ABOUT"} <= types
    counts = sorted(d["count"] for _, _, d in g.edges(data=True) if d["type"] == "REPORTED_IN" and "count" in d)
    assert counts == [2, 2, 3]
    keys = {
        (k.get("for"), k.get("attr.name")): k.get("attr.type")
        for k in ET.fromstring(data).findall("{http://graphml.graphdrawing.org/xmlns}key")
    }
    assert keys[("node", "lat")] == "double" and keys[("edge", "count")] == "long"
    assert keys[("node", "discovered")] == "boolean" and keys[("edge", "type")] == "string"


def test_an_unknown_format_is_refused(filled: GraphStore) -> None:
    with pytest.raises(QueryError, match="ttl, jsonld, graphml"):
        export_graph(filled, "rdfxml")


def test_an_empty_graph_exports_cleanly(store: GraphStore) -> None:
    assert len(Graph().parse(data=export_graph(store, "ttl"), format="turtle")) == 0
    assert nx.read_graphml(io.BytesIO(export_graph(store, "graphml"))).number_of_nodes() == 0


# -- hostile values: any URL or text still exports, in every format ---------------------------------------

HOSTILE_URLS = {
    "a.txt": "https://example.com/news/a b",
    "b.txt": 'https://example.com/q?x=<script>"{}|\\^`',
    "c.txt": "https://example.com/%zz/خبر",
    "d.txt": "javascript:alert(1)",
    "e.txt": "not a url at all",
    "f.txt": "http://[::1",
}


@pytest.fixture
def hostile(store: GraphStore) -> GraphStore:
    for n, (file, url) in enumerate(HOSTILE_URLS.items()):
        g = article_graph(body=f"نص المقال رقم {n} عن هجوم.", file=file, outlet=f"Outlet\x00{n}\x07")
        article = g.article.model_copy(update={"url": url, "title": f"عنوان\x0b{n}\ufffe", "language": "not a tag"})
        store.write([g.model_copy(update={"article": article})])
    return store


def test_any_url_or_text_exports_to_parseable_turtle_json_ld_and_graphml(hostile: GraphStore) -> None:
    ttl = Graph().parse(data=export_graph(hostile, "ttl"), format="turtle")
    jsonld = Graph().parse(data=export_graph(hostile, "jsonld"), format="json-ld")
    assert isomorphic(ttl, jsonld)
    urls = {o for o in ttl.objects(None, ns.SDO.url)}
    assert URIRef("https://example.com/news/a%20b") in urls
    assert URIRef("https://example.com/q?x=%3Cscript%3E%22%7B%7D%7C%5C%5E%60") in urls
    assert URIRef("https://example.com/%25zz/%D8%AE%D8%A8%D8%B1") in urls
    # Not a web address: kept as text, never as an IRI.
    assert {Literal("javascript:alert(1)"), Literal("not a url at all"), Literal("http://[::1")} <= urls
    assert {str(o) for o in ttl.objects(None, URIRef(KGV + "outletName"))} == {f"Outlet{n}" for n in range(6)}
    graphml = export_graph(hostile, "graphml")
    ET.fromstring(graphml)  # well-formed XML
    g = nx.read_graphml(io.BytesIO(graphml))
    outlets = {d.get("outlet") for _, d in g.nodes(data=True) if d.get("kg_label") == "Article"}
    assert outlets == {f"Outlet{n}" for n in range(6)}
    titles = {d.get("title") for _, d in g.nodes(data=True) if d.get("kg_label") == "Article"}
    assert titles == {f"عنوان{n}" for n in range(6)}
