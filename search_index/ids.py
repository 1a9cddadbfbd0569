"""Article ids: made from file names, and found again from an id or a unique prefix of it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from pathlib import PurePosixPath

from .text import clean_label


class ArticleNotFound(LookupError):
    """No id, or more than one, matches what was asked for; ``candidates`` says which exist."""

    def __init__(self, wanted: str, candidates: tuple[str, ...], *, ambiguous: bool) -> None:
        self.wanted = wanted
        self.candidates = candidates
        self.ambiguous = ambiguous
        if ambiguous:
            message = f"{wanted!r} matches {len(candidates)} articles: {', '.join(candidates)}"
        elif candidates:
            message = f"no article {wanted!r}; articles are: {', '.join(candidates)}"
        else:
            message = f"no article {wanted!r}: the corpus has no articles"
        super().__init__(message)


MAX_LISTED = 20


def resolve_id(ids: Iterable[str], wanted: str) -> str:
    """The id equal to ``wanted``, else the only id starting with it (case-insensitive)."""
    known = sorted(set(ids))
    if wanted in known:
        return wanted
    # Ids are cleaned file names: a name typed or pasted with its escapes still finds its id.
    folded = clean_label(wanted).casefold()
    matches = [i for i in known if i.casefold().startswith(folded)] if folded else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ArticleNotFound(wanted, tuple(matches[:MAX_LISTED]), ambiguous=True)
    raise ArticleNotFound(wanted, tuple(known[:MAX_LISTED]), ambiguous=False)


def assign_ids(relpaths: list[str]) -> list[str]:
    """One id per relative posix path, in the same order, all different.

    The file stem; for files that share it, the relative path without its suffix; then with
    it; then with a digest of the path. Names are cleaned first (a file name can carry escape
    sequences, tabs or undecodable bytes), so the id is only ever a label: the file is found
    by its path, never from its id. Where a cleaned name is the same as a plain one, the plain
    name keeps it: a hostile file name cannot rename an article that was there before.
    """
    ids: dict[int, str] = {}
    pending = list(range(len(relpaths)))
    for candidate in _CANDIDATES:
        wanted = {i: candidate(relpaths[i]) for i in pending}
        claimants: dict[str, list[int]] = {}
        for i, (name, _) in wanted.items():
            if name:
                claimants.setdefault(name, []).append(i)
        taken = set(ids.values())
        for name, group in claimants.items():
            if name in taken:
                continue
            plain = [i for i in group if wanted[i][1] == name]
            if len(group) == 1 or len(plain) == 1:
                ids[plain[0] if len(group) > 1 else group[0]] = name
        pending = [i for i in pending if i not in ids]
    for i in pending:
        ids[i] = _digest_id(PurePosixPath(relpaths[i]), set(ids.values()))
    return [ids[i] for i in range(len(relpaths))]


def _clean_parts(parts: Iterable[str]) -> str:
    cleaned = [clean_label(part) for part in parts]
    # A name that was nothing but control characters leaves nothing to show for it.
    return "/".join(cleaned) if cleaned and all(cleaned) else ""


# Each candidate gives (cleaned name, raw name) for a relative posix path.
def _stem(relpath: str) -> tuple[str, str]:
    # PurePosixPath(relpath).stem, by string: every file of every refresh comes through here.
    name = relpath.rpartition("/")[2]
    dot = name.rfind(".")
    stem = name[:dot] if 0 < dot < len(name) - 1 else name
    return clean_label(stem), stem


def _without_suffix(relpath: str) -> tuple[str, str]:
    bare = PurePosixPath(relpath).with_suffix("")
    return _clean_parts(bare.parts), bare.as_posix()


def _with_suffix(relpath: str) -> tuple[str, str]:
    # The suffix is cleaned on its own, so a stray ESC before it cannot take the dot with it.
    bare, raw = _without_suffix(relpath)
    suffix = PurePosixPath(relpath).suffix
    return (f"{bare}{clean_label(suffix)}" if bare else ""), f"{raw}{suffix}"


_CANDIDATES: tuple[Callable[[str], tuple[str, str]], ...] = (
    _stem,
    _without_suffix,
    _with_suffix,
)


def _digest_id(path: PurePosixPath, taken: set[str]) -> str:
    # Paths differ even when their cleaned names do not: a digest of the path itself tells
    # them apart, and stays the same from one run to the next.
    parts = (clean_label(part) for part in path.with_suffix("").parts)
    base = "/".join(part for part in parts if part) or "article"
    digest = hashlib.sha256(path.as_posix().encode("utf-8", "surrogatepass")).hexdigest()
    for length in range(8, len(digest) + 1):
        article_id = f"{base}~{digest[:length]}"
        if article_id not in taken:
            return article_id
    raise AssertionError("distinct paths share a SHA-256 digest")  # pragma: no cover
