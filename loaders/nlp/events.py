"""`kg_events`: attacks, strikes, arrests, visits, meetings, agreements and resolutions.

Triggers come from `loaders/data/nlp/events.json`, by class:
- count nouns (هجوم، ضربة، غارة; dual هجومان; plural هجمات) — one singular noun names one event;
- verbal nouns (استهداف، قصف) and finite verbs (استهدف، قصف، هاجم) — need an anchor (a date, a
  weapon, a number, casualties) or a specific place, so that talk about attacks in general
  ("القصف على المدن", "الاعتداءات على القوات الأجنبية") makes no event;
- constructions: passive "تعرض X لهجوم" (X is the target), "سقطت قذائف على X", "أطلق صواريخ على X",
  light verbs "شن/نفذ X هجوما" (X is the perpetrator), support verbs for agreements ("وقع اتفاقا",
  "توصل إلى اتفاق") and resolutions ("أصدر قرارا").
- interceptions ("اعترضت الدفاعات صاروخين") — an attack that was stopped; the defender is its target.
Threats, plans and prevention ("توعد باستهداف", "التخطيط لهجمات", "لمنع الهجمات"), what people are
held for, judgements ("اعتداء على الدستور"), words of an office title ("وزير الاتصالات") and
negated events are not events. Plural or repeated attacks count only at a specific place (a base,
a city), or, dated and with a named perpetrator, at the one country whose targets they hit
("ضربات على أهداف في اليمن") when nothing finer is named; a dated group of strikes too vague to stand alone
("موجة غارات على أهداف في لبنان وسوريا") lends its date and roles to the places the report names
next, and one act at several listed places ("قصف طال سنجار وتلعفر") is one event per place.

Background clauses ("ردا على ...", "بعد يومين من ...", "غداة ...", "منذ ...") name other events:
an event named there is a background event, told only in that clause, and its places, dates and
casualties are not those of the sentence's main event.

Roles follow the clause: the perpetrator is the subject of the event verb, of "شن/نفذ", a country
adjective on the noun ("استهداف أميركي"), the pronoun after "إنها" (the speaker), or the speaker
reporting its own action ("أعلنت تنفيذ ضربة", "استهدافها"); an attribution inside someone else's
words ("نفذته ميليشيات") is an accusation, not a fact, and stays out. The target is the verb's
object, "على/ضد X", the passive subject, whose facility was hit ("مخزن تابع لـ X"), who was in it
("تستضيف قوات X"), who survived it, or those killed when named. The place is the most specific
place in the clause that is not the launch site ("من بستان قريب"), a reference point ("... شمالي
بعقوبة") or a dateline, and that no other kind of event noun claims first. The date is the finest
one written in the event's clause; a date that belongs to a reporting verb is only a weak hint,
overruled by any other report of the same event; an event reported as current with no date at all
took place about when it was published.

Several mentions of one event make one event: same type (or two violent mentions in one
sentence), places equal or nested, dates that agree (two firm dates must be the same day; weak
dates never block); meetings also need the same people.
"""

from __future__ import annotations

import bisect
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from loaders.nlp.clauses import UNRESOLVED, DocIndex
from loaders.nlp.gazetteer import Gazetteer
from loaders.nlp.lexicon import Lexicon, Trigger
from loaders.nlp.records import EntityMention, EventRecord, StatementRecord
from loaders.nlp.statements import doc_index

_BOUNDARIES = frozenset({"فيما", "بينما", "حين", "؛", ";"})
_STATE_KINDS = frozenset({"state", "military", "coalition"})
_AIR_WEAPONS = frozenset({None, "drone"})
_GROUND_WEAPONS = frozenset({"rocket", "missile", "mortar", "ied", "car_bomb", "shooting", "ramming", "artillery"})
_NOT_DATES_AFTER = frozenset({"منذ", "بين", "حتي", "مطلع"})
_VIOLENT = ("attack", "airstrike")
_NO_TOKENS: frozenset[int] = frozenset()
_SPAN_OPENERS = frozenset({"بعد", "قبل", "رد", "الرد", "الحرب", "العدوان", "حرب"})
_UNIT_PLURAL = frozenset({"مرات", "مرتين", "مرتان"})
_TARGETING_VERBS = ("استهدف", "هاجم", "قصف", "يستهدف", "تستهدف", "يهاجم", "تهاجم")
_OFFICIAL_KINDS = frozenset({"person", "state", "government", "diplomatic_mission", "military", "international_org"})


class _ActorList:
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


