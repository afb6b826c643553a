"""The word lists the rule components use, read from `loaders/data/nlp/` and folded once.

Every list is data, not code, so a linguist can extend it without touching the rules. All words
are stored in the normaliser's matching form (`norm_word`), the same form the normaliser writes
to `token.norm_`, so a lookup is one dict or set membership test.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy

from core.errors import ConfigError
from core.event_types import VIOLENT
from core.taxonomy import ACTOR_KINDS, EVENT_TYPES, PLACE_KINDS, STATEMENT_KINDS
from core.text import MARKS, normalise
from loaders.nlp.morphology import first_person_plural, noun_forms, participle_forms, verb_forms

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "nlp"

# Object pronouns a reporting or event verb may carry ("أعلنها", "استهدفها").
OBJECT_SUFFIXES = ("ه", "ها", "هم", "هما")


def _spelling_table() -> list[tuple[str, str]]:
    path = DATA_DIR / "spelling.json"
    try:
        table = json.loads(path.read_text(encoding="utf-8"))["substrings"]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{path}: cannot read the spelling variants ({exc})") from exc
    return [(normalise(k), normalise(v)) for k, v in table.items()]


_SPELLING = _spelling_table()


def unify_spelling(folded: str) -> str:
    """One spelling for variants such as أمريكي/أميركي (input already folded)."""
    for variant, canonical in _SPELLING:
        if variant in folded:
            folded = folded.replace(variant, canonical)
    return folded


def norm_word(text: str) -> str:
    """The matching form of a word or phrase: `core.text.normalise` plus spelling variants."""
    return unify_spelling(normalise(text))


def _norm_all(words: list[str]) -> list[str]:
    return [norm_word(w) for w in words if w.strip()]


@dataclass(frozen=True)
class SpeechVerb:
    kind: str
    participle: bool
    guard: str | None
    object_kind: bool
    lemma: str  # the entry's first form, folded: "اعلن" for أعلن/أعلنت/يعلن...
    suffixed: bool = False  # carries an object pronoun ("أعلنها"): the noun before it is the object


@dataclass(frozen=True)
class Trigger:
    type: str
    cls: str  # noun | masdar | verb | fall | launch | light | passive
    number: str  # sg | du | pl


@dataclass
class Lexicon:
    """All rule vocabularies, folded. Built by `kg.lexicon.v1`."""

    words: frozenset[str]
    speech_verbs: dict[str, SpeechVerb]
    speech: dict
    object_kinds: dict[str, str]
    cues: dict[str, list[tuple[str, ...]]]
    cue_order: list[str]
    triggers: dict[str, Trigger]
    events: dict
    weapons: dict[str, str]
    numbers: dict[str, int]
    countries: list[dict]
    nisba: dict[str, str]  # adjective form -> country name (folded)
    capitals: dict[str, str]  # capital name -> country name (folded)
    country_data: dict
    discovery: dict
    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    naming_phrases: list[tuple[str, ...]] = field(default_factory=list)
    # attack verbs in the first person plural ("استهدفنا", "نستهدف"): a group telling its own action
    own_attack_forms: frozenset[str] = frozenset()

    def set(self, name: str) -> frozenset[str]:
        """A named word set (see `_named_sets`), e.g. `lex.set("complementizers")`."""
        return self.sets[name]

    def known_words(self) -> frozenset[str]:
        """Every single word a rule looks for: the normaliser must not cut a clitic off these."""
        known: set[str] = set(self.words)
        known.update(w for w in self.speech_verbs if " " not in w)
        known.update(w for w in self.triggers if " " not in w)
        for s in self.sets.values():
            known.update(w for w in s if " " not in w)
        known.update(self.weapons)
        known.update(self.numbers)
        known.update(self.nisba)
        known.update(self.object_kinds)
        for phrases in self.cues.values():
            for phrase in phrases:
                known.update(phrase)
        return frozenset(known)


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the NLP lexicon ({exc}); restore the file from the repository") from exc


def _nisba_forms(adj: str) -> list[str]:
    """'أميركي' -> أميركي, أميركية, أميركيون, أميركيين, the duals (سعوديتين), with and without
    the article."""
    stem = norm_word(adj)
    forms = [stem, stem + "ه", stem + "ون", stem + "ين", stem + "ان", stem + "تين", stem + "تان"]
    return forms + ["ال" + f for f in forms]


#: The checks a speech verb entry may name (`guard`); `loaders/nlp/statements.py` implements each.
SPEECH_GUARDS = frozenset(
    {
        "admit",
        "claim_object",
        "deny_object",
        "directive",
        "footage",
        "in_statement",
        "reject_object",
        "reported_from",
        "responsibility_object",
        "speech_object",
        "threat_object",
        "verbal_attack",
        "written",
    }
)
_VERB_KEYS = frozenset({"kind", "past", "present", "participle", "forms", "participles", "guard", "object_kind"})


def _check_verb(entry: object, n: int, source: str) -> dict:
    """One entry of speech.json's `verbs`, or a ConfigError naming the file and the entry."""
    where = f"{source}: verbs[{n}]"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: expected an object, got {entry!r}")
    label = entry.get("past") or entry.get("present") or (entry.get("forms") or ["?"])[0]
    where = f"{where} ({label})"
    unknown = set(entry) - _VERB_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown keys {sorted(unknown)}; use {sorted(_VERB_KEYS)}")
    if entry.get("kind") not in STATEMENT_KINDS:
        raise ConfigError(f"{where}: unknown kind {entry.get('kind')!r}; use one of {list(STATEMENT_KINDS)}")
    if entry.get("guard") is not None and entry["guard"] not in SPEECH_GUARDS:
        raise ConfigError(f"{where}: unknown guard {entry['guard']!r}; use one of {sorted(SPEECH_GUARDS)}")
    if not (entry.get("past") or entry.get("present") or entry.get("forms")):
        raise ConfigError(f"{where}: give the verb's 'past', 'present' or its 'forms'")
    return entry


