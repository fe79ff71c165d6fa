#!/usr/bin/env bash
# A real OpenStack control plane on 127.0.0.1 for development and CI: Keystone and the Nova
# API (enough for flavors), installed from PyPI into a venv under target/, state in DIR.
#
#   scripts/openstack-dev.sh start DIR   # install (first time), configure, start, wait until ready
#   scripts/openstack-dev.sh env DIR     # prints `export OS_CLIENT_CONFIG_FILE=DIR/clouds.yaml`
#   scripts/openstack-dev.sh stop DIR    # stops the services by their pid files
#
# `start` writes DIR/clouds.yaml with two clouds: `scs-admin` (the bootstrap admin) and
# `scs-member` (a user with the member role in its own project, as the official SCS tests
# require). Use them with `eval "$(scripts/openstack-dev.sh env DIR)"; openstack --os-cloud
# scs-member flavor list`. Ports are picked free at start (override with KEYSTONE_PORT and
# NOVA_PORT); Nova lists 20 flavors a page (override with NOVA_MAX_LIMIT; `env` exports it for
# tests/live_cloud.rs); logs are DIR/*.log. Pins: nova==34.0.0, keystone==30.0.0 (override the
# venv with OPENSTACK_VENV). Exits non-zero, with the log's tail, if anything fails to start.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop|env DIR" >&2
  exit 2
}
[ $# -eq 2 ] || usage
cmd=$1
mkdir -p "$2"
dir=$(cd "$2" && pwd)
root=$(cd "$(dirname "$0")/.." && pwd)
venv=${OPENSTACK_VENV:-$root/target/openstack/venv}
pins=(nova==34.0.0 keystone==30.0.0 python-openstackclient==10.5.0 gunicorn==27.0.1)

die() {
  echo "openstack-dev: $*" >&2
  exit 1
}

install() {
  local stamp="$venv/.scs-pins"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "${pins[*]}" ]; then
    return
  fi
  echo "openstack-dev: installing ${pins[*]} into $venv" >&2
  python3 -m venv "$venv" || die "python3 -m venv failed (Debian: apt-get install python3-venv)"
  "$venv/bin/pip" install -q --disable-pip-version-check "${pins[@]}" ||
    die "pip install failed"
  echo "${pins[*]}" >"$stamp"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_service NAME PORT MODULE EXPR [ENV=VALUE...]: gunicorn in the background serving the
# Python expression EXPR evaluated in MODULE, pid in DIR/NAME.pid. The services parse
# sys.argv with oslo.config, so a shim module hides gunicorn's arguments from them.
start_service() {
  local name=$1 port=$2 module=$3 expr=$4
  shift 4
  cat >"$dir/${name}_wsgi.py" <<EOF
import sys
sys.argv = sys.argv[:1]
import $module as m
application = m.$expr
EOF
  env "$@" nohup "$venv/bin/gunicorn" --bind "127.0.0.1:$port" --workers 1 --threads 4 \
    --timeout 120 --no-control-socket --chdir "$dir" "${name}_wsgi:application" \
    >"$dir/$name.log" 2>&1 &
  echo $! >"$dir/$name.pid"
}

# wait_ready NAME URL: until URL answers, the process is alive, at most 120 s.
wait_ready() {
  local name=$1 url=$2 pid
  pid=$(cat "$dir/$name.pid")
  local deadline=$((SECONDS + 120))
  while [ $SECONDS -lt $deadline ]; do
    if grep -qs "exited with code" "$dir/$name.log"; then
      tail -n 30 "$dir/$name.log" >&2
      die "$name failed to load (log: $dir/$name.log)"
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 30 "$dir/$name.log" >&2
      die "$name exited during start (log: $dir/$name.log)"
    fi
    if "$venv/bin/python" - "$url" <<'PY' 2>/dev/null; then
import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(sys.argv[1], timeout=2)
except urllib.error.HTTPError as e:
    sys.exit(0 if e.code < 500 else 1)
PY
      return
    fi
    sleep 0.5
  done
  tail -n 30 "$dir/$name.log" >&2
  die "$name did not answer $url within 120 s (log: $dir/$name.log)"
}

stop() {
  local pid
  for name in nova keystone; do
    [ -f "$dir/$name.pid" ] || continue
    pid=$(cat "$dir/$name.pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid"
      for _ in $(seq 1 40); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.25
      done
      if kill -0 "$pid" 2>/dev/null; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
    rm -f "$dir/$name.pid"
  done
}

start() {
  local started=$SECONDS
  for name in keystone nova; do
    if [ -f "$dir/$name.pid" ] && kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then
      die "$name is already running (pid $(cat "$dir/$name.pid")); run: $0 stop $dir"
    fi
  done
  install
  trap 'stop' EXIT
  local kport=${KEYSTONE_PORT:-$(free_port)} nport=${NOVA_PORT:-$(free_port)}
  local keystone_url="http://127.0.0.1:$kport" nova_url="http://127.0.0.1:$nport"
  local admin_pw member_pw nova_pw
  admin_pw=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
  member_pw=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
  nova_pw=$(python3 -c 'import secrets; print(secrets.token_hex(12))')
  rm -rf "$dir/keystone" "$dir/nova" "$dir"/*.db
  mkdir -p "$dir/keystone/fernet-keys" "$dir/keystone/credential-keys" "$dir/nova/lock"

  # Keystone: sqlite, fernet tokens, keys in DIR.
  cat >"$dir/keystone/keystone.conf" <<EOF
[DEFAULT]
use_stderr = true
[database]
connection = sqlite:///$dir/keystone.db
[token]
provider = fernet
[fernet_tokens]
key_repository = $dir/keystone/fernet-keys
[fernet_receipts]
key_repository = $dir/keystone/fernet-keys
[credential]
key_repository = $dir/keystone/credential-keys
[identity]
# The fewest bcrypt rounds: every token request checks a password (tests make hundreds).
password_hash_rounds = 4
EOF
  local km=("$venv/bin/keystone-manage" --config-file "$dir/keystone/keystone.conf")
  {
    "${km[@]}" db_sync
    "${km[@]}" fernet_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)"
    "${km[@]}" credential_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)"
    "${km[@]}" bootstrap --bootstrap-password "$admin_pw" \
      --bootstrap-admin-url "$keystone_url/v3" --bootstrap-internal-url "$keystone_url/v3" \
      --bootstrap-public-url "$keystone_url/v3" --bootstrap-region-id RegionOne
  } >"$dir/keystone-manage.log" 2>&1 || {
    tail -n 30 "$dir/keystone-manage.log" >&2
    die "keystone-manage failed (log: $dir/keystone-manage.log)"
  }
  start_service keystone "$kport" keystone.server.wsgi "initialize_public_application()" \
    OS_KEYSTONE_CONFIG_DIR="$dir/keystone" OS_KEYSTONE_CONFIG_FILES=keystone.conf
  wait_ready keystone "$keystone_url/v3"

  cat >"$dir/clouds.yaml" <<EOF
clouds:
  scs-admin:
    auth:
      auth_url: $keystone_url/v3
      username: admin
      password: $admin_pw
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    identity_api_version: 3
  scs-member:
    auth:
      auth_url: $keystone_url/v3
      username: scs-member
      password: $member_pw
      project_name: scs-member
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    identity_api_version: 3
EOF
  # Users, projects, the compute service and its endpoints, through openstacksdk as admin.
  OS_CLIENT_CONFIG_FILE="$dir/clouds.yaml" "$venv/bin/python" - "$nova_url/v2.1" "$member_pw" "$nova_pw" \
    >"$dir/bootstrap.log" 2>&1 <<'PY' || {
import sys
import openstack

compute_url, member_pw, nova_pw = sys.argv[1:]
c = openstack.connect(cloud="scs-admin")
idn = c.identity
domain = idn.find_domain("default")
roles = {r.name: r for r in idn.roles()}
service_project = idn.create_project(name="service", domain_id=domain.id)
nova = idn.create_user(name="nova", password=nova_pw, domain_id=domain.id)
idn.assign_project_role_to_user(service_project, nova, roles["admin"])
member_project = idn.create_project(name="scs-member", domain_id=domain.id)
member = idn.create_user(name="scs-member", password=member_pw, domain_id=domain.id,
                         default_project_id=member_project.id)
idn.assign_project_role_to_user(member_project, member, roles["member"])
service = idn.create_service(name="nova", type="compute", description="Compute")
for interface in ("public", "internal", "admin"):
    idn.create_endpoint(service_id=service.id, interface=interface, url=compute_url,
                        region_id="RegionOne")
print("bootstrapped")
PY
    tail -n 30 "$dir/bootstrap.log" >&2
    die "creating users and the compute endpoint failed (log: $dir/bootstrap.log)"
  }

  # Nova API: sqlite, no message bus, keystonemiddleware's auth_token.
  local max_limit=${NOVA_MAX_LIMIT:-20}
  echo "$max_limit" >"$dir/max_limit"
  cat >"$dir/nova/nova.conf" <<EOF
[DEFAULT]
transport_url = fake://
state_path = $dir/nova
use_stderr = true
[api]
auth_strategy = keystone
# Small pages (Nova's default is 1000), so that listings of a few dozen flavors span several
# pages and the clients' paging is tested (tests/live_cloud.rs reads NOVA_MAX_LIMIT).
max_limit = $max_limit
[wsgi]
api_paste_config = $dir/nova/api-paste.ini
[api_database]
connection = sqlite:///$dir/nova_api.db
[database]
connection = sqlite:///$dir/nova.db
[oslo_concurrency]
lock_path = $dir/nova/lock
[keystone_authtoken]
www_authenticate_uri = $keystone_url/v3
auth_url = $keystone_url/v3
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = nova
password = $nova_pw
EOF
  cp "$venv/etc/nova/api-paste.ini" "$dir/nova/api-paste.ini"
  local nm=("$venv/bin/nova-manage" --config-file "$dir/nova/nova.conf")
  {
    "${nm[@]}" api_db sync
    "${nm[@]}" cell_v2 map_cell0 --database_connection "sqlite:///$dir/nova_cell0.db"
    "${nm[@]}" db sync
  } >"$dir/nova-manage.log" 2>&1 || {
    tail -n 30 "$dir/nova-manage.log" >&2
    die "nova-manage failed (log: $dir/nova-manage.log)"
  }
  start_service nova "$nport" nova.wsgi.osapi_compute application \
    OS_NOVA_CONFIG_DIR="$dir/nova"
  wait_ready nova "$nova_url/"
  # Ready means a member can list flavors through the catalog.
  OS_CLIENT_CONFIG_FILE="$dir/clouds.yaml" "$venv/bin/openstack" --os-cloud scs-member \
    flavor list -f value >/dev/null 2>"$dir/check.log" || {
    cat "$dir/check.log" >&2
    tail -n 30 "$dir/nova.log" >&2
    die "the member user cannot list flavors (logs: $dir/nova.log, $dir/check.log)"
  }
  trap - EXIT
  echo "openstack-dev: ready in $((SECONDS - started)) s: keystone $keystone_url, nova $nova_url;" \
    "clouds scs-admin and scs-member in $dir/clouds.yaml" >&2
}

case $cmd in
  start) start ;;
  stop) stop ;;
  env)
    [ -f "$dir/clouds.yaml" ] || die "no $dir/clouds.yaml: run $0 start $dir first"
    printf 'export OS_CLIENT_CONFIG_FILE=%q\n' "$dir/clouds.yaml"
    printf 'export NOVA_MAX_LIMIT=%q\n' "$(cat "$dir/max_limit" 2>/dev/null || echo 1000)"
    printf 'export PATH=%q:"$PATH"\n' "$venv/bin"
    ;;
  *) usage ;;
esac
