"""No absolute path in any output (issue 18 item 6): each document's ``govkg:sourcePath`` is its path below the
folder holding the PATH it was found through (``--source-paths relative``, the default) or left out (``none``);
the build record keeps the real path. Checked in the build's files, every export, a store and govkg serve's pages."""

from __future__ import annotations

import csv
import io
import json
import shutil
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset

from govkg.cli import main
from govkg.export import EXPORTERS
from govkg.graph.output import CACHE_DIR, recorded_sources
from govkg.inputs import find_inputs
from govkg.ontology.namespaces import GOVKG
from govkg.pipeline import build

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
FILES = ("graph.trig", "graph.ttl", "graph.html")


def source_paths(out: Path) -> dict[str, str]:
    """Document IRI -> its govkg:sourcePath in the build ``out``'s graph.trig."""
    ds = Dataset(default_union=True)
    ds.parse(out / "graph.trig", format="trig")
    return {str(d): str(p) for d, p in ds.subject_objects(GOVKG.sourcePath)}


def files(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in FILES}


def private(tmp_path: Path) -> list[str]:
    """The absolute paths no output may hold: the test's folder (as named and as resolved) and the home folder."""
    return sorted({str(tmp_path), str(tmp_path.resolve()), str(Path.home())})


def holding(folder: Path, paths: list[str], skip: tuple[Path, ...] = ()) -> list[str]:
    """The files under ``folder`` (but those under ``skip``) whose bytes hold one of ``paths``, with the path."""
    found = []
    for f in sorted(folder.rglob("*")):
        if f.is_file() and not any(f.is_relative_to(s) for s in skip):
            data = f.read_bytes()
            found += [f"{f}: {p}" for p in paths if p.encode("utf-8") in data]
    return found


def test_a_folder_publishes_its_files_below_its_parent_and_a_file_its_name(tmp_path: Path) -> None:
    top = tmp_path / "reports"
    (top / "2023" / "q1").mkdir(parents=True)
    (top / "2023" / "q1" / "a.txt").write_text("x", encoding="utf-8")
    (top / "b.htm").write_text("x", encoding="utf-8")
    (tmp_path / "c.txt").write_text("x", encoding="utf-8")
    items, errors = find_inputs([top, tmp_path / "c.txt"])
    assert errors == []
    assert [i.shown for i in items] == ["reports/2023/q1/a.txt", "reports/b.htm", "c.txt"]
    assert [i.path for i in items] == [top / "2023" / "q1" / "a.txt", top / "b.htm", tmp_path / "c.txt"]


def test_a_folder_given_as_dot_or_with_dots_publishes_its_own_name(tmp_path: Path, monkeypatch) -> None:
    top = tmp_path / "reports"
    top.mkdir()
    (top / "a.txt").write_text("x", encoding="utf-8")
    monkeypatch.chdir(top)
    assert [i.shown for i in find_inputs([Path(".")])[0]] == ["reports/a.txt"]
    assert [i.shown for i in find_inputs([top / ".." / "reports"])[0]] == ["reports/a.txt"]


def test_inputs_of_one_name_under_two_paths_publish_distinct_paths(tmp_path: Path) -> None:
    for where in ("a/reports", "b/reports", "c", "d", "2023", "2024"):
        (tmp_path / where).mkdir(parents=True)
        (tmp_path / where / "x.txt").write_text(where, encoding="utf-8")
    items, _ = find_inputs([tmp_path / "a" / "reports", tmp_path / "b" / "reports", tmp_path / "c" / "x.txt",
                            tmp_path / "d" / "x.txt", tmp_path / "2023", tmp_path / "2024"])
    assert [i.shown for i in items] == ["a/reports/x.txt", "b/reports/x.txt", "c/x.txt", "d/x.txt",
                                        "2023/x.txt", "2024/x.txt"]
    assert len({i.doc_id for i in items}) == 6


def test_two_folders_of_one_name_build_two_documents_with_distinct_sources(tmp_path: Path) -> None:
    for where, seed in (("a", SEED_FILES[0]), ("b", SEED_FILES[1])):
        (tmp_path / where / "reports").mkdir(parents=True)
        shutil.copy(seed, tmp_path / where / "reports" / "x.txt")
    result = build([tmp_path / "a" / "reports", tmp_path / "b" / "reports"], tmp_path / "out", jobs=1, html=False)
    assert result.documents == 2 and not result.errors
    assert sorted(source_paths(tmp_path / "out").values()) == ["a/reports/x.txt", "b/reports/x.txt"]


