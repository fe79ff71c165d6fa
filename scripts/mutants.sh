#!/usr/bin/env bash
# Mutation testing with cargo-mutants: the runs recorded in TESTING.md. Slow (minutes to
# hours), so not part of .ci/run. It never mutates this checkout: it clones the committed tree
# (plus `git diff`, the uncommitted changes of tracked files; untracked new test files are not
# copied) into a scratch directory with ../shared beside it and mutates that in place.
#
# Usage: scripts/mutants.sh [core|audit|cli|cloud|cli-connect|new|report|sample|core-rest|parser|select|cli-cloud|full]...
#        (default: core audit cli)
#   core   the core crate's check.rs, syntax.rs, report.rs, with the core's tests only
#   audit  scs-flavor-audit: audit.rs and input.rs in full, requirements.rs + select.rs 1/4
#   cli    scs-flavor-cli in full (most of openstack.rs needs a real cloud: .ci/cloud.sh)
#   cloud  scs-flavor-audit's cloud.rs: cloud errors, the apply loop, its summary
#   cli-connect  the CLI's openstack.rs functions a test reaches without a cloud (choosing
#          the cloud, configuration and unreachable errors)
#   new    scs-flavor-audit: lint.rs, plan.rs, cloud.rs (the newer cloud-level code)
#   report scs-flavor-audit: the report classes, summary, exit status, fix script, uniqueness
#          and private-flavor rules of audit.rs, and the input rules of input.rs
#   sample a 1/10 round-robin sample of the rest of the core
#   core-rest  the core's other files in full, except parse.rs and syntax.rs (lib.rs has no
#          mutants): file by file, tests without doctests first, then the missed ones again
#          with the doctests
#   parser the core's parser, parse.rs and syntax.rs in full (268 mutants, about 1 hour):
#          tests without doctests first, then the missed ones again with the doctests
#   select scs-flavor-audit: requirements.rs and select.rs in full (245 mutants, 4 slices)
#   cli-cloud  the CLI's openstack.rs in full against a real control plane of its own
#          (scripts/openstack-dev.sh, started fresh: mutants can leave flavors behind) with
#          tests/live_cloud.rs; about 7 minutes on an idle machine (65 under load)
#   full   every mutant of the three crates (about 1,450; several hours on 2 cores)
# Environment: MUTANTS_DIR (scratch, default /tmp/scs-flavor-mutants), CARGO_TARGET_DIR.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=${MUTANTS_DIR:-/tmp/scs-flavor-mutants}
version=27.1.0

command -v cargo-mutants >/dev/null && cargo mutants --version | grep -q "$version" ||
    cargo install --locked cargo-mutants --version "$version"

rm -rf "$work/main"
mkdir -p "$work"
[ -d "$work/shared" ] || cp -r "$repo/../shared" "$work/shared"
git clone -q "$repo" "$work/main"
(cd "$repo" && git diff) >"$work/uncommitted.patch"
[ ! -s "$work/uncommitted.patch" ] || (cd "$work/main" && git apply "$work/uncommitted.patch")
(cd "$repo" && git ls-files -z --others --exclude-standard | xargs -0 -r cp --parents -t "$work/main")
cd "$work/main"
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$work/target}
# No debug info: faster builds and links for every mutant.
export CARGO_PROFILE_DEV_DEBUG=0
out=$work/out
mkdir -p "$out"

# --in-place runs one mutant at a time (the tree is mutated where it is).
run() {
    local name=$1
    shift
    local start=$SECONDS
    nice cargo mutants --in-place --timeout 180 --build-timeout 300 -o "$out/$name" "$@" ||
        true # cargo-mutants exits non-zero when mutants are missed
    echo "$name: $((SECONDS - start)) s (summary above)"
    echo "missed: $out/$name/mutants.out/missed.txt"
}

