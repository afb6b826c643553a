"""The gazetteer: known actors and places, the span-ruler patterns built from them, and the
component that turns raw matches into actor and place mentions.

Data lives in `loaders/data/gazetteer/*.jsonl` plus any directories in `KG_GAZETTEER_DIRS`
(":"-separated; a later entry with the same id overrides an earlier one). Whether a line is an
actor or a place follows from its `kind` (the two kind vocabularies are disjoint).

`kg_entity_resolver` runs after the span ruler (which matches every surface form on
`token.norm_`) and decides:
- longest match wins ("القنصلية التركية في أربيل" is the consulate, not Erbil);
- a name that is both a state and a country plays a place after a locative preposition ("في
  العراق", "بالعراق", "وسوريا" coordinated with a place) and an actor otherwise ("موالية لإيران");
- a country adjective after an agent noun names the state ("القصف الإسرائيلي" -> Israel) and after
  a territorial noun the country ("الأراضي العراقية" -> Iraq);
- an office title alone ("وزير الخارجية التركي") is its holder on the publication date, when the
  gazetteer records tenures; followed by a name (past a country adjective or "السابق"), the name
  is the mention, and "السابق" is never the current holder;
- after "إلى"/"من", a country is no place when the words before make it a party ("إسناد التفجير
  إلى تركيا", "تعليمات من إيران"), and a capital opening a clause after "أن" is its state;
- armed groups named by their patron ("مجموعات مسلحة مرتبطة بإيران") are the gazetteer's
  collective whose Arabic name has that form ("الفصائل الموالية لإيران");
- a region named after its country ("شمال العراق") also places the country;
- "البحرين" followed by a sea's adjective ("البحرين الأحمر والعربي") is the dual of "بحر", not Bahrain;
- a facility named by its kind alone ("المطار الدولي") is the one of that kind in the place named
  just before it;
- a place name that is also a common word (an entry's `ar_homographs`, "الخيام") is read as the
  place only in a place reading next to another place of its region.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from core.errors import ConfigError
from core.taxonomy import ACTOR_KINDS, PLACE_KINDS, PLACE_RANK, UNRANKED
from loaders.nlp.lexicon import DATA_DIR, Lexicon, norm_word
from loaders.nlp.records import EntityMention, TokenTable, token_table

DEFAULT_DIR = Path(__file__).resolve().parent.parent / "data" / "gazetteer"
ENV_DIRS = "KG_GAZETTEER_DIRS"
RULER_KEY = "kg_gazetteer"


@dataclass
class Gazetteer:
    """Actors and places by id, with name and hierarchy lookups."""

    actors: dict[str, dict] = field(default_factory=dict)
    places: dict[str, dict] = field(default_factory=dict)
    sources: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        self._by_name: dict[str, list[tuple[str, str]]] = {}
        for kind, table in (("actor", self.actors), ("place", self.places)):
            for eid, entry in table.items():
                for surface in self.surfaces(entry):
                    self._by_name.setdefault(norm_word(surface), []).append((kind, eid))
        # every table is built here, once: extraction only reads the gazetteer, so threads can share it
        self._media: dict[str, str] = {}
        self._governments: dict[str, str] = {}
        # (country, the ministry's short name) -> id: "وزارة الخارجية العراقية" is (iraq, الخارجيه)
        self._ministries: dict[tuple[str, str], str] = {}
        for eid, a in self.actors.items():
            if a.get("kind") == "media":
                names = [a.get("name"), a.get("name_ar"), *(a.get("aliases") or []), *(a.get("ar_variants") or [])]
                for n in names + list(a.get("bylines") or []):
                    if n:
                        self._media.setdefault(norm_word(n), eid)
            name = norm_word(a.get("name_ar") or "")
            if a.get("kind") == "government" and a.get("country") and name.startswith(("الحكومه", "حكومه")):
                self._governments.setdefault(a["country"], eid)
            words = name.split()
            if a.get("kind") == "government" and a.get("country") and len(words) >= 2 and words[0] == "وزاره":
                self._ministries.setdefault((a["country"], words[1]), eid)
        self._forces: dict[tuple[str, str], str | None] = {}
        self._titles: dict[str, list[str]] = {}
        self._ancestors: dict[tuple[str, str], list[str]] = {}  # the hierarchy, walked once per entry
        for eid, entry in self.actors.items():
            if entry.get("title_ar"):
                self._titles.setdefault(norm_word(entry["title_ar"]), []).append(eid)

    # --- names
    @staticmethod
    def surfaces(entry: dict) -> list[str]:
        """The written forms a text may use: Arabic name, Arabic variants, Latin acronyms."""
        out = [entry.get("name_ar") or "", *(entry.get("ar_variants") or [])]
        for alias in [entry.get("name") or "", *(entry.get("aliases") or [])]:
            # Latin acronyms do turn up in Arabic copy (CENTCOM, FBI); short or lower-case
            # aliases ("IS", "US") would match ordinary words.
            if len(alias) >= 3 and alias.isupper() and alias.isalpha():
                out.append(alias)
        seen: list[str] = []
        for s in out:
            if s and s.strip() and s not in seen:
                seen.append(s)
        return seen

    def surface_words(self) -> set[str]:
        words: set[str] = set()
        for table in (self.actors, self.places):
            for entry in table.values():
                for surface in self.surfaces(entry):
                    words.update(norm_word(surface).split())
        return words

    def lookup(self, name: str, kind: str | None = None) -> list[str]:
        """Ids whose Arabic name or variant is `name` (any spelling variant), actors or places."""
        return [eid for k, eid in self._by_name.get(norm_word(name), []) if kind is None or k == kind]

    def title_holders(self, title_norm: str, on: str | None) -> list[str]:
        """Who held the office called `title_norm` on date `on` (ISO), per valid_from/valid_to."""
        if on is None:
            return []
        out = []
        for eid in self._titles.get(title_norm, []):
            entry = self.actors[eid]
            start, end = entry.get("valid_from"), entry.get("valid_to")
            if (start is None or str(start) <= on) and (end is None or on <= str(end)):
                out.append(eid)
        return out

    def titles(self) -> dict[str, list[str]]:
        return self._titles

    # --- hierarchy
    def actor_ancestors(self, actor_id: str) -> list[str]:
        key = ("actor", actor_id)
        found = self._ancestors.get(key)
        if found is None:
            found = self._ancestors[key] = self._walk(actor_id, self.actors, "member_of")
        return found

    def place_ancestors(self, place_id: str) -> list[str]:
        key = ("place", place_id)
        found = self._ancestors.get(key)
        if found is None:
            found = self._ancestors[key] = self._walk(place_id, self.places, "located_in")
        return found

    @staticmethod
    def _walk(start: str, table: dict[str, dict], key: str) -> list[str]:
        out: list[str] = []
        stack = list((table.get(start) or {}).get(key) or [])
        while stack:
            cur = stack.pop(0)
            if cur in out or cur == start or cur not in table:
                continue
            out.append(cur)
            stack.extend(table[cur].get(key) or [])
        return out

    def place_contains(self, outer: str, inner: str) -> bool:
        return outer == inner or outer in self.place_ancestors(inner)

    def place_rank(self, place_id: str | None) -> float:
        """Smaller is more specific. A site inside a country only ("شرق سوريا", "إقليم كردستان")
        or in none ("البحر الأحمر") is a region, broader than a governorate."""
        if place_id is None or place_id not in self.places:
            return 9
        entry = self.places[place_id]
        kind = entry.get("kind", "")
        if kind == "site":
            parents = [self.places.get(p, {}).get("kind") for p in entry.get("located_in") or []]
            if not parents or all(k == "country" for k in parents):
                return 3.5
        return PLACE_RANK.get(kind, UNRANKED)

    def country_of_place(self, place_id: str) -> str | None:
        for pid in [place_id, *self.place_ancestors(place_id)]:
            if self.places.get(pid, {}).get("kind") == "country":
                return pid
        return None

    def state_actor(self, country_place_id: str | None) -> str | None:
        """The state actor standing for a country place (same id, or a state whose country it is)."""
        if country_place_id is None:
            return None
        entry = self.actors.get(country_place_id)
        if entry and entry.get("kind") == "state":
            return country_place_id
        for eid, a in self.actors.items():
            if a.get("kind") == "state" and a.get("country") == country_place_id:
                return eid
        return None

    def government_of(self, country_place_id: str) -> str | None:
        """The national government actor of a country ("الحكومة العراقية" for iraq)."""
        return self._governments.get(country_place_id)

    def ministry_of(self, country_place_id: str, short_name: str) -> str | None:
        """A country's ministry by its short name ("الخارجيه" for the foreign ministry)."""
        return self._ministries.get((country_place_id, short_name))

    def ministry_short_names(self) -> frozenset[str]:
        return frozenset(short for _, short in self._ministries)

    def forces_of(self, state: str, qualifier: str) -> str | None:
        """A state's armed forces (qualifier "military") or security forces ("security"), found
        by the gazetteer's own Arabic name for them (الجيش/القوات ..., القوات الأمنية ...)."""
        key = (state, qualifier)
        if key not in self._forces:
            country = self.actors.get(state, {}).get("country") or state
            found = None
            for aid, a in self.actors.items():
                if a.get("kind") != "military" or a.get("country") not in (country, state):
                    continue
                name = norm_word(a.get("name_ar") or "")
                security = "امن" in name
                if qualifier == "security" and security:
                    found = aid
                    break
                if qualifier == "military" and not security and name.startswith(("الجيش", "القوات")):
                    found = found or aid
            self._forces[key] = found
        return self._forces[key]

    def country_place(self, country_name: str) -> str | None:
        for pid in self.lookup(country_name, "place"):
            if self.places[pid].get("kind") == "country":
                return pid
        return None

    def state_for_country_name(self, country_name: str) -> str | None:
        for aid in self.lookup(country_name, "actor"):
            if self.actors[aid].get("kind") == "state":
                return aid
        return self.state_actor(self.country_place(country_name))

    def media_for_outlet(self, outlet: str | None) -> str | None:
        """The media actor an article's outlet name refers to (English or Arabic, any case)."""
        if not outlet:
            return None
        return self._media.get(norm_word(outlet))


