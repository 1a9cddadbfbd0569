"""A fetch run: the targets fetched in rounds (what the user named; then the feeds an OPML file
lists; then the articles feeds link to), each round's hosts in parallel (a few at a time) and
each host's URLs one after another with a pause between them, robots.txt asked first.
"""

from __future__ import annotations

import http.client
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from .http import FetchError, HttpSettings, Response, check_url, get_with_retries, normalize_url
from .inputs import Rejected, Target
from .links import LinkError, links_in, sniff
from .robots import Robots
from .store import CaptureStore

__all__ = ["FetchReport", "FetchSettings", "Outcome", "Status", "fetch"]

Status = Literal["saved", "unchanged", "skipped", "failed", "feed"]
# The page types kimreader reads; anything else (an image, a PDF) is not saved.
_PAGE_TYPES = frozenset(
    {"text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown"}
)
_UNSURE_TYPES = frozenset({"", "application/octet-stream", "text/xml", "application/xml"})
# OPML -> feeds -> articles: nothing is followed deeper than that.
_MAX_ROUNDS = 3


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class FetchSettings:
    """A run's politeness: at most ``concurrency`` hosts at once, one request at a time per
    host with ``host_delay`` seconds between two (more if robots.txt asks for a Crawl-delay),
    at most ``max_pages`` pages (feeds and robots.txt are not counted)."""

    http: HttpSettings = field(default_factory=HttpSettings)
    concurrency: int = 4
    host_delay: float = 1.0
    max_pages: int | None = None
    now: Callable[[], datetime] = field(default=_utc_now, compare=False)


@dataclass(frozen=True)
class Outcome:
    """What became of one URL. ``status``: saved (a new file, ``path``), unchanged (the same
    bytes as the latest capture, ``path``), skipped (robots.txt, not a page; ``reason``),
    failed (``reason``) or feed (read for its ``links``)."""

    url: str
    status: Status
    reason: str | None = None
    final_url: str | None = None
    path: str | None = None
    http_status: int | None = None
    via: str | None = None
    version: int | None = None
    links: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "status": self.status,
            "reason": self.reason,
            "final_url": self.final_url,
            "path": self.path,
            "http_status": self.http_status,
            "via": self.via,
            "version": self.version,
            "links": self.links,
        }


@dataclass(frozen=True)
class FetchReport:
    """Every URL's outcome in the order they were named or found, and the URLs left out
    because ``max_pages`` was reached."""

    outcomes: tuple[Outcome, ...]
    not_fetched: tuple[str, ...] = ()
    interrupted: bool = False  # the run was cancelled: URLs not yet fetched were left

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def all_failed(self) -> bool:
        """Something failed and nothing was saved or found unchanged."""
        return self.count("failed") > 0 and self.count("saved") + self.count("unchanged") == 0


# Called from worker threads: how many URLs are planned so far, and each finished URL.
Planned = Callable[[int], None]
Finished = Callable[[Outcome], None]


def fetch(
    targets: Sequence[Target],
    into: Path,
    settings: FetchSettings | None = None,
    *,
    rejected: Sequence[Rejected] = (),
    on_planned: Planned | None = None,
    on_finished: Finished | None = None,
    cancel: threading.Event | None = None,
) -> FetchReport:
    """Fetch ``targets`` (and what their feeds and OPML files link to) into the folder
    ``into``, created if missing. Raises OSError only if the folder cannot be made."""
    settings = settings or FetchSettings()
    into.mkdir(parents=True, exist_ok=True)
    run = _Run(into, settings, on_finished, cancel or threading.Event())
    outcomes = [Outcome(r.url, "failed", r.reason, via=r.via) for r in rejected]
    for outcome in outcomes:
        run.finished(outcome)
    seen: set[str] = set()
    budget = settings.max_pages
    not_fetched: list[str] = []
    planned = len(outcomes)
    current = [replace(t, url=normalize_url(t.url)) for t in targets]
    for _ in range(_MAX_ROUNDS):
        fresh = [t for t in dict((t.url, t) for t in current).values() if t.url not in seen]
        seen.update(t.url for t in fresh)
        allowed: list[Target] = []
        for target in fresh:
            # A page (or what may be one) takes a slot of the budget; feeds never do.
            if budget is not None and target.expect != "feed":
                if budget <= 0:
                    not_fetched.append(target.url)
                    continue
                budget -= 1
            allowed.append(target)
        if not allowed or run.cancel.is_set():
            break
        planned += len(allowed)
        if on_planned:
            on_planned(planned)
        results = run.round(allowed)
        current = []
        for target, (outcome, found) in zip(allowed, results, strict=True):
            outcomes.append(outcome)
            if budget is not None and outcome.status == "feed" and target.expect != "feed":
                budget += 1  # it was a feed after all: its slot goes back
            current.extend(found)
    return FetchReport(tuple(outcomes), tuple(not_fetched), run.cancel.is_set())


