"""`kg_dates`: date and clock-time expressions as token ranges.

`loaders.dates` finds and resolves the expressions on the raw text (relative words against the
publication date the caller put on `doc._.kg_published`); this component anchors them to tokens,
so the event and statement rules can ask which date sits in which clause.

Finding dates costs time in proportion to the text, and half the sentences of a report hold no
date at all. Every date expression has a digit, a Latin letter (English month names), or one of a
few words (month and weekday names, اليوم، أمس، غدا، الليلة، شهر، عام، سنة، أسبوع), so only
windows of a few words around one of those are searched — joined into one text, so the date finder
runs once, over a fraction of the article.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from loaders import dates as dates_module
from loaders.nlp.lexicon import norm_word
from loaders.nlp.records import DateRef, TimeRef, token_table

# Words without which no date expression can be written (folded, article kept and dropped):
# month and weekday names and the relative words, all from loaders/data/nlp/dates.json.
_WORDS = dates_module.WORDS
_DATE_WORDS = frozenset(
    norm_word(w) for w in [*_WORDS["month_words"], *_WORDS["weekdays"], *_WORDS["relative_words"], *_WORDS["months_en"]]
)
_HINT_CHARS = re.compile(r"[0-9٠-٩۰-۹A-Za-z]")
# A clock time needs "الساعة" or digits around a colon.
_CLOCK_HINT = re.compile(r"الساع|[0-9٠-٩][:.][0-9٠-٩]")
# Joins the searched sentences: no date pattern reads across it.
_JOINT = " ؛ "


# "العام" is a date only with a word that places it ("العام الماضي"); alone it is mostly "general"
# ("الأمين العام", "الرأي العام"), and a year written in digits is found by its digits.
_YEAR_WORDS = frozenset(norm_word(w) for w in _WORDS["year_words"])
_YEAR_PLACERS = frozenset(norm_word(w) for w in _WORDS["year_placers"])


# A date expression runs at most a few words either side of its hint words ("الخامس من شهر
# كانون الثاني/يناير 2020"), so the finder reads windows around them, not whole sentences.
_REACH = 8


def _date_windows(norms: list[str], texts: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """Token windows of a sentence around the words a date expression needs, merged."""
    hints: list[int] = []
    for k in range(start, end):
        norm = norms[k]
        if norm in _YEAR_WORDS:
            hint = k + 1 < end and norms[k + 1] in _YEAR_PLACERS
        else:
            hint = (
                norm in _DATE_WORDS
                or (norm.startswith("ال") and norm[2:] in _DATE_WORDS)
                or bool(_HINT_CHARS.search(texts[k]))
            )
        if hint:
            hints.append(k)
    return _windows(hints, start, end)


def _windows(hints: list[int], start: int, end: int) -> list[tuple[int, int]]:
    """Token windows of `_REACH` words around each hint, merged, inside start..end."""
    windows: list[tuple[int, int]] = []
    for k in hints:
        a, b = max(start, k - _REACH), min(end, k + _REACH + 1)
        if windows and a <= windows[-1][1]:
            windows[-1] = (windows[-1][0], b)
        else:
            windows.append((a, b))
    return windows


class DateAnnotator:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        table = token_table(doc)
        text = table.text if table is not None else doc.text
        if doc._.kg_sents is not None and table is not None:
            ends = [(table.offsets[e - 1] + len(table.texts[e - 1])) for _, e in doc._.kg_sents]
            sents = [(s, e, table.offsets[s], end) for (s, e), end in zip(doc._.kg_sents, ends, strict=True)]
        else:
            sents = [(sent.start, sent.end, sent.start_char, sent.end_char) for sent in doc.sents]
        if table is None:
            dated = sents
        else:
            ends = table.offsets
            dated = [
                (a, b, ends[a], ends[b - 1] + len(table.texts[b - 1]))
                for s, e, _, _ in sents
                for a, b in _date_windows(table.norms, table.texts, s, e)
            ]
        refs: list[DateRef] = []
        for start, end, d in _search(text, dated, lambda t: dates_module.find_dates(t, doc._.kg_published)):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                refs.append(DateRef(span.start, span.end, start, end, d.date, d.precision, d.relative))
        timed = [s for s in sents if _CLOCK_HINT.search(text, s[2], s[3])]
        if table is not None and timed:
            ends = table.offsets
            timed = [
                (a, b, ends[a], ends[b - 1] + len(table.texts[b - 1]))
                for s, e, _, _ in timed
                for a, b in _windows([k for k in range(s, e) if _CLOCK_HINT.search(table.texts[k])], s, e)
            ]
        times: list[TimeRef] = []
        for start, end, clock in _search(text, timed, lambda t: [(a, b, c) for a, b, c in dates_module.find_times(t)]):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                times.append(TimeRef(span.start, span.end, clock[2]))
        doc._.kg_dates = refs
        doc._.kg_times = times
        return doc


def _search(text: str, sents: list[tuple[int, int, int, int]], finder) -> list[tuple[int, int, object]]:  # noqa: ANN001
    """Run `finder` once over the chosen sentences joined, and map its hits back to `text`.

    `finder` returns objects with start/end (DateMention) or (start, end, value) tuples."""
    if not sents:
        return []
    pieces: list[tuple[int, int]] = []  # (start char in text, start char in the joined text)
    parts: list[str] = []
    offset = 0
    for _, _, s, e in sents:
        pieces.append((s, offset))
        parts.append(text[s:e])
        offset += e - s + len(_JOINT)
    out = []
    for hit in finder(_JOINT.join(parts)):
        hs, he = (hit.start, hit.end) if hasattr(hit, "start") else (hit[0], hit[1])
        base, joined_at = next(p for p in reversed(pieces) if p[1] <= hs)
        out.append((base + hs - joined_at, base + he - joined_at, hit))
    return out


@Language.factory("kg_dates", assigns=["doc._.kg_dates", "doc._.kg_times"], requires=["token.is_sent_start"])
def make_date_annotator(nlp: Language, name: str) -> DateAnnotator:
    return DateAnnotator(nlp, name)
