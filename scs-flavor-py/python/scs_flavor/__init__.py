"""Read, validate, render and explain SCS flavor names exactly as the official SCS checker does.

>>> import scs_flavor
>>> f = scs_flavor.parse("SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib")
>>> f.short()
'SCS-16T-64-3x10s_GNa-64_ib'
>>> scs_flavor.check("SCS-2V:4", "v2/v1").tolerated
True
>>> scs_flavor.select(["SCS-2V-4", "SCS-2V-8-20s", "SCS-4V-16"], cpus=2, ram_gib=8).best.name
'SCS-2V-8-20s'

``audit(flavors)`` audits a cloud's flavor list offline (scs-0100, scs-0103, the ``extra_specs``
fixes); ``select(names_or_flavors, **requirements)`` picks the flavors that fit a workload;
``plan(flavors_or_conn)`` computes the changes that make a cloud pass certification and
``apply(conn)`` carries them out on a live cloud (an ``openstack.connection.Connection``; the
extra ``scs-flavor[openstack]``).

Everything is computed by the Rust crates ``scs-flavor`` and ``scs-flavor-audit`` through the
native module ``scs_flavor._native``; the ``scs-flavor`` console script runs the Rust command line.
"""

from . import tables
from ._audit import (
    AuditReport,
    AuditTest,
    Finding,
    Fix,
    Match,
    Rejection,
    Selection,
    audit,
    select,
)
from ._cloud import Applied, Change, CloudError, NewFlavor, Plan, Refusal, apply, plan
from ._errors import Error, ParseError
from ._records import Part, Warning
from ._native import (
    MAX_SPEC_DISKS,
    REQUIREMENT_KEYS,
    STRATEGIES,
    CpuBrand,
    Disk,
    Flavor,
    Gpu,
    Result,
    check,
    check_many,
    parse,
)

__version__ = "0.1.0"

# `Warning` (the class of `Flavor.warnings` items) is left out so that `from scs_flavor import *`
# does not shadow the builtin `Warning`; use `scs_flavor.Warning`.
__all__ = [
    "MAX_SPEC_DISKS",
    "REQUIREMENT_KEYS",
    "STRATEGIES",
    "Applied",
    "AuditReport",
    "AuditTest",
    "Change",
    "CloudError",
    "CpuBrand",
    "Disk",
    "Error",
    "Finding",
    "Fix",
    "Flavor",
    "Gpu",
    "Match",
    "NewFlavor",
    "ParseError",
    "Part",
    "Plan",
    "Refusal",
    "Rejection",
    "Result",
    "Selection",
    "apply",
    "audit",
    "check",
    "check_many",
    "parse",
    "plan",
    "select",
    "tables",
]
