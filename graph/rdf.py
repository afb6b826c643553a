"""Export the whole graph as RDF (Turtle, JSON-LD) on established vocabularies, or as GraphML.

Why these vocabularies: SEM (the Simple Event Model) is made for exactly "who did what, where, when"
and has roles, so perpetrator and target are typed participations rather than ad-hoc properties;
PROV-O says where each assertion comes from; schema.org describes the articles and names; owl:sameAs
links actors and places to Wikidata so the graph joins others. Only what none of these covers (kinds,
per-source figures, an event's CAMEO and ACLED codes) uses the project vocabulary `kgv:`.

Statements are SEM events too (a speech act happens at a time, by an actor); their speaker, addressees
and the accused are roles. Each source's own report of an event (its weapon, count and casualty
figures) is a `kgv:Report` derived from the article, so conflicting numbers stay side by side.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any
from typing import Literal as TypingLiteral
from urllib.parse import quote, urlsplit

import networkx as nx
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SDO, XSD

from core.errors import QueryError
from core.event_types import codes
from graph.known import EVER, AsOf
from graph.stores.base import GraphStore

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
WD = Namespace("http://www.wikidata.org/entity/")
#: Where the project's own ids and terms live; override with `base=` for a published graph.
DEFAULT_BASE = "https://kg-news.example.org/"

ExportFormat = TypingLiteral["ttl", "jsonld", "graphml"]
FORMATS: dict[str, str] = {
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "graphml": "application/graphml+xml",
}
EXTENSIONS = {"ttl": "ttl", "jsonld": "jsonld", "graphml": "graphml"}
PAGE = 5000

_WIKIDATA_ID = re.compile(r"^Q[1-9]\d*$")
_ROLE_OF = {
    "CARRIED_OUT": "perpetrator",
    "TARGETED": "target",
    "MADE": "speaker",
    "ADDRESSED_TO": "addressee",
    "ACCUSES": "accused",
}


# -- reading the store -------------------------------------------------------------------------------


def _pages(store: GraphStore, name: str) -> Iterator[dict[str, Any]]:
    """Every row of an export query, a page at a time, each page starting after the last row's key."""
    after = ""
    while True:
        rows = store.query(name, {"after": after, "limit": PAGE})
        yield from rows
        if len(rows) < PAGE:
            return
        after = rows[-1]["position"]


#: Characters XML 1.0 cannot carry at all (NUL, most C0 controls, lone surrogates, U+FFFE/FFFF).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(value: Any) -> Any:
    """A stored value with the characters no XML (nor UTF-8, for surrogates) can carry removed."""
    if isinstance(value, str):
        return _NOT_XML.sub("", value)
    if isinstance(value, list):
        return [xml_safe(v) for v in value]
    return value


def read_all(store: GraphStore, known: AsOf = EVER) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every node and relationship, properties without nulls (the two stores report nulls differently),
    every string safe for XML (one NUL in an outlet name must not break the export of the graph);
    with `known`, only what was known then (see `known_only`)."""
    nodes = [
        {
            "label": r["label"],
            "id": xml_safe(r["id"]),
            "props": {k: xml_safe(v) for k, v in r["props"].items() if v is not None},
        }
        for r in _pages(store, "export_nodes")
    ]
    for n in nodes:
        if n["label"] == "Event":  # the export codes of its type, from core/data/event_types.toml
            n["props"].update(codes(n["props"].get("type")))
    edges = [
        {
            **{k: xml_safe(r[k]) for k in ("from_label", "from_id", "type", "to_label", "to_id")},
            "props": {k: xml_safe(v) for k, v in r["props"].items() if v is not None},
        }
        for r in _pages(store, "export_edges")
    ]
    return known_only(nodes, edges, known) if known else (nodes, edges)


def known_only(
    nodes: list[dict[str, Any]], edges: list[dict[str, Any]], known: AsOf
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The export as known at a time: articles published (ingested) by then, the events and
    statements one of them reports, every actor and place, and the edges among what is left."""
    articles = {
        n["id"]
        for n in nodes
        if n["label"] == "Article" and known.admits(n["props"].get("published"), n["props"].get("ingested_at"))
    }
    reported = {(e["from_label"], e["from_id"]) for e in edges if e["type"] == "REPORTED_IN" and e["to_id"] in articles}
    kept = {
        (n["label"], n["id"])
        for n in nodes
        if (n["label"] == "Article" and n["id"] in articles)
        or (n["label"] in ("Event", "Statement") and (n["label"], n["id"]) in reported)
        or n["label"] in ("Actor", "Place")
    }
    return (
        [n for n in nodes if (n["label"], n["id"]) in kept],
        [e for e in edges if (e["from_label"], e["from_id"]) in kept and (e["to_label"], e["to_id"]) in kept],
    )


