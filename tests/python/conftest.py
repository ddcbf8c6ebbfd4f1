"""Shared set-up of the Python tests (run by CTest with /usr/bin/python3 -m pytest; see
tests/CMakeLists.txt): the winnow package from build/python, the executable, the repository."""

import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts" / "lib"))  # warc_build


@pytest.fixture(scope="session")
def root():
    return ROOT


@pytest.fixture(scope="session")
def winnow_binary():
    binary = os.environ.get("WINNOW_BINARY")
    if not binary:
        pytest.fail("WINNOW_BINARY is not set (the tests run under CTest)")
    return binary


@pytest.fixture(scope="session")
def run_cli(winnow_binary):
    """Runs the CLI in the repository's root; returns the CompletedProcess (bytes)."""
    def run(*args, **kwargs):
        return subprocess.run([winnow_binary, *args], cwd=ROOT, capture_output=True, **kwargs)
    return run


@pytest.fixture(scope="session")
def fixture_pages():
    """The golden corpora's pages, relative to the repository's root, in a fixed order."""
    pages = sorted(p.relative_to(ROOT) for p in (ROOT / "fixtures").glob("*/*.html"))
    assert len(pages) >= 50, "the tests want at least 50 fixture pages"
    return [str(p) for p in pages]
