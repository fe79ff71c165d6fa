#!/usr/bin/env bash
# CI for the release artefacts: installs what a fresh machine lacks (wasm32 target, the pinned
# wasm-bindgen CLI, Debian's Chromium), runs scripts/dist.sh, then tests what it wrote to
# dist/ — not the source trees — as users get it:
#   - every artefact: the workspace version, the license file and the metadata;
#   - the wheel in a fresh venv with no cargo/rustc on PATH: import, the typed API (mypy
#     --strict over a user's script), the `scs-flavor` console script, `python -m scs_flavor`;
#   - the sdist: `pip wheel` builds it (with Rust), and that wheel works;
#   - the npm tarball installed into fresh copies of the projects in
#     scs-flavor-wasm/test/consumers/ (dev dependencies pinned by their package-lock.json):
#     node ESM import, node require(), tsc --noEmit of a TypeScript user (node16+ and bundler
#     resolution), a Vite app and a webpack 5 app with their default configuration built and
#     loaded in headless Chromium (check() and scs-flavor/audit asserted on the page);
#   - `cargo publish --dry-run` of every publishable crate together (it builds each packaged
#     crate against the other packaged ones) and the same .crate files as in dist/;
#     `cargo install --path scs-flavor-cli` gives a working `scs-flavor`.
# Run from anywhere; CARGO_TARGET_DIR is honoured (the build venv, the wheel build and the
# cargo builds reuse it). The last line is "dist: N passed, N failed".
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$PWD"
export PATH="$HOME/.cargo/bin:$PATH" PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off
target="${CARGO_TARGET_DIR:-$root/target}"
mkdir -p "$target"
work="$(mktemp -d "$target/dist-ci.XXXXXX")"
trap 'rm -rf "$work"' EXIT
step() { printf '\n==> %s\n' "$*"; }
passed=0
failed=0
# t NAME COMMAND...: one test, its output indented.
# (Not run as an `if` condition, where bash would ignore `set -e` in the test's subshells.)
t() {
  local name=$1 rc
  shift
  "$@" >"$work/out" 2>&1
  rc=$?
  sed 's/^/    /' "$work/out"
  if [ "$rc" -eq 0 ]; then
    passed=$((passed + 1))
    echo "ok - $name"
  else
    failed=$((failed + 1))
    echo "not ok - $name"
  fi
  return "$rc"
}
finish() {
  echo
  echo "dist: $passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit
}

