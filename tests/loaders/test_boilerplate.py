"""Page furniture and other articles' text never reach the body that extraction reads."""

from __future__ import annotations

import pytest

from loaders.boilerplate import clean, clean_body, line_rule

LEAD = "أعلنت قيادة العمليات المشتركة اعتقال خلية مسلحة في محافظة ديالى بعد عملية استمرت يومين."
FOLLOW = "وقال المتحدث باسم القيادة إن العملية جرت بناء على معلومات استخبارية دقيقة."
LAST = "وأضاف أن التحقيقات مستمرة لكشف بقية أفراد الخلية."

UNRELATED_HEADLINE = "وزير الزراعة يفتتح معرضاً للتمور في البصرة"
UNRELATED_LEAD = "البصرة - افتتح وزير الزراعة معرضاً للتمور بمشاركة عشرات الشركات المحلية والأجنبية."
UNRELATED_MORE = "وأكد الوزير أن الإنتاج هذا الموسم تجاوز التوقعات بفضل الأمطار."


def test_inline_related_block_is_removed_and_the_story_goes_on() -> None:
    text = "\n".join(
        [LEAD, "أخبار ذات صلة", "", "انفجار عبوة ناسفة في سوق شعبي", "تشييع ضحايا حادث سير في الموصل", "", FOLLOW]
    )
    result = clean(text)
    assert result.text == f"{LEAD}\n\n{FOLLOW}"
    block = "أخبار ذات صلة\nانفجار عبوة ناسفة في سوق شعبي\nتشييع ضحايا حادث سير في الموصل"
    assert result.removed_by("related") == [block]


@pytest.mark.parametrize("marker", ["اقرأ أيضاً:", "إقرأ أيضا", "اقرأ المزيد:", "شاهد أيضاً", "اِقْرَأْ أَيْضًا:", "Read also:"])
@pytest.mark.parametrize("blank_lines", [False, True])
def test_article_appended_after_read_also_is_cut(marker: str, blank_lines: bool) -> None:
    parts = [LEAD, FOLLOW, marker, UNRELATED_HEADLINE, UNRELATED_LEAD, UNRELATED_MORE]
    body = clean_body(("\n\n" if blank_lines else "\n").join(parts))
    assert body == f"{LEAD}\n\n{FOLLOW}"
    assert "التمور" not in body and "الزراعة" not in body


def test_read_also_with_its_headline_on_the_same_line() -> None:
    text = "\n".join([LEAD, f"اقرأ أيضا: {UNRELATED_HEADLINE}", FOLLOW, LAST])
    assert clean_body(text) == f"{LEAD}\n\n{FOLLOW}\n\n{LAST}"


def test_related_block_before_the_body_does_not_swallow_the_article() -> None:
    text = "\n".join(["اقرأ أيضاً:", UNRELATED_HEADLINE, LEAD, FOLLOW])
    assert clean_body(text) == f"{LEAD}\n\n{FOLLOW}"


def test_story_resuming_with_a_reporting_verb_is_kept() -> None:
    text = "\n".join([LEAD, "مواضيع ذات صلة", UNRELATED_HEADLINE, "أضاف المتحدث أن العملية مستمرة حتى تطهير المنطقة."])
    assert clean_body(text) == f"{LEAD}\n\nأضاف المتحدث أن العملية مستمرة حتى تطهير المنطقة."


def test_read_also_followed_by_a_whole_paragraph_on_its_line_cuts_to_the_end() -> None:
    text = "\n".join([LEAD, f"اقرأ أيضاً: {UNRELATED_LEAD}", UNRELATED_MORE])
    assert clean_body(text) == LEAD


