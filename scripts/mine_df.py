"""Mine how many regions' documents in a corpus name each candidate, for the learned decision's ``df`` feature.

    python scripts/mine_df.py ../shared/corpus/scale --out src/govkg/decide/data/doc_frequency.tsv

reads every document of the folder (recursively: .txt, .html, .htm) with no
model, collects the labels of all candidate entities the extractors propose
but regions), and writes ``label<TAB>regions`` for each label that reports on at
least two regions propose (a document counts as the region it is about, so one
county's reports of ten years count once), sorted by label. A name the reports
of many regions propose (文化产业园区,
全域旅游示范区, 土壤污染治理修复项目) is usually a kind; one or two regions
naming it is usual for a real park or project. The same corpus and extractors
give the same file; re-run it when the extractors change, then ``scripts/train.sh``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

from govkg.decide import SPANLESS
from govkg.extractors.base import Resources
from govkg.pipeline import InputFile, process_file

MIN_DOCS = 2

_RES: Resources | None = None


def _labels(path: str) -> tuple[str, set[str]]:
    global _RES
    if _RES is None:
        _RES = Resources()
        _RES.set("decide.model", None)
    found: list = []
    p = Path(path)
    region: list[str] = []
    _RES.set("decide.record", lambda ctx, cands: (found.extend(cands), region.append(
        ctx.doc_region.key if ctx.doc_region is not None else path)))
    process_file(InputFile(p, p.stem), _RES)
    return region[0] if region else path, {c.label for c in found if c.ref.type != "Region" and not c.features & SPANLESS}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args(argv)
    files = sorted(str(f) for f in a.corpus.rglob("*") if f.suffix.lower() in (".txt", ".html", ".htm"))
    regions: dict[str, set[str]] = {}
    with Pool(a.jobs) as pool:
        for region, labels in pool.imap(_labels, files, chunksize=4):
            for label in labels:
                regions.setdefault(label, set()).add(region)
    counts = Counter({label: len(rs) for label, rs in regions.items()})
    rows = sorted((label, n) for label, n in counts.items() if n >= MIN_DOCS and "\t" not in label and "\n" not in label)
    a.out.write_text("".join(f"{label}\t{n}\n" for label, n in rows), encoding="utf-8")
    print(f"{len(files)} documents, {len(counts)} labels, {len(rows)} in reports on {MIN_DOCS}+ regions -> {a.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
