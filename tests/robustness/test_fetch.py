"""kimreader fetch against a local HTTP server (127.0.0.1, started and stopped here): redirects,
errors, slow and huge answers, retries, robots.txt, feeds, OPML, changed and unchanged pages,
hostile URLs. No test waits for real: every pause goes through a recording ``sleep``.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from support.http_server import Reply, serve

from search_index import __version__
from search_index.fetch import (
    FetchSettings,
    HttpSettings,
    InputError,
    Target,
    fetch,
    read_inputs,
)
from search_index.fetch.store import PROVENANCE_SUFFIX
from search_index.provenance import read_provenance
from search_index.versions import versions_of_files

PAGE = b"<!doctype html><html><head><title>Museum</title></head><body><p>%s</p></body></html>"
SAFE_NAME = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]*$")


def page(text: str) -> bytes:
    return PAGE % text.encode()


class Clock:
    """A fetch time that moves a minute per call, so captures sort without real waiting."""

    def __init__(self) -> None:
        self.t = datetime(2026, 12, 4, 23, 10, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.t += timedelta(minutes=1)
        return self.t


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("no_proxy", "*")  # a proxy in the environment must not see the test
    with serve() as running:
        running.routes["/robots.txt"] = Reply(404, b"", "text/plain")
        yield running


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def settings(sleeps):
    http = HttpSettings(
        connect_timeout=2.0,
        read_timeout=0.3,
        total_timeout=10.0,
        retries=2,
        backoff=0.01,
        sleep=sleeps.append,
    )
    return FetchSettings(http=http, host_delay=0.0, now=Clock())


def run(urls, into, settings, **kw):
    return fetch([u if isinstance(u, Target) else Target(u) for u in urls], into, settings, **kw)


def files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def record(path: str | Path) -> dict:
    return json.loads(Path(f"{path}{PROVENANCE_SUFFIX}").read_text(encoding="utf-8"))


def test_a_page_is_saved_as_sent_with_its_provenance(server, settings, tmp_path):
    body = page("Kim Jong Un opened the museum.")
    server.routes["/news/story.html"] = Reply(body=body, headers={"ETag": '"v1"'})
    report = run([server.url("/news/story.html")], tmp_path / "out", settings)
    [outcome] = report.outcomes
    assert outcome.status == "saved" and outcome.version == 1
    saved = Path(outcome.path)
    assert (
        saved.parent == tmp_path / "out"
        and saved.name == "127.0.0.1-" + str(server.port) + "_news_story.html"
    )
    assert saved.read_bytes() == body
    rec = record(saved)
    assert rec["requested_url"] == rec["final_url"] == server.url("/news/story.html")
    assert rec["status"] == 200
    assert rec["content_type"] == "text/html; charset=utf-8"
    assert rec["sha256"] == hashlib.sha256(body).hexdigest()
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", rec["fetched_at"])
    assert rec["etag"] == '"v1"'
    agent = [r.headers["User-Agent"] for r in server.requests if r.path == "/news/story.html"]
    assert agent and all(a.startswith(f"kimreader/{__version__}") for a in agent)
    assert not report.all_failed


def test_a_redirect_is_followed_and_the_final_url_recorded(server, settings, tmp_path):
    server.routes["/short"] = Reply(301, headers={"Location": "/articles/long-title"})
    server.routes["/articles/long-title"] = Reply(body=page("moved"))
    [outcome] = run([server.url("/short")], tmp_path, settings).outcomes
    assert outcome.status == "saved"
    assert outcome.final_url == server.url("/articles/long-title")
    rec = record(outcome.path)
    assert rec["requested_url"] == server.url("/short")
    assert rec["final_url"] == server.url("/articles/long-title")
    assert rec["redirects"] == [server.url("/short")]
    assert Path(outcome.path).name.endswith("_articles_long-title.html")


def test_redirects_to_other_schemes_and_loops_fail(server, settings, tmp_path):
    server.routes["/to-file"] = Reply(302, headers={"Location": "file:///etc/passwd"})
    server.routes["/loop"] = Reply(302, headers={"Location": "/loop2"})
    server.routes["/loop2"] = Reply(302, headers={"Location": "/loop"})
    report = run([server.url("/to-file"), server.url("/loop")], tmp_path, settings)
    reasons = [o.reason for o in report.outcomes]
    assert [o.status for o in report.outcomes] == ["failed", "failed"]
    assert "only http and https" in reasons[0]
    assert "redirect loop" in reasons[1]
    assert files(tmp_path) == []
    assert report.all_failed


def test_not_found_fails_and_writes_nothing(server, settings, tmp_path):
    [outcome] = run([server.url("/gone")], tmp_path, settings).outcomes
    assert (outcome.status, outcome.reason, outcome.http_status) == (
        "failed",
        "HTTP 404 Not Found",
        404,
    )
    assert files(tmp_path) == []
    assert server.hits("/gone") == 1  # a 404 is not retried


def test_a_slow_server_times_out_and_is_retried(server, settings, sleeps, tmp_path):
    server.routes["/slow"] = Reply(body=page("late"), delay=5.0)  # the read timeout is 0.3 s
    [outcome] = run([server.url("/slow")], tmp_path, settings).outcomes
    assert outcome.status == "failed" and "timed out" in outcome.reason
    assert server.hits("/slow") == 3  # the first try and two retries
    assert len(sleeps) == 2 and sleeps[1] > sleeps[0]  # exponential backoff
    assert files(tmp_path) == []


def test_a_server_that_recovers_in_time_is_read(server, settings, tmp_path):
    server.routes["/flaky"] = [Reply(body=b"", delay=5.0), Reply(body=page("at last"))]
    [outcome] = run([server.url("/flaky")], tmp_path, settings).outcomes
    assert outcome.status == "saved"


def test_429_honours_retry_after(server, settings, sleeps, tmp_path):
    server.routes["/busy"] = [Reply(429, headers={"Retry-After": "7"}), Reply(body=page("ok"))]
    [outcome] = run([server.url("/busy")], tmp_path, settings).outcomes
    assert outcome.status == "saved"
    assert sleeps == [7.0]
    assert server.hits("/busy") == 2


def test_a_retry_after_beyond_the_cap_gives_up(server, settings, sleeps, tmp_path):
    server.routes["/busy"] = Reply(429, headers={"Retry-After": "86400"})
    [outcome] = run([server.url("/busy")], tmp_path, settings).outcomes
    assert outcome.status == "failed" and "asks to wait 86400 s" in outcome.reason
    assert sleeps == [] and server.hits("/busy") == 1


def test_5xx_is_retried_then_reported(server, settings, sleeps, tmp_path):
    server.routes["/down"] = Reply(503, b"")
    server.routes["/blip"] = [Reply(502, b""), Reply(body=page("back"))]
    report = run([server.url("/down"), server.url("/blip")], tmp_path, settings)
    down, blip = report.outcomes
    assert down.status == "failed" and down.reason == "HTTP 503 Service Unavailable"
    assert server.hits("/down") == 3
    assert blip.status == "saved" and server.hits("/blip") == 2


def test_a_changed_page_keeps_both_captures_and_an_unchanged_one_is_not_saved_again(
    server, settings, tmp_path
):
    url = server.url("/live/story")
    server.routes["/live/story"] = [
        Reply(body=page("Nine killed.")),
        Reply(body=page("Twelve killed.")),
        Reply(body=page("Twelve killed.")),
    ]
    first = run([url], tmp_path, settings).outcomes[0]
    second = run([url], tmp_path, settings).outcomes[0]
    third = run([url], tmp_path, settings).outcomes[0]
    assert (first.status, first.version) == ("saved", 1)
    assert (second.status, second.version) == ("saved", 2)
    assert (third.status, third.path) == ("unchanged", second.path)
    pages = [n for n in files(tmp_path) if not n.endswith(PROVENANCE_SUFFIX)]
    assert len(pages) == 2
    old, new = Path(first.path), Path(second.path)
    assert old.read_bytes() == page("Nine killed.")
    assert new.read_bytes() == page("Twelve killed.")
    assert new.name.startswith(old.stem + "--") and new.suffix == ".html"
    assert record(old)["fetched_at"] < record(new)["fetched_at"]


def test_an_etag_asks_only_for_a_change(server, settings, tmp_path):
    url = server.url("/tagged")
    server.routes["/tagged"] = [
        Reply(body=page("one"), headers={"ETag": '"abc"'}),
        Reply(304, b""),
    ]
    run([url], tmp_path, settings)
    [again] = run([url], tmp_path, settings).outcomes
    assert again.status == "unchanged"
    assert server.requests[-1].headers.get("If-None-Match") == '"abc"'
    assert len([n for n in files(tmp_path) if n.endswith(".html")]) == 1


def test_a_feed_fetches_every_linked_article(server, settings, tmp_path):
    rss = f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>A</title><link>{server.url("/a")}</link></item>
<item><title>B</title><link>/b</link></item>
<item><title>C</title><guid isPermaLink="true">{server.url("/c")}</guid></item>
<item><title>again</title><link>{server.url("/a")}#comments</link></item>
</channel></rss>""".encode()
    server.routes["/feed.xml"] = Reply(body=rss, content_type="application/rss+xml")
    for name in "abc":
        server.routes[f"/{name}"] = Reply(body=page(name))
    report = run([server.url("/feed.xml")], tmp_path, settings)
    statuses = {o.url.rsplit("/", 1)[1]: o.status for o in report.outcomes}
    assert statuses == {"feed.xml": "feed", "a": "saved", "b": "saved", "c": "saved"}
    assert report.outcomes[0].links == 3
    saved = [o for o in report.outcomes if o.status == "saved"]
    assert all(record(o.path)["via_feed"] == server.url("/feed.xml") for o in saved)
    assert not any(n.startswith(f"127.0.0.1-{server.port}_feed") for n in files(tmp_path))


