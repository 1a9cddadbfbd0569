"""The invented world the stories happen in: people's names, countries, news outlets, organisations.

Plain records and the few rules that build names from the data files (``names.json``,
``countries.json``, ``places.json``, ``sources.json``, ``organisations.json``).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .resources import load

# --------------------------------------------------------------------------------------------
# People

_NAME_POOLS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    culture: (pools["male"], pools["female"], pools["surnames"])
    for culture, pools in sorted(load("names").items())
}
CULTURES = sorted(_NAME_POOLS)


@dataclass(slots=True)
class Person:
    name: str  # as first written: "Ana Reyes", "Kim Min‑jun"
    short: str  # on later mentions: "Reyes", "Kim"
    female: bool
    title: str  # before the name on first mention: "Interior Minister", "agency spokeswoman"
    desc: str  # in apposition: "the interior minister"


def person_name(rng: random.Random, culture: str, female: bool) -> tuple[str, str]:
    if culture == "vietnamese":
        male, fem, last = _NAME_POOLS[culture]
        given = rng.choice(fem if female else male)
        middle = "Thị" if female else rng.choice(("Văn", "Đức", "Minh", "Quốc", "Hữu"))
        return f"{rng.choice(last)} {middle} {given}", given
    male, fem, last = _NAME_POOLS[culture]
    first, surname = rng.choice(fem if female else male), rng.choice(last)
    if culture == "polish" and female and surname.endswith(("ski", "cki")):
        surname = surname[:-1] + "a"
    if culture == "korean":
        return f"{surname} {first}", surname
    return f"{first} {surname}", surname


# --------------------------------------------------------------------------------------------
# Places


@dataclass(frozen=True, slots=True)
class Country:
    name: str  # in a sentence: "the Philippines"
    bare: str  # in a headline or a compound: "Philippines"
    adj: str
    culture: str
    head: str  # head of government: "President", "Prime Minister"
    office: str  # "the presidential palace"
    cities: tuple[tuple[str, str], ...]  # (city, population in words)
    regions: tuple[str, ...]
    currency: str
    rate: float  # per US dollar
    news: str  # the national news agency or broadcaster
    red_cross: str
    river: str
    alt: str = ""  # another name some outlets use


COUNTRIES: tuple[Country, ...] = tuple(Country(**c) for c in load("countries"))
_PLACES = load("places")
FOREIGN: tuple[str, ...] = _PLACES["foreign"]
DIRECTIONS: tuple[str, ...] = _PLACES["directions"]
COMPASS: tuple[str, ...] = _PLACES["compass"]

# --------------------------------------------------------------------------------------------
# Sources


@dataclass(frozen=True, slots=True)
class Source:
    slug: str
    name: str
    wire: str = ""  # the tag of a wire dateline: "Reuters", "AP", "AFP"
    us: bool = False  # American spelling
    units: str = "km"  # "km", "km_mi", "mi_km", "mi"
    pct: str = "%"
    dates: tuple[int, ...] = (0,)
    curly: bool = True
    title_case: bool = False
    byline: float = 0.5
    hedgy: float = 0.6
    money: str = "$"
    home: str = ""  # a local outlet only covers its own country
    lag: float = 1.0


SOURCES: tuple[Source, ...] = tuple(Source(**s) for s in load("sources"))
GLOBAL_SOURCES = tuple(s for s in SOURCES if not s.home)

# --------------------------------------------------------------------------------------------
# Organisations


@dataclass(slots=True)
class Org:
    full: str  # "National Disaster Management Agency"
    acr: str  # "NDMA", or "" when the name is never shortened
    short: str  # on later mentions without an acronym: "the agency", "Meridian"
    the: bool = True  # "the National ..." but "Amnesty International"


_SKIP_IN_ACRONYM = frozenset(("of", "and", "for", "the", "de", "on", "in"))


def acronym(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w not in _SKIP_IN_ACRONYM)


def make_org(name: str, short: str, *, acr: bool = True, the: bool = True) -> Org:
    return Org(name, acronym(name) if acr else "", short, the)


_ORGANISATIONS = load("organisations")
COMPANY_PREFIXES: tuple[str, ...] = _ORGANISATIONS["company_prefixes"]
COMPANY_SUFFIXES: tuple[str, ...] = _ORGANISATIONS["company_suffixes"]
# (sector in a sentence, word in a company name, the people who work in it)
SECTORS: tuple[tuple[str, str, str], ...] = _ORGANISATIONS["sectors"]
INVESTOR_ADJ: tuple[str, ...] = _ORGANISATIONS["investor_adjectives"]
BANKS: tuple[str, ...] = _ORGANISATIONS["banks"]
UNIVERSITIES: tuple[str, ...] = _ORGANISATIONS["universities"]
