"""Removing what news sites wrap around an article body.

Scraped articles carry related-news blocks, "read also" links (often followed by a whole unrelated
article), comment forms, tag and share lines, font widgets and copyright lines. Left in, they put
other events and actors into the graph under this article's name, so they are cut here, by generic
line patterns rather than phrases of any one site.

The unit is the line: scraped text keeps one paragraph or widget per line. A related block that is
clearly closed (the body visibly carries on after its headlines) is removed alone; anything else
after a "read also"-type marker is cut to the end of the text, because what follows such a marker
is far more often another article than the rest of this one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import ARABIC_LETTER, normalise

__all__ = [
    "CleanResult",
    "Removal",
    "block_rule",
    "clean",
    "clean_body",
    "continues_story",
    "is_headline",
    "line_rule",
    "split_lines",
]


@dataclass(frozen=True)
class Removal:
    """One piece of text taken out, and the rule that took it (for logs, tests and metadata)."""

    rule: str
    text: str


@dataclass(frozen=True)
class CleanResult:
    text: str  # the kept paragraphs, separated by a blank line
    removed: tuple[Removal, ...]

    def removed_by(self, rule: str) -> list[str]:
        return [r.text for r in self.removed if r.rule == rule]


# Invisible characters that break matching: zero-width space, BOM, bidi marks and embeddings.
_INVISIBLE = re.compile("[\u200b\ufeff\u200e\u200f\u202a-\u202e\u2066-\u2069\u00ad]")
_SPACES = re.compile(r"[^\S\n]+")


def split_lines(text: str) -> list[str]:
    """The text's lines with invisible characters dropped and runs of spaces collapsed (blanks kept)."""
    text = _INVISIBLE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


# --- markers (matched on `normalise(line)`: no diacritics, folded letters, lower case) ---------

