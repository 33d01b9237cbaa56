"""Faults of a whole build that docs/reliability.md lists: odd file names, a build killed at any moment, a report
with a few undecodable bytes, output folders inside the input, a file named twice, unreadable folders and links.

(Bad file contents are read_text's: tests/text/test_read.py and tests/fuzz; two builds at once:
tests/test_pipeline.py; a dying worker and very large files: tests/test_workers.py and tests/test_pieces.py.)
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
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
    assert paths == {f"in/{name}.txt" for name in ODD_NAMES}  # below the folder holding the PATH given
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
            os.killpg(proc.pid, signal.SIGKILL)  # the build and its workers, as the OOM killer or a power cut would
        proc.wait(timeout=60)
        again = _govkg("build", str(src), "--out", str(out), "--jobs", "2")
        _, stderr = again.communicate(timeout=600)
        assert again.returncode == 0, (share, stderr)
        assert {name: (out / name).read_bytes() for name in OUTPUTS} == expected, share
        assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")], share  # temp files were left


def _errors_and_warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(("error:", "warning:"))]


@pytest.mark.parametrize("engine", [("--jobs", "1"), ("--jobs", "2"), ("--scheduler", "local:2")])
def test_a_report_cut_in_its_last_character_is_built_with_one_warning(tmp_path: Path, engine: tuple[str, str]) -> None:
    """Issue 19's repro (`head -c -1`): the report is built, the 2 bytes left of its last character replaced, one
    warning line naming the file, exit 0; the same from a worker process and from a Dask worker."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "000_247f5b625e04f3c0.txt", src / "a.txt")  # first: the main process may read it itself
    cut = src / "b.txt"
    cut.write_bytes((SEEDS / "001_b22b28e224b33268.txt").read_bytes()[:-1])
    proc = _govkg("build", str(src), "--out", str(tmp_path / "out"), "--no-html", *engine)
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    assert _errors_and_warnings(stderr) == [f"warning: {cut}: 2 bytes could not be decoded and were replaced by U+FFFD"]
    ds = Dataset(default_union=True)
    ds.parse(tmp_path / "out" / "graph.trig", format="trig")
    assert {str(p) for p in ds.objects(None, GOVKG.sourcePath)} == {"in/a.txt", "in/b.txt"}


def test_output_folders_inside_the_input_folder_are_never_read(tmp_path: Path) -> None:
    """`--out` and `--store` inside the input folder: not read by this build, nor by the next ones (into the same
    folder or another), with the page, exports and anything else under them; exit 0 every time."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS / "000_247f5b625e04f3c0.txt", src / "a.txt")
    out, store = src / "out", src / "store"
    for target in (out, out, tmp_path / "elsewhere"):
        proc = _govkg("build", str(src), "--out", str(target), "--store", str(store), "--jobs", "1")
        _, stderr = proc.communicate(timeout=600)
        assert proc.returncode == 0 and _errors_and_warnings(stderr) == [], stderr
        (out / "exports").mkdir(exist_ok=True)
        (out / "exports" / "page.html").write_text("<p>导出的页面：沙湾区</p>", encoding="utf-8")
        ds = Dataset(default_union=True)
        ds.parse(target / "graph.trig", format="trig")
        assert {str(p) for p in ds.objects(None, GOVKG.sourcePath)} == {"in/a.txt"}
    proc = _govkg("build", str(out), "--out", str(tmp_path / "third"))  # a build folder named as input: one line
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 2
    assert _errors_and_warnings(stderr)[0] == (f"error: {out}: is a govkg build or store folder (or this build's "
                                               "--out or --store); govkg's own output is never read as input")


def test_one_file_named_by_two_paths_is_one_document(tmp_path: Path) -> None:
    seed = SEEDS / "000_247f5b625e04f3c0.txt"
    proc = _govkg("build", str(seed), str(SEEDS / ".." / "seeds" / seed.name), "--out", str(tmp_path / "out"),
                  "--no-html", "--jobs", "1")
    _, stderr = proc.communicate(timeout=600)
    assert proc.returncode == 0, stderr
    ds = Dataset(default_union=True)
    ds.parse(tmp_path / "out" / "graph.trig", format="trig")
    assert [str(p) for p in ds.objects(None, GOVKG.sourcePath)] == [seed.name]


def _as_nobody() -> list[str]:
    """The command prefix that runs govkg as an ordinary user: root reads any folder whatever its mode."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: no way to make a folder unreadable")
    return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="folder modes and setpriv")
def test_unreadable_folders_and_broken_links_are_named_and_exit_1() -> None:
    """The README's promise: an input that cannot be read is one line with the reason, the rest built, exit 1."""
    with tempfile.TemporaryDirectory() as top:  # in /tmp, where an ordinary user may go (pytest's tmp_path is root's)
        _unreadable_folders_and_broken_links(Path(top))


def _unreadable_folders_and_broken_links(tmp_path: Path) -> None:
    tmp_path.chmod(0o777)
    src = tmp_path / "in"
    (src / "locked").mkdir(parents=True)
    shutil.copy(SEEDS / "000_247f5b625e04f3c0.txt", src / "a.txt")
    shutil.copy(SEEDS / "002_1edfadbf7e51127a.txt", src / "locked" / "b.txt")
    (src / "locked").chmod(0o700 if os.geteuid() == 0 else 0o000)  # root's folder: nobody cannot list it
    (src / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (src / "loop").symlink_to(src)  # followed once, never round and round
    src.chmod(0o777)
    env = {**os.environ, "TMPDIR": str(tmp_path), "HOME": str(tmp_path)}
    proc = subprocess.run([*_as_nobody(), sys.executable, "-m", "govkg.cli", "build", str(src), str(tmp_path / "nope.txt"),
                           "--out", str(tmp_path / "out"), "--no-html", "--jobs", "1"],
                          capture_output=True, text=True, env=env, timeout=600)
    (src / "locked").chmod(0o755)
    assert proc.returncode == 1, proc.stderr
    assert sorted(_errors_and_warnings(proc.stderr)) == sorted([
        f"error: {src / 'locked'}: cannot read the folder (Permission denied); its files were not built",
        f"error: {src / 'gone.txt'}: a link to {tmp_path / 'nowhere.txt'}, which does not exist",
        f"error: {tmp_path / 'nope.txt'}: no such file or folder",
    ])
    ds = Dataset(default_union=True)
    ds.parse(tmp_path / "out" / "graph.trig", format="trig")
    assert [str(p) for p in ds.objects(None, GOVKG.sourcePath)] == ["in/a.txt"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process groups")
def test_ctrl_c_is_one_line_and_exit_code_130(tmp_path: Path) -> None:
    """Ctrl-C (SIGINT to the terminal's process group: the build and its workers) ends the build with one line and
    130, as the README says, not click's 'Aborted!' and 1 (the code of a build that skipped inputs); the folder
    keeps the build before."""
    out = tmp_path / "out"
    first = _govkg("build", str(SEEDS / "000_247f5b625e04f3c0.txt"), "--out", str(out), "--jobs", "1")
    assert first.wait(timeout=600) == 0
    before = {name: (out / name).read_bytes() for name in OUTPUTS}
    proc = _govkg("build", str(SEEDS), "--out", str(out), "--jobs", "2", start_new_session=True)
    deadline = time.monotonic() + 120
    while not list(out.glob(".graph.trig.*.tmp")) and time.monotonic() < deadline:  # it is building
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert [line for line in stderr.splitlines() if line.strip()] == ["error: interrupted"]
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == before
