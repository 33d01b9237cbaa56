"""Faults of a whole build that docs/reliability.md lists: odd file names, a build killed at any moment.

(Bad file contents are read_text's: tests/text/test_read.py and tests/fuzz; two builds at once:
tests/test_pipeline.py; a dying worker and very large files: tests/test_workers.py and tests/test_pieces.py.)
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Literal
from rdflib.namespace import RDF

from govkg.ontology.namespaces import GOVKG

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OUTPUTS = ("graph.trig", "graph.ttl", "graph.html")
ODD_NAMES = ['引号"和\'撇号', "换行\n名", "空格 名 ", "#井号?问号&", "%25百分号", "反斜杠\\", "<尖括号>", "-减号开头",
             ".点开头", "名" * 60, "emoji😀", "tab\t名", "{花括号}|^`"]


def _govkg(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "govkg.cli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, **kwargs)


def test_odd_file_names_are_built_and_their_graph_parses_back(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i, name in enumerate(ODD_NAMES):
        shutil.copy(seeds[i % len(seeds)], src / f"{name}.txt")
    proc = _govkg("build", str(src), "--out", str(tmp_path / "out"), "--no-html")
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    ds = Dataset(default_union=True)
    ds.parse(tmp_path / "out" / "graph.trig", format="trig")
    docs = set(ds.subjects(RDF.type, GOVKG.Document))
    assert len(docs) == len(ODD_NAMES)  # each file a document of its own, none lost to a clash of names
    paths = {str(p) for p in ds.objects(None, GOVKG.sourcePath)}
    assert paths == {str(src / f"{name}.txt") for name in ODD_NAMES}
    assert all(isinstance(p, Literal) for p in ds.objects(None, GOVKG.sourcePath))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="SIGKILL")
def test_a_build_killed_at_any_moment_is_recovered_with_the_same_bytes(tmp_path: Path) -> None:
    """SIGKILL at a fifth, half and nine tenths of a build (and just before its end); building again gives
    the files of a clean build, byte for byte."""
    src = tmp_path / "in"
    src.mkdir()
    for f in sorted(SEEDS.glob("*.txt")):
        shutil.copy(f, src / f.name)
    clean = tmp_path / "clean"
    started = time.monotonic()
    proc = _govkg("build", str(src), "--out", str(clean), "--jobs", "2")
    assert proc.wait(timeout=600) == 0, proc.stderr.read()
    took = time.monotonic() - started
    expected = {name: (clean / name).read_bytes() for name in OUTPUTS}
    for share in (0.2, 0.5, 0.9, 0.98):
        out = tmp_path / f"killed-{share}"
        proc = _govkg("build", str(src), "--out", str(out), "--jobs", "2", start_new_session=True)
        time.sleep(took * share)
        if proc.poll() is None:
            import os

            os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers, as the OOM killer or a power cut would
        proc.wait(timeout=60)
        again = _govkg("build", str(src), "--out", str(out), "--jobs", "2")
        _, stderr = again.communicate(timeout=600)
        assert again.returncode == 0, (share, stderr)
        assert {name: (out / name).read_bytes() for name in OUTPUTS} == expected, share
        assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")], share  # temp files were left
