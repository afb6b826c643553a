"""Loading articles: metadata recognised, bodies clean, bad files reported while the batch goes on."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from core.errors import ArticleError
from core.text import normalise
from loaders.articles import LoadedArticle, article_from_record, iter_articles, load_file

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

TITLE = "مقتل ثلاثة مسلحين بضربة جوية قرب الحدود السورية"
P1 = "أعلنت قيادة العمليات المشتركة مقتل ثلاثة مسلحين بضربة جوية استهدفت مخبأً قرب الحدود السورية فجر اليوم."
P2 = "وقال المتحدث باسم القيادة إن الضربة نفذت بعد رصد تحركات مريبة في المنطقة."
P3 = "وأضاف أن القوات الأمنية عثرت في الموقع على أسلحة وأعتدة."
BODY = f"{P1}\n\n{P2}\n\n{P3}"
OTHER_HEADLINE = "افتتاح مهرجان للكتاب في أربيل"
OTHER_LEAD = "أربيل - افتتح محافظ أربيل مهرجاناً للكتاب بمشاركة مئة دار نشر عربية وأجنبية."


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def load_one(path: Path, **kwargs: int) -> LoadedArticle:
    [item] = list(load_file(path, **kwargs))
    assert isinstance(item, LoadedArticle), item
    return item


def load_error(path: Path, **kwargs: int) -> ArticleError:
    [item] = list(load_file(path, **kwargs))
    assert isinstance(item, ArticleError), item
    return item


# --- .txt -------------------------------------------------------------------------------------


def test_txt_header_lines_give_title_date_and_outlet(tmp_path: Path) -> None:
    text = "\n".join(
        [
            TITLE,
            "",
            "15-03-2024",
            "شفق نيوز",
            "الكلمات الدالة ضربة جوية الحدود",
            "A+ A-",
            "شفق نيوز - خاص",
            "",
            P1,
            "",
            P2,
            "",
            P3,
            "",
            "اقرأ أيضاً:",
            OTHER_HEADLINE,
            OTHER_LEAD,
        ]
    )
    article = load_one(write(tmp_path, "a.txt", text))
    assert (article.file, article.title) == ("a.txt", TITLE)
    assert (article.outlet, article.published) == ("Shafaq News", "2024-03-15")
    assert (article.url, article.language) == (None, "ar")
    assert article.text == BODY


def test_txt_parenthesised_dateline_gives_outlet_and_date(tmp_path: Path) -> None:
    text = f"{TITLE}\n\n(بغداد / رويترز - 3 آذار 2021) {P1}\n\n{P2}"
    article = load_one(write(tmp_path, "b.txt", text))
    assert (article.outlet, article.published) == ("Reuters", "2021-03-03")
    assert article.text == f"{P1}\n\n{P2}"


def test_txt_lead_dateline_naming_the_outlet(tmp_path: Path) -> None:
    text = f"{TITLE}\nآخر تحديث: منذ ساعتين\nبغداد/ شفق نيوز- {P1}\n{P2}"
    article = load_one(write(tmp_path, "lead.txt", text))
    assert (article.title, article.outlet, article.published) == (TITLE, "Shafaq News", None)
    assert article.text == f"{P1}\n\n{P2}"


def test_txt_opening_with_a_related_block_has_no_title_from_it(tmp_path: Path) -> None:
    text = f"أخبار ذات صلة\n{OTHER_HEADLINE}\n{P1}\n{P2}"
    article = load_one(write(tmp_path, "rel.txt", text))
    assert article.title is None
    assert article.text == f"{P1}\n\n{P2}"


def test_txt_labelled_date_and_source_line(tmp_path: Path) -> None:
    text = "\n".join(
        [
            TITLE,
            "تاريخ النشر: 2nd, May 2022 GMT",
            P1,
            P2,
            "المصدر: الميادين",
            "كلمات دلالية: الحدود",
            "إقرأ أيضاً:",
            OTHER_HEADLINE,
            OTHER_LEAD,
        ]
    )
    article = load_one(write(tmp_path, "c.txt", text))
    assert (article.title, article.outlet, article.published) == (TITLE, "Al Mayadeen", "2022-05-02")
    assert article.text == f"{P1}\n\n{P2}"


def test_txt_with_no_metadata_keeps_its_first_paragraph(tmp_path: Path) -> None:
    article = load_one(write(tmp_path, "d.txt", f"{P1}\n{P2}\n"))
    assert (article.title, article.outlet, article.published) == (None, None, None)
    assert article.text == f"{P1}\n\n{P2}"


def test_english_text_is_detected(tmp_path: Path) -> None:
    text = "Rockets hit a base in western Iraq\n\nThree rockets struck the base on Friday, officials said.\n"
    article = load_one(write(tmp_path, "e.txt", text))
    assert (article.language, article.title) == ("en", "Rockets hit a base in western Iraq")


# --- .json / .jsonl ---------------------------------------------------------------------------


def test_json_object_data_wins_over_the_text(tmp_path: Path) -> None:
    record = {
        "url": "https://www.rudaw.net/arabic/middleeast/iraq/1234",
        "title": TITLE,
        "published": "2024-03-16T08:30:00+03:00",
        "outlet": "رووداو",
        "text": f"{TITLE}\n15-03-2024\n{P1}\n{P2}",
    }
    article = load_one(write(tmp_path, "one.json", json.dumps(record, ensure_ascii=False)))
    assert article.file == "one.json#1"
    assert (article.title, article.outlet, article.published) == (TITLE, "Rudaw", "2024-03-16")
    assert article.url == record["url"]
    assert article.text == f"{P1}\n\n{P2}"


def test_json_list_names_records_and_reports_the_bad_one(tmp_path: Path) -> None:
    records = [{"file": "own-name.txt", "body": P1}, {"title": "بلا نص"}, {"text": P2, "outlet": "Some Local Radio"}]
    items = list(load_file(write(tmp_path, "list.json", json.dumps(records, ensure_ascii=False))))
    assert [type(i).__name__ for i in items] == ["LoadedArticle", "ArticleError", "LoadedArticle"]
    assert items[0].file == "own-name.txt" and items[0].text == P1
    assert items[1].source == "list.json#2" and "no article text" in items[1].reason
    assert items[2].file == "list.json#3" and items[2].outlet == "Some Local Radio"


def test_jsonl_bad_line_is_an_error_and_the_other_lines_load(tmp_path: Path) -> None:
    lines = [
        json.dumps({"text": P1, "published": "2024-03-15"}, ensure_ascii=False),
        '{"text": "نص مقطوع',
        "",
        json.dumps({"text": P2, "outlet": "Al Jazeera"}, ensure_ascii=False),
    ]
    items = list(load_file(write(tmp_path, "batch.jsonl", "\n".join(lines) + "\n")))
    assert [getattr(i, "file", None) or i.source for i in items] == ["batch.jsonl#1", "batch.jsonl#2", "batch.jsonl#4"]
    assert isinstance(items[1], ArticleError) and "invalid JSON on line 2" in items[1].reason
    assert items[0].published == "2024-03-15" and items[2].outlet == "Al Jazeera"


def test_record_with_html_instead_of_text() -> None:
    html = f"<html><body><article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p></article></body></html>"
    article = article_from_record({"html": html, "published": "2024-03-15"}, "api")
    assert P1 in article.text and P2 in article.text
    assert article.published == "2024-03-15"


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (["not", "an", "object"], "expected a JSON object"),
        ({"text": ""}, "no article text"),
        ({"text": P1, "title": ["x"]}, "field 'title' must be a string"),
        ({"text": P1, "published": "قبل ساعتين"}, "is not a date"),
        ({"text": P1, "language": "Arabic language"}, "not a language code"),
    ],
)
def test_record_errors_say_what_is_wrong(record: object, reason: str) -> None:
    with pytest.raises(ArticleError, match=reason) as info:
        article_from_record(record, "api")  # type: ignore[arg-type]
    assert info.value.source == "api"


# --- .html ------------------------------------------------------------------------------------


def test_html_page_metadata_and_clean_body(tmp_path: Path) -> None:
    page = f"""<!doctype html><html lang="ar"><head><meta charset="utf-8">
