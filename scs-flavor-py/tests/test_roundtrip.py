"""Every name the parser accepts, under every strategy, rebuilds: ``replace()`` of every part
and pickle of the flavor and each part give the same flavor (issue #9: ``SCS-2V-4_GNah``
could be parsed but not rebuilt or unpickled). Exhaustive over the reference vectors, plus
the regression tests of the conversions of issue #9."""

from __future__ import annotations

import io
import json
import pickle
from pathlib import Path
from typing import Any, Dict, List

import pytest

import scs_flavor
from scs_flavor import Flavor, ParseError

STRATEGIES = ["v1", "v1/v2", "v2/v1", "v2", "v3"]
PARTS = ("disk", "cpu_brand", "gpu")


def accepted(vectors: List[Dict[str, Any]]) -> List[Flavor]:
    flavors = []
    for version in STRATEGIES:
        for r in scs_flavor.check_many([row["name"] for row in vectors], version):
            if r.flavor is not None:
                flavors.append(r.flavor)
    return flavors


def test_every_accepted_name_rebuilds_and_pickles(vectors: List[Dict[str, Any]]) -> None:
    flavors = accepted(vectors)
    assert len(flavors) > 5000
    for f in flavors:
        props = f.properties()
        assert Flavor(**props) == f, f.input
        assert str(f.replace()) == str(f)
        for part in PARTS:
            value = getattr(f, part)
            # Each part given back as the part object, as its properties, and through pickle.
            assert f.replace(**{part: value}) == f, (f.input, part)
            assert f.replace(**{part: props[part]}) == f, (f.input, part)
            assert pickle.loads(pickle.dumps(value)) == value, (f.input, part)
        assert f.replace(ib=not f.ib).ib is not f.ib
        g = pickle.loads(pickle.dumps(f))
        assert g == f and g.input == f.input and str(g) == str(f)


def test_gpu_frequency_without_units_rebuilds() -> None:
    f = scs_flavor.parse("SCS-2V-4_GNah")
    assert str(f.replace(ib=True)) == "SCS-2V-4_GNah_ib"
    assert pickle.loads(pickle.dumps(f.gpu)) == f.gpu
    assert str(Flavor(2, "V", 4, gpu=f.gpu)) == "SCS-2V-4_GNah"


def test_order_is_the_cores() -> None:
    """GPU generations chronologically (issue #9: Ampere sorted before Fermi by code)."""
    fermi, ampere = scs_flavor.parse("SCS-2V-4_GNf"), scs_flavor.parse("SCS-2V-4_GNa")
    assert fermi < ampere and sorted([ampere, fermi]) == [fermi, ampere]


def test_parse_error_of_a_huge_name_is_a_window() -> None:
    name = "SCS-2V-4_" + "x" * (1 << 20)
    with pytest.raises(ParseError) as info:
        scs_flavor.parse(name)
    text = str(info.value)
    assert len(text) < 400, len(text)
    first, carets = text.split("\n")
    assert first.startswith("SCS-2V-4_x") and first.endswith("…")
    assert carets.lstrip().startswith("^") and carets.endswith(info.value.message)
    # A span deep inside a huge name: cut on both sides, the carets under the part.
    name = "SCS-2V-4-" + "9" * 5000
    with pytest.raises(ParseError) as info:
        scs_flavor.parse(name)
    first, carets = str(info.value).split("\n")
    assert first.startswith("SCS-2V-4-999") and len(first) < 200
    assert carets.index("^") == first.index("9")


def test_results_and_reports_pickle(tmp_path: Path) -> None:
    r = scs_flavor.check("SCS-2V-4_GNah")
    again = pickle.loads(pickle.dumps(r.flavor))
    assert again == r.flavor
    report = scs_flavor.audit(
        '[{"Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0, "Properties": {}}]'
    )
    back = pickle.loads(pickle.dumps(report))
    assert back.to_dict() == report.to_dict() and str(back) == str(report)
    assert back.tests == report.tests and back.fixes == report.fixes
    s = scs_flavor.select(["SCS-2V-4", "SCS-4V-8", "x"], cpus=2)
    t = pickle.loads(pickle.dumps(s))
    assert t.to_dict() == s.to_dict() and t.matches == s.matches and str(t) == str(s)


