"""Build throughput, memory, incremental rebuilds and query times on the scale corpus, against plain jieba.

    python benchmarks/build.py [--corpus ../shared/corpus/scale] [--repeat K | --target-mb MB] [--jobs 1,2]
                               [--scheduler local:2,tcp://HOST:PORT] [--runs N] [--store]
                               [--baseline-copies N] [--no-rebuild] [--no-folder-queries]

Reads every ``*.txt`` under the corpus (repeated K times, each copy a separate
document, for larger sizes) and, in one run over the same text, measures:

- the baseline: plain ``jieba.lcut`` over the decoded text, in one process
  (the dictionary loaded before the clock starts);
- ``govkg build`` with each ``--jobs`` value and each ``--scheduler`` address
  (a Dask cluster: ``local:N`` starts one in the build), each in a fresh
  process writing a fresh build folder (graph.trig, graph.ttl, graph.html):
  the whole call, from reading the first file to the last byte of the page,
  including the loading of dictionaries and gazetteers (and the starting of a
  local cluster). Characters/s, documents/s, the ratio to the baseline, the
  speed-up over one process (and over the last ``--jobs`` value), the peak
  memory (resident set, the kernel's high-water mark) of the main process and
  of every other process of this machine the build started, and the triples.
  ``--runs`` repeats the builds, the values taking turns, and reports the
  median time and the median of the runs' speed-ups;
- rebuilding the same folder with nothing changed, and with one document
  changed (``--no-rebuild`` leaves it out);
- each ready-made query on that build folder as ``govkg query`` runs it
  (median of 3), and the time to open the folder (left out when graph.ttl is
  over 2 GB: read into memory, it would not fit); with ``--store``, also the
  build into an on-disk store (by the last value) and the queries on the store
  (``--runs 0``: only that).

``--target-mb`` repeats the corpus until it holds about that many MB;
``--baseline-copies`` measures the baseline on that many copies only (a
rate: at a gigabyte the full baseline would take most of an hour).

With K > 1 the copies are the same text, so the memo of jieba cuts serves
the later copies from the first: a corpus of K different reports of the same
size would be slower to build than these figures say. The script measures; it
never passes or fails on time.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from procs import PeakMemory  # benchmarks/procs.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "scale"
# a value for each parameter the ready-made queries declare, present in the scale corpus
PARAMS = {"region": "保定市", "industry": "新能源", "enterprise": "长城汽车", "entity": "保定市"}

_BUILD = r"""
import json, sys, time
t = time.perf_counter()
from govkg.pipeline import build
src, out, mode, store = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4] or None
jobs, scheduler = (int(mode), None) if mode.isdigit() else (1, mode)
if __name__ == "__main__":  # a local cluster's fork server imports this module again
    result = build([src], out, jobs=jobs, store_dir=store, scheduler=scheduler)
    seconds = time.perf_counter() - t
    print(json.dumps({"seconds": seconds, "docs": result.documents, "added": result.added, "chars": result.chars,
                      "triples": result.stats.triples, "errors": len(result.errors)}))
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


