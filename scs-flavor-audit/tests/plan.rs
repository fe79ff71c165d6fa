//! `plan` on fixture clouds: carrying the plan out makes the audit pass and the next plan
//! empty; non-SCS flavors stay as they are; no duplicate claims; the renderings.

mod common;
use common::{data, load};

use scs_flavor_audit::{
    audit, osism_definitions, parse_flavors, plan, ChangeKind, CloudFlavor, PlanOptions,
};

const ALL: PlanOptions = PlanOptions {
    recommended: true,
    recreate: true,
    prune: true,
};

const FIXTURES: &[&str] = &[
    "missing-mandatory.json",
    "wrong-ram.json",
    "sizeless-disk.json",
    "contradicting-specs.json",
    "v1-names.json",
    "non-scs.json",
    "cloud.json",
    "compliant.json",
    "plan/duplicate-claim.json",
];

#[test]
fn carrying_out_the_full_plan_passes_the_audit_and_the_next_plan_is_empty() {
    for name in FIXTURES {
        let mut flavors = load(name);
        let before: Vec<CloudFlavor> = flavors
            .iter()
            .filter(|f| {
                !f.name.starts_with("SCS-") && !f.extra_specs.keys().any(|k| k.starts_with("scs:"))
            })
            .cloned()
            .collect();
        let p = plan(&flavors, ALL);
        assert!(
            p.changes.iter().all(|c| c.kind != ChangeKind::Decide),
            "{name}: {p}"
        );
        p.apply_to(&mut flavors);
        let report = audit(&flavors);
        assert!(report.passed, "{name}: after the plan\n{report}");
        assert!(
            report
                .tests
                .iter()
                .all(|t| t.result == scs_flavor_audit::Status::Pass),
            "{name}: every standard flavor, recommended too\n{report}"
        );
        let again = plan(&flavors, ALL);
        assert_eq!(again.changes, [], "{name}: second plan\n{again}");
        // Non-SCS flavors (no SCS name, no scs:* extra spec) are never touched.
        for f in &before {
            assert!(flavors.contains(f), "{name}: {} changed", f.name);
        }
    }
}

#[test]
fn the_compliant_cloud_needs_nothing() {
    let p = plan(&load("compliant.json"), ALL);
    assert_eq!(p.changes, []);
    assert_eq!(p.to_string(), "nothing to do\n");
    let json = serde_json::to_value(&p).expect("json");
    assert_eq!(json, serde_json::json!({"changes": []}));
}

#[test]
fn without_options_only_mandatory_flavors_are_created_and_the_rest_is_a_decision() {
    let flavors = load("plan/duplicate-claim.json");
    let p = plan(&flavors, PlanOptions::default());
    let kinds: Vec<(ChangeKind, &str)> = p
        .changes
        .iter()
        .map(|c| (c.kind, c.flavor.as_str()))
        .collect();
    // The wrong sizes of SCS-2V-4-20s and the invalid SCS-2Q-4 wait for a decision.
    assert!(kinds.contains(&(ChangeKind::Decide, "SCS-2V-4-20s")), "{p}");
    assert!(kinds.contains(&(ChangeKind::Decide, "SCS-2Q-4")), "{p}");
    let created: Vec<&str> = kinds
        .iter()
        .filter(|(k, _)| *k == ChangeKind::Create)
        .map(|(_, n)| *n)
        .collect();
    // 15 mandatory flavors, of which SCS-4V-8 and SCS-2V-4-20s exist (by name).
    assert_eq!(created.len(), 13, "{created:?}");
    assert!(!created.contains(&"SCS-4V-8"));
    assert!(!created.contains(&"SCS-1V-4-10"), "recommended");
    assert!(kinds.iter().all(|(_, n)| *n != "m1.small"));
}

#[test]
fn a_fix_never_claims_a_standard_flavor_a_second_time() {
    let flavors = load("plan/duplicate-claim.json");
    for options in [PlanOptions::default(), ALL] {
        let p = plan(&flavors, options);
        let v1 = p
            .changes
            .iter()
            .find(|c| c.flavor == "SCS-4V:8")
            .expect("the v1 flavor gets its extra specs");
        assert_eq!(v1.kind, ChangeKind::Properties);
        assert_eq!(v1.id.as_deref(), Some("a1"));
        assert_eq!(
            v1.set.get("scs:cpu-type").map(String::as_str),
            Some("shared-core")
        );
        assert_eq!(v1.set.get("scs:name-v2"), None, "SCS-4V-8 exists: {p}");
    }
}

