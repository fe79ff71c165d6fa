#!/usr/bin/env bash
# Builds the npm package scs-flavor into scs-flavor-wasm/pkg/ and the page's copy of it into
# scs-flavor-wasm/www/pkg/, then prints the sizes of the two .wasm modules (raw and gzip).
#
# Needs: rustup target wasm32-unknown-unknown, the wasm-bindgen CLI at the version pinned in
# Cargo.toml, and (optional, for a smaller .wasm) `npm ci` here for binaryen's wasm-opt.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

target_dir="${CARGO_TARGET_DIR:-$here/../target}"
# Size-oriented release settings for this build only (profiles can only live in the
# workspace root, so they are given here).
export CARGO_PROFILE_RELEASE_OPT_LEVEL=z
export CARGO_PROFILE_RELEASE_LTO=true
export CARGO_PROFILE_RELEASE_CODEGEN_UNITS=1
export CARGO_PROFILE_RELEASE_PANIC=abort

pinned="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' Cargo.toml)"
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" || true
if [[ "$have" != "$pinned" ]]; then
  echo "build.sh: need wasm-bindgen $pinned (have '${have:-none}'):" >&2
  echo "  cargo install wasm-bindgen-cli --version =$pinned" >&2
  exit 1
fi

# Two modules from the one crate: the name functions (scs_flavor_wasm, for `scs-flavor`), and
# with the feature `audit` the audit and selection (scs_flavor_audit, for `scs-flavor/audit`),
# which would nearly triple the first (see the README's "Size").
rm -rf pkg
module() { # [OPT=LEVEL] [WASM_OPT=LEVEL] module OUT_NAME [cargo flags…]
  local out="$1" opt="${OPT:-z}" wopt="${WASM_OPT:-${OPT:-z}}"
  shift
  CARGO_PROFILE_RELEASE_OPT_LEVEL="$opt" cargo build -p scs-flavor-wasm --target wasm32-unknown-unknown --release --locked "$@"
  wasm-bindgen --target web --no-typescript --out-dir pkg --out-name "$out" \
    "$target_dir/wasm32-unknown-unknown/release/scs_flavor_wasm.wasm"
  local wasm="pkg/${out}_bg.wasm"
  if [[ -x node_modules/.bin/wasm-opt ]]; then
    local before
    before=$(wc -c <"$wasm")
    node_modules/.bin/wasm-opt "-O$wopt" --strip-debug --strip-producers \
      --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue \
      -o "$wasm.opt" "$wasm"
    mv "$wasm.opt" "$wasm"
    echo "wasm-opt -O$wopt: $before -> $(wc -c <"$wasm") bytes"
  else
    echo "build.sh: no node_modules/.bin/wasm-opt (run npm ci here); .wasm not shrunk" >&2
  fi
}
# The name functions are built for speed (opt-level 3: `parse` 1.6× faster than at `z`, for
# +4 % of size; see the README's "Size and speed"), then shrunk by wasm-opt -Oz (-1.2 KB, same
# speed as -O3); the audit for size.
OPT=3 WASM_OPT=z module scs_flavor_wasm
module scs_flavor_audit --no-default-features --features audit

cp js/index.js js/index.node.js js/index.d.ts js/audit.js js/audit.node.js js/audit.d.ts js/load.js README.md \
  ../LICENSE pkg/
rm -f pkg/.gitignore
# package.json: js/package.json with the version of the workspace (Cargo.toml), its only source.
version="$(cargo metadata --no-deps --format-version 1 --locked |
  node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8"));
    process.stdout.write(m.packages.find((p) => p.name === "scs-flavor-wasm").version)')"
node -e 'const [src, dst, version] = process.argv.slice(1);
  const { name, ...rest } = JSON.parse(require("fs").readFileSync(src, "utf8"));
  if (rest.version !== undefined) throw new Error(`${src}: no "version" here, it comes from Cargo.toml`);
  require("fs").writeFileSync(dst, JSON.stringify({ name, version, ...rest }, null, 2) + "\n");' \
  js/package.json pkg/package.json "$version"
echo "pkg/package.json: scs-flavor $version"

rm -rf www/pkg
mkdir -p www/pkg
cp pkg/index.js pkg/audit.js pkg/load.js pkg/scs_flavor_wasm.js pkg/scs_flavor_audit.js \
  pkg/scs_flavor_wasm_bg.wasm pkg/scs_flavor_audit_bg.wasm www/pkg/

for wasm in pkg/scs_flavor_wasm_bg.wasm pkg/scs_flavor_audit_bg.wasm; do
  raw=$(wc -c <"$wasm")
  gz=$(gzip -9 -c "$wasm" | wc -c)
  awk -v n="${wasm#pkg/}" -v r="$raw" -v g="$gz" 'BEGIN {
    printf "%s: %d bytes raw (%.1f KiB), %d bytes gzip -9 (%.1f KiB)\n", n, r, r / 1024, g, g / 1024
  }'
done
