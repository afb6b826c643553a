"""The word sets the event rules read, folded once per lexicon, and the small types they share."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from core.event_types import VIOLENT
from core.taxonomy import PLACE_RANK, UNRANKED
from loaders.nlp.clauses import DocIndex
from loaders.nlp.lexicon import Lexicon, norm_word
from loaders.nlp.morphology import verb_forms
from loaders.nlp.records import DiscoveredPlace, EntityMention, StatementRecord

if TYPE_CHECKING:
    from loaders.nlp.gazetteer import Gazetteer

_BOUNDARIES = frozenset({"فيما", "بينما", "حين", "؛", ";"})
_STATE_KINDS = frozenset({"state", "military", "coalition"})
_ACTING_KINDS = _STATE_KINDS | {"armed_group"}  # who can carry out a strike
_AIR_WEAPONS = frozenset({None, "drone"})
_GROUND_WEAPONS = frozenset({"rocket", "missile", "mortar", "ied", "car_bomb", "shooting", "ramming", "artillery"})
_LAUNCHED_WEAPONS = _GROUND_WEAPONS - {"rocket"}  # fired from the ground ("rocket" is also air-launched)
_STATE_LIKE = _STATE_KINDS | {"government"}  # a ministry of defence strikes as its state does
_NOT_DATES_AFTER = frozenset({"منذ", "بين", "حتي", "مطلع"})
_VIOLENT = VIOLENT  # core/data/event_types.toml `violent`
_NO_TOKENS: frozenset[int] = frozenset()
_SPAN_OPENERS = frozenset({"بعد", "قبل", "الحرب", "العدوان", "حرب"})
_UNIT_PLURAL = frozenset({"مرات", "مرتين", "مرتان"})
_TARGETING_VERBS = ("استهدف", "هاجم", "قصف", "يستهدف", "تستهدف", "يهاجم", "تهاجم")
_OFFICIAL_KINDS = frozenset({"person", "state", "government", "diplomatic_mission", "military", "international_org"})
_QUOTES = frozenset({'"', "«", "»", "“", "”", "'"})
_LOCALITY_KINDS = frozenset({"city", "district"})  # discovered places an event may be placed at


class ActorList:
    """Actor ids in order, without repeats; adding a mention makes it an actor mention."""

    def __init__(self, idx: DocIndex) -> None:
        self.idx = idx
        self.ids: list[str] = []

    def add(self, m: EntityMention | None) -> None:
        if m is not None and (m.actor_id or self.idx.actor_of(m)):
            self.add_id(self.idx.promote(m))

    def add_id(self, actor: str | None) -> None:
        if actor and actor not in self.ids:
            self.ids.append(actor)


class EventVocabulary:
    """Every word set the event rules use, read from the lexicon once per pipeline."""

    def __init__(self, lexicon: Lexicon) -> None:
        s = lexicon.set
        self.threat_heads = s("threat_heads")
        self.negations = s("negations")
        self.projectiles = s("projectiles")
        self.dual_projectiles = s("dual_projectiles")
        self.count_units = s("count_units")
        self.approx = s("approx")
        self.killed = s("killed")
        self.injured = s("injured")
        # the words of the other count, for a rule reading one ("قتلوا وجرح 12": the 12 are wounded)
        self.casualty_others = {
            id(self.killed): (self.killed | self.injured) - self.killed,
            id(self.injured): (self.killed | self.injured) - self.injured,
        }
        self.single_people = s("single_people")
        # every singular noun of people has its dual in both cases ("جنديان", "مقاتلين"); the
        # feminine ones (ending in ة) and the accusatives are left to the lists
        duals = frozenset(w + end for w in self.single_people if not w.endswith(("ا", "ه")) for end in ("ان", "ين"))
        self.people = s("people") | duals
        self.dual_people = s("dual_people") | duals
        self.member_nouns = s("member_nouns")
        self.support_agreement = s("support_agreement")
        self.support_resolution = s("support_resolution")
        self.target_nouns = s("struck_target_nouns")  # "ضربات على أهداف في اليمن"
        self.tally_headings = s("tally_headings")
        self.time_heads = s("time_heads")
        self.cause_heads = s("cause_heads")
        self.aggression_nouns = s("aggression_nouns")
        self.casualty_verbs = s("casualty_verbs")
        self.death_nouns = s("death_nouns")
        self.needs_with = s("meeting_needs_with")
        self.relatives = s("relative_pronouns")
        self.announce_verbs = frozenset(v for v, sv in lexicon.speech_verbs.items() if sv.lemma == "اعلن")
        self.onset_words = s("onset_words")
        self.office_heads = s("office_heads")
        self.abstract_targets = s("abstract_targets")
        self.charge_heads = s("charge_heads")
        self.duration_words = s("duration_words")
        self.sublist_words = s("sublist_words")
        self.pluperfect = s("pluperfect")
        self.attempt_words = s("attempt_words")
        self.near_words = s("near_words")
        self.place_part_words = s("place_part_words")
        self.series_words = s("series_words")
        self.list_joiners = s("list_joiners")
        self.facility_nouns = s("facility_nouns")
        self.hosting_verbs = s("hosting_verbs")
        self.survive_verbs = s("survive_verbs")
        self.military_people = s("military_people")
        self.ownership_words = lexicon.set("ownership_words")
        self.pronoun_openers = s("pronoun_openers")
        self.response_nouns = s("response_nouns")
        # verbal nouns written like the past verb ("قصف", "ضرب"): at the head of a sentence, a verb
        past = {
            norm_word(f)
            for t in lexicon.events["triggers"]
            if t["class"] == "verb"
            for f in verb_forms(t.get("past"), None, future=False)
        }
        self.verb_homographs = frozenset(w for w, t in lexicon.triggers.items() if t.cls == "masdar" and w in past)
        # the past of the light and attack verbs ("شنت", "نفذوا", "استهدفت ... بغارات"): a raid
        # told as done, not as going on or feared
        self.done_verbs = frozenset(
            norm_word(f)
            for t in lexicon.events["triggers"]
            if t["class"] in ("light", "verb") and t["type"] in _VIOLENT
            for f in verb_forms(t.get("past"), None, future=False)
        )
        self.recurrence_words = s("recurrence_words")
        self.membership_words = s("membership_words")
        self.weapon_modifiers = s("weapon_modifiers")
        self.campaign_words = s("campaign_words")
        self.cancel_heads = s("cancel_heads")
        self.habitual_words = s("habitual_words")
        self.agent_anaphors = s("agent_anaphors")
        self.killing_verbs = s("killing_verbs")
        self.setting_words = s("setting_words")
        sides = lexicon.events.get("compass_sides", {})
        self._compass = {norm_word(w): side for side, words in sides.items() for w in words}
        self.suspicion_words = s("suspicion_words")
        self._span_heads = self.time_heads | self.charge_heads | self.response_nouns | _SPAN_OPENERS
        self.direction_words = s("direction_words")
        self.support_meeting = s("support_meeting")
        self.relatives = s("relative_pronouns")
        self.locality_links = s("locality_links")

    def compass_side(self, name: str) -> str | None:
        """The side a region's name puts it on ("غرب العراق": west), if it starts with one."""
        words = norm_word(name).split()
        return self._compass.get(words[0]) if words else None


