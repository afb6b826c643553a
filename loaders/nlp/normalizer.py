"""`kg_arabic_normalizer`: the matching form of each token, with proclitics split off.

Arabic writes the conjunctions و/ف, the prepositions ب/ل/ك and the article onto the next word, so
"والتحالف", "ببغداد" and "للحكومة" would never equal a gazetteer entry. This component writes the
base form to `token.norm_` (diacritics and tatweel gone, alef/hamza/ya/ta-marbuta unified, digits
ASCII, conjunction and preposition removed, the article kept: "للحكومة" -> "الحكومه"), and the
removed letters to `token._.kg_clitic`. Every matcher downstream (the span ruler with
`phrase_matcher_attr="NORM"`, the trigger lexicons) compares these forms. The rules read them
from `doc._.kg_tokens`, one list per attribute, which is much cheaper than Token objects.

A first letter is only treated as a clitic when what remains is a known word (the gazetteer's
surface words, the rule lexicons, and `loaders/data/nlp/words.txt`) or when the word is unknown
and the split is safe (و/ف before three or more letters, a preposition before the article).
Known words stay whole, so "وزير", "بغداد", "لبنان" and "كركوك" keep their first letter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

import numpy
from spacy.attrs import IDX, NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc, Token

from core.text import MARKS, is_arabic
from loaders.nlp.gazetteer import Gazetteer
from loaders.nlp.lexicon import Lexicon, norm_word
from loaders.nlp.records import TokenTable


def _clitic(token: Token) -> str:
    table = token.doc._.kg_tokens
    return table.clitics[token.i] if table is not None else ""


def _clitic_len(token: Token) -> int:
    table = token.doc._.kg_tokens
    return table.clitic_lens[token.i] if table is not None else 0


if not Token.has_extension("kg_clitic"):
    Token.set_extension("kg_clitic", getter=_clitic)
if not Token.has_extension("kg_clitic_len"):
    Token.set_extension("kg_clitic_len", getter=_clitic_len)

_CONJ = ("", "و", "ف")
_PREP = ("", "ب", "ل", "ك")
_MARK = MARKS
_FALLBACK_ARTICLE = re.compile(r"^([وف]?)([بك]?)(ال..+)$")
_FALLBACK_LAM_LAM = re.compile(r"^([وف]?)لل(..+)$")
_FALLBACK_CONJ = re.compile(r"^([وف])(...+)$")
_LONE_CLITICS = frozenset({"و", "ف", "ب", "ل", "ك"})
_CACHE_SIZE = 500_000  # distinct token texts remembered (the vocabulary of a large corpus)


class CliticSplitter:
    """Splits proclitics off folded words, consulting a set of known base words."""

    def __init__(self, known: Iterable[str]) -> None:
        self.known = frozenset(known)

    def is_known(self, word: str) -> bool:
        return word in self.known or (word.startswith("ال") and word[2:] in self.known)

    def _splits(self, word: str) -> Iterator[tuple[str, str]]:
        """(base, clitic) readings of `word` whose base is a known word, fewest clitic letters first."""
        for conj in _CONJ:
            if conj and not word.startswith(conj):
                continue
            rest = word[len(conj) :]
            for prep in _PREP:
                if not (conj or prep) or (prep and not rest.startswith(prep)):
                    continue
                base = rest[len(prep) :]
                if len(base) < 2:
                    continue
                if self.is_known(base):
                    yield base, conj + prep
                elif prep == "ل" and base.startswith("ل") and self.is_known("ا" + base):
                    yield "ا" + base, conj + prep  # لل = ل + ال, the alef of the article dropped

    def known_split(self, word: str) -> str | None:
        """The clitic of `word` when the rest is a known word, else None (the word itself aside)."""
        return next((clitic for _, clitic in self._splits(word)), None)

    def split(self, word: str) -> tuple[str, str]:
        """(base, clitic) for a folded word: 'ببغداد' -> ('بغداد', 'ب'); 'للحكومه' -> ('الحكومه', 'ل')."""
        if len(word) < 3 or word in self.known or not is_arabic(word):
            return word, ""
        for found in self._splits(word):
            return found
        m = _FALLBACK_ARTICLE.match(word)
        if m and (m[1] or m[2]):
            return m[3], m[1] + m[2]
        m = _FALLBACK_LAM_LAM.match(word)
        if m:
            return "ال" + m[2], m[1] + "ل"
        m = _FALLBACK_CONJ.match(word)
        if m:
            return m[2], m[1]
        return word, ""


def clitic_length(text: str, clitic: str, base: str) -> int:
    """How many characters of the original token the clitic covers (0 when the article was merged).

    Mentions start after the clitic ("ببغداد" -> "بغداد"); for "للحكومة" the article's alef is not
    written, so the whole token is the mention.
    """
    if not clitic or (
        clitic.endswith("ل") and base.startswith("ال") and not _strip(text)[len(clitic) :].startswith("ال")
    ):
        return 0
    letters = 0
    for i, ch in enumerate(text):
        if _MARK.match(ch):
            continue
        if letters == len(clitic):
            return i
        letters += 1
    return 0


def _strip(text: str) -> str:
    return _MARK.sub("", text)


class ArabicNormalizer:
    """Sets `token.norm_` and `doc._.kg_tokens` (the per-token table the rules read)."""

    def __init__(self, nlp: Language, name: str, lexicon: Lexicon, gazetteer: Gazetteer) -> None:
        self.name = name
        self.vocab = nlp.vocab
        gazetteer_words = gazetteer.surface_words()
        probe = CliticSplitter(lexicon.known_words() | gazetteer_words)
        # A gazetteer spelling that is itself clitic + known word ("بالعراق") must not shield the
        # clitic form everywhere else, so only genuine words join the known set.
        genuine = {w for w in gazetteer_words if w[:1] not in "وفبلك" or probe.known_split(w) is None}
        self.splitter = CliticSplitter(lexicon.known_words() | genuine)
        # per vocabulary entry: (text, norm, clitic, clitic length, is_punct, is_space, norm hash)
        self._by_orth: dict[int, tuple[str, str, str, int, bool, bool, int]] = {}

    def analyse(self, text: str) -> tuple[str, str, int]:
        """(norm, clitic, clitic length in the original) for one token text."""
        folded = norm_word(text) or text
        if folded in _LONE_CLITICS:
            return folded, "", 0
        base, clitic = self.splitter.split(folded)
        return base, clitic, clitic_length(text, clitic, base)

    def _entry(self, orth: int) -> tuple[str, str, str, int, bool, bool, int]:
        lexeme = self.vocab[orth]
        text = lexeme.orth_
        norm, clitic, length = self.analyse(text)
        entry = (text, norm, clitic, length, lexeme.is_punct, lexeme.is_space, self.vocab.strings.add(norm))
        if len(self._by_orth) < _CACHE_SIZE:
            self._by_orth[orth] = entry
        return entry

    def __call__(self, doc: Doc) -> Doc:
        if len(doc) == 0:
            doc._.kg_tokens = TokenTable([], [], [], [], [], [], [], doc.text)
            return doc
        by_orth = self._by_orth
        array = doc.to_array([ORTH, IDX])
        entries = [by_orth.get(o) or self._entry(o) for o in array[:, 0].tolist()]
        texts, norms, clitics, lens, punct, space, hashes = (list(col) for col in zip(*entries, strict=True))
        doc.from_array([NORM], numpy.array(hashes, dtype="uint64").reshape(-1, 1))
        offsets = array[:, 1].tolist()
        text = self._text(doc, texts, offsets)
        doc._.kg_tokens = TokenTable(norms, clitics, lens, texts, punct, space, offsets, text)
        return doc

    @staticmethod
    def _text(doc: Doc, texts: list[str], offsets: list[int]) -> str:
        """doc.text, or the text the caller made the doc from (`doc._.kg_source`) when it is the
        same: doc.text joins every token again, which costs as much as a rule component."""
        source = doc._.kg_source
        if isinstance(source, str):
            last = offsets[-1]
            if source[last : last + len(texts[-1])] == texts[-1] and source[:1] == texts[0][:1]:
                return source
        return doc.text


@Language.factory(
    "kg_arabic_normalizer",
    assigns=["token.norm", "doc._.kg_tokens"],
    default_config={
        "lexicon": {"@misc": "kg.lexicon.v1"},
        "gazetteer": {"@misc": "kg.gazetteer.v1"},
    },
)
def make_arabic_normalizer(nlp: Language, name: str, lexicon: Lexicon, gazetteer: Gazetteer) -> ArabicNormalizer:
    return ArabicNormalizer(nlp, name, lexicon, gazetteer)
