"""A synthetic corpus of Arabic news reports, for measuring what the system costs at scale.

Why synthetic: real reports cannot be redistributed, and a benchmark needs any size on demand, the
same bytes every time, and the shape of real news: one event reported by several outlets with
different figures, the same armed groups and governments recurring, claims of responsibility next
to denials and accusations. Every actor and place comes from the project's gazetteer
(`loaders/data/gazetteer/*.jsonl`), so the extractor recognises them as it would in real text; the
sentences come from templates written for this module.

The generator streams: it walks day by day, invents that day's events, writes each outlet's report
of them and yields the articles; only one day is held in memory. It is prefix-stable: the first
1,000 articles of a 10,000-article corpus are the 1,000-article corpus of the same seed.

    python -m benchmarks.corpus --n 10000 --seed 7 -o /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

import loaders
from core.event_types import VIOLENT
from loaders.dates import DATES_FILE

GAZETTEER_DIR = Path(loaders.__file__).resolve().parent / "data" / "gazetteer"
DEFAULT_START = date(2023, 10, 1)
DEFAULT_EVENTS_PER_DAY = 12

# ---------------------------------------------------------------------------------------------
# Calendar words

# Weekday and month names as the extractor reads them (loaders/data/nlp/dates.json): the first
# spelling of each month is the Levantine name ("كانون الثاني"), the second the Egyptian ("يناير").
_DATE_WORDS = json.loads(DATES_FILE.read_text(encoding="utf-8"))
_WEEKDAYS = tuple(_DATE_WORDS["weekdays"][str(day)][0] for day in range(7))  # Monday first, as date.weekday()
_MONTHS_LEVANT = tuple(_DATE_WORDS["months"][str(month)][0] for month in range(1, 13))
_MONTHS_EGYPT = tuple(_DATE_WORDS["months"][str(month)][1] for month in range(1, 13))
_DAY_PARTS = ("", "", "مساء ", "فجر ", "صباح ", "ليل ", "ظهر ")

# Number words for 3..10: the masculine form goes with feminine nouns and the other way round.
_NUM_FOR_FEM_NOUN = {3: "ثلاث", 4: "أربع", 5: "خمس", 6: "ست", 7: "سبع", 8: "ثماني", 9: "تسع", 10: "عشر"}
_NUM_FOR_MASC_NOUN = {3: "ثلاثة", 4: "أربعة", 5: "خمسة", 6: "ستة", 7: "سبعة", 8: "ثمانية", 9: "تسعة", 10: "عشرة"}

# ---------------------------------------------------------------------------------------------
# Gazetteer entities and the roles they play

#: First words of Arabic names that make the name grammatically feminine.
_FEMININE_HEADS = frozenset("كتائب سرايا قوات الفصائل وحدات عصائب فصائل الولايات الأمم".split())
#: States whose Arabic name is masculine (most country names are feminine).
_MASCULINE_STATES = frozenset({"iraq", "jordan", "lebanon", "yemen", "bahrain", "kuwait"})


@dataclass(frozen=True)
class Entity:
    """A gazetteer actor or place with what the templates need: its Arabic forms and gender."""

    id: str
    name: str
    name_ar: str
    kind: str
    forms: tuple[str, ...]
    feminine: bool
    title_ar: str | None = None
    country: str | None = None
    parents: tuple[str, ...] = ()


def _is_feminine(id_: str, name_ar: str, kind: str, title_ar: str | None) -> bool:
    if kind == "state":
        return id_ not in _MASCULINE_STATES
    if kind == "person":
        head = (title_ar or "").split(" ")[0]
        return head.endswith("ة")
    if kind == "city":
        return True
    head = name_ar.split(" ")[0]
    return head.endswith("ة") or head in _FEMININE_HEADS


def _entity(record: dict[str, Any]) -> Entity:
    forms = [record["name_ar"]]
    # Variants with the definite article or a plain spelling make the text less uniform; very short
    # forms are skipped because they lean on context the templates do not always give.
    forms += [v for v in record.get("ar_variants") or [] if len(v.split()) >= 2 and v not in forms][:4]
    return Entity(
        id=record["id"],
        name=record["name"],
        name_ar=record["name_ar"],
        kind=record["kind"],
        forms=tuple(forms),
        feminine=_is_feminine(record["id"], record["name_ar"], record["kind"], record.get("title_ar")),
        title_ar=record.get("title_ar"),
        country=record.get("country"),
        parents=tuple(record.get("member_of") or record.get("located_in") or ()),
    )


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


#: Actors by role: (id, weight). Ids absent from the gazetteer are skipped, so the corpus keeps
#: working when the gazetteer changes; every pool must keep at least one member.
_ROLES: dict[str, tuple[tuple[str, float], ...]] = {
    "attacker": (
        ("islamic-resistance-in-iraq", 10),
        ("kataib-hezbollah", 5),
        ("harakat-al-nujaba", 4),
        ("kataib-sayyid-al-shuhada", 2),
        ("asaib-ahl-al-haq", 1),
        ("isis", 6),
        ("saraya-awliya-al-dam", 1),
        ("ashab-al-kahf", 1),
        ("rab-allah", 1),
        ("usbat-al-thairin", 1),
        ("qasim-al-jabbarin", 1),
        ("harakat-ansar-allah-al-awfiya", 1),
        ("kurdistan-workers-party", 2),
        ("arab-tribal-forces", 2),
        ("hayat-tahrir-al-sham", 1),
        ("saraya-qabdat-al-huda", 1),
    ),
    "attack_target": (
        ("us-military", 6),
        ("global-coalition-against-daesh", 4),
        ("iraqi-army", 2),
        ("peshmerga", 2),
        ("syrian-democratic-forces", 2),
        ("turkish-armed-forces", 1),
        ("iraqi-federal-police", 1),
        ("popular-mobilization-forces", 1),
    ),
    "striker": (
        ("centcom", 6),
        ("us-military", 3),
        ("us-air-force", 1),
        ("israeli-air-force", 3),
        ("israel-defense-forces", 2),
        ("turkish-armed-forces", 4),
        ("iraqi-air-force", 3),
        ("global-coalition-against-daesh", 2),
        ("russian-armed-forces", 1),
        ("iraqi-army-aviation", 1),
    ),
    "strike_target": (
        ("kataib-hezbollah", 4),
        ("harakat-al-nujaba", 3),
        ("isis", 6),
        ("kurdistan-workers-party", 3),
        ("islamic-revolutionary-guard-corps", 2),
        ("popular-mobilization-forces", 2),
        ("hezbollah", 1),
        ("peoples-protection-units", 2),
        ("kataib-sayyid-al-shuhada", 1),
    ),
    "accuser": (
        ("us-department-of-defense", 4),
        ("centcom", 3),
        ("white-house", 2),
        ("us-state-department", 2),
        ("pat-ryder", 2),
        ("john-kirby", 1),
        ("iraqi-government", 2),
        ("iraqi-security-media-cell", 2),
        ("syrian-democratic-forces", 1),
        ("kurdistan-regional-government", 2),
        ("israel-defense-forces", 1),
        ("turkish-ministry-of-national-defense", 1),
        ("lloyd-austin", 1),
        ("matthew-miller", 1),
    ),
    "accused": (
        ("iran", 4),
        ("iran-aligned-militias", 3),
        ("islamic-revolutionary-guard-corps", 2),
        ("kataib-hezbollah", 3),
        ("harakat-al-nujaba", 2),
        ("isis", 2),
        ("kurdistan-workers-party", 1),
    ),
    "denier": (
        ("iranian-ministry-of-foreign-affairs", 3),
        ("nasser-kanaani", 2),
        ("esmaeil-baghaei", 1),
        ("kataib-hezbollah", 2),
        ("asaib-ahl-al-haq", 2),
        ("badr-organization", 1),
        ("harakat-al-nujaba", 1),
        ("popular-mobilization-forces", 1),
        ("kurdistan-workers-party", 1),
        ("saraya-al-salam", 1),
    ),
    "condemner": (
        ("iraqi-government", 4),
        ("iraqi-ministry-of-foreign-affairs", 3),
        ("us-embassy-in-baghdad", 2),
        ("united-nations-assistance-mission-for-iraq", 2),
        ("kurdistan-regional-government", 2),
        ("uk-government", 1),
        ("arab-league", 1),
        ("european-union", 1),
        ("mohammed-shia-al-sudani", 2),
        ("basim-al-awadi", 1),
        ("syrian-ministry-of-foreign-affairs", 1),
        ("iranian-ministry-of-foreign-affairs", 1),
        ("turkish-ministry-of-foreign-affairs", 1),
        ("french-ministry-for-europe-and-foreign-affairs", 1),
        ("saudi-ministry-of-foreign-affairs", 1),
        ("united-nations", 1),
    ),
    "caller": (
        ("united-nations", 2),
        ("united-nations-assistance-mission-for-iraq", 2),
        ("european-union", 1),
        ("antonio-guterres", 1),
        ("stephane-dujarric", 1),
        ("muqtada-al-sadr", 1),
        ("ali-al-sistani", 1),
        ("iraqi-parliament", 1),
        ("arab-league", 1),
        ("us-state-department", 1),
        ("ammar-al-hakim", 1),
    ),
    "addressee": (
        ("iraqi-government", 4),
        ("united-states", 2),
        ("iran", 1),
        ("united-nations-security-council", 1),
        ("global-coalition-against-daesh", 1),
        ("turkey", 1),
        ("syrian-government", 1),
        ("kurdistan-regional-government", 1),
    ),
    "threatener": (
        ("joe-biden", 1),
        ("lloyd-austin", 2),
        ("pat-ryder", 1),
        ("centcom", 1),
        ("kataib-hezbollah", 2),
        ("harakat-al-nujaba", 2),
        ("akram-al-kaabi", 1),
        ("islamic-resistance-in-iraq", 2),
        ("qais-al-khazali", 1),
        ("islamic-revolutionary-guard-corps", 1),
        ("hossein-salami", 1),
        ("benjamin-netanyahu", 1),
        ("recep-tayyip-erdogan", 1),
    ),
    "pledger": (
        ("mohammed-shia-al-sudani", 3),
        ("iraqi-government", 2),
        ("iraqi-ministry-of-interior", 1),
        ("abdul-amir-al-shammari", 1),
        ("masrour-barzani", 1),
        ("yehia-rasool", 1),
        ("sabah-al-numan", 1),
    ),
    "security": (
        ("iraqi-security-media-cell", 4),
        ("counter-terrorism-service", 3),
        ("iraqi-ministry-of-interior", 2),
        ("iraqi-national-security-service", 2),
        ("asayish", 1),
        ("iraqi-joint-operations-command", 2),
        ("syrian-general-security", 1),
        ("internal-security-forces-of-north-and-east-syria", 1),
    ),
    "official": (
        ("mohammed-shia-al-sudani", 4),
        ("fuad-hussein", 3),
        ("abbas-araghchi", 1),
        ("hossein-amir-abdollahian", 1),
        ("antony-blinken", 1),
        ("alina-romanowski", 2),
        ("hakan-fidan", 1),
        ("nechirvan-barzani", 2),
        ("masrour-barzani", 1),
        ("mohammed-al-hassan", 1),
        ("qasim-al-araji", 2),
        ("ayman-safadi", 1),
        ("asaad-al-shaibani", 1),
        ("faisal-mekdad", 1),
        ("brett-mcgurk", 1),
    ),
}

#: Outlets (media actors) and how often they report; Iraqi and regional outlets dominate.
_OUTLETS: tuple[tuple[str, float], ...] = (
    ("shafaq-news", 8),
    ("rudaw", 6),
    ("alsumaria", 6),
    ("baghdad-today", 5),
    ("iraqi-news-agency", 5),
    ("al-jazeera", 4),
    ("al-arabiya", 4),
    ("kurdistan24", 4),
    ("al-mayadeen", 3),
    ("al-hadath", 3),
    ("964", 3),
    ("al-sharqiya", 2),
    ("anadolu-agency", 2),
    ("afp", 2),
    ("reuters", 2),
    ("sputnik", 2),
    ("alhurra", 2),
    ("north-press-agency", 2),
    ("enab-baladi", 1),
    ("hawar-news-agency", 1),
    ("sana", 1),
    ("tasnim-news-agency", 1),
    ("al-mada", 1),
    ("sabereen-news", 1),
    ("al-araby-al-jadeed", 1),
    ("asharq-al-awsat", 1),
    ("bbc", 1),
    ("associated-press", 1),
    ("irna", 1),
    ("al-manar", 1),
)

#: Place kinds an attack or strike happens at, and their weights.
_SITE_KINDS = {"base": 6.0, "facility": 1.5, "city": 1.0, "district": 0.6}
#: Bases that recur in the news far more than others.
_HOT_SITES = {
    "ain-al-asad-air-base": 40,
    "al-harir-air-base": 20,
    "erbil-international-airport": 18,
    "us-embassy-in-baghdad": 12,
    "baghdad-diplomatic-support-center": 8,
    "al-tanf-garrison": 10,
    "al-omar-oil-field": 12,
    "conoco-gas-field": 10,
    "al-shaddadi-base": 8,
    "kharab-al-jir": 6,
    "tower-22": 4,
    "qasrak": 4,
    "mission-support-site-euphrates": 6,
    "victory-base-complex": 6,
}
_THEATRES = ("iraq", "syria")


class Cast:
    """Gazetteer entities sorted into the roles the templates draw from (built once, cached)."""

    def __init__(self, directory: Path = GAZETTEER_DIR) -> None:
        actors = [_entity(r) for r in _read_jsonl(directory / "actors.jsonl")]
        places = [_entity(r) for r in _read_jsonl(directory / "places.jsonl")]
        self.actors = {a.id: a for a in actors}
        self.places = {p.id: p for p in places}
        self.roles: dict[str, tuple[list[Entity], list[float]]] = {}
        for role, members in _ROLES.items():
            found = [(self.actors[i], w) for i, w in members if i in self.actors]
            if not found:
                raise ValueError(f"no actor of the role {role!r} is in the gazetteer at {directory}")
            self.roles[role] = ([e for e, _ in found], [w for _, w in found])
        outlets = [(self.actors[i], w) for i, w in _OUTLETS if i in self.actors]
        if len(outlets) < 6:
            raise ValueError(f"fewer than 6 known outlets in the gazetteer at {directory}")
        self.outlets = ([e for e, _ in outlets], [w for _, w in outlets])
        sites = [
            (p, _HOT_SITES.get(p.id, _SITE_KINDS[p.kind]))
            for p in places
            if p.kind in _SITE_KINDS and self.country_of(p.id) in _THEATRES
        ]
        self.sites = ([p for p, _ in sites], [w for _, w in sites])
        self.cities = [p for p in places if p.kind == "city" and self.country_of(p.id) in _THEATRES]

    def country_of(self, place_id: str, depth: int = 0) -> str | None:
        place = self.places.get(place_id)
        if place is None or depth > 8:
            return None
        if place.kind == "country":
            return place.id
        for parent in place.parents:
            found = self.country_of(parent, depth + 1)
            if found:
                return found
        return None

    def region_of(self, place: Entity) -> Entity | None:
        """The governorate or city a site lies in, for "قاعدة ... في محافظة ..." phrases."""
        for parent in place.parents:
            p = self.places.get(parent)
            if p is not None and p.kind in ("governorate", "city", "district"):
                return p
        return None

    def pick(self, rng: random.Random, role: str, exclude: Sequence[Entity] = ()) -> Entity:
        members, weights = self.roles[role]
        for _ in range(8):
            e = rng.choices(members, weights)[0]
            if e not in exclude:
                return e
        return e


@lru_cache(maxsize=4)
def get_cast(directory: Path = GAZETTEER_DIR) -> Cast:
    return Cast(directory)


# ---------------------------------------------------------------------------------------------
# What happened (the truth behind the reports)


@dataclass
class PlannedStatement:
    kind: str
    speaker: Entity
    other: Entity | None = None  # whom it accuses or addresses


@dataclass
class SyntheticEvent:
    key: str
    type: str  # attack | airstrike | arrest | meeting | none (statements only)
    day: date
    place: Entity | None
    perpetrator: Entity | None = None
    target: Entity | None = None
    weapon: str | None = None
    count: int | None = None
    killed: int = 0
    injured: int = 0
    statements: list[PlannedStatement] = field(default_factory=list)


@dataclass
class SyntheticArticle:
    """One generated article: its record (what goes into the .jsonl) and what it was built from.

    `paragraphs` are what the article says; the dateline and the related-news block around them
    are scraping debris the loader has to remove, as in real scraped pages.
    """

    record: dict[str, Any]
    event_key: str
    event_type: str
    statement_kinds: tuple[str, ...]
    paragraphs: list[str] = field(default_factory=list)
    dateline: str | None = None
    related: tuple[str, ...] = ()
    related_at: int = 0
    outlet_id: str = ""

    def render(self) -> None:
        parts = list(self.paragraphs)
        if self.dateline and parts:
            parts[0] = f"{self.dateline} {parts[0]}"
        if self.related:
            at = min(self.related_at, len(parts))
            parts[at:at] = ["أخبار ذات صلة", "\n".join(self.related)]
        self.record["text"] = "\n\n".join(parts)

    def line(self) -> str:
        return json.dumps(self.record, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------
# Sentences

_GENDER = re.compile(r"\[([^|\]]*)\|([^\]]*)\]")


def _agree(template: str, subject: Entity, **slots: str) -> str:
    """Fill slots, then pick `[masculine|feminine]` forms by the subject's grammatical gender."""
    text = template.format(**slots)
    return _GENDER.sub(lambda m: m.group(2) if subject.feminine else m.group(1), text)