# -- RDF -----------------------------------------------------------------------------------------------


class _Terms:
    """IRIs for the graph's nodes and the project vocabulary under one base."""

    def __init__(self, base: str) -> None:
        base = base if base.endswith(("/", "#")) else base + "/"
        self.base = base
        self.vocab = Namespace(base + "vocab#")

    def node(self, label: str, node_id: str) -> URIRef:
        return URIRef(f"{self.base}{label.lower()}/{quote(node_id, safe='', errors='replace')}")

    def concept(self, scheme: str, value: str) -> URIRef:
        return URIRef(f"{self.base}{scheme}/{quote(value, safe='', errors='replace')}")


_ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _date_literal(value: str) -> Literal:
    """ISO dates at the precision they were reported: xsd:date, xsd:gYearMonth or xsd:gYear (text
    when a store holds something else there)."""
    if not _ISO_DATE.match(value):
        return Literal(value)
    datatype = {0: XSD.gYear, 1: XSD.gYearMonth, 2: XSD.date}[value.count("-")]
    return Literal(value, datatype=datatype)


_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$")
#: What RFC 3987 lets an IRI carry as is, besides letters and digits: the rest is percent-encoded.
_IRI_SAFE = "-._~:/?#[]@!$&'()*+,;=%"
_BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


def _text(value: str, language: str | None) -> Literal:
    """A text in its language when the language is a well-formed tag; plain text otherwise."""
    return Literal(value, lang=language) if language and _LANGUAGE_TAG.match(language) else Literal(value)


def web_iri(url: str) -> URIRef | None:
    """The IRI of an article's web address, made safe to write in any RDF syntax; None when the
    text is no absolute http(s) address (it is then exported as text)."""
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:  # e.g. an unclosed IPv6 bracket
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    encoded = quote(text, safe=_IRI_SAFE, errors="replace")
    return URIRef(_BAD_PERCENT.sub("%25", encoded))


