"""The console script ``scs-flavor`` and ``python -m scs_flavor``: the Rust CLI run through
the binding (exit status = number of invalid names, capped at 255; ``-`` reads stdin;
``-o json`` / ``-o yaml``)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from typing import List, Optional

import pytest

from scs_flavor._cli import main


def run(
    script: str, *args: str, stdin: Optional[str] = None
) -> "subprocess.CompletedProcess[str]":
    return subprocess.run(
        [script, *args],
        input=stdin if stdin is not None else "",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_parse_v3(console_script: str) -> None:
    p = run(console_script, "parse", "v3", "SCS-2V-4-20s")
    assert (p.returncode, p.stdout, p.stderr) == (0, "", "")
    p = run(console_script, "parse", "-v", "v3", "SCS-2V-4-20s")
    assert (p.returncode, p.stdout) == (0, "OK: SCS-2V-4-20s\n")


def test_exit_status_counts_invalid_names(console_script: str) -> None:
    p = run(console_script, "parse", "v3", "SCS-2V-4", "SCS-2v-4", "m1.large", "SCS-0V-4")
    assert p.returncode == 2
    assert p.stdout.splitlines() == [
        "expected CPU type `L`, `V`, `T` or `C` after the vCPU count, found `v`: SCS-2v-4",
        "NOT an SCS flavor: m1.large",
        "vCPU count must be positive, not 0: SCS-0V-4",
    ]


def test_exit_status_is_capped(console_script: str) -> None:
    names = "".join(f"SCS-{i}v-4\n" for i in range(300))
    p = run(console_script, "parse", "v3", "-", stdin=names)
    assert p.returncode == 255
    assert len(p.stdout.splitlines()) == 300


def test_stdin(console_script: str) -> None:
    p = run(console_script, "parse", "-v", "v2/v1", "-", "SCS-1L-1", stdin="SCS-2V:4\n\nSCS-4V-8\r\n")
    assert p.returncode == 0
    assert p.stdout.splitlines() == ["OK: SCS-2V:4", "OK: SCS-4V-8", "OK: SCS-1L-1"]
    assert "WARNING: v1 syntax is merely tolerated by strategy v2/v1: SCS-2V:4" in p.stderr


def test_json(console_script: str) -> None:
    p = run(console_script, "parse", "-o", "json", "v3", "SCS-2V-4", "SCS-2V-3.25", "x")
    assert p.returncode == 1
    records = [json.loads(line) for line in p.stdout.splitlines()]
    assert [r["status"] for r in records] == ["valid", "invalid", "not-scs"]
    assert records[0]["spec"]["ram"] == 4.0
    assert records[1]["error"] == {
        "kind": "ram-not-half",
        "message": "RAM must be a multiple of 0.5 GiB",
        "start": 7,
        "end": 11,
    }
    import scs_flavor

    assert records == [scs_flavor.check(n).to_dict() for n in ("SCS-2V-4", "SCS-2V-3.25", "x")]


def test_yaml(console_script: str) -> None:
    p = run(console_script, "parse", "-o", "yaml", "v3", "SCS-2V-4-20s")
    assert p.returncode == 0
    assert p.stdout == (
        "---\n"
        "cpus: 2\n"
        "disk: 20\n"
        "ram: 4.0\n"
        "scs:cpu-type: shared-core\n"
        "scs:disk0-type: ssd\n"
        "scs:name-v1: SCS-2V:4:20s\n"
        "scs:name-v2: SCS-2V-4-20s\n"
        "\n"
    )


def test_prose(console_script: str) -> None:
    p = run(console_script, "parse", "-o", "prose", "v3", "SCS-2V-4-20s")
    assert p.stdout == "2 vCPUs, 4 GiB ECC RAM, 20 GB local SSD\n"


def test_usage_errors(console_script: str) -> None:
    p = run(console_script, "parse", "v9", "SCS-2V-4")
    assert p.returncode == 2 and "unknown strategy" in p.stderr
    p = run(console_script)
    assert p.returncode == 2 and "Usage: scs-flavor" in p.stderr
    p = run(console_script, "--version")
    assert (p.returncode, p.stdout) == (0, "scs-flavor 0.1.0\n")


def test_python_dash_m_is_the_same(console_script: str) -> None:
    args = ["parse", "-v", "-o", "json", "v2/v1", "SCS-2V:4", "SCS-2v-4", "-"]
    a = run(console_script, *args, stdin="SCS-04V-8\n")
    b = run(sys.executable, "-m", "scs_flavor", *args, stdin="SCS-04V-8\n")
    assert (a.returncode, a.stdout, a.stderr) == (b.returncode, b.stdout, b.stderr)
    assert a.returncode == 1


def test_in_process_with_python_streams(monkeypatch: pytest.MonkeyPatch) -> None:
    """``main()`` reads and writes Python's sys.std* (so redirection in Python works)."""
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdin", io.StringIO("SCS-2V-4\nSCS-2V-4_kvm_kvm\n"))
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["parse", "-v", "v3", "-", "SCS-04V-8"]) == 1
    lines: List[str] = out.getvalue().splitlines()
    assert lines == [
        "OK: SCS-2V-4",
        "the hypervisor extension is repeated (expected extensions in the order hypervisor, "
        "hwv, CPU brand, GPU, ib, each once): SCS-2V-4_kvm_kvm",
        "OK: SCS-04V-8",
    ]
    assert err.getvalue().splitlines() == [
        "SCS-2V-4_kvm_kvm",
        "            ^^^^ the hypervisor extension is repeated (expected extensions in the "
        "order hypervisor, hwv, CPU brand, GPU, ib, each once)",
        "WARNING: not in canonical form: write `SCS-4V-8`: SCS-04V-8",
    ]


def test_in_process_without_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    assert main(["parse", "-v", "v3", "-"]) == 0
    assert out.getvalue() == ""


def test_stream_errors_are_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    class Failing(io.StringIO):
        def readline(self, size: Optional[int] = -1) -> str:  # type: ignore[override]
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", Failing())
    with pytest.raises(KeyboardInterrupt):
        main(["parse", "v3", "-"])


def test_broken_pipe_is_quiet(console_script: str) -> None:
    names = "".join(f"SCS-{i}V-4\n" for i in range(1, 20000))
    p = subprocess.run(
        f"'{console_script}' parse -v v3 - | head -n 1",
        shell=True,
        input=names,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert p.stdout == "OK: SCS-1V-4\n"
    assert "Traceback" not in p.stderr and "Exception ignored" not in p.stderr
