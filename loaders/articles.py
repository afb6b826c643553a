"""Reading news articles from files and records into one clean shape.

Articles arrive as scraped text files (title, date and outlet lines above the body, widgets and
related-news blocks mixed in), JSON or JSON Lines records from scrapers and the HTTP API, and saved
HTML pages. Everything downstream wants the same thing: the metadata an analyst cites (title, outlet,
publication date, url) and a body with nothing in it that the article did not say. A file that cannot
be read becomes an `ArticleError` with a reason, and a batch carries on with the rest.
"""

from __future__ import annotations

import codecs
import errno
import json
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from core.errors import ArticleError
from core.text import ARABIC_LETTER, normalise
from loaders.boilerplate import block_rule, clean, line_rule, split_lines
from loaders.dates import DATES_FILE, find_dates, parse_date
from loaders.dates import WORDS as DATE_WORDS
from loaders.language import detect_language
from loaders.outlets import get_outlets
from loaders.readable import unreadable_reason

log = logging.getLogger(__name__)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUFFIXES",
    "LoadedArticle",
    "article_from_html",
    "article_from_record",
    "article_from_text",
    "canonical_outlet",
    "detect_language",
    "iter_articles",
    "load_file",
    "outlet_from_url",
]

DEFAULT_MAX_BYTES = 5_000_000  # 5 MB: far above any news article, low enough to refuse a dump by mistake
SUFFIXES = (".txt", ".json", ".jsonl", ".html", ".htm")


class LoadedArticle(BaseModel):
    """One article as read from its source, before any extraction."""

    model_config = ConfigDict(extra="forbid")

    file: str = Field(description="input base name, or the record's 'file', or '<input name>#<line>'")
    title: str | None = None
    outlet: str | None = Field(None, description="English outlet name where recognised, else the raw text")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    url: str | None = None
    language: str = "ar"
    text: str = Field(min_length=1, description="clean body; paragraphs separated by a blank line")


# ---------------------------------------------------------------------------------------------
# Outlets: the gazetteer's media actors, with their bylines and web domains (loaders/outlets.py).

# Words that surround an outlet's name in a byline ("رووداو ديجيتال", "شبكة رووداو الإعلامية").
_BYLINE_WORDS = frozenset(
    "ديجيتال digital نت net خاص متابعه متابعات وكاله قناه صحيفه موقع شبكه الاعلاميه الاخباريه عربي بالعربيه news "
    "نيوز online اونلاين تقرير مراسل مراسلنا".split()
)
# Source lines that name no outlet ("المصدر: وكالات").
_GENERIC_SOURCES = frozenset("وكالات مواقع متابعات الصحافه وسايل اعلام مواقع التواصل agencies wires".split())


def _outlets_in(text: str) -> list[tuple[re.Match[str], str]]:
    return get_outlets().named_in(text)


def canonical_outlet(text: str | None) -> str | None:
    """The English name of the outlet named in `text` ('شبكة رووداو الإعلامية' -> 'Rudaw'), or None."""
    if not text:
        return None
    found = _outlets_in(text)
    if not found:
        return None
    return max(found, key=lambda f: len(f[0].group()))[1]


def outlet_from_url(url: str | None) -> str | None:
    """The outlet whose web domain serves `url`, or None."""
    return get_outlets().of_url(url)


def _outlet_line(line: str) -> str | None:
    """A short header line that is an outlet's name or byline ('رووداو', 'بغداد - رووداو ديجيتال')."""
    if len(line.split()) > 6:
        return None
    found = _outlets_in(line)
    if not found:
        return None
    n = normalise(line)
    for m, _ in found:
        n = n.replace(m.group(), " ")
    others = [w for w in re.split(r"[\s\-–—|/:،,()]+", n) if w and w not in _BYLINE_WORDS]
    return found[0][1] if len(others) <= 1 else None


# ---------------------------------------------------------------------------------------------
# Header and dateline recognisers