class EventContext:
    """What the event rules share while they read one document: the shared, read-only
    vocabularies and the document's own state. One is made per document, so the component
    itself keeps nothing between documents and two threads can extract at once."""

    def __init__(
        self,
        vocab: EventVocabulary,
        gazetteer: Gazetteer,
        lexicon: Lexicon,
        idx: DocIndex,
        statements: list[StatementRecord],
    ) -> None:
        self.vocab = vocab
        self.gaz = gazetteer
        self.lex = lexicon
        self._idx = idx
        self._statements = statements
        # localities the gazetteer lacks ("بلدة يارون"), placed by the place written next to them
        self._discovered: dict[str, DiscoveredPlace] = idx.doc._.kg_discovered_places or {}
        self._written_in: dict[str, set[str]] = {}  # "الزير بدير الزور": where the text puts a place
        self._bounds: dict[int, list[int]] = {}  # clause boundaries per sentence start
        # per sentence (see `_sentence_info`)
        self._cues: dict[str, list[int]] = {}
        self._nouns: list[tuple[int, str]] = []
        self._titled: set[int] = set()
        self._charged: set[int] = set()
        self._bg_spans: list[tuple[int, int]] = []
        self._bg_cache: dict[tuple[int, int, int], set[int]] = {}
        self._dateline: range = range(0)
        # per event (see `_event`)
        self._clause_end = 0
        self._listed: list[str] = []

    # ------------------------------------------------------------------ place hierarchy
    # A discovered locality has no gazetteer entry; its parent (`located_in`) is the gazetteer
    # place written next to it, so that events there merge with events told at its parent.
    def _rank(self, place_id: str | None) -> float:
        """Smaller is more specific (see `Gazetteer.place_rank`); a discovered locality is
        narrower than the place it lies in."""
        found = self._discovered.get(place_id or "")
        if found is None or place_id in self.gaz.places:
            return self.gaz.place_rank(place_id)
        rank = float(PLACE_RANK.get(found.kind, UNRANKED))
        for parent in found.located_in:
            rank = min(rank, self.gaz.place_rank(parent) - 0.5)
        return rank

    def _contains(self, outer: str, inner: str) -> bool:
        """`inner` lies in `outer`, by the gazetteer or by what the text wrote next to it."""
        if outer == inner:
            return True
        found = self._discovered.get(inner)
        if found is not None and inner not in self.gaz.places:
            return any(self.gaz.place_contains(outer, p) for p in found.located_in)
        if self.gaz.place_contains(outer, inner):
            return True
        return any(self.gaz.place_contains(outer, p) for p in self._written_in.get(inner, ()))

    def _country(self, place_id: str) -> str | None:
        found = self._discovered.get(place_id)
        if found is not None and place_id not in self.gaz.places:
            return next((c for p in found.located_in if (c := self.gaz.country_of_place(p))), None)
        return self.gaz.country_of_place(place_id)


