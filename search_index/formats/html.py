"""Saved web pages: the article's main text and metadata, found by trafilatura.

trafilatura (the maintained reference for the job: body F1 0.97 on html-dev, see
benchmarks/RESULTS.md) finds the main text, title, author, site name, date and canonical URL;
the page is decoded and parsed here, so that its charset is read the way the corpus reads
every file and the tree is bounded before trafilatura walks it. Imported on the first page.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from typing import Any

from ..models import PublishedDate
from .encoding import decode_page
from .page import NotAnArticle, Page

# Past this much markup (embedded images removed) a page is not an article a person saved but
# a dump: parsing and walking it would take minutes.
MAX_MARKUP_CHARS = 8 * 1024 * 1024
MAX_ELEMENTS = 300_000
# Fewer words than this is a stub: a 404 body, a paywall's teaser, a cookie wall.
MIN_WORDS = 25
_PROSE_WORDS = 8

# data: URIs of inlined images (SingleFile, "save as complete page" tools): megabytes of base64
# that no extractor reads. Bounded classes only, so the scan is linear.
_DATA_URI = re.compile(r"data:[\w/+.-]{0,80};base64,[A-Za-z0-9+/=\s]{512,}")
_LANG = re.compile(
    r"""<html\b[^>]{0,500}?\blang\s*=\s*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8}){0,3})""",
    re.IGNORECASE,
)
_ERROR_TITLE = re.compile(
    r"\b(?:404|410|page not found|not found|access denied|forbidden|error)\b", re.IGNORECASE
)
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

_LIBRARY_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "charset_normalizer")
_quietened = False


def extract_html(data: bytes, *, charset: str | None = None, url: str | None = None) -> Page:
    """The article in a page's bytes; raises NotAnArticle when there is none.

    ``charset`` is the one the page came with (a MIME part's), ``url`` where it was fetched
    from (it helps find the date); both optional."""
    text, note = decode_page(data, charset)
    notes = [note] if note else []
    markup = _DATA_URI.sub("data:,", text)
    if len(markup) > MAX_MARKUP_CHARS:
        size = len(markup) / 1048576
        raise NotAnArticle(
            f"page too large to extract: {size:.1f} MiB of markup without its embedded images "
            f"(the limit is {MAX_MARKUP_CHARS // 1048576} MiB)"
        )
    tree, too_deep = _parse(markup)
    try:
        document = _extract(tree, url)
    except NotAnArticle:
        if too_deep:
            raise NotAnArticle(
                "page nested too deeply to read: its text lies more than 256 elements deep"
            ) from None
        raise
    body = _paragraphs(getattr(document, "text", None) or "")
    words = _word_count(body)
    title = _clean_line(getattr(document, "title", None) or "")
    first, _, rest = body.partition("\n\n")
    if title and rest and first.casefold() == title.casefold():
        body = rest  # the headline is the article's first line already (Article.text)
        words = _word_count(body)
    # Words in prose: paragraphs of a sentence's length. An index page, a menu or a list of
    # links has many short lines and none of them.
    prose = sum(n for n in (_word_count(p) for p in body.split("\n\n")) if n >= _PROSE_WORDS)
    if prose < MIN_WORDS:
        if words >= MIN_WORDS:
            raise NotAnArticle(
                f"no article text: {words} words, all in short lines (an index page or a list "
                "of links?)"
            )
        what = f"only {words} word(s) of text" if words else "no article text"
        raise NotAnArticle(
            f"{what} found in the page (an index page, a paywall or error page, or a page "
            "that builds its text with scripts?)"
        )
    if _ERROR_TITLE.search(title) and words < 150 and not getattr(document, "date", None):
        raise NotAnArticle(f"looks like an error page ({title!r}), not an article")
    return Page(
        title=title,
        body=body,
        author=_clean_line(getattr(document, "author", None) or "") or None,
        outlet=_outlet(document),
        published=_published(getattr(document, "date", None)),
        url=getattr(document, "url", None) or None,
        language=_language(markup),
        notes=tuple(notes),
    )


def _parse(markup: str) -> tuple[Any, bool]:
    """The page's tree, and whether the parser stopped at its depth limit (256: lxml's
    default, kept so that nesting cannot exhaust the stack of whatever walks the tree)."""
    from lxml import etree, html

    parser = html.HTMLParser(
        collect_ids=False,
        default_doctype=False,
        remove_comments=True,
        remove_pis=True,
        encoding="utf-8",
    )
    try:
        tree = html.document_fromstring(markup.encode("utf-8", "replace"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise NotAnArticle(f"not readable as HTML ({exc})") from None
    for count, _ in enumerate(tree.iter(), start=1):
        if count > MAX_ELEMENTS:
            raise NotAnArticle(f"page too large to extract: more than {MAX_ELEMENTS:,} elements")
    too_deep = any("Excessive depth" in str(e.message) for e in parser.error_log)
    return tree, too_deep


def _extract(tree: Any, url: str | None) -> Any:
    _quieten()
    import trafilatura

    try:
        document = trafilatura.bare_extraction(
            tree, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
    except RecursionError:
        raise NotAnArticle("page nested too deeply to extract") from None
    except Exception as exc:  # a third-party extractor: one odd page must not stop the rest
        raise NotAnArticle(f"the page could not be extracted ({type(exc).__name__})") from None
    if document is None:
        raise NotAnArticle(
            "no article text found in the page (an index page, a paywall or error page, or a "
            "page that builds its text with scripts?)"
        )
    return document


def _word_count(text: str) -> int:
    """Words, counting Chinese and Japanese (written without spaces) as two characters a word."""
    return len(text.split()) + len(_UNSPACED.findall(text)) // 2


def _quieten() -> None:
    # The libraries log each page they cannot use; the corpus reports skipped files itself,
    # once, and standard error must not fill with their lines.
    global _quietened
    if not _quietened:
        for name in _LIBRARY_LOGGERS:
            logging.getLogger(name).addHandler(logging.NullHandler())
            logging.getLogger(name).propagate = False
        _quietened = True


def _paragraphs(text: str) -> str:
    lines = (_clean_line(line) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _clean_line(text: str) -> str:
    return _SPACES.sub(" ", text.replace("\n", " ")).strip()


def _outlet(document: Any) -> str | None:
    name = _clean_line(getattr(document, "sitename", None) or "")
    if name:
        return name
    host = getattr(document, "hostname", None) or ""
    host = host.lower().removeprefix("www.")
    return host or None


def _published(value: str | None) -> PublishedDate | None:
    match = _DATE.match(value or "")
    if not match:
        return None
    try:
        year, month, day = (int(g) for g in match.groups())
        return PublishedDate(datetime(year, month, day))
    except ValueError:
        return None


def _language(markup: str) -> str | None:
    match = _LANG.search(markup, 0, 200_000)
    return match.group(1).replace("_", "-") if match else None


def fragment_text(fragment: str) -> str:
    """An HTML fragment (a feed item's content) as plain paragraphs; scripts and styles
    dropped. Text without markup is returned with its whitespace tidied."""
    if "<" not in fragment and "&" not in fragment:
        return "\n\n".join(p for p in (_clean_line(x) for x in fragment.split("\n\n")) if p)
    from lxml import etree, html

    try:
        root = html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return _paragraphs(re.sub(r"<[^>]{0,1000}>", " ", fragment))
    for element in list(root.iter("script", "style", "noscript", "template")):
        element.drop_tree()
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "br":
            element.tail = "\n" + (element.tail or "")
        elif element.tag in _BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return _paragraphs(root.text_content())


_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li ul ol blockquote pre table tr section article figure "
    "figcaption header footer aside dl dt dd hr".split()
)
