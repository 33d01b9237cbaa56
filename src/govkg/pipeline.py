"""Orchestration only: find inputs, run the per-document step, collect the graph."""

from __future__ import annotations

import contextlib
import gc
import logging
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import lru_cache, partial
from pathlib import Path
from typing import TypeVar

from govkg.curation import DEFAULT_NAME as CURATION_FILE
from govkg.curation import Curation, read_curation
from govkg.curation.apply import apply_curation
from govkg.decide import keep_confident
from govkg.errors import InputError
from govkg.extractors import extract
from govkg.extractors.base import Resources
from govkg.graph.buildstore import BuildStore
from govkg.graph.output import BuildOutput, DocPart, OutputStats, file_stamp
from govkg.inputs import InputFile, find_inputs
from govkg.model import DocFacts, Document
from govkg.pieces import MAX_DOC_MB, bounds, joined, piece, placed
from govkg.text.document import make_document, sentences_of
from govkg.text.read import read_file
from govkg.text.script import ScriptFolder
from govkg.workers import Died, InOrder

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class DocOutput:
    """What the per-document step hands back: picklable, the document's text stays in the worker."""

    doc_id: str
    path: str  # the file read, as found (the build record keeps it; messages name it)
    source: str  # the path the graph publishes (InputFile.shown)
    content_hash: str
    chars: int
    part: DocPart | None  # None: the document is unchanged since the last build
    replaced: int = 0  # bytes of the file that could not be decoded (U+FFFD stands for them)


@dataclass
class BuildResult:
    """What a build did. ``stats`` is None when no document could be read (and nothing was written).

    ``warnings``: one line for each document built in spite of a fault in its file (undecodable bytes).
    """

    errors: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    added: int = 0
    unchanged: int = 0
    chars: int = 0
    seconds: float = 0.0
    stats: OutputStats | None = None

    @property
    def documents(self) -> int:
        return self.added + self.unchanged

    @property
    def removed(self) -> int:
        return self.stats.removed if self.stats else 0


def load_document(item: InputFile, resources: Resources, data: bytes | None = None) -> Document:
    """Read, decode and normalise one input file (``data``: its bytes, when they were read already); the document's
    ``path`` is the one the graph publishes (:attr:`~govkg.inputs.InputFile.shown`)."""
    decoded = read_file(item.path, data)
    folder = resources.get("script_folder", ScriptFolder)
    return make_document(decoded.text, path=item.shown, doc_id=item.doc_id, folder=folder,
                         replaced=decoded.replaced)


@dataclass(frozen=True, slots=True)
class Settings:
    """What decides a document's facts besides its text and the code: the user's curation and the
    confidence below which entities are left out."""

    curation: Curation | None = None
    min_confidence: float = 0.0

    def digest(self) -> str:
        """Empty for the defaults; else a short text that changes whenever the output would.

        >>> Settings().digest(), Settings(min_confidence=0.5).digest()
        ('', ' min_confidence=0.5')
        """
        curation = self.curation.digest() if self.curation else ""
        return curation + (f" min_confidence={self.min_confidence:g}" if self.min_confidence else "")

    def apply(self, facts: DocFacts, resources: Resources) -> DocFacts:
        """The curation applied to ``facts``, then entities below the confidence left out (an accepted
        entity is certain, so it stays)."""
        return keep_confident(apply_curation(facts, self.curation, resources), self.min_confidence)


DEFAULT_SETTINGS = Settings()

SOURCE_PATHS = ("relative", "none")
"""What a build may publish as each document's ``govkg:sourcePath`` (see :func:`build`)."""


def process_file(item: InputFile, resources: Resources, settings: Settings = DEFAULT_SETTINGS) -> DocFacts:
    """The pure per-document step: read, normalise, split, extract, apply the curation and the confidence."""
    doc = load_document(item, resources)
    return joined(doc, list(facts_of(doc, resources, settings)))


def facts_of(doc: Document, resources: Resources, settings: Settings = DEFAULT_SETTINGS) -> Iterator[DocFacts]:
    """The facts of ``doc``, a piece at a time (see :mod:`govkg.pieces`): offsets and sentence numbers are in the
    whole document. A document of usual length is one piece."""
    pieces = bounds(doc)
    first_sentence = 0
    for n, (start, end) in enumerate(pieces, 1):
        if len(pieces) > 1:
            log.info("%s: piece %d of %d (characters %d to %d)", doc.path, n, len(pieces), start, end)
        part = piece(doc, start, end)
        facts = settings.apply(extract(part, sentences_of(part), resources), resources)
        yield placed(facts, doc, start, first_sentence)
        first_sentence += len(facts.sentences)