_DATE_LABEL = re.compile(
    r"^(?:تاريخ\s+(?:النشر|الخبر|الاضافه)|نشر\s+(?:في|بتاريخ)|تم\s+النشر|اخر\s+تحديث|تحديث|التاريخ|published(?:\s+on)?"
    r"|updated(?:\s+on)?|posted(?:\s+on)?|date)\s*[:：\-–]?\s*"
)
#: Weekday names and their abbreviations, folded as `normalise` folds a line: the Arabic ones of
#: loaders/data/nlp/dates.json and the English ones of its en/dates.json.
_WEEKDAY_WORDS = sorted(
    {
        *DATE_WORDS["weekdays"],
        *(
            w.lower()
            for ws in json.loads((DATES_FILE.parent / "en" / "dates.json").read_text("utf-8"))["weekdays"].values()
            for w in ws
        ),
    },
    key=lambda w: (-len(w), w),
)
_DATE_NOISE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?|(?<!\w)(?:gmt|utc|am|pm|ص|م|بتوقيت\s+\S+|الساعه|at|on)(?!\w)|[+-]\d{2}:?\d{2}"
    rf"|(?<!\w)(?:{'|'.join(map(re.escape, _WEEKDAY_WORDS))})(?!\w)|[^\w\s]"
)
_AUTHOR = re.compile(r"^(?:بقلم|كتب|كتبت|اعداد|تحرير|by)\s*[:：]|^بقلم\s")
_URL_LINE = re.compile(r"^(?:(?:url|الرابط|رابط\s+الخبر|link)\s*[:：]\s*)?(https?://\S+)$", re.IGNORECASE)
_PAREN_DATELINE = re.compile(r"^\(\s*([^()]{3,150}?)\s*\)\s*[-–—:]?\s*")
_LEAD_SEPARATOR = re.compile(r"\s*[/:\-–—]+\s*")
_CITY_OUTLET = re.compile(r"^[^\s()]{2,25}(?:\s[^\s()]{2,25})?\s*\(([^()]{2,40})\)\s*[-–—:]")
_TITLE_END = re.compile(r"[.،,:;؛]$")
_HEADER_LINES = 8


def _date_line(line: str) -> str | None:
    """A line that is only a (labelled) date: '08-12-2023', 'تاريخ النشر: 2nd, May 2022 GMT'."""
    n = normalise(line)
    if len(n.split()) > 12:
        return None
    rest = _DATE_LABEL.sub("", n, count=1)
    for mention in find_dates(rest, None):
        if mention.precision != "day":
            continue
        leftover = _DATE_NOISE.sub(" ", rest[: mention.start] + " " + rest[mention.end :])
        if len(leftover.split()) <= 1:
            return mention.date
    return None


def _date_label_only(line: str) -> bool:
    """'آخر تحديث: منذ ساعتين': a date label whose value is no calendar date is still not body text."""
    n = normalise(line)
    return len(n.split()) <= 8 and _DATE_LABEL.match(n) is not None


def _is_title(line: str, following: list[str]) -> bool:
    return (
        len(line) <= 250
        and len(line.split()) <= 30
        and not _TITLE_END.search(line)
        and any(following)
        and line_rule(line) is None
        and block_rule(line) is None
    )


def _same_text(a: str, b: str) -> bool:
    return normalise(a) == normalise(b)


@dataclass
class _Meta:
    """Metadata gathered from several places; the first value found for a field wins."""

    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None

    def fill(self, **values: str | None) -> None:
        for key, value in values.items():
            if value and getattr(self, key) is None:
                setattr(self, key, value)

    def as_dict(self) -> dict[str, str | None]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _read_header(lines: list[str], meta: _Meta) -> int:
    """Take the title, date, outlet and widget lines above the body; return where the body starts."""
    known_title = meta.title
    title_seen = False
    i = 0
    seen = 0
    while i < len(lines) and seen < _HEADER_LINES:
        line = lines[i]
        if not line:
            i += 1
            continue
        seen += 1
        url = _URL_LINE.match(line)
        rule = line_rule(line)
        if (published := _date_line(line)) is not None:
            meta.fill(published=published)
        elif url:
            meta.fill(url=url[1])
        elif (outlet := _outlet_line(line)) is not None:
            meta.fill(outlet=outlet)
        elif _AUTHOR.match(normalise(line)) or _date_label_only(line):
            pass
        elif rule == "source":
            meta.fill(outlet=_source_outlet(line.split(":", 1)[-1]))
        elif rule is not None:
            pass
        elif (
            not title_seen
            and _is_title(line, lines[i + 1 :])
            and (known_title is None or _same_text(line, known_title))
        ):
            meta.fill(title=line)
            title_seen = True
        else:
            break
        i += 1
    return i


