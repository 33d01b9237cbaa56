"""Build throughput, memory and query times on the scale corpus, against plain jieba in the same run.

    python benchmarks/build.py [--corpus ../shared/corpus/scale] [--repeat K] [--jobs 1,2]

Reads every ``*.txt`` under the corpus (repeated K times, each copy a separate
document, for larger sizes), and in one run measures:

- the baseline: plain ``jieba.lcut`` over the same decoded text, in one process;
- ``govkg build`` with each ``--jobs`` value (a fresh process each, into an
  on-disk store): characters/s, documents/s, the ratio to the baseline, the
  speed-up over one process, the peak memory of the build's main process and
  of its largest worker, and the triple count;
- each ready-made query on the built store (median of 3 runs).

It measures; it never passes or fails on time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "scale"
# a value for each parameter the ready-made queries declare, present in the scale corpus
PARAMS = {"region": "保定市", "industry": "新能源", "enterprise": "长城汽车", "entity": "保定市"}

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from govkg.graph.buildstore import BuildStore
from govkg.pipeline import build
src, store_dir, jobs = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
t = time.perf_counter()
result = build([src], jobs=jobs, store=BuildStore.on_disk(store_dir))
result.store.write_trig(store_dir / "graph.trig")
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "docs": result.documents, "chars": result.chars,
                  "triples": len(result.store), "errors": len(result.errors),
                  "main_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def corpus_copy(corpus: Path, repeat: int, into: Path) -> list[Path]:
    """The corpus' text files, ``repeat`` times, as separate files under ``into``."""
    files = sorted(corpus.rglob("*.txt"))
    out = []
    for k in range(repeat):
        for i, f in enumerate(files):
            target = into / f"r{k}" / f"{i:04d}_{f.name}"
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(f, target)
            out.append(target)
    return out


def baseline(files: list[Path]) -> tuple[float, int]:
    """Seconds plain ``jieba.lcut`` takes over the decoded text of ``files`` (one process), and the characters."""
    import jieba

    from govkg.errors import InputError
    from govkg.text.read import read_text

    jieba.setLogLevel(40)
    jieba.initialize()
    texts = []
    for f in files:
        try:
            texts.append(read_text(f))
        except InputError:
            pass
    t = time.perf_counter()
    for text in texts:
        jieba.lcut(text)
    return time.perf_counter() - t, sum(map(len, texts))


def run_build(src: Path, store: Path, jobs: int) -> dict:
    proc = subprocess.run([sys.executable, "-c", _CHILD, str(src), str(store), str(jobs)],
                          capture_output=True, text=True, check=True)
    return json.loads(proc.stdout.strip().splitlines()[-1])


def query_times(store: Path) -> dict[str, float]:
    from govkg.query import open_graph, ready_queries, run_query

    out = {}
    with open_graph(store) as ds:
        for name, spec in ready_queries().items():
            params = {p.name: PARAMS[p.name] for p in spec.params if p.required}
            times = []
            for _ in range(3):
                t = time.perf_counter()
                rows = run_query(ds, spec, params).rows
                times.append(time.perf_counter() - t)
            out[name] = (statistics.median(times), len(rows))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=1, help="copies of the corpus (for larger sizes)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to measure")
    args = ap.parse_args(argv)
    jobs = [int(j) for j in args.jobs.split(",")]

    with tempfile.TemporaryDirectory(prefix="govkg-bench-") as tmp:
        tmp = Path(tmp)
        files = corpus_copy(args.corpus, args.repeat, tmp / "corpus")
        size_mb = sum(f.stat().st_size for f in files) / 1e6
        print(f"machine: {os.cpu_count()} cores; corpus: {len(files)} files, {size_mb:.1f} MB "
              f"({args.corpus.name} x{args.repeat})")
        base_s, chars = baseline(files)
        base_rate = chars / base_s
        print(f"baseline jieba.lcut, 1 process: {chars:,} chars in {base_s:.1f} s = {base_rate / 1e3:.0f} k chars/s")
        print(f"{'jobs':>4} {'seconds':>8} {'k chars/s':>10} {'docs/s':>7} {'x jieba':>8} {'x 1 job':>8} "
              f"{'main MB':>8} {'worker MB':>9} {'triples':>10}")
        one = None
        last_store = None
        for j in jobs:
            store = tmp / f"store-{j}"
            r = run_build(tmp / "corpus", store, j)
            rate = r["chars"] / r["seconds"]
            one = one or (r["seconds"] if j == 1 else None)
            speedup = f"{one / r['seconds']:.2f}" if one else "-"
            print(f"{j:>4} {r['seconds']:>8.1f} {rate / 1e3:>10.0f} {r['docs'] / r['seconds']:>7.1f} "
                  f"{rate / base_rate:>8.2f} {speedup:>8} {r['main_rss_mb']:>8.0f} {r['worker_rss_mb']:>9.0f} "
                  f"{r['triples']:>10,}")
            last_store = store
        print("ready-made queries on that store (median of 3):")
        for name, (seconds, n) in query_times(last_store).items():
            print(f"  {name:<22} {seconds:>7.3f} s  {n:>6} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
