"""Benchmark (run by hand): ``scs_flavor.parse`` / ``check`` / ``check_many`` per name over the
shared reference vector names (a mix of valid and invalid names), each next to its **limit**
measured in the same run, and compared with the official checker.

    python scs-flavor-py/bench/bench.py [--vectors PATH] [--repeat N]

Limits (the native module's ``_noop`` / ``_noop_many``): a pyo3 call that takes the ``str``
and returns a small new object, which no binding call can beat; for ``parse`` also the same
call raising ``ParseError`` instead (what an invalid name costs at least, since ``parse``
raises), weighted by the share of invalid names into the limit of the mix.

Baseline: the official checker (``flavor_names.parser_v3``, an exception caught per invalid
name, as the checker's own CLI does) when ``SCS_REFERENCE_DIR`` names a folder holding its
``flavor_names.py``; else a pure-Python regex parser (one ``re.fullmatch`` plus a dict of the
fields: what an ops script would write; it validates far less than the checker).

Attribute reads (issue 9): ``f.cpus`` on flavors read before (a ``Flavor`` keeps its
attributes once made), on fresh flavors (their first read makes them) and ``f.disk.size``,
next to their limit: ``f.input``, a pyo3 getter that returns a ``str`` the flavor holds.

The targets of issue 12: ``parse()`` >= 100x the official checker per name, ``check_many()``
>= 250x. Figures are best-of-N wall times on whatever machine runs it; the script prints
the machine and the load.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import scs_flavor
from scs_flavor import _native

HERE = Path(__file__).resolve().parent
DEFAULT_VECTORS = HERE.parent.parent.parent / "shared" / "vectors" / "reference-labels.jsonl"

# The standard's v2/v3 grammar as one regular expression (REFERENCE.md §1).
NAME = re.compile(
    r"SCS-(?P<cpus>[0-9]*)(?P<cpu_type>[LVTC])(?P<insecure>i)?"
    r"-(?P<ram>[0-9.]*)(?P<no_ecc>u)?(?P<oversub>o)?"
    r"(?:-(?:(?P<disk_count>[0-9]*)x)?(?P<disk_size>[0-9]*)(?P<disk_type>[nhsp])?)?"
    r"(?:_(?P<hypervisor>kvm|xen|vmw|hyv|bms|chy))?"
    r"(?P<hwv>_hwv)?"
    r"(?:_(?P<vendor>[izar])(?P<gen>[0-9]*)(?P<freq>h*)(?=$|_))?"
    r"(?:_(?P<gpu_kind>[gG])(?P<gpu_vendor>[NAI])(?P<gpu_gen>[^-h_]*)"
    r"(?:-(?P<units>[0-9]+))?(?P<unit_freq>h*)(?:-(?P<vram>[0-9]+))?(?P<bandwidth>h*))?"
    r"(?P<ib>_ib)?"
)


def regex_parse(name: str) -> Optional[Dict[str, Any]]:
    """What an ops script would write: fullmatch, then a dict with typed fields."""
    m = NAME.fullmatch(name)
    if m is None:
        return None
    g = m.groupdict()
    return {
        "cpus": int(g["cpus"]) if g["cpus"] else None,
        "cpu_type": g["cpu_type"],
        "insecure": g["insecure"] is not None,
        "ram": float(g["ram"]) if g["ram"] and g["ram"].count(".") <= 1 and g["ram"] != "." else None,
        "no_ecc": g["no_ecc"] is not None,
        "oversubscribed": g["oversub"] is not None,
        "disk": {
            "count": int(g["disk_count"]) if g["disk_count"] else 1,
            "size": int(g["disk_size"]) if g["disk_size"] else None,
            "type": g["disk_type"],
        },
        "hypervisor": g["hypervisor"],
        "hwv": g["hwv"] is not None,
        "cpu_brand": g["vendor"] and (g["vendor"], int(g["gen"] or 0), len(g["freq"])),
        "gpu": g["gpu_kind"] and {
            "kind": g["gpu_kind"],
            "vendor": g["gpu_vendor"],
            "generation": g["gpu_gen"],
            "units": int(g["units"]) if g["units"] else None,
            "vram": int(g["vram"]) if g["vram"] else None,
        },
        "ib": g["ib"] is not None,
    }


def baseline() -> Tuple[str, Callable[[str], object]]:
    """The official checker's parser if ``SCS_REFERENCE_DIR`` has it, else the regex parser."""
    folder = os.environ.get("SCS_REFERENCE_DIR")
    path = Path(folder) / "flavor_names.py" if folder else None
    if path is None or not path.is_file():
        return "regex fullmatch + dict (no SCS_REFERENCE_DIR)", regex_parse
    spec = importlib.util.spec_from_file_location("flavor_names", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    parser = module.parser_v3

    def official(name: str) -> object:
        try:
            return parser(name)
        except Exception:  # noqa: BLE001 - the checker raises ValueError and friends
            return None

    return f"official checker ({path}, parser_v3)", official


def per_name(fn: Callable[[], object], count: int, repeat: int) -> float:
    """Best-of-`repeat` time of `fn()` divided by `count`, in nanoseconds."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter_ns()
        fn()
        best = min(best, time.perf_counter_ns() - t)
    return best / count


def per_read(make: Callable[[], List[Any]], read: Callable[[List[Any]], object], repeat: int) -> float:
    """Best-of-`repeat` time of `read(objects)` per object, the objects made anew (untimed) by
    `make()` before each run, in nanoseconds."""
    best = float("inf")
    for _ in range(repeat):
        objects = make()
        t = time.perf_counter_ns()
        read(objects)
        best = min(best, (time.perf_counter_ns() - t) / len(objects))
    return best


def attribute_reads(valid: List[str], repeat: int) -> None:
    """Prints the attribute reads (ns each) next to their limit, ``f.input``."""
    def fresh() -> List[Any]:
        return [scs_flavor.parse(name) for name in valid]

    flavors = fresh()
    with_disk = [f for f in flavors if f.disk is not None]

    def cpus(fs: List[Any]) -> None:
        for f in fs:
            f.cpus

    def disk_size(fs: List[Any]) -> None:
        for f in fs:
            f.disk.size

    def inputs(fs: List[Any]) -> None:
        for f in fs:
            f.input

    cpus(flavors)
    disk_size(with_disk)
    limit = per_read(lambda: flavors, inputs, repeat)
    rows = [
        ("f.cpus (read before)", per_read(lambda: flavors, cpus, repeat)),
        ("f.cpus (first read, fresh flavors)", per_read(fresh, cpus, max(5, repeat // 2))),
        ("f.disk.size (read before; 2 reads)", per_read(lambda: with_disk, disk_size, repeat)),
    ]
    print(f"attribute reads over {len(flavors)} flavors (limit: f.input, a pyo3 getter returning a held str)")
    for label, ns in rows:
        print(f"  {label:<34} {ns:8.0f} {limit:7.0f} {ns / limit:7.2f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--vectors", type=Path, default=DEFAULT_VECTORS)
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--attributes", action="store_true", help="only the attribute reads")
    args = ap.parse_args()
    with args.vectors.open(encoding="utf-8") as f:
        names: List[str] = [json.loads(line)["name"] for line in f if line.strip()]
    n = len(names)
    valid = [r.input for r in scs_flavor.check_many(names) if r.status == "valid"]
    if args.attributes:
        return attribute_reads(valid, args.repeat)
    valid_set = set(valid)
    invalid = [name for name in names if name not in valid_set]
    share_invalid = len(invalid) / n
    base_label, base = baseline()

    parse, check, check_many, ParseError = (
        scs_flavor.parse, scs_flavor.check, scs_flavor.check_many, scs_flavor.ParseError,
    )
    # An older build without the no-op calls (to compare before/after): limits shown as 0.
    noop = getattr(_native, "_noop", lambda name, raise_=False: None)
    noop_many = getattr(_native, "_noop_many", lambda names: None)

    def parse_loop() -> None:
        for name in names:
            try:
                parse(name)
            except ParseError:
                pass

    def parse_valid_loop() -> None:
        for name in valid:
            parse(name)

    def parse_invalid_loop() -> None:
        for name in invalid:
            try:
                parse(name)
            except ParseError:
                pass

    def check_loop() -> None:
        for name in names:
            check(name)

    def noop_loop() -> None:
        for name in names:
            noop(name)

    def noop_raise_loop() -> None:
        for name in names:
            try:
                noop(name, True)
            except ParseError:
                pass

    def base_loop() -> None:
        for name in names:
            base(name)

    def empty_loop() -> None:
        for name in names:
            pass

    r = args.repeat
    t = {
        "parse": per_name(parse_loop, n, r),
        "parse valid": per_name(parse_valid_loop, len(valid), r),
        "parse invalid": per_name(parse_invalid_loop, len(invalid), r),
        "check": per_name(check_loop, n, r),
        "check_many": per_name(lambda: check_many(names), n, r),
        "noop": per_name(noop_loop, n, r),
        "noop raise": per_name(noop_raise_loop, n, r),
        "noop_many": per_name(lambda: noop_many(names), n, r),
        "empty": per_name(empty_loop, n, r),
        # The baseline is slow: fewer rounds keep the run short.
        "base": per_name(base_loop, n, max(5, r // 2)),
    }
    mix_limit = (1 - share_invalid) * t["noop"] + share_invalid * t["noop raise"]
    if not hasattr(_native, "_noop"):
        t["noop"] = t["noop raise"] = t["noop_many"] = mix_limit = float("nan")
    rows = [
        ("parse() in a loop, all names", t["parse"], mix_limit, 100),
        ("parse() in a loop, valid names", t["parse valid"], t["noop"], None),
        ("parse() in a loop, invalid names", t["parse invalid"], t["noop raise"], None),
        ("check() in a loop", t["check"], t["noop"], None),
        ("check_many(names)", t["check_many"], t["noop_many"], 250),
    ]
    print(f"{n} vector names ({len(valid)} valid under v3, {share_invalid:.0%} invalid or not SCS), "
          f"best of {r} runs ({max(5, r // 2)} for the baseline)")
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} CPUs, "
          f"load {load:.1f}, {platform.platform()}")
    print(f"baseline: {base_label}: {t['base']:.0f} ns/name; empty Python loop {t['empty']:.0f} ns/name")
    print(f"  {'call':<34} {'ns/name':>8} {'limit':>7} {'x limit':>8} {'x faster than baseline':>24}")
    for label, ns, limit, target in rows:
        speedup = t["base"] / ns
        goal = f" (target >= {target}x)" if target else ""
        print(f"  {label:<34} {ns:8.0f} {limit:7.0f} {ns / limit:7.2f}x {speedup:11.1f}x{goal}")
    print(f"limits: no-op call {t['noop']:.0f} ns, raising {t['noop raise']:.0f} ns (the mix: "
          f"{mix_limit:.0f} ns), bulk {t['noop_many']:.0f} ns a name")
    attribute_reads(valid, r)


if __name__ == "__main__":
    sys.exit(main())