def _read_dateline(line: str, meta: _Meta) -> str:
    """'(Agency / Outlet - 3 آذار 2021) text' -> outlet and date taken, the text returned."""
    m = _PAREN_DATELINE.match(line)
    if m:
        inner = m[1]
        found = _outlets_in(inner)
        published = parse_date(inner)
        if found or published:
            meta.fill(outlet=found[-1][1] if found else None, published=published)
            return line[m.end() :]
    m = _CITY_OUTLET.match(line)
    if m:
        meta.fill(outlet=canonical_outlet(m[1]))
        return line
    for sep in _LEAD_SEPARATOR.finditer(line[:60]):
        outlet = _outlet_line(line[: sep.start()])
        if outlet:  # 'بغداد/ شفق نيوز- أعلنت ...': a dateline naming the outlet
            meta.fill(outlet=outlet)
            return line[sep.end() :]
    return line


def _source_outlet(value: str) -> str | None:
    value = value.strip()
    if not value or normalise(value) in _GENERIC_SOURCES:
        return None
    return canonical_outlet(value) or (value if len(value.split()) <= 4 else None)


def _language_code(value: str, source: str) -> str:
    v = value.strip().lower()
    named = {"arabic": "ar", "العربية": "ar", "عربي": "ar", "english": "en", "انجليزي": "en"}
    if v in named:
        return named[v]
    code = re.split(r"[-_]", v)[0]
    if not re.fullmatch(r"[a-z]{2,3}", code):
        raise ArticleError(source, f"language {value!r} is not a language code such as 'ar' or 'en'")
    return code


# ---------------------------------------------------------------------------------------------
# Building articles


def article_from_text(text: str, file: str, **data: str | None) -> LoadedArticle:
    """An article from plain text (a .txt file, a record's text); values in `data` beat the text's own.

    `data` may give title, outlet, published, url and language, already normalised.
    """
    meta = _Meta(**data)
    lines = split_lines(text)
    start = _read_header(lines, meta)
    body = [line for line in lines[start:] if line]
    if body:
        body[0] = _read_dateline(body[0], meta)
    cleaned = clean("\n".join(body))
    for value in cleaned.removed_by("source"):
        meta.fill(outlet=_source_outlet(value))
    if not cleaned.text.strip():
        raise ArticleError(file, "no article text left after the title, metadata and boilerplate lines")
    meta.fill(outlet=outlet_from_url(meta.url), language=detect_language(cleaned.text))
    reason = unreadable_reason(cleaned.text, meta.language)
    if reason is not None:
        raise ArticleError(file, f"not a readable article: {reason}")
    return LoadedArticle(file=file, text=cleaned.text, **meta.as_dict())


def article_from_html(html: str | bytes, file: str, **data: str | None) -> LoadedArticle:
    """An article from a saved web page: main text and metadata by trafilatura, then our cleaning."""
    import trafilatura  # imported here: loading it costs about a second and only HTML needs it

    try:
        doc = trafilatura.bare_extraction(
            html, url=data.get("url"), with_metadata=True, include_comments=False, include_tables=True
        )
    except Exception as exc:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        raise ArticleError(file, f"could not parse the HTML ({exc.__class__.__name__}: {exc})") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ArticleError(file, "no article text found in the HTML page")
    site = getattr(doc, "sitename", None)
    merged = {
        "title": getattr(doc, "title", None),
        "published": parse_date(getattr(doc, "date", None)),
        "outlet": canonical_outlet(site) or site,
        "url": getattr(doc, "url", None),
    }
    merged.update({k: v for k, v in data.items() if v})
    return article_from_text(text, file, **merged)


_RECORD_STRINGS = ("file", "url", "title", "outlet", "language", "text", "body", "html")


def article_from_record(record: dict[str, Any], file: str) -> LoadedArticle:
    """An article from a JSON record (an API request, a line of a .jsonl file).

    Keys: text (or body, or html for a raw page), and optionally url, title, published, outlet,
    language, file. Other keys are ignored. Raises ArticleError when the record cannot be used.
    """
    if not isinstance(record, dict):
        raise ArticleError(file, f"expected a JSON object, got {type(record).__name__}")
    for key in _RECORD_STRINGS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise ArticleError(file, f"field {key!r} must be a string, got {type(record[key]).__name__}")
    name = (record.get("file") or "").strip() or file
    text = record.get("text") or record.get("body")
    html = record.get("html")
    if not (text and text.strip()) and not (html and html.strip()):
        raise ArticleError(name, "no article text: give it in 'text' (or 'body', or 'html' for a web page)")
    if "\x00" in (text or "") or "\x00" in (html or ""):
        # a file with NUL bytes is refused as binary; a record's text with one is no cleaner
        raise ArticleError(name, "the article text holds NUL characters: not a text article")
    published = record.get("published")
    published_iso = None
    if published is not None and not isinstance(published, str | int | float):
        raise ArticleError(name, f"field 'published' must be a date string, got {type(published).__name__}")
    if published not in (None, ""):
        published_iso = parse_date(published)
        if published_iso is None:
            raise ArticleError(name, f"published {published!r} is not a date; write it as YYYY-MM-DD")
    outlet = (record.get("outlet") or "").strip() or None
    data = {
        "title": (record.get("title") or "").strip() or None,
        "outlet": canonical_outlet(outlet) or outlet,
        "published": published_iso,
        "url": (record.get("url") or "").strip() or None,
        "language": _language_code(record["language"], name) if record.get("language") else None,
    }
    if text and text.strip():
        return article_from_text(text, name, **data)
    return article_from_html(html or "", name, **data)


