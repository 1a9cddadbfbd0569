"""Merging mentions into entities across a corpus: one person however the outlets spell them.

Three kinds of evidence join two names: the same closed-up key ("Kim Jong-un" = "Kim Jong Un"),
an equality the text itself declares ("DPRK stands for the Democratic People's Republic of
Korea"), or the same gazetteer place. People's names are also joined when their parts are close
spellings of each other ("Muammar Gaddafi" / "Moammar Qadhafi"); a single fuzzy score is not
trusted for that ("Kim Jong-un" and "Kim Jong-il" score as high as real variants), so each half
of the name must agree on its own.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace

from rapidfuzz import fuzz, process

from ..models import NAME_TYPES, Entity, Extraction, Mention
from .extract import name_key
from .gazetteer import load_gazetteer
from .joins import (
    best_surface,
    join_acronyms,
    join_middle_names,
    join_openers,
    join_place_prefixes,
    join_short_forms,
)
from .lexicon import COUNTRY_SHORT_FORMS

# Thresholds for the two halves of a person's name (rapidfuzz ratio, 0-100).
PART_FLOOR = 70
PART_STRONG = 85
PART_MEAN = 78
_PREFILTER = 60
# Organisation names this close (rapidfuzz ratio on closed-up keys) are one name.
ORG_SAME = 92
_CONTINUATIONS = frozenset({"of", "at", "in", "for"})
# A last word that names the body the shorter name already is ("Police" / "Police Department").
_BODIES = frozenset("department service force office agency inc corp co company ltd".split())


# Merging a 10,000-article corpus asks for the keys of the same few thousand names about a
# million times; profiled, computing them again was half of the merge.
_key = functools.lru_cache(maxsize=1 << 16)(name_key)


@functools.lru_cache(maxsize=1 << 16)
def _parts(name: str) -> tuple[str, ...]:
    return tuple(p for p in (_key(word) for word in name.replace("\u00a0", " ").split()) if p)


def same_person(a: str, b: str) -> bool:
    """Whether two spellings name one person: equal when closed up, or both halves (family
    and given names, in either order) close spellings of each other."""
    if _key(a) == _key(b):
        return True
    pa, pb = _parts(a), _parts(b)
    if len(pa) < 2 or len(pb) < 2:
        return False
    splits = (
        ((pa[0], "".join(pa[1:])), (pb[0], "".join(pb[1:]))),
        (("".join(pa[:-1]), pa[-1]), ("".join(pb[:-1]), pb[-1])),
    )
    for (head_a, tail_a), (head_b, tail_b) in splits:
        first = fuzz.ratio(head_a, head_b)
        second = fuzz.ratio(tail_a, tail_b)
        if (
            min(first, second) >= PART_FLOOR
            and max(first, second) >= PART_STRONG
            and (first + second) / 2 >= PART_MEAN
        ):
            return True
    return False


@dataclass
class EntityTable:
    """Every entity of a corpus, and how to find the one behind a mention or a name."""

    entities: list[Entity]
    _by_node: dict[tuple[str, str], Entity] = field(default_factory=dict)
    _node_types: tuple[str, ...] | None = field(default=None, repr=False, compare=False)
    _by_variant: dict[tuple[str, str], Entity] | None = field(
        default=None, repr=False, compare=False
    )

    def entity_of(self, mention: Mention) -> Entity | None:
        return self._by_node.get((mention.type, mention.key))

    def typed(self, mention: Mention) -> Mention:
        """The mention with its entity's type: what the whole corpus says the name is ("Red
        Sox" an organisation in the report that wrote only that and looked like a person)."""
        entity = self.entity_of(mention)
        if entity is None or entity.type == mention.type or mention.type not in NAME_TYPES:
            return mention
        return replace(mention, type=entity.type)

    def _types(self) -> tuple[str, ...]:
        # Worked out once: a typed name is looked up on every search, and the table holds
        # tens of thousands of nodes at scale.
        if self._node_types is None:
            self._node_types = tuple(dict.fromkeys(t for t, _ in self._by_node if t))
        return self._node_types

    def find(self, name: str, kind: str | None = None) -> Entity | None:
        """The entity a typed name refers to: any of its spellings or aliases, including a
        short form an article keyed to the full name ("the Survey", "Trail Blazers")."""
        key = name_key(name)
        for entity_type in (kind,) if kind else self._types():
            entity = self._by_node.get((entity_type, key))
            if entity is not None:
                return entity
        for entity_type in (kind,) if kind else self._types():
            entity = self._variants().get((entity_type, key))
            if entity is not None:
                return entity
        return None

    def _variants(self) -> dict[tuple[str, str], Entity]:
        # Worked out on first use (a saved table is read back without it): each spelling's
        # key to the entity that writes it most, by the entity's type.
        if self._by_variant is None:
            best: dict[tuple[str, str], tuple[int, Entity]] = {}
            for entity in self.entities:
                for rank, variant in enumerate(entity.variants):
                    node = (entity.type, name_key(variant))
                    score = entity.mentions - rank
                    if node not in best or best[node][0] < score:
                        best[node] = (score, entity)
            self._by_variant = {node: entity for node, (_, entity) in best.items()}
        return self._by_variant


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[tuple[str, str], tuple[str, str]] = {}

    def add(self, node: tuple[str, str]) -> None:
        self.parent.setdefault(node, node)

    def find(self, node: tuple[str, str]) -> tuple[str, str]:
        root = node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def merge_entities(
    extractions: Mapping[str, Extraction] | Iterable[tuple[str, Extraction]],
    canonical_place: Callable[[str], str | None] | None = None,
) -> EntityTable:
    """Group every article's mentions into corpus entities, most mentioned first.

    ``canonical_place`` maps a gazetteer place id to its usual name ("KP" -> "North Korea").
    """
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    sources: dict[tuple[str, str], set[str]] = defaultdict(set)
    refs: dict[str, set[tuple[str, str]]] = defaultdict(set)
    groups = _UnionFind()
    aliases: set[tuple[str, str]] = set()
    # One pass, keeping only what the merge needs: a large corpus's extractions are streamed
    # from the index rather than all held at once (half a million mentions at 10,000 articles).
    pairs = extractions.items() if isinstance(extractions, Mapping) else extractions
    for article_id, extraction in pairs:
        aliases.update((alias.short, alias.full) for alias in extraction.aliases)
        for mention in extraction.mentions:
            node = (mention.type, mention.key)
            groups.add(node)
            surfaces[node][mention.text] += 1
            sources[node].add(article_id)
            if mention.ref:
                refs[mention.ref].add(node)
    by_key: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for node in surfaces:
        if node[0] in NAME_TYPES:
            by_key[node[1]].append(node)

    for nodes in refs.values():
        first, *rest = sorted(nodes)
        for node in rest:
            groups.union(first, node)
    for alias_short, alias_full in sorted(aliases):
        for a in by_key.get(_key(alias_short), []):
            for b in by_key.get(_key(alias_full), []):
                groups.union(a, b)
    people = [n for n in surfaces if n[0] == "PERSON"]
    orgs = [n for n in surfaces if n[0] == "ORG"]
    _join_person_spellings(groups, people, surfaces)
    _join_org_spellings(groups, orgs, surfaces)
    # Evidence from the whole corpus (joins.py): middle names, acronyms, place prefixes,
    # then short forms, which need the entities the other rules made.
    gazetteer = load_gazetteer()

    def place_of(text: str) -> str | None:
        place = gazetteer.lookup(COUNTRY_SHORT_FORMS.get(text, text))
        return place.id if place is not None and not place.ambiguous else None

    articles = {node: len(found) for node, found in sources.items()}
    not_names = join_openers(people, surfaces, articles, groups.find, groups.union)
    join_middle_names(people, surfaces, groups.find, groups.union)
    join_place_prefixes(orgs, surfaces, place_of, groups.find, groups.union)
    join_acronyms(orgs, surfaces, groups.find, groups.union)
    placed = {node for nodes in refs.values() for node in nodes if node[0] == "PLACE"}
    join_short_forms(
        [n for n in surfaces if n[0] in NAME_TYPES], surfaces, placed, groups.find, groups.union
    )

    members: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for node in surfaces:
        members[groups.find(node)].append(node)
    refs_of: dict[tuple[str, str], list[str]] = defaultdict(list)
    ref_rank = {ref: rank for rank, ref in enumerate(refs)}
    for ref, ref_nodes in refs.items():
        for node in ref_nodes:
            refs_of[node].append(ref)
    table = EntityTable([])
    for group in members.values():
        entity = _entity(group, surfaces, sources, refs_of, ref_rank, canonical_place, not_names)
        table.entities.append(entity)
        for node in group:
            table._by_node[node] = entity
    table.entities.sort(key=lambda e: (-e.mentions, e.type, e.name.casefold()))
    return table


