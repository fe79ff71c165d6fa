"""``audit`` and ``select``: the ``scs-flavor-audit`` crate seen from Python.

The reports on the crate's fixture clouds (``scs-flavor-audit/tests/data``) must equal the
crate's expected files exactly, in every input form the binding accepts; the selections are
the crate's hand-worked cases (``scs-flavor-audit/tests/select.rs``), costs computed by hand
from the cost table.
"""

from __future__ import annotations

import collections
import json
import subprocess
from pathlib import Path
from typing import Any, Dict, Iterator, List, Mapping, Optional, Tuple

import pytest

import scs_flavor
from scs_flavor import AuditReport, Flavor, Selection, audit, select

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "scs-flavor-audit" / "tests" / "data"

FIXTURES = [
    "compliant",
    "missing-mandatory",
    "wrong-ram",
    "sizeless-disk",
    "contradicting-specs",
    "v1-names",
    "non-scs",
    "cloud",
]


def text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def decoded(name: str) -> Any:
    return json.loads(text(name))


def expected_report(report: AuditReport) -> str:
    """What the crate's tests compare with ``FIXTURE.expected``."""
    return f"{report}--- fixes\n{report.fix_script()}"


class SdkFlavor:
    """Looks like an openstacksdk ``Flavor``: attributes, not a mapping."""

    def __init__(
        self, name: str, vcpus: int, ram: int, disk: int, extra_specs: Optional[Dict[str, str]]
    ) -> None:
        self.name = name
        self.vcpus = vcpus
        self.ram = ram
        self.disk = disk
        self.extra_specs = extra_specs
        self.id = "b7f0c2"  # read as the flavor's ID, as is_public (absent here: public)
        self.location = object()


class ReadOnlyMapping(Mapping[str, Any]):
    """A mapping that is not a dict."""

    def __init__(self, data: Dict[str, Any]) -> None:
        self._data = data

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)


class SdkResource(Dict[str, Any]):
    """Looks like an openstacksdk ``Resource``: a dict subclass with attributes, whose dict
    may hold more than the flavor's fields (here a ``properties`` key that is not the extra
    specs)."""

    def __init__(self, name: str, vcpus: int, ram: int, disk: int, extra_specs: Any) -> None:
        super().__init__(
            name=name,
            vcpus=vcpus,
            ram=ram,
            disk=disk,
            extra_specs=extra_specs,
            properties={"OS-FLV-EXT-DATA:ephemeral": 0},
            location={"cloud": "example"},
        )
        self.name = name
        self.vcpus = vcpus
        self.ram = ram
        self.disk = disk
        self.extra_specs = extra_specs


def sdk_flavors(name: str) -> List[SdkFlavor]:
    """The flavors of a ``flavor show`` fixture as openstacksdk-like objects."""
    return [
        SdkFlavor(f["name"], f["vcpus"], f["ram"], f["disk"], f.get("properties"))
        for f in decoded(name)
    ]


# ---------------------------------------------------------------------------------------------
# audit: reports


@pytest.mark.parametrize("fixture", FIXTURES)
def test_report_equals_the_crate_expected_file(fixture: str) -> None:
    report = audit(text(f"{fixture}.json"))
    assert expected_report(report) == text(f"{fixture}.expected")


@pytest.mark.parametrize("fixture", FIXTURES)
def test_decoded_json_gives_the_same_report(fixture: str) -> None:
    from_text = audit(text(f"{fixture}.json"))
    from_data = audit(decoded(f"{fixture}.json"))
    assert from_data.to_dict() == from_text.to_dict()
    assert str(from_data) == str(from_text)


