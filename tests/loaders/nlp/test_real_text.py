"""What real copy does to a sentence, and what the pipeline must still read through it: hard line
breaks inside a sentence, names in quotes, guillemets or brackets, the "so-called" prefix,
tatweel, Persian and Kurdish letters, invisible format characters. Every sentence here is written
for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from core.text import normalise
from graph.model import ArticleGraph
from tests.loaders.nlp.conftest import actors_of


def sentences(doc: Doc) -> list[str]:
    table = doc._.kg_tokens
    return [table.span_text(s, e)[2].strip() for s, e in doc._.kg_sents if table.span_text(s, e)[2].strip()]


def test_a_line_break_after_a_preposition_stays_inside_the_sentence(run: Callable[..., Doc]) -> None:
    doc = run("أعلنت المقاومة الإسلامية في العراق مسؤوليتها عن\nالهجوم على قاعدة عين الأسد.")
    assert len(sentences(doc)) == 1


def test_a_line_break_after_a_comma_stays_inside_the_sentence(run: Callable[..., Doc]) -> None:
    doc = run("قالت الحكومة العراقية،\nفي بيان مساء الأحد، إنها تدين القصف.")
    assert len(sentences(doc)) == 1


def test_a_headline_line_still_ends_its_sentence(run: Callable[..., Doc]) -> None:
    doc = run("الحكومة العراقية تدين القصف\nأدانت الحكومة العراقية القصف الذي طال أربيل.")
    assert len(sentences(doc)) == 2


def test_hard_wrapped_copy_is_read_as_running_text(run: Callable[..., Doc]) -> None:
    text = (
        "أعلنت المقاومة الإسلامية في العراق في بيان نشرته على قناتها في تطبيق\n"
        "تلغرام أنها استهدفت بطائرة مسيرة قاعدة عين الأسد غربي البلاد وأن\n"
        "الطائرة أصابت هدفها بدقة، فيما لم يصدر أي تعليق من الجانب الأميركي حول\n"
        "الهجوم حتى الآن بحسب ما أفادت وكالة رويترز في وقت متأخر من الليل.\n"
        "وقالت الحكومة العراقية إنها تتابع الموقف."
    )
    assert len(sentences(run(text))) == 2


def test_list_items_and_paragraphs_stay_apart(run: Callable[..., Doc]) -> None:
    text = (
        "* الحكومة العراقية تدين القصف على أربيل وتطالب بوقفه فورا دون أي تأخير\n"
        "* وزارة الخارجية العراقية تستدعي السفير"
    )
    assert len(sentences(run(text))) == 2
    assert len(sentences(run("قالت الحكومة العراقية إنها\n\nتدين القصف."))) == 2


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("حزب اللـه", "حزب الله"),  # tatweel inside a name
        ("کتائب حزب الله", "كتائب حزب الله"),  # Persian kaf
        ("حركة النجباء\u200c", "حركة النجباء"),  # a zero-width non-joiner left by a CMS
        ("\u200fالمقاومة الإسلامية", "المقاومة الإسلامية"),  # a right-to-left mark
        ("پیشمرگه", "بيشمركه"),  # Persian and Kurdish letters fold to their Arabic neighbours
    ],
)
def test_letter_variants_and_invisible_characters_fold_away(written: str, plain: str) -> None:
    assert normalise(written) == normalise(plain)


def test_persian_letters_in_a_name_still_match_the_gazetteer(run: Callable[..., Doc]) -> None:
    assert "kataib-hezbollah" in actors_of(run("قالت کتائب حزب الله إنها لن تسكت."))


@pytest.mark.parametrize(
    "sentence",
    [
        'قالت كتائب "حزب الله" في بيان إنها لن تسكت.',
        "قالت كتائب «حزب الله» في بيان إنها لن تسكت.",
        "قالت كتائب (حزب الله) في بيان إنها لن تسكت.",
        "قالت حركة “النجباء” في بيان إنها لن تسكت.",
    ],
)
def test_a_name_with_quotes_or_brackets_inside_is_still_the_whole_name(run: Callable[..., Doc], sentence: str) -> None:
    found = actors_of(run(sentence))
    assert found & {"kataib-hezbollah", "harakat-al-nujaba"}, found
    assert "hezbollah" not in found  # not the Lebanese party whose name sits inside


def test_a_quoted_name_of_its_own_is_unchanged(run: Callable[..., Doc]) -> None:
    assert "hezbollah" in actors_of(run('قال "حزب الله" في بيان إنه لن يسكت.'))


def test_a_dateline_number_glued_to_the_first_word_is_split_off(extract: Callable[..., ArticleGraph]) -> None:
    g = extract("١٢ آذار ٢٠٢٤أعلن حزب الله أنه استهدف موقعا عسكريا في شمال إسرائيل بصاروخين.")
    assert ("hezbollah", "claim_responsibility") in {(s.speaker, s.kind) for s in g.statements}


def test_a_person_after_a_title_of_two_words_and_the_body_he_serves_is_found(run: Callable[..., Doc]) -> None:
    doc = run("دان الأمين العام لوزارة الخارجية العراقية سالم عبد الكريم الهجوم على قاعدة حرير.")
    names = {v.name_ar for v in doc._.kg_discovered.values()}
    assert "سالم عبد الكريم" in names
    speaker = next(s.speaker for s in doc._.kg_statements if s.kind == "condemn")
    assert doc._.kg_discovered[speaker].name_ar == "سالم عبد الكريم"


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت ما تسمى المقاومة الإسلامية في العراق مسؤوليتها عن الهجوم على قاعدة حرير.",
        "وقالت ما يسمى بـ«حركة النجباء» إنها استهدفت قاعدة حرير.",
        "أعلن ما يعرف بحركة النجباء مسؤوليته عن الهجوم.",
    ],
)
def test_a_so_called_prefix_leaves_the_name_the_subject(extract: Callable[..., ArticleGraph], text: str) -> None:
    claims = [s for s in extract(text, "2024-02-01").statements if s.kind == "claim_responsibility"]
    assert claims and claims[0].speaker in ("islamic-resistance-in-iraq", "harakat-al-nujaba")


def tokens(doc: Doc) -> list[str]:
    return [t for t, space in zip(doc._.kg_tokens.texts, doc._.kg_tokens.space, strict=True) if not space]


@pytest.mark.parametrize(
    ("written", "pieces"),
    [
        ('على القوات الأميركية".وقال', ["الأميركية", '"', ".", "وقال"]),  # quote and full stop glued
        ('كتائب "حزب الله"/ وقالت', ["الله", '"', "/", "وقالت"]),  # a slash after the closing quote
        ("في الموصل.وأضاف", ["الموصل", ".", "وأضاف"]),  # no space after the full stop
        ("بعد القصف،وقال", ["القصف", "،", "وقال"]),  # nor after a comma
        ("في العراق؛وقال", ["العراق", "؛", "وقال"]),
        ("باسم القيادة (سنتكوم)،العقيد", ["سنتكوم", ")", "،", "العقيد"]),
        ("في سوريا”.وقال", ["سوريا", "”", ".", "وقال"]),
    ],
)
def test_punctuation_glued_to_words_is_split_off(run: Callable[..., Doc], written: str, pieces: list[str]) -> None:
    found = tokens(run(written))
    assert found[-len(pieces) :] == pieces


def test_a_full_stop_glued_to_the_next_word_ends_the_sentence(run: Callable[..., Doc]) -> None:
    doc = run("قصفت القوات التركية مواقع في جبل قنديل.وأدانت الحكومة العراقية القصف.")
    assert sentences(doc) == ["قصفت القوات التركية مواقع في جبل قنديل.", "وأدانت الحكومة العراقية القصف."]
    assert ("iraqi-government", "condemn") in {(s.speaker, s.kind) for s in doc._.kg_statements}


def test_an_abbreviated_title_or_a_decimal_is_no_sentence_end(run: Callable[..., Doc]) -> None:
    assert len(sentences(run("وقال د.سامر علي إن الانفجار وقع على بعد 2.5 كم من القاعدة."))) == 1


def test_a_web_address_stays_one_token(run: Callable[..., Doc]) -> None:
    assert "www.example.com" in tokens(run("ونشر البيان على موقع www.example.com مساء الأحد."))


def test_a_name_with_a_slash_after_its_quote_matches_the_gazetteer(run: Callable[..., Doc]) -> None:
    found = actors_of(run('وقالت كتائب "حزب الله"/ في بيان إنها لن تسكت.'))
    assert "kataib-hezbollah" in found


def test_a_line_break_inside_a_sentence_becomes_a_space_of_the_same_length() -> None:
    from loaders.nlp.segmenter import join_soft_breaks

    wrapped = (
        "وقالت وزارة الخارجية الأمريكية في بيان صدر مساء الأحد إن الهجوم\n"
        "على السفارة الأمريكية في بغداد عمل مدان وإن واشنطن ستحاسب\n"
        "المسؤولين عنه أيا كانوا وأينما كانوا في العراق أو في سوريا\n"
        "وأضافت الوزارة أن السفارة ستواصل عملها في العاصمة العراقية.\n\n"
        "الفقرة الثانية."
    )
    joined = join_soft_breaks(wrapped)
    assert len(joined) == len(wrapped)
    assert "الهجوم على" in joined and "ستحاسب المسؤولين" in joined
    assert "العراقية.\n\nالفقرة" in joined  # a paragraph stays a paragraph


def test_a_short_line_that_ends_a_headline_keeps_its_break() -> None:
    from loaders.nlp.segmenter import join_soft_breaks

    text = "هجوم على قاعدة عين الأسد\nقالت مصادر أمنية إن صاروخين سقطا قرب القاعدة."
    assert join_soft_breaks(text) == text


def test_a_name_written_in_persian_letters_is_output_in_arabic_ones(run) -> None:  # noqa: ANN001
    doc = run("وقال العقيد عبد الکریم هاشم إن القوات صدت الهجوم.", "2024-02-01")
    names = {a.name_ar for a in (doc._.kg_discovered or {}).values()}
    assert "عبد الكريم هاشم" in names, names


def test_a_date_glued_to_its_preposition_is_a_date() -> None:
    from loaders.dates import find_dates

    found = [m.date for m in find_dates("وصل الوفد إلى أربيل في12 آذار 2024 لبحث الملف.", None)]
    assert found == ["2024-03-12"]


def test_a_weekday_before_an_ordinal_day_is_that_day() -> None:
    from loaders.dates import find_dates

    found = find_dates("وقعت الضربة يوم الخميس الثاني من أيار/مايو 2024 قرب الحدود.", None)
    assert [(m.date, m.precision) for m in found] == [("2024-05-02", "day")]
    # an ordinal after another definite noun stays its adjective
    assert [m.date for m in find_dates("في الأسبوع الأول من ديسمبر 2023", None)] == ["2023-12"]