def test_atom_and_json_feeds(server, settings, tmp_path):
    atom = f"""<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><link rel="alternate" href="{server.url("/x")}"/><link rel="enclosure" href="/pic.jpg"/>
</entry></feed>""".encode()
    jsonfeed = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "items": [{"id": "1", "url": server.url("/y")}, {"id": "2"}],
        }
    ).encode()
    server.routes["/atom"] = Reply(body=atom, content_type="application/atom+xml")
    server.routes["/json"] = Reply(body=jsonfeed, content_type="application/feed+json")
    server.routes["/x"] = Reply(body=page("x"))
    server.routes["/y"] = Reply(body=page("y"))
    report = run([server.url("/atom"), server.url("/json")], tmp_path, settings)
    assert [(o.url.rsplit("/", 1)[1], o.status) for o in report.outcomes] == [
        ("atom", "feed"),
        ("json", "feed"),
        ("x", "saved"),
        ("y", "saved"),
    ]
    assert server.hits("/pic.jpg") == 0


def test_an_opml_file_fetches_its_feeds_articles(server, settings, tmp_path):
    server.routes["/feed"] = Reply(
        body=f"<rss><channel><item><link>{server.url('/p')}</link></item></channel></rss>".encode(),
        content_type="text/xml",
    )
    server.routes["/p"] = Reply(body=page("p"))
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>'
        f'<outline text="news"><outline type="rss" xmlUrl="{server.url("/feed")}"/></outline>'
        '<outline type="rss" xmlUrl="gopher://old.example/feed"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    targets, rejected = read_inputs([str(opml)])
    assert [t.expect for t in targets] == ["feed"]
    assert [r.url for r in rejected] == ["gopher://old.example/feed"]
    report = fetch(targets, tmp_path / "out", settings, rejected=rejected)
    assert [o.status for o in report.outcomes] == ["failed", "feed", "saved"]


