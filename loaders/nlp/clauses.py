"""Shallow clause analysis shared by the statement and event rules.

There is no parser for Arabic in this pipeline, so "who did it" is read from word order the way
news copy writes it: a subject right after the verb (VSO: "قالت الوزارة", "دعت السفارة"), a topic
right before it (SVO: "الوزارة قالت", "وكان السوداني قد ندد", "حركة النجباء، وهي ...، توعدت"),
or nothing, when the verb's pronoun continues the previous speaker ("وقالت في بيان لها").
`DocIndex` holds the per-document lookups these rules need.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from loaders.nlp.gazetteer import Gazetteer, clitic_of
from loaders.nlp.lexicon import Lexicon, norm_word
from loaders.nlp.records import EntityMention

UNRESOLVED = "<unresolved>"


def _words(text: str) -> frozenset[str]:
    """A word set in matching form (hamza, alef maqsura and ta marbuta folded)."""
    return frozenset(norm_word(w) for w in text.split())


PREPOSITIONS = _words("في على إلى من عن مع ضد لدى نحو حول بين عبر تجاه قرب عند بعد قبل خلال منذ حتى")
CONNECTIVES = _words("و ف ثم كما كان كانت كانوا قد لقد وقد بدوره بدورها جانبه جانبها جهته جهتها")
PUNCT_SOFT = frozenset({"،", ",", "-", "–", "—", '"', "«", "»", "“", "”", "(", ")"})
QUOTES = frozenset({'"', "«", "»", "“", "”"})
# Words that may stand between a verb and its subject or object: time words, "again", "also" ...
ADVERBS = _words(
    "اليوم أمس مجددا أيضا كذلك رسميا بدوره بدورها الأحد الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت "
    "مساء صباح فجر ليلة يوم ظهر عصر مطلع أواخر أوائل منتصف الجاري الماضي الحالي ذاته نفسه نفسها لاحقا "
    "سابقا الآن حاليا بعد مرة أخرى مرارا تماما مقتضب صحفي غير"
)


@dataclass
class Agent:
    actor: str | None  # actor id, UNRESOLVED, or None
    end: int  # first token after the agent phrase (or the verb + 1 when none)
    mention: EntityMention | None = None


class DocIndex:
    """Token -> mention and token -> date lookups for one doc, plus sentence bounds."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.doc = doc
        self.gaz = gazetteer
        self.lex = lexicon
        table = self.table = doc._.kg_tokens
        self.norms: list[str] = table.norms
        self.texts: list[str] = table.texts
        self.punct: list[bool] = table.punct
        self.space: list[bool] = table.space
        self.clitics: list[str] = table.clitics
        self.n = len(doc)
        self.naming = lexicon.naming_phrases
        self.mentions: list[EntityMention] = doc._.kg_entities or []
        self.cover: list[EntityMention | None] = [None] * len(doc)
        self.starts: dict[int, EntityMention] = {}
        for m in self.mentions:
            if m.source == "nested":
                continue  # a name inside a longer name plays no part in the clause
            self.starts[m.start] = m
            for i in range(m.start, m.end):
                self.cover[i] = m
        self.date_cover: list[int | None] = [None] * len(doc)
        for n, d in enumerate(doc._.kg_dates or []):
            for i in range(d.start, d.end):
                self.date_cover[i] = n
        self.sents: list[tuple[int, int]] = [(s.start, s.end) for s in doc.sents]
        self.quote_cover = self._quotes()

    def _quotes(self) -> list[bool]:
        """Which tokens sit inside quotation marks (a quote never runs past its sentence)."""
        cover = [False] * self.n
        for s, e in self.sents:
            inside_straight = False
            depth = 0
            for i in range(s, e):
                t = self.text(i)
                if t in ("«", "“"):
                    depth += 1
                    continue
                if t in ("»", "”"):
                    depth = max(0, depth - 1)
                    continue
                if t.count('"') % 2:
                    inside_straight = not inside_straight
                    continue
                cover[i] = depth > 0 or inside_straight
        return cover

    # --- small predicates
    def norm(self, i: int) -> str:
        return self.norms[i] if 0 <= i < self.n else ""

    def text(self, i: int) -> str:
        return self.texts[i] if 0 <= i < self.n else ""

    def clitic_of(self, i: int) -> str:
        return clitic_of(self.table, i)

    def actor_kind(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        entry = self.gaz.actors.get(actor_id)
        if entry is not None:
            return entry.get("kind")
        found = (self.doc._.kg_discovered or {}).get(actor_id)
        return found.kind if found is not None else None

    def governed(self, m: EntityMention) -> bool:
        """True when a preposition governs the mention (so it is no subject): 'على X', 'لإيران'."""
        clitic = self.clitic_of(m.start)
        if "ل" in clitic or "ب" in clitic or "ك" in clitic:
            return True
        prev = self.norm(m.start - 1)
        return prev in PREPOSITIONS

    def actor_of(self, m: EntityMention) -> str | None:
        """The actor a mention stands for: itself, or the state for a country or capital."""
        if m.actor_id is not None:
            return m.actor_id
        if m.place_id is None:
            return None
        place = self.gaz.places.get(m.place_id, {})
        if place.get("kind") == "country":
            return self.gaz.state_actor(m.place_id)
        country = self.lex.capitals.get(self.norm_text(m))
        if country:
            return self.gaz.state_for_country_name(country)
        return None

    def norm_text(self, m: EntityMention) -> str:
        return " ".join(self.norm(i) for i in range(m.start, m.end))

    def promote(self, m: EntityMention) -> str | None:
        """Use a mention as an actor: a place standing for its state becomes that actor."""
        actor = self.actor_of(m)
        if actor is None:
            return None
        if m.actor_id is None:
            m.actor_id, m.source = actor, "capital"
        m.role = "actor"
        return actor

    def person_after(self, m: EntityMention, limit: int) -> EntityMention | None:
        """A person named right after a title or body ('رئيس الوزراء العراقي محمد شياع السوداني')."""
        j = m.end
        while j < limit and (self.punct[j] and self.text(j) not in QUOTES):
            j += 1
        nxt = self.starts.get(j)
        if nxt is not None and self.actor_kind(nxt.actor_id) == "person":
            return nxt
        return None

    def nisba_official(self, i: int, limit: int) -> Agent | None:
        """'مسؤول عسكري أميركي' -> the US military; 'مسؤول أميركي' -> the United States."""
        qualifier = None
        j = i + 1
        if j < limit and self.norm(j) in self.lex.set("official_military"):
            qualifier, j = "military", j + 1
        elif j < limit and self.norm(j) in self.lex.set("official_security"):
            qualifier, j = "security", j + 1
        m = self.starts.get(j)
        if m is None or m.source != "nisba" or m.actor_id is None:
            return None
        actor = m.actor_id
        if qualifier:
            actor = self.gaz.forces_of(actor, qualifier) or actor
        return Agent(actor, m.end, m)

    # --- subjects
    def topic_before(self, i: int, sent_start: int) -> EntityMention | None:
        """The subject written before the verb at i (SVO), if any."""
        j = i - 1
        while j >= sent_start and (self.norm(j) in ("قد", "لقد") or self.text(j) in QUOTES or self.space[j]):
            j -= 1
        if j < sent_start:
            return None
        candidates: list[EntityMention] = []
        if self.cover[j] is not None:
            candidates.append(self.cover[j])
        elif self.text(j) in ("،", ","):
            k = j - 1
            while k >= sent_start and self.text(k) in QUOTES:
                k -= 1
            if k >= sent_start and self.cover[k] is not None:
                candidates.append(self.cover[k])  # "قيادة العمليات المشتركة، قد أعلنت"
            # "X، وهي ...، توعدت": skip back over one parenthetical between commas
            k = j - 1
            while k >= sent_start and k > j - 25 and self.text(k) not in ("،", ","):
                k -= 1
            if k > sent_start and self.text(k) in ("،", ","):
                k -= 1
                while k >= sent_start and self.text(k) in QUOTES:
                    k -= 1
                if k >= sent_start and self.cover[k] is not None:
                    candidates.append(self.cover[k])
        for m in candidates:
            if m.role == "place" and self.actor_of(m) is None:
                continue
            if self._topic_ok(m, sent_start):
                return m
        return None

    def _topic_ok(self, m: EntityMention, sent_start: int) -> bool:
        """A mention is a topic when nothing but a connective, 'أن' or a title precedes it."""
        # "طائرات إسرائيلية شنت": a country adjective on an agent noun is read from that noun
        first = m.start - 1 if m.source == "nisba" else m.start
        before = first - 1
        clitic = self.clitic_of(first)
        if any(c in clitic for c in "بلك"):
            return False
        # walk back over the person's title and its modifiers ("الرئيس العراقي برهم صالح")
        while before >= sent_start and (
            self.norm(before) in self.lex.set("titles")
            or self.norm(before) in self.lex.set("title_modifiers")
            or self.norm(before) in self.lex.nisba
            or self.cover[before] is not None
            and self.cover[before] is not m
        ):
            before -= 1
        if before < sent_start:
            return True
        prev = self.norm(before)
        if prev in ("باسم",) or prev in self.lex.set("complementizers") or prev in CONNECTIVES:
            return True
        if self.text(before) in PUNCT_SOFT or self.space[before] or self.text(before) in QUOTES:
            return True
        if prev in ("يذكر", "يشار", "الي"):
            return True
        return False

    def agent_after(self, i: int, limit: int, *, skip_object: bool = False) -> Agent:
        """The subject written after the verb at i (VSO): an actor, a spokesman or official of
        one, an anaphor ('الوكالة'), UNRESOLVED for an unnamed source ('مصادر أمنية'), or None."""
        lex = self.lex
        j = i + 1
        steps = 0
        while j < limit and steps < 10:
            norm = self.norms[j]
            if self.space[j] or (self.punct[j] and self.texts[j] != ":") or self.date_cover[j] is not None:
                j += 1
                continue
            if norm == ":" or norm in lex.set("complementizers"):
                break
            m = self.starts.get(j)
            if m is not None:
                if self.governed(m):
                    j = m.end
                    steps += 1
                    continue
                if m.role == "place" and self.actor_of(m) is None:
                    j = m.end
                    steps += 1
                    continue
                person = self.person_after(m, limit)
                if person is not None:
                    return Agent(person.actor_id, person.end, person)
                if m.source == "title" and self.norms[m.start] in lex.set("spokesman_nouns"):
                    # "المتحدث باسم البنتاغون" names its holder; the body speaks
                    body = next(
                        (
                            n
                            for n in self.mentions
                            if n.source == "nested" and m.start < n.start < m.end and self.norms[n.start - 1] == "باسم"
                        ),
                        None,
                    )
                    if body is not None and self.actor_of(body):
                        return Agent(self.actor_of(body), m.end, body)
                return Agent(self.actor_of(m), m.end, m)
            if norm in lex.set("spokesman_nouns"):
                nxt = j + 1
                if self.norm(nxt) == "الرسمي" or self.norm(nxt) == "العسكري":
                    nxt += 1
                if self.norm(nxt) == "باسم":
                    m2 = self.starts.get(nxt + 1)
                    if m2 is not None:
                        return Agent(self.actor_of(m2), m2.end, m2)
                    # "المتحدث باسم القائد العام للقوات المسلحة يحيى رسول": the named spokesman
                    for k in range(nxt + 2, min(limit, nxt + 8)):
                        m3 = self.starts.get(k)
                        if m3 is not None and self.actor_kind(m3.actor_id) == "person":
                            return Agent(m3.actor_id, m3.end, m3)
                        if self.punct[k] or self.norms[k] in self.lex.set("complementizers"):
                            break
                    return Agent(UNRESOLVED, nxt + 1)
                anaphor = self.anaphor(norm, j)
                return Agent(anaphor or UNRESOLVED, j + 1)
            if norm in lex.set("official_nouns"):
                nxt = j + 1
                m2 = None
                if nxt < limit and self.norm(nxt) in ("في", "لدي"):
                    m2 = self.starts.get(nxt + 1)  # "مسؤول في وزارة الدفاع"
                elif nxt < limit and "ب" in self.clitics[nxt]:
                    m2 = self.starts.get(nxt)  # "مسؤول بالخارجية"
                if m2 is not None:
                    return Agent(self.actor_of(m2), m2.end, m2)
                nis = self.nisba_official(j, limit)
                if nis is not None:
                    return nis
                if norm.startswith("ال"):
                    anaphor = self.anaphor(norm, j)
                    if anaphor:
                        return Agent(anaphor, j + 1)
                return Agent(UNRESOLVED, j + 1)
            if norm in lex.set("anaphor_media") or norm in lex.set("anaphor_person"):
                # "الرئيس الأميركي جو بايدن" continues to the name; a bare "الوزير" looks back
                k = j + 1
                while k < limit and (self.norm(k) in lex.set("title_modifiers") or self.norm(k) in lex.nisba):
                    k += 1
                if k < limit and k in self.starts:
                    j = k
                    continue
                anaphor = self.anaphor(norm, j)
                return Agent(anaphor or UNRESOLVED, j + 1)
            if norm in lex.set("titles") or norm in lex.set("title_modifiers") or norm in lex.set("org_nouns"):
                j += 1  # "الرئيس العراقي ...", "فصيل "سرايا ..."": the name follows
                steps += 1
                continue
            naming = self._naming_phrase(j, limit)
            if naming:
                j = naming  # "فصيل يطلق على نفسه X"
                continue
            if norm in lex.set("agent_nouns") and (j + 1) in self.starts and self.starts[j + 1].source == "nisba":
                m2 = self.starts[j + 1]  # "طائرات أميركية", "مسؤولون إيرانيون": the state
                return Agent(self.actor_of(m2), m2.end, m2)
            if norm in lex.set("statement_nouns"):
                # "أفاد بيان صادر عن قيادة العمليات", "وجاء في بيان للوزارة"
                k = j + 1
                while k < limit and (self.norms[k] in lex.set("issued_by") or self.punct[k]):
                    k += 1
                m2 = self.starts.get(k)
                if m2 is not None and self.actor_of(m2):
                    return Agent(self.actor_of(m2), m2.end, m2)
                return Agent(UNRESOLVED, j + 1)
            if norm in lex.set("unresolved_subjects"):
                return Agent(UNRESOLVED, j + 1)
            if norm in ADVERBS or norm in CONNECTIVES:
                j += 1
                continue
            if skip_object and (norm in lex.set("generic_dets") or norm in lex.triggers):
                j += 1
                steps += 1
                continue
            break
        return Agent(None, i + 1)

    def _naming_phrase(self, j: int, limit: int) -> int | None:
        """End of 'يطلق على نفسه' / 'ما يسمى' starting at j, else None."""
        for phrase in self.naming:
            n = len(phrase)
            if j + n <= limit and tuple(self.norms[j : j + n]) == phrase:
                return j + n
        return None

    def anaphor(self, norm: str, i: int) -> str | None:
        """'الوكالة' -> the last news agency named; 'المتحدث' -> the last spokesman's body;
        'المسؤول' -> the last official's body; 'الوزير' -> the last person named."""
        lex = self.lex
        want: tuple[str, ...]
        if norm in lex.set("anaphor_media"):
            want = ("media",)
        elif norm in lex.set("anaphor_person"):
            want = ("person",)
        elif norm in lex.set("anaphor_spokesman") or norm in lex.set("anaphor_official"):
            for j in range(i - 1, max(-1, i - 400), -1):
                if self.norm(j) == "باسم" and (j + 1) in self.starts:
                    return self.actor_of(self.starts[j + 1])
                if self.norm(j) in lex.set("official_nouns") and self.norm(j + 1) == "في" and (j + 2) in self.starts:
                    return self.actor_of(self.starts[j + 2])
            return None
        else:
            return None
        for m in reversed(self.mentions):
            if m.start >= i:
                continue
            if i - m.start > 600:
                break
            if self.actor_kind(m.actor_id) in want:
                return m.actor_id
        return None
