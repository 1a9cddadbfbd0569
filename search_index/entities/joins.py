"""Evidence from the whole corpus that two names are one entity, beyond what one article says.

merge.py joins names that are spelt alike or that an article declares equal; these rules read
the corpus as a whole, and each joins only when it points at exactly one entity:

* a short form some article used for a longer name ("Obama" for Barack Obama, "Red Sox" for the
  Boston Red Sox), or a family name only one person in the corpus bears, is that entity in the
  articles that use it alone too; a family name two people share joins neither;
* a name with a middle name or initial is the same person as the name without it ("George W.
  Bush" and "George Bush"), when only one such person is known;
* an acronym is the organisation whose initials it spells ("USGS", "AP", "AMPAS"), across
  articles, not only where an article defines it;
* an organisation named with its country or place in front is the same body however the prefix
  is written ("U.S." / "US" / "United States Geological Survey") or when it is left out
  ("Geological Survey", "Fish and Wildlife Service").

A place the gazetteer knows never joins a person or an organisation through a short form: the
"Washington" of a report is not George Washington because another report calls him that.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping

from ..text import name_key

Node = tuple[str, str]
Find = Callable[[Node], Node]
Union = Callable[[Node, Node], None]

_ACRONYM = re.compile(r"^(?:[A-Z][A-Z&]{1,7}|(?:[A-Z]\.){2,})$")
_SMALL_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "at", "de", "&"})


def best_surface(node: Node, surfaces: Mapping[Node, Counter[str]]) -> str:
    """The node's own spelling: the most used surface whose key is the node's key (a bare
    "Page" keyed to Bettie Page is a surface of her node, not her name), else the most used."""
    counts = surfaces[node]
    own = [(n, s) for s, n in counts.items() if name_key(s) == node[1]]
    if own:
        return max(own)[1]
    return counts.most_common(1)[0][0]


def join_short_forms(
    nodes: Iterable[Node],
    surfaces: Mapping[Node, Counter[str]],
    placed: set[Node],
    find: Find,
    union: Union,
) -> None:
    """Nodes whose key is a short form of exactly one entity join it: a surface some article
    keyed to a longer name, or the family name of a multi-word person."""
    nodes = list(nodes)
    owners: dict[str, set[Node]] = defaultdict(set)
    # A family name is written as a name: an acronym that spells the same letters is not its
    # short form ("W.H.O." is not the "Who" of the show "Doctor Who", read as a person's
    # name). A lone name another article typed otherwise ("Salazar said") still joins.
    families: dict[str, set[Node]] = defaultdict(set)
    for node in nodes:
        root = find(node)
        for surface in surfaces[node]:
            key = name_key(surface)
            if key and key != node[1]:
                owners[key].add(root)
        if node[0] == "PERSON":
            words = best_surface(node, surfaces).split()
            if len(words) >= 2:
                families[name_key(words[-1])].add(root)
    # Roots may have changed since the owners were collected: compare current roots.
    for node in nodes:
        found = owners.get(node[1], set())
        if not any(_ACRONYM.match(surface) for surface in surfaces[node]):
            found = found | families.get(node[1], set())
        if not found or node in placed:
            continue
        roots = {find(r) for r in found}
        if len(roots) != 1:
            continue  # "Williams" of Jamal and of Esther Williams: neither
        root = next(iter(roots))
        if find(node) == root or (node[0] != "PLACE" and root in placed):
            continue
        union(node, root)


def join_openers(
    people: Iterable[Node],
    surfaces: Mapping[Node, Counter[str]],
    articles: Mapping[Node, int],
    find: Find,
    union: Union,
) -> set[str]:
    """A word that opened a sentence and was read as part of a name ("Moviemaker Gary Ross",
    "Named Maurice Cheeks"): the rest is a full name the corpus writes in more articles.
    Joined to that person; the spellings returned are not to name anyone. A bare family name
    is not enough ("Hunter Biden" is not "Joe Biden" with an opener)."""
    people = list(people)
    by_key = {node[1]: node for node in people}
    openers: set[str] = set()
    for node in people:
        words = best_surface(node, surfaces).split()
        if len(words) < 3:
            continue
        other = by_key.get(name_key(" ".join(words[1:])))
        if other is not None and articles[other] > articles[node]:
            union(node, other)
            openers.update(surfaces[node])
    return openers


def join_middle_names(
    people: Iterable[Node], surfaces: Mapping[Node, Counter[str]], find: Find, union: Union
) -> None:
    """ "George W. Bush" = "George Bush", "Bettie Mae Page" = "Bettie Page": first and last
    names agree and only one person with more names fits."""
    by_ends: dict[tuple[str, str], list[Node]] = defaultdict(list)
    lengths: dict[Node, int] = {}
    for node in people:
        words = [name_key(w) for w in best_surface(node, surfaces).split()]
        words = [w for w in words if w]
        if len(words) >= 2:
            by_ends[(words[0], words[-1])].append(node)
            lengths[node] = len(words)
    for nodes in by_ends.values():
        short = [n for n in nodes if lengths[n] == 2]
        longer = {find(n) for n in nodes if lengths[n] > 2}
        if short and len(longer) == 1:
            root = next(iter(longer))
            for node in short:
                union(node, root)


def initials(name: str) -> set[str]:
    """The acronyms a name can be written as: "U.S. Geological Survey" -> {"USGS"};
    "The Hollywood Reporter" -> {"THR", "HR"}; "Academy of Motion Picture Arts and Sciences"
    -> {"AMPAS"}."""
    words = name.replace("-", " ").split()
    letters = []
    for word in words:
        if word.lower() in _SMALL_WORDS and word != "The":
            continue
        if re.fullmatch(r"(?:[A-Z]\.){2,}", word) or (word.isupper() and len(word) <= 4):
            letters.append(word.replace(".", ""))  # "U.S." and "US" give "US"
        elif word[:1].isupper():
            letters.append(word[0])
    found = {"".join(letters)}
    if words and words[0] == "The":
        found.add("".join(letters[1:]))
    return {f for f in found if len(f) >= 2}


def join_acronyms(
    orgs: Iterable[Node], surfaces: Mapping[Node, Counter[str]], find: Find, union: Union
) -> None:
    """An organisation written as an acronym joins the one organisation whose initials it
    spells, across articles."""
    orgs = list(orgs)
    spelled: dict[str, set[Node]] = defaultdict(set)
    acronyms: list[tuple[Node, str]] = []
    for node in orgs:
        for surface in surfaces[node]:
            if _ACRONYM.match(surface):
                acronyms.append((node, surface.replace(".", "")))
            elif len(surface.split()) >= 2:
                for letters in initials(surface):
                    spelled[letters].add(node)
    for node, acronym in acronyms:
        roots = {find(n) for n in spelled.get(acronym, ())}
        if len(roots) == 1:
            union(node, next(iter(roots)))


def join_place_prefixes(
    orgs: Iterable[Node],
    surfaces: Mapping[Node, Counter[str]],
    place_of: Callable[[str], str | None],
    find: Find,
    union: Union,
) -> None:
    """ "U.S. Geological Survey" = "United States Geological Survey" = "US Geological Survey",
    and "Geological Survey" alone is that body when no other place has one."""
    prefixed: dict[str, dict[str, set[Node]]] = defaultdict(lambda: defaultdict(set))
    plain: dict[str, list[Node]] = defaultdict(list)
    for node in orgs:
        name = best_surface(node, surfaces)
        words = name.split()
        plain[name_key(name)].append(node)
        for cut in range(1, min(4, len(words) - 1) + 1):
            place = place_of(" ".join(words[:cut]))
            if place is None:
                continue
            rest = words[cut:]
            if rest[0].lower() in _SMALL_WORDS:
                break
            prefixed[name_key(" ".join(rest))][place].add(node)
            break
    for rest_key, by_place in prefixed.items():
        for nodes in by_place.values():
            first, *others = sorted(nodes)
            for other in others:
                union(first, other)
        if len(by_place) == 1:
            body = next(iter(next(iter(by_place.values()))))
            for node in plain.get(rest_key, ()):
                union(node, body)