def test_a_url_list_with_comments(server, settings, tmp_path):
    server.routes["/1"] = Reply(body=page("1"))
    server.routes["/2"] = Reply(body=page("2"))
    listing = tmp_path / "urls.txt"
    listing.write_text(
        f"# my reading list\n\n{server.url('/1')}\n  {server.url('/2')}  # the second\n"
        f"{server.url('/1')}\nftp://example.org/file\n",
        encoding="utf-8",
    )
    targets, rejected = read_inputs([str(listing)])
    assert len(rejected) == 1 and "only http and https" in rejected[0].reason
    report = fetch(targets, tmp_path / "out", settings, rejected=rejected)
    assert [o.status for o in report.outcomes] == ["failed", "saved", "saved"]


def test_unusable_arguments_are_refused_before_any_request(tmp_path):
    (tmp_path / "page.html").write_bytes(page("not a list"))
    for arg, words in [
        ("ftp://example.org/x", "only http and https"),
        ("javascript://alert(1)", "only http and https"),
        ("http://", "names no host"),
        (str(tmp_path / "missing.txt"), "no such file"),
        (str(tmp_path), "a folder"),
        (str(tmp_path / "page.html"), "neither a list"),
    ]:
        with pytest.raises(InputError, match=words):
            read_inputs([arg])