def _name(rng: random.Random, e: Entity, first: bool = True) -> str:
    """How a report names an actor or place: the usual form, a variant, a person with their office."""
    if e.kind == "person":
        if first and e.title_ar:
            return f"{e.title_ar} {e.name_ar}"
        return e.name_ar
    return e.forms[0] if rng.random() < 0.7 or len(e.forms) == 1 else rng.choice(e.forms[1:])


def _place_phrase(rng: random.Random, cast: Cast, place: Entity) -> str:
    name = _name(rng, place)
    region = cast.region_of(place)
    if region is not None and rng.random() < 0.5:
        return f"{name} في {_name(rng, region)}"
    return name


def _date_phrase(rng: random.Random, day: date, published: date, levant: bool) -> str:
    """An event date as reports write it: in full, or relative to the publication date."""
    gap = (published - day).days
    part = rng.choice(_DAY_PARTS)
    weekday = _WEEKDAYS[day.weekday()]
    roll = rng.random()
    if roll < 0.15 and gap == 1:
        return f"{part}أمس".strip() if part else "أمس"
    if roll < 0.3 and 0 < gap < 6:
        return f"{part}يوم {weekday}" if not part else f"{part}{weekday}"
    months = _MONTHS_LEVANT if levant else _MONTHS_EGYPT
    return f"{part}{weekday} {day.day} {months[day.month - 1]} {day.year}"


