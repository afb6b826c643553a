"""The English extraction pipeline: spaCy components that turn English article text into the
same records as the Arabic pipeline (mentions, events, statements), so `loaders.extract` builds
the same `ArticleGraph` from either. `build_english_nlp`/`get_english_nlp` give the assembled
pipeline, built from `pipeline.cfg` beside this file."""

from __future__ import annotations

from loaders.nlp.english.pipeline import CONFIG_PATH, build_english_nlp, get_english_nlp

__all__ = ["CONFIG_PATH", "build_english_nlp", "get_english_nlp"]
