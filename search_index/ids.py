"""Finding an article by its id or a unique prefix of it."""

from __future__ import annotations

from collections.abc import Iterable


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
    folded = wanted.casefold()
    matches = [i for i in known if i.casefold().startswith(folded)] if folded else []
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise ArticleNotFound(wanted, tuple(matches[:MAX_LISTED]), ambiguous=True)
    raise ArticleNotFound(wanted, tuple(known[:MAX_LISTED]), ambiguous=False)
