"""Memory of the end of a build as the number of distinct entities grows: held in memory against spilled.

    python benchmarks/merge.py [--record FOLDER/.govkg/build.sqlite] [--copies 1,10,40]

The end of a build unites every document's statements about entities (for the
entity part of ``graph.ttl``) and gathers the page's data
(:class:`govkg.graph.merge.Merged`); both grow with the number of distinct
entities. A corpus of that many different reports is not at hand, so the
document summaries of a real build's record (default: the scale corpus built
into ``/tmp/scale-merge``, made first when missing) are repeated K times, each
copy's entity IRIs made distinct, which gives K times the entities. For each K,
in a fresh process each:

- ``memory``: the union and the page's data all held in memory, as builds did
  before (no spilling, no page limit): the baseline;
- ``bounded``: govkg's defaults (the union moves to a file past
  ``SPILL_PAIRS`` statements, the page's data is dropped past
  ``PAGE_MAX_ENTITIES`` entities);

with the peak resident memory of the process (``ru_maxrss``) above what it
held after loading the summaries, the seconds to add the summaries up and
write the entity Turtle (to /dev/null), and ``x memory`` (bounded over the
baseline). The script measures; it never passes or fails.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_RECORD = Path("/tmp/scale-merge/.govkg/build.sqlite")

_CHILD = """
import json, resource, sqlite3, sys, time
from govkg.graph import merge
record, copies, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
blobs = [b for (b,) in sqlite3.connect(record).execute("SELECT summary FROM docs")]
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if mode == "memory":
    merge.SPILL_PAIRS = 1 << 62
    merge.PAGE_MAX_ENTITIES = 1 << 62
started = time.perf_counter()
merged = merge.Merged(union=merge.EntityUnion(folder="/tmp"))
for k in range(copies):
    for blob in blobs:
        s = merge.DocSummary.unpack(blob)
        if k:  # another copy: the same facts about other entities
            tag = f"-{k}"
            s = merge.DocSummary(
                s.document + tag, s.title,
                tuple((n[0] + tag, *n[1:]) for n in s.nodes), s.sentences,
                tuple((e + tag, at) for e, at in s.evidence),
                tuple((a + tag, r, b + tag) for a, r, b in s.edges),
                tuple((subj[:-1] + tag + ">" if subj.startswith("<") else subj, pairs) for subj, pairs in s.entities),
                s.triples, s.statements, s.year)
        merged.add(s)
with open("/dev/null", "w", encoding="utf-8") as sink:
    for chunk in merged.entity_chunks():
        sink.write(chunk)
counts = merged.entity_counts()
page = merged.network.data() if merged.network is not None else None
seconds = time.perf_counter() - started
spilled = merged.union.spilled
merged.close()
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "mb": (peak - base) / 1024, "entities": sum(counts.values()),
                  "spilled": spilled, "page": page is not None}))
"""


def run(record: Path, copies: int, mode: str) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(record), str(copies), mode], cwd=ROOT,
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--record", type=Path, default=DEFAULT_RECORD)
    ap.add_argument("--copies", default="1,10,40")
    args = ap.parse_args(argv)
    if not args.record.is_file():
        print(f"building the scale corpus into {args.record.parent.parent} for its record ...", flush=True)
        subprocess.run([sys.executable, "-m", "govkg.cli", "build", str(ROOT.parent / "shared/corpus/scale"),
                        "--out", str(args.record.parent.parent), "--no-html"], check=True)
    docs = sqlite3.connect(args.record).execute("SELECT COUNT(*) FROM docs").fetchone()[0]
    from govkg.graph.merge import PAGE_MAX_ENTITIES, SPILL_PAIRS

    print(f"machine: {os.cpu_count()} cores; summaries of {docs} documents ({args.record}), repeated K times; "
          f"SPILL_PAIRS {SPILL_PAIRS:,}, PAGE_MAX_ENTITIES {PAGE_MAX_ENTITIES:,}")
    print(f"{'K':>4} {'entities':>10}  {'memory MB':>9} {'s':>6}  {'bounded MB':>10} {'s':>6} {'spilled':>7} "
          f"{'page':>5}  {'x memory':>8}")
    for copies in (int(c) for c in args.copies.split(",")):
        held, bounded = run(args.record, copies, "memory"), run(args.record, copies, "bounded")
        print(f"{copies:>4} {bounded['entities']:>10,}  {held['mb']:>9.0f} {held['seconds']:>6.1f}  "
              f"{bounded['mb']:>10.0f} {bounded['seconds']:>6.1f} {'yes' if bounded['spilled'] else 'no':>7} "
              f"{'yes' if bounded['page'] else 'no':>5}  {bounded['mb'] / max(held['mb'], 1):>8.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
