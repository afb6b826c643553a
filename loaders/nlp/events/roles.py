"""Who did it and to whom: perpetrators and targets from the clause around the trigger."""

from __future__ import annotations

from loaders.nlp.clauses import UNRESOLVED, DocIndex
from loaders.nlp.events.vocabulary import (
    _ACTING_KINDS,
    _OFFICIAL_KINDS,
    _QUOTES,
    _STATE_KINDS,
    _TARGETING_VERBS,
    _VIOLENT,
    ActorList,
    EventContext,
)
from loaders.nlp.lexicon import OBJECT_SUFFIXES, Trigger
from loaders.nlp.records import EntityMention, EventRecord, StatementRecord

# verbs of doing an act already named ("نفذها", "شنته", "نصبه"): their subject did it
_DOER_VERBS = ("نفذ", "شن", "نصب")
# the object pronoun on a three-letter doer verb ("شنه": launched it), which the length test misses
_DOER_SHORT = ("شنه",)
# launching the weapon already named does it too, but only with the weapon as its object pronoun
# ("صواريخ أطلقتها حماس"): a bare "أطلقت" may be anyone's launch, the defenders' included
_LAUNCH_DOERS = ("اطلق",)


def _doer_verb(norm: str) -> bool:
    """A verb of doing an act already named, with its ending ("نفذها", "شنته", "شنه", "أطلقها")."""
    return (
        (len(norm) > 3 and norm.startswith(_DOER_VERBS))
        or norm in _DOER_SHORT
        or (norm.startswith(_LAUNCH_DOERS) and norm.endswith(OBJECT_SUFFIXES))
    )


