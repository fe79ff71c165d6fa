#!/usr/bin/env bash
# scs-flavor lint: the SARIF output validated against the SARIF 2.1.0 JSON schema.
#
# The schema comes from a registry package: npm's @microsoft/jest-sarif ships
# lib/schemas/sarif-2.1.0-rtm.5.json (the SARIF 2.1.0 schema, draft-04); it is validated with
# Python's `jsonschema` in a venv of its own. The Rust tests (`cargo test --workspace`) pin the
# findings; this step checks the logs of every fixture folder, of all of them at once (with the
# unreadable file) and of standard input against the schema.
#   SCS_FLAVOR_LINT_VENV  the venv to use (default: target/lint-venv)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
work=target/lint-ci
venv="${SCS_FLAVOR_LINT_VENV:-target/lint-venv}"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off
mkdir -p "$work"

schema="$work/package/lib/schemas/sarif-2.1.0-rtm.5.json"
if [ ! -f "$schema" ]; then
  echo "== the SARIF 2.1.0 schema from npm (@microsoft/jest-sarif@1.0.0-beta.0)"
  tarball=$(cd "$work" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0)
  tar -xzf "$work/$tarball" -C "$work" package/lib/schemas/sarif-2.1.0-rtm.5.json
fi

if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" || { python3 -m pip install --user --quiet virtualenv && python3 -m virtualenv --quiet "$venv"; }
fi
"$venv/bin/python" -m pip install --quiet "jsonschema==4.26.0"

echo "== SARIF logs"
cargo build -q -p scs-flavor-cli
bin="${CARGO_TARGET_DIR:-target}/debug/scs-flavor"
data=scs-flavor-lint/tests/data
logs=()
for dir in "$data"/*/ "$data"; do
  name=$(basename "$dir")
  # Exit 1 (an invalid name) and 2 (the broken file) are expected here.
  "$bin" lint -o sarif "$dir" >"$work/$name.sarif" || [ $? -le 2 ]
  logs+=("$work/$name.sarif")
done
printf 'flavor_name = "SCS-2V-4_i7"\n' | "$bin" lint -o sarif --format tf - >"$work/stdin.sarif" || [ $? -le 2 ]
logs+=("$work/stdin.sarif")

"$venv/bin/python" scs-flavor-lint/tests/validate_sarif.py "$schema" "${logs[@]}"
