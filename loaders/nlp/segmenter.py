"""`kg_sentencizer`: sentence boundaries for news copy.

spaCy's `sentencizer` splits at punctuation only; news bodies also end a sentence with a line
break (headlines, list items, paragraphs without a full stop), and a quoted statement often runs
over several full stops that belong to one act of speech. So: a line break always ends a
sentence, and . ! ? ؟ end one unless a quotation is still open on the same line.
"""

from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from loaders.nlp import records  # noqa: F401  (registers doc._.kg_sents)

_ENDERS = frozenset({".", "!", "?", "؟", "…"})
_OPEN = frozenset({"«", "“"})
_CLOSE = frozenset({"»", "”"})
_BULLETS = frozenset({"•", "●", "▪", "‣", "⁃", "·"})


class Sentencizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        table = doc._.kg_tokens
        texts = table.texts if table is not None else [t.text for t in doc]
        spaces = table.space if table is not None else [t.is_space for t in doc]
        starts = [-1] * n
        start_next = True
        depth = 0  # open «…» / “…”
        straight = False  # inside "…"
        for i, text in enumerate(texts):
            if spaces[i]:
                # whitespace never starts a sentence; a line break ends the one before it
                if "\n" in text:
                    start_next, depth, straight = True, 0, False
                continue
            if start_next or text in _BULLETS:
                starts[i] = 1
            start_next = False
            if text.count('"') % 2:
                straight = not straight
            if text in _OPEN:
                depth += 1
            elif text in _CLOSE:
                depth = max(0, depth - 1)
            closed = depth == 0 and not straight
            if text in _ENDERS and closed:
                start_next = True
            elif closed and text in ('"', "»", "”") and i > 0 and texts[i - 1] in _ENDERS:
                start_next = True  # '... انتهى."' ends with the quote
        starts[0] = 1
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))
        # the bounds as plain pairs too: iterating doc.sents builds a Span per sentence every time
        firsts = [i for i, v in enumerate(starts) if v == 1]
        doc._.kg_sents = list(zip(firsts, firsts[1:] + [n], strict=True))
        return doc


@Language.factory("kg_sentencizer", assigns=["token.is_sent_start", "doc._.kg_sents"])
def make_sentencizer(nlp: Language, name: str) -> Sentencizer:
    return Sentencizer(nlp, name)
