"""Where: the most specific place of the event's clause, and one act at several listed places."""

from __future__ import annotations

from dataclasses import replace

from loaders.nlp.clauses import DocIndex
from loaders.nlp.events.vocabulary import (
    _BOUNDARIES,
    _LOCALITY_KINDS,
    _QUOTES,
    _VIOLENT,
    EventContext,
)
from loaders.nlp.records import EntityMention, EventRecord


class PlaceRules(EventContext):
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
        comma_only: list[str] = []  # places after the first joined to it by a comma alone
        for k in range(start, end):
            norm = idx.norms[k]
            if norm in self.vocab.sublist_words and found:
                j = k + 1
                while j < end and idx.texts[j] not in ("،", ",", ".") and idx.norms[j] not in _BOUNDARIES:
                    j += 1
                sublist_until = j
            m = idx.starts.get(k)
            if m is None or k < sublist_until or k in background or k in self._dateline:
                continue
            if self._other_event_between(i, k, etype, background):
                continue
            if idx.norm(k - 1) == "من" and idx.norm(k - 2) not in self.vocab.near_words:
                continue  # the launch site
            if "ل" in idx.clitic_of(k) or self._reference_point(idx, k):
                continue
            pid = self._place_of(m)
            if pid is None or self._rank(pid) > 3 or pid in found:
                continue
            if found and not self._coordinated_place(idx, last_end, k):
                continue  # "طريق بغداد كركوك": one name made of two, not two places
            if found and not self._joined(idx, last_end, k):
                comma_only.append(pid)
            found.append(pid)
            last_end = m.end
        if len(found) == 2 and comma_only == found[1:]:
            # "مستعمرة شوميرا، بلدة طربيخا المحتلة": a second name of the first place, in
            # apposition; a list joins its last item with و
            found = found[:1]
        return [p for p in found if not any(q != p and self._contains(p, q) for q in found)]

    def _joined(self, idx: DocIndex, after: int, k: int) -> bool:
        """A conjunction or 'إضافة إلى' (not a comma alone) between the last place and token k."""
        return any(
            idx.clitics[j].startswith("و") or idx.norms[j] in self.vocab.list_joiners for j in range(after, k + 1)
        )

    def _coordinated_place(self, idx: DocIndex, after: int, k: int) -> bool:
        """A conjunction, a comma or 'إضافة إلى' between the last place listed and token k."""
        for j in range(after, k + 1):
            if idx.clitics[j].startswith("و") or idx.norms[j] in self.vocab.list_joiners or idx.texts[j] in ("،", ","):
                return True
        return False

    def _reference_point(self, idx: DocIndex, k: int) -> bool:
        """'ناحية العظيم شمالي بعقوبة', 'معسكر التاجي بمحيط العاصمة': a place right after another
        place and a direction or proximity word locates that place; it is not another one hit."""
        near = self.vocab.direction_words | self.vocab.near_words
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
            if part.group_only and self._rank(pid) <= 2:
                part.group_only = False
            out.append(part)
        return out

    def _attach_localities(self, idx: DocIndex) -> None:
        """Give each discovered locality the gazetteer place written right after it as its parent:
        "بلدة يارون جنوب لبنان", "بلدة كويسانجا بمدينة أربيل", "قرية X التابعة لقضاء رانية", "قرية X
        شمالي بغداد" (north of the city: in the city's governorate)."""
        for m in idx.mentions:
            found = self._discovered.get(m.place_id or "") if m.source == "discovered" else None
            if found is None or found.located_in:
                continue
            parent = self._place_after(idx, m.end)
            if parent is not None:
                found.located_in.append(parent)

    def _place_after(self, idx: DocIndex, j: int) -> str | None:
        """The gazetteer place starting at token j, after at most two linking words (في، التابعة،
        قرب, a direction) and quotes."""
        direction = False
        links = 0
        while j < idx.n and links <= 2:
            m = idx.starts.get(j)
            if m is not None:
                pid = m.place_id if m.place_id in self.gaz.places else None
                if pid is None and m.actor_id in self.gaz.places:
                    pid = m.actor_id  # a country written as its state
                if pid is None or m.source == "discovered":
                    return None
                if direction and self.gaz.place_rank(pid) <= 2:
                    # outside the city it is north of: within what holds the city
                    pid = next(iter(self.gaz.places[pid].get("located_in") or []), pid)
                return pid
            norm = idx.norms[j]
            if idx.texts[j] in _QUOTES:
                j += 1
                continue
            if norm not in self.vocab.locality_links and norm not in self.vocab.direction_words:
                return None
            direction = direction or norm in self.vocab.direction_words
            links += 1
            j += 1
        return None

    # ------------------------------------------------------------------ attributes
    def _place_of(self, m: EntityMention) -> str | None:
        """The place a mention names: a gazetteer place, or a discovered locality ("بلدة يارون";
        a discovered facility or base is named only for itself, so its town places the event)."""
        if m.source == "discovered":
            found = self._discovered.get(m.place_id or "")
            return m.place_id if found is not None and found.kind in _LOCALITY_KINDS else None
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
            if before == "من" and not self._near_or_part(idx, m.start):
                continue  # the launch site, not where it hit
            if etype != "visit" and "ل" in idx.clitic_of(m.start):
                continue  # "صلة لطهران": for someone, not somewhere
            key = (self._rank(pid), 0 if m.start > i else 1, abs(m.start - i), pid)
            if best is None or key[:3] < best[:3]:
                best = (key[0], key[1], abs(m.start - i), pid)  # type: ignore[assignment]
        return best[3] if best else country  # type: ignore[index]

    def _near_or_part(self, idx: DocIndex, k: int) -> bool:
        """'من' before the place at k follows a word of nearness ("بالقرب من X") or of parts
        ("مناطق (متفرقة) من X", "أنحاء من X"): X is where it happened, not where it came from."""
        if idx.norm(k - 2) in self.vocab.near_words:
            return True
        return idx.norm(k - 2) in self.vocab.place_part_words or idx.norm(k - 3) in self.vocab.place_part_words

    def _target_in(self, idx: DocIndex, i: int, k: int) -> bool:
        """'ضربات على أهداف (للحوثيين) في اليمن': the country where the struck targets lie."""
        if idx.norm(k - 1) != "في":
            return False
        return any(
            idx.norm(j - 1) in ("علي", "ضد") and idx.norm(j) in self.vocab.target_nouns
            for j in range(max(i + 1, k - 5), k)
        )
