"""Deterministic ids: the same content always yields the same id, so re-ingesting is a no-op."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """ASCII slug of an English name: 'Harakat al-Nujaba' -> 'harakat-al-nujaba'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NON_SLUG.sub("-", ascii_text.lower()).strip("-")
    if not slug:
        # Names with no Latin letters (an Arabic-only discovered actor) still need a stable id.
        return "x-" + short_hash(text)
    return slug


def short_hash(*parts: object, length: int = 16) -> str:
    """A stable hex digest of the parts, joined unambiguously."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:length]


def normalise_body(text: str) -> str:
    """The form of an article body that its id is computed from (whitespace and Unicode form)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def article_id(body: str) -> str:
    return "art-" + short_hash(normalise_body(body))
