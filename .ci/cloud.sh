#!/usr/bin/env bash
# CI step "cloud": a real Keystone + Nova API on 127.0.0.1 (scripts/openstack-dev.sh), fixture
# clouds with defects loaded through openstacksdk, and the cargo-built `scs-flavor` against it:
#   - `audit --os-cloud scs-member` prints what `audit` prints for the client's own
#     `openstack flavor list --long -f json` as the member user (and the fixture's audit);
#   - `plan --os-cloud` equals the plan of the client's listing; `apply` as the member user
#     stops at the first call with the forbidden status (6), changing nothing; `apply` as admin
#     makes the audit pass, a second plan is empty and a second apply changes nothing;
#   - the same plan as `-o openstack` commands run by the real `openstack` client reaches the
#     same end state (two fixtures: the client takes seconds a command), and as the member
#     user stops at the first refusal; the `audit --fix` script run by the client fixes the
#     extra specs;
#   - the real openstack-flavor-manager fed `plan -o osism` creates the standard flavors;
#   - an application credential reads what the member's password does;
#   - errors: unknown cloud (3), closed port (4), bad password (5), no compute in the catalog
#     (7): one `scs-flavor: ...` line each, no panic;
#   - first, on the empty cloud, `cargo test --test live_cloud` (the openstack_sdk backend's
#     calls one by one; Nova pages 20 flavors, scripts/openstack-dev.sh).
# Services are stopped by their pids on any exit. Prints `ok:`/`FAILED:` lines and, last,
# `cloud: N passed, N failed`.
#
# SCS_CLOUD_DIR=DIR uses the control plane already running in DIR (`scripts/openstack-dev.sh
# start DIR`) and leaves it running: for developers, to skip the start (minutes).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
state=$(mktemp -d)
passed=0
failed=0
reuse=${SCS_CLOUD_DIR:-}
if [ -n "$reuse" ]; then
  cp "$reuse/clouds.yaml" "$state/clouds.yaml"
  cp "$reuse/max_limit" "$state/max_limit" 2>/dev/null || true
  trap 'rm -rf "$state"' EXIT
else
  trap 'scripts/openstack-dev.sh stop "$state"; rm -rf "$state"' EXIT
fi

ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAILED: $*"; }

started=$SECONDS
# The CLI builds while the control plane starts.
cargo build -q -p scs-flavor-cli >"$state/build.log" 2>&1 &
build=$!
if [ -z "$reuse" ] && ! scripts/openstack-dev.sh start "$state"; then
  wait "$build"
  echo "cloud: 0 passed, 1 failed"
  exit 1
fi
echo "control plane ready after $((SECONDS - started)) s"
if ! wait "$build"; then
  cat "$state/build.log"
  echo "cloud: 0 passed, 1 failed"
  exit 1
fi
eval "$(scripts/openstack-dev.sh env "$state")"

# The Rust backend's own tests against the still empty cloud (tests/live_cloud.rs: every call
# of openstack.rs, paging, refusals and connection errors, an old Nova behind a proxy).
if cargo test -q -p scs-flavor-cli --test live_cloud -- --include-ignored --test-threads=1 \
  >"$state/live.log" 2>&1; then
  ok "cargo test --test live_cloud: $(grep -o '[0-9]* passed' "$state/live.log" | tail -1)"
else
  cat "$state/live.log"
  bad "cargo test --test live_cloud: $(grep -E '^test .* FAILED' "$state/live.log" | head -5 | tr '\n' ' ')"
fi
scs=${CARGO_TARGET_DIR:-$root/target}/debug/scs-flavor
py=$root/target/openstack/venv/bin/python
all=(--recommended --recreate --prune)
empty_plan='{
  "changes": []
}'

# load FIXTURE: deletes every flavor, then creates the fixture's flavors with their properties.
load() {
  "$py" - "$1" <<'PY'
import json, sys
import openstack
c = openstack.connect(cloud="scs-admin")
for f in list(c.compute.flavors(is_public=None)):
    c.compute.delete_flavor(f)
for e in json.load(open(sys.argv[1])):
    f = c.compute.create_flavor(name=e["Name"], vcpus=e["VCPUs"], ram=e["RAM"], disk=e["Disk"],
                                is_public=e.get("Is Public", True))
    if e.get("Properties"):
        c.compute.create_flavor_extra_specs(f, e["Properties"])
PY
}