def gazetteer_dirs(dirs: Iterable[str] | None = None, include_default: bool = True) -> list[Path]:
    """The default directory, then KG_GAZETTEER_DIRS, then any given explicitly (later wins)."""
    out = [DEFAULT_DIR] if include_default else []
    env = os.environ.get(ENV_DIRS, "") if include_default else ""
    out += [Path(d) for d in env.split(":") if d.strip()]
    out += [Path(d) for d in (dirs or [])]
    return out


_TEXT_LISTS = ("aliases", "ar_variants", "ar_homographs", "member_of", "located_in", "bylines", "domains")


def _entry_problem(entry: dict) -> str | None:
    """What is wrong with one gazetteer line, if anything: the extractor builds graph nodes from
    entries without validating them again, so the checks are made once, here."""
    if not isinstance(entry.get("id"), str) or not entry["id"].strip():
        return "the id must be a non-empty string"
    if not any(isinstance(entry.get(k), str) and entry[k].strip() for k in ("name", "name_ar")):
        return "it needs a name or a name_ar"
    for key in _TEXT_LISTS:
        value = entry.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            return f"{key} must be a list of strings"
    for key, bound in (("lat", 90), ("lon", 180)):
        value = entry.get(key)
        if value is not None and not (isinstance(value, int | float) and -bound <= value <= bound):
            return f"{key} must be a number between -{bound} and {bound}"
    return None


