"""The links fetch reads from feeds, OPML files and URL lists (search_index/fetch/links.py)."""

from __future__ import annotations

import pytest

from search_index.fetch.links import MAX_LINKS, LinkError, links_in, sniff, urls_in_text

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>Example Wire</title><link>https://example.com/</link>
<atom:link href="https://example.com/feed.xml" rel="self"/>
<item><title>One</title><link>https://example.com/one</link></item>
<item><title>Two</title><link> /two </link></item>
<item><title>Three</title><guid>https://example.com/three</guid></item>
<item><title>Four</title><guid isPermaLink="false">tag:example.com,2026:4</guid></item>
</channel></rss>"""

ATOM = b"""<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title>
<link href="https://example.org/"/>
<entry><title>A</title><link href="https://example.org/a"/></entry>
<entry><title>B</title><link rel="alternate" type="text/html" href="b.html"/>
<link rel="replies" href="https://example.org/b/comments"/></entry>
</feed>"""

RDF = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
xmlns="http://purl.org/rss/1.0/"><channel><title>RDF</title><link>https://e.net/</link></channel>
<item><title>x</title><link>https://e.net/x</link></item></rdf:RDF>"""

OPML = b"""<?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head>
<body><outline text="World"><outline type="rss" text="A" xmlUrl="https://a.example/rss"/>
<outline type="rss" text="B" xmlUrl="https://b.example/atom.xml" htmlUrl="https://b.example/"/>
</outline></body></opml>"""


def test_rss_links_made_absolute_and_permalink_guids():
    links = links_in(RSS, "https://example.com/feed.xml", "application/rss+xml")
    assert links.kind == "feed" and links.title == "Example Wire"
    assert links.urls == (
        "https://example.com/one",
        "https://example.com/two",
        "https://example.com/three",
    )


def test_atom_takes_alternate_links_only():
    links = links_in(ATOM, "https://example.org/feed")
    assert links.urls == ("https://example.org/a", "https://example.org/b.html")
    assert links.title == "Atom wire"


def test_rdf_feed():
    assert links_in(RDF).urls == ("https://e.net/x",)


def test_opml_lists_feeds():
    links = links_in(OPML)
    assert links.kind == "opml"
    assert links.urls == ("https://a.example/rss", "https://b.example/atom.xml")


def test_json_feed():
    data = (
        b'{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": ['
        b'{"id": "1", "url": "https://j.example/1"}, {"id": "2", "external_url": "/2"},'
        b' {"id": "3"}, "junk"]}'
    )
    links = links_in(data, "https://j.example/feed.json", "application/feed+json")
    assert links.kind == "feed" and links.urls == ("https://j.example/1", "https://j.example/2")


def test_sniffing_trusts_the_first_element_over_the_content_type():
    assert sniff(RSS, "text/html") == "feed"
    assert sniff(b"<!DOCTYPE html><html><body>x</body></html>", "text/xml") == "page"
    assert sniff(OPML, "text/xml") == "opml"
    assert sniff(b"\xef\xbb\xbf<?xml version='1.0'?>\n<!-- hi -->\n<feed/>") == "feed"
    assert sniff(b"https://a.example/1\nhttps://a.example/2\n", "text/plain") == "urls"
    assert sniff(b"just some words", "text/plain") == "page"


def test_url_lists_skip_comments_and_notes():
    text = "# list\n\nhttps://a.example/1   # first\n  https://a.example/2\nhttps://a.example/1\n"
    assert urls_in_text(text).urls == ("https://a.example/1", "https://a.example/2")


def test_entities_are_refused_and_nothing_is_expanded():
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
        b"<rss><channel><item><link>&lol3;</link></item></channel></rss>"
    )
    with pytest.raises(LinkError, match="entities"):
        links_in(laughs)
    external = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><link>&x;</link></item></channel></rss>"
    )
    with pytest.raises(LinkError):
        links_in(external)


def test_deep_nesting_and_broken_xml_give_a_message():
    deep = b"<rss>" + b"<a>" * 10_000 + b"</a>" * 10_000 + b"</rss>"
    with pytest.raises(LinkError, match="deeply nested"):
        links_in(deep)
    with pytest.raises(LinkError, match="not well-formed"):
        links_in(b"<rss><channel><item><link>x</item></rss>")
    with pytest.raises(LinkError, match="JSON Feed"):
        links_in(b'{"version": "https://jsonfeed.org/version/1", "items": ' + b"[" * 100_000)


def test_a_huge_feed_is_cut():
    items = b"".join(b"<item><link>https://x.example/%d</link></item>" % i for i in range(10_000))
    links = links_in(b"<rss><channel>" + items + b"</channel></rss>")
    assert len(links.urls) == MAX_LINKS and links.cut == 10_000 - MAX_LINKS