listing() { openstack --os-cloud "$1" flavor list --all --long -f json; }

# run NAME ARGS...: runs scs-flavor, stdout in $state/NAME.out, stderr in NAME.err, status in
# NAME.rc.
run() {
  local name=$1
  shift
  "$scs" "$@" >"$state/$name.out" 2>"$state/$name.err"
  echo $? >"$state/$name.rc"
}
rc() { cat "$state/$1.rc"; }

# same A B: the two runs printed the same and exited alike.
same() {
  cmp -s "$state/$1.out" "$state/$2.out" && cmp -s "$state/$1.err" "$state/$2.err" &&
    [ "$(rc "$1")" = "$(rc "$2")" ]
}

# one_error NAME STATUS: the run exited with STATUS, printed one `scs-flavor: ` line on stderr
# and nothing else, and did not panic.
one_error() {
  [ "$(rc "$1")" = "$2" ] && [ "$(wc -l <"$state/$1.err")" -eq 1 ] &&
    grep -q '^scs-flavor: ' "$state/$1.err" && ! grep -qi 'panick\|backtrace' "$state/$1.err"
}

fixtures=(missing-mandatory wrong-ram contradicting-specs sizeless-disk v1-names non-scs
  plan/duplicate-claim)
for fixture in "${fixtures[@]}"; do
  file=scs-flavor-audit/tests/data/$fixture.json
  if ! load "$file"; then bad "$fixture: loading through openstacksdk"; continue; fi

  # The live audit as the member user is the audit of the client's listing as that user.
  listing scs-member >"$state/member.json"
  run live audit --os-cloud scs-member
  run client audit "$state/member.json"
  run live-json audit -o json --os-cloud scs-member
  run client-json audit -o json "$state/member.json"
  if same live client && same live-json client-json; then
    ok "$fixture: audit --os-cloud scs-member equals the audit of the client's listing"
  else
    bad "$fixture: audit --os-cloud scs-member differs from the audit of the client's listing"
    diff "$state/live.out" "$state/client.out" | head -5
    head -3 "$state/live.err"
  fi
  # OS_CLOUD without FILE: the same report.
  OS_CLOUD=scs-member "$scs" audit >"$state/env.out" 2>"$state/env.err"
  echo $? >"$state/env.rc"
  if same env live; then
    ok "$fixture: audit without FILE reads OS_CLOUD"
  else
    bad "$fixture: audit without FILE and OS_CLOUD=scs-member differs from --os-cloud"
  fi

  # The admin's listing audits as the fixture does (in the fixture's order: the official
  # lookup lets a later claim of scs:name-v2 win; with the fixture's IDs, which the messages
  # and commands name).
  listing scs-admin >"$state/admin.json"
  "$py" -c 'import json, sys
fixture = json.load(open(sys.argv[1]))
order = [e["Name"] for e in fixture]
ids = {e["Name"]: e["ID"] for e in fixture if "ID" in e}
live = json.load(open(sys.argv[2]))
live.sort(key=lambda e: order.index(e["Name"]) if e["Name"] in order else len(order))
for e in live:
    e["ID"] = ids.get(e["Name"], e["ID"])
json.dump(live, open(sys.argv[3], "w"))' "$file" "$state/admin.json" "$state/before.json"
  if "$py" - <("$scs" audit -o json "$file") <("$scs" audit -o json "$state/before.json") <<'PY'
import json, sys
# The same test results, findings and fixes; the order of findings is the cloud's.
a, b = (json.load(open(p)) for p in sys.argv[1:])
key = lambda r: (r["passed"], r["tests"], sorted(map(json.dumps, r["findings"])),
                 sorted(map(json.dumps, r["fixes"])))
