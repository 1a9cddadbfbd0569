"""What the user gave ``fetch``: URLs, and local files (a urls.txt, an OPML file, a feed).

A local file is read here, without the network; a URL is only classified (its answer decides
later whether it is a page or a feed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .http import check_url, normalize_url
from .links import LinkError, links_in

__all__ = ["MAX_INPUT_BYTES", "Expect", "InputError", "Rejected", "Target", "read_inputs"]

MAX_INPUT_BYTES = 10 * 1024 * 1024

# What a URL should turn out to be: "any" (given by the user: a page or a feed), "feed" (listed
# in an OPML file) or "page" (linked from a feed).
Expect = Literal["any", "feed", "page"]


class InputError(ValueError):
    """An argument that is neither a fetchable URL nor a readable list, feed or OPML file."""


@dataclass(frozen=True)
class Target:
    """A URL to fetch, what it should be, and where it was found (None: the command line)."""

    url: str
    expect: Expect = "any"
    via: str | None = None


@dataclass(frozen=True)
class Rejected:
    """A URL found in a file that cannot be fetched, and why."""

    url: str
    reason: str
    via: str


def read_inputs(args: Sequence[str]) -> tuple[list[Target], list[Rejected]]:
    """The targets the arguments name, in order, and the URLs of files that cannot be fetched.
    Raises :class:`InputError` for an argument that is unusable as a whole."""
    targets: list[Target] = []
    rejected: list[Rejected] = []
    for arg in args:
        if "://" in arg or arg.lower().startswith(("http:", "https:")):
            url = normalize_url(arg)
            problem = check_url(url)
            if problem:
                raise InputError(f"{arg}: {problem}")
            targets.append(Target(url))
            continue
        found, bad = _read_file(arg)
        targets.extend(found)
        rejected.extend(bad)
    return targets, rejected


def _read_file(arg: str) -> tuple[list[Target], list[Rejected]]:
    path = Path(arg)
    try:
        if not path.is_file():
            what = "a folder" if path.is_dir() else "not a URL, and no such file"
            raise InputError(f"{arg}: {what} (give URLs, a urls.txt, an OPML file or a feed)")
        with path.open("rb") as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise InputError(f"{arg}: {exc.strerror or exc}") from exc
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"{arg}: larger than {MAX_INPUT_BYTES // 1048576} MiB")
    try:
        links = links_in(data)
    except LinkError as exc:
        raise InputError(f"{arg}: {exc}") from exc
    if links.kind == "page":
        raise InputError(f"{arg}: neither a list of URLs, an OPML file nor a feed")
    expect: Expect = "feed" if links.kind == "opml" else "page" if links.kind == "feed" else "any"
    targets: list[Target] = []
    rejected: list[Rejected] = []
    for raw in links.urls:
        url = normalize_url(raw)
        problem = check_url(url)
        if problem:
            rejected.append(Rejected(raw, problem, arg))
        else:
            targets.append(Target(url, expect, arg))
    return targets, rejected
