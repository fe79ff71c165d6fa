"""The value tables of the SCS flavor naming standard: the Rust core's one export.

Everything here is ``export()`` (the core's ``tables::Export``: the tables, the scs-0103
standard flavors and the flavor object's fields) and the core's lookup rule, re-exported:

>>> from scs_flavor import tables
>>> tables.cpu_generations("Intel")[3]
Entry(code='3', name='Ice Lake', meaning='Ice Lake', aliases=())
>>> tables.lookup("hypervisor", "bare metal")
'bms'
"""

from __future__ import annotations

import typing
from typing import Any, Dict, List, Tuple

from ._native import _lookup, _tables

__all__ = [
    "FIELDS",
    "STANDARD_FLAVORS",
    "TABLES",
    "Entry",
    "cpu_frequencies",
    "cpu_generations",
    "cpu_types",
    "cpu_vendors",
    "disk_types",
    "export",
    "gpu_frequencies",
    "gpu_generations",
    "gpu_kinds",
    "gpu_vendors",
    "hypervisors",
    "lookup",
    "table",
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
    aliases: Tuple[str, ...]
    """Further names the lookup rule accepts (``"latest"`` for ``v3``)."""


Table = Tuple[Entry, ...]


def export() -> Dict[str, Any]:
    """The core's export as JSON-like data (a fresh copy): ``{"tables": [{id, title,
    entries: [{code, name, meaning, aliases}]}], "standard_flavors": [...], "fields": [...]}``."""
    data: Dict[str, Any] = _tables()
    return data


_EXPORT = export()
TABLES: Dict[str, Table] = {
    t["id"]: tuple(
        Entry(e["code"], e["name"], e["meaning"], tuple(e["aliases"])) for e in t["entries"]
    )
    for t in _EXPORT["tables"]
}
"""Every table by its id (``"cpu-type"``, ``"gpu-generation-N"``, ``"flag"``, ``"strategy"``…)."""
STANDARD_FLAVORS: List[Dict[str, Any]] = _EXPORT["standard_flavors"]
"""The scs-0103 standard flavors, as the core exports them."""
FIELDS: List[Dict[str, Any]] = _EXPORT["fields"]
"""The properties of the flavor object (``path``, ``title``, ``kind``, ``optional``…)."""


def lookup(table: str, text: str) -> str:
    """The code of the row of ``table`` that ``text`` names, by the core's lookup rule: the
    code exactly, else the name or an alias ignoring case, spaces, ``-`` and ``_``. Raises
    ``scs_flavor.Error`` (kind ``"unknown-value"``) if no row matches."""
    return _lookup(table, text)


def table(id: str) -> Table:  # noqa: A002
    """The table ``id``."""
    return TABLES[id]


def cpu_generations(vendor: str) -> Table:
    """The CPU generations of ``vendor`` (by the lookup rule: ``"i"``, ``"Intel"``); the
    position in the table is the generation number."""
    return TABLES["cpu-generation-" + lookup("cpu-vendor", vendor)]


def gpu_generations(vendor: str) -> Table:
    """The GPU generations of ``vendor`` (by the lookup rule: ``"N"``, ``"Nvidia"``)."""
    return TABLES["gpu-generation-" + lookup("gpu-vendor", vendor)]


def cpu_types() -> Table:
    """``TABLES["cpu-type"]``."""
    return TABLES["cpu-type"]


def disk_types() -> Table:
    """``TABLES["disk-type"]``."""
    return TABLES["disk-type"]


def hypervisors() -> Table:
    """``TABLES["hypervisor"]``."""
    return TABLES["hypervisor"]


def cpu_vendors() -> Table:
    """``TABLES["cpu-vendor"]``."""
    return TABLES["cpu-vendor"]


def cpu_frequencies() -> Table:
    """``TABLES["cpu-frequency"]``."""
    return TABLES["cpu-frequency"]


def gpu_kinds() -> Table:
    """``TABLES["gpu-kind"]``."""
    return TABLES["gpu-kind"]


def gpu_vendors() -> Table:
    """``TABLES["gpu-vendor"]``."""
    return TABLES["gpu-vendor"]


def gpu_frequencies() -> Table:
    """``TABLES["gpu-frequency"]``."""
    return TABLES["gpu-frequency"]


def vram_bandwidths() -> Table:
    """``TABLES["vram-bandwidth"]``."""
    return TABLES["vram-bandwidth"]
