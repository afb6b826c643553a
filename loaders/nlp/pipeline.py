"""Building the extraction pipeline from `pipeline.cfg`, once per process.

`build_nlp()` reads the config (spacy.blank("ar") with the project's tokenizer and rule
components), fills in the component defaults, and initialises it (the span ruler's gazetteer
patterns are added there). `get_nlp()` caches the result: building takes a moment, running it
takes a few milliseconds per article.
"""

from __future__ import annotations

import gc
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

# Importing the modules registers the factories and functions the config names.
from loaders.nlp import (  # noqa: F401
    discovery,
    events,
    gazetteer,
    lexicon,
    normalizer,
    ruler,
    segmenter,
    statements,
    temporal,
    tokenizer,
)

CONFIG_PATH = Path(__file__).with_name("pipeline.cfg")


def load_config(config: str | Path | Config | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """The pipeline config: `pipeline.cfg`, another file, or a Config, with dotted-key overrides
    such as {"kg.gazetteer_dirs": ["/data/my-gazetteer"]}."""
    if isinstance(config, Config):
        cfg = config
    else:
        cfg = spacy.util.load_config(Path(config) if config else CONFIG_PATH, interpolate=False)
    if overrides:
        cfg = cfg.merge(Config(spacy.util.dot_to_dict(overrides)))
    return cfg


def build_nlp(config: str | Path | Config | None = None, overrides: dict[str, Any] | None = None) -> Language:
    """A ready pipeline built from the config (see `load_config`)."""
    cfg = load_config(config, overrides)
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The default pipeline, built on first use and shared afterwards (`get_nlp.cache_clear()`
    after changing the gazetteer or KG_GAZETTEER_DIRS)."""
    return kept_for_the_process(build_nlp())


def kept_for_the_process(nlp: Language) -> Language:
    """Freeze what the process holds once a shared pipeline is built (its gazetteer, lexicon,
    patterns: over a hundred thousand objects that live as long as the process): the cyclic
    garbage collector then stops walking them on every full collection, which cost about an
    eighth of extraction's time. What is frozen is still freed when nothing refers to it."""
    gc.collect()  # the garbage of the build is freed, not frozen
    gc.freeze()
    return nlp