@pytest.mark.parametrize("engine", [{"jobs": 2}, {"scheduler": "local:2"}])
def test_workers_publish_the_same_paths_byte_for_byte(tmp_path: Path, engine: dict) -> None:
    """The published path is decided where the inputs are found; a worker process or a Dask worker builds the same
    bytes as one process, for two folders of one name and with --source-paths none."""
    for where, seeds in (("a", SEED_FILES[:2]), ("b", SEED_FILES[2:4])):
        (tmp_path / where / "reports").mkdir(parents=True)
        for n, seed in enumerate(seeds):
            shutil.copy(seed, tmp_path / where / "reports" / f"{n}.txt")
    paths = [tmp_path / "a" / "reports", tmp_path / "b" / "reports"]
    for setting in ("relative", "none"):
        one = build(paths, tmp_path / f"one-{setting}", jobs=1, source_paths=setting)
        other = build(paths, tmp_path / f"other-{setting}", source_paths=setting, **engine)
        assert one.added == other.added == 4 and not other.errors
        assert files(tmp_path / f"one-{setting}") == files(tmp_path / f"other-{setting}")
    assert sorted(source_paths(tmp_path / "other-relative").values()) == [
        "a/reports/0.txt", "a/reports/1.txt", "b/reports/0.txt", "b/reports/1.txt"]
    assert source_paths(tmp_path / "other-none") == {}


def test_source_paths_none_publishes_none_and_the_record_keeps_the_real_path(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEED_FILES[0], src / "a.txt")
    out = tmp_path / "out"
    result = build([src], out, jobs=1, html=False, source_paths="none")
    assert result.documents == 1
    assert source_paths(out) == {}
    assert b"sourcePath" not in (out / "graph.trig").read_bytes() + (out / "graph.ttl").read_bytes()
    assert list(recorded_sources(out).values()) == [str(src / "a.txt")]  # govkg review reopens the file by it
    with pytest.raises(ValueError, match="relative, none"):
        build([src], out, source_paths="absolute")


def test_what_is_published_changing_rebuilds_and_equals_a_clean_build(tmp_path: Path) -> None:
    """--source-paths switched, or the same files reached through another PATH: every document whose published path
    changes is built again, and the files equal a clean build's; building again changes nothing."""
    src = tmp_path / "in"
    src.mkdir()
    for seed in SEED_FILES[:3]:
        shutil.copy(seed, src / seed.name)
    out = tmp_path / "out"
    steps = [([src], "relative", [f"in/{f.name}" for f in SEED_FILES[:3]]),
             ([src], "none", []),
             ([src], "relative", [f"in/{f.name}" for f in SEED_FILES[:3]]),
             ([tmp_path], "relative", [f"{tmp_path.name}/in/{f.name}" for f in SEED_FILES[:3]]),
             ([src / f.name for f in SEED_FILES[:3]], "relative", [f.name for f in SEED_FILES[:3]])]
    for n, (paths, setting, expected) in enumerate(steps):
        step = build(paths, out, jobs=1, source_paths=setting)
        assert (step.added, step.unchanged) == (3, 0), (n, setting)
        assert sorted(source_paths(out).values()) == expected
        clean = tmp_path / f"clean{n}"
        build(paths, clean, jobs=1, source_paths=setting)
        assert files(out) == files(clean), (n, setting)
        again = build(paths, out, jobs=1, source_paths=setting)
        assert (again.added, again.unchanged) == (0, 3)
        assert files(out) == files(clean)


