"""The English rule vocabularies, read from `loaders/data/nlp/en/` by `kg.en_lexicon.v1`.

Words are stored in the normaliser's matching form (`norm_en`), phrases as tuples of token norms
cut by the same tokenizer as the text, so a lookup is a dict or set membership test. Verbs are
listed once by their base form; `inflect` writes out the forms a text uses.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy

from core.errors import ConfigError
from core.taxonomy import EVENT_TYPES, STATEMENT_KINDS

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data" / "nlp" / "en"
_VOWELS = "aeiou"


def inflect(base: str, past: str | None = None, participle: str | None = None, double: bool = False) -> dict:
    """{'base', 'third', 'past', 'participle', 'gerund'} of an English verb: regular rules, with
    the irregular past (and participle) given, and consonant doubling when `double`."""
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = base + "es"
    elif base.endswith("y") and base[-2:-1] not in _VOWELS:
        third = base[:-1] + "ies"
    else:
        third = base + "s"
    stem = base + base[-1] if double else base
    if past is None:
        if base.endswith("e"):
            past = base + "d"
        elif base.endswith("y") and base[-2:-1] not in _VOWELS:
            past = base[:-1] + "ied"
        else:
            past = stem + "ed"
    if base.endswith("ie"):
        gerund = base[:-2] + "ying"
    elif base.endswith("e") and not base.endswith(("ee", "ye", "oe")):
        gerund = base[:-1] + "ing"
    else:
        gerund = stem + "ing"
    return {"base": base, "third": third, "past": past, "participle": participle or past, "gerund": gerund}


def expand(phrase: str) -> list[str]:
    """A word-list entry with alternatives written out: each "{a|b|}" slot is one of its words
    ("{}" with an empty alternative may be left out), so "{will|would} not tolerate" stands for
    "will not tolerate" and "would not tolerate". An entry without slots is itself."""
    out = [""]
    for part in re.split(r"(\{[^}]*\})", phrase):
        options = part[1:-1].split("|") if part.startswith("{") and part.endswith("}") else [part]
        out = [prefix + option for prefix in out for option in options]
    return [" ".join(p.split()) for p in out if p.strip()]


def expand_all(phrases: list[str]) -> list[str]:
    return list(dict.fromkeys(x for p in phrases for x in expand(p)))


def _with_acronyms(values: list[str]) -> list[str]:
    """Short words also in capitals: the text's "IED" and "UAV" keep their capitals (see
    `normalizer`), the lists write them in lower case."""
    return values + [v.upper() for v in values if v.isalpha() and len(v) <= 3 and v.upper() not in values]


def plural(noun: str, irregular: dict[str, str]) -> str:
    if noun in irregular:
        return irregular[noun]
    last = noun.split()[-1]
    if last.endswith(("s", "sh", "ch", "x", "z")):
        return noun + "es"
    if last.endswith("y") and last[-2:-1] not in _VOWELS:
        return noun[:-1] + "ies"
    return noun + "s"


@dataclass(frozen=True)
class SpeechVerb:
    kind: str
    lemma: str
    form: str  # base | third | past | participle | gerund
    needs: frozenset[str] = frozenset()
    window: int = 0
    guard: str | None = None


@dataclass(frozen=True)
class Trigger:
    type: str
    cls: str  # noun | verb | weak_verb
    lemma: str
    plural: bool = False
    form: str = "base"


@dataclass
class EnglishLexicon:
    speech_verbs: dict[str, SpeechVerb]
    cues: dict[str, list[tuple[tuple[str, ...], str, int]]]  # first word -> (phrase, kind, rank)
    triggers: dict[str, Trigger]  # single-token forms
    trigger_phrases: dict[str, list[tuple[tuple[str, ...], Trigger]]]  # first word -> multi-token
    weapons: dict[tuple[str, ...], str]
    numbers: dict[str, int]
    demonyms: dict[str, str]
    dates: dict
    sets: dict[str, frozenset[str]] = field(default_factory=dict)
    phrases: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)

    def set(self, name: str) -> frozenset[str]:
        return self.sets[name]

    def phrase_list(self, name: str) -> list[tuple[str, ...]]:
        return self.phrases[name]


def _read(directory: Path, name: str) -> dict:
    path = directory / name
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the English rule vocabulary ({exc})") from exc


@lru_cache(maxsize=4)
def load_entities_data(directory: str | None = None) -> dict:
    return _read(Path(directory) if directory else DATA_DIR, "entities.json")


#: The checks a verb entry may name (`guard`); `loaders/nlp/english/statements.py` implements each.
SPEECH_GUARDS = frozenset({"claim", "directive", "dismiss", "label", "needs_as", "owns", "reject", "vow"})
_VERB_KEYS = frozenset({"base", "double", "guard", "kind", "needs", "participle", "past", "window"})


def _check_verb(entry: object, n: int, path: Path) -> dict:
    """One entry of speech.json's `verbs`, or a ConfigError naming the file and the entry."""
    where = f"{path}: verbs[{n}]"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: expected an object, got {entry!r}")
    where = f"{where} ({entry.get('base')})"
    unknown = set(entry) - _VERB_KEYS
    if unknown:
        raise ConfigError(f"{where}: unknown keys {sorted(unknown)}; use {sorted(_VERB_KEYS)}")
    if entry.get("kind") not in STATEMENT_KINDS or not entry.get("base"):
        raise ConfigError(f"{where}: needs a 'base' and a kind from {list(STATEMENT_KINDS)}, not {entry.get('kind')!r}")
    if entry.get("guard") is not None and entry["guard"] not in SPEECH_GUARDS:
        raise ConfigError(f"{where}: unknown guard {entry['guard']!r}; use one of {sorted(SPEECH_GUARDS)}")
    return entry


