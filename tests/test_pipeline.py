"""Parallel and incremental builds: the result always equals a clean build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from govkg.graph.buildstore import BuildStore
from govkg.pipeline import build

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def trig(store: BuildStore, path: Path) -> bytes:
    store.write_trig(path)
    return path.read_bytes()


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for f in sorted(SEEDS.glob("*.txt"))[:4]:
        shutil.copy(f, src / f.name)
    return src


def test_incremental_build_equals_clean_build(corpus, tmp_path):
    store = BuildStore.on_disk(tmp_path / "store")
    first = build([corpus], store=store)
    assert first.added == 4 and first.unchanged == 0

    again = build([corpus], store=store)
    assert (again.added, again.unchanged, again.removed) == (0, 4, 0)

    files = sorted(corpus.glob("*.txt"))
    files[0].unlink()                                                  # deleted
    files[1].write_text(files[1].read_text(encoding="utf-8") + "\n新增一句：推进卧龙湖大桥建设。",
                        encoding="utf-8")                              # changed
    shutil.copy(SEEDS / "004_1232a80a64beaf63.txt", corpus / "004_1232a80a64beaf63.txt")  # added
    step = build([corpus], store=store)
    assert (step.added, step.unchanged, step.removed) == (2, 2, 1)

    clean = build([corpus], store=BuildStore.in_memory())
    assert trig(step.store, tmp_path / "a.trig") == trig(clean.store, tmp_path / "b.trig")
    assert "卧龙湖大桥" in (tmp_path / "a.trig").read_text(encoding="utf-8")


def test_parallel_build_equals_serial_build(corpus, tmp_path):
    serial = build([corpus], jobs=1)
    parallel = build([corpus], jobs=2)
    assert parallel.added == serial.added == 4
    assert trig(serial.store, tmp_path / "s.trig") == trig(parallel.store, tmp_path / "p.trig")


def test_earlier_trig_output_is_updated_in_place(corpus, tmp_path):
    out = tmp_path / "graph.trig"
    build([corpus]).store.write_trig(out)
    again = build([corpus], store=BuildStore.in_memory(out))
    assert again.unchanged == 4 and again.added == 0
