//! The audit on fixture clouds (tests/data/*.json), checked exactly against
//! tests/data/*.expected (the text report, then `--- fixes`, then the fix commands).
//! Run with `UPDATE_EXPECT=1` to rewrite the expected files after a deliberate change, and
//! review the diff.

mod common;
use common::{data, load};

use proptest::prelude::*;
use scs_flavor_audit::{
    apply_fixes, audit, checker_ram_gib, parse_flavors, CloudFlavor, FindingKind, Severity, Status,
};

fn check_expected(fixture: &str) {
    let report = audit(&load(&format!("{fixture}.json")));
    let actual = format!("{report}--- fixes\n{}", report.fix_script());
    let path = data(&format!("{fixture}.expected"));
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::write(&path, &actual).expect("write expected");
        return;
    }
    let expected = std::fs::read_to_string(&path).expect("expected file");
    assert_eq!(actual, expected, "{fixture}: report differs from {path:?}");
}

const DEFECTS: &[&str] = &[
    "missing-mandatory",
    "wrong-ram",
    "sizeless-disk",
    "contradicting-specs",
    "v1-names",
    "non-scs",
    "cloud",
];

#[test]
fn compliant_cloud_passes_in_every_input_format() {
    let list = load("compliant.json");
    assert_eq!(list.len(), 33);
    assert_eq!(load("compliant-show.json"), list);
    assert_eq!(load("compliant-string-properties.json"), list);
    let report = audit(&list);
    assert!(report.passed);
    assert!(report.tests.iter().all(|t| t.result == Status::Pass));
    assert_eq!(report.findings, []);
    assert_eq!(report.fixes, []);
    check_expected("compliant");
}

#[test]
fn defective_clouds_give_the_expected_reports() {
    for fixture in DEFECTS {
        check_expected(fixture);
    }
}

#[test]
fn verdicts_of_the_defective_clouds() {
    let failing = |fixture: &str| -> Vec<String> {
        let report = audit(&load(&format!("{fixture}.json")));
        assert_eq!(
            report.passed,
            !report
                .findings
                .iter()
                .any(|f| f.severity == Severity::Error)
        );
        report
            .tests
            .iter()
            .filter(|t| t.result == Status::Fail)
            .map(|t| t.id.clone())
            .collect()
    };
    assert_eq!(
        failing("missing-mandatory"),
        ["scs-0103-flavor-1l-1", "scs-0103-flavor-1v-4-10"]
    );
    assert!(!audit(&load("missing-mandatory.json")).passed);
    assert_eq!(
        failing("wrong-ram"),
        [
            "scs-0100-semantics-check",
            "scs-0103-flavor-1v-2",
            "scs-0103-flavor-4v-8",
            "scs-0103-flavor-2v-16"
        ]
    );
    // Size-less disks and v1 names pass (with warnings), as in certification — except that the
    // official semantics check crashes on the former, which a warning says.
    assert_eq!(failing("sizeless-disk"), Vec::<String>::new());
    let report = audit(&load("sizeless-disk.json"));
    assert!(report.passed);
    assert!(report
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::OfficialCheckerAborts && f.flavor == "SCS-2C-4-n"));
    assert_eq!(failing("v1-names"), Vec::<String>::new());
    assert_eq!(failing("non-scs"), ["scs-0100-syntax-check"]);
    assert_eq!(
        failing("contradicting-specs"),
        [
            "scs-0103-extra-specs-check",
            "scs-0103-unique-check",
            "scs-0103-flavor-2v-4-20s",
            "scs-0103-flavor-8v-16",
            "scs-0103-flavor-4v-8-20"
        ]
    );
}

/// No finding is left that extra specs could fix.
fn assert_extra_specs_clear(fixture: &str, after: &scs_flavor_audit::Audit) {
    let left: Vec<_> = after
        .findings
        .iter()
        .filter(|f| f.kind.is_extra_specs())
        .collect();
    assert!(left.is_empty(), "{fixture}: {left:#?}");
}

