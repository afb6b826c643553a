"""The Arabic tokenizer of `spacy.blank("ar")` with a few news-text splits added.

spaCy's Arabic defaults only split punctuation. News text also glues a proclitic written with a
tatweel to the next word ("بـ3 صواريخ", "لـ\"رويترز\""), puts a conjunction before an opening
quote (و"لغاية ...), and uses dashes as brackets ("-خلال ...–"). Splitting those in the tokenizer
keeps every token an exact slice of the text, so character offsets stay true.

Copy pasted from web pages also drops the space after punctuation: a closing quote or a slash
glued to the last word of a name ('"عصائب أهل الحق"/'), a full stop glued to the next sentence
('والشرطة.وصرح', 'العراقية".وتابع'). Those are split too, so the name and the verb are read.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

from core.text import ARABIC_LETTERS

_CLITIC_TATWEEL = r"[وفبلك]\u0640+"  # "بـ", "لـ" written apart from their word
_CLITIC_BEFORE_QUOTE = r"[وفبلك](?=[\"«“'])"  # و"لغاية
_DASHES = r"[\-\u2013\u2014]"
_BULLETS = r"[\u2022\u25cf\u25aa\u2023\u2043\u00b7]"
_EXTRA_PREFIXES = [_CLITIC_TATWEEL, _CLITIC_BEFORE_QUOTE, _DASHES, _BULLETS, r"[،؛]"]
# A trailing dash, and the hamza some outlets write after a year ("2022ء").
# A full stop after a closing quote or bracket ('"عين الأسد".') is its own token; spaCy's Arabic
# rules only split a full stop after a letter.
_ARABIC_LETTER = f"[{ARABIC_LETTERS}]"
_EXTRA_SUFFIXES = [_DASHES, r"(?<=\d)ء", r"(?<=[\"»”'\)\]])\.", rf"(?<=[\"»”{_ARABIC_LETTER[1:-1]}])/"]
# A dash or slash between words ("أكتوبر/تشرین", "السوداني–أنه") separates tokens, and so does
# the seam where a dateline's number runs into the first word of the text ("٢٠٢٤أعلن").
_EXTRA_INFIXES = [
    r"(?<=[\u0600-\u06ff\)\"»])[\u2013\u2014/](?=[\u0600-\u06ff\(\"«])",
    r"(?<=[0-9\u0660-\u0669\u06f0-\u06f9])(?=[\u0622-\u063a\u0641-\u064a])",
    # a full stop between two words with no space after it ends one sentence and starts the next
    rf"(?<={_ARABIC_LETTER})\.(?={_ARABIC_LETTER})",
    # a closing quote or bracket glued to what follows it ('العراقية".وتابع', '"الحق"/', 'X)،Y')
    rf"(?<={_ARABIC_LETTER})[\"”»\)\]](?=\S)",
    # a comma, semicolon or final mark with no space after it ('القصف،وقال', 'العراق؛وقال')
    rf"(?<=[{_ARABIC_LETTER[1:-1]}\"”»\)\]])[،؛!؟:]+(?=[{_ARABIC_LETTER[1:-1]}\"«“\(\[])",
]
_ARABIC_DOT = re.compile(rf"[{_ARABIC_LETTER[1:-1]}\"”»\)]\.{_ARABIC_LETTER}")


def customise_tokenizer(tokenizer: Tokenizer, defaults: type) -> Tokenizer:
    """Extend a tokenizer built from `defaults` (a Language.Defaults) with the extra rules."""
    prefixes = list(defaults.prefixes or []) + _EXTRA_PREFIXES
    suffixes = list(defaults.suffixes or []) + _EXTRA_SUFFIXES
    infixes = list(defaults.infixes or []) + _EXTRA_INFIXES
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    url_match = tokenizer.url_match
    if url_match is not None:
        # spaCy reads any "word.word" as a web address; Arabic words around a dot are two sentences
        tokenizer.url_match = lambda text: None if _ARABIC_DOT.search(text) else url_match(text)
    return tokenizer


@spacy.registry.tokenizers("kg.arabic_tokenizer.v1")
def create_arabic_tokenizer() -> Callable[[Language], Tokenizer]:
    """Registered so `pipeline.cfg` can name it: `[nlp.tokenizer] @tokenizers = ...`."""
    make_default = spacy.registry.tokenizers.get("spacy.Tokenizer.v1")()

    def make(nlp: Language) -> Tokenizer:
        return customise_tokenizer(make_default(nlp), nlp.Defaults)

    return make
