"""Inflection of Arabic verbs and participles, so a vocabulary names a verb once.

A reporting or event verb appears in news copy in many forms: past and present, every person the
reports use (he, she, they, the two of them, we), the subjunctive after لن/أن, the future with س,
and as a circumstantial participle ("مؤكدا"). The data files give a verb by its citation forms
(past 3rd person masculine singular, present 3rd person masculine singular, active participle),
written normally; these functions give every written form, in the matching form the normaliser
writes (no diacritics, folded letters), so one entry covers what the text may use. Passives are
written with the same letters as the active (أُعلن، يُعلن), so they are covered too.

The forms are made by writing, not by root-and-pattern morphology: weak final letters (دعا، نفى،
يدعو، ينفي، يتبنى) are handled, irregular forms (قلنا) are listed in the data as extra forms.
Over-generation is harmless: a form that is not a word never occurs in text.
"""

from __future__ import annotations

from core.text import normalise as fold

__all__ = ["first_person_plural", "noun_forms", "participle_forms", "past_forms", "present_forms", "verb_forms"]

# 3rd person forms news copy uses, plus 1st plural ("نفذنا", "نعلن") for statements in a group's
# own words; the 1st singular of the present is written like some pasts (أعلن) and adds nothing.
_PAST_SUFFIXES = ("", "ت", "وا", "ا", "تا", "ن", "نا")
_PRESENT_PREFIXES = ("ي", "ت", "ن")
_PRESENT_SUFFIXES = ("", "ون", "وا", "ان", "ا", "ن")


def past_forms(past: str) -> set[str]:
    """'أعلن' -> اعلن, اعلنت, اعلنوا, اعلنا, اعلنتا, اعلنن, اعلننا; 'دعا' -> دعا, دعت, دعوا, دعتا."""
    p = fold(past)
    if p.endswith("ا"):  # دعا، شكا: the alef is a waw
        stem = p[:-1]
        return {p, stem + "ت", stem + "وا", stem + "تا", stem + "ونا", stem + "وتا"}
    if p.endswith("ي"):  # نفى، تبنى، أبدى (ى folds to ي)
        stem = p[:-1]
        return {p, stem + "ت", stem + "وا", stem + "تا", stem + "يا", stem + "ينا"}
    return {p + s for s in _PAST_SUFFIXES}


def present_forms(present: str, future: bool = True) -> set[str]:
    """'يعلن' -> يعلن, تعلن, نعلن, يعلنون, يعلنوا, يعلنان, ...; with the future س as well, unless
    `future` is False (an event verb in the future tells of no event)."""
    y = fold(present)
    if not y.startswith(("ي", "ت")) or len(y) < 3:
        raise ValueError(f"{present!r} is not a present-tense 3rd person form (يفعل)")
    stem = y[1:]
    if stem.endswith(("و", "ي")):  # يدعو، ينفي: the weak letter gives way before و
        bases = {stem, stem[:-1] + "و", stem + "ا"}
        suffixed = {stem[:-1] + "ون", stem[:-1] + "وا", stem + "ان", stem + "ن"}
    else:
        bases = {stem}
        suffixed = {stem + s for s in _PRESENT_SUFFIXES if s}
    forms = {p + b for p in _PRESENT_PREFIXES for b in bases | suffixed}
    return forms | {"س" + f for f in forms} if future else forms


def participle_forms(participle: str) -> set[str]:
    """'مؤكد' -> مؤكدا, مؤكده, مؤكدين, مؤكدتين, مؤكدون: the forms a circumstantial participle
    (حال) or a participle agreeing with a plural or feminine speaker takes."""
    m = fold(participle)
    if m.endswith("ي"):  # داعي، نافي
        stem = m[:-1]
        return {m + "ا", m + "ه", stem + "ين", m + "تين", m + "ان"}
    return {m + "ا", m + "ه", m + "ين", m + "تين", m + "ون", m + "ان"}


def verb_forms(
    past: str | list[str] | None = None, present: str | list[str] | None = None, future: bool = True
) -> set[str]:
    """Every finite form of a verb given by its past and/or present citation forms."""
    out: set[str] = set()
    for p in _as_list(past):
        out |= past_forms(p)
    for y in _as_list(present):
        out |= present_forms(y, future)
    return out


def first_person_plural(past: str | list[str] | None = None, present: str | list[str] | None = None) -> set[str]:
    """'استهدف', 'يستهدف' -> استهدفنا, نستهدف: a group speaking of what it did or does itself
    (not the future: 'سنستهدف' is a threat)."""
    out: set[str] = set()
    for p in _as_list(past):
        f = fold(p)
        out.add(f[:-1] + ("ونا" if f.endswith("ا") else "ينا") if f.endswith(("ا", "ي")) else f + "نا")
    for y in _as_list(present):
        out.add("ن" + fold(y)[1:])
    return out


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


_NOUN_SUFFIXES = ("ه", "ها", "هم", "هما", "نا", "ي")


def noun_forms(noun: str) -> set[str]:
    """'دعوة' -> دعوه, الدعوه, دعوته, دعوتها, دعوتهم, دعوتنا ...; 'اتهام' -> اتهام, الاتهام,
    اتهاما, اتهامه, اتهامها ...: a noun with the article, the accusative and the possessive
    pronouns (a feminine noun's ة is written ت before them)."""
    word = noun.strip()
    base = fold(word)
    forms = {base, "ال" + base}
    if word.endswith("ة"):
        stem = base[:-1] + "ت"
    else:
        stem = base
        if not base.endswith(("ا", "ء", "ي", "و")):
            forms.add(base + "ا")
    forms |= {stem + suffix for suffix in _NOUN_SUFFIXES}
    return forms