def test_robots_txt_is_respected(server, settings, tmp_path):
    # Our own group applies, not the catch-all one (which would forbid everything), nor
    # another robot's.
    server.routes["/robots.txt"] = Reply(
        body=b"User-agent: otherbot\nDisallow: /public\n\n"
        b"User-agent: kimreader\nDisallow: /private/\nDisallow: /nokim\n\n"
        b"User-agent: *\nDisallow: /\n",
        content_type="text/plain",
    )
    server.routes["/public"] = Reply(body=page("open"))
    server.routes["/private/x"] = Reply(body=page("closed"))
    server.routes["/nokim"] = Reply(body=page("not for us"))
    server.routes["/sneaky"] = Reply(302, headers={"Location": "/private/y"})
    urls = ["/public", "/private/x", "/nokim", "/sneaky"]
    report = run([server.url(u) for u in urls], tmp_path, settings)
    assert [o.status for o in report.outcomes] == ["saved", "skipped", "skipped", "failed"]
    assert report.outcomes[1].reason == "robots.txt disallows it"
    assert "robots.txt disallows it" in report.outcomes[3].reason
    assert sum(server.hits(p) for p in ("/private/x", "/private/y", "/nokim")) == 0
    assert server.hits("/robots.txt") == 1  # read once per host


def test_a_failing_robots_txt_means_do_not_fetch(server, settings, tmp_path):
    server.routes["/robots.txt"] = Reply(500, b"")
    server.routes["/page"] = Reply(body=page("x"))
    [outcome] = run([server.url("/page")], tmp_path, settings).outcomes
    assert outcome.status == "skipped" and "robots.txt could not be read" in outcome.reason
    assert server.hits("/page") == 0


@pytest.mark.parametrize("send_length", [True, False])
def test_a_too_large_body_is_refused(server, settings, tmp_path, send_length):
    small = FetchSettings(
        http=HttpSettings(max_bytes=10_000, retries=0, sleep=settings.http.sleep),
        host_delay=0,
    )
    server.routes["/huge"] = Reply(body=b"<html>" + b"x" * 50_000, send_length=send_length)
    [outcome] = run([server.url("/huge")], tmp_path, small).outcomes
    assert outcome.status == "failed" and "larger than the 10 KiB limit" in outcome.reason
    assert files(tmp_path) == []


def test_a_gzip_bomb_is_cut_at_the_size_cap(server, settings, tmp_path):
    small = FetchSettings(http=HttpSettings(max_bytes=100_000, retries=0), host_delay=0)
    bomb = gzip.compress(b"\0" * 50_000_000)
    server.routes["/bomb"] = Reply(body=bomb, headers={"Content-Encoding": "gzip"})
    server.routes["/zipped"] = Reply(
        body=gzip.compress(page("small")), headers={"Content-Encoding": "gzip"}
    )
    bomb_out, zipped = run([server.url("/bomb"), server.url("/zipped")], tmp_path, small).outcomes
    assert bomb_out.status == "failed" and "larger than" in bomb_out.reason
    assert zipped.status == "saved" and Path(zipped.path).read_bytes() == page("small")


