"""Read, validate, render and explain SCS flavor names exactly as the official SCS checker does.

>>> import scs_flavor
>>> f = scs_flavor.parse("SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib")
>>> f.short()
'SCS-16T-64-3x10s_GNa-64_ib'
>>> scs_flavor.check("SCS-2V:4", "v2/v1").tolerated
True

Everything is computed by the Rust core crate ``scs-flavor`` through the native module
``scs_flavor._native``; the ``scs-flavor`` console script runs the Rust command line.
"""

from . import tables
from ._errors import ParseError
from ._native import (
    MAX_SPEC_DISKS,
    STRATEGIES,
    CpuBrand,
    Disk,
    Flavor,
    Gpu,
    Part,
    Result,
    Warning,
    check,
    check_many,
    parse,
)

__version__ = "0.1.0"

# `Warning` (the class of `Flavor.warnings` items) is left out so that `from scs_flavor import *`
# does not shadow the builtin `Warning`; use `scs_flavor.Warning`.
__all__ = [
    "MAX_SPEC_DISKS",
    "STRATEGIES",
    "CpuBrand",
    "Disk",
    "Flavor",
    "Gpu",
    "ParseError",
    "Part",
    "Result",
    "check",
    "check_many",
    "parse",
    "tables",
]
