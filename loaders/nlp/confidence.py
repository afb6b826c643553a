"""How far to trust each assertion: a confidence in [0, 1] for every event, role and statement.

The rules leave on each record how it was found: a speaker named right after the verb or taken
over from an earlier sentence, a kind the verb itself carries or one read off a cue in the
quoted words, an event told with its own date and place or only in passing, a perpetrator known
from its own claim or from a country adjective. Those are the features; a logistic model with
one weight per feature turns them into a probability. The weights are data
(`loaders/data/nlp/confidence.json`), fitted on the development sets by
`python -m benchmarks.calibrate`, so that of the assertions given about 0.8, about 80% are right.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from core.errors import ConfigError
from loaders.nlp.records import EventRecord, StatementRecord

CONFIDENCE_FILE = Path(__file__).resolve().parent.parent / "data" / "nlp" / "confidence.json"
ASSERTIONS = ("event", "role", "statement")


def statement_features(rec: StatementRecord, speaker_kind: str | None, discovered: bool) -> list[str]:
    feats = [
        f"speaker:{rec.speaker_source}",
        f"kind:{rec.kind}",
        f"kind_source:{rec.kind_source}",
        f"speaker_kind:{speaker_kind or 'unknown'}",
    ]
    if discovered:
        feats.append("speaker_discovered")
    if rec.about_event is not None:
        feats.append("about_event")
    if rec.quote and any(q in rec.quote for q in ('"', "«", "“")):
        feats.append("quoted")
    return feats


def event_features(ev: EventRecord) -> list[str]:
    feats = [f"type:{ev.type}", f"date_strength:{ev.date_strength}", f"mentions:{min(ev.mentions, 3)}"]
    feats.append("place" if ev.place else "no_place")
    if ev.claimed_by:
        feats.append("claimed")
    if ev.statement is not None:
        feats.append("in_reported_speech")
    if ev.background:
        feats.append("background")
    if ev.group:
        feats.append("group")
    if ev.perpetrators or ev.targets:
        feats.append("has_roles")
    return feats


def role_features(ev: EventRecord, actor: str, role: str, actor_kind: str | None, discovered: bool) -> list[str]:
    feats = [f"role:{role}", f"actor_kind:{actor_kind or 'unknown'}", f"type:{ev.type}"]
    if role == "perpetrator" and actor in ev.claimed_by:
        feats.append("claimed")
    if discovered:
        feats.append("discovered")
    return feats


@dataclass(frozen=True)
class ConfidenceModel:
    """One logistic model per kind of assertion: bias plus the weights of the features present."""

    weights: dict[str, dict[str, float]]

    def score(self, assertion: str, features: Iterable[str]) -> float:
        w = self.weights[assertion]
        z = w.get("bias", 0.0) + sum(w.get(f, 0.0) for f in features)
        return round(1.0 / (1.0 + math.exp(-z)), 3)


def load_confidence(path: Path = CONFIDENCE_FILE) -> ConfidenceModel:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the confidence weights ({exc})") from exc
    weights = raw.get("weights") if isinstance(raw, dict) else None
    if not isinstance(weights, dict) or set(weights) != set(ASSERTIONS):
        raise ConfigError(f"{path}: 'weights' must hold exactly {list(ASSERTIONS)}")
    for assertion, table in weights.items():
        if not isinstance(table, dict) or not all(
            isinstance(k, str) and isinstance(v, int | float) and math.isfinite(v) for k, v in table.items()
        ):
            raise ConfigError(f"{path}: weights[{assertion!r}] must map feature names to numbers")
    return ConfidenceModel({a: {k: float(v) for k, v in t.items()} for a, t in weights.items()})


@lru_cache(maxsize=4)
def confidence_model(path: str | None = None) -> ConfidenceModel:
    """The shipped weights, read once."""
    return load_confidence(Path(path) if path else CONFIDENCE_FILE)
