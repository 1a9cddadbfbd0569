"""Saved pages, MHTML archives and feeds built by the tests themselves (nothing downloaded)."""

from __future__ import annotations

import base64
import json
import quopri
from html import escape

from . import CORPORA

HTML_PAGES = CORPORA / "html"  # two real pages (MIT, see its README)

ARTICLE = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="{charset}">
<title>{title} | The Courier</title>
<meta property="og:site_name" content="The Courier">
<meta property="og:title" content="{title}">
<meta name="author" content="Mina Park">
<meta property="article:published_time" content="2026-01-26T09:30:00Z">
<link rel="canonical" href="https://courier.example/2026/01/26/{slug}">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>{title}</h1>{paragraphs}</article>
<footer>Copyright 2026 The Courier. All rights reserved.</footer></body></html>"""

STORY = [
    "North Korea opened a memorial museum in Pyongyang on Monday for soldiers killed fighting "
    "for Russia, state media said, showing leader Kim Jong Un at the ceremony.",
    "The museum holds sculptures of 1,500 soldiers, according to the Korean Central News "
    "Agency, which did not say how many troops had died in the Kursk region.",
    "South Korean intelligence has estimated that about 600 North Korean soldiers were killed "
    "and several thousand wounded since the deployment began in October 2024.",
    "Analysts said the ceremony was meant to honour the dead while strengthening ties with "
    "Moscow, which has promised economic and military help in return.",
]


def article_html(
    title: str = "Kim opens museum for soldiers killed in Russia",
    paragraphs: list[str] | None = None,
    charset: str = "utf-8",
    slug: str = "museum",
) -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in (paragraphs or STORY))
    return ARTICLE.format(title=escape(title), paragraphs=body, charset=charset, slug=slug)


def mhtml(
    html: bytes,
    url: str = "https://courier.example/2026/01/26/museum",
    *,
    charset: str | None = None,
    transfer: str = "quoted-printable",
    extra_parts: int = 1,
    html_first: bool = True,
) -> bytes:
    """A Chrome-style MHTML archive: the page (no charset parameter unless given), then
    resources (an image, and an iframe's HTML when html_first is False puts it first)."""
    boundary = "----MultipartBoundary--kimreaderTest----"
    payload = base64.encodebytes(html) if transfer == "base64" else quopri.encodestring(html)
    content_type = "text/html" + (f"; charset={charset}" if charset else "")
    page = (
        f"Content-Type: {content_type}\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
        f"Content-Transfer-Encoding: {transfer}\r\nContent-Location: {url}\r\n\r\n"
    ).encode() + payload
    parts = [page]
    for i in range(extra_parts):
        parts.append(
            (
                "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
                f"Content-Location: https://courier.example/img{i}.png\r\n\r\n"
            ).encode()
            + base64.encodebytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
        )
    if not html_first:
        frame = quopri.encodestring(b"<html><body><p>An advert in a frame.</p></body></html>")
        parts.insert(
            0,
            b"Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable\r\n"
            b"Content-Location: https://ads.example/frame\r\n\r\n" + frame,
        )
    head = (
        f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\n"
        "Subject: Saved page\r\nDate: Mon, 26 Jan 2026 10:00:00 -0000\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n'
        f'\tboundary="{boundary}"\r\n\r\n'
    )
    body = b"".join(f"\r\n--{boundary}\r\n".encode() + p for p in parts)
    return head.encode() + body + f"\r\n--{boundary}--\r\n".encode()


def rss(items: list[dict[str, str]], title: str = "The Courier") -> bytes:
    out = []
    for item in items:
        fields = []
        for key, value in item.items():
            if key == "content":
                fields.append(f"<content:encoded><![CDATA[{value}]]></content:encoded>")
            else:
                fields.append(f"<{key}>{escape(value)}</{key}>")
        out.append("<item>" + "".join(fields) + "</item>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        f"<title>{escape(title)}</title><link>https://courier.example/</link>"
        + "".join(out)
        + "</channel></rss>"
    ).encode()


def atom(entries: list[dict[str, str]], title: str = "Harbour Times") -> bytes:
    out = []
    for entry in entries:
        parts = [f"<id>{escape(entry['id'])}</id><title>{escape(entry['title'])}</title>"]
        if "link" in entry:
            parts.append(f'<link rel="alternate" href="{escape(entry["link"])}"/>')
        if "updated" in entry:
            parts.append(f"<updated>{entry['updated']}</updated>")
        if "author" in entry:
            parts.append(f"<author><name>{escape(entry['author'])}</name></author>")
        if "summary" in entry:
            parts.append(f"<summary>{escape(entry['summary'])}</summary>")
        if "content" in entry:
            parts.append(f'<content type="html">{escape(entry["content"])}</content>')
        out.append("<entry>" + "".join(parts) + "</entry>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:harbour</id><updated>2026-01-27T00:00:00Z</updated>"
        + "".join(out)
        + "</feed>"
    ).encode()


def json_feed(items: list[dict[str, object]], title: str = "Ridge Daily") -> bytes:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "home_page_url": "https://ridge.example/",
            "items": items,
        }
    ).encode()