def process_to_output(item: InputFile, resources: Resources, known: tuple[str, str] | None = None,
                      settings: Settings = DEFAULT_SETTINGS, data: bytes | None = None) -> DocOutput:
    """The per-document step as a worker runs it: the document's graph and summary, or nothing when unchanged.

    ``known`` is the (content hash, published source path) the last build recorded for this document; ``data``
    the file's bytes when they were sent (a cluster worker), else the file is read.
    """
    doc = load_document(item, resources, data)
    if known == (doc.content_hash, doc.path):
        return DocOutput(item.doc_id, str(item.path), doc.path, doc.content_hash, len(doc.text), None, doc.replaced)
    return DocOutput(item.doc_id, str(item.path), doc.path, doc.content_hash, len(doc.text),
                     DocPart.of(doc, facts_of(doc, resources, settings)), doc.replaced)


def _guarded(item: InputFile, work: Callable[[], T]) -> T | InputError:
    """Run ``work``; a user's bad file or an extractor bug becomes an InputError for this file only."""
    try:
        return work()
    except InputError as exc:
        return exc
    except Exception as exc:  # a bug must not cost the user the other documents
        log.debug("extraction failed on %s", item.path, exc_info=True)
        return InputError(item.path, f"internal error while extracting ({exc.__class__.__name__}: {exc}); "
                                     "please report it")


Job = tuple[InputFile, tuple[str, str] | None]
"""One input and what the last build recorded of it."""


def run_job(job: Job, settings: Settings = DEFAULT_SETTINGS, data: bytes | None = None) -> DocOutput | InputError:
    """The per-document step of one input, as the build runs it (``data``: the file's bytes, when they were sent);
    each process keeps its own loaded resources."""
    item, known = job
    return _guarded(item, lambda: process_to_output(item, _worker_resources(), known, settings, data))


@lru_cache(maxsize=1)
def _worker_resources() -> Resources:
    return Resources()


GC_THRESHOLDS = (100_000, 50, 100)
"""Collector thresholds while building: a document makes millions of small objects and almost no cycles,
and the default thresholds (700, 10, 10) would scan the long-lived dictionaries again and again."""


@contextlib.contextmanager
def fewer_collections() -> Iterator[None]:
    """Run with :data:`GC_THRESHOLDS`; the caller's thresholds come back afterwards."""
    before = gc.get_threshold()
    gc.set_threshold(*GC_THRESHOLDS)
    try:
        yield
    finally:
        gc.set_threshold(*before)


def _worker_init() -> None:
    gc.set_threshold(*GC_THRESHOLDS)  # a worker process is ours alone


BATCH = 4
"""Consecutive documents a worker takes at a time: neighbours in the input (one county's reports over the
years) share much of their wording, and each worker's memo of jieba cuts (:mod:`govkg.text.segment`)
serves them best when the same worker reads them."""

IN_FLIGHT_PER_JOB = 4
"""How far, in batches per worker, the documents handed out may run ahead of the one being collected:
enough to keep the workers busy while the main process waits on a long document, few enough that
finished outputs never pile up in memory."""

WARM_UP_BYTES = 1_000_000
"""The main process reads the first document itself (see :func:`iter_outputs`) when its file is no larger than
this; a larger one is a worker's, so that whatever happens while reading it costs that document only."""


def _batches(work: list, jobs: int) -> list[list]:
    """``work`` cut, in order, into runs of :data:`BATCH` neighbours, and the last
    ``2 × jobs × BATCH`` or so one by one (so that the workers finish together).

    >>> [len(b) for b in _batches(list(range(11)), 2)]
    [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    >>> [len(b) for b in _batches(list(range(23)), 2)]
    [4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]
    """
    head = max(0, len(work) - 2 * jobs * BATCH) // BATCH * BATCH
    return [work[i:i + BATCH] for i in range(0, head, BATCH)] + [[job] for job in work[head:]]


