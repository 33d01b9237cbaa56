"""Orchestration only: find inputs, run the per-document step, collect the graph."""

from __future__ import annotations

import logging
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Dataset

from govkg.errors import InputError
from govkg.extractors import extract
from govkg.extractors.base import Resources
from govkg.graph.rdf import build_dataset
from govkg.model import DocFacts
from govkg.text.document import make_document, sentences_of
from govkg.text.read import read_text
from govkg.text.script import ScriptFolder

log = logging.getLogger(__name__)

INPUT_SUFFIXES = (".txt", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    doc_id: str


@dataclass
class BuildResult:
    dataset: Dataset
    facts: list[DocFacts]
    errors: list[InputError] = field(default_factory=list)
    seconds: float = 0.0

    def entity_counts(self) -> Counter:
        """Distinct entities per type over the whole build."""
        refs = {ref for f in self.facts for ref in f.entities}
        return Counter(ref.type for ref in refs)


def find_inputs(paths: Iterable[Path | str]) -> tuple[list[InputFile], list[InputError]]:
    """Expand files and folders into input files (sorted, each with a unique doc id)."""
    files: list[Path] = []
    errors: list[InputError] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in INPUT_SUFFIXES)
            if not found:
                errors.append(InputError(p, "folder holds no .txt, .html or .htm files"))
            files.extend(found)
        elif p.is_file():
            if p.suffix.lower() not in INPUT_SUFFIXES:
                errors.append(InputError(p, f"unsupported file type {p.suffix or '(none)'}; "
                                            "expected .txt, .html or .htm"))
            else:
                files.append(p)
        else:
            errors.append(InputError(p, "no such file or folder"))
    out: list[InputFile] = []
    used: Counter = Counter()
    for f in dict.fromkeys(files):  # drop repeats, keep order
        base = _slug(f.stem)
        used[base] += 1
        out.append(InputFile(f, base if used[base] == 1 else f"{base}-{used[base]}"))
    return out, errors


def process_file(item: InputFile, resources: Resources) -> DocFacts:
    """The pure per-document step: read, normalise, split, extract."""
    text = read_text(item.path)
    folder = resources.get("script_folder", ScriptFolder)
    doc = make_document(text, path=str(item.path), doc_id=item.doc_id, folder=folder)
    return extract(doc, sentences_of(doc), resources)


def iter_facts(items: list[InputFile], errors: list[InputError],
               resources: Resources | None = None) -> Iterator[DocFacts]:
    """Facts of each readable input; unreadable ones are appended to ``errors``."""
    resources = resources or Resources()
    for item in items:
        try:
            yield process_file(item, resources)
        except InputError as exc:
            errors.append(exc)
        except Exception as exc:  # a bug must not cost the user the other documents
            log.debug("extraction failed on %s", item.path, exc_info=True)
            errors.append(InputError(item.path, f"internal error while extracting ({exc.__class__.__name__}: {exc}); "
                                                "please report it"))


def build(paths: Iterable[Path | str], progress: Callable[[int], None] | None = None) -> BuildResult:
    """Build the graph of every input under ``paths``.

    ``progress`` is called once with the number of inputs (negative) and then
    once per input processed, with that input's number.
    """
    t0 = time.perf_counter()
    items, errors = find_inputs(paths)
    if progress:
        progress(-len(items))
    facts: list[DocFacts] = []
    n_errors = len(errors)
    for n, f in enumerate(iter_facts(items, errors), 1):
        facts.append(f)
        if progress:
            progress(n + len(errors) - n_errors)
    dataset = build_dataset(facts)
    return BuildResult(dataset=dataset, facts=facts, errors=errors, seconds=time.perf_counter() - t0)


def _slug(stem: str) -> str:
    return re.sub(r"[\s/\\?#%]+", "_", stem).strip("_") or "document"
