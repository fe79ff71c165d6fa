#!/usr/bin/env bash
# CI step "cloud": a real Keystone + Nova API on 127.0.0.1 (scripts/openstack-dev.sh), fixture
# clouds with defects loaded through openstacksdk, then: the audit of the client's own
# `flavor list --long -f json`, `plan -o openstack` run by the real `openstack` client as
# admin, the audit passing and a second plan empty; the same script as the member user
# stopping at the first refused call; the real openstack-flavor-manager fed `plan -o osism`. Services are stopped by their pids on any exit.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
state=$(mktemp -d)
passed=0
failed=0
trap 'scripts/openstack-dev.sh stop "$state"; rm -rf "$state"' EXIT

ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAILED: $*"; }

started=$SECONDS
if ! scripts/openstack-dev.sh start "$state"; then
  echo "cloud: 0 passed, 1 failed"
  exit 1
fi
echo "control plane ready after $((SECONDS - started)) s"
eval "$(scripts/openstack-dev.sh env "$state")"
cargo build -q -p scs-flavor-cli || { echo "cloud: 0 passed, 1 failed"; exit 1; }
scs=${CARGO_TARGET_DIR:-$root/target}/debug/scs-flavor
py=$root/target/openstack/venv/bin/python

# load FIXTURE: deletes every flavor, then creates the fixture's flavors with their properties.
load() {
  "$py" - "$1" <<'PY'
import json, sys
import openstack
c = openstack.connect(cloud="scs-admin")
for f in list(c.compute.flavors()):
    c.compute.delete_flavor(f)
for e in json.load(open(sys.argv[1])):
    f = c.compute.create_flavor(name=e["Name"], vcpus=e["VCPUs"], ram=e["RAM"], disk=e["Disk"],
                                is_public=e.get("Is Public", True))
    if e.get("Properties"):
        c.compute.create_flavor_extra_specs(f, e["Properties"])
PY
}

listing() { openstack --os-cloud "$1" flavor list --all --long -f json; }

for fixture in missing-mandatory wrong-ram contradicting-specs v1-names non-scs plan/duplicate-claim; do
  file=scs-flavor-audit/tests/data/$fixture.json
  if ! load "$file"; then bad "$fixture: loading through openstacksdk"; continue; fi
  listing scs-admin >"$state/before.json"
  # In the fixture's order: the official lookup lets a later claim of scs:name-v2 win.
  "$py" -c 'import json, sys
order = [e["Name"] for e in json.load(open(sys.argv[1]))]
live = json.load(open(sys.argv[2]))
live.sort(key=lambda e: order.index(e["Name"]) if e["Name"] in order else len(order))
json.dump(live, open(sys.argv[2], "w"))' "$file" "$state/before.json"
  # The cloud's listing audits as the fixture does (IDs differ, nothing else matters).
  if "$py" - <("$scs" audit -o json "$file") <("$scs" audit -o json "$state/before.json") <<'PY'
import json, sys
# The same test results, findings and fixes; the order of flavors is the cloud's.
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
  "$scs" plan --recommended --recreate --prune -o openstack "$state/before.json" >"$state/plan.sh"
  # As the member user, the first change is refused and the script stops (set -e).
  if [ "$fixture" = missing-mandatory ]; then
    if OS_CLOUD=scs-member sh "$state/plan.sh" >"$state/member.log" 2>&1; then
      bad "$fixture: the plan ran as a member user"
    elif grep -qi "forbidden\|403\|not authorized\|policy" "$state/member.log"; then
      ok "$fixture: the plan stops at the first refused call as a member user"
    else
      bad "$fixture: the member run failed without a permission error: $(tail -n 2 "$state/member.log")"
    fi
  fi
  if OS_CLOUD=scs-admin sh "$state/plan.sh" >"$state/apply.log" 2>&1; then
    ok "$fixture: the openstack commands of the plan ran"
  else
    bad "$fixture: the plan's commands failed: $(tail -n 3 "$state/apply.log")"
    continue
  fi
  # Admin's view: the plan keeps private flavors private (the member user may not see them).
  listing scs-admin >"$state/after.json"
  if "$scs" audit "$state/after.json" >"$state/audit.txt"; then
    ok "$fixture: the audit passes after the plan"
  else
    bad "$fixture: the audit fails after the plan: $(grep FAIL "$state/audit.txt" | head -3)"
  fi
  if [ "$("$scs" plan --recommended --recreate --prune -o json "$state/after.json")" = '{
  "changes": []
}' ]; then
    ok "$fixture: a second plan is empty"
  else
    bad "$fixture: a second plan is not empty"
  fi
done

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
  listing scs-member >"$state/ofm.json"
  if "$scs" audit "$state/ofm.json" >"$state/audit.txt" &&
    ! grep -q ": FAIL" "$state/audit.txt"; then
    ok "osism: openstack-flavor-manager with the -o osism file creates every standard flavor"
  else
    bad "osism: the audit after openstack-flavor-manager: $(grep FAIL "$state/audit.txt" | head -3)"
  fi
else
  bad "osism: openstack-flavor-manager failed: $(tail -n 3 "$state/ofm.log" 2>/dev/null)"
fi

echo "cloud: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
