"""Shared fixtures for the book's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHAPTERS = ROOT / "chapters"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def chapter_sources() -> list[Path]:
    return sorted(CHAPTERS.glob("*.md"))