def run_json(code: str, *args: str, watch: bool = False) -> dict:
    """Run ``code`` in a fresh Python with ``args``; its last line of output, as JSON (with ``main_mb`` and
    ``other_mb``, the peak memory of the process and of those under it, when ``watch``)."""
    with tempfile.TemporaryDirectory() as folder:  # a file of its own: a fork server imports it again
        script = Path(folder) / "step.py"
        script.write_text(code, encoding="utf-8")
        proc = subprocess.Popen([sys.executable, str(script), *map(str, args)], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        memory = PeakMemory(proc.pid) if watch else None
        stdout, stderr = proc.communicate()
        peaks = memory.stop() if memory else None
    if proc.returncode != 0:
        sys.exit(f"benchmark step failed:\n{stderr.strip()}")
    result = json.loads(stdout.strip().splitlines()[-1])
    if peaks:
        result["main_mb"], result["other_mb"] = peaks
    return result


def fresh_build(src: Path, out: Path, mode: str, store: Path | None = None) -> dict:
    """One build of ``src`` into a new ``out`` (and ``store``), in a fresh process; ``mode`` is a number of jobs or
    a scheduler address."""
    shutil.rmtree(out, ignore_errors=True)
    if store is not None:
        shutil.rmtree(store, ignore_errors=True)
    return run_json(_BUILD, src, out, mode, store or "", watch=True)


def _mb_list(values: list[float], most: int = 4) -> str:
    """``[301, 298]`` as "301, 298"; more than ``most`` as the first ones and how many more."""
    shown = ", ".join(f"{v:.0f}" for v in values[:most])
    return (shown + f" (+{len(values) - most} under {values[most - 1]:.0f})") if len(values) > most else (shown or "-")


def median_run(results: list[dict]) -> dict:
    return sorted(results, key=lambda r: r["seconds"])[len(results) // 2]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeat", type=int, default=1, help="copies of the corpus (for larger sizes)")
    ap.add_argument("--target-mb", type=float, help="copies of the corpus until it holds about this many MB")
    ap.add_argument("--jobs", default="1,2", help="comma-separated --jobs values to measure ('' for none)")
    ap.add_argument("--scheduler", default="", help="comma-separated --scheduler addresses to measure (local:2, ...)")
    ap.add_argument("--runs", type=int, default=1,
                    help="builds per value (the median is reported); 0: only the build with --store, by the last value")
    ap.add_argument("--store", action="store_true", help="also build into an on-disk store and query it")
    ap.add_argument("--baseline-copies", type=int, help="measure the jieba baseline on this many copies only")
    ap.add_argument("--no-rebuild", action="store_true", help="leave out the rebuilds")
    ap.add_argument("--no-folder-queries", action="store_true", help="leave out the queries on the build folder")
    ap.add_argument("--tmp", type=Path, help="folder for the copies and builds [default: the system's]")
    args = ap.parse_args(argv)
    modes = [m for m in args.jobs.split(",") + args.scheduler.split(",") if m]
    jobs = [m for m in modes if m.isdigit()]

    with tempfile.TemporaryDirectory(prefix="govkg-bench-", dir=args.tmp) as tmp:
        tmp = Path(tmp)
        repeat = args.repeat
        if args.target_mb:
            one = sum(f.stat().st_size for f in args.corpus.rglob("*.txt")) / 1e6
            repeat = max(1, math.ceil(args.target_mb / one))
        files = corpus_copy(args.corpus, repeat, tmp / "corpus")
        size_mb = sum(f.stat().st_size for f in files) / 1e6
        copies = f"{args.corpus.name} x{repeat}" + (" (the same reports repeated)" if repeat > 1 else "")
        print(f"machine: {os.cpu_count()} cores; corpus: {len(files)} files, {size_mb:.1f} MB ({copies})", flush=True)
        sample = files[:len(files) // repeat * args.baseline_copies] if args.baseline_copies else files
        base_s, base_chars = baseline(sample)
        base_rate = base_chars / base_s
        print(f"baseline jieba.lcut, 1 process: {base_chars:,} chars in {base_s:.1f} s = "
              f"{base_rate / 1e3:.0f} k chars/s"
              + (f" (on {args.baseline_copies} of the {repeat} copies)" if sample is not files else ""), flush=True)
        print(f"govkg build (whole call, fresh folder; median of {args.runs}, the values taking turns; x 1 job and "
              f"x jobs {jobs[-1] if jobs else '-'} are the medians of the runs' own ratios; peak MB of the main "
              f"process and of the others it started, largest first):")
        print(f"{'jobs':>9} {'seconds':>8} {'k chars/s':>10} {'docs/s':>7} {'x jieba':>8} {'x 1 job':>8} "
              f"{'x jobs ' + (jobs[-1] if jobs else '-'):>9} {'triples':>12}  {'main MB':>7}  other MB")
        out = tmp / "out"
        runs: dict[str, list[dict]] = {m: [] for m in modes}
        for _ in range(args.runs):  # in turns, so a slow spell of the machine weighs on every value alike
            for m in modes:
                runs[m].append(fresh_build(tmp / "corpus", out, m))
        for m in modes if args.runs else []:
            r = median_run(runs[m])
            rate = r["chars"] / r["seconds"]
            print(f"{m:>9} {r['seconds']:>8.1f} {rate / 1e3:>10.0f} {r['docs'] / r['seconds']:>7.1f} "
                  f"{rate / base_rate:>8.2f} {_ratio(runs, '1', m):>8} {_ratio(runs, jobs[-1] if jobs else '', m):>9} "
                  f"{r['triples']:>12,}  {r['main_mb']:>7.0f}  {_mb_list(r['other_mb'])}"
                  + (f"  ({r['errors']} errors)" if r["errors"] else ""), flush=True)
        last = modes[-1]
        if not args.no_rebuild and args.runs:
            again = run_json(_BUILD, tmp / "corpus", out, last, "")
            changed = files[len(files) // 2]
            text = changed.read_text(encoding="utf-8") + "\n推进卧龙湖大桥建设。"
            changed.write_text(text, encoding="utf-8")
            step = run_json(_BUILD, tmp / "corpus", out, last, "")
            print(f"rebuild, {_flag(last)}: nothing changed {again['seconds']:.1f} s ({again['added']} built); "
                  f"one document changed {step['seconds']:.1f} s ({step['added']} built)", flush=True)
        ttl_gb = (out / "graph.ttl").stat().st_size / 1e9 if (out / "graph.ttl").is_file() else None
        if ttl_gb is None or args.no_folder_queries:
            pass  # --runs 0: no build folder
        elif ttl_gb <= 2:
            print("ready-made queries on the build folder, as `govkg query` runs them (open, then median of 3):")
            for name, (opened, seconds, n) in run_json(_QUERIES, out, json.dumps(PARAMS)).items():
                print(f"  {name:<22} open {opened:>5.1f} s  query {seconds:>6.3f} s  {n:>6} rows")
        else:
            print(f"ready-made queries on the build folder: left out (graph.ttl is {ttl_gb:.1f} GB; `govkg query` "
                  "would read it into memory: query a store)")
        shutil.rmtree(out, ignore_errors=True)  # room for the store's build
        if args.store:
            r = fresh_build(tmp / "corpus", tmp / "out-store", last, tmp / "store")
            store_gb = sum(f.stat().st_size for f in (tmp / "store").rglob("*") if f.is_file()) / 1e9
            print(f"build with --store, {_flag(last)}: {r['seconds']:.1f} s ({r['chars'] / r['seconds'] / 1e3:.0f} "
                  f"k chars/s), {r['triples']:,} triples, store {store_gb:.1f} GB; peak MB main {r['main_mb']:.0f}, "
                  f"others {_mb_list(r['other_mb'])}", flush=True)
            print("ready-made queries on the store, read where it lies (open, then median of 3):")
            for name, (opened, seconds, n) in run_json(_QUERIES, tmp / "store", json.dumps(PARAMS)).items():
                print(f"  {name:<22} open {opened:>5.1f} s  query {seconds:>6.3f} s  {n:>6} rows")
    return 0


def _ratio(runs: dict[str, list[dict]], base: str, mode: str) -> str:
    """The median of the runs' own ratios of ``base``'s time to ``mode``'s ("-" without ``base``)."""
    if base not in runs:
        return "-"
    ratios = sorted(a["seconds"] / b["seconds"] for a, b in zip(runs[base], runs[mode]))
    return f"{ratios[len(ratios) // 2]:.2f}"


def _flag(mode: str) -> str:
    return f"--jobs {mode}" if mode.isdigit() else f"--scheduler {mode}"


if __name__ == "__main__":
    sys.exit(main())
