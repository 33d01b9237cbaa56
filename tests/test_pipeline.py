"""Streaming, parallel and incremental builds: the files always equal those of a clean serial build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from govkg.export import get_exporter
from govkg.graph.load import load_graph
from govkg.graph.output import CACHE_DIR
from govkg.ontology.namespaces import GOVKG
from govkg.pipeline import build

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FILES = ("graph.trig", "graph.ttl", "graph.html")


def files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


def quads(path: Path, fmt) -> set[str]:
    store = ox.Store()
    store.load(path=str(path), format=fmt)
    return {str(q) for q in store}


def triples(path: Path, fmt) -> set[tuple]:
    return {(q.subject, q.predicate, q.object) for q in ox.parse(path=str(path), format=fmt)}


@pytest.fixture
def corpus(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for f in sorted(SEEDS.glob("*.txt"))[:4]:
        shutil.copy(f, src / f.name)
    return src


def test_incremental_build_equals_clean_build(corpus, tmp_path):
    out = tmp_path / "out"
    first = build([corpus], out)
    assert (first.added, first.unchanged) == (4, 0)

    again = build([corpus], out)
    assert (again.added, again.unchanged, again.removed) == (0, 4, 0)

    docs = sorted(corpus.glob("*.txt"))
    docs[0].unlink()                                                   # deleted
    docs[1].write_text(docs[1].read_text(encoding="utf-8") + "\n新增一句：推进卧龙湖大桥建设。",
                       encoding="utf-8")                               # changed
    shutil.copy(SEEDS / "004_1232a80a64beaf63.txt", corpus / "004_1232a80a64beaf63.txt")  # added
    step = build([corpus], out)
    assert (step.added, step.unchanged, step.removed) == (2, 2, 1)

    clean = build([corpus], tmp_path / "clean")
    assert files(out) == files(tmp_path / "clean")
    assert "卧龙湖大桥" in (out / "graph.trig").read_text(encoding="utf-8")
    assert docs[0].stem not in (out / "graph.trig").read_text(encoding="utf-8")
    assert step.stats.triples == clean.stats.triples == len(quads(out / "graph.trig", ox.RdfFormat.TRIG))


def test_unchanged_build_reads_nothing_and_writes_the_same_bytes(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    before = files(out)
    again = build([corpus], out)
    assert again.added == 0 and again.unchanged == 4
    assert files(out) == before
    assert again.stats.entities == build([corpus], tmp_path / "fresh").stats.entities


def test_unchanged_files_are_not_read_and_the_outputs_not_rewritten(corpus, tmp_path, monkeypatch):
    import govkg.pipeline as pipeline

    out = tmp_path / "out"
    build([corpus], out)
    times = {name: (out / name).stat().st_mtime_ns for name in FILES}
    read = []
    real = pipeline.load_document
    monkeypatch.setattr(pipeline, "load_document", lambda item, *rest: read.append(item) or real(item, *rest))
    again = build([corpus], out)
    assert read == [] and again.unchanged == 4
    assert {name: (out / name).stat().st_mtime_ns for name in FILES} == times
    assert again.stats.entities == build([corpus], tmp_path / "fresh").stats.entities


def test_a_file_saved_again_unchanged_is_read_but_not_extracted(corpus, tmp_path, monkeypatch):
    import os

    import govkg.pipeline as pipeline

    out = tmp_path / "out"
    build([corpus], out)
    before = files(out)
    doc = sorted(corpus.glob("*.txt"))[0]
    os.utime(doc, ns=(doc.stat().st_atime_ns, doc.stat().st_mtime_ns + 10**9))
    extracted = []
    real = pipeline.extract
    monkeypatch.setattr(pipeline, "extract", lambda *a: extracted.append(a) or real(*a))
    again = build([corpus], out)
    assert again.unchanged == 4 and again.added == 0 and extracted == []
    assert files(out) == before


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_parallel_build_equals_serial_build(corpus, tmp_path, monkeypatch, start):
    import multiprocessing

    import govkg.pipeline as pipeline

    used = []
    monkeypatch.setattr(pipeline, "_start_method",
                        lambda may_fork: used.append(start) or multiprocessing.get_context(start))
    serial = build([corpus], tmp_path / "serial", jobs=1)
    parallel = build([corpus], tmp_path / "parallel", jobs=2)
    assert parallel.added == serial.added == 4 and used == [start]
    assert files(tmp_path / "serial") == files(tmp_path / "parallel")


def test_parallel_build_of_many_documents_keeps_their_order(tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    lines = [line for line in (SEEDS / "001_b22b28e224b33268.txt").read_text(encoding="utf-8").splitlines()
             if len(line) > 40][:30]
    for i, line in enumerate(lines):  # more documents than the tail of single ones: batches of four as well
        (src / f"{i:02d}.txt").write_text(f"沿滩区政府工作报告\n{line}\n", encoding="utf-8")
    serial = build([src], tmp_path / "serial", jobs=1)
    parallel = build([src], tmp_path / "parallel", jobs=2)
    assert serial.documents == parallel.documents == len(lines) > 20
    assert files(tmp_path / "serial") == files(tmp_path / "parallel")


@pytest.mark.parametrize("jobs", [2, 3, 8])
def test_batches_hold_every_input_once_in_order(jobs):
    from govkg.pipeline import _batches

    for n in range(0, 90):
        work = list(range(n))
        batches = _batches(work, jobs)
        assert [x for b in batches for x in b] == work, n
        assert all(1 <= len(b) <= 4 for b in batches)


def test_workers_are_forked_only_when_no_other_thread_runs(monkeypatch):
    import sys
    import threading

    import govkg.pipeline as pipeline

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert pipeline._start_method().get_start_method() == "fork"
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert pipeline._start_method().get_start_method() == "spawn"
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert pipeline._start_method(may_fork=False).get_start_method() == "spawn"  # a store is open
    monkeypatch.setattr(sys, "platform", "darwin")
    assert pipeline._start_method().get_start_method() == "spawn"


def test_merged_turtle_is_the_union_of_the_document_graphs(seeds_out):
    """Each triple once, and each entity's confidence once: the highest its documents give it."""
    confidence = ox.NamedNode(str(GOVKG.confidence))
    union, merged = triples(seeds_out / "graph.trig", ox.RdfFormat.TRIG), triples(seeds_out / "graph.ttl", ox.RdfFormat.TURTLE)
    assert {t for t in union if t[1] != confidence} == {t for t in merged if t[1] != confidence}
    best: dict = {}
    for s, p, o in union:
        if p == confidence:
            best[s] = max(best.get(s, 0.0), float(o.value))
    assert {s: float(o.value) for s, p, o in merged if p == confidence} == best
    assert len([s for s, p, _ in union if p == confidence]) > len(best)  # some entity is named by two documents
    text = (seeds_out / "graph.ttl").read_text(encoding="utf-8")
    assert text.count("\n<https://w3id.org/govkg/id/region/511111> ") == 1  # each entity described once


