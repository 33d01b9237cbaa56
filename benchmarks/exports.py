"""Seconds and peak memory of every ``govkg export --to FORMAT`` and of ``govkg validate`` on one build.

Each command runs as its own process; its peak memory is the highest summed
RSS of the process and its children, polled every 20 ms (psutil). Two
baselines are measured in the same run, so figures compare as ratios and not
against another day's: ``cat`` of ``graph.trig`` and reading ``graph.trig``
with pyoxigraph's parser (every quad, nothing kept). Never passes or fails on time.

    govkg build /work/shared/corpus/scale --out /tmp/x18/scale --no-html --jobs 2
    .venv/bin/python benchmarks/exports.py /tmp/x18/scale [--src OLD_CHECKOUT/src] [--keep DIR]

``--src`` runs the govkg package of another checkout (e.g. ``git archive HEAD~5 src | tar -x -C /tmp/old``),
so before and after are measured on the same machine; ``--keep DIR`` keeps the outputs there
(to compare old and new byte for byte).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

FORMATS = ("trig", "ttl", "nt", "nq", "jsonld", "csv", "neo4j", "cypher", "gexf", "graphml", "html")
RUN_GOVKG = "import sys; from govkg.cli import main; sys.exit(main())"
READ_TRIG = ("import sys, pyoxigraph as ox; "
             "n = sum(1 for _ in ox.parse(path=sys.argv[1], format=ox.RdfFormat.TRIG, lenient=True)); print(n)")


def measure(cmd: list[str], env: dict[str, str] | None = None, stdout=subprocess.DEVNULL) -> tuple[float, float, int]:
    """Wall seconds, peak MB (RSS of the process tree) and exit code of ``cmd``."""
    began = time.perf_counter()
    proc = psutil.Popen(cmd, env=env, stdout=stdout, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        try:
            procs = [proc, *proc.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in procs if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.02)
    seconds = time.perf_counter() - began
    if proc.returncode not in (0, 1):  # validate exits 1 for an invalid graph
        sys.stderr.write(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr.read().decode()}\n")
    return seconds, peak / 1e6, proc.returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", type=Path, help="a build folder (graph.trig, graph.ttl)")
    parser.add_argument("--src", type=Path, help="run the govkg package under this src folder")
    parser.add_argument("--keep", type=Path, help="write the outputs here (default: a temporary folder)")
    parser.add_argument("--only", help="comma-separated formats (and 'validate') to run")
    args = parser.parse_args()
    env = dict(os.environ)
    if args.src:
        env["PYTHONPATH"] = str(args.src.resolve())
    py = sys.executable
    trig = args.build / "graph.trig"
    wanted = args.only.split(",") if args.only else [*FORMATS, "validate"]
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        rows: list[tuple[str, float, float]] = []
        with open(os.devnull, "wb") as null:
            rows.append(("cat graph.trig", *measure(["cat", str(trig)], stdout=null)[:2]))
        rows.append(("pyoxigraph reads graph.trig", *measure([py, "-c", READ_TRIG, str(trig)])[:2]))
        base = rows[-1][1]
        for name in wanted:
            if name == "validate":
                cmd = [py, "-c", RUN_GOVKG, "validate", str(args.build)]
            else:
                suffix = {"neo4j": "", "csv": "", "cypher": ".cypher"}.get(name, f".{name}")
                cmd = [py, "-c", RUN_GOVKG, "export", str(args.build), "--to", name, "--out",
                       str(out / f"export-{name}{suffix}")]
            seconds, mb, _ = measure(cmd, env)
            rows.append((name if name == "validate" else f"export --to {name}", seconds, mb))
            print(f"{rows[-1][0]}: {seconds:.1f} s, {mb:.0f} MB", file=sys.stderr, flush=True)
    print(f"{args.build} ({trig.stat().st_size / 1e6:.0f} MB graph.trig)"
          f"{f', govkg from {args.src}' if args.src else ''}\n")
    print("| command | seconds | × pyoxigraph read | peak MB |")
    print("|---|---:|---:|---:|")
    for name, seconds, mb in rows:
        print(f"| {name} | {seconds:.1f} | {seconds / base:.1f} | {mb:.0f} |")


if __name__ == "__main__":
    main()
