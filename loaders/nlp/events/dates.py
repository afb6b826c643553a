"""When: the finest date written in the event's clause, or the date of the statement reporting it."""

from __future__ import annotations

from loaders.nlp.clauses import DocIndex
from loaders.nlp.events.vocabulary import (
    _NOT_DATES_AFTER,
    EventContext,
)
from loaders.nlp.records import EventRecord, StatementRecord


class DateRules(EventContext):
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
