#!/usr/bin/env bash
# CI for the WASM/npm package `scs-flavor` and its page (scs-flavor-wasm/): installs what a
# fresh machine lacks (wasm32 target, the pinned wasm-bindgen CLI, npm dev dependencies,
# Debian's Chromium), builds the package (both modules: the name functions and
# `scs-flavor/audit`), then runs the node tests, the wasm-bindgen tests and the end-to-end test
# in headless Chromium. Run from the repository root, with shared/ beside it (../shared/vectors;
# the audit tests read scs-flavor-audit/tests/data). The last line is a summary:
# "wasm: N passed, N failed".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"
step() { printf '\n==> %s\n' "$*"; }

step "Rust target wasm32-unknown-unknown"
rustup target add wasm32-unknown-unknown

pinned="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' scs-flavor-wasm/Cargo.toml)"
step "wasm-bindgen CLI $pinned"
if [[ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" == "$pinned" ]]; then
  echo "already installed"
else
  cargo install wasm-bindgen-cli --version "=$pinned"
fi

step "Chromium (Debian)"
if [[ -x /usr/bin/chromium ]]; then
  echo "already installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
else
  sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >/dev/null
fi

step "npm dev dependencies"
(cd scs-flavor-wasm && npm ci --no-audit --no-fund)

step "build (scs-flavor-wasm/build.sh)"
bash scs-flavor-wasm/build.sh

passed=0
failed=0
status=0
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

step "wasm-bindgen-test (node; name and audit exports)"
if ! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked -p scs-flavor-wasm --target wasm32-unknown-unknown --features audit 2>&1 | tee "$log"; then
  status=1
fi
while read -r p f; do
  passed=$((passed + p))
  failed=$((failed + f))
done < <(sed -n 's/^test result: [a-zA-Z]*\. \([0-9]*\) passed; \([0-9]*\) failed.*/\1 \2/p' "$log")

step "node tests: package, reference vectors, page in headless Chromium"
if ! (cd scs-flavor-wasm && node --test --test-reporter=tap test/*.test.mjs test/e2e/*.test.mjs) 2>&1 | tee "$log"; then
  status=1
fi
p="$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$log" | tail -1)"
f="$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$log" | tail -1)"
if [[ -z "$p" || -z "$f" ]]; then
  echo "no node test summary" >&2
  status=1
fi
passed=$((passed + ${p:-0}))
failed=$((failed + ${f:-0}))

echo
echo "wasm: $passed passed, $failed failed"
exit "$status"
