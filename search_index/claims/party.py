"""Whose offer a figure is: the party named as the subject of an offer in the figure's sentence
("the Nationals have offered Mark Teixeira an 8-year, $160 million contract"). Several bidders
make offers for one thing, and two bidders' sums or terms are two figures, not one."""

from __future__ import annotations

import re

from .context import Context

# The words of making an offer; the party is the name just before the first of them (its
# subject: "The Orioles, according to reports, have offered"), never the name after it (its
# object: "offered Teixeira").
_OFFER = re.compile(r"\b(?:offer|offers|offered|offering|bid|bids|bidding)\b")
# Sums and terms belong to a bidder; counts of people do not.
_SLOTS = frozenset({"money", "duration"})
# How far before the offer word its subject may stand ("the Red Sox team of owner John Henry,
# COO Larry Lucchino and General Manager Theo Epstein offered").
_REACH = 120


# "made first baseman Mark Teixeira an eight-year, $200 million offer": a name followed by
# "a"/"an" receives what is offered; it does not make the offer.
_RECEIVER = re.compile(r",?\s+(?:a|an)\s")


def party_of(context: Context, slot: str, start: int | None = None) -> str | None:
    """The last word, lower-cased, of the name that makes the offer the sentence tells of
    ("nationals", "sox"), or ``None`` when the sentence tells of no offer or names no one
    before it. With the figure's offset ``start``, the offer is the last one told before the
    figure ("the Sox have the high offer, ... and the O's have reportedly only offered seven
    years": the O's), else the sentence's first."""
    if slot not in _SLOTS:
        return None
    offers = list(_OFFER.finditer(context.text))
    if not offers:
        return None
    earlier = [o for o in offers if start is not None and o.start() < start]
    at = (earlier[-1] if earlier else offers[0]).start()
    before = [
        p
        for p in context.parties
        if p[1] <= at and at - p[1] <= _REACH and not _RECEIVER.match(context.text, p[1])
    ]
    if not before:
        return None
    surface = before[-1][2].split()
    return surface[-1].lower().removesuffix("'s") if surface else None
