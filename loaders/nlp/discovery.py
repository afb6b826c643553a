"""`kg_actor_discovery`: named actors the gazetteer does not know, found by their frame.

- an organisation head word followed by a name: "حركة X", "كتائب X", "سرايا X", "ألوية X",
  "فصيل X", "تنظيم X", "جماعة X" (kind from `discovery.json`, armed_group for most);
- the body a spokesman speaks for: "المتحدث باسم X" where X starts with such a head or with a
  public-body word ("وزارة", "هيئة", "قيادة" ...);
- a person after an office title: "وزير الدفاع التركي يشار غولر"; a known body inside the title
  ("قائد كتائب حزب الله فلان", "السفير الإيراني في دمشق فلان") or in an apposition after the name
  ("الجنرال فلان، قائد القيادة المركزية") is the body he is a member of.

A name must look like one: it starts right after the head (no article on the head, "التنظيم" is
an anaphor), its first word is not generic ("جماعات مسلحة", "فصيل موال", "حركة المرور"), it is
not made only of common words, and it ends at punctuation, a preposition, a verb, a country
adjective or four words. A name equal to a gazetteer entry is that entry, not a new actor.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from graph.ids import slugify
from loaders.nlp.gazetteer import Gazetteer, mention_from_tokens
from loaders.nlp.lexicon import Lexicon, norm_word
from loaders.nlp.records import DiscoveredActor, DiscoveredPlace, EntityMention, TokenTable

_NOT_BODIES = frozenset({"person", "media"})
_PLACE_KINDS = frozenset({"facility", "base", "district", "city", "site"})
_QUOTES = frozenset({'"', "«", "»", "“", "”"})
_BODY_HEADS = {
    "وزاره": "government",
    "هيئه": "government",
    "مجلس": "government",
    "رئاسه": "government",
    "مديريه": "government",
    "جهاز": "government",
    "دائره": "government",
    "مكتب": "government",
    "محكمه": "government",
    "قياده": "military",
    "سفاره": "diplomatic_mission",
    "قنصليه": "diplomatic_mission",
    "وكاله": "media",
    "قناه": "media",
}


class ActorDiscovery:
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.name = name
        self.gaz = gazetteer
        self.lex = lexicon
        self.group_heads = {norm_word(k): v for k, v in lexicon.discovery["group_heads"].items()}
        self.generic = lexicon.set("generic_names")
        self.stops = lexicon.set("name_stops")
        self.titles = lexicon.set("titles")
        self.modifiers = lexicon.set("title_modifiers")
        self.common = lexicon.words
        self.max_tokens = int(lexicon.discovery.get("max_name_tokens", 4))
        self.place_heads = {norm_word(k): v for k, v in lexicon.discovery["place_heads"].items()}
        self.feminine_heads = frozenset(norm_word(w) for w in lexicon.discovery["feminine_place_heads"])
        # titles of more than one word ("الأمين العام", "المدعي العام") start at their first word
        self.title_phrases = sorted((tuple(w.split()) for w in self.titles if " " in w), key=len, reverse=True)
        firsts = frozenset(phrase[0] for phrase in self.title_phrases)
        self.heads_any = frozenset(self.group_heads) | frozenset(self.place_heads) | self.titles | firsts | {"باسم"}

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[EntityMention] = list(doc._.kg_entities or [])
        cover = [False] * len(doc)
        for m in mentions:
            for i in range(m.start, m.end):
                cover[i] = True
        found: dict[str, DiscoveredActor] = dict(doc._.kg_discovered or {})
        places: dict[str, DiscoveredPlace] = dict(doc._.kg_discovered_places or {})
        t = doc._.kg_tokens
        at = {m.start: m for m in mentions}  # this doc's mentions by first token
        i = 0
        n = len(doc)
        while i < n:
            if cover[i]:
                i += 1
                continue
            if t.norms[i] not in self.heads_any:
                i += 1
                continue
            hit = (
                self._group(t, i, cover)
                or self._spokesman(t, i, cover)
                or self._person(t, i, cover, at)
                or self._place(t, i, cover)
            )
            if hit is None:
                i += 1
                continue
            start, end, kind, name_start = hit
            # '"رجال الوعد"' in quotes is the name itself; otherwise the head word belongs to it
            quoted = [k for k in range(name_start, end) if t.texts[k] in _QUOTES]
            first = quoted[0] + 1 if quoted else name_start
            words = [t.texts[k] for k in range(first, end) if t.texts[k] not in _QUOTES]
            words[0] = words[0][t.clitic_lens[first] :] if t.texts[first] == words[0] else words[0]
            name = " ".join(words)
            entity_id = slugify(name)
            s, e, text = mention_from_tokens(doc, start, end)
            if kind in _PLACE_KINDS:
                places.setdefault(entity_id, DiscoveredPlace(entity_id, name, kind))
                mention = EntityMention(start, end, s, e, text, place_id=entity_id, role="place", source="discovered")
            else:
                actor = found.setdefault(entity_id, DiscoveredActor(entity_id, name, kind))
                if kind == "person":
                    for org in self._affiliations(t, i, start, end, at):
                        if org not in actor.member_of:
                            actor.member_of.append(org)
                mention = EntityMention(start, end, s, e, text, actor_id=entity_id, role="actor", source="discovered")
            mentions.append(mention)
            for k in range(start, end):
                cover[k] = True
            i = end
        mentions.sort(key=lambda m: m.start)
        doc._.kg_entities = mentions
        doc._.kg_discovered = found
        doc._.kg_discovered_places = places
        return doc

    def _name(
        self, t: TokenTable, j: int, cover: list[bool], *, allow_nisba: bool, single_ok: bool = False
    ) -> int | None:
        """End of a name starting at token j, or None when what follows is not a name."""
        n = len(t.norms)
        quoted = j < n and t.texts[j] in ('"', "«", "“")
        if quoted:
            j += 1
        end = j
        definite_seen = False
        while end < n and end - j < self.max_tokens:
            norm = t.norms[end]
            if quoted and t.texts[end] in ('"', "»", "”"):
                return end + 1 if end > j else None
            if t.space[end] or t.punct[end] or norm in self.stops or cover[end] or norm.isdigit():
                break
            if norm in self.lex.speech_verbs or norm in self.lex.triggers:
                break  # "تبنت سرايا X الهجوم": the name ends before the object
            nisba = norm in self.lex.nisba
            if nisba and not allow_nisba:
                break
            if end > j and ((norm in self.generic and not nisba) or t.clitics[end].startswith("و")):
                break
            if definite_seen and not norm.startswith("ال"):
                break
            definite_seen = definite_seen or norm.startswith("ال")
            end += 1
        if end == j:
            return None
        words = t.norms[j:end]
        if words[0] in self.generic or all(w in self.common or w in self.lex.nisba for w in words):
            return None
        if not any(w.startswith("ال") for w in words) and not quoted and len(words) < 2 and not single_ok:
            return None  # "حركة X" needs more than one bare word to be a name
        return end

    def _group(self, t: TokenTable, i: int, cover: list[bool]) -> tuple[int, int, str, int] | None:
        kind = self.group_heads.get(t.norms[i])
        if kind is None:
            return None
        named = self._self_named(t, i + 1)
        if named is not None:
            # "مجموعة تسمي نفسها "X"": the quoted words are the name
            end = self._name(t, named, cover, allow_nisba=True, single_ok=True)
            if end is not None and t.texts[named] in _QUOTES and end - named > 2:
                return named + 1, end - 1, kind, named + 1  # the words inside the quotes
        end = self._name(t, i + 1, cover, allow_nisba=False)
        if end is None:
            return None
        return i, end, kind, i

    def _self_named(self, t: TokenTable, j: int) -> int | None:
        """After 'يسمي نفسه' / 'يطلق على نفسه (اسم)': where the name begins, else None."""
        for phrase in self.lex.naming_phrases:
            n = len(phrase)
            if tuple(t.norms[j : j + n]) == phrase:
                k = j + n
                if k < len(t.norms) and t.norms[k] in ("اسم", "باسم"):
                    k += 1
                return k if k < len(t.norms) else None
        return None

    def _spokesman(self, t: TokenTable, i: int, cover: list[bool]) -> tuple[int, int, str, int] | None:
        norms = t.norms
        if norms[i] != "باسم" or i + 1 >= len(norms) or cover[i + 1]:
            return None
        head = norms[i + 1]
        kind = self.group_heads.get(head) or _BODY_HEADS.get(head)
        if kind is None:
            return None
        end = self._name(t, i + 2, cover, allow_nisba=True)
        if end is None:
            return None
        return i + 1, end, kind, i + 1

    def _place(self, t: TokenTable, i: int, cover: list[bool]) -> tuple[int, int, str, int] | None:
        """'مدرسة إيلاف', 'حي الجادرية': a locality the gazetteer lacks. An adjective agreeing
        with the head ('مدرسة ابتدائية', 'سجن مركزي') is no name."""
        head = t.norms[i]
        kind = self.place_heads.get(head)
        if kind is None:
            return None
        end = self._name(t, i + 1, cover, allow_nisba=False, single_ok=True)
        if end is None or end - (i + 1) > 3:
            return None
        words = t.norms[i + 1 : end]
        if len(words) == 1 and not words[0].startswith("ال"):
            adjective_ending = ("ه", "يه") if head in self.feminine_heads else ("ي",)
            if words[0].endswith(adjective_ending) or words[0] in self.lex.words:
                return None
        return i, end, kind, i

    def _title_end(self, t: TokenTable, i: int, cover: list[bool]) -> int | None:
        """End of the office title starting at token i ("وزير", "الأمين العام"), or None. A title's
        words never reach into a name ("رئيس الحكومة العراقية" is a title and the government)."""
        for phrase in self.title_phrases:
            end = i + len(phrase)
            if tuple(t.norms[i:end]) == phrase and not any(cover[i + 1 : end]):
                return end
        return i + 1 if t.norms[i] in self.titles else None

    def _person(
        self, t: TokenTable, i: int, cover: list[bool], at: dict[int, EntityMention]
    ) -> tuple[int, int, str, int] | None:
        n = len(t.norms)
        title_end = self._title_end(t, i, cover)
        if title_end is None:
            return None
        j = title_end
        portfolio = 0  # definite words naming the office ("وزير النقل", "وزير الموارد المائية")
        while j < n:
            norm = t.norms[j]
            if cover[j]:
                if t.norms[j - 1] != "باسم":
                    if self._org_at(at, j) is None:
                        break
                    j = at[j].end  # "قائد كتائب حزب الله فلان": past the body he serves
                    while j < n and t.norms[j] in self.lex.nisba:
                        j += 1
                    if j + 1 < n and t.norms[j] == "في" and self._place_at(at, j + 1):
                        j = at[j + 1].end  # "السفير الإيراني في دمشق فلان": where he serves
                    break
                while j < n and cover[j]:
                    j += 1  # "الناطق باسم الحكومة التركية فلان الفلاني": past the body
                while j < n and t.norms[j] in self.lex.nisba:
                    j += 1
                break
            if norm == "في" and j > i + 1 and t.norms[j - 1] in self.lex.nisba and self._place_at(at, j + 1):
                j = at[j + 1].end  # "السفير الإيراني في دمشق فلان": where he serves
                break
            if norm in self.modifiers or norm in self.lex.nisba:
                j += 1
            elif norm.startswith("ال") and portfolio < 2 and norm not in self.common and not t.punct[j]:
                j += 1
                portfolio += 1
            else:
                break
        if j >= n or cover[j] or t.norms[j].startswith("ال"):
            return None
        end = j
        while end < n and end - j < 3:
            norm = t.norms[end]
            if (
                t.space[end]
                or t.punct[end]
                or norm in self.stops
                or cover[end]
                or norm.isdigit()
                or norm in self.common
                or norm in self.lex.nisba
                or norm in self.lex.speech_verbs
                or norm in self.lex.triggers
                or norm in self.titles
                or norm in self.modifiers
            ):
                break
            end += 1
        if end - j < 2 or t.clitics[j] or all(w.startswith("ال") for w in t.norms[j:end]):
            return None  # a name has no preposition on it and is not all definite nouns
        return j, end, "person", j

    def _org_at(self, at: dict[int, EntityMention], k: int) -> str | None:
        """The body (not a person, not a place) a gazetteer mention at token k names."""
        m = at.get(k)
        if m is None or m.role != "actor" or not m.actor_id:
            return None
        entry = self.gaz.actors.get(m.actor_id)
        if entry is None or entry.get("kind") in _NOT_BODIES:
            return None
        return m.actor_id

    def _place_at(self, at: dict[int, EntityMention], k: int) -> bool:
        m = at.get(k)
        return m is not None and bool(m.place_id or (m.actor_id and m.actor_id in self.gaz.places))

    def _affiliations(self, t: TokenTable, i: int, start: int, end: int, at: dict[int, EntityMention]) -> list[str]:
        """The bodies a discovered person belongs to: the one inside his title ("قائد كتائب X
        فلان") or in an apposition after his name ("الجنرال فلان، قائد القيادة المركزية")."""
        found = [org for k in range(i + 1, start) if (org := self._org_at(at, k)) is not None]
        n = len(t.norms)
        if end + 1 < n and t.texts[end] in ("،", ","):
            k = end + 1
            if t.norms[k] in self.titles:
                k += 1
                while k < n and k - end < 5 and (t.norms[k] in self.modifiers or t.norms[k] in self.lex.nisba):
                    k += 1
                org = self._org_at(at, k)
                if org is not None:
                    found.append(org)
        return found


@Language.factory(
    "kg_actor_discovery",
    assigns=["doc._.kg_entities", "doc._.kg_discovered", "doc._.kg_discovered_places"],
    requires=["doc._.kg_entities", "token.norm"],
    default_config={"gazetteer": {"@misc": "kg.gazetteer.v1"}, "lexicon": {"@misc": "kg.lexicon.v1"}},
)
def make_actor_discovery(nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> ActorDiscovery:
    return ActorDiscovery(nlp, name, gazetteer, lexicon)
