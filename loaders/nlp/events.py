"""`kg_events`: attacks, strikes, arrests, visits, meetings, agreements and resolutions.

Triggers come from `loaders/data/nlp/events.json`, by class:
- count nouns (هجوم، ضربة، غارة; dual هجومان; plural هجمات) — one singular noun names one event;
- verbal nouns (استهداف، قصف) and finite verbs (استهدف، قصف، هاجم) — need an anchor (a date, a
  weapon, a number, casualties) or a specific place, so that talk about attacks in general
  ("القصف على غزة", "الهجمات ضد القوات الأميركية") makes no event;
- constructions: passive "تعرض X لهجوم" (X is the target), "سقطت قذائف على X", "أطلق صواريخ على X",
  light verbs "شن/نفذ X هجوما" (X is the perpetrator), support verbs for agreements ("وقع اتفاقا",
  "توصل إلى اتفاق") and resolutions ("أصدر قرارا").
Threats and prevention ("توعد باستهداف", "لمنع الهجمات", "وقف إطلاق النار") and negated events
are not events. Plural or repeated attacks count only at a specific place (a base, a city), never
as a vague country-wide event.

Roles follow the clause: the perpetrator is the subject of the event verb, of "شن/نفذ", a country
adjective on the noun ("استهداف أميركي"), or the speaker reporting its own action ("أعلنت تنفيذ
ضربة", "استهدافها"); an attribution inside someone else's words ("نفذتها ميليشيات") is an
accusation, not a fact, and stays out. The target is the verb's object, "على/ضد X", the passive
subject, or those killed when named. The place is the most specific place in the clause that is
not the launch site ("من منطقة الدورة"). The date is one written in the event's clause; a date
that belongs to the reporting verb around it is only a weak hint, overruled by any other report of
the same event.

Several sentences about one event make one event: same type, places equal or nested, dates that
agree (weak dates never block).
"""

from __future__ import annotations

