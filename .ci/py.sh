#!/usr/bin/env bash
# The Python package (scs-flavor-py): build and install it with pip into a venv of its own,
# then run its tests (reference vectors, API, console script, mypy.stubtest of the stubs).
#
# Run from anywhere on a fresh machine with Rust, Python >= 3.9 and pip; it needs PyPI for
# maturin, pytest, mypy and PyYAML (the YAML test loads the CLI's output with a real parser),
# and crates.io for the Rust build. The reference vectors are read
# from ../shared/vectors beside the repository (or $SCS_FLAVOR_VECTORS).
#   SCS_FLAVOR_PY_VENV  the venv to use (default: target/py-venv)
#   PYTHON              the interpreter that makes it (default: python3)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
venv="${SCS_FLAVOR_PY_VENV:-target/py-venv}"
python="${PYTHON:-python3}"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_PROGRESS_BAR=off

echo "== scs-flavor-py: venv $venv ($("$python" --version 2>&1))"
if [ ! -x "$venv/bin/python" ]; then
  mkdir -p "$(dirname "$venv")"
  if ! "$python" -m venv "$venv"; then
    # Debian's python3 without python3-venv: make the venv with virtualenv from PyPI instead.
    "$python" -m pip install --user --quiet virtualenv
    "$python" -m virtualenv --quiet "$venv"
  fi
fi
py="$(cd "$venv" && pwd)/bin/python"

echo "== installing maturin, pytest, mypy, PyYAML"
"$py" -m pip install --quiet "maturin>=1.16,<2" "pytest>=7" "mypy>=1.10" "PyYAML>=6"

echo "== pip install ./scs-flavor-py (maturin builds the native module in release mode)"
"$py" -m pip install --quiet --force-reinstall --no-deps ./scs-flavor-py

echo "== smoke test of the installed package and console script"
"$(dirname "$py")/scs-flavor" parse -v v3 SCS-2V-4-20s
"$py" -c "import scs_flavor; print(scs_flavor.parse('SCS-2V-4-20s').spec())"

echo "== pytest (includes mypy.stubtest of the .pyi stubs)"
cd scs-flavor-py
exec "$py" -m pytest -q -p no:cacheprovider tests
