"""From a loaded article to its `ArticleGraph`: run the pipeline, then build the graph model.

The pipeline (`loaders.nlp`) leaves mentions, events and statements on the Doc; this module turns
them into `graph.model` objects with deterministic ids, evidence offsets into the article text,
and the gazetteer parents of what is mentioned (`context_actors`, `context_places`), so that every
id an event or statement uses resolves inside the same graph.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel
from spacy.language import Language
from spacy.tokens import Doc

from core.errors import ArticleError, KGError
from core.event_types import spec as event_type_spec
from core.taxonomy import RESPONSIBILITY_KINDS, DateBasis
from core.text import normalise
from graph.ids import article_id, short_hash
from graph.model import (
    Actor,
    ArticleGraph,
    ArticleMeta,
    Event,
    Evidence,
    Mention,
    Place,
    Statement,
    precision_of,
)
from loaders.dates import reference_date
from loaders.language import SUPPORTED_LANGUAGES, detect_language, is_supported
from loaders.nlp.confidence import confidence_model, event_features, role_features, statement_features
from loaders.nlp.gazetteer import Gazetteer
from loaders.nlp.pipeline import get_nlp
from loaders.nlp.records import EventRecord, StatementRecord, token_table
from loaders.nlp.segmenter import join_soft_breaks

__all__ = ["extract_article", "extract_many", "graph_from_doc", "headline_text", "pipeline_for"]


log = logging.getLogger(__name__)


class ArticleLike(Protocol):
    """What `loaders.articles.LoadedArticle` provides (read-only, so a narrower `file: str` fits)."""

    @property
    def file(self) -> str | None: ...
    @property
    def title(self) -> str | None: ...
    @property
    def outlet(self) -> str | None: ...
    @property
    def published(self) -> str | None: ...
    @property
    def url(self) -> str | None: ...
    @property
    def language(self) -> str: ...
    @property
    def text(self) -> str: ...


def pipeline_for(language: str) -> Language:
    """The cached pipeline of a supported language ('ar' or 'en')."""
    if language == "en":
        from loaders.nlp.english import get_english_nlp

        return get_english_nlp()
    return get_nlp()


def extract_article(article: ArticleLike, nlp: Language | None = None, features: dict | None = None) -> ArticleGraph:
    """The graph of one article: the pipeline of its language (detected when not given), or
    `nlp` when given. A language no pipeline reads gives the article alone, with a warning.
    `features`, when given, receives the confidence features of every assertion (for calibration).

    The headline is read too, as a text of its own: the actors it names belong to the report
    ("... تستدعي سفير أنقرة فلان" may be the only mention of the ambassador). Its events and
    statements are not taken: a headline sums up the body's, without their place and date."""
    text = article.text or ""
    language = article.language or detect_language(text)
    if nlp is None:
        if not is_supported(language):
            return _unread(article, language)
        nlp = pipeline_for(language)
    # relative dates are resolved against the publication date, or, when the report has none,
    # against the date its own text fixes (its dateline, else the latest full date it writes)
    published = str(article.published)[:10] if article.published else reference_date(text)
    doc = _run(nlp, text, published)
    headline = headline_text(article.title, text)
    head = _run(nlp, headline, published) if headline else None
    return graph_from_doc(doc, article, _gazetteer(nlp), text=text, features=features, headline=head)


def _unread(article: ArticleLike, language: str) -> ArticleGraph:
    """An article in a language without a pipeline: stored as it is, nothing extracted, and a
    warning that says so (never a silent empty result)."""
    text = article.text or ""
    file = getattr(article, "file", None)
    meta = ArticleMeta(
        file=Path(file).name if file and "#" not in file else file,
        id=article_id(text),
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        url=article.url,
        language=language,
    )
    supported = ", ".join(SUPPORTED_LANGUAGES)
    warning = (
        f"{file or meta.id}: the text is in {language!r}, which the extractor does not read "
        f"(it reads {supported}); the article is kept without actors, places, events or statements"
    )
    return ArticleGraph(article=meta, body=text, warnings=[warning])