def test_compliant_cloud_passes_in_every_input_form() -> None:
    forms: List[Any] = [
        text("compliant.json"),
        text("compliant.json").encode(),
        bytearray(text("compliant.json").encode()),
        decoded("compliant.json"),
        text("compliant-show.json"),
        decoded("compliant-show.json"),
        text("compliant-string-properties.json"),
        decoded("compliant-string-properties.json"),
        sdk_flavors("compliant-show.json"),
        [
            SdkResource(f["name"], f["vcpus"], f["ram"], f["disk"], f["properties"])
            for f in decoded("compliant-show.json")
        ],
        tuple(decoded("compliant-show.json")),
        (f for f in decoded("compliant.json")),  # any iterable
        [ReadOnlyMapping(f) for f in decoded("compliant-show.json")],
        [collections.OrderedDict(f) for f in decoded("compliant.json")],
        {"flavors": decoded("compliant-show.json")},  # the Nova API's form
        json.dumps({"flavors": decoded("compliant-show.json")}),
    ]
    reference = audit(text("compliant.json")).to_dict()
    for form in forms:
        report = audit(form)
        assert report.passed, type(form)
        assert report.to_dict() == reference, type(form)
    report = audit(text("compliant.json"))
    assert len(report.tests) == 35
    assert all(t.result == "PASS" for t in report.tests)
    assert report.findings == ()
    assert report.fixes == ()
    assert report.fix_script() == ""
    assert str(report) == text("compliant.expected").split("--- fixes\n")[0]