# ---------------------------------------------------------------------------------------------
# Files

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def _decode(data: bytes, source: str) -> str:
    """Strict UTF-8 (with or without BOM), or UTF-16 with a BOM; else, stated and checked, Windows-1256.

    Windows-1256 is the one fallback, for pages saved from older Arabic sites. It decodes any byte,
    so it is taken only when the bytes hold no UTF-8 at all (UTF-8 with a few bad bytes is a damaged
    file, not a Windows-1256 one) and the decoded text reads as Arabic (`loaders.readable`).
    """
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            bom = f"starts with a UTF-16 byte-order mark but is not valid UTF-16 ({exc.reason})"
            raise ArticleError(source, bom) from None
    if b"\x00" in data:
        raise ArticleError(source, "binary content (NUL bytes): not a text article")
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13)) + data.count(127)
    if controls > max(2, len(data) // 100):
        raise ArticleError(source, "binary content (control bytes): not a text article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    lenient = data.decode("utf-8", errors="replace")
    bad = lenient.count("\ufffd")
    good = sum(1 for c in lenient if c > "\x7f" and c != "\ufffd")
    if good >= bad:
        raise ArticleError(
            source,
            f"not valid UTF-8: byte 0x{data[first_bad]:02X} at offset {first_bad} breaks it (and {bad - 1} more), "
            "though the rest is UTF-8: a damaged or cut file? Repair it or save it again as UTF-8",
        )
    text = data.decode("cp1256")
    letters = [c for c in text if c.isalpha()]
    arabic = sum(1 for c in letters if ARABIC_LETTER.match(c))
    reason: str | None = "it is not mostly Arabic"
    if letters and arabic / len(letters) >= 0.6:
        reason = unreadable_reason(text)
    if reason is not None:
        raise ArticleError(
            source,
            f"text encoding not recognised: not UTF-8 (byte 0x{data[first_bad]:02X} at offset {first_bad}), "
            f"and read as Arabic Windows-1256 {reason}; save it as UTF-8",
        )
    return text


def _too_big(size: int, max_bytes: int) -> str:
    return f"{size / 1e6:.1f} MB is over the {max_bytes / 1e6:g} MB limit; split it or raise max_bytes"


_TOO_DEEP = "JSON nested too deeply to read (an article is one object of strings, or a list of them)"


def _load_jsonl(path: Path, max_bytes: int) -> Iterator[LoadedArticle | ArticleError]:
    """One article per line; a bad line is reported and the others still load."""
    any_line = False
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            source = f"{path.name}#{number}"
            if not raw.strip():
                continue
            any_line = True
            if len(raw) > max_bytes:
                yield ArticleError(source, f"line {number} is too large: {_too_big(len(raw), max_bytes)}")
                continue
            try:
                record = json.loads(_decode(raw, source))
            except ArticleError as exc:
                yield exc
                continue
            except json.JSONDecodeError as exc:
                yield ArticleError(source, f"invalid JSON on line {number}: {exc.msg} (column {exc.colno})")
                continue
            except RecursionError:
                yield ArticleError(source, f"line {number}: {_TOO_DEEP}")
                continue
            try:
                yield article_from_record(record, source)
            except ArticleError as exc:
                yield exc
    if not any_line:
        yield ArticleError(path.name, "file is empty")


def _load_json(text: str, name: str) -> Iterator[LoadedArticle | ArticleError]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ArticleError(name, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}")
        return
    except RecursionError:
        yield ArticleError(name, _TOO_DEEP)
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    if not records:
        yield ArticleError(name, "the JSON list holds no articles")
    for number, record in enumerate(records, start=1):
        try:
            yield article_from_record(record, f"{name}#{number}")
        except ArticleError as exc:
            yield exc


def load_file(path: Path | str, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[LoadedArticle | ArticleError]:
    """The articles in one file (a .jsonl or a .json list yields many), or the reasons it cannot be read.

    Never raises for what a file holds: whatever goes wrong with one file is an `ArticleError` for
    it, and the caller's batch goes on.
    """
    path = Path(path)
    try:
        yield from _load_file(path, max_bytes)
    except Exception as exc:  # noqa: BLE001 - an input we did not foresee must not end the batch
        yield ArticleError(path.name, f"could not be read ({type(exc).__name__}: {exc})")


def _load_file(path: Path, max_bytes: int) -> Iterator[LoadedArticle | ArticleError]:
    name = path.name
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield ArticleError(name, f"unsupported file type {suffix or '(none)'!r}; expected one of {', '.join(SUFFIXES)}")
        return
    try:
        size = path.stat().st_size
        if suffix == ".jsonl":
            yield from _load_jsonl(path, max_bytes)
            return
        if size > max_bytes:
            yield ArticleError(name, f"file too large: {_too_big(size, max_bytes)}")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ArticleError(name, f"cannot read the file: {exc.strerror or exc}")
        return
    if not data.strip():
        yield ArticleError(name, "file is empty")
        return
    try:
        if suffix in (".html", ".htm"):
            try:
                html: str | bytes = _decode(data, name)
            except ArticleError as exc:
                if "encoding" not in exc.reason:
                    raise
                html = data  # a page in another charset: trafilatura reads its <meta charset>
            yield article_from_html(html, name)
            return
        text = _decode(data, name)
        if not text.strip():
            yield ArticleError(name, "file is empty")
        elif suffix == ".json":
            yield from _load_json(text, name)
        else:
            yield article_from_text(text, name)
    except ArticleError as exc:
        yield exc


def _link_problem(path: Path) -> str | None:
    """What is wrong with a symbolic link (a loop, or a missing target), or None for a good one."""
    try:
        path.resolve(strict=True)
    except RuntimeError:  # Python < 3.13 reports a loop this way
        return "a symbolic link loop: it leads back to itself, never to a file"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link loop: it leads back to itself, never to a file"
        if isinstance(exc, FileNotFoundError):
            return f"a broken symbolic link: its target {os.readlink(path)!r} does not exist"
        return f"cannot follow the symbolic link: {exc.strerror or exc}"
    return None


def _files_in(folder: Path) -> Iterator[Path | ArticleError]:
    """Article files under a folder in sorted order, following symbolic links; every link that loops
    or leads nowhere, and every folder that cannot be read, is an error in line."""
    seen: set[tuple[int, int]] = set()

    def visit(directory: Path) -> Iterator[Path | ArticleError]:
        try:
            st = directory.stat()
            key = (st.st_dev, st.st_ino)
            if key in seen:
                yield ArticleError(str(directory), "a symbolic link to a folder already read (a loop): skipped")
                return
            seen.add(key)
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            yield ArticleError(str(directory), f"cannot read the folder: {exc.strerror or exc}")
            return
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            if entry.is_symlink():
                problem = _link_problem(path)
                if problem is not None:
                    yield ArticleError(str(path), problem)
                    continue
            if path.is_dir():
                yield from visit(path)
            elif path.is_file() and path.suffix.lower() in SUFFIXES:
                yield path

    yield from visit(folder)


def iter_articles(
    paths: Iterable[Path | str], max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[LoadedArticle | ArticleError]:
    """Articles from files and folders (searched recursively, in sorted order), errors in line: a
    file that cannot be read is one `ArticleError` (logged) and the others still load."""
    for item in _articles(paths, max_bytes):
        if isinstance(item, ArticleError):
            log.info("skipped %s: %s", item.source, item.reason)
        yield item


def _articles(paths: Iterable[Path | str], max_bytes: int) -> Iterator[LoadedArticle | ArticleError]:
    for item in paths:
        path = Path(item)
        if path.is_symlink() and (problem := _link_problem(path)) is not None:
            yield ArticleError(str(path), problem)
        elif path.is_dir():
            found = 0
            for file in _files_in(path):
                if isinstance(file, ArticleError):
                    yield file
                    continue
                found += 1
                yield from load_file(file, max_bytes)
            if not found:
                yield ArticleError(str(path), f"no {', '.join(SUFFIXES)} files in this folder")
        elif path.exists():
            yield from load_file(path, max_bytes)
        else:
            yield ArticleError(str(path), "no such file or folder")