def iter_outputs(items: list[InputFile], known: dict[str, tuple[str, str]], jobs: int, *, may_fork: bool = True,
                 settings: Settings = DEFAULT_SETTINGS) -> Iterator[DocOutput | InputError]:
    """Outputs of the per-document step for ``items``, in input order, on ``jobs`` worker processes.

    This process reads the first document itself when it is small (see
    :data:`WARM_UP_BYTES`), which loads every dictionary and table the rules
    use (about half a second); where it is safe (``may_fork``, Linux, no other
    thread running) the workers are then forked and start with all of it
    loaded, else they are spawned and load it themselves. A worker that dies
    (out of memory, a signal, a crash in native code) costs only the document
    it was reading: that document's output is an :class:`InputError` saying
    so, and a new worker takes over the rest.
    """
    work = [(item, known.get(item.doc_id)) for item in items]
    run = partial(run_job, settings=settings)
    if jobs <= 1 or len(items) <= 1:
        yield from map(run, work)
        return
    first = run(work[0]) if _size(items[0].path) <= WARM_UP_BYTES else None
    rest = work[1:] if first is not None else work
    batches = _batches(rest, jobs)
    with InOrder(run, batches, min(jobs, len(batches)), context=_start_method(may_fork), initializer=_worker_init,
                 ahead=jobs * IN_FLIGHT_PER_JOB * BATCH) as outputs:
        if first is not None:
            yield first  # the workers are at work now, whatever the caller does with it
        for (item, _), out in zip(rest, outputs):
            yield InputError(item.path, f"{out.reason}; not built") if isinstance(out, Died) else out


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _start_method(may_fork: bool = True):
    """``fork`` on Linux when this process runs no other Python thread (a forked child holds only the forking
    thread, and a lock another thread held would stay locked in it); ``spawn`` otherwise.

    A forked worker never touches what the parent opened (the build record): it extracts and returns
    data, and ends without running the parent's finalisers. A build that keeps a store passes
    ``may_fork=False``: the store's engine runs threads of its own, which Python does not count.
    """
    if may_fork and sys.platform.startswith("linux") and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def default_jobs() -> int:
    """All cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def build(paths: Iterable[Path | str], out_dir: Path | str, *, jobs: int = 1, store_dir: Path | str | None = None,
          html: bool = True, progress: Callable[[int, int], None] | None = None,
          curation_file: Path | str | None = None, min_confidence: float = 0.0,
          max_doc_mb: float | None = MAX_DOC_MB, scheduler: str | None = None,
          source_paths: str = "relative") -> BuildResult:
    """Build the graph of every input under ``paths`` into the folder ``out_dir`` (see :mod:`govkg.graph.output`).

    Incremental: documents unchanged since the last build into ``out_dir`` are
    not read again, changed ones are rebuilt and those no longer among the
    inputs dropped, so the result equals a clean build. ``store_dir`` keeps an
    on-disk store up to date as well. ``progress(done, total)`` is called
    before the first document and after each one. When no document can be
    read, nothing is written and ``stats`` is None.

    The decisions of ``curation_file`` (default: ``curation.tsv`` in
    ``out_dir``, when there is one; see :mod:`govkg.curation`) are applied to
    every document; when they change, every document is built again. A bad
    curation file raises :class:`~govkg.errors.CurationError` before anything is written.
    Entities the learned decision is less sure of than ``min_confidence``
    are left out (changing it, too, builds every document again).

    A file larger than ``max_doc_mb`` MB is not read, and is named among
    the errors (None: no limit). A document of any length below it is read in
    bounded pieces (:mod:`govkg.pieces`).

    ``scheduler``: the per-document step runs on the Dask cluster at this
    address instead of ``jobs`` local processes, ``local:N`` on a Dask cluster
    of N processes started here (:mod:`govkg.cluster`); the files are the
    same. :class:`~govkg.errors.ClusterError` when the cluster cannot be used.

    ``source_paths``: what each document's ``govkg:sourcePath`` holds:
    ``relative`` (its path below the folder holding the PATH argument it
    came through, see :mod:`govkg.inputs`) or ``none`` (no such statement).
    Never an absolute path; the build record keeps the real one. A document
    whose published path changes (this option, or the PATH given) is built again.
    """
    if source_paths not in SOURCE_PATHS:
        raise ValueError(f"source_paths must be one of {', '.join(SOURCE_PATHS)}, not {source_paths!r}")
    t0 = time.perf_counter()
    curation = _curation(out_dir, curation_file)
    settings = Settings(curation or None, min_confidence)
    items, errors = find_inputs(paths, skip=(out_dir, store_dir))
    if source_paths == "none":
        items = [replace(item, source="") for item in items]
    if max_doc_mb is not None:
        items = _within(items, max_doc_mb, errors)
    result = BuildResult(errors=errors)
    store = BuildStore.on_disk(Path(store_dir)) if store_dir is not None else None
    with BuildOutput(out_dir, html=html, store=store, settings=settings.digest()) as output, fewer_collections():
        known = output.known()
        stamps = {item.doc_id: file_stamp(item.path) for item in items}
        # a file with the size and time the last build saw is not read again; another is read and its
        # content compared (a file saved again unchanged is not extracted again either)
        same = {i.doc_id for i in items if i.doc_id in known and stamps[i.doc_id]
                and (known[i.doc_id].path, known[i.doc_id].source, known[i.doc_id].stamp)
                == (str(i.path), i.shown, stamps[i.doc_id])}
        todo = [i for i in items if i.doc_id not in same]
        hashes = {d: (k.content_hash, k.source) for d, k in known.items()}
        if scheduler is not None:
            from govkg import cluster

            outputs = cluster.iter_outputs(scheduler, [(item, hashes.get(item.doc_id)) for item in todo], settings)
        else:
            outputs = iter_outputs(todo, hashes, jobs, may_fork=store is None, settings=settings)
        if progress:
            progress(0, len(items))
        prepared = jobs <= 1 and scheduler is None
        with contextlib.closing(outputs):  # the workers (or the cluster) stop here, before the end is written
            for n, item in enumerate(items, 1):
                out = next(outputs) if item.doc_id not in same else None
                if out is not None and not isinstance(out, InputError) and out.doc_id != item.doc_id:
                    # a bug, never a user's
                    raise RuntimeError(f"outputs out of order: {out.doc_id} for {item.doc_id}")
                if out is not None and not prepared:
                    output.prepare()  # the workers are busy now: the main process would only wait
                    prepared = True
                if out is not None and not isinstance(out, InputError) and out.replaced:
                    result.warnings.append(replaced_warning(out.path, out.replaced))
                if isinstance(out, InputError):
                    errors.append(out)
                elif out is None or out.part is None:
                    output.keep(item.doc_id, stamps[item.doc_id])
                    result.unchanged += 1
                    result.chars += known[item.doc_id].chars
                else:
                    output.add(out.doc_id, out.path, out.source, out.content_hash, stamps[item.doc_id], out.chars,
                               out.part)
                    result.added += 1
                    result.chars += out.chars
                if progress:
                    progress(n, len(items))
        if result.documents:
            result.stats = output.finish()
    result.seconds = time.perf_counter() - t0
    return result


def replaced_warning(path: str, count: int) -> str:
    """The warning for a document built with ``count`` undecodable bytes replaced.

    >>> replaced_warning("t.txt", 1)
    't.txt: 1 byte could not be decoded and was replaced by U+FFFD'
    """
    if count == 1:
        return f"{path}: 1 byte could not be decoded and was replaced by U+FFFD"
    return f"{path}: {count:,} bytes could not be decoded and were replaced by U+FFFD"


def _within(items: list[InputFile], max_mb: float, errors: list[InputError]) -> list[InputFile]:
    """The items whose files are at most ``max_mb`` MB; an error in ``errors`` for each of the others."""
    kept = []
    for item in items:
        size = _size(item.path)
        if size > max_mb * 1e6:
            errors.append(InputError(item.path, f"{size / 1e6:.1f} MB, over the limit of {max_mb:g} MB for one "
                                                "document (raise it with --max-doc-mb); not read"))
        else:
            kept.append(item)
    return kept


def _curation(out_dir: Path | str, curation_file: Path | str | None) -> Curation:
    """The curation a build into ``out_dir`` applies: the named file, else the folder's own, else none."""
    if curation_file is not None:
        return read_curation(curation_file)
    default = Path(out_dir) / CURATION_FILE
    return read_curation(default) if os.path.isfile(default) else Curation()  # os.path: False when unreadable
