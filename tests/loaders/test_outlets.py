"""Outlets come from one source, the gazetteer's media actors: names, bylines and web domains."""

from __future__ import annotations

import pytest

from core.errors import ConfigError
from loaders.articles import canonical_outlet, outlet_from_url
from loaders.nlp.gazetteer import Gazetteer, create_gazetteer
from loaders.outlets import outlets_from


def test_an_article_known_only_by_its_url_gets_its_outlet() -> None:
    assert outlet_from_url("https://www.rudaw.net/arabic/kurdistan/2024") == "Rudaw"
    assert outlet_from_url("arabic.rt.com/middle_east/1234") == "RT Arabic"
    assert outlet_from_url("https://www.kuna.net.kw/ArticleDetails.aspx?id=1") == "KUNA"
    assert outlet_from_url("https://notrudaw.net/x") is None  # a domain, not a suffix of a word
    assert outlet_from_url(None) is None


def test_bylines_name_the_outlet_in_a_header_but_never_match_in_the_body() -> None:
    assert canonical_outlet("شبكة رووداو الإعلامية") == "Rudaw"
    assert canonical_outlet("العربية") == "Al Arabiya"  # a byline: also the word "Arabic"
    gazetteer = create_gazetteer()
    assert "al-arabiya" not in {eid for _, eid in gazetteer.lookup("العربية")}
    assert gazetteer.media_for_outlet("العربية") == "al-arabiya"


def test_every_outlet_with_a_domain_is_the_media_actor_the_graph_links_the_article_to() -> None:
    gazetteer = create_gazetteer()
    media = {aid: e for aid, e in gazetteer.actors.items() if e.get("kind") == "media"}
    with_domains = {aid: e["domains"] for aid, e in media.items() if e.get("domains")}
    assert len(with_domains) >= 50
    for actor_id, domains in with_domains.items():
        for domain in domains:
            assert gazetteer.media_for_outlet(outlet_from_url(f"https://{domain}/news/1")) == actor_id, domain


def _media(actor_id: str, name: str, **extra: list[str]) -> dict:
    return {"id": actor_id, "name": name, "name_ar": name, "kind": "media", **extra}


def test_a_name_or_domain_of_two_outlets_is_an_error_naming_both() -> None:
    two_names = Gazetteer(actors={"a": _media("a", "Alpha", bylines=["AB"]), "b": _media("b", "Beta", aliases=["AB"])})
    with pytest.raises(ConfigError, match=r"'a' and 'b' both have the name 'AB'"):
        outlets_from(two_names)
    two_sites = Gazetteer(
        actors={"a": _media("a", "Alpha", domains=["x.com"]), "b": _media("b", "Beta", domains=["x.com"])}
    )
    with pytest.raises(ConfigError, match=r"'b': domain 'x.com'"):
        outlets_from(two_sites)
