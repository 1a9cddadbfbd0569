"""Saved web pages read as articles, scored against hand-checked bodies (run by hand).

    .venv/bin/python benchmarks/html_extract.py [HTML_DEV_DIR] [--json]

HTML_DEV_DIR (default ../shared/corpora/html-dev) holds ``html/<sha256>.html`` and
``ground-truth.json`` (``{sha256: {"url", "articleBody"}}``, from the public
article-extraction benchmark, MIT). Every page is read the way the corpus reads it
(``discover`` + ``read_article``: nothing is told the page's URL), and scored:

- body precision / recall / F1 as the benchmark itself scores them: the text split into ``\\w+``
  tokens, counted as 4-token shingles; each page's true/false positives and misses normalised
  to sum to 1, precision and recall averaged over pages, F1 from the two averages. A plain
  bag-of-tokens F1 is printed too.
- a title for the page (not the file name), the outlet (site name), a publication date on the
  pages whose URL carries one, and whether it is the URL's date;
- pages per second of CPU for one core (process time of reading, which is single-threaded).

A page that is skipped scores an empty body (F1 0 for it), no title, no date, no outlet.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

from search_index.article_reader import read_article
from search_index.corpus import discover
from search_index.models import Article

_TOKEN = re.compile(r"\w+")
# A date in a URL's path: /2019/03/14/, /2019-03-14, /20190314/, or year and month /2019/03/.
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)(?P<s>[/-]?)(?P<m>0[1-9]|1[0-2])(?:(?P=s)(?P<d>0[1-9]|[12]\d|3[01]))?(?=[/._-]|$)"
)


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens)


def _tp_fp_fn(true: Counter[tuple[str, ...]], pred: Counter[tuple[str, ...]]) -> tuple[float, ...]:
    tp = sum((true & pred).values())
    fp = sum((pred - true).values())
    fn = sum((true - pred).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fp) if tp + fp else 0.0


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return tp / (tp + fn) if tp + fn else 0.0


def _prf(rows: list[tuple[float, ...]]) -> tuple[float, float, float]:
    # As the benchmark: pages with nothing predicted do not count towards precision.
    precisions = [_precision(*r) for r in rows if r[0] + r[1] > 0]
    recalls = [_recall(*r) for r in rows if r[0] + r[2] > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def url_date(url: str) -> tuple[int, int, int | None] | None:
    match = _URL_DATE.search(url.split("?", 1)[0])
    if not match:
        return None
    day = match.group("d")
    return int(match.group("y")), int(match.group("m")), int(day) if day else None


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = (
        Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared/corpora/html-dev"
    )
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    started = time.process_time()
    found = discover(root / "html")
    read = {f.id: read_article(f, found.overrides) for f in found.files}
    cpu = time.process_time() - started
    articles = {k: a for k, a in read.items() if isinstance(a, Article)}

    shingle_rows, token_rows = [], []
    titled = outlets = dated_urls = dated = date_right = 0
    skipped: Counter[str] = Counter()
    for key, gold in truth.items():
        article = articles.get(key)
        body = article.body if article else ""
        shingle_rows.append(_tp_fp_fn(_shingles(gold["articleBody"]), _shingles(body)))
        token_rows.append(_tp_fp_fn(_shingles(gold["articleBody"], 1), _shingles(body, 1)))
        if article is None:
            reason = read.get(key)
            skipped[getattr(reason, "reason", "not found as an article file")] += 1
            continue
        titled += bool(article.title.strip()) and article.title != key
        outlets += bool(article.outlet)
        wanted = url_date(gold["url"])
        if wanted is not None:
            dated_urls += 1
            if article.published is not None:
                dated += 1
                got = article.published.value
                date_right += (got.year, got.month) == wanted[:2] and wanted[2] in (None, got.day)
    if dated_urls == 0:
        dated_urls = sum(url_date(g["url"]) is not None for g in truth.values())
    p, r, f1 = _prf(shingle_rows)
    tp, tr, tf1 = _prf(token_rows)
    result = {
        "pages": len(truth),
        "read_as_articles": len(articles),
        "skipped": dict(skipped),
        "body_precision": round(p, 3),
        "body_recall": round(r, 3),
        "body_f1": round(f1, 3),
        "token_bag_precision": round(tp, 3),
        "token_bag_recall": round(tr, 3),
        "token_bag_f1": round(tf1, 3),
        "title": titled,
        "outlet": outlets,
        "url_has_date": dated_urls,
        "date_found": dated,
        "date_matches_url": date_right,
        "cpu_seconds": round(cpu, 2),
        "pages_per_cpu_second": round(len(truth) / cpu, 1) if cpu else None,
    }
    if "--json" in sys.argv:
        print(json.dumps(result, indent=2))
        return
    n = len(truth)
    print(f"{n} pages, {len(articles)} read as articles; skipped: {dict(skipped) or 'none'}")
    print(
        f"body (4-token shingles): P {p:.3f}  R {r:.3f}  F1 {f1:.3f}   (bag of tokens P {tp:.3f} R {tr:.3f} F1 {tf1:.3f})"
    )
    print(f"title {titled}/{n}   outlet {outlets}/{n} ({outlets / n:.0%})")
    print(
        f"date on {dated}/{dated_urls} pages whose URL carries one "
        f"({dated / max(1, dated_urls):.0%}); the URL's date on {date_right}"
    )
    print(f"{n / cpu if cpu else float('inf'):.1f} pages per CPU second ({cpu:.2f} s)")


if __name__ == "__main__":
    main()