def test_a_list_without_properties_is_refused() -> None:
    """``openstack flavor list -f json`` without ``--long``: no entry has properties."""
    no_long = [{"ID": "1", "Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0}]
    assert raises_value_error(no_long) == (
        'field "Properties": no flavor has properties (extra specs): did you forget `--long` '
        "(`openstack flavor list --long -f json`)?"
    )


def test_one_flavor_alone() -> None:
    one = {"name": "SCS-2V-4", "vcpus": 2, "ram": 4096, "disk": 0, "properties": {}}
    assert audit(one).to_dict() == audit([one]).to_dict()
    sdk = SdkFlavor("SCS-2V-4", 2, 4096, 0, None)
    assert audit(sdk).to_dict() == audit([{**one, "id": "b7f0c2"}]).to_dict()
    assert audit(sdk).fixes[0].command.endswith(" b7f0c2")


def test_report_objects() -> None:
    report = audit(text("cloud.json"))
    assert not report.passed
    assert repr(report).startswith("<AuditReport failed: 35 tests, ")
    syntax, semantics = report.tests[:2]
    assert (syntax.id, syntax.result, syntax.mandatory, syntax.official) == (
        "scs-0100-syntax-check",
        "PASS",
        True,
        True,
    )
    assert str(syntax) == "scs-0100-syntax-check: PASS"
    assert str(semantics) == "scs-0100-semantics-check: FAIL"
    ids = [t.id for t in report.tests]
    assert "scs-0103-flavor-2v-4-20s" in ids
    # Each test case line is the official runner's, then its class: mandatory (official and
    # required), recommended (official) or ours (not in the official suite).
    classes = {(True, True): "mandatory", (True, False): "recommended"}
    assert str(report).splitlines()[: len(ids)] == [
        f"{t} ({classes.get((t.official, t.mandatory), 'ours')})" for t in report.tests
    ]
    assert str(report).splitlines()[-1].startswith(
        "summary: FAIL: 4 of 17 mandatory test cases of the official suite fail "
        "(scs-0100-semantics-check, scs-0103-flavor-2v-4-20s, scs-0103-flavor-16v-32, "
        "scs-0103-flavor-1l-1): certification fails"
    )

    first = report.findings[0]
    assert (first.flavor, first.test, first.severity, first.kind) == (
        "SCS-2V-4-20s",
        "scs-0103-extra-specs-check",
        "error",
        "disk-type-mismatch",
    )
    assert first.message == "scs:disk0-type=network contradicts the name, which says ssd"
    assert str(first) == f"error [scs-0103-extra-specs-check]: {first.message}"
    missing = [f for f in report.findings if f.kind == "standard-flavor-missing"]
    # The mandatory one is an error, the recommended ones are notes.
    assert [f.flavor for f in missing if f.severity == "error"] == ["SCS-1L-1"]
    assert len(missing) > 1 and all(f.severity == "note" for f in missing[1:])
    assert {f.severity for f in report.findings} == {"error", "warning", "note"}

    fix = report.fixes[0]
    assert (fix.flavor, fix.action, fix.key, fix.value) == (
        "SCS-2V-4-20s",
        "set",
        "scs:disk0-type",
        "ssd",
    )
    # Addressed by the ID the listing gives (cloud.json), not by the name.
    assert (
        fix.command
        == "openstack flavor set --property scs:disk0-type=ssd 153e7c2a-26a2-c0bd-3b12-87fff52ddf5d"
    )
    assert str(fix) == fix.command
    # The script: shebang, set -e, per flavor its name as a comment and one command.
    assert report.fix_script().startswith(
        "#!/bin/sh\nset -e\n\n# SCS-2V-4-20s\n"
        "openstack flavor set --property scs:disk0-type=ssd 153e7c2a-26a2-c0bd-3b12-87fff52ddf5d\n"
        "\n# SCS-2V-8-20\n"
    )
    unset = [f for f in audit(text("contradicting-specs.json")).fixes if f.action == "unset"]
    assert unset and all(f.value is None for f in unset)
    assert all(f.command.startswith("openstack flavor unset --property ") for f in unset)


def test_json_is_the_crate_serde_form() -> None:
    report = audit(text("cloud.json"))
    data = report.to_dict()
    assert list(data) == ["passed", "tests", "findings", "fixes"]
    assert data == json.loads(report.to_json())
    assert data["passed"] is False
    assert data["tests"][0] == {
        "id": "scs-0100-syntax-check",
        "result": "PASS",
        "mandatory": True,
        "official": True,
    }
    assert data["findings"][0] == {
        "flavor": "SCS-2V-4-20s",
        "test": "scs-0103-extra-specs-check",
        "severity": "error",
        "kind": "disk-type-mismatch",
        "message": "scs:disk0-type=network contradicts the name, which says ssd",
    }
    assert [f["command"] for f in data["fixes"]] == [f.command for f in report.fixes]
    assert all("value" not in f for f in data["fixes"] if f["action"] == "unset")
    assert json.loads(report.to_json(pretty=True)) == data
    assert "\n  " in report.to_json(pretty=True)


def test_the_console_script_prints_the_same(console_script: str) -> None:
    path = str(DATA / "cloud.json")
    report = audit(text("cloud.json"))
    p = subprocess.run(
        [console_script, "audit", path], capture_output=True, text=True, timeout=60, check=False
    )
    assert (p.returncode, p.stdout) == (1, str(report))
    p = subprocess.run(
        [console_script, "audit", "-o", "json", path],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert p.stdout.strip() == report.to_json(pretty=True)
    p = subprocess.run(
        [console_script, "audit", "--fix", path],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert p.stdout == report.fix_script()


def test_the_crate_example() -> None:
    report = audit(
        [
            {
                "Name": "SCS-2V-4",
                "VCPUs": 2,
                "RAM": 4096,
                "Disk": 0,
                "Properties": {
                    "scs:cpu-type": "shared-core",
                    "scs:name-v1": "SCS-2V:4",
                    "scs:name-v2": "SCS-2V-4",
                },
            },
            {"Name": "SCS-4V-16-100s", "VCPUs": 4, "RAM": 16000, "Disk": 100, "Properties": {}},
        ]
    )
    assert str(report.tests[0]) == "scs-0100-syntax-check: PASS"
    assert str(report.tests[1]) == "scs-0100-semantics-check: FAIL"
    assert not report.passed
    assert (
        report.fixes[0].command
        == "openstack flavor set --property scs:cpu-type=shared-core SCS-4V-16-100s"
    )


# ---------------------------------------------------------------------------------------------
# audit: malformed input


def raises_value_error(flavors: Any) -> str:
    with pytest.raises(ValueError) as info:
        audit(flavors)
    return str(info.value)


def test_malformed_json_text() -> None:
    assert (
        raises_value_error(text("malformed.json"))
        == "invalid JSON at line 3, column 35: expected `,` or `}`"
    )
    assert raises_value_error(b"\xff[]").startswith("'utf-8' codec can't decode byte 0xff")
    # A str that is not clearly JSON (a file name, a flavor name) is refused, not guessed at.
    for ambiguous in ('"x"', "flavors.json", "SCS-2V-4"):
        with pytest.raises(TypeError, match="a str is read as JSON text"):
            audit(ambiguous)


def test_malformed_entry_names_entry_and_field_in_every_form() -> None:
    message = (
        'flavor [1] "SCS-4V-8": field "RAM": expected a non-negative integer (MiB), '
        'found the string "8 GiB"'
    )
    assert raises_value_error(text("malformed-entry.json")) == message
    assert raises_value_error(decoded("malformed-entry.json")) == message
    assert raises_value_error(iter(decoded("malformed-entry.json"))) == message


@pytest.mark.parametrize(
    ("flavors", "message"),
    [
        ([1], "flavor [0]: expected a flavor object, found 1"),
        (["SCS-2V-4"], 'flavor [0]: expected a flavor object, found the string "SCS-2V-4"'),
        ([[]], "flavor [0]: expected a flavor object, found a list"),
        ([{"vcpus": 1}], 'flavor [0]: missing field "Name" (or "name")'),
        ([{"name": 3}], 'flavor [0]: field "name": expected a string, found 3'),
        (
            [{"name": "x", "vcpus": 1, "ram": 1}],
            'flavor [0] "x": missing field "Disk" (or "disk")',
        ),
        (
            [{"name": "x", "vcpus": -1, "ram": 1, "disk": 0}],
            'flavor [0] "x": field "vcpus": expected a non-negative integer (vCPUs), found -1',
        ),
        (
            [{"name": "x", "vcpus": 1, "ram": 1024.0, "disk": 0}],
            'flavor [0] "x": field "ram": expected a non-negative integer (MiB), found 1024.0',
        ),
        (
            [{"name": "x", "vcpus": True, "ram": 1, "disk": 0}],
            'flavor [0] "x": field "vcpus": expected a non-negative integer (vCPUs), '
            "found a boolean",
        ),
        (
            [{"name": "x", "vcpus": 1, "ram": 1, "disk": 0, "properties": {"k": [1]}}],
            'flavor [0] "x": field "properties": property "k": expected a string, found a list',
        ),
        (
            [{"Name": "x", "VCPUs": 1, "RAM": 1, "Disk": 0, "Properties": "k=v"}],
            'flavor [0] "x": field "Properties": the value of property "k" must be in single '
            "quotes (key='value')",
        ),
        (
            [
                {"name": "ok", "vcpus": 1, "ram": 1, "disk": 0},
                SdkFlavor("y", 1, "1", 0, None),  # type: ignore[arg-type]
            ],
            'flavor [1] "y": field "ram": expected a non-negative integer (MiB), '
            'found the string "1"',
        ),
        (
            [{"name": "x", "vcpus": 1, "ram": 1, "disk": 0, "extra_specs": {"k": {1, 2}}}],
            "expected JSON-like data (str, int, float, bool, None, list or dict), found a "
            "Python set",
        ),
        (
            [{"name": "x", "vcpus": 1, "ram": 1, "disk": float("nan")}],
            # NaN is no JSON number: the crate sees null.
            'flavor [0] "x": field "disk": expected a non-negative integer (GB), found null',
        ),
        (
            [object()],
            "expected JSON-like data (str, int, float, bool, None, list or dict), found a "
            "Python object",
        ),
    ],
)
def test_malformed_python_data(flavors: Any, message: str) -> None:
    assert raises_value_error(flavors) == message


def test_an_object_without_some_attributes() -> None:
    class Partial:
        name = "SCS-2V-4"
        vcpus = 2
        ram = 4096

    assert (
        raises_value_error([Partial()])
        == 'flavor [0] "SCS-2V-4": missing field "Disk" (or "disk")'
    )


def test_a_list_that_contains_itself_does_not_recurse_for_ever() -> None:
    loop: List[Any] = []
    loop.append(loop)
    message = raises_value_error(
        [{"name": "x", "vcpus": 1, "ram": 1, "disk": 0, "properties": {"k": loop}}]
    )
    assert message.startswith("nested more than 32 levels deep")


def test_exceptions_of_the_objects_themselves_propagate() -> None:
    class Broken:
        name = "SCS-2V-4"

        @property
        def ram(self) -> int:
            raise RuntimeError("no connection")

    with pytest.raises(RuntimeError, match="no connection"):
        audit([Broken()])

    def flavors() -> Iterator[Dict[str, Any]]:
        yield {"name": "SCS-2V-4", "vcpus": 2, "ram": 4096, "disk": 0}
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        audit(flavors())


@pytest.mark.parametrize("flavors", [None, 3, 2.5, True])
def test_no_flavor_list_at_all_is_a_type_error(flavors: Any) -> None:
    with pytest.raises(TypeError, match="flavors: expected a path, a file, JSON text"):
        audit(flavors)


# ---------------------------------------------------------------------------------------------
# select: the crate's hand-worked cases


def ranked(names: List[str], **requirements: Any) -> List[Tuple[str, int]]:
    return [(m.name, m.cost) for m in select(names, **requirements).matches]


def reasons(name: str, **requirements: Any) -> List[str]:
    s = select([name], **requirements)
    assert s.matches == (), f"{name} should be rejected"
    return list(s.rejected[0].reasons)


def test_two_vcpus_eight_gib_local_ssd() -> None:
    names = [
        "SCS-1V-4",
        "SCS-2V-4",
        "SCS-2V-8",
        "SCS-2V-8-20s",
        "SCS-2V-8-20",
        "SCS-4V-16-50s",
        "SCS-2C-8-20s",
        "SCS-2V-8-20p",
        "m1.large",
        "SCS-2v-4",
    ]
    s = select(names, cpus=2, ram_gib=8, disk_type="ssd")
    # 2V-8-20s: 20 GB disk (200) + V above L (500) = 700
    # 2V-8-20p: 700 + one disk type step (200) = 900
    # 2C-8-20s: 20 GB (200) + three CPU type steps (1500) = 1700
    # 4V-16-50s: 2 vCPUs (2000) + 8 GiB (2000) + 50 GB (500) + V (500) = 5000
    assert [(m.name, m.cost) for m in s.matches] == [
        ("SCS-2V-8-20s", 700),
        ("SCS-2V-8-20p", 900),
        ("SCS-2C-8-20s", 1700),
        ("SCS-4V-16-50s", 5000),
    ]
    assert [(r.name, list(r.reasons)) for r in s.rejected] == [
        (
            "SCS-1V-4",
            [
                "1 vCPU, need at least 2",
                "4 GiB RAM, need at least 8 GiB",
                "no root disk, need one",
            ],
        ),
        ("SCS-2V-4", ["4 GiB RAM, need at least 8 GiB", "no root disk, need one"]),
        ("SCS-2V-8", ["no root disk, need one"]),
        ("SCS-2V-8-20", ["disk type unspecified (counted as network), need at least ssd"]),
        ("m1.large", ["not an SCS flavor name"]),
        (
            "SCS-2v-4",
            [
                "invalid SCS flavor name: expected CPU type `L`, `V`, `T` or `C` after the "
                "vCPU count, found `v`"
            ],
        ),
    ]
    best = s.best
    assert best is not None and best.name == "SCS-2V-8-20s"
    assert isinstance(best.flavor, Flavor) and str(best.flavor) == "SCS-2V-8-20s"
    assert best.summary == "+20 GB disk, CPU type +1"
    assert best.excess == {
        "vcpus": 0,
        "ram_gib": 0.0,
        "disk_gb": 20,
        "cpu_type_steps": 1,
        "disk_type_steps": 0,
        "extras": [],
    }
    # Table values by code or by name, numbers as text: all through Requirements.set.
    assert select(names, cpus="2", ram_gib="8", disk_type="s").to_dict() == s.to_dict()
    assert select(names, cpus=2, ram_gib=8.0, disk_type="SSD").to_dict() == s.to_dict()


def test_cpu_type_security_ram_flags() -> None:
    req: Dict[str, Any] = dict(
        cpu_type="dedicated-thread", secure_cpu=True, ecc=True, no_oversubscription=True
    )
    assert reasons("SCS-2V-4", **req) == [
        "CPU type shared-core (V), need at least dedicated-thread (T)"
    ]
    assert reasons("SCS-2Ti-4uo", **req) == [
        "insecure vCPUs (`i`: insufficient protection against CPU vulnerabilities)",
        "RAM without ECC (`u`)",
        "oversubscribed RAM (`o`)",
    ]
    assert ranked(["SCS-2C-4", "SCS-2T-4"], **req) == [("SCS-2T-4", 3000), ("SCS-2C-4", 3500)]
    assert ranked(["SCS-2C-4", "SCS-2T-4"], cpu_type="T") == ranked(
        ["SCS-2C-4", "SCS-2T-4"], **req
    )


def test_disk_size_and_no_disk() -> None:
    assert reasons("SCS-2V-4-20s", disk_gb=50) == ["20 GB root disk, need at least 50 GB"]
    assert reasons("SCS-2V-4-n", disk_gb=50) == [
        "disk size left to the cloud, need at least 50 GB"
    ]
    assert reasons("SCS-2V-4", disk_gb=50) == ["no root disk, need one of at least 50 GB"]
    assert ranked(["SCS-2L-4-2x50", "SCS-2L-4-50"], disk_gb=50) == [
        ("SCS-2L-4-50", 3000),
        ("SCS-2L-4-2x50", 3500),
    ]
    assert reasons("SCS-2V-4-20", no_disk=True) == [
        "has a root disk, need none (boot from a volume)"
    ]
    assert ranked(["SCS-1L-1"], no_disk=True) == [("SCS-1L-1", 1250)]


def test_architecture_and_vendor() -> None:
    assert ranked(["SCS-4C-16_a1", "SCS-4C-16_z3", "SCS-4C-16"], arch="arm") == [
        ("SCS-4C-16_a1", 9500)
    ]
    assert reasons("SCS-4C-16", arch="aarch64") == ["architecture x86-64, need arm"]
    assert ranked(["SCS-1L-1", "SCS-1L-1_z", "SCS-1L-1_r"], arch="x86-64") == [
        ("SCS-1L-1", 1250),
        ("SCS-1L-1_z", 1250),
    ]
    assert reasons("SCS-1L-1", cpu_vendor="amd") == ["CPU vendor not stated, need AMD"]
    assert reasons("SCS-1L-1_i2", cpu_vendor="z") == ["CPU vendor Intel, need AMD"]


def test_gpu_infiniband_bare_metal_hwv() -> None:
    gpu: Dict[str, Any] = dict(gpu_vendor="nvidia", gpu_units=50, gpu_vram_gib=24)
    assert [
        m.name
        for m in select(
            ["SCS-16V-64_GNa-56-24", "SCS-16V-64_GNl-142-48", "SCS-16V-64"], **gpu
        ).matches
    ] == ["SCS-16V-64_GNa-56-24", "SCS-16V-64_GNl-142-48"]
    assert reasons("SCS-16V-64_GNa", **gpu) == [
        "GPU compute units not stated, need at least 50",
        "GPU VRAM not stated, need at least 24 GiB",
    ]
    assert reasons("SCS-16V-64_GA3-304-192h", **gpu) == ["GPU vendor AMD, need Nvidia"]
    assert reasons("SCS-16V-64", gpu=True) == ["no GPU"]
    assert ranked(["SCS-2L-8_GNa-56-24", "SCS-4L-8"]) == [
        ("SCS-4L-8", 6000),
        ("SCS-2L-8_GNa-56-24", 12000),
    ]
    hpc: Dict[str, Any] = dict(infiniband=True, bare_metal=True, hwv=True)
    assert reasons("SCS-2L-4_kvm", **hpc) == [
        "no Infiniband (`_ib`)",
        "not bare metal (`_bms`)",
        "no hardware virtualisation (`_hwv`)",
    ]
    assert ranked(["SCS-2L-4_bms_hwv_ib"], **hpc) == [("SCS-2L-4_bms_hwv_ib", 3000)]
    # False and None are no requirement.
    assert ranked(["SCS-2L-4_kvm"], infiniband=False, bare_metal=None) == [
        ("SCS-2L-4_kvm", 3000)
    ]


def test_json_shape_and_text() -> None:
    s = select(["SCS-2V-4-20s", "SCS-1L-1"], cpus=2)
    assert s.to_dict() == {
        "matches": [
            {
                "name": "SCS-2V-4-20s",
                "flavor": "SCS-2V-4-20s",
                # 4 GiB (1000) + 20 GB (200) + V (500) + ssd two steps above network (400)
                "cost": 2100,
                "excess": {
                    "vcpus": 0,
                    "ram_gib": 4.0,
                    "disk_gb": 20,
                    "cpu_type_steps": 1,
                    "disk_type_steps": 2,
                    "extras": [],
                },
            }
        ],
        "rejected": [{"name": "SCS-1L-1", "reasons": ["1 vCPU, need at least 2"]}],
    }
    assert s.to_dict() == json.loads(s.to_json()) == json.loads(s.to_json(pretty=True))
    assert str(s) == (
        "SCS-2V-4-20s  cost   2100  +4 GiB RAM, +20 GB disk, CPU type +1, disk type +2\n\n"
        "rejected:\n  SCS-1L-1: 1 vCPU, need at least 2\n"
    )
    assert repr(s) == "<Selection 1 matches (best SCS-2V-4-20s), 1 rejected>"
    empty = select([], cpus=1)
    assert (empty.matches, empty.rejected, empty.best) == ((), (), None)
    assert str(empty) == "no flavor satisfies the requirements\n"


def test_from_a_cloud_flavor_list() -> None:
    for flavors in (text("cloud.json"), decoded("cloud.json")):
        s = select(flavors, cpus=16, ram_gib=32)
        # SCS-16V-32 has only 32000 MiB: it delivers less than its name promises.
        assert [m.name for m in s.matches] == ["SCS-16V-32-100", "SCS-16C-64-200p_GNa-56-24"]
        why = {r.name: list(r.reasons) for r in s.rejected}
        assert why["SCS-16V-32"] == [
            "delivers less than its name SCS-16V-32 promises: the name promises 32 GiB RAM, "
            "the flavor has 31.2 GiB (32000 MiB)"
        ]
        assert why["m1.small"] == [
            "not an SCS flavor (no SCS name, no valid scs:name-vN extra spec)"
        ]
    by_objects = select(sdk_flavors("compliant-show.json"), cpus=2, ram_gib=4, disk_type="ssd")
    by_text = select(text("compliant.json"), cpus=2, ram_gib=4, disk_type="s")
    assert by_objects.to_dict() == by_text.to_dict()
    assert by_objects.best is not None and by_objects.best.name == "SCS-2V-4-20s"


def test_the_console_script_selects_the_same(console_script: str) -> None:
    names = ["SCS-2V-8", "SCS-2V-8-20s", "SCS-4V-16-100s", "SCS-2C-8-50s_kvm_z3", "SCS-2V-8-20"]
    p = subprocess.run(
        [console_script, "select", "--cpus", "2", "--ram", "8", "--disk-type", "ssd", *names],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    expected = select(names, cpus=2, ram_gib=8, disk_type="ssd")
    assert (p.returncode, p.stdout) == (0, str(expected))


# ---------------------------------------------------------------------------------------------
# select: requirements


def test_requirement_keys_are_the_crate_keys_and_the_stub_signature() -> None:
    assert scs_flavor.REQUIREMENT_KEYS == (
        "cpus",
        "cpu_type",
        "secure_cpu",
        "ram_gib",
        "ecc",
        "no_oversubscription",
        "disk_gb",
        "disk_type",
        "no_disk",
        "arch",
        "cpu_vendor",
        "hypervisor",
        "gpu",
        "gpu_vendor",
        "gpu_units",
        "gpu_vram_gib",
        "infiniband",
        "bare_metal",
        "hwv",
    )
    # Every key is accepted with a sensible value.
    values: Dict[str, Any] = dict(
        cpus=4,
        cpu_type="T",
        secure_cpu=True,
        ram_gib=7.5,
        ecc=True,
        no_oversubscription=True,
        disk_gb=50,
        disk_type="nvme",
        no_disk=False,
        arch="riscv",
        cpu_vendor="riscv",
        hypervisor="bare metal",
        gpu=True,
        gpu_vendor="N",
        gpu_units=10,
        gpu_vram_gib=16,
        infiniband=True,
        bare_metal=True,
        hwv=True,
    )
    assert set(values) == set(scs_flavor.REQUIREMENT_KEYS)
    s = select(["SCS-4T-8-50p_bms_hwv_r_GNa-10-16_ib"], **values)
    assert [m.name for m in s.matches] == ["SCS-4T-8-50p_bms_hwv_r_GNa-10-16_ib"]


NOT_WHOLE = "cpus: vCPU count must be a whole number from 1 to 4294967295"
NOT_GIB = "ram_gib: RAM must be a number of GiB from 0 to 2147483647.5"


@pytest.mark.parametrize(
    ("requirements", "error", "message"),
    [
        # The crate's typed Requirements validate (issue #9: values are no longer stringified
        # for the crate to parse back; one message for every front end).
        ({"cpus": "two"}, ValueError, NOT_WHOLE),
        ({"cpus": -1}, ValueError, NOT_WHOLE),
        ({"cpus": 2.5}, ValueError, NOT_WHOLE),
        ({"cpus": [2]}, ValueError, NOT_WHOLE),
        ({"ram_gib": -1}, ValueError, NOT_GIB),
        ({"ram_gib": float("nan")}, ValueError, NOT_GIB),
        ({"ram_gib": float("inf")}, ValueError, NOT_GIB),
        ({"ecc": "yes"}, ValueError, "ecc: must be `true` or `false`"),
        ({"ecc": 2}, ValueError, "ecc: must be `true` or `false`"),
        ({"cpu_type": "v"}, ValueError, "cpu_type: unknown CPU type: expected one of L, V, T, C"),
        ({"disk_type": "floppy"}, ValueError, "disk_type: unknown disk type"),
        ({"arch": "sparc"}, ValueError, "arch: unknown architecture"),
        ({"cores": 2}, ValueError, "unknown property `cores`: expected one of `cpus`, `cpu_type`"),
        ({"ram": None}, ValueError, "unknown property `ram`"),
    ],
)
def test_bad_requirements(requirements: Dict[str, Any], error: type, message: str) -> None:
    with pytest.raises(error) as info:
        select(["SCS-2V-4"], **requirements)
    assert str(info.value).startswith(message)
    if error is ValueError:
        assert type(info.value) is scs_flavor.Error
        key = next(iter(requirements))
        assert info.value.field == (key if key in scs_flavor.REQUIREMENT_KEYS else None)


def test_bad_names_or_flavors() -> None:
    with pytest.raises(TypeError, match="a str is read as JSON text"):
        select("SCS-2V-4", cpus=2)
    with pytest.raises(TypeError, match="flavors: expected"):
        select(3)  # type: ignore[arg-type]
    # A list that is not all names is a flavor list, with the crate's errors.
    with pytest.raises(ValueError, match=r"^flavor \[0\]: expected a flavor object"):
        select(["SCS-2V-4", {"name": "SCS-2V-4", "vcpus": 2, "ram": 4096, "disk": 0}])
    with pytest.raises(ValueError, match="^invalid JSON"):
        select("[", cpus=2)


def test_result_objects_are_read_only() -> None:
    s: Selection = select(["SCS-2V-4"], cpus=1)
    report = audit(text("cloud.json"))
    for obj, attr in [
        (s, "matches"),
        (s.matches[0], "cost"),
        (report, "passed"),
        (report.tests[0], "result"),
        (report.fixes[0], "command"),
        (report.findings[0], "message"),
    ]:
        with pytest.raises(AttributeError):
            setattr(obj, attr, None)


def test_summary_and_certified_say_what_blocks_certification() -> None:
    # compliant.json has every mandatory flavor (17 = syntax, semantics and the 15 mandatory
    # flavors of scs-0103); missing-mandatory.json lacks some.
    ok = audit(text("compliant.json"))
    assert ok.certified is True
    assert ok.summary.startswith("summary: PASS: all 17 mandatory test cases of the official suite pass")
    assert str(ok).rstrip("\n").split("\n")[-1] == ok.summary
    bad = audit(text("missing-mandatory.json"))
    assert bad.certified is False
    assert bad.summary.startswith("summary: FAIL: ")
    assert "scs-0103-flavor-" in bad.summary
    assert str(bad).rstrip("\n").split("\n")[-1] == bad.summary
