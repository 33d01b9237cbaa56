"""Build throughput, memory, incremental rebuilds and query times on the scale corpus, against plain jieba.

    python benchmarks/build.py [--corpus ../shared/corpus/scale] [--repeat K] [--jobs 1,2] [--runs N] [--store]

Reads every ``*.txt`` under the corpus (repeated K times, each copy a separate
document, for larger sizes) and, in one run over the same text, measures:

- the baseline: plain ``jieba.lcut`` over the decoded text, in one process
  (the dictionary loaded before the clock starts);
- ``govkg build`` with each ``--jobs`` value, each in a fresh process writing a
  fresh build folder (graph.trig, graph.ttl, graph.html): the whole call,
  from reading the first file to the last byte of the page, including the
  loading of dictionaries and gazetteers. Characters/s, documents/s, the
  ratio to the baseline, the speed-up over one process, the peak memory
  (resident set) of the main process and of the largest worker, and the
  triples. ``--runs`` repeats the builds, the ``--jobs`` values taking turns,
  and reports the median time and the median of the runs' speed-ups;
- rebuilding the same folder with nothing changed, and with one document changed;
- each ready-made query on that build folder as ``govkg query`` runs it
  (median of 3), and the time to open the folder; with ``--store``, also the
  build into an on-disk store and the queries on the store.

With K > 1 the copies are the same text, so the memo of jieba cuts serves
the later copies from the first: a corpus of K different reports of the same
size would be slower to build than these figures say. The script measures; it
never passes or fails on time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "scale"
# a value for each parameter the ready-made queries declare, present in the scale corpus
PARAMS = {"region": "保定市", "industry": "新能源", "enterprise": "长城汽车", "entity": "保定市"}

_BUILD = r"""
import json, resource, sys, time
t = time.perf_counter()
from govkg.pipeline import build
src, out, jobs, store = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4] or None
result = build([src], out, jobs=jobs, store_dir=store)
seconds = time.perf_counter() - t
print(json.dumps({"seconds": seconds, "docs": result.documents, "added": result.added, "chars": result.chars,
                  "triples": result.stats.triples, "errors": len(result.errors),
                  "main_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""

_QUERIES = r"""
import json, statistics, sys, time
from govkg.graph.store import uses_named_graphs
from govkg.query import open_graph, ready_queries, run_query
path, params = sys.argv[1], json.loads(sys.argv[2])
out = {}
for name, spec in ready_queries().items():
    t = time.perf_counter()
    with open_graph(path, named_graphs=uses_named_graphs(spec.text)) as ds:
        opened = time.perf_counter() - t
        values = {p.name: params[p.name] for p in spec.params if p.required}
        times = []
        for _ in range(3):
            t = time.perf_counter()
            rows = run_query(ds, spec, values).rows
            times.append(time.perf_counter() - t)
    out[name] = [opened, statistics.median(times), len(rows)]
print(json.dumps(out))
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


def run_json(code: str, *args: str) -> dict:
    proc = subprocess.run([sys.executable, "-c", code, *map(str, args)], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"benchmark step failed:\n{proc.stderr.strip()}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def fresh_build(src: Path, out: Path, jobs: int, store: Path | None = None) -> dict:
    """One build of ``src`` into a new ``out`` (and ``store``), in a fresh process."""
    shutil.rmtree(out, ignore_errors=True)
    if store is not None:
        shutil.rmtree(store, ignore_errors=True)
    return run_json(_BUILD, src, out, jobs, store or "")


def median_run(results: list[dict]) -> dict:
    return sorted(results, key=lambda r: r["seconds"])[len(results) // 2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=1, help="copies of the corpus (for larger sizes)")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to measure")
    ap.add_argument("--runs", type=int, default=1, help="builds per --jobs value (the median is reported)")
    ap.add_argument("--store", action="store_true", help="also build into an on-disk store and query it")
    args = ap.parse_args(argv)
    jobs = [int(j) for j in args.jobs.split(",")]

    with tempfile.TemporaryDirectory(prefix="govkg-bench-") as tmp:
        tmp = Path(tmp)
        files = corpus_copy(args.corpus, args.repeat, tmp / "corpus")
        size_mb = sum(f.stat().st_size for f in files) / 1e6
        copies = f"{args.corpus.name} x{args.repeat}" + (" (the same reports repeated)" if args.repeat > 1 else "")
        print(f"machine: {os.cpu_count()} cores; corpus: {len(files)} files, {size_mb:.1f} MB ({copies})")
        base_s, chars = baseline(files)
        base_rate = chars / base_s
        print(f"baseline jieba.lcut, 1 process: {chars:,} chars in {base_s:.1f} s = {base_rate / 1e3:.0f} k chars/s")
        print(f"govkg build (whole call, fresh folder; median of {args.runs}, the --jobs values taking turns; "
              f"x 1 job is the median of the runs' own ratios):")
        print(f"{'jobs':>4} {'seconds':>8} {'k chars/s':>10} {'docs/s':>7} {'x jieba':>8} {'x 1 job':>8} "
              f"{'main MB':>8} {'worker MB':>9} {'triples':>10}")
        out = tmp / "out"
        runs: dict[int, list[dict]] = {j: [] for j in jobs}
        for _ in range(args.runs):  # in turns, so a slow spell of the machine weighs on every value alike
            for j in jobs:
                runs[j].append(fresh_build(tmp / "corpus", out, j))
        for j in jobs:
            r = median_run(runs[j])
            rate = r["chars"] / r["seconds"]
            speedup = "-"
            if 1 in runs:
                ratios = sorted(a["seconds"] / b["seconds"] for a, b in zip(runs[1], runs[j]))
                speedup = f"{ratios[len(ratios) // 2]:.2f}"
            print(f"{j:>4} {r['seconds']:>8.1f} {rate / 1e3:>10.0f} {r['docs'] / r['seconds']:>7.1f} "
                  f"{rate / base_rate:>8.2f} {speedup:>8} {r['main_mb']:>8.0f} {r['worker_mb']:>9.0f} "
                  f"{r['triples']:>10,}")
        last = jobs[-1]
        again = run_json(_BUILD, tmp / "corpus", out, last, "")
        changed = files[len(files) // 2]
        changed.write_text(changed.read_text(encoding="utf-8") + "\n推进卧龙湖大桥建设。", encoding="utf-8")
        step = run_json(_BUILD, tmp / "corpus", out, last, "")
        print(f"rebuild, --jobs {last}: nothing changed {again['seconds']:.1f} s ({again['added']} built); "
              f"one document changed {step['seconds']:.1f} s ({step['added']} built)")
        print("ready-made queries on the build folder, as `govkg query` runs them (open, then median of 3):")
        for name, (opened, seconds, n) in run_json(_QUERIES, out, json.dumps(PARAMS)).items():
            print(f"  {name:<22} open {opened:>5.1f} s  query {seconds:>6.3f} s  {n:>6} rows")
        if args.store:
            r = fresh_build(tmp / "corpus", tmp / "out-store", last, tmp / "store")
            print(f"build with --store, --jobs {last}: {r['seconds']:.1f} s ({r['chars'] / r['seconds'] / 1e3:.0f} "
                  f"k chars/s), main {r['main_mb']:.0f} MB")
            print("ready-made queries on the store, read where it lies (open, then median of 3):")
            for name, (opened, seconds, n) in run_json(_QUERIES, tmp / "store", json.dumps(PARAMS)).items():
                print(f"  {name:<22} open {opened:>5.1f} s  query {seconds:>6.3f} s  {n:>6} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