sys.exit(key(a) != key(b))
PY
  then
    ok "$fixture: audit of the live listing equals the audit of the fixture"
  else
    bad "$fixture: audit of the live listing differs from the fixture's"
  fi

  # plan --os-cloud is the plan of the client's listing.
  run plan-live plan "${all[@]}" -o json --os-cloud scs-admin
  run plan-client plan "${all[@]}" -o json "$state/admin.json"
  if same plan-live plan-client; then
    ok "$fixture: plan --os-cloud equals the plan of the client's listing"
  else
    bad "$fixture: plan --os-cloud differs from the plan of the client's listing"
  fi

  # As the member user, apply stops at the first call with the forbidden status and changes
  # nothing (the admin's plan is the same afterwards).
  run member-apply apply "${all[@]}" --os-cloud scs-member
  run plan-member plan "${all[@]}" -o json --os-cloud scs-admin
  if one_error member-apply 6 && grep -q '^not done: ' "$state/member-apply.out" &&
    same plan-live plan-member; then
    ok "$fixture: apply as the member user stops with status 6 and says what was not done"
  else
    bad "$fixture: apply as the member user: status $(rc member-apply): $(cat "$state/member-apply.err")"
  fi

  # As admin: apply, then the audit passes, a second plan is empty, a second apply changes
  # nothing (apply prints each call before making it: it printed none).
  run apply apply "${all[@]}" --os-cloud scs-admin
  if [ "$(rc apply)" = 0 ] && [ ! -s "$state/apply.err" ]; then
    ok "$fixture: apply as admin ($(grep -c '' "$state/apply.out") lines)"
  else
    bad "$fixture: apply as admin: status $(rc apply): $(cat "$state/apply.err")"
  fi
  run audit-after audit --os-cloud scs-admin
  if [ "$(rc audit-after)" = 0 ]; then
    ok "$fixture: the audit passes after apply"
  else
    bad "$fixture: the audit fails after apply: $(grep FAIL "$state/audit-after.out" | head -3)"
  fi
  run plan-again plan "${all[@]}" -o json --os-cloud scs-admin
  if [ "$(cat "$state/plan-again.out")" = "$empty_plan" ]; then
    ok "$fixture: a second plan is empty"
  else
    bad "$fixture: a second plan is not empty: $(head -c 300 "$state/plan-again.out")"
  fi
  run apply-again apply "${all[@]}" --os-cloud scs-admin
  if [ "$(rc apply-again)" = 0 ] && [ "$(cat "$state/apply-again.out")" = "nothing to do" ]; then
    ok "$fixture: a second apply changes nothing"
  else
    bad "$fixture: a second apply: status $(rc apply-again): $(head -3 "$state/apply-again.out")"
  fi

  echo "  ($fixture: $((SECONDS - started)) s)"
  # The same plan as `openstack` commands, run by the real client, from the fixture again
  # (for the fixtures that need deleting, re-creating and setting: each command of the client
  # costs seconds).
  case $fixture in wrong-ram | plan/duplicate-claim) ;; *) continue ;; esac
  if ! load "$file"; then bad "$fixture: loading through openstacksdk"; continue; fi
  listing scs-admin >"$state/admin.json"
  "$scs" plan "${all[@]}" -o openstack "$state/admin.json" >"$state/plan.sh"
  # As the member user, the first change is refused and the script stops (set -e).
  if [ "$fixture" = wrong-ram ]; then
    if OS_CLOUD=scs-member sh "$state/plan.sh" >"$state/member.log" 2>&1; then
      bad "$fixture: the plan's commands ran as a member user"
    elif grep -qi "forbidden\|403\|not authorized\|policy" "$state/member.log"; then
      ok "$fixture: the plan's commands stop at the first refused call as a member user"
    else
      bad "$fixture: the member run failed without a permission error: $(tail -n 2 "$state/member.log")"
    fi
  fi
  if OS_CLOUD=scs-admin sh "$state/plan.sh" >"$state/commands.log" 2>&1; then
    run audit-commands audit --os-cloud scs-admin
    run plan-commands plan "${all[@]}" -o json --os-cloud scs-admin
    if [ "$(rc audit-commands)" = 0 ] && [ "$(cat "$state/plan-commands.out")" = "$empty_plan" ]; then
      ok "$fixture: the plan's openstack commands make the audit pass, a second plan is empty"
    else
      bad "$fixture: after the plan's openstack commands: $(grep FAIL "$state/audit-commands.out" | head -3)"
    fi
  else
    bad "$fixture: the plan's commands failed: $(tail -n 3 "$state/commands.log")"
  fi
