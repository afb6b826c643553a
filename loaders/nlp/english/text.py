"""What the English rule components share: a per-document view of tokens, sentences, quotes and
mentions, and the gazetteer's notion of one side (an actor, its parents, its state)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc

from loaders.nlp.gazetteer import Gazetteer
from loaders.nlp.records import EntityMention, TokenTable

if not Doc.has_extension("kg_index"):
    Doc.set_extension("kg_index", default=None)

_STATE_SIDE = frozenset({"state", "government", "military", "diplomatic_mission", "person"})


@dataclass
class SentenceIndex:
    """`doc._.kg_index` for English docs: the sentence bounds `loaders.extract` reads."""

    sents: list[tuple[int, int]]


@dataclass
class DocView:
    """Plain lists over one doc, built once per component call (components keep no doc state)."""

    doc: Doc
    table: TokenTable
    sents: list[tuple[int, int]]
    mentions: list[EntityMention]
    quotes: list[tuple[int, int]] = field(default_factory=list)  # (open, close) token indexes
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        table: TokenTable = doc._.kg_tokens
        sents = doc._.kg_sents or [(0, len(doc))]
        mentions = sorted(doc._.kg_entities or [], key=lambda m: (m.start, -m.end))
        view = cls(doc, table, sents, mentions)
        view._starts = [m.start for m in mentions]
        view.quotes = view._pair_quotes()
        return view

    @property
    def norms(self) -> list[str]:
        return self.table.norms

    @property
    def texts(self) -> list[str]:
        return self.table.texts

    def _pair_quotes(self) -> list[tuple[int, int]]:
        out: list[tuple[int, int]] = []
        for s, e in self.sents:
            opened: int | None = None
            for i in range(s, e):
                t = self.table.texts[i]
                if t in ("“", "«") or (t == '"' and opened is None):
                    if opened is None:
                        opened = i
                elif t in ("”", "»", '"') and opened is not None:
                    out.append((opened, i))
                    opened = None
            if opened is not None:
                out.append((opened, e))  # a quote that runs on past the sentence
        return out

    def in_quote(self, i: int) -> tuple[int, int] | None:
        for a, b in self.quotes:
            if a < i < b:
                return (a, b)
        return None

    def words(self, a: int, b: int) -> list[int]:
        """Token indexes a..b that are not whitespace."""
        space = self.table.space
        return [i for i in range(max(a, 0), min(b, len(space))) if not space[i]]

    def prev_word(self, i: int) -> int | None:
        k = i - 1
        while k >= 0 and self.table.space[k]:
            k -= 1
        return k if k >= 0 else None

    def next_word(self, i: int) -> int | None:
        k = i + 1
        while k < len(self.table.space) and self.table.space[k]:
            k += 1
        return k if k < len(self.table.space) else None

    def mentions_in(self, a: int, b: int) -> list[EntityMention]:
        lo = bisect.bisect_left(self._starts, a)
        return [m for m in self.mentions[lo:] if m.start < b and m.end <= b]

    def mention_at(self, i: int) -> EntityMention | None:
        lo = bisect.bisect_left(self._starts, max(0, i - 12))
        for m in self.mentions[lo:]:
            if m.start > i:
                break
            if m.start <= i < m.end:
                return m
        return None

    def sentence_of(self, i: int) -> tuple[int, int]:
        for s, e in self.sents:
            if s <= i < e:
                return s, e
        return self.sents[-1]

    def phrase_at(self, i: int, phrase: tuple[str, ...]) -> bool:
        """Whether the words from i on (whitespace skipped) are `phrase`."""
        k: int | None = i
        for word in phrase:
            if k is None or self.table.norms[k] != word:
                return False
            k = self.next_word(k)
        return True

    def phrase_end(self, i: int, phrase: tuple[str, ...]) -> int:
        k = i
        for _ in phrase[1:]:
            nxt = self.next_word(k)
            k = nxt if nxt is not None else k
        return k + 1


def state_of(gaz: Gazetteer, actor_id: str | None) -> str | None:
    """The state an actor of a state's side belongs to (itself for a state)."""
    entry = gaz.actors.get(actor_id or "")
    if entry is None or entry.get("kind") not in _STATE_SIDE:
        return None
    if entry.get("kind") == "state":
        return actor_id
    return gaz.state_actor(entry.get("country"))


def same_side(gaz: Gazetteer, a: str | None, b: str | None) -> bool:
    """One actor, one inside the other (a ministry and its government), or two organs or
    officials of one state."""
    if a is None or b is None:
        return False
    if a == b or a in gaz.actor_ancestors(b) or b in gaz.actor_ancestors(a):
        return True
    sa, sb = state_of(gaz, a), state_of(gaz, b)
    return sa is not None and sa == sb


def actor_kind(gaz: Gazetteer, doc: Doc, actor_id: str | None) -> str | None:
    entry = gaz.actors.get(actor_id or "")
    if entry is not None:
        return entry.get("kind")
    found = (doc._.kg_discovered or {}).get(actor_id or "")
    return found.kind if found is not None else None
