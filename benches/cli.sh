#!/usr/bin/env bash
# Benchmark (not a test) of the command line over 1,000,000 names read from a file, against
# its limits measured in the same run: `wc -l` and a plain read loop (Python's
# `for line in sys.stdin.buffer`) over the same file. Prints best-of-N wall and CPU
# (user + system) seconds and each figure as a multiple of its limit.
#
# Usage: bash benches/cli.sh [SCS_FLAVOR_BINARY] [ROUNDS]
#   default binary: $CARGO_TARGET_DIR/release/scs-flavor (build it first:
#   `cargo build --release -p scs-flavor-cli --no-default-features`); default rounds: 7.
# The names are the 3,996 names of ../shared/vectors/reference-labels.jsonl (valid, invalid
# and not-SCS, in file order) repeated to 1,000,000 lines, written to target/bench-names-1m.txt.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"
bin="${1:-$target/release/scs-flavor}"
rounds="${2:-7}"
vectors="$root/../shared/vectors/reference-labels.jsonl"
names="$target/bench-names-1m.txt"

mkdir -p "$target"
if [[ ! -s "$names" ]]; then
  python3 - "$vectors" "$names" <<'EOF'
import json, sys
src, dst = sys.argv[1:]
names = [json.loads(line)["name"] for line in open(src, encoding="utf-8")]
# One name a line: leave out the few vector names that are blank or hold a line break.
names = [n for n in names if n.strip() == n and n and "\n" not in n and "\r" not in n]
with open(dst, "w", encoding="utf-8") as f:
    for i in range(1_000_000):
        f.write(names[i % len(names)] + "\n")
EOF
fi

# best WALL CPU over $rounds runs of "$@" < $names > /dev/null 2> /dev/null
best() {
  python3 - "$rounds" "$names" "$@" <<'EOF'
import os, subprocess, sys, time
rounds, names, cmd = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
walls, cpus = [], []
for _ in range(rounds):
    with open(names, "rb") as f:
        before = os.times()
        t = time.perf_counter()
        subprocess.run(cmd, stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        walls.append(time.perf_counter() - t)
        after = os.times()
        cpus.append(after.children_user - before.children_user + after.children_system - before.children_system)
print(f"{min(walls):.3f} {min(cpus):.3f}")
EOF
}

echo "machine: $(nproc) CPUs, $(lscpu 2>/dev/null | sed -n 's/^Model name: *//p'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $(wc -l <"$names") names, $(wc -c <"$names") bytes; best of $rounds runs"
read -r wc_wall wc_cpu < <(best wc -l)
read -r loop_wall loop_cpu < <(best python3 -c 'import sys
for line in sys.stdin.buffer: pass')
printf '%-34s %8s %8s %12s %12s\n' "what" "wall s" "CPU s" "× wc -l" "× read loop"
row() { # row LABEL WALL CPU
  awk -v l="$1" -v w="$2" -v c="$3" -v ww="$wc_wall" -v lw="$loop_wall" 'BEGIN {
    printf "%-34s %8.3f %8.3f %11.1f× %11.1f×\n", l, w, c, w / ww, w / lw
  }'
}
row "limit: wc -l" "$wc_wall" "$wc_cpu"
row "limit: read loop (python3)" "$loop_wall" "$loop_cpu"
read -r w c < <(best "$bin" parse v3 -)
row "scs-flavor parse v3 -" "$w" "$c"
read -r w c < <(best "$bin" parse -o json v3 -)
row "scs-flavor parse -o json v3 -" "$w" "$c"