def to_rdf(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], base: str = DEFAULT_BASE) -> Graph:
    """An rdflib Graph of the nodes and edges `read_all` returns."""
    t = _Terms(base)
    kgv = t.vocab
    g = Graph()
    for prefix, ns in (
        ("sem", SEM),
        ("prov", PROV),
        ("schema", SDO),
        ("owl", OWL),
        ("geo", GEO),
        ("wd", WD),
        ("kgv", kgv),
        ("kg", Namespace(t.base)),
    ):
        g.bind(prefix, ns, replace=True)  # rdflib binds `geo` to GeoSPARQL by default

    used_concepts: dict[URIRef, tuple[URIRef, str]] = {}

    def concept(scheme: str, value: str, cls: URIRef) -> URIRef:
        iri = t.concept(scheme, value)
        used_concepts[iri] = (cls, value)
        return iri

    labels: dict[tuple[str, str], URIRef] = {}
    for n in nodes:
        label, p = n["label"], n["props"]
        s = t.node(label, n["id"])
        labels[(label, n["id"])] = s
        g.add((s, SDO.identifier, Literal(n["id"])))
        if label == "Article":
            g.add((s, RDF.type, SDO.NewsArticle))
            g.add((s, RDF.type, PROV.Entity))
            if p.get("title"):
                g.add((s, SDO.headline, _text(p["title"], p.get("language"))))
            if p.get("url"):
                g.add((s, SDO.url, web_iri(p["url"]) or Literal(p["url"])))
            if p.get("published"):
                g.add((s, SDO.datePublished, _date_literal(p["published"])))
            if p.get("language"):
                g.add((s, SDO.inLanguage, Literal(p["language"])))
            if p.get("outlet"):
                g.add((s, kgv.outletName, Literal(p["outlet"])))
            if p.get("file"):
                g.add((s, kgv.sourceFile, Literal(p["file"])))
            if p.get("ingested_at"):
                g.add((s, kgv.ingestedAt, Literal(p["ingested_at"], datatype=XSD.dateTime)))
        elif label in ("Actor", "Place"):
            if label == "Actor":
                g.add((s, RDF.type, SEM.Actor))
                g.add((s, RDF.type, SDO.Person if p.get("kind") == "person" else SDO.Organization))
                if p.get("kind"):
                    g.add((s, SEM.actorType, concept("actor-kind", p["kind"], SEM.ActorType)))
                if "discovered" in p:
                    g.add((s, kgv.discovered, Literal(bool(p["discovered"]))))
            else:
                g.add((s, RDF.type, SEM.Place))
                g.add((s, RDF.type, SDO.Place))
                if p.get("kind"):
                    g.add((s, SEM.placeType, concept("place-kind", p["kind"], SEM.PlaceType)))
                if p.get("lat") is not None:
                    g.add((s, GEO.lat, Literal(float(p["lat"]), datatype=XSD.double)))
                if p.get("lon") is not None:
                    g.add((s, GEO.long, Literal(float(p["lon"]), datatype=XSD.double)))
            if p.get("name"):
                g.add((s, SDO.name, Literal(p["name"], lang="en")))
                g.add((s, RDFS.label, Literal(p["name"], lang="en")))
            if p.get("name_ar"):
                g.add((s, SDO.name, Literal(p["name_ar"], lang="ar")))
                g.add((s, RDFS.label, Literal(p["name_ar"], lang="ar")))
            for alias in p.get("aliases") or []:
                g.add((s, SDO.alternateName, Literal(alias)))
            if p.get("wikidata") and _WIKIDATA_ID.match(p["wikidata"]):
                g.add((s, OWL.sameAs, WD[p["wikidata"]]))
        elif label in ("Event", "Statement"):
            g.add((s, RDF.type, SEM.Event))
            g.add((s, RDF.type, PROV.Entity))
            if label == "Event":
                if p.get("type"):
                    g.add((s, SEM.eventType, concept("event-type", p["type"], SEM.EventType)))
                for code in p.get("cameo") or []:
                    g.add((s, kgv.cameo, Literal(code)))
                for sub_event_type in p.get("acled") or []:
                    g.add((s, kgv.acled, Literal(sub_event_type)))
                if p.get("summary"):
                    g.add((s, SDO.description, Literal(p["summary"])))
                if p.get("time"):
                    g.add((s, kgv.timeOfDay, Literal(p["time"])))
            else:
                g.add((s, RDF.type, kgv.Statement))
                if p.get("kind"):
                    g.add((s, SEM.eventType, concept("statement-kind", p["kind"], SEM.EventType)))
                if p.get("quote"):
                    g.add((s, SDO.text, _text(p["quote"], p.get("language"))))
                if p.get("text"):
                    g.add((s, kgv.sentence, _text(p["text"], p.get("language"))))
            if p.get("date"):
                g.add((s, SEM.hasTimeStamp, _date_literal(p["date"])))
            if p.get("date_precision"):
                g.add((s, kgv.datePrecision, Literal(p["date_precision"])))

    for e in edges:
        s = labels.get((e["from_label"], e["from_id"])) or t.node(e["from_label"], e["from_id"])
        o = labels.get((e["to_label"], e["to_id"])) or t.node(e["to_label"], e["to_id"])
        kind, p = e["type"], e["props"]
        if kind == "PUBLISHED_BY":
            g.add((s, SDO.publisher, o))
        elif kind == "MENTIONS":
            g.add((s, SDO.mentions, o))
        elif kind == "OCCURRED_AT":
            g.add((s, SEM.hasPlace, o))
        elif kind == "LOCATED_IN":
            g.add((s, SDO.containedInPlace, o))
        elif kind == "MEMBER_OF":
            g.add((s, SDO.memberOf, o))
        elif kind == "ABOUT":
            g.add((s, SDO.about, o))
        elif kind in _ROLE_OF:
            # SEM roles: the event points to a Role whose rdf:value is the actor and whose roleType says how.
            actor_first = kind in ("CARRIED_OUT", "MADE")
            event, actor = (o, s) if actor_first else (s, o)
            actor_id = e["from_id"] if actor_first else e["to_id"]
            role_name = _ROLE_OF[kind]
            role = URIRef(f"{event}/role/{role_name}/{quote(actor_id, safe='')}")
            g.add((event, SEM.hasActor, role))
            g.add((role, RDF.type, SEM.Role))
            g.add((role, RDF.value, actor))
            g.add((role, SEM.roleType, concept("role", role_name, SEM.RoleType)))
        elif kind == "REPORTED_IN":
            g.add((s, PROV.wasDerivedFrom, o))
            report = URIRef(f"{s}/report/{quote(e['to_id'], safe='')}")
            g.add((report, RDF.type, kgv.Report))
            g.add((report, RDF.type, PROV.Entity))
            g.add((report, kgv.reportOf, s))
            g.add((report, PROV.hadPrimarySource, o))
            g.add((report, PROV.wasDerivedFrom, o))
            if p.get("sentence"):
                g.add((report, PROV.value, Literal(p["sentence"])))
            for key in ("start", "end", "count", "killed", "injured"):
                if p.get(key) is not None:
                    g.add((report, kgv[key], Literal(int(p[key]), datatype=XSD.integer)))
            if p.get("weapon"):
                g.add((report, kgv.weapon, Literal(p["weapon"])))
        else:  # a relationship type added later still exports, under the project vocabulary
            g.add((s, kgv[kind.lower()], o))

    for iri, (cls, value) in used_concepts.items():
        g.add((iri, RDF.type, cls))
        g.add((iri, RDFS.label, Literal(value.replace("_", " "))))
    return g


