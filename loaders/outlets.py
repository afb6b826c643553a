"""Which outlet an article comes from: by a name in its header or byline, or by its URL.

The facts live in one place, the gazetteer's media actors (`loaders/data/gazetteer/actors.jsonl`):
an outlet is known by its English name, aliases, Arabic name and variants, plus `bylines` (short
or generic names such as "العربية" or "RT" that identify it only in an article's metadata, never
in its body, so the extractor does not match them) and `domains` (the web sites it publishes on).
An article's `outlet` is the media actor's English name, so the graph's PUBLISHED_BY edge and the
article's outlet always agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from core.errors import ConfigError
from core.text import normalise
from loaders.nlp.gazetteer import Gazetteer, create_gazetteer

__all__ = ["Outlets", "get_outlets", "outlets_from"]


@dataclass(frozen=True)
class Outlets:
    """Outlet names (normalised) and web domains, each to the outlet's English name."""

    by_name: dict[str, str]
    by_domain: dict[str, str]
    pattern: re.Pattern[str]  # any outlet name, whole words, longest first, over normalised text

    def named_in(self, text: str) -> list[tuple[re.Match[str], str]]:
        """Every outlet name in `text` (matched on its normalised form) with the outlet it names."""
        if not self.by_name:
            return []
        return [(m, self.by_name[m.group()]) for m in self.pattern.finditer(normalise(text))]

    def of_url(self, url: str | None) -> str | None:
        """The outlet whose web domain (or a sub-domain of it) serves `url`, or None."""
        if not url:
            return None
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        parts = host.split(".")
        for i in range(len(parts) - 1):  # news.example.com, then example.com
            name = self.by_domain.get(".".join(parts[i:]))
            if name is not None:
                return name
        return None


def outlets_from(gazetteer: Gazetteer) -> Outlets:
    """The outlet tables of a gazetteer; a ConfigError when one name or domain belongs to two outlets."""
    by_name: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    owner: dict[str, str] = {}
    for actor_id, entry in gazetteer.actors.items():
        if entry.get("kind") != "media":
            continue
        outlet = entry.get("name") or entry.get("name_ar") or actor_id
        names = [
            entry.get("name"),
            entry.get("name_ar"),
            *(entry.get("aliases") or []),
            *(entry.get("ar_variants") or []),
            *(entry.get("bylines") or []),
        ]
        for name in names:
            key = normalise(name or "")
            if not key:
                continue
            if owner.get(key, actor_id) != actor_id:
                raise ConfigError(
                    f"gazetteer media actors {owner[key]!r} and {actor_id!r} both have the name {name!r}; "
                    "an article's outlet must be one of them"
                )
            owner[key], by_name[key] = actor_id, outlet
        for domain in entry.get("domains") or []:
            if by_domain.get(domain, outlet) != outlet:
                raise ConfigError(f"gazetteer media actor {actor_id!r}: domain {domain!r} already belongs to another")
            by_domain[domain] = outlet
    alternatives = "|".join(re.escape(n) for n in sorted(by_name, key=len, reverse=True))
    return Outlets(by_name, by_domain, re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)"))


_cached: tuple[Gazetteer, Outlets] | None = None


def get_outlets() -> Outlets:
    """The outlets of the gazetteer in use (re-read when the gazetteer files change)."""
    global _cached
    gazetteer = create_gazetteer()
    cached = _cached
    if cached is None or cached[0] is not gazetteer:
        cached = _cached = (gazetteer, outlets_from(gazetteer))
    return cached[1]
