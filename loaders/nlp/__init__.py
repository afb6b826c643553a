"""The Arabic extraction pipeline: spaCy components that turn article text into actors, places,
events and statements. `build_nlp`/`get_nlp` give the assembled pipeline."""

from __future__ import annotations

from loaders.nlp.pipeline import build_nlp, get_nlp, load_config

__all__ = ["build_nlp", "get_nlp", "load_config"]