_WEAPON_NOUNS = {
    # weapon -> (singular, dual, plural, noun is feminine)
    "rocket": ("صاروخ", "صاروخين", "صواريخ", False),
    "drone": ("طائرة مسيرة", "طائرتين مسيرتين", "طائرات مسيرة", True),
    "mortar": ("قذيفة هاون", "قذيفتي هاون", "قذائف هاون", True),
    "missile": ("صاروخ باليستي", "صاروخين باليستيين", "صواريخ باليستية", False),
    "ied": ("عبوة ناسفة", "عبوتين ناسفتين", "عبوات ناسفة", True),
}


def _weapon_phrase(rng: random.Random, weapon: str, count: int | None) -> str:
    """'بطائرتين مسيرتين', 'بـ5 صواريخ', 'بثلاث قذائف هاون', or no number at all."""
    one, two, many, fem = _WEAPON_NOUNS[weapon]
    if not count or rng.random() < 0.25:
        return f"ب{many}" if weapon != "ied" else f"ب{one}"
    if count == 1:
        return f"ب{one}"
    if count == 2:
        return f"ب{two}"
    if count <= 10 and rng.random() < 0.5:
        word = (_NUM_FOR_FEM_NOUN if fem else _NUM_FOR_MASC_NOUN)[count]
        return f"ب{word} {many}"
    return f"بـ{count} {many}"


#: People counted in casualty figures: (one, two, three to ten, eleven and more).
_PEOPLE = (
    ("شخص", "شخصين", "أشخاص", "شخصا"),
    ("عنصر", "عنصرين", "عناصر", "عنصرا"),
    ("جندي", "جنديين", "جنود", "جنديا"),
    ("مدني", "مدنيين", "مدنيين", "مدنيا"),
)


