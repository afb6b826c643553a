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
if not Doc.has_extension("kg_en_layout"):
    Doc.set_extension("kg_en_layout", default=None)

_STATE_SIDE = frozenset({"state", "government", "military", "diplomatic_mission", "person"})
_DASHES = frozenset({"-", "--", "—", "–", "/"})
_DATELINE_WORDS = 14
#: Words a title-case headline leaves in lower case ("Strikes on Bases in Syria").
_MINOR_WORDS = frozenset(
    "a an the and or but nor of in on at to for by with from as into over vs via per al el bin ibn".split()
)


def line_starts(table: TokenTable) -> set[int]:
    """Tokens that open a line of the copy."""
    n = len(table.texts)
    out = {0}
    for i, t in enumerate(table.texts):
        if "\n" in t and i + 1 < n:
            k = i + 1
            while k < n and table.space[k]:
                k += 1
            out.add(k)
    return out


def dateline_spans(table: TokenTable) -> list[tuple[int, int]]:
    """Where the copy was filed, at the opening of a line: a place in capitals, an agency in
    brackets or a date, up to a dash ("BAGHDAD, Jan 5 (Reuters) -", "ERBIL, Kurdistan Region
    (Kurdistan24) –", "Nov. 8 (UPI) --", "WASHINGTON (AP) —", "Shafaq News /"). (start, end):
    end is the token after the dash. Nothing in it is the place, date or subject of the news."""
    texts, norms, space = table.texts, table.norms, table.space
    n = len(texts)
    out: list[tuple[int, int]] = []
    for start in sorted(line_starts(table)):
        if start >= n or not texts[start][:1].isalnum():
            continue
        words = 0
        k = start
        bracketed = False
        while k < n and words <= _DATELINE_WORDS and "\n" not in texts[k]:
            t = texts[k]
            if not space[k]:
                words += 1
                if t == "(":
                    bracketed = True
                end_char = table.offsets[k] + len(t)
                if t in _DASHES and k > start and table.text[end_char : end_char + 1].isspace():
                    head = texts[start]
                    lower = [w for w in range(start, k) if texts[w][:1].islower() and norms[w] not in _MINOR_WORDS]
                    opener = (head.isupper() and len(head) > 2) or bracketed or (t == "/" and words <= 4)
                    if opener and not lower:
                        out.append((start, k + 1))
                    break
                if t in (".", "!", "?", ":", ";", '"', "“") and not (
                    t == "." and k > start and texts[k - 1][:1].isupper()
                ):
                    break
            k += 1
    return out


def title_case_sentences(table: TokenTable, sents: list[tuple[int, int]]) -> set[int]:
    """Starts of the sentences written in title case, as headlines are ("US Strikes Kill Two
    Commanders In Baghdad"): there a capital letter marks no name."""
    out: set[int] = set()
    for s, e in sents:
        major = [
            k
            for k in range(s, e)
            if not table.space[k] and table.texts[k][:1].isalpha() and table.norms[k] not in _MINOR_WORDS
        ]
        if len(major) < 4 or all(table.texts[k].isupper() for k in major):
            continue  # too short to tell, or a line in capitals
        if all(table.texts[k][:1].isupper() for k in major):
            out.add(s)
    return out


def link_sentences(table: TokenTable, sents: list[tuple[int, int]], labels: list[tuple[str, ...]]) -> set[int]:
    """Starts of the sentences that are links to other reports ("Read more: ...", "RELATED: ...",
    "See also - ..."): what they say belongs to another article."""
    out: set[int] = set()
    for s, e in sents:
        words = [k for k in range(s, e) if not table.space[k]]
        norms = [table.norms[k].lower() for k in words]
        for label in labels:
            n = len(label)
            if tuple(norms[:n]) == label and (len(norms) == n or norms[n] in (":", "|", "-", "»", ">", "→", "–", "—")):
                out.add(s)
                break
    return out


@dataclass
class SentenceIndex:
    """`doc._.kg_index` for English docs: the sentence bounds `loaders.extract` reads."""

    sents: list[tuple[int, int]]


@dataclass
class Layout:
    """`doc._.kg_en_layout`, set by the entity resolver: the parts of the copy that are not
    running news text (datelines, title-case headlines, links to other reports)."""

    datelines: list[tuple[int, int]] = field(default_factory=list)
    headlines: set[int] = field(default_factory=set)  # sentence starts
    links: set[int] = field(default_factory=set)  # sentence starts

    def dateline_end(self, s: int, e: int) -> int:
        """Where the news of sentence s..e starts, after a dateline that opens it."""
        return max((b for a, b in self.datelines if s <= a < e), default=s)

    def in_dateline(self, i: int) -> bool:
        return any(a <= i < b for a, b in self.datelines)


@dataclass
class DocView:
    """Plain lists over one doc, built once per component call (components keep no doc state)."""

    doc: Doc
    table: TokenTable
    sents: list[tuple[int, int]]
    mentions: list[EntityMention]
    quotes: list[tuple[int, int]] = field(default_factory=list)  # (open, close) token indexes
    layout: Layout = field(default_factory=Layout)
    _starts: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc) -> DocView:
        table: TokenTable = doc._.kg_tokens
        sents = doc._.kg_sents or [(0, len(doc))]
        mentions = sorted(doc._.kg_entities or [], key=lambda m: (m.start, -m.end))
        view = cls(doc, table, sents, mentions, layout=doc._.kg_en_layout or Layout())
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
