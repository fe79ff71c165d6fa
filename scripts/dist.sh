#!/usr/bin/env bash
# Builds every release artefact of scs-flavor into dist/ (emptied first):
#   scs_flavor-V-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl
#                                the Python wheel: one abi3 wheel for CPython >= 3.9, linked
#                                with zig against glibc 2.17 (manylinux2014), checked by maturin's
#                                auditwheel check
#   scs_flavor-V.tar.gz          the Python sdist (builds the wheel with a Rust toolchain)
#   scs-flavor-V.tgz             the npm package (`npm pack` of scs-flavor-wasm/pkg)
#   NAME-V.crate                 `cargo package` of every publishable crate of the workspace
#   SHA256SUMS                   their checksums
# V is the workspace version (Cargo.toml [workspace.package]), the only place it is written:
# maturin takes it from Cargo.toml, scs-flavor-wasm/build.sh writes it into package.json.
#
# Needs Rust (cargo), Python >= 3.9 with venv or pip, node and npm, the wasm32 target and the
# wasm-bindgen CLI of scs-flavor-wasm/build.sh; maturin and zig (the PyPI packages maturin and
# ziglang, pinned below) are installed into a venv of their own. `bash .ci/dist.sh` installs
# all of it and then tests what this wrote.
#   DIST_VENV  the build venv (default: $CARGO_TARGET_DIR/dist-venv, else target/dist-venv)
#   PYTHON     the interpreter that makes it (default: python3)
#   DIST_ALLOW_DIRTY=1  package crates with uncommitted changes (cargo package --allow-dirty)
#   DIST_NO_VERIFY=1    don't build the packaged crates (.ci/dist.sh does: its
#                       `cargo publish --dry-run` builds them and compares the .crate files)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
target="${CARGO_TARGET_DIR:-$root/target}"
venv="${DIST_VENV:-$target/dist-venv}"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off
MATURIN="maturin==1.16.0"
ZIGLANG="ziglang==0.17.1"
say() { printf '\n== %s\n' "$*"; }

version="$(cargo metadata --no-deps --format-version 1 --locked | python3 -c '
import json, sys
members = json.load(sys.stdin)["packages"]
versions = {p["name"]: p["version"] for p in members}
if len(set(versions.values())) != 1:
    sys.exit(f"the workspace members have different versions: {versions}")
print(versions["scs-flavor"])')"
say "scs-flavor $version -> dist/"
rm -rf dist
mkdir -p dist

say "build venv $venv ($MATURIN, $ZIGLANG)"
if [ ! -x "$venv/bin/python" ]; then
  mkdir -p "$(dirname "$venv")"
  "${PYTHON:-python3}" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet "$MATURIN" "$ZIGLANG"
# maturin finds zig as `python -m ziglang` of the first python on PATH.
export PATH="$venv/bin:$PATH"

say "Python wheel (maturin --zig, manylinux2014)"
# Linked by zig against glibc 2.17 instead of this machine's glibc, so that it installs on every
# distribution of the last ten years (RHEL/Rocky 8: glibc 2.28, Ubuntu 20.04: 2.31); built with
# the system linker it would need glibc 2.34 (manylinux_2_34). maturin's auditwheel check
# refuses the wheel if the module needs more than manylinux2014 allows.
maturin build --release --locked --zig --compatibility manylinux2014 \
  --manifest-path scs-flavor-py/Cargo.toml --out dist

say "Python sdist"
maturin sdist --manifest-path scs-flavor-py/Cargo.toml --out dist

say "npm package (scs-flavor-wasm/build.sh, npm pack)"
if [ ! -x scs-flavor-wasm/node_modules/.bin/wasm-opt ]; then
  (cd scs-flavor-wasm && npm ci --no-audit --no-fund)
fi
bash scs-flavor-wasm/build.sh
npm pack ./scs-flavor-wasm/pkg --pack-destination dist --silent >/dev/null

say "crates (cargo package of every crate not marked publish = false)"
publishable=()
while read -r name; do publishable+=(-p "$name"); done < <(cargo metadata --no-deps --format-version 1 --locked |
  python3 -c '
import json, sys
for p in json.load(sys.stdin)["packages"]:
    if p["publish"] != []:
        print(p["name"])')
flags=()
[ "${DIST_ALLOW_DIRTY:-0}" = 1 ] && flags+=(--allow-dirty)
[ "${DIST_NO_VERIFY:-0}" = 1 ] && flags+=(--no-verify)
# Packaged together, so that the crates that depend on scs-flavor are verified against the
# packaged scs-flavor, not against crates.io (where this version may not be yet).
cargo package --locked "${flags[@]}" "${publishable[@]}"
for ((i = 1; i < ${#publishable[@]}; i += 2)); do
  cp "$target/package/${publishable[i]}-$version.crate" dist/
done

(cd dist && sha256sum -- * >SHA256SUMS)
say "dist/"
ls -l dist