# The functions of the audit's report and safety rules (issue 10), as cargo-mutants names them.
report_re='(TestCase::(blocks_certification|class)|Audit::(fix_script|blocking|exit_status|summary)|'\
'Display for Audit|flavor_target|comment|property_commands|Fix::new|apply_fixes|replace (lookup|claims) |'\
'Context<.a>::(describe|other_claimant|duplicates|fix\b|own_name|implied_specs|standard)|'\
'flavors_from_value|flavor_from_value)'
core_files=(--file scs-flavor/src/check.rs --file scs-flavor/src/syntax.rs --file scs-flavor/src/report.rs)
for what in "${@:-core audit cli}"; do
    for w in $what; do
        case $w in
        core) run core -p scs-flavor --features serde "${core_files[@]}" ;;
        audit)
            run audit -p scs-flavor-audit --file scs-flavor-audit/src/audit.rs --file scs-flavor-audit/src/input.rs
            run audit-sel -p scs-flavor-audit --file scs-flavor-audit/src/requirements.rs \
                --file scs-flavor-audit/src/select.rs --shard 0/4
            ;;
        cli) run cli -p scs-flavor-cli ;;
        cloud) run audit-cloud -p scs-flavor-audit --file scs-flavor-audit/src/cloud.rs ;;
        cli-connect)
            run cli-connect -p scs-flavor-cli --file scs-flavor-cli/src/openstack.rs --re \
                '(replace|in) (connect|cloud_config|connect_error|classify|unreachable_detail)( |$)|replace kind_of |arm (OpenStackError::Communication|AuthError::Reqwest)' \
                -- --tests
            ;;
        new)
            run audit-new -p scs-flavor-audit --file scs-flavor-audit/src/lint.rs \
                --file scs-flavor-audit/src/plan.rs --file scs-flavor-audit/src/cloud.rs
            ;;
        report)
            run audit-report -p scs-flavor-audit --file scs-flavor-audit/src/audit.rs \
                --file scs-flavor-audit/src/input.rs --re "$report_re"
            ;;
        core-rest)
            for f in model builder render spec tables error warnings describe serde_impl given; do
                run "core-$f" -p scs-flavor --features serde --file "scs-flavor/src/$f.rs" -- --tests
                # The missed ones again, with the doc tests (`--iterate` re-tests only those).
                [ ! -d "$out/core-$f/mutants.out" ] ||
                    run "core-$f" -p scs-flavor --features serde --file "scs-flavor/src/$f.rs" --iterate
            done
            ;;
        parser)
            run parser -p scs-flavor --features serde --file scs-flavor/src/parse.rs \
                --file scs-flavor/src/syntax.rs -- --tests
            # The missed ones again, with the doc tests (`--iterate` re-tests only those).
            [ ! -d "$out/parser/mutants.out" ] ||
                run parser -p scs-flavor --features serde --file scs-flavor/src/parse.rs \
                    --file scs-flavor/src/syntax.rs --iterate
            ;;
        select)
            for k in 0 1 2 3; do
                run "select-$k" -p scs-flavor-audit --file scs-flavor-audit/src/requirements.rs \
                    --file scs-flavor-audit/src/select.rs --shard "$k/4" -- --tests
            done
            ;;
        cli-cloud)
            plane=$work/plane
            rm -rf "$plane"
            scripts/openstack-dev.sh start "$plane"
            trap 'scripts/openstack-dev.sh stop "$plane"' EXIT
            # The first build of the dependencies without debug info takes long: build it once.
            cargo build -q -p scs-flavor-cli --tests
            (
                eval "$(scripts/openstack-dev.sh env "$plane")"
                unset OS_CLOUD
                run cli-cloud -p scs-flavor-cli --file scs-flavor-cli/src/openstack.rs \
                    -- --lib --test connect --test live_cloud -- --include-ignored --test-threads=1
            )
            ;;
        sample)
            run core-sample -p scs-flavor --features serde --exclude scs-flavor/src/check.rs \
                --exclude scs-flavor/src/syntax.rs --exclude scs-flavor/src/report.rs --shard 0/10
            ;;
        full)
            run core-full -p scs-flavor --features serde
            run audit-full -p scs-flavor-audit
            run cli -p scs-flavor-cli
            ;;
        *) echo "unknown run: $w" >&2; exit 2 ;;
        esac
    done
done
