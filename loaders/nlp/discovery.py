"""`kg_actor_discovery`: named actors and localities the gazetteer does not know, found by their frame.

- an organisation head word followed by a name: "حركة X", "كتائب X", "سرايا X", "ألوية X",
  "فصيل X", "تنظيم X", "جماعة X" (kind from `discovery.json`, armed_group for most);
- the body a spokesman speaks for: "المتحدث باسم X" where X starts with such a head or with a
  public-body word ("وزارة", "هيئة", "قيادة" ...);
- a person next to an office title:
  - after it: "وزير الدفاع التركي يشار غولر", "رئيس حزب X فلان" (the party is a body of its own),
    "المندوب الإيراني الدائم لدى الأمم المتحدة فلان";
  - after it in apposition, between commas, past a bracketed short name and a rank:
    "المتحدث باسم الحركة، فلان الفلاني،", "المتحدث باسم القيادة المركزية (سنتكوم)، الكولونيل فلان";
  - before it, right after the verb: "أدان فلان الفلاني الأمين العام لجامعة الدول العربية";
  a known or discovered body inside the title ("قائد كتائب حزب الله فلان", "السفير الإيراني في
  دمشق فلان") or in an apposition after the name ("الجنرال فلان، قائد القيادة المركزية") is the
  body he is a member of; his surname alone later in the report is the same person;
- a locality after a place head: "مدرسة X", "قرية X", "منطقة X", "مستوطنة X", "ميناء X"; a dual
  head names two: "بلدتي X وY".

A name must look like one: it starts right after the head (no article on the head, "التنظيم" is
an anaphor), its first word is not generic ("جماعات مسلحة", "فصيل موال", "حركة المرور"), it is
not made only of common words, and it ends at punctuation, a preposition, a verb, a country
adjective, a date word, an ownership word ("التابعة"), an adjective agreeing with a place head
("مدينة X الساحلية") or four words. A name equal to a gazetteer entry is that entry, not a new actor.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from core.taxonomy import PLACE_KINDS
from core.text import MARKS, written_name
from graph.ids import slugify
from loaders import dates as dates_module
from loaders.nlp.gazetteer import Gazetteer, mention_from_tokens
from loaders.nlp.lexicon import Lexicon, norm_word
from loaders.nlp.records import DiscoveredActor, DiscoveredPlace, EntityMention, TokenTable, token_table

_NOT_BODIES = frozenset({"person", "media"})
_PLACE_KINDS = frozenset(PLACE_KINDS)
_QUOTES = frozenset({'"', "«", "»", "“", "”"})
_OPEN_QUOTES = ('"', "«", "“")
_CLOSE_QUOTES = ('"', "»", "”")
_COMMAS = ("،", ",")
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
    "حكومه": "government",
}
# month and weekday names and the relative date words (loaders/data/nlp/dates.json): a name never
# runs into them ("الكولونيل فلان الفلاني الأربعاء")
_DATE_WORDS = frozenset(
    norm_word(w)
    for w in [
        *dates_module.WORDS["month_words"],
        *dates_module.WORDS["weekdays"],
        *dates_module.WORDS["relative_words"],
    ]
)
_MAX_PERSON_WORDS = 4
_PRONOUN_ENDINGS = ("ها", "هم", "هما", "كم")
# words that join the parts of one personal name ("عبد الله", "أبو الغيط", "بن سلمان")
_NAME_LINKS = frozenset(norm_word(w) for w in ("عبد", "أبو", "أبي", "بن", "ابن", "آل", "بنت"))


def _definite(t: TokenTable, k: int) -> bool:
    """Whether token k carries the article. The article is written with a bare alef: "أليكسوس",
    "إلهام" and "ألتين" fold to "ال..." but begin with a hamza, so they are names, not definite."""
    if not t.norms[k].startswith("ال"):
        return False
    written = MARKS.sub("", t.texts[k])[t.clitic_lens[k] :]
    return written.startswith("ال") or not written.startswith(("أ", "إ", "آ"))


def _cut_off(t: TokenTable, end: int) -> bool:
    """Whether a name ending before token `end` runs to the end of a text that stops without
    punctuation: a copy cut in the middle of a word ("... قاعدة عين الأس")."""
    following = next((k for k in range(end, len(t.texts)) if not t.space[k]), None)
    return following is None and end > 0 and not t.punct[end - 1]


@dataclass(frozen=True)
class Hit:
    """One name found: its tokens, what it names, and where the name proper starts."""

    start: int
    end: int
    kind: str
    name_start: int
    # a person's office (title, portfolio, body) as a token range: bodies named in it are his
    office: tuple[int, int] | None = None
    # the first name word carries a letter that looks like a conjunction ("فاتح", "وليد")
    whole_first_word: bool = False


class ActorDiscovery:
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.name = name
        self.gaz = gazetteer
        self.lex = lexicon
        self.group_heads = {norm_word(k): v for k, v in lexicon.discovery["group_heads"].items()}
        self.generic = lexicon.set("generic_names")
        self.stops = lexicon.set("name_stops")
        self.titles = lexicon.set("titles")
        self.ranks = frozenset(w for w in lexicon.set("ranks") if " " not in w)
        self.modifiers = lexicon.set("title_modifiers")
        self.office_prepositions = lexicon.set("office_prepositions")
        self.accredited = lexicon.set("accredited_prepositions")
        self.ownership = lexicon.set("ownership_words")
        self.name_homographs = lexicon.set("name_homographs")
        self.common = lexicon.words
        self.max_tokens = int(lexicon.discovery.get("max_name_tokens", 4))
        self.place_heads = {norm_word(k): v for k, v in lexicon.discovery["place_heads"].items()}
        self.dual_place_heads = {norm_word(k): v for k, v in lexicon.discovery.get("dual_place_heads", {}).items()}
        self.bare_name_heads = frozenset(norm_word(w) for w in lexicon.discovery.get("bare_name_place_heads", []))
        self.class_heads = frozenset(norm_word(w) for w in lexicon.discovery.get("class_place_heads", []))
        self.identifying = frozenset(norm_word(w) for w in lexicon.discovery.get("identifying_pronouns", []))
        self.people_words = frozenset(
            w[2:] if w.startswith("ال") else w
            for key in ("people", "dual_people", "single_people", "military_people", "killed")
            for w in lexicon.set(key)
        )
        self.feminine_heads = frozenset(norm_word(w) for w in lexicon.discovery["feminine_place_heads"])
        # titles of more than one word ("الأمين العام", "المدعي العام") start at their first word
        self.title_phrases = sorted((tuple(w.split()) for w in self.titles if " " in w), key=len, reverse=True)
        firsts = frozenset(phrase[0] for phrase in self.title_phrases)
        self.heads_any = (
            frozenset(self.group_heads)
            | frozenset(self.place_heads)
            | frozenset(self.dual_place_heads)
            | self.titles
            | self.ranks
            | firsts
            | self.identifying
            | {"باسم"}
        )

    def __call__(self, doc: Doc) -> Doc:
        mentions: list[EntityMention] = list(doc._.kg_entities or [])
        cover = [False] * len(doc)
        for m in mentions:
            for i in range(m.start, m.end):
                cover[i] = True
        found: dict[str, DiscoveredActor] = dict(doc._.kg_discovered or {})
        places: dict[str, DiscoveredPlace] = dict(doc._.kg_discovered_places or {})
        t = token_table(doc)
        at = {m.start: m for m in mentions}  # this doc's mentions by first token
        sent_starts = {s for s, _ in (doc._.kg_sents or [])}
        persons: list[tuple[str, int, int]] = []  # (id, first, last token of the name)
        i = 0
        n = len(doc)
        while i < n:
            if (cover[i] and t.norms[i] not in self.dual_place_heads) or t.norms[i] not in self.heads_any:
                i += 1
                continue
            if cover[i]:  # "بلدتي X وY" where the gazetteer knows "بلدتي X": Y may be new
                hits = self._dual_place(t, i, cover)
            else:
                hits = (
                    self._group(t, i, cover)
                    or self._spokesman(t, i, cover)
                    or self._person(t, i, cover, at, found, sent_starts)
                    or self._dual_place(t, i, cover)
                    or self._place(t, i, cover)
                    or self._identified(t, i, cover, sent_starts)
                )
            if not hits:
                i += 1
                continue
            for hit in hits:
                name = self._name_text(t, hit)
                entity_id = slugify(name)
                # a surname the gazetteer knows alone ("الفلاني") inside a fuller name gives way to it
                mentions = [m for m in mentions if m.end <= hit.start or m.start >= hit.end]
                s, e, text = (
                    t.span_text(hit.start, hit.end)
                    if hit.whole_first_word
                    else mention_from_tokens(doc, hit.start, hit.end)
                )
                if hit.kind in _PLACE_KINDS:
                    places.setdefault(entity_id, DiscoveredPlace(entity_id, name, hit.kind))
                    mention = EntityMention(
                        hit.start, hit.end, s, e, text, place_id=entity_id, role="place", source="discovered"
                    )
                else:
                    actor = found.setdefault(entity_id, DiscoveredActor(entity_id, name, hit.kind))
                    if hit.kind == "person":
                        for org in self._affiliations(t, hit, at, found):
                            if org not in actor.member_of:
                                actor.member_of.append(org)
                        persons.append((entity_id, hit.name_start, hit.end - 1))
                    mention = EntityMention(
                        hit.start, hit.end, s, e, text, actor_id=entity_id, role="actor", source="discovered"
                    )
                mentions.append(mention)
                at[hit.start] = mention
                for k in range(hit.start, hit.end):
                    cover[k] = True
            i = max(i + 1, *(hit.end for hit in hits))
        mentions = self._surnames(doc, t, mentions, persons, found)
        mentions.sort(key=lambda m: m.start)
        doc._.kg_entities = mentions
        doc._.kg_discovered = found
        doc._.kg_discovered_places = places
        return doc

    @staticmethod
    def _name_text(t: TokenTable, hit: Hit) -> str:
        """The name as written: '"رجال الوعد"' in quotes is the name itself; otherwise the head word
        belongs to it; the first word loses its clitic ("لحزب X" -> "حزب X")."""
        quoted = [k for k in range(hit.name_start, hit.end) if t.texts[k] in _QUOTES]
        first = quoted[0] + 1 if quoted else hit.name_start
        words = [t.texts[k] for k in range(first, hit.end) if t.texts[k] not in _QUOTES]
        if t.texts[first] == words[0] and not hit.whole_first_word:
            words[0] = words[0][t.clitic_lens[first] :]
        return written_name(" ".join(words))

    # --- names of bodies and places

    def _name(
        self,
        t: TokenTable,
        j: int,
        cover: list[bool],
        *,
        allow_nisba: bool,
        single_ok: bool = False,
        place_head: str | None = None,
    ) -> int | None:
        """End of a name starting at token j, or None when what follows is not a name. After a
        place head, an adjective agreeing with the head ends the name ("مدينة X الساحلية")."""
        n = len(t.norms)
        quoted = j < n and t.texts[j] in _OPEN_QUOTES
        if quoted:
            j += 1
        end = j
        definite_seen = False
        while end < n and end - j < self.max_tokens:
            norm = t.norms[end]
            if quoted and t.texts[end] in _CLOSE_QUOTES:
                return end + 1 if end > j and len(norm_word(t.texts[end - 1])) > 1 else None
            if t.space[end] or t.punct[end] or norm in self.stops or cover[end] or norm.isdigit():
                break
            if norm in self.lex.speech_verbs or norm in self.lex.triggers:
                break  # "تبنت سرايا X الهجوم": the name ends before the object
            if norm in self.ownership or norm in _DATE_WORDS:
                break  # "قرية X التابعة لقضاء Y", "... X الأربعاء"
            nisba = norm in self.lex.nisba
            if nisba and not allow_nisba:
                break
            if end > j and ((norm in self.generic and not nisba) or t.clitics[end]):
                break  # "قوات خاصة لدعم", "X وY": a preposition or a conjunction ends the name
            if end > j and place_head is not None and self._agrees_with_head(norm, place_head):
                break
            if definite_seen and not _definite(t, end) and not quoted:
                break
            definite_seen = definite_seen or _definite(t, end)
            end += 1
        if end == j:
            return None
        words = t.norms[j:end]
        if words[0] in self.generic or all(w in self.common or w in self.lex.nisba for w in words):
            return None
        if len(norm_word(t.texts[end - 1])) < 2 or _cut_off(t, end):
            return None  # a word cut off where the text ends ("قاعدة ع", "قاعدة عين الأس")
        if not any(w.startswith("ال") for w in words) and len(words) < 2 and not single_ok:
            return None  # "حركة X" needs more than one bare word to be a name
        return end

    def _agrees_with_head(self, norm: str, head: str) -> bool:
        """A definite adjective after the name agreeing with its head: 'مدينة X الساحلية'."""
        if not norm.startswith("ال") or len(norm) < 6:
            return False
        return norm.endswith("يه") if head in self.feminine_heads else norm.endswith("ي")

    def _group(self, t: TokenTable, i: int, cover: list[bool], *, single_ok: bool = False) -> list[Hit] | None:
        kind = self.group_heads.get(t.norms[i])
        if kind is None:
            return None
        named = self._self_named(t, i + 1)
        if named is not None:
            # "مجموعة تسمي نفسها "X"": the quoted words are the name
            end = self._name(t, named, cover, allow_nisba=True, single_ok=True)
            if end is not None and t.texts[named] in _QUOTES and end - named > 2:
                return [Hit(named + 1, end - 1, kind, named + 1)]  # the words inside the quotes
        end = self._name(t, i + 1, cover, allow_nisba=False, single_ok=single_ok)
        if end is None:
            return None
        return [Hit(i, end, kind, i)]

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

    def _spokesman(self, t: TokenTable, i: int, cover: list[bool]) -> list[Hit] | None:
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
        return [Hit(i + 1, end, kind, i + 1)]

    def _place(self, t: TokenTable, i: int, cover: list[bool]) -> list[Hit] | None:
        """'مدرسة إيلاف', 'حي الجادرية': a locality the gazetteer lacks. An adjective agreeing
        with the head ('مدرسة ابتدائية', 'سجن مركزي') is no name."""
        head = t.norms[i]
        kind = self.place_heads.get(head)
        if kind is None:
            return None
        end = self._locality(t, i + 1, cover, head)
        if end is None:
            return None
        return [Hit(i, end, kind, i + 1 if head in self.class_heads else i)]

    def _locality(self, t: TokenTable, j: int, cover: list[bool], head: str) -> int | None:
        """End of the name of a locality after its head word at j - 1, or None."""
        end = self._name(t, j, cover, allow_nisba=False, single_ok=True, place_head=head)
        words = [] if end is None else [t.norms[k] for k in range(j, end) if t.texts[k] not in _QUOTES]
        if end is None or len(words) > 3:
            return None
        if head in self.bare_name_heads and words[0].startswith("ال"):
            return None  # "مديرية سنحان" is a district, "مديرية الأمن" an office
        if self._runs_into_name(t, end, cover):
            return None  # "منطقة خليج إيلات": a compound running into a known name, not a new place
        if len(words) == 1 and not words[0].startswith("ال"):
            adjective_ending = ("ه", "يه") if head in self.feminine_heads else ("ي",)
            if words[0].endswith(adjective_ending) or words[0] in self.lex.words:
                return None
        return end

    def _runs_into_name(self, t: TokenTable, end: int, cover: list[bool]) -> bool:
        """Whether a known name follows a name directly, as the second term of a compound: no
        punctuation, preposition, direction word ("جنوب لبنان") or quote between them."""
        if end >= len(cover) or not cover[end] or end == 0 or t.texts[end - 1] in _QUOTES:
            return False
        return not (t.clitics[end] or t.punct[end] or t.norms[end] in self.stops)

    def _dual_place(self, t: TokenTable, i: int, cover: list[bool]) -> list[Hit] | None:
        """'بلدتي X وY': a dual head names two localities joined by و."""
        kind = self.dual_place_heads.get(t.norms[i])
        if kind is None:
            return None
        head = t.norms[i][:-1] + "ه"  # "بلدتي" agrees as "بلده"
        known = cover[i] or (i + 1 < len(cover) and cover[i + 1])
        if known:  # the first is a known place ("بلدتي كفركلا والخيام"): past its name
            first = next((k for k in range(i + 1, len(cover)) if not cover[k]), len(cover))
        else:
            first = self._locality(t, i + 1, cover, head)
        if first is None or first >= len(cover) or not t.clitics[first].startswith("و") or cover[first]:
            return None
        second = self._locality(t, first, cover, head)
        if second is None:
            return None
        return ([] if known else [Hit(i + 1, first, kind, i + 1)]) + [Hit(first, second, kind, first)]

    # --- persons

    def _title_end(self, t: TokenTable, i: int, cover: list[bool]) -> int | None:
        """End of the office title starting at token i ("وزير", "الأمين العام"), or None. A title's
        words never reach into a name ("رئيس الحكومة العراقية" is a title and the government)."""
        for phrase in self.title_phrases:
            end = i + len(phrase)
            if tuple(t.norms[i:end]) == phrase and not any(cover[i + 1 : end]):
                return end
        return i + 1 if t.norms[i] in self.titles or t.norms[i] in self.ranks else None

    def _person(
        self,
        t: TokenTable,
        i: int,
        cover: list[bool],
        at: dict[int, EntityMention],
        found: dict[str, DiscoveredActor],
        sent_starts: set[int],
    ) -> list[Hit] | None:
        title_end = self._title_end(t, i, cover)
        if title_end is None:
            return None
        bodies: list[Hit] = []
        j = self._office_end(t, i, title_end, cover, at, bodies)
        taken = {k for b in bodies for k in range(b.start, b.end)}
        free = [c or k in taken for k, c in enumerate(cover)] if taken else cover
        after = self._name_after_office(t, j, free, at)
        if after is not None:
            start, end, whole = after
            return [*bodies, Hit(start, end, "person", start, (i, start), whole)]
        if j > title_end and t.norms[i].startswith("ال"):
            before = self._name_before_title(t, i, free, sent_starts)
            if before is not None:
                start, whole = before
                return [*bodies, Hit(start, i, "person", start, (i, j), whole)]
        return bodies or None

    def _office_end(
        self,
        t: TokenTable,
        i: int,
        j: int,
        cover: list[bool],
        at: dict[int, EntityMention],
        bodies: list[Hit],
    ) -> int:
        """Past the words of an office after its title at i (portfolio, country adjective, the body
        and where he serves); bodies the gazetteer lacks ("رئيس حزب X") are added to `bodies`."""
        n = len(t.norms)
        portfolio = 0  # definite words naming the office ("وزير النقل", "وزير الموارد المائية")
        while j < n:
            norm = t.norms[j]
            if cover[j]:
                if t.norms[j - 1] != "باسم":
                    if self._org_at(at, j) is None and not self._place_at(at, j):
                        break
                    j = at[j].end  # "قائد كتائب حزب الله فلان": past the body he serves
                    while j < n and t.norms[j] in self.lex.nisba:
                        j += 1
                    if j + 1 < n and t.norms[j] in self.office_prepositions and self._place_at(at, j + 1):
                        j = at[j + 1].end  # "السفير الإيراني في دمشق فلان": where he serves
                    break
                while j < n and cover[j]:
                    j += 1  # "الناطق باسم الحكومة التركية فلان الفلاني": past the body
                while j < n and t.norms[j] in self.lex.nisba:
                    j += 1
                break
            if norm in self.office_prepositions and j > i + 1 and j + 2 < n:
                k = j + 1
                if not cover[k] and (t.norms[k] in _BODY_HEADS or t.norms[k] in self.group_heads):
                    k += 1  # "في حكومة الحوثيين": the body named by its people
                if cover[k] and k in at and (self._place_at(at, k) or self._org_at(at, k)):
                    j = at[k].end  # "في دمشق", "لدى الأمم المتحدة": where he serves
                    continue
                break
            if t.clitics[j] in ("", "ل") and norm in self.group_heads and t.texts[j - 1] not in _QUOTES:
                # "رئيس حزب الحرية الكردستاني فلان", "الأمين العام لحزب X، فلان": the party he leads
                hit = self._group(t, j, cover, single_ok=True)
                if hit is not None:
                    bodies.extend(hit)
                    j = hit[-1].end
                    while j < n and t.norms[j] in self.lex.nisba:
                        j += 1
                break
            if norm == "باسم" and j + 1 < n and not cover[j + 1]:
                hit = self._spokesman(t, j, cover)
                if hit is not None:  # "المتحدث باسم مديرية X": the body he speaks for
                    bodies.extend(hit)
                    j = hit[-1].end
                    while j < n and t.norms[j] in self.lex.nisba:
                        j += 1
                    break
            if norm in self.modifiers or norm in self.lex.nisba:
                j += 1
            elif norm in self.titles and not norm.startswith("ال") and t.norms[j - 1] in self.titles:
                j += 1  # "نائب وزير الخارجية", "نائب رئيس المجلس": an office of an office
            elif norm.startswith("ال") and portfolio < 2 and norm not in self.common and not t.punct[j]:
                j += 1
                portfolio += 1
            else:
                break
        return j

    def _name_after_office(
        self, t: TokenTable, j: int, cover: list[bool], at: dict[int, EntityMention]
    ) -> tuple[int, int, bool] | None:
        """(start, end, first word whole) of a person's name after his office, or None. The name
        may follow a bracketed short name of the body, a comma and a rank: "(سنتكوم)، الكولونيل
        فلان"; after a comma it is an apposition, closed by a comma or a date word."""
        n = len(t.norms)
        if j < n and t.texts[j] == "(":
            close = next((k for k in range(j + 1, min(n, j + 6)) if t.texts[k] == ")"), None)
            if close is None:
                return None
            j = close + 1
        apposed = j < n and t.texts[j] in _COMMAS
        if apposed:
            j += 1
        ranked = False
        while j < n and (t.norms[j] in self.ranks or t.norms[j] in self.titles) and not cover[j]:
            j += 1
            ranked = True
        end, whole = self._person_name(t, j, cover, at)
        if end is None:
            return None
        if apposed and not ranked and not self._closes_apposition(t, end):
            return None  # "المتحدث باسم الوزارة، فلان" must close: ", فلان،"
        return j, end, whole

    def _closes_apposition(self, t: TokenTable, end: int) -> bool:
        return end >= len(t.norms) or t.texts[end] in (*_COMMAS, ")", ".") or t.norms[end] in _DATE_WORDS

    def _name_before_title(
        self, t: TokenTable, i: int, cover: list[bool], sent_starts: set[int]
    ) -> tuple[int, bool] | None:
        """(start, first word whole) of a name written between a verb and the definite title
        after it ("أدان فلان الفلاني الأمين العام لجامعة الدول العربية"), or None."""
        for length in range(2, _MAX_PERSON_WORDS + 2):
            start = i - length
            if start < 0 or any(k in sent_starts for k in range(start + 1, i + 1)):
                break
            before = start - 1
            verb = self.lex.speech_verbs.get(t.norms[before]) if before >= 0 else None
            licensed = start in sent_starts or (verb is not None and not verb.participle)
            if not licensed:
                continue
            end, whole = self._person_name(t, start, cover, {})
            if end == i:
                return start, whole
        return None

    def _identified(self, t: TokenTable, i: int, cover: list[bool], sent_starts: set[int]) -> list[Hit] | None:
        """People of the sentence named in a list after 'هما' / 'هم': "القتيلان هما فلان الفلاني،
        وفلان الفلاني". A people or casualty word must come before the pronoun in the sentence,
        and at least two names follow it ("الجنود هم أبطال الوطن" names nobody)."""
        start = next((k for k in range(i, -1, -1) if k in sent_starts), 0)
        if not any(
            (t.norms[k][2:] if t.norms[k].startswith("ال") else t.norms[k]) in self.people_words
            for k in range(start, i)
        ):
            return None
        n = len(t.norms)
        hits: list[Hit] = []
        j = i + 1
        while j < n:
            joined = bool(hits)
            if joined:  # "، وفلان", "، و فلان", "وفلان": the next name of the list
                while j < n and (t.texts[j] in _COMMAS or t.norms[j] == "و" or t.space[j]):
                    j += 1
            end, whole = self._person_name(t, j, cover, {}, joined=joined)
            if end is None:
                break
            hits.append(Hit(j, end, "person", j, None, whole))
            j = end
            if not (j < n and (t.texts[j] in _COMMAS or t.norms[j] == "و" or t.clitics[j].startswith("و"))):
                break
        return hits if len(hits) >= 2 else None  # a list: one "name" after "هم" is mostly a noun phrase

    def _person_name(
        self, t: TokenTable, j: int, cover: list[bool], at: dict[int, EntityMention], *, joined: bool = False
    ) -> tuple[int | None, bool]:
        """(end, first word whole) of a personal name of two to four words starting at j; `joined`:
        a و on its first word is the conjunction of a list, not part of the name."""
        n = len(t.norms)
        if j >= n or not self._name_word(t, j, first=True, cover=cover):
            return None, False
        # only a conjunction-like letter can be here: part of the name ("فاتح"), unless in a list
        whole = bool(t.clitics[j]) and not joined
        end = j + 1
        limit = j + _MAX_PERSON_WORDS
        while end < n and end < limit:
            if cover[end] and not self._surname_mention(at, end):
                break
            if not cover[end] and not self._name_word(t, end, first=False, cover=cover):
                break
            if end - j >= 3 and _definite(t, end):
                break  # a fourth word only bare ("محمد هادي حاجي رحيمي"), not the object after a name
            if t.norms[end] in _NAME_LINKS:
                limit = min(limit + 1, j + _MAX_PERSON_WORDS + 1)  # "محمد عبد الله الفلاني"
            end += 1
        while end - j > 1 and t.norms[end - 1] in _NAME_LINKS:
            end -= 1
        if end - j < 2 or all(_definite(t, k) for k in range(j, end)):
            return None, False  # a name is not one word, nor all definite nouns
        if len(norm_word(t.texts[end - 1])) < 2 or _cut_off(t, end):
            return None, False  # cut off where the text ends
        return end, whole

    def _name_word(self, t: TokenTable, k: int, *, first: bool, cover: list[bool]) -> bool:
        """Whether token k can be a word of a personal name."""
        norm = t.norms[k]
        if cover[k] or t.space[k] or t.punct[k] or not norm or norm.isdigit() or not norm[0].isalpha():
            return False
        if written_name(t.texts[k]) in self.name_homographs:
            return True  # "علي" with its dotted ya is the name, "على" the preposition
        clitic = t.clitics[k]
        if clitic and (not first or clitic not in ("و", "ف")):
            return False  # "بفلان", "وفلان": a preposition or a second name
        if first and _definite(t, k):
            return False
        if len(norm) > 3 and norm.endswith(_PRONOUN_ENDINGS):
            return False  # "عزمها": a noun with a pronoun, not a name ("مها" is one)
        if norm in self.common and norm_word(t.texts[k]) not in self.name_homographs:
            return False
        return not (
            norm in self.stops
            or norm in _DATE_WORDS
            or norm in self.generic
            or norm in self.lex.nisba
            or norm in self.lex.speech_verbs
            or norm in self.lex.triggers
            or norm in self.titles
            or norm in self.ranks
            or norm in self.modifiers
            or norm in self.ownership
            or norm in self.group_heads
            or norm in self.place_heads
        )

    def _surname_mention(self, at: dict[int, EntityMention], k: int) -> bool:
        """A gazetteer person known by one word here ("الفلاني"): a fuller name may include it."""
        m = at.get(k)
        if m is None or m.end != k + 1 or not m.actor_id:
            return False
        entry = self.gaz.actors.get(m.actor_id)
        return entry is not None and entry.get("kind") == "person"

    def _surnames(
        self,
        doc: Doc,
        t: TokenTable,
        mentions: list[EntityMention],
        persons: list[tuple[str, int, int]],
        found: dict[str, DiscoveredActor],
    ) -> list[EntityMention]:
        """A discovered person's surname alone elsewhere in the report ("ووصف الفلاني") is him."""
        surnames: dict[str, str] = {}
        for pid, first, last in persons:
            word = norm_word(t.texts[last]) if last != first else ""
            if len(word) >= 3 and word not in self.common and word not in self.generic:
                surnames.setdefault(word, pid)
        if not surnames:
            return mentions
        by_token: dict[int, EntityMention] = {}
        for m in mentions:
            for k in range(m.start, m.end):
                by_token[k] = m
        out = list(mentions)
        for k, norm in enumerate(t.norms):
            pid = surnames.get(norm) or surnames.get(norm_word(t.texts[k]))
            if pid is None:
                continue
            covering = by_token.get(k)
            if covering is not None:
                # the gazetteer's one-word surname of someone else: within this report, him
                if not (covering.end == k + 1 and covering.start == k and self._surname_mention({k: covering}, k)):
                    continue
                out.remove(covering)
            s, e, text = mention_from_tokens(doc, k, k + 1)
            mention = EntityMention(k, k + 1, s, e, text, actor_id=pid, role="actor", source="discovered")
            out.append(mention)
            by_token[k] = mention
        return out

    def _org_at(
        self, at: dict[int, EntityMention], k: int, found: dict[str, DiscoveredActor] | None = None
    ) -> str | None:
        """The body (not a person, not a place) a gazetteer or discovered mention at token k names."""
        m = at.get(k)
        if m is None or m.role != "actor" or not m.actor_id:
            return None
        entry = self.gaz.actors.get(m.actor_id)
        if entry is None and found is not None and m.actor_id in found:
            return None if found[m.actor_id].kind in _NOT_BODIES else m.actor_id
        if entry is None or entry.get("kind") in _NOT_BODIES:
            return None
        return m.actor_id

    def _place_at(self, at: dict[int, EntityMention], k: int) -> bool:
        m = at.get(k)
        return m is not None and bool(m.place_id or (m.actor_id and m.actor_id in self.gaz.places))

    def _affiliations(
        self, t: TokenTable, hit: Hit, at: dict[int, EntityMention], found: dict[str, DiscoveredActor]
    ) -> list[str]:
        """The bodies a discovered person belongs to: the one inside his office ("قائد كتائب X
        فلان", "فلان الأمين العام لحزب X") or in an apposition after his name ("الجنرال فلان،
        قائد القيادة المركزية")."""
        office_start, office_end = hit.office or (hit.start, hit.start)
        found_orgs = [
            org
            for k in range(office_start + 1, office_end)
            if (org := self._org_at(at, k, found)) is not None and t.norms[k - 1] not in self.accredited
        ]
        n = len(t.norms)
        end = hit.end
        if end + 1 < n and t.texts[end] in _COMMAS:
            k = end + 1
            if t.norms[k] in self.titles:
                k += 1
                while k < n and k - end < 5 and (t.norms[k] in self.modifiers or t.norms[k] in self.lex.nisba):
                    k += 1
                org = self._org_at(at, k, found)
                if org is not None:
                    found_orgs.append(org)
        return found_orgs


@Language.factory(
    "kg_actor_discovery",
    assigns=["doc._.kg_entities", "doc._.kg_discovered", "doc._.kg_discovered_places"],
    requires=["doc._.kg_entities", "token.norm"],
    default_config={"gazetteer": {"@misc": "kg.gazetteer.v1"}, "lexicon": {"@misc": "kg.lexicon.v1"}},
)
def make_actor_discovery(nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> ActorDiscovery:
    return ActorDiscovery(nlp, name, gazetteer, lexicon)
