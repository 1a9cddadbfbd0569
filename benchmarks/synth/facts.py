"""The values an article's templates ask for: figures with their hedges, dates, names, outlets.

``ArticleFacts`` holds one article's state (which source, when it was published, what it has
already said) and resolves a template key to text; ``article.Article`` builds on it to write.
"""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

from .cluster import Cluster, capitalise
from .events import DIS_ATTRS
from .numbers import MONTHS, WEEKDAYS, count_text, hedged, in_words, money_text, ordinal
from .phrases import NEXT_REL, PREV_TIME, SAID, SAID_WITNESS, SOON


class _Ctx(dict[str, str]):
    """Template values: static ones stored, the rest worked out (and maybe cached) on demand."""

    __slots__ = ("article",)
    article: ArticleFacts

    def __missing__(self, key: str) -> str:
        return self.article.resolve(key)


_PERSON_SUFFIXES = ("_name", "_last", "_desc", "_intro")
_HEDGES = ("exact", "at least", "more than", "about", "nearly", "some", "vague", "an estimated",
           "almost", "over", "roughly")  # fmt: skip


class ArticleFacts:
    def __init__(self, cl: Cluster, pos: int, words: int) -> None:
        self.cl = cl
        self.src = cl.sources[pos]
        self.rng = random.Random(f"kimreader-article:{cl.seed}:{cl.number}:{pos}:{self.src.slug}")
        self.hours = cl.hours[pos]
        self.pub = cl.when + timedelta(hours=self.hours)
        self.words = words
        self.mentioned: set[str] = set()
        self.used: set[str] = set(cl.shared_lines)
        self.reuse = False  # only long articles that run out of fresh sentences repeat one
        self.hedges: dict[str, str] = {}
        self.ctx = _Ctx(cl.statics)
        self.ctx.article = self
        rng, src = self.rng, self.src
        self.ctx["outlet"] = src.name
        if cl.country.alt and rng.random() < 0.35:
            self.ctx["country"] = self.ctx["country_bare"] = cl.country.alt
        self.values = self._values()
        self.kinds = {k: v[0] for k, v in cl.spec.figures.items()}
        self.kinds.update({k: v[0] for k, v in cl.spec.running.items()})
        self.kinds.update(magnitude_alt="dec", crowd_police="count", missing="count",
                          rival_share="pct", seats_won="num", capacity="num", officers="count",
                          sought="num")  # fmt: skip
        self.long_units = rng.random() < 0.4
        self.local_money = rng.random() < 0.25 and cl.country.currency != "euros"

    # Figures ---------------------------------------------------------------------------------

    def _values(self) -> dict[str, float]:
        cl, rng = self.cl, self.rng
        values: dict[str, float] = {}
        for key, (kind, _low, _high) in cl.spec.figures.items():
            v = cl.base[key]
            if kind in ("count", "money", "ha", "km") and not key.startswith("hist"):
                if rng.random() < 0.3:
                    v *= rng.uniform(0.8, 1.15)
            elif kind == "pct" and rng.random() < 0.3:
                v += rng.uniform(-0.8, 0.8)
            values[key] = v
        values["magnitude_alt"] = cl.base["magnitude_alt"]
        if "magnitude" in values and rng.random() < 0.35:
            values["magnitude"] = values["magnitude_alt"]
        for key, (start, final) in cl.running.items():
            grown = 1 - math.exp(-self.hours / 20)
            values[key] = start + (final - start) * grown
            values[key + "_prev"] = start + (final - start) * (1 - math.exp(-self.hours / 40))
        if cl.spec.derive:
            cl.spec.derive(values)
        for key in cl.running:
            now, prev = round(values[key]), round(values[key + "_prev"])
            if prev >= now:
                values[key + "_prev"] = max(1, now - 1 - rng.randrange(3))
        return values

    def hedge(self, key: str) -> str:
        if key not in self.hedges:
            rng, h = self.rng, self.src.hedgy
            if key in self.cl.running and self.src.wire:
                self.hedges[key] = rng.choice(("at least", "at least", "exact", "more than"))
            elif rng.random() > h:
                self.hedges[key] = "exact"
            else:
                self.hedges[key] = rng.choice(_HEDGES[1:])
        return self.hedges[key]

    def figure(self, key: str, vague_ok: bool = True, exact: bool = False) -> str:
        base = key.removesuffix("_prev")
        kind = self.kinds[base]
        v = self.values[key]
        hedge = "exact" if exact or key != base else self.hedge(base)
        src = self.src
        if kind == "count":
            return hedged(max(1, round(v)), hedge, vague_ok)
        if kind == "num":
            return in_words(round(v))
        if kind == "dec":
            return f"{v:.1f}"
        if kind == "pct":
            if hedge in ("exact", "vague"):
                return f"{v:.1f}{src.pct}"
            word = {"nearly": "nearly", "almost": "almost", "more than": "more than",
                    "over": "more than", "at least": "more than"}.get(hedge, "about")  # fmt: skip
            n = math.ceil(v) if word in ("nearly", "almost") else math.floor(v)
            return f"{word} {n}{src.pct}"
        if kind in ("money", "eur"):
            prefix = "" if hedge in ("exact", "vague", "some") else f"{hedge} "
            if kind == "eur":
                return prefix + money_text(v, "€")
            if self.local_money:
                local = money_text(v * self.cl.country.rate, "", f" {self.cl.country.currency}")
                return f"{prefix}{local} ({money_text(v, src.money)})"
            return prefix + money_text(v, src.money)
        return self._measure(kind, v, hedge)

    def _measure(self, kind: str, v: float, hedge: str) -> str:
        units, long = self.src.units, self.long_units
        prefix = "about " if hedge in ("about", "roughly", "some", "nearly", "almost") else ""
        if kind == "ha":
            ha = count_text(int(round(v, -2 if v > 1000 else 0)))
            acres = count_text(int(round(v * 2.471, -2 if v > 400 else 0)))
            metric, imperial = f"{ha} hectares", f"{acres} acres"
            prefix = "" if hedge == "exact" else "more than " if hedge == "at least" else prefix
        else:
            factor, m_short, m_long, i_name = {
                "km": (0.621371, "km", "kilometres", "miles"),
                "mm": (0.03937, "mm", "millimetres", "inches"),
                "m": (3.2808, "metres", "metres", "feet"),
                "kmh": (0.621371, "km/h", "km/h", "mph"),
                "temp": (0.0, "C", "degrees Celsius", "F"),
            }[kind]
            metric_n = f"{v:.1f}".removesuffix(".0") if v < 10 else f"{round(v):,}"
            if kind == "temp":
                f = round(v * 9 / 5 + 32)
                metric = f"{round(v)} degrees Celsius" if long else f"{round(v)}C"
                imperial = f"{f}F"
                prefix = ""
            else:
                imp = v * factor
                imp_n = f"{imp:.1f}".removesuffix(".0") if imp < 10 else f"{round(imp):,}"
                sep = "" if m_short in ("C",) else " "
                metric = f"{metric_n}{sep}{m_long if long else m_short}"
                imperial = f"{imp_n} {i_name}"
                if imp_n == "1" and i_name == "miles":
                    imperial = "1 mile"
        if units == "km":
            return prefix + metric
        if units == "mi":
            return prefix + imperial
        if units == "mi_km":
            return f"{prefix}{imperial} ({metric})"
        return f"{prefix}{metric} ({imperial})"

    # Dates -------------------------------------------------------------------------------

    def _month_day(self, d: datetime, year: bool) -> str:
        british = not self.src.us
        if british:
            return f"{d.day} {MONTHS[d.month - 1]}" + (f" {d.year}" if year else "")
        return f"{MONTHS[d.month - 1]} {d.day}" + (f", {d.year}" if year else "")

    def day(self) -> str:
        e, rng = self.cl.when, self.rng
        diff = (self.pub.date() - e.date()).days
        wd = WEEKDAYS[e.weekday()]
        if diff >= 6:
            return rng.choice(("last week", f"on {self._month_day(e, False)}"))
        part = (
            f"early on {wd}" if e.hour < 6
            else f"on {wd} morning" if e.hour < 12
            else f"on {wd} afternoon" if e.hour < 18
            else f"late on {wd}" if e.hour >= 21
            else f"on {wd} evening"
        )  # fmt: skip
        return rng.choice((f"on {wd}", f"on {wd}", part))

    def ref_date(self) -> str:
        ref, pub = self.cl.ref, self.pub
        month = MONTHS[ref.month - 1]
        forms = [f"in {month}", f"in {month} {ref.year}", f"on {self._month_day(ref, True)}"]
        if ref.year == pub.year:
            forms.append("earlier this year")
        elif ref.year == pub.year - 1:
            forms += ["last year", f"in {month} last year"]
        return self.rng.choice(forms)

    def next_date(self) -> str:
        up, pub = self.cl.upcoming, self.pub
        forms = [f"on {self._month_day(up, False)}", f"in {MONTHS[up.month - 1]}"]
        if up.month == pub.month and up.year == pub.year:
            forms.append("later this month")
        elif (up.month - pub.month) % 12 == 1:
            forms.append("next month")
        return self.rng.choice(forms)

    # Templates -----------------------------------------------------------------------------

    def mention(self, key: str) -> str:
        person = self.cl.people[key]
        if key in self.mentioned:
            return person.short
        self.mentioned.add(key)
        return f"{person.title} {person.name}" if person.title else person.name

    def org(self, key: str) -> str:
        org = self.cl.orgs[key]
        the = "the " if org.the else ""
        if key in self.mentioned:
            if org.acr and self.rng.random() < 0.8:
                return the + org.acr
            return org.short
        self.mentioned.add(key)
        if org.acr and (key not in ("company", "company2") or self.rng.random() < 0.6):
            return f"{the}{org.full} ({org.acr})"
        return the + org.full

    def resolve(self, key: str) -> str:
        cl, rng, ctx = self.cl, self.rng, self.ctx
        if key in cl.people:
            return self.mention(key)
        if key in cl.orgs:
            return self.org(key)
        for suffix in _PERSON_SUFFIXES:
            role = key.removesuffix(suffix)
            if role != key and role in cl.people:
                person = cl.people[role]
                self.mentioned.add(role)
                if suffix == "_intro":
                    return ctx.get(key, person.name)
                return {"_name": person.name, "_last": person.short, "_desc": person.desc}[suffix]
        if key in self.values and key in self.kinds:
            text = self.figure(key)
            ctx[key] = text
            return text
        if key.endswith("_num") and key[:-4] in self.values:
            text = self.figure(key[:-4], vague_ok=False)
            ctx[key] = text
            return text
        if key.endswith("_prev") and key in self.values:
            return self.figure(key, exact=True)
        if key.endswith("_n") and key[:-2] in self.values:
            return count_text(round(self.values[key[:-2]]))
        if key.endswith("_ord") and key[:-4] in self.values:
            return ordinal(round(self.values[key[:-4]]))
        if key == "toll_attr":
            ctx[key] = rng.choice(cl.spec.attrs or DIS_ATTRS).format_map(ctx)
            return ctx[key]
        if key == "attr":
            return rng.choice(cl.spec.attrs or DIS_ATTRS).format_map(ctx)
        if key == "said":
            return rng.choice(SAID).format_map(ctx)
        if key == "ev":
            return rng.choice(cl.spec.nouns)
        if key == "ev_cap":
            return capitalise(rng.choice(cl.spec.nouns))
        if key == "day":
            return self.day()
        if key == "ref_date":
            ctx[key] = self.ref_date()
            return ctx[key]
        if key == "next_date":
            ctx[key] = self.next_date()
            return ctx[key]
        if key == "prev_time":
            return rng.choice(PREV_TIME)
        if key == "next_rel":
            return rng.choice(NEXT_REL)
        if key == "soon":
            return rng.choice(SOON)
        if key == "said_w":
            return rng.choice(SAID_WITNESS).format_map(ctx)
        raise KeyError(key)
