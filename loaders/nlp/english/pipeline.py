"""Building the English pipeline from `pipeline.cfg`, once per process (as `loaders.nlp.pipeline`
does for Arabic, with the same config loader and overrides)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from thinc.api import Config

# Importing the modules registers the factories and functions the config names.
from loaders.nlp import gazetteer, records  # noqa: F401
from loaders.nlp.english import dates, entities, events, lexicon, normalizer, segmenter, statements  # noqa: F401
from loaders.nlp.pipeline import kept_for_the_process, load_config

CONFIG_PATH = Path(__file__).with_name("pipeline.cfg")


def build_english_nlp(config: str | Path | Config | None = None, overrides: dict[str, Any] | None = None) -> Language:
    """A ready English pipeline built from the config (this package's `pipeline.cfg` by default)."""
    cfg = load_config(config or CONFIG_PATH, overrides)
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True, validate=True)
    nlp.initialize()
    return nlp


@lru_cache(maxsize=1)
def get_english_nlp() -> Language:
    """The default English pipeline, built on first use and shared afterwards."""
    return kept_for_the_process(build_english_nlp())