# Markers distinctive enough to be recognised with a headline after them on the same line.
_READ_ALSO = re.compile(
    r"^(?:"
    r"(?:اخبار|مواضيع|موضوعات|مقالات|قصص|مواد|روابط|تقارير)\s+(?:ذات\s+صله|ذات\s+علاقه|متعلقه|مرتبطه|مشابهه)"
    r"|(?:اقرا|اقراوا|اقرووا|طالع|طالعوا|شاهد|شاهدوا|تابع)\s+(?:ايضا|كذلك)"
    r"|(?:اقرا|اقراوا)\s+المزيد|للمزيد\s+اقرا|يمكنك\s+ايضا\s+(?:قراءه|مشاهده)"
    r"|read\s+(?:also|more)|also\s+read|see\s+also|related\s+(?:news|articles|stories|posts|content)"
    r")(?P<rest>(?:\s*[:：\-–|»>.]+\s*|\s+).*)?$"
)
# Short generic markers: only a line made of the marker alone counts.
_READ_ALSO_ALONE = re.compile(
    r"^(?:ذات\s+صله|اخبار\s+ذات\s+صله|قد\s+(?:يهمك|يعجبك)(?:\s+ايضا)?|المزيد\s+من\s+الاخبار|المزيد"
    r"|اخبار\s+اخري|مقالات\s+اخري|related|more\s+(?:from|stories|news)|you\s+may\s+also\s+like)\s*[:：\-–|»>.]*$"
)
# Lists that end an article page: comments, "most read" boxes.
_TAIL = (
    (
        "comments",
        re.compile(
            r"^(?:(?:ال)?تعليقات(?:\s*\(?\d+\)?)?|عدد\s+التعليقات.*|(?:اضف|اضيفي|اكتب|اترك|ارسل)\s+(?:تعليق|رايك).*"
            r"|شاركنا\s+رايك.*|comments?(?:\s*\(\d+\))?|(?:leave|add|post|write)\s+a\s+comment.*)\s*[:：]?$"
        ),
    ),
    (
        "most_read",
        re.compile(
            r"^(?:الاكثر\s+(?:قراءه|مشاهده|تداولا|تعليقا|شعبيه)|الاخبار\s+الاكثر\s+قراءه|most\s+(?:read|popular|viewed))"
            r"\s*[:：]?$"
        ),
    ),
)
_LINE_RULES = (
    (
        "tags",
        re.compile(
            r"^(?:(?:ال)?كلمات\s+(?:(?:ال)?داله|(?:ال)?دلاليه|(?:ال)?مفتاحيه)(?:\s*[:：]|\s|$)"
            r"|(?:(?:ال)?وسوم|(?:ال)?علامات|tags?|keywords|topics)\s*(?:[:：]|$))"
        ),
    ),
    ("source", re.compile(r"^(?:المصدر|مصدر\s+الخبر|source)\s*[:：|]\s*\S+(?:\s+\S+){0,5}$")),
    # a photo caption: an archive credit closing it ("(الفرنسية-ارشيف)", "- ارشيفيه") or an agency's
    # photo credit in Latin script ("(Photo by X / AFP)", "[X/AFP via Getty Images]")
    (
        "caption",
        re.compile(
            r"(?:[-–(/]\s*(?:[^()\n]{0,30}[-–/]\s*)?(?:صوره\s+)?ارشيف(?:يه)?\s*\)?\s*$"
            r"|\(\s*photo\s*(?:by|:)[^)]*\)|via\s+getty\s+images|\[[^\]]*/\s*(?:afp|reuters|ap|epa|anadolu)[^\]]*\])"
        ),
    ),
    (
        "copyright",
        re.compile(
            r"(?:©|\(c\)\s*\d{4}|copyright|all\s+rights\s+reserved|(?:جميع|كافه)\s+الحقوق\s+محفوظه|الحقوق\s+محفوظه"
            r"|حقوق\s+(?:النشر|الطبع)\s+محفوظه)"
        ),
    ),
    (
        "subscribe",
        re.compile(
            r"^(?:تابعونا|تابعوا|اشترك|اشتركوا|للاشتراك|انضم|انضموا|follow\s+us|subscribe)\b.{0,80}"
            r"(?:تلغرام|تليغرام|تيليغرام|واتساب|واتس\s+اب|فيسبوك|فيس\s+بوك|تويتر|يوتيوب|انستغرام|قناتنا|النشره"
            r"|telegram|whatsapp|facebook|twitter|youtube|instagram|newsletter)"
        ),
    ),
    ("url", re.compile(r"^(?:https?://|www\.)\S+$")),
)
_SHARE = re.compile(
    r"^(?:شارك|شاركوا|مشاركه|انشر|share)(?:\s+(?:الخبر|المقال|الموضوع|القصه|الصفحه|هذا|هذه|علي|عبر|on|this|via)(?:\s.*)?)?"
    r"\s*[:：]?$"
)
_SOCIAL = frozenset(
    "فيسبوك فيس بوك تويتر اكس واتساب واتس اب تلغرام تليغرام تيليغرام انستغرام انستجرام يوتيوب لينكدان ماسنجر "
    "البريد الالكتروني ايميل طباعه نسخ الرابط facebook twitter x whatsapp telegram instagram youtube linkedin "
    "messenger email e-mail print reddit copy link pinterest".split()
)
_WIDGET_TOKEN = re.compile(r"^(?:[+-]?[aع][+-]?|[+-]|حجم|الخط|تكبير|تصغير|طباعه|print|font|size|text)$")
_SENTENCE_END = re.compile(r"[.!?؟…]['\"”»)\]]*$")
_QUOTE_END = re.compile(r"['\"”»]$")
_BULLET = re.compile(r"^(?:[•●▪■◦*\-–—]|\d+[.)-])\s*")
# Words that open a paragraph continuing the story ("وقال", "كما", "من جهته"); a paragraph of a
# new article opens with a dateline or a fresh sentence instead.
_CONTINUATION = re.compile(
    r"^(?:كما|فيما|بينما|كذلك|الي\s+ذلك|في\s+غضون\s+ذلك|في\s+الاثناء|في\s+المقابل|من\s+جهت(?:ه|ها|هم)"
    r"|من\s+جانب(?:ه|ها|هم)|بدور(?:ه|ها|هم)|يذكر|يشار|ياتي|تاتي|تجدر|ف(?:قد|ان)\s"
    r"|(?:اضاف|تابع|اشار|اوضح|لفت|استدرك|ختم|شدد)(?:ت|وا)?\s|و(?!زير|زار|زرا|كال|كيل|فد|سط|صل"
    r"|قع|جه|جد|افق|اشنطن|حد|ثيق|ضع|صف|لايه|فا|تير|عد|قف|رد|طني|ادي|ليد)\w)"
)
_DATELINE = re.compile(r"^[^\s.,،:]{2,20}(?:\s[^\s.,،:]{2,20})?\s*(?:\([^()]{2,30}\)\s*)?[-–—]\s")


_LATIN_LETTER = re.compile(r"[A-Za-z]")
_MIN_FOREIGN_LETTERS = 12  # a line of a few Latin letters ("CENTCOM", "F-16") is still Arabic copy


