"""One polite HTTP GET: the standard library's urllib, with separate connect and read timeouts, a
deadline for the whole response, a size cap, our User-Agent, redirects followed by hand (so each
hop's scheme and robots.txt can be checked), and retries with exponential backoff on 429, 5xx and
timeouts (``Retry-After`` honoured up to a cap).

Why urllib and not requests/httpx/urllib3: fetch needs GET and nothing else, and the standard
library gives proxies from the environment, TLS with the system's certificates and
``robotparser``; the rest is the thirty lines below. No dependency is the lightest one, and the
command that is the only door to the network stays small enough to read.
"""

from __future__ import annotations

import email.utils
import http.client
import random
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache, partial
from typing import Any
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from search_index import __version__

__all__ = [
    "SCHEMES",
    "USER_AGENT",
    "FetchError",
    "HttpSettings",
    "Response",
    "check_url",
    "get",
    "get_with_retries",
    "normalize_url",
]

USER_AGENT = f"kimreader/{__version__} (news reader; fetches only what its user asks for)"
# The product token robots.txt rules name.
ROBOTS_AGENT = "kimreader"
SCHEMES = ("http", "https")
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 10
_CHUNK = 64 * 1024
# What may stay as it is in a path or query: RFC 3986's reserved and unreserved characters, and
# "%" so an already-encoded URL is not encoded twice.
_SAFE = "/:@!$&'()*+,;=-._~%"


