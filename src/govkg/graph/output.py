"""A build folder, written as the documents arrive: ``graph.trig``, ``graph.ttl``, ``graph.html``.

Each document's named graph goes to ``graph.trig`` as soon as it is made, in
input order, so memory holds one document's graph at a time plus the merged
views (:class:`~govkg.graph.merge.Merged`): the entity statements united for
``graph.ttl`` and the network page's data. ``graph.ttl`` holds every
document's own statements in the same order, then the united entity
statements.

What makes the next build incremental lives in ``.govkg/build.sqlite``:
per document its content hash, the path of the file it was read from (as
found: absolute when the PATH given was, so the record is not for
publishing), the source path the graph publishes, the file's size and
modification time, where its statements stand in ``graph.trig`` and
``graph.ttl``, and its summary. A document whose file is unchanged (same
size and time, or else same content) is not extracted again: its statements
are copied from the earlier files and its summary reused, and when no
document was added, changed or removed the files are left as they are. That
needs the earlier files exactly as that build wrote them (size and
modification time are checked), the same code (the fingerprint of the
package) and the same settings (the curation of :mod:`govkg.curation` and the
confidence threshold: :meth:`govkg.pipeline.Settings.digest`); otherwise every
document is rebuilt. ``graph.html`` is recorded the same way: a page that is
not the one the record's build wrote (a build killed after putting its new
page in place, before its graph) is written again, even when no document
changed.

New files are written beside the old ones and renamed into place at the end;
until then the folder keeps the earlier build, and a build that stops halfway
leaves it as it was.
"""

from __future__ import annotations

import contextlib
import json
import logging
import marshal
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO

from govkg.errors import OutputError
from govkg.fileio import atomic_write, remove_leftovers
from govkg.graph.merge import UNION_PREFIX, DocSummary, EntityUnion, Merged, SummaryBuilder
from govkg.graph.rdf import GraphBuilder, code_fingerprint
from govkg.graph.turtle import PREFIX_HEADER
from govkg.model import DocFacts, Document

log = logging.getLogger(__name__)

TRIG, TURTLE, HTML = "graph.trig", "graph.ttl", "graph.html"
CACHE_DIR = ".govkg"
CACHE_DB = "build.sqlite"
FORMAT = f"govkg build 5, marshal {marshal.version}, Python {sys.version_info[0]}.{sys.version_info[1]}"
"""The layout of the build record; the summaries are marshal data, which only the same Python reads for sure."""
_META_TABLE = "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
_DOCS_TABLE = """CREATE TABLE IF NOT EXISTS docs (
    doc_id TEXT PRIMARY KEY, hash TEXT NOT NULL, path TEXT NOT NULL, source TEXT NOT NULL, stamp TEXT NOT NULL,
    chars INTEGER NOT NULL,
    trig_at INTEGER NOT NULL, trig_len INTEGER NOT NULL, ttl_at INTEGER NOT NULL, ttl_len INTEGER NOT NULL,
    summary BLOB NOT NULL, seen INTEGER NOT NULL DEFAULT 0
)"""


@dataclass(frozen=True, slots=True)
class Known:
    """What the last build recorded of a document: content hash, the file read, the source path published (""
    for none), file stamp, characters."""

    content_hash: str
    path: str
    source: str
    stamp: str
    chars: int


def file_stamp(path: Path | str) -> str:
    """Size and modification time of ``path`` ("" when it cannot be read): unchanged files keep their stamp."""
    try:
        return _stamp(os.stat(path))
    except OSError:
        return ""


@dataclass(frozen=True, slots=True)
class DocPart:
    """One document's share of the build folder, made where it was extracted (a worker), ready to write.

    ``block`` is its TriG block (UTF-8) and ``block[local_start:local_end]``
    its own statements, which go to ``graph.ttl`` as well; ``summary`` is the
    document's :class:`~govkg.graph.merge.DocSummary`, packed (as the build
    record keeps it, and cheap to send from a worker).
    """

    block: bytes
    local_start: int
    local_end: int
    summary: bytes

    @classmethod
    def of(cls, doc: Document, pieces: Iterable[DocFacts]) -> DocPart:
        """The part of ``doc`` made from the facts of its pieces, in text order (a document of usual length is one
        piece; see :mod:`govkg.pieces`). A piece's facts can go once the next one is made."""
        graph, summary = GraphBuilder(doc), SummaryBuilder(doc)
        for facts in pieces:
            graph.add(facts)
            summary.add(facts)
        block, local_start, local_end = graph.block()
        return cls(block, local_start, local_end,
                   summary.summary(graph.entities, graph.groups(), graph.triples(), graph.named).pack())

    @property
    def local(self) -> memoryview:
        return memoryview(self.block)[self.local_start:self.local_end]  # no copy: a long document's is large