def _script_counts(text: str) -> tuple[int, int]:
    """(Arabic letters, Latin letters) in the text."""
    return len(ARABIC_LETTER.findall(text)), len(_LATIN_LETTER.findall(text))


def _foreign_line(line: str) -> bool:
    """A line written mostly in Latin script (an agency's photo caption in an Arabic article)."""
    arabic, latin = _script_counts(line)
    return latin >= _MIN_FOREIGN_LETTERS and latin > 2 * arabic


def _words(line: str) -> int:
    return len(line.split())


def is_headline(line: str) -> bool:
    """A link title or heading: short and not closed like a sentence."""
    return 0 < _words(line) <= 20 and not _SENTENCE_END.search(line) and not line.endswith(("،", ","))


def continues_story(line: str) -> bool:
    """Whether a paragraph reads as the next paragraph of the same story rather than a new article."""
    n = normalise(line)
    return not _DATELINE.match(n) and bool(_CONTINUATION.match(n))


def line_rule(line: str) -> str | None:
    """The name of the rule that drops this single line as page furniture, or None to keep it."""
    n = normalise(line)
    if not n:
        return None
    if not re.search(r"\w", n):
        return "symbols"
    for rule, pattern in _LINE_RULES:
        if rule == "copyright" and _words(n) > 25:
            continue
        if pattern.search(n):
            return rule
    if _words(n) <= 8 and _SHARE.match(n):
        return "share"
    tokens = [t for t in re.split(r"[\s|•·,،/]+", n) if t]
    if tokens and all(t in _SOCIAL for t in tokens):
        return "share"
    if tokens and all(_WIDGET_TOKEN.match(t) for t in tokens) and any(re.search("[+-]|الخط|font", t) for t in tokens):
        return "widget"
    return None


def block_rule(line: str) -> str | None:
    """'related', 'comments' or 'most_read' when the line opens such a block, else None."""
    n = normalise(line)
    return _tail_rule(n) or ("related" if _read_also(n)[0] else None)


def _tail_rule(n: str) -> str | None:
    for rule, pattern in _TAIL:
        if pattern.match(n):
            return rule
    return None


def _read_also(n: str) -> tuple[bool, str]:
    """(is a related/read-also marker, the headline written after it on the same line)."""
    m = _READ_ALSO.match(n)
    if m:
        return True, re.sub(r"^[\s:：\-–|»>.]+", "", m["rest"] or "")
    return bool(_READ_ALSO_ALONE.match(n)), ""


_MAX_BLOCK = 10  # headlines a related block may list before we stop believing it is one


def clean(text: str) -> CleanResult:
    """The body without boilerplate, paragraphs separated by a blank line, and what was removed."""
    lines = [line for line in split_lines(text) if line]
    arabic, latin = _script_counts(text)
    arabic_copy = arabic > latin
    kept: list[str] = []
    removed: list[Removal] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        n = normalise(line)
        if arabic_copy and _foreign_line(line):
            removed.append(Removal("foreign_script", line))
            i += 1
            continue
        tail = _tail_rule(n)
        if tail:
            removed.append(Removal(tail, "\n".join(lines[i:])))
            break
        marker, rest = _read_also(n)
        if marker:
            j = i + 1
            headlines = 1 if rest else 0
            if rest and not is_headline(rest):
                j = len(lines)  # a whole paragraph follows the marker on its line: another article
            while j < len(lines) and headlines < _MAX_BLOCK and is_headline(lines[j]) and not continues_story(lines[j]):
                if _read_also(normalise(lines[j]))[0] or _tail_rule(normalise(lines[j])):
                    break
                headlines += 1
                j += 1
            story_goes_on = j < len(lines) and (continues_story(lines[j]) or _read_also(normalise(lines[j]))[0])
            # English copy links a report in the middle of its story ("Read more: <headline>") and
            # goes on: a paragraph of running text right after the link, with no dateline of its own
            inline_link = bool(rest) and j == i + 1 and not arabic_copy
            story_goes_on = story_goes_on or (inline_link and j < len(lines) and _running_paragraph(lines[j]))
            if not story_goes_on and headlines and kept and _teaser_then_story(lines[i:j], lines[j : j + 2], kept):
                j += 1  # the linked report's lead under its headline, then this story goes on
                story_goes_on = True
            if story_goes_on or not kept:  # before any body text the article itself must follow
                removed.append(Removal("related", "\n".join(lines[i:j])))
                i = j
                continue
            removed.append(Removal("read_also", "\n".join(lines[i:])))
            break
        rule = line_rule(line)
        if rule == "source" and kept and all(is_headline(rest) for rest in lines[i + 1 :]):
            # "المصدر | X" closing the body: what follows is tags and related headlines
            removed.append(Removal(rule, _source_value(line)))
            if lines[i + 1 :]:
                removed.append(Removal("after_source", "\n".join(lines[i + 1 :])))
            break
        if rule == "tags" and _tags_marker_alone(n) and i + 1 < len(lines) and is_headline(lines[i + 1]):
            removed.append(Removal(rule, "\n".join(lines[i : i + 2])))  # "كلمات مفتاحية" then the list
            i += 2
            continue
        if rule:
            removed.append(Removal(rule, _source_value(line) if rule == "source" else line))
        else:
            kept.append(line)
        i += 1
    kept, trailing = _drop_trailing_headlines(kept, latin_copy=not arabic_copy)
    removed.extend(Removal("trailing_headline", t) for t in trailing)
    return CleanResult("\n\n".join(kept), tuple(removed))


