"""Shared fixtures: the reference vectors and the way to run the installed console script."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path
from typing import Any, Dict, List

import pytest

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def vectors_path() -> Path:
    """``reference-labels.jsonl``: ``$SCS_FLAVOR_VECTORS``, else ``<repo>/../shared/vectors``
    (CI clones the repository with ``shared/`` beside it)."""
    env = os.environ.get("SCS_FLAVOR_VECTORS")
    if env:
        return Path(env)
    return REPO.parent / "shared" / "vectors" / "reference-labels.jsonl"


@pytest.fixture(scope="session")
def vectors() -> List[Dict[str, Any]]:
    path = vectors_path()
    if not path.is_file():
        pytest.fail(f"reference vectors not found at {path} (set SCS_FLAVOR_VECTORS)")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="session")
def console_script() -> str:
    """The installed ``scs-flavor`` script of this interpreter's environment."""
    bindir = Path(sys.executable).parent
    for candidate in (bindir / "scs-flavor", bindir / "scs-flavor.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("scs-flavor")
    if found is None:
        pytest.fail("the scs-flavor console script is not installed")
    return found