@dataclass
class OutputStats:
    """What a finished build holds."""

    documents: int = 0
    removed: int = 0
    triples: int = 0
    relations: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    page_dropped: int = 0  # entities of a build too large for a page (no graph.html written): see Merged
    page_removed: bool = False  # a --no-html build that changed the graph removed the earlier build's page


class BuildOutput:
    """The files of one build folder; use as a context manager around :meth:`add`, :meth:`keep` and :meth:`finish`.

    ``store`` (a :class:`~govkg.graph.buildstore.BuildStore`) receives every
    document's graph as well, and loses those of documents no longer built.
    """

    def __init__(self, folder: Path | str, *, html: bool = True, store=None, settings: str = "") -> None:
        self.folder = Path(folder)
        self.html = html
        self.store = store
        self.settings = settings  # digest of the build's settings (govkg.pipeline.Settings); "" for the defaults
        if self.folder.exists() and not self.folder.is_dir():
            raise OutputError(f"{self.folder}: not a folder; cannot write the build there")
        self._made: list[Path] = []
        self._db: sqlite3.Connection | None = None
        self._reusable = False
        self._files = contextlib.ExitStack()  # graph.trig and graph.ttl being written (fileio.atomic_write)
        self._trig: IO[bytes] | None = None
        self._ttl: IO[bytes] | None = None
        self._old: dict[str, IO[bytes]] = {}
        self._merged = Merged(page=html, union=EntityUnion(folder=self.folder / CACHE_DIR))
        self._count = 0
        self._changed = False  # a document was built anew, so the files must be written again
        self._pending: list[str] = []  # unchanged documents not yet copied (see keep)
        self._meta: dict[str, str] = {}
        self._open()

    # --- opening ---------------------------------------------------------------------------------

    def _open(self) -> None:
        cache = self.folder / CACHE_DIR
        for d in (self.folder, cache):
            try:
                d.mkdir()
            except FileExistsError:  # there already, or just made by a build started at the same time
                if not d.is_dir():
                    self._cleanup()
                    raise OutputError(f"{d}: not a folder; cannot write the build there") from None
                continue
            except OSError as exc:
                self._cleanup()
                raise OutputError(f"{d}: cannot create the build folder ({exc.strerror or exc})") from None
            self._made.append(d)
        try:
            meta = self._open_record(cache / CACHE_DB)
        except sqlite3.OperationalError as exc:
            busy = "locked" in str(exc) or "busy" in str(exc)
            if busy:  # the folders this build made are the other build's now
                self._made.clear()
            self._cleanup()
            raise OutputError(f"{cache / CACHE_DB}: " + ("another build is writing this folder" if busy else
                              f"cannot use the build record ({exc})")) from None
        except sqlite3.DatabaseError as exc:  # not a database (damaged, or some other file): start afresh
            log.warning("%s: unreadable build record (%s); building every document again", cache / CACHE_DB, exc)
            self._db.close()
            (cache / CACHE_DB).unlink(missing_ok=True)
            meta = self._open_record(cache / CACHE_DB)
        self._meta = meta
        for name in (TRIG, TURTLE, HTML):  # what a build killed while writing left (the record says we are alone)
            remove_leftovers(self.folder / name)
        for spilled in cache.glob(UNION_PREFIX + "*"):
            spilled.unlink(missing_ok=True)
        self._reusable = self._earlier_files_intact(meta)
        if not self._reusable and meta:
            log.info("%s: earlier outputs changed or made by other code; rebuilding every document", self.folder)
        self._db.execute("UPDATE docs SET seen = 0")

    def _open_record(self, path: Path) -> dict[str, str]:
        """Open the build record in a transaction of its own (one build at a time); its meta values."""
        self._db = sqlite3.connect(path, isolation_level=None, timeout=1.0)
        self._db.execute("BEGIN IMMEDIATE")
        self._db.execute(_META_TABLE)
        meta = dict(self._db.execute("SELECT key, value FROM meta"))
        if meta.get("format") != FORMAT:  # new, or a record of another layout: start it afresh
            self._db.execute("DROP TABLE IF EXISTS docs")
            self._db.execute("DELETE FROM meta")
            meta = {}
        self._db.execute(_DOCS_TABLE)
        return meta

    def _earlier_files_intact(self, meta: dict[str, str]) -> bool:
        if meta.get("format") != FORMAT or meta.get("code") != code_fingerprint():
            return False
        if meta.get("settings", "") != self.settings:  # other decisions or threshold: every document changes
            return False
        for name in (TRIG, TURTLE):
            path = self.folder / name
            try:
                st = path.stat()
            except OSError:
                return False
            if meta.get(name) != _stamp(st):
                return False
        try:
            self._old = {name: open(self.folder / name, "rb") for name in (TRIG, TURTLE)}
        except OSError:
            return False
        return True

    def known(self) -> dict[str, Known]:
        """What the last build recorded of each document whose earlier output can be reused."""
        if not self._reusable:
            return {}
        return {doc: Known(h, p, src, st, n) for doc, h, p, src, st, n in
                self._db.execute("SELECT doc_id, hash, path, source, stamp, chars FROM docs")}

    # --- writing ---------------------------------------------------------------------------------

    def _start(self) -> None:
        if self._trig is not None:
            return
        try:
            self._trig, self._ttl = (self._files.enter_context(atomic_write(self.folder / name, "wb"))
                                     for name in (TRIG, TURTLE))
            for fh in (self._trig, self._ttl):
                fh.write(PREFIX_HEADER.encode("utf-8"))
        except OSError as exc:
            raise OutputError(f"{self.folder}: cannot write the build ({exc.strerror or exc})") from None

    def add(self, doc_id: str, path: str, source: str, content_hash: str, stamp: str, chars: int,
            part: DocPart) -> None:
        """A document built now from the file ``path``, published as ``source``: its graph goes to the files (and
        the store), its summary to the merge."""
        self._changed = True
        self._count += 1
        self._copy_pending()
        self._put(doc_id, content_hash, path, source, stamp, chars, part.block, part.local, part.summary)
        self._merged.add(DocSummary.unpack(part.summary))
        if self.store is not None:
            self.store.replace(doc_id, part.block)

    def keep(self, doc_id: str, stamp: str) -> None:
        """A document unchanged since the last build (one of :meth:`known`): its earlier output is reused.

        It is copied only once the build turns out to change something (a
        later :meth:`add`, a removed document, or :meth:`finish` writing anew).
        """
        self._db.execute("UPDATE docs SET seen = 1, stamp = ? WHERE doc_id = ?", (stamp, doc_id))
        self._pending.append(doc_id)
        self._count += 1

    def _copy_pending(self) -> None:
        self._start()
        for doc_id in self._pending:
            row = self._db.execute("SELECT hash, path, source, stamp, chars, trig_at, trig_len, ttl_at, ttl_len, "
                                   "summary FROM docs WHERE doc_id = ?", (doc_id,)).fetchone()
            content_hash, path, source, stamp, chars, trig_at, trig_len, ttl_at, ttl_len, summary = row
            block = _read(self._old[TRIG], trig_at, trig_len)
            local = _read(self._old[TURTLE], ttl_at, ttl_len)
            self._put(doc_id, content_hash, path, source, stamp, chars, block, local, summary)
            try:
                self._merged.add(DocSummary.unpack(summary))
            except ValueError as exc:
                raise OutputError(f"{self.folder / CACHE_DIR / CACHE_DB}: damaged ({exc}); "
                                  f"remove {CACHE_DIR}/ to rebuild") from None
            if self.store is not None and not self.store.has(doc_id):
                self.store.replace(doc_id, block)
        self._pending.clear()

    def _put(self, doc_id: str, content_hash: str, path: str, source: str, stamp: str, chars: int, block: bytes,
             local: bytes | memoryview, summary: bytes) -> None:
        try:
            trig_at, ttl_at = self._trig.tell(), self._ttl.tell()
            self._trig.write(block)
            self._ttl.write(local)
        except OSError as exc:
            raise OutputError(f"{self.folder}: cannot write the build ({exc.strerror or exc})") from None
        self._db.execute(
            "INSERT INTO docs (doc_id, hash, path, source, stamp, chars, trig_at, trig_len, ttl_at, ttl_len, summary, "
            "seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) ON CONFLICT (doc_id) DO UPDATE SET "
            "hash = excluded.hash, path = excluded.path, source = excluded.source, stamp = excluded.stamp, "
            "chars = excluded.chars, trig_at = excluded.trig_at, trig_len = excluded.trig_len, "
            "ttl_at = excluded.ttl_at, ttl_len = excluded.ttl_len, summary = excluded.summary, seen = 1",
            (doc_id, content_hash, path, source, stamp, chars, trig_at, len(block), ttl_at, len(local), summary))

    def prepare(self) -> None:
        """Import what :meth:`finish` will need (the page's libraries): call it while waiting on workers."""
        if self.html:
            from govkg.export.html import prepare_page

            prepare_page()

    def finish(self) -> OutputStats:
        """Write the merged views, put every file in place and record the build; returns its counts.

        When no document was built anew or removed and the earlier files are
        all there, they are left as they are.
        """
        gone = [doc for (doc,) in self._db.execute("SELECT doc_id FROM docs WHERE seen = 0")]
        if not self._changed and not gone and self._untouched():
            self._db.execute("COMMIT")
            self._made.clear()
            return OutputStats(**json.loads(self._meta["stats"]))
        self._copy_pending()
        stats = self._write_views(len(gone))
        if self.store is not None:
            from govkg.graph.iri import doc_iri

            self.store.remove_except({str(doc_iri(d)) for (d,) in self._db.execute(
                "SELECT doc_id FROM docs WHERE seen = 1")})
            self.store.unite(self.folder / TURTLE)
            self.store.flush()
        self._db.execute("DELETE FROM docs WHERE seen = 0")
        stamps = {name: _stamp((self.folder / name).stat()) for name in (TRIG, TURTLE)}
        page = "dropped" if stats.page_dropped else "yes" if self.html else "no"
        stamps[HTML] = _stamp((self.folder / HTML).stat()) if page == "yes" else ""
        meta = {"format": FORMAT, "code": code_fingerprint(), "settings": self.settings, **stamps,
                "html": page,
                "stats": json.dumps(asdict(stats), ensure_ascii=False)}
        for key, value in meta.items():
            self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))
        self._db.execute("COMMIT")
        self._made.clear()
        return stats

    def _untouched(self) -> bool:
        """Whether the earlier files are this build's files already (nothing to write): the page too, as the record
        has it."""
        if not self._reusable or self.store is not None or "stats" not in self._meta:
            return False
        if not self.html:
            return True
        if self._meta.get("html") == "dropped":  # too large for a page, and no page left from before
            return not (self.folder / HTML).exists()
        return self._meta.get("html") == "yes" and self._meta.get(HTML) == file_stamp(self.folder / HTML)

    def _write_views(self, removed: int) -> OutputStats:
        self._start()
        merged = self._merged
        try:
            for chunk in merged.entity_chunks():
                self._ttl.write(chunk.encode("utf-8"))
            counts = merged.entity_counts()
            merged.close()
            for fh in (self._trig, self._ttl):
                fh.flush()
            # synced to disk in a thread while the page is made (os.fsync lets Python run meanwhile);
            # result() raises the thread's error
            removed_page = False
            with ThreadPoolExecutor(max_workers=1) as pool:
                synced = pool.submit(lambda: [os.fsync(fh.fileno()) for fh in (self._trig, self._ttl)])
                if self.html and merged.network is not None:
                    from govkg.export.html import write_network

                    write_network(merged.network.data(), self.folder / HTML)
                elif (self.folder / HTML).exists():  # an earlier build's page would show a graph that is gone
                    (self.folder / HTML).unlink()
                    removed_page = True
                synced.result()
            self._files.close()  # each file synced and renamed into place
        except OSError as exc:
            raise OutputError(f"{self.folder}: cannot write the build ({exc.strerror or exc})") from None
        return OutputStats(documents=self._count, removed=removed, triples=merged.triples,
                           relations=merged.statements, entities=counts,
                           page_dropped=merged.dropped_page, page_removed=removed_page and not self.html)

    # --- closing ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Release the files; a build not finished leaves the folder as it was before."""
        self._cleanup()

    def _cleanup(self) -> None:
        abandoned = OutputError(f"{self.folder}: build not finished")
        self._files.__exit__(OutputError, abandoned, None)  # files not yet in place are removed, not renamed
        for fh in self._old.values():
            with contextlib.suppress(OSError):
                fh.close()
        self._old = {}
        self._merged.close()
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                self._db.close()
            self._db = None
        for d in reversed(self._made):  # folders this build made: a build that wrote nothing leaves none
            shutil.rmtree(d, ignore_errors=True)
        self._made.clear()

    def __enter__(self) -> BuildOutput:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _read(fh: IO[bytes], at: int, length: int) -> bytes:
    fh.seek(at)
    data = fh.read(length)
    if len(data) != length:
        raise OutputError(f"{fh.name}: shorter than the build record says; remove {CACHE_DIR}/ to rebuild")
    return data


def _stamp(st: os.stat_result) -> str:
    return f"{st.st_size} {st.st_mtime_ns}"




def recorded_sources(folder: Path | str) -> dict[str, str]:
    """Document id -> the source file the last build into ``folder`` read it from (empty without a record)."""
    path = Path(folder) / CACHE_DIR / CACHE_DB
    if not path.is_file():
        return {}
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)) as db:
            return dict(db.execute("SELECT doc_id, path FROM docs"))
    except sqlite3.Error:
        return {}
