//! `plan` rules pinned by hand (scs-0103's mandatory and recommended lists, Nova's unique
//! flavor names): which standard flavors are created, what a change says and answers, and
//! that `apply_to` follows IDs. Written against the mutants the older tests let through.

mod common;
use common::load;

use scs_flavor_audit::{parse_flavors, plan, ChangeKind, CloudFlavor, PlanOptions};

fn created(flavors: &[CloudFlavor], options: PlanOptions) -> Vec<String> {
    plan(flavors, options)
        .changes
        .into_iter()
        .filter(|c| c.kind == ChangeKind::Create)
        .map(|c| c.flavor)
        .collect()
}

/// An empty cloud: the 15 mandatory flavors of scs-0103, and with `recommended` also the 13
/// recommended ones and the 3 of part 2.
#[test]
fn an_empty_cloud_gets_the_standard_flavors() {
    let mandatory = created(&[], PlanOptions::default());
    assert_eq!(mandatory.len(), 15);
    assert!(mandatory.contains(&"SCS-1L-1".to_string()));
    assert!(!mandatory.contains(&"SCS-1V-4-10".to_string()));
    let all = created(
        &[],
        PlanOptions {
            recommended: true,
            ..PlanOptions::default()
        },
    );
    assert_eq!(all.len(), 15 + 13 + 3);
    assert!(all.contains(&"SCS-1V-4-10".to_string()));
    // Each creation answers its own missing flavor.
    for c in plan(&[], PlanOptions::default()).changes {
        assert_eq!(
            c.why,
            [format!(
                "the mandatory standard flavor {} is missing (looked up by scs:name-v2, then by \
                 name)",
                c.flavor
            )]
        );
    }
}

/// The plan reads the flavor's ID and public flag: its changes address the ID, and a private
/// flavor does not count (as in the audit).
#[test]
fn the_plan_uses_the_flavors_id_and_flag() {
    let private = CloudFlavor::new("SCS-2V-4", 2, 4096, 0)
        .with_id("x1")
        .with_public(false);
    // Private, it does not count: SCS-2V-4 stays missing, and is not created a second time.
    let p = plan(&[private], PlanOptions::default());
    let fix = p
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::Properties)
        .expect("extra specs");
    assert_eq!(fix.id.as_deref(), Some("x1"));
    assert!(!p
        .changes
        .iter()
        .any(|c| c.kind == ChangeKind::Create && c.flavor == "SCS-2V-4"));
}

/// A re-created flavor keeps its public flag unless it is a standard flavor (which must be
/// public to count).
#[test]
fn a_recreated_private_flavor_stays_private_unless_standard() {
    let text = r#"[{"ID": "p", "Name": "SCS-3V-6", "VCPUs": 3, "RAM": 5000, "Disk": 0,
        "Is Public": false, "Properties": {}}]"#;
    let flavors = parse_flavors(text).expect("readable");
    let options = PlanOptions {
        recreate: true,
        ..PlanOptions::default()
    };
    let p = plan(&flavors, options);
    let c = p
        .changes
        .iter()
        .find(|c| c.kind == ChangeKind::Recreate)
        .expect("recreated");
    assert_eq!(c.create.as_ref().map(|n| n.public), Some(false));
}

/// Exactly the missing flavor is created; one that exists but is private is not (Nova's names
/// are unique), though the audit does not count it.
#[test]
fn only_the_missing_flavor_is_created_and_never_a_second_of_a_name() {
    let mut cloud: Vec<CloudFlavor> = load("compliant.json");
    cloud.retain(|f| f.name != "SCS-1L-1");
    assert_eq!(created(&cloud, PlanOptions::default()), ["SCS-1L-1"]);
    let mut cloud = load("compliant.json");
    let one = cloud
        .iter_mut()
        .find(|f| f.name == "SCS-1L-1")
        .expect("in the fixture");
    one.public = false;
    assert_eq!(
        created(&cloud, PlanOptions::default()),
        Vec::<String>::new()
    );
}

/// A re-created standard flavor is not created a second time.
#[test]
fn a_recreated_standard_flavor_is_not_also_created() {
    let flavors = load("plan/duplicate-claim.json");
    let options = PlanOptions {
        recommended: true,
        recreate: true,
        prune: true,
    };
    let p = plan(&flavors, options);
    let kinds: Vec<ChangeKind> = p
        .changes
        .iter()
        .filter(|c| c.flavor == "SCS-2V-4-20s")
        .map(|c| c.kind)
        .collect();
    assert_eq!(kinds, [ChangeKind::Recreate]);
}

