"""robots.txt, read once per host (scheme, host and port) and kept for the run.

The file is fetched with fetch's own client (our User-Agent, timeouts, size cap; the standard
library's ``RobotFileParser.read`` has none of these) and parsed by ``urllib.robotparser``.
What a missing or failing robots.txt means follows RFC 9309: a 4xx answer (no robots.txt) allows
everything; a 5xx answer or no answer at all means "do not crawl" for now.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from .http import ROBOTS_AGENT, FetchError, HttpSettings, get_with_retries

__all__ = ["MAX_CRAWL_DELAY", "Robots", "RobotsRules"]

# RFC 9309 asks crawlers to parse at least 500 KiB.
MAX_ROBOTS_BYTES = 512 * 1024
# A Crawl-delay is honoured up to this many seconds between two requests to one host.
MAX_CRAWL_DELAY = 30.0


@dataclass(frozen=True)
class RobotsRules:
    """One host's answer: a parser (None when no rules apply), or why nothing may be fetched."""

    parser: RobotFileParser | None
    refused: str | None = None
    # The host did not answer at all: a page from it would fail too, so that is the report.
    unreachable: bool = False

    def verdict(self, url: str) -> str | None:
        """None when ``url`` may be fetched, else why not."""
        if self.refused:
            return self.refused
        if self.parser is not None and not self.parser.can_fetch(ROBOTS_AGENT, url):
            return "robots.txt disallows it"
        return None

    @property
    def crawl_delay(self) -> float:
        if self.parser is None:
            return 0.0
        delay = self.parser.crawl_delay(ROBOTS_AGENT)
        try:
            return min(MAX_CRAWL_DELAY, max(0.0, float(delay or 0)))
        except (TypeError, ValueError):
            return 0.0


class Robots:
    """The robots.txt of every host a run touches, each fetched at most once (a per-host lock:
    two threads asking about one host wait for one fetch)."""

    def __init__(self, settings: HttpSettings) -> None:
        # robots.txt gets the same patience as a page, but its own size cap and fewer retries.
        self._settings = settings
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def rules(self, url: str) -> RobotsRules:
        origin = _origin(url)
        with self._guard:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:
            found = self._rules.get(origin)
            if found is None:
                found = self._rules[origin] = self._read(origin)
            return found

    def verdict(self, url: str) -> str | None:
        return self.rules(url).verdict(url)

    def _read(self, origin: str) -> RobotsRules:
        settings = HttpSettings(
            connect_timeout=self._settings.connect_timeout,
            read_timeout=self._settings.read_timeout,
            total_timeout=self._settings.total_timeout,
            max_bytes=MAX_ROBOTS_BYTES,
            retries=min(1, self._settings.retries),
            backoff=self._settings.backoff,
            max_wait=self._settings.max_wait,
            user_agent=self._settings.user_agent,
            sleep=self._settings.sleep,
        )
        try:
            response = get_with_retries(f"{origin}/robots.txt", settings)
        except FetchError as exc:
            if exc.status is not None:
                return RobotsRules(None, f"robots.txt could not be read ({exc.reason})")
            return RobotsRules(None, exc.reason, unreachable=True)
        if 400 <= response.status < 500 and response.status != 429:
            return RobotsRules(None)  # no robots.txt: everything is allowed
        if not response.ok:
            return RobotsRules(None, f"robots.txt could not be read (HTTP {response.status})")
        parser = RobotFileParser()
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return RobotsRules(parser)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), "", "", ""))