def test_what_is_not_a_page_is_not_saved(server, settings, tmp_path):
    server.routes["/img"] = Reply(body=b"\x89PNG\r\n", content_type="image/png")
    server.routes["/empty"] = Reply(body=b"")
    report = run([server.url("/img"), server.url("/empty")], tmp_path, settings)
    assert [(o.status, o.reason) for o in report.outcomes] == [
        ("skipped", "not a web page (image/png)"),
        ("skipped", "the page is empty"),
    ]
    assert files(tmp_path) == []


@pytest.mark.parametrize(
    "path",
    [
        "/..%2F..%2F..%2Fetc%2Fpasswd",
        "/%2e%2e/%2e%2e/escape.html",
        "/a\\..\\..\\b",
        "/CON",
        "/nul.txt",
        "/%00null%00byte",
        "/.hidden",
        "/" + "long-" * 200,
        "/%E6%96%B0%E9%97%BB/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8",
        "/x:y*z?a=<b>|c",
    ],
)
def test_a_hostile_url_makes_a_safe_name_inside_the_folder(server, settings, tmp_path, path):
    server.fallback = Reply(body=page("hostile"))
    into = tmp_path / "out"
    [outcome] = run([server.url(path)], into, settings).outcomes
    assert outcome.status == "saved", outcome.reason
    for name in files(into):
        assert SAFE_NAME.match(name) and len(name) < 255
        assert (into / name).resolve().parent == into.resolve()
    assert files(tmp_path) == ["out"]


def test_max_caps_the_pages_and_feeds_do_not_count(server, settings, tmp_path):
    links = "".join(f"<item><link>/p{i}</link></item>" for i in range(5))
    server.routes["/feed"] = Reply(
        body=f"<rss><channel>{links}</channel></rss>".encode(), content_type="application/rss+xml"
    )
    for i in range(5):
        server.routes[f"/p{i}"] = Reply(body=page(str(i)))
    capped = FetchSettings(http=settings.http, host_delay=0, max_pages=2, now=Clock())
    report = run([server.url("/feed")], tmp_path, capped)
    assert [o.status for o in report.outcomes] == ["feed", "saved", "saved"]
    assert report.not_fetched == tuple(server.url(f"/p{i}") for i in (2, 3, 4))


def test_one_request_at_a_time_per_host(server, settings, tmp_path):
    for i in range(6):
        server.routes[f"/s{i}"] = Reply(body=page(str(i)), delay=0.05)
    urls = [server.url(f"/s{i}", host) for i in range(6) for host in ("127.0.0.1", "localhost")]
    # A read timeout far above the replies' delay: on a loaded machine a 0.05 s reply could
    # pass the fixture's 0.3 s, and the retry the client then sends meets the first request
    # still in flight at the server, which counts two (the client sent them one at a time).
    patient = FetchSettings(
        http=replace(settings.http, read_timeout=10.0), host_delay=0.0, now=settings.now
    )
    report = run(urls, tmp_path, patient)
    assert report.count("saved") == 12
    assert set(server.max_in_flight.values()) == {1}


def test_the_pause_between_requests_to_one_host(server, settings, sleeps, tmp_path):
    server.routes["/robots.txt"] = Reply(
        body=b"User-agent: *\nCrawl-delay: 5\n", content_type="text/plain"
    )
    for i in range(3):
        server.routes[f"/d{i}"] = Reply(body=page(str(i)))
    polite = FetchSettings(http=settings.http, host_delay=0.5, now=Clock())
    run([server.url(f"/d{i}") for i in range(3)], tmp_path, polite)
    assert len(sleeps) == 2 and all(4 < s <= 5 for s in sleeps)  # the Crawl-delay wins


