"""The driver: one pass over a document's sentences, tallies and casualty follow-ups."""

from __future__ import annotations

from loaders.nlp.clauses import DocIndex
from loaders.nlp.events.background import BackgroundRules
from loaders.nlp.events.dates import DateRules
from loaders.nlp.events.details import DetailRules
from loaders.nlp.events.merging import MergeRules
from loaders.nlp.events.places import PlaceRules
from loaders.nlp.events.roles import RoleRules
from loaders.nlp.events.triggers import TriggerRules
from loaders.nlp.events.vocabulary import (
    _VIOLENT,
)
from loaders.nlp.records import EventRecord, StatementRecord


class EventPass(TriggerRules, BackgroundRules, DetailRules, RoleRules, PlaceRules, DateRules, MergeRules):
    """The event rules applied to one document (see the package docstring)."""

    # ------------------------------------------------------------------ driver
    def run(self, published: str | None) -> list[EventRecord]:
        """The document's events, merged (see `MergeRules`)."""
        idx = self._idx
        statements = self._statements
        self._attach_localities(idx)
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
        return self._merge(events, published, statements)

    def _casualty_report(self, idx: DocIndex, s: int, e: int, events: list[EventRecord]) -> EventRecord | None:
        """'وذكر المصدر أن حارسا أصيب بجروح' right after an attack names no event of its own:
        its figures are the attack's."""
        norms = idx.norms
        if not any(norms[k] in self.vocab.killed or norms[k] in self.vocab.injured for k in range(s, e)):
            return None
        self._sentence_info(idx, s, e)
        killed = self._casualties(idx, s, s, e, self.vocab.killed)
        injured = self._casualties(idx, s, s, e, self.vocab.injured)
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
        killed, injured = self.vocab.killed, self.vocab.injured
        self._cues = {
            "killed": [k for k in range(s, e) if norms[k] in killed],
            "injured": [k for k in range(s, e) if norms[k] in injured],
        }
        for k in range(s, e):
            trig = self.lex.triggers.get(norms[k])
            if trig is None or idx.cover[k] is not None:
                continue
            if idx.norm(k - 1) in self.vocab.office_heads:
                titled.add(k)
                continue
            if trig.cls in ("noun", "masdar"):
                nouns.append((k, trig.type))
        self._nouns = nouns
        self._titled = titled
        self._charged = set()  # what people are held or sought for: alleged, no event
        self._bg_spans = self._background_spans(idx, s, e)
        self._bg_cache = {}
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

    # ------------------------------------------------------------------ lists of attacks
    def _tally_heading(self, idx: DocIndex, s: int, e: int, sent_no: int) -> tuple[int, str] | None:
        """'عدد الهجمات خلال الأسبوع:' — a line ending in a colon that counts attacks."""
        last = e - 1
        while last > s and idx.space[last]:
            last -= 1
        if idx.text(last) != ":":
            return None
        words = [idx.norm(k) for k in range(s, last)]
        if not any(w in self.vocab.tally_headings for w in words):
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
            if idx.norms[j] in self.vocab.dual_projectiles:
                count = 2
            else:
                count = self._number(idx, j)
            if count is not None:
                break
        if count is None:
            return None
        return EventRecord(heading[1], s, e, k, place=place, count=count)

    def _reporting(self, statements: list[StatementRecord], i: int) -> StatementRecord | None:
        """The statement whose reported words contain token i."""
        for st in statements:
            if st.content_start <= i < st.content_end and st.verb < i:
                return st
        return None