def _people(n: int, noun: tuple[str, str, str, str]) -> str:
    """'شخص', 'شخصين', '3 أشخاص', '15 شخصا': the counted noun agrees with the number."""
    if n == 1:
        return noun[0]
    if n == 2:
        return noun[1]
    return f"{n} {noun[2] if n <= 10 else noun[3]}"


def _casualties(rng: random.Random, killed: int | None, injured: int | None) -> str:
    if not killed and not injured:
        return rng.choice(("دون أن يسفر عن إصابات بشرية", "ما أدى إلى أضرار مادية فقط", "دون وقوع خسائر بشرية"))
    noun = rng.choice(_PEOPLE)
    if killed and injured:
        return rng.choice(
            (
                f"ما أسفر عن مقتل {_people(killed, noun)} وإصابة {injured} آخرين",
                f"وأدى إلى مقتل {_people(killed, noun)} وجرح {injured} آخرين",
            )
        )
    if killed:
        return f"ما أسفر عن مقتل {_people(killed, noun)}"
    return rng.choice((f"ما أدى إلى إصابة {_people(injured, noun)} بجروح", f"وأسفر عن جرح {_people(injured, noun)}"))


def _lam(name: str) -> str:
    """The preposition li- joined to a name: 'لكتائب حزب الله', 'للحشد الشعبي'."""
    return "لل" + name[2:] if name.startswith("ال") else "ل" + name


