"""The Python API: parse, check, check_many, Flavor and its parts, errors, warnings, the
builder, value semantics (immutability, hash, order, pickle) and the tables."""

from __future__ import annotations

import copy
import pickle
import re

import pytest

import scs_flavor
from scs_flavor import CpuBrand, Disk, Flavor, Gpu, ParseError, tables

FULL = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib"


# --- parse and the flavor's attributes ------------------------------------------------------


def test_parse_reads_every_component() -> None:
    f = scs_flavor.parse(FULL)
    assert (f.cpus, f.cpu_type, f.cpu_insecure) == (16, "T", False)
    assert (f.ram_gib, f.ram_no_ecc, f.ram_oversubscribed) == (64.0, False, False)
    assert f.disk == Disk(10, "s", count=3)
    assert (f.disk.count, f.disk.size, f.disk.kind) == (3, 10, "s")
    assert f.hypervisor == "bms" and f.hwv and f.ib
    assert f.cpu_brand == CpuBrand("i", 3, 1)
    assert (f.cpu_brand.vendor, f.cpu_brand.generation, f.cpu_brand.frequency) == ("i", 3, 1)
    assert f.gpu == Gpu("N", "a", 64)
    g = f.gpu
    assert (g.kind, g.vendor, g.generation, g.units, g.unit_frequency, g.vram, g.vram_bandwidth) == (
        "G", "N", "a", 64, 0, None, 0,
    )
    assert isinstance(f.ram_gib, float)


def test_flags_and_absent_parts() -> None:
    f = scs_flavor.parse("SCS-2Li-3.5uo")
    assert (f.cpus, f.cpu_type, f.cpu_insecure, f.ram_gib) == (2, "L", True, 3.5)
    assert f.ram_no_ecc and f.ram_oversubscribed
    assert f.disk is None and f.hypervisor is None and f.cpu_brand is None and f.gpu is None
    assert not f.hwv and not f.ib


def test_forms() -> None:
    f = scs_flavor.parse(FULL)
    assert str(f) == f.name == FULL
    assert f.v1 == "SCS-16T:64:3x10s-bms-hwv-i3h-GNa:64-ib"
    assert f.short() == "SCS-16T-64-3x10s_GNa-64_ib"
    assert f.short(v1=True) == "SCS-16T:64:3x10s-GNa:64-ib"
    assert scs_flavor.parse("SCS-2V-4_a1h").short() == "SCS-2V-4_a"
    # Canonical rendering of odd spellings (REFERENCE.md §3).
    assert str(scs_flavor.parse("SCS-04V-8")) == "SCS-4V-8"
    assert str(scs_flavor.parse("SCS-2V-4-1x10")) == "SCS-2V-4-10"
    assert str(scs_flavor.parse("SCS-2V-4.")) == "SCS-2V-4"
    assert str(scs_flavor.parse("SCS-2V-.5")) == "SCS-2V-0.5"
    assert str(scs_flavor.parse("SCS-2V-4_i0")) == "SCS-2V-4_i"


def test_versions() -> None:
    assert scs_flavor.parse("SCS-2V:4:20s", "v1").name == "SCS-2V-4-20s"
    assert scs_flavor.parse("SCS-2V:4:20s", "v2/v1").input == "SCS-2V:4:20s"
    assert scs_flavor.parse("SCS-2V-4", "latest") == scs_flavor.parse("SCS-2V-4", "V3")
    with pytest.raises(ParseError) as info:
        scs_flavor.parse("SCS-2V:4:20s")
    assert info.value.kind == "wrong-syntax"
    with pytest.raises(scs_flavor.Error, match="unknown strategy"):
        scs_flavor.parse("SCS-2V-4", "v4")
    with pytest.raises(TypeError):
        scs_flavor.parse("SCS-2V-4", 3)  # type: ignore[arg-type]
    assert scs_flavor.STRATEGIES == ["v1", "v1/v2", "v2/v1", "v2", "v3", "latest"]


