"""What a report says of an attack: weapon, number of projectiles or strikes, killed and injured."""

from __future__ import annotations

from loaders.nlp.clauses import DocIndex
from loaders.nlp.events.vocabulary import (
    _UNIT_PLURAL,
    EventContext,
)
from loaders.nlp.lexicon import Trigger


class DetailRules(EventContext):
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
            if norm not in self.vocab.projectiles:
                continue
            if norm in self.vocab.dual_projectiles:
                return 2, multiple
            for back in (1, 2):
                n = self._number(idx, k - back)
                if n is not None and (
                    back == 1
                    or idx.norm(k - 1) in self.vocab.approx
                    or idx.norm(k - 2) in self.vocab.approx
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

    def _casualties_told(self, idx: DocIndex, i: int, start: int, end: int) -> bool:
        """Dead or wounded told in the clause, with or without a number ("أسفر عن سقوط قتلى
        وجرحى", "عدد من القتلى"); not denied ("دون وقوع إصابات")."""
        background = self._background(idx, i, start, end)
        for k in self._cues["killed"] + self._cues["injured"]:
            if start <= k < end and k not in background:
                if not any(idx.norm(j) in ("لم", "دون", "بدون", "عدم", "اي") for j in range(max(start, k - 4), k)):
                    return True
        return False

    def _casualties(self, idx: DocIndex, i: int, start: int, end: int, cues: frozenset[str]) -> int | None:
        """'مقتل 6', 'إصابة مدنيين', 'إصابة رجل وطفل', 'أربعة حراس قتلوا', 'أودى بحياة 9'."""
        positions = self._cues["killed" if cues is self.vocab.killed else "injured"]
        if not any(start <= k < end for k in positions):
            return None
        other = self.vocab.casualty_others.get(id(cues))
        if other is None:
            other = (self.vocab.killed | self.vocab.injured) - cues
        background = self._background(idx, i, start, end)
        for k in positions:
            if k < start or k >= end or k in background:
                continue
            if any(idx.norm(j) in ("لم", "دون", "بدون", "عدم", "اي") for j in range(max(start, k - 4), k)):
                continue
            verb = idx.norm(k) in self.vocab.casualty_verbs
            if verb:
                ahead = self._number(idx, k + 1)
                if ahead is None and idx.norm(k + 1) in self.vocab.approx:
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
                if norm in self.vocab.dual_people:
                    people += 2
                elif norm in self.vocab.single_people:
                    people += 1
                elif norm in self.vocab.people:  # a plural with no number: "مقتل مدنيين كثر"
                    return self._number(idx, j + 1)  # ... unless it follows: "إصابة منتسبين اثنين"
                elif norm in ("بجروح", "من", "عن", "ب", "بحياه", "الي") or idx.punct[j]:
                    if people:
                        break
                elif people:
                    break
            if people:
                return people
            dying = idx.norm(k) in self.vocab.death_nouns
            if (verb and not idx.clitics[k].startswith("و")) or dying:
                # the subject before the verb: "أربعة حراس قتلوا", "شرطيا أصيب"
                # ("وجرح" opens a clause of its own: what stands before it is not its subject);
                # before the noun of death, after its verb: "لقي شخصان حتفهما"
                named = 0
                for j in range(k - 1, max(start - 1, k - 5), -1):
                    n = self._number(idx, j)
                    if n is not None:
                        return n
                    if idx.punct[j] or idx.norm(j) in other or (dying and idx.norm(j) in self.vocab.casualty_verbs):
                        break
                    if idx.norm(j) in self.vocab.dual_people:
                        named = named or 2
                    elif idx.norm(j) in self.vocab.single_people and not (
                        j > start and (self._number(idx, j - 1) or idx.norm(j - 1) in self.vocab.approx)
                    ):
                        named = named or 1
                if named:
                    return named
        return None
