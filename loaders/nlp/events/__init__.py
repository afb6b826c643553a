"""`kg_events`: attacks, strikes, arrests, visits, meetings, agreements and resolutions.

Triggers come from `loaders/data/nlp/events.json`, by class:
- count nouns (هجوم، ضربة، غارة; dual هجومان; plural هجمات) — one singular noun names one event;
- verbal nouns (استهداف، قصف) and finite verbs (استهدف، قصف، هاجم) — need an anchor (a date, a
  weapon, a number, casualties) or a specific place, so that talk about attacks in general
  ("القصف على المدن", "الاعتداءات على القوات الأجنبية") makes no event;
- constructions: passive "تعرض X لهجوم" (X is the target), "سقطت قذائف على X", "أطلق صواريخ على X",
  light verbs "شن/نفذ X هجوما" (X is the perpetrator), support verbs for agreements ("وقع اتفاقا",
  "توصل إلى اتفاق") and resolutions ("أصدر قرارا").
- interceptions ("اعترضت الدفاعات صاروخين") — an attack that was stopped; the defender is its target.
Threats, plans and prevention ("توعد باستهداف", "التخطيط لهجمات", "لمنع الهجمات"), what people are
held for, judgements ("اعتداء على الدستور"), words of an office title ("وزير الاتصالات") and
negated events are not events. Plural or repeated attacks count only at a specific place (a base,
a city), or, dated and with a named perpetrator, at the one country whose targets they hit
("ضربات على أهداف في اليمن") when nothing finer is named; a dated group of strikes too vague to stand alone
("موجة غارات على أهداف في لبنان وسوريا") lends its date and roles to the places the report names
next, and one act at several listed places ("قصف طال سنجار وتلعفر") is one event per place.

Background clauses ("ردا على ...", "بعد يومين من ...", "غداة ...", "منذ ...") name other events:
an event named there is a background event, told only in that clause, and its places, dates and
casualties are not those of the sentence's main event.

Roles follow the clause: the perpetrator is the subject of the event verb, of "شن/نفذ", a country
adjective on the noun ("استهداف أميركي"), the pronoun after "إنها" (the speaker), or the speaker
reporting its own action ("أعلنت تنفيذ ضربة", "استهدافها"); an attribution inside someone else's
words ("نفذته ميليشيات") is an accusation, not a fact, and stays out. The target is the verb's
object, "على/ضد X", the passive subject, whose facility was hit ("مخزن تابع لـ X"), who was in it
("تستضيف قوات X"), who survived it, or those killed when named. The place is the most specific
place in the clause that is not the launch site ("من بستان قريب"), a reference point ("... شمالي
بعقوبة") or a dateline, and that no other kind of event noun claims first. The date is the finest
one written in the event's clause; a date that belongs to a reporting verb is only a weak hint,
overruled by any other report of the same event; an event reported as current with no date at all
took place about when it was published.

Several mentions of one event make one event: same type (or two violent mentions in one
sentence), places equal or nested, dates that agree (two firm dates must be the same day; weak
dates never block); meetings also need the same people.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from loaders.nlp.events.document import EventPass
from loaders.nlp.events.vocabulary import EventVocabulary
from loaders.nlp.gazetteer import Gazetteer
from loaders.nlp.lexicon import Lexicon
from loaders.nlp.records import StatementRecord
from loaders.nlp.statements import doc_index

__all__ = ["EventExtractor", "make_event_extractor"]


class EventExtractor:
    """The `kg_events` component: holds only the shared vocabularies; each document is read by
    its own `EventPass`."""

    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.name = name
        self.gaz = gazetteer
        self.lex = lexicon
        self.vocab = EventVocabulary(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        idx = doc_index(doc, self.gaz, self.lex)
        statements: list[StatementRecord] = doc._.kg_statements or []
        doc._.kg_events = EventPass(self.vocab, self.gaz, self.lex, idx, statements).run(doc._.kg_published)
        return doc


@Language.factory(
    "kg_events",
    assigns=["doc._.kg_events"],
    requires=["doc._.kg_entities", "doc._.kg_dates", "doc._.kg_statements", "token.norm"],
    default_config={"gazetteer": {"@misc": "kg.gazetteer.v1"}, "lexicon": {"@misc": "kg.lexicon.v1"}},
)
def make_event_extractor(nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> EventExtractor:
    return EventExtractor(nlp, name, gazetteer, lexicon)