def test_billion_laughs_feed_is_refused(server, settings, tmp_path):
    lol = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;">]><rss><channel><item><link>&c;</link></item>'
        b"</channel></rss>"
    )
    server.routes["/lol"] = Reply(body=lol, content_type="application/rss+xml")
    [outcome] = run([server.url("/lol")], tmp_path, settings).outcomes
    assert outcome.status == "failed" and "entities" in outcome.reason


def test_a_page_given_twice_is_fetched_once(server, settings, tmp_path):
    server.routes["/once"] = Reply(body=page("once"))
    report = run([server.url("/once"), server.url("/once#frag")], tmp_path, settings)
    assert len(report.outcomes) == 1 and server.hits("/once") == 1


def test_nothing_listens_fails_cleanly(settings, tmp_path):
    with serve() as gone:
        url = gone.url("/nobody")
    [outcome] = run([url], tmp_path, settings).outcomes
    assert outcome.status == "failed" and "could not connect" in outcome.reason
    assert files(tmp_path) == []


def test_captures_read_back_as_provenance_and_as_versions(server, settings, tmp_path):
    # The corpus's reader (provenance.read_provenance) accepts every record fetch writes, and
    # versions.py numbers a page's captures by fetch time.
    server.routes["/short"] = Reply(302, headers={"Location": "/story"})
    server.routes["/story"] = [Reply(body=page("one")), Reply(body=page("two"))]
    server.routes["/other"] = Reply(body=page("other"))
    first = run([server.url("/short"), server.url("/other")], tmp_path, settings).outcomes
    second = run([server.url("/story")], tmp_path, settings).outcomes[0]
    saved = [Path(o.path) for o in (*first, second)]
    for path in saved:
        rec = read_provenance(path)
        assert rec is not None and rec.matches(path.read_bytes())
    assert read_provenance(saved[0]).requested_url == server.url("/short")
    versions = versions_of_files((p.stem, str(p)) for p in saved)
    assert sorted(versions) == sorted([saved[0].stem, saved[2].stem])  # "/other" has one capture
    assert versions[saved[2].stem].label == f"v2 of {saved[0].stem}"


def test_ctrl_c_stops_after_the_requests_in_flight(server, settings, tmp_path):
    import signal
    import threading

    # Each reply takes a while: on a loaded machine the main thread may run the signal handler
    # only after a few more requests (with 0.05 s all ten could end first and nothing raised).
    for i in range(10):
        server.routes[f"/q{i}"] = Reply(body=page(str(i)), delay=0.2)  # < read_timeout
    interrupted = []

    def first_done(outcome):
        if not interrupted:
            interrupted.append(outcome)
            # What ctrl+c does: SIGINT to the main thread, waiting for the workers.
            signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)

    # Python leaves SIGINT ignored when it started ignored (a job put in the background by a
    # non-interactive shell, as some CI runners do): ctrl+c's handler, as a terminal has it.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        with pytest.raises(KeyboardInterrupt):
            run(
                [server.url(f"/q{i}") for i in range(10)],
                tmp_path,
                settings,
                on_finished=first_done,
            )
    finally:
        signal.signal(signal.SIGINT, previous)
    assert sum(server.hits(f"/q{i}") for i in range(10)) <= 2  # the first and the one in flight


def test_captures_within_one_second_keep_their_order(server, settings, tmp_path):
    # The real clock: three fetches in a row, most often within one second. The second
    # (changed) capture is the latest, so the third (same bytes) is unchanged.
    url = server.url("/quick")
    server.routes["/quick"] = [Reply(body=page("one")), Reply(body=page("two"))]
    real = FetchSettings(http=settings.http, host_delay=0.0)
    outcomes = [run([url], tmp_path, real).outcomes[0] for _ in range(3)]
    assert [(o.status, o.version) for o in outcomes] == [
        ("saved", 1),
        ("saved", 2),
        ("unchanged", 2),
    ]
    versions = versions_of_files((Path(o.path).stem, o.path) for o in outcomes[:2])
    assert versions[Path(outcomes[1].path).stem].number == 2