/// What a user runs is the printed script, not our `Fix` values: it starts with `#!/bin/sh`
/// and `set -e`; every other line is blank, a `# NAME` comment, or — split as a POSIX shell
/// splits it (the `shell-words` crate) — `openstack flavor set (--property KEY=VALUE)+ ID` or
/// `openstack flavor unset (--property KEY)+ ID`, at most one of each per flavor, addressing
/// the flavor by the ID the fixture gives it; carried out from its argv alone, the script
/// leaves nothing that extra specs could fix.
#[test]
fn the_printed_fix_commands_do_what_they_say() {
    let (mut sets, mut unsets) = (0, 0);
    for fixture in DEFECTS.iter().chain(&["compliant"]) {
        let mut cloud = load(&format!("{fixture}.json"));
        let script = audit(&cloud).fix_script();
        let mut lines = script.lines();
        if !script.is_empty() {
            assert_eq!(lines.next(), Some("#!/bin/sh"), "{fixture}");
            assert_eq!(lines.next(), Some("set -e"), "{fixture}");
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut named = None;
        for line in lines {
            if line.is_empty() {
                continue;
            }
            if let Some(name) = line.strip_prefix("# ") {
                named = Some(name.to_string());
                continue;
            }
            let argv = shell_words::split(line).unwrap_or_else(|e| panic!("{line:?}: {e}"));
            let argv: Vec<&str> = argv.iter().map(String::as_str).collect();
            let (action, rest, id) = match argv.as_slice() {
                ["openstack", "flavor", action @ ("set" | "unset"), rest @ .., id] => {
                    (*action, rest, *id)
                }
                other => panic!("{fixture}: unexpected command {other:?}"),
            };
            assert!(
                seen.insert((action.to_string(), id.to_string())),
                "{fixture}: a second {action} for {id}"
            );
            let matching: Vec<&mut CloudFlavor> = cloud
                .iter_mut()
                .filter(|f| f.id.as_deref() == Some(id))
                .collect();
            assert_eq!(
                matching.len(),
                1,
                "{fixture}: {line:?} names one flavor by ID"
            );
            let f = matching.into_iter().next().expect("one");
            assert_eq!(named.as_deref(), Some(f.name.as_str()), "{line:?}");
            assert!(!rest.is_empty() && rest.len() % 2 == 0, "{line:?}");
            for pair in rest.chunks(2) {
                let ["--property", property] = pair else {
                    panic!("{fixture}: {line:?}")
                };
                if action == "set" {
                    sets += 1;
                    let (key, value) = property.split_once('=').expect("KEY=VALUE");
                    f.extra_specs.insert(key.to_string(), value.to_string());
                } else {
                    unsets += 1;
                    assert!(!property.contains('='), "{line:?}");
                    f.extra_specs.remove(*property);
                }
            }
        }
        let after = audit(&cloud);
        assert_extra_specs_clear(fixture, &after);
        assert_eq!(after.fix_script(), "", "{fixture}");
    }
    // The fixtures' fixes, 77 in all (74 `set`, 3 `unset`), as before grouping by flavor.
    assert_eq!((sets, unsets), (74, 3));
}

proptest! {
    /// Any flavor name or property, quoted for the printed commands, reads back as itself in
    /// a POSIX shell (checked with `shell-words`, not with our own splitting).
    #[test]
    fn shell_quoting_reads_back(s in "\\PC*") {
        let quoted = scs_flavor_audit::shell_quote(&s);
        prop_assert_eq!(shell_words::split(&quoted).ok(), Some(vec![s]));
    }
}

/// Applying the fixes leaves nothing that extra specs could fix, and no further fixes.
#[test]
fn fixes_make_the_extra_specs_checks_pass() {
    for fixture in DEFECTS.iter().chain(&["compliant"]) {
        let mut cloud = load(&format!("{fixture}.json"));
        let before = audit(&cloud);
        apply_fixes(&mut cloud, &before.fixes);
        let after = audit(&cloud);
        assert_extra_specs_clear(fixture, &after);
        assert_eq!(after.fixes, [], "{fixture}");
        assert!(after
            .tests
            .iter()
            .any(|t| t.id == "scs-0103-extra-specs-check" && t.result == Status::Pass));
    }
    // On the real-looking cloud, only what extra specs cannot fix is left. (The v1-named
    // `SCS-1L:1` gets `scs:name-v2=SCS-1L-1`, by which the official lookup then finds it.)
    let mut cloud = load("cloud.json");
    let fixes = audit(&cloud).fixes;
    apply_fixes(&mut cloud, &fixes);
    let failing: Vec<_> = audit(&cloud)
        .tests
        .into_iter()
        .filter(|t| t.result == Status::Fail)
        .map(|t| t.id)
        .collect();
    assert_eq!(
        failing,
        [
            "scs-0100-semantics-check",
            "scs-0103-flavor-16v-32",
            "scs-0103-flavor-1v-4-10",
            "scs-0103-flavor-1l-1-5",
            "scs-0103-flavor-16v-64",
            "scs-0103-flavor-8v-64",
            "scs-0103-flavor-16v-128"
        ]
    );
}

#[test]
fn malformed_input_names_entry_and_field() {
    let read = |name: &str| std::fs::read_to_string(data(name)).expect("fixture");
    let e = parse_flavors(&read("malformed.json")).expect_err("malformed");
    assert_eq!(
        e.to_string(),
        "invalid JSON at line 3, column 35: expected `,` or `}`"
    );
    let e = parse_flavors(&read("malformed-entry.json")).expect_err("malformed entry");
    assert_eq!(
        e.to_string(),
        r#"flavor [1] "SCS-4V-8": field "RAM": expected a non-negative integer (MiB), found the string "8 GiB""#
    );
    assert_eq!((e.index, e.field.as_deref()), (Some(1), Some("RAM")));
    let e =
        parse_flavors(r#"[{"Name": "x", "VCPUs": 1, "RAM": 1, "Disk": 0, "Properties": "a=b"}]"#)
            .expect_err("unquoted property");
    assert_eq!(
        e.to_string(),
        r#"flavor [0] "x": field "Properties": the value of property "a" must be in single quotes (key='value')"#
    );
}

#[test]
fn ram_is_converted_as_the_checker_does() {
    // int((MiB + 51) / 102.4) / 10
    assert_eq!(checker_ram_gib(4096), 4.0);
    assert_eq!(checker_ram_gib(4045), 4.0);
    assert_eq!(checker_ram_gib(4044), 3.9);
    assert_eq!(checker_ram_gib(512), 0.5);
    assert_eq!(checker_ram_gib(0), 0.0);
    assert_eq!(checker_ram_gib(7680), 7.5);
    // Within the checker's rounding a flavor slightly short of 4 GiB still passes.
    let report = audit(&[CloudFlavor::new("SCS-2V-4", 2, 4050, 0)]);
    assert_eq!(report.tests[1].result, Status::Pass);
    let report = audit(&[CloudFlavor::new("SCS-2V-4", 2, 4000, 0)]);
    assert_eq!(report.tests[1].result, Status::Fail);
}

#[test]
fn json_report_shape() {
    let cloud =
        [CloudFlavor::new("SCS-2V-4-20s", 2, 4096, 10).with_spec("scs:cpu-type", "shared-core")];
    let report = audit(&cloud);
    let json = serde_json::to_value(&report).expect("json");
    assert_eq!(json["passed"], false);
    assert_eq!(
        json["tests"][1],
        serde_json::json!({"id": "scs-0100-semantics-check", "result": "FAIL", "mandatory": true, "official": true})
    );
    assert_eq!(
        json["findings"][0],
        serde_json::json!({
            "flavor": "SCS-2V-4-20s",
            "test": "scs-0100-semantics-check",
            "severity": "error",
            "kind": "disk-overpromise",
            "message": "the name promises a 20 GB root disk, the flavor has 10 GB"
        })
    );
    assert_eq!(
        json["fixes"][0],
        serde_json::json!({
            "flavor": "SCS-2V-4-20s",
            "action": "set",
            "key": "scs:disk0-type",
            "value": "ssd",
            "command": "openstack flavor set --property scs:disk0-type=ssd SCS-2V-4-20s"
        })
    );
}

#[test]
fn names_are_shell_quoted() {
    let cloud = [
        CloudFlavor::new("m1 large; rm -rf /", 2, 4096, 0).with_spec("scs:name-v2", "SCS-2V-4"),
        CloudFlavor::new("-SCS", 2, 4096, 0).with_spec("scs:name-v2", "SCS-2V-4"),
        CloudFlavor::new("it's", 2, 4096, 0)
            .with_spec("scs:cpu-type", "x'y")
            .with_spec("scs:name-v2", "SCS-2V-4"),
    ];
    let commands: Vec<String> = audit(&cloud).fixes.into_iter().map(|f| f.command).collect();
    assert!(
        commands.contains(
            &"openstack flavor set --property scs:cpu-type=shared-core 'm1 large; rm -rf /'"
                .to_string()
        ),
        "{commands:#?}"
    );
    assert!(
        commands.contains(
            &"openstack flavor set --property scs:cpu-type=shared-core -- -SCS".to_string()
        ),
        "{commands:#?}"
    );
    assert!(
        commands.contains(
            &r"openstack flavor set --property scs:cpu-type=shared-core 'it'\''s'".to_string()
        ),
        "{commands:#?}"
    );
}

/// Names from pieces that exercise every component, including odd and invalid ones.
fn name() -> impl Strategy<Value = String> {
    let cpu = prop::sample::select(vec!["1V", "2V", "4C", "2L", "8T", "2Vi", "0V", "2v", "16C"]);
    let ram = prop::sample::select(vec!["4", "8", "0.5", "3.5", "16u", "4o", "3.25", ""]);
    let disk = prop::sample::select(vec![
        "", "-20s", "-10", "-n", "-", "-3x", "-2x50p", "-100h", "-5",
    ]);
    let ext = prop::sample::select(vec![
        "", "_kvm", "_bms_hwv", "_z3", "_a1", "_GNa-64", "_GN_ib", "_ib", "_i7",
    ]);
    let sep = prop::sample::select(vec!["-", ":"]);
    (cpu, sep, ram, disk, ext, any::<u8>()).prop_map(|(c, s, r, d, e, pick)| match pick % 8 {
        0 => format!("m{pick}.large"),
        _ => format!("SCS-{c}{s}{r}{d}{e}"),
    })
}

fn extra_specs() -> impl Strategy<Value = Vec<(String, String)>> {
    let key = prop::sample::select(vec![
        "scs:cpu-type",
        "scs:disk0-type",
        "scs:disk1-type",
        "scs:disk5-type",
        "scs:name-v1",
        "scs:name-v2",
        "scs:name-v3",
        "scs:name-v10",
        "scs:other",
        "hw_rng:allowed",
    ]);
    let value = prop_oneof![
        name(),
        prop::sample::select(vec![
            "shared-core",
            "dedicated-core",
            "ssd",
            "network",
            "nvme",
            "bogus",
            ""
        ])
        .prop_map(str::to_string),
    ];
    prop::collection::vec((key.prop_map(str::to_string), value), 0..6)
}

fn flavor() -> impl Strategy<Value = CloudFlavor> {
    (
        name(),
        0u64..20,
        0u64..20000,
        prop::sample::select(vec![0u64, 5, 10, 20, 50, 100, 200]),
        extra_specs(),
    )
        .prop_map(|(name, vcpus, ram_mib, disk_gb, specs)| {
            let mut f = CloudFlavor::new(name, vcpus, ram_mib, disk_gb);
            for (k, v) in specs {
                f.extra_specs.insert(k, v);
            }
            f
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any cloud: no panic, the verdict agrees with the findings, and the fixes leave nothing
    /// for extra specs to fix.
    #[test]
    fn fixes_converge_on_any_cloud(mut cloud in prop::collection::vec(flavor(), 0..6)) {
        let report = audit(&cloud);
        prop_assert_eq!(report.passed, !report.findings.iter().any(|f| f.severity == Severity::Error));
        apply_fixes(&mut cloud, &report.fixes);
        let after = audit(&cloud);
        let left: Vec<_> = after.findings.iter().filter(|f| f.kind.is_extra_specs() && f.severity == Severity::Error).collect();
        prop_assert!(left.is_empty(), "{:#?}\n{:#?}", left, cloud);
        prop_assert!(after.fixes.is_empty(), "{:#?}\n{:#?}", after.fixes, cloud);
    }
}

proptest! {
    /// Reading arbitrary text never panics.
    #[test]
    fn reading_never_panics(text in ".{0,200}") {
        let _ = parse_flavors(&text);
        let _ = scs_flavor_audit::parse_properties(&text);
    }

    /// Nor does reading arbitrary property strings, which round-trip when they are simple.
    #[test]
    fn property_strings_round_trip(pairs in prop::collection::btree_map("[a-z:_-]{1,12}", "[A-Za-z0-9 ,.:=-]{0,12}", 0..5)) {
        let text = pairs.iter().map(|(k, v)| format!("{k}='{v}'")).collect::<Vec<_>>().join(", ");
        let back = scs_flavor_audit::parse_properties(&text).expect("simple properties");
        prop_assert_eq!(back, pairs);
    }
}