def violent_type(idx: DocIndex, told_as: Iterable[str], perpetrators: Iterable[str], weapon: str | None) -> str:
    """Attack or airstrike, decided once for an event from all its mentions (the conventions of
    DESIGN.md): an armed group's act is an attack; a state's strike is an airstrike unless its
    weapon is fired from the ground (ballistic missiles, artillery, mortars, bombs, gunfire), or
    is a rocket nobody called an air strike; with nobody named, the words decide ("غارة" with no
    ground weapon is an airstrike)."""
    kinds = {idx.actor_kind(p) for p in perpetrators} - {None}
    told = set(told_as)
    if "armed_group" in kinds:
        return "attack"
    if kinds and kinds <= _STATE_LIKE:
        if weapon in _LAUNCHED_WEAPONS or (weapon == "rocket" and "airstrike" not in told):
            return "attack"
        return "airstrike"
    if weapon in _GROUND_WEAPONS:
        return "attack"
    return "airstrike" if "airstrike" in told else "attack"


def dates_agree(a: str, b: str, slack: int = 1) -> bool:
    """Same day (`slack` days apart at most), or one date inside the other's month or year."""
    if a.startswith(b) or b.startswith(a):
        return True
    if len(a) == 10 and len(b) == 10:
        da, db = date.fromisoformat(a), date.fromisoformat(b)
        return abs((da - db).days) <= slack
    return False