done

# The `audit --fix` script, run by the real client, fixes the extra specs (issue 14).
for fixture in contradicting-specs; do
  if ! load "scs-flavor-audit/tests/data/$fixture.json"; then
    bad "$fixture: loading through openstacksdk"
    continue
  fi
  listing scs-admin >"$state/admin.json"
  "$scs" audit --fix "$state/admin.json" >"$state/fix.sh"
  if OS_CLOUD=scs-admin sh "$state/fix.sh" >"$state/fix.log" 2>&1 &&
    "$scs" audit --os-cloud scs-admin | grep -q '^scs-0103-extra-specs-check: PASS'; then
    ok "$fixture: the audit --fix script run by the openstack client passes the extra-specs check"
  else
    bad "$fixture: the audit --fix script: $(tail -n 2 "$state/fix.log")"
  fi
done

# Cloud errors: one line, its own exit status, no panic.
"$py" - "$state/clouds.yaml" "$state/errors.yaml" <<'PY'
import socket, sys, yaml
clouds = yaml.safe_load(open(sys.argv[1]))["clouds"]
s = socket.socket()
s.bind(("127.0.0.1", 0))
closed = s.getsockname()[1]
s.close()
member = clouds["scs-member"]
clouds["closed-port"] = dict(member, auth=dict(member["auth"], auth_url=f"http://127.0.0.1:{closed}/v3"))
clouds["bad-password"] = dict(member, auth=dict(member["auth"], password="not-the-password"))
clouds["no-compute"] = dict(member, region_name="RegionTwo")
# The member's own application credential (auth_type v3applicationcredential).
import openstack, secrets
c = openstack.connect(cloud="scs-member")
ac = c.identity.create_application_credential(
    user=c.current_user_id, name="scs-flavor-ci-" + secrets.token_hex(4))
clouds["app-credential"] = {
    "auth_type": "v3applicationcredential",
    "auth": {"auth_url": member["auth"]["auth_url"], "application_credential_id": ac.id,
             "application_credential_secret": ac.secret},
    "region_name": member["region_name"],
    "identity_api_version": 3,
}
yaml.safe_dump({"clouds": clouds}, open(sys.argv[2], "w"))
PY
export OS_CLIENT_CONFIG_FILE=$state/errors.yaml
run app-credential audit --os-cloud app-credential
run password audit --os-cloud scs-member
if [ "$(rc app-credential)" -le 1 ] && same app-credential password; then
  ok "an application credential reads what the member's password does"
else
  bad "audit --os-cloud app-credential: status $(rc app-credential): $(head -c 300 "$state/app-credential.err")"
fi
for case in "no-such-cloud 3 unknown cloud" "closed-port 4 unreachable endpoint" \
  "bad-password 5 bad password" "no-compute 7 no compute service in the catalog"; do
  read -r name status what <<<"$case"
  for command in audit plan apply; do
    run error "$command" --os-cloud "$name"
    if one_error error "$status" && [ ! -s "$state/error.out" ]; then
      ok "$command --os-cloud $name ($what): status $status, $(cat "$state/error.err")"
    else
      bad "$command --os-cloud $name ($what): status $(rc error), stderr: $(head -c 300 "$state/error.err")"
    fi
  done
done
export OS_CLIENT_CONFIG_FILE=$state/clouds.yaml

# The real osism openstack-flavor-manager (its own venv: it pins an older openstacksdk) fed
# with `plan -o osism` creates the standard flavors on an empty cloud: the audit passes.
ofm=$root/target/openstack/ofm
if [ ! -x "$ofm/bin/openstack-flavor-manager" ]; then
  python3 -m venv "$ofm" && "$ofm/bin/pip" install -q openstack-flavor-manager==0.20261007.0