def test_describe_and_explain() -> None:
    f = scs_flavor.parse(FULL)
    assert f.describe() == (
        "16 dedicated SMT threads (Intel Ice Lake, high frequency), 64 GiB ECC RAM, "
        "3 × 10 GB local SSD, bare metal with nested virtualisation, "
        "Nvidia Ampere pass-through GPU with 64 SMs, Infiniband"
    )
    parts = scs_flavor.parse("SCS-2V-4-20s_i3").explain()
    assert [(p.component, p.text, p.meaning) for p in parts] == [
        ("prefix", "SCS-", "SCS flavor name"),
        ("cpu-ram", "2V-4", "2 vCPUs, 4 GiB ECC RAM"),
        ("disk", "-20s", "20 GB local SSD"),
        ("cpu-brand", "_i3", "Intel Ice Lake"),
    ]
    name = "SCS-2V-4-20s_i3"
    assert all(name[p.start : p.end] == p.text for p in parts)
    # Spans are those of the input read, not of the canonical name.
    parts = scs_flavor.parse("SCS-02V-4").explain()
    assert parts[1].text == "02V-4"
    assert "Part(component='prefix'" in repr(parts[0])


def test_spec() -> None:
    assert scs_flavor.parse("SCS-2V-4-20s").spec() == {
        "cpus": 2,
        "scs:cpu-type": "shared-core",
        "ram": 4.0,
        "disk": 20,
        "scs:disk0-type": "ssd",
        "scs:name-v1": "SCS-2V:4:20s",
        "scs:name-v2": "SCS-2V-4-20s",
    }
    spec = scs_flavor.parse("SCS-2V-4-3xn").spec()
    assert spec["disk"] is None and spec["scs:disk2-type"] == "network"
    assert isinstance(scs_flavor.parse("SCS-1L-1").spec()["ram"], float)
    assert list(scs_flavor.parse(FULL).spec()) == [
        "cpus", "scs:cpu-type", "ram", "disk", "scs:disk0-type", "scs:disk1-type",
        "scs:disk2-type", "scs:name-v1", "scs:name-v2", "scs:name-v3", "scs:name-v4",
    ]


def test_spec_is_refused_for_too_many_disks() -> None:
    """Deviation D3: no spec beyond MAX_SPEC_DISKS disks; the name is valid with a warning."""
    assert scs_flavor.MAX_SPEC_DISKS == 64
    assert len(scs_flavor.parse("SCS-2V-4-64x10").spec()) == 3 + 1 + 64 + 2
    f = scs_flavor.parse("SCS-2V-4-99999999x10")
    with pytest.raises(scs_flavor.Error, match="99999999 disks are unreasonable"):
        f.spec()
    assert [w.kind for w in f.warnings] == ["too-many-disks"]


# --- errors ---------------------------------------------------------------------------------


def test_parse_error() -> None:
    with pytest.raises(ParseError) as info:
        scs_flavor.parse("SCS-2V-4_i7")
    e = info.value
    assert isinstance(e, ValueError)
    assert e.kind == "cpu-generation"
    assert e.message == "CPU generation 7 is not defined for Intel (expected 0-6 or none)"
    assert (e.start, e.end, e.input) == (9, 11, "SCS-2V-4_i7")
    assert str(e) == (
        "SCS-2V-4_i7\n"
        "         ^^ CPU generation 7 is not defined for Intel (expected 0-6 or none)"
    )


@pytest.mark.parametrize(
    "name, kind, part",
    [
        ("SCS-2v-4", "expected-cpu-type", "v"),
        ("SCS-V-4", "missing-cpu-count", ""),
        ("SCS-0V-4", "zero", "0"),
        ("SCS-2V-3.25", "ram-not-half", "3.25"),
        ("SCS-2V-1.2.3", "malformed-ram", "1.2.3"),
        ("SCS-2V-4_hwv_kvm", "out-of-order", "_kvm"),
        ("SCS-2V-4_kvm_kvm", "repeated", "_kvm"),
        ("SCS-2V-4_GNx", "gpu-generation", "x"),
        ("SCS-2V-4_i3hhhh", "cpu-frequency", "hhhh"),
        ("SCS-99999999999V-4", "too-large", "99999999999"),
    ],
)
def test_error_kinds_and_spans(name: str, kind: str, part: str) -> None:
    with pytest.raises(ParseError) as info:
        scs_flavor.parse(name)
    e = info.value
    assert e.kind == kind
    assert e.input[e.start : e.end] == part or e.start == e.end == name.find(part), (
        e.start, e.end, str(e),
    )
    caret_line = str(e).split("\n")[1]
    assert caret_line.endswith(" " + e.message)


def test_not_scs_raises_with_its_own_kind() -> None:
    for name in ("m1.large", "scs-2V-4", " SCS-2V-4", ""):
        with pytest.raises(ParseError) as info:
            scs_flavor.parse(name)
        assert info.value.kind == "not-scs"


