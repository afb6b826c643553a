"""Whether a text reads as an article at all, in the scripts the extractor reads (Arabic, Latin).

Bytes that decode are not yet a text: 4 KB of random high bytes decode in Windows-1256 as a run of
Arabic letters, and UTF-8 Arabic read as Windows-1256 comes out as letters too (mojibake). Stored,
either becomes an "article" that matches nothing and misleads counts. The checks, cheap and without
a model: the letters are Arabic or Latin script; the text breaks into words of ordinary length; it
is not UTF-8 text decoded in a single-byte code page on its way here; and when it is taken for
Arabic or English, in a text long enough to tell, some of the commonest words of that language
occur (in real reports several words in a hundred; in garbage and mojibake, none).

A readable text in another language of these scripts (French, Persian) is not refused here:
`loaders.extract` keeps it without extraction, with a warning (`loaders.language` detects it).
One small function, so the language detection can call it or replace it.
"""

from __future__ import annotations

import re

from core.text import ARABIC_SCRIPT, normalise

__all__ = ["COMMON_WORDS", "unreadable_reason"]

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


#: Single-byte code pages UTF-8 text is most often mis-decoded in before it reaches us.
_MISREAD_AS = ("cp1256", "cp1252", "latin-1")


def _misread_codepage(text: str) -> str | None:
    """The code page UTF-8 text was wrongly decoded in, or None: most of its non-ASCII words,
    encoded back in that code page, are valid UTF-8 spelling other letters. Word by word, because
    cleaning may have dropped a character of the garbled text (a soft hyphen). Genuine Arabic in
    Windows-1256 never passes: its letters are bytes no UTF-8 sequence continues with."""
    words = [w for w in text.split() if not w.isascii()][:2000]
    if not words:
        return None
    for codepage in _MISREAD_AS:
        misread = 0
        for word in words:
            try:
                fixed = word.encode(codepage).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            misread += fixed != word and any(c.isalpha() and not c.isascii() for c in fixed)
        if misread * 2 >= len(words):
            return codepage
    return None


def unreadable_reason(text: str, language: str | None = None) -> str | None:
    """Why `text` is not a readable article (a sentence for the user), or None when it reads.

    `language` is what the text is taken for (given with it, or detected); only a text taken for
    Arabic or English (or for nothing yet) is held to the commonest words of those languages.
    """
    sample = text[:50_000]
    alpha = "".join(c for c in sample if c.isalpha())
    if not alpha:
        return "it holds no letters: not a text article"
    arabic, latin = len(ARABIC_SCRIPT.findall(alpha)), len(_LATIN.findall(alpha))
    if (arabic + latin) / len(alpha) < MIN_SCRIPT_SHARE:
        return f"it is written mostly in {_script_name(sample)} script; only Arabic and English articles are read"
    words = sample.split()
    if sum(len(w) for w in words) / len(words) > MAX_MEAN_WORD:
        return "it does not break into words (no spaces between them): garbage, or the wrong encoding"
    codepage = _misread_codepage(sample)
    if codepage is not None:
        return f"it is UTF-8 text that was decoded as {codepage} before it got here (mojibake); save it as UTF-8"
    if len(words) >= MIN_WORDS and language in (None, "ar", "en"):
        common = COMMON_WORDS["ar"] | COMMON_WORDS["en"]
        hits = 0
        for w in words:
            key = normalise(w.strip(".,:;!?'\"()[]«»،؛؟").lower())
            hits += key in common or _CLITIC.sub("", key) in common
        if hits / len(words) < MIN_COMMON_SHARE:
            name = {"ar": "Arabic", "en": "English"}.get(language or "", "Arabic" if arabic >= latin else "English")
            return (
                f"it does not read as {name}: none of the commonest {name} words in {len(words)} words "
                "(another language, damaged text, or the wrong encoding)"
            )
    return None
