"""`kg_en_events`: events in English copy, and `kg_en_statement_linker`, which ties statements to
the event they are about.

A trigger is an event noun ("attack", "airstrike", "air strike", "visit", "meeting") or verb
("attacked", "struck", "visited", "met") of `events.json`, in any inflection; a weak verb
("launched", "fired", "hit", "targeted") only with a weapon or an attack noun in its clause. Not a
trigger: a noun modifying another noun ("attack drone"), a verb after "to" or a modal ("preparing
to launch", "will strike"), a negated one ("has never carried out any attack").

Each trigger's clause (cut at "in response to", "after", "since", ...; see `clause_breaks`) gives:
- the place: the most specific place named there, but not a launch site ("launched from Dora");
  coordinated places finer than a country ("in Jurf al-Nasr and Al-Qaim", "against Ain al-Asad
  and three bases in Syria") make one event each; with no place, a country that is the target
  ("attack on Israel") is the place;
- the date: a date of the clause that is not the date of the speech reporting it ("X on Tuesday
  said ...") nor the start of a period ("since Oct. 17"); else, weakly, the reporting statement's
  date; else the date of the event told in the sentence before (an elaboration);
- perpetrators: the subject of the trigger verb or of its light verb ("The U.S. military
  conducted a drone strike"), an agent after "by", a possessor ("Iran's attack"), a state as
  modifier ("US strikes", "Israeli air strike"); the claimant of a claim about it. Never from an
  accusation: "the attacks were initiated by X, a spokesperson said" makes X accused, not
  perpetrator (DESIGN.md);
- targets: actors after "on", "against", "at", "targeting", or the object of a trigger verb;
- weapon, count (the number before the weapon), killed and injured.
An 'attack' by a state, its government or military with no ground weapon is an 'airstrike'.
Plural triggers in background phrasing ("a series of attacks", "dozens of attacks since Oct. 17")
with no date of their own are background, not events. Reports of one event in several sentences
merge: same type, compatible places (one inside the other, or two sites of one district) and
compatible dates (equal, or one missing or only weakly known).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc

from core.event_types import VIOLENT
from loaders.nlp.english.lexicon import EnglishLexicon, Trigger
from loaders.nlp.english.text import DocView, actor_kind
from loaders.nlp.gazetteer import Gazetteer
from loaders.nlp.records import EntityMention, EventRecord, StatementRecord

_STATE_KINDS = frozenset({"state", "government", "military", "coalition"})
_MODAL_VERBS = frozenset("will would could may might must can should to".split())
_PASSIVE_AUX = frozenset("was were been be is are being".split())
#: Trigger words that name a strike of either kind: with no perpetrator they may join an airstrike.
_EITHER = frozenset({"strike", "hit"})
#: Words after which a weak verb's bare or -s form is a noun ("targets in the south", "hits and misses").
_NOUN_FOLLOWERS = frozenset("in on at near across inside around along of and or were are was is had have".split())
#: Words that end the noun phrase of the people harmed ("killing two soldiers | in Baghdad").
_PHRASE_STOPS = frozenset(
    "in at near on when after while during as from with by since before amid following inside outside "
    "across around and/or said says according".split()
)
_LOCATIVES = frozenset("in at near outside inside".split())
_MODIFIER_WORDS = frozenset(
    "air drone missile rocket precision defensive retaliatory recent latest deadly - self defense self-defense "
    "military naval artillery ballistic unprecedented direct first second further new".split()
)


@dataclass
class _Found:
    start: int
    end: int
    trigger: Trigger


#: Words that end the phrase a background word opens: a preposition other than "of", an
#: auxiliary, a conjunction of clauses.
_CLAUSE_BREAKS = frozenset(
    "in on at by from during after with near for against into over since was were is are had has have when as ,".split()
)


class EnglishEvents:
    def __init__(self, nlp: Language, name: str, gazetteer: Gazetteer, lexicon: EnglishLexicon) -> None:
        self.name = name
        self.gaz = gazetteer
        self.lex = lexicon
        self.weapons_by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}  # each phrase under its first word
        for phrase, weapon in lexicon.weapons.items():
            self.weapons_by_first.setdefault(phrase[0], []).append((phrase, weapon))
        s = lexicon.set
        self.modifier_heads = s("modifier_heads")
        self.modal = s("modal_words")
        self.conditional = s("conditional_words")
        self.weak_context = s("weak_verb_context")
        self.light = s("light_verbs")
        self.people = s("people_nouns")
        self.kill = s("kill_words")
        self.injure = s("injure_words")
        self.side_people = s("side_people")
        self.suffer = s("suffer_verbs")
        #: "attacked", "targeted", "hit": after "was"/"were" their subject is what was attacked
        self._attack_participles = frozenset(
            f for f, t in lexicon.triggers.items() if t.cls != "noun" and t.form not in ("gerund", "third")
        )
        self.background = s("background_words")
        self.period = s("period_words")
        self.target_preps = s("target_preps")
        self.negations = lexicon.set("negations")
        self.breaks = lexicon.phrase_list("clause_breaks")
        self.ground = s("ground_weapons")
        self.air = s("air_weapons")
        self.number_mods = s("number_modifiers")
        self.owners = lexicon.phrase_list("owner_phrases")
        self.owner_words = frozenset(p[0] for p in self.owners) | {"owned", "backed", "hosting"}
        self._either_forms = frozenset(f for f, t in lexicon.triggers.items() if t.lemma in _EITHER)

    def __call__(self, doc: Doc) -> Doc:
        view = DocView.of(doc)
        statements: list[StatementRecord] = doc._.kg_statements or []
        records: list[EventRecord] = []
        previous_dates: list[str | None] = []
        previous: list[EventRecord] = []
        for s, e in view.sents:
            if s in view.layout.links:
                continue  # "Read more: ...": another report's news
            dated_here: list[str | None] = []
            placed: str | None = None
            here: list[EventRecord] = []
            for found in self._triggers(view, s, e):
                made = self._events(view, doc, s, e, found, statements)
                for rec in made:
                    if rec.place is None and placed and rec.type not in VIOLENT:
                        rec.place = placed  # "visited Baghdad ... and met with X": the same place
                    placed = placed or rec.place
                    if rec.date is None and not rec.background and previous_dates and rec.type in VIOLENT:
                        rec.date, rec.date_precision, rec.date_strength = previous_dates[-1], "day", 1
                    self._sides_of_summary(doc, rec, previous)
                    records.append(rec)
                    here.append(rec)
                    if rec.date_strength == 2 and rec.date_precision == "day":
                        dated_here.append(rec.date)
            previous_dates = dated_here
            previous = here
        records = [r for r in records if not (r.background and r.date_strength < 2)]
        claimed = {
            (st.sent_start, st.content_start, st.content_end) for st in statements if st.kind == "claim_responsibility"
        }
        records = [
            r
            for r in records
            if r.date is not None
            or r.place is not None
            or any(s == r.sent_start and a <= r.trigger < b for s, a, b in claimed)  # "its fighters shelled ..."
        ]
        self._merge(records, doc)
        doc._.kg_events = records
        return doc

    def _sides_of_summary(self, doc: Doc, rec: EventRecord, previous: list[EventRecord]) -> None:
        """'US troops came under attack five times on Friday. Drones targeted Ain al-Asad and two
        bases in Syria.': a sentence that places the attacks the sentence before told without a
        place (or in a country holding this place) tells the same attacks, on the same sides."""
        if rec.type not in VIOLENT or rec.background or (rec.targets and rec.perpetrators):
            return
        for prev in previous:
            if prev.type not in VIOLENT or prev.background or not (prev.targets or prev.perpetrators):
                continue
            if prev.place is not None and not (rec.place and self.gaz.place_contains(prev.place, rec.place)):
                continue
            if prev.date and rec.date and prev.date != rec.date:
                continue
            if not rec.perpetrators:
                rec.perpetrators = [p for p in prev.perpetrators if p not in rec.targets]
            if not rec.targets:
                rec.targets = [t for t in prev.targets if t not in rec.perpetrators]
            self._state_strike(doc, rec)
            return

    # ------------------------------------------------------------------ triggers
    def _triggers(self, view: DocView, s: int, e: int) -> list[_Found]:
        norms = view.norms
        out: list[_Found] = []
        taken: set[int] = set()
        words = view.words(s, e)
        for k in words:
            if k in taken:
                continue
            found: _Found | None = None
            for phrase, trig in self.lex.trigger_phrases.get(norms[k], ()):
                if view.phrase_at(k, phrase):
                    found = _Found(k, view.phrase_end(k, phrase), trig)
                    break
            if found is None and norms[k] in self.lex.triggers:
                found = _Found(k, k + 1, self.lex.triggers[norms[k]])
            if found is None or not self._real(view, s, e, found):
                continue
            taken.update(range(found.start, found.end))
            out.append(found)
        return out

    def _real(self, view: DocView, s: int, e: int, f: _Found) -> bool:
        norms = view.norms
        trig = f.trigger
        nxt = view.next_word(f.end - 1)
        prev = view.prev_word(f.start)
        before = norms[prev] if prev is not None and prev >= s else ""
        if trig.cls == "noun" and nxt is not None and nxt < e and norms[nxt] in self.modifier_heads:
            return False  # "attack drone"
        if (
            trig.cls == "noun"
            and not view.texts[f.start][:1].islower()
            and f.start != s
            and s not in view.layout.headlines
        ):
            return False  # part of a name ("Operation Inherent Resolve", "Strike Group")
        if before in self.modal and (trig.cls != "noun" or before in _MODAL_VERBS and not trig.plural):
            return False  # "to launch", "will strike"
        near = {norms[k] for k in view.words(max(s, f.start - 10), f.start)}
        if near & self.conditional:
            return False  # "if the attacks continue": no event took place
        if trig.cls != "noun" and trig.form == "gerund" and before not in (",", "and", "by", "after", "while"):
            return False  # "the attacking force"
        k: int | None = f.start
        for _ in range(4):
            k = view.prev_word(k) if k is not None else None
            if k is None or k < s or view.table.punct[k]:
                break
            if norms[k] in self.negations:
                return False
        if (
            trig.cls == "weak_verb"
            and trig.form in ("base", "third")
            and (
                before in ("the", "a", "an", "its", "their", "military", "legitimate")
                or (
                    trig.form == "third"
                    and nxt is not None
                    and (norms[nxt] in _NOUN_FOLLOWERS or view.table.punct[nxt])
                )
            )
        ):
            return False  # a noun: "Hezbollah targets in the south", "legitimate targets"
        if trig.cls == "weak_verb":
            lo, hi = self._clause(view, s, e, f)
            context = {norms[i] for i in view.words(lo, hi)}
            return bool(context & self.weak_context)
        return True

    # ------------------------------------------------------------------ one trigger
    def _clause(self, view: DocView, s: int, e: int, f: _Found) -> tuple[int, int]:
        norms = view.norms
        lo, hi = view.layout.dateline_end(s, e), e
        for k in view.words(s, e):
            if norms[k] == ";":
                if k < f.start:
                    lo = k + 1
                elif k >= f.end:
                    hi = min(hi, k)
                continue
            for phrase in self.breaks:
                if norms[k] == phrase[0] and view.phrase_at(k, phrase):
                    if k < f.start:
                        lo = max(lo, k)
                    elif k >= f.end:
                        hi = min(hi, k)
                    break
        return lo, hi

    def _events(
        self, view: DocView, doc: Doc, s: int, e: int, f: _Found, statements: list[StatementRecord]
    ) -> list[EventRecord]:
        lo, hi = self._clause(view, s, e, f)
        norms = view.norms
        rec = EventRecord(f.trigger.type, s, e, f.start)
        reported = [st for st in statements if st.sent_start == s and st.content_start <= f.start < st.content_end]
        accused = any(st.kind == "accuse" for st in reported)
        mentions = view.mentions_in(lo, hi)
        # roles
        if not accused:
            rec.perpetrators = self._perpetrators(view, doc, lo, hi, f)
        for st in reported:
            own_clause = lo <= st.content_start or not any(
                view.phrase_at(lo, p) for p in self.breaks if norms[lo] == p[0]
            )
            if st.kind == "claim_responsibility" and st.speaker and not rec.perpetrators and own_clause:
                rec.perpetrators = [self._organisation(doc, st.speaker)]
        rec.targets = [t for t in self._targets(view, lo, hi, f) if t not in rec.perpetrators]
        rec.weapon, rec.count = self._weapon(view, lo, hi, f)
        # "Three soldiers were killed when a drone struck ...": the dead of a 'when' clause's event
        # are told before it
        told_from = view.layout.dateline_end(s, e) if norms[lo] in ("when", "as") else lo
        rec.killed, rec.injured = self._casualties(view, told_from, hi, f)
        hit = self._victims(view, told_from, hi, f) + self._came_under(view, lo, f)
        rec.targets += [t for t in dict.fromkeys(hit) if t not in rec.perpetrators and t not in rec.targets]
        self._state_strike(doc, rec)
        # date
        speech_spans = [(st.sent_start, st.content_start) for st in reported] + [(st.content_end, e) for st in reported]
        before = [norms[k] for k in view.words(max(lo, f.start - 12), f.start)][-5:]
        following = {norms[k] for k in view.words(f.end, e)[:14]}
        rec.group = f.trigger.plural
        rec.background = self._quantified(before) or bool(following & self.period)
        best = None
        for ref in doc._.kg_dates or []:
            if not (lo <= ref.start < hi):
                continue
            gap = view.words(ref.end, f.start) if ref.end <= f.start else view.words(f.end, ref.start)
            if rec.background and len(gap) > 5:
                continue  # a date far from a background mention belongs to something else
            if any(a <= ref.start < b for a, b in speech_spans):
                continue
            prev = view.prev_word(ref.start)
            if prev is not None and norms[prev] in ("since", "until", "between", "from"):
                continue
            if (
                prev is not None
                and norms[prev] == "and"
                and "between" in {norms[k] for k in view.words(ref.start - 12, ref.start)}
            ):
                continue  # "between Oct. 17 and Nov. 7": a period
            gap = abs(ref.start - f.start)
            if best is None or gap < best[0]:
                best = (gap, ref)
        if best is not None:
            rec.date, rec.date_precision, rec.date_strength = best[1].date, best[1].precision, 2
        else:
            # the date the reporting statement gives in its own clause ("..., the Pentagon said Wednesday")
            spoken = {
                r.date
                for r in doc._.kg_dates or []
                if s <= r.start < e and any(a <= r.start < b for a, b in speech_spans)
            }
            dated = [st for st in reported if st.date in spoken]
            if dated and not rec.background:
                rec.date, rec.date_precision, rec.date_strength = dated[0].date, dated[0].date_precision, 1
        # places
        groups = self._places(view, lo, hi, f, mentions)
        if not groups:
            # "an attack on Israel": a country that is the target is where it struck, unless
            # named only as a modifier ("strikes against US troops", "an Iranian commander")
            named = {
                m.actor_id
                for m in mentions
                if m.source not in ("modifier", "nisba")
                and (p := view.prev_word(m.start)) is not None
                and norms[p] in self.target_preps
            }
            country = [t for t in rec.targets if t in self.gaz.places and t in named]
            groups = [country[:1]] if country else [[]]
        out = []
        for group in groups:
            copy = replace(rec, perpetrators=list(rec.perpetrators), targets=list(rec.targets))
            copy.place = group[0] if group else None
            out.append(copy)
        return out

    def _organisation(self, doc: Doc, speaker: str) -> str:
        """Who carried out what a person claims: the body the spokesman speaks for."""
        if actor_kind(self.gaz, doc, speaker) != "person":
            return speaker
        parents = self.gaz.actors.get(speaker, {}).get("member_of") or []
        return parents[0] if parents and parents[0] in self.gaz.actors else speaker

    def _quantified(self, before: list[str]) -> bool:
        """A background word quantifies the trigger ("dozens of attacks", "a series of rocket and
        drone attacks"), not a clause before it ("dozens injured in a drone attack")."""
        marks = [n for n, w in enumerate(before) if w in self.background]
        return bool(marks) and not any(w in _CLAUSE_BREAKS for w in before[marks[-1] + 1 :])

    def _state_strike(self, doc: Doc, rec: EventRecord) -> None:
        """An attack by a state, its government or military with no ground weapon, or one from
        aircraft, is an airstrike."""
        if rec.type != "attack":
            return
        by_state = rec.perpetrators and all(actor_kind(self.gaz, doc, p) in _STATE_KINDS for p in rec.perpetrators)
        if (by_state and rec.weapon not in self.ground) or rec.weapon in self.air:
            rec.type = "airstrike"

    def _places(self, view: DocView, lo: int, hi: int, f: _Found, mentions: list[EntityMention]) -> list[list[str]]:
        norms = view.norms
        cands: list[EntityMention] = []
        for m in mentions:
            pid = m.place_id if m.place_id in self.gaz.places else None
            if pid is None and m.actor_id in self.gaz.places and self.gaz.places[m.actor_id].get("kind") != "country":
                pid = m.actor_id  # an embassy named as the actor it houses
            if pid is None or (m.role != "place" and self.gaz.places[pid].get("kind") == "country"):
                continue
            if m.role != "place" and m.place_id and actor_kind(self.gaz, view.doc, m.actor_id) == "state":
                continue  # "Tehran denied ...", "holds Tehran responsible": a capital naming its state
            prev = view.prev_word(m.start)
            while prev is not None and norms[prev] in ("the", "a", "an"):
                prev = view.prev_word(prev)
            if prev is not None and norms[prev] == "from" and f.trigger.type in VIOLENT:
                continue  # "launched from the Dora neighborhood": where they came from
            if m.source == "nisba" and m.start < f.start:
                continue  # "Iraqi airspace was a route for the attack": not where it struck
            if f.trigger.type not in VIOLENT and (m.start < f.start or len(view.words(f.end, m.start)) > 6):
                continue  # a visit or meeting takes the place named right after it ("visit to Baghdad")
            cands.append(m)
        if not cands:
            return []
        ids = [m.place_id if m.place_id in self.gaz.places else m.actor_id for m in cands]
        best = min(range(len(ids)), key=lambda n: (self.gaz.place_rank(ids[n]), abs(cands[n].start - f.start)))
        chosen = ids[best]
        groups = [[chosen]]
        if self.gaz.place_rank(chosen) >= 4:
            return groups
        for n, pid in enumerate(ids):
            if pid == chosen or self._related(pid, chosen) or any(self._related(pid, g[0]) for g in groups):
                continue
            between = [norms[k] for k in view.words(cands[n - 1].end, cands[n].start)] if n else []
            if not ({"and", "or"} & set(between)) or {"of", "near", "outside"} & set(between):
                continue  # a coordination ("X and Y"), not an apposition ("X, north of Y")
            counted = any(w.isdigit() or w in self.lex.numbers for w in between if w not in ("a", "an"))
            if self.gaz.place_rank(pid) < 4 or counted:  # "... and three bases in Syria"
                groups.append([pid])
        return groups

    def _related(self, a: str, b: str) -> bool:
        return a == b or self.gaz.place_contains(a, b) or self.gaz.place_contains(b, a)

    def _perpetrators(self, view: DocView, doc: Doc, lo: int, hi: int, f: _Found) -> list[str]:
        norms = view.norms
        out: list[str] = []

        def actor(m: EntityMention | None) -> str | None:
            return m.actor_id if m is not None and m.actor_id and m.role == "actor" else None

        # "by X" after the trigger (passive or a noun's agent); further on after a passive
        # ("the attack on X on Monday was carried out by Y", "drones were launched at X on Sunday by Y")
        k = view.next_word(f.end - 1)
        steps = 0
        prev = view.prev_word(f.start)
        passive_trigger = f.trigger.cls != "noun" and prev is not None and norms[prev] in _PASSIVE_AUX
        while k is not None and k < hi and steps < 16:
            if norms[k] == "by" and (steps < 9 or passive_trigger or self._after_passive(view, k)):
                agent = view.next_word(k)
                while agent is not None and norms[agent] in ("the", "a", "an"):
                    agent = view.next_word(agent)  # "fired by the Houthis"
                m = view.mention_at(agent if agent is not None else k)
                if actor(m):
                    out.append(actor(m))  # type: ignore[arg-type]
                break
            if norms[k] in (",", ";", ".", '"', "(", ")") or norms[k] in self.owner_words:
                break  # "a facility used by X": X owns the target, it did not strike
            k, steps = view.next_word(k), steps + 1
        passive = passive_trigger
        if f.trigger.cls == "noun":
            # a modifier or a possessor right before the noun: "US strikes", "Iran's attack"
            k = prev
            hops = 0
            while (
                k is not None
                and k >= lo
                and hops < 6
                and (norms[k] in _MODIFIER_WORDS or norms[k] in ("'s", "and", "or"))
            ):
                if norms[k] == "'s":
                    m = view.mention_at(view.prev_word(k) or k)
                    if actor(m):
                        out.append(actor(m))  # type: ignore[arg-type]
                        return list(dict.fromkeys(out))
                k, hops = view.prev_word(k), hops + 1
            m = view.mention_at(k) if k is not None and k >= lo else None
            if actor(m) and m is not None and m.end > (k or 0):
                out.append(actor(m))  # type: ignore[arg-type]
            # a light verb before the noun: its subject
            j = prev
            for _ in range(5):
                if j is None or j < lo:
                    break
                if norms[j] in self.light:
                    subject = self._subject_before(view, lo, j)
                    if subject:
                        out.append(subject)
                    break
                j = view.prev_word(j)
        elif not passive:
            subject = self._subject_before(view, lo, f.start)
            if subject:
                out.append(subject)
        return list(dict.fromkeys(out))

    def _after_passive(self, view: DocView, by: int) -> bool:
        """'was carried out by', 'were launched by': a passive verb before 'by'."""
        k = view.prev_word(by)
        if k is not None and view.norms[k] == "out":
            k = view.prev_word(k)
        aux = view.prev_word(k) if k is not None else None
        return aux is not None and view.norms[aux] in _PASSIVE_AUX and view.norms[k].endswith(("ed", "ied"))

    def _appositive_subject(self, view: DocView, lo: int, i: int) -> EntityMention | None:
        """The subject of a verb after an apposition: 'An Iraqi militia, Kataib Sayyid
        al-Shuhada, launched' (the apposition is the name) or 'Kataib Hezbollah, the strongest of
        the factions, attacked' (the name before it)."""
        close = view.prev_word(i)
        if close is None or close < lo or view.norms[close] != ",":
            return None
        inner = view.words(lo, close)
        opens = [k for k in inner if view.norms[k] == ","]
        if not opens or len(view.words(opens[-1] + 1, close)) > 14:
            return None
        open_ = opens[-1]
        body = [k for k in view.words(open_ + 1, close) if view.norms[k] not in ("the", "a", "an")]
        named = view.mention_at(body[0]) if body else None
        if named is not None and named.start <= body[0] and named.end > body[-1]:
            return named  # the whole apposition is one name
        before = view.prev_word(open_)
        m = view.mention_at(before) if before is not None and before >= lo else None
        return m if m is not None and m.end == before + 1 else None

    def _subject_before(self, view: DocView, lo: int, i: int) -> str | None:
        """The nearest actor before a verb in its clause, across dates and adverbs."""
        apposed = self._appositive_subject(view, lo, i)
        if apposed is not None:
            return apposed.actor_id if apposed.actor_id and apposed.role == "actor" else None
        for m in reversed(view.mentions_in(lo, i)):
            between = [view.norms[k] for k in view.words(m.end, i)]
            if any(w in (",", ";", "that", "which", "who", '"') for w in between[:1]) or len(between) > 6:
                return None
            if any(w in ("to", "on", "against", "at", "for", "with", "of") for w in between) and not any(
                w in ("on",) and view.norms[k2][:1].isalpha()
                for w, k2 in zip(between, view.words(m.end, i), strict=False)
            ):
                if any(w in ("to", "against", "at", "for", "with", "of") for w in between):
                    return None
            if m.actor_id and m.role == "actor":
                return m.actor_id
            return None
        return None

    def _targets(self, view: DocView, lo: int, hi: int, f: _Found) -> list[str]:
        norms = view.norms
        out: list[str] = []
        after = view.words(f.end, hi)
        for n, k in enumerate(after[:10]):
            if norms[k] in (".", ";") or (norms[k] == "," and n > 0):
                break
            # "the strike targeted X", "the attack hit X": the verb of a trigger noun takes its target
            noun_verb = f.trigger.cls == "noun" and n <= 4 and self._verb_of_noun(view, k)
            if norms[k] in self.target_preps or (n == 0 and f.trigger.cls != "noun") or noun_verb:
                start = k + 1 if norms[k] in self.target_preps or noun_verb else k
                for m in view.mentions_in(start, hi):
                    gap = [norms[x] for x in view.words(start, self._name_start(view, m))]
                    if len(gap) > 5 or any(w in (",", ";", "in", "near", "from", "by") for w in gap):
                        break
                    broad = self.gaz.places.get(m.place_id or "", {}).get("kind") in ("country", "governorate", "city")
                    nxt = [norms[x] for x in view.words(m.end, m.end + 3)][:1]
                    if m.actor_id and not (m.role == "place" and broad):
                        out.append(m.actor_id)
                        if nxt != ["and"]:
                            break
                    if nxt in (["and"], ["or"]):
                        start = m.end  # "on Ain al-Asad and other US bases": the next in the list
                if out:
                    break
        if not out:
            # "strikes against three facilities used by Kataib Hezbollah": the owner is the target
            for k in after[:14]:
                for phrase in self.owners:
                    if norms[k] == phrase[0] and view.phrase_at(k, phrase):
                        start = view.phrase_end(k, phrase)
                        for m in view.mentions_in(start, min(hi, start + 8)):
                            after_m = view.next_word(m.end - 1)
                            if after_m is not None and norms[after_m] == "'s":
                                continue  # "used by Iran's Revolutionary Guard": the Guard
                            if m.actor_id and m.role == "actor":
                                return [m.actor_id]
        return list(dict.fromkeys(out))

    def _verb_of_noun(self, view: DocView, k: int) -> bool:
        """A finite attack verb ("targeted", "hit", "struck") after a trigger noun: its verb."""
        trig = self.lex.triggers.get(view.norms[k])
        return trig is not None and trig.cls != "noun" and trig.form != "gerund" and trig.type in VIOLENT

    @staticmethod
    def _name_start(view: DocView, m: EntityMention) -> int:
        """Where the name a bracketed abbreviation stands for starts: 'the Popular Mobilization
        Forces (PMF)' when only 'PMF' is known; else the mention's own start."""
        k = view.prev_word(m.start)
        if k is None or view.texts[k] != "(":
            return m.start
        start = k
        j = view.prev_word(k)
        while j is not None and view.texts[j][:1].isupper() and not view.table.punct[j]:
            start = j
            j = view.prev_word(j)
        return start

    def _victims(self, view: DocView, lo: int, hi: int, f: _Found) -> list[str]:
        """The sides of the people killed, wounded or attacked in the clause: the object of a
        kill or injury word ("killing two US soldiers", "killed a Kataib Hezbollah commander",
        "the deaths of three American troops"), the subject of its passive ("an Iraqi soldier was
        wounded", "US troops were attacked") or of "suffered" + an injury ("US personnel suffered
        injuries")."""
        norms = view.norms
        words = view.words(lo, hi)
        out: list[str] = []
        for n, k in enumerate(words):
            w = norms[k]
            prev = norms[words[n - 1]] if n else ""
            harm = w in self.kill or w in self.injure
            if prev in _PASSIVE_AUX and (harm or w in self._attack_participles):
                out += self._sides(view, words, n - 1, -1, any_actor=not harm)
            elif w in self.injure and (j := self._suffered(view, words, n)) is not None:
                out += self._sides(view, words, j, -1)
            elif harm and k != f.start:
                out += self._sides(view, words, n + 1, 1)
        return out

    def _suffered(self, view: DocView, words: list[int], n: int) -> int | None:
        """Where 'suffered' stands before the injury at n ('suffered traumatic brain injuries')."""
        for j in range(n - 1, max(-1, n - 5), -1):
            if view.norms[words[j]] in self.suffer:
                return j
        return None

    def _sides(self, view: DocView, words: list[int], at: int, step: int, any_actor: bool = False) -> list[str]:
        """The sides named in the noun phrase that runs from words[at] (forward, step 1) or ends
        before it (backward, step -1): an actor that owns people ("US soldiers", "a Kataib
        Hezbollah commander", "members of Kataib Hezbollah", "American troops"); for an attack's
        passive subject, any actor ("the US embassy was attacked")."""
        norms = view.norms

        def ends(k: int) -> bool:
            if view.mention_at(k) is not None:
                return False  # a name runs on over its own words ("the US consulate in Erbil")
            nxt = view.next_word(k)
            place = view.mention_at(nxt) if step < 0 and nxt is not None and norms[k] in _LOCATIVES else None
            if place is not None and place.role == "place":
                return False  # "the embassy compound in Baghdad was hit": the place is in the phrase
            if step < 0 and norms[k] in ("that", "who", "which"):
                return True
            return norms[k] in _PHRASE_STOPS or (view.table.punct[k] and norms[k] not in ("'s", "-"))

        span: list[int] = []
        if step > 0:
            for k in words[at : at + 12]:
                if ends(k):
                    break
                span.append(k)
        else:
            for k in reversed(words[max(0, at - 9) : at]):
                if ends(k):
                    break
                span.insert(0, k)
        if not span:
            return []
        out: list[str] = []
        for m in view.mentions_in(span[0], span[-1] + 1):
            if any_actor and m.role != "actor":
                # a site attacked that is an actor too: an embassy, a consulate ("the US embassy
                # compound in Baghdad was hit")
                site = m.actor_id or (m.place_id if m.place_id in self.gaz.actors else None)
                if site and self._site_actor(m):
                    out.append(site)
                continue
            if not m.actor_id or m.role != "actor":
                continue
            person = step > 0 and actor_kind(self.gaz, view.doc, m.actor_id) == "person"  # "killed Abu X"
            if person or any_actor or self._owns_people(view, m, span[-1] + 1):
                out.append(m.actor_id)
        return out

    def _site_actor(self, m: EntityMention) -> bool:
        """A place that is also an actor and no broad area: an embassy, a consulate, a base."""
        return self.gaz.places.get(m.place_id or "", {}).get("kind") not in ("country", "governorate", "city")

    def _owns_people(self, view: DocView, m: EntityMention, end: int) -> bool:
        """'US soldiers', 'a US civilian contractor', 'Kataib Hezbollah's commander', 'American
        troops' (one name), 'members of Kataib Hezbollah'."""
        norms = view.norms
        if norms[m.end - 1] in self.side_people:
            return True
        after = [norms[k] for k in view.words(m.end, end)][:3]
        if after[:1] == ["'s"]:
            after = after[1:]
        if any(w in self.side_people for w in after[:2]):
            return True
        before = [norms[k] for k in view.words(max(0, m.start - 4), m.start) if norms[k] != "the"]
        return before[-1:] == ["of"] and len(before) > 1 and before[-2] in self.side_people

    def _came_under(self, view: DocView, lo: int, f: _Found) -> list[str]:
        """'US and coalition forces came under attack': the subject of 'came under' is the target."""
        under = view.prev_word(f.start)
        came = view.prev_word(under) if under is not None else None
        if under is None or came is None or came < lo or view.norms[under] != "under":
            return []
        if view.norms[came] not in ("came", "come", "comes", "coming"):
            return []
        words = view.words(lo, came)
        return self._sides(view, words, len(words), -1, any_actor=True)

    def _weapon(self, view: DocView, lo: int, hi: int, f: _Found) -> tuple[str | None, int | None]:
        norms = view.norms
        best: tuple[int, str, int | None] | None = None
        words = view.words(lo, hi)
        for n, k in enumerate(words):
            for phrase, weapon in self._weapon_phrases(norms[k]):
                if tuple(norms[x] for x in words[n : n + len(phrase)]) == phrase:
                    count = self._number_before(view, words, n)
                    gap = abs(k - f.start)
                    if best is None or gap < best[0]:
                        best = (gap, weapon, count)
        return (best[1], best[2]) if best else (None, None)

    def _weapon_phrases(self, first: str) -> list[tuple[tuple[str, ...], str]]:
        return self.weapons_by_first.get(first, [])

    def _number_before(self, view: DocView, words: list[int], n: int) -> int | None:
        for back in range(1, 5):
            if n - back < 0:
                return None
            w = view.norms[words[n - back]]
            if w.isdigit():
                return int(w)
            if w in self.lex.numbers and w not in ("a", "an"):
                return self.lex.numbers[w]
            if w not in self.number_mods and w not in _MODIFIER_WORDS and not w.isalpha():
                return None
        return None

    def _casualties(self, view: DocView, lo: int, hi: int, f: _Found) -> tuple[int | None, int | None]:
        norms = view.norms
        words = view.words(lo, hi)
        killed = injured = None
        for n, k in enumerate(words):
            w = norms[k]
            if w not in self.kill and w not in self.injure:
                continue
            total = 0
            for m in range(n + 1, min(len(words), n + 12)):
                x = norms[words[m]]
                if x in (".", ";") or x in self.kill or x in self.injure:
                    break
                value = int(x) if x.isdigit() else self.lex.numbers.get(x) if x not in ("a", "an") else None
                if value is not None:
                    ahead = {norms[words[j]] for j in range(m + 1, min(len(words), m + 5))}
                    if ahead & self.people:
                        total += value
            for m in range(max(0, n - 6), n):
                x = norms[words[m]]
                value = int(x) if x.isdigit() else self.lex.numbers.get(x) if x not in ("a", "an") else None
                if value is not None and {norms[words[j]] for j in range(m + 1, n)} & self.people:
                    total += value  # "two militants were killed"
            if total:
                if w in self.kill:
                    killed = killed or total
                else:
                    injured = injured or total
        return killed, injured

    # ------------------------------------------------------------------ merging
    def _merge(self, records: list[EventRecord], doc: Doc) -> None:
        norms = doc._.kg_tokens.norms
        either = {
            n
            for n, r in enumerate(records)
            if not r.perpetrators and (norms[r.trigger] in self._either_forms or r.weapon not in (None, *self.ground))
        }
        kept: list[int] = []
        for n, rec in enumerate(records):
            target = None
            for m in reversed(kept):
                if self._compatible(records[m], rec, m in either or n in either):
                    target = m
                    break
            if target is None:
                kept.append(n)
                continue
            if rec.type == "airstrike" and target in either:
                records[target].type = rec.type  # an unattributed "strike" is the airstrike it joins
            self._absorb(records[target], rec)
            self._state_strike(doc, records[target])
            rec.merged_into = target

    def _compatible(self, a: EventRecord, b: EventRecord, either: bool = False) -> bool:
        if a.type != b.type and not (either and a.type in VIOLENT and b.type in VIOLENT):
            return False
        if a.place and b.place and not (self._related(a.place, b.place) or self._siblings(a.place, b.place)):
            return False
        if a.date and b.date and a.date != b.date:
            weak = min(a.date_strength, b.date_strength) < 2
            if not weak and not _one_day(a.date, b.date):
                return False
        return True

    def _siblings(self, a: str, b: str) -> bool:
        """Two sites of one district or base ("Union III" and the embassy, both in the Green Zone)."""
        pa = set(self.gaz.places.get(a, {}).get("located_in") or [])
        pb = set(self.gaz.places.get(b, {}).get("located_in") or [])
        shared = pa & pb
        return any(self.gaz.places.get(p, {}).get("kind") in ("district", "base", "facility", "site") for p in shared)

    def _absorb(self, a: EventRecord, b: EventRecord) -> None:
        if b.place and (a.place is None or self.gaz.place_rank(b.place) < self.gaz.place_rank(a.place)):
            a.place = b.place
        if b.date and (a.date is None or b.date_strength > a.date_strength):
            a.date, a.date_precision, a.date_strength = b.date, b.date_precision, b.date_strength
        a.perpetrators = list(dict.fromkeys(a.perpetrators + b.perpetrators))
        a.targets = list(dict.fromkeys(a.targets + [t for t in b.targets if t not in a.perpetrators]))
        a.weapon = a.weapon or b.weapon
        a.count = a.count or b.count
        a.killed = a.killed or b.killed
        a.injured = a.injured or b.injured
        a.background = a.background and b.background


def _one_day(a: str, b: str) -> bool:
    """Two day dates at most one day apart (a night strike is reported on either day)."""
    from datetime import date

    if a.count("-") != 2 or b.count("-") != 2:
        return False
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days) <= 1