_MIN_WORD = 4  # letters a word needs to count as content when paragraphs are compared


def _content_words(lines: list[str]) -> set[str]:
    """The longer words of some lines, without the article or a joined و/ب/ل ('والوزير' -> وزير)."""
    out: set[str] = set()
    for line in lines:
        for word in re.findall(r"\w+", normalise(line)):
            word = re.sub(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?", "", word) if len(word) > _MIN_WORD + 1 else word
            if len(word) >= _MIN_WORD:
                out.add(word)
    return out


def _teaser_then_story(marker: list[str], following: list[str], kept: list[str]) -> bool:
    """'اقرأ أيضا: <headline>', then that report's lead (it repeats the headline's words), then a
    paragraph that goes on with this story: it continues one (no dateline, a joining opener) and
    shares more words with the body above than with the linked report."""
    if len(following) < 2 or not continues_story(following[1]):
        return False
    linked = _content_words(marker)
    teaser = _content_words(following[:1])
    if len(linked & teaser) < 2:
        return False
    resumed = _content_words(following[1:])
    return len(resumed & _content_words(kept)) > len(resumed & (linked | teaser))


def _source_value(line: str) -> str:
    """'المصدر: الجزيرة' -> 'الجزيرة' (kept so the loader can read the outlet from it)."""
    return re.split(r"[:：|]", line, maxsplit=1)[-1].strip()


def _tags_marker_alone(n: str) -> bool:
    """A tags heading with nothing after it on its line: the list is on the next line."""
    return not re.search(r"[:：]\s*\S", n) and _words(n) <= 3


def _drop_trailing_headlines(kept: list[str], latin_copy: bool = False) -> tuple[list[str], list[str]]:
    """Link titles left dangling after the last sentence ('...ends.' then 'Iran: we took no part').
    In English copy a last line that reads as a sentence cut short is kept: excerpts stop mid-sentence."""
    dropped: list[str] = []
    while (
        len(kept) >= 2
        and len(dropped) < 3
        and is_headline(kept[-1])
        and not (latin_copy and _cut_sentence(kept[-1]))
        and _words(kept[-1]) <= 15
        and not _BULLET.match(kept[-1])
        and not continues_story(kept[-1])
        and not _QUOTE_END.search(kept[-1])
        and _SENTENCE_END.search(kept[-2])
    ):
        dropped.insert(0, kept.pop())
    return kept, dropped


_TITLE_MINOR = frozenset("a an the and or but nor of in on at to for by with from as into over vs via".split())
#: Words that open running English text rather than a headline: determiners, pronouns, time adverbs.
_RUNNING_OPENERS = frozenset("the a an this that these those his her its their he she it they we later earlier".split())
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _cut_sentence(line: str) -> bool:
    """An English line that stops mid-sentence ('The spokesperson called on Iraq', 'Later, the
    office of the embassy'), not a link title: not in title case, and running text: a comma, a
    determiner or pronoun opening it, or a verb in the past tense."""
    words = _LATIN_WORD.findall(line)
    if len(words) < 4:
        return False
    if all(w[0].isupper() for w in words if w.lower() not in _TITLE_MINOR):
        return False  # "US Strikes Militia Sites In Iraq"
    past = any(w[0].islower() and w.endswith("ed") and len(w) > 4 for w in words)
    return "," in line or words[0].lower() in _RUNNING_OPENERS or past


def _running_paragraph(line: str) -> bool:
    """A paragraph of English running text: a closed sentence of some length with no dateline."""
    return _words(line) >= 8 and bool(_SENTENCE_END.search(line)) and not _DATELINE.match(normalise(line))


def clean_body(text: str) -> str:
    """Only the cleaned text of `clean`."""
    return clean(text).text
