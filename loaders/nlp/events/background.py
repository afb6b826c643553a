"""Background clauses ('ردا على ...', 'بعد يومين من ...'): other events, told in passing."""

from __future__ import annotations

from loaders.nlp.clauses import DocIndex
from loaders.nlp.events.vocabulary import (
    _BOUNDARIES,
    _NO_TOKENS,
    EventContext,
)


class BackgroundRules(EventContext):
    def _background_spans(self, idx: DocIndex, s: int, e: int) -> list[tuple[int, int]]:
        """Clauses that name another time or another event: time and response clauses ("منذ مطلع
        العام،", "ردا على القصف ...", "بعد ثلاثة أيام من التفجير", "غداة مقتل ..."), what people
        are held for ("بتهمة التخطيط لتفجيرات ..."), and "the war on X". An event named there is
        a background event; its places, dates and casualties are not those of the others."""
        out: list[tuple[int, int]] = []
        heads = self.vocab._span_heads
        norms = idx.norms
        k = s
        while k < e:
            norm = norms[k]
            if norm not in heads:
                k += 1
                continue
            nxt = idx.norm(k + 1)
            opens = (
                norm in self.vocab.time_heads
                or norm in self.vocab.charge_heads
                or (norm in ("بعد", "قبل") and (nxt in self.vocab.onset_words or self._span_of_time(idx, k + 1, e)))
                or (norm in self.vocab.response_nouns and self._response_to(idx, k + 1, e))
            )
            if opens and norm in self.vocab.cause_heads and self._casualties_caused(idx, s, k):
                k += 1  # "استشهد 6 جنود إثر قصف ...": the event the dead were killed in
                continue
            if opens:
                j = k + 1
                while j < e and idx.norms[j] not in _BOUNDARIES and idx.texts[j] != ".":
                    if idx.texts[j] in ("،", ","):
                        if idx.norm(j + 1) in self.vocab.sublist_words:
                            j += 1  # "ردا على اعتداءات ...، منها قصف X": the list goes on
                            continue
                        close = self._parenthetical(idx, j, e)
                        if close is None:
                            break
                        j = close + 1  # "بعد قصف، صباح الخميس، على ...": an aside between commas
                        continue
                    j += 1
                if norm in self.vocab.suspicion_words:
                    # "مسلحون يشتبه في أنهم من X": who they are thought to be, not what for
                    j = self._membership_end(idx, k + 1, j) or j
                out.append((k, j))
                if norm in self.vocab.charge_heads:
                    self._charged.update(range(k, j))
                k = j
                continue
            if norm in ("الحرب", "العدوان", "حرب") and nxt in ("علي", "في"):
                out.append((k + 2, k + 3))
            k += 1
        return out

    def _casualties_caused(self, idx: DocIndex, s: int, k: int) -> bool:
        """The clause before 'إثر'/'عقب' at k tells dead or wounded and names no event of its own
        ("أفادت القيادة باستشهاد 6 وإصابة 12، إثر العدوان ..."): what follows is the event they
        fell in, the sentence's own, not an earlier one told in passing."""
        start = k
        while start > s and idx.norms[start - 1] not in _BOUNDARIES:
            start -= 1
        told = False
        for j in range(start, k):
            norm = idx.norms[j]
            trig = self.lex.triggers.get(norm)
            if trig is not None and trig.cls not in ("weapon_verb", "claimed_killing") and idx.cover[j] is None:
                return False  # (a verb of killing is an act of its own only with a weapon for subject)
            told = told or norm in self.vocab.killed or norm in self.vocab.injured
        return told

    def _membership_end(self, idx: DocIndex, k: int, e: int) -> int | None:
        """'(يشتبه) في أنهم من X', 'بانتمائهم إلى X': the end of X, else None."""
        j = k
        while j < e and j - k < 4 and idx.norms[j] in self.vocab.membership_words:
            j += 1
        if idx.norm(j) == "من" or (j > k and idx.norms[j - 1] == "الي"):
            m = idx.starts.get(j + 1 if idx.norm(j) == "من" else j)
            if m is not None and idx.actor_of(m):
                return m.end
        return None

    def _response_to(self, idx: DocIndex, k: int, e: int) -> bool:
        """'رده (لليوم الثاني على التوالي) على المجزرة': 'على' what it answers, within a few words
        ('على التوالي' is 'in a row')."""
        for j in range(k, min(e, k + 6)):
            if idx.texts[j] in ("،", ",", "."):
                return False
            if idx.norms[j] == "علي" and idx.norm(j + 1) != "التوالي":
                return True
        return False

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
            if idx.norms[r] in self.vocab.relatives:
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
                return j > k and (idx.norm(k) in self.vocab.duration_words or idx.norm(k).isdigit())
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