fi
if load scs-flavor-audit/tests/data/plan/empty.json &&
  "$scs" plan -o osism - </dev/null >"$state/flavors.yaml" &&
  "$ofm/bin/openstack-flavor-manager" --name local --url "file://$state/flavors.yaml" \
    --cloud scs-admin --recommended --limit-memory 1024 >"$state/ofm.log" 2>&1; then
  if "$scs" audit --os-cloud scs-member >"$state/audit.txt" &&
    ! grep -q ": FAIL" "$state/audit.txt"; then
    ok "osism: openstack-flavor-manager with the -o osism file creates every standard flavor"
  else
    bad "osism: the audit after openstack-flavor-manager: $(grep FAIL "$state/audit.txt" | head -3)"
  fi
else
  bad "osism: openstack-flavor-manager failed: $(tail -n 3 "$state/ofm.log" 2>/dev/null)"
fi

# The Python package against the same control plane (scs-flavor-py/tests/test_cloud_live.py):
# the wheel of this tree with its `openstack` extra in a venv of its own; each pytest test
# counts in the tally (a skipped one as failed: nothing may be skipped here).
pyvenv=$root/target/cloud-py-venv
pip_q() { "$pyvenv/bin/pip" install -q --disable-pip-version-check "$@"; }
rm -rf "$state/wheel"
# The wheel users get, when `scripts/dist.sh` (CI's step dist) built it from this very tree:
# no source file is newer than it. Otherwise a wheel is built here.
built_wheel() {
  local w
  w=$(ls -t "$root"/dist/scs_flavor-*.whl 2>/dev/null | head -n 1)
  [ -n "$w" ] && [ -z "$(find scs-flavor scs-flavor-audit scs-flavor-cli scs-flavor-py Cargo.toml Cargo.lock \
    -type f -newer "$w" -not -path '*/target/*' -not -path '*/__pycache__/*' | head -n 1)" ] && echo "$w"
}
if { [ -x "$pyvenv/bin/python" ] || python3 -m venv "$pyvenv"; } &&
  pip_q "pytest>=7" "PyYAML>=6" &&
  { built_wheel >"$state/wheel.path" ||
    { "$pyvenv/bin/pip" wheel -q --no-deps -w "$state/wheel" ./scs-flavor-py >"$state/wheel.log" 2>&1 &&
      ls "$state"/wheel/scs_flavor-*.whl >"$state/wheel.path"; }; } &&
  wheel=$(cat "$state/wheel.path") && echo "python: wheel $wheel" &&
  pip_q --force-reinstall --no-deps "$wheel" && pip_q "$wheel[openstack]"; then
  SCS_FLAVOR_LIVE_CLOUDS=$state/clouds.yaml SCS_FLAVOR_BIN=$scs "$pyvenv/bin/python" -m pytest \
    -q -p no:cacheprovider --junitxml="$state/py.xml" scs-flavor-py/tests/test_cloud_live.py \
    >"$state/py.log" 2>&1
  read -r py_passed py_failed < <(python3 - "$state/py.xml" <<'PY' || echo "0 1"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
s = root if root.tag == "testsuite" else root.find("testsuite")
n, bad = int(s.get("tests")), sum(int(s.get(k, 0)) for k in ("failures", "errors", "skipped"))
print(n - bad, bad + (n == 0))
PY
)
  passed=$((passed + py_passed))
  failed=$((failed + py_failed))
  if [ "$py_failed" -eq 0 ]; then
    echo "ok: python: $py_passed live tests of the pip-installed package"
  else
    echo "FAILED: python: $py_failed of the live tests of the pip-installed package:"
    grep -E "^(FAILED|ERROR|SKIPPED)|passed|failed" "$state/py.log" | tail -n 15
  fi
else
  bad "python: building or installing the wheel with the openstack extra: $(tail -n 3 "$state/wheel.log" 2>/dev/null)"
fi

echo "cloud step took $((SECONDS - started)) s"
echo "cloud: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