_ATTACK_PASSIVE = (
    "[تعرض|تعرضت] {place}، {when}، لهجوم {weapon}، {casualties}.",
    "استهدف هجوم {weapon} {place} {when}، {casualties}.",
    "أفادت مصادر أمنية بأن {place} [تعرض|تعرضت] {when} لهجوم {weapon}، {casualties}.",
    "قالت مصادر محلية إن هجوما {weapon} استهدف {place} {when}، {casualties}.",
)
_ATTACK_BY = (
    "[هاجم|هاجمت] {perp} {when} {place} {weapon}، {casualties}.",
    "[شن|شنت] {perp} {when} هجوما {weapon} على {place}، {casualties}.",
)
_STRIKE = (
    "[شن|شنت] {striker} {when} غارات جوية على مواقع {target} في {place}، {casualties}.",
    "[نفذ|نفذت] {striker} {when} ضربة جوية استهدفت مقرا {target} قرب {place}، {casualties}.",
    "قصفت طائرات حربية تابعة {striker_of} {when} مواقع {target} في {place}، {casualties}.",
)
_ARREST = (
    "[أعلن|أعلنت] {security} {when} اعتقال {n} من عناصر {group} في {place}.",
    "[تمكن|تمكنت] {security} {when} من اعتقال {n} من عناصر {group} في عملية أمنية في {place}.",
)
_MEETING = (
    "[بحث|بحثت] {official} مع {other} في {place} {when} تطورات الأوضاع الأمنية في المنطقة.",
    "[استقبل|استقبلت] {official} في {place} {when} {other}، وجرى خلال اللقاء بحث التصعيد الأخير.",
)
_STATEMENTS: dict[str, tuple[str, ...]] = {
    "claim_responsibility": (
        "و[تبنى|تبنت] {speaker} الهجوم في بيان [نشره|نشرته] على [قناته|قناتها] في تلغرام.",
        "و[أعلن|أعلنت] {speaker} [مسؤوليته|مسؤوليتها] عن استهداف {place} {weapon}.",
        'و[قال|قالت] {speaker} في بيان: "استهدف مجاهدونا {place} {weapon}، ردا على جرائم الاحتلال".',
        "و[تبنى|تبنت] {speaker}، في بيان مقتضب، الهجوم على {place}.",
    ),
    "deny_responsibility": (
        "في المقابل، [نفى|نفت] {speaker} أي علاقة [له|لها] بالهجوم على {place}.",
        "و[نفى|نفت] {speaker} [مسؤوليته|مسؤوليتها] عن الهجوم، "
        "[مؤكدا|مؤكدة] أن[ه|ها] لا [يستهدف|تستهدف] المنشآت المدنية.",
        "و[نفى|نفت] {speaker} في بيان [تورطه|تورطها] في استهداف {place}.",
    ),
    "accuse": (
        "و[اتهم|اتهمت] {speaker} {other} بالوقوف وراء الهجوم.",
        "و[حمل|حملت] {speaker} {other} مسؤولية الهجوم على {place}.",
        "و[اتهم|اتهمت] {speaker} {other} بتنفيذ الهجوم، [متوعدا|متوعدة] بمحاسبة المسؤولين عنه.",
    ),
    "condemn": (
        "و[أدان|أدانت] {speaker} الهجوم، [ووصفه|ووصفته] بأنه عمل إرهابي جبان.",
        "و[استنكر|استنكرت] {speaker} بشدة استهداف {place}.",
        "و[أدان|أدانت] {speaker} الاعتداء على {place}، [مؤكدا|مؤكدة] ضرورة ملاحقة المنفذين.",
    ),
    "condemn_strike": (
        "و[ندد|نددت] {speaker} بالقصف، [معتبرا|معتبرة] إياه انتهاكا للسيادة.",
        "و[أدان|أدانت] {speaker} الغارات على {place}، [ووصفها|ووصفتها] بأنها تصعيد خطير.",
        "و[استنكر|استنكرت] {speaker} بشدة استهداف {place}.",
    ),
    "call": (
        "و[دعا|دعت] {speaker} {other} إلى ضبط النفس ووقف التصعيد.",
        "و[طالب|طالبت] {speaker} {other} بفتح تحقيق عاجل في الهجوم وكشف الجهات المتورطة.",
        "و[حث|حثت] {speaker} {other} على حماية البعثات الدبلوماسية والمنشآت الحيوية.",
    ),
    "threaten": (
        "و[توعد|توعدت] {speaker} بالرد على الهجوم في الوقت والمكان المناسبين.",
        "و[هدد|هددت] {speaker} بمواصلة العمليات ما لم تنسحب القوات الأجنبية من البلاد.",
        "و[حذر|حذرت] {speaker} {other} من عواقب التصعيد.",
    ),
    "pledge": (
        "و[تعهد|تعهدت] {speaker} بملاحقة منفذي الهجوم وتقديمهم إلى العدالة.",
        "و[تعهد|تعهدت] {speaker} بحماية البعثات الدبلوماسية وعدم السماح بتكرار مثل هذه الاعتداءات.",
    ),
    "statement": (
        "و[قال|قالت] {speaker} في بيان إن[ه|ها] [استهدف|استهدفت] منشآت [يستخدمها|تستخدمها] {other} في {place}.",
        "و[أكد|أكدت] {speaker} أن الضربات [جاءت|جاءت] ردا على الهجمات الأخيرة.",
    ),
}
# Statements not about an event: a politician's call, threat or pledge reported on its own.
_STANDALONE: dict[str, tuple[str, ...]] = {
    "call": (
        "[دعا|دعت] {speaker} {when} {other} إلى الالتزام بالتهدئة وتغليب لغة الحوار.",
        "[طالب|طالبت] {speaker} {when} {other} بإخراج القوات الأجنبية من البلاد.",
    ),
    "threaten": (
        "[هدد|هددت] {speaker} {when} باستهداف المصالح الأميركية في المنطقة إذا استمر التصعيد.",
        "[حذر|حذرت] {speaker} {when} {other} من أن صبر المقاومة بدأ ينفد.",
    ),
    "pledge": (
        "[تعهد|تعهدت] {speaker} {when} بحصر السلاح بيد الدولة.",
        "[تعهد|تعهدت] {speaker} {when} بمواصلة دعم القوات الأمنية في حربها على الإرهاب.",
    ),
    "condemn": ("[رفض|رفضت] {speaker} {when} أي تدخل خارجي في الشؤون الداخلية للعراق.",),
}
_NO_CLAIM = (
    "ولم تتبن أي جهة الهجوم حتى ساعة إعداد هذا الخبر.",
    "ولم تعلن أي جهة مسؤوليتها عن الهجوم بعد.",
)
_BACKGROUND_POLITICS = (
    "ويتمركز في العراق نحو 2500 جندي أميركي ضمن مهمة التحالف الدولي.",
    "وتشهد المنطقة منذ أشهر تبادلا للضربات بين الفصائل المسلحة والقوات الأميركية.",
    "ويطالب نواب في البرلمان العراقي بجدولة انسحاب القوات الأجنبية.",
    "وتجري بغداد وواشنطن منذ أشهر مباحثات حول مستقبل التحالف الدولي في العراق.",
)
_BACKGROUND = _BACKGROUND_POLITICS + (
    "ويأتي الهجوم في ظل تصاعد التوتر في المنطقة منذ اندلاع الحرب في غزة.",
    "وتتعرض القواعد التي تستضيف قوات التحالف الدولي لهجمات متكررة بالصواريخ والطائرات المسيرة.",
    "وكانت فصائل مسلحة قد أعلنت في وقت سابق تعليق عملياتها قبل أن تستأنفها.",
    "وشددت القوات الأمنية إجراءاتها في محيط المنطقة عقب الحادث.",
    "وهرعت سيارات الإسعاف إلى المكان فيما فرضت القوات الأمنية طوقا حوله.",
)
_DETAILS: dict[str, tuple[str, ...]] = {
    "attack": (
        "وسمع دوي انفجارات قوية في محيط {place} حوالي الساعة {hour} بالتوقيت المحلي، وأطلقت صفارات الإنذار.",
        "وأظهرت مقاطع مصورة تداولها ناشطون على مواقع التواصل الاجتماعي تصاعد أعمدة الدخان من داخل {place}.",
        "وأفاد مصدر أمني بأن منظومة الدفاع الجوي تصدت لعدد من المقذوفات قبل وصولها إلى هدفها.",
        "وأشار المصدر إلى أن الهجوم تسبب بأضرار مادية في عدد من المباني والآليات داخل الموقع.",
        "وقال شهود عيان إن أصوات الانفجارات سمعت في أرجاء واسعة من {city} ومحيطها.",
        "ونقلت {outlet} عن مصدر أمني، طلب عدم الكشف عن هويته، أن المقذوفات سقطت في محيط {place}.",
        "وفرضت القوات الأمنية طوقا أمنيا حول المنطقة وباشرت عمليات تفتيش واسعة بحثا عن منصات الإطلاق.",
        "وعثرت القوات الأمنية على منصة إطلاق محلية الصنع في منطقة زراعية قرب {city}، بحسب بيان رسمي.",
        "ولم يتضح على الفور حجم الخسائر، فيما تواصل الفرق المختصة تقييم الأضرار.",
    ),
    "airstrike": (
        "وحلقت طائرات مسيرة في سماء المنطقة لساعات بعد الغارات، وفق ما أفاد به سكان محليون.",
        "وأكدت مصادر محلية أن الغارات استهدفت مستودعات للأسلحة ومقرات قيادية في {city}.",
        "وهزت انفجارات متتالية المنطقة حوالي الساعة {hour}، وشوهدت ألسنة اللهب تتصاعد من المواقع المستهدفة.",
        "ونقلت {outlet} عن مصدر طبي قوله إن المستشفى المحلي استقبل عددا من الجرحى بعضهم في حالة حرجة.",
        "وقطعت الطرق المؤدية إلى المواقع المستهدفة فيما انتشرت فرق الدفاع المدني لرفع الأنقاض.",
    ),
    "arrest": (
        "وضبطت القوة بحوزة المعتقلين أسلحة وأعتدة وأجهزة اتصال ووثائق تنظيمية.",
        "وأحيل المعتقلون إلى الجهات المختصة لاستكمال الإجراءات القانونية بحقهم.",
        "وجاءت العملية بناء على معلومات استخبارية دقيقة وبعد متابعة استمرت أسابيع.",
        "وأشار البيان إلى أن المعتقلين متورطون في عمليات استهدفت القوات الأمنية والمدنيين في {city}.",
    ),
    "meeting": (
        "وتناول اللقاء العلاقات الثنائية وسبل تعزيز التعاون الأمني والاقتصادي بين البلدين.",
        "وأكد الجانبان أهمية تنسيق الجهود لمنع انزلاق المنطقة إلى حرب واسعة.",
        "وبحث الجانبان كذلك ملف الحدود المشتركة ومكافحة تهريب السلاح والمخدرات.",
        "وجرى خلال اللقاء استعراض مستجدات المفاوضات الخاصة بمستقبل مهمة التحالف الدولي.",
    ),
}
_QUOTES: dict[str, tuple[str, ...]] = {
    "claim_responsibility": (
        'وجاء في البيان: "إن عملياتنا مستمرة حتى خروج آخر جندي محتل من أرض العراق".',
        'وأضاف البيان أن "الضربة جاءت ردا على المجازر التي يرتكبها الاحتلال وداعموه".',
    ),
    "deny_responsibility": ('وجاء في البيان أن "هذه الاتهامات لا أساس لها وتهدف إلى خلط الأوراق".',),
    "accuse": ('وأضاف أن "لدينا أدلة واضحة على الجهة التي تقف خلف هذا الاعتداء وسنقدمها في الوقت المناسب".',),
    "condemn": (
        'وقال البيان إن "هذه الأعمال تستهدف أمن البلاد واستقرارها ولن تمر دون محاسبة".',
        'وشدد البيان على "رفض استخدام الأراضي العراقية منطلقا للاعتداء على الدول المجاورة".',
    ),
    "threaten": ('وأضاف أن "الرد سيكون حاسما ومؤلما، وأن على المعتدين أن يتحملوا العواقب".',),
    "call": ('وأكد البيان "ضرورة احترام سيادة العراق وعدم جره إلى صراعات المنطقة".',),
}
_CONTEXT = _BACKGROUND_POLITICS + (
    "وتقول الحكومة العراقية إنها تعمل على إنهاء مهمة التحالف الدولي وتحويل العلاقة إلى شراكة ثنائية.",
    "ويرى مراقبون أن استمرار الهجمات يضع الحكومة في موقف حرج أمام شركائها الدوليين.",
    "وتعد المنطقة من أكثر المناطق توترا منذ سنوات بسبب تداخل النفوذ بين القوى المحلية والإقليمية.",
    "وتتهم واشنطن فصائل مدعومة من طهران بالوقوف وراء معظم الهجمات على قواتها في المنطقة.",
    "وتنفي الحكومة العراقية أي علم مسبق بالهجمات، مؤكدة أنها ستلاحق المتورطين فيها.",
    "وتنتشر القوات الأميركية في عدد من القواعد في العراق وسوريا ضمن جهود مكافحة تنظيم داعش.",
    "وتشير إحصاءات رسمية إلى تسجيل عشرات الهجمات المماثلة خلال الأشهر الماضية.",
    "ويخشى سكان المناطق القريبة من القواعد العسكرية من اتساع دائرة المواجهة.",
    "وأعلنت السلطات المحلية رفع درجة التأهب في المؤسسات الأمنية والخدمية.",
)
_PREVIOUS = (
    "وكانت {place} قد تعرضت {when} لهجوم {weapon}، ما أسفر عن أضرار مادية.",
    "وسبق أن استهدف هجوم {weapon} {place} {when}.",
    "ويأتي ذلك بعد هجوم مماثل استهدف {place} {when} {weapon}.",
)
#: Sentences that name other actors in passing (MENTIONS, not statements): the rest of a news day.
_ROUNDUP = (
    "وتأتي هذه التطورات بينما يجري {a} مباحثات مع {b} بشأن التهدئة في المنطقة.",
    "وفي سياق متصل، وصل {a} إلى العاصمة في زيارة غير معلنة يلتقي خلالها {b}.",
    "وكان {a} قد حذر في وقت سابق من أن استمرار التصعيد يهدد استقرار المنطقة بأسرها.",
    "ويتزامن ذلك مع تحركات دبلوماسية يقودها {a} لاحتواء الأزمة بالتنسيق مع {b}.",
)
_CITIES_AR_DATELINE = ("بغداد", "أربيل", "دمشق", "البصرة", "الموصل", "كركوك", "دير الزور", "الحسكة")