class EnglishStatementLinker:
    """Each statement is about the event named in what was said, else one in its sentence."""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        events: list[EventRecord] = doc._.kg_events or []
        for st in doc._.kg_statements or []:
            inside = [n for n, ev in enumerate(events) if st.content_start <= ev.trigger < st.content_end]
            same = [n for n, ev in enumerate(events) if ev.sent_start == st.sent_start]
            pick = (inside or same or [None])[0]
            while pick is not None and events[pick].merged_into is not None:
                pick = events[pick].merged_into
            st.about_event = pick
        return doc


@Language.factory(
    "kg_en_events",
    assigns=["doc._.kg_events"],
    requires=["doc._.kg_entities", "doc._.kg_dates", "doc._.kg_statements"],
    default_config={"gazetteer": {"@misc": "kg.gazetteer.v1"}, "lexicon": {"@misc": "kg.en_lexicon.v1"}},
)
def make_english_events(nlp: Language, name: str, gazetteer: Gazetteer, lexicon: EnglishLexicon) -> EnglishEvents:
    return EnglishEvents(nlp, name, gazetteer, lexicon)


@Language.factory("kg_en_statement_linker", requires=["doc._.kg_events", "doc._.kg_statements"])
def make_english_statement_linker(nlp: Language, name: str) -> EnglishStatementLinker:
    return EnglishStatementLinker(nlp, name)