def test_audit_reads_paths_and_files_and_refuses_ambiguous_text(tmp_path: Path) -> None:
    data = [{"Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0, "Properties": {}}]
    path = tmp_path / "flavors.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    expected = scs_flavor.audit(data).to_dict()
    assert scs_flavor.audit(path).to_dict() == expected
    with path.open(encoding="utf-8") as f:
        assert scs_flavor.audit(f).to_dict() == expected
    assert scs_flavor.audit(io.BytesIO(json.dumps(data).encode())).to_dict() == expected
    assert scs_flavor.audit(json.dumps(data)).to_dict() == expected
    with pytest.raises(TypeError, match="pass a pathlib.Path or an open file"):
        scs_flavor.audit(str(path))
    assert scs_flavor.select(path, cpus=2).to_dict() == scs_flavor.select(data, cpus=2).to_dict()


def test_requirements_are_typed_not_stringified() -> None:
    """Issue #9: `ram_gib=3.7` is exact (not "+0.2999999999999998 GiB"), NaN is refused."""
    best = scs_flavor.select(["SCS-2V-4"], ram_gib=3.7).best
    assert best is not None and "+0.3 GiB RAM" in best.summary
    assert best.excess["ram_gib"] == 0.3
    with pytest.raises(scs_flavor.Error) as info:
        scs_flavor.select(["SCS-2V-4"], ram_gib=float("nan"))
    assert info.value.field == "ram_gib"


def test_every_requirement_key_is_enforced() -> None:
    """For each key, a flavor violating only that key is rejected (issue #14)."""
    ok = "SCS-4T-8-50p_bms_hwv_i3_GNa-10-16_ib"
    needs: Dict[str, Any] = dict(
        cpus=(4, "SCS-2T-8-50p_bms_hwv_i3_GNa-10-16_ib"),
        cpu_type=("T", "SCS-4V-8-50p_bms_hwv_i3_GNa-10-16_ib"),
        secure_cpu=(True, "SCS-4Ti-8-50p_bms_hwv_i3_GNa-10-16_ib"),
        ram_gib=(8, "SCS-4T-4-50p_bms_hwv_i3_GNa-10-16_ib"),
        ecc=(True, "SCS-4T-8u-50p_bms_hwv_i3_GNa-10-16_ib"),
        no_oversubscription=(True, "SCS-4T-8o-50p_bms_hwv_i3_GNa-10-16_ib"),
        disk_gb=(50, "SCS-4T-8-40p_bms_hwv_i3_GNa-10-16_ib"),
        disk_type=("nvme", "SCS-4T-8-50s_bms_hwv_i3_GNa-10-16_ib"),
        no_disk=(True, ok),
        arch=("x86-64", "SCS-4T-8-50p_bms_hwv_a1_GNa-10-16_ib"),
        cpu_vendor=("intel", "SCS-4T-8-50p_bms_hwv_z3_GNa-10-16_ib"),
        hypervisor=("bms", "SCS-4T-8-50p_kvm_hwv_i3_GNa-10-16_ib"),
        gpu=(True, "SCS-4T-8-50p_bms_hwv_i3_ib"),
        gpu_vendor=("N", "SCS-4T-8-50p_bms_hwv_i3_GA3-10-16_ib"),
        gpu_units=(10, "SCS-4T-8-50p_bms_hwv_i3_GNa-8-16_ib"),
        gpu_vram_gib=(16, "SCS-4T-8-50p_bms_hwv_i3_GNa-10-8_ib"),
        infiniband=(True, "SCS-4T-8-50p_bms_hwv_i3_GNa-10-16"),
        bare_metal=(True, "SCS-4T-8-50p_kvm_hwv_i3_GNa-10-16_ib"),
        hwv=(True, "SCS-4T-8-50p_bms_i3_GNa-10-16_ib"),
    )
    assert set(needs) == set(scs_flavor.REQUIREMENT_KEYS)
    for key, (value, bad) in needs.items():
        s = scs_flavor.select([ok, bad] if key != "no_disk" else [ok], **{key: value})
        if key == "no_disk":
            assert not s.matches and s.rejected[0].reasons, key
            continue
        assert [m.name for m in s.matches] == [ok], key
        assert [r.name for r in s.rejected] == [bad] and s.rejected[0].reasons, key