def load_gazetteer(dirs: Iterable[Path]) -> Gazetteer:
    """Read every *.jsonl in `dirs`; later files override earlier ones id by id."""
    actors: dict[str, dict] = {}
    places: dict[str, dict] = {}
    sources: list[str] = []
    for directory in dirs:
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.jsonl")):
            sources.append(str(path))
            for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                    eid, kind = entry["id"], entry["kind"]
                except (ValueError, KeyError, TypeError) as exc:
                    raise ConfigError(
                        f"{path}:{lineno}: not a gazetteer entry ({exc}); each line needs an id and a kind"
                    ) from exc
                problem = _entry_problem(entry)
                if problem:
                    raise ConfigError(f"{path}:{lineno}: gazetteer entry {eid!r}: {problem}")
                if kind in ACTOR_KINDS:
                    actors[eid] = entry
                elif kind in PLACE_KINDS:
                    places[eid] = entry
                else:
                    raise ConfigError(f"{path}:{lineno}: unknown kind {kind!r}; use one of {ACTOR_KINDS + PLACE_KINDS}")
    return Gazetteer(actors, places, tuple(sources))


@lru_cache(maxsize=8)
def _cached_gazetteer(dirs: tuple[str, ...], stamp: tuple[float, ...]) -> Gazetteer:
    return load_gazetteer(Path(d) for d in dirs)


def _stamp(dirs: list[Path]) -> tuple[float, ...]:
    """File modification times, so an edited gazetteer is read again."""
    stamps: list[float] = []
    for d in dirs:
        if d.is_dir():
            stamps.extend(p.stat().st_mtime for p in sorted(d.glob("*.jsonl")))
    return tuple(stamps)


@spacy.registry.misc("kg.gazetteer.v1")
def create_gazetteer(dirs: list[str] | None = None, include_default: bool = True) -> Gazetteer:
    """The gazetteer from the default directory, KG_GAZETTEER_DIRS and `dirs`; cached.
    `include_default=False` reads `dirs` alone (tests, or a deployment with its own data)."""
    paths = gazetteer_dirs(dirs, include_default)
    return _cached_gazetteer(tuple(str(p) for p in paths), _stamp(paths))


@spacy.registry.misc("kg.actor_patterns.v1")
def actor_patterns(gazetteer: Gazetteer) -> list[dict]:
    """Phrase patterns for the span ruler: one per Arabic surface form of each actor."""
    return [
        {"label": "ACTOR", "pattern": s, "id": eid}
        for eid, entry in gazetteer.actors.items()
        for s in gazetteer.surfaces(entry)
    ]


def _locality_heads(path: Path = DATA_DIR / "discovery.json") -> dict[str, str]:
    """discovery.json's `locality_heads`: words that head a locality's name and stand in for one
    another ("قضاء القائم" is also "منطقة القائم"), each with its dual ("قضاءي سنجار وتلعفر")."""
    try:
        heads = json.loads(path.read_text(encoding="utf-8"))["locality_heads"]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{path}: cannot read locality_heads ({exc})") from exc
    if not isinstance(heads, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in heads.items()):
        raise ConfigError(f"{path}: locality_heads must map each head word to its dual, not {heads!r}")
    return heads


_HEADS = _locality_heads()
LOCALITY_HEADS = tuple(_HEADS)
DUAL_HEADS = tuple(_HEADS.values())


@spacy.registry.misc("kg.place_patterns.v1")
def place_patterns(gazetteer: Gazetteer) -> list[dict]:
    """Phrase patterns for every Arabic surface form of each place, plus the same name under the
    other locality heads."""
    out: list[dict] = []
    for eid, entry in gazetteer.places.items():
        surfaces = gazetteer.surfaces(entry)
        extra: list[str] = []
        if entry.get("kind") in ("city", "district"):
            bare = [s for s in surfaces if s.partition(" ")[0] not in LOCALITY_HEADS]
            for s in surfaces:
                head, _, rest = s.partition(" ")
                if head in LOCALITY_HEADS and rest:
                    extra += [f"{h} {rest}" for h in LOCALITY_HEADS if h != head]
                    bare.append(rest)
            extra += [f"{h} {name}" for h in DUAL_HEADS for name in dict.fromkeys(bare)]
        known = {norm_word(s) for s in surfaces}
        taken = {norm_word(x) for x in extra if norm_word(x) not in known and not gazetteer.lookup(x)}
        for s in surfaces + [x for x in dict.fromkeys(extra) if norm_word(x) in taken]:
            out.append({"label": "PLACE", "pattern": s, "id": eid})
    return out


@spacy.registry.misc("kg.title_patterns.v1")
def title_patterns(gazetteer: Gazetteer) -> list[dict]:
    """Office titles ("وزير الدفاع التركي"), matched so a bare title can name its holder."""
    return [{"label": "TITLE", "pattern": t, "id": t} for t in gazetteer.titles()]


@spacy.registry.misc("kg.gazetteer_patterns.v1")
def gazetteer_patterns(gazetteer: Gazetteer) -> list[dict]:
    return actor_patterns(gazetteer) + place_patterns(gazetteer) + title_patterns(gazetteer)


# ---------------------------------------------------------------------------------------------
# The resolver component


def clitic_of(table: TokenTable, i: int) -> str:
    """The proclitics on token i, or a lone clitic token just before it ("بـ", "لـ"); none past
    either end of the text (a rule looking one word ahead of the last)."""
    if not 0 <= i < len(table.clitics):
        return ""
    clitic = table.clitics[i]
    if not clitic and i > 0 and table.norms[i - 1] in ("ب", "ل", "ك", "و", "ف"):
        clitic = table.norms[i - 1]
    return clitic


