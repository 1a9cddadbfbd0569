"""Story clustering benchmark (issue 18): B-cubed against ECB+ stories, topic pairs, speed.

    .venv/bin/python benchmarks/stories.py [--corpus ../shared/corpora/ecbplus-dev]
        [--scale 10000] [--threshold 0.2]

1. Copies every ECB+ article into one temporary folder under a random name (no folder, no
   topic number: nothing in a name hints at the story), reads each as the library does
   (``infer_metadata``: title, outlet, publication date, body), clusters, and scores B-cubed
   precision, recall and F1 against the original story folders. Baselines first: everything
   one story, every article alone, and a naive TF-IDF cosine (words only, one pass).
2. For each topic (tNN-ecb and tNN-plus are two different events of one kind) says whether
   its two stories were kept apart: strictly (no predicted story holds articles of both) and
   by majority (each story's largest predicted story differs).
3. Speed: clusters a generated corpus of ``--scale`` articles (``generate.py``, seed 7; file
   names carry the generator's cluster number, which gives a second B-cubed), then assigns
   held-out articles one at a time to that state and reports the median and worst time.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from search_index.metadata.infer import infer_metadata  # noqa: E402
from search_index.stories import StoryArticle, assign, cluster  # noqa: E402
from search_index.stories.engine import AVERAGE_THRESHOLD  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "ecbplus-dev"
SCALE_CACHE = Path(tempfile.gettempdir()) / "kimreader-stories-scale"
HELD_OUT = 25


def read_article(path: Path) -> StoryArticle:
    text = path.read_text(encoding="utf-8")
    meta = infer_metadata(text)
    return StoryArticle(
        id=path.name,
        title=meta.title or "",
        body=meta.body,
        published=meta.published.value.date() if meta.published else None,
        outlet=meta.outlet,
    )


def flatten(corpus: Path, into: Path, seed: int = 18) -> dict[str, str]:
    """Copy every story's articles into ``into`` under random names; return name -> story."""
    rng = random.Random(f"stories-{seed}")
    gold: dict[str, str] = {}
    for story_dir in sorted(p for p in corpus.iterdir() if p.is_dir()):
        for source in sorted(story_dir.glob("*.txt")):
            name = f"{rng.getrandbits(64):016x}.txt"
            shutil.copyfile(source, into / name)
            gold[name] = story_dir.name
    return gold


