"""English names of the gazetteer: span-ruler patterns, and `kg_en_entity_resolver`, which turns
the ruler's matches into actor and place mentions.

Patterns are every English form of an entry (`name`, `aliases`) plus the spellings English copy
alternates between: "al-Qaim"/"al Qaim", "the Pentagon"/"Pentagon", "US forces"/"American
forces". They match on `token.norm_` (see `normalizer`), so case, curly quotes and the full stops
of "U.S." do not matter. A name is a proper noun: a match must hold a capitalised word or an
acronym ("hit" is no mention of the town of Hit; "Hit" opening a sentence is none either when the
lower-case word is ordinary English).

The resolver decides, per mention:
- longest match wins ("Kataib Hezbollah" is not "Hezbollah");
- a name that is both a state and a country plays a place after a locative ("in Iraq", "across
  Iraq", "BAGHDAD, Iraq", "Iraq's Camp Taji") and the state otherwise ("Iraq condemned");
- armed groups named by their patron ("Iran-backed militias", "pro-Iran Shia factions",
  "Iranian-sponsored groups") are the gazetteer's collective named "<State>-aligned militias";
- a country adjective before an agent noun names the state ("Israeli air strike" -> Israel),
  before a territorial noun the country ("Iraqi airspace" -> Iraq);
- a person named after a title ("Major General Yehia Rasool", "Secretary of Defense Mark Esper")
  who is not in the gazetteer is a discovered person, and the surname alone later is that person.
"""

from __future__ import annotations

import re

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from core.text import ARABIC_SCRIPT
from graph.ids import slugify
from loaders.nlp.english.lexicon import EnglishLexicon
from loaders.nlp.english.text import Layout, actor_kind, dateline_spans, link_sentences, title_case_sentences
from loaders.nlp.gazetteer import RULER_KEY, Gazetteer
from loaders.nlp.lexicon import create_lexicon, norm_word
from loaders.nlp.records import DiscoveredActor, EntityMention

_ARABIC = ARABIC_SCRIPT
_CAPITALISED = re.compile(r"^[A-Z][a-zA-Z'’.\-]*$")


_MINISTRY_OF = re.compile(r"\bMinistry of (?:the )?(.+?)(?: Affairs)?$", re.I)
_DEFENCE = {"Defence": "Defense", "Defense": "Defence", "defence": "defense", "defense": "defence"}


def english_surfaces(entry: dict, owners: dict[str, list[str]] | None = None) -> list[str]:
    """The English written forms of a gazetteer entry and their usual alternations: "al-X" and
    "al X", "the X" and "X", "US X" and "American X", "Ministry of Foreign Affairs" and "Foreign
    Ministry", "Defence" and "Defense", and, given `owners` (a country adjective -> the names of
    its country), "Iraq's Foreign Ministry" for "Iraqi Foreign Ministry"."""
    base = [entry.get("name") or "", *(entry.get("aliases") or [])]
    out: list[str] = []

    def add(s: str) -> None:
        s = " ".join(s.split())
        if s and not _ARABIC.search(s) and s not in out:
            out.append(s)

    forms: list[str] = []
    for s in base:
        forms.append(s)
        organ = _MINISTRY_OF.search(s)
        if organ:
            forms.append(s[: organ.start()] + organ.group(1) + " Ministry")
    for s in list(forms):
        for word, other in _DEFENCE.items():
            if re.search(rf"\b{word}\b", s):
                forms.append(re.sub(rf"\b{word}\b", other, s))
    for s in forms:
        add(s)
        if s.lower().startswith("the "):
            add(s[4:])
        if re.search(r"\b(?:[Aa]l|[Ee]l|[Aa]d|[Aa]s|[Aa]sh|[Aa]r)-", s):
            add(re.sub(r"\b([Aa]l|[Ee]l|[Aa]d|[Aa]s|[Aa]sh|[Aa]r)-", r"\1 ", s))
        if s.startswith("US "):
            add("American " + s[3:])
        first, _, rest = s.partition(" ")
        for country in (owners or {}).get(first.lower(), []) if rest else []:
            add(f"{country}'s {rest}")  # "Iraq's foreign ministry", "Iran's embassy in Baghdad"
    return out


