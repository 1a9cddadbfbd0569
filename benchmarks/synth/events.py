"""The kinds of story (earthquake, flood, ..., merger, strike): their templates and figures.

Each kind's sentence pools and figure ranges are in ``data/events/<kind>.json``; the disasters
also share the pools of ``data/events/disaster_shared.json``. What stays here is code: the
record, the draws a kind makes once per story (``statics``) and the rules that keep its
figures consistent (``derive``).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .resources import load
from .world import SECTORS

_Statics = Callable[[random.Random, dict[str, str]], None]
_Derive = Callable[[dict[str, float]], None]


@dataclass(slots=True)
class EventSpec:
    kind: str
    noun: str  # "earthquake": "the deadliest {noun} since ..."
    evs: str  # plural: "earthquakes"
    nouns: tuple[str, ...]  # "the earthquake", "the quake", ...
    countries: tuple[str, ...]  # where it can happen ("" = anywhere)
    figures: dict[str, tuple[str, float, float]]
    running: dict[str, tuple[str, float, float, float, float]]
    headline: tuple[str, ...]
    lead: tuple[str, ...]
    detail: tuple[str, ...]
    impact: tuple[str, ...]
    response: tuple[str, ...]
    context: tuple[str, ...]
    reaction: tuple[str, ...]
    outlook: tuple[str, ...]
    unique: tuple[str, ...]
    q_official: tuple[str, ...]
    q_witness: tuple[str, ...]
    q_expert: tuple[str, ...]
    q_lead: tuple[str, ...] = ()
    q_rival: tuple[str, ...] = ()
    q_aid: tuple[str, ...] = ()
    attrs: tuple[str, ...] = ()
    roles: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    orgs: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    occupations: tuple[str, ...] = ()
    statics: _Statics | None = None
    derive: _Derive | None = None


def _quake_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["scene"] = rng.choice(
        (
            "rows of flattened houses and cars crushed under slabs of concrete",
            "collapsed apartment blocks and rescuers forming human chains to clear rubble",
            "a church tower that had toppled onto a market square",
            "cracked roads and a bridge that had partly fallen into a river",
        )
    )


def _flood_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["scene"] = rng.choice(
        (
            "entire neighbourhoods under brown water, with only rooftops visible",
            "people wading chest-deep through flooded streets carrying children and belongings",
            "cars and uprooted trees piled against a bridge",
            "a river that had burst its banks and swallowed fields and villages",
        )
    )


def _fire_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["scene"] = rng.choice(
        (
            "hillsides blackened for kilometres and columns of smoke drifting over the sea",
            "burnt-out cars abandoned on a highway and houses reduced to ash",
            "water-bombing planes swooping over a ridge as flames reached the first houses",
            "a wall of flames moving through pine forest towards a village",
        )
    )


def _ferry_statics(rng: random.Random, s: dict[str, str]) -> None:
    prefix = "KM" if s["country_bare"] == "Indonesia" else "MV"
    name = rng.choice(
        ("Lady Mary Joy", "Sinar Bangun", "Star Princess", "Ocean Pearl", "Golden Dawn",
         "Sea Spirit", "Mercy Grace", "Blue Horizon", "Island Queen", "Harbour Star")
    )  # fmt: skip
    s["ship"] = f"{prefix} {name} {rng.choice(('II', 'III', 'IV', '3', '5', '7'))}"
    s["scene"] = rng.choice(
        (
            "the upturned hull of the ferry drifting in grey water",
            "coast guard boats circling debris and life jackets in the water",
            "relatives waiting on the pier wrapped in blankets",
        )
    )


def _blast_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["plant"] = rng.choice(
        ("chemical plant", "fireworks factory", "fuel depot", "fertiliser warehouse",
         "textile factory", "gas storage facility")
    )  # fmt: skip
    s["scene"] = rng.choice(
        (
            "a huge plume of black smoke rising over the industrial zone",
            "twisted metal and the burnt-out shells of buildings around a crater",
            "shattered windows and debris scattered for hundreds of metres",
        )
    )


def _ferry_derive(v: dict[str, float]) -> None:
    v["toll"] = min(v["toll"], v["passengers"] * 0.5)
    v["rescued"] = min(v["rescued"], v["passengers"] - v["toll"])
    v["missing"] = max(0.0, v["passengers"] - v["rescued"] - v["toll"])
    v["capacity"] = max(10.0, round(v["passengers"] * 0.6, -1))


def _election_derive(v: dict[str, float]) -> None:
    # Early counts lean towards the winner; the share settles as more ballots are counted.
    v["lead_share"] = v["lead_share"] + (100 - v["counted"]) * 0.04
    v["rival_share"] = max(5.0, min(v["lead_share"] - v["margin"], (100 - v["lead_share"]) * 0.85))
    v["seats_won"] = round(v["seats"] * (v["lead_share"] / 100) * 1.15)


def _election_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["office_contested"] = rng.choice(("presidential", "parliamentary", "general"))
    s["issue"] = rng.choice(
        ("the cost of living", "corruption", "crime", "unemployment", "energy prices",
         "housing", "public debt")
    )  # fmt: skip


def _protest_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["grievance"], s["concession"] = rng.choice(
        (
            ("a proposed fuel price increase", "delay the fuel price increase by three months"),
            ("a new tax law", "suspend the tax law pending a review"),
            ("alleged fraud in last month’s election", "recount ballots in several districts"),
            ("corruption allegations against senior officials", "set up an independent inquiry"),
            ("a bill that would extend presidential term limits", "withdraw the bill for now"),
            ("rising food prices", "cut import duties on rice and cooking oil"),
            ("a planned cut to pensions", "postpone the pension reform until next year"),
        )
    )


def _protest_derive(v: dict[str, float]) -> None:
    # Crowd estimates are round numbers; the organisers' is always the larger.
    v["crowd"] = max(1000.0, round(v["crowd"], -3))
    v["crowd_police"] = max(500.0, round(v["crowd"] * v["police_ratio"] / 100, -2))
    v["officers"] = max(2.0, v["injured"] * v["officer_share"] / 100)


def _trial_statics(rng: random.Random, s: dict[str, str]) -> None:
    s["charge"] = rng.choice(
        ("corruption", "money laundering", "abuse of power", "bribery", "tax evasion",
         "embezzlement")
    )  # fmt: skip
    s["defendant_role"] = rng.choice(
        ("former energy minister", "former governor", "businessman", "former central bank chief",
         "former mayor of {city}", "former defence minister")
    ).format(city=s["city"])  # fmt: skip


def _trial_derive(v: dict[str, float]) -> None:
    v["sought"] = round(v["years"]) + round(v["extra"])


def _sector_statics(rng: random.Random, s: dict[str, str]) -> None:
    sector, word, workers = rng.choice(SECTORS)
    s["sector"], s["sector_word"], s["sector_workers"] = sector, word, workers


_HOOKS: dict[str, tuple[_Statics | None, _Derive | None]] = {
    "earthquake": (_quake_statics, None),
    "flood": (_flood_statics, None),
    "wildfire": (_fire_statics, None),
    "ferry": (_ferry_statics, _ferry_derive),
    "explosion": (_blast_statics, None),
    "election": (_election_statics, _election_derive),
    "merger": (_sector_statics, None),
    "protest": (_protest_statics, _protest_derive),
    "trial": (_trial_statics, _trial_derive),
    "strike": (_sector_statics, None),
}
_SHARED = load("events/disaster_shared")
# Kept apart because a witness's trade falls back to it when a kind has none of its own.
DIS_OCCUPATIONS: tuple[str, ...] = _SHARED["occupations"]
# And the attributions of a figure.
DIS_ATTRS: tuple[str, ...] = _SHARED["attrs"]


def _disaster(data: dict[str, Any]) -> dict[str, Any]:
    """A disaster's fields with the shared disaster pools (or only the quotes) added to its own."""
    kw = dict(data)
    shared_pools = kw.pop("shared_pools", True)
    kw["figures"] = {**_SHARED["figures"], **kw["figures"]}
    for pool in ("impact", "response", "context", "reaction", "outlook", "q_official"):
        if shared_pools or pool == "q_official":
            kw[pool] = tuple(kw.get(pool, ())) + _SHARED[pool]
    for pool in ("q_aid", "attrs", "occupations"):
        kw.setdefault(pool, _SHARED[pool])
    kw["roles"] = {**_SHARED["roles"], **kw.get("roles", {})}
    kw["orgs"] = {"agency": _SHARED["agency"], **kw.get("orgs", {})}
    return kw


def _event(kind: str) -> EventSpec:
    data = dict(load(f"events/{kind}"))
    if data.pop("family") == "disaster":
        data = _disaster(data)
    statics, derive = _HOOKS[kind]
    return EventSpec(**data, statics=statics, derive=derive)


EVENTS: tuple[EventSpec, ...] = tuple(
    _event(kind)
    for kind in (
        "earthquake", "flood", "wildfire", "ferry", "explosion",
        "election", "merger", "protest", "trial", "strike",
    )
)  # fmt: skip
_BY_KIND = {spec.kind: spec for spec in EVENTS}
# Disasters are the bulk of wire copy; they are listed twice so they come up more often.
EVENT_DRAW = (*EVENTS, *(_BY_KIND[k] for k in ("earthquake", "flood", "protest", "election")))

_DISASTERS = frozenset(("earthquake", "flood", "wildfire", "ferry", "explosion"))


def family_of(spec: EventSpec) -> str:
    if spec.kind in _DISASTERS:
        return "disaster"
    return "business" if spec.kind == "merger" else "civic"
