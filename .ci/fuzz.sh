#!/usr/bin/env bash
# Builds every fuzz target and runs each briefly, then compiles the benchmarks.
#
# Run from the repository root: `bash .ci/fuzz.sh`. Needs rustup with a stable toolchain;
# fuzzing uses nightly (`cargo +nightly fuzz`) where a nightly toolchain is installed and
# otherwise falls back to stable without sanitizers (`-s none`). Installs cargo-fuzz when it is
# missing. FUZZ_SECONDS sets the time per target (default 20).
#
# The last line is `N passed, N failed`, counting the fuzz targets and the bench target.
# Long runs are done by hand: `cargo +nightly fuzz run parse -- -max_total_time=600`
# (see benches/RESULTS.md for the totals so far).
set -euo pipefail

cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
seconds="${FUZZ_SECONDS:-20}"
passed=0
failed=0
failures=()

if ! cargo fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo install --locked cargo-fuzz
fi

if cargo +nightly --version >/dev/null 2>&1; then
    fuzz=(cargo +nightly fuzz)
    sanitizer=()
    echo "== fuzzing on $(cargo +nightly --version)"
else
    fuzz=(cargo fuzz)
    sanitizer=(-s none)
    echo "== no nightly toolchain: fuzzing on stable without sanitizers"
fi

targets=$(cd fuzz && "${fuzz[@]}" list)
echo "== building fuzz targets: $(echo "$targets" | tr '\n' ' ')"
if ! "${fuzz[@]}" build "${sanitizer[@]}"; then
    echo "fuzz build failed"
    for target in $targets; do
        failed=$((failed + 1))
        failures+=("fuzz/$target (build)")
    done
    targets=""
fi

for target in $targets; do
    echo "== fuzz/$target for ${seconds}s"
    mkdir -p "fuzz/corpus/$target"
    seeds=()
    if [ -d "fuzz/seeds/$target" ]; then
        seeds=("fuzz/seeds/$target")
    fi
    # The first corpus directory receives new inputs; the committed seeds stay as they are.
    if "${fuzz[@]}" run "${sanitizer[@]}" "$target" "fuzz/corpus/$target" "${seeds[@]}" -- \
        -max_total_time="$seconds" -print_final_stats=1 2>&1 | tail -n 25; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures+=("fuzz/$target")
    fi
done

echo "== benches: cargo bench --no-run"
if cargo bench -p scs-flavor-benches --no-run; then
    passed=$((passed + 1))
else
    failed=$((failed + 1))
    failures+=("benches (compile)")
fi

if [ "${#failures[@]}" -gt 0 ]; then
    echo "failed: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
