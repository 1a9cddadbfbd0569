"""What kimreader fetch itself costs, apart from the network and its politeness (issue 16).

    .venv/bin/python benchmarks/fetch.py [--hosts 4] [--runs 3]

The 91 real article pages of ``../shared/corpora/html-dev`` (17 MB, as their publishers served
them) are served from local HTTP servers on 127.0.0.1 (one per "host", a different port each),
and fetched into an empty folder with no pause between requests (``host_delay=0``): that is the
engine's own rate (request, size-capped read, hashing, naming, two atomic writes). Then the same
URLs again into the same folder (every page unchanged: read, hashed, compared, nothing written),
and the links of a 5,000-item RSS feed. Medians of ``--runs`` runs.

Real runs are bound by politeness, not by this: one request per host per second by default,
at most four hosts at once.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from support.http_server import Reply, serve  # noqa: E402

from search_index.fetch import FetchSettings, HttpSettings, Target, fetch  # noqa: E402
from search_index.fetch.links import links_in  # noqa: E402

PAGES = ROOT.parent / "shared" / "corpora" / "html-dev" / "html"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--hosts", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    pages = sorted(PAGES.glob("*.html"))
    size = sum(p.stat().st_size for p in pages)
    print(f"pages: {len(pages)} real article pages, {size / 1e6:.1f} MB ({PAGES})")
    settings = FetchSettings(http=HttpSettings(retries=0), host_delay=0.0)
    for hosts in sorted({1, args.hosts}):
        first: list[float] = []
        again: list[float] = []
        for _ in range(args.runs):
            with _servers(hosts, pages) as urls:
                into = Path(tempfile.mkdtemp(prefix="kimreader-fetch-bench-"))
                try:
                    t0 = time.perf_counter()
                    report = fetch([Target(u) for u in urls], into, settings)
                    first.append(time.perf_counter() - t0)
                    assert report.count("saved") == len(pages), report
                    t0 = time.perf_counter()
                    report = fetch([Target(u) for u in urls], into, settings)
                    again.append(time.perf_counter() - t0)
                    assert report.count("unchanged") == len(pages), report
                finally:
                    shutil.rmtree(into)
        t1, t2 = statistics.median(first), statistics.median(again)
        print(
            f"{hosts} host{'s' if hosts > 1 else ' '}  first fetch {len(pages) / t1:6.0f} pages/s "
            f"({size / 1e6 / t1:5.1f} MB/s)   again, unchanged {len(pages) / t2:6.0f} pages/s"
        )
    items = b"".join(
        b"<item><title>Story %d</title><link>https://news.example/2026/12/story-%d</link>"
        b"<description>A summary of the story, a sentence or two long.</description></item>"
        % (i, i)
        for i in range(5000)
    )
    feed = b"<?xml version='1.0'?><rss version='2.0'><channel><title>Wire</title>%s</channel></rss>"
    data = feed % items
    times = []
    for _ in range(args.runs):
        t0 = time.perf_counter()
        links = links_in(data, "https://news.example/feed.xml")
        times.append(time.perf_counter() - t0)
    print(
        f"feed links: {len(links.urls)} items ({len(data) / 1e6:.1f} MB of RSS) in "
        f"{statistics.median(times) * 1000:.0f} ms"
    )


class _servers:
    """``hosts`` local servers, each serving every page; the URLs spread across them."""

    def __init__(self, hosts: int, pages: list[Path]) -> None:
        self.hosts = hosts
        self.pages = pages
        self._contexts: list = []

    def __enter__(self) -> list[str]:
        servers = []
        for _ in range(self.hosts):
            context = serve()
            server = context.__enter__()
            self._contexts.append(context)
            server.routes["/robots.txt"] = Reply(404, b"", "text/plain")
            for page in self.pages:
                server.routes[f"/{page.stem[:16]}"] = Reply(body=page.read_bytes())
            servers.append(server)
        return [
            servers[i % self.hosts].url(f"/{page.stem[:16]}") for i, page in enumerate(self.pages)
        ]

    def __exit__(self, *exc: object) -> None:
        for context in reversed(self._contexts):
            context.__exit__(None, None, None)


if __name__ == "__main__":
    main()
