"""A user's script of the installed Python package `scs-flavor` (run by .ci/dist.sh with the
wheel, and type-checked there with `mypy --strict` against the package's stubs)."""

from typing import Optional

import scs_flavor

flavor: scs_flavor.Flavor = scs_flavor.parse("SCS-2V-4-20s")
assert (flavor.cpus, flavor.cpu_type, flavor.ram_gib) == (2, "V", 4.0), flavor
assert flavor.v1 == "SCS-2V:4:20s", flavor.v1
assert flavor.spec()["scs:disk0-type"] == "ssd", flavor.spec()

result: scs_flavor.Result = scs_flavor.check("SCS-2V-4_i7")
assert result.status == "invalid", result
error: Optional[scs_flavor.ParseError] = result.error
assert error is not None and error.kind == "cpu-generation", error

try:
    scs_flavor.parse("m1.large")
except scs_flavor.ParseError as e:
    assert e.kind == "not-scs", e
else:
    raise AssertionError("m1.large parsed")

selection: scs_flavor.Selection = scs_flavor.select(["SCS-2V-4", "SCS-4V-16", "SCS-4V-8"], cpus=4, ram_gib=8)
assert [m.name for m in selection.matches] == ["SCS-4V-8", "SCS-4V-16"], selection

report: scs_flavor.AuditReport = scs_flavor.audit([{"Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0, "Properties": {}}])
assert report.passed is False, report
print("python consumer: ok")
