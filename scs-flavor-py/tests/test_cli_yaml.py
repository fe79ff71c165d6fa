"""``scs-flavor parse -o yaml v3 NAME…`` (the installed console script) prints YAML that a real
YAML parser (PyYAML, what the checker's users load it with) reads back as the checker's
``extra_specs``, for every valid reference vector (issue #9: ``SCS-1V-4-`` printed
``scs:name-v1: SCS-1V:4:``, which no YAML parser loads).

Names the checker accepts but this library refuses are deviation D1 (a number beyond 32 bits,
a decimal RAM that is not exactly a multiple of 0.5): derived from the name and counted.
"""

from __future__ import annotations

import re
import subprocess
from decimal import Decimal, InvalidOperation
from typing import Any, Dict, List

import yaml

RAM = re.compile(r"SCS-[0-9]*[LVTC]i?-([0-9.]*)")
NUMBER = re.compile(r"[0-9]+")
BATCH = 400
D1_PINNED = 102


def is_d1(name: str) -> bool:
    """D1 from the name alone: a digit run above 2^32-1, or a RAM decimal that is not an
    exact multiple of 0.5."""
    if any(int(n) > 4294967295 for n in NUMBER.findall(name[4:])):
        return True
    m = RAM.match(name)
    if m is None or m.group(1) in ("", "."):
        return False
    try:
        return (Decimal(m.group(1)) * 2) % 1 != 0
    except InvalidOperation:
        return False


def documents(console_script: str, names: List[str]) -> List[Any]:
    p = subprocess.run(
        [console_script, "parse", "-o", "yaml", "v3", *names],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    return list(yaml.safe_load_all(p.stdout))


def test_yaml_loads_as_the_checkers_extra_specs(
    vectors: List[Dict[str, Any]], console_script: str
) -> None:
    rows = [r for r in vectors if r["v3"]["ok"] and r["v3"]["extra_specs"] is not None]
    d1 = [r["name"] for r in rows if is_d1(r["name"])]
    rows = [r for r in rows if not is_d1(r["name"])]
    failures = []
    for i in range(0, len(rows), BATCH):
        batch = rows[i : i + BATCH]
        docs = documents(console_script, [r["name"] for r in batch])
        assert len(docs) == len(batch), (len(docs), len(batch))
        for row, doc in zip(batch, docs):
            if doc != row["v3"]["extra_specs"]:
                failures.append(f"{row['name']!r}: {doc!r} vs {row['v3']['extra_specs']!r}")
    assert not failures, f"{len(failures)} differ, e.g.:\n" + "\n".join(failures[:20])
    assert len(rows) > 1500
    if len(vectors) == 3996:
        assert len(d1) == D1_PINNED, d1[:10]
