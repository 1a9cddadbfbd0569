"""The ECB+ entity gold of ``../shared/corpora/ecbplus-dev`` as benchmarks/entities_ecb.py
scores against it: which mentions count, each reduced to the name it holds, and the stories
split into dev and held-out halves (that script's docstring says why each rule is there)."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus-dev"

TYPES = ("PERSON", "ORG", "PLACE")
TAG_TYPES = {
    "HUMAN_PART_PER": "PERSON",
    "HUMAN_PART_ORG": "ORG",
    "LOC_GEO": "PLACE",
    "HUMAN_PART_GPE": "PLACE",
}
NOT_ENTITY_TAGS = frozenset(
    {
        "NON_HUMAN_PART",
        "NON_HUMAN_PART_GENERIC",
        "HUMAN_PART_VEH",
        "TIME_DATE",
        "TIME_OF_THE_DAY",
    }
)
FACILITY_TAGS = frozenset({"LOC_FAC"})

# Titles dropped from the front of a gold core (the scorer's own list, not the extractor's).
TITLES = frozenset(
    """
    Mr Mrs Ms Miss Dr Prof Gov Governor Sen Senator Rep Representative President Gen General
    Lt Col Colonel Capt Captain Sgt Sergeant Adm Admiral Judge Justice Mayor Sheriff Officer
    Detective Det Coach Chief Rev Reverend Pope King Queen Prince Princess Sir Lady Lord
    Former Vice Prime Minister Secretary Attorney District Defense Defensive Officer St
    President-elect Pastor Bishop Deputy Commissioner Chairman Chancellor Premier
    """.split()
)
CONNECTORS = frozenset(
    "of and & the de del della di da du des van von der den al el bin ibn la le y for on".split()
)
# Post-nominals dropped from the end ("Arcade Joseph Comeaux Jr"), prepositions written in
# capitals at the start ("Near Houston", "IN RICHMOND HILL").
SUFFIXES = frozenset("Jr Sr II III IV".split())
PREPOSITIONS = frozenset("in near at on from to of off between outside inside".split())
_WORD = re.compile(r"(?:[A-Z]\.){2,}|\w[\w&'’.-]*\w|\w")


@dataclass(frozen=True)
class GoldMention:
    doc: str
    start: int  # the core
    end: int
    type: str  # PERSON / ORG / PLACE, or "OTHER" (not an entity), "FAC"
    text: str
    instance: str | None
    selected: bool
    span: tuple[int, int]  # the annotators' whole span


@dataclass
class Story:
    name: str
    texts: dict[str, str]
    gold: list[GoldMention]
    ignored: dict[str, list[tuple[int, int]]]  # annotated spans that are not scored
    selected_lines: dict[str, list[tuple[int, int]]]


def _name_word(w: str) -> bool:
    return w[:1].isupper() or w[:1].isdigit() or any(c.isupper() for c in w)


# -- gold -------------------------------------------------------------------------------------


def _core(text: str, start: int, end: int, kind: str) -> tuple[int, int] | None:
    """The name a gold span holds, as offsets, or None when it is a description."""
    span = text[start:end]
    cut = len(span)
    if "(" in span:
        cut = span.index("(")
    begin = 0
    if ", " in span[:cut]:
        # "Mannheim, Germany", "Benjamin David Banky, 40": the first part that holds a name
        # ("attorney, Shawn Holley": the second).
        at = 0
        for part in span[:cut].split(", "):
            if any(_name_word(m.group()) for m in _WORD.finditer(part)):
                begin, cut = at, at + len(part)
                break
            at += len(part) + 2
    if kind == "PLACE" and " and " in span[begin:cut]:
        cut = span.index(" and ", begin)  # "Somalia and Yemen": two places, the first scored
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(span, begin, cut)]
    while len(words) > 1 and words[-1][2].rstrip(".") in SUFFIXES:
        words.pop()
    if not words:
        return None
    # A trailing possessive is not part of the name.
    s, e, w = words[-1]
    for ending in ("'s", "’s", "'", "’"):
        if w.endswith(ending) and len(w) > len(ending):
            words[-1] = (s, e - len(ending), w[: -len(ending)])
            break
    if words[-1][2][:1].islower() and not any(c.isupper() for c in words[-1][2]):
        return None  # "Arkansas woman", "Bush administration": a description

    first = len(words) - 1
    while first > 0:
        w = words[first - 1][2]
        if w.endswith(("'s", "’s")):
            break  # "New Zealand's Mt Cook": the name is the possessed one
        if _name_word(w) or (
            w in CONNECTORS and first - 2 >= 0 and _name_word(words[first - 2][2])
        ):
            first -= 1
        else:
            break
    kept = words[first:]
    while (
        kept
        and (
            kept[0][2] in ("The", "the")
            or kept[0][2].rstrip(".") in TITLES
            or kept[0][2] in CONNECTORS
            or kept[0][2].lower() in PREPOSITIONS
        )
        and len(kept) > 1
    ):
        kept = kept[1:]
    if not kept:
        return None
    return start + kept[0][0], start + kept[-1][1]


def load_story(folder: Path) -> Story:
    data = json.loads((folder / "entities.json").read_text(encoding="utf-8"))
    texts: dict[str, str] = {}
    gold: list[GoldMention] = []
    ignored: dict[str, list[tuple[int, int]]] = defaultdict(list)
    selected_lines: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc, entry in sorted(data["documents"].items()):
        text = (folder / doc).read_text(encoding="utf-8")
        texts[doc] = text
        lines: set[tuple[int, int]] = set()
        for m in entry["mentions"]:
            start, end = m["start"], m["end"]
            if m["selected"]:
                line_start = text.rfind("\n", 0, start) + 1
                line_end = text.find("\n", end)
                lines.add((line_start, line_end if line_end >= 0 else len(text)))
            tag = m["tag"]
            if not m["proper"]:
                ignored[doc].append((start, end))
                continue
            kind = TAG_TYPES.get(tag)
            if kind is None:
                label = (
                    "OTHER" if tag in NOT_ENTITY_TAGS else "FAC" if tag in FACILITY_TAGS else None
                )
                core = _core(text, start, end, "OTHER") if label else None
                if label and core:
                    gold.append(
                        GoldMention(
                            doc,
                            *core,
                            label,
                            text[slice(*core)],
                            None,
                            m["selected"],
                            (start, end),
                        )
                    )
                ignored[doc].append((start, end))
                continue
            core = _core(text, start, end, kind)
            if core is None:
                ignored[doc].append((start, end))
                continue
            gold.append(
                GoldMention(
                    doc,
                    *core,
                    kind,
                    text[slice(*core)],
                    m["instance"],
                    m["selected"],
                    (start, end),
                )
            )
        selected_lines[doc] = sorted(lines)
    return Story(folder.name, texts, gold, dict(ignored), dict(selected_lines))


def stories(split: str, names: list[str] | None) -> list[Path]:
    folders = sorted(p for p in CORPUS.iterdir() if p.is_dir() and (p / "entities.json").exists())
    if names:
        return [CORPUS / n for n in names]
    half = len(folders) // 2
    if split == "all":
        return folders
    return folders[:half] if split == "dev" else folders[half:]