/// A properties change says what it sets (and unsets only when it does) and answers exactly
/// its flavor's extra-spec findings.
#[test]
fn a_properties_change_says_what_it_does_and_why() {
    let text = r#"[
      {"ID": "a", "Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0, "Properties": {}},
      {"ID": "b", "Name": "SCS-4V-8", "VCPUs": 4, "RAM": 4096, "Disk": 0,
       "Properties": {"scs:cpu-type": "shared-core", "scs:name-v2": "SCS-4V-8",
                      "scs:name-v1": "SCS-4V:8", "scs:name-v3": "x"}}
    ]"#;
    let flavors = parse_flavors(text).expect("readable");
    let p = plan(&flavors, PlanOptions::default());
    let change = |name: &str| {
        p.changes
            .iter()
            .find(|c| c.flavor == name && c.kind == ChangeKind::Properties)
            .unwrap_or_else(|| panic!("{name}: {p}"))
    };
    let a = change("SCS-2V-4");
    assert_eq!(
        a.what,
        "set scs:cpu-type=shared-core, scs:name-v1=SCS-2V:4, scs:name-v2=SCS-2V-4"
    );
    // The extra-specs check's two notes (cpu type, names) and the standard flavor's three
    // errors (cpu type, name-v1, name-v2), all about keys not set.
    assert_eq!(a.why.len(), 5, "{:?}", a.why);
    assert!(
        a.why
            .iter()
            .all(|w| w.contains(" is set") || w.contains(" is not set")),
        "{:?}",
        a.why
    );
    let b = change("SCS-4V-8");
    assert_eq!(b.what, "unset scs:name-v3");
    // Only the extra-spec finding, not the RAM errors of the semantics and standard checks.
    assert_eq!(b.why.len(), 1, "{:?}", b.why);
    assert!(b.why[0].starts_with("scs:name-v3=x is not an SCS flavor name"));
}

/// `apply_to` finds a flavor by its ID when the change has one, not by its name.
#[test]
fn apply_to_follows_ids() {
    let text = r#"[
      {"ID": "a", "Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0, "Properties": {}},
      {"ID": "b", "Name": "SCS-2V-8", "VCPUs": 2, "RAM": 8192, "Disk": 0, "Properties": {}}
    ]"#;
    let mut flavors = parse_flavors(text).expect("readable");
    let p = plan(&flavors, PlanOptions::default());
    p.apply_to(&mut flavors);
    let specs = |id: &str| {
        flavors
            .iter()
            .find(|f| f.id.as_deref() == Some(id))
            .map(|f| f.extra_specs.get("scs:name-v2").cloned())
    };
    assert_eq!(specs("a"), Some(Some("SCS-2V-4".to_string())));
    assert_eq!(specs("b"), Some(Some("SCS-2V-8".to_string())));
    // Without IDs, by name.
    let mut flavors = parse_flavors(
        &text
            .replace(r#""ID": "a", "#, "")
            .replace(r#""ID": "b", "#, ""),
    )
    .expect("readable");
    plan(&flavors, PlanOptions::default()).apply_to(&mut flavors);
    let by_name: Vec<(&str, Option<&str>)> = flavors
        .iter()
        .take(2)
        .map(|f| {
            let v2 = f.extra_specs.get("scs:name-v2").map(String::as_str);
            (f.name.as_str(), v2)
        })
        .collect();
    assert_eq!(
        by_name,
        [
            ("SCS-2V-4", Some("SCS-2V-4")),
            ("SCS-2V-8", Some("SCS-2V-8"))
        ]
    );
}

/// A mandatory flavor that exists only as a private flavor does not count (the official
/// suite runs as a member): without `recreate` the plan asks for a decision, with it the flavor
/// is re-created public under its ID's name, and nothing else changes; the cloud then passes.
#[test]
fn a_private_standard_flavor_is_recreated_public() {
    let mut cloud = Vec::new();
    plan(&[], PlanOptions::default()).apply_to(&mut cloud);
    for (i, pf) in cloud.iter_mut().enumerate() {
        pf.id = Some(format!("id-{i}"));
        pf.public = pf.name != "SCS-2V-4";
    }
    let id = cloud
        .iter()
        .find(|pf| pf.name == "SCS-2V-4")
        .and_then(|pf| pf.id.clone());
    let decide = plan(&cloud, PlanOptions::default()).changes;
    assert_eq!(decide.len(), 1, "{decide:?}");
    assert_eq!(decide[0].kind, ChangeKind::Decide);
    assert_eq!(decide[0].flavor, "SCS-2V-4");
    assert_eq!(decide[0].id, id);
    assert!(decide[0].why[0].contains("private"), "{:?}", decide[0].why);

    let options = PlanOptions {
        recreate: true,
        ..PlanOptions::default()
    };
    let p = plan(&cloud, options);
    assert_eq!(p.changes.len(), 1, "{:?}", p.changes);
    let c = &p.changes[0];
    assert_eq!(
        (c.kind, c.flavor.as_str(), &c.id),
        (ChangeKind::Recreate, "SCS-2V-4", &id)
    );
    let new = c.create.as_ref().expect("re-created");
    assert_eq!(
        (new.vcpus, new.ram_mib, new.disk_gb, new.public),
        (2, 4096, 0, true)
    );
    assert_eq!(
        new.properties.get("scs:name-v2").map(String::as_str),
        Some("SCS-2V-4")
    );
    p.apply_to(&mut cloud);
    let report = scs_flavor_audit::audit(&cloud);
    assert_eq!(report.exit_status(), 0, "{report}");
    assert!(plan(&cloud, options).changes.is_empty());
}