class _Run:
    def __init__(
        self,
        into: Path,
        settings: FetchSettings,
        on_finished: Finished | None,
        cancel: threading.Event,
    ) -> None:
        self.settings = settings
        self.store = CaptureStore(into)
        self.robots = Robots(settings.http)
        self.cancel = cancel
        self._on_finished = on_finished
        self._last: dict[str, float] = {}  # origin -> when its last request started

    def finished(self, outcome: Outcome) -> None:
        if self._on_finished:
            self._on_finished(outcome)

    def round(self, targets: list[Target]) -> list[tuple[Outcome, list[Target]]]:
        """Each target's outcome (and the targets it links to), in the order given."""
        by_host: dict[str, list[int]] = {}
        for i, target in enumerate(targets):
            by_host.setdefault(_origin(target.url), []).append(i)
        results: list[tuple[Outcome, list[Target]] | None] = [None] * len(targets)

        def host_worker(origin: str, indexes: list[int]) -> None:
            for i in indexes:
                if self.cancel.is_set():
                    result: tuple[Outcome, list[Target]] = (
                        Outcome(targets[i].url, "skipped", "interrupted", via=targets[i].via),
                        [],
                    )
                else:
                    self._pause(origin)
                    result = self._one(targets[i])
                results[i] = result
                self.finished(result[0])

        workers = max(1, min(self.settings.concurrency, len(by_host)))
        with ThreadPoolExecutor(workers, thread_name_prefix="kimreader-fetch") as pool:
            futures = [pool.submit(host_worker, o, ix) for o, ix in by_host.items()]
            try:
                for future in futures:
                    future.result()
            except BaseException:
                # ctrl+c (or a crash) here: the workers stop after the requests in flight
                # instead of working through their hosts' queues while the pool is closed.
                self.cancel.set()
                raise
        return [r for r in results if r is not None]

    def _pause(self, origin: str) -> None:
        """Wait until this host's last request is ``host_delay`` (or its Crawl-delay) old."""
        delay = self.settings.host_delay
        last = self._last.get(origin)
        if last is not None:
            delay = max(delay, self.robots.rules(origin + "/").crawl_delay)
            wait = last + delay - time.monotonic()
            if wait > 0:
                self.settings.http.sleep(wait)
        self._last[origin] = time.monotonic()

    def _one(self, target: Target) -> tuple[Outcome, list[Target]]:
        def outcome(status: Status, reason: str | None = None, **kw: Any) -> Outcome:
            return Outcome(target.url, status, reason, via=target.via, **kw)

        rules = self.robots.rules(target.url)
        refused = rules.verdict(target.url)
        if refused:
            return outcome("failed" if rules.unreachable else "skipped", refused), []
        previous = self.store.latest(target.url)
        headers: dict[str, str] = {}
        if previous is not None and target.expect != "feed":
            # Ask for the page only if it changed since: a 304 costs the server nothing.
            if previous.etag:
                headers["If-None-Match"] = previous.etag
            if previous.last_modified:
                headers["If-Modified-Since"] = previous.last_modified
        try:
            response = get_with_retries(
                target.url, self.settings.http, headers=headers, gate=self.robots.verdict
            )
        except FetchError as exc:
            return outcome("failed", exc.reason, http_status=exc.status), []
        done: dict[str, Any] = {"final_url": response.url, "http_status": response.status}
        if response.status == 304 and previous is not None:
            return outcome("unchanged", "not modified", path=str(previous.path), **done), []
        if not response.ok:
            phrase = http.client.responses.get(response.status, "")
            return outcome("failed", f"HTTP {response.status} {phrase}".strip(), **done), []
        kind = sniff(response.body, response.content_type)
        if kind in ("feed", "opml"):
            return self._feed(target, response, done)
        if target.expect == "feed":
            return outcome("failed", "not a feed (an OPML file listed it as one)", **done), []
        problem = _page_problem(response)
        if problem:
            return outcome("skipped", problem, **done), []
        return self._save(target, response, done), []

    def _feed(
        self, target: Target, response: Response, done: dict[str, Any]
    ) -> tuple[Outcome, list[Target]]:
        if target.expect == "page":
            why = "a feed linked from a feed (not followed)"
            return Outcome(target.url, "skipped", why, via=target.via, **done), []
        try:
            links = links_in(response.body, response.url, response.content_type)
        except LinkError as exc:
            return Outcome(target.url, "failed", str(exc), via=target.via, **done), []
        expect: Literal["feed", "page"] = "feed" if links.kind == "opml" else "page"
        urls = dict.fromkeys(normalize_url(raw) for raw in links.urls)  # "#comments" is the page
        found = [Target(url, expect, target.url) for url in urls if check_url(url) is None]
        note = f"{links.cut} more links not read" if links.cut else None
        return (
            Outcome(target.url, "feed", note, via=target.via, links=len(found), **done),
            found,
        )

    def _save(self, target: Target, response: Response, done: dict[str, Any]) -> Outcome:
        extra: dict[str, Any] = {}
        for header, key in (("etag", "etag"), ("last-modified", "last_modified")):
            if response.headers.get(header):
                extra[key] = response.headers[header]
        if target.expect == "page" and target.via and "://" in target.via:
            extra["via_feed"] = target.via
        if response.redirects:
            extra["redirects"] = list(response.redirects)
        try:
            saved = self.store.save(
                requested_url=target.url,
                final_url=response.url,
                status=response.status,
                content_type=response.content_type,
                body=response.body,
                fetched_at=self.settings.now(),
                extra=extra,
            )
        except OSError as exc:
            reason = f"could not save: {exc.strerror or exc}"
            return Outcome(target.url, "failed", reason, via=target.via, **done)
        return Outcome(
            target.url,
            saved.outcome,
            None,
            via=target.via,
            path=str(saved.path),
            version=saved.version,
            **done,
        )


def _page_problem(response: Response) -> str | None:
    """Why the answer is not a page kimreader reads (None if it is)."""
    if not response.body.strip():
        return "the page is empty"
    media = response.content_type.split(";", 1)[0].strip().lower()
    if media in _PAGE_TYPES:
        return None
    head = response.body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if media in _UNSURE_TYPES and (
        head.startswith((b"<!doctype html", b"<html"))
        or (head.startswith(b"<?xml") and b"<html" in head)
    ):
        return None
    return f"not a web page ({media or 'no content type'})"


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"
