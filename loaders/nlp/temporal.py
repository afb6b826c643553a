"""`kg_dates`: date and clock-time expressions as token ranges.

`loaders.dates` finds and resolves the expressions on the raw text (relative words against the
publication date the caller put on `doc._.kg_published`); this component anchors them to tokens,
so the event and statement rules can ask which date sits in which clause.

Finding dates costs time in proportion to the text, and half the sentences of a report hold no
date at all. Every date expression has a digit, a Latin letter (English month names), or one of a
few words (month and weekday names, اليوم، أمس، غدا، الليلة، شهر، عام، سنة، أسبوع), so only
sentences with one of those are searched — joined into one text, so the date finder runs once.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from loaders import dates as dates_module
from loaders.nlp.lexicon import norm_word
from loaders.nlp.records import DateRef, TimeRef

# Words without which no date expression can be written (folded, article kept and dropped).
_DATE_WORDS = frozenset(
    norm_word(w)
    for w in """
كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين يناير فبراير فيفري مارس أبريل إبريل أفريل مايو
يونيو يونيه جوان يوليو يوليه جويلية أغسطس أوت سبتمبر أكتوبر نوفمبر نونبر ديسمبر دجنبر جانفي
الاثنين الثلاثاء الثلاثا الأربعاء الأربعا الخميس الجمعة السبت الأحد
اليوم الليلة أمس الأمس البارحة غد غدا الغد شهر الشهر عام العام سنة السنة الأسبوع
""".split()
)
_HINT_CHARS = re.compile(r"[0-9٠-٩۰-۹A-Za-z]")
# A clock time needs "الساعة" or digits around a colon.
_CLOCK_HINT = re.compile(r"الساع|[0-9٠-٩][:.][0-9٠-٩]")
# Joins the searched sentences: no date pattern reads across it.
_JOINT = " ؛ "


def _has_date_word(norms: list[str], texts: list[str], start: int, end: int) -> bool:
    for k in range(start, end):
        norm = norms[k]
        if norm in _DATE_WORDS or (norm.startswith("ال") and norm[2:] in _DATE_WORDS) or _HINT_CHARS.search(texts[k]):
            return True
    return False


class DateAnnotator:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        table = doc._.kg_tokens
        text = table.text if table is not None else doc.text
        sents = [(sent.start, sent.end, sent.start_char, sent.end_char) for sent in doc.sents]
        dated = [s for s in sents if table is None or _has_date_word(table.norms, table.texts, s[0], s[1])]
        refs: list[DateRef] = []
        for start, end, d in _search(text, dated, lambda t: dates_module.find_dates(t, doc._.kg_published)):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                refs.append(DateRef(span.start, span.end, start, end, d.date, d.precision, d.relative))
        timed = [s for s in sents if _CLOCK_HINT.search(text, s[2], s[3])]
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
