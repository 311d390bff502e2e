"""Shared test fixtures: the corpus beside the project, and external tools CI must provide."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
EXAMPLES = ROOT / "examples"


def corpus_names() -> list[str]:
    return sorted(p.stem for p in CORPUS.glob("*.txt"))


def corpus_text(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


def corpus_expected(name: str) -> dict:
    return json.loads((CORPUS / f"{name}.expected.json").read_text(encoding="utf-8"))


def require_tool(name: str) -> str:
    """The path of an external tool; skipped when absent, failed when CI requires tools."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("NOTICE_REQUIRE_TOOLS"):
        pytest.fail(f"{name} is required (NOTICE_REQUIRE_TOOLS is set) but not installed")
    pytest.skip(f"{name} is not installed")


def require_module(name: str, extra: str = "dask") -> None:
    """Skip the calling test module when an optional extra's module is absent (fail when CI requires it)."""
    import importlib.util

    if importlib.util.find_spec(name) is not None:
        return
    if os.environ.get("NOTICE_REQUIRE_TOOLS"):
        pytest.fail(f"{name} is required (NOTICE_REQUIRE_TOOLS is set): pip install '.[test,dask]'", pytrace=False)
    pytest.skip(f"{name} is not installed (the {extra} extra)", allow_module_level=True)


@pytest.fixture(scope="session")
def corpus_available() -> None:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside the project")
