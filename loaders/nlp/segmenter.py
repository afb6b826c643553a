"""`kg_sentencizer`: sentence boundaries for news copy.

spaCy's `sentencizer` splits at punctuation only; news bodies also end a sentence with a line
break (headlines, list items, paragraphs without a full stop), and a quoted statement often runs
over several full stops that belong to one act of speech. So . ! ? ؟ end a sentence unless a
quotation is still open on the same line, and a line break ends one too, unless it is a break
inside a sentence:
- the line stops on a word that cannot end a sentence (a preposition, a conjunction, "أن",
  a relative pronoun) or on a comma, or the next line opens with a comma or a closing bracket;
- the text is hard-wrapped: most single line breaks inside its paragraphs follow a long line with
  no final punctuation (copy pasted from a print layout or an e-mail).
A blank line, a list bullet and a line that ends with final punctuation always end the sentence.
A full stop glued to the next word ('والشرطة.وصرح') is a sentence end like any other (the tokenizer
splits it off); one after a single letter ('د.') is an abbreviation.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from loaders.nlp.clauses import PREPOSITIONS
from loaders.nlp.lexicon import norm_word
from loaders.nlp.records import token_table  # (importing records registers doc._.kg_sents)

_ENDERS = frozenset({".", "!", "?", "؟", "…"})
_OPEN = frozenset({"«", "“"})
_CLOSE = frozenset({"»", "”"})
_BULLETS = frozenset({"•", "●", "▪", "‣", "⁃", "·"})
_LIST_MARKS = _BULLETS | {"*", "-", "–", "—", "|"}
# Words a sentence cannot stop on: a line that ends with one goes on on the next line.
_CONTINUERS = PREPOSITIONS | frozenset(
    norm_word(w) for w in "و ف ثم أو أم أن إن بأن لأن أنه أنها إنه إنها الذي التي الذين اللذين اللتين ما".split()
)
_LINE_JOINERS = frozenset({"،", ",", "؛", "(", "«", "“", "["})
_LINE_OPENERS = frozenset({"،", ",", ")", "»", "”", "]"})
_WRAP_MIN_CHARS = 50  # a wrapped line is long; a headline or a byline is short
_FINAL = _ENDERS | {":", '"', "»", "”", ")"}


def _wrapped(text: str) -> bool:
    """Hard-wrapped copy: at least three single line breaks inside paragraphs, and two thirds of
    them after a long line with no final punctuation (and not before a list item)."""
    lines = text.split("\n")
    breaks = wrapped = 0
    for line, following in zip(lines, lines[1:], strict=False):
        line, following = line.strip(), following.strip()
        if not line or not following or following[0] in _LIST_MARKS:
            continue
        breaks += 1
        wrapped += len(line) >= _WRAP_MIN_CHARS and line[-1] not in _FINAL
    return breaks >= 3 and wrapped * 3 >= breaks * 2


def _soft(last: str, last_norm: str, first: str, wrapped: bool) -> bool:
    """Whether a single line break between a line ending in `last` (its normal form `last_norm`)
    and one opening with `first` sits inside a sentence: the one rule for tokens and for text."""
    if first in _LIST_MARKS or last in _ENDERS or first in _LINE_OPENERS:
        return first in _LINE_OPENERS
    if last in _LINE_JOINERS or last_norm in _CONTINUERS:
        return True
    return wrapped and last not in _FINAL


_LINE_BREAK = re.compile(r"(?<![\n\s])[ \t]*\n[ \t]*(?![\n\s])")


def join_soft_breaks(text: str) -> str:
    """The text with each line break inside a sentence made a space (same length, so every offset
    still points at the same character): a name or a phrase cut by the break ("وزارة الخارجية
    \nالأمريكية") then reads as one. A blank line always stays a paragraph break."""
    if "\n" not in text:
        return text
    wrapped = _wrapped(text)
    chars: list[str] | None = None
    for m in _LINE_BREAK.finditer(text):
        last, first = text[m.start() - 1], text[m.end()]
        word = text[text.rfind(" ", 0, m.start()) + 1 : m.start()].rsplit("\n", 1)[-1]
        if _soft(last, norm_word(word), first, wrapped):
            chars = chars or list(text)
            chars[m.start() + m.group().index("\n")] = " "
    return "".join(chars) if chars else text


def _abbreviation(texts: list[str], spaces: list[bool], i: int) -> bool:
    """A full stop after one letter is an abbreviation ('د.' doctor, 'م.' engineer), no sentence end."""
    return texts[i] == "." and i > 0 and not spaces[i - 1] and len(texts[i - 1]) == 1 and texts[i - 1].isalpha()


class Sentencizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if n == 0:
            return doc
        table = token_table(doc)
        texts = table.texts if table is not None else [t.text for t in doc]
        spaces = table.space if table is not None else [t.is_space for t in doc]
        norms = table.norms if table is not None else [t.norm_ for t in doc]
        wrapped = _wrapped(table.text if table is not None else doc.text)
        starts = [-1] * n
        start_next = True
        depth = 0  # open «…» / “…”
        straight = False  # inside "…"
        for i, text in enumerate(texts):
            if spaces[i]:
                # whitespace never starts a sentence; a line break ends the one before it
                if "\n" in text and not self._soft_break(i, texts, spaces, norms, wrapped):
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
            if text in _ENDERS and closed and not _abbreviation(texts, spaces, i):
                start_next = True
            elif closed and text in ('"', "»", "”") and i > 0 and texts[i - 1] in _ENDERS:
                start_next = True  # '... انتهى."' ends with the quote
        starts[0] = 1
        doc.from_array([SENT_START], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))
        # the bounds as plain pairs too: iterating doc.sents builds a Span per sentence every time
        firsts = [i for i, v in enumerate(starts) if v == 1]
        doc._.kg_sents = list(zip(firsts, firsts[1:] + [n], strict=True))
        return doc

    @staticmethod
    def _soft_break(i: int, texts: list[str], spaces: list[bool], norms: list[str], wrapped: bool) -> bool:
        """Whether the line break in whitespace token i sits inside a sentence."""
        if texts[i].count("\n") > 1:
            return False  # a blank line: a new paragraph
        before = next((k for k in range(i - 1, -1, -1) if not spaces[k]), None)
        after = next((k for k in range(i + 1, len(texts)) if not spaces[k]), None)
        if before is None or after is None:
            return False
        return _soft(texts[before], norms[before], texts[after], wrapped)


@Language.factory("kg_sentencizer", assigns=["token.is_sent_start", "doc._.kg_sents"])
def make_sentencizer(nlp: Language, name: str) -> Sentencizer:
    return Sentencizer(nlp, name)
