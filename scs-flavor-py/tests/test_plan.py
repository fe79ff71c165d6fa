"""``scs_flavor.plan`` on flavor lists (the crate's fixture clouds), typed and as the command
line prints it; ``apply`` and ``CloudError`` without a cloud. The live cloud is in
``test_cloud_live.py``."""

from __future__ import annotations

import importlib.util
import io
import json
import pickle
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import List, Tuple

import pytest

import scs_flavor
from scs_flavor._cli import main

DATA = Path(__file__).resolve().parents[2] / "scs-flavor-audit" / "tests" / "data"


def cli(*args: str) -> Tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def compliant_without(name: str) -> List[dict]:
    cloud = json.loads((DATA / "compliant.json").read_text(encoding="utf-8"))
    return [f for f in cloud if f["Name"] != name]


def test_a_missing_mandatory_flavor_is_created_with_the_standards_figures() -> None:
    p = scs_flavor.plan(compliant_without("SCS-2V-8"))
    [create] = [c for c in p.changes if c.flavor == "SCS-2V-8"]
    assert create.kind == "create" and create.id is None
    assert create.create == scs_flavor.NewFlavor(
        vcpus=2,
        ram_mib=8192,
        disk_gb=0,
        public=True,
        properties={"scs:cpu-type": "shared-core", "scs:name-v1": "SCS-2V:8", "scs:name-v2": "SCS-2V-8"},
    )
    assert create.why and all(isinstance(w, str) for w in create.why)
    assert isinstance(p.changes[0], scs_flavor.Change)


@pytest.mark.parametrize(
    "fixture", ["missing-mandatory.json", "contradicting-specs.json", "wrong-ram.json", "v1-names.json"]
)
@pytest.mark.parametrize("flags", [(), ("--recommended", "--recreate", "--prune")])
def test_plan_is_what_the_command_prints(fixture: str, flags: Tuple[str, ...]) -> None:
    path = DATA / fixture
    options = {f.lstrip("-"): True for f in flags}
    p = scs_flavor.plan(path, **options)
    code, out, _ = cli("plan", *flags, "-o", "json", str(path))
    assert code == 0 and json.loads(out) == p.to_dict()
    assert out == p.to_json(pretty=True) + "\n"
    assert cli("plan", *flags, str(path))[1] == str(p)
    assert cli("plan", *flags, "-o", "openstack", str(path))[1] == p.openstack_script()
    assert len(p) == len(p.changes) > 0
    assert [c.kind for c in p.changes] == [c["kind"] for c in p.to_dict()["changes"]]
    assert pickle.loads(pickle.dumps(p)).to_dict() == p.to_dict()


def test_the_applied_plan_leaves_nothing_to_do() -> None:
    cloud = compliant_without("SCS-1L-1")
    p = scs_flavor.plan(cloud)
    for c in p.changes:
        assert c.kind == "create" and c.create is not None
        cloud.append(
            {"Name": c.flavor, "VCPUs": c.create.vcpus, "RAM": c.create.ram_mib,
             "Disk": c.create.disk_gb, "Properties": c.create.properties}
        )
    assert scs_flavor.audit(cloud).passed
    assert scs_flavor.plan(cloud).changes == ()


def test_a_list_without_properties_is_refused() -> None:
    with pytest.raises(scs_flavor.Error) as e:
        scs_flavor.plan([{"Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0}])
    assert e.value.field == "Properties" and "--long" in str(e.value)


def test_apply_needs_a_connection() -> None:
    with pytest.raises(TypeError, match="Connection"):
        scs_flavor.apply([])  # type: ignore[arg-type]


def test_cloud_error() -> None:
    e = scs_flavor.CloudError("forbidden", "creating flavor SCS-1L-1: HTTP 403")
    assert (e.kind, e.message, str(e)) == ("forbidden", "creating flavor SCS-1L-1: HTTP 403", e.message)
    assert isinstance(pickle.loads(pickle.dumps(e)), scs_flavor.CloudError)
    assert pickle.loads(pickle.dumps(e)).kind == "forbidden"


def test_os_cloud_without_a_cloud_is_a_config_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("OS_CLIENT_CONFIG_FILE", str(tmp_path / "clouds.yaml"))
    (tmp_path / "clouds.yaml").write_text("clouds: {}\n", encoding="utf-8")
    code, out, err = cli("audit", "--os-cloud", "no-such-cloud")
    assert (code, out) == (3, "")
    if importlib.util.find_spec("openstack") is None:
        assert err == (
            "scs-flavor: live clouds need openstacksdk, which is not installed: "
            "pip install 'scs-flavor[openstack]'\n"
        )
    else:
        assert err.startswith('scs-flavor: no cloud named "no-such-cloud" in ')