def _speech_tables(speech: dict, source: str = "speech.json") -> dict[str, SpeechVerb]:
    table: dict[str, SpeechVerb] = {}
    for n, raw in enumerate(speech["verbs"]):
        entry = _check_verb(raw, n, source)
        guard = entry.get("guard")
        obj = bool(entry.get("object_kind"))
        try:
            finite = verb_forms(entry.get("past"), entry.get("present"))
            participles = {f for p in _listed(entry.get("participle")) for f in participle_forms(p)}
        except ValueError as exc:
            raise ConfigError(f"{source}: verbs[{n}]: {exc}") from exc
        first = _listed(entry.get("past")) or _listed(entry.get("present")) or entry["forms"]
        lemma = norm_word(first[0])
        for form in sorted(set(_norm_all(sorted(finite) + entry.get("forms", [])))):
            verb = SpeechVerb(entry["kind"], False, guard, obj, lemma)
            table.setdefault(form, verb)
            for suffix in OBJECT_SUFFIXES:
                # "أعلنها": the pronoun is the object; "أعلنتها" likewise.
                table.setdefault(form + suffix, SpeechVerb(entry["kind"], False, guard, obj, lemma, True))
        for form in sorted(set(_norm_all(sorted(participles) + entry.get("participles", [])))):
            table.setdefault(form, SpeechVerb(entry["kind"], True, guard, obj, lemma))
    return table