<title>{TITLE} - شفق نيوز</title><meta property="og:site_name" content="شفق نيوز">
<meta property="article:published_time" content="2024-03-15T06:00:00+03:00">
<link rel="canonical" href="https://shafaq.com/ar/amn/123"></head><body>
<nav><a href="/">الرئيسية</a> <a href="/s">سياسة</a> <a href="/a">أمن</a></nav>
<article><h1>{TITLE}</h1><p>{P1}</p><p>{P2}</p><p>اقرأ أيضاً: {OTHER_HEADLINE}</p><p>{P3}</p></article>
<footer>جميع الحقوق محفوظة</footer></body></html>"""
    article = load_one(write(tmp_path, "page.html", page))
    assert (article.title, article.outlet, article.published) == (TITLE, "Shafaq News", "2024-03-15")
    assert article.url == "https://shafaq.com/ar/amn/123"
    assert article.text == BODY


# --- errors and batches -----------------------------------------------------------------------


def test_encodings_that_load(tmp_path: Path) -> None:
    text = f"{TITLE}\n{P1}"
    for name, data in [
        ("bom.txt", text.encode("utf-8-sig")),
        ("utf16.txt", text.encode("utf-16")),
        ("windows.txt", text.encode("cp1256")),
    ]:
        article = load_one(write(tmp_path, name, data))
        assert (article.title, article.text) == (TITLE, P1), name


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "file is empty"),
        ("blank.txt", b"  \n\n \n", "file is empty"),
        ("nul.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary content"),
        ("latin.txt", "Un résumé détaillé écrit en français.".encode("latin-1"), "encoding not recognised"),
        ("broken.json", b'{"text": ', "invalid JSON at line 1"),
        ("furniture.txt", "A+ A-\nشارك\nالتعليقات\n".encode(), "no article text left"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_unreadable_files_give_clear_reasons(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    error = load_error(write(tmp_path, name, content))
    assert error.source == name
    assert reason in error.reason


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", f"{TITLE}\n{P1}\n")
    assert load_one(path).title == TITLE
    error = load_error(path, max_bytes=50)
    assert "over the" in error.reason and "limit" in error.reason


def test_folder_batch_loads_the_good_and_reports_the_bad(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="loaders.articles")
    write(tmp_path, "b/02.txt", f"{TITLE}\n{P1}")
    write(tmp_path, "a.txt", P2)
    write(tmp_path, "b/01.txt", b"")
    write(tmp_path, "b/03.jsonl", json.dumps({"text": P3}, ensure_ascii=False) + "\nnot json\n")
    write(tmp_path, "b/skip.md", "# notes")
    write(tmp_path, ".hidden/x.txt", P1)
    items = list(iter_articles([tmp_path, tmp_path / "missing.txt"]))
    summary = [(type(i).__name__, getattr(i, "file", None) or i.source) for i in items]
    assert summary == [
        ("LoadedArticle", "a.txt"),
        ("ArticleError", "01.txt"),
        ("LoadedArticle", "02.txt"),
        ("LoadedArticle", "03.jsonl#1"),
        ("ArticleError", "03.jsonl#2"),
        ("ArticleError", str(tmp_path / "missing.txt")),
    ]
    skipped = [r.getMessage() for r in caplog.records if r.name == "loaders.articles" and r.levelno == logging.INFO]
    assert skipped == [f"skipped {i.source}: {i.reason}" for i in items if isinstance(i, ArticleError)]


# --- the development seeds --------------------------------------------------------------------

_MARKERS = re.compile(
    r"(?:اخبار|مواضيع) ذات صله|اقرا (?:ايضا|المزيد)|شاهد ايضا|^تعليقات$|اضف تعليق|الكلمات الداله|a\+ a-", re.M
)
# What the files state (the seeds without a title, date or outlet line have None).
_SEED_META = {
    "000_7d92e52491a75518.txt": ("2023-12-08", "Rudaw"),
    "001_2f86ab8a2e4ed784.txt": (None, None),
    "002_c0150340934cf84b.txt": (None, None),
    "003_079c507cba29311d.txt": ("2022-01-14", "Sputnik"),
    "004_12c283aec6127a25.txt": ("2023-11-06", "Al Jazeera"),
}


def test_seed_articles_load_with_their_metadata_and_no_related_text() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"the development seeds are not at {SEEDS}")
    items = list(iter_articles([SEEDS]))
    assert all(isinstance(i, LoadedArticle) for i in items), items
    by_file = {a.file: a for a in items}
    assert set(by_file) == set(_SEED_META)
    for name, (published, outlet) in _SEED_META.items():
        article = by_file[name]
        raw = [line.strip() for line in (SEEDS / name).read_text(encoding="utf-8").splitlines()]
        assert (article.published, article.outlet) == (published, outlet), name
        # A title is read exactly when the file opens with a short heading line.
        assert (article.title is not None) == (published is not None), name
        if article.title:
            assert article.title == raw[0] and raw[0] not in article.text
        body = normalise(article.text)
        assert not _MARKERS.search(body), name
        for k, line in enumerate(raw):  # the first line after any related/read-also marker is gone
            if _MARKERS.search(normalise(line)):
                following = next(x for x in raw[k + 1 :] + ["-"] if x)
                assert following not in article.text, (name, following)
        last = article.text.split("\n\n")[-1]
        assert re.search(r"[.!؟\"”»]$", last), (name, last[-40:])