def _run(nlp: Language, text: str, published: str | None) -> Doc:
    if nlp.lang == "ar":
        text = join_soft_breaks(text)  # same length: offsets into the article's text hold
    doc = nlp.make_doc(text)
    doc._.kg_source = text
    doc._.kg_published = published
    return nlp(doc)


def headline_text(title: str | None, body: str) -> str | None:
    """The title to read beside the body, or None: no title, or the body opens with it already."""
    title = " ".join((title or "").split())
    if not title:
        return None
    first = body.lstrip().split("\n", 1)[0]
    if normalise(first).startswith(normalise(title)):
        return None
    return title


def extract_many(
    articles: Iterable[ArticleLike | ArticleError], nlp: Language | None = None
) -> Iterator[ArticleGraph | ArticleError]:
    """One graph per article, each through the pipeline of its language unless `nlp` is given;
    an article that fails becomes an `ArticleError` and the batch goes on."""
    for item in articles:
        if isinstance(item, ArticleError):
            yield item
            continue
        source = getattr(item, "file", None) or "<article>"
        try:
            yield extract_article(item, nlp)
        except KGError as exc:
            log.info("skipped %s: %s", source, exc)
            yield ArticleError(source, str(exc))
        except Exception as exc:  # one bad article must not stop the others
            log.warning("skipped %s: extraction failed", source, exc_info=True)
            yield ArticleError(source, f"extraction failed ({type(exc).__name__}: {exc})")


#: EventRecord.date_strength -> Event.date_basis: 2, a date in the act's own clause; 1, the date of
#: the statement telling it; 0, none in the text (the report's publication date stands in).
_DATE_BASIS: dict[int, DateBasis] = {2: "text", 1: "statement", 0: "publication"}


def _lacks(ev: EventRecord, needs: tuple[str, ...]) -> bool:
    """Whether the event misses something its type needs (core/data/event_types.toml `needs`)."""
    has = {"place": ev.place is not None, "perpetrator": bool(ev.perpetrators), "date": ev.date is not None}
    return not all(has[need] for need in needs)


def _gazetteer(nlp: Language) -> Gazetteer:
    return nlp.get_pipe("kg_entity_resolver").gaz  # type: ignore[attr-defined]


_Model = TypeVar("_Model", bound=BaseModel)
_new = object.__new__
_set = object.__setattr__


def _trusted(cls: type[_Model], values: dict[str, Any]) -> _Model:
    """`cls.model_construct(**values)` for trusted values of every field, given in field order:
    the same object (fields, fields set), without model_construct's walk over the fields for
    aliases and defaults, which cost a twentieth of extraction (a report makes dozens of these)."""
    model = _new(cls)
    _set(model, "__dict__", values)
    _set(model, "__pydantic_fields_set__", set(values))
    _set(model, "__pydantic_extra__", None)
    _set(model, "__pydantic_private__", None)
    return model


# ---------------------------------------------------------------------------------------------


def _sentence_evidence(doc: Doc, start: int, end: int) -> Evidence:
    """The sentence's characters without surrounding whitespace."""
    s, _, text = token_table(doc).span_text(start, end)
    stripped = text.strip()
    s += len(text) - len(text.lstrip())
    return _trusted(Evidence, {"start": s, "end": s + len(stripped), "text": stripped})  # trusted offsets