# ---------------------------------------------------------------------------------------------
# Events and their reports


def _plan_event(rng: random.Random, cast: Cast, key: str, day: date) -> SyntheticEvent:
    roll = rng.random()
    if roll < 0.52:
        return _plan_attack(rng, cast, key, day)
    if roll < 0.77:
        return _plan_strike(rng, cast, key, day)
    if roll < 0.85:
        place = rng.choice(cast.cities)
        group = cast.pick(rng, "attacker")
        ev = SyntheticEvent(
            key, "arrest", day, place, perpetrator=cast.pick(rng, "security"), target=group, count=rng.randint(2, 12)
        )
        if rng.random() < 0.3:
            ev.statements.append(PlannedStatement("pledge", cast.pick(rng, "pledger")))
        return ev
    if roll < 0.92:
        official = cast.pick(rng, "official")
        ev = SyntheticEvent(
            key,
            "meeting",
            day,
            cast.places.get("baghdad") or rng.choice(cast.cities),
            perpetrator=official,
            target=cast.pick(rng, "official", exclude=[official]),
        )
        if rng.random() < 0.5:
            ev.statements.append(PlannedStatement("call", official, cast.pick(rng, "addressee")))
        if rng.random() < 0.3:
            ev.statements.append(PlannedStatement("pledge", official))
        return ev
    kind = rng.choice(tuple(_STANDALONE))
    speaker = cast.pick(
        rng, {"call": "caller", "threaten": "threatener", "pledge": "pledger", "condemn": "condemner"}[kind]
    )
    ev = SyntheticEvent(key, "none", day, None)
    ev.statements.append(PlannedStatement(kind, speaker, cast.pick(rng, "addressee", exclude=[speaker])))
    return ev


def _add_condemnations(rng: random.Random, cast: Cast, ev: SyntheticEvent) -> None:
    """None, one or two condemnations, never two by the same speaker."""
    speakers: list[Entity] = []
    for _ in range(rng.choice((0, 1, 1, 2))):
        speakers.append(cast.pick(rng, "condemner", exclude=speakers))
    ev.statements.extend(PlannedStatement("condemn", s) for s in dict.fromkeys(speakers))


def _plan_attack(rng: random.Random, cast: Cast, key: str, day: date) -> SyntheticEvent:
    sites, weights = cast.sites
    place = rng.choices(sites, weights)[0]
    weapon = rng.choices(("rocket", "drone", "mortar", "missile", "ied"), (5, 6, 2, 1, 2))[0]
    count = rng.choice((None, 1, 1, 2, 2, 3, 4, 5, 6, 8))
    killed = rng.choice((0, 0, 0, 0, 1, 2, 3, 5))
    injured = rng.choice((0, 0, 1, 2, 3, 4, 6, 10, 15))
    target = cast.pick(rng, "attack_target") if rng.random() < 0.6 else None
    ev = SyntheticEvent(
        key, "attack", day, place, target=target, weapon=weapon, count=count, killed=killed, injured=injured
    )
    claimant = cast.pick(rng, "attacker") if rng.random() < 0.55 else None
    if claimant is not None:
        ev.perpetrator = claimant
        ev.statements.append(PlannedStatement("claim_responsibility", claimant))
    if rng.random() < 0.22:
        denier = cast.pick(rng, "denier", exclude=[claimant] if claimant else [])
        ev.statements.append(PlannedStatement("deny_responsibility", denier))
    if rng.random() < 0.35:
        accused = claimant if claimant is not None and rng.random() < 0.5 else cast.pick(rng, "accused")
        ev.statements.append(PlannedStatement("accuse", cast.pick(rng, "accuser"), accused))
    _add_condemnations(rng, cast, ev)
    if rng.random() < 0.3:
        ev.statements.append(PlannedStatement("call", cast.pick(rng, "caller"), cast.pick(rng, "addressee")))
    if rng.random() < 0.25:
        speaker = cast.pick(rng, "threatener")
        ev.statements.append(PlannedStatement("threaten", speaker, cast.pick(rng, "addressee", exclude=[speaker])))
    if rng.random() < 0.15:
        ev.statements.append(PlannedStatement("pledge", cast.pick(rng, "pledger")))
    return ev


