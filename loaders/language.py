"""Which language an article is written in, and whether the extractor can read it.

A text is classified by py3langid (a small n-gram model shipped inside the package; no download).
Very short texts carry too few n-grams for it, so below `MIN_LETTERS` letters the script decides:
Arabic letters make it Arabic, Latin letters English. The model is loaded on first use (about a
second) and shared: classifying is read-only, so threads may share it.
"""

from __future__ import annotations

import re
import threading
from functools import lru_cache

from core.text import ARABIC_SCRIPT

__all__ = ["SUPPORTED_LANGUAGES", "detect_language", "is_supported", "script_language"]

#: Languages with an extraction pipeline.
SUPPORTED_LANGUAGES: tuple[str, ...] = ("ar", "en")

#: Below this many letters the script decides, not the model.
MIN_LETTERS = 40

_ARABIC = ARABIC_SCRIPT
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LOCK = threading.Lock()


def script_language(text: str) -> str:
    """'ar' when Arabic letters outnumber Latin ones, else 'en': the rule for short texts."""
    return "ar" if len(_ARABIC.findall(text)) > len(_LATIN.findall(text)) else "en"


@lru_cache(maxsize=1)
def _identifier():  # noqa: ANN202 - py3langid ships no type hints
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in ('ar', 'en', 'fr', ...)."""
    sample = text[:20_000]
    letters = len(_ARABIC.findall(sample)) + len(_LATIN.findall(sample))
    if letters < MIN_LETTERS:
        return script_language(sample)
    with _LOCK:  # the first call loads the model; later calls only read it
        ident = _identifier()
    code, _ = ident.classify(sample)
    return str(code)


def is_supported(language: str | None) -> bool:
    return (language or "ar") in SUPPORTED_LANGUAGES
