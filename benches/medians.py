#!/usr/bin/env python3
"""Prints the criterion medians of the last `cargo bench -p scs-flavor-benches` run as a
markdown table (id, median, throughput, and the median as a multiple of its limit: the byte
scan `scan/short` or `scan/long` of the same run over a name of the same length), in the order
of benches/hot_path.rs.

Usage: python3 benches/medians.py [CRITERION_DIR]   (default: target/criterion, or
$CARGO_TARGET_DIR/criterion when set)
"""
import json
import os
import sys

IDS = [
    "parse/short", "parse/typical", "parse/long", "parse/v1_tolerated", "parse/invalid_early",
    "parse/invalid_late", "parse/not_scs", "corpus/parse_all", "render/canonical_long",
    "render/v1_long", "render/short_long", "spec/long", "describe/long", "scan/short",
    "scan/long",
]

# Each figure's limit: a plain pass over the same bytes, measured in the same run.
LIMITS = {
    "parse/short": "scan/short", "parse/invalid_early": "scan/short",
    "parse/long": "scan/long", "render/canonical_long": "scan/long", "render/v1_long": "scan/long",
}


def fmt_time(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.3f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    return f"{ns:.1f} ns"


def main():
    default = os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "criterion")
    root = sys.argv[1] if len(sys.argv) > 1 else default
    print("| id | median | throughput | × its limit |")
    print("|---|---:|---:|---:|")
    medians = {}
    for bench_id in IDS:
        group, function = bench_id.split("/")
        try:
            with open(os.path.join(root, group, function, "new", "estimates.json")) as f:
                medians[bench_id] = json.load(f)["median"]["point_estimate"]
        except FileNotFoundError:
            pass
    for bench_id in IDS:
        group, function = bench_id.split("/")
        base = os.path.join(root, group, function, "new")
        try:
            with open(os.path.join(base, "estimates.json")) as f:
                median = json.load(f)["median"]["point_estimate"]
            with open(os.path.join(base, "benchmark.json")) as f:
                throughput = json.load(f).get("throughput") or {}
        except FileNotFoundError:
            print(f"| `{bench_id}` | (not run) | | |")
            continue
        if "Bytes" in throughput:
            rate = f"{throughput['Bytes'] / median * 1e9 / 2**20:.0f} MiB/s"
        elif "Elements" in throughput:
            rate = f"{throughput['Elements'] / median * 1e9 / 1e6:.2f} M names/s"
        else:
            rate = ""
        limit = LIMITS.get(bench_id)
        times = f"{median / medians[limit]:.1f}× `{limit}`" if limit in medians else ""
        print(f"| `{bench_id}` | {fmt_time(median)} | {rate} | {times} |")


if __name__ == "__main__":
    main()
