"""Several mentions of one event make one event (same type, nested places, agreeing dates)."""

from __future__ import annotations

from loaders.nlp.events.vocabulary import (
    _LAUNCHED_WEAPONS,
    _VIOLENT,
    EventContext,
    dates_agree,
    violent_type,
)
from loaders.nlp.records import EventRecord, StatementRecord

# a compass side: the coordinate it runs along and the sign of the offset from the centre
_SIDES = {"north": ("lat", 1), "south": ("lat", -1), "east": ("lon", 1), "west": ("lon", -1)}


class MergeRules(EventContext):
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
        if a.type != b.type and not (a.type in _VIOLENT and b.type in _VIOLENT):
            return False
        if a.type != b.type and not same_sentence and (not (a.place and b.place) or a.ground or b.ground):
            # an attack and a strike told apart: one only where both are placed, and neither was
            # fired from the ground ("سقطت صواريخ على القاعدة" is not the strike on it)
            return False
        if a.type in _VIOLENT and b.type in _VIOLENT and self._opposed(a, b):
            return False  # a state's strike and a group's rocket attack on one town: two acts
        if a.place and b.place and not (a.group_only and self._rank(a.place) > 3):
            # any place either was told at: "غارات على صنعاء" then "قصف استهدف منطقة النهدين"
            # then "ومنطقة جربان" are one raid, though the first place was narrowed to the second
            # (a town or narrower: a country or province told first would take in every other
            # strike in it)
            told_a = [a.place, *(p for p in a.places_told if self._rank(p) <= 2)]
            told_b = [b.place, *(p for p in b.places_told if self._rank(p) <= 2)]
            if not any(self._nested(x, y) for x in told_a for y in told_b):
                return False
        if a.date and b.date and a.date_strength == 2 and b.date_strength == 2:
            return dates_agree(a.date, b.date, slack=0)
        return True

    def _nested(self, x: str, y: str) -> bool:
        """One place inside the other; a compass region of a country ("شرق سوريا", "جنوب لبنان")
        holds the places of that country on its side, since where its edge runs is nowhere
        written: a place with coordinates must lie on that side of the country's centre."""
        if self._contains(x, y) or self._contains(y, x):
            return True
        for region, other in ((x, y), (y, x)):
            if self._rank(region) == 3.5 and region in self.gaz.places:
                country = self.gaz.country_of_place(region)
                if country is not None and country != region and self._country(other) == country:
                    return self._on_side(region, other, country)
        return False

    def _on_side(self, region: str, place: str, country: str) -> bool:
        """Whether `place` can lie in the compass region `region` of `country` ("غرب العراق"):
        its coordinates, or those of the nearest place holding it, are on that side of the
        country's; a place of unknown position may be anywhere."""
        side = _SIDES.get(self.vocab.compass_side(self.gaz.places[region].get("name_ar", "")) or "")
        if side is None:
            return False  # a region named otherwise ("إقليم كردستان") holds what the gazetteer says
        centre = self.gaz.places.get(country, {})
        for pid in [place, *self.gaz.place_ancestors(place)] if place in self.gaz.places else []:
            entry = self.gaz.places.get(pid, {})
            if pid == country or entry.get("kind") == "country":
                break
            if entry.get("lat") is None or entry.get("lon") is None:
                continue
            if centre.get("lat") is None or centre.get("lon") is None:
                return True
            axis, sign = side
            delta = entry[axis] - centre[axis]
            return delta * sign > 0
        return True

    def _opposed(self, a: EventRecord, b: EventRecord) -> bool:
        """Two sides: an armed group did one and a state the other, none shared; or who did one
        was hit by the other ("استهدفت القواعد الأمريكية" is not the American strike)."""
        if set(a.perpetrators) & set(b.targets) or set(b.perpetrators) & set(a.targets):
            return True
        if not a.perpetrators or not b.perpetrators or set(a.perpetrators) & set(b.perpetrators):
            return False
        kind = self._idx.actor_kind
        ka, kb = {kind(x) for x in a.perpetrators}, {kind(x) for x in b.perpetrators}
        return ("armed_group" in ka) != ("armed_group" in kb)

    def _unplaced(self, place_id: str) -> bool:
        """A discovered locality nothing written next to it places."""
        found = self._discovered.get(place_id)
        return found is not None and not found.located_in and place_id not in self.gaz.places

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
        if a.place and b.place and not (self._unplaced(a.place) or self._unplaced(b.place)):
            ca, cb = self._country(a.place), self._country(b.place)
            if ca is None or ca != cb:
                return False
        if a.date and b.date and a.date_strength == 2 and b.date_strength == 2:
            return dates_agree(a.date, b.date)
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
        rank = self._rank(ev.place)
        return rank <= 3 and (group.place is None or rank < self._rank(group.place))

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
                elif ev.casualties and ev.date_strength == 2 and (ev.perpetrators or ev.targets):
                    ev.group_only = False  # "قتل شخصان الأربعاء في غارات تركية على X": told by its dead
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
        if ev.type in _VIOLENT and group.type in _VIOLENT:
            ev.told_as = ev.told_as + [t for t in group.told_as if t not in ev.told_as]
            ev.type = violent_type(self._idx, ev.told_as, ev.perpetrators, ev.weapon)

    def _absorb(self, root: EventRecord, ev: EventRecord, m: int) -> None:
        """Fold event `ev` into `root` (index m): the most specific place, the firmest date."""
        ev.merged_into = m
        root.mentions += ev.mentions
        for told in [root.place, *ev.places_told, ev.place]:
            if told and told not in root.places_told:
                root.places_told.append(told)
        if ev.place and root.place and self._unplaced(ev.place) and root.place in self.gaz.places:
            # "هاجم مسلحون ثكنة في محافظة ديالى" ... "الهجوم وقع في حي العظيم": the locality
            # the same event is placed at lies in the place it was first told at
            self._discovered[ev.place].located_in.append(root.place)
        if ev.place and (root.place is None or self._rank(ev.place) < self._rank(root.place)):
            root.place = ev.place
        if ev.date and (ev.date_strength > root.date_strength or root.date is None):
            root.date, root.date_precision, root.date_strength = ev.date, ev.date_precision, ev.date_strength
        elif ev.date and root.date and ev.date_strength == root.date_strength == 1 and ev.date < root.date:
            # both only the dates of statements telling of it: a statement comes after what it
            # tells, so the earlier one is nearer the act
            root.date, root.date_precision = ev.date, ev.date_precision
        for p in ev.perpetrators:
            if p not in root.perpetrators:
                root.perpetrators.append(p)
        for t in ev.targets:
            if t not in root.targets and t not in root.perpetrators:
                root.targets.append(t)
        if root.weapon is None or (root.weapon == "drone" and ev.weapon in _LAUNCHED_WEAPONS):
            root.weapon = ev.weapon or root.weapon  # "بطائرات مسيرة" then "وصواريخ باليستية": the missiles
        for attr in ("count", "killed", "injured", "time"):
            if getattr(root, attr) is None:
                setattr(root, attr, getattr(ev, attr))
        root.past = root.past and ev.past
        root.told_as = root.told_as + [t for t in ev.told_as if t not in root.told_as]
        root.ground = root.ground or ev.ground
        if root.type in _VIOLENT and ev.type in _VIOLENT:
            # one act told twice ("مقتل ... بغارة", "الضربات" after "استهدفت"): its type is decided
            # once, from all it is told with
            root.type = violent_type(self._idx, root.told_as, root.perpetrators, root.weapon)