def possessive_owners(gazetteer: Gazetteer, demonyms: dict[str, str]) -> dict[str, list[str]]:
    """Country adjective -> the English names of its country, for "<Country>'s <body>" forms."""
    out: dict[str, list[str]] = {}
    for adjective, country in demonyms.items():
        entry = gazetteer.places.get(country)
        if entry is None or entry.get("kind") != "country":
            continue
        names = [entry.get("name") or "", *(entry.get("aliases") or [])]
        out[adjective.lower()] = [n for n in names if n and not _ARABIC.search(n) and not n.lower().startswith("the ")]
    return out


@spacy.registry.misc("kg.en_gazetteer_patterns.v1")
def english_gazetteer_patterns(gazetteer: Gazetteer) -> list[dict]:
    """Phrase patterns for the span ruler: every English form of every actor and place."""
    from loaders.nlp.english.lexicon import load_entities_data

    owners = possessive_owners(gazetteer, load_entities_data()["demonyms"])
    out: list[dict] = []
    for label, table in (("ACTOR", gazetteer.actors), ("PLACE", gazetteer.places)):
        for eid, entry in table.items():
            for surface in english_surfaces(entry, owners if label == "ACTOR" else None):
                out.append({"label": label, "pattern": surface, "id": eid})
    return out


def _span(doc: Doc, start: int, end: int) -> tuple[int, int, str]:
    return doc._.kg_tokens.span_text(start, end)


