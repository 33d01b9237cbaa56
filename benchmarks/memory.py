"""Memory and time of one document as it grows, and a very large file among normal reports.

    python benchmarks/memory.py [--seed FILE] [--copies 1,4,16,40,80,160,300] [--big-mb 150] [--jobs 2]

1. One document made of ``--seed`` (default seed 001: 36 KB, 13,431
   characters, a normal report) repeated K times, built by
   ``govkg.pipeline.build(FILE, jobs=1)`` in a fresh process after a warm-up
   build of the seed (so that loading dictionaries counts in neither): the
   seconds of the document (read, pieces, graph, written), the peak resident
   memory of the process, and two ratios against K = 1 measured in the same
   run: ``x linear`` is the time over K times the time of K = 1 (1.0 when
   time grows linearly with the text), and ``B/B`` is the peak memory above
   K = 1's, per byte of input.
2. A folder of the seeds and one file of ``--big-mb`` MB (the seed repeated)
   given to ``govkg build --jobs N`` as a user runs it: the exit code, the
   error lines, the documents built, and the peak resident memory of the main
   process and of each worker (their high-water marks, ``VmHWM``, read from
   ``/proc`` while they run).

The script measures; it never passes or fails on time or memory.
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

from procs import high_water_mb, process_tree  # benchmarks/procs.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "001_b22b28e224b33268.txt"

_ONE = r"""
import json, resource, sys, time
from govkg.pipeline import build
warm, src, out = sys.argv[1:4]
build([warm], out + "-warm", jobs=1, html=False)
warm_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
marks = []
result = build([src], out, jobs=1, progress=lambda done, total: marks.append(time.perf_counter()))
print(json.dumps({"seconds": marks[-1] - marks[0], "chars": result.chars, "errors": [str(e) for e in result.errors],
                  "triples": result.stats.triples if result.stats else 0, "warm_mb": warm_mb,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def one_document(seed: Path, copies: int, tmp: Path) -> dict:
    src = tmp / f"x{copies}.txt"
    src.write_text(seed.read_text(encoding="utf-8") * copies, encoding="utf-8")
    out = tmp / f"out{copies}"
    proc = subprocess.run([sys.executable, "-c", _ONE, str(seed), str(src), str(out)], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"build of {copies} copies failed:\n{proc.stderr.strip()}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["bytes"] = src.stat().st_size
    src.unlink()
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(f"{out}-warm", ignore_errors=True)
    return result


def big_among_normal(seed: Path, big_mb: float, jobs: int, tmp: Path, extra: list[str]) -> dict:
    src = tmp / "folder"
    src.mkdir()
    for f in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copy(f, src / f.name)
    text = seed.read_text(encoding="utf-8").encode("utf-8")
    with open(src / "big.txt", "wb") as f:
        for _ in range(int(big_mb * 1e6 // len(text))):
            f.write(text)
    govkg = shutil.which("govkg") or str(Path(sys.executable).parent / "govkg")
    t = time.perf_counter()
    proc = subprocess.Popen([govkg, "build", str(src), "--out", str(tmp / "out"), "--jobs", str(jobs), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peaks: dict[int, float] = {}
    while proc.poll() is None:
        for pid in process_tree(proc.pid):
            mb = high_water_mb(pid)
            if mb is not None:
                peaks[pid] = max(peaks.get(pid, 0.0), mb)
        time.sleep(0.05)
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - t
    main_mb = peaks.pop(proc.pid, 0.0)
    read = next((line.split("│")[2].strip() for line in stdout.splitlines() if "documents read" in line), "?")
    return {"seconds": seconds, "code": proc.returncode, "stderr": stderr.strip().splitlines(), "documents": read,
            "main_mb": main_mb, "workers_mb": sorted(peaks.values(), reverse=True),
            "big_mb": (src / "big.txt").stat().st_size / 1e6}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=Path, default=SEED, help="the normal report repeated")
    ap.add_argument("--copies", default="1,4,16,40,80,160,300", help="comma-separated K values (1 is the baseline)")
    ap.add_argument("--big-mb", type=float, default=150.0, help="size of the large file among the seeds (0: skip)")
    ap.add_argument("--jobs", type=int, default=2, help="--jobs of the build with the large file")
    ap.add_argument("--build-option", action="append", default=[], metavar="OPTION",
                    help="passed to that build (repeatable), e.g. --build-option=--max-doc-mb=200")
    args = ap.parse_args(argv)
    copies = sorted({1, *(int(k) for k in args.copies.split(","))})

    print(f"machine: {os.cpu_count()} cores; document: {args.seed.name} repeated K times, each built alone in a "
          "fresh process (--jobs 1) after a warm-up build")
    print(f"{'K':>5} {'MB':>7} {'k chars':>8} {'seconds':>8} {'x linear':>9} {'peak MB':>8} {'B/B':>6} "
          f"{'triples':>10}")
    with tempfile.TemporaryDirectory(prefix="govkg-memory-") as tmp:
        tmp = Path(tmp)
        base = None
        for k in copies:
            r = one_document(args.seed, k, tmp)
            if base is None:
                base = r
            linear = r["seconds"] / (k * base["seconds"])
            per_byte = (r["peak_mb"] - base["peak_mb"]) * 2**20 / r["bytes"] if k > 1 else 0.0
            print(f"{k:>5} {r['bytes'] / 1e6:>7.1f} {r['chars'] / 1e3:>8.0f} {r['seconds']:>8.1f} {linear:>9.2f} "
                  f"{r['peak_mb']:>8.0f} {per_byte:>6.1f} {r['triples']:>10,}" + (f"  {r['errors']}" if r["errors"]
                                                                                   else ""))
        if args.big_mb > 0:
            r = big_among_normal(args.seed, args.big_mb, args.jobs, tmp, args.build_option)
            workers = ", ".join(f"{mb:.0f}" for mb in r["workers_mb"]) or "none"
            print(f"\ngovkg build of the {len(list((ROOT / 'seeds').glob('*.txt')))} seeds and one {r['big_mb']:.0f} MB "
                  f"file, --jobs {args.jobs} {' '.join(args.build_option)}: exit {r['code']} after {r['seconds']:.1f} s; "
                  f"documents built: {r['documents']}; peak MB: main {r['main_mb']:.0f}, workers {workers}")
            for line in r["stderr"]:
                print(f"  stderr: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