def _speech(data: dict, path: Path) -> dict[str, SpeechVerb]:
    out: dict[str, SpeechVerb] = {}
    for n, raw in enumerate(data["verbs"]):
        entry = _check_verb(raw, n, path)
        kind = entry["kind"]
        forms = inflect(entry["base"], entry.get("past"), entry.get("participle"), bool(entry.get("double")))
        from loaders.nlp.english.normalizer import norm_en

        for form_name, form in forms.items():
            key = norm_en(form)
            if key in out and out[key].lemma != entry["base"]:
                continue  # first listed wins ("pan"/"panned" never collide with a statement verb)
            out.setdefault(
                key,
                SpeechVerb(
                    kind=kind,
                    lemma=entry["base"],
                    form=form_name,
                    needs=frozenset(norm_en(w) for w in entry.get("needs", [])),
                    window=int(entry.get("window", 0)),
                    guard=entry.get("guard"),
                ),
            )
    return out


def _triggers(data: dict, path: Path) -> tuple[dict[str, Trigger], dict[str, list[tuple[tuple[str, ...], Trigger]]]]:
    from loaders.nlp.english.normalizer import phrase_norms

    single: dict[str, Trigger] = {}
    multi: dict[str, list[tuple[tuple[str, ...], Trigger]]] = {}
    irregular = data.get("irregular", {})
    plurals = data.get("plurals", {})

    def add(form: str, trig: Trigger) -> None:
        norms = phrase_norms(form)
        if len(norms) == 1:
            single.setdefault(norms[0], trig)
        elif norms:
            multi.setdefault(norms[0], []).append((norms, trig))

    for entry in data["triggers"]:
        etype, cls = entry.get("type"), entry.get("class")
        if etype not in EVENT_TYPES or cls not in ("noun", "verb", "weak_verb"):
            raise ConfigError(f"{path}: trigger entry {entry!r} needs a type from {EVENT_TYPES} and a class")
        for base in entry["forms"]:
            if cls == "noun":
                add(base, Trigger(etype, cls, base))
                add(plural(base, plurals), Trigger(etype, cls, base, plural=True))
            else:
                past, participle = irregular.get(base, [None, None])
                for form_name, form in inflect(base, past, participle).items():
                    add(form, Trigger(etype, cls, base, form=form_name))
    for words in multi.values():
        words.sort(key=lambda x: -len(x[0]))
    return single, multi


@spacy.registry.misc("kg.en_lexicon.v1")
def create_english_lexicon(data_dir: str | None = None) -> EnglishLexicon:
    """The English vocabularies from `loaders/data/nlp/en` (or `data_dir`); cached per directory."""
    return _cached(data_dir)


@lru_cache(maxsize=4)
def _cached(data_dir: str | None) -> EnglishLexicon:
    from loaders.nlp.english.normalizer import norm_en, phrase_norms

    directory = Path(data_dir) if data_dir else DATA_DIR
    speech = _read(directory, "speech.json")
    events = _read(directory, "events.json")
    entities = load_entities_data(data_dir)
    dates = _read(directory, "dates.json")
    dates = {k: expand_all(v) if isinstance(v, list) else v for k, v in dates.items()}

    order = speech["cue_order"]
    cues: dict[str, list[tuple[tuple[str, ...], str, int]]] = {}
    for kind, phrases in speech["cues"].items():
        if kind not in order:
            raise ConfigError(f"{directory / 'speech.json'}: cue kind {kind!r} is missing from cue_order")
        for phrase in expand_all(phrases):
            norms = phrase_norms(phrase)
            cues.setdefault(norms[0], []).append((norms, kind, order.index(kind)))
    for entries in cues.values():
        entries.sort(key=lambda x: (-len(x[0]), x[2]))

    triggers, trigger_phrases = _triggers(events, directory / "events.json")
    weapons = {phrase_norms(f): w for w, forms in events["weapons"].items() for f in _with_acronyms(forms)}

    def words(values: list[str]) -> frozenset[str]:
        return frozenset(norm_en(v) for v in values if " " not in v)

    sets: dict[str, frozenset[str]] = {}
    phrases: dict[str, list[tuple[str, ...]]] = {}
    for source in (speech, events, entities):
        for key, value in source.items():
            if isinstance(value, list) and all(isinstance(v, str) for v in value) and key != "abbreviations":
                value = expand_all(value)
                if source is events:
                    value = _with_acronyms(value)  # "IED", "UAV"; not "US" for the pronoun "us"
                sets[key] = words(value)
                phrases[key] = sorted({phrase_norms(v) for v in value if v.strip()}, key=len, reverse=True)
    light = frozenset(
        norm_en(f)
        for b in events["light_verbs"]
        for f in inflect(b, *events.get("irregular", {}).get(b, [None, None])).values()
    )
    sets["light_verbs"] = light
    return EnglishLexicon(
        speech_verbs=_speech(speech, directory / "speech.json"),
        cues=cues,
        triggers=triggers,
        trigger_phrases=trigger_phrases,
        weapons=weapons,
        numbers={norm_en(k): int(v) for k, v in events["numbers"].items()},
        demonyms={norm_en(k): v for k, v in entities["demonyms"].items()},
        dates=dates,
        sets=sets,
        phrases=phrases,
    )
