"""A vocabulary names a verb once; every form news copy uses is written out from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import ConfigError
from core.text import normalise
from loaders.nlp.lexicon import load_lexicon
from loaders.nlp.morphology import participle_forms, present_forms, verb_forms
from tests.loaders.nlp.conftest import vocabulary_copy


def folded(*words: str) -> set[str]:
    return {normalise(w) for w in words}


def test_a_sound_verb_gives_every_person_and_tense_reports_use() -> None:
    forms = verb_forms("أعلن", "يعلن")
    assert folded("أعلن", "أعلنت", "أعلنوا", "أعلنا", "أعلنتا", "أعلنّا") <= forms
    assert folded("يعلن", "تعلن", "نعلن", "يعلنون", "يعلنوا", "يعلنان", "سيعلن", "ستعلن") <= forms


@pytest.mark.parametrize(
    ("past", "present", "written"),
    [
        ("دعا", "يدعو", ("دعت", "دعوا", "يدعون", "تدعو", "سيدعو", "ندعو")),
        ("نفى", "ينفي", ("نفت", "نفوا", "ينفون", "تنفي", "ننفي", "نفيا")),
        ("تبنى", "يتبنى", ("تبنت", "تبنوا", "يتبنون", "تتبنى", "نتبنى")),
    ],
)
def test_a_verb_with_a_weak_last_letter_drops_it_where_the_text_does(past: str, present: str, written: tuple) -> None:
    assert folded(*written) <= verb_forms(past, present)


def test_participles_agree_with_the_speaker() -> None:
    assert folded("مؤكدا", "مؤكدة", "مؤكدين") <= participle_forms("مؤكد")
    assert folded("نافيا", "نافية", "نافين") <= participle_forms("نافي")


def test_a_present_form_must_be_a_third_person_one() -> None:
    with pytest.raises(ValueError, match="present-tense"):
        present_forms("أعلن")


def test_the_shipped_lexicon_knows_inflections_no_one_listed() -> None:
    verbs = load_lexicon().speech_verbs
    for form, kind in (("ستتبنى", "claim_responsibility"), ("ينفون", "deny_responsibility"), ("نندد", "condemn")):
        assert verbs[normalise(form)].kind == kind


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"kind": "brag", "past": "تباهى"}, "unknown kind 'brag'"),
        ({"kind": "statement", "past": "قال", "guard": "sometimes"}, "unknown guard 'sometimes'"),
        ({"kind": "statement"}, "give the verb's"),
        ({"kind": "statement", "past": "قال", "tense": "past"}, "unknown keys"),
    ],
)
def test_a_bad_verb_entry_names_the_file_and_the_entry(tmp_path: Path, entry: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=rf"speech.json: verbs\[\d+\].*{message}"):
        load_lexicon(vocabulary_copy(tmp_path, "speech.json", lambda speech: speech["verbs"].append(entry)))


def test_trigger_verbs_are_written_out_without_the_future_and_without_other_words() -> None:
    triggers = load_lexicon().triggers
    assert triggers[normalise("يستهدفون")].type == "attack"
    assert triggers[normalise("اعتقلوا")].type == "arrest"
    assert normalise("سيستهدف") not in triggers  # a future attack is no event
    assert normalise("فجر") not in triggers and normalise("فجرا") not in triggers  # dawn, not "detonated"
    assert normalise("فجروا") in triggers


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"type": "riot", "class": "noun", "number": "sg", "forms": ["شغب"]}, "unknown event type 'riot'"),
        ({"type": "attack", "class": "adverb", "number": "sg", "forms": ["شغب"]}, "unknown class 'adverb'"),
        ({"type": "attack", "class": "noun", "number": "many", "forms": ["شغب"]}, "unknown number 'many'"),
        ({"type": "attack", "class": "noun", "number": "sg", "forms": ["شغب"], "gender": "m"}, "unknown keys"),
    ],
)
def test_a_bad_trigger_entry_names_the_file_and_the_entry(tmp_path: Path, entry: dict, message: str) -> None:
    with pytest.raises(ConfigError, match=rf"events.json: triggers\[\d+\] \(شغب\): {message}"):
        load_lexicon(vocabulary_copy(tmp_path, "events.json", lambda events: events["triggers"].append(entry)))
