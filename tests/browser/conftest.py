"""Headless Chromium through Playwright (``/usr/bin/chromium``; never ``playwright install``).

In CI (``CI=true``) a missing browser or Playwright fails the test; elsewhere it is skipped.
Every page a test opens may only load ``file:``, ``data:``, ``about:`` and localhost URLs:
any other request is aborted and recorded, and the test fails on it, on a console
error, on an uncaught exception, or on a JavaScript dialog.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("GOVKG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}


def _missing(reason: str) -> None:
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"CI needs it: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed (pip install playwright)")
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        _missing(f"no Chromium at {CHROMIUM} (apt-get install -y chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


@dataclass
class Watch:
    """What a page did that a test must not allow."""

    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.outside == [], f"requests left localhost: {self.outside}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("file", "data", "about", "blob"):
        return True
    return parsed.scheme in ("http", "https", "ws") and parsed.hostname in LOCAL_HOSTS


@pytest.fixture
def page(browser: Any) -> Iterator[tuple[Any, Watch]]:
    """A fresh page (1000x650) and its :class:`Watch`; fails the test on anything the watch saw."""
    context = browser.new_context(viewport={"width": 1000, "height": 650})
    watch = Watch()

    def route(r: Any) -> None:
        if is_local(r.request.url):
            r.continue_()
        else:
            watch.outside.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("console", lambda m: watch.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: watch.errors.append(str(e)))

    def dialog(d: Any) -> None:
        watch.dialogs.append(d.message)
        d.dismiss()

    tab.on("dialog", dialog)
    try:
        yield tab, watch
    finally:
        context.close()
    watch.assert_clean()


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> Path:
    """``govkg build seeds --out DIR``, run through the CLI."""
    from click.testing import CliRunner

    from govkg.cli import main

    out = tmp_path_factory.mktemp("browser") / "out"
    result = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="session")
def served(seeds_build: Path, serving) -> Iterator[str]:
    """``govkg serve`` of the seeds' build on a free port: its base URL."""
    with serving(seeds_build, timeout=10.0) as url:
        yield url