def test_only_the_document_whose_published_path_changes_is_built_again(tmp_path: Path) -> None:
    """Two PATHs: adding a third folder of one of their names, holding a file of the same name, gives both folders'
    files longer published paths; the document of the other folder is kept as it was."""
    for where, seed, name in (("a/reports", SEED_FILES[0], "x.txt"), ("other", SEED_FILES[1], "y.txt"),
                              ("b/reports", SEED_FILES[2], "x.txt"), ("b/reports", SEED_FILES[3], "z.txt")):
        (tmp_path / where).mkdir(parents=True, exist_ok=True)
        shutil.copy(seed, tmp_path / where / name)
    out = tmp_path / "out"
    first = build([tmp_path / "a" / "reports", tmp_path / "other"], out, jobs=1, html=False)
    assert sorted(source_paths(out).values()) == ["other/y.txt", "reports/x.txt"]
    second = build([tmp_path / "a" / "reports", tmp_path / "other", tmp_path / "b" / "reports"], out, jobs=1,
                   html=False)
    assert (first.added, second.added, second.unchanged) == (2, 3, 1)  # b's are new, a's published path changed
    assert sorted(source_paths(out).values()) == ["a/reports/x.txt", "b/reports/x.txt", "b/reports/z.txt",
                                                  "other/y.txt"]
    clean = tmp_path / "clean"
    build([tmp_path / "a" / "reports", tmp_path / "other", tmp_path / "b" / "reports"], clean, jobs=1, html=False)
    assert (out / "graph.trig").read_bytes() == (clean / "graph.trig").read_bytes()


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, Path]:
    """The seeds copied under a temporary folder, built from there by the CLI with a store: (top, out, store)."""
    top = tmp_path_factory.mktemp("private-place")
    src = top / "reports"
    (src / "2023").mkdir(parents=True)
    for seed in SEED_FILES:
        shutil.copy(seed, src / "2023" / seed.name)
    out, store = top / "out", top / "store"
    result = CliRunner().invoke(main, ["build", str(src), "--out", str(out), "--store", str(store), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return top, out, store


def test_the_build_publishes_relative_paths(built) -> None:
    top, out, _ = built
    assert sorted(source_paths(out).values()) == [f"reports/2023/{f.name}" for f in SEED_FILES]
    assert recorded_sources(out)  # the record (not for publishing) does hold the real paths
    assert all(Path(p).is_absolute() and Path(p).is_file() for p in recorded_sources(out).values())


def test_no_output_or_export_holds_an_absolute_path(built, tmp_path) -> None:
    top, out, store = built
    paths = private(top) + private(tmp_path)
    assert holding(out, paths, skip=(out / CACHE_DIR,)) == []
    assert holding(out / CACHE_DIR, [str(top)])  # the check finds a path where there is one
    exports = tmp_path / "exports"
    for fmt in sorted(EXPORTERS):
        target = exports / fmt / ("folder" if fmt in ("neo4j", "csv") else f"graph.{fmt}")
        target.parent.mkdir(parents=True)
        result = CliRunner().invoke(main, ["export", str(out), "--to", fmt, "--out", str(target)])
        assert result.exit_code == 0, (fmt, result.output)
    assert {p.name for p in exports.iterdir()} == set(EXPORTERS)
    assert all(any(f.stat().st_size for f in (exports / fmt).rglob("*") if f.is_file()) for fmt in EXPORTERS)
    assert holding(exports, paths) == []
    assert "reports/2023/" in (exports / "nq" / "graph.nq").read_text(encoding="utf-8")


def test_the_store_holds_no_absolute_path(built) -> None:
    """Every quad of the store, as govkg query gives it (the store's own database files are not for publishing)."""
    top, _, store = built
    result = CliRunner().invoke(main, ["query", str(store), "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
                                       "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert len(rows) > 1000
    assert [r for r in rows if any(p in cell for cell in r for p in private(top))] == []
    assert sorted(r[3] for r in rows if r[2] == str(GOVKG.sourcePath)) == [
        f"reports/2023/{f.name}" for f in SEED_FILES]


def test_serve_pages_show_no_absolute_path(built, serving_app) -> None:
    top, out, _ = built
    q = urllib.parse.quote
    sparql = "PREFIX govkg: <https://w3id.org/govkg/ontology#> SELECT ?d ?p WHERE { ?d govkg:sourcePath ?p }"
    with serving_app(out, timeout=10.0) as (base, app):
        by_type: dict[str, str] = {}
        for node in app.data["nodes"]:
            by_type.setdefault(str(node.get("type")), node["id"])
        urls = ["/", "/search?q=" + q("沙湾"), "/query", "/sparql?query=" + q(sparql)]
        urls += [f"/entity?id={q(i, safe='')}" for i in by_type.values()]
        urls += [f"/network?id={q(i, safe='')}" for i in list(by_type.values())[:2]]
        pages = {}
        for url in urls:
            req = urllib.request.Request(base + url, headers={"Accept": "application/sparql-results+json"})
            with urllib.request.urlopen(req, timeout=60) as resp:
                pages[url] = resp.read().decode("utf-8")
    assert len(by_type) >= 5
    assert [(u, p) for u, body in pages.items() for p in private(top) if p in body] == []
    answer = json.loads(pages["/sparql?query=" + q(sparql)])
    assert sorted(b["p"]["value"] for b in answer["results"]["bindings"]) == [
        f"reports/2023/{f.name}" for f in SEED_FILES]


def test_build_help_and_readme_name_the_option() -> None:
    help_text = CliRunner().invoke(main, ["build", "--help"]).output
    assert "--source-paths [relative|none]" in help_text
    readme = (SEEDS.parent / "README.md").read_text(encoding="utf-8")
    assert "--source-paths relative|none" in readme or "--source-paths relative\\|none" in readme