def _plan_strike(rng: random.Random, cast: Cast, key: str, day: date) -> SyntheticEvent:
    sites, weights = cast.sites
    place = rng.choice(cast.cities) if rng.random() < 0.6 else rng.choices(sites, weights)[0]
    striker = cast.pick(rng, "striker")
    target = cast.pick(rng, "strike_target")
    ev = SyntheticEvent(
        key,
        "airstrike",
        day,
        place,
        perpetrator=striker,
        target=target,
        killed=rng.choice((0, 1, 2, 3, 4, 6, 8, 12, 16)),
        injured=rng.choice((0, 0, 2, 5, 9, 25)),
    )
    if rng.random() < 0.4:
        ev.statements.append(PlannedStatement("statement", striker, target))
    _add_condemnations(rng, cast, ev)
    if rng.random() < 0.4:
        speaker = target if target.kind != "state" else cast.pick(rng, "threatener")
        ev.statements.append(PlannedStatement("threaten", speaker, striker))
    if rng.random() < 0.2:
        ev.statements.append(PlannedStatement("accuse", cast.pick(rng, "condemner"), striker))
    if rng.random() < 0.12:
        ev.statements.append(PlannedStatement("deny_responsibility", cast.pick(rng, "denier", exclude=[target])))
    return ev


def _reported(rng: random.Random, value: int | None, spread: tuple[int, ...] = (0, 0, 0, 1, -1, 2)) -> int | None:
    """One outlet's figure for a count: the truth, a bit off, or not given at all."""
    if value is None or rng.random() < 0.15:
        return None
    return max(0, value + rng.choice(spread))


def _event_sentence(rng: random.Random, cast: Cast, ev: SyntheticEvent, when: str, place: str) -> str:
    if ev.type == "attack":
        killed, injured = _reported(rng, ev.killed), _reported(rng, ev.injured)
        slots = {
            "place": place,
            "when": when,
            "weapon": _weapon_phrase(rng, ev.weapon or "rocket", _reported(rng, ev.count, (0, 0, 1, -1))),
            "casualties": _casualties(rng, killed, injured),
        }
        if ev.perpetrator is not None and rng.random() < 0.3:
            return _agree(rng.choice(_ATTACK_BY), ev.perpetrator, perp=_name(rng, ev.perpetrator), **slots)
        assert ev.place is not None
        return _agree(rng.choice(_ATTACK_PASSIVE), ev.place, **slots)
    if ev.type == "airstrike":
        assert ev.perpetrator is not None and ev.target is not None
        striker = _name(rng, ev.perpetrator)
        return _agree(
            rng.choice(_STRIKE),
            ev.perpetrator,
            striker=striker,
            striker_of=_lam(striker),
            when=when,
            place=place,
            target=_lam(_name(rng, ev.target)),
            casualties=_casualties(rng, _reported(rng, ev.killed), _reported(rng, ev.injured)),
        )
    if ev.type == "arrest":
        assert ev.perpetrator is not None and ev.target is not None
        return _agree(
            rng.choice(_ARREST),
            ev.perpetrator,
            security=_name(rng, ev.perpetrator),
            when=when,
            place=place,
            n=str(_reported(rng, ev.count) or ev.count),
            group=_name(rng, ev.target),
        )
    assert ev.perpetrator is not None and ev.target is not None
    return _agree(
        rng.choice(_MEETING),
        ev.perpetrator,
        official=_name(rng, ev.perpetrator),
        when=when,
        place=place,
        other=_name(rng, ev.target),
    )


def _statement_sentence(rng: random.Random, ev: SyntheticEvent, st: PlannedStatement, place: str) -> str:
    other = _name(rng, st.other) if st.other is not None else "جميع الأطراف"
    weapon = _weapon_phrase(rng, ev.weapon, ev.count) if ev.weapon else ""
    key = "condemn_strike" if st.kind == "condemn" and ev.type == "airstrike" else st.kind
    template = rng.choice(_STATEMENTS[key])
    text = _agree(template, st.speaker, speaker=_name(rng, st.speaker), other=other, place=place, weapon=weapon)
    return re.sub(r" +([.،])", r"\1", re.sub(r"  +", " ", text))


def _title(rng: random.Random, ev: SyntheticEvent, place_name: str, lead: PlannedStatement | None) -> str:
    if lead is not None and lead.kind == "claim_responsibility":
        return f"{_name(rng, lead.speaker)} {'تتبنى' if lead.speaker.feminine else 'يتبنى'} هجوما على {place_name}"
    if ev.type == "attack":
        one, _, many, _ = _WEAPON_NOUNS[ev.weapon or "rocket"]
        return rng.choice((f"هجوم ب{many} على {place_name}", f"استهداف {place_name} ب{one}"))
    if ev.type == "airstrike":
        return rng.choice((f"غارات جوية على مواقع في {place_name}", f"قصف جوي يستهدف {place_name}"))
    if ev.type == "arrest":
        return f"اعتقال عناصر من {_name(rng, ev.target) if ev.target else 'جماعة مسلحة'} في {place_name}"
    return f"مباحثات في {place_name} حول التصعيد الأمني"


def _city_near(rng: random.Random, cast: Cast, place: Entity) -> str:
    """The city or governorate a report names for "heard across ..." sentences."""
    region = cast.region_of(place)
    return _name(rng, region) if region is not None else _name(rng, rng.choice(cast.cities))


def _previous_attack(rng: random.Random, cast: Cast, ev: SyntheticEvent, levant: bool) -> str:
    """A sentence recalling an earlier attack elsewhere: real reports are full of them."""
    sites, weights = cast.sites
    place = rng.choices(sites, weights)[0]
    earlier = ev.day - timedelta(days=rng.randint(3, 40))
    months = _MONTHS_LEVANT if levant else _MONTHS_EGYPT
    when = rng.choice(
        (
            f"في {earlier.day} {months[earlier.month - 1]} {earlier.year}",
            f"يوم {_WEEKDAYS[earlier.weekday()]} {earlier.day} {months[earlier.month - 1]}",
            f"في {months[earlier.month - 1]} {earlier.year}",
        )
    )
    weapon = _weapon_phrase(rng, rng.choice(tuple(_WEAPON_NOUNS)), rng.choice((None, 2, 3)))
    return _agree(rng.choice(_PREVIOUS), place, place=_name(rng, place), when=when, weapon=weapon)


def _roundup(rng: random.Random, cast: Cast, k: int) -> list[str]:
    out = []
    for _ in range(k):
        a = cast.pick(rng, "official")
        b = cast.pick(rng, "official", exclude=[a])
        out.append(rng.choice(_ROUNDUP).format(a=_name(rng, a), b=_name(rng, b)))
    return out