class EnglishEntityResolver:
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, lexicon: EnglishLexicon) -> None:
        self.name = name
        self.gaz = gazetteer
        self.lex = lexicon
        s = lexicon.set
        self.locatives = s("locatives")
        self.not_locative_to = s("non_locative_before_to")
        self.agent_nouns = s("agent_nouns")
        self.place_nouns = s("place_nouns")
        self.alignment = s("alignment_words")
        self.collectives = s("collective_nouns")
        self.fillers = s("collective_fillers")
        self.titles = lexicon.phrase_list("person_titles_before_name")
        self.title_words = frozenset(p[0] for p in self.titles if p[0].isalpha() and p[0] != "by")
        self.title_abbreviations = frozenset(p[0] for p in self.titles if len(p) == 1 and p[0].endswith("."))
        self.titles_by_first: dict[str, list[tuple[str, ...]]] = {}  # in list order: a word tries only its own
        for phrase in self.titles:
            self.titles_by_first.setdefault(phrase[0], []).append(phrase)
        self.not_names = s("not_names")
        self.link_labels = lexicon.phrase_list("link_labels")
        self.particles = s("name_particles")
        self.suffixes = s("name_suffixes")
        self._surface_index: dict[str, str] = {}
        for eid, entry in self.gaz.actors.items():
            for surface in english_surfaces(entry):
                self._surface_index.setdefault(surface.lower(), eid)
        self.aligned = self._aligned_groups()
        self.common_words = s("common_words")
        self.directions = s("directions")
        self.force_nouns = s("force_nouns")
        self.not_place_heads = s("not_place_heads")
        self.territorial = s("territorial_nouns")
        self.weapon_modifiers = s("weapon_modifiers")
        self.military_people = s("military_people")
        self.adjectival = s("adjectival_heads") | s("agent_nouns") | s("collective_nouns") | s("alignment_words")
        self.speech_forms = frozenset(
            form for form, verb in lexicon.speech_verbs.items() if verb.form in ("past", "third") and verb.kind
        )
        self.capital_states = self._capital_states(gazetteer)

    def _aligned_groups(self) -> dict[str, str]:
        """State id -> the collective of armed groups aligned with it, read from gazetteer names of
        the form "<State>-aligned militias" (a new entry of that form needs no code)."""
        out: dict[str, str] = {}
        for eid, entry in self.gaz.actors.items():
            m = re.fullmatch(r"(.+)-aligned (?:militias|groups|factions)", entry.get("name") or "")
            if entry.get("kind") == "armed_group" and m:
                state = self._state_named(m.group(1))
                if state:
                    out.setdefault(state, eid)
        return out

    def _state_named(self, name: str) -> str | None:
        for eid, entry in self.gaz.actors.items():
            if entry.get("kind") == "state" and name in english_surfaces(entry):
                return eid
        return None

    # ------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        table = doc._.kg_tokens
        matches = doc.spans[RULER_KEY] if RULER_KEY in doc.spans else []
        by_span: dict[tuple[int, int], dict[str, str]] = {}
        for span in matches:
            by_span.setdefault((span.start, span.end), {}).setdefault(span.label_, span.id_)
        sents = doc._.kg_sents or [(0, len(doc))]
        layout = Layout(
            datelines=dateline_spans(table),
            headlines=title_case_sentences(table, sents),
            links=link_sentences(table, sents, self.link_labels),
        )
        doc._.kg_en_layout = layout
        headline_tokens = {k for s, e in sents if s in layout.headlines for k in range(s, e)}
        # a lone common word is no name where a capital says nothing: opening a sentence, in a headline
        sent_starts = {s for s, _ in sents} | headline_tokens
        mentions: list[EntityMention] = []
        taken: set[int] = set()
        for (start, end), ids in sorted(by_span.items(), key=lambda kv: (kv[0][0] - kv[0][1], kv[0][0])):
            if any(i in taken for i in range(start, end)) or not self._proper(table, start, end, sent_starts):
                continue
            taken.update(range(start, end))
            s, e, text = _span(doc, start, end)
            actor, place = ids.get("ACTOR"), ids.get("PLACE")
            mentions.append(
                EntityMention(
                    start, end, s, e, text, actor_id=actor, place_id=place, role="actor" if actor else "place"
                )
            )
        mentions = [m for m in mentions if not self._in_dateline(doc, layout, m)]
        mentions = [m for m in mentions if not self._before_not_place(table, m)]
        taken = {i for m in mentions for i in range(m.start, m.end)}
        aligned = self._aligned(doc, mentions, taken)
        inside = {(a.start, a.end) for a in aligned}
        mentions = [m for m in mentions if not any(a <= m.start and m.end <= b for a, b in inside)] + aligned
        mentions += self._demonyms(doc, taken)
        discovered = self._discover(doc, mentions, taken, skip=headline_tokens)
        mentions += self._surnames(doc, mentions, taken)
        mentions.sort(key=lambda m: (m.start, -m.end))
        self._roles(doc, mentions)
        doc._.kg_entities = mentions
        doc._.kg_discovered = discovered
        doc._.kg_discovered_places = {}
        return doc

    def _in_dateline(self, doc: Doc, layout: Layout, m: EntityMention) -> bool:
        """'BAGHDAD, Iraq (Reuters) -': where the copy was filed is not what it is about; the
        agency in it stays a mention of the outlet."""
        if not layout.in_dateline(m.start):
            return False
        return actor_kind(self.gaz, doc, m.actor_id) != "media"

    def _before_not_place(self, table, m: EntityMention) -> bool:  # noqa: ANN001
        """'(Baghdad time)': a place's name used for something that is no place."""
        if m.actor_id:
            return False
        k = m.end
        while k < len(table.norms) and table.space[k]:
            k += 1
        return k < len(table.norms) and table.norms[k] in self.not_place_heads

    def _surnames(self, doc: Doc, mentions: list[EntityMention], taken: set[int]) -> list[EntityMention]:
        """A person named in full earlier is later named by surname alone ("Rasool said")."""
        table = doc._.kg_tokens
        surnames: dict[str, str] = {}
        for m in mentions:
            if m.end - m.start >= 2 and m.actor_id and self.gaz.actors.get(m.actor_id, {}).get("kind") == "person":
                surnames.setdefault(table.norms[m.end - 1], m.actor_id)
        first = min((m.start for m in mentions if m.actor_id in surnames.values()), default=len(table.norms))
        out: list[EntityMention] = []
        for i in range(first, len(table.norms)):
            if i not in taken and table.norms[i] in surnames and table.texts[i][:1].isupper():
                s, e, text = _span(doc, i, i + 1)
                out.append(EntityMention(i, i + 1, s, e, text, actor_id=surnames[table.norms[i]], role="actor"))
                taken.add(i)
        return out

    def _proper(self, table, start: int, end: int, sent_starts: set[int]) -> bool:  # noqa: ANN001
        """A name holds a capitalised word or an acronym; a lone capitalised word opening a
        sentence is a name only when its lower-case form is no ordinary word of the lexicon."""
        texts = table.texts[start:end]
        if not any(t[:1].isupper() or t[:1].isdigit() for t in texts):
            return False
        if end - start == 1 and start in sent_starts and table.norms[start] in self.common_words:
            return False
        return True

    def _aligned(self, doc: Doc, mentions: list[EntityMention], taken: set[int]) -> list[EntityMention]:
        """'Iran-backed militias', 'Iranian-sponsored armed groups', 'pro-Iran Shia factions'."""
        if not self.aligned:
            return []
        table = doc._.kg_tokens
        norms, n = table.norms, len(doc)
        patrons: dict[int, str] = {}
        for m in mentions:
            if m.end - m.start == 1 and m.actor_id in self.aligned:
                patrons[m.start] = m.actor_id
        for i, norm in enumerate(norms):
            state = self.lex.demonyms.get(norm)
            if i not in taken and state in self.aligned:
                patrons[i] = state
        out: list[EntityMention] = []
        for i, state in sorted(patrons.items()):
            start = i
            k = i + 1
            if i >= 2 and norms[i - 1] == "-" and norms[i - 2] == "pro":
                start = i - 2
            else:
                if k < n and norms[k] == "-":
                    k += 1
                if k >= n or norms[k] not in self.alignment:
                    continue
                k += 1
            j = k
            while j < n and j - k < 4 and (norms[j] in self.fillers or norms[j] == "-" or table.space[j]):
                j += 1
            if j >= n or norms[j] not in self.collectives or any(x in taken for x in range(k, j + 1)):
                continue
            after = j + 1
            while after < n and table.space[after]:
                after += 1
            if after in taken:  # "Iran-backed Palestinian group Hamas": the name that follows is the group
                continue
            s, e, text = _span(doc, start, j + 1)
            out.append(EntityMention(start, j + 1, s, e, text, actor_id=self.aligned[state], role="actor"))
            taken.update(range(start, j + 1))
        return out

    def _demonyms(self, doc: Doc, taken: set[int]) -> list[EntityMention]:
        """'Israeli air strike' -> Israel (actor); 'Iraqi airspace' -> Iraq (place)."""
        table = doc._.kg_tokens
        norms, n = table.norms, len(doc)
        out: list[EntityMention] = []
        for i, norm in enumerate(norms):
            country = self.lex.demonyms.get(norm)
            if country is None or i in taken or not table.texts[i][:1].isupper():
                continue
            k = i + 1
            while (
                k < n
                and k - i <= 4
                and (
                    norms[k] in ("-", "led")
                    or norms[k] in self.fillers
                    or (norms[k] in self.weapon_modifiers and norms[k] not in self.agent_nouns)
                )
            ):
                k += 1  # "US-led coalition" is handled by the gazetteer; "Iranian ballistic missile"
            head = norms[k] if k < n else ""
            s, e, text = _span(doc, i, i + 1)
            state = self.gaz.state_actor(country) if country in self.gaz.places else None
            after_head = norms[k + 1] if k + 1 < n else ""
            forces = None
            if head in ("security", "military", "army", "armed") and (
                after_head in self.force_nouns or not after_head[:1].isalpha()
            ):
                forces = self._forces(table.texts[i], head)  # "Iraqi security officials", "an Iraqi military statement"
            elif head in self.military_people:
                forces = self._forces(table.texts[i], "military")  # "an Iraqi service member was wounded"
            if forces:
                out.append(EntityMention(i, i + 1, s, e, text, actor_id=forces, role="actor", source="nisba"))
                taken.add(i)
            elif head in self.agent_nouns and (state or country in self.gaz.actors):
                out.append(EntityMention(i, i + 1, s, e, text, actor_id=state or country, role="actor", source="nisba"))
                taken.add(i)
            elif head in self.place_nouns and country in self.gaz.places:
                out.append(EntityMention(i, i + 1, s, e, text, place_id=country, role="place", source="nisba"))
                taken.add(i)
        return out

    def _forces(self, demonym: str, head: str) -> str | None:
        """'Iraqi security officials' -> the gazetteer's "Iraqi security forces"; 'an Iraqi military
        statement' -> the actor the gazetteer calls "Iraqi military" or "Iraqi armed forces"."""
        forms = (
            [f"{demonym} security forces"]
            if head == "security"
            else [f"{demonym} military", f"{demonym} armed forces", f"{demonym} army", f"{demonym} forces"]
        )
        for form in forms:
            found = self._by_surface(form)
            if found:
                return found
        return None

    def _by_surface(self, form: str) -> str | None:
        return self._surface_index.get(form.lower())

    def _discover(
        self, doc: Doc, mentions: list[EntityMention], taken: set[int], skip: set[int] | frozenset[int] = frozenset()
    ) -> dict[str, DiscoveredActor]:
        """Persons not in the gazetteer, named after a title (or a chain of them: "spokesman Maj.
        Gen. Pat Ryder"); later the surname alone. Not in `skip` (title-case headlines)."""
        table = doc._.kg_tokens
        norms, texts, n = table.norms, table.texts, len(doc)
        found: dict[str, DiscoveredActor] = {}
        surnames: dict[str, str] = {}
        new: list[EntityMention] = []
        line_starts = {0} | {i + 1 for i in range(n) if "\n" in texts[i]}
        for i in range(n):
            if i in taken or i in skip:
                continue
            title_end = self._title_at(norms, i, n)
            if (
                title_end is None
                and self._name_word(texts, norms, i)
                and (i == 0 or not self._name_word(texts, norms, i - 1))
            ):
                k = i
                while k < n and k - i < 4 and (self._name_word(texts, norms, k) or norms[k] in self.particles):
                    k += 1
                after = k
                while after < n and table.space[after]:
                    after += 1
                if k - i >= 2 and after < n and norms[after] in self.speech_forms:
                    title_end = i  # "Amir Saeed Iravani said": a name the verb makes a speaker
            if title_end is None:
                continue
            if norms[i] == "by" and i not in line_starts and not (i > 0 and norms[i - 1] == "photo"):
                continue
            j = title_end
            while j < n and table.space[j]:
                j += 1
            while j < n and (chained := self._title_at(norms, j, n)) is not None and norms[j] != "by":
                j = chained  # "spokesman Maj. Gen. Pat Ryder": titles one after another
                while j < n and table.space[j]:
                    j += 1
            k = j
            words: list[int] = []
            while (
                k < n
                and k not in taken
                and (self._name_word(texts, norms, k) or (words and norms[k] in self.particles))
            ):
                words.append(k)
                k += 1
                if k < n and norms[k] == "-" and k + 1 < n and self._name_word(texts, norms, k + 1):
                    words.append(k)
                    k += 1
            while words and (norms[words[-1]] in self.particles or norms[words[-1]] == "-"):
                words.pop()
            if sum(1 for w in words if texts[w][:1].isupper()) < 2:
                continue
            start, end = words[0], words[-1] + 1
            s, e, text = _span(doc, start, end)
            pid = slugify(text.replace("’", "").replace("'", ""))
            if pid in self.gaz.actors:
                mention = EntityMention(start, end, s, e, text, actor_id=pid, role="actor")
            else:
                found.setdefault(pid, DiscoveredActor(pid, "", "person", name=text))
                mention = EntityMention(start, end, s, e, text, actor_id=pid, role="actor", source="discovered")
            new.append(mention)
            taken.update(range(start, end))
            surnames.setdefault(norms[end - 1], pid)
        if surnames:
            for i in range(n):
                if i not in taken and norms[i] in surnames and texts[i][:1].isupper():
                    s, e, text = _span(doc, i, i + 1)
                    pid = surnames[norms[i]]
                    new.append(EntityMention(i, i + 1, s, e, text, actor_id=pid, role="actor", source="discovered"))
                    taken.add(i)
        mentions.extend(new)
        return found

    def _title_at(self, norms: list[str], i: int, n: int) -> int | None:
        for phrase in self.titles_by_first.get(norms[i], ()) if 0 <= i < len(norms) else ():
            if tuple(norms[i : i + len(phrase)]) == phrase:
                return i + len(phrase)
        return None

    def _name_word(self, texts: list[str], norms: list[str], k: int) -> bool:
        """A capitalised word that is no title, month, weekday or institution word."""
        text = texts[k]
        return (
            bool(_CAPITALISED.match(text))
            and norms[k] not in self.not_names
            and norms[k] not in self.title_abbreviations
            and not text.isupper()
        )

    # ------------------------------------------------------------------------------------
    @staticmethod
    def _capital_states(gaz: Gazetteer) -> dict[str, str]:
        """Capital place id -> its state's actor id, from the country table the Arabic rules use
        (loaders/data/nlp/countries.json)."""
        capitals = create_lexicon().capitals
        out: dict[str, str] = {}
        for pid, place in gaz.places.items():
            country = capitals.get(norm_word(place.get("name_ar") or ""))
            state = gaz.state_for_country_name(country) if country else None
            if state and place.get("kind") == "city":
                out[pid] = state
        return out

    def _roles(self, doc: Doc, mentions: list[EntityMention]) -> None:
        table = doc._.kg_tokens
        norms, texts = table.norms, table.texts
        prev: EntityMention | None = None
        for n, m in enumerate(mentions):
            state = self.capital_states.get(m.place_id or "") if m.actor_id is None else None
            if state and self._speaks(table, m):
                m.actor_id, m.role, m.source = state, "actor", "capital"  # "Baghdad insisted ...": its state
            elif m.actor_id and m.place_id and m.source == "gazetteer":
                nxt_m = mentions[n + 1] if n + 1 < len(mentions) else None
                if self._modifier(table, m):
                    m.role, m.source = "actor", "modifier"  # "US forces", "Iran-backed": the state
                else:
                    m.role = "place" if self._locative(table, m, prev, nxt_m) else "actor"
            prev = m
        del norms, texts

    def _speaks(self, table, m: EntityMention) -> bool:  # noqa: ANN001
        """A name opening a clause right before a verb of speech ("Damascus denied", "Baghdad has
        insisted"), not after a preposition ("officials in Baghdad said")."""
        norms = table.norms
        k = m.start - 1
        while k >= 0 and (table.space[k] or norms[k] == "the"):
            k -= 1
        if k >= 0 and norms[k] not in (".", ",", ";", ":", "and", "but", '"', "“", "”", "while", "as", "meanwhile"):
            return False
        nxt = m.end
        while nxt < len(norms) and (
            table.space[nxt] or norms[nxt] in ("has", "had", "have", "also", "quickly", "officially")
        ):
            nxt += 1
        return nxt < len(norms) and norms[nxt] in self.speech_forms

    def _modifier(self, table, m: EntityMention) -> bool:  # noqa: ANN001
        """A state's name modifying a noun: "US forces", "Iran-backed", "US and Coalition forces"."""
        norms, texts = table.norms, table.texts
        follow = m.end
        while follow < len(norms) and table.space[follow]:
            follow += 1
        if follow < len(norms) and norms[follow] in ("and", "or"):
            k2 = follow + 1  # look past the other name
            while k2 < len(norms) and k2 - follow < 5 and (table.space[k2] or texts[k2][:1].isupper()):
                k2 += 1
            return k2 < len(norms) and norms[k2] in self.adjectival
        if follow < len(norms) and norms[follow] in self.title_words and texts[follow][:1].isupper():
            return True  # "U.S. Secretary of Defense", "Iraq Prime Minister"
        return follow < len(norms) and norms[follow] in self.adjectival

    def _locative(
        self, table, m: EntityMention, prev: EntityMention | None, nxt_m: EntityMention | None = None
    ) -> bool:  # noqa: ANN001
        norms, texts = table.norms, table.texts
        k = m.start - 1
        while k >= 0 and (table.space[k] or norms[k] in ("the", "neighboring", "neighbouring")):
            k -= 1
        before = norms[k] if k >= 0 else ""
        nxt = m.end
        while nxt < len(norms) and table.space[nxt]:
            nxt += 1
        after = nxt + 1
        while after < len(norms) and table.space[after]:
            after += 1
        if nxt < len(norms) and norms[nxt] in ("'s", "s") and after < len(norms) and norms[after] in self.territorial:
            return True  # "Iraq's sovereignty": the country
        if nxt < len(norms) and norms[nxt] in ("'s", "s") and after < len(norms) and texts[after][:1].isupper():
            return nxt_m is not None and nxt_m.start == after and nxt_m.role == "place"  # "Iraq's Camp Taji"
        if before == "of":
            j = k - 1
            while j >= 0 and table.space[j]:
                j -= 1
            return j >= 0 and norms[j] in self.directions  # "north of Baghdad"
        if before in ("and", ",", "or") and prev is not None and prev.end >= k - 1:
            return prev.role == "place"
        if before == "," and prev is not None and prev.role == "place":
            return True  # a dateline: "BAGHDAD, Iraq"
        if before == "to":
            j = k - 1
            while j >= 0 and table.space[j]:
                j -= 1
            if j >= 0 and norms[j] in self.not_locative_to:
                return False
        del texts
        return before in self.locatives


@Language.factory(
    "kg_en_entity_resolver",
    assigns=["doc._.kg_entities", "doc._.kg_discovered"],
    requires=["token.norm", "doc.spans"],
    default_config={"gazetteer": {"@misc": "kg.gazetteer.v1"}, "lexicon": {"@misc": "kg.en_lexicon.v1"}},
)
def make_english_entity_resolver(
    nlp: Language, name: str, gazetteer: Gazetteer, lexicon: EnglishLexicon
) -> EnglishEntityResolver:
    return EnglishEntityResolver(nlp, name, gazetteer, lexicon)
