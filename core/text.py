"""Character-level Arabic normalisation shared by matching, search, date parsing and the stores.

One definition of the diacritics, the invisible characters and the letter variants, used by the
extractor (`loaders/`), the search keys the stores write (`graph.rows`), the name resolver and the
gazetteer checker, so a name typed by an analyst folds exactly as it was folded when written.

Every function keeps the string length unchanged unless it says otherwise, so offsets computed on
the normalised text point at the same characters of the original.
"""

from __future__ import annotations

import re

# Harakat, shadda, sukun, superscript alef and Quranic marks, and the invisible format characters
# that web copy carries inside words (zero-width joiners, direction marks, the byte-order mark).
_INVISIBLE = "\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff"
_HARAKAT = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
_DIACRITICS = re.compile(f"[{_HARAKAT}{_INVISIBLE}]")
_TATWEEL = "\u0640"
#: Every character that carries no letter: diacritics, tatweel and invisible format characters.
MARKS = re.compile(f"[{_HARAKAT}{_TATWEEL}{_INVISIBLE}]")
_LETTER_MAP = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ة": "ه",
        "ؤ": "و",
        "ئ": "ي",
        # Persian, Urdu and Kurdish letters in names copied from those languages' media
        "ک": "ك",
        "ڪ": "ك",
        "گ": "ك",
        "ی": "ي",
        "ې": "ي",
        "ۍ": "ي",
        "ێ": "ي",
        "ہ": "ه",
        "ۀ": "ه",
        "ە": "ه",
        "ھ": "ه",
        "ۃ": "ه",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ز",
        "ڤ": "ف",
        "ڨ": "ق",
        "ۆ": "و",
        "ۇ": "و",
        "ٶ": "و",
        "ٸ": "ي",
        "ڕ": "ر",
        "ڵ": "ل",
    }
)
# The letters of Persian, Urdu and Kurdish script alone, to their Arabic letters ("عبد الکریم" is
# written "عبد الكريم"): a name as written keeps its hamzas and ta marbuta.
_FOREIGN_LETTERS = str.maketrans({k: v for k, v in _LETTER_MAP.items() if chr(k) not in "أإآٱىةؤئ"})
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Persian digits to ASCII (length-preserving)."""
    return text.translate(_DIGITS)


def strip_marks(text: str) -> str:
    """Remove diacritics and tatweel (changes length)."""
    return _DIACRITICS.sub("", text).replace(_TATWEEL, "")


def fold_letters(text: str) -> str:
    """Unify alef, ya, ta-marbuta and hamza-seat variants and ASCII the digits (length-preserving)."""
    return ascii_digits(text).translate(_LETTER_MAP)


def written_name(text: str) -> str:
    """A name as written, in Arabic letters: no marks or tatweel, Persian or Kurdish letters as
    their Arabic ones, single spaces (changes length)."""
    return " ".join(strip_marks(text).translate(_FOREIGN_LETTERS).split())


def normalise(text: str) -> str:
    """The matching form of a word or phrase: no marks, folded letters, single spaces, lower case."""
    return " ".join(fold_letters(strip_marks(text)).lower().split())


#: The Arabic letters (hamza to ya, and the extended letters of Persian, Urdu and Kurdish), as the
#: inside of a regex character class, for patterns that combine them with other characters.
ARABIC_LETTERS = "\u0621-\u064a\u0671-\u06d3\u06d5"
ARABIC_LETTER = re.compile(f"[{ARABIC_LETTERS}]")
#: Any character of the Arabic script blocks (letters, marks, digits, punctuation, presentation
#: forms): what tells Arabic copy from Latin when guessing a text's language.
ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def is_arabic(text: str) -> bool:
    """Whether the text has at least one Arabic letter (a test for which rules apply)."""
    return bool(ARABIC_LETTER.search(text))
