"""The gazetteer's span ruler, keeping its matches as plain tuples.

spaCy's `span_ruler` makes a `Span` per match, hashes the Spans to drop duplicates, sorts them and
stores them in `doc.spans`, where the entity resolver reads each one's `label_` and `id_` back:
about a twelfth of extraction's time for a few dozen names an article. This ruler matches with the
same matchers and patterns, and leaves `doc._.kg_gazetteer_matches`: (start, end, label, id) in
the order the Spans sorted in (start, end, then the label's and the id's string hash, as
`Span` compares), without duplicates, so the resolver reads exactly what it read from the Spans.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from typing import Any

from spacy.language import Language
from spacy.pipeline.span_ruler import SpanRuler
from spacy.tokens import Doc, Span

from loaders.nlp import records  # noqa: F401  (registers doc._.kg_gazetteer_matches)

#: (start token, end token, label, id) of one gazetteer match.
Match = tuple[int, int, str, str]


class GazetteerRuler(SpanRuler):
    """A `SpanRuler` whose matches go to `doc._.kg_gazetteer_matches` instead of `doc.spans`."""

    def __init__(self, nlp: Language, name: str, **settings: Any) -> None:
        super().__init__(nlp, name, **settings)
        self._keys: dict[int, tuple[int, int, str, str]] = {}  # match id -> label and id, hashed and as text

    def __call__(self, doc: Doc) -> Doc:
        doc._.kg_gazetteer_matches = self.match_tuples(doc)
        return doc

    def match_tuples(self, doc: Doc) -> list[Match]:
        """What `SpanRuler.match` finds, as tuples, in its order."""
        self._require_patterns()
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="\\[W036")
            found = list(self.matcher(doc)) + list(self.phrase_matcher(doc))
        keys = self._keys
        unique: set[tuple[int, int, int, int, str, str]] = set()
        for match_id, start, end in found:
            if start != end:
                key = keys.get(match_id) or self._key(doc, match_id)
                unique.add((start, end, key[0], key[1], key[2], key[3]))
        return [(start, end, label, span_id) for start, end, _, _, label, span_id in sorted(unique)]

    def _key(self, doc: Doc, match_id: int) -> tuple[int, int, str, str]:
        entry = self._match_label_id_map[match_id]
        label, span_id = entry["label"], entry["id"]
        strings = doc.vocab.strings
        key = self._keys[match_id] = (strings.add(label), strings.add(span_id), label, span_id)
        return key


@Language.factory(
    "kg_gazetteer_span_ruler",
    assigns=["doc._.kg_gazetteer_matches"],
    default_config={
        "spans_key": None,
        "spans_filter": None,
        "annotate_ents": False,
        "ents_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
        "phrase_matcher_attr": None,
        "matcher_fuzzy_compare": {"@misc": "spacy.levenshtein_compare.v1"},
        "validate": False,
        "overwrite": True,
        "scorer": None,
    },
)
def make_gazetteer_ruler(
    nlp: Language,
    name: str,
    spans_key: str | None,
    spans_filter: Callable[[Iterable[Span], Iterable[Span]], Iterable[Span]] | None,
    annotate_ents: bool,
    ents_filter: Callable[[Iterable[Span], Iterable[Span]], Iterable[Span]],
    phrase_matcher_attr: int | str | None,
    matcher_fuzzy_compare: Callable,
    validate: bool,
    overwrite: bool,
    scorer: Callable | None,
) -> GazetteerRuler:
    return GazetteerRuler(
        nlp,
        name,
        spans_key=spans_key,
        spans_filter=spans_filter,
        annotate_ents=annotate_ents,
        ents_filter=ents_filter,
        phrase_matcher_attr=phrase_matcher_attr,
        matcher_fuzzy_compare=matcher_fuzzy_compare,
        validate=validate,
        overwrite=overwrite,
        scorer=scorer,
    )