import bisect
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
        self.tally_headings = s("tally_headings")
        self.time_heads = s("time_heads")
        self.casualty_verbs = s("casualty_verbs")
        self.needs_with = s("meeting_needs_with")
        self.relatives = s("relative_pronouns")
        self.announce_verbs = frozenset(v for v, sv in lexicon.speech_verbs.items() if sv.lemma == "اعلن")
        self.onset_words = s("onset_words")

    # ------------------------------------------------------------------ driver
    def __call__(self, doc: Doc) -> Doc:
        idx = doc_index(doc, self.gaz, self.lex)
        self._bounds: dict[int, list[int]] = {}  # clause boundaries per sentence start
        statements: list[StatementRecord] = doc._.kg_statements or []
        events: list[EventRecord] = []
        heading: tuple[int, str] | None = None  # (sentence no, type) of a tally heading
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
            for i in range(s, e):
                trig = triggers.get(idx.norms[i])
                if trig is None or i in consumed or idx.cover[i] is not None:
                    continue
                ev = self._event(idx, i, trig, s, e, statements, consumed)
                if ev is not None:
                    events.append(ev)
        doc._.kg_events = self._merge(events)
        return doc

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
        stmt = self._reporting(statements, i)
        if stmt is not None and stmt.kind == "threaten":
            return None
        seg_start, seg_end = self._segment(idx, i, s, e)
        if stmt is not None:
            seg_start = max(seg_start, stmt.content_start)  # the speaker's own name is no place of the event
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
        if trig.cls == "verb" and idx.norm(i) in self.needs_with and "مع" not in idx.norms[i + 1 : min(seg_end, i + 7)]:
            return None  # "بحث الجانبان العلاقات" is the talk, not a meeting of its own
        if trig.cls == "arrive" and not self._destination(idx, i, seg_end):
            return None
        if etype == "agreement" and not self._support(idx, i, s, e, self.support_agreement):
            return None
        if etype == "resolution" and not self._support(idx, i, s, e, self.support_resolution):
            return None

        ev = EventRecord(etype, s, e, i)
        ev.definite = (
            trig.cls == "noun"
            and trig.number == "sg"
            and (idx.norm(i).startswith("ال") or idx.norm(i - 1) in ("هذا", "هذه", "ذلك", "تلك"))
        )
        ev.statement = statements.index(stmt) if stmt is not None else None
        # roles first: a capital read as the actor ("توصلت واشنطن وبغداد") is then no place
        self._roles(idx, ev, i, trig, seg_start, seg_end, stmt, target_hint)
        ev.place = self._place(idx, i, seg_start, seg_end, etype)
        self._dates(idx, ev, i, seg_start, seg_end, statements)
        multiple = False
        if etype in _VIOLENT:
            ev.weapon = self._weapon(idx, focus, seg_start, seg_end)
            ev.count, multiple = self._count(idx, focus, trig, seg_start, seg_end)
            if trig.cls == "verb" and any(
                self._plural_noun(idx, k) for k in range(max(seg_start, i - 5), min(seg_end, i + 3))
            ):
                multiple = True  # "ثلاث هجمات استهدفت", "استهدفت هجمات ...": several events
            ev.killed = self._casualties(idx, seg_start, seg_end, self.killed)
            ev.injured = self._casualties(idx, seg_start, seg_end, self.injured)

        if etype in _VIOLENT:
            if not self._keep_violent(ev, trig, multiple):
                if not (trig.cls == "noun" and idx.norm(i).startswith("ال")):
                    return None
                # "الغارات أسفرت عن مقتل 16": the strikes already reported, if there are any
                ev.anaphor_only = ev.definite = True
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

    def _keep_violent(self, ev: EventRecord, trig: Trigger, multiple: bool) -> bool:
        anchored = bool(ev.weapon or ev.count or ev.killed or ev.injured or ev.date)
        rank = self.gaz.place_rank(ev.place)
        specific = rank <= 3
        if trig.number == "pl" or multiple:
            # a base, a district or a city; a governorate only for a raid dated to the day
            dated = ev.date_precision == "day" and ev.date_strength == 2
            return anchored and (rank <= 2 or (rank <= 3 and dated and bool(ev.perpetrators)))
        if trig.cls in ("masdar", "launch"):
            return anchored and (ev.place is not None or bool(ev.perpetrators) or bool(ev.targets))
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
        """'تعرضت X لهجوم' / 'تعرض ... إلى هجوم' / 'تعرضت لعدة صواريخ': the noun after ل or إلى."""
        for k in range(i + 1, min(end, i + 12)):
            norm = idx.norm(k)
            marked = "ل" in idx.clitic_of(k) or idx.norm(k - 1) == "الي"
            if not marked:
                continue
            trig = self.lex.triggers.get(norm)
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
        return any(idx.norm(k) in verbs for k in range(max(s, i - 25), min(e, i + 3)))

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
        ):
            return m.place_id
        if m.actor_id and m.actor_id in self.gaz.places and self.gaz.places[m.actor_id].get("kind") != "country":
            return m.actor_id
        return None

    def _place(self, idx: DocIndex, i: int, start: int, end: int, etype: str = "attack") -> str | None:
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
            start, end = i + 1, min(end, i + 7)  # "زيارة (غير معلنة) لبغداد", "زار X"
        background = self._background(idx, i, start, end)
        for m in idx.mentions:
            if m.start < start or m.start >= end or m.start in background:
                continue
            pid = self._place_of(m)
            if pid is None:
                continue
            before = idx.norm(m.start - 1)
            if before == "من" and idx.norm(m.start - 2) not in ("بالقرب", "قرب", "مقربه"):
                continue  # the launch site, not where it hit
            if etype != "visit" and "ل" in idx.clitic_of(m.start):
                continue  # "صلة لطهران": for someone, not somewhere
            key = (self.gaz.place_rank(pid), 0 if m.start > i else 1, abs(m.start - i), pid)
            if best is None or key[:3] < best[:3]:
                best = (key[0], key[1], abs(m.start - i), pid)  # type: ignore[assignment]
        return best[3] if best else None  # type: ignore[index]

    def _background(self, idx: DocIndex, i: int, start: int, end: int) -> set[int]:
        """Tokens of time clauses ("منذ بدء الحرب على غزة،", "بعد اندلاع ...") and of "the war on
        X" whose places are the background of the report, not where the event at i happened."""
        out: set[int] = set()
        k = start
        while k < end:
            norm = idx.norm(k)
            if norm in self.time_heads or (norm in ("بعد", "قبل") and idx.norm(k + 1) in self.onset_words):
                j = k + 1
                while j < end and idx.text(j) not in ("،", ",", ".") and idx.norm(j) not in _BOUNDARIES:
                    j += 1
                if not k <= i < j:
                    out.update(range(k, j))
                k = j
                continue
            if norm in ("الحرب", "العدوان", "حرب") and idx.norm(k + 1) in ("علي", "في"):
                out.add(k + 2)
            k += 1
        return out

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
        """(count, several events?) — projectiles ('سبع قذائف', 'بصاروخين') before attacks ('هجومان')."""
        multiple = False
        for k in range(max(start, i - 5), min(end, i + 8)):
            norm = idx.norm(k)
            if norm in _UNIT_PLURAL:
                multiple = True
        for k in range(max(start, i - 5), min(end, i + 8)):
            norm = idx.norm(k)
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
            return n, True  # "ثلاث هجمات", "17 هجوما" (a singular noun after a number from 11 up)
        for k in range(i + 1, min(end, i + 4)):
            if idx.norm(k) in ("مرتين", "مرتان"):
                return 2, True
            if idx.norm(k) in ("مرات",):
                n = self._number(idx, k - 1)
                return n, True
        return None, multiple

    def _casualties(self, idx: DocIndex, start: int, end: int, cues: frozenset[str]) -> int | None:
        """'مقتل 5', 'إصابة شخصين', 'إصابة طفلة وامرأة', 'ثلاثة جنود قتلوا', 'أودت بـ14 شخصا'."""
        other = (self.killed | self.injured) - cues
        for k in range(start, end):
            if idx.norm(k) not in cues:
                continue
            if any(idx.norm(j) in ("لم", "دون", "بدون", "عدم", "اي") for j in range(max(start, k - 4), k)):
                continue
            if idx.norm(k) in self.casualty_verbs:
                # the number stands before a verb: "ثلاثة جنود أميركيين قتلوا"
                for j in range(k - 1, max(start - 1, k - 5), -1):
                    n = self._number(idx, j)
                    if n is not None:
                        return n
                    if idx.punct[j] or idx.norm(j) in other:
                        break
            people = 0  # "مقتل ضابط وإصابة جنديين", "إصابة طفلة وامرأة": count the people named
            for j in range(k + 1, min(end, k + 6)):
                norm = idx.norm(j)
                if norm in other:
                    break  # "قتلوا وأصيب 34": that number is the other count
                n = self._number(idx, j)
                if n is not None:
                    return n
                if norm in self.dual_people:
                    people += 2
                elif norm in self.single_people:
                    people += 1
                elif norm in self.people:  # a plural with no number: "مقتل عناصر"
                    return None
                elif norm in ("بجروح", "من", "عن", "ب", "بحياه", "الي") or idx.punct[j]:
                    if people:
                        break
                elif people:
                    break
            if people:
                return people
        return None

    def _dates(
        self, idx: DocIndex, ev: EventRecord, i: int, start: int, end: int, statements: list[StatementRecord]
    ) -> None:
        dates = idx.doc._.kg_dates or []
        best: tuple[int, int, int] | None = None  # (strength, -distance, n)
        for n, d in enumerate(dates):
            if d.start < start or d.start >= end or idx.norm(d.start - 1) in _NOT_DATES_AFTER:
                continue
            if d.relative and d.precision == "year":
                continue  # "خلال العام الجاري": too vague to date one event
            weak = any(n in st.head_dates and st.content_start <= i < st.content_end for st in statements)
            key = (1 if weak else 2, -abs(d.start - i), n)
            if best is None or key > best:
                best = key
        if best is None and ev.statement is not None:
            # "أعلنت الوزارة، فجر 3 كانون الثاني، تنفيذ ضربة": the announcement's date is a
            # weak hint for the event it announces, overruled by any date of the event itself
            heads = [
                n for n in statements[ev.statement].head_dates if not dates[n].relative or dates[n].precision != "year"
            ]
            if heads:
                best = (1, 0, heads[0])
        if best is not None:
            d = dates[best[2]]
            ev.date, ev.date_precision, ev.date_strength = d.date, d.precision, best[0]
        for t in idx.doc._.kg_times or []:
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
        ("شن التحالف ضربة"), the support verb of an agreement or resolution, or "وصل" of a visit."""
        if ev.type in ("agreement", "resolution"):
            support = self.support_agreement if ev.type == "agreement" else self.support_resolution
            return next((k for k in range(max(start, i - 25), min(end, i + 3)) if idx.norm(k) in support), None)
        if ev.type in ("meeting", "visit", "arrest"):
            if trig.cls in ("verb", "arrive"):
                return i
            return self._arrival(idx, start, i) if ev.type == "visit" else None
        if trig.cls in ("verb", "fall", "launch") and not idx.clitic_of(i):
            # "الهجمات التي استهدفت X", "أول هجوم يستهدف X": the subject is the noun before, X the object
            before = idx.norm(i - 1)
            if before in self.relatives or before in self.lex.triggers or before in self.projectiles:
                return None
            return i
        head = None
        for k in range(max(start, i - 12), i):  # "شنت الطائرات الأميركية، مساء الجمعة، غارات"
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
        # a country adjective on the noun: "استهداف أميركي", "الضربات الجوية الأميركية"
        for k in (i + 1, i + 2):
            m = idx.starts.get(k)
            if m is not None and m.source == "nisba" and m.actor_id:
                perps.add(m)
                break
        head = self._head_verb(idx, ev, i, trig, start, end)
        if head is not None:
            topic = idx.topic_before(head, ev.sent_start)
            if topic is not None and idx.actor_of(topic):
                perps.add(topic)
            else:
                agent = idx.agent_after(head, end)
                if agent.mention is not None and agent.actor and agent.actor != UNRESOLVED:
                    perps.add(agent.mention)
                    self._coordinated(idx, agent.end, end, perps)
        # the reporting speaker's own action: "أعلنت تنفيذ ضربة", "أعلن توقيف", "استهدافها"
        if stmt is not None and stmt.speaker and self._own_action(idx, i, stmt):
            perps.add_id(stmt.speaker)
        if ev.type in ("visit", "meeting") and not perps.ids:
            m = idx.starts.get(i + 1)
            if m is not None and idx.actor_kind(m.actor_id) == "person":
                perps.add(m)  # "زيارة بلينكن"
            else:
                around = next(
                    (
                        st.speaker
                        for st in (idx.doc._.kg_statements or [])
                        if st.sent_start == ev.sent_start and st.speaker
                    ),
                    None,
                )
                if around:
                    perps.add_id(around)  # "قال بلينكن، خلال زيارة ..."
                else:  # "عراقجي ... في زيارة": the subject of the sentence
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
        # "ضربة ... نفذها X", "غارة نفذتها طائرة مسيرة تركية": a fact only outside someone
        # else's words (inside them it is an accusation)
        for k in range(i + 1, end):
            if idx.norm(k).startswith(("نفذ", "شن")) and len(idx.norm(k)) > 3:
                m = next((idx.starts[j] for j in range(k + 1, min(end, k + 5)) if j in idx.starts), None)
                actor = idx.actor_of(m) if m is not None else None
                if actor and (stmt is None or stmt.speaker == actor):
                    perps.add(m)
                break
        for k in range(start, i):  # "قيام X بـ": X did it
            if idx.norm(k) == "قيام" and (k + 1) in idx.starts:
                perps.add(idx.starts[k + 1])
        if not perps.ids and "ب" in idx.clitic_of(i):
            # a verbal noun governed by the clause's verb: "وردت إيران بإطلاق صواريخ"
            for k in range(i - 1, max(start - 1, i - 4), -1):
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
            # the other party of a meeting; those arrested ("اعتقال خمسة عناصر من تنظيم داعش")
            for k in range(i + 1, min(end, i + 10)):
                m = idx.starts.get(k)
                if m is not None and idx.actor_of(m) and idx.actor_of(m) not in perps.ids:
                    targets.add(m)
                    break
        if ev.type not in _VIOLENT:
            return
        if hint is not None and hint.actor_id:
            targets.add(hint)  # "تعرضت السفارة لهجوم"
        if trig.cls == "verb" and idx.norm(i).startswith(_TARGETING_VERBS):
            for k in range(i + 1, min(end, i + 12)):  # "استهدفت ... السفارة الأميركية"
                m = idx.starts.get(k)
                if m is not None and m.actor_id and m.role == "actor" and m.actor_id not in perps.ids:
                    targets.add(m)
                    break
        for k in range(i + 1, min(end, i + 6)):  # "هجوم على X", "ضربة ضد X"
            if idx.norm(k) in ("علي", "ضد"):
                m = idx.starts.get(k + 1)
                if m is not None and m.actor_id and m.actor_id not in perps.ids:
                    targets.add(m)
                break
        self._killed_targets(idx, ev, i, end, perps, targets, stmt)

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
            return head < i <= head + 2  # "تنفيذ ضربة جوية"
        trig = self.lex.triggers.get(norm)
        return i == head and trig is not None and trig.cls == "masdar"  # "توقيف", "اعتقال"

    def _coordinated(self, idx: DocIndex, j: int, end: int, out: _ActorList) -> None:
        """'وقع بايدن، والكاظمي' / 'توصلت واشنطن وبغداد': more subjects joined by و."""
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
        """Those named as killed: 'مقتل قاسم سليماني', 'مقتل 5 من مقاتليها' (the clause's subject)."""
        start = ev.sent_start
        k = next((k for k in range(start, end) if idx.norm(k) in self.killed), None)
        if k is None:
            return
        for j in range(k + 1, min(end, k + 30)):
            m = idx.starts.get(j)
            if m is not None and idx.actor_kind(m.actor_id) == "person":
                targets.add(m)
            norm = idx.norm(j)
            if norm not in self.member_nouns:
                continue
            owner = idx.starts.get(j + 1)
            if owner is None and idx.norm(j + 1) in ("من", "في"):
                owner = idx.starts.get(j + 2)  # "عنصران من قسد", "قيادي في الحشد"
            if owner is not None and idx.actor_of(owner):
                targets.add(owner)  # "من عناصر كتائب حزب الله"
            elif norm.endswith(("ها", "ه", "هم")):
                # "من مقاتليها": the speaker's, or the sentence's first actor's
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
        """'حصيلة استهدافات ... اليوم:' — a line ending in a colon that counts attacks."""
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
        """'• قاعدة الشدادي: عمليتين' under a tally heading: one attack event per place."""
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
        if a.type != b.type:
            return False
        if (
            a.place
            and b.place
            and not (self.gaz.place_contains(a.place, b.place) or self.gaz.place_contains(b.place, a.place))
        ):
            return False
        if a.date and b.date and a.date_strength == 2 and b.date_strength == 2:
            return _dates_agree(a.date, b.date)
        return True

    def _anaphoric(self, a: EventRecord, b: EventRecord) -> bool:
        """'الهجوم على قاعدة عين الأسد' after 'تعرضت قاعدة في غرب العراق لهجوم': a definite singular
        noun takes up the last event of its type when the places lie in one country."""
        if not b.definite or (a.type != b.type and not (a.type in _VIOLENT and b.type in _VIOLENT)):
            return False
        if a.place and b.place:
            ca, cb = self.gaz.country_of_place(a.place), self.gaz.country_of_place(b.place)
            if ca is None or ca != cb:
                return False
        if a.date and b.date and a.date_strength == 2 and b.date_strength == 2:
            return _dates_agree(a.date, b.date)
        return True

    def _merge(self, events: list[EventRecord]) -> list[EventRecord]:
        """Fold reports of one event into its first report; drop anaphors that take up nothing."""
        kept: list[EventRecord] = []
        for ev in events:
            roots = [m for m in range(len(kept)) if kept[m].merged_into is None]
            target = next((m for m in roots if self._compatible(kept[m], ev)), None)
            if target is None and roots and self._anaphoric(kept[roots[-1]], ev):
                target = roots[-1]
            if target is None and ev.anaphor_only:
                continue
            kept.append(ev)
            if target is not None:
                self._absorb(kept[target], ev, target)
        events = kept
        for ev in events:
            if ev.merged_into is None and ev.type == "meeting" and ev.place is None:
                # a meeting during a visit takes place where the visitor is
                visit = next(
                    (
                        v
                        for v in events
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
        return kept

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


def _dates_agree(a: str, b: str) -> bool:
    """Same day (one day of slack), or one date inside the other's month or year."""
    if a.startswith(b) or b.startswith(a):
        return True
    if len(a) == 10 and len(b) == 10:
        da, db = date.fromisoformat(a), date.fromisoformat(b)
        return abs((da - db).days) <= 1
    return False


@Language.factory(
    "kg_events",
    assigns=["doc._.kg_events"],
    requires=["doc._.kg_entities", "doc._.kg_dates", "doc._.kg_statements", "token.norm"],
    default_config={"gazetteer": {"@misc": "kg.gazetteer.v1"}, "lexicon": {"@misc": "kg.lexicon.v1"}},
)
def make_event_extractor(nlp: Language, name: str, gazetteer: Gazetteer, lexicon: Lexicon) -> EventExtractor:
    return EventExtractor(nlp, name, gazetteer, lexicon)