_JSONLD_CONTEXT = {
    "sem": str(SEM),
    "prov": str(PROV),
    "schema": str(SDO),
    "owl": str(OWL),
    "geo": str(GEO),
    "wd": str(WD),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}


def serialize(g: Graph, fmt: str, base: str = DEFAULT_BASE) -> str:
    if fmt == "ttl":
        return g.serialize(format="turtle")
    if fmt == "jsonld":
        terms = _Terms(base)
        context = {**_JSONLD_CONTEXT, "kgv": str(terms.vocab), "kg": terms.base}
        return g.serialize(format="json-ld", context=context, indent=2, auto_compact=True)
    raise QueryError(f"unknown RDF format {fmt!r}; choose ttl or jsonld")


# -- GraphML -------------------------------------------------------------------------------------------


def _graphml_row(row: dict[str, Any]) -> dict[str, Any]:
    """A node's or edge's properties as GraphML can hold them: a list (aliases, codes) becomes one
    ` | `-joined string, as GraphML has no lists; an empty list is left out."""
    return {
        k: " | ".join(str(v) for v in value) if isinstance(value, list) else value
        for k, value in row.items()
        if value != []
    }


def _display_name(label: str, node_id: str, p: dict[str, Any]) -> str:
    if label in ("Actor", "Place"):
        return p.get("name") or p.get("name_ar") or node_id
    if label == "Event":
        return " ".join(x for x in (p.get("type"), p.get("date")) if x) or node_id
    if label == "Statement":
        return " ".join(x for x in (p.get("kind"), p.get("date")) if x) or node_id
    if label == "Article":
        return p.get("title") or " ".join(x for x in (p.get("outlet"), p.get("published")) if x) or node_id
    return node_id


def to_graphml(nodes: list[dict[str, Any]], edges: list[dict[str, Any]]) -> bytes:
    """GraphML that Gephi and yEd open, written by networkx: typed keys (a key holding ints and
    floats is a double), `label` as the display name, `type` on every edge.

    Node ids are `Label:id` (ids are unique only within a label); `kg_label` keeps the label so a
    tool can colour by it. Two nodes may be linked by several edges of different types. The values
    come through `read_all`, which has already removed every character XML cannot carry.
    """
    g = nx.MultiDiGraph()
    for n in nodes:
        row = {"label": _display_name(n["label"], n["id"], n["props"]), "kg_label": n["label"], "kg_id": n["id"]}
        g.add_node(f"{n['label']}:{n['id']}", **_graphml_row({**row, **n["props"]}))
    for e in edges:
        row = _graphml_row({"label": e["type"], "type": e["type"], **e["props"]})
        g.add_edge(f"{e['from_label']}:{e['from_id']}", f"{e['to_label']}:{e['to_id']}", **row)
    out = io.BytesIO()
    nx.write_graphml(g, out, encoding="utf-8", prettyprint=True, infer_numeric_types=True)
    return out.getvalue()


# -- one entry point ---------------------------------------------------------------------------------


def export_graph(store: GraphStore, fmt: str, base: str = DEFAULT_BASE, known: AsOf = EVER) -> str | bytes:
    """The whole graph (as known at `known`) as Turtle or JSON-LD (str) or GraphML (bytes, UTF-8 XML)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    nodes, edges = read_all(store, known)
    if fmt == "graphml":
        return to_graphml(nodes, edges)
    return serialize(to_rdf(nodes, edges, base), fmt, base)


__all__ = [
    "DEFAULT_BASE",
    "EXTENSIONS",
    "FORMATS",
    "SEM",
    "WD",
    "export_graph",
    "read_all",
    "serialize",
    "to_graphml",
    "to_rdf",
]
