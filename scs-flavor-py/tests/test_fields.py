"""The attributes of `Flavor` and its parts (one getter for every path of the core's
`FIELDS`, kept per object once read): each object reads its own values, reading changes
nothing about the object's value, and what callers get back cannot alter it."""

from __future__ import annotations

import gc
import pickle
from typing import Any

import pytest

import scs_flavor
from scs_flavor import Disk, Flavor, Gpu, tables

FULL = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib"


def read(obj: Any, path: str) -> Any:
    """The attribute at `path` (`"disk.size"`), `None` below an absent part."""
    for name in path.split("."):
        if obj is None:
            return None
        obj = getattr(obj, name)
    return obj


def test_every_field_is_an_attribute() -> None:
    f = scs_flavor.parse(FULL)
    expected = {
        "cpus": 16, "cpu_type": "T", "cpu_insecure": False, "ram_gib": 64.0,
        "ram_no_ecc": False, "ram_oversubscribed": False,
        "disk.count": 3, "disk.size": 10, "disk.kind": "s",
        "hypervisor": "bms", "hwv": True,
        "cpu_brand.vendor": "i", "cpu_brand.generation": 3, "cpu_brand.frequency": 1,
        "gpu.kind": "G", "gpu.vendor": "N", "gpu.generation": "a", "gpu.units": 64,
        "gpu.unit_frequency": 0, "gpu.vram": None, "gpu.vram_bandwidth": 0,
        "ib": True,
    }
    assert sorted(field["path"] for field in tables.FIELDS) == sorted(expected)
    for path, value in expected.items():
        for _ in range(2):  # the first read makes the attributes, the second reads them kept
            assert read(f, path) == value, path
            assert type(read(f, path)) is type(value), path


def test_attributes_do_not_leak_between_objects() -> None:
    names = ["SCS-2V-4", "SCS-4C-16-50p_kvm", "SCS-8T-32-2x100n_a2_GA3.1-48-24h", "SCS-1L-1u"]
    flavors = [scs_flavor.parse(name) for name in names]
    first = [(f.cpus, f.cpu_type, f.ram_gib, f.hypervisor, f.disk, f.gpu) for f in flavors]
    assert first == [
        (2, "V", 4.0, None, None, None),
        (4, "C", 16.0, "kvm", Disk(50, "p"), None),
        (8, "T", 32.0, None, Disk(100, "n", count=2), Gpu("A", "3.1", 48, 24, vram_bandwidth=1)),
        (1, "L", 1.0, None, None, None),
    ]
    # Read again, in the other order, and on fresh objects: the same values.
    again = [(f.cpus, f.cpu_type, f.ram_gib, f.hypervisor, f.disk, f.gpu) for f in reversed(flavors)]
    assert again[::-1] == first
    fresh = [scs_flavor.parse(name) for name in names]
    assert [(f.cpus, f.disk) for f in fresh] == [(c, d) for c, _, _, _, d, _ in first]
    assert flavors[2].disk.count == 2 and flavors[1].disk.count == 1
    assert flavors[2].disk.kind == "n" and flavors[1].disk.kind == "p"


def test_replace_gives_fresh_values() -> None:
    f = scs_flavor.parse(FULL)
    assert (f.cpus, f.disk.size, f.gpu.units) == (16, 10, 64)
    g = f.replace(cpus=8, disk={"size": 20, "kind": "p"}, gpu=None)
    assert (g.cpus, g.disk.size, g.disk.kind, g.disk.count, g.gpu) == (8, 20, "p", 1, None)
    assert (f.cpus, f.disk.size, f.disk.kind, f.gpu.units) == (16, 10, "s", 64)
    # A part object read from a flavor builds another flavor.
    h = scs_flavor.parse("SCS-2V-4").replace(disk=f.disk, cpu_brand=f.cpu_brand)
    assert str(h) == "SCS-2V-4-3x10s_i3h" and h.disk.count == 3
    assert Flavor(cpus=1, cpu_type="V", ram_gib=2, gpu=f.gpu).gpu.units == 64


def test_what_callers_get_cannot_change_the_object() -> None:
    f = scs_flavor.parse(FULL)
    assert f.cpus == 16
    props = f.properties()
    props["cpus"] = 99
    props["disk"]["size"] = 99
    assert f.properties() is not props
    assert (f.cpus, f.disk.size) == (16, 10)
    assert f.properties()["cpus"] == 16 and f.properties()["disk"]["size"] == 10
    d = f.disk
    assert d.size == 10
    _, (key, part_props) = d.__reduce__()
    part_props["size"] = 99
    assert (key, d.size, f.disk.size) == ("disk", 10, 10)
    assert d.__reduce__()[1][1]["size"] == 10
    with pytest.raises(AttributeError):
        f.cpus = 3  # type: ignore[misc]
    with pytest.raises(AttributeError):
        d.size = 3  # type: ignore[misc]
    assert (f.cpus, d.size) == (16, 10)


def test_reading_does_not_change_equality_hash_or_pickle() -> None:
    a, b = scs_flavor.parse(FULL), scs_flavor.parse(FULL)
    assert a.disk.size == 10 and a.gpu.vendor == "N"  # a's attributes are made, b's are not
    assert a == b and hash(a) == hash(b)
    read_disk, new_disk = a.disk, Disk(10, "s", count=3)
    assert read_disk.kind == "s"
    assert read_disk == new_disk and hash(read_disk) == hash(new_disk)
    for obj in (a, read_disk, a.gpu, a.cpu_brand):
        back = pickle.loads(pickle.dumps(obj))
        assert back == obj and repr(back) == repr(obj)
    assert pickle.loads(pickle.dumps(a)).gpu.units == 64


def test_kept_attributes_stay_out_of_the_cycle_collector() -> None:
    f = scs_flavor.parse(FULL)
    assert f.disk.size == 10
    assert not gc.is_tracked(f)
    gc.collect()
    assert f.disk.size == 10


def test_class_attribute_is_the_getter() -> None:
    assert type(Flavor.cpus).__name__ == "_Field"  # type: ignore[attr-defined]
    assert type(Disk.size).__name__ == "_Field"  # type: ignore[attr-defined]
