"""The event-type table: DESIGN.md's codes, read from one data file and checked when it loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import ConfigError
from core.event_types import EVENT_TYPES_FILE, VIOLENT, codes, event_types, load_event_types
from core.taxonomy import EVENT_TYPES


def test_every_event_type_has_its_design_codes() -> None:
    table = event_types()
    assert list(table) == list(EVENT_TYPES)
    assert {t: (s.cameo, s.acled) for t, s in table.items()} == {
        "attack": (("18", "19"), ("Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Armed clash")),
        "airstrike": (("195",), ("Air/drone strike",)),
        "arrest": (("173",), ("Arrests",)),
        "visit": (("042", "043"), ()),
        "meeting": (("040", "036"), ()),
        "agreement": (("057",), ("Agreement",)),
        "resolution": (("0",), ()),
    }
    assert VIOLENT == ("attack", "airstrike")
    assert codes("airstrike") == {"cameo": ["195"], "acled": ["Air/drone strike"]}
    assert codes(None) == {"cameo": [], "acled": []}


def _table_with(tmp_path: Path, old: str, new: str) -> Path:
    text = EVENT_TYPES_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "event_types.toml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("[visit]", "[visitation]", r"\[visitation\]: unknown event type"),
        ('needs = ["place"]', 'needs = ["place", "weather"]', r"\[attack\]: unknown needs \['weather'\]"),
        ('merge = "place_day"', 'merge = "same_hour"', r"\[attack\]: unknown merge rule 'same_hour'"),
        ('cameo = ["195"]', 'cameo = ["air"]', r"\[airstrike\]: cameo must list CAMEO codes"),
        ("violent = false", 'violent = "no"', r"\[arrest\]: violent must be a bool"),
        ('colour = "#762a83"', 'colour = "purple"', r"\[resolution\]: colour must be #rrggbb"),
        ('colour = "#b2182b"', 'colour = "#b2182b"\nsize = 3', r"\[attack\]: unknown keys \['size'\]"),
    ],
)
def test_a_bad_entry_is_an_error_naming_the_file_and_the_entry(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = _table_with(tmp_path, old, new)
    with pytest.raises(ConfigError, match=message) as caught:
        load_event_types(path)
    assert str(path) in str(caught.value)


def test_a_type_without_an_entry_is_an_error(tmp_path: Path) -> None:
    text = EVENT_TYPES_FILE.read_text(encoding="utf-8")
    path = tmp_path / "event_types.toml"
    path.write_text(text[: text.index("[resolution]")], encoding="utf-8")
    with pytest.raises(ConfigError, match=r"no entry for the event types \['resolution'\]"):
        load_event_types(path)