step "prerequisites: wasm32 target, wasm-bindgen CLI, Chromium"
rustup target add wasm32-unknown-unknown
pinned="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' scs-flavor-wasm/Cargo.toml)"
if [[ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$pinned" ]]; then
  cargo install --locked wasm-bindgen-cli --version "=$pinned"
fi
if [[ ! -x /usr/bin/chromium ]]; then
  sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

step "scripts/dist.sh"
if ! DIST_ALLOW_DIRTY=1 DIST_NO_VERIFY=1 bash scripts/dist.sh; then
  failed=$((failed + 1))
  echo "not ok - scripts/dist.sh"
  finish
fi
passed=$((passed + 1))
echo "ok - scripts/dist.sh"
dist="$root/dist"
version="$(cargo metadata --no-deps --format-version 1 --locked |
  python3 -c 'import json, sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "scs-flavor"))')"
whl=("$dist"/scs_flavor-"$version"-*.whl)
sdist="$dist/scs_flavor-$version.tar.gz"
tgz="$dist/scs-flavor-$version.tgz"

step "the artefacts: names, versions, licenses, metadata"
t "artefacts: version $version, license file and metadata in each" \
  python3 .ci/dist_check.py "$dist" "$version" "$root/LICENSE"

step "the wheel in a fresh venv without Rust"
# The interpreters themselves (not pyenv's shims, which need more than /usr/bin on PATH): this
# machine's python3 and, where there is one, a CPython 3.9, the oldest the abi3 wheel supports.
pythons=("$(python3 -c 'import sys; print(sys.executable)')")
for p in /root/.pyenv/versions/3.9*/bin/python3 /usr/bin/python3.9; do
  [ -x "$p" ] && pythons+=("$p") && break
done
wheel_venv() { # wheel_venv PYTHON VENV WHEEL: a fresh venv with WHEEL (and mypy), without Rust
  env PATH="/usr/bin:/bin" "$1" -m venv "$2" &&
    env PATH="$2/bin:/usr/bin:/bin" sh -c '! command -v cargo && ! command -v rustc' &&
    env PATH="$2/bin:/usr/bin:/bin" "$2/bin/python" -m pip install --quiet --no-index "$3" &&
    env PATH="$2/bin:/usr/bin:/bin" "$2/bin/python" -m pip install --quiet "mypy>=1.10" &&
    "$2/bin/python" --version
}
smoke() { # smoke VENV: the installed package as a user runs it
  local v=$1
  (
    set -e
    export PATH="$v/bin:/usr/bin:/bin"
    cd "$work" # not the repository: only the installed package can be imported
    out="$("$v/bin/scs-flavor" parse -v v3 SCS-2V-4-20s SCS-2V-4_i7 m1.large 2>&1)" && exit 1
    printf '%s\n' "$out"
    printf '%s\n' "$out" | grep -Fqx 'OK: SCS-2V-4-20s'
    printf '%s\n' "$out" | grep -Fqx 'CPU generation 7 is not defined for Intel (expected 0-6 or none): SCS-2V-4_i7'
    printf '%s\n' "$out" | grep -Fqx 'NOT an SCS flavor: m1.large'
    "$v/bin/python" -m scs_flavor parse -o json v3 SCS-2V-4-20s |
      "$v/bin/python" -c 'import json, sys; r = json.loads(sys.stdin.readline()); assert r["status"] == "valid" and r["v1"] == "SCS-2V:4:20s", r'
    "$v/bin/python" -c '
import importlib.metadata, scs_flavor
assert importlib.metadata.version("scs-flavor") == "'"$version"'"
assert scs_flavor.__file__.startswith("'"$v"'"), scs_flavor.__file__
print(scs_flavor.__file__)'
    "$v/bin/python" "$root/scs-flavor-wasm/test/consumers/python/consumer.py"
    "$v/bin/python" -m mypy --strict --no-incremental "$root/scs-flavor-wasm/test/consumers/python/consumer.py"
  )
}
for py in "${pythons[@]}"; do
  pv="$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
  if t "wheel: installs into a fresh Python $pv venv with no cargo/rustc on PATH (pip --no-index)" \
    wheel_venv "$py" "$work/wheel-venv-$pv" "${whl[0]}"; then
    t "wheel: Python $pv: console script, python -m scs_flavor, import, typed API (mypy --strict)" \
      smoke "$work/wheel-venv-$pv"
  fi
done

step "the sdist builds (with Rust) into a working wheel"
sdist_wheel() {
  # A target dir of its own: cargo hashes workspace crates by their path inside the workspace,
  # so the unpacked sdist's crates would share (and may take stale) artifacts of the checkout's.
  python3 -m venv "$work/sdist-build" &&
    CARGO_TARGET_DIR="$target/dist-sdist" \
      "$work/sdist-build/bin/python" -m pip wheel --quiet --no-deps -w "$work/sdist-wheel" "$sdist" &&
    ls "$work"/sdist-wheel/scs_flavor-"$version"-cp39-abi3-*.whl
}
if t "sdist: pip wheel builds it" sdist_wheel; then
  sw=("$work"/sdist-wheel/*.whl)
  if t "sdist: its wheel installs without Rust" wheel_venv "${pythons[0]}" "$work/sdist-venv" "${sw[0]}"; then
    t "sdist: its wheel works (console script, python -m, typed API)" smoke "$work/sdist-venv"
  fi
fi

step "the npm tarball in fresh projects"
consumers="$root/scs-flavor-wasm/test/consumers"
project() { # project NAME: a fresh copy of consumers/NAME with its locked dev deps and the tarball
  rm -rf "${work:?}/$1" && cp -r "$consumers/$1" "$work/$1" && rm -rf "$work/$1/node_modules" &&
    (cd "$work/$1" && npm ci --no-audit --no-fund --silent && npm install --no-save --no-audit --no-fund --silent "$tgz")
}
node_esm() { (cd "$work/node" && node esm.mjs); }
node_cjs() { (cd "$work/node" && node cjs.cjs); }
tsc_check() { (cd "$work/node" && npx --no-install tsc -p "$1"); }
if t "npm: a node project installs the tarball" project node; then
  t "npm: node ESM import of scs-flavor and scs-flavor/audit (loaded at import, no init needed)" node_esm
  t "npm: node require() of scs-flavor and scs-flavor/audit ($(node --version))" node_cjs
  t "npm: tsc --noEmit of a TypeScript user (nodenext resolution)" tsc_check tsconfig.json
  t "npm: tsc --noEmit of a TypeScript user (bundler resolution)" tsc_check tsconfig.bundler.json
fi
harness() { (cd "$consumers/harness" && npm ci --no-audit --no-fund --silent); }
bundle() { # bundle NAME: build the app with the bundler's default configuration, load it in Chromium
  local app="$work/$1"
  (
    set -e
    cd "$app"
    if [ "$1" = vite ]; then
      cp "$consumers/page.js" page.js
      npx --no-install vite build 2>&1 | tee build.log
      # Vite warns when it replaces a node: module (or any node built-in) for the browser.
      ! grep -Ei 'externalized|top-level await' build.log
    else
      mkdir -p src && cp "$consumers/page.js" src/index.js
      npx --no-install webpack --mode production 2>&1 | tee build.log
      cp public/index.html dist/
    fi
    node "$consumers/harness/browser.mjs" dist "$1"
  )
}
if t "npm: the browser harness installs (playwright-core)" harness; then
  for app in vite webpack; do
    if t "npm: a $app project installs the tarball" project "$app"; then
      t "npm: $app default build, loaded in headless Chromium: check() and scs-flavor/audit" bundle "$app"
    fi
  done
fi

step "crates: cargo publish --dry-run of every publishable crate, cargo install of the CLI"
publish_dry_run() {
  local args=()
  for c in "$dist"/*.crate; do
    c="${c##*/}"
    args+=(-p "${c%-"$version".crate}")
  done
  # Cargo extracts the packaged crates into its registry cache as NAME-VERSION and takes a
  # registry crate of the same version as unchanged (sources and builds): remove our
  # extractions and our crates' fingerprints, or a rerun verifies against stale code.
  rm -rf "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/scs-flavor*-"$version" \
    "$target"/debug/.fingerprint/scs-flavor*
  cargo publish --dry-run --locked --allow-dirty "${args[@]}" &&
    for c in "$dist"/*.crate; do
      cmp "$c" "$target/package/${c##*/}" && echo "dist/${c##*/}: the crate that was verified"
    done
}
t "crates: cargo publish --dry-run (each built from its package against the others), same .crate as dist/" publish_dry_run
install_cli() {
  # The dev profile in the shared target dir: the dependencies (openstack_sdk's among them) are
  # the ones `cargo publish --dry-run` just built, not a second, release build of them.
  cargo install --locked --debug --target-dir "$target" --path scs-flavor-cli --root "$work/cargo-root" &&
    out="$("$work/cargo-root/bin/scs-flavor" parse -v v3 SCS-2V-4-20s 2>&1)" &&
    echo "$out" && [ "$out" = "OK: SCS-2V-4-20s" ]
}
t "crates: cargo install --path scs-flavor-cli gives a working scs-flavor" install_cli

finish
