"""One trigger word: whether it names an event of its own, and the clause it is told in."""

from __future__ import annotations

import bisect

from loaders.nlp.clauses import DocIndex
from loaders.nlp.events.vocabulary import (
    _BOUNDARIES,
    _LAUNCHED_WEAPONS,
    _VIOLENT,
    EventContext,
    violent_type,
)
from loaders.nlp.lexicon import Trigger
from loaders.nlp.records import EntityMention, EventRecord, StatementRecord


class TriggerRules(EventContext):
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
        if trig.cls == "claimed_killing":
            # "أعلنت X مسؤوليتها عن مقتل 3 جنود": a killing someone claims is an attack by them
            # (a death reported otherwise is told by the act it came of)
            claim = self._reporting(statements, i)
            if claim is None or claim.kind != "claim_responsibility":
                return None
        if any(idx.norm(k) in self.vocab.threat_heads for k in range(max(s, i - 6), i)):
            return None
        if (
            idx.norm(i - 1) in self.vocab.negations
            or idx.norm(i - 2) in self.vocab.negations
            and idx.norm(i - 1) == "قد"
        ):
            return None
        if trig.cls in ("noun", "masdar") and idx.norm(i - 1) in ("اي", "ايه", "كل"):
            return None  # "لأي اعتداء", "كل هجوم": no particular event
        if trig.cls in ("noun", "masdar", "launch") and self._any_report_of(idx, i, s):
            return None  # "بأي تقارير حول إطلاق صواريخ": no particular event either
        if any(idx.norm(k) in self.vocab.habitual_words and idx.norm(k + 1) == "ما" for k in range(max(s, i - 4), i)):
            return None  # "غالبا ما تصيب الضربات ...": what happens as a rule
        if any(idx.norm(k) in self.vocab.cancel_heads for k in range(max(s, i - 2), i)):
            return None  # "ألغت زيارة الوزير", "تأجيل الاجتماع": called off
        if trig.cls == "masdar" and "ل" in idx.clitic_of(i) and not idx.norm(i).startswith("ال"):
            if not self._after_exposure(idx, i):
                return None  # "في طريقها لاعتقال شخص": what they set out to do ("تعرضه لقصف" is not)
        if trig.type == "arrest" and self._joined_to_killing(idx, i, e):
            return None  # "أسفرت عن اعتقال واغتيال عناصر": the killing is the act
        if trig.type == "meeting" and self._setting_of_speech(idx, i, statements):
            return None  # "قال، خلال اجتماع لمجلس الأمن، إن": where it was said
        if any(idx.norm(k) in self.vocab.campaign_words for k in range(i + 1, min(e, i + 4))):
            return None  # "هجوم واسع النطاق على غزة": a campaign, not one act
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
        elif trig.cls == "weapon_verb":
            # "طائرة مسيرة تركية قتلت 4 مسلحين", "قتلت قذيفة هاون طفلين": a weapon as the subject
            # of killing or hitting is an attack with it ("قتل 3 في هجوم" is told by the noun)
            if not self._weapon_subject(idx, i, seg_start, seg_end):
                return None
        elif trig.cls == "fall":
            if not any(
                idx.norm(k) in self.vocab.projectiles for k in range(max(seg_start, i - 5), min(seg_end, i + 5))
            ):
                return None
        elif trig.cls == "launch":
            nxt = [idx.norm(k) for k in range(i + 1, min(seg_end, i + 5))]
            if not any(w in self.vocab.projectiles or w in ("النار", "نار") for w in nxt):
                return None
        elif trig.cls == "intercept":
            # "اعترضت الدفاعات ثلاثة صواريخ": an attack that was stopped
            if not any(idx.norm(k) in self.vocab.projectiles for k in range(i + 1, min(seg_end, i + 8))):
                return None
        if trig.cls == "verb" and idx.norm(i) in self.vocab.needs_with and not self._with_party(idx, i, seg_end):
            return None  # "بحث الجانبان العلاقات" is the talk, not a meeting of its own
        if trig.cls == "arrive" and not self._destination(idx, i, seg_end):
            return None
        if etype == "agreement" and not self._support(idx, i, s, e, self.vocab.support_agreement):
            return None
        if (
            etype == "resolution"
            and trig.cls != "verb"
            and not self._support(idx, i, s, e, self.vocab.support_resolution)
        ):
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
            # "... بأمر من X، على مخازن في Y"; up to the next event word ("ردا على اعتداءات
            # العدو، استهدف X": X is where the response hit, not those attacks)
            ev.place = self._place(idx, i, seg_end, self._next_trigger(idx, seg_end, clause_end), etype)
        sent_start = max(s, stmt.content_start) if stmt is not None else s
        # (a background event is another event than the sentence's: it takes nothing from it)
        wider = etype in _VIOLENT and (seg_start, seg_end) != (sent_start, e) and not ev.background
        if ev.place is None and wider:
            # "عقب قصف على X، فيما ردت المدفعية بقصف مماثل": the scene the sentence names elsewhere
            ev.place = self._place(idx, i, sent_start, e, etype, scene=True)
        self._dates(idx, ev, i, seg_start, seg_end, statements)
        if ev.date is None and span is not None and seg_end < clause_end:
            self._dates(idx, ev, i, seg_end, self._next_trigger(idx, seg_end, clause_end), statements)
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
            ev.killed = self._casualties(idx, i, seg_start, seg_end, self.vocab.killed)
            ev.injured = self._casualties(idx, i, seg_start, seg_end, self.vocab.injured)
            ev.casualties = ev.killed is not None or ev.injured is not None
            ev.casualties = ev.casualties or self._casualties_told(idx, i, seg_start, seg_end)

        if etype in _VIOLENT:
            ev.group = trig.number == "pl" or multiple
            if ev.group and idx.norm(i - 1) in self.vocab.series_words and ev.date_strength < 2:
                return None  # "سلسلة هجمات", "عشرات الضربات" with no date: a campaign, not an event
            claimed = stmt is not None and stmt.kind == "claim_responsibility" and not ev.group
            if not claimed and not self._keep_violent(ev, trig, multiple, self._raid_done(idx, i, seg_start, seg_end)):
                if trig.cls == "noun" and idx.norm(i).startswith("ال"):
                    # "الغارات خلفت 9 قتلى": the strikes already reported, if there are any
                    ev.anaphor_only = ev.definite = True
                elif ev.group and ev.date_strength == 2 and (ev.perpetrators or ev.targets or ev.place):
                    # "موجة غارات على أهداف في لبنان وسوريا": too vague to stand alone, but the
                    # places the report names next are its parts, and take its date and roles
                    ev.group_only = True
                else:
                    return None
            ev.told_as = [etype]
            ev.ground = trig.cls in ("fall", "launch") or ev.weapon in _LAUNCHED_WEAPONS
            ev.type = violent_type(idx, ev.told_as, ev.perpetrators, ev.weapon)
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

    def _any_report_of(self, idx: DocIndex, i: int, s: int) -> bool:
        """'أي' two or three words before the trigger, with no punctuation between ('بأي تقارير
        حول إطلاق', 'أي مؤشرات على هجوم'): what is said not to exist."""
        for k in range(max(s, i - 3), i - 1):
            if idx.norm(k) in ("اي", "ايه") and not any(idx.punct[j] for j in range(k + 1, i)):
                return True
        return False

    def _after_exposure(self, idx: DocIndex, i: int) -> bool:
        """'تعرضت لقصف', 'جراء تعرضه لقصف': the word before is 'came under', as a verb or as its
        verbal noun with a pronoun."""
        norm = idx.norm(i - 1)
        for stem in (norm, *(norm[: -len(p)] for p in ("هما", "هم", "ها", "ه") if norm.endswith(p))):
            before = self.lex.triggers.get(stem)
            if before is not None and before.cls == "passive":
                return True
        return False

    def _joined_to_killing(self, idx: DocIndex, i: int, e: int) -> bool:
        """'اعتقال واغتيال', 'خطف وقتل': an arrest told together with a killing."""
        for k in (i + 1, i + 2):
            other = self.lex.triggers.get(idx.norm(k)) if k < e else None
            if other is not None and idx.clitics[k].startswith("و") and other.type in _VIOLENT:
                return True
        return False

    def _setting_of_speech(self, idx: DocIndex, i: int, statements: list[StatementRecord]) -> bool:
        """A meeting named after 'خلال/أثناء' between a speech verb and what was said."""
        if not any(idx.norm(k) in self.vocab.setting_words for k in range(max(0, i - 2), i)):
            return False
        return any(st.verb < i < st.content_start for st in statements)

    def _next_trigger(self, idx: DocIndex, start: int, end: int) -> int:
        return next((k for k in range(start, end) if idx.norms[k] in self.lex.triggers and idx.cover[k] is None), end)

    def _passive(self, idx: DocIndex, i: int, end: int) -> tuple[int, str] | None:
        """'تعرضت X لهجوم' / 'تعرض ... إلى هجوم' / 'تعرض لعدد من القذائف': the noun after ل or إلى."""
        for k in range(i + 1, min(end, i + 12)):
            norm = idx.norm(k)
            marked = "ل" in idx.clitic_of(k) or idx.norm(k - 1) == "الي"
            if not marked:
                continue
            trig = self.lex.triggers.get(norm)
            if trig is None and (norm in self.vocab.attempt_words or self._number(idx, k) is not None):
                # "تعرض المحافظ لمحاولة اغتيال", "تعرضت القواعد لثلاثة استهدافات"
                trig = self.lex.triggers.get(idx.norm(k + 1))
                k += 1
            if trig is not None and trig.cls in ("noun", "masdar"):
                return k, trig.type
            if norm in ("عده", "عدد") or norm in self.vocab.projectiles:
                return k, "attack"
        return None

    def _support(self, idx: DocIndex, i: int, s: int, e: int, verbs: frozenset[str]) -> bool:
        return any(idx.norm(k) in verbs for k in range(max(s, i - 40), min(e, i + 3)))

    def _raid_done(self, idx: DocIndex, i: int, start: int, end: int) -> bool:
        """'شنت طائرات إسرائيلية غارات على ...': strikes told by a light or attack verb in the past, a few
        words before them, and not as a habit ('غارات متكررة', 'غارات شبه يومية')."""
        if not any(idx.norm(k) in self.vocab.done_verbs for k in range(max(start, i - 6), i)):
            return False
        return not any(idx.norm(k) in self.vocab.recurrence_words for k in range(i + 1, min(end, i + 4)))

    def _keep_violent(self, ev: EventRecord, trig: Trigger, multiple: bool, raid_done: bool = False) -> bool:
        anchored = bool(ev.weapon or ev.count or ev.casualties or ev.date)
        rank = self._rank(ev.place)
        specific = rank <= 3
        # at a region ("جنوب لبنان", "شرق سوريا"), one act is told by its dead or by who did it
        # or was hit ("ضربة جوية على منشأة للحرس الثوري في شرق سوريا")
        placed = ev.place is not None
        if trig.number == "pl" or multiple:
            # a base, a district or a city; a governorate only for a raid dated to the day
            dated = ev.date_precision == "day" and ev.date_strength == 2
            if rank <= 2 and ev.perpetrators:
                return True  # "شنت مقاتلات تركية غارات على قرى في زاخو": whose, and where
            if rank <= 3 and raid_done and ev.perpetrators and not (ev.background or ev.past):
                return True  # "شنت طائرات إسرائيلية غارات على مواقع في ريف حماة": a raid on a region
            return anchored and (rank <= 2 or (rank <= 3 and dated and bool(ev.perpetrators)))
        if trig.cls in ("masdar", "launch", "intercept"):
            return anchored and (specific or bool(ev.perpetrators) or bool(ev.targets) or (placed and ev.casualties))
        if trig.cls == "verb":
            return specific or (anchored and (ev.place is not None or bool(ev.targets)))
        # a singular noun: "هجوم على قاعدة X", "ضربة بطائرة مسيرة"
        return anchored or specific or (placed and bool(ev.perpetrators or ev.targets))

    def _weapon_before(self, idx: DocIndex, i: int, start: int) -> int | None:
        """The projectile that is the subject before the verb at i, its modifiers between
        ("طائرة مسيرة تركية قتلت", "قذيفة هاون قتلت"), with no preposition on it."""
        skip = self.vocab.weapon_modifiers
        k = i - 1
        while k >= start and i - k <= 4 and (idx.norm(k) in skip or idx.norm(k) in self.lex.weapons or k in idx.starts):
            if idx.norm(k) in self.vocab.projectiles:
                break
            k -= 1
        if k >= start and idx.norm(k) in self.vocab.projectiles and not set(idx.clitic_of(k)) & {"ب", "ل"}:
            return k
        return None

    def _weapon_subject(self, idx: DocIndex, i: int, start: int, end: int) -> bool:
        """A projectile is the subject of the verb at i: right before it, or right after it
        ("قتلت طائرة مسيرة")."""
        if self._weapon_before(idx, i, start) is not None:
            return True
        if i + 1 < end and idx.norm(i + 1) in self.vocab.projectiles and not set(idx.clitic_of(i + 1)) & {"ب", "ل"}:
            return True
        return self._force_striking(idx, i, end)

    def _force_striking(self, idx: DocIndex, i: int, end: int) -> bool:
        """ "ضربت القوات الأمريكية مواقع لكتائب حزب الله": a state, its forces or an armed group as
        the subject right after the verb, and what a strike hits (or a place) as its object soon
        after; "ضربت القوات طوقا أمنيا" (a cordon) and "ضربت عرض الحائط" are no strike."""
        m = idx.starts.get(i + 1)
        if (
            m is None
            or m.role != "actor"
            or idx.actor_kind(idx.actor_of(m)) not in ("military", "armed_group", "state")
        ):
            return False
        owned = self.lex.set("owned_nouns")
        for k in range(m.end, min(end, m.end + 4)):
            hit = idx.starts.get(k)
            if idx.norm(k) in owned or (hit is not None and hit.role == "place"):
                return True
        return False

    def _plural_noun(self, idx: DocIndex, k: int) -> bool:
        trig = self.lex.triggers.get(idx.norm(k))
        return trig is not None and trig.number == "pl" and trig.cls == "noun"

    def _abstract_target(self, idx: DocIndex, i: int, e: int) -> bool:
        """'اعتداء (صارخ) على الدستور': the noun judges an act; it reports no attack of its own."""
        for k in range(i + 1, min(e, i + 4)):
            if idx.norm(k) in ("علي", "ضد"):
                return idx.norm(k + 1) in self.vocab.abstract_targets
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

    def _destination(self, idx: DocIndex, i: int, end: int) -> str | None:
        """'وصل X إلى بغداد': the place after إلى, within a few words of the verb."""
        for k in range(i + 1, min(end, i + 9)):
            if idx.norm(k) == "الي" or "ل" in idx.clitic_of(k):
                m = idx.starts.get(k + 1) if idx.norm(k) == "الي" else idx.starts.get(k)
                if m is not None and self._place_of(m):
                    return self._place_of(m)
        return None

    def _told_as_past(self, idx: DocIndex, i: int, seg_start: int, stmt: StatementRecord | None) -> bool:
        """Background told in the pluperfect ("وكان ... قد", "سبق أن") or reported by a statement
        made at an unstated earlier time: no publication date for it."""
        if stmt is not None and stmt.date is None:
            return True
        return any(idx.norm(k) in self.vocab.pluperfect for k in range(seg_start, i))
