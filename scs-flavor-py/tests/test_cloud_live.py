"""The Python package against a real OpenStack control plane (Keystone + Nova API from
``scripts/openstack-dev.sh``): ``audit``, ``plan`` and ``apply`` on an
``openstack.connection.Connection``, and the pip-installed ``scs-flavor --os-cloud`` printing
what the cargo-built binary prints.

Set ``SCS_FLAVOR_LIVE_CLOUDS`` to the ``clouds.yaml`` the script wrote (clouds ``scs-admin`` and
``scs-member``) to run them; they are skipped only when it is unset (``.ci/cloud.sh`` sets it).
``SCS_FLAVOR_BIN`` is the cargo-built ``scs-flavor`` (default: ``target/debug/scs-flavor``
under ``CARGO_TARGET_DIR`` or the repository); the ``openstack`` client is taken from ``PATH``.
The tests replace every flavor of that cloud.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Dict, Iterator, List

import pytest

import scs_flavor

CLOUDS = os.environ.get("SCS_FLAVOR_LIVE_CLOUDS", "")
REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "scs-flavor-audit" / "tests" / "data"
OPTIONS = {"recommended": True, "recreate": True, "prune": True}

pytestmark = pytest.mark.skipif(
    not CLOUDS, reason="SCS_FLAVOR_LIVE_CLOUDS (a running control plane's clouds.yaml) is unset"
)


@pytest.fixture(scope="module")
def env() -> Iterator[Dict[str, str]]:
    """The environment that names the control plane's clouds.yaml (and no OS_CLOUD)."""
    saved = dict(os.environ)
    os.environ["OS_CLIENT_CONFIG_FILE"] = CLOUDS
    os.environ.pop("OS_CLOUD", None)
    yield dict(os.environ)
    os.environ.clear()
    os.environ.update(saved)


def connect(name: str) -> Any:
    import openstack

    return openstack.connect(cloud=name)


def load(fixture: str) -> List[Dict[str, Any]]:
    """Replaces every flavor of the cloud with the fixture's (through openstacksdk as admin,
    with the fixture's IDs); returns the fixture."""
    entries: List[Dict[str, Any]] = json.loads((DATA / fixture).read_text(encoding="utf-8"))
    admin = connect("scs-admin")
    for f in list(admin.compute.flavors()):
        admin.compute.delete_flavor(f)
    for e in entries:
        f = admin.compute.create_flavor(
            id=e.get("ID"), name=e["Name"], vcpus=e["VCPUs"], ram=e["RAM"], disk=e["Disk"],
            is_public=e.get("Is Public", True),
        )
        if e.get("Properties"):
            admin.compute.create_flavor_extra_specs(f, e["Properties"])
    return entries


def client_listing(cloud: str) -> Any:
    """``openstack --os-cloud CLOUD flavor list --long -f json``, by the real client."""
    client = shutil.which("openstack")
    assert client, "the openstack client is not on PATH (eval scripts/openstack-dev.sh env DIR)"
    out = subprocess.run(
        [client, "--os-cloud", cloud, "flavor", "list", "--long", "-f", "json"],
        capture_output=True, text=True, check=True, timeout=300,
    )
    return json.loads(out.stdout)


def binary() -> Path:
    given = os.environ.get("SCS_FLAVOR_BIN")
    target = Path(os.environ.get("CARGO_TARGET_DIR", REPO / "target"))
    path = Path(given) if given else target / "debug" / "scs-flavor"
    assert path.is_file(), f"no cargo-built scs-flavor at {path} (cargo build -p scs-flavor-cli)"
    return path


def console_script() -> Path:
    path = Path(sys.executable).parent / "scs-flavor"
    assert path.is_file(), f"the console script is not installed beside {sys.executable}"
    return path


@pytest.mark.parametrize("fixture", ["missing-mandatory.json", "contradicting-specs.json", "wrong-ram.json"])
def test_audit_of_a_connection_is_the_audit_of_the_clients_listing(
    env: Dict[str, str], fixture: str
) -> None:
    load(fixture)
    live = scs_flavor.audit(connect("scs-member"))
    listed = scs_flavor.audit(client_listing("scs-member"))
    assert live.to_dict() == listed.to_dict()
    assert str(live) == str(listed)
    assert not live.passed


