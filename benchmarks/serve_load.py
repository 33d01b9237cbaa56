"""How long a normal ``/sparql`` query waits while hostile ones run, and what ``govkg serve`` holds in memory.

    python benchmarks/serve_load.py GRAPH [--hostile 4] [--timeout 10] [--rounds 5] [--workers N]

Starts ``govkg serve GRAPH --port 0 --timeout T [--workers N]`` as a user would, and reports:

- start: seconds until the first query is answered (the workers have loaded
  the graph), and the memory of the server and all its processes (resident
  set and proportional set size, which splits shared pages among the
  processes sharing them: the sum is what the machine really holds);
- under load: ``--hostile`` clients each send a query that runs until the
  deadline (a cross product of all triples, counted) and send it again as
  soon as it is answered; once they have run for a second, a normal query
  (count the enterprises) is timed ``--rounds`` times, a second apart. The
  hostile answers are counted by status (503 deadline or busy);
- the memory again, after the load.

It measures; it never passes or fails on time.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from pathlib import Path

HOSTILE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
NORMAL = ("PREFIX govkg: <https://w3id.org/govkg/ontology#> "
          "SELECT (COUNT(?e) AS ?n) WHERE { ?e a govkg:Enterprise }")


def ask(base: str, query: str) -> tuple[int, str, float]:
    """(status, body, seconds) of a GET /sparql."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(f"{base}/sparql?query={urllib.parse.quote(query, safe='')}", timeout=300) as r:
            status, body = r.status, r.read().decode()
    except urllib.error.HTTPError as exc:
        status, body = exc.code, exc.read().decode()
    return status, body, time.perf_counter() - started


def memory(pid: int) -> dict[str, float]:
    """MB of resident set and of proportional set size, summed over ``pid`` and all its descendants."""
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        found = subprocess.run(["pgrep", "-P", str(p)], capture_output=True, text=True).stdout
        todo.extend(int(child) for child in found.split())
    total = {"processes": len(tree), "rss_mb": 0.0, "pss_mb": 0.0}
    for p in tree:
        try:
            text = Path(f"/proc/{p}/smaps_rollup").read_text()
        except OSError:
            continue
        for key, name in (("Rss", "rss_mb"), ("Pss", "pss_mb")):
            m = re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE)
            total[name] += int(m.group(1)) / 1024 if m else 0
    return {k: round(v) for k, v in total.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("graph")
    parser.add_argument("--hostile", type=int, default=4)
    parser.add_argument("--timeout", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, help="serve's --workers (else its default)")
    args = parser.parse_args()
    options = ["--workers", str(args.workers)] if args.workers else []

    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "govkg.cli", "serve", args.graph, "--port", "0",
                             "--timeout", str(args.timeout), *options],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        line = proc.stdout.readline()
        base = re.search(r"http://[^/]+", line).group(0)
        while ask(base, "ASK {}")[0] != 200:
            time.sleep(0.2)
        report = {"graph": args.graph, "workers": args.workers,
                  "first_answer_s": round(time.perf_counter() - started, 2), "memory_idle": memory(proc.pid)}
        stop = threading.Event()
        hostile: Counter[str] = Counter()

        def attack() -> None:
            while not stop.is_set():
                status, body, _ = ask(base, HOSTILE)
                hostile[f"{status} {'busy' if 'busy' in body else 'deadline' if 'did not finish' in body else ''}"] += 1

        threads = [threading.Thread(target=attack, daemon=True) for _ in range(args.hostile)]
        for t in threads:
            t.start()
        time.sleep(1.0)
        waits = []
        for _ in range(args.rounds):
            status, body, seconds = ask(base, NORMAL)
            waits.append({"status": status, "s": round(seconds, 3),
                          "n": json.loads(body)["results"]["bindings"][0]["n"]["value"] if status == 200 else body})
            time.sleep(1.0)
        report["normal_under_load"] = waits
        report["memory_under_load"] = memory(proc.pid)
        stop.set()
        for t in threads:
            t.join()
        report["hostile_answers"] = dict(hostile)
        print(json.dumps(report, ensure_ascii=False, indent=1))
    finally:
        proc.terminate()
        proc.wait(30)


if __name__ == "__main__":
    main()
