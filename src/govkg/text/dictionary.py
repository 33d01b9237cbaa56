"""jieba's default dictionary, loaded fast: word counts and part-of-speech tags from one packed cache.

A process that segments needs jieba's prefix dictionary (word -> count, about
half a million entries) and, for tagging, the tag of every dictionary word.
jieba reads the first from its own marshal cache and the second by parsing
``dict.txt`` again, on every start; both together take most of a second. The
first process to need them writes them packed (one string of words, one array
of counts, the words of each tag) beside jieba's cache in the temporary
folder, and every later process reads that in a fraction of the time. The
cache is keyed by jieba's version and the dictionary file's size and time, is
written atomically, and is rebuilt when missing, stale or unreadable; when
the temporary folder cannot be written, nothing is cached.

Nothing here is downloaded: the cache is derived from the installed jieba.
"""

from __future__ import annotations

import array
import contextlib
import hashlib
import logging
import marshal
import os
import sys
import tempfile
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)


def _import_jieba():
    """``import jieba``, with ``pkg_resources`` hidden while jieba imports.

    jieba 0.42.1 imports setuptools' ``pkg_resources`` (deprecated, and a
    tenth of a second to import) only to open its own data files, and opens
    them by path when that import fails. Any later ``import pkg_resources``
    is unaffected.
    """
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    hide = "pkg_resources" not in sys.modules
    if hide:
        sys.modules["pkg_resources"] = None  # makes the import raise ImportError
    try:
        import jieba
    finally:
        if hide:
            del sys.modules["pkg_resources"]
    return jieba


jieba = _import_jieba()

_FORMAT = 1
_SEP = "\n"  # dictionary words never hold a line break


@dataclass(frozen=True)
class Dictionary:
    """jieba's default dictionary: prefix counts (``FREQ``), their ``total``, and word -> tag."""

    freq: dict[str, int]
    total: int
    tags: dict[str, str]
    by_tag: dict[str, str] = field(repr=False)  # tag -> its words joined by _SEP (as the cache keeps them)

    def tagged(self, *tags: str) -> list[str]:
        """The words whose tag is one of ``tags``.

        >>> "发展" in default_dictionary().tagged("v", "vn")
        True
        """
        return [w for t in tags if self.by_tag.get(t) for w in self.by_tag[t].split(_SEP)]


@lru_cache(maxsize=1)
def default_dictionary() -> Dictionary:
    """The dictionary, from the cache when it is there (one per process; do not change it)."""
    path = _cache_path()
    if path is not None:
        try:
            if hasattr(os, "getuid") and path.stat().st_uid != os.getuid():
                raise ValueError("made by another user")  # the temporary folder is shared: trust our own files only
            return _unpack(path.read_bytes())
        except FileNotFoundError:
            pass
        except (OSError, ValueError, EOFError, TypeError) as exc:
            log.debug("unreadable dictionary cache %s (%s); rebuilding it", path, exc)
    found = _from_jieba()
    if path is not None:
        _write(path, _pack(found))
    return found


def posseg_module():
    """``jieba.posseg``, imported without letting it parse ``dict.txt`` for its own tokenizer.

    On import, jieba.posseg builds a tagger for jieba's global tokenizer and
    reads every tag from the dictionary file; the tags come from
    :func:`default_dictionary` here instead, and are handed to that tagger so
    that ``jieba.posseg.cut`` keeps working for anyone else in the process.
    """
    if "jieba.posseg" in sys.modules:
        return sys.modules["jieba.posseg"]
    tags = default_dictionary().tags
    saved = jieba.dt.dictionary
    with tempfile.TemporaryDirectory(prefix="govkg-") as tmp:
        empty = Path(tmp, "empty.txt")
        empty.write_bytes(b"")
        jieba.dt.dictionary = str(empty)
        try:
            from jieba import posseg
        finally:
            jieba.dt.dictionary = saved
    posseg.dt.word_tag_tab = tags
    return posseg


def _from_jieba() -> Dictionary:
    tok = jieba.Tokenizer()
    tok.initialize()
    tags: dict[str, str] = {}
    with tok.get_dict_file() as fh:  # what jieba.posseg reads: "word count tag" lines
        for raw in fh:
            parts = raw.strip().decode("utf-8").split(" ")
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    by_tag: dict[str, list[str]] = {}
    for word, tag in tags.items():
        by_tag.setdefault(tag, []).append(word)
    return Dictionary(tok.FREQ, tok.total, tags, {tag: _SEP.join(ws) for tag, ws in by_tag.items()})


def _pack(d: Dictionary) -> bytes:
    words = list(d.freq)
    counts = array.array("q", (d.freq[w] for w in words))
    return marshal.dumps((_FORMAT, d.total, _SEP.join(words), counts.tobytes(), d.by_tag))


def _unpack(data: bytes) -> Dictionary:
    version, total, words, counts_bytes, by_tag = marshal.loads(data)
    if version != _FORMAT:
        raise ValueError(f"cache format {version}")
    counts = array.array("q")
    counts.frombytes(counts_bytes)
    keys = words.split(_SEP)
    if len(keys) != len(counts):
        raise ValueError("words and counts differ in number")
    tags = {w: tag for tag, ws in by_tag.items() for w in ws.split(_SEP)}
    return Dictionary(dict(zip(keys, counts)), total, tags, by_tag)


def _cache_path() -> Path | None:
    try:
        with jieba.dt.get_dict_file() as fh:
            name = getattr(fh, "name", "dict.txt")
        st = os.stat(name)
        key = f"{jieba.__version__} {name} {st.st_size} {st.st_mtime_ns} {_FORMAT} {sys.version_info[:2]}"
    except OSError:
        return None
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"govkg-jieba-{digest}.cache"


def _write(path: Path, data: bytes) -> None:
    try:
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        log.debug("cannot write the dictionary cache %s (%s)", path, exc)
        with contextlib.suppress(OSError, UnboundLocalError):
            os.unlink(tmp)