def test_build_page_equals_the_page_exported_from_the_graph(seeds_out, tmp_path):
    get_exporter("html")(load_graph(seeds_out), tmp_path / "export.html")
    assert (tmp_path / "export.html").read_bytes() == (seeds_out / "graph.html").read_bytes()


def test_edited_outputs_make_a_full_rebuild(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    good = files(out)
    with open(out / "graph.trig", "a", encoding="utf-8") as fh:
        fh.write("# edited by hand\n")
    again = build([corpus], out)
    assert again.added == 4 and again.unchanged == 0
    assert files(out) == good


def test_nothing_readable_writes_nothing(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = build([bad], tmp_path / "out")
    assert result.stats is None and len(result.errors) == 1
    assert not (tmp_path / "out").exists()


def test_failed_build_keeps_the_earlier_one(corpus, tmp_path, monkeypatch):
    import govkg.graph.output as output

    out = tmp_path / "out"
    build([corpus], out)
    good = files(out)
    (corpus / "new.txt").write_text("新区推进卧龙湖大桥建设。", encoding="utf-8")

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", broken)
    with pytest.raises(Exception, match="No space left"):
        build([corpus], out)
    monkeypatch.undo()
    assert files(out) == good
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    assert build([corpus], out).unchanged == 4  # the record still describes the earlier build


def test_store_follows_the_build(corpus, tmp_path):
    out, store = tmp_path / "out", tmp_path / "store"
    build([corpus], out, store_dir=store)
    sorted(corpus.glob("*.txt"))[0].unlink()
    build([corpus], out, store_dir=store)
    db = ox.Store.read_only(str(store / "oxigraph"))
    named = {str(q) for q in db if q.graph_name != ox.DefaultGraph()}
    assert named == quads(out / "graph.trig", ox.RdfFormat.TRIG) and len(named) > 1000
    union = {(q.subject, q.predicate, q.object) for q in db.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert union == triples(out / "graph.ttl", ox.RdfFormat.TURTLE)


def test_a_store_left_halfway_is_repaired_by_the_next_build(corpus, tmp_path):
    out, store = tmp_path / "out", tmp_path / "store"
    build([corpus], out, store_dir=store)
    db = ox.Store(str(store / "oxigraph"))
    first = next(iter(db.named_graphs()))
    db.remove_graph(first)  # as if a build had stopped while loading it
    del db
    (store / "WRITING").write_text("a build is writing this store\n", encoding="utf-8")
    again = build([corpus], out, store_dir=store)
    assert again.added == 0 and not (store / "WRITING").exists()
    db = ox.Store.read_only(str(store / "oxigraph"))
    assert {str(q) for q in db if q.graph_name != ox.DefaultGraph()} == quads(out / "graph.trig", ox.RdfFormat.TRIG)


def test_a_damaged_record_means_a_full_build(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    (out / CACHE_DIR / "build.sqlite").write_bytes(b"not a database at all " * 100)
    again = build([corpus], out)
    assert again.added == 4 and again.stats is not None
    assert build([corpus], out).unchanged == 4  # the new record works


def test_a_damaged_summary_in_the_record_is_a_clear_error_and_changes_nothing(corpus, tmp_path):
    import sqlite3

    from govkg.errors import OutputError

    out = tmp_path / "out"
    build([corpus], out)
    good = files(out)
    db = sqlite3.connect(out / CACHE_DIR / "build.sqlite")
    db.execute("UPDATE docs SET summary = ? WHERE rowid = (SELECT MIN(rowid) FROM docs)", (b"\x00garbage",))
    db.commit()
    db.close()
    (corpus / "new.txt").write_text("新区推进卧龙湖大桥建设。", encoding="utf-8")  # so the unchanged are copied
    with pytest.raises(OutputError, match=r"build\.sqlite: damaged .*remove \.govkg/ to rebuild"):
        build([corpus], out)
    assert files(out) == good


def test_two_builds_into_one_folder_at_once_is_a_clear_error(corpus, tmp_path):
    import sqlite3

    from govkg.errors import OutputError

    out = tmp_path / "out"
    build([corpus], out)
    other = sqlite3.connect(out / CACHE_DIR / "build.sqlite", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # as another build holds it
    try:
        with pytest.raises(OutputError, match="another build is writing this folder"):
            build([corpus], out)
    finally:
        other.execute("ROLLBACK")
        other.close()


def test_build_record_lives_in_the_out_folder(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    assert (out / CACHE_DIR / "build.sqlite").is_file()
    shutil.rmtree(out / CACHE_DIR)
    assert build([corpus], out).added == 4  # without the record every document is built again



def _open_at_once(barrier, results, out: Path) -> None:
    import time

    from govkg.errors import GovkgError
    from govkg.graph.output import BuildOutput

    real_mkdir = Path.mkdir

    def slow_mkdir(self, *args, **kwargs):  # a slow file system: every build finds the folder missing, then makes it
        time.sleep(0.3)
        return real_mkdir(self, *args, **kwargs)

    Path.mkdir = slow_mkdir
    barrier.wait()
    try:
        with BuildOutput(out, html=False) as output:
            time.sleep(1.5)  # longer than a build waits for the record (1 s)
            output.finish()
        results.put("built")
    except GovkgError as exc:
        results.put(str(exc))
    except BaseException as exc:  # noqa: BLE001 - reported to the test, which fails on it
        results.put(f"{type(exc).__name__}: {exc}")


def test_25_builds_into_one_new_folder_at_once_build_or_get_the_lock_message(tmp_path):
    """Issue 19: some of 25 simultaneous builds said 'cannot create the build folder (File exists)'. One builds,
    the others are refused with the lock message, and none removes the folder the one is writing."""
    import multiprocessing

    out = tmp_path / "out"
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(25), ctx.Queue()
    procs = [ctx.Process(target=_open_at_once, args=(barrier, results, out)) for _ in range(25)]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    lock = f"{out / CACHE_DIR / 'build.sqlite'}: another build is writing this folder"
    assert set(outcomes) == {"built", lock}, set(outcomes)
    assert outcomes.count("built") == 1
    assert (out / "graph.trig").is_file() and (out / CACHE_DIR / "build.sqlite").is_file()


_KILLED_AFTER_THE_PAGE = """
import os, signal, sys
import govkg.export.html as page
from govkg.pipeline import build

real = page.write_network

def then_killed(*args, **kwargs):  # the new graph.html is in place; graph.trig and graph.ttl are not yet
    real(*args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)

page.write_network = then_killed
build([sys.argv[1]], sys.argv[2])
"""


def test_a_page_newer_than_its_graph_is_written_again(corpus, tmp_path):
    """Issue 19's stale page: a build killed after its new graph.html is in place but before graph.trig, then the
    previous inputs restored: the next build must not find 'nothing to build' and leave the killed build's page."""
    import subprocess
    import sys

    out = tmp_path / "out"
    build([corpus], out)
    good = files(out)
    extra = corpus / "extra.txt"
    shutil.copy(sorted(SEEDS.glob("*.txt"))[-1], extra)
    killed = subprocess.run([sys.executable, "-c", _KILLED_AFTER_THE_PAGE, str(corpus), str(out)], timeout=600)
    assert killed.returncode == -9
    assert (out / "graph.html").read_bytes() != good["graph.html"]  # the killed build's page, over the old graph
    assert (out / "graph.trig").read_bytes() == good["graph.trig"]
    extra.unlink()  # the inputs of the build before
    again = build([corpus], out)
    assert files(out) == good
    assert again.unchanged == 4 and again.added == 0  # the documents were not read again: only the page was wrong


def test_a_missing_output_is_written_again(corpus, tmp_path):
    out = tmp_path / "out"
    build([corpus], out)
    good = files(out)
    for name in FILES:
        (out / name).unlink()
        build([corpus], out)
        assert files(out) == good, name


def test_a_build_too_large_for_memory_spills_its_union_and_drops_its_page(tmp_path, monkeypatch) -> None:
    """Past SPILL_PAIRS united statements the union goes to a file, and past PAGE_MAX_ENTITIES the page's data is
    dropped: graph.ttl and the counts are the same, no page is left (not even an earlier one), nor the file."""
    from click.testing import CliRunner

    from govkg.cli import main
    from govkg.graph import merge

    small, large = tmp_path / "small", tmp_path / "large"
    assert build([SEEDS], small).documents == 5
    monkeypatch.setattr(merge, "SPILL_PAIRS", 50)
    monkeypatch.setattr(merge, "PAGE_MAX_ENTITIES", 100)
    spilled: list[str] = []
    real_spill = merge.EntityUnion._spill

    def spill(self) -> None:
        real_spill(self)
        spilled.append(str(self._path))
        assert self._path.parent == large / ".govkg"  # beside the build, not in the system's temp folder

    monkeypatch.setattr(merge.EntityUnion, "_spill", spill)
    large.mkdir()
    (large / "graph.html").write_text("an earlier build's page", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(large), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "graph.html: not written: " in result.stderr and "more than a page can show (at most 100)" in result.stderr
    assert len(spilled) == 1 and not Path(spilled[0]).exists()
    assert (large / "graph.ttl").read_bytes() == (small / "graph.ttl").read_bytes()
    assert (large / "graph.trig").read_bytes() == (small / "graph.trig").read_bytes()
    assert not (large / "graph.html").exists()
    again = CliRunner().invoke(main, ["build", str(SEEDS), "--out", str(large), "--jobs", "1"])
    assert again.exit_code == 0 and "nothing to build" in again.stdout  # a dropped page is not a missing one
    assert not list((large / ".govkg").glob(merge.UNION_PREFIX + "*"))


def test_a_build_without_page_that_changes_the_graph_removes_the_earlier_page(corpus, tmp_path) -> None:
    """A --no-html build that changes the graph takes the earlier build's page away (it would show a graph that is
    gone) and says so; one that changes nothing leaves it."""
    from click.testing import CliRunner

    from govkg.cli import main

    out = tmp_path / "out"
    build([corpus], out)
    page = (out / "graph.html").read_bytes()
    same = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--jobs", "1", "--no-html"])
    assert same.exit_code == 0 and (out / "graph.html").read_bytes() == page and "removed" not in same.stderr
    first = sorted(corpus.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\n推进卧龙湖大桥建设。", encoding="utf-8")
    changed = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--jobs", "1", "--no-html"])
    assert changed.exit_code == 0, changed.output
    assert not (out / "graph.html").exists()
    assert "graph.html: removed: it showed the graph before this build" in changed.stderr
    again = CliRunner().invoke(main, ["build", str(corpus), "--out", str(out), "--jobs", "1"])
    assert again.exit_code == 0 and (out / "graph.html").is_file()


def test_divisions_a_document_does_not_name_are_no_regions_of_it(tmp_path):
    from rdflib import RDF, URIRef

    from govkg.ontology.namespaces import ENTITY_BASE
    from govkg.query import ready_queries, run_query

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("芦山县推进灾后重建，发展茶叶产业。\n", encoding="utf-8")
    out = tmp_path / "out"
    build([docs], out, html=False)
    lushan, yaan, sichuan = (URIRef(f"{ENTITY_BASE}region/{code}") for code in ("511826", "511800", "510000"))

    def kinds(g, iri) -> set[str]:
        return {str(t).rsplit("#", 1)[-1] for t in g.objects(iri, RDF.type)}

    g = load_graph(out / "graph.trig")
    assert kinds(g, lushan) == {"Region"}
    assert kinds(g, yaan) == kinds(g, sichuan) == {"Division"}  # the hierarchy is whole, but the text names neither
    assert (lushan, GOVKG.locatedIn, sichuan) in g
    result = run_query(g, ready_queries()["region-hierarchy"], {"region": "四川省"})
    path = result.columns.index("path")
    assert [str(row[path]) for row in result.rows] == ["芦山县 → 雅安市 → 四川省"]
    # a second document names the province: a Region in the united graph, no longer a Division
    (docs / "b.txt").write_text("四川省加快建设成渝地区双城经济圈。\n", encoding="utf-8")
    build([docs], out, html=False)
    united = load_graph(out / "graph.ttl")
    assert kinds(united, sichuan) == {"Region"} and kinds(united, yaan) == {"Division"}
