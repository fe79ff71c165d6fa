"""The hand-written stubs (``_native.pyi``) match the native module (``mypy.stubtest``), and
the examples type-check against them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_stubtest() -> None:
    p = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "scs_flavor", "--ignore-missing-stub"],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=HERE,
    )
    assert p.returncode == 0, p.stdout + p.stderr


def test_mypy_strict_on_usage(tmp_path: Path) -> None:
    usage = tmp_path / "usage.py"
    usage.write_text(
        "import scs_flavor\n"
        "from scs_flavor import Disk, Flavor, tables\n"
        "f: Flavor = scs_flavor.parse('SCS-2V-4-20s')\n"
        "n: int = f.cpus\n"
        "size: 'int | None' = f.disk.size if f.disk else None\n"
        "spec = f.spec()\n"
        "r = scs_flavor.check('x', 'v2/v1')\n"
        "e = r.error\n"
        "k: str = e.kind if e is not None else ''\n"
        "rs = scs_flavor.check_many(['a', 'b'])\n"
        "g = Flavor(4, 'V', 16, disk=Disk(100, 's'))\n"
        "codes = [e.code for e in tables.cpu_generations('i')]\n"
        "w = [x.message for x in f.warnings]\n"
        "rep = scs_flavor.audit('[]')\n"
        "ok: bool = rep.passed\n"
        "cmds: list[str] = [x.command for x in rep.fixes]\n"
        "sel = scs_flavor.select(['SCS-2V-4'], cpus=2, ram_gib=4, disk_type='ssd')\n"
        "best: 'str | None' = sel.best.name if sel.best else None\n"
        "cost: int = sel.matches[0].cost\n"
    )
    p = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(usage)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=tmp_path,
    )
    assert p.returncode == 0, p.stdout + p.stderr