def bcubed(predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item, label in predicted.items():
        by_pred[label].add(item)
    for item, label in gold.items():
        by_gold[label].add(item)
    precision = recall = 0.0
    for item in gold:
        mine, truth = by_pred[predicted[item]], by_gold[gold[item]]
        both = len(mine & truth)
        precision += both / len(mine)
        recall += both / len(truth)
    p, r = precision / len(gold), recall / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def topic_pairs(predicted: dict[str, str], gold: dict[str, str]) -> list[tuple[str, bool, bool]]:
    """(topic, strictly apart, apart by majority) for every topic with both stories."""
    members: dict[str, list[str]] = defaultdict(list)
    for item, story in gold.items():
        members[story].append(item)
    rows = []
    for topic in sorted({s.split("-")[0] for s in members}):
        ecb, plus = members.get(f"{topic}-ecb"), members.get(f"{topic}-plus")
        if not ecb or not plus:
            continue
        ecb_pred = Counter(predicted[i] for i in ecb)
        plus_pred = Counter(predicted[i] for i in plus)
        strict = not (set(ecb_pred) & set(plus_pred))
        majority = ecb_pred.most_common(1)[0][0] != plus_pred.most_common(1)[0][0]
        rows.append((topic, strict, majority))
    return rows


# -- baselines -------------------------------------------------------------------------------

_WORD = re.compile(r"[a-z]{3,}")


def naive_tfidf(articles: Sequence[StoryArticle], threshold: float = 0.2) -> dict[str, str]:
    """Words only, TF-IDF, one pass: join the most similar cluster centroid or start one."""
    counts = [Counter(_WORD.findall((a.title + " " + a.body).lower())) for a in articles]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    n = len(articles)
    centroids: list[dict[str, float]] = []
    labels: dict[str, str] = {}
    for article, c in zip(articles, counts, strict=True):
        vec = {t: (1 + math.log(k)) * math.log((n + 1) / (df[t] + 1)) for t, k in c.items()}
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        vec = {t: w / norm for t, w in vec.items()}
        best, best_score = -1, 0.0
        for i, cen in enumerate(centroids):
            cn = math.sqrt(sum(w * w for w in cen.values())) or 1.0
            score = sum(w * cen.get(t, 0.0) for t, w in vec.items()) / cn
            if score > best_score:
                best, best_score = i, score
        if best < 0 or best_score < threshold:
            centroids.append(dict(vec))
            best = len(centroids) - 1
        else:
            for t, w in vec.items():
                centroids[best][t] = centroids[best].get(t, 0.0) + w
        labels[article.id] = str(best)
    return labels


def engine_labels(articles: Sequence[StoryArticle], threshold: float) -> dict[str, str]:
    state = cluster(articles, threshold=threshold)
    return {doc_id: doc.story for doc_id, doc in state.docs.items()}


def timed(fn: Callable[[], dict[str, str]]) -> tuple[dict[str, str], float]:
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


# -- runs --------------------------------------------------------------------------------------


def run_ecb(corpus: Path, threshold: float, show_failures: bool) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="stories-flat-") as tmp:
        gold = flatten(corpus, Path(tmp))
        articles = [read_article(p) for p in sorted(Path(tmp).glob("*.txt"))]
    methods: dict[str, Callable[[], dict[str, str]]] = {
        "one story": lambda: {a.id: "all" for a in articles},
        "each alone": lambda: {a.id: a.id for a in articles},
        "naive tf-idf (words, one pass)": lambda: naive_tfidf(articles),
        f"stories engine (t={threshold})": lambda: engine_labels(articles, threshold),
    }
    rng = random.Random("ecb-held-out")
    held = set(rng.sample([a.id for a in articles], len(articles) // 10))

    def incremental() -> dict[str, str]:
        state = cluster([a for a in articles if a.id not in held], threshold=threshold)
        for article in articles:
            if article.id in held:
                assign(state, article)
        return {doc_id: doc.story for doc_id, doc in state.docs.items()}

    methods[f"engine, 10% assigned one by one after (t={threshold})"] = incremental
    results: dict[str, object] = {"articles": len(articles), "stories": len(set(gold.values()))}
    for name, fn in methods.items():
        labels, seconds = timed(fn)
        p, r, f = bcubed(labels, gold)
        pairs = topic_pairs(labels, gold)
        strict = sum(1 for _, s, _ in pairs if s)
        majority = sum(1 for _, _, m in pairs if m)
        results[name] = {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(f, 3),
            "predicted_stories": len(set(labels.values())),
            "pairs_apart_strict": f"{strict}/{len(pairs)}",
            "pairs_apart_majority": f"{majority}/{len(pairs)}",
            "seconds": round(seconds, 3),
        }
        print(
            f"{name:34} P {p:.3f} R {r:.3f} F1 {f:.3f}  stories {len(set(labels.values())):4}"
            f"  apart {strict}/{len(pairs)} strict, {majority}/{len(pairs)} majority"
            f"  {seconds:.2f} s"
        )
        if show_failures and name.startswith("stories engine"):
            _failures(labels, gold)
    return results


def _failures(labels: dict[str, str], gold: dict[str, str]) -> None:
    by_gold: dict[str, list[str]] = defaultdict(list)
    for item, story in gold.items():
        by_gold[story].append(item)
    by_pred: dict[str, list[str]] = defaultdict(list)
    for item, label in labels.items():
        by_pred[label].append(item)
    for story, items in sorted(by_gold.items()):
        spread = Counter(labels[i] for i in items)
        main, held = spread.most_common(1)[0]
        others = Counter(gold[i] for i in by_pred[main] if gold[i] != story)
        if held < len(items) or others:
            print(
                f"  {story}: {held}/{len(items)} in its main story "
                f"({len(spread)} pieces); main story also holds {dict(others)}"
            )


def run_scale(count: int, threshold: float) -> dict[str, object]:
    from generate import generate

    folder = SCALE_CACHE / f"n{count + HELD_OUT}"
    if not folder.exists():
        tmp = folder.with_suffix(".part")
        shutil.rmtree(tmp, ignore_errors=True)
        generate(tmp, count + HELD_OUT, seed=7)
        tmp.rename(folder)
    paths = sorted(folder.glob("*.txt"))
    rng = random.Random("held-out")
    held = set(rng.sample(range(len(paths)), HELD_OUT))
    articles = [read_article(p) for i, p in enumerate(paths) if i not in held]
    extra = [read_article(p) for i, p in enumerate(paths) if i in held]
    gold = {a.id: a.id.split("_")[0] for a in articles + extra}
    start = time.perf_counter()
    state = cluster(articles, threshold=threshold)
    cluster_seconds = time.perf_counter() - start
    times = []
    for article in extra:
        start = time.perf_counter()
        assign(state, article)
        times.append(time.perf_counter() - start)
    labels = {doc_id: doc.story for doc_id, doc in state.docs.items()}
    p, r, f = bcubed(labels, gold)
    start = time.perf_counter()
    size = len(json.dumps(state.to_json()))
    json_seconds = time.perf_counter() - start
    print(
        f"generated {len(articles)} articles: cluster {cluster_seconds:.1f} s, "
        f"B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}, {len(state.stories)} stories "
        f"(gold {len(set(gold.values()))})"
    )
    print(
        f"assign one article to the {len(articles)}-article state: median "
        f"{statistics.median(times) * 1000:.1f} ms, worst {max(times) * 1000:.1f} ms "
        f"({HELD_OUT} held-out articles)"
    )
    print(f"state as JSON: {size / 1e6:.1f} MB in {json_seconds:.2f} s")
    return {
        "articles": len(articles),
        "cluster_seconds": round(cluster_seconds, 2),
        "bcubed": [round(p, 3), round(r, 3), round(f, 3)],
        "assign_ms_median": round(statistics.median(times) * 1000, 1),
        "assign_ms_worst": round(max(times) * 1000, 1),
        "json_mb": round(size / 1e6, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--threshold", type=float, default=AVERAGE_THRESHOLD)
    parser.add_argument("--scale", type=int, default=10000, help="0 skips the speed run")
    parser.add_argument("--failures", action="store_true", help="list stories split or merged")
    args = parser.parse_args(argv)
    run_ecb(args.corpus, args.threshold, args.failures)
    if args.scale:
        run_scale(args.scale, args.threshold)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
