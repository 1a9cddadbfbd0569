"""Companies the article shows to be companies, and what it names after them.

A name before a stock ticker ("Microsoft (NSDQ: MSFT)", "Hewlett-Packard Corp. (NYSE: HPQ)")
is a listed company. A run that opens with a company the article names ("Microsoft Word",
"Intel Xeon", "Toyota Camry" beside "Toyota Motor Corp.") is one of its products, not a person:
guessing a person there would also make the company a person's first name everywhere else.
"""

from __future__ import annotations

import re

from ..text import name_key
from .lexicon import COMPANY_HEADS

# "(NYSE: HPQ)", "(NSDQ: MSFT)", "(Nasdaq: INTC)", "(TSX: RIM)": an exchange and a symbol.
_TICKER = re.compile(
    r"((?:[A-Z][\w&.'-]*)(?: (?:[A-Z][\w&.'-]*|of|and|In))*) \((?:NYSE|NASDAQ|Nasdaq|NSDQ|AMEX|"
    r"TSX|TSE|LSE|ASX|OTC|Euronext|NYSE Arca|Nyse)\s?: ?[A-Z][A-Z.]{0,6}\)"
)
_SKIP = frozenset({"the", "The"})


def ticker_companies(folded: str) -> list[tuple[int, int]]:
    """Spans of names written before a stock ticker (without a leading "The")."""
    spans: list[tuple[int, int]] = []
    if "(" not in folded:
        return spans
    for match in _TICKER.finditer(folded):
        start, end = match.span(1)
        first, _, rest = folded[start:end].partition(" ")
        if first in _SKIP and rest:
            start += len(first) + 1
        spans.append((start, end))
    return spans


def company_keys(folded: str, found: dict[tuple[int, int], tuple[str, str | None]]) -> set[str]:
    """Keys of the companies the article names firmly: an organisation of one word, or the name
    before words that only say it is a company ("Intel" of "Intel Corp.")."""
    keys: set[str] = set()
    for (start, end), (kind, _) in found.items():
        if kind != "ORG":
            continue
        words = folded[start:end].rstrip(".").split()
        while len(words) > 1 and words[-1].rstrip(".,").lower() in COMPANY_HEADS:
            words.pop()
        if len(words) == 1:
            keys.add(name_key(words[0]))
    return keys


def drop_products(
    folded: str, found: dict[tuple[int, int], tuple[str, str | None]]
) -> dict[tuple[int, int], tuple[str, str | None]]:
    """Person guesses of several words whose first word is a company the article names."""
    if not any(kind == "PERSON?" for kind, _ in found.values()):
        return found
    companies = company_keys(folded, found)
    if not companies:
        return found
    return {
        (start, end): (kind, ref)
        for (start, end), (kind, ref) in found.items()
        if not (
            kind == "PERSON?"
            and " " in folded[start:end]
            and name_key(folded[start:end].split()[0]) in companies
        )
    }