def test_offsets_are_str_indices() -> None:
    name = "SCS-2V-4_ä"
    with pytest.raises(ParseError) as info:
        scs_flavor.parse(name)
    e = info.value
    assert name[e.start : e.end] == "_ä" or name[e.start] in "_ä"
    assert e.end <= len(name)


def test_parse_error_pickles() -> None:
    with pytest.raises(ParseError) as info:
        scs_flavor.parse("SCS-2V-4_i7")
    e = pickle.loads(pickle.dumps(info.value))
    assert isinstance(e, ParseError)
    assert (e.kind, e.start, e.end, str(e)) == ("cpu-generation", 9, 11, str(info.value))


# --- bad input never crashes ----------------------------------------------------------------


@pytest.mark.parametrize("bad", [None, 1, 4.0, b"SCS-2V-4", ["SCS-2V-4"], object()])
def test_non_str_is_a_type_error(bad: object) -> None:
    for fn in (scs_flavor.parse, scs_flavor.check):
        with pytest.raises(TypeError):
            fn(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        scs_flavor.check_many([bad])  # type: ignore[list-item]


def test_check_many_refuses_a_str_and_non_iterables() -> None:
    with pytest.raises(TypeError, match="not a str"):
        scs_flavor.check_many("SCS-2V-4")
    with pytest.raises(TypeError):
        scs_flavor.check_many(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name",
    [
        "SCS-2V-4\ud800",
        "\udfffSCS-2V-4",
        "SCS-\ud83d-4",
        "SCS-2V-4\x00",
        "SCS-\x00",
        "\x00",
        "SCS-2V-4-" + "9" * (1 << 20),
        "SCS-" + "x" * (1 << 20),
        "SCS-2V-4" + "_kvm" * (1 << 18),
        "SCS-2V-" + "." * (1 << 20),
        "SCS-2V-4_GN" + "a" * (1 << 20),
        "SCS-2V-4_i3" + "h" * (1 << 20),
    ],
)
def test_hostile_strings_give_parse_error(name: str) -> None:
    with pytest.raises(ParseError) as info:
        scs_flavor.parse(name)
    e = info.value
    assert 0 <= e.start <= e.end <= len(name)
    assert e.input == name
    assert str(e).endswith(e.message)
    r = scs_flavor.check(name)
    assert r.status in ("invalid", "not-scs") and r.flavor is None
    assert scs_flavor.check_many([name])[0].status == r.status


def test_lone_surrogate_offsets() -> None:
    with pytest.raises(ParseError) as info:
        scs_flavor.parse("SCS-2V-4\ud800")
    assert (info.value.start, info.value.end) == (8, 9)
    assert info.value.input == "SCS-2V-4\ud800"
    assert str(info.value).startswith("SCS-2V-4\ufffd\n        ^ ")


def test_str_subclass_is_accepted() -> None:
    class Name(str):
        pass

    assert scs_flavor.parse(Name("SCS-2V-4")).name == "SCS-2V-4"


# --- check, check_many and Result -----------------------------------------------------------


def test_check_valid() -> None:
    r = scs_flavor.check("SCS-2V-4-20s")
    assert (r.status, r.tolerated, r.error, r.warnings) == ("valid", False, None, [])
    assert r.flavor == scs_flavor.parse("SCS-2V-4-20s")
    assert (r.input, r.version) == ("SCS-2V-4-20s", "v3")
    assert repr(r) == "<Result valid 'SCS-2V-4-20s': SCS-2V-4-20s>"


def test_check_tolerated() -> None:
    r = scs_flavor.check("SCS-2V:4", "v2/v1")
    assert r.status == "valid" and r.tolerated
    assert r.warnings[0].kind == "tolerated"
    assert r.warnings[0].message == "v1 syntax is merely tolerated by strategy v2/v1"
    assert r.flavor is not None and r.flavor.input == "SCS-2V:4"


def test_check_invalid_and_not_scs() -> None:
    r = scs_flavor.check("SCS-2V-3.25")
    assert r.status == "invalid" and r.flavor is None and not r.tolerated
    e = r.error
    assert isinstance(e, ParseError) and e.kind == "ram-not-half" and (e.start, e.end) == (7, 11)
    r = scs_flavor.check("m1.large")
    assert (r.status, r.flavor, r.error, r.warnings) == ("not-scs", None, None, [])


def test_check_many() -> None:
    names = ["SCS-2V-4", "m1.large", "SCS-2v-4", "SCS-2V:4"]
    results = scs_flavor.check_many(names)
    assert [r.status for r in results] == ["valid", "not-scs", "invalid", "invalid"]
    assert [r.status for r in scs_flavor.check_many(iter(names), "v2/v1")] == [
        "valid", "not-scs", "invalid", "valid",
    ]
    assert [r.status for r in scs_flavor.check_many(tuple(names))] == [r.status for r in results]
    assert scs_flavor.check_many([]) == []
    assert [r.status for r in scs_flavor.check_many(n for n in names[:1])] == ["valid"]


def test_result_to_dict_is_the_cli_json() -> None:
    d = scs_flavor.check("SCS-2V-4").to_dict()
    assert d == {
        "input": "SCS-2V-4",
        "status": "valid",
        "tolerated": False,
        "name": "SCS-2V-4",
        "short": "SCS-2V-4",
        "v1": "SCS-2V:4",
        "spec": {
            "cpus": 2,
            "scs:cpu-type": "shared-core",
            "ram": 4.0,
            "scs:name-v1": "SCS-2V:4",
            "scs:name-v2": "SCS-2V-4",
        },
        "description": "2 vCPUs, 4 GiB ECC RAM, no root disk (boot from a volume)",
        "warnings": [],
    }
    assert scs_flavor.check("SCS-2V-3.25").to_dict()["error"]["kind"] == "ram-not-half"
    assert scs_flavor.check("x").to_json() == '{"input":"x","status":"not-scs"}'


# --- warnings -------------------------------------------------------------------------------


def test_warnings() -> None:
    w = scs_flavor.parse("SCS-04V-8-1x10").warnings
    assert [(x.kind, x.message, x.start, x.end) for x in w] == [
        ("non-canonical", "not in canonical form: write `SCS-4V-8-10`", 0, 14),
    ]
    assert str(w[0]) == w[0].message
    assert "Warning(kind='non-canonical'" in repr(w[0])
    kinds = lambda name: [x.kind for x in scs_flavor.check(name).warnings]  # noqa: E731
    assert kinds("SCS-2V-4-3x") == ["undescribed"]
    assert kinds("SCS-2V-4_GNah") == ["undescribed"]
    assert kinds("SCS-2V-10.5") == ["undescribed"]
    assert kinds("SCS-2C-4-") == ["not-kubernetes-label"]
    # Deviation D2: accepted, but certification would fail.
    w = scs_flavor.parse("SCS-2V-4_GNa_ib").warnings
    assert [x.kind for x in w] == ["rejected-by-official-checker"]
    assert "SCS-2V-4_GNa_ib"[w[0].start : w[0].end] == "_GNa_ib"


def test_built_flavor_warnings_are_those_of_its_canonical_name() -> None:
    assert Flavor(2, "V", 4).warnings == []
    f = Flavor(2, "V", 4, disk=Disk(count=3))
    assert [w.kind for w in f.warnings] == ["undescribed"]


# --- the builder ----------------------------------------------------------------------------


def test_build() -> None:
    f = Flavor(cpus=4, cpu_type="V", ram_gib=16, disk=Disk(100, "s"))
    assert str(f) == "SCS-4V-16-100s" and f.input is None
    assert f == scs_flavor.parse("SCS-4V-16-100s")
    f = Flavor(
        16, "dedicated-thread", 64, disk=Disk(10, "s", count=3), hypervisor="bms", hwv=True,
        cpu_brand=CpuBrand("i", 3, 1), gpu=Gpu("N", "a", 64), ib=True,
    )
    assert str(f) == FULL
    f = Flavor(
        2, "L", 3.5, cpu_insecure=True, ram_no_ecc=True, ram_oversubscribed=True,
        disk={"size": 50, "kind": "nvme"}, hypervisor="KVM",
        cpu_brand={"vendor": "AMD", "generation": 4},
        gpu={"vendor": "A", "generation": "3.1", "units": 48, "vram": 24, "kind": "g",
             "unit_frequency": 2, "vram_bandwidth": 1},
    )
    assert str(f) == "SCS-2Li-3.5uo-50p_kvm_z4_gA3.1-48hh-24h"
    assert str(Flavor(1, "C", 0.5, disk={"size": 20})) == "SCS-1C-0.5-20"
    assert str(Flavor(1, "C", 1, disk=Disk())) == "SCS-1C-1-"
    assert str(Flavor(1, "C", 1, hypervisor="chy")) == "SCS-1C-1_chy"


NOT_WHOLE = "cpus: vCPU count must be a whole number from 1 to 4294967295"
RAM_NOT_WHOLE = "ram_gib: RAM must be a positive multiple of 0.5 such as `4` or `3.5`"


@pytest.mark.parametrize(
    "kwargs, field, message",
    [
        ({"cpus": 0}, "cpus", "cpus: vCPU count must be positive, not 0"),
        # One message from the core for every number that is not a whole number in range
        # (issue #9: `cpus=2.5` said "expected a non-negative number" in Python only).
        ({"cpus": -2}, "cpus", NOT_WHOLE),
        ({"cpus": 2.5}, "cpus", NOT_WHOLE),
        ({"cpus": 2**32}, "cpus", NOT_WHOLE),
        ({"cpus": 2**100}, "cpus", NOT_WHOLE),
        ({"cpus": "four"}, "cpus", NOT_WHOLE),
        ({"cpus": True}, "cpus", NOT_WHOLE),
        ({"cpus": float("nan")}, "cpus", NOT_WHOLE),
        ({"cpu_type": "X"}, "cpu_type", "cpu_type: unknown CPU type: expected one of L, V, T, C or a name"),
        ({"cpu_type": "v"}, "cpu_type", "cpu_type: unknown CPU type"),
        ({"cpu_type": None}, "cpu_type", "cpu_type: missing (expected a value)"),
        ({"ram_gib": 3.25}, "ram_gib", "ram_gib: RAM must be a multiple of 0.5 GiB"),
        ({"ram_gib": 0}, "ram_gib", "ram_gib: RAM must be positive, not 0"),
        ({"ram_gib": -1}, "ram_gib", RAM_NOT_WHOLE),
        ({"ram_gib": -0.5}, "ram_gib", RAM_NOT_WHOLE),
        ({"ram_gib": float("nan")}, "ram_gib", RAM_NOT_WHOLE),
        ({"ram_gib": -(2**2000)}, "ram_gib", RAM_NOT_WHOLE),
        ({"ram_gib": "four"}, "ram_gib", RAM_NOT_WHOLE),
        ({"ram_gib": float("inf")}, "ram_gib", "ram_gib: RAM is too large"),
        ({"ram_gib": 2**2000}, "ram_gib", "ram_gib: RAM is too large"),
        ({"hypervisor": "qemu"}, "hypervisor", "hypervisor: unknown hypervisor: expected one of kvm, xen, vmw, hyv, bms, chy"),
        ({"disk": "100s"}, "disk", "disk: must be an object or null"),
        ({"disk": 20}, "disk", "disk: must be an object or null"),
        ({"disk": {"size": 0}}, "disk.size", "disk.size: disk size must be positive, not 0"),
        ({"disk": {"count": 0}}, "disk.count", "disk.count: disk count must be positive, not 0"),
        ({"disk": {"kind": "x"}}, "disk.kind", "disk.kind: unknown disk type: expected one of n, h, s, p"),
        ({"disk": {"sise": 1}}, "disk", "disk: unknown property `sise`: expected one of `count`, `size`, `kind`"),
        ({"cpu_brand": {"vendor": "i", "generation": 7}}, "cpu_brand.generation",
         "cpu_brand.generation: CPU generation 7 is not defined for Intel (expected 0-6 or none)"),
        ({"cpu_brand": {"vendor": "r", "generation": -1}}, "cpu_brand.generation",
         "cpu_brand.generation: CPU generation must be a whole number from 0 to 4294967295"),
        ({"cpu_brand": {"vendor": "i", "frequency": 4}}, "cpu_brand.frequency",
         "cpu_brand.frequency: CPU frequency takes at most three `h`"),
        ({"cpu_brand": {"vendor": "q"}}, "cpu_brand.vendor", "cpu_brand.vendor: unknown CPU vendor: expected one of i, z, a, r"),
        ({"cpu_brand": {"vendor": "i", "generation": "Coffee Lake"}}, "cpu_brand.generation",
         "cpu_brand.generation: unknown Intel CPU generation: expected one of 0, 1, 2, 3, 4, 5, 6 or a name"),
        ({"gpu": {"vendor": "N", "generation": "x"}}, "gpu.generation",
         "gpu.generation: unknown Nvidia GPU generation: expected one of f, k, m, p, v, t, a, l, g, b, u"),
        ({"gpu": {"vendor": "N", "vram": 24}}, "gpu.vram",
         "gpu.vram: GPU VRAM without a unit count cannot be written unambiguously"),
        ({"gpu": {"vendor": "N", "units": 4, "vram_bandwidth": 1}}, "gpu.vram_bandwidth",
         "gpu.vram_bandwidth: GPU VRAM bandwidth needs a VRAM size"),
        ({"gpu": {"vendor": "N", "units": 4, "unit_frequency": 3}}, "gpu.unit_frequency",
         "gpu.unit_frequency: GPU unit frequency takes at most two `h`"),
        ({"gpu": {"vendor": "N", "kind": "X"}}, "gpu.kind", "gpu.kind: unknown GPU kind: expected one of g, G"),
        ({"gpu": {"vendor": "X"}}, "gpu.vendor", "gpu.vendor: unknown GPU vendor: expected one of N, A, I"),
        ({"gpu": {"vendor": "N", "generation": 3}}, "gpu.generation", "gpu.generation: unknown Nvidia GPU generation"),
        ({"gpu": {"generation": "a"}}, "gpu.vendor", "gpu.vendor: missing (expected a value)"),
        ({"hwv": 1}, "hwv", "hwv: must be `true` or `false`"),
    ],
)
def test_builder_validation(kwargs: dict, field: str, message: str) -> None:
    args = {"cpus": 2, "cpu_type": "V", "ram_gib": 4, **kwargs}
    with pytest.raises(scs_flavor.Error) as info:
        Flavor(**args)
    e = info.value
    assert isinstance(e, ValueError) and not isinstance(e, ParseError)
    assert str(e).startswith(message), str(e)
    assert e.field == field, repr(e)
    # The same refusal from the properties as one dict, and through replace().
    with pytest.raises(scs_flavor.Error, match="^" + re.escape(str(e)) + "$"):
        Flavor(**{**scs_flavor.parse("SCS-2V-4").properties(), **args})
    with pytest.raises(scs_flavor.Error, match="^" + re.escape(str(e)) + "$"):
        scs_flavor.parse("SCS-2V-4").replace(**kwargs)


def test_builder_error_kinds_and_pickle() -> None:
    with pytest.raises(scs_flavor.Error) as info:
        Flavor(2, "V", 4, gpu={"vendor": "N", "vram": 24})
    e = info.value
    assert (e.kind, e.field) == ("vram-without-units", "gpu.vram")
    again = pickle.loads(pickle.dumps(e))
    assert (type(again), again.kind, again.field, str(again)) == (scs_flavor.Error, e.kind, e.field, str(e))
    # An unknown property: the core's error, as in every binding.
    with pytest.raises(scs_flavor.Error, match="^unknown property `colour`") as info:
        Flavor(2, "V", 4, colour="red")  # type: ignore[call-arg]
    assert (info.value.kind, info.value.field) == ("unknown-field", None)
    # Reading keeps the core's kind too (not only building).
    with pytest.raises(scs_flavor.Error) as info:
        Flavor(2.5, "V", 4)
    assert (info.value.kind, info.value.field) == ("not-whole", "cpus")


def test_letters_by_the_core_lookup_rule() -> None:
    """Issue #9: one lookup rule (code, else name or alias ignoring case, spaces, - and _)."""
    f = Flavor(2, "shared core", 4, hypervisor="bare metal", disk={"kind": "SSD", "size": 10},
               cpu_brand={"vendor": "Intel", "generation": 3}, gpu={"vendor": "nvidia", "generation": "Ampere"})
    assert str(f) == "SCS-2V-4-10s_bms_i3_GNa"
    assert Flavor(2, "V", 4, hypervisor="Bare-Metal") == Flavor(2, "V", 4, hypervisor="baremetal")
    assert scs_flavor.parse("SCS-2V-4", "latest") == scs_flavor.parse("SCS-2V-4", "V3")
    assert tables.lookup("hypervisor", "bare metal") == "bms"
    with pytest.raises(scs_flavor.Error) as info:
        tables.lookup("hypervisor", "BMS")
    assert info.value.kind == "unknown-value"


def test_parts_validate_on_their_own() -> None:
    with pytest.raises(ValueError, match="^disk.count: disk count must be positive, not 0$"):
        Disk(10, count=0)
    with pytest.raises(ValueError, match="^cpu_brand.generation"):
        CpuBrand("a", 6)
    with pytest.raises(ValueError, match="^gpu.vram"):
        Gpu("N", "a", vram=3)
    assert Disk(10, "s") == Disk(size=10, kind="ssd", count=1)
    assert repr(Disk(10, "s", 3)) == "Disk(count=3, kind='s', size=10)"
    assert repr(CpuBrand("z", 4)) == "CpuBrand(frequency=0, generation=4, vendor='z')"
    assert repr(Gpu("N", "a", 64)) == (
        "Gpu(generation='a', kind='G', unit_frequency=0, units=64, vendor='N', vram=None, "
        "vram_bandwidth=0)"
    )
    for part in (Disk(10, "s", 3), CpuBrand("z", 4, 2), Gpu("A", "3.1", 48, 24, kind="g")):
        assert eval(repr(part), vars(scs_flavor)) == part  # noqa: S307
        assert hash(copy.copy(part)) == hash(part)
        assert pickle.loads(pickle.dumps(part)) == part


def test_replace() -> None:
    f = scs_flavor.parse(FULL)
    assert str(f.replace(gpu=None, hypervisor="kvm")) == "SCS-16T-64-3x10s_kvm_hwv_i3h_ib"
    assert str(f.replace(cpus=8, disk=None)) == "SCS-8T-64_bms_hwv_i3h_GNa-64_ib"
    with pytest.raises(ValueError, match="^cpus: "):
        f.replace(cpus=0)
    with pytest.raises(scs_flavor.Error, match="unknown property `cpu`"):
        f.replace(cpu=2)


# --- value semantics ------------------------------------------------------------------------


def test_immutable() -> None:
    f = scs_flavor.parse(FULL)
    for attr, value in (("cpus", 3), ("name", "x"), ("disk", None), ("new_attribute", 1)):
        with pytest.raises(AttributeError):
            setattr(f, attr, value)
    with pytest.raises(AttributeError):
        f.disk.size = 3  # type: ignore[misc, union-attr]
    w = scs_flavor.parse("SCS-04V-8").warnings[0]
    with pytest.raises(AttributeError):
        w.kind = "x"  # type: ignore[misc]
    part = f.explain()[0]
    with pytest.raises(AttributeError):
        part.text = "x"  # type: ignore[misc]
    r = scs_flavor.check(FULL)
    with pytest.raises(AttributeError):
        r.status = "invalid"  # type: ignore[misc]


def test_equality_and_hash_ignore_the_spelling() -> None:
    a, b = scs_flavor.parse("SCS-4V-8"), scs_flavor.parse("SCS-04V-8.0")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != scs_flavor.parse("SCS-4V-8-10")
    assert a == Flavor(4, "V", 8)
    assert a != "SCS-4V-8" and (a == "SCS-4V-8") is False
    assert {a: 1}[Flavor(4, "V", 8)] == 1


def test_order() -> None:
    names = ["SCS-16V-4", "SCS-2V-8", "SCS-2C-4", "SCS-2V-4-10", "SCS-2V-4", "SCS-1L-1"]
    ordered = [str(f) for f in sorted(scs_flavor.parse(n) for n in names)]
    assert ordered == ["SCS-1L-1", "SCS-2V-4", "SCS-2V-4-10", "SCS-2V-8", "SCS-2C-4", "SCS-16V-4"]
    a, b = scs_flavor.parse("SCS-2V-4"), scs_flavor.parse("SCS-4V-4")
    assert a < b and a <= b and b > a and b >= a and a <= a
    with pytest.raises(TypeError):
        a < "SCS-4V-4"  # type: ignore[operator]  # noqa: B015


def test_pickle_and_copy() -> None:
    for f in (
        scs_flavor.parse(FULL),
        scs_flavor.parse("SCS-2V:4", "v2/v1"),
        Flavor(2, "V", 4, gpu=Gpu("I", "0.95", 96)),
    ):
        for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
            g = pickle.loads(pickle.dumps(f, protocol))
            assert g == f and hash(g) == hash(f) and g.input == f.input
            assert g.warnings == [] or [w.kind for w in g.warnings] == [w.kind for w in f.warnings]
        assert copy.copy(f) == f and copy.deepcopy(f) == f
    assert "scs_flavor._native" in str(pickle.dumps(scs_flavor.parse("SCS-2V-4")))


def test_repr_evaluates_back() -> None:
    f = scs_flavor.parse("SCS-2V:4:20s", "v1")
    assert repr(f) == "scs_flavor.parse('SCS-2V-4-20s')"
    assert eval(repr(f), {"scs_flavor": scs_flavor}) == f  # noqa: S307


# --- tables ---------------------------------------------------------------------------------


def test_tables() -> None:
    assert [e.code for e in tables.cpu_types()] == ["L", "V", "T", "C"]
    assert tables.cpu_types()[1][:3] == ("V", "shared-core", "vCPU (oversubscribed)")
    assert [e.name for e in tables.disk_types()] == ["network", "hdd", "ssd", "nvme"]
    assert [e.code for e in tables.hypervisors()] == ["kvm", "xen", "vmw", "hyv", "bms", "chy"]
    assert [e.code for e in tables.cpu_vendors()] == ["i", "z", "a", "r"]
    assert tables.cpu_generations("i")[3].name == "Ice Lake"
    assert tables.cpu_generations("Intel") == tables.cpu_generations("i")
    assert len(tables.cpu_generations("z")) == 7 and tables.cpu_generations("z")[4].name == "Zen 4/4c"
    assert tables.cpu_generations("a")[1].name == "A76/NeoN1"
    assert [e.code for e in tables.cpu_generations("r")] == ["0"]
    assert [e.code for e in tables.cpu_frequencies()] == ["", "h", "hh", "hhh"]
    assert [e.code for e in tables.gpu_kinds()] == ["g", "G"]
    assert [e.code for e in tables.gpu_vendors()] == ["N", "A", "I"]
    assert "".join(e.code for e in tables.gpu_generations("N")) == "fkmpvtalgbu"
    assert [e.code for e in tables.gpu_generations("A")] == [
        "0.4", "0.5", "1", "1.1", "2", "2.1", "3", "3.1", "3.5", "4", "4.1", "5.1",
    ]
    assert [e.code for e in tables.gpu_generations("I")] == ["0.9", "0.95", "1", "2", "3", "4"]
    assert tables.gpu_generations("N")[7].name == "AdaLovelace"
    assert [e.code for e in tables.gpu_frequencies()] == ["", "h", "hh"]
    assert [e.code for e in tables.vram_bandwidths()] == ["", "h", "hh"]
    with pytest.raises(scs_flavor.Error, match="one of i, z, a, r"):
        tables.cpu_generations("x")
    assert tables.gpu_generations("nvidia") == tables.gpu_generations("N")
    with pytest.raises(scs_flavor.Error, match="one of N, A, I"):
        tables.gpu_generations("q")


def test_tables_agree_with_the_parser() -> None:
    """Every table code is accepted where it belongs, and the builder accepts the names."""
    for vendor in tables.cpu_vendors():
        for gen, _ in enumerate(tables.cpu_generations(vendor.code)):
            assert scs_flavor.parse(f"SCS-2V-4_{vendor.code}{gen}").cpu_brand == CpuBrand(
                vendor.code, gen
            )
        n = len(tables.cpu_generations(vendor.code))
        assert scs_flavor.check(f"SCS-2V-4_{vendor.code}{n}").status == "invalid"
    for vendor in tables.gpu_vendors():
        for gen in tables.gpu_generations(vendor.code):
            f = scs_flavor.parse(f"SCS-2V-4_G{vendor.code}{gen.code}-8")
            assert f.gpu is not None and f.gpu.generation == gen.code
    for hv in tables.hypervisors():
        assert Flavor(1, "V", 1, hypervisor=hv.name).hypervisor == hv.code
    for t in tables.cpu_types():
        assert Flavor(1, t.name, 1).spec()["scs:cpu-type"] == t.name


def test_package_metadata() -> None:
    assert scs_flavor.__version__ == "0.1.0"
    assert set(scs_flavor.__all__) <= set(dir(scs_flavor))
    assert "Warning" not in scs_flavor.__all__  # would shadow the builtin on `import *`


def test_results_are_left_out_of_the_cycle_collector() -> None:
    import gc

    results = scs_flavor.check_many(["SCS-2V-4", "SCS-2v-4", "m1.large"])
    assert not any(gc.is_tracked(r) for r in results)
    assert not gc.is_tracked(scs_flavor.check("SCS-2V-4"))
    gc.collect()
    assert [r.status for r in results] == ["valid", "invalid", "not-scs"]
    assert results[0].flavor == scs_flavor.parse("SCS-2V-4")

