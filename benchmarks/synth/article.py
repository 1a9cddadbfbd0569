"""Writing one article of a cluster: headline, date line, byline, paragraphs, sign-off."""

from __future__ import annotations

from datetime import timedelta

from .cluster import capitalise
from .facts import ArticleFacts
from .numbers import MONTHS, WEEKDAYS
from .phrases import (
    LOWERABLE,
    OPENABLE,
    OPENERS,
    QUOTE_LEADS,
    SMALL_WORDS,
    STRAIGHT,
    US_RE,
    US_SPELLING,
    WITNESS_LEADS,
    section_pools,
)
from .world import person_name


class Article(ArticleFacts):
    """One source's article about its cluster's event, in that outlet's style."""

    def fmt(self, template: str) -> str:
        return capitalise(template.format_map(self.ctx))

    def pick(self, pool: tuple[str, ...] | list[str]) -> str | None:
        fresh = [t for t in pool if t not in self.used]
        if not fresh:
            if not self.reuse or not pool:
                return None
            fresh = list(pool)
        template = self.rng.choice(fresh)
        self.used.add(template)
        return template

    # Quotes ----------------------------------------------------------------------------------

    def quote(self, witness: bool = False) -> str | None:
        spec, rng, people = self.cl.spec, self.rng, self.cl.people
        if witness:
            role = "witness" if "witness" not in self.mentioned else "witness2"
            if role in self.mentioned:
                role = rng.choice(("witness", "witness2"))
            pool = spec.q_witness
        else:
            options = [("official", spec.q_official), ("spokes", spec.q_official),
                       ("mayor", spec.q_official), ("expert", spec.q_expert)]  # fmt: skip
            if spec.q_aid:
                options.append(("aid", spec.q_aid))
            if spec.q_lead and "lead" in people:
                options += [("lead", spec.q_lead)] * 2
            if spec.q_rival and "rival" in people:
                options.append(("rival", spec.q_rival))
            if spec.kind in ("earthquake", "flood", "wildfire", "ferry", "explosion"):
                options.append(("leader", spec.q_official))
            role, pool = rng.choice(options)
        fresh = [q for q in pool if q not in self.used]
        if not fresh:
            return None
        rng.shuffle(fresh)
        first = fresh[0]
        self.used.add(first)
        second = fresh[1] if len(fresh) > 1 and rng.random() < 0.35 else None
        if second:
            self.used.add(second)
        word = first.split(" ", 1)[0]
        if word in LOWERABLE and rng.random() < 0.3:
            first = (
                rng.choice(WITNESS_LEADS if witness else QUOTE_LEADS)
                + word.lower()
                + first[len(word) :]
            )
        intro = f"{{{role}_intro}}" if witness and role not in self.mentioned else None
        if intro:
            self.mentioned.add(role)
        who = intro or f"{{{role}}}"
        if witness and intro:
            forms = [f"“{first},” said {who}.", f"{who}, said: “{first}.”"]
        elif witness:
            forms = [f"“{first},” {who} {{said_w}}.", f"“{first},” said {who}."]
        else:
            forms = [
                f"“{first},” {who} {{said}}.",
                f"“{first},” said {who}.",
                f"{who} {{said}}: “{first}.”",
            ]
            if role in ("official", "expert", "aid", "spokes") and role not in self.mentioned:
                forms.append(f"“{first},” said {{{role}_name}}, {{{role}_desc}}.")
        text = rng.choice(forms)
        if second:
            text += f" “{second}.”"
        return self.fmt(text)

    # Sentences and paragraphs ----------------------------------------------------------------

    def sentence(self, section: str) -> str | None:
        spec = self.cl.spec
        if section == "quote":
            return self.quote()
        if section == "witness":
            return self.quote(witness=True)
        template = self.pick(section_pools(spec)[section])
        if template is None:
            return None
        if section == "lead" and "death toll" in template:
            # The lead already gives the rise; "The death toll rose to ..." would repeat it.
            self.used.update(t for t in spec.detail if t.startswith("The death toll"))
        if section != "lead" and template.startswith(OPENABLE) and self.rng.random() < 0.22:
            opener = self.rng.choice(OPENERS)
            template = opener + template[0].lower() + template[1:]
        return self.fmt(template)

    def body(self) -> list[str]:
        rng, words, cl = self.rng, self.words, self.cl
        target = words * rng.uniform(0.9, 1.1)
        count = min(rng.randint(8, 14), max(3, round(target / 40)))
        middle = ["impact", "response", "quote", "context", "witness", "reaction", "detail",
                  "quote", "impact", "response", "context", "witness", "quote"]  # fmt: skip
        rng.shuffle(middle)
        plan = ["lead", "detail", *middle[: max(0, count - 4)], "outlook"]
        plan.insert(min(len(plan) - 1, rng.randint(2, 4)), "shared")
        uniques = list(cl.unique.get(cl.sources.index(self.src), ()))
        unique_at = {rng.randrange(2, len(plan)) for _ in uniques} if len(plan) > 2 else {1}
        prose = ("detail", "impact", "context", "response", "reaction", "outlook", "filler")
        paragraphs: list[str] = []
        done = 0
        quotes = 0
        for i, section in enumerate(plan):
            if section == "shared":
                paragraphs.append(cl.shared)
                done += len(cl.shared.split())
                continue
            budget = (target - done) / (len(plan) - i)
            sentences: list[str] = []
            size = 0
            if uniques and (i in unique_at or i == len(plan) - 1):
                sentences.append(self.fmt(uniques.pop()))
                size += len(sentences[-1].split())
            in_para = 0
            while not sentences or size + 10 < budget:
                if section == "lead":
                    order: tuple[str, ...] = ("lead",) if not sentences else ("detail",)
                elif section in ("quote", "witness"):
                    # At most two quotes in a row and about six an article; then reported speech.
                    order = (section, *prose) if in_para < 2 and quotes < 6 else prose
                else:
                    order = (section, *prose)
                text = None
                for pool in order:
                    text = self.sentence(pool)
                    if text:
                        if pool in ("quote", "witness"):
                            in_para += 1
                            quotes += 1
                        break
                if text is None:
                    break
                sentences.append(text)
                size += len(text.split())
                if section == "lead" and (size > budget * 0.6 or rng.random() < 0.5):
                    break
            if sentences:
                paragraphs.append(" ".join(sentences))
                done += size
        fallbacks = (*prose, "quote", "witness")
        for _ in range(200):
            if done >= target * 0.92:
                break
            text = self.sentence(rng.choice(fallbacks))
            if text is None:
                self.reuse = True
                continue
            # Lengthen the shortest paragraph rather than add one (8-14 paragraphs).
            shortest = min(
                (i for i in range(1, len(paragraphs) - 1) if paragraphs[i] != cl.shared),
                key=lambda i: len(paragraphs[i]),
                default=len(paragraphs) - 1,
            )
            paragraphs[shortest] += " " + text
            done += len(text.split())
        return paragraphs

    # Furniture -------------------------------------------------------------------------------

    def headline(self) -> str:
        pool = self.cl.spec.headline
        pos = self.cl.sources.index(self.src)
        template = pool[(self.cl.number + pos) % len(pool)]
        if self.rng.random() < 0.3:
            template = self.rng.choice(pool)
        saved = set(self.mentioned)
        text = capitalise(template.format_map(self.ctx))
        self.mentioned = saved
        if self.src.title_case:
            words = text.split(" ")
            text = " ".join(
                w
                if (w in SMALL_WORDS and i and not words[i - 1].endswith(":"))
                or not w[:1].isalpha()
                else capitalise(w)
                for i, w in enumerate(words)
            )
        return text

    def date_line(self) -> str:
        rng, p = self.rng, self.pub
        style = rng.choice(self.src.dates)
        month, mon = MONTHS[p.month - 1], MONTHS[p.month - 1][:3]
        hm = f"{p.hour:02d}:{p.minute:02d}"
        h12 = f"{(p.hour - 1) % 12 + 1}:{p.minute:02d}"
        ampm = "a.m." if p.hour < 12 else "p.m."
        updated = p + timedelta(minutes=rng.randint(20, 600))
        if style == 0:
            line = f"Published: {p.day} {month} {p.year} {hm}"
            if rng.random() < 0.25:
                line += f" | Updated: {updated.day} {MONTHS[updated.month - 1]} {updated.year}"
                line += f" {updated.hour:02d}:{updated.minute:02d}"
            return line
        if style == 1:
            return f"Updated {month} {p.day}, {p.year}" + (
                f" {h12} {ampm} GMT" if rng.random() < 0.5 else ""
            )
        if style == 2:
            return f"{month} {p.day}, {p.year} {h12} {'AM' if p.hour < 12 else 'PM'}"
        if style == 3:
            return f"Published {p.year}-{p.month:02d}-{p.day:02d} {hm} UTC"
        if style == 4:
            day = WEEKDAYS[p.weekday()][:3]
            return f"{day} {p.day} {mon} {p.year} {p.hour:02d}.{p.minute:02d} GMT"
        if style == 5:
            return f"Updated: {WEEKDAYS[p.weekday()]}, {month} {p.day}, {p.year}, {h12} {ampm}"
        if style == 6:
            return f"Published On {p.day} {mon} {p.year}"
        if style == 7:
            return f"{mon} {p.day}, {p.year}, {h12} {'am' if p.hour < 12 else 'pm'}"
        return f"Published: {p.day:02d}.{p.month:02d}.{p.year}, {hm}"

    def reporter(self) -> str:
        culture = self.rng.choice(("english", "english", self.cl.country.culture))
        return person_name(self.rng, culture, self.rng.random() < 0.5)[0]

    def render(self) -> str:
        rng, src, cl = self.rng, self.src, self.cl
        title = self.headline()
        if not src.wire and rng.random() < 0.12:
            title += f" | {src.name}"
        lines = [title, self.date_line()]
        if rng.random() < src.byline:
            names = self.reporter()
            if rng.random() < 0.25:
                names += f" and {self.reporter()}"
            sep = rng.choice((" | ", ", ")) if rng.random() < 0.6 else ""
            lines.append(f"By {names}{sep + src.name if sep else ''}")
        paragraphs = self.body()
        city = cl.statics["city"]
        if src.wire == "Reuters":
            place = city.upper()
            if rng.random() < 0.4:
                place += f", {MONTHS[cl.when.month - 1][:3]} {cl.when.day}"
            paragraphs[0] = f"{place} (Reuters) - {paragraphs[0]}"
        elif src.wire == "AP":
            paragraphs[0] = f"{city.upper()}, {cl.country.bare} (AP) — {paragraphs[0]}"
        elif src.wire == "AFP":
            paragraphs[0] = f"{city} (AFP) - {paragraphs[0]}"
        elif rng.random() < 0.2:
            paragraphs[0] = f"{city.upper()} — {paragraphs[0]}"
        if rng.random() < 0.08 and len(paragraphs) > 4:
            chrome = rng.choice(("Advertisement", "Share this article", "ADVERTISEMENT"))
            paragraphs.insert(rng.randint(2, len(paragraphs) - 2), chrome)
        tail: list[str] = []
        if src.wire == "Reuters":
            tail.append(f"Reporting by {self.reporter()} in {city}; Additional reporting by "
                        f"{self.reporter()}; Editing by {self.reporter()}")  # fmt: skip
        elif src.wire == "AP":
            tail.append(f"Associated Press writer {self.reporter()} in {cl.statics['city2']} "
                        "contributed to this report.")  # fmt: skip
        elif src.wire == "AFP":
            tail.append(f"© {self.pub.year} AFP")
        elif rng.random() < 0.15:
            tail.append(f"© {self.pub.year} {src.name}. All rights reserved.")
        gap = "\n\n" if rng.random() < 0.8 else "\n"
        text = "\n".join(lines) + "\n\n" + gap.join(paragraphs + tail) + "\n"
        if src.us:
            text = US_RE.sub(lambda m: US_SPELLING[m.group(1)], text)
        if not src.curly:
            text = text.translate(STRAIGHT)
        return text.replace("  ", " ").replace(" ,", ",")
