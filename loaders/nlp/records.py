"""What the rule components leave on a Doc for the next one and for `loaders.extract`.

Plain dataclasses, so the components stay independent of the pydantic graph model; the
extractor turns them into `graph.model` objects at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from spacy.tokens import Doc

for _name, _default in (
    ("kg_tokens", None),
    ("kg_source", None),  # the text a doc was made from, when the caller keeps it
    ("kg_sents", None),
    ("kg_published", None),
    ("kg_gazetteer_matches", None),  # loaders.nlp.ruler: (start, end, label, id) of each name
    ("kg_entities", None),
    ("kg_discovered", None),
    ("kg_discovered_places", None),
    ("kg_dates", None),
    ("kg_times", None),
    ("kg_statements", None),
    ("kg_events", None),
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)

#: Where spaCy keeps `doc._.kg_tokens` (Underscore._get_key of a Doc extension).
_TOKENS_KEY = ("._.", "kg_tokens", None, None)


def token_table(doc: Doc) -> TokenTable:
    """`doc._.kg_tokens`, read straight from `doc.user_data`, where spaCy keeps it: every `doc._`
    builds an object, and the rules read the table tens of times per doc (None before the
    normaliser has run, as `doc._.kg_tokens` is)."""
    data: dict[Any, Any] = doc.user_data  # keyed by tuples, whatever spaCy's stub says
    return cast(TokenTable, data.get(_TOKENS_KEY))


@dataclass
class TokenTable:
    """Per-token values as plain lists: reading them costs a list index, where reading a spaCy
    Token attribute builds a Token object each time (the rules read each token many times)."""

    norms: list[str]
    clitics: list[str]
    clitic_lens: list[int]
    texts: list[str]
    punct: list[bool]
    space: list[bool]
    offsets: list[int]  # character offset of each token in `text`
    text: str  # doc.text, built once

    def span_text(self, start: int, end: int, cut: int = 0) -> tuple[int, int, str]:
        """(start char, end char, text) of tokens start..end, `cut` characters in from the left."""
        s = self.offsets[start] + cut
        e = self.offsets[end - 1] + len(self.texts[end - 1])
        return s, e, self.text[s:e]


@dataclass
class EntityMention:
    """One actor or place mention. A country or capital can be either; `role` says which it plays."""

    start: int  # token index
    end: int  # token index, exclusive
    start_char: int
    end_char: int
    text: str
    actor_id: str | None = None
    place_id: str | None = None
    role: str = "actor"  # "actor" | "place" | "origin" (where an unnamed source is: "مصادر يمنية")
    source: str = "gazetteer"  # gazetteer | nested | nisba | title | home | discovered | capital
    title: str | None = None  # for an office title: its matching form, to find the holder

    @property
    def id(self) -> str | None:
        return self.actor_id if self.role == "actor" else self.place_id

    def as_actor(self) -> str | None:
        """Use this mention as an actor (a country name or capital standing for its state)."""
        if self.actor_id is not None:
            self.role = "actor"
        return self.actor_id


@dataclass
class DiscoveredActor:
    id: str
    name_ar: str
    kind: str
    member_of: list[str] = field(default_factory=list)  # "قائد كتائب X فلان": the body of his office
    name: str | None = None  # the name in the report's own script, when it is not Arabic


@dataclass
class DiscoveredPlace:
    id: str
    name_ar: str
    kind: str
    located_in: list[str] = field(default_factory=list)  # "بلدة يارون جنوب لبنان": the place written next to it


@dataclass
class DateRef:
    start: int  # token index
    end: int
    start_char: int
    end_char: int
    date: str
    precision: str
    relative: bool


@dataclass
class TimeRef:
    start: int
    end: int
    clock: str


@dataclass
class StatementRecord:
    kind: str
    speaker: str | None
    sent_start: int  # token index of the sentence
    verb: int  # token index of the reporting word
    content_start: int  # token index where the reported content begins
    content_end: int
    date: str | None = None
    date_precision: str | None = None
    quote: str | None = None
    addressees: list[str] = field(default_factory=list)
    accused: list[str] = field(default_factory=list)
    about_event: int | None = None  # index into doc._.kg_events
    agent_end: int | None = None  # first token after the speaker's name (for objects)
    object_head: int | None = None  # first word of what was said when it is a noun phrase ("تنفيذ ضربة")
    head_dates: list[int] = field(default_factory=list)  # indexes into doc._.kg_dates
    object_actor: str | None = None  # "X، التي تتهمها أنقرة": whom the words are about
    participle: bool = False  # goes on with the act of speech before it ("قائلا", "، وأكدت")
    co_speakers: list[str] = field(default_factory=list)  # "استنكرت مصر وقطر": the others
    # how the speaker and the kind were found, the evidence a confidence is computed from:
    # speaker: subject (named after the verb) | topic (before it) | issuer ("في بيان لـ X") |
    #   relative | coordinated | inherited (a pronoun or participle going on with an earlier
    #   speaker) | source ("نقلت X عن Y") | headline ("X: ...") | attribution ("بحسب X")
    # kind: verb (the verb's own kind) | object ("جدد الدعوة") | cue (words in what was said) |
    #   own_attack ("إنها استهدفت") | judgement ("وصف القصف بالعدوان") | neutral
    speaker_source: str = "subject"
    kind_source: str = "verb"


@dataclass
class EventRecord:
    type: str
    sent_start: int
    sent_end: int
    trigger: int
    place: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_strength: int = 0  # 2: a date in the event's own clause; 1: its reporting statement's date
    time: str | None = None
    perpetrators: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    weapon: str | None = None
    count: int | None = None
    killed: int | None = None
    injured: int | None = None
    statement: int | None = None  # the statement whose content reports it, if any
    merged_into: int | None = None
    definite: bool = False  # a definite singular noun ("الهجوم"): may take up an earlier event
    anaphor_only: bool = False  # "الغارات أسفرت عن ...": kept only as more detail of an earlier event
    background: bool = False  # named inside a time or response clause ("ردا على هجوم ..."): another event
    group: bool = False  # several attacks or strikes at once ("سلسلة غارات"), possibly at several places
    group_only: bool = False  # a group too vague to stand alone: it lends its date and roles to its parts
    past: bool = False  # told as earlier background ("وكان ... قد", "سبق أن"): no fallback date
    mentions: int = 1  # how many mentions in the report were merged into this event
    claimed_by: list[str] = field(default_factory=list)  # perpetrators known from their own claim
    told_as: list[str] = field(default_factory=list)  # the trigger types of its mentions ("غارة": airstrike)
    places_told: list[str] = field(default_factory=list)  # every place its merged mentions named
    casualties: bool = False  # dead or wounded told, with or without a number ("سقوط قتلى وجرحى")
    ground: bool = False  # told as fired from the ground ("سقطت صواريخ", "أطلقت قذائف"): no strike from the air