def mention_from_tokens(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    """Character span of tokens start..end, without the first token's clitic."""
    table = token_table(doc)
    return table.span_text(start, end, table.clitic_lens[start])


# nouns a ministry's short name follows as part of another name ("وزارة الخارجية", "لجنة الدفاع")
_BULLETS = frozenset({"*", "•", "●", "▪", "-", "–", "—", "·"})

# Words before a place name, besides the locative prepositions of countries.json, that make a
# homograph read as a place ("غارة على الخيام", "قرب تدمر", "أطراف الخيام").
HOMOGRAPH_LEFT = frozenset({"علي", "قرب", "اطراف", "محيط", "بلدات", "قري"})
# The dual of "بحر" ("في البحرين الأحمر والعربي"), written like Bahrain.
SEA_DUALS = frozenset({"البحرين", "بحرين"})
# A facility named by its kind alone ("المطار الدولي", "الميناء"): the head as copy writes it, the
# word the gazetteer's names of that kind start with, and the adjectives that may follow the head.
GENERIC_FACILITIES = {"المطار": "مطار", "الميناء": "ميناء"}
GENERIC_FACILITY_ADJECTIVES = frozenset({"الدولي", "المدني"})

_NAME_MARKS = frozenset({'"', "«", "»", "“", "”", "'", "(", ")", "[", "]"})


class EntityResolver:
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.name = name
        self.gaz = gazetteer
        self.lex = lexicon
        self.locative = lexicon.set("locative_preps")
        self.not_locative_from = lexicon.set("non_locative_before_from")
        self.bi_governors = lexicon.set("bi_governors")
        self.agent_nouns = lexicon.set("agent_nouns")
        self.linkers = lexicon.set("nested_linkers")
        self.place_nouns = lexicon.set("place_nouns")
        self.owned_nouns = lexicon.set("owned_nouns")
        self.not_locative_to = lexicon.set("non_locative_before_to")
        self.former = lexicon.set("former_words")
        self.complementizers = lexicon.set("complementizers")
        self.attribution_verbs = lexicon.set("attribution_verbs")
        self.collectives = lexicon.set("aligned_collectives")
        self.alignment = lexicon.set("alignment_words")
        self._nisba_cache: dict[str, tuple[str | None, str | None]] = {}
        self.aligned = self._aligned_groups()
        # every name by its words, for names that copy writes with quotes or brackets inside
        # (كتائب "حزب الله"): the span ruler cannot match across those
        self.names: dict[tuple[str, ...], dict[str, str]] = {}
        for p in actor_patterns(gazetteer) + place_patterns(gazetteer):
            words = tuple(norm_word(p["pattern"]).split())
            if len(words) > 1:
                self.names.setdefault(words, {}).setdefault(p["label"], p["id"])
        self.longest_name = max((len(w) for w in self.names), default=0)
        self.name_first_words = frozenset(w[0] for w in self.names)
        # place names that are also common words ("الخيام": the tents), read only in context
        self.homographs: dict[tuple[str, ...], str] = {}
        for pid, entry in gazetteer.places.items():
            for form in entry.get("ar_homographs") or []:
                self.homographs.setdefault(tuple(norm_word(form).split()), pid)
        self.homograph_left = self.locative | HOMOGRAPH_LEFT
        self.homograph_first_words = frozenset(w[0] for w in self.homographs if w)

    def _aligned_groups(self) -> dict[str, str]:
        """State id -> the gazetteer's collective for groups aligned with it, read from names of
        the form "الفصائل الموالية لإيران" (so a new entry of that form needs no code)."""
        out: dict[str, str] = {}
        for eid, entry in self.gaz.actors.items():
            if entry.get("kind") != "armed_group":
                continue
            words = norm_word(entry.get("name_ar") or "").split()
            if len(words) == 3 and words[0] in self.collectives and words[1] in self.alignment:
                tail = words[2][1:] if words[2].startswith("ل") else words[2]
                state = self.gaz.state_for_country_name(tail) or self.gaz.state_for_country_name("ا" + tail)
                if state:
                    out.setdefault(state, eid)
        return out

    def __call__(self, doc: Doc) -> Doc:
        matches = doc._.kg_gazetteer_matches
        if matches is None:  # a pipeline with spaCy's own span_ruler
            spans = doc.spans[RULER_KEY] if RULER_KEY in doc.spans else []
            matches = [(span.start, span.end, span.label_, span.id_) for span in spans]
        by_span: dict[tuple[int, int], dict[str, str]] = {}
        for start, end, label, span_id in matches:
            by_span.setdefault((start, end), {}).setdefault(label, span_id)
        for span, ids in self._across_quotes(doc):
            by_span.setdefault(span, ids)
        mentions = self._qualified_otherwise(doc, self._seas(doc, self._longest(doc, by_span)))
        mentions, titles = self._titles(doc, mentions)
        mentions += self._nested(doc, mentions + titles, by_span)
        mentions += self._region_countries(doc, mentions, by_span)
        taken = {i for m in mentions for i in range(m.start, m.end)}
        mentions += self._generic_facilities(doc, mentions, taken)
        mentions += self._homographs(doc, mentions, taken)
        mentions += self._nisba(doc, taken)
        mentions += self._home_government(doc, mentions, taken)
        mentions.sort(key=lambda m: (m.start, -m.end))
        self._roles(doc, mentions)
        mentions = self._aligned(doc, mentions)
        doc._.kg_entities = mentions
        return doc

    def _qualified_otherwise(self, doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
        """A common noun the gazetteer takes as one actor's short name ("التحالف" for the
        coalition against ISIS) names something else when an adjective of its own follows
        ("التحالف الإقليمي المؤيد لسوريا"); a country adjective ("التحالف الأميركي") does not."""
        table = token_table(doc)
        generic = self.lex.set("generic_short_names")
        out = []
        for m in mentions:
            nxt = m.end
            if (
                m.end - m.start == 1
                and table.norms[m.start] in generic
                and nxt < len(table.norms)
                and not table.clitics[nxt]
                and table.norms[nxt].startswith("ال")
                and table.norms[nxt].endswith(("ي", "يه"))
                and table.norms[nxt] not in self.lex.nisba
                and table.norms[nxt] not in self.lex.words  # "التحالف الذي تقوده واشنطن"
            ):
                continue
            out.append(m)
        return out

    def _across_quotes(self, doc: Doc) -> list[tuple[tuple[int, int], dict[str, str]]]:
        """Names with a quote, guillemet or bracket inside: 'كتائب "حزب الله"', 'حركة (النجباء)'.
        The words on both sides of the mark, read without it, are looked up as one name."""
        table = token_table(doc)
        marks = [k for k, text in enumerate(table.texts) if text in _NAME_MARKS]
        if not marks:
            return []
        found: list[tuple[tuple[int, int], dict[str, str]]] = []
        reach = self.longest_name + 2
        for q in marks:
            # the words around the mark, without marks: (token index, norm)
            left = [k for k in range(max(0, q - reach), q) if not (table.space[k] or table.texts[k] in _NAME_MARKS)]
            right = [
                k
                for k in range(q + 1, min(len(table.texts), q + reach))
                if not (table.space[k] or table.texts[k] in _NAME_MARKS)
            ]
            if not left or not right:
                continue
            for a in range(len(left)):
                if table.norms[left[a]] not in self.name_first_words:
                    continue  # no name starts with this word: none of the spans from here is one
                for b in range(1, len(right) + 1):
                    words = [table.norms[k] for k in left[a:]] + [table.norms[k] for k in right[:b]]
                    if len(words) > self.longest_name:
                        break
                    if any(table.punct[k] for k in left[a:] + right[:b]):
                        continue
                    ids = self.names.get(tuple(words))
                    if ids is not None:
                        found.append(((left[a], right[b - 1] + 1), ids))
        return found

    def _aligned(self, doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
        """'ميليشيات (محلية) تدعمها إيران' is not one, but 'مجموعات مسلحة مرتبطة بإيران' is: armed
        groups named by their patron are the gazetteer's collective for that patron, when it has
        one; the state stays a mention of its own inside."""
        if not self.aligned:
            return mentions
        table = token_table(doc)
        norms = table.norms
        taken = {i for m in mentions for i in range(m.start, m.end)}
        added: list[EntityMention] = []
        capitals = self.lex.capitals
        for m in mentions:
            state = m.actor_id if m.actor_id in self.aligned else None
            if state is None and m.actor_id is None and m.end - m.start == 1 and norms[m.start] in capitals:
                state = self.gaz.state_for_country_name(capitals[norms[m.start]])  # "مدعومة من طهران"
                state = state if state in self.aligned else None
            if state is None or m.start < 2:
                continue
            k = m.start - 1
            if norms[k] in ("من", "مع", "ب", "ل"):
                k -= 1
            if norms[k] not in self.alignment:
                continue
            if norms[k - 1] in self.alignment or norms[k - 1] in ("المشتبه", "مشتبه", "يشتبه"):
                k -= 1  # "المشتبه بارتباطهم"
            j = k - 1
            while j >= 0 and k - j <= 4 and norms[j] not in self.collectives:
                if j in taken or table.punct[j] or not norms[j].isalpha():
                    j = -1
                    break
                j -= 1
            if j < 0 or norms[j] not in self.collectives or j in taken:
                continue
            s, e, text = mention_from_tokens(doc, j, m.end)
            added.append(EntityMention(j, m.end, s, e, text, actor_id=self.aligned[state], role="actor"))
            m.source = "nested"
            m.role = "actor"
            m.actor_id = m.actor_id or state  # a capital standing for its state
        if not added:
            return mentions
        out = mentions + added
        out.sort(key=lambda x: (x.start, -x.end))
        return out

    def _mention(self, doc: Doc, start: int, end: int, ids: dict[str, str], source: str = "gazetteer") -> EntityMention:
        s, e, text = mention_from_tokens(doc, start, end)
        if "TITLE" in ids and len(ids) == 1:
            return EntityMention(start, end, s, e, text, source="title", title=ids["TITLE"])
        actor, place = ids.get("ACTOR"), ids.get("PLACE")
        return EntityMention(
            start, end, s, e, text, actor_id=actor, place_id=place, role="actor" if actor else "place", source=source
        )

    def _longest(self, doc: Doc, by_span: dict[tuple[int, int], dict[str, str]]) -> list[EntityMention]:
        mentions: list[EntityMention] = []
        taken: set[int] = set()
        for (start, end), ids in sorted(by_span.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
            if any(i in taken for i in range(start, end)):
                continue
            taken.update(range(start, end))
            mentions.append(self._mention(doc, start, end, ids))
        return mentions

    def _nested(
        self, doc: Doc, outer: list[EntityMention], by_span: dict[tuple[int, int], dict[str, str]]
    ) -> list[EntityMention]:
        """Names inside a longer name that the text also asserts: the state in "ميليشيات موالية
        لإيران", the city in "القنصلية التركية في الموصل", the parent in "الوحدة التابعة للحرس
        الثوري", the movement in "رئيس تيار الحكمة". Not "حزب الله" inside "كتائب حزب الله"."""
        out: list[EntityMention] = []
        starts: dict[int, list[tuple[tuple[int, int], dict[str, str]]]] = {}
        for span, ids in by_span.items():
            if "TITLE" not in ids:
                starts.setdefault(span[0], []).append((span, ids))
        for m in outer:
            if m.end - m.start < 2:
                continue
            own = {m.actor_id, m.place_id}
            inner = [
                (span, ids)
                for k in range(m.start, m.end)
                for span, ids in starts.get(k, ())
                if span[1] <= m.end and span != (m.start, m.end)
            ]
            taken: set[int] = set()
            for (start, end), ids in sorted(inner, key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
                if any(i in taken for i in range(start, end)) or own & set(ids.values()):
                    continue
                bare_title = m.source == "title" and m.actor_id is None
                if not (bare_title or self._linked(doc, start, m.start)):
                    continue
                taken.update(range(start, end))
                out.append(self._mention(doc, start, end, ids, source="gazetteer" if bare_title else "nested"))
        return out

    def _region_countries(
        self, doc: Doc, mentions: list[EntityMention], by_span: dict[tuple[int, int], dict[str, str]]
    ) -> list[EntityMention]:
        """A region named after its country ("شمال العراق", "إقليم كردستان العراق", "جنوب لبنان") is
        also a mention of that country as a place: the country its gazetteer entry lies in, when
        the name ends with one of the country's own forms."""
        out: list[EntityMention] = []
        have = {(m.start, m.end) for m in mentions}
        for m in mentions:
            entry = self.gaz.places.get(m.place_id or "")
            if m.end - m.start < 2 or not entry or entry.get("kind") != "site":
                continue
            ancestors = self.gaz.place_ancestors(m.place_id or "")
            countries = {c for c in ancestors if self.gaz.places[c].get("kind") == "country"}
            for k in range(m.start + 1, m.end):
                ids = by_span.get((k, m.end))
                if ids and ids.get("PLACE") in countries and (k, m.end) not in have:
                    inner = self._mention(doc, k, m.end, ids, source="nested")
                    inner.role = "place"
                    out.append(inner)
                    break
        return out

    def _seas(self, doc: Doc, mentions: list[EntityMention]) -> list[EntityMention]:
        """'في البحرين الأحمر والعربي' is the dual of 'بحر': the Red Sea and the Arabian Sea, not
        Bahrain. Each adjective that follows, coordinated or not, names the sea 'البحر' + it."""
        norms = token_table(doc).norms
        out: list[EntityMention] = []
        for m in mentions:
            if m.end - m.start != 1 or norms[m.start] not in SEA_DUALS:
                out.append(m)
                continue
            seas: list[tuple[int, str]] = []
            k = m.end
            while k < len(norms):
                found = self.gaz.lookup("البحر " + norms[k], "place")
                if not found or (seas and token_table(doc).clitics[k] != "و"):
                    break
                seas.append((k, found[0]))
                k += 1
            if not seas:
                out.append(m)
                continue
            for n, (k, pid) in enumerate(seas):
                start = m.start if n == 0 else k
                s, e, text = mention_from_tokens(doc, start, k + 1)
                out.append(EntityMention(start, k + 1, s, e, text, place_id=pid, role="place"))
        return out

    def _homographs(self, doc: Doc, mentions: list[EntityMention], taken: set[int]) -> list[EntityMention]:
        """A place name that is also a common word ("الخيام", "تدمر") names the place only where
        the text reads as a place: after a locative word ("في الخيام", "بالخيام") or coordinated
        with a place just named ("بلدتي كفركلا والخيام"), and with another place of the same region
        in the sentence ("في ميس الجبل ... في الخيام", "الخيام جنوب لبنان"). Gaza's tents are
        not Khiam: nothing else in that sentence lies in south Lebanon."""
        if not self.homographs:
            return []
        table = token_table(doc)
        norms = table.norms
        sents = doc._.kg_sents or [(0, len(doc))]
        places = sorted((m for m in mentions if m.place_id in self.gaz.places), key=lambda m: m.end)
        out: list[EntityMention] = []
        longest = max(len(w) for w in self.homographs)
        first_words = self.homograph_first_words
        for i in range(len(norms)):
            if norms[i] not in first_words:
                continue  # no homograph starts here
            for n in range(min(longest, len(norms) - i), 0, -1):
                pid = self.homographs.get(tuple(norms[i : i + n]))
                if pid is None or any(k in taken for k in range(i, i + n)):
                    continue
                before = [m for m in places if m.end <= i]
                clitic = clitic_of(table, i)
                coordinated = clitic.startswith("و") and bool(before) and before[-1].end == i
                if not (coordinated or "ب" in clitic or (i > 0 and norms[i - 1] in self.homograph_left)):
                    continue
                start, end = next(((s, e) for s, e in sents if s <= i < e), (0, len(doc)))
                near = [m.place_id or "" for m in places if start <= m.start < end]
                if not any(self._same_region(pid, other) for other in near):
                    continue
                s, e, text = mention_from_tokens(doc, i, i + n)
                out.append(EntityMention(i, i + n, s, e, text, place_id=pid, role="place"))
                taken.update(range(i, i + n))
                break
        return out

    def _same_region(self, pid: str, other: str) -> bool:
        """Both places lie in one region below the country: one holds the other, or they share a
        governorate, district or region."""
        if other == pid:
            return False
        below = {p for p in self.gaz.place_ancestors(pid) if self.gaz.places[p].get("kind") != "country"}
        if other in below:
            return True
        return bool(below & set(self.gaz.place_ancestors(other)))

    def _generic_facilities(self, doc: Doc, mentions: list[EntityMention], taken: set[int]) -> list[EntityMention]:
        """'المطار الدولي' after 'صنعاء' is Sanaa's airport: a facility named only by its kind is the
        one facility of that kind the gazetteer has in the nearest place named before it, in the
        same sentence or the one before; with none or several, it names nothing."""
        table = token_table(doc)
        norms = table.norms
        sents = doc._.kg_sents or [(0, len(doc))]
        places = sorted((m for m in mentions if m.place_id in self.gaz.places), key=lambda m: m.end)
        out: list[EntityMention] = []
        for i, norm in enumerate(norms):
            prefix = GENERIC_FACILITIES.get(norm)
            if prefix is None or i in taken:
                continue
            end = i + 1
            if end < len(norms) and norms[end] in GENERIC_FACILITY_ADJECTIVES and end not in taken:
                end += 1
            n = next((k for k, (s, e) in enumerate(sents) if s <= i < e), 0)
            floor = sents[max(0, n - 1)][0]
            before = [m for m in places if floor <= m.start and m.end <= i]
            found = self._facility_in(before[-1].place_id or "", prefix) if before else None
            if found:
                s, e, text = mention_from_tokens(doc, i, end)
                out.append(EntityMention(i, end, s, e, text, place_id=found, role="place", source="gazetteer"))
                taken.update(range(i, end))
        return out

    def _facility_in(self, place_id: str, prefix: str) -> str | None:
        """The one facility or base whose Arabic name starts with `prefix` inside `place_id` (or
        `place_id` itself: "مطار بغداد الدولي ... المطار")."""
        entry = self.gaz.places.get(place_id, {})
        if entry.get("kind") in ("facility", "base") and norm_word(entry.get("name_ar") or "").startswith(prefix + " "):
            return place_id
        found = [
            pid
            for pid, entry in self.gaz.places.items()
            if entry.get("kind") in ("facility", "base")
            and norm_word(entry.get("name_ar") or "").startswith(prefix + " ")
            and place_id in self.gaz.place_ancestors(pid)
        ]
        return found[0] if len(found) == 1 else None

    def _linked(self, doc: Doc, start: int, outer_start: int) -> bool:
        """The inner name follows a word that links it to the outer one (التابع لـ, زعيم, باسم)."""
        clitic = clitic_of(token_table(doc), start)
        if "ل" in clitic or "ب" in clitic:
            return True
        if start == outer_start:
            return False
        return token_table(doc).norms[start - 1] in self.linkers

    def _titles(self, doc: Doc, mentions: list[EntityMention]) -> tuple[list[EntityMention], list[EntityMention]]:
        """A title next to a person's name gives way to the name; alone it names the office holder
        on the publication date (when the gazetteer records tenures). Returns (mentions, titles
        that name nobody), the latter only so that the names inside them are still found."""
        out: list[EntityMention] = []
        dropped: list[EntityMention] = []
        by_start = {m.start: m for m in mentions}
        by_end = {m.end: m for m in mentions}

        def person(m: EntityMention | None) -> bool:
            return m is not None and self.gaz.actors.get(m.actor_id or "", {}).get("kind") == "person"

        for m in mentions:
            if m.source != "title":
                out.append(m)
                continue
            punct = token_table(doc).punct
            norms = token_table(doc).norms
            after = m.end
            former = False
            while (
                after < len(doc)
                and after - m.end < 2
                and (norms[after] in self.lex.nisba or norms[after] in self.former)
            ):
                former = former or norms[after] in self.former
                after += 1  # "قائد الجيش اللبناني جوزيف عون", "رئيس الوزراء السابق X"
            nxt = by_start.get(after) or (by_start.get(after + 1) if after < len(doc) and punct[after] else None)
            prev = by_end.get(m.start) or (by_end.get(m.start - 1) if m.start > 0 and punct[m.start - 1] else None)
            # "الرئيس السابق" is not who holds the office on the publication date
            named = person(nxt) or person(prev) or former
            holders = [] if named else self.gaz.title_holders(m.title or "", doc._.kg_published)
            if len(holders) == 1:
                m.actor_id, m.role = holders[0], "actor"
                out.append(m)
            else:
                dropped.append(m)
        return out, dropped

    def _home_government(self, doc: Doc, mentions: list[EntityMention], taken: set[int]) -> list[EntityMention]:
        """A bare 'الحكومة' in a report about one country is that country's government."""
        counts: dict[str, int] = {}
        for m in mentions:
            pid = m.place_id if m.place_id in self.gaz.places else None
            country = self.gaz.country_of_place(pid) if pid else None
            if country:
                counts[country] = counts.get(country, 0) + 1
        if not counts:
            return []
        home = max(counts, key=lambda c: counts[c])
        norms = token_table(doc).norms
        out = self._home_ministries(doc, norms, home, taken)
        government = self.gaz.government_of(home)
        if government is None:
            return out
        for i, norm in enumerate(norms):
            if norm != "الحكومه" or i in taken:
                continue
            nxt = norms[i + 1] if i + 1 < len(norms) else ""
            prev = norms[i - 1] if i > 0 else ""
            # not "الحكومة العراقية", "رئيس الحكومة", "الحكومة الانتقالية"
            adjective = nxt.startswith("ال") and nxt != "الي" and not token_table(doc).clitics[i + 1]
            if nxt in self.lex.nisba or (i + 1) in taken or prev in self.lex.set("titles") or adjective:
                continue
            s, e, text = mention_from_tokens(doc, i, i + 1)
            out.append(EntityMention(i, i + 1, s, e, text, actor_id=government, role="actor", source="home"))
        return out

    def _home_ministries(self, doc: Doc, norms: list[str], home: str, taken: set[int]) -> list[EntityMention]:
        """A ministry by its short name, as headlines and bullets write it ("الخارجية:",
        "الخارجية العراقية تستدعي"): the ministry of the country its adjective names, else of
        the country the report is about. Not inside an office or a committee ("وزير الخارجية")."""
        out: list[EntityMention] = []
        shorts = self.gaz.ministry_short_names()
        for i, norm in enumerate(norms):
            if norm not in shorts or i in taken or token_table(doc).clitics[i]:
                continue
            table = token_table(doc)
            j = i - 1
            while j >= 0 and table.space[j]:
                j -= 1
            prev = norms[j] if j >= 0 else ""
            nxt = norms[i + 1] if i + 1 < len(norms) else ""
            # a speaker, not a concept ("حق الدفاع عن النفس", "العمليات الخارجية"): it opens a
            # line or follows a speech verb or باسم, and a colon, a verb or its country follows
            opens = j < 0 or table.punct[j] or prev in _BULLETS or prev in self.lex.speech_verbs or prev == "باسم"
            closes = nxt == ":" or nxt in self.lex.nisba or nxt in self.lex.speech_verbs
            if not (opens and (closes or prev in self.lex.speech_verbs or prev == "باسم")):
                continue
            country, end = home, i + 1
            if nxt in self.lex.nisba:
                place = self.gaz.country_place(self.lex.nisba[nxt])
                if place is None:
                    continue
                country, end = place, i + 2
            ministry = self.gaz.ministry_of(country, norm)
            if ministry is None or any(k in taken for k in range(i, end)):
                continue
            s, e, text = mention_from_tokens(doc, i, end)
            out.append(EntityMention(i, end, s, e, text, actor_id=ministry, role="actor", source="home"))
            taken.update(range(i, end))
        return out

    def _nisba_target(self, norm: str) -> tuple[str | None, str | None]:
        hit = self._nisba_cache.get(norm)
        if hit is None:
            country = self.lex.nisba.get(norm)
            hit = (None, None)
            if country:
                hit = (self.gaz.state_for_country_name(country), self.gaz.country_place(country))
            self._nisba_cache[norm] = hit
        return hit

    def _nisba(self, doc: Doc, taken: set[int]) -> list[EntityMention]:
        """'القصف الإسرائيلي' -> Israel (actor); 'الأراضي العراقية' -> Iraq (place)."""
        out: list[EntityMention] = []
        nisba = self.lex.nisba
        norms = token_table(doc).norms
        for i, norm in enumerate(norms):
            if i == 0 or norm not in nisba or i in taken:
                continue
            head = norms[i - 1]
            # skip one intervening adjective: "ضابط عسكري تركي", "الغارات الجوية التركية",
            # "منشأتين نفطيتين سعوديتين"
            if head not in self.agent_nouns and head not in self.place_nouns and head not in self.owned_nouns and i > 1:
                head2 = norms[i - 2]
                if (
                    (head2 in self.agent_nouns or head2 in self.owned_nouns)
                    and (i - 1) not in taken
                    and norms[i - 1].isalpha()
                ):
                    head = head2
            actor, place = self._nisba_target(norm)
            if head in ("الحكومه", "حكومه") and place:
                # "الحكومة الأردنية": that country's government, else the state itself
                government = self.gaz.government_of(place) or actor
                if government and (i - 1) not in taken:
                    s, e, text = mention_from_tokens(doc, i - 1, i + 1)
                    out.append(
                        EntityMention(i - 1, i + 1, s, e, text, actor_id=government, role="actor", source="gazetteer")
                    )
                    taken.update((i - 1, i))
                continue
            s, e, text = mention_from_tokens(doc, i, i + 1)
            if head in self.agent_nouns and actor:
                out.append(
                    EntityMention(i, i + 1, s, e, text, actor_id=actor, place_id=None, role="actor", source="nisba")
                )
            elif head in self.place_nouns and place:
                out.append(
                    EntityMention(i, i + 1, s, e, text, actor_id=None, place_id=place, role="place", source="nisba")
                )
            elif head in self.owned_nouns and actor:
                # "القواعد الأمريكية", "منشآت نفطية سعودية": whose the thing (hit) is; the country
                # too, where the text names no finer place for it
                out.append(
                    EntityMention(i, i + 1, s, e, text, actor_id=actor, place_id=place, role="actor", source="nisba")
                )
        return out

    def _roles(self, doc: Doc, mentions: list[EntityMention]) -> None:
        """Country names: a place after a locative word, an actor otherwise. A capital right after
        'أن'/'إن' is the subject of what follows: the state ("أن أنقرة قصفت"); so is one right
        after a verb of ascribing an act ("نسبتها طهران إلى إسرائيل")."""
        prev: EntityMention | None = None
        norms, clitics = token_table(doc).norms, token_table(doc).clitics
        for m in mentions:
            if m.actor_id and m.place_id and m.source in ("gazetteer", "nested"):
                m.role = "place" if self._locative(doc, m, prev) else "actor"
            elif (
                m.actor_id is None
                and m.place_id
                and m.start > 0
                and m.end - m.start == 1
                and (
                    (norms[m.start - 1] in self.complementizers | self.attribution_verbs and not clitics[m.start])
                    or (
                        # "نسبتها طهران ودمشق إلى إسرائيل": both ascribe it
                        clitics[m.start].startswith("و")
                        and prev is not None
                        and prev.end == m.start
                        and prev.source == "capital"
                    )
                )
            ):
                country = self.lex.capitals.get(norms[m.start])
                state = self.gaz.state_for_country_name(country) if country else None
                if state:
                    m.actor_id, m.role, m.source = state, "actor", "capital"
            prev = m

    def _locative(self, doc: Doc, m: EntityMention, prev: EntityMention | None) -> bool:
        clitic = clitic_of(token_table(doc), m.start)
        norms = token_table(doc).norms
        before = norms[m.start - 1] if m.start > 0 else ""
        before2 = norms[m.start - 2] if m.start > 1 else ""
        if clitic.startswith(("و", "ف")) and prev is not None and prev.end == m.start:
            return prev.role == "place"
        if "ب" in clitic:
            return before not in self.bi_governors
        if "ل" in clitic or "ك" in clitic:
            return False
        if before == "من":
            return before2 not in self.not_locative_from
        if before == "الي" and any(norms[k] in self.not_locative_to for k in range(max(0, m.start - 4), m.start - 1)):
            return False  # "إسناد التفجير إلى تركيا", "رسالة إلى أنقرة": to someone, not somewhere
        return before in self.locative


@Language.factory(
    "kg_entity_resolver",
    assigns=["doc._.kg_entities"],
    requires=["token.norm", "doc.spans"],
    default_config={
        "gazetteer": {"@misc": "kg.gazetteer.v1"},
        "lexicon": {"@misc": "kg.lexicon.v1"},
    },
)
def make_entity_resolver(nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> EntityResolver:
    return EntityResolver(nlp, name, gazetteer, lexicon)