def _listed(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


def _adjective_forms(adjective: str) -> list[str]:
    """'سافر' -> سافر, سافرا, سافرة, السافر, السافرة, سافرين, سافرون: gender, case, article."""
    forms = [adjective, adjective + "ا", adjective + "ة", adjective + "ين", adjective + "ون"]
    return forms + ["ال" + f for f in forms if not f.endswith("ا")]


def _future_cues(speech: dict, events: dict) -> dict[str, list[tuple[str, ...]]]:
    """Single-word cues made of future forms: 'سنرد' threatens, 'ستواصل' pledges, and so does
    the future of every attack verb ('سنستهدف'); 'سوف نرد' is the same future in two words."""
    entries: dict[str, list[dict]] = {k: v for k, v in speech.get("future_cues", {}).items() if k != "about"}
    attacks = [t for t in events["triggers"] if t["type"] in VIOLENT and t.get("present")]
    entries["threaten"] = entries.get("threaten", []) + [{"present": t["present"]} for t in attacks]
    out: dict[str, list[tuple[str, ...]]] = {}
    for kind, verbs in entries.items():
        if kind not in STATEMENT_KINDS:
            raise ConfigError(f"speech.json: future_cues: unknown kind {kind!r}")
        phrases: set[tuple[str, ...]] = set()
        for verb in verbs:
            present = verb_forms(None, verb.get("present"), future=False)
            for form in present:
                if form[:1] in ("ي", "ت", "ن"):
                    phrases.add((norm_word("س" + form),))
                    phrases.add(("سوف", norm_word(form)))
        out[kind] = sorted(phrases)
    return out


#: The classes of event trigger the event rules (loaders/nlp/events/) tell apart, and the numbers
#: a trigger noun comes in.
TRIGGER_CLASSES = (
    "verb",
    "light",
    "launch",
    "noun",
    "masdar",
    "passive",
    "arrive",
    "fall",
    "intercept",
    "weapon_verb",
    "claimed_killing",
)
TRIGGER_NUMBERS = ("sg", "du", "pl")
_TRIGGER_KEYS = frozenset({"type", "class", "number", "past", "present", "forms"})


def _trigger_table(events: dict, source: str = "events.json") -> dict[str, Trigger]:
    table: dict[str, Trigger] = {}
    for n, entry in enumerate(events["triggers"]):
        label = entry.get("past") or entry.get("present") or (entry.get("forms") or ["?"])[0]
        where = f"{source}: triggers[{n}] ({label})"
        if entry.get("type") not in EVENT_TYPES:
            raise ConfigError(f"{where}: unknown event type {entry.get('type')!r}; use one of {list(EVENT_TYPES)}")
        if set(entry) - _TRIGGER_KEYS:
            raise ConfigError(
                f"{where}: unknown keys {sorted(set(entry) - _TRIGGER_KEYS)}; use {sorted(_TRIGGER_KEYS)}"
            )
        if entry.get("class") not in TRIGGER_CLASSES:
            raise ConfigError(f"{where}: unknown class {entry.get('class')!r}; use one of {list(TRIGGER_CLASSES)}")
        if entry.get("number") not in TRIGGER_NUMBERS:
            raise ConfigError(f"{where}: unknown number {entry.get('number')!r}; use one of {list(TRIGGER_NUMBERS)}")
        trig = Trigger(entry["type"], entry["class"], entry["number"])
        # a verb given by its citation forms: every form but the future ("سيستهدف" is no event)
        generated = sorted(verb_forms(entry.get("past"), entry.get("present"), future=False))
        for form in _norm_all(generated + entry.get("forms", [])):
            table.setdefault(form, trig)
            if (
                entry["class"] == "noun"
                and entry["number"] == "sg"
                and not form.startswith("ال")
                and not form.endswith(("ه", "ا", "ء", "ي"))
            ):
                table.setdefault(form + "ا", trig)  # the accusative: "انفجارا", "هجوما"
    return table


def _named_sets(speech: dict, events: dict, countries: dict, discovery: dict) -> dict[str, frozenset[str]]:
    """Flat word sets, named after their key in the data files."""
    out: dict[str, frozenset[str]] = {}
    for source in (speech, events, countries):
        for key, value in source.items():
            if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
                out[key] = frozenset(_norm_all(value))
    # "لم تشارك", "لم يتورطوا", "لا تقف": every finite form of the verbs of taking part in an act
    involvement = speech.get("involvement_verbs", [])
    forms = [f for v in involvement for f in verb_forms(v.get("past"), v.get("present"), future=False)]
    out["involvement_forms"] = frozenset(_norm_all(forms))
    # "استشهد 6", "استشهدوا", "يصاب", "أصيبا": the verbs of dying and being hurt in every person
    # "لقي حتفه", "لقيا حتفهما", "لقوا مصرعهم": the nouns of death with every possessive
    out["death_nouns"] = frozenset(_norm_all([f for noun in events.get("death_nouns", []) for f in noun_forms(noun)]))
    out["killed"] = out.get("killed", frozenset()) | out["death_nouns"]
    # "عبّر عن قلقه", "عبروا عن تضامنهم": what one expresses, with the article and every possessive
    out["expressed_nouns"] = frozenset(
        _norm_all([f for noun in speech.get("expressed_nouns", []) for f in noun_forms(noun)])
    )
    for cue, lemmas in events.get("casualty_verb_lemmas", {}).items():
        inflected = frozenset(_norm_all([f for v in lemmas for f in verb_forms(v.get("past"), v.get("present"))]))
        out[cue] = out.get(cue, frozenset()) | inflected
        out["casualty_verbs"] = out.get("casualty_verbs", frozenset()) | inflected
    # "مسؤول أمني", "مسؤولان أمنيان", "مصدرين عسكريين": the nouns of unnamed officials and their
    # qualifiers in both numbers, with and without the article
    # (they take the sound endings the country adjectives take: _nisba_forms writes both out)
    stems = [norm_word(w) for w in speech.get("official_noun_stems", [])]
    numbered = {w: _nisba_forms(w) for w in stems}
    out["official_nouns"] = out.get("official_nouns", frozenset()) | frozenset(
        f for forms in numbered.values() for f in forms
    )
    # those of them a country adjective makes that country's ("دبلوماسيان إيرانيان") in both numbers too
    agents = out.get("agent_nouns", frozenset())
    out["agent_nouns"] = agents | frozenset(f for w, forms in numbered.items() if w in agents for f in forms)
    for kind in ("military", "security"):
        words = speech["official_qualifiers"][kind]
        out["official_" + kind] = frozenset(_norm_all(words + [f for w in words for f in _nisba_forms(w)]))
    for name, words in speech["anaphors"].items():
        out["anaphor_" + name] = frozenset(_norm_all(words))
    out["support_agreement"] = frozenset(_norm_all(events["support_verbs"]["agreement"]))
    out["support_meeting"] = frozenset(_norm_all(events["support_verbs"].get("meeting", [])))
    out["support_resolution"] = frozenset(_norm_all(events["support_verbs"]["resolution"]))
    out["meeting_phone"] = frozenset(_norm_all(events["support_verbs"]["meeting_phone"]))
    out["group_heads"] = frozenset(_norm_all(list(discovery["group_heads"])))
    out["generic_names"] = frozenset(_norm_all(discovery["generic_names"]))
    out["name_stops"] = frozenset(_norm_all(discovery["name_stops"]))
    out["titles"] = frozenset(_norm_all(discovery["titles"]))
    out["title_modifiers"] = frozenset(_norm_all(discovery["title_modifiers"]))
    out["former_words"] = frozenset(_norm_all(discovery.get("former_words", [])))
    # military ranks written before a name: speech.json's and the transliterated ones of discovery.json
    out["ranks"] = out.get("ranks", frozenset()) | frozenset(_norm_all(discovery.get("ranks", [])))
    out["office_prepositions"] = frozenset(_norm_all(discovery.get("office_prepositions", [])))
    out["accredited_prepositions"] = frozenset(_norm_all(discovery.get("accredited_prepositions", [])))
    out["generic_short_names"] = frozenset(_norm_all(discovery.get("generic_short_names", [])))
    # spelled exactly (marks aside): "علي" is the name only with its dotted ya
    out["name_homographs"] = frozenset(MARKS.sub("", w) for w in discovery.get("name_homographs", []))
    return out


#: The keys of discovery.json, and what each holds (checked when the file loads).
_DISCOVERY_KEYS: dict[str, type] = {
    "about": str,
    "group_heads": dict,
    "spokesman_heads": list,
    "titles": list,
    "title_modifiers": list,
    "ranks": list,
    "office_prepositions": list,
    "accredited_prepositions": list,
    "name_homographs": list,
    "generic_names": list,
    "name_stops": list,
    "max_name_tokens": int,
    "place_heads": dict,
    "dual_place_heads": dict,
    "feminine_place_heads": list,
    "bare_name_place_heads": list,
    "class_place_heads": list,
    "locality_heads": dict,
    "generic_short_names": list,
    "identifying_pronouns": list,
    "former_words": list,
}
_DISCOVERY_REQUIRED = ("group_heads", "titles", "title_modifiers", "generic_names", "name_stops", "place_heads")


def _check_discovery(discovery: dict, source: str) -> dict:
    """discovery.json as the discovery component reads it, or a ConfigError naming the file and
    the entry: an unknown key, a list that is not of words, a kind no actor or place has."""
    unknown = set(discovery) - set(_DISCOVERY_KEYS)
    if unknown:
        raise ConfigError(f"{source}: unknown keys {sorted(unknown)}; use {sorted(_DISCOVERY_KEYS)}")
    missing = [k for k in _DISCOVERY_REQUIRED if k not in discovery]
    if missing:
        raise ConfigError(f"{source}: missing keys {missing}")
    for key, value in discovery.items():
        expected = _DISCOVERY_KEYS[key]
        if not isinstance(value, expected) or isinstance(value, bool):
            raise ConfigError(f"{source}: {key}: expected a {expected.__name__}, got {value!r}")
        if isinstance(value, list):
            for n, word in enumerate(value):
                if not isinstance(word, str) or not word.strip():
                    raise ConfigError(f"{source}: {key}[{n}]: expected a word, got {word!r}")
    kinds = {"group_heads": ACTOR_KINDS, "place_heads": PLACE_KINDS, "dual_place_heads": PLACE_KINDS}
    for key, allowed in kinds.items():
        for head, kind in discovery.get(key, {}).items():
            if kind not in allowed:
                raise ConfigError(f"{source}: {key}[{head!r}]: unknown kind {kind!r}; use one of {list(allowed)}")
    return discovery


def load_lexicon(data_dir: Path = DATA_DIR) -> Lexicon:
    """Read and fold every vocabulary file once."""
    words_path = data_dir / "words.txt"
    try:
        lines = words_path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{words_path}: cannot read the word list ({exc})") from exc
    words = frozenset(norm_word(w) for w in lines if w.strip() and not w.lstrip().startswith("#"))
    speech = _read_json(data_dir / "speech.json")
    events = _read_json(data_dir / "events.json")
    countries = _read_json(data_dir / "countries.json")
    discovery = _check_discovery(_read_json(data_dir / "discovery.json"), str(data_dir / "discovery.json"))

    object_kinds = {
        norm_word(form): kind
        for kind, nouns in speech["object_kinds"].items()
        if kind != "about"
        for noun in nouns
        for form in noun_forms(noun)
    }
    cues = {kind: [tuple(norm_word(p).split()) for p in phrases] for kind, phrases in speech["cues"].items()}
    for kind, future in _future_cues(speech, events).items():
        cues.setdefault(kind, []).extend(future)
    cues.setdefault("condemn", []).extend(
        (norm_word(form),)
        for adj in speech.get("judgement_adjectives", {}).get("words", [])
        for form in _adjective_forms(adj)
    )
    weapons: dict[str, str] = {}
    for weapon in events["weapon_head_precedence"]:
        for w in _norm_all(events["weapons"][weapon]):
            weapons.setdefault(w, weapon)
    numbers = {norm_word(k): v for k, v in events["numbers"].items()}
    nisba: dict[str, str] = {}
    capitals: dict[str, str] = {}
    for c in countries["countries"]:
        country = norm_word(c["country"])
        for adj in c["adj"]:
            for form in _nisba_forms(adj):
                nisba.setdefault(form, country)
        for cap in c["capital"]:
            capitals[norm_word(cap)] = country
    return Lexicon(
        words=words,
        speech_verbs=_speech_tables(speech, str(data_dir / "speech.json")),
        speech=speech,
        object_kinds=object_kinds,
        cues=cues,
        cue_order=list(speech["cue_order"]),
        triggers=_trigger_table(events, str(data_dir / "events.json")),
        events=events,
        weapons=weapons,
        numbers=numbers,
        countries=countries["countries"],
        nisba=nisba,
        capitals=capitals,
        country_data=countries,
        discovery=discovery,
        sets=_named_sets(speech, events, countries, discovery),
        naming_phrases=[tuple(norm_word(p).split()) for p in speech.get("naming_phrases", [])],
        own_attack_forms=frozenset(
            norm_word(f)
            for t in events["triggers"]
            if t["type"] in VIOLENT and t["class"] in ("verb", "light", "launch")
            for f in first_person_plural(t.get("past"), t.get("present"))
        ),
    )


@lru_cache(maxsize=4)
def _cached_lexicon(data_dir: str) -> Lexicon:
    return load_lexicon(Path(data_dir))


@spacy.registry.misc("kg.lexicon.v1")
def create_lexicon(data_dir: str | None = None) -> Lexicon:
    """The rule vocabularies; one shared, cached instance per data directory."""
    return _cached_lexicon(str(Path(data_dir) if data_dir else DATA_DIR))
