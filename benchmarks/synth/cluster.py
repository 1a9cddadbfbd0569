"""A story cluster: one invented event and the people, places and figures its sources share.

Every draw comes from a ``random.Random`` seeded with the corpus seed and the cluster number,
so a cluster does not depend on the clusters before it.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from .events import DIS_OCCUPATIONS, EVENT_DRAW, EventSpec
from .world import (
    BANKS,
    COMPANY_PREFIXES,
    COMPANY_SUFFIXES,
    COMPASS,
    COUNTRIES,
    CULTURES,
    DIRECTIONS,
    FOREIGN,
    GLOBAL_SOURCES,
    INVESTOR_ADJ,
    SECTORS,
    SOURCES,
    UNIVERSITIES,
    Country,
    Org,
    Person,
    Source,
    acronym,
    make_org,
    person_name,
)


@dataclass(slots=True)
class Cluster:
    number: int
    seed: int
    spec: EventSpec
    country: Country
    when: datetime
    ref: datetime  # an earlier date the story refers back to
    upcoming: datetime  # a later date the story looks ahead to
    statics: dict[str, str]
    people: dict[str, Person]
    orgs: dict[str, Org]
    base: dict[str, float]
    running: dict[str, tuple[float, float]]  # key: (start, final)
    sources: list[Source]
    hours: list[float]
    shared: str
    shared_lines: list[str]
    unique: dict[int, list[str]]


def capitalise(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :] if ch.islower() else text
        if ch not in "“‘\"'(":
            return text
    return text


def _make_people(
    rng: random.Random, spec: EventSpec, country: Country, statics: dict[str, str]
) -> dict[str, Person]:
    people: dict[str, Person] = {}
    taken: set[str] = set()

    def new(role: str, title: str, desc: str, culture: str) -> None:
        female = rng.random() < 0.45
        for _ in range(20):
            name, short = person_name(rng, culture, female)
            if short not in taken:
                break
        taken.add(short)
        sp = "spokeswoman" if female else "spokesman"
        title = title.replace("SP", sp).format_map(statics)
        desc = desc.replace("SP", sp).format_map(statics)
        people[role] = Person(name, short, female, title, desc)

    local = country.culture
    new("leader", country.head, f"the {country.head.lower()}", local)
    roles = {
        "official": (("Interior Minister", "the interior minister"),),
        "spokes": (("government SP", "a government SP"),),
        "expert": (("analyst", "an analyst at {university}"),),
        "aid": (("Red Cross official", "an official with the Red Cross"),),
        **spec.roles,
    }
    for role in ("official", "spokes", "expert", "aid", "lead", "rival"):
        if role not in roles:
            continue
        title, desc = rng.choice(roles[role])
        culture = local
        if role == "aid" or (role == "expert" and rng.random() < 0.3):
            culture = rng.choice(CULTURES)
        new(role, title, desc, culture)
    city2 = statics["city2"]
    new("mayor", f"{city2} Mayor", f"the mayor of {city2}", local)
    for role in ("witness", "witness2"):
        new(role, "resident", f"a resident of {city2}", local)
        person = people[role]
        occupation = rng.choice(spec.occupations or DIS_OCCUPATIONS)
        if occupation == "student":
            age = rng.randint(18, 26)
        elif occupation.startswith(("retired", "pensioner")):
            age = rng.randint(62, 86)
        else:
            age = rng.randint(23, 64)
        statics[f"{role}_intro"] = f"{person.name}, a {age}-year-old {occupation} in {city2}"
    return people


def _company(rng: random.Random, statics: dict[str, str], taken: list[str]) -> Org:
    prefix = rng.choice([p for p in COMPANY_PREFIXES if p not in taken])
    taken.append(prefix)
    word = statics.get("sector_word") or rng.choice([s[1] for s in SECTORS])
    name = f"{prefix} {word} {rng.choice(COMPANY_SUFFIXES)}"
    return Org(name, acronym(name) if rng.random() < 0.3 else "", prefix, the=False)


def _party(rng: random.Random, taken: list[str]) -> Org:
    while True:
        adj = rng.choice("National Democratic People’s Progressive United Liberal Social "
                         "Republican Popular Civic New Patriotic".split())  # fmt: skip
        noun = rng.choice("Renewal Alliance Congress Front Movement Union Coalition Party "
                          "Reform Unity".split())  # fmt: skip
        name = f"{adj} {noun}" if noun == "Party" else f"{adj} {noun} Party"
        acr = acronym(name)
        if acr not in taken:  # two parties never share an acronym
            taken.append(acr)
            return Org(name, acr, acr, the=True)


def _make_orgs(rng: random.Random, spec: EventSpec, statics: dict[str, str]) -> dict[str, Org]:
    orgs: dict[str, Org] = {}
    companies: list[str] = []
    parties: list[str] = []
    for key, choices in spec.orgs.items():
        if key.startswith("company"):
            orgs[key] = _company(rng, statics, companies)
        elif key.startswith("party"):
            orgs[key] = _party(rng, parties)
        else:
            name, short = rng.choice(choices)
            if name.startswith(("Interior", "National Police")) or rng.random() < 0.15:
                orgs[key] = make_org(name, short, acr=False)
            elif key == "agency" and rng.random() < 0.4:
                orgs[key] = make_org(f"{statics['country_adj']} {name}".replace("National ", ""),
                                 short)  # fmt: skip
            else:
                orgs[key] = make_org(name, short)
    for key, org in orgs.items():
        statics[f"{key}_short"] = org.acr or org.short.removeprefix("the ")
    return orgs


def _shared_quote(
    rng: random.Random, spec: EventSpec, people: dict[str, Person], statics: dict[str, str],
    target: int,
) -> tuple[str, list[str]]:  # fmt: skip
    """The quote every source of the cluster carries word for word (about a tenth of it).

    Returns the paragraph and the template lines it used, which the articles then avoid.
    """
    speakers = [("official", spec.q_official), ("spokes", spec.q_official)]
    if spec.q_lead and "lead" in people:
        speakers.append(("lead", spec.q_lead))
    size = {role: sum(len(q.split()) for q in pool) for role, pool in speakers}
    # The speaker is drawn among those with enough to say; a long quote takes the most words.
    able = [sp for sp in speakers if size[sp[0]] >= target * 1.5] or [
        max(speakers, key=lambda sp: size[sp[0]])
    ]
    role, pool = rng.choice(able)
    person = people[role]
    raw: list[str] = []
    total = 0
    for line in rng.sample(list(pool), len(pool)):
        raw.append(line)
        total += len(line.split())
        if total >= target - 8:
            break
    lines = [line.format_map(statics) for line in raw]
    head, tail = lines[0], lines[1:]
    how = rng.choice(("said", "said in a statement", "told reporters", "said in a speech"))
    if how == "said" and rng.random() < 0.5:
        text = f"“{head},” said {person.name}, {person.desc}."
    else:
        text = f"“{head},” {person.name}, {person.desc}, {how}."
    if tail:
        text += " “" + ". ".join(tail) + ".”"
    return text, raw


def build_cluster(number: int, size: int, seed: int, words: int) -> Cluster:
    rng = random.Random(f"kimreader-corpus:{seed}:{number}")
    spec = rng.choice(EVENT_DRAW)
    allowed = [c for c in COUNTRIES if spec.countries == ("",) or c.bare in spec.countries]
    country = rng.choice(allowed)
    cities = list(country.cities)
    rng.shuffle(cities)
    foreign = [f for f in FOREIGN if f != country.bare]
    when = datetime(2023, 1, 1) + timedelta(
        days=rng.randrange(3 * 365), hours=rng.randrange(24), minutes=rng.randrange(60)
    )
    statics: dict[str, str] = {
        "country": country.name,
        "country_bare": country.bare,
        "country_adj": country.adj,
        "city": cities[0][0],
        "city_pop": cities[0][1],
        "city2": cities[1][0],
        "city3": cities[2][0],
        "region": rng.choice(country.regions),
        "area": f"{rng.choice(DIRECTIONS)} {country.bare}",
        "compass": rng.choice(COMPASS),
        "news": country.news,
        "red_cross": country.red_cross,
        "river": country.river,
        "currency": country.currency,
        "office": country.office,
        "noun": spec.noun,
        "evs": spec.evs,
        "hist_year": str(rng.randint(1990, 2019)),
        "bank": rng.choice(BANKS[:5]),
        "bank2": rng.choice(BANKS[5:]),
        "foreign_adj": rng.choice(INVESTOR_ADJ),
    }
    statics["university"] = rng.choice(UNIVERSITIES).format(city=statics["city"])
    start = when.year - rng.randint(3, 9)
    statics["offence_years"] = f"{start}–{start + rng.randint(2, 4)}"
    statics["contract_years"] = f"{when.year}–{when.year + rng.randint(2, 3)}"
    rng.shuffle(foreign)
    statics["foreign"], statics["foreign2"] = foreign[0], foreign[1]
    if spec.statics:
        spec.statics(rng, statics)
    orgs = _make_orgs(rng, spec, statics)
    people = _make_people(rng, spec, country, statics)
    if "lead" in people:
        lead = people["lead"]
        statics["lead_him"] = "her" if lead.female else "him"
        statics["lead_his_cap"] = "Her" if lead.female else "His"
        statics["lead_his"] = "her" if lead.female else "his"
        statics["lead_last"] = lead.short
        if "party1" in orgs:
            statics["lead_party_short"] = statics["party1_short"]
    statics["official_last"] = people["official"].short

    base: dict[str, float] = {}
    for key, (kind, low, high) in spec.figures.items():
        if kind in ("count", "money", "eur", "ha") and low > 0:
            base[key] = math.exp(rng.uniform(math.log(low), math.log(high)))
        else:
            base[key] = rng.uniform(low, high)
    base["magnitude_alt"] = base.get("magnitude", 0.0) + rng.choice((-0.2, -0.1, 0.1, 0.2))
    running = {}
    for key, (_kind, low, high, f_low, f_high) in spec.running.items():
        first = math.exp(rng.uniform(math.log(low), math.log(high)))
        running[key] = (first, first * rng.uniform(f_low, f_high))

    local = [s for s in SOURCES if s.home == country.bare]
    pool = list(GLOBAL_SOURCES)
    rng.shuffle(pool)
    rng.shuffle(local)
    sources = (local[: rng.randint(0, min(2, len(local)))] + pool)[:size]
    rng.shuffle(sources)
    hours = [0.5 + min(120.0, rng.expovariate(1 / 16) * s.lag) for s in sources]

    unique: dict[int, list[str]] = {}
    facts = list(spec.unique)
    rng.shuffle(facts)
    for fact in facts[: 1 + (rng.random() < 0.4)]:
        unique.setdefault(rng.randrange(len(sources)), []).append(fact)

    shared, shared_lines = _shared_quote(rng, spec, people, statics, round(words * 0.1))
    return Cluster(
        number, seed, spec, country, when,
        ref=when - timedelta(days=rng.randint(30, 420)),
        upcoming=when + timedelta(days=rng.randint(12, 70)),
        statics=statics, people=people, orgs=orgs, base=base, running=running,
        sources=sources, hours=hours, shared=shared, shared_lines=shared_lines, unique=unique,
    )  # fmt: skip