class EventExtractor:
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> None:
        self.name = name
        self.gaz = gazetteer
        self.lex = lexicon
        s = lexicon.set
        self.threat_heads = s("threat_heads")
        self.negations = s("negations")
        self.projectiles = s("projectiles")
        self.dual_projectiles = s("dual_projectiles")
        self.count_units = s("count_units")
        self.approx = s("approx")
        self.killed = s("killed")
        self.injured = s("injured")
        self.people = s("people")
        self.dual_people = s("dual_people")
        self.single_people = s("single_people")
        self.member_nouns = s("member_nouns")
        self.support_agreement = s("support_agreement")
        self.support_resolution = s("support_resolution")
        self.target_nouns = s("struck_target_nouns")  # "ضربات على أهداف في اليمن"
        self.tally_headings = s("tally_headings")
        self.time_heads = s("time_heads")
        self.casualty_verbs = s("casualty_verbs")
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
        self.series_words = s("series_words")
        self.list_joiners = s("list_joiners")
        self.facility_nouns = s("facility_nouns")
        self.hosting_verbs = s("hosting_verbs")
        self.survive_verbs = s("survive_verbs")
        self.military_people = s("military_people")
        self.ownership_words = lexicon.set("ownership_words")
        self.pronoun_openers = s("pronoun_openers")
        self._span_heads = self.time_heads | self.charge_heads | _SPAN_OPENERS
        self.direction_words = s("direction_words")
        self.support_meeting = s("support_meeting")
        self.relatives = s("relative_pronouns")

    # ------------------------------------------------------------------ driver
    def __call__(self, doc: Doc) -> Doc:
        idx = doc_index(doc, self.gaz, self.lex)
        self._idx = idx
        self._bounds: dict[int, list[int]] = {}  # clause boundaries per sentence start
        statements: list[StatementRecord] = doc._.kg_statements or []
        self._statements = statements
        events: list[EventRecord] = []
        heading: tuple[int, str] | None = None  # (sentence no, type) of a tally heading
        last_violent: int | None = None  # the last sentence that reported an attack or a strike
        for sent_no, (s, e) in enumerate(idx.sents):
            tally = self._tally_item(idx, s, e, heading, sent_no)
            if tally is not None:
                events.append(tally)
                heading = (sent_no, heading[1]) if heading else None
                continue
            heading = self._tally_heading(idx, s, e, sent_no) or (
                heading if heading and heading[0] == sent_no - 1 else None
            )
            consumed: set[int] = set()
            triggers = self.lex.triggers
            norms = idx.norms
            ready = False
            for i in range(s, e):
                trig = triggers.get(norms[i])
                if trig is None or i in consumed or idx.cover[i] is not None:
                    continue
                if not ready:
                    self._sentence_info(idx, s, e)
                    ready = True
                if i in self._titled or i in self._charged:
                    continue
                ev = self._event(idx, i, trig, s, e, statements, consumed)
                if ev is not None:
                    events.extend(self._distribute(idx, ev))
            if events and events[-1].sent_start == s:
                last_violent = sent_no if events[-1].type in _VIOLENT else last_violent
            elif last_violent is not None and sent_no - last_violent <= 2:
                more = self._casualty_report(idx, s, e, events)
                if more is not None:
                    events.append(more)
        doc._.kg_events = self._merge(events, doc._.kg_published, statements)
        return doc

    def _casualty_report(self, idx: DocIndex, s: int, e: int, events: list[EventRecord]) -> EventRecord | None:
        """'وذكر المصدر أن حارسا أصيب بجروح' right after an attack names no event of its own:
        its figures are the attack's."""
        norms = idx.norms
        if not any(norms[k] in self.killed or norms[k] in self.injured for k in range(s, e)):
            return None
        self._sentence_info(idx, s, e)
        killed = self._casualties(idx, s, s, e, self.killed)
        injured = self._casualties(idx, s, s, e, self.injured)
        if killed is None and injured is None:
            return None
        last = next(ev for ev in reversed(events) if ev.type in _VIOLENT)
        ev = EventRecord(last.type, s, e, s, killed=killed, injured=injured)
        ev.anaphor_only = ev.definite = True
        return ev

    def _sentence_info(self, idx: DocIndex, s: int, e: int) -> None:
        """Per sentence: the event nouns in it (a place or date after another kind of event noun
        belongs to that one), the background clauses, and triggers that are part of an office
        title ("وزير الاتصالات")."""
        nouns: list[tuple[int, str]] = []
        titled: set[int] = set()
        norms = idx.norms
        killed, injured = self.killed, self.injured
        self._cues = {
            "killed": [k for k in range(s, e) if norms[k] in killed],
            "injured": [k for k in range(s, e) if norms[k] in injured],
        }
        for k in range(s, e):
            trig = self.lex.triggers.get(norms[k])
            if trig is None or idx.cover[k] is not None:
                continue
            if idx.norm(k - 1) in self.office_heads:
                titled.add(k)
                continue
            if trig.cls in ("noun", "masdar"):
                nouns.append((k, trig.type))
        self._nouns = nouns
        self._titled = titled
        self._charged: set[int] = set()  # what people are held or sought for: alleged, no event
        self._bg_spans = self._background_spans(idx, s, e)
        self._bg_cache: dict[tuple[int, int, int], set[int]] = {}
        self._dateline = self._dateline_of(idx, s, e)

    def _dateline_of(self, idx: DocIndex, s: int, e: int) -> range:
        """'الموصل - وكالة المثال:' opening the report: where it was filed, not where anything
        happened."""
        k = s
        while k < e and (idx.space[k] or idx.punct[k]):
            k += 1
        if k > 0 and any(not idx.space[j] for j in range(0, k)) and s > 0:
            return range(0)  # only the very start of the text
        m = idx.starts.get(k)
        if m is None or m.place_id is None:
            return range(0)
        for j in range(m.end, min(e, m.end + 7)):
            if idx.texts[j] in ("-", "–", "/", ":"):
                return range(k, j + 1)
        return range(0)

    # ------------------------------------------------------------------ one trigger
    def _event(
        self,
        idx: DocIndex,
        i: int,
        trig: Trigger,
        s: int,
        e: int,
        statements: list[StatementRecord],
        consumed: set[int],
    ) -> EventRecord | None:
        if trig.cls == "light":
            return None
        if any(idx.norm(k) in self.threat_heads for k in range(max(s, i - 6), i)):
            return None
        if idx.norm(i - 1) in self.negations or idx.norm(i - 2) in self.negations and idx.norm(i - 1) == "قد":
            return None
        if trig.cls in ("noun", "masdar") and idx.norm(i - 1) in ("اي", "ايه", "كل"):
            return None  # "لأي اعتداء", "كل هجوم": no particular event
        if self._abstract_target(idx, i, e):
            return None  # "اعتداء على الدستور": a judgement, not an event
        stmt = self._reporting(statements, i)
        if stmt is not None and stmt.kind == "threaten":
            return None
        seg_start, seg_end = self._segment(idx, i, s, e)
        if stmt is not None:
            seg_start = max(seg_start, stmt.content_start)  # the speaker's own name is no place of the event
        span = self._in_background(i)
        clause_end = self._clause_end = seg_end
        if span is not None:
            # "ردا على القصف ...": an event named in a background clause is told there (and
            # in what follows the clause, never in what precedes it)
            seg_start, seg_end = max(seg_start, span[0]), min(seg_end, span[1])
        etype = trig.type
        target_hint: EntityMention | None = None
        focus = i  # where weapon and numbers are looked for: the event noun of a passive
        if trig.cls == "passive":
            found = self._passive(idx, i, seg_end)
            if found is None:
                return None
            k, etype = found
            consumed.add(k)
            focus = k
            target_hint = next((idx.starts[j] for j in range(i + 1, k) if j in idx.starts), None) or idx.topic_before(
                i, s
            )
        elif trig.cls == "fall":
            if not any(idx.norm(k) in self.projectiles for k in range(max(seg_start, i - 5), min(seg_end, i + 5))):
                return None
        elif trig.cls == "launch":
            nxt = [idx.norm(k) for k in range(i + 1, min(seg_end, i + 5))]
            if not any(w in self.projectiles or w in ("النار", "نار") for w in nxt):
                return None
        elif trig.cls == "intercept":
            # "اعترضت الدفاعات ثلاثة صواريخ": an attack that was stopped
            if not any(idx.norm(k) in self.projectiles for k in range(i + 1, min(seg_end, i + 8))):
                return None
        if trig.cls == "verb" and idx.norm(i) in self.needs_with and not self._with_party(idx, i, seg_end):
            return None  # "بحث الجانبان العلاقات" is the talk, not a meeting of its own
        if trig.cls == "arrive" and not self._destination(idx, i, seg_end):
            return None
        if etype == "agreement" and not self._support(idx, i, s, e, self.support_agreement):
            return None
        if etype == "resolution" and trig.cls != "verb" and not self._support(idx, i, s, e, self.support_resolution):
            return None

        ev = EventRecord(etype, s, e, i)
        ev.definite = (
            trig.cls == "noun"
            and trig.number == "sg"
            and (idx.norm(i).startswith("ال") or idx.norm(i - 1) in ("هذا", "هذه", "ذلك", "تلك"))
        )
        ev.statement = statements.index(stmt) if stmt is not None else None
        ev.background = self._in_background(i) is not None
        ev.past = self._told_as_past(idx, i, seg_start, stmt)
        # roles first: a capital read as the actor ("توصلت واشنطن وبغداد") is then no place
        self._roles(idx, ev, i, trig, seg_start, seg_end, stmt, target_hint)
        ev.place = self._place(idx, i, seg_start, seg_end, etype)
        if ev.place is None and span is not None and seg_end < clause_end:
            ev.place = self._place(idx, i, seg_end, clause_end, etype)  # "... بأمر من X، على مخازن في Y"
        sent_start = max(s, stmt.content_start) if stmt is not None else s
        # (a background event is another event than the sentence's: it takes nothing from it)
        wider = etype in _VIOLENT and (seg_start, seg_end) != (sent_start, e) and not ev.background
        if ev.place is None and wider:
            # "عقب قصف على X، فيما ردت المدفعية بقصف مماثل": the scene the sentence names elsewhere
            ev.place = self._place(idx, i, sent_start, e, etype, scene=True)
        self._dates(idx, ev, i, seg_start, seg_end, statements)
        if ev.date is None and span is not None and seg_end < clause_end:
            self._dates(idx, ev, i, seg_end, clause_end, statements)
        if ev.date_strength < 2 and wider:
            self._dates(idx, ev, i, sent_start, e, statements, scene=True)
        self._listed = self._listed_places(idx, i, seg_start, seg_end, etype) if etype in _VIOLENT else []
        multiple = False
        if etype in _VIOLENT:
            ev.weapon = self._weapon(idx, focus, seg_start, seg_end)
            ev.count, multiple = self._count(idx, focus, trig, seg_start, seg_end)
            if trig.cls == "verb" and any(
                self._plural_noun(idx, k) for k in range(max(seg_start, i - 5), min(seg_end, i + 3))
            ):
                multiple = True  # "أربع هجمات طالت", "طالت هجمات ...": several events
            ev.killed = self._casualties(idx, i, seg_start, seg_end, self.killed)
            ev.injured = self._casualties(idx, i, seg_start, seg_end, self.injured)

        if etype in _VIOLENT:
            ev.group = trig.number == "pl" or multiple
            if ev.group and idx.norm(i - 1) in self.series_words and ev.date_strength < 2:
                return None  # "سلسلة هجمات", "عشرات الضربات" with no date: a campaign, not an event
            if not self._keep_violent(ev, trig, multiple):
                if trig.cls == "noun" and idx.norm(i).startswith("ال"):
                    # "الغارات خلفت 9 قتلى": the strikes already reported, if there are any
                    ev.anaphor_only = ev.definite = True
                elif ev.group and ev.date_strength == 2 and (ev.perpetrators or ev.targets or ev.place):
                    # "موجة غارات على أهداف في لبنان وسوريا": too vague to stand alone, but the
                    # places the report names next are its parts, and take its date and roles
                    ev.group_only = True
                else:
                    return None
            if (
                etype == "attack"
                and ev.perpetrators
                and ev.weapon in _AIR_WEAPONS
                and all(idx.actor_kind(p) in _STATE_KINDS for p in ev.perpetrators)
            ):
                ev.type = "airstrike"
            elif (
                etype == "airstrike"
                and ev.perpetrators
                and all(idx.actor_kind(p) == "armed_group" for p in ev.perpetrators)
            ):
                ev.type = "attack"
            elif etype == "airstrike" and ev.weapon in _GROUND_WEAPONS - {"artillery"}:
                ev.type = "attack"
        elif etype == "meeting" and not (ev.perpetrators or ev.targets):
            return None
        if etype in ("meeting", "visit", "agreement") and ev.background and ev.date_strength < 2:
            return None  # "منذ أشهر مباحثات ...": talks going on, no meeting of its own
        elif etype == "visit" and not (ev.place or ev.perpetrators):
            return None
        elif etype == "arrest" and not (ev.place or ev.perpetrators or ev.targets or ev.date):
            return None
        if etype == "resolution" and not any(
            idx.actor_kind(p) in ("government", "international_org") for p in ev.perpetrators
        ):
            return None  # only parliaments, councils, courts and governments pass resolutions
        if etype in ("resolution", "arrest") and ev.place is None:
            ev.place = self._home_place(ev.perpetrators)
        return ev

    def _listed_places(self, idx: DocIndex, i: int, start: int, end: int, etype: str) -> list[str]:
        """The specific places (a governorate or narrower) one clause lists for one act: "قصف
        طال سنجار وتلعفر، وكذلك قضاء مخمور" names three. A place inside another listed one
        stands for it, and so does a sub-list ("..., منها X") after a listed place."""
        if sum(1 for m in idx.mentions_in(start, end) if m.place_id or m.actor_id in self.gaz.places) < 2:
            return []  # one place or none: nothing to share out
        background = self._background(idx, i, start, end)
        found: list[str] = []
        sublist_until = -1
        last_end = -1  # where the last listed place ended
        for k in range(start, end):
            norm = idx.norms[k]
            if norm in self.sublist_words and found:
                j = k + 1
                while j < end and idx.texts[j] not in ("،", ",", ".") and idx.norms[j] not in _BOUNDARIES:
                    j += 1
                sublist_until = j
            m = idx.starts.get(k)
            if m is None or k < sublist_until or k in background or k in self._dateline:
                continue
            if self._other_event_between(i, k, etype, background):
                continue
            if idx.norm(k - 1) == "من" and idx.norm(k - 2) not in self.near_words:
                continue  # the launch site
            if "ل" in idx.clitic_of(k) or self._reference_point(idx, k):
                continue
            pid = self._place_of(m)
            if pid is None or self.gaz.place_rank(pid) > 3 or pid in found:
                continue
            if found and not self._coordinated_place(idx, last_end, k):
                continue  # "طريق بغداد كركوك": one name made of two, not two places
            found.append(pid)
            last_end = m.end
        return [p for p in found if not any(q != p and self.gaz.place_contains(p, q) for q in found)]

    def _coordinated_place(self, idx: DocIndex, after: int, k: int) -> bool:
        """A conjunction, a comma or 'إضافة إلى' between the last place listed and token k."""
        for j in range(after, k + 1):
            if idx.clitics[j].startswith("و") or idx.norms[j] in self.list_joiners or idx.texts[j] in ("،", ","):
                return True
        return False

    def _reference_point(self, idx: DocIndex, k: int) -> bool:
        """'ناحية العظيم شمالي بعقوبة', 'معسكر التاجي بمحيط العاصمة': a place right after another
        place and a direction or proximity word locates that place; it is not another one hit."""
        near = self.direction_words | self.near_words
        if ("ب" in idx.clitic_of(k) or idx.norm(k - 1) == "في") and "و" not in idx.clitic_of(k):
            # "مطار الحرير في أربيل", "بلدتي هيت وحديثة بمحافظة الأنبار": where the first is
            # ("... وفي تكريت" adds a place)
            j = k if idx.norm(k - 1) != "في" else k - 1
            if idx.clitics[j].startswith("و"):
                return False
            before = idx.cover[j - 1] if j > 0 else None
            return before is not None and self._place_of(before) is not None
        j = k if idx.norm(k) in near else k - 1  # a name written with its own "محيط"
        if idx.norm(j) == "من":
            j -= 1  # "بالقرب من", "على مقربة من"
        if idx.norm(j) not in near:
            return False
        before = idx.cover[j - 1] if j > 0 else None
        return before is not None and self._place_of(before) is not None

    def _distribute(self, idx: DocIndex, ev: EventRecord) -> list[EventRecord]:
        """One event per listed place: strikes on two towns are two events."""
        listed = self._listed if ev.type in _VIOLENT else []
        if len(listed) < 2:
            return [ev]
        out = []
        for n, pid in enumerate(listed):
            part = replace(ev, place=pid, perpetrators=list(ev.perpetrators), targets=list(ev.targets))
            if n:
                part.killed = part.injured = None  # the figures are the whole raid's; told once
            if part.group_only and self.gaz.place_rank(pid) <= 2:
                part.group_only = False
            out.append(part)
        return out

    def _abstract_target(self, idx: DocIndex, i: int, e: int) -> bool:
        """'اعتداء (صارخ) على الدستور': the noun judges an act; it reports no attack of its own."""
        for k in range(i + 1, min(e, i + 4)):
            if idx.norm(k) in ("علي", "ضد"):
                return idx.norm(k + 1) in self.abstract_targets
        return False

    def _with_party(self, idx: DocIndex, i: int, end: int) -> bool:
        """'بحث X (title and name) مع Y': 'مع' after the subject, however long its title."""
        k = i + 1
        steps = 0
        while k < end and steps < 12:
            if idx.norm(k) == "مع":
                return True
            m = idx.cover[k]
            if m is not None:
                k = m.end
            else:
                k += 1
            steps += 1
        return False

    def _told_as_past(self, idx: DocIndex, i: int, seg_start: int, stmt: StatementRecord | None) -> bool:
        """Background told in the pluperfect ("وكان ... قد", "سبق أن") or reported by a statement
        made at an unstated earlier time: no publication date for it."""
        if stmt is not None and stmt.date is None:
            return True
        return any(idx.norm(k) in self.pluperfect for k in range(seg_start, i))

    def _keep_violent(self, ev: EventRecord, trig: Trigger, multiple: bool) -> bool:
        anchored = bool(ev.weapon or ev.count or ev.killed or ev.injured or ev.date)
        rank = self.gaz.place_rank(ev.place)
        specific = rank <= 3
        if trig.number == "pl" or multiple:
            # a base, a district or a city; a governorate only for a raid dated to the day
            dated = ev.date_precision == "day" and ev.date_strength == 2
            if rank <= 2 and ev.perpetrators:
                return True  # "شنت مقاتلات تركية غارات على قرى في زاخو": whose, and where
            return anchored and (rank <= 2 or (rank <= 3 and dated and bool(ev.perpetrators)))
        if trig.cls in ("masdar", "launch", "intercept"):
            return anchored and (specific or bool(ev.perpetrators) or bool(ev.targets))
        if trig.cls == "verb":
            return specific or (anchored and (ev.place is not None or bool(ev.targets)))
        return anchored or specific  # a singular noun: "هجوم على قاعدة X", "ضربة بطائرة مسيرة"

    def _plural_noun(self, idx: DocIndex, k: int) -> bool:
        trig = self.lex.triggers.get(idx.norm(k))
        return trig is not None and trig.number == "pl" and trig.cls == "noun"

    def _reporting(self, statements: list[StatementRecord], i: int) -> StatementRecord | None:
        """The statement whose reported words contain token i."""
        for st in statements:
            if st.content_start <= i < st.content_end and st.verb < i:
                return st
        return None

    def _segment(self, idx: DocIndex, i: int, s: int, e: int) -> tuple[int, int]:
        """The clause around token i: up to 'فيما', 'بينما', 'في حين', ';' or ', أي' (that is)."""
        bounds = self._bounds.get(s)
        if bounds is None:
            bounds = self._bounds[s] = [
                k
                for k in range(s, e)
                if idx.norms[k] in _BOUNDARIES or (idx.norms[k] == "اي" and idx.text(k - 1) in ("،", ","))
            ]
        k = bisect.bisect_left(bounds, i)
        start = bounds[k - 1] + 1 if k > 0 else s
        end = next((b for b in bounds[k:] if b > i), e)
        return start, end

    def _passive(self, idx: DocIndex, i: int, end: int) -> tuple[int, str] | None:
        """'تعرضت X لهجوم' / 'تعرض ... إلى هجوم' / 'تعرض لعدد من القذائف': the noun after ل or إلى."""
        for k in range(i + 1, min(end, i + 12)):
            norm = idx.norm(k)
            marked = "ل" in idx.clitic_of(k) or idx.norm(k - 1) == "الي"
            if not marked:
                continue
            trig = self.lex.triggers.get(norm)
            if trig is None and norm in self.attempt_words:
                trig = self.lex.triggers.get(idx.norm(k + 1))  # "تعرض المحافظ لمحاولة اغتيال"
                k += 1
            if trig is not None and trig.cls in ("noun", "masdar"):
                return k, trig.type
            if norm in ("عده", "عدد") or norm in self.projectiles:
                return k, "attack"
        return None

    def _destination(self, idx: DocIndex, i: int, end: int) -> str | None:
        """'وصل X إلى بغداد': the place after إلى, within a few words of the verb."""
        for k in range(i + 1, min(end, i + 9)):
            if idx.norm(k) == "الي" or "ل" in idx.clitic_of(k):
                m = idx.starts.get(k + 1) if idx.norm(k) == "الي" else idx.starts.get(k)
                if m is not None and self._place_of(m):
                    return self._place_of(m)
        return None

    def _support(self, idx: DocIndex, i: int, s: int, e: int, verbs: frozenset[str]) -> bool:
        return any(idx.norm(k) in verbs for k in range(max(s, i - 40), min(e, i + 3)))

    # ------------------------------------------------------------------ attributes
    def _place_of(self, m: EntityMention) -> str | None:
        """The gazetteer place a mention names (a discovered locality has no hierarchy to merge
        events by, so it never places one)."""
        if m.source == "discovered":
            return None
        if m.role == "place" and m.place_id:
            return m.place_id
        if (
            m.place_id
            and m.source == "gazetteer"
            and m.actor_id
            and self.gaz.places.get(m.place_id, {}).get("kind") != "country"
            and self.gaz.actors.get(m.actor_id, {}).get("kind") == "diplomatic_mission"
        ):
            return m.place_id  # an embassy names its compound too (a palace only after "في")
        if (
            m.actor_id in self.gaz.places
            and self.gaz.places[m.actor_id].get("kind") != "country"
            and self.gaz.actors.get(m.actor_id or "", {}).get("kind") == "diplomatic_mission"
        ):
            return m.actor_id
        return None

    def _place(
        self, idx: DocIndex, i: int, start: int, end: int, etype: str = "attack", scene: bool = False
    ) -> str | None:
        """The most specific place of the clause (of the sentence, with `scene`, background
        clauses included)."""
        best: tuple[int, int, str] | None = None
        if etype == "visit":
            arrived = next(
                (
                    k
                    for k in range(start, i)
                    if self.lex.triggers.get(idx.norm(k)) is not None and self.lex.triggers[idx.norm(k)].cls == "arrive"
                ),
                None,
            )
            if arrived is not None:
                return self._destination(idx, arrived, end)
            start, end = i + 1, min(end, i + 7)  # "زيارة (مفاجئة) لأربيل", "زار X"
        background = set() if scene else self._background(idx, i, start, end)
        country: str | None = None
        for m in idx.mentions_in(start, end):
            if m.start in background or m.start in self._dateline:
                continue
            if self._other_event_between(i, m.start, etype, background):
                continue
            pid = self._place_of(m)
            if pid is None:
                if (
                    etype in _VIOLENT
                    and country is None
                    and m.start > i
                    and (idx.norm(m.start - 1) in ("علي", "ضد") or self._target_in(idx, i, m.start))
                    and (m.place_id or m.actor_id) in self.gaz.places
                ):
                    country = m.place_id or m.actor_id  # "هجوم ... على الأردن": the country hit
                continue
            before = idx.norm(m.start - 1)
            if before == "من" and idx.norm(m.start - 2) not in self.near_words:
                continue  # the launch site, not where it hit
            if etype != "visit" and "ل" in idx.clitic_of(m.start):
                continue  # "صلة لطهران": for someone, not somewhere
            key = (self.gaz.place_rank(pid), 0 if m.start > i else 1, abs(m.start - i), pid)
            if best is None or key[:3] < best[:3]:
                best = (key[0], key[1], abs(m.start - i), pid)  # type: ignore[assignment]
        return best[3] if best else country  # type: ignore[index]

    def _target_in(self, idx: DocIndex, i: int, k: int) -> bool:
        """'ضربات على أهداف (للحوثيين) في اليمن': the country where the struck targets lie."""
        if idx.norm(k - 1) != "في":
            return False
        return any(
            idx.norm(j - 1) in ("علي", "ضد") and idx.norm(j) in self.target_nouns for j in range(max(i + 1, k - 5), k)
        )

    def _background_spans(self, idx: DocIndex, s: int, e: int) -> list[tuple[int, int]]:
        """Clauses that name another time or another event: time and response clauses ("منذ مطلع
        العام،", "ردا على القصف ...", "بعد ثلاثة أيام من التفجير", "غداة مقتل ..."), what people
        are held for ("بتهمة التخطيط لتفجيرات ..."), and "the war on X". An event named there is
        a background event; its places, dates and casualties are not those of the others."""
        out: list[tuple[int, int]] = []
        heads = self._span_heads
        norms = idx.norms
        k = s
        while k < e:
            norm = norms[k]
            if norm not in heads:
                k += 1
                continue
            nxt = idx.norm(k + 1)
            opens = (
                norm in self.time_heads
                or norm in self.charge_heads
                or (norm in ("بعد", "قبل") and (nxt in self.onset_words or self._span_of_time(idx, k + 1, e)))
                or (norm in ("رد", "الرد") and nxt == "علي")
            )
            if opens:
                j = k + 1
                while j < e and idx.norms[j] not in _BOUNDARIES and idx.texts[j] != ".":
                    if idx.texts[j] in ("،", ","):
                        if idx.norm(j + 1) in self.sublist_words:
                            j += 1  # "ردا على اعتداءات ...، منها قصف X": the list goes on
                            continue
                        close = self._parenthetical(idx, j, e)
                        if close is None:
                            break
                        j = close + 1  # "بعد قصف، صباح الخميس، على ...": an aside between commas
                        continue
                    j += 1
                out.append((k, j))
                if norm in self.charge_heads:
                    self._charged.update(range(k, j))
                k = j
                continue
            if norm in ("الحرب", "العدوان", "حرب") and nxt in ("علي", "في"):
                out.append((k + 2, k + 3))
            k += 1
        return out

    def _parenthetical(self, idx: DocIndex, comma: int, e: int) -> int | None:
        """The closing comma of a short aside between two commas (", ظهر السبت،",
        ", بأمر من القيادة،"): the clause goes on after it. A piece that opens with و/ف or holds
        a reporting verb or an event word is a clause of its own."""
        j = comma + 1
        if j >= e or idx.clitics[j].startswith(("و", "ف")):
            return None
        while j < e and j - comma <= 7 and idx.texts[j] not in ("،", ","):
            norm = idx.norms[j]
            if norm in _BOUNDARIES or norm in self.lex.speech_verbs or norm in self.lex.triggers:
                return None
            j += 1
        return j if j < e and j - comma > 1 and idx.texts[j] in ("،", ",") else None

    def _in_other_relative(self, idx: DocIndex, i: int, k: int) -> bool:
        """Token k sits in a relative clause on another noun, not on the event: the date of
        "المؤتمر الذي عقد في الخامس من أيار" is the conference's. "التفجير الذي وقع ظهر
        الخميس" and "غارة ... التي طالت" describe the event itself."""
        if k <= i:
            return False
        for r in range(k - 1, i, -1):
            if idx.texts[r] in ("،", ","):
                return False
            if idx.norms[r] in self.relatives:
                triggers = self.lex.triggers
                return not (
                    r - 1 <= i
                    or idx.norm(r - 1) in triggers
                    or idx.norm(r - 2) in triggers
                    or idx.norm(r + 1) in triggers
                )
        return False

    def _span_of_time(self, idx: DocIndex, k: int, e: int) -> bool:
        """'(بعد) أسبوعين من', '(بعد) ساعات من', '(بعد) ثلاثة أيام من': a stretch of time, then من."""
        for j in range(k, min(e, k + 3)):
            if idx.norm(j) == "من":
                return j > k and (idx.norm(k) in self.duration_words or idx.norm(k).isdigit())
        return False

    def _in_background(self, k: int) -> tuple[int, int] | None:
        for a, b in self._bg_spans:
            if a <= k < b:
                return (a, b)
        return None

    def _background(self, idx: DocIndex, i: int, start: int, end: int) -> set[int] | frozenset[int]:
        """Tokens of the background clauses that do not hold token i (most sentences have none)."""
        if not self._bg_spans:
            return _NO_TOKENS
        key = (i, start, end)
        out = self._bg_cache.get(key)
        if out is None:
            out = set()
            for a, b in self._bg_spans:
                if not a <= i < b and b > start and a < end:
                    out.update(range(max(a, start), min(b, end)))
            self._bg_cache[key] = out
        return out

    def _other_event_between(self, i: int, k: int, etype: str, background: set[int]) -> bool:
        """An event noun of another type between token i and token k: what stands at k (a place,
        a date) belongs to that one ("توقيف ... بتهمة تفجيرات في X", "الاجتماع ... معاهدة عام 1975")."""
        if k <= i:
            return False
        for p, t in self._nouns:
            if i < p < k and t != etype:
                span = self._in_background(p) if p in background else None
                if span is None or span[1] > k:
                    return True  # a noun in a background clause claims only what is in that clause
        return False

    def _weapon(self, idx: DocIndex, i: int, start: int, end: int) -> str | None:
        order = self.lex.events["weapon_head_precedence"]
        found: set[str] = set()
        for k in range(max(start, i - 6), min(end, i + 9)):
            weapon = self.lex.weapons.get(idx.norm(k))
            if weapon is None:
                continue
            if weapon == "shooting" and idx.norm(k - 1) not in ("اطلاق", "باطلاق", "باطلق"):
                continue
            if weapon == "drone" and idx.norm(k) == "طيار" and idx.norm(k - 1) not in ("بدون", "دون"):
                continue
            found.add(weapon)
        return next((w for w in order if w in found), None)

    def _number(self, idx: DocIndex, k: int) -> int | None:
        if not 0 <= k < idx.n or idx.date_cover[k] is not None:
            return None  # "2024" in a date counts nothing
        norm = idx.norm(k)
        if norm.isdigit():
            return int(norm)
        return self.lex.numbers.get(norm)

    def _count(self, idx: DocIndex, i: int, trig: Trigger, start: int, end: int) -> tuple[int | None, bool]:
        """(count, several events?) — projectiles ('تسع قذائف', 'بقذيفتين') before attacks ('هجومان')."""
        window = idx.norms[max(start, i - 5) : min(end, i + 8)]
        multiple = any(norm in _UNIT_PLURAL for norm in window)
        for k in range(max(start, i - 5), min(end, i + 8)):
            norm = idx.norms[k]
            if norm not in self.projectiles:
                continue
            if norm in self.dual_projectiles:
                return 2, multiple
            for back in (1, 2):
                n = self._number(idx, k - back)
                if n is not None and (
                    back == 1
                    or idx.norm(k - 1) in self.approx
                    or idx.norm(k - 2) in self.approx
                    or idx.norm(k - 1).isdigit()
                ):
                    return n, multiple
        if trig.number == "du":
            return 2, multiple
        n = self._number(idx, i - 1)
        if n is not None and (trig.number == "pl" or n > 1):
            return n, True  # "خمس هجمات", "12 هجوما" (a singular noun after a number from 11 up)
        for k in range(i + 1, min(end, i + 4)):
            if idx.norm(k) in ("مرتين", "مرتان"):
                return 2, True
            if idx.norm(k) in ("مرات",):
                n = self._number(idx, k - 1)
                return n, True
        return None, multiple

    def _casualties(self, idx: DocIndex, i: int, start: int, end: int, cues: frozenset[str]) -> int | None:
        """'مقتل 6', 'إصابة مدنيين', 'إصابة رجل وطفل', 'أربعة حراس قتلوا', 'أودى بحياة 9'."""
        other = (self.killed | self.injured) - cues
        positions = self._cues["killed" if cues is self.killed else "injured"]
        if not any(start <= k < end for k in positions):
            return None
        background = self._background(idx, i, start, end)
        for k in positions:
            if k < start or k >= end or k in background:
                continue
            if any(idx.norm(j) in ("لم", "دون", "بدون", "عدم", "اي") for j in range(max(start, k - 4), k)):
                continue
            verb = idx.norm(k) in self.casualty_verbs
            if verb:
                ahead = self._number(idx, k + 1)
                if ahead is None and idx.norm(k + 1) in self.approx:
                    ahead = self._number(idx, k + 2) or self._number(idx, k + 3)  # "جرح نحو 15"
                if ahead is not None:
                    return ahead  # the verb first: "وجرح 12 آخرون"
            people = 0  # "مقتل شرطي وإصابة مدنيين", "إصابة رجل وطفل": count the people named
            for j in range(k + 1, min(end, k + 6)):
                norm = idx.norm(j)
                if norm in other:
                    break  # "قتلوا وجرح 12": that number is the other count
                n = self._number(idx, j)
                if n is not None:
                    return n
                if norm in self.dual_people:
                    people += 2
                elif norm in self.single_people:
                    people += 1
                elif norm in self.people:  # a plural with no number: "مقتل مدنيين كثر"
                    return self._number(idx, j + 1)  # ... unless it follows: "إصابة منتسبين اثنين"
                elif norm in ("بجروح", "من", "عن", "ب", "بحياه", "الي") or idx.punct[j]:
                    if people:
                        break
                elif people:
                    break
            if people:
                return people
            if verb and not idx.clitics[k].startswith("و"):
                # the subject before the verb: "أربعة حراس قتلوا", "شرطيا أصيب"
                # ("وجرح" opens a clause of its own: what stands before it is not its subject)
                named = 0
                for j in range(k - 1, max(start - 1, k - 5), -1):
                    n = self._number(idx, j)
                    if n is not None:
                        return n
                    if idx.punct[j] or idx.norm(j) in other:
                        break
                    if idx.norm(j) in self.dual_people:
                        named = named or 2
                    elif idx.norm(j) in self.single_people and not (
                        j > start and (self._number(idx, j - 1) or idx.norm(j - 1) in self.approx)
                    ):
                        named = named or 1
                if named:
                    return named
        return None

    def _dates(
        self,
        idx: DocIndex,
        ev: EventRecord,
        i: int,
        start: int,
        end: int,
        statements: list[StatementRecord],
        scene: bool = False,
    ) -> None:
        """The date written nearest the trigger in its clause; one in a background clause or after
        another kind of event noun is not its date. Found only in the words of the statement that
        reports it, the statement's own date is a weak hint (strength 1)."""
        dates = idx.dates
        background = set() if scene else self._background(idx, i, start, end)
        best: tuple[int, ...] | None = None  # (strength, precision, -distance, n)
        for n, d in enumerate(dates):
            if d.start < start or d.start >= end or idx.norm(d.start - 1) in _NOT_DATES_AFTER:
                continue
            if d.relative and d.precision == "year":
                continue  # "في العام الحالي": too vague to date one event
            if d.start in background or self._other_event_between(i, d.start, ev.type, background):
                continue
            if self._in_other_relative(idx, i, d.start):
                continue
            weak = any(n in st.head_dates for st in statements)  # when something was said
            # the finest date of the clause; of two as fine, the written one before a weekday read
            # against the publication date ("يوم السبت 26 آب"), then the nearer
            fine = {"day": 2, "month": 1}.get(d.precision, 0)
            written = not d.relative or any(c.isdigit() for t in idx.texts[d.start : d.end] for c in t)
            key = (1 if weak else 2, fine, -abs(d.start - i) - (0 if written else 20), n)
            if best is None or key > best:
                best = key
        if best is None and ev.statement is not None:
            # "ذكرت الوزارة، مساء 9 آب، أنها نفذت غارة": the announcement's date is a
            # weak hint for the event it announces, overruled by any date of the event itself
            heads = [
                n for n in statements[ev.statement].head_dates if not dates[n].relative or dates[n].precision != "year"
            ]
            if heads:
                best = (1, 0, 0, heads[0])
        if best is not None and best[0] > ev.date_strength:
            d = dates[best[-1]]
            ev.date, ev.date_precision, ev.date_strength = d.date, d.precision, best[0]
        if ev.time is None:
            for t in idx.times:
                if start <= t.start < end:
                    ev.time = t.clock
                    break

    def _roles(
        self,
        idx: DocIndex,
        ev: EventRecord,
        i: int,
        trig: Trigger,
        start: int,
        end: int,
        stmt: StatementRecord | None,
        target_hint: EntityMention | None,
    ) -> None:
        perps = _ActorList(idx)
        self._perpetrators(idx, ev, i, trig, start, end, stmt, perps)
        targets = _ActorList(idx)
        self._targets(idx, ev, i, trig, end, stmt, target_hint, perps, targets)
        ev.perpetrators = list(perps.ids)
        ev.targets = [t for t in targets.ids if t not in perps.ids]

    def _head_verb(self, idx: DocIndex, ev: EventRecord, i: int, trig: Trigger, start: int, end: int) -> int | None:
        """The verb whose subject did it: the event verb itself, a light verb before the noun
        ("شنت المقاتلات غارة"), the support verb of an agreement or resolution, or "وصل" of a visit."""
        if ev.type == "resolution" and trig.cls == "verb":
            return i  # "قضت المحكمة بعدم دستورية ...": the court rules
        if ev.type in ("agreement", "resolution"):
            support = self.support_agreement if ev.type == "agreement" else self.support_resolution
            return next((k for k in range(max(start, i - 40), min(end, i + 3)) if idx.norm(k) in support), None)
        if ev.type in ("meeting", "visit", "arrest"):
            if trig.cls in ("verb", "arrive"):
                return i
            if ev.type == "meeting":
                # "عقد X وY اجتماعا", "أجرى X مكالمة هاتفية": who held it
                return next(
                    (k for k in range(i - 1, max(start, i - 25) - 1, -1) if idx.norm(k) in self.support_meeting), None
                )
            return self._arrival(idx, start, i) if ev.type == "visit" else None
        if trig.cls == "intercept":
            return None  # who shot the drone down was attacked by it
        if trig.cls in ("verb", "fall", "launch") and not idx.clitic_of(i):
            # "الضربات التي طالت X", "ثاني هجوم يستهدف X": the subject is the noun before, X the object
            before = idx.norm(i - 1)
            if before in self.relatives or before in self.lex.triggers or before in self.projectiles:
                return None
            return i
        head = None
        for k in range(max(start, i - 12), i):  # "شنت المقاتلات التركية، ظهر الأحد، غارات"
            light = self.lex.triggers.get(idx.norm(k))
            if light is not None and light.cls == "light":
                head = k
        return head

    def _arrival(self, idx: DocIndex, start: int, end: int) -> int | None:
        return next(
            (
                k
                for k in range(start, end)
                if (t := self.lex.triggers.get(idx.norm(k))) is not None and t.cls == "arrive"
            ),
            None,
        )

    def _perpetrators(
        self,
        idx: DocIndex,
        ev: EventRecord,
        i: int,
        trig: Trigger,
        start: int,
        end: int,
        stmt: StatementRecord | None,
        perps: _ActorList,
    ) -> None:
        # a country adjective on the noun: "قصف تركي", "الغارات الجوية التركية"
        for k in (i + 1, i + 2):
            m = idx.starts.get(k)
            if m is not None and m.source == "nisba" and m.actor_id:
                # one adjective may come between ("الغارات الجوية التركية"); a noun may not
                # ("قصف المدارس السورية": the schools are Syrian, not the attackers)
                if k == i + 1 or idx.norm(i + 1).endswith(("ي", "يه")) or idx.norm(i + 1) in self.projectiles:
                    perps.add(m)
                break
        head = self._head_verb(idx, ev, i, trig, start, end)
        if head is not None and idx.norm(head - 1) in self.pronoun_openers:
            # "ذكرت أنها قصفت X": the pronoun is the subject (the speaker); X is the object
            if stmt is not None and stmt.speaker:
                perps.add_id(stmt.speaker)
            head = None
        if head is not None:
            topic = idx.topic_before(head, ev.sent_start)
            if topic is not None and idx.actor_of(topic):
                perps.add(topic)
            else:
                agent = idx.agent_after(head, end)
                if agent.mention is not None and agent.actor and agent.actor != UNRESOLVED:
                    perps.add(agent.mention)
                    self._coordinated(idx, agent.end, end, perps)
        # the reporting speaker's own action: "أعلنت تنفيذ غارة", "أعلن توقيف", "استهدافها"
        if stmt is not None and stmt.speaker and self._own_action(idx, i, stmt):
            perps.add_id(stmt.speaker)
        if ev.type in ("visit", "meeting") and not perps.ids:
            m = idx.starts.get(i + 1)
            if m is not None and idx.actor_kind(m.actor_id) == "person":
                perps.add(m)  # "زيارة غوتيريش"
            else:
                around = next(
                    (st.speaker for st in self._statements if st.sent_start == ev.sent_start and st.speaker),
                    None,
                )
                if around:
                    perps.add_id(around)  # "صرح الوزير، أثناء زيارة ..."
                else:  # "الوزير ... في زيارة": the subject of the sentence
                    perps.add(
                        next(
                            (
                                m
                                for m in idx.mentions
                                if ev.sent_start <= m.start < i
                                and m.source != "nested"
                                and not idx.governed(m)
                                and idx.actor_kind(idx.actor_of(m)) in _OFFICIAL_KINDS
                            ),
                            None,
                        )
                    )
        # "ضربة ... نفذها X", "غارة نفذتها مقاتلة تركية": a fact only outside someone
        # else's words (inside them it is an accusation)
        norms, triggers = idx.norms, self.lex.triggers
        for k in range(i + 1, end):
            norm = norms[k]
            other = triggers.get(norm)
            if other is not None and other.cls in ("noun", "masdar"):
                break  # "التفجير عقب غارة شنها X": X did the other act
            if len(norm) > 3 and norm.startswith(("نفذ", "شن")):
                m = next((idx.starts[j] for j in range(k + 1, min(end, k + 5)) if j in idx.starts), None)
                actor = idx.actor_of(m) if m is not None else None
                if actor and (stmt is None or stmt.speaker == actor):
                    perps.add(m)
                break
        for k in range(start, i):  # "قيام X بـ": X did it
            if norms[k] == "قيام" and (k + 1) in idx.starts:
                perps.add(idx.starts[k + 1])
        if not perps.ids and "ب" in idx.clitic_of(i):
            # a verbal noun governed by the clause's verb: "وقامت تركيا بقصف قرى"
            for k in range(i - 1, max(start - 1, i - 4), -1):
                if idx.norms[k] in self.casualty_verbs:
                    break  # "قتل X بغارة": X was killed by it, not its author
                m = idx.cover[k]
                if m is not None and not idx.governed(m) and idx.actor_of(m) and m.role == "actor":
                    perps.add(m)
                    break

    def _targets(
        self,
        idx: DocIndex,
        ev: EventRecord,
        i: int,
        trig: Trigger,
        end: int,
        stmt: StatementRecord | None,
        hint: EntityMention | None,
        perps: _ActorList,
        targets: _ActorList,
    ) -> None:
        if ev.type in ("meeting", "arrest") and not ev.definite:
            # the other party of a meeting; those arrested ("توقيف أربعة عناصر من تنظيم داعش"),
            # not whom they were said to plot against ("بتهمة التخطيط لتفجيرات قرب الوزارة")
            background = self._background(idx, i, i, end)
            window = range(i + 1, min(end, i + 12))
            if ev.type == "meeting":
                # "ناقش X مع Y", "أجرى مكالمة بـ Y", "لقائه Y": the other party after مع or بـ first
                marked = [k for k in window if idx.norm(k - 1) == "مع" or "ب" in idx.clitic_of(k)]
                window = marked + [k for k in window if k not in marked]
            for k in window:
                m = idx.starts.get(k)
                if k in background:
                    continue
                if m is not None and m.role == "place":
                    continue  # "في أنقرة": where they met
                if m is not None and m.source != "nested" and idx.actor_of(m) and idx.actor_of(m) not in perps.ids:
                    person = idx.person_after(m, end)
                    targets.add(person or m)
                    break
        if ev.type not in _VIOLENT:
            return
        if hint is not None and hint.actor_id:
            targets.add(hint)  # "تعرضت القنصلية لهجوم"
        if trig.cls == "intercept":
            # "اعترض الجيش صاروخا", "قالت الوزارة إن دفاعاتها أسقطت": the defender was the target
            topic = idx.topic_before(i, ev.sent_start)
            agent = idx.agent_after(i, end)
            defender = topic if topic is not None else agent.mention
            if defender is not None and idx.actor_of(defender):
                targets.add(defender)
            elif stmt is not None and stmt.speaker:
                targets.add_id(stmt.speaker)
        if trig.cls == "verb" and idx.norm(i).startswith(_TARGETING_VERBS):
            for k in range(i + 1, min(end, i + 12)):  # "استهدفت ... القنصلية التركية"
                m = idx.starts.get(k)
                if m is not None and idx.governed(m):
                    continue  # "طائرات تابعة لسلاح الجو": whose, not whom
                if m is not None and m.actor_id and m.role == "actor" and m.actor_id not in perps.ids:
                    targets.add(m)
                    break
        for k in range(i + 1, min(end, i + 10)):  # "هجوم على X", "ضربة (بمسيرات) ضد X"
            if idx.norm(k) in ("علي", "ضد"):
                m = idx.starts.get(k + 1)
                if m is not None and m.actor_id and m.actor_id not in perps.ids:
                    targets.add(m)
                break
        self._owner_and_host(idx, i, end, perps, targets)
        self._survivor(idx, ev, i, targets)
        self._killed_targets(idx, ev, i, self._clause_end if ev.background else end, perps, targets, stmt)

    def _owner_and_host(self, idx: DocIndex, i: int, end: int, perps: _ActorList, targets: _ActorList) -> None:
        """Whose the place hit was: "قصف طال مخزنا تابعا لحركة X", "قصف مواقع لجماعات مسلحة";
        and who was in it: "معسكر ... يضم مستشارين أجانب", "نقطة ينتشر فيها الجيش التركي"."""
        background = self._background(idx, i, i, end)
        owned = False
        for k in range(i + 1, end):
            if k in background:
                continue
            norm = idx.norms[k]
            if not owned and norm in self.facility_nouns and k - i <= 8:
                # the owner right after the noun, or after "تابعة" a few words on
                # ("مواقع في العراق وسوريا، تابعة لـ X")
                j = next((x + 1 for x in range(k + 1, min(end, k + 6)) if idx.norms[x] in self.ownership_words), k + 1)
                m = idx.starts.get(j)
                if m is not None and "ل" in idx.clitic_of(j) and idx.actor_of(m) and idx.actor_of(m) not in perps.ids:
                    targets.add(m)
                    owned = True
            elif norm in self.hosting_verbs:
                j = k + 1
                if idx.norm(j) in ("فيها", "فيهما", "فيه", "بها"):
                    j += 1
                m = next((idx.starts[x] for x in range(j, min(end, j + 3)) if x in idx.starts), None)
                if (
                    m is not None
                    and idx.actor_kind(idx.actor_of(m)) in _STATE_KINDS
                    and idx.actor_of(m) not in perps.ids
                ):
                    targets.add(m)
                return

    def _survivor(self, idx: DocIndex, ev: EventRecord, i: int, targets: _ActorList) -> None:
        """'نجا X من محاولة اغتيال': who survived an attack was its target."""
        for k in range(ev.sent_start, i):
            if idx.norms[k] in self.survive_verbs:
                agent = idx.agent_after(k, i)
                if agent.mention is not None and idx.actor_of(agent.mention):
                    targets.add(agent.mention)
                return

    def _own_action(self, idx: DocIndex, i: int, stmt: StatementRecord) -> bool:
        """The speaker reports what it did itself: "استهدافها" (its targeting), "أعلنت تنفيذ
        ضربة", "أعلن توقيف ...". A condemnation's object ("أدانت الهجوم") is someone else's act."""
        norm = idx.norm(i)
        if norm.startswith("استهداف") and norm not in ("استهداف", "استهدافات"):
            return True
        head = stmt.object_head
        if head is None or idx.norm(stmt.verb) not in self.announce_verbs and stmt.kind != "claim_responsibility":
            return False
        light = self.lex.triggers.get(idx.norm(head))
        if light is not None and light.cls == "light":
            return head < i <= head + 2  # "تنفيذ غارة جديدة"
        trig = self.lex.triggers.get(norm)
        return i == head and trig is not None and trig.cls == "masdar"  # "توقيف", "اعتقال"

    def _coordinated(self, idx: DocIndex, j: int, end: int, out: _ActorList) -> None:
        """'وقع الرئيسان، والوزير' / 'توصلت أنقرة وبغداد': more subjects joined by و."""
        while j < end:
            while j < end and idx.punct[j]:
                j += 1
            if j >= end or not (idx.clitics[j].startswith("و") or idx.norm(j) == "و"):
                return
            if idx.norm(j) == "و":
                j += 1
            m = idx.starts.get(j)
            if m is not None:
                chosen = idx.person_after(m, end) or m
                out.add(chosen)
                j = chosen.end
                continue
            agent = idx.agent_after(j - 1, end)
            if agent.mention is None:
                return
            out.add(agent.mention)
            j = agent.end

    def _killed_targets(
        self,
        idx: DocIndex,
        ev: EventRecord,
        i: int,
        end: int,
        perps: _ActorList,
        targets: _ActorList,
        stmt: StatementRecord | None,
    ) -> None:
        """Those named as killed: 'مقتل القيادي فلان', 'مقتل 4 من عناصرها' (the clause's subject)."""
        start = ev.sent_start
        background = self._background(idx, i, start, end)
        k = next((k for k in self._cues["killed"] if start <= k < end and k not in background), None)
        if k is None:
            return
        if idx.norm(k) in self.casualty_verbs and not idx.clitics[k].startswith("و"):
            # "وكان القائد ومرافقه قد قتلا بغارة": those killed are the verb's subject, before it
            for m in idx.mentions_in(start, k):
                if idx.actor_kind(m.actor_id) == "person" and m.source != "nested":
                    targets.add(m)
            return
        for j in range(k + 1, min(end, k + 30)):
            if j in background:
                break
            m = idx.starts.get(j)
            if m is not None and idx.actor_kind(m.actor_id) == "person":
                targets.add(m)
            if m is not None and j - k <= 10 and idx.actor_kind(m.actor_id) == "armed_group":
                targets.add(m)  # "سقوط قتلى من مقاتلي الفصائل الموالية لإيران"
            norm = idx.norm(j)
            if norm in self.military_people and m is None and (j + 1) in idx.starts:
                nisba = idx.starts[j + 1]  # "ثلاثة جنود أميركيين": the state's forces
                state = nisba.actor_id if nisba.source == "nisba" else None
                if state and state not in perps.ids:
                    targets.add_id(self.gaz.forces_of(state, "military") or state)
            if norm not in self.member_nouns:
                continue
            owner = idx.starts.get(j + 1)
            if owner is None and idx.norm(j + 1) in ("من", "في"):
                owner = idx.starts.get(j + 2)  # "عنصران من قسد", "قيادي في الحشد"
            if owner is not None and idx.actor_of(owner):
                targets.add(owner)  # "من عناصر كتائب حزب الله"
            elif norm.endswith(("ها", "ه", "هم")):
                # "من عناصرها": the speaker's, or the sentence's first actor's
                subject = stmt.speaker if stmt is not None else None
                if subject is None:
                    first = next((m for m in idx.mentions if start <= m.start < k and m.role == "actor"), None)
                    subject = idx.actor_of(first) if first else None
                if subject and subject not in perps.ids:
                    targets.add_id(subject)

    def _home_place(self, actors: list[str]) -> str | None:
        """Where a body acts when the text names no place: its country, if the gazetteer knows it."""
        for a in actors:
            country = self.gaz.actors.get(a, {}).get("country")
            if country in self.gaz.places:
                return country
        return None

    # ------------------------------------------------------------------ lists of attacks
    def _tally_heading(self, idx: DocIndex, s: int, e: int, sent_no: int) -> tuple[int, str] | None:
        """'عدد الهجمات خلال الأسبوع:' — a line ending in a colon that counts attacks."""
        last = e - 1
        while last > s and idx.space[last]:
            last -= 1
        if idx.text(last) != ":":
            return None
        words = [idx.norm(k) for k in range(s, last)]
        if not any(w in self.tally_headings for w in words):
            return None
        etype = next(
            (
                self.lex.triggers[w].type
                for w in words
                if w in self.lex.triggers and self.lex.triggers[w].type in _VIOLENT
            ),
            "attack",
        )
        return sent_no, etype

    def _tally_item(
        self, idx: DocIndex, s: int, e: int, heading: tuple[int, str] | None, sent_no: int
    ) -> EventRecord | None:
        """'• مطار أربيل: ثلاث مرات' under a tally heading: one attack event per place."""
        if heading is None or heading[0] < sent_no - 12:
            return None
        k = s
        while k < e and (idx.space[k] or idx.punct[k]):
            k += 1
        place: str | None = None
        colon = None
        for j in range(k, min(e, k + 8)):
            if idx.text(j) == ":":
                colon = j
                break
            m = idx.starts.get(j)
            if m is not None and place is None:
                place = self._place_of(m)
        if place is None or colon is None:
            return None
        count = None  # "مرتين", "ثلاث عمليات", "عملية واحدة", "2"
        for j in range(colon + 1, min(e, colon + 6)):
            if idx.norms[j] in self.dual_projectiles:
                count = 2
            else:
                count = self._number(idx, j)
            if count is not None:
                break
        if count is None:
            return None
        return EventRecord(heading[1], s, e, k, place=place, count=count)

    # ------------------------------------------------------------------ merging
    def _compatible(self, a: EventRecord, b: EventRecord) -> bool:
        """Two mentions of one event: the same type (or two violent mentions in one sentence,
        "مقتل القيادي بغارة تركية"), places equal or nested, dates that agree. A background
        event ("ردا على قصف ...") is another event than the one its sentence reports."""
        same_sentence = a.sent_start == b.sent_start
        if same_sentence and a.background != b.background:
            return False
        if a.type == b.type == "meeting" and not b.definite and not self._same_people(a, b):
            return False  # two meetings of different people the same day in one city
        if a.type != b.type and not (same_sentence and a.type in _VIOLENT and b.type in _VIOLENT):
            return False
        if a.place and b.place and not (a.group_only and self.gaz.place_rank(a.place) > 3):
            if not (self.gaz.place_contains(a.place, b.place) or self.gaz.place_contains(b.place, a.place)):
                return False
        if a.date and b.date and a.date_strength == 2 and b.date_strength == 2:
            return _dates_agree(a.date, b.date, slack=0)
        return True

    def _same_people(self, a: EventRecord, b: EventRecord) -> bool:
        """Meetings are told apart by who met: persons named on both sides, none shared."""
        pa = {x for x in a.perpetrators + a.targets if self._idx.actor_kind(x) == "person"}
        pb = {x for x in b.perpetrators + b.targets if self._idx.actor_kind(x) == "person"}
        return not (pa and pb) or bool(pa & pb)

    def _anaphoric(self, a: EventRecord, b: EventRecord) -> bool:
        """'الهجوم على معسكر التاجي' after 'تعرض معسكر شمال بغداد لهجوم': a definite singular
        noun takes up the last event of its type when the places lie in one country."""
        if not b.definite or (a.type != b.type and not (a.type in _VIOLENT and b.type in _VIOLENT)):
            return False
        if b.background and (a.type != b.type or (a.sent_start == b.sent_start and not a.background)):
            return False  # "ردا على القصف": shelling before the attack, not the attack
        if a.place and b.place:
            ca, cb = self.gaz.country_of_place(a.place), self.gaz.country_of_place(b.place)
            if ca is None or ca != cb:
                return False
        if a.date and b.date and a.date_strength == 2 and b.date_strength == 2:
            return _dates_agree(a.date, b.date)
        return True

    def _country_wide(self, ev: EventRecord) -> bool:
        """A dated group of strikes by a named state or force on one country it names."""
        return (
            not ev.background
            and bool(ev.perpetrators)
            and ev.place is not None
            and self.gaz.places.get(ev.place, {}).get("kind") == "country"
        )

    def _part_of(self, group: EventRecord, ev: EventRecord) -> bool:
        """`ev` is one place of a vaguer group of strikes ("موجة غارات ... في لبنان وسوريا")."""
        if not group.group_only or ev.place is None or ev.place == group.place:
            return False
        rank = self.gaz.place_rank(ev.place)
        return rank <= 3 and (group.place is None or rank < self.gaz.place_rank(group.place))

    def _merge(
        self, events: list[EventRecord], published: str | None = None, statements: list[StatementRecord] | None = None
    ) -> list[EventRecord]:
        """Fold reports of one event into its first report; drop anaphors that take up nothing;
        give the parts of a group of strikes the group's date and roles."""
        kept: list[EventRecord] = []
        members: dict[int, list[int]] = {}
        for ev in events:
            roots = [m for m in range(len(kept)) if kept[m].merged_into is None]
            fitting = [m for m in roots if self._compatible(kept[m], ev)]
            target = next((m for m in fitting if not kept[m].group_only), None)
            group = None
            if target is None:
                group = next((m for m in fitting if self._part_of(kept[m], ev)), None)
                if group is None:
                    target = next(iter(fitting), None)
            if target is None and group is None and roots and self._anaphoric(kept[roots[-1]], ev):
                target = roots[-1]
            if target is None and group is None and ev.anaphor_only:
                continue
            kept.append(ev)
            if group is not None:
                self._lend(kept[group], ev)
                members.setdefault(group, []).append(len(kept) - 1)
            elif target is not None:
                self._absorb(kept[target], ev, target)
        # a group stands for its parts; with none it is too vague to keep
        drop: set[int] = set()
        for n, ev in enumerate(kept):
            if ev.group_only and ev.merged_into is None:
                if n in members:
                    ev.merged_into = members[n][0]
                elif self._country_wide(ev):
                    ev.group_only = False  # "شنت X ضربات على أهداف في اليمن": the country, named nothing finer
                else:
                    drop.add(n)
        if drop:
            for n, ev in enumerate(kept):
                if ev.merged_into in drop:
                    # folded into a group that is dropped: an anaphor goes with it, a report stands
                    if ev.anaphor_only:
                        drop.add(n)
                    else:
                        ev.merged_into = None
            kept = self._without(kept, drop)
        for ev in kept:
            if ev.merged_into is None and ev.type == "meeting" and ev.place is None:
                # a meeting during a visit takes place where the visitor is
                visit = next(
                    (
                        v
                        for v in kept
                        if v.type == "visit"
                        and v.merged_into is None
                        and v.place
                        and set(v.perpetrators) & set(ev.perpetrators + ev.targets)
                    ),
                    None,
                )
                if visit is not None:
                    ev.place = visit.place
                    if ev.date is None:
                        ev.date, ev.date_precision, ev.date_strength = visit.date, visit.date_precision, 1
        if published:
            for ev in kept:
                # news reports what just happened: an event told without a date, not as earlier
                # background, happened about when it was reported
                if ev.merged_into is None and ev.date is None and not (ev.past or ev.background):
                    if ev.type not in ("agreement", "resolution"):
                        ev.date, ev.date_precision, ev.date_strength = published[:10], "day", 0
        return kept

    @staticmethod
    def _without(events: list[EventRecord], drop: set[int]) -> list[EventRecord]:
        """The list without the dropped records, with `merged_into` renumbered."""
        new_index: dict[int, int] = {}
        out: list[EventRecord] = []
        for n, ev in enumerate(events):
            if n not in drop:
                new_index[n] = len(out)
                out.append(ev)
        for ev in out:
            if ev.merged_into is not None:
                ev.merged_into = new_index.get(ev.merged_into)
        return out

    def _lend(self, group: EventRecord, ev: EventRecord) -> None:
        """A part of a group takes what it does not say itself from the group."""
        ev.anaphor_only = False
        if group.date and (ev.date is None or ev.date_strength < group.date_strength):
            ev.date, ev.date_precision, ev.date_strength = group.date, group.date_precision, group.date_strength
        if not ev.perpetrators:
            ev.perpetrators = list(group.perpetrators)
        if not ev.targets:
            ev.targets = [t for t in group.targets if t not in ev.perpetrators]
        for attr in ("weapon", "time"):
            if getattr(ev, attr) is None:
                setattr(ev, attr, getattr(group, attr))
        if ev.type != group.type and group.type == "airstrike" and self._state_only(ev.perpetrators):
            ev.type = "airstrike"

    def _state_only(self, actors: list[str]) -> bool:
        return bool(actors) and all(self._idx.actor_kind(a) in _STATE_KINDS for a in actors)

    def _absorb(self, root: EventRecord, ev: EventRecord, m: int) -> None:
        """Fold event `ev` into `root` (index m): the most specific place, the firmest date."""
        ev.merged_into = m
        if ev.place and (root.place is None or self.gaz.place_rank(ev.place) < self.gaz.place_rank(root.place)):
            root.place = ev.place
        if ev.date and (ev.date_strength > root.date_strength or root.date is None):
            root.date, root.date_precision, root.date_strength = ev.date, ev.date_precision, ev.date_strength
        for p in ev.perpetrators:
            if p not in root.perpetrators:
                root.perpetrators.append(p)
        for t in ev.targets:
            if t not in root.targets and t not in root.perpetrators:
                root.targets.append(t)
        for attr in ("weapon", "count", "killed", "injured", "time"):
            if getattr(root, attr) is None:
                setattr(root, attr, getattr(ev, attr))
        root.past = root.past and ev.past
        if root.type != ev.type:
            # one act told twice in a sentence ("مقتل ... بغارة"): a strike from the air when
            # a state did it, an attack when an armed group did
            kinds = {self._idx.actor_kind(a) for a in root.perpetrators}
            if "armed_group" in kinds:
                root.type = "attack"
            elif self._state_only(root.perpetrators) and root.weapon in _AIR_WEAPONS:
                root.type = "airstrike"


def _dates_agree(a: str, b: str, slack: int = 1) -> bool:
    """Same day (`slack` days apart at most), or one date inside the other's month or year."""
    if a.startswith(b) or b.startswith(a):
        return True
    if len(a) == 10 and len(b) == 10:
        da, db = date.fromisoformat(a), date.fromisoformat(b)
        return abs((da - db).days) <= slack
    return False


@Language.factory(
    "kg_events",
    assigns=["doc._.kg_events"],
    requires=["doc._.kg_entities", "doc._.kg_dates", "doc._.kg_statements", "token.norm"],
    default_config={"gazetteer": {"@misc": "kg.gazetteer.v1"}, "lexicon": {"@misc": "kg.lexicon.v1"}},
)
def make_event_extractor(nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> EventExtractor:
    return EventExtractor(nlp, name, gazetteer, lexicon)
