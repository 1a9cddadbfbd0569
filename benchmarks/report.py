"""Render benchmarks/scale.json (written by run.py) as the "At scale" section of RESULTS.md.

.venv/bin/python benchmarks/report.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
START, END = "<!-- scale:start -->", "<!-- scale:end -->"


def _fmt(value: float | None, unit: str = "", digits: int = 1) -> str:
    return "—" if value is None else f"{value:,.{digits}f}{unit}"


def _get(data: dict[str, Any], *path: str) -> Any:
    for key in path:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def render(data: dict[str, Any]) -> str:
    lines = [
        START,
        f"## At scale ({data['date']})",
        "",
        f"`.venv/bin/python benchmarks/run.py` on {data['machine']}. Corpora from "
        "`benchmarks/generate.py` (fixed seed, about 600-word articles in story clusters). "
        "Every measurement runs in its own process; RSS is that process's peak (its worker "
        "processes included).",
        "",
    ]
    seeds = data.get("seeds", {})
    lines += [
        "App first paint on the bundled seeds: "
        f"{_fmt(_get(seeds, 'first-paint-present', 'seconds'), ' s', 2)} with the index present, "
        f"{_fmt(_get(seeds, 'first-paint-absent', 'seconds'), ' s', 2)} with it absent.",
        "",
    ]
    for size in data["sizes"]:
        n = size["size"]
        lines += [f"### {n:,} articles", "", "| measurement | result | peak RSS |", "|---|---|---|"]
        for label, key in (
            ("index build, with analysis", "build"),
            ("index build, no entity/claim analysis", "build-plain"),
        ):
            rate = _get(size, key, "rate")
            lines.append(
                f"| {label} | {_fmt(_get(size, key, 'seconds'), ' s')} "
                f"({_fmt(rate, ' articles/s', 0)}) | {_fmt(_get(size, key, 'peak_rss_mb'), ' MB', 0)} |"
            )
        lines.append(
            f"| re-index after one file changes | {_fmt(_get(size, 'incremental', 'seconds'), ' s', 2)} "
            f"| {_fmt(_get(size, 'incremental', 'peak_rss_mb'), ' MB', 0)} |"
        )
        for label, key in (
            ("app first paint, index present", "first-paint-present"),
            ("app first paint, index absent", "first-paint-absent"),
        ):
            if key in size:
                lines.append(
                    f"| {label} | {_fmt(_get(size, key, 'seconds'), ' s', 2)} "
                    f"| {_fmt(_get(size, key, 'peak_rss_mb'), ' MB', 0)} |"
                )
        for label, key in (
            ("entity table, first `person:` query or entity panel (merged)", "entities"),
            ("entity table, a later session (read back, index unchanged)", "entities-saved"),
        ):
            entities = size.get(key, {})
            if entities:
                lines.append(
                    f"| {label} | {_fmt(entities.get('seconds'), ' s', 2)} "
                    f"({entities.get('entities')} entities) "
                    f"| {_fmt(entities.get('peak_rss_mb'), ' MB', 0)} |"
                )
        claims = size.get("claims", {})
        rows = _get(claims, "compare", "rows")
        lines.append(
            f"| compare two reports of one story ({'/'.join(str(w) for w in _get(claims, 'compare', 'words') or [])} "
            f"words{f', {rows} rows' if rows else ''}) | {_fmt(_get(claims, 'compare', 'ms'), ' ms')} "
            f"| {_fmt(claims.get('peak_rss_mb'), ' MB', 0)} |"
        )
        for m in (50, 500):
            lines.append(
                f"| claim matrix, {m} articles | {_fmt(_get(claims, f'matrix_{m}', 'seconds'), ' s', 2)} "
                f"({_get(claims, f'matrix_{m}', 'subjects')} subjects) | |"
            )
        lines += [
            "",
            "| query | kimreader p50 / p95 | cached | ripgrep p50 | FTS5 p50 | rg / kimreader "
            "| kimreader / FTS5 | hits |",
            "|---|---|---|---|---|---|---|---|",
        ]
        search, rg, fts = size.get("search", {}), size.get("ripgrep", {}), size.get("fts5", {})
        for name, result in search.items():
            if not isinstance(result, dict):
                continue
            rg_p50 = _get(rg, name, "p50")
            ratio = rg_p50 / result["p50"] if rg_p50 and result["p50"] else None
            fts_p50 = _get(fts, name, "p50")
            # FTS5 answers a misspelled word with nothing; kimreader corrects it first.
            behind = result["p50"] / fts_p50 if fts_p50 and not result.get("corrected") else None
            corrected = f" (→ {result['corrected']})" if result.get("corrected") else ""
            lines.append(
                f"| {name} | {_fmt(result['p50'], ' ms')} / {_fmt(result['p95'], ' ms')} "
                f"| {_fmt(result.get('cached_p50'), ' ms', 2)} | {_fmt(rg_p50, ' ms')} "
                f"| {_fmt(fts_p50, ' ms', 2)} | {_fmt(ratio, 'x')} | {_fmt(behind, 'x')} "
                f"| {result['total']}{corrected} |"
            )
        lines += [
            "",
            f"Search peak RSS {_fmt(search.get('peak_rss_mb'), ' MB', 0)}; FTS5 in-memory build "
            f"{_fmt(fts.get('build_seconds'), ' s', 2)}.",
            "",
        ]
    lines.append(END)
    return "\n".join(lines)


def write_results(data: dict[str, Any]) -> str:
    """Replace the scale section of RESULTS.md with ``data`` rendered; returns the section."""
    section = render(data)
    results = HERE / "RESULTS.md"
    text = results.read_text(encoding="utf-8")
    if START in text:
        text = re.sub(re.escape(START) + ".*?" + re.escape(END), section, text, flags=re.S)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    results.write_text(text, encoding="utf-8")
    return section


def main() -> None:
    print(write_results(json.loads((HERE / "scale.json").read_text(encoding="utf-8"))))


if __name__ == "__main__":
    main()