@pytest.mark.parametrize("marker", ["التعليقات", "تعليقات (3)", "أضف تعليقك", "أضف تعليقاً", "اترك تعليقاً"])
def test_comment_section_is_cut_with_everything_after_it(marker: str) -> None:
    text = "\n".join([LEAD, FOLLOW, marker, "سجل الدخول للمشاركة", "النص المطلوب", "إرسال"])
    result = clean(text)
    assert result.text == f"{LEAD}\n\n{FOLLOW}"
    assert result.removed[0].rule == "comments"


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("الكلمات الدالة العراق الأمن ديالى", "tags"),
        ("كلمات دلالية: العراق", "tags"),
        ("الوسوم: هجوم، قاعدة", "tags"),
        ("A+ A-", "widget"),
        ("حجم الخط A+ A-", "widget"),
        ("شارك", "share"),
        ("شارك الخبر:", "share"),
        ("فيسبوك تويتر واتساب", "share"),
        ("© 2024 جميع الحقوق محفوظة", "copyright"),
        ("جميع الحقوق محفوظة لشبكة الأخبار", "copyright"),
        ("تابعونا على قناتنا في تلغرام", "subscribe"),
        ("المصدر: وكالات", "source"),
        ("https://example.org/news/123", "url"),
        ("* * *", "symbols"),
    ],
)
def test_single_furniture_lines(line: str, rule: str) -> None:
    assert line_rule(line) == rule
    result = clean("\n".join([LEAD, line, FOLLOW]))
    assert result.text == f"{LEAD}\n\n{FOLLOW}"


@pytest.mark.parametrize(
    "line",
    [
        "شارك وزير الدفاع في اجتماع أمني موسع بحث الأوضاع على الحدود.",
        "وقال المصدر إن الهجوم لم يسفر عن إصابات.",
        "قاعدة التاجي: هجومان",
        "التعليقات التي أدلى بها الوزير أثارت جدلاً واسعاً في البرلمان.",
        "علامات استفهام كثيرة تحيط بتوقيت الهجوم.",
        "وأكد أن الوثائق كلها محفوظة في الأرشيف",
        "وقال مسؤول أمني إن الهجوم نفذ بطائرة مسيرة (رويترز)",
    ],
)
def test_sentences_that_only_look_like_furniture_are_kept(line: str) -> None:
    assert line in clean_body("\n".join([LEAD, line, FOLLOW]))


def test_source_line_value_is_reported_for_the_loader() -> None:
    result = clean("\n".join([LEAD, FOLLOW, "المصدر: الجزيرة"]))
    assert result.text == f"{LEAD}\n\n{FOLLOW}"
    assert result.removed_by("source") == ["الجزيرة"]


def test_dangling_link_title_at_the_end_is_dropped() -> None:
    result = clean("\n\n".join([LEAD, FOLLOW, "طهران تنفي أي صلة لها بالهجمات"]))
    assert result.text == f"{LEAD}\n\n{FOLLOW}"
    assert result.removed_by("trailing_headline") == ["طهران تنفي أي صلة لها بالهجمات"]


@pytest.mark.parametrize(
    "last", ["وأكد المتحدث أن القوات الأمنية تلاحق بقية المطلوبين", 'قال المحافظ: "لن نسمح بتكرار ما حدث"']
)
def test_last_paragraph_without_a_full_stop_is_kept(last: str) -> None:
    assert clean_body("\n".join([LEAD, last])) == f"{LEAD}\n\n{last}"


def test_mid_body_subheadings_and_lists_are_kept() -> None:
    text = "\n".join([LEAD, "تفاصيل العملية", FOLLOW, "الحصيلة:", "• قتيلان", "• ثلاثة جرحى"])
    assert clean_body(text) == "\n\n".join([LEAD, "تفاصيل العملية", FOLLOW, "الحصيلة:", "• قتيلان", "• ثلاثة جرحى"])


def test_whitespace_and_invisible_characters_are_normalised() -> None:
    text = f"  {LEAD}\u200f  \r\n\r\n\r\n\u00a0\n{FOLLOW.replace(' ', '  ', 1)}\t"
    assert clean_body(text) == f"{LEAD}\n\n{FOLLOW}"


@pytest.mark.parametrize(
    "caption",
    [
        "A general view of the damaged building in Diyala province on May 3, 2024. (Photo by JOHN SMITH / AFP)",
        "Smoke rises over the outskirts of the city [John Smith/AFP via Getty Images]",
        "عناصر من القوات الأمنية في ديالى (الفرنسية-أرشيف)",
        "قائد العمليات - أرشيفية",
        "موقع الانفجار (صورة أرشيفية)",
    ],
)
def test_photo_captions_are_dropped(caption: str) -> None:
    result = clean("\n".join([LEAD, caption, FOLLOW]))
    assert result.text == f"{LEAD}\n\n{FOLLOW}"


