"""Fixtures for the end-to-end tests: a headless Chromium and the background job worker."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.browser import BackgroundJobWorker, browser_available, chromium_session


@pytest.fixture
def browser() -> Iterator[Any]:
    if not browser_available():
        pytest.skip("chromium and chromedriver are not installed (apt-get install chromium chromium-driver)")
    yield from chromium_session()


@pytest.fixture
def e2e_media_root(tmp_path: Path, settings: Any) -> Path:
    media = tmp_path / "media"
    media.mkdir()
    settings.MEDIA_ROOT = media
    return media


@pytest.fixture
def job_worker(
    live_server: Any, transactional_db: None, e2e_media_root: Path, tmp_path: Path
) -> Iterator[Any]:
    """The worker that runs the scan jobs (a ``runjobs`` subprocess, or inline on in-memory SQLite).

    The subprocess starts at the first ``run_queued_jobs()``, so a test can look at a queued job first.
    Depends on ``transactional_db`` so it stops before the test database is flushed.
    """
    worker = BackgroundJobWorker(e2e_media_root, tmp_path / "runjobs.log")
    try:
        yield worker
    finally:
        worker.stop()