@dataclass(frozen=True)
class HttpSettings:
    """How patient and how greedy one request may be. Every wait goes through ``sleep`` (tests
    pass a recorder instead of waiting)."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    # A server that drips one byte just inside the read timeout must not hold us forever.
    total_timeout: float = 120.0
    max_bytes: int = 10 * 1024 * 1024  # the corpus reads no file larger than this either
    retries: int = 3
    backoff: float = 1.0  # seconds before the first retry; doubled each time
    max_wait: float = 120.0  # the longest Retry-After (or backoff) we sit through
    user_agent: str = USER_AGENT
    sleep: Callable[[float], None] = field(default=time.sleep, compare=False)


@dataclass(frozen=True)
class Response:
    """What a server sent: the final URL (after redirects), status, headers (names lower-case,
    first value) and the body as sent (decompressed if the server compressed it)."""

    url: str
    status: int
    headers: Mapping[str, str]
    body: bytes
    redirects: tuple[str, ...] = ()

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "")

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class FetchError(Exception):
    """A request that gave no usable answer; ``reason`` says why in words."""

    def __init__(
        self,
        reason: str,
        *,
        retryable: bool = False,
        retry_after: float | None = None,
        status: int | None = None,
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable
        self.retry_after = retry_after
        self.status = status


def normalize_url(url: str) -> str:
    """``url`` as it goes on the wire: trimmed, without its fragment (never sent, and two links
    to one page's sections are one page), the host lower-case and in IDNA form, non-ASCII
    characters of the path and query percent-encoded. A URL that cannot be read is returned
    trimmed, for :func:`check_url` to explain."""
    url = url.strip().split("#", 1)[0]
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        if host and not host.isascii():
            host = host.encode("idna").decode("ascii")
        netloc = host
        if parts.port is not None:
            netloc = f"{host}:{parts.port}"
        if parts.username is not None:
            return url  # credentials in a URL are the user's business; left as they are
    except (ValueError, UnicodeError):
        return url
    if ":" in host:  # an IPv6 literal
        netloc = f"[{host}]" + (f":{parts.port}" if parts.port is not None else "")
    path = quote(parts.path, safe=_SAFE) or "/"
    query = quote(parts.query, safe=_SAFE + "?")
    return urlunsplit((parts.scheme.lower(), netloc, path, query, ""))


def check_url(url: str) -> str | None:
    """Why ``url`` cannot be fetched (not http/https, no host, bad port), or None."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError on a bad port)
    except ValueError as exc:
        return f"not a valid URL ({exc})"
    if parts.scheme.lower() not in SCHEMES:
        shown = f"{parts.scheme}:" if parts.scheme else "no scheme"
        return f"only http and https URLs are fetched ({shown})"
    if not parts.hostname:
        return "the URL names no host"
    if any(ord(c) < 33 or c == "\x7f" for c in url):
        return "the URL contains spaces or control characters"
    return None


# The verdict of robots.txt (or any other gate) on a URL: None to go ahead, else why not.
Gate = Callable[[str], str | None]


def get_with_retries(
    url: str,
    settings: HttpSettings,
    *,
    headers: Mapping[str, str] | None = None,
    gate: Gate | None = None,
) -> Response:
    """:func:`get`, retried on 429, 5xx and timeouts with exponential backoff (a server's
    ``Retry-After`` wins when it says more, up to ``max_wait``). A 429/5xx that is still failing
    after the last retry is returned as the response it is; a network failure raises."""
    attempt = 0
    while True:
        try:
            response = get(url, settings, headers=headers, gate=gate)
        except FetchError as exc:
            if not exc.retryable or attempt >= settings.retries:
                raise
            wait = _wait(settings, attempt, exc.retry_after)
        else:
            if response.status not in RETRY_STATUSES or attempt >= settings.retries:
                return response
            asked = retry_after_seconds(response.headers.get("retry-after"))
            if asked is not None and asked > settings.max_wait:
                raise FetchError(
                    f"HTTP {response.status}: the server asks to wait {asked:.0f} s, longer than "
                    f"the {settings.max_wait:.0f} s kimreader waits",
                    status=response.status,
                )
            wait = _wait(settings, attempt, asked)
        settings.sleep(wait)
        attempt += 1


def get(
    url: str,
    settings: HttpSettings,
    *,
    headers: Mapping[str, str] | None = None,
    gate: Gate | None = None,
) -> Response:
    """GET ``url``, following up to ten redirects to http(s) URLs that ``gate`` lets through.
    Raises :class:`FetchError` for anything but an HTTP answer (which may be a 404)."""
    seen: list[str] = []
    current = url
    while True:
        problem = check_url(current)
        if problem:
            raise FetchError(f"redirected to {current}: {problem}" if seen else problem)
        if seen and gate is not None:
            refused = gate(current)
            if refused:
                raise FetchError(f"redirected to {current}: {refused}")
        response = _get_once(current, settings, headers or {})
        location = response.headers.get("location")
        if response.status not in REDIRECT_STATUSES or not location:
            return Response(
                response.url, response.status, response.headers, response.body, tuple(seen)
            )
        seen.append(current)
        current = normalize_url(urljoin(current, location.strip()))
        if current in seen:
            raise FetchError(f"redirect loop ({len(seen)} hops)")
        if len(seen) > MAX_REDIRECTS:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects")


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """A ``Retry-After`` header in seconds: a number of seconds or an HTTP date; None if absent
    or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def _wait(settings: HttpSettings, attempt: int, asked: float | None) -> float:
    backoff = settings.backoff * 2.0**attempt
    backoff += random.uniform(0, settings.backoff / 4)  # jitter, so clients do not retry in step
    return min(settings.max_wait, max(backoff, asked or 0.0))


def _get_once(url: str, settings: HttpSettings, headers: Mapping[str, str]) -> Response:
    request = urllib.request.Request(url, method="GET")
    request.add_header("User-Agent", settings.user_agent)
    request.add_header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5")
    request.add_header("Accept-Encoding", "gzip, deflate")
    for name, value in headers.items():
        request.add_header(name, value)
    started = time.monotonic()
    try:
        with _opener(settings.read_timeout).open(request, timeout=settings.connect_timeout) as raw:
            status = int(raw.status)
            found = {k.lower(): v for k, v in reversed(list(raw.headers.items()))}
            final = raw.geturl()
            if status in REDIRECT_STATUSES or not 200 <= status < 300:
                body = b""  # only the status and headers matter; a 404 body is not kept
            else:
                body = _read_body(raw, found, settings, started)
    except FetchError:
        raise
    except TimeoutError as exc:
        raise FetchError(f"timed out ({exc or 'no answer'})", retryable=True) from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError):
            raise FetchError("timed out connecting", retryable=True) from exc
        if isinstance(reason, ssl.SSLError):
            raise FetchError(f"TLS failed: {reason}") from exc
        if isinstance(reason, socket.gaierror):
            raise FetchError(f"host not found ({reason.strerror or reason})") from exc
        text = getattr(reason, "strerror", None) or str(reason)
        raise FetchError(f"could not connect: {text}") from exc
    except (ConnectionResetError, http.client.RemoteDisconnected, http.client.IncompleteRead) as e:
        raise FetchError("the connection broke off", retryable=True) from e
    except (http.client.HTTPException, OSError, ValueError) as exc:
        raise FetchError(f"bad answer: {type(exc).__name__}: {exc}") from exc
    return Response(final, status, found, body)


def _read_body(
    raw: Any, headers: Mapping[str, str], settings: HttpSettings, started: float
) -> bytes:
    cap = settings.max_bytes
    length = headers.get("content-length", "")
    if length.isdigit() and int(length) > cap:
        raise FetchError(f"larger than the {_size(cap)} limit ({_size(int(length))})")
    encoding = headers.get("content-encoding", "identity").strip().lower()
    decoder: Any = None
    if encoding in ("gzip", "x-gzip"):
        decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif encoding == "deflate":
        decoder = zlib.decompressobj()
    elif encoding not in ("", "identity"):
        raise FetchError(f"unsupported content encoding {encoding!r}")
    parts: list[bytes] = []
    size = 0
    while True:
        if time.monotonic() - started > settings.total_timeout:
            raise FetchError(f"took longer than {settings.total_timeout:g} s", retryable=True)
        chunk = raw.read1(_CHUNK) if hasattr(raw, "read1") else raw.read(_CHUNK)
        if not chunk:
            break
        if decoder is not None:
            # Decompressed with a bound, so a small gzip bomb cannot fill memory.
            try:
                chunk = decoder.decompress(chunk, cap + 1 - size)
            except zlib.error as exc:
                raise FetchError(f"the compressed body is damaged ({exc})") from exc
        size += len(chunk)
        if size > cap:
            raise FetchError(f"larger than the {_size(cap)} limit")
        parts.append(chunk)
    return b"".join(parts)


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / 1048576:.1f} MiB".replace(".0 MiB", " MiB")
    return f"{n / 1024:.0f} KiB" if n >= 1024 else f"{n} bytes"


def _with_read_timeout(
    base: type[http.client.HTTPConnection],
) -> Callable[..., http.client.HTTPConnection]:
    """``base`` that connects within the connect timeout, then waits ``read_timeout`` for each
    read (one definition for plain and TLS connections)."""

    class Connection(base):  # type: ignore[valid-type,misc]
        def __init__(self, *args: Any, read_timeout: float, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._read_timeout = read_timeout

        def connect(self) -> None:
            super().connect()
            if self.sock is not None:
                self.sock.settimeout(self._read_timeout)

    return Connection


_Connection = _with_read_timeout(http.client.HTTPConnection)
_TLSConnection = _with_read_timeout(http.client.HTTPSConnection)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, read_timeout: float) -> None:
        super().__init__()
        self._read_timeout = read_timeout

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(partial(_Connection, read_timeout=self._read_timeout), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, read_timeout: float) -> None:
        self._context = ssl.create_default_context()
        super().__init__(context=self._context)
        self._read_timeout = read_timeout

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(
            partial(_TLSConnection, read_timeout=self._read_timeout), req, context=self._context
        )


@lru_cache(maxsize=8)
def _opener(read_timeout: float) -> urllib.request.OpenerDirector:
    """http and https only, proxies from the environment, and no redirect or error handler:
    every status comes back as it is, and :func:`get` decides what a redirect may do.

    Made once per read timeout and shared by the threads (an opener keeps no state between
    requests): loading the system's certificates takes about 15 ms, more than a local page."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        _HTTPHandler(read_timeout),
        _HTTPSHandler(read_timeout),
        urllib.request.UnknownHandler(),
    ):
        opener.add_handler(handler)
    return opener
