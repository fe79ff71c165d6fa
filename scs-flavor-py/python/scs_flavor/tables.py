"""The value tables of the SCS flavor naming standard, from the Rust core.

Every letter, word and generation a flavor name may contain, with its code (as written in a
name), a short name and its meaning:

>>> from scs_flavor import tables
>>> tables.cpu_generations("i")[3]
Entry(code='3', name='Ice Lake', meaning='Ice Lake')
>>> [e.code for e in tables.gpu_generations("N")][:3]
['f', 'k', 'm']
"""

from __future__ import annotations

import typing
from typing import Dict, Tuple

from ._native import _tables

__all__ = [
    "Entry",
    "cpu_frequencies",
    "cpu_generations",
    "cpu_types",
    "cpu_vendors",
    "disk_types",
    "gpu_frequencies",
    "gpu_generations",
    "gpu_kinds",
    "gpu_vendors",
    "hypervisors",
    "vram_bandwidths",
]


class Entry(typing.NamedTuple):
    """One row of a value table."""

    code: str
    """What a name contains, e.g. ``"T"``, ``"s"``, ``"bms"``, ``"3"``, ``"0.95"``."""
    name: str
    """A short name, e.g. ``"dedicated-thread"``, ``"Ice Lake"``, ``"Ampere"``."""
    meaning: str
    """What it means, in the words of the standard."""


Table = Tuple[Entry, ...]

_RAW = _tables()


def _table(rows: object) -> Table:
    return tuple(Entry(*row) for row in rows)  # type: ignore[attr-defined]


_FLAT: Dict[str, Table] = {
    key: _table(rows) for key, rows in _RAW.items() if not isinstance(rows, dict)
}
_CPU_GENERATIONS: Dict[str, Table] = {
    vendor: _table(rows) for vendor, rows in _RAW["cpu_generations"].items()
}
_GPU_GENERATIONS: Dict[str, Table] = {
    vendor: _table(rows) for vendor, rows in _RAW["gpu_generations"].items()
}


def _vendor(vendor: str, vendors: Table, table: str) -> str:
    for e in vendors:
        if vendor in (e.code, e.name):
            return e.code
    codes = ", ".join(e.code for e in vendors)
    raise ValueError(f"{table}: expected a vendor, one of {codes}, not {vendor!r}")


def cpu_types() -> Table:
    """CPU types ``L``, ``V``, ``T``, ``C``; ``name`` is the scs-0103 ``scs:cpu-type``."""
    return _FLAT["cpu_types"]


def disk_types() -> Table:
    """Disk types ``n``, ``h``, ``s``, ``p``; ``name`` is the scs-0103 ``scs:diskN-type``."""
    return _FLAT["disk_types"]


def hypervisors() -> Table:
    """Hypervisors (``chy`` exists only in the v2/v3 syntax)."""
    return _FLAT["hypervisors"]


def cpu_vendors() -> Table:
    """CPU vendors / architectures ``i``, ``z``, ``a``, ``r``."""
    return _FLAT["cpu_vendors"]


def cpu_generations(vendor: str) -> Table:
    """The CPU generations of ``vendor`` (a code such as ``"i"`` or a name such as
    ``"Intel"``); the position in the table is the generation number."""
    return _CPU_GENERATIONS[_vendor(vendor, cpu_vendors(), "cpu_generations")]


def cpu_frequencies() -> Table:
    """CPU frequency suffixes: none, ``h``, ``hh``, ``hhh``."""
    return _FLAT["cpu_frequencies"]


def gpu_kinds() -> Table:
    """GPU kinds ``g`` (virtual) and ``G`` (pass-through)."""
    return _FLAT["gpu_kinds"]


def gpu_vendors() -> Table:
    """GPU vendors ``N``, ``A``, ``I``; ``meaning`` names their processing units."""
    return _FLAT["gpu_vendors"]


def gpu_generations(vendor: str) -> Table:
    """The GPU generations of ``vendor`` (a code such as ``"N"`` or a name such as
    ``"Nvidia"``)."""
    return _GPU_GENERATIONS[_vendor(vendor, gpu_vendors(), "gpu_generations")]


def gpu_frequencies() -> Table:
    """GPU compute-unit frequency suffixes: none, ``h``, ``hh``."""
    return _FLAT["gpu_frequencies"]


def vram_bandwidths() -> Table:
    """Video memory bandwidth suffixes: none, ``h``, ``hh``."""
    return _FLAT["vram_bandwidths"]