def _join_person_spellings(
    groups: _UnionFind,
    people: list[tuple[str, str]],
    surfaces: Mapping[tuple[str, str], Counter[str]],
) -> None:
    """Join people whose full names are spelling variants; bare surnames never join here."""
    names = {node: best_surface(node, surfaces) for node in people}
    full = [node for node, name in names.items() if len(_parts(name)) >= 2]
    keys = [node[1] for node in full]
    # Each pair once: against the names after this one only (the comparison is symmetric),
    # which halves the all-pairs prefilter, the bulk of a large corpus's merge.
    for index, node in enumerate(full):
        later = keys[index + 1 :]
        candidates = process.extract(
            node[1], later, scorer=fuzz.ratio, score_cutoff=_PREFILTER, limit=None
        )
        for _, _, offset in candidates:
            other = full[index + 1 + offset]
            if same_person(names[node], names[other]):
                groups.union(node, other)


def same_organisation(a: str, b: str) -> bool:
    """Two spellings of one organisation's name: nearly the same letters ("... at the Overseas
    Military Operations" / "... in Overseas Military Operations"), or one the start of the other
    continued by "of"/"at"/"in" ("528th Regiment" / "528th Regiment of Engineers")."""
    key_a, key_b = _key(a), _key(b)
    if key_a == key_b:
        return True
    words_a, words_b = a.split(), b.split()
    if min(len(words_a), len(words_b)) < 2:
        return False
    if fuzz.ratio(key_a, key_b) >= ORG_SAME:
        return True
    short, long_ = sorted((words_a, words_b), key=len)
    if [_key(w) for w in long_[: len(short)]] != [_key(w) for w in short]:
        return False
    rest = long_[len(short) :]
    # "528th Regiment of Engineers"; "Staunton Police Department" for "Staunton Police".
    return rest[0].lower() in _CONTINUATIONS or (len(rest) == 1 and rest[0].lower() in _BODIES)