class _GraphBuilder:
    def __init__(
        self,
        doc: Doc,
        article: ArticleLike,
        gaz: Gazetteer,
        text: str | None,
        features: dict | None = None,
        headline: Doc | None = None,
    ) -> None:
        self.doc = doc
        self.article = article
        self.gaz = gaz
        self.text = text if text is not None else doc.text
        # persons and bodies discovered in the body and in the headline (the body's spelling wins)
        self.discovered_actors = {
            **((headline._.kg_discovered or {}) if headline else {}),
            **(doc._.kg_discovered or {}),
        }
        self.discovered_places = doc._.kg_discovered_places or {}
        self.aid = article_id(self.text)
        self.confidence = confidence_model()
        self.features = features if features is not None else {}
        self.actor_mentions: dict[str, list[Mention]] = {}
        self.place_mentions: dict[str, list[Mention]] = {}
        # places also written as the actor they house ("السفارة الأميركية" as an event's place)
        self.place_aliases: dict[str, list[Mention]] = {}
        self.named_country: dict[str, list[Mention]] = {}  # a country written by its name
        for m in doc._.kg_entities or []:
            mention = _trusted(Mention, {"start": m.start_char, "end": m.end_char, "text": m.text})
            if m.role == "actor" and m.actor_id:
                self.actor_mentions.setdefault(m.actor_id, []).append(mention)
            elif m.role == "place" and m.place_id:
                self.place_mentions.setdefault(m.place_id, []).append(mention)
            pid = m.place_id or (m.actor_id if m.actor_id in gaz.places else None)
            if pid:
                self.place_aliases.setdefault(pid, []).append(mention)
                if m.source not in ("nisba", "home") and gaz.places.get(pid, {}).get("kind") == "country":
                    self.named_country.setdefault(pid, []).append(mention)
        if headline is not None:
            self.add_headline(headline)

    def add_headline(self, headline: Doc) -> None:
        """The actors the headline names. Its places are left out: a headline names the body's
        places more coarsely ("أربيل" for the airport at Erbil) and uses capitals for their
        states ("سفير أنقرة"), so what it alone names as a place is seldom a place of the story."""
        for m in headline._.kg_entities or []:
            if m.role == "actor" and m.actor_id:
                # the body holds no headline characters: a headline mention keeps its words, span 0-0
                mention = _trusted(Mention, {"start": 0, "end": 0, "text": m.text})
                self.actor_mentions.setdefault(m.actor_id, []).append(mention)

    def home_countries(self) -> list[str]:
        """The country most of the places mentioned lie in, and the outlet's own country when
        the report mentions a place there."""
        counts: dict[str, int] = {}
        for pid, mentions in self.place_mentions.items():
            country = self.gaz.country_of_place(pid) if pid in self.gaz.places else None
            if country:
                counts[country] = counts.get(country, 0) + len(mentions)
        if not counts:
            return []
        out = [max(counts, key=lambda c: counts[c])]
        outlet = self.gaz.media_for_outlet(getattr(self.article, "outlet", None))
        own = (self.gaz.actors.get(outlet or "") or {}).get("country")
        if own in counts and own not in out:
            out.append(own)
        return out

    # --- nodes
    def actor(self, actor_id: str, mentions: list[Mention]) -> Actor | None:
        entry = self.gaz.actors.get(actor_id)
        if entry is not None:
            # gazetteer entries are checked when the gazetteer loads: no second validation here
            return _trusted(
                Actor,
                {
                    "id": actor_id,
                    "name": entry.get("name") or entry.get("name_ar") or actor_id,
                    "name_ar": entry.get("name_ar"),
                    "kind": entry["kind"],
                    "aliases": list(entry.get("aliases") or []),
                    "wikidata": entry.get("wikidata"),
                    "discovered": False,
                    "member_of": list(entry.get("member_of") or []),
                    "mentions": mentions,
                },
            )
        found = self.discovered_actors.get(actor_id)
        if found is None:
            return None
        return Actor(
            id=actor_id,
            name=found.name or found.name_ar,
            name_ar=found.name_ar or None,
            kind=found.kind,
            discovered=True,
            member_of=list(found.member_of),
            mentions=mentions,
        )

    def place(self, place_id: str, mentions: list[Mention]) -> Place | None:
        entry = self.gaz.places.get(place_id)
        if entry is None:
            found = self.discovered_places.get(place_id)
            if found is None:
                return None
            return Place(
                id=place_id,
                name=found.name_ar,
                name_ar=found.name_ar,
                kind=found.kind,
                located_in=list(found.located_in),
                mentions=mentions,
            )
        return _trusted(
            Place,
            {
                "id": place_id,
                "name": entry.get("name") or entry.get("name_ar") or place_id,
                "name_ar": entry.get("name_ar"),
                "kind": entry["kind"],
                "lat": entry.get("lat"),
                "lon": entry.get("lon"),
                "wikidata": entry.get("wikidata"),
                "aliases": list(entry.get("aliases") or []),
                "located_in": list(entry.get("located_in") or []),
                "mentions": mentions,
            },
        )

    # --- events and statements
    def events(
        self, records: list[EventRecord], statements: list[StatementRecord]
    ) -> tuple[list[Event], dict[int, str]]:
        claimed = {
            st.about_event for st in statements if st.kind == "claim_responsibility" and st.about_event is not None
        }
        ids: dict[int, str] = {}
        out: list[Event] = []
        used: set[str] = set()
        for n, ev in enumerate(records):
            if ev.merged_into is not None:
                continue
            if n not in claimed and _lacks(ev, event_type_spec(ev.type).needs):
                continue  # e.g. an attack with no place and nobody claiming it cannot be told apart
            eid = f"{ev.type}-{ev.date or 'nodate'}-{ev.place or 'noplace'}"
            if ev.date is None or ev.place is None:
                eid += "-" + short_hash(self.aid, length=8)
            base, k = eid, 2
            while eid in used:
                eid, k = f"{base}-{k}", k + 1
            used.add(eid)
            ids[n] = eid
            out.append(
                Event(
                    id=eid,
                    type=ev.type,
                    date=ev.date,
                    date_precision=precision_of(ev.date),
                    date_basis=_DATE_BASIS[ev.date_strength] if ev.date else None,
                    time=ev.time,
                    place=ev.place,
                    summary=self.summary(ev),
                    perpetrators=list(dict.fromkeys(ev.perpetrators)),
                    targets=[t for t in dict.fromkeys(ev.targets) if t not in ev.perpetrators],
                    weapon=ev.weapon,
                    count=ev.count,
                    killed=ev.killed,
                    injured=ev.injured,
                    evidence=_sentence_evidence(self.doc, ev.sent_start, ev.sent_end),
                    confidence=self.score("event", event_features(ev), ("event", eid)),
                    role_confidence=self.role_confidence(ev, eid),
                )
            )
        return out, ids

    def score(self, assertion: str, features: list[str], key: tuple) -> float:
        self.features[key] = features
        return self.confidence.score(assertion, features)

    def role_confidence(self, ev: EventRecord, eid: str) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        targets = [t for t in ev.targets if t not in ev.perpetrators]
        for role, actors in (("perpetrator", ev.perpetrators), ("target", targets)):
            scores = {
                a: self.score(
                    "role",
                    role_features(ev, a, role, self.actor_kind(a), self.discovered(a)),
                    ("role", eid, role, a),
                )
                for a in dict.fromkeys(actors)
            }
            if scores:
                out[role + "s"] = scores
        return out

    def actor_kind(self, actor_id: str) -> str | None:
        entry = self.gaz.actors.get(actor_id)
        if entry is not None:
            return entry.get("kind")
        found = self.discovered_actors.get(actor_id)
        return found.kind if found is not None else None

    def discovered(self, actor_id: str) -> bool:
        return actor_id not in self.gaz.actors

    def name(self, entity_id: str) -> str:
        entry = self.gaz.actors.get(entity_id) or self.gaz.places.get(entity_id)
        if entry is not None:
            return entry.get("name") or entity_id
        found = self.discovered_actors.get(entity_id)
        return (found.name or found.name_ar) if found is not None else entity_id

    def summary(self, ev: EventRecord) -> str:
        """One line for lists and graph labels: 'attack by X on Y at Z (2 rocket)'."""
        parts = [ev.type]
        if ev.perpetrators:
            parts.append("by " + ", ".join(self.name(a) for a in ev.perpetrators))
        targets = [t for t in ev.targets if t not in ev.perpetrators]
        if targets:
            parts.append("on " + ", ".join(self.name(a) for a in targets))
        if ev.place:
            parts.append("at " + self.name(ev.place))
        if ev.weapon:
            parts.append(f"({ev.count} {ev.weapon})" if ev.count else f"({ev.weapon})")
        return " ".join(parts)

    def statements(
        self, records: list[StatementRecord], event_ids: dict[int, str], events: list[EventRecord]
    ) -> list[Statement]:
        out: list[Statement] = []
        seen: set[str] = set()
        sent_ends = {s: e for s, e in self.doc._.kg_index.sents} if self.doc._.kg_index else {}
        for st in records:
            if st.speaker is None:
                continue
            evidence = _sentence_evidence(self.doc, st.sent_start, sent_ends.get(st.sent_start, st.content_end))
            sid = "st-" + short_hash(self.aid, st.speaker, st.kind, evidence.start)
            if sid in seen:
                continue
            seen.add(sid)
            about = None
            if st.about_event is not None:
                n = st.about_event
                while events[n].merged_into is not None:
                    n = events[n].merged_into  # type: ignore[assignment]
                about = event_ids.get(n)
            out.append(
                Statement(
                    id=sid,
                    kind=st.kind,
                    speaker=st.speaker,
                    date=st.date,
                    date_precision=precision_of(st.date),
                    about_event=about,
                    addressees=[a for a in dict.fromkeys(st.addressees) if a != st.speaker],
                    accused=[a for a in dict.fromkeys(st.accused) if a != st.speaker],
                    quote=st.quote.strip() if st.quote else st.quote,
                    language=self.article.language or "ar",
                    evidence=evidence,
                    confidence=self.score(
                        "statement",
                        statement_features(st, self.actor_kind(st.speaker), self.discovered(st.speaker)),
                        ("statement", sid),
                    ),
                )
            )
        return self.one_voice(out)

    def ancestors(self, actor_id: str) -> set[str]:
        """The bodies an actor speaks for: its gazetteer parents, or a discovered person's bodies."""
        if actor_id in self.gaz.actors:
            return set(self.gaz.actor_ancestors(actor_id))
        found = self.discovered_actors.get(actor_id)
        out: set[str] = set()
        for body in found.member_of if found is not None else []:
            out |= {body, *self.gaz.actor_ancestors(body)}
        return out

    def one_voice(self, statements: list[Statement]) -> list[Statement]:
        """A spokesman or official and the body he speaks for are one voice: the same kind of act
        told once of the body and once of its spokesman ('نأت الحركة بنفسها ...', 'وقال المتحدث
        باسم الحركة فلان إنها لا علاقة لها ...') is one claim or denial, the first told. Other
        kinds stay apart (a minister's statements are his own as well as his ministry's), and so
        do a faction and its umbrella, each a voice of its own."""
        out: list[Statement] = []
        for st in statements:
            if st.kind not in RESPONSIBILITY_KINDS or not any(
                o.kind == st.kind and self.same_voice(o.speaker, st.speaker) for o in out
            ):
                out.append(st)
        return out

    def same_voice(self, a: str | None, b: str | None) -> bool:
        """A person and a body he belongs to; two bodies (a faction and its umbrella) stay apart."""
        if not a or not b or a == b:
            return False
        if self.actor_kind(a) == "person" and b in self.ancestors(a):
            return True
        return self.actor_kind(b) == "person" and a in self.ancestors(b)

    def build(self) -> ArticleGraph:
        doc, gaz, article = self.doc, self.gaz, self.article
        event_records: list[EventRecord] = doc._.kg_events or []
        statement_records: list[StatementRecord] = doc._.kg_statements or []
        events, event_ids = self.events(event_records, statement_records)
        statements = self.statements(statement_records, event_ids, event_records)

        actors: dict[str, Actor] = {}
        for aid, mentions in self.actor_mentions.items():
            actor = self.actor(aid, mentions)
            if actor is not None:
                actors[aid] = actor
        places: dict[str, Place] = {}
        for pid, mentions in self.place_mentions.items():
            place = self.place(pid, mentions)
            if place is not None:
                places[pid] = place
        for home in self.home_countries():
            if home not in places and self.named_country.get(home):
                # the country the report is set in is a place of the report, even where the
                # text names it as an actor ("أمن العراق واستقراره")
                place = self.place(home, self.named_country[home])
                if place is not None:
                    places[home] = place

        context_actors: dict[str, Actor] = {}
        context_places: dict[str, Place] = {}
        discovered_places = self.doc._.kg_discovered_places or {}
        referenced = {a for e in events for a in (*e.perpetrators, *e.targets)}
        referenced |= {a for s in statements for a in (s.speaker, *s.addressees, *s.accused) if a}
        outlet = gaz.media_for_outlet(article.outlet)
        if outlet:
            referenced.add(outlet)
        for aid in referenced - set(actors):
            actor = self.actor(aid, [])
            if actor is not None:
                context_actors[aid] = actor
        for e in events:
            if e.place and e.place not in places:
                mentions = self.place_aliases.get(e.place, [])
                place = self.place(e.place, mentions)
                if place is not None:
                    (places if mentions else context_places)[e.place] = place
        for aid in list(actors) + list(context_actors):
            for parent in gaz.actor_ancestors(aid):
                if parent not in actors and parent not in context_actors:
                    actor = self.actor(parent, [])
                    if actor is not None:
                        context_actors[parent] = actor
        for pid in list(places) + list(context_places):
            found = discovered_places.get(pid)  # a discovered locality lies in its gazetteer parent
            parents = [a for p in found.located_in for a in (p, *gaz.place_ancestors(p))] if found else []
            for parent in parents or gaz.place_ancestors(pid):
                if parent not in places and parent not in context_places:
                    place = self.place(parent, [])
                    if place is not None:
                        context_places[parent] = place

        known_actors = set(actors) | set(context_actors)
        known_places = set(places) | set(context_places)
        for e in events:  # drop what no node stands for (a gazetteer edited mid-run)
            e.perpetrators = [a for a in e.perpetrators if a in known_actors]
            e.targets = [a for a in e.targets if a in known_actors]
            e.role_confidence = {
                role: {a: c for a, c in scores.items() if a in known_actors}
                for role, scores in e.role_confidence.items()
            }
            if e.place not in known_places:
                e.place = None
        statements = [s for s in statements if s.speaker in known_actors]
        for s in statements:
            s.addressees = [a for a in s.addressees if a in known_actors]
            s.accused = [a for a in s.accused if a in known_actors]

        file = getattr(article, "file", None)
        meta = ArticleMeta(
            file=Path(file).name if file and "#" not in file else file,
            id=self.aid,
            title=article.title,
            outlet=article.outlet,
            published=article.published,
            url=article.url,
            language=article.language or "ar",
        )
        return ArticleGraph(
            article=meta,
            body=self.text,
            outlet_actor=outlet if outlet in known_actors else None,
            actors=sorted(actors.values(), key=lambda a: a.mentions[0].start if a.mentions else 0),
            places=sorted(places.values(), key=lambda p: p.mentions[0].start if p.mentions else 0),
            events=events,
            statements=statements,
            context_actors=list(context_actors.values()),
            context_places=list(context_places.values()),
        )


def graph_from_doc(
    doc: Doc,
    article: ArticleLike,
    gazetteer: Gazetteer,
    text: str | None = None,
    features: dict | None = None,
    headline: Doc | None = None,
) -> ArticleGraph:
    """The `ArticleGraph` of a Doc the pipeline has processed (`text` is doc.text, if at hand);
    `headline`, the processed headline, adds the actors it names.
    `features`, when given, receives each assertion's confidence features, keyed ("event", id),
    ("role", event id, "perpetrator"|"target", actor id) and ("statement", id)."""
    return _GraphBuilder(doc, article, gazetteer, text, features, headline).build()
