"""The hand-written stubs (``_native.pyi``) match the native module (``mypy.stubtest``), the
examples type-check against them with the types asserted (``assert_type``), and misuse fails
type checking."""

from __future__ import annotations

import re
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


USAGE = """\
from typing import Any, Dict, List, Optional, Tuple
from typing_extensions import assert_type
import scs_flavor
from scs_flavor import CpuBrand, Disk, Flavor, Gpu, tables
f = scs_flavor.parse("SCS-2V-4-20s")
assert_type(f, Flavor)
assert_type(f.cpus, int)
assert_type(f.ram_gib, float)
assert_type(f.disk, Optional[Disk])
assert_type(f.disk.kind if f.disk else None, Optional[str])
assert_type(f.cpu_brand, Optional[CpuBrand])
assert_type(f.gpu, Optional[Gpu])
assert_type(f.properties(), Dict[str, Any])
assert_type(f.replace(ib=True), Flavor)
assert_type(f.spec(), Dict[str, int | float | str | None])
assert_type(f < f, bool)
r = scs_flavor.check("x", "v2/v1")
assert_type(r.error, Optional[scs_flavor.ParseError])
assert_type(r.flavor, Optional[Flavor])
assert_type(scs_flavor.check_many(["a", "b"]), List[scs_flavor.Result])
g = Flavor(4, "V", 16, disk=Disk(100, "s"), gpu={"vendor": "N"})
assert_type(tables.cpu_generations("i"), Tuple[tables.Entry, ...])
assert_type(tables.lookup("hypervisor", "bare metal"), str)
rep = scs_flavor.audit("[]")
assert_type(rep.passed, bool)
assert_type(rep.fixes, Tuple[scs_flavor.Fix, ...])
assert_type([x.command for x in rep.fixes], List[str])
sel = scs_flavor.select(["SCS-2V-4"], cpus=2, ram_gib=4, disk_type="ssd")
assert_type(sel.best, Optional[scs_flavor.Match])
assert_type(sel.matches[0].cost, int)
assert_type(sel.matches[0].flavor, Flavor)
pl = scs_flavor.plan("[]", recommended=True, prune=True)
assert_type(pl.changes, Tuple[scs_flavor.Change, ...])
assert_type(pl.changes[0].create, Optional[scs_flavor.NewFlavor])
assert_type(pl.changes[0].set, Dict[str, str])
assert_type(pl.openstack_script(), str)
def applied(conn: Any) -> None:
    a = scs_flavor.apply(conn, recreate=True, progress=print)
    assert_type(a.failed, Optional[scs_flavor.Refusal])
    assert_type(a.failed.error.kind if a.failed else None, Optional[str])
    assert_type(a.done, Tuple[scs_flavor.Change, ...])
    assert_type(a.ok, bool)
try:
    Flavor(2, "V", 4)
except scs_flavor.CloudError as ce:
    assert_type(ce.kind, str)
except scs_flavor.Error as e:
    assert_type(e.field, Optional[str])
    assert_type(e.kind, Optional[str])
"""

MISUSE = [
    "scs_flavor.parse(3)",
    "scs_flavor.parse('SCS-2V-4').cpus = 3",
    "scs_flavor.parse('SCS-2V-4').disk.size + 1",
    "Flavor('2', 'V', 4)",
    "Flavor(2, 'V', 4, hwv='yes')",
    "Flavor(2, 'V', 4, disk=20)",
    "Disk(size='10')",
    "scs_flavor.check_many('SCS-2V-4').append(1)",
    "scs_flavor.select(['SCS-2V-4'], cpus=[2])",
    "x: int = scs_flavor.audit('[]').fixes[0].value",
    "tables.lookup('hypervisor', 3)",
    "scs_flavor.plan('[]', True)",
    "x: int = scs_flavor.plan('[]').changes[0].id",
]


def mypy(tmp_path: Path, source: str) -> "subprocess.CompletedProcess[str]":
    usage = tmp_path / "usage.py"
    usage.write_text(source)
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--python-version", "3.10", str(usage)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=tmp_path,
    )


def test_types_are_asserted(tmp_path: Path) -> None:
    p = mypy(tmp_path, USAGE)
    assert p.returncode == 0, p.stdout + p.stderr


def test_misuse_fails_type_checking(tmp_path: Path) -> None:
    header = "import scs_flavor\nfrom scs_flavor import Disk, Flavor, tables\n"
    source = header + "".join(f"def case_{i}() -> None:\n    {line}\n" for i, line in enumerate(MISUSE))
    p = mypy(tmp_path, source)
    flagged = {int(m) for m in re.findall(r"usage\.py:(\d+): error", p.stdout)}
    lines = {3 + 2 * i + 1 for i in range(len(MISUSE))}
    missed = [MISUSE[(n - 4) // 2] for n in sorted(lines - flagged)]
    assert not missed, f"not flagged by mypy: {missed}\n{p.stdout}"


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
        "h = g.replace(gpu={'vendor': 'N'}).properties()\n"
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