def _report(rng: random.Random, cast: Cast, ev: SyntheticEvent, outlet: Entity, published: date) -> SyntheticArticle:
    """One outlet's article about one event (or one statement): its own wording, figures and length."""
    levant = outlet.country in ("iraq", "syria", "lebanon") or rng.random() < 0.3
    when = _date_phrase(rng, ev.day, published, levant)
    paragraphs: list[str] = []
    kinds: list[str] = []
    if ev.type == "none":
        st = ev.statements[0]
        template = rng.choice(_STANDALONE[st.kind])
        other = _name(rng, st.other) if st.other is not None else "جميع الأطراف"
        paragraphs.append(_agree(template, st.speaker, speaker=_name(rng, st.speaker), when=when, other=other))
        kinds.append(st.kind)
        if st.kind in _QUOTES and rng.random() < 0.6:
            paragraphs.append(rng.choice(_QUOTES[st.kind]))
        title = f"{_name(rng, st.speaker, first=False)}: {rng.choice(('تصريحات جديدة', 'موقف من التصعيد', 'بيان'))}"
        paragraphs += rng.sample(_CONTEXT, rng.randint(4, 8))
        paragraphs += _roundup(rng, cast, rng.randint(1, 2))
    else:
        assert ev.place is not None
        place = _place_phrase(rng, cast, ev.place)
        paragraphs.append(_event_sentence(rng, cast, ev, when, place))
        details = _DETAILS.get(ev.type, _DETAILS["meeting"])
        slots = {
            "place": _name(rng, ev.place),
            "city": _city_near(rng, cast, ev.place),
            "outlet": outlet.name_ar,
            "hour": rng.choice(("الواحدة", "الثانية", "الثالثة", "الرابعة", "العاشرة", "الحادية عشرة"))
            + rng.choice((" فجرا", " صباحا", " مساء", " ليلا")),
        }
        for template in rng.sample(details, rng.randint(2, min(4, len(details)))):
            paragraphs.append(template.format(**slots))
        carried = [st for st in ev.statements if rng.random() < 0.85]
        if ev.statements and not carried:
            carried = [rng.choice(ev.statements)]
        for st in carried:
            paragraphs.append(_statement_sentence(rng, ev, st, _name(rng, ev.place)))
            kinds.append(st.kind)
            if st.kind in _QUOTES and rng.random() < 0.6:
                paragraphs.append(rng.choice(_QUOTES[st.kind]))
        if ev.type == "attack" and "claim_responsibility" not in kinds and rng.random() < 0.5:
            paragraphs.append(rng.choice(_NO_CLAIM))
        if ev.type in VIOLENT and rng.random() < 0.6:
            paragraphs.append(_previous_attack(rng, cast, ev, levant))
        pool = _BACKGROUND + _CONTEXT if ev.type in VIOLENT else _CONTEXT
        paragraphs += _roundup(rng, cast, rng.randint(0, 2))
        paragraphs += rng.sample(pool, rng.randint(4, 8))
        lead = next((st for st in carried if st.kind == "claim_responsibility"), None)
        title = _title(rng, ev, _name(rng, ev.place), lead)
    art = SyntheticArticle(
        record={
            "file": "",
            "url": "",
            "title": title,
            "published": published.isoformat(),
            "outlet": outlet.name,
            "language": "ar",
            "text": "",
        },
        event_key=ev.key,
        event_type=ev.type,
        statement_kinds=tuple(kinds),
        paragraphs=paragraphs,
        outlet_id=outlet.id,
    )
    if rng.random() < 0.35:
        art.dateline = f"{rng.choice(_CITIES_AR_DATELINE)} - {outlet.name_ar}:"
    if rng.random() < 0.3:
        # Headlines of other stories, as a scraped page lists them under the article.
        others = [rng.choice(cast.cities) for _ in range(rng.randint(1, 3))]
        art.related = tuple(_title(rng, ev, _name(rng, city), None) for city in others)
        art.related_at = rng.randint(1, max(1, len(paragraphs) - 1))
    return art


_REPORTS_PER_EVENT = ((1, 25), (2, 30), (3, 22), (4, 13), (5, 7), (6, 3))


def generate(
    n: int,
    seed: int = 7,
    start: date = DEFAULT_START,
    events_per_day: int = DEFAULT_EVENTS_PER_DAY,
    cast: Cast | None = None,
) -> Iterator[SyntheticArticle]:
    """`n` articles, the same ones for the same arguments; in memory: one day of news and an 8-byte
    digest per article written."""
    if n < 0:
        raise ValueError("n must be >= 0")
    if events_per_day < 1:
        raise ValueError("events_per_day must be >= 1")
    cast = cast or get_cast()
    rng = random.Random(seed)
    outlets, outlet_weights = cast.outlets
    counts, count_weights = zip(*_REPORTS_PER_EVENT, strict=True)
    seen: set[bytes] = set()  # 8-byte digests of bodies: two articles must never share a body (and an id)
    emitted = 0
    event_no = 0
    day = start
    while emitted < n:
        todays: list[SyntheticArticle] = []
        for _ in range(rng.randint(max(1, events_per_day // 2), events_per_day + events_per_day // 2)):
            event_no += 1
            ev = _plan_event(rng, cast, f"ev{event_no:07d}", day)
            reports = rng.choices(counts, count_weights)[0] if ev.type != "none" else rng.choice((1, 1, 2))
            chosen: list[Entity] = []
            while len(chosen) < reports:
                o = rng.choices(outlets, outlet_weights)[0]
                if o not in chosen:
                    chosen.append(o)
            for outlet in chosen:
                published = day + timedelta(days=rng.choice((0, 0, 1, 1, 2)))
                todays.append(_report(rng, cast, ev, outlet, published))
        rng.shuffle(todays)
        for art in todays:
            if emitted >= n:
                break
            # Two articles must never share a body: an article's id is the hash of its body.
            while (digest := hashlib.sha256("\n".join(art.paragraphs).encode()).digest()[:8]) in seen:
                art.paragraphs.append(rng.choice(_CONTEXT))
            seen.add(digest)
            art.render()
            art.record["file"] = f"synthetic-{emitted:07d}.txt"
            art.record["url"] = f"https://synthetic.invalid/{art.outlet_id}/{art.record['published']}/{emitted}"
            emitted += 1
            yield art
        day += timedelta(days=1)


def write_corpus(
    path: Path | str, n: int, seed: int = 7, start: date = DEFAULT_START, events_per_day: int = DEFAULT_EVENTS_PER_DAY
) -> int:
    """Write `n` articles as JSON Lines (what `loaders.articles.iter_articles` reads); returns n."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as handle:
        for art in generate(n, seed, start, events_per_day):
            handle.write(art.line() + "\n")
            count += 1
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic Arabic news corpus as JSON Lines.")
    parser.add_argument("--n", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=7, help="random seed: same seed, same bytes (default 7)")
    parser.add_argument("--start", type=date.fromisoformat, default=DEFAULT_START, help="first day of news")
    parser.add_argument(
        "--events-per-day",
        type=int,
        default=DEFAULT_EVENTS_PER_DAY,
        help=f"average events a day (default {DEFAULT_EVENTS_PER_DAY}); each has 1-6 reports",
    )
    parser.add_argument("-o", "--output", default="-", help="output .jsonl file, or - for stdout (default)")
    args = parser.parse_args(argv)
    if args.output == "-":
        for art in generate(args.n, args.seed, args.start, args.events_per_day):
            sys.stdout.write(art.line() + "\n")
        return 0
    count = write_corpus(args.output, args.n, args.seed, args.start, args.events_per_day)
    print(f"wrote {count} articles to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
