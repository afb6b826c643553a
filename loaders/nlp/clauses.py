"""Shallow clause analysis shared by the statement and event rules.

There is no parser for Arabic in this pipeline, so "who did it" is read from word order the way
news copy writes it: a subject right after the verb (VSO: "صرحت الهيئة", "طالب الوزير"), a topic
right before it (SVO: "الهيئة صرحت", "وكان الوزير قد حذر", "الحركة، وهي جناح مسلح، هددت"),
or nothing, when the verb's pronoun continues the previous speaker ("وأضافت في منشور").
`DocIndex` holds the per-document lookups these rules need.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from loaders.dates import WORDS as DATE_WORDS
from loaders.nlp.gazetteer import Gazetteer, clitic_of
from loaders.nlp.lexicon import Lexicon, norm_word
from loaders.nlp.records import EntityMention, token_table

UNRESOLVED = "<unresolved>"
FORMER_SPEAKER = "<former speaker>"  # "وأضاف البيان": whoever issued the statement reported before


def _words(text: str) -> frozenset[str]:
    """A word set in matching form (hamza, alef maqsura and ta marbuta folded)."""
    return frozenset(norm_word(w) for w in text.split())


PREPOSITIONS = _words("في على إلى من عن مع ضد لدى نحو حول بين عبر تجاه قرب عند بعد قبل خلال منذ حتى")
CONNECTIVES = _words("و ف ثم كما كان كانت كانوا قد لقد وقد بدوره بدورها جانبه جانبها جهته جهتها أما لكن")
PUNCT_SOFT = frozenset({"،", ",", "-", "–", "—", '"', "«", "»", "“", "”", "(", ")"})
QUOTES = frozenset({'"', "«", "»", "“", "”"})
# Words that may stand between a verb and its subject or object: time words (the weekdays of
# loaders/data/nlp/dates.json among them), "again", "also" ...
ADVERBS = frozenset(norm_word(w) for w in DATE_WORDS["weekdays"]) | _words(
    "اليوم أمس مجددا أيضا كذلك رسميا بدوره بدورها "
    "مساء صباح فجر ليلة يوم ظهر عصر مطلع أواخر أوائل منتصف الجاري الماضي الحالي ذاته نفسه نفسها لاحقا "
    "سابقا الآن حاليا بعد مرة أخرى مرارا تماما مقتضب صحفي غير ضمنا صراحة علنا المقابل السياق الأثناء غضون"
)


@dataclass
class Agent:
    actor: str | None  # actor id, UNRESOLVED, or None
    end: int  # first token after the agent phrase (or the verb + 1 when none)
    mention: EntityMention | None = None


@lru_cache(maxsize=4)
def _organ_phrases(organ_nouns: frozenset[str]) -> list[tuple[str, ...]]:
    """The organ nouns as word tuples, longest first (worked out once, not per doc)."""
    return [tuple(w.split()) for w in sorted(organ_nouns, key=lambda w: -len(w.split()))]


@lru_cache(maxsize=4)
def _organs_by_first_word(organ_nouns: frozenset[str]) -> dict[str, list[tuple[str, ...]]]:
    """The organ phrases by their first word, longest first: a token looks only at the phrases
    that can start with it."""
    phrases = _organ_phrases(organ_nouns)
    out: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            out.setdefault(phrase[0], []).append(phrase)
    if () in phrases:  # an empty phrase (a word that folded to nothing) fits anywhere, last
        out = {first: [*found, ()] for first, found in out.items()}
        out[""] = [()]
    return out


#: The characters `DocIndex._quotes` reacts to.
_QUOTE_CHARS = ("«", "“", "»", "”", '"')


class DocIndex:
    """Token -> mention and token -> date lookups for one doc, plus sentence bounds."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.doc = doc
        self.gaz = gazetteer
        self.lex = lexicon
        table = self.table = token_table(doc)
        self.norms: list[str] = table.norms
        self.texts: list[str] = table.texts
        self.punct: list[bool] = table.punct
        self.space: list[bool] = table.space
        self.clitics: list[str] = table.clitics
        self.n = len(doc)
        self.naming = lexicon.naming_phrases
        self.organs = _organs_by_first_word(lexicon.set("organ_nouns"))
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
        self.dates = doc._.kg_dates or []  # read once: each doc._ access costs an object
        self.times = doc._.kg_times or []
        self.discovered = doc._.kg_discovered or {}
        self.published: str | None = doc._.kg_published
        for n, d in enumerate(self.dates):
            for i in range(d.start, d.end):
                self.date_cover[i] = n
        self.sents: list[tuple[int, int]] = doc._.kg_sents or [(s.start, s.end) for s in doc.sents]
        self._mention_starts = [m.start for m in self.mentions]  # sorted, as the mentions are
        self.quote_cover = self._quotes()

    def _quotes(self) -> list[bool]:
        """Which tokens sit inside quotation marks (a quote never runs past its sentence)."""
        cover = [False] * self.n
        if not any(q in self.table.text for q in _QUOTE_CHARS):
            return cover  # most docs quote no one: no token to walk
        texts = self.texts
        for s, e in self.sents:
            inside_straight = False
            depth = 0
            for i in range(s, e):
                t = texts[i] if 0 <= i < self.n else ""
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

    def mentions_in(self, start: int, end: int) -> list[EntityMention]:
        """The mentions that start in tokens start..end."""
        lo = bisect.bisect_left(self._mention_starts, start)
        hi = bisect.bisect_left(self._mention_starts, end)
        return self.mentions[lo:hi]

    # --- small predicates
    def norm(self, i: int) -> str:
        return self.norms[i] if 0 <= i < self.n else ""

    def text(self, i: int) -> str:
        return self.texts[i] if 0 <= i < self.n else ""

    def clitic_of(self, i: int) -> str:
        return clitic_of(self.table, i)

    def body_of(self, actor_id: str) -> str:
        """Who carried out what a speaker tells as done: a spokesman's or commander's claim
        ("أعلن يحيى سريع استهداف سفينة") is his body's act, and so is what an armed group's own
        outlet tells ("ذكرت وكالة أعماق أن مقاتلي التنظيم ..."); any other speaker did it itself."""
        kind = self.actor_kind(actor_id)
        if kind == "media":
            return self.mouthpiece_of(actor_id) or actor_id
        if kind != "person":
            return actor_id
        bodies = [b for b in self.gaz.actors.get(actor_id, {}).get("member_of") or [] if b in self.gaz.actors]
        return bodies[0] if bodies else actor_id

    def mouthpiece_of(self, actor_id: str | None) -> str | None:
        """The armed group or force an outlet belongs to (Amaq of ISIS): its words are the group's."""
        if self.actor_kind(actor_id) != "media":
            return None
        bodies = self.gaz.actors.get(actor_id or "", {}).get("member_of") or []
        return next((b for b in bodies if self.actor_kind(b) in ("armed_group", "military")), None)

    def actor_kind(self, actor_id: str | None) -> str | None:
        if actor_id is None:
            return None
        entry = self.gaz.actors.get(actor_id)
        if entry is not None:
            return entry.get("kind")
        found = self.discovered.get(actor_id)
        return found.kind if found is not None else None

    def governed(self, m: EntityMention) -> bool:
        """True when a preposition governs the mention (so it is no subject): 'على X', 'لإيران'.
        The ب of "ما يسمى بـX" names; it governs nothing."""
        clitic = self.clitic_of(m.start)
        if ("ل" in clitic or "ب" in clitic or "ك" in clitic) and not self.so_called(m.start):
            return True
        prev = self.norm(m.start - 1)
        if prev == "عبر" and self.norm(m.end) == "عن":
            return False  # "وعبّر الأردن عن إدانته": the verb 'expressed', not 'via'
        return prev in PREPOSITIONS

    def so_called(self, k: int) -> bool:
        """Whether the name at token k follows 'ما يسمى', 'ما تعرف بـ', 'المدعو' ..."""
        j = k - 1
        while j >= 0 and (self.space[j] or self.texts[j] in QUOTES or self.norms[j] == "ب"):
            j -= 1
        return any(tuple(self.norms[j - len(p) + 1 : j + 1]) == p for p in self.naming if j - len(p) + 1 >= 0)

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
        """A person named right after a title or body ('وزير الداخلية العراقي عبد الأمير الشمري')."""
        j = m.end
        lex = self.lex
        steps = 0
        # past punctuation, a bracketed short name ("(الخارجية)"), a rank ("العميد") or a
        # country adjective ("قائد الجيش اللبناني جوزيف عون")
        while j < limit and steps < 6:
            if self.punct[j] and self.text(j) not in QUOTES:
                j += 1
            elif self.norm(j) in lex.set("ranks") or self.norm(j) in lex.nisba:
                j += 1
            elif self.norm(j) in lex.set("titles") and j not in self.starts:
                # "نائب الرئيس وزير المالية فلان الفلاني": a second office, then the name
                j += 1
                while j < limit and j not in self.starts and self.norm(j).startswith("ال") and steps < 5:
                    j += 1
                    steps += 1
            elif self.text(j - 1) == "(" and j in self.starts and self.text(self.starts[j].end) == ")":
                j = self.starts[j].end
            elif self.norm(j) == "في" and j + 1 in self.starts and self.starts[j + 1].place_id:
                j = self.starts[j + 1].end  # "السفير الإيراني في دمشق فلان": where he serves
            else:
                break
            steps += 1
        nxt = self.starts.get(j)
        if nxt is not None and self.actor_kind(nxt.actor_id) == "person":
            return nxt
        return None

    def nisba_official(self, i: int, limit: int) -> Agent | None:
        """'ضابط عسكري تركي' -> the Turkish forces; 'دبلوماسي تركي' -> Turkey. Unnamed sources
        ('مصادر يمنية', 'مصادر إعلامية يمنية') only say where they are: no actor speaks, and the
        adjective names no actor either; with a security or military qualifier ('مصدر أمني
        عراقي') they speak for the forces."""
        qualifier = None
        j = i + 1
        source = self.norm(i) in self.lex.set("source_nouns")
        if j < limit and self.norm(j) in self.lex.set("official_military"):
            qualifier, j = "military", j + 1
        elif j < limit and self.norm(j) in self.lex.set("official_security"):
            qualifier, j = "security", j + 1
        elif source and j < limit and self.norm(j) in self.lex.set("source_adjectives"):
            j += 1
        m = self.starts.get(j)
        if m is None or m.source != "nisba" or m.actor_id is None:
            return None
        if source and not qualifier:
            m.role = "origin"  # where the source is, not who speaks
            return Agent(UNRESOLVED, m.end, m)
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
        if j >= sent_start and self.norm(j) in self.lex.set("auxiliary_verbs") and self.clitics[i].startswith("و"):
            j -= 1  # "الحكومة عادت ودانت", "سارعت الوزارة ونفت": the subject of the first verb
        j = self._skip_model(j, sent_start)
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
                candidates.append(self.cover[k])  # "وزارة الداخلية التركية، قد أوضحت"
            # "X، وهي جماعة صغيرة، هددت": skip back over one parenthetical between commas
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

    def _skip_model(self, j: int, sent_start: int) -> int:
        """Back over 'من طراز "إف-16"' / 'من نوع X' that describes the subject before the verb."""
        for k in range(j, max(sent_start - 1, j - 6), -1):
            if self.norm(k) in ("طراز", "نوع") and self.norm(k - 1) == "من":
                return k - 2
        return j

    def _topic_ok(self, m: EntityMention, sent_start: int) -> bool:
        """A mention is a topic when nothing but a connective, 'أن' or a title precedes it."""
        # "مقاتلات تركية قصفت": a country adjective on an agent noun is read from that noun
        first = m.start
        if m.source == "nisba":
            first -= 1
            if first > sent_start and self.norm(first) not in self.lex.set("agent_nouns"):
                first -= 1  # "مروحية عسكرية تركية": past one adjective to the noun
        before = first - 1
        if self.organ_before(m, sent_start):
            return True  # "الإعلام الحربي في حزب الله قال": the body, speaking through its organ
        clitic = self.clitic_of(first)
        if any(c in clitic for c in "بلك"):
            return False
        # walk back over the person's title and its modifiers ("وزير الدفاع الإيراني X")
        officials = self.lex.set("official_nouns")
        qualifiers = self.lex.set("official_military") | self.lex.set("official_security")
        while before >= sent_start and (
            self.norm(before) in self.lex.set("titles")
            or self.norm(before) in self.lex.set("title_modifiers")
            or self.norm(before) in self.lex.nisba
            or self.norm(before) in self.lex.set("ranks")
            or self.norm(before) in officials
            or self.norm(before) in qualifiers
            or self.cover[before] is not None
            and self.cover[before] is not m
            # "القيادي البارز في حركة X فلان الفلاني": an official of a body, by name
            or self.norm(before) in ("في", "باسم")
            and self.cover[before + 1] is not None
            and (self.norm(before - 1) in officials or self.norm(before - 1) in qualifiers)
        ):
            before -= 1
        while before >= sent_start and self.text(before) in QUOTES:
            before -= 1  # '"حزب الله" أعلن' is read from what stands before the quote
        if before < sent_start:
            return True
        prev = self.norm(before)
        if prev in ("باسم",) or prev in self.lex.set("complementizers") or prev in CONNECTIVES:
            return True
        if self.text(before) in PUNCT_SOFT or self.space[before]:
            return True
        if prev in ("يذكر", "يشار", "الي"):
            return True
        return False

    def agent_after(self, i: int, limit: int, *, skip_object: bool = False) -> Agent:
        """The subject written after the verb at i (VSO): an actor, a spokesman or official of
        one, an anaphor ('الوكالة'), UNRESOLVED for an unnamed source ('مصدر مطلع'), or None."""
        lex = self.lex
        bracketed = self._bracketed_name(i + 1, limit)
        if bracketed is not None:
            return Agent(self.actor_of(bracketed), bracketed.end + 1, bracketed)
        j = i + 1
        steps = 0
        titled = 3  # words of an office after its title ("وزير الموارد المائية"); 3: no title yet
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
                    # "الناطق باسم الوزارة" names its holder; the body speaks
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
                named = self._named_after_short_office(nxt, limit)
                if named is not None:
                    return Agent(named.actor_id, named.end, named)  # "متحدث الخارجية فلان الفلاني"
                if self.norm(nxt) == "باسم":
                    m2 = self.starts.get(nxt + 1)
                    if m2 is not None:
                        named = self.person_after(m2, limit) if self.actor_kind(self.actor_of(m2)) != "person" else None
                        if named is not None and named.source == "gazetteer":
                            # "المتحدث باسم الحوثيين يحيى سريع": a known spokesman speaks (a name
                            # the gazetteer lacks leaves the body speaking)
                            return Agent(named.actor_id, named.end, named)
                        return Agent(self.actor_of(m2), m2.end, m2)
                    # "الناطق باسم رئيس الجمهورية فلان الفلاني": the named spokesman
                    for k in range(nxt + 2, min(limit, nxt + 8)):
                        m3 = self.starts.get(k)
                        if m3 is not None and self.actor_kind(m3.actor_id) == "person":
                            return Agent(m3.actor_id, m3.end, m3)
                        if self.punct[k] or self.norms[k] in self.lex.set("complementizers"):
                            break
                    if self.norm(nxt + 1) in lex.set("anaphor_organisation"):
                        # "المتحدث باسم الحركة، فلان،": a named spokesman in apposition (a person
                        # or an agency) speaks; else the body the anaphor takes up
                        named, end = self._apposition(nxt + 2, limit)
                        if named is not None and self.actor_kind(self.actor_of(named)) in ("person", "media"):
                            return Agent(self.actor_of(named), end, named)
                        body = self.organisation_anaphor(self.norm(nxt + 1), nxt + 1)
                        if body is not None:
                            return Agent(body, end)
                    return Agent(UNRESOLVED, nxt + 1)
                m2 = self.starts.get(nxt)
                if m2 is not None and "ل" in self.clitic_of(nxt) and self.actor_kind(self.actor_of(m2)) != "person":
                    return Agent(self.actor_of(m2), m2.end, m2)  # "المتحدث العسكري للحوثيين": باسم's twin
                anaphor = self.anaphor(norm, j)
                return Agent(anaphor or UNRESOLVED, j + 1)
            if norm in lex.set("collective_heads"):
                m2 = self.starts.get(j + 1)
                if m2 is not None and self.actor_kind(self.actor_of(m2)) in ("armed_group", "coalition"):
                    # "أعلنت فصائل المقاومة الإسلامية في العراق": the factions speak as the body they form
                    return Agent(self.actor_of(m2), m2.end, m2)
            owner = self.organ_owner(j, limit)
            if owner is not None:
                # "نشر الإعلام الحربي في حزب الله بيانا": the body speaks through its organ
                return Agent(self.actor_of(owner), owner.end, owner)
            if norm in lex.set("official_nouns"):
                nxt = j + 1
                if (
                    nxt < limit
                    and nxt not in self.starts
                    and (
                        self.norm(nxt) in lex.set("official_military") or self.norm(nxt) in lex.set("official_security")
                    )
                ):
                    nxt += 1  # "المسؤول العسكري في ..."
                m2 = None
                if nxt < limit and self.norm(nxt) in ("في", "لدي"):
                    m2 = self.starts.get(nxt + 1)  # "موظف رفيع في وزارة النفط"
                elif nxt < limit and "ب" in self.clitics[nxt]:
                    m2 = self.starts.get(nxt)  # "مصدر بالداخلية"
                if m2 is not None:
                    person = self.person_after(m2, limit)  # "... في حركة X فلان الفلاني": by name
                    if person is not None:
                        return Agent(person.actor_id, person.end, person)
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
                # "الرئيس التركي رجب طيب أردوغان" continues to the name; a bare "الوزير" looks back
                k = j + 1
                while k < limit and (self.norm(k) in lex.set("title_modifiers") or self.norm(k) in lex.nisba):
                    k += 1
                post = self.starts.get(k + 1) if self.norm(k) == "في" else None
                holder = self.starts.get(post.end) if post is not None and post.place_id else None
                if holder is not None and self.actor_kind(holder.actor_id) == "person":
                    k = post.end  # "السفير الإيراني في دمشق فلان": the named holder of the post
                if k < limit and k in self.starts:
                    j = k
                    continue
                anaphor = self.anaphor(norm, j)
                country = next((lex.nisba[self.norm(x)] for x in range(j + 1, k) if self.norm(x) in lex.nisba), None)
                if country is not None:
                    # "الرئيس الفرنسي" with no name: the last person named if of that country,
                    # else the state the title speaks for
                    state = self.gaz.state_for_country_name(country)
                    home = (self.gaz.actors.get(anaphor or "") or {}).get("country")
                    if state and (anaphor is None or home not in (None, state, self.gaz.actors[state].get("country"))):
                        return Agent(state, k)
                return Agent(anaphor or UNRESOLVED, k if anaphor else j + 1)
            if norm in lex.set("anaphor_organisation") and not self._name_follows(j + 1, limit):
                # "وذكرت الهيئة": the last body whose name starts so ("هيئة الحشد ...")
                found = self.organisation_anaphor(norm, j)
                if found is not None:
                    return Agent(found, j + 1)
            if norm in lex.set("titles") or norm in lex.set("title_modifiers") or norm in lex.set("org_nouns"):
                j += 1  # "الرئيس اللبناني ...", "فصيل "X"": the name follows
                steps += 1
                titled = 0
                continue
            if titled < 3 and norm.startswith("ال") and j + 1 < limit:
                # "وزير الموارد المائية ...": the office's own words, then the name or body
                j += 1
                titled += 1
                continue
            naming = self._naming_phrase(j, limit)
            if naming:
                j = naming  # "فصيل يسمي نفسه X", "مجموعة يطلق عليها اسم "X""
                if self.norm(j) in ("اسم", "باسم"):
                    j += 1
                continue
            if norm in lex.set("agent_nouns"):
                # "مقاتلات تركية", "مقاتلات حربية تركية", "دبلوماسيون فرنسيون": the state
                k = j + 2 if (j + 1) not in self.starts and self.norm(j + 1).endswith(("ي", "يه")) else j + 1
                m2 = self.starts.get(k)
                if m2 is not None and m2.source == "nisba":
                    return Agent(self.actor_of(m2), m2.end, m2)
                if self.norm(k) in lex.set("ownership_words") and (k + 1) in self.starts:
                    m2 = self.starts[k + 1]  # "مقاتلات تابعة لسلاح الجو التركي": whose they are
                    if self.actor_of(m2):
                        return Agent(self.actor_of(m2), m2.end, m2)
            if norm in lex.set("statement_nouns"):
                # "ذكر بلاغ عن وزارة الداخلية", "وجاء في بيان للهيئة"
                k = j + 1
                while k < limit and (self.norms[k] in lex.set("issued_by") or self.punct[k]):
                    k += 1
                m2 = self.starts.get(k)
                if m2 is not None and self.actor_of(m2):
                    return Agent(self.actor_of(m2), m2.end, m2)
                if norm.startswith("ال"):
                    # "وأضاف البيان", "وجدد البيان تحذيراته": the statement already reported
                    return Agent(FORMER_SPEAKER, j + 1)
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

    def organ_owner(self, j: int, limit: int) -> EntityMention | None:
        """'الإعلام الحربي في حزب الله', 'المكتب الإعلامي لحركة X', 'الجناح العسكري التابع لـ X':
        an organ of a body starting at token j, and the mention of the body it belongs to."""
        organs = self.organs.get(self.norm(j)) or self.organs.get("", ())
        end = next((j + len(o) for o in organs if tuple(self.norms[j : j + len(o)]) == o and j + len(o) <= limit), None)
        if end is None:
            return None
        while end < limit and (self.norm(end) in self.lex.nisba or self.norm(end) in self.lex.set("ownership_words")):
            end += 1  # "الإعلام الحربي التابع لـ ...", "المكتب الإعلامي المركزي"
        if self.norm(end) in ("في", "لدي") and end + 1 < limit:
            end += 1
        elif not ("ل" in self.clitic_of(end) or self.norm(end - 1) in ("ل",)):
            return None
        m = self.starts.get(end)
        return m if m is not None and self.actor_of(m) else None

    def organ_before(self, m: EntityMention, sent_start: int) -> bool:
        """The mention is the body an organ named just before it belongs to."""
        for j in range(max(sent_start, m.start - 6), m.start):
            if self.organ_owner(j, m.end) is m:
                return True
        return False

    def _bracketed_name(self, j: int, limit: int) -> EntityMention | None:
        """'القيادة العسكرية الأميركية الوسطى (سنتكوم)': a name in brackets closing a definite noun
        phrase the gazetteer does not know in that word order; the bracketed name is the subject."""
        k = j
        while k < limit and k - j < 7 and not self.punct[k] and self.cover[k] is None:
            if not (self.norms[k].startswith("ال") or self.norms[k] in self.lex.nisba):
                return None
            k += 1
        if k == j or k + 2 >= limit or self.text(k) != "(":
            return None
        m = self.starts.get(k + 1)
        if m is None or self.text(m.end) != ")" or not self.actor_of(m):
            return None
        return m

    def _named_after_short_office(self, j: int, limit: int) -> EntityMention | None:
        """The person named right after a spokesman's short office ("متحدث الخارجية فلان"): one
        or two words of the office (definite or an office modifier), then a person mention."""
        k = j
        while k < limit and k - j < 2 and k not in self.starts and not self.punct[k]:
            norm = self.norms[k]
            if not (norm.startswith("ال") or norm in self.lex.set("title_modifiers")) or norm == "باسم":
                return None
            k += 1
        m = self.starts.get(k)
        if k == j or m is None or self.actor_kind(m.actor_id) != "person":
            return None
        return m

    def _apposition(self, j: int, limit: int) -> tuple[EntityMention | None, int]:
        """'، فلان الفلاني،' or '، وكالة "أعماق"،' right after a noun: the mention in it (if any)
        and the first token after the closing comma; (None, j) when no apposition follows."""
        if j >= limit or self.text(j) not in ("،", ","):
            return None, j
        close = next((k for k in range(j + 1, min(limit, j + 8)) if self.text(k) in ("،", ",")), None)
        if close is None:
            return None, j
        found = next((self.starts[k] for k in range(j + 1, close) if k in self.starts), None)
        return found, close + 1

    def _name_follows(self, j: int, limit: int) -> bool:
        """A name (a mention, or a quote opening one) comes next, past punctuation."""
        while j < limit and self.punct[j] and self.text(j) not in QUOTES:
            j += 1
        return j < limit and (j in self.starts or self.text(j) in QUOTES)

    def organisation_anaphor(self, norm: str, i: int) -> str | None:
        """'الهيئة' -> the last actor named 'هيئة ...' / 'الهيئة ...' before token i;
        'الحركة' -> 'حركة ...'; 'الوزارة' -> 'وزارة ...'."""
        head = norm[2:] if norm.startswith("ال") else norm
        for m in reversed(self.mentions):
            if m.start >= i or m.role != "actor" or m.actor_id is None:
                continue
            if i - m.start > 800:
                break
            first = self.norm(m.start)
            if first.startswith("ال"):
                first = first[2:]
            if first == head:
                return m.actor_id
        return None

    def _naming_phrase(self, j: int, limit: int) -> int | None:
        """End of 'يطلق على نفسه' / 'ما يسمى' starting at j, else None."""
        for phrase in self.naming:
            n = len(phrase)
            if j + n <= limit and tuple(self.norms[j : j + n]) == phrase:
                k = j + n
                while k < limit and (self.space[k] or self.norms[k] == "ب" or self.texts[k] in QUOTES):
                    k += 1  # "ما يسمى بـ«X»": the name itself
                return k
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
