"""Benchmark (run by hand): ``scs_flavor.parse`` / ``check`` / ``check_many`` per name over the
shared reference vector names, next to the pure-Python alternative an ops script would write
(one compiled ``re.fullmatch`` per name plus building a dict of the fields).

    python scs-flavor-py/bench/bench.py [--vectors PATH] [--repeat N]

The regex baseline only recognises the v2/v3 syntax and builds a dict; it validates no value
(generations, multiples of 0.5, order) and derives no canonical name, short name or spec, so
it does far less than ``parse``: it is the lower bound of what a script would pay in Python.
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import sys
import time
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional

import scs_flavor

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


def per_name(fn: Callable[[], object], count: int, repeat: int) -> float:
    """Best-of-`repeat` time of `fn()` divided by `count`, in nanoseconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter_ns()
        fn()
        times.append(time.perf_counter_ns() - t)
    return min(times) / count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--vectors", type=Path, default=DEFAULT_VECTORS)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    with args.vectors.open(encoding="utf-8") as f:
        names: List[str] = [json.loads(line)["name"] for line in f if line.strip()]
    n = len(names)
    valid = [r.input for r in scs_flavor.check_many(names) if r.status == "valid"]

    parse, check, check_many, ParseError = (
        scs_flavor.parse, scs_flavor.check, scs_flavor.check_many, scs_flavor.ParseError,
    )

    def parse_loop() -> None:
        for name in names:
            try:
                parse(name)
            except ParseError:
                pass

    def parse_valid_loop() -> None:
        for name in valid:
            parse(name)

    def check_loop() -> None:
        for name in names:
            check(name)

    def regex_loop() -> None:
        for name in names:
            regex_parse(name)

    fullmatch = NAME.fullmatch

    def regex_only_loop() -> None:
        for name in names:
            fullmatch(name)

    def regex_valid_loop() -> None:
        for name in valid:
            regex_parse(name)

    def empty_loop() -> None:
        for name in names:
            pass

    rows = [
        ("parse() in a loop, all names", per_name(parse_loop, n, args.repeat)),
        ("parse() in a loop, valid names only", per_name(parse_valid_loop, len(valid), args.repeat)),
        ("check() in a loop", per_name(check_loop, n, args.repeat)),
        ("check_many(names)", per_name(lambda: check_many(names), n, args.repeat)),
        ("regex fullmatch + dict, all names", per_name(regex_loop, n, args.repeat)),
        ("regex fullmatch + dict, valid names only", per_name(regex_valid_loop, len(valid), args.repeat)),
        ("regex fullmatch alone (no dict), all names", per_name(regex_only_loop, n, args.repeat)),
        ("(empty Python loop)", per_name(empty_loop, n, args.repeat)),
    ]
    print(f"{n} vector names ({len(valid)} valid under v3), best of {args.repeat} runs")
    print(f"Python {platform.python_version()} on {platform.machine()}, {platform.platform()}")
    width = max(len(r[0]) for r in rows)
    for label, ns in rows:
        print(f"  {label:<{width}}  {ns:8.0f} ns/name  {1e9 / ns / 1e6:6.2f} M names/s")
    by = dict(rows)
    speedup = by["parse() in a loop, all names"] / by["check_many(names)"]
    print(f"  check_many vs parse() in a loop: {speedup:.1f}x faster per name")
    print(f"  parse() vs regex + dict: {by['regex fullmatch + dict, all names'] / by['parse() in a loop, all names']:.1f}x")


if __name__ == "__main__":
    sys.exit(main())
