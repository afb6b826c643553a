"""The English vocabulary is checked when it loads: a bad entry names the file and the entry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from core.errors import ConfigError
from loaders.nlp.english.lexicon import DATA_DIR, SPEECH_GUARDS, create_english_lexicon


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"kind": "statement", "base": "mutter", "guard": "sometimes"}, r"\(mutter\): unknown guard 'sometimes'"),
        ({"kind": "brag", "base": "boast"}, r"\(boast\): needs a 'base' and a kind"),
        ({"kind": "statement", "base": "utter", "tense": "past"}, r"\(utter\): unknown keys \['tense'\]"),
    ],
)
def test_a_bad_verb_entry_names_the_file_and_the_entry(tmp_path: Path, entry: dict, message: str) -> None:
    data = tmp_path / "en"
    shutil.copytree(DATA_DIR, data)
    speech = json.loads((data / "speech.json").read_text(encoding="utf-8"))
    speech["verbs"].append(entry)
    (data / "speech.json").write_text(json.dumps(speech), encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"speech.json: verbs\[{len(speech['verbs']) - 1}\] {message}"):
        create_english_lexicon(str(data))


def test_every_guard_the_shipped_verbs_name_is_one_the_rules_implement() -> None:
    verbs = create_english_lexicon().speech_verbs.values()
    assert {v.guard for v in verbs if v.guard} == SPEECH_GUARDS  # and every implemented guard is used