def _join_org_spellings(
    groups: _UnionFind,
    orgs: list[tuple[str, str]],
    surfaces: Mapping[tuple[str, str], Counter[str]],
) -> None:
    by_first: dict[str, list[tuple[str, str]]] = defaultdict(list)
    names = {node: best_surface(node, surfaces) for node in orgs}
    for node, name in names.items():
        by_first[_key(name.split()[0]) if name.split() else ""].append(node)
    for nodes in by_first.values():
        for index, node in enumerate(nodes):
            for other in nodes[index + 1 :]:
                if same_organisation(names[node], names[other]):
                    groups.union(node, other)


def _entity(
    nodes: Iterable[tuple[str, str]],
    surfaces: Mapping[tuple[str, str], Counter[str]],
    sources: Mapping[tuple[str, str], set[str]],
    refs_of: Mapping[tuple[str, str], list[str]],
    ref_rank: Mapping[str, int],
    canonical_place: Callable[[str], str | None] | None,
    not_names: set[str],
) -> Entity:
    nodes = list(nodes)
    counts: Counter[str] = Counter()
    type_counts: Counter[str] = Counter()
    articles: set[str] = set()
    for node in nodes:
        counts.update(surfaces[node])
        type_counts[node[0]] += sum(surfaces[node].values())
        articles.update(sources[node])
    name = _canonical(Counter({s: n for s, n in counts.items() if s not in not_names}) or counts)
    if canonical_place is not None:
        # In the order the refs were first seen, as a scan of every ref would meet them. The
        # usual name picks which spelling names the place, and the corpus spells it: no
        # gazetteer diacritics nobody wrote ("Tehran", not "Tehrān").
        for ref in sorted(
            {r for node in nodes for r in refs_of.get(node, ())}, key=ref_rank.__getitem__
        ):
            usual = canonical_place(ref)
            written = [s for s in counts if usual and _key(s) == _key(usual)]
            if written:
                name = max(written, key=lambda s: (counts[s], not s.isupper(), s))
                break
    # The entity is what its fullest name is ("Boston Red Sox" an organisation, however an
    # article that wrote only "Red Sox" guessed); the count of mentions settles a tie.
    holders = Counter({node[0]: surfaces[node][name] for node in nodes if surfaces[node][name]})
    kind = (holders or type_counts).most_common(1)[0][0]
    variants = tuple(s for s, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return Entity(
        id=f"{kind}:{_key(name)}",
        name=name,
        type=kind,
        variants=variants,
        sources=tuple(sorted(articles)),
        mentions=sum(counts.values()),
        members=frozenset(nodes),
    )


def _canonical(counts: Counter[str]) -> str:
    """The most complete form as the corpus writes it: not in capitals, most words, then most
    used, then most letters, then the plain-ASCII spelling. A spelling that repeats another
    ("Esther Williams-Esther Williams", crawl damage) names nothing."""
    keys = {_key(s) for s in counts}
    common = [
        s for s in counts if not any(k and k != _key(s) and _key(s).count(k) > 1 for k in keys)
    ] or list(counts)

    def rank(surface: str) -> tuple[int, int, int, int, int, str]:
        return (
            int(not surface.isupper() or len(surface) < 2),
            len(surface.split()),
            counts[surface],
            len(_key(surface)),
            int(surface.isascii()),
            surface,
        )

    return max(common, key=rank)
