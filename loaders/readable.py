"""Whether a text reads as an article in a language the extractor reads: Arabic or English.

Bytes that decode are not yet a text: 4 KB of random high bytes decode in Windows-1256 as a run of
Arabic letters, and UTF-8 Arabic read as Windows-1256 comes out as letters too (mojibake). Stored,
either becomes an "article" that matches nothing and misleads counts. Three checks, cheap and
without a model: the letters are Arabic or Latin script; the text breaks into words of ordinary
length; and in a text long enough to tell, some of the commonest words of Arabic or English occur
(in real reports they are several words in a hundred; in garbage, other languages or mojibake, none).

One small function, so the language detection of the English pipeline can call it or replace it.
"""

from __future__ import annotations

import re

from loaders.arabic import normalise

__all__ = ["COMMON_WORDS", "unreadable_reason"]

_ARABIC = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
#: Share of letters that must be Arabic or Latin script.
MIN_SCRIPT_SHARE = 0.8
#: Longest average word (in characters, between spaces) of a real text; a text without spaces is longer.
MAX_MEAN_WORD = 25
#: Words needed before the common-word test says anything; and the share of them that must be common.
MIN_WORDS = 25
MIN_COMMON_SHARE = 0.02

#: The commonest function words of each language, normalised as the Arabic is matched. Short words
#: shared with other Latin-script languages ("a", "in") are left out, so French is not read as English.
COMMON_WORDS: dict[str, frozenset[str]] = {
    "ar": frozenset(
        normalise(w)
        for w in "في من على إلى الى عن أن إن التي الذي الذين مع هذا هذه كان كانت قد لم بعد قبل ما لا أو حتى بين "
        "كما ذلك تلك قال وقال عند أي إلا منذ خلال ضد حول".split()
    ),
    "en": frozenset(
        "the of and to is was for on that with by said from has have were are its his their after which who "
        "this been had not but they".split()
    ),
}
_CLITIC = re.compile(r"^[وف]")  # 'وفي', 'فقد': the conjunction written onto the word


def _script_name(text: str) -> str:
    import unicodedata

    counts: dict[str, int] = {}
    for c in text:
        if c.isalpha():
            name = unicodedata.name(c, "UNKNOWN").split()[0]
            counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.__getitem__).title() if counts else "unknown"


def unreadable_reason(text: str) -> str | None:
    """Why `text` is not an Arabic or English article (a sentence for the user), or None when it reads."""
    sample = text[:50_000]
    letters = sum(1 for c in sample if c.isalpha())
    if letters == 0:
        return "it holds no letters: not a text article"
    arabic, latin = len(_ARABIC.findall(sample)), len(_LATIN.findall(sample))
    if (arabic + latin) / letters < MIN_SCRIPT_SHARE:
        return f"it is written mostly in {_script_name(sample)} script; only Arabic and English articles are read"
    words = sample.split()
    if sum(len(w) for w in words) / len(words) > MAX_MEAN_WORD:
        return "it does not break into words (no spaces between them): garbage, or the wrong encoding"
    if len(words) >= MIN_WORDS:
        common = COMMON_WORDS["ar"] | COMMON_WORDS["en"]
        hits = 0
        for w in words:
            key = normalise(w.strip(".,:;!?'\"()[]«»،؛؟").lower())
            hits += key in common or _CLITIC.sub("", key) in common
        if hits / len(words) < MIN_COMMON_SHARE:
            language = "Arabic" if arabic >= latin else "English"
            return (
                f"it does not read as {language}: none of the commonest {language} words in {len(words)} words "
                "(another language, damaged text, or the wrong encoding)"
            )
    return None