@pytest.mark.parametrize("fixture", ["missing-mandatory.json", "wrong-ram.json", "non-scs.json"])
def test_plan_then_apply_passes_and_a_second_plan_is_empty(
    env: Dict[str, str], fixture: str
) -> None:
    entries = load(fixture)
    admin = connect("scs-admin")
    planned = scs_flavor.plan(admin, **OPTIONS)
    assert planned.changes, "the fixture has defects, so the plan is not empty"
    assert planned.to_dict() == scs_flavor.plan(client_listing("scs-admin"), **OPTIONS).to_dict()
    steps: List[str] = []
    applied = scs_flavor.apply(admin, progress=steps.append, **OPTIONS)
    assert applied.ok and applied.failed is None, str(applied)
    assert applied.plan.to_dict() == planned.to_dict()
    assert [c.flavor for c in applied.done] == [c.flavor for c in planned.changes]
    assert applied.not_done == ()
    assert len(steps) >= len([c for c in planned.changes if c.kind != "decide"])
    after = scs_flavor.audit(connect("scs-admin"))
    assert after.passed, str(after)
    assert len(scs_flavor.plan(connect("scs-admin"), **OPTIONS)) == 0
    again = scs_flavor.apply(connect("scs-admin"), **OPTIONS)
    assert again.ok and again.done == () and again.plan.changes == ()
    # Non-SCS flavors are never touched.
    names = {f.name for f in admin.compute.flavors()}
    assert {e["Name"] for e in entries if not e["Name"].startswith("SCS-")} <= names


def test_apply_as_a_member_stops_at_the_first_refusal(env: Dict[str, str]) -> None:
    load("missing-mandatory.json")
    before = client_listing("scs-admin")
    applied = scs_flavor.apply(connect("scs-member"), **OPTIONS)
    assert not applied.ok
    assert applied.failed is not None
    assert applied.failed.error.kind == "forbidden", applied.failed.error
    assert isinstance(applied.failed.error, scs_flavor.CloudError)
    assert applied.done == ()
    assert applied.failed.change == applied.plan.changes[0]
    assert applied.not_done == applied.plan.changes[1:]
    assert client_listing("scs-admin") == before


def test_a_failing_listing_raises_cloud_error(env: Dict[str, str], tmp_path: Path) -> None:
    import openstack

    conn = openstack.connect(
        auth_url="http://127.0.0.1:9/v3", username="u", password="p", project_name="p",
        user_domain_name="Default", project_domain_name="Default",
    )
    with pytest.raises(scs_flavor.CloudError) as e:
        scs_flavor.audit(conn)
    assert e.value.kind == "unreachable"


def run(program: Path, args: List[str], env: Dict[str, str]) -> "subprocess.CompletedProcess[str]":
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def bad_clouds(tmp_path: Path) -> Path:
    """A clouds.yaml with the member's cloud under a wrong password (``scs-bad-password``), in
    a region without compute service (``scs-no-compute``) and at a closed port
    (``scs-unreachable``)."""
    import yaml

    config = yaml.safe_load(Path(CLOUDS).read_text(encoding="utf-8"))
    member = config["clouds"]["scs-member"]
    config["clouds"]["scs-bad-password"] = {**member, "auth": {**member["auth"], "password": "wrong"}}
    config["clouds"]["scs-no-compute"] = {**member, "region_name": "RegionTwo"}
    closed = {**member["auth"], "auth_url": "http://127.0.0.1:9/v3"}
    config["clouds"]["scs-unreachable"] = {**member, "auth": closed}
    path = tmp_path / "clouds.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def loaded(env: Dict[str, str]) -> None:
    """The cloud of ``contradicting-specs.json``, loaded once for the comparisons below (none
    of which changes it: ``apply`` runs as the member user)."""
    load("contradicting-specs.json")


@pytest.mark.parametrize(
    "args",
    [
        ["audit", "--os-cloud", "scs-member"],
        ["audit", "-o", "json", "--os-cloud", "scs-member"],
        ["plan", "--recommended", "--recreate", "--prune", "--os-cloud", "scs-member"],
        ["plan", "-o", "openstack", "--os-cloud", "scs-admin"],
        ["apply", "--recommended", "--os-cloud", "scs-member"],
        ["audit", "--os-cloud", "no-such-cloud"],
        ["audit", "--os-cloud", "scs-bad-password"],
        ["plan", "--os-cloud", "scs-no-compute"],
    ],
)
def test_the_console_script_prints_what_the_binary_prints(
    loaded: None, env: Dict[str, str], args: List[str], tmp_path: Path
) -> None:
    env = {**env, "OS_CLIENT_CONFIG_FILE": str(bad_clouds(tmp_path))}
    python, cargo = run(console_script(), args, env), run(binary(), args, env)
    assert (python.returncode, python.stdout, python.stderr) == (
        cargo.returncode,
        cargo.stdout,
        cargo.stderr,
    )
    assert cargo.stdout or cargo.stderr


def test_an_unreachable_cloud_is_one_line_and_status_4_in_both(
    env: Dict[str, str], tmp_path: Path
) -> None:
    # The SDKs word the cause differently (the line starts the same).
    env = {**env, "OS_CLIENT_CONFIG_FILE": str(bad_clouds(tmp_path))}
    args = ["audit", "--os-cloud", "scs-unreachable"]
    for p in run(console_script(), args, env), run(binary(), args, env):
        assert p.returncode == 4 and p.stdout == ""
        assert p.stderr.startswith("scs-flavor: cannot reach cloud scs-unreachable at http://127.0.0.1:9/v3: ")
        assert p.stderr.count("\n") == 1, p.stderr
