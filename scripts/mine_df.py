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

Beside it (``word_spread.tsv`` in the same folder) it writes ``word<TAB>regions``
for the words of those names (jieba's dictionary cut, as the decision cuts
them): in reports on how many regions a word is part of a proposed name. A word
of many regions' names (现代, 物流, 示范) describes a kind; a name whose words
are all such words (现代智慧物流园区) is usually one, however rare the whole name.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

from govkg.decide import SPANLESS
from govkg.decide.features import SPREAD_FILE, name_words
from govkg.extractors.phrase import lexicon
from govkg.extractors.base import Resources
from govkg.pipeline import InputFile, process_file

MIN_DOCS = 2

_RES: Resources | None = None


def _labels(path: str) -> tuple[str, set[str], set[str]]:
    global _RES
    if _RES is None:
        _RES = Resources()
        _RES.set("decide.model", None)
    found: list = []
    p = Path(path)
    region: list[str] = []
    words: set[str] = set()

    def record(ctx, cands) -> None:
        named = [c for c in cands if c.ref.type != "Region" and not c.features & SPANLESS]
        found.extend(named)
        region.append(ctx.doc_region.key if ctx.doc_region is not None else path)
        lex = lexicon(ctx)
        for c in named:
            words.update(name_words(lex, c.label)[0])

    _RES.set("decide.record", record)
    process_file(InputFile(p, p.stem), _RES)
    return region[0] if region else path, {c.label for c in found}, words


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--jobs", type=int, default=2)
    a = ap.parse_args(argv)
    files = sorted(str(f) for f in a.corpus.rglob("*") if f.suffix.lower() in (".txt", ".html", ".htm"))
    regions: dict[str, set[str]] = {}
    spread: dict[str, set[str]] = {}
    with Pool(a.jobs) as pool:
        for region, labels, words in pool.imap(_labels, files, chunksize=4):
            for label in labels:
                regions.setdefault(label, set()).add(region)
            for word in words:
                spread.setdefault(word, set()).add(region)
    for table, out, what in ((regions, a.out, "labels"), (spread, a.out.with_name(SPREAD_FILE), "words of them")):
        counts = Counter({key: len(rs) for key, rs in table.items()})
        rows = sorted((key, n) for key, n in counts.items() if n >= MIN_DOCS and "\t" not in key and "\n" not in key)
        out.write_text("".join(f"{key}\t{n}\n" for key, n in rows), encoding="utf-8")
        print(f"{len(files)} documents, {len(counts)} {what}, {len(rows)} in reports on {MIN_DOCS}+ regions -> {out}",
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