#[test]
fn recreation_keeps_name_public_flag_and_other_properties() {
    let flavors = load("plan/duplicate-claim.json");
    let p = plan(&flavors, ALL);
    let c = p
        .changes
        .iter()
        .find(|c| c.flavor == "SCS-2V-4-20s")
        .expect("recreated");
    assert_eq!(c.kind, ChangeKind::Recreate);
    assert_eq!(c.id.as_deref(), Some("a3"));
    let new = c.create.as_ref().expect("new flavor");
    assert_eq!((new.vcpus, new.ram_mib, new.disk_gb), (2, 4096, 20));
    // It was private; a private flavor does not count as the standard flavor (scs-0103 is
    // judged as a member user sees it), so the re-created standard flavor is public.
    assert!(new.public);
    assert_eq!(new.properties["note"], "kept");
    assert_eq!(new.properties["scs:disk0-type"], "ssd");
    assert_eq!(new.properties["scs:name-v1"], "SCS-2V:4:20s");
    let pruned = p
        .changes
        .iter()
        .find(|c| c.flavor == "SCS-2Q-4")
        .expect("pruned");
    assert_eq!(pruned.kind, ChangeKind::Delete);
}

#[test]
fn a_list_without_long_is_refused() {
    let text = std::fs::read_to_string(data("plan/no-long.json")).expect("fixture");
    let e = parse_flavors(&text).expect_err("no properties");
    assert!(e.to_string().contains("did you forget `--long`"), "{e}");
}

#[test]
fn the_openstack_script_addresses_flavors_by_id_with_one_set_per_flavor() {
    let p = plan(&load("plan/duplicate-claim.json"), ALL);
    let script = p.openstack_script();
    let mut lines = script.lines();
    assert_eq!(lines.next(), Some("#!/bin/sh"));
    assert_eq!(lines.next(), Some("set -e"));
    let commands: Vec<Vec<String>> = script
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty() && *l != "set -e")
        .map(|l| shell_words::split(l).expect("shell words"))
        .collect();
    let sets: Vec<&Vec<String>> = commands.iter().filter(|c| c[2] == "set").collect();
    assert_eq!(sets.len(), 1, "{script}");
    assert_eq!(sets[0].last().map(String::as_str), Some("a1"));
    assert!(commands.contains(&vec![
        "openstack".into(),
        "flavor".into(),
        "delete".into(),
        "a4".into()
    ]));
    let create = commands
        .iter()
        .find(|c| c[2] == "create" && c.last().map(String::as_str) == Some("SCS-1L-1"))
        .expect("create SCS-1L-1");
    let expected: Vec<String> = [
        "openstack",
        "flavor",
        "create",
        "--vcpus",
        "1",
        "--ram",
        "1024",
        "--disk",
        "0",
        "--public",
        "--property",
        "scs:cpu-type=crowded-core",
        "--property",
        "scs:name-v1=SCS-1L:1",
        "--property",
        "scs:name-v2=SCS-1L-1",
        "SCS-1L-1",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(create, &expected);
    // Every flavor an ID addresses is named in the comment before.
    assert!(script.contains("\n# SCS-4V:8: set "), "{script}");
}

#[test]
fn osism_definitions_hold_every_standard_flavor_in_mib() {
    let d = osism_definitions();
    assert_eq!(d.mandatory.len(), 15);
    assert_eq!(d.recommended.len(), 16);
    let f = d
        .mandatory
        .iter()
        .find(|f| f.name == "SCS-4V-16-100s")
        .expect("row");
    assert_eq!((f.cpus, f.ram, f.disk), (4, 16384, 100));
    assert_eq!(f.properties["scs:disk0-type"], "ssd");
    assert_eq!(f.properties["scs:name-v2"], "SCS-4V-16-100s");
    let r = d
        .recommended
        .iter()
        .find(|f| f.name == "SCS-2V-8-20")
        .expect("row");
    assert_eq!((r.cpus, r.ram, r.disk), (2, 8192, 20));
    assert_eq!(d.reference[0].field, "name");
    assert_eq!(d.reference[0].mandatory_prefix.as_deref(), Some("SCS-"));
    assert!(d.reference.iter().any(|x| x.field == "scs:cpu-type"));
}
