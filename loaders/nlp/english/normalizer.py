"""The tokenizer of `spacy.blank("en")` tuned for news copy, and `kg_en_normalizer`, which writes
each token's matching form to `token.norm_` and the per-token lists of `doc._.kg_tokens`.

The matching form folds what English copy varies on without changing the word: case, curly
quotes, diacritics ("Saeid"/"Saeed" stay apart, "Sadr"/"Ṣadr" do not), the apostrophe inside a
transliteration ("Kata'ib" = "Kataib") and the full stops of an acronym ("U.S." = "US"). Acronyms
of two or three letters keep their capitals, so "US" (the state) never matches "us" (the pronoun).
The span ruler matches gazetteer names on this form, and every word list is stored in it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

import spacy
from spacy.attrs import ORTH
from spacy.lang.en import English
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from loaders.nlp.records import TokenTable

_QUOTES = str.maketrans(
    {"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "«": '"', "»": '"', "–": "-", "—": "-"}
)
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^(?:[A-Z]\.)+[A-Z]$|^[A-Z]{2,3}$")
# "U.S.-led", "Iran-backed": a hyphen after a full stop splits too (spaCy splits only between letters)
_EXTRA_INFIXES = [r"(?<=\.)-(?=[A-Za-z])"]


def norm_en(text: str) -> str:
    """The matching form of one token (see the module docstring)."""
    t = text.translate(_QUOTES)
    if not t.isascii():
        t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    if _ACRONYM.match(t):
        return t.replace(".", "")
    low = t.lower()
    if len(low) > 2 and "'" in low[1:-1]:
        low = low.replace("'", "")  # kata'ib -> kataib; "'s" stays
    return low


def customise_tokenizer(tokenizer: Tokenizer, abbreviations: list[str]) -> Tokenizer:
    """Add title abbreviations as single tokens (so "Brig." never ends a sentence) and the extra
    infix split."""
    for abbr in abbreviations:
        tokenizer.add_special_case(abbr, [{ORTH: abbr}])
    infixes = list(English.Defaults.infixes or []) + _EXTRA_INFIXES
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return tokenizer


@spacy.registry.tokenizers("kg.english_tokenizer.v1")
def create_english_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registered so `pipeline_en.cfg` can name it."""
    make_default = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language) -> Tokenizer:
        from loaders.nlp.english.lexicon import load_entities_data

        return customise_tokenizer(make_default(nlp), load_entities_data()["abbreviations"])

    return make


@lru_cache(maxsize=1)
def _phrase_nlp() -> Language:
    nlp = spacy.blank("en")
    from loaders.nlp.english.lexicon import load_entities_data

    abbreviations = load_entities_data()["abbreviations"]
    # word lists write titles in lower case ("maj.", "gen."): they stay one token there too
    customise_tokenizer(nlp.tokenizer, abbreviations + [a.lower() for a in abbreviations])
    return nlp


def phrase_norms(phrase: str) -> tuple[str, ...]:
    """A word-list phrase as the token norms the text will have ("one-way" -> one, -, way)."""
    return tuple(norm_en(t.text) for t in _phrase_nlp().make_doc(phrase) if not t.is_space)


def token_table(doc: Doc) -> TokenTable:
    texts = [t.text for t in doc]
    return TokenTable(
        norms=[norm_en(x) for x in texts],
        clitics=[""] * len(texts),
        clitic_lens=[0] * len(texts),
        texts=texts,
        punct=[t.is_punct for t in doc],
        space=[t.is_space for t in doc],
        offsets=[t.idx for t in doc],
        text=doc.text,
    )


class EnglishNormalizer:
    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        table = token_table(doc)
        for token, norm in zip(doc, table.norms, strict=True):
            token.norm_ = norm
        doc._.kg_tokens = table
        return doc


@Language.factory("kg_en_normalizer", assigns=["token.norm", "doc._.kg_tokens"])
def make_english_normalizer(nlp: Language, name: str) -> EnglishNormalizer:
    return EnglishNormalizer(nlp, name)