def test_a_few_latin_letters_keep_an_arabic_line_and_an_english_article_keeps_its_lines() -> None:
    line = "وقالت القيادة المركزية الأميركية (CENTCOM) إن طائرة F-16 شاركت في الضربة."
    assert line in clean_body("\n".join([LEAD, line, FOLLOW]))
    english = "The militia said it fired two drones at the base.\nThe Pentagon said no one was hurt."
    assert clean_body(english) == english.replace("\n", "\n\n")


def test_tags_and_related_headlines_after_a_closing_source_line_are_cut() -> None:
    text = "\n".join(
        [LEAD, FOLLOW, "المصدر | وكالات", "كلمات مفتاحية", "العراق ديالى الأمن", "القبض على عصابة سرقة في البصرة"]
    )
    result = clean(text)
    assert result.text == f"{LEAD}\n\n{FOLLOW}"
    assert result.removed_by("source") == ["وكالات"]


def test_a_source_line_with_the_story_going_on_after_it_cuts_only_itself() -> None:
    text = "\n".join([LEAD, "المصدر | وكالات", FOLLOW, LAST])
    assert clean_body(text) == f"{LEAD}\n\n{FOLLOW}\n\n{LAST}"


def test_a_lone_tags_heading_takes_its_list_on_the_next_line() -> None:
    text = "\n".join([LEAD, FOLLOW, "كلمات مفتاحية", "العراق ديالى الأمن", LAST])
    assert clean_body(text) == f"{LEAD}\n\n{FOLLOW}\n\n{LAST}"


# English copy: sentences written for these tests
EN_LEAD = "Rockets struck near the US embassy in Baghdad on Friday, police said, and nobody was hurt."
EN_FOLLOW = "The Iraqi prime minister said in a statement that the attack was a crime against the state."


def test_english_inline_link_is_cut_and_the_story_goes_on() -> None:
    text = "\n\n".join([EN_LEAD, "Read more: Iraq condemns drone strike on Erbil airport", EN_FOLLOW])
    result = clean(text)
    assert result.text == f"{EN_LEAD}\n\n{EN_FOLLOW}"
    assert result.removed_by("related") == ["Read more: Iraq condemns drone strike on Erbil airport"]


def test_english_link_followed_by_another_reports_dateline_still_cuts_to_the_end() -> None:
    other = "ERBIL (Kurdistan24) - A drone hit a car near Erbil airport on Monday, the counter-terrorism unit said."
    text = "\n\n".join([EN_LEAD, "Read more: Drone strike near Erbil airport", other])
    assert clean_body(text) == EN_LEAD


@pytest.mark.parametrize(
    "last",
    [
        "The spokesman urged the government to",
        "Later, the office of the prime minister",
        "Hours after the delegation landed in the capital",
    ],
)
def test_english_excerpt_stopping_mid_sentence_keeps_its_last_line(last: str) -> None:
    assert clean_body("\n\n".join([EN_LEAD, EN_FOLLOW, last])).endswith(last)


@pytest.mark.parametrize("last", ["Iraq condemns drone strike on Erbil airport", "US Strikes Militia Sites In Iraq"])
def test_english_link_title_after_the_last_sentence_is_dropped(last: str) -> None:
    assert clean_body("\n\n".join([EN_LEAD, EN_FOLLOW, last])) == f"{EN_LEAD}\n\n{EN_FOLLOW}"


UNRELATED_TEASER = "افتتح وزير الزراعة في البصرة معرضاً للتمور شاركت فيه عشرات الشركات المحلية."
RESUMED = "وأكد المتحدث باسم القيادة أن الخلية المسلحة كانت تخطط لهجمات في ديالى."


def test_a_linked_reports_lead_under_its_headline_is_cut_and_the_story_goes_on() -> None:
    # "اقرأ أيضا: <headline>", then the linked report's lead repeating the headline's words, then
    # a paragraph going on with this story (it shares the body's words, not the linked report's)
    text = "\n".join([LEAD, f"اقرأ أيضا: {UNRELATED_HEADLINE}", UNRELATED_TEASER, RESUMED])
    result = clean(text)
    assert result.text == f"{LEAD}\n\n{RESUMED}"
    assert "التمور" not in result.text


def test_the_linked_reports_second_paragraph_is_no_resumed_story() -> None:
    # the paragraph after the lead goes on with the linked report (the minister, the dates): cut
    text = "\n".join([LEAD, f"اقرأ أيضا: {UNRELATED_HEADLINE}", UNRELATED_TEASER, UNRELATED_MORE])
    assert clean_body(text) == LEAD