class RoleRules(EventContext):
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
        perps = ActorList(idx)
        self._perpetrators(idx, ev, i, trig, start, end, stmt, perps)
        targets = ActorList(idx)
        self._targets(idx, ev, i, trig, end, stmt, target_hint, perps, targets)
        ev.perpetrators = list(perps.ids)
        ev.targets = [t for t in targets.ids if t not in perps.ids]

    def _head_verb(self, idx: DocIndex, ev: EventRecord, i: int, trig: Trigger, start: int, end: int) -> int | None:
        """The verb whose subject did it: the event verb itself, a light verb before the noun
        ("شنت المقاتلات غارة"), the support verb of an agreement or resolution, or "وصل" of a visit."""
        if ev.type == "resolution" and trig.cls == "verb":
            return i  # "قضت المحكمة بعدم دستورية ...": the court rules
        if ev.type in ("agreement", "resolution"):
            support = self.vocab.support_agreement if ev.type == "agreement" else self.vocab.support_resolution
            return next((k for k in range(max(start, i - 40), min(end, i + 3)) if idx.norm(k) in support), None)
        if ev.type in ("meeting", "visit", "arrest"):
            if trig.cls in ("verb", "arrive"):
                return i
            if ev.type == "meeting":
                # "عقد X وY اجتماعا", "أجرى X مكالمة هاتفية": who held it
                return next(
                    (k for k in range(i - 1, max(start, i - 25) - 1, -1) if idx.norm(k) in self.vocab.support_meeting),
                    None,
                )
            return self._arrival(idx, start, i) if ev.type == "visit" else None
        if trig.cls == "intercept":
            return None  # who shot the drone down was attacked by it
        if trig.cls in ("verb", "fall", "launch", "weapon_verb") and not set(idx.clitic_of(i)) & {"ب", "ل", "ك"}:
            # "الضربات التي طالت X", "ثاني هجوم يستهدف X": the subject is the noun before, X the object
            before = idx.norm(i - 1)
            if before in self.vocab.relatives or before in self.lex.triggers or before in self.vocab.projectiles:
                return None
            return i
        head = None
        for k in range(max(start, i - 12), i):  # "شنت المقاتلات التركية، ظهر الأحد، غارات"
            light = self.lex.triggers.get(idx.norm(k))
            if light is not None and light.cls == "light":
                head = k
        return head

    def _weapon_owner(self, idx: DocIndex, j: int, end: int) -> EntityMention | None:
        """Whose the weapon at j was: 'طائرة مسيرة تركية', 'مقاتلات حربية إسرائيلية', 'طائرة مسيرة
        تابعة للجيش التركي' (a state or its forces)."""
        k = j
        while k < min(end, j + 4) and (
            idx.norms[k] in self.vocab.projectiles
            or idx.norms[k] in self.lex.weapons
            or idx.norms[k] in self.vocab.weapon_modifiers
        ):
            k += 1
        if k == j:
            return None
        m = idx.starts.get(k)
        if m is not None and m.source == "nisba" and m.actor_id:
            return m
        if (
            m is not None
            and not idx.clitic_of(k)
            and m.role == "actor"
            and idx.actor_kind(idx.actor_of(m)) in _ACTING_KINDS
        ):
            return m  # the weapon's genitive: "مدفعية الجيش الإسرائيلي", "طائرات الجيش التركي"
        if idx.norm(k) in self.vocab.ownership_words:
            m = idx.starts.get(k + 1)
            if m is not None and "ل" in idx.clitic_of(k + 1) and idx.actor_kind(idx.actor_of(m)) in _ACTING_KINDS:
                return m
        return None

    def _state_act_before(self, idx: DocIndex, i: int) -> EntityMention | None:
        """The verb at i has for subject an act with a country adjective ("العدوان الأمريكي
        استهدف مواقع", "القصف التركي طال قرى"): that state did it."""
        m = idx.starts.get(i - 1)
        if m is None or m.source != "nisba" or not m.actor_id or m.end != i:
            return None
        noun = idx.norm(i - 2)
        act = self.lex.triggers.get(noun)
        if noun in self.vocab.aggression_nouns or (act is not None and act.cls in ("noun", "masdar")):
            return m
        return None

    def _members_of(self, idx: DocIndex, j: int, end: int) -> EntityMention | None:
        """After unnamed people: '(يشتبه في أنهم) من X', 'ينتمون إلى X': the group X."""
        k = j
        linking = self.vocab.suspicion_words | self.vocab.membership_words
        while k < min(end, j + 5) and idx.norms[k] in linking:
            k += 1
        if idx.norm(k) == "من":
            k += 1
        elif not (k > j and idx.norms[k - 1] == "الي"):
            return None
        m = idx.starts.get(k)
        return m if m is not None and idx.actor_kind(idx.actor_of(m)) == "armed_group" else None

    def _verbal_masdar(self, idx: DocIndex, i: int, start: int) -> bool:
        """A verbal noun told with its agent: opening its sentence ("قصف الجيش التركي قرى"), or with
        the agent's object after ل ("قصف الجيش التركي لمواقع")."""
        k = start
        while k < i and (idx.space[k] or idx.punct[k]):
            k += 1
        if k == i and idx.norm(i) in self.vocab.verb_homographs and not set(idx.clitic_of(i)) & {"ب", "ل"}:
            return True
        m = idx.starts.get(i + 1)
        return m is not None and m.end < idx.n and ("ل" in idx.clitic_of(m.end) or idx.norm(m.end) == "علي")

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
        perps: ActorList,
    ) -> None:
        # a country adjective on the noun: "قصف تركي", "الغارات الجوية التركية"
        for k in (i + 1, i + 2):
            m = idx.starts.get(k)
            if m is not None and m.source == "nisba" and m.actor_id:
                # one adjective may come between ("الغارات الجوية التركية"); a noun may not
                # ("قصف المدارس السورية": the schools are Syrian, not the attackers)
                if k == i + 1 or idx.norm(i + 1).endswith(("ي", "يه")) or idx.norm(i + 1) in self.vocab.projectiles:
                    perps.add(m)
                break
        if not perps.ids and trig.cls == "verb":
            perps.add(self._state_act_before(idx, i))  # "العدوان الأمريكي استهدف", "القصف التركي طال"
        if not perps.ids and trig.cls in ("noun", "masdar") and i + 1 < end and set(idx.clitic_of(i + 1)) & {"ب", "ل"}:
            perps.add(self._weapon_owner(idx, i + 1, end))  # "بقصف بطائرة مسيرة تركية", "بغارة لطائرة تركية"
        after = next((j for j in range(i + 1, min(end, i + 3)) if idx.texts[j] not in _QUOTES), end)
        if not perps.ids and trig.cls == "masdar" and idx.norm(after) in self.vocab.projectiles:
            # "باستهداف (") طائرة مسيرة تابعة للجيش التركي"
            perps.add(self._weapon_owner(idx, after, end))
        if trig.cls == "weapon_verb" and (weapon := self._weapon_before(idx, i, start)) is not None:
            perps.add(self._weapon_owner(idx, weapon, end))  # "طائرة مسيرة تركية قتلت": whose it was
        head = self._head_verb(idx, ev, i, trig, start, end)
        if head is not None and idx.norm(head - 1) in self.vocab.pronoun_openers:
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
                elif idx.norm(head + 1) in self.vocab.people or idx.norm(head + 1) in self.vocab.member_nouns:
                    found = self._members_of(idx, head + 2, end) if idx.norm(head + 1) in self.vocab.people else None
                    if (
                        found is None
                        and idx.norm(head + 1) in self.vocab.member_nouns
                        and self._acting_body(idx, head + 2)
                    ):
                        found = idx.starts[head + 2]  # "هاجم مقاتلو حزب العمال قاعدة": the fighters' body
                    perps.add(found)  # "هاجم مسلحون (يشتبه أنهم) من X"
                elif idx.norm(head + 1) in self.vocab.projectiles or idx.norm(head + 1) in self.lex.weapons:
                    # "قصفت طائرة مسيرة تركية", "قصفت المدفعية التركية"
                    perps.add(self._weapon_owner(idx, head + 1, end))
        elif trig.cls == "masdar" and self._verbal_masdar(idx, i, ev.sent_start):
            m = idx.starts.get(i + 1)  # "قصف الجيش التركي قرى ..."، "قصف الجيش التركي لمواقع ..."
            if m is not None and m.role == "actor" and idx.actor_kind(idx.actor_of(m)) in _ACTING_KINDS:
                perps.add(m)
        # the reporting speaker's own action: "أعلنت تنفيذ غارة", "أعلن توقيف", "استهدافها"
        if stmt is not None and stmt.speaker and self._own_action(idx, i, stmt):
            perps.add_id(idx.body_of(stmt.speaker) if ev.type in _VIOLENT else stmt.speaker)
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
        # "ضربة ... نفذها X", "غارة نفذتها مقاتلة تركية", "كمين نصبه X": a fact only outside someone
        # else's words (inside them it is an accusation)
        norms, triggers = idx.norms, self.lex.triggers
        for k in range(i + 1, end):
            norm = norms[k]
            other = triggers.get(norm)
            if other is not None and other.cls in ("noun", "masdar"):
                break  # "التفجير عقب غارة شنها X": X did the other act
            if _doer_verb(norm):
                m = next((idx.starts[j] for j in range(k + 1, min(end, k + 5)) if j in idx.starts), None)
                actor = idx.actor_of(m) if m is not None else None
                if actor and (stmt is None or stmt.speaker == actor):
                    perps.add(m)
                elif actor and stmt.kind == "statement" and idx.actor_kind(actor) == "armed_group":
                    # "قال الجيش إن كمينا نصبه عناصر من داعش": a body reporting, not denying or
                    # blaming, tells who did it (an accusation stays the statement's)
                    perps.add(m)
                break
        if (
            not perps.ids
            and trig.cls == "verb"
            and idx.norm(i + 1) in self.vocab.agent_anaphors
            and i + 1 not in idx.starts
        ):
            # "الأهداف التي ضربها الجيش": the army last named ("جيش الاحتلال الإسرائيلي")
            perps.add_id(idx.organisation_anaphor(idx.norm(i + 1), i))
        if not perps.ids and trig.cls == "noun" and (idx.norm(i - 1) == "في" or "ب" in idx.clitic_of(i)):
            # "قتلت إسرائيل القائد في غارة على صنعاء": who killed, with the strike
            for k in range(max(start, i - 25), i):
                m = idx.starts.get(k + 1)
                if (
                    idx.norms[k] in self.vocab.killing_verbs
                    and m is not None
                    and idx.actor_kind(idx.actor_of(m)) in _ACTING_KINDS
                ):
                    perps.add(m)
                    break
        for k in range(start, i):  # "قيام X بـ": X did it
            if norms[k] == "قيام" and (k + 1) in idx.starts:
                perps.add(idx.starts[k + 1])
        if not perps.ids and "ب" in idx.clitic_of(i):
            # a verbal noun governed by the clause's verb: "وقامت تركيا بقصف قرى"
            for k in range(i - 1, max(start - 1, i - 4), -1):
                if idx.norms[k] in self.vocab.casualty_verbs:
                    break  # "قتل X بغارة": X was killed by it, not its author
                m = idx.cover[k]
                if m is not None and m.source == "nisba" and idx.norm(m.start - 1) in self.vocab.people:
                    break  # "أصيب جنديان عراقيان بانفجار": whose the people hit were, not who did it
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
        perps: ActorList,
        targets: ActorList,
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
            background = self._background(idx, i, i, end)
            for k in range(i + 1, min(end, i + 12)):  # "استهدفت ... القنصلية التركية"
                m = idx.starts.get(k)
                weapon_of = m is not None and k == i + 2 and idx.norm(k - 1) in self.lex.weapons
                if m is not None and (idx.governed(m) or idx.norm(k - 1) == "من" or k in background or weapon_of):
                    # "طائرات تابعة لسلاح الجو": whose, not whom; "مسلحون (يشتبه أنهم) من X": who
                    continue
                if m is not None and m.actor_id and m.role == "actor" and m.actor_id not in perps.ids:
                    targets.add(m)
                    break
        for k in range(i + 1, min(end, i + 10)):  # "هجوم على X", "ضربة (بمسيرات) ضد X", "باتجاه X"
            if idx.norm(k) in ("علي", "ضد", "اتجاه", "باتجاه", "تجاه"):
                m = idx.starts.get(k + 1)
                if m is None and (k + 2) in idx.starts and idx.starts[k + 2].source == "nisba":
                    m = idx.starts[k + 2]  # "باتجاه مدمرة أمريكية": whose the thing aimed at was
                if m is not None and m.actor_id and m.actor_id not in perps.ids:
                    targets.add(m)
                break
        self._owner_and_host(idx, i, end, perps, targets)
        self._survivor(idx, ev, i, targets)
        self._killed_targets(idx, ev, i, self._clause_end if ev.background else end, perps, targets, stmt)

    def _owner_and_host(self, idx: DocIndex, i: int, end: int, perps: ActorList, targets: ActorList) -> None:
        """Whose the place hit was: "قصف طال مخزنا تابعا لحركة X", "قصف مواقع لجماعات مسلحة";
        and who was in it: "معسكر ... يضم مستشارين أجانب", "نقطة ينتشر فيها الجيش التركي"."""
        background = self._background(idx, i, i, end)
        owned = False
        # "إنها استهدفت", "إن طائراتها استهدفت": the verb's subject stands before it
        subject_before = bool(perps.ids) or idx.norm(i - 1) in self.vocab.pronoun_openers or idx.norm(i - 2) == "ان"
        for k in range(i + 1, end):
            if k in background:
                continue
            norm = idx.norms[k]
            if not owned and norm in self.vocab.facility_nouns and k - i <= 8:
                # the owner right after the noun, or after "تابعة" a few words on
                # ("مواقع في العراق وسوريا، تابعة لـ X")
                j = next(
                    (x + 1 for x in range(k + 1, min(end, k + 6)) if idx.norms[x] in self.vocab.ownership_words), k + 1
                )
                while j < min(end, k + 3) and j not in idx.starts and idx.norms[j].endswith(("يه", "ي")):
                    j += 1  # "بنى تحتية لحزب الله", "مواقع عسكرية للحوثيين": an adjective first
                m = idx.starts.get(j)
                # the owner by ل, or as the noun's genitive ("مواقع الجيش الإسرائيلي", "مقر الحشد")
                genitive = (
                    m is not None
                    and j == k + 1
                    and not idx.clitic_of(j)
                    and m.source != "nisba"
                    and m.role == "actor"
                    and idx.actor_kind(idx.actor_of(m)) in _ACTING_KINDS
                )
                owner = m is not None and ("ل" in idx.clitic_of(j) or genitive)
                if owner and idx.actor_of(m) and idx.actor_of(m) not in perps.ids:
                    targets.add(m)
                    owned = True
            elif not owned and norm in self.vocab.member_nouns and k - i <= 10 and (k > i + 1 or subject_before):
                # "استهدف عناصر تابعة لحزب الله", "مجموعة من مقاتلي حزب العمال", "عناصر من الحركة":
                # the fighters hit were X's (right after a verb whose subject is not told before
                # it, they are its subject: "استهدف عناصر من X موقعا")
                m = self._member_owner(idx, k, end)
                doer = _doer_verb(idx.norm(k - 1))
                if m is not None and not doer and idx.actor_of(m) not in perps.ids:  # "كمين نصبه عناصر من X"
                    targets.add(m)
                    owned = True
                elif m is None and not doer:
                    named = self._member_anaphor(idx, k, end)  # "مبنى يؤوي عناصر من الحزب"
                    if named is not None and named not in perps.ids:
                        targets.add_id(named)
                        owned = True
            elif norm in self.vocab.hosting_verbs:
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

    def _member_owner(self, idx: DocIndex, k: int, end: int) -> EntityMention | None:
        """Whose members the member noun at k names: a genitive ("مقاتلي X"), "من X", or "تابعة لـX"."""
        j = k + 1
        if idx.norm(j) == "من":
            j += 1
        elif idx.norm(j) in self.vocab.ownership_words:
            j += 1
            if "ل" not in idx.clitic_of(j):
                return None
        m = idx.starts.get(j) if j < end else None
        if m is None or m.role != "actor" or not idx.actor_of(m):
            return None
        return m if idx.actor_kind(idx.actor_of(m)) not in ("person", "media") else None

    def _member_anaphor(self, idx: DocIndex, k: int, end: int) -> str | None:
        """Whose members 'عناصر من الحزب' / 'مقاتلي الحركة' are: the body last named with that head."""
        j = k + 1
        if idx.norm(j) == "من":
            j += 1
        elif idx.norm(j) in self.vocab.ownership_words and "ل" in idx.clitic_of(j + 1):
            j += 1  # "عناصر تابعين للحزب"
        if j >= end or j in idx.starts or idx.norm(j) not in self.vocab.agent_anaphors:
            return None
        actor = idx.organisation_anaphor(idx.norm(j), j)
        return actor if actor and idx.actor_kind(actor) not in ("person", "media", None) else None

    def _survivor(self, idx: DocIndex, ev: EventRecord, i: int, targets: ActorList) -> None:
        """'نجا X من محاولة اغتيال': who survived an attack was its target."""
        for k in range(ev.sent_start, i):
            if idx.norms[k] in self.vocab.survive_verbs:
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
        if head is None or idx.norm(stmt.verb) not in self.vocab.announce_verbs and stmt.kind != "claim_responsibility":
            return False
        light = self.lex.triggers.get(idx.norm(head))
        if light is not None and light.cls == "light":
            return head < i <= head + 2  # "تنفيذ غارة جديدة"
        trig = self.lex.triggers.get(norm)
        return i == head and trig is not None and trig.cls == "masdar"  # "توقيف", "اعتقال"

    def _coordinated(self, idx: DocIndex, j: int, end: int, out: ActorList) -> None:
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
        perps: ActorList,
        targets: ActorList,
        stmt: StatementRecord | None,
    ) -> None:
        """Those named as killed: 'مقتل القيادي فلان', 'مقتل 4 من عناصرها' (the clause's subject)."""
        start = ev.sent_start
        background = self._background(idx, i, start, end)
        # the dead first; with none, the wounded ("أصيب ثلاثة جنود أمريكيين في هجوم")
        k = next((k for k in self._cues["killed"] if start <= k < end and k not in background), None)
        if k is None:
            k = next((k for k in self._cues["injured"] if start <= k < end and k not in background), None)
        if k is None:
            return
        if idx.norm(k) in self.vocab.casualty_verbs and not idx.clitics[k].startswith("و") and k != i:
            # (the verb that is the event itself has a weapon for subject: "طائرة قتلت 4 من X")
            # "وكان القائد ومرافقه قد قتلا بغارة": those killed are the verb's subject, before it;
            # with none there, the subject follows the verb ("قتل جندي عراقي بهجوم")
            before = [
                m for m in idx.mentions_in(start, k) if idx.actor_kind(m.actor_id) == "person" and m.source != "nested"
            ]
            for m in before:
                targets.add(m)
            if before or idx.norm(k - 1) in self.vocab.people:
                return  # ("أربعة جنود قتلوا": the subject stood before the verb, unnamed)
        for j in range(k + 1, min(end, k + 30)):
            if j in background:
                break
            m = idx.starts.get(j)
            if m is not None and idx.actor_kind(m.actor_id) == "person":
                targets.add(m)
            if m is not None and j - k <= 10 and idx.actor_kind(m.actor_id) == "armed_group":
                targets.add(m)  # "سقوط قتلى من مقاتلي الفصائل الموالية لإيران"
            norm = idx.norm(j)
            if norm in self.vocab.military_people and m is None and (j + 1) in idx.starts:
                nisba = idx.starts[j + 1]  # "ثلاثة جنود أميركيين": the state's forces
                state = nisba.actor_id if nisba.source == "nisba" else None
                if state and state not in perps.ids:
                    targets.add_id(self.gaz.forces_of(state, "military") or state)
            if norm in self.vocab.military_people and m is None and idx.norm(j + 1) in ("من", "في"):
                force = idx.starts.get(j + 2)  # "ضابط في الشرطة العراقية", "جنديان من الجيش السوري"
                if force is not None and idx.actor_kind(idx.actor_of(force)) in _STATE_KINDS:
                    targets.add(force)
            if norm not in self.vocab.member_nouns or _doer_verb(idx.norm(j - 1)):
                continue  # ("كمين نصبه عناصر من X": those who did it)
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

    def _acting_body(self, idx: DocIndex, k: int) -> bool:
        """An armed group, a force or a state named at k, as a genitive (no preposition on it)."""
        m = idx.starts.get(k)
        return (
            m is not None
            and not idx.clitic_of(k)
            and m.role == "actor"
            and idx.actor_kind(idx.actor_of(m)) in _ACTING_KINDS
        )

    def _home_place(self, actors: list[str]) -> str | None:
        """Where a body acts when the text names no place: its country, if the gazetteer knows it."""
        for a in actors:
            country = self.gaz.actors.get(a, {}).get("country")
            if country in self.gaz.places:
                return country
        return None
