"""Measures a figure's words name without a noun: magnitude, depth and distance, age."""

from __future__ import annotations

import re

from .context import Context
from .vocabulary import noun_concept

_SHOCK_WORD = re.compile(r"\b(aftershocks?|quakes?|earthquakes?|tremors?|temblors?)\b")


_SHOCKS = frozenset({"quake", "aftershock", "shock", "foreshock"})


_SEISMIC = re.compile(r"\b(?:quake|earthquake|temblor|tremor|aftershock|seismic|richter)")


_MAGNITUDE_BEFORE = re.compile(
    r"\b(?:measuring|measured|registering|registered|rated|of|magnitude)\s+$"
)


def shock_of(text: str, start: int, counted: str | None) -> str | None:
    """Whose magnitude a figure is: ``None`` for the quake itself, else "aftershock" ...
    "Aftershocks measuring 2.9": the shock is named before the figure; an aftershock named
    shortly before wins over "the main shock" named nearer."""
    if counted not in _SHOCKS:
        shocks = [noun_concept(w) for w in _SHOCK_WORD.findall(text[max(0, start - 80) : start])]
        counted = "aftershock" if "aftershock" in shocks else shocks[-1] if shocks else None
    if counted not in _SHOCKS or counted == "quake":
        return None  # "a 5.9 quake": the quake's own magnitude
    return counted


def is_magnitude(
    text: str, before: str, after: str, counted: str | None, figure: float | None
) -> bool:
    """A bare decimal such as 4.6 is a magnitude when the sentence is about a quake and the
    words at the figure say so: "measuring 4.6", "a 5.9 quake", "a 2.9 aftershock",
    "5.8 on the Richter scale"."""
    if figure is None or not 1.0 <= figure < 10.0 or figure == int(figure):
        return False
    if _SEISMIC.search(text) is None:
        return False
    return (
        counted in ("quake", "aftershock", "shock", "jolt")
        or _MAGNITUDE_BEFORE.search(before) is not None
        or re.match(r"^\s*on the (?:open-ended )?richter", after) is not None
    )


def length_slot(before: str, after: str, counted: str | None) -> str:
    """A length is a depth, a height, a distance or a plain length by the words right at it:
    "at a depth of 35 km", "10 km deep", "16 km north of", "500 km from"."""
    following = f"{counted or ''} {after[:30]}".strip()
    if re.search(r"\b(?:depth|deep)\s+(?:of\s+)?(?:about\s+|some\s+|around\s+)?$", before) or (
        re.match(r"^(?:deep|below|underground|beneath)\b", following)
    ):
        return "depth"
    if re.search(r"\b(?:height|altitude)\s+of\s+$", before) or re.match(
        r"^(?:high|tall|above)\b", following
    ):
        return "height"
    if re.match(
        r"^(?:\(.*?\)\s*)?(?:from|away|off|to the|north|south|east|west|northeast|"
        r"northwest|southeast|southwest|outside)\b",
        following,
    ):
        return "distance"
    return "length"


# Between a name and its apposed age: a comma or bracket, after a generational suffix the name
# reader leaves out ("Anthony LaCalamita III, 38,", "Jr.,").
_APPOSED = re.compile(r"(?:,?\s*(?:jr|sr|ii|iii|iv)\.?)?\s*[,(]\s*")


def apposed_age(context: Context, start: int, end: int, figure: float | None) -> bool:
    """ "Kimani Gray, 16," : a bare whole number between commas right after a person's name."""
    if figure is None or figure != int(figure) or not 1 <= figure <= 120:
        return False
    if not re.match(r"^\s*(?:,|\)|$)", context.text[end : end + 3]):
        return False
    return any(
        p_end <= start and _APPOSED.fullmatch(context.text[p_end:start])
        for _, p_end, _ in context.people
    )


def whose_of(context: Context, start: int, end: int) -> str | None:
    """The person an age belongs to: a name right before or after it ("Gray, 16,",
    "16-year-old Kimani Gray")."""
    best = None
    for p_start, p_end, key in context.people:
        gap = start - p_end if p_end <= start else p_start - end
        if start < p_start < end:
            gap = 0  # "16-year-old Kimani Gray": the name is the figure's own noun
        elif p_end <= start and _APPOSED.fullmatch(context.text[p_end:start]):
            gap = 0  # "Gray, 16,"
        elif p_end <= start and (
            key.endswith("'s") or context.text[p_end:start].lstrip().startswith(("'s", "\u2019s"))
        ):
            continue  # "Jeffs's 16-year-old daughter": the age is the daughter's
        near = 0 <= gap <= 4 or (
            p_start >= end and gap <= 12 and not context.text[end:p_start].strip(" ,")
        )
        if near and (best is None or gap < best[0]):
            best = (gap, key)
    return best[1] if best else None
