//! The audit's findings pinned by hand from the standards (scs-0100 v3, scs-0103 v1.2,
//! REFERENCE.md), so that the `.expected` snapshots are not the only oracle: for each fixture,
//! which flavor gets which finding (test case, severity, kind), derived from what the fixture
//! changes against `compliant.json`; and single rules that mutation testing found unwatched.

mod common;
use common::{data, load};

use scs_flavor_audit::{
    audit, parse_flavors, parse_properties, Audit, CloudFlavor, FindingKind, Severity, Status,
};

use FindingKind::*;
use Severity::{Error, Note, Warning};

const SYNTAX: &str = "scs-0100-syntax-check";
const SEMANTICS: &str = "scs-0100-semantics-check";
const SPECS: &str = "scs-0103-extra-specs-check";
const UNIQUE: &str = "scs-0103-unique-check";

type Row = (String, String, Severity, FindingKind);

fn rows(report: &Audit) -> Vec<Row> {
    let mut rows: Vec<Row> = report
        .findings
        .iter()
        .map(|f| (f.flavor.clone(), f.test.clone(), f.severity, f.kind))
        .collect();
    rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    rows
}

fn row(flavor: &str, test: &str, severity: Severity, kind: FindingKind) -> Row {
    (flavor.to_string(), test.to_string(), severity, kind)
}

/// `scs-0103-flavor-2v-4-20s` for `SCS-2V-4-20s` (the official runner's test ids).
fn std_test(name: &str) -> String {
    format!(
        "scs-0103-flavor-{}",
        name.trim_start_matches("SCS-").to_lowercase()
    )
}

fn assert_rows(fixture: &str, mut want: Vec<Row>) {
    let report = audit(&load(&format!("{fixture}.json")));
    want.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
    assert_eq!(rows(&report), want, "{fixture}");
}

/// A standard flavor with an SCS name, one root disk of unspecified type and no `scs:*` extra
/// specs: scs-0103 ("Guarantees and properties") wants `scs:cpu-type`, `scs:disk0-type`,
/// `scs:name-v1` and `scs:name-v2` set — an error in its own test case each, and notes in the
/// extra-specs check (cpu type, disk type, names: implied by the name, not set).
fn recommended_with_disk_without_specs(name: &str) -> Vec<Row> {
    let t = std_test(name);
    vec![
        row(name, SPECS, Note, MissingExtraSpec),
        row(name, SPECS, Note, MissingExtraSpec),
        row(name, SPECS, Note, MissingExtraSpec),
        row(name, &t, Error, StandardExtraSpecMismatch),
        row(name, &t, Error, StandardExtraSpecMismatch),
        row(name, &t, Error, StandardExtraSpecMismatch),
        row(name, &t, Error, StandardExtraSpecMismatch),
    ]
}

/// The fixtures in `tests/data`, each a copy of `compliant.json` (every scs-0103 flavor, all
/// extra specs right) with a few changes; the findings each change must cause.
#[test]
fn each_fixture_gets_the_findings_its_changes_call_for() {
    assert_rows("compliant", vec![]);

    // SCS-1L-1 (mandatory) and SCS-1V-4-10 (recommended) removed: missing, an error for the
    // mandatory one, a note for the recommended one (scs-0103 "Mandatory" / "Recommended").
    assert_rows(
        "missing-mandatory",
        vec![
            row(
                "SCS-1L-1",
                &std_test("SCS-1L-1"),
                Error,
                StandardFlavorMissing,
            ),
            row(
                "SCS-1V-4-10",
                &std_test("SCS-1V-4-10"),
                Note,
                StandardFlavorMissing,
            ),
        ],
    );

    // SCS-1V-2 with 2 vCPUs: more than the name promises (a note), but scs-0103 figures "must
    // match precisely" (an error). SCS-4V-8 with 7680 MiB = 7.5 GiB < 8; SCS-2V-16 with 16000
    // MiB = 15.6 GiB (the checker's int((MiB + 51) / 102.4) / 10) < 16, and uneven.
    assert_rows(
        "wrong-ram",
        vec![
            row("SCS-1V-2", SEMANTICS, Note, CpuUnderpromise),
            row(
                "SCS-1V-2",
                &std_test("SCS-1V-2"),
                Error,
                StandardFlavorMismatch,
            ),
            row("SCS-4V-8", SEMANTICS, Error, RamOverpromise),
            row(
                "SCS-4V-8",
                &std_test("SCS-4V-8"),
                Error,
                StandardFlavorMismatch,
            ),
            row("SCS-2V-16", SEMANTICS, Note, UnevenRam),
            row("SCS-2V-16", SEMANTICS, Error, RamOverpromise),
            row(
                "SCS-2V-16",
                &std_test("SCS-2V-16"),
                Error,
                StandardFlavorMismatch,
            ),
        ],
    );

    // Two names whose disk has no size (REFERENCE.md §1: an empty size is "left to the
    // cloud"): the official semantics check crashes on them (a warning each). SCS-2C-4-n has a
    // 20 GB disk (more than the 0 GB counted: a note) and its cpu and disk types but no names;
    // SCS-4V-8- has no extra specs at all.
    assert_rows(
        "sizeless-disk",
        vec![
            row("SCS-2C-4-n", SEMANTICS, Warning, OfficialCheckerAborts),
            row("SCS-2C-4-n", SEMANTICS, Note, DiskUnderpromise),
            row("SCS-2C-4-n", SPECS, Note, MissingExtraSpec),
            row("SCS-4V-8-", SEMANTICS, Warning, OfficialCheckerAborts),
            row("SCS-4V-8-", SPECS, Note, MissingExtraSpec),
            row("SCS-4V-8-", SPECS, Note, MissingExtraSpec),
            row("SCS-4V-8-", SPECS, Note, MissingExtraSpec),
        ],
    );

    // scs-0103: "Whenever ANY of these are present on ANY flavor, the corresponding semantics
    // must be satisfied". SCS-4V-16 gets a disk type without a disk; SCS-2V-4-20s says hdd for
    // an `s` disk and SCS-8V-16 dedicated-core for `V` (errors in the extra-specs check and in
    // their standard test cases); SCS-16C-64-200p has an invalid name-v3, a name-v2 with other
    // RAM (so no agreeing name: a note), and an `scs:` key scs-0103 does not define (a
    // warning); legacy-medium's name-v2 SCS-4V-8-20 promises 4 vCPUs on a 2-vCPU flavor and,
    // being found by scs:name-v2 (the official lookup), fails that standard flavor's test:
    // vCPUs, and its cpu type, disk type and name-v1 not set.
    let t = std_test("SCS-4V-8-20");
    assert_rows(
        "contradicting-specs",
        vec![
            row("SCS-4V-16", SPECS, Error, DiskTypeWithoutDisk),
            row("SCS-2V-4-20s", SPECS, Error, DiskTypeMismatch),
            row(
                "SCS-2V-4-20s",
                &std_test("SCS-2V-4-20s"),
                Error,
                StandardExtraSpecMismatch,
            ),
            row("SCS-8V-16", SPECS, Error, CpuTypeMismatch),
            row(
                "SCS-8V-16",
                &std_test("SCS-8V-16"),
                Error,
                StandardExtraSpecMismatch,
            ),
            row("SCS-16C-64-200p", SPECS, Error, InvalidExtraSpecName),
            row("SCS-16C-64-200p", SPECS, Error, ContradictingExtraSpecName),
            row("SCS-16C-64-200p", SPECS, Note, MissingExtraSpec),
            row("SCS-16C-64-200p", SPECS, Warning, UnknownExtraSpec),
            row("legacy-medium", SPECS, Error, ExtraSpecNameOverpromise),
            row("legacy-medium", &t, Error, StandardFlavorMismatch),
            row("legacy-medium", &t, Error, StandardExtraSpecMismatch),
            row("legacy-medium", &t, Error, StandardExtraSpecMismatch),
            row("legacy-medium", &t, Error, StandardExtraSpecMismatch),
            // legacy-medium and SCS-4V-8-20 both carry scs:name-v2=SCS-4V-8-20: two claims
            // of one standard flavor (our uniqueness check; the official lookup takes the
            // later one, legacy-medium).
            row("SCS-4V-8-20", UNIQUE, Error, DuplicateClaim),
        ],
    );

    // v1 names are merely tolerated by certification (§6, a warning). SCS-8C:32:100p has no
    // extra specs: cpu type, disk type and names implied (notes); SCS-4V:16-kvm has its cpu
    // type and an agreeing scs:name-v1, so nothing is missing.
    assert_rows(
        "v1-names",
        vec![
            row("SCS-8C:32:100p", SYNTAX, Warning, ToleratedSyntax),
            row("SCS-8C:32:100p", SPECS, Note, MissingExtraSpec),
            row("SCS-8C:32:100p", SPECS, Note, MissingExtraSpec),
            row("SCS-8C:32:100p", SPECS, Note, MissingExtraSpec),
            row("SCS-4V:16-kvm", SYNTAX, Warning, ToleratedSyntax),
        ],
    );

    // Names not starting with `SCS-` are not governed by the standard (§1): m1.large and
    // g1.xlarge (whose extra specs name a flavor it is) pass; `SCS-2v-4` is invalid.
    assert_rows("non-scs", vec![row("SCS-2v-4", SYNTAX, Error, InvalidName)]);

    // The grown cloud: SCS-2V-4-20s with a network disk type; SCS-16V-32 with 32000 MiB =
    // 31.2 GiB; the twelve recommended flavors with a disk and no extra specs; the v1-named
    // SCS-1L:1 (so the mandatory SCS-1L-1 is not found by name); SCS-2C-4-n (size left open,
    // 20 GB disk, no specs); SCS-8C-32-100p_z4 and the GPU flavor without disk type and names
    // (and the latter without cpu type); five recommended flavors absent.
    let mut want = vec![
        row("SCS-2V-4-20s", SPECS, Error, DiskTypeMismatch),
        row(
            "SCS-2V-4-20s",
            &std_test("SCS-2V-4-20s"),
            Error,
            StandardExtraSpecMismatch,
        ),
        row("SCS-16V-32", SEMANTICS, Note, UnevenRam),
        row("SCS-16V-32", SEMANTICS, Error, RamOverpromise),
        row(
            "SCS-16V-32",
            &std_test("SCS-16V-32"),
            Error,
            StandardFlavorMismatch,
        ),
        row("SCS-1L:1", SYNTAX, Warning, ToleratedSyntax),
        row("SCS-1L:1", SPECS, Note, MissingExtraSpec),
        row("SCS-2C-4-n", SEMANTICS, Warning, OfficialCheckerAborts),
        row("SCS-2C-4-n", SEMANTICS, Note, DiskUnderpromise),
        row("SCS-2C-4-n", SPECS, Note, MissingExtraSpec),
        row("SCS-2C-4-n", SPECS, Note, MissingExtraSpec),
        row("SCS-2C-4-n", SPECS, Note, MissingExtraSpec),
        row("SCS-8C-32-100p_z4", SPECS, Note, MissingExtraSpec),
        row("SCS-8C-32-100p_z4", SPECS, Note, MissingExtraSpec),
        row("SCS-16C-64-200p_GNa-56-24", SPECS, Note, MissingExtraSpec),
        row("SCS-16C-64-200p_GNa-56-24", SPECS, Note, MissingExtraSpec),
        row("SCS-16C-64-200p_GNa-56-24", SPECS, Note, MissingExtraSpec),
        row(
            "SCS-1L-1",
            &std_test("SCS-1L-1"),
            Error,
            StandardFlavorMissing,
        ),
    ];
    for name in [
        "SCS-2V-8-20",
        "SCS-4V-16-50",
        "SCS-8V-32-100",
        "SCS-1V-2-5",
        "SCS-2V-4-10",
        "SCS-4V-8-20",
        "SCS-8V-16-50",
        "SCS-16V-32-100",
        "SCS-1V-8-20",
        "SCS-2V-16-50",
        "SCS-4V-32-100",
    ] {
        want.extend(recommended_with_disk_without_specs(name));
    }
    for name in [
        "SCS-1V-4-10",
        "SCS-1L-1-5",
        "SCS-16V-64",
        "SCS-8V-64",
        "SCS-16V-128",
    ] {
        want.push(row(name, &std_test(name), Note, StandardFlavorMissing));
    }
    assert_rows("cloud", want);
}

/// Which findings extra specs alone can fix, stated as the rule rather than as a second list
/// of kinds: on every fixture cloud (and one with contradicting `scs:name-v1`/`-v3` specs),
/// carrying out the audit's fixes resolves every finding of an extra-specs kind; and the
/// fixes that leave `scs:name-v2` alone (so that no flavor gains or loses a standard-flavor
/// claim, which moves standard-flavor and duplicate findings) resolve no finding of any
/// other kind: a name's syntax, a flavor's figures, a missing flavor stay.
#[test]
fn extra_specs_findings_are_those_the_fixes_resolve() {
    let names_v1_v3 = parse_flavors(
        r#"[
        {"Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0, "Properties": {
          "scs:cpu-type": "shared-core", "scs:name-v1": "SCS-4V:8", "scs:name-v2": "SCS-2V-4"}},
        {"Name": "SCS-2V-8", "VCPUs": 2, "RAM": 8192, "Disk": 0, "Properties": {
          "scs:cpu-type": "shared-core", "scs:name-v1": "SCS-2V:8", "scs:name-v2": "SCS-2V-8",
          "scs:name-v3": "SCS-2V-16"}},
        {"Name": "x", "VCPUs": 2, "RAM": 8192, "Disk": 0, "Properties": {
          "scs:name-v1": "SCS-2V:16"}}
        ]"#,
    )
    .expect("readable");
    let mut clouds = vec![("names-v1-v3".to_string(), names_v1_v3)];
    for entry in std::fs::read_dir(data("")).expect("fixtures") {
        let path = entry.expect("fixture").path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).expect("fixture");
            if let Ok(cloud) = parse_flavors(&text) {
                clouds.push((path.display().to_string(), cloud));
            }
        }
    }
    let (mut fixable, mut lasting) = (Vec::new(), Vec::new());
    for (name, cloud) in clouds {
        let before = audit(&cloud);
        let after_fixes = |keep: &dyn Fn(&scs_flavor_audit::Fix) -> bool| {
            let mut fixed = cloud.clone();
            let fixes: Vec<_> = before.fixes.iter().filter(|f| keep(f)).cloned().collect();
            scs_flavor_audit::apply_fixes(&mut fixed, &fixes);
            audit(&fixed).findings
        };
        let all = after_fixes(&|_| true);
        let claims_kept = after_fixes(&|f| f.key != "scs:name-v2");
        for f in &before.findings {
            if f.kind.is_extra_specs() {
                assert!(!all.contains(f), "{name}: the fixes leave {f:?}");
                fixable.push(f.kind);
            } else {
                assert!(claims_kept.contains(f), "{name}: the fixes resolve {f:?}");
                lasting.push(f.kind);
            }
        }
    }
    // Both sides are watched: the corpus has findings of many kinds on each.
    for kinds in [&mut fixable, &mut lasting] {
        kinds.sort_by_key(|k| format!("{k:?}"));
        kinds.dedup();
    }
    assert!(fixable.len() >= 8, "{fixable:?}");
    assert!(lasting.len() >= 8, "{lasting:?}");
}

/// Test cases: certification requires syntax, semantics and the 15 mandatory flavors of
/// scs-0103; the official runner lacks our extra-specs and uniqueness checks and the v1.2
/// "part 2" flavors. Only failed official mandatory test cases block certification and make
/// the exit status 1; the report marks each test case mandatory, recommended or ours.
#[test]
fn mandatory_and_official_test_cases() {
    const MANDATORY: &[&str] = &[
        "SCS-1V-4",
        "SCS-2V-8",
        "SCS-4V-16",
        "SCS-4V-16-100s",
        "SCS-8V-32",
        "SCS-1V-2",
        "SCS-2V-4",
        "SCS-2V-4-20s",
        "SCS-4V-8",
        "SCS-8V-16",
        "SCS-16V-32",
        "SCS-1V-8",
        "SCS-2V-16",
        "SCS-4V-32",
        "SCS-1L-1",
    ];
    const PART2: &[&str] = &["SCS-16V-64", "SCS-8V-64", "SCS-16V-128"];
    let report = audit(&[]);
    assert_eq!(report.tests.len(), 4 + 15 + 13 + 3);
    for t in &report.tests {
        let mandatory =
            t.id == SYNTAX || t.id == SEMANTICS || MANDATORY.iter().any(|n| std_test(n) == t.id);
        let official =
            t.id != SPECS && t.id != UNIQUE && !PART2.iter().any(|n| std_test(n) == t.id);
        assert_eq!((t.mandatory, t.official), (mandatory, official), "{}", t.id);
        let class = match (official, mandatory) {
            (true, true) => "mandatory",
            (true, false) => "recommended",
            (false, _) => "ours",
        };
        assert_eq!(t.class(), class, "{}", t.id);
        assert_eq!(t.blocks_certification(), official && mandatory, "{}", t.id);
    }
    // The empty cloud misses the 15 mandatory flavors: 15 blocking failures, exit status 1.
    assert_eq!(report.blocking().len(), 15);
    assert_eq!(report.exit_status(), 1);
}

/// A flavor of the standard's table, exactly as scs-0103 defines it (figures and extra specs).
fn standard(name: &str, cpus: u64, ram_gib: u64, v1: &str) -> CloudFlavor {
    CloudFlavor::new(name, cpus, ram_gib * 1024, 0)
        .with_spec("scs:cpu-type", "shared-core")
        .with_spec("scs:name-v1", v1)
        .with_spec("scs:name-v2", name)
}

/// The 15 mandatory flavors of scs-0103 (all without disk, `V` = shared-core), compliant.
fn mandatory_cloud() -> Vec<CloudFlavor> {
    [
        ("SCS-1V-4", 1, 4, "SCS-1V:4"),
        ("SCS-2V-8", 2, 8, "SCS-2V:8"),
        ("SCS-4V-16", 4, 16, "SCS-4V:16"),
        ("SCS-8V-32", 8, 32, "SCS-8V:32"),
        ("SCS-1V-2", 1, 2, "SCS-1V:2"),
        ("SCS-2V-4", 2, 4, "SCS-2V:4"),
        ("SCS-4V-8", 4, 8, "SCS-4V:8"),
        ("SCS-8V-16", 8, 16, "SCS-8V:16"),
        ("SCS-16V-32", 16, 32, "SCS-16V:32"),
        ("SCS-1V-8", 1, 8, "SCS-1V:8"),
        ("SCS-2V-16", 2, 16, "SCS-2V:16"),
        ("SCS-4V-32", 4, 32, "SCS-4V:32"),
    ]
    .into_iter()
    .map(|(n, c, r, v1)| standard(n, c, r, v1))
    .chain([
        CloudFlavor::new("SCS-1L-1", 1, 1024, 0)
            .with_spec("scs:cpu-type", "crowded-core")
            .with_spec("scs:name-v1", "SCS-1L:1")
            .with_spec("scs:name-v2", "SCS-1L-1"),
        CloudFlavor::new("SCS-2V-4-20s", 2, 4096, 20)
            .with_spec("scs:cpu-type", "shared-core")
            .with_spec("scs:disk0-type", "ssd")
            .with_spec("scs:name-v1", "SCS-2V:4:20s")
            .with_spec("scs:name-v2", "SCS-2V-4-20s"),
        CloudFlavor::new("SCS-4V-16-100s", 4, 16384, 100)
            .with_spec("scs:cpu-type", "shared-core")
            .with_spec("scs:disk0-type", "ssd")
            .with_spec("scs:name-v1", "SCS-4V:16:100s")
            .with_spec("scs:name-v2", "SCS-4V-16-100s"),
    ])
    .collect()
}

/// The first finding of `kind`.
fn finding(report: &Audit, kind: FindingKind) -> &scs_flavor_audit::Finding {
    let found = report.findings.iter().find(|f| f.kind == kind);
    found.unwrap_or_else(|| panic!("no {kind:?} in {report}"))
}

fn failing(report: &Audit) -> Vec<&str> {
    report
        .tests
        .iter()
        .filter(|t| t.result == Status::Fail)
        .map(|t| t.id.as_str())
        .collect()
}

/// Only official mandatory failures block: with all 15 mandatory flavors (and no recommended
/// one) the audit still has errors (missing recommended flavors are notes, but a broken
/// non-standard flavor's extra specs are ours), yet the exit status is 0 and the summary
/// says PASS; one wrong mandatory flavor makes it 1.
#[test]
fn only_official_mandatory_failures_block_certification() {
    let mut cloud = mandatory_cloud();
    cloud.push(CloudFlavor::new("m1.odd", 2, 4096, 0).with_spec("scs:name-v2", "nonsense"));
    let report = audit(&cloud);
    assert!(!report.passed, "our extra-specs check has an error");
    assert!(failing(&report).contains(&SPECS));
    assert!(report.blocking().is_empty());
    assert_eq!(report.exit_status(), 0);
    // 13 recommended official flavors and 3 part-2 flavors are missing; ours: extra specs.
    assert_eq!(
        report.summary(),
        "summary: PASS: all 17 mandatory test cases of the official suite pass; not blocking: \
         13 recommended and 4 of ours fail"
    );
    let text = report.to_string();
    assert!(
        text.contains("\nscs-0100-syntax-check: PASS (mandatory)\n")
            || text.starts_with("scs-0100-syntax-check: PASS (mandatory)\n"),
        "{text}"
    );
    assert!(
        text.contains("\nscs-0103-extra-specs-check: FAIL (ours)\n"),
        "{text}"
    );
    assert!(
        text.contains("\nscs-0103-flavor-1v-4-10: FAIL (recommended)\n"),
        "{text}"
    );
    assert!(
        text.contains("\nscs-0103-flavor-16v-64: FAIL (ours)\n"),
        "{text}"
    );
    assert!(
        text.ends_with(&format!("\n\n{}\n", report.summary())),
        "{text}"
    );

    cloud[0].ram_mib = 3 * 1024; // SCS-1V-4 with 3 GiB: semantics and its standard test fail
    let report = audit(&cloud);
    let blocking: Vec<&str> = report.blocking().iter().map(|t| t.id.as_str()).collect();
    assert_eq!(blocking, [SEMANTICS, "scs-0103-flavor-1v-4"]);
    assert_eq!(report.exit_status(), 1);
    assert!(report.summary().starts_with(
        "summary: FAIL: 2 of 17 mandatory test cases of the official suite fail \
         (scs-0100-semantics-check, scs-0103-flavor-1v-4): certification fails"
    ));
}

/// A private flavor does not satisfy a standard-flavor test case: the official suite runs as
/// a member of a project, which sees a private flavor only where the operator gave that
/// project access. The missing-flavor error says why; a public flavor claiming the same
/// standard flavor is found instead.
#[test]
fn a_private_flavor_is_not_a_standard_flavor() {
    let mut cloud = mandatory_cloud();
    let i = cloud
        .iter()
        .position(|f| f.name == "SCS-2V-4")
        .expect("in the cloud");
    cloud[i] = cloud[i].clone().with_id("p1").with_public(false);
    let report = audit(&cloud);
    assert_eq!(failing(&report)[..1], ["scs-0103-flavor-2v-4"]);
    assert_eq!(report.exit_status(), 1);
    let missing = report
        .findings
        .iter()
        .find(|f| f.kind == StandardFlavorMissing && f.flavor == "SCS-2V-4")
        .expect("missing");
    assert_eq!(missing.severity, Error);
    assert!(
        missing
            .message
            .contains("SCS-2V-4 (ID p1) claims it but is private"),
        "{}",
        missing.message
    );
    assert!(
        missing
            .message
            .contains("delete it and create it again as public"),
        "{}",
        missing.message
    );
    // Syntax and semantics still judge it (scs-0100: every SCS- name).
    assert!(!failing(&report).contains(&SYNTAX));
    // A public flavor claiming it by scs:name-v2 is found, and the two claims are reported.
    cloud.push(
        CloudFlavor::new("std-2-4", 2, 4096, 0)
            .with_id("q1")
            .with_spec("scs:cpu-type", "shared-core")
            .with_spec("scs:name-v1", "SCS-2V:4")
            .with_spec("scs:name-v2", "SCS-2V-4"),
    );
    let report = audit(&cloud);
    assert!(report.blocking().is_empty());
    assert!(failing(&report).contains(&UNIQUE));
    assert_eq!(report.exit_status(), 0);
    let input = r#"[{"ID": "p1", "Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0,
        "Is Public": false, "Properties": {}},
        {"ID": "p2", "Name": "SCS-2V-8", "VCPUs": 2, "RAM": 8192, "Disk": 0,
        "os-flavor-access:is_public": true, "Properties": {}}]"#;
    let read = parse_flavors(input).expect("readable");
    assert_eq!(
        read.iter()
            .map(|f| (f.id.as_deref(), f.public))
            .collect::<Vec<_>>(),
        [(Some("p1"), false), (Some("p2"), true)]
    );
}

/// Two flavors claiming one standard flavor (the official lookup takes the last by
/// `scs:name-v2`, else the first by name) and two flavors sharing a name are errors of our
/// uniqueness check, which does not block certification.
#[test]
fn duplicate_names_and_claims_are_findings() {
    let mut cloud = mandatory_cloud();
    cloud.push(CloudFlavor::new("SCS-2V-8", 2, 8192, 0).with_id("dup"));
    let report = audit(&cloud);
    let unique: Vec<(&str, FindingKind)> = report
        .findings
        .iter()
        .filter(|f| f.test == UNIQUE)
        .map(|f| (f.flavor.as_str(), f.kind))
        .collect();
    assert_eq!(
        unique,
        [("SCS-2V-8", DuplicateName), ("SCS-2V-8", DuplicateClaim)]
    );
    assert!(report
        .findings
        .iter()
        .all(|f| f.test != UNIQUE || f.severity == Error));
    let claim = finding(&report, DuplicateClaim);
    // The first flavor claims it by scs:name-v2 (and is found by it), the second by its name.
    assert!(
        claim
            .message
            .contains("SCS-2V-8 by scs:name-v2, SCS-2V-8 (ID dup) by its name"),
        "{}",
        claim.message
    );
    assert!(
        claim.message.contains("here SCS-2V-8:"),
        "{}",
        claim.message
    );
    assert_eq!(report.exit_status(), 0);
}

/// Never a fix that makes a second claim: `SCS-4V:8` (v1) would get `scs:name-v2=SCS-4V-8`,
/// but a flavor `SCS-4V-8` exists; the note says so, and the v1 advice does not say
/// "rename" (Nova cannot rename a flavor).
#[test]
fn no_fix_makes_a_second_claim() {
    let cloud = [
        CloudFlavor::new("SCS-4V:8", 4, 8192, 0).with_id("a1"),
        standard("SCS-4V-8", 4, 8, "SCS-4V:8").with_id("a2"),
    ];
    let report = audit(&cloud);
    let fixes: Vec<(&str, &str, Option<&str>)> = report
        .fixes
        .iter()
        .map(|f| (f.flavor.as_str(), f.key.as_str(), f.value.as_deref()))
        .collect();
    assert_eq!(
        fixes,
        [
            ("SCS-4V:8", "scs:cpu-type", Some("shared-core")),
            ("SCS-4V:8", "scs:name-v1", Some("SCS-4V:8")),
        ]
    );
    let note = report
        .findings
        .iter()
        .find(|f| f.kind == MissingExtraSpec && f.message.starts_with("no scs:name-vN"))
        .expect("note");
    assert!(
        note.message.ends_with(
            "; scs:name-v2=SCS-4V-8 is not proposed: SCS-4V-8 (ID a2) claims SCS-4V-8 already"
        ),
        "{}",
        note.message
    );
    let v1 = finding(&report, ToleratedSyntax);
    assert!(!v1.message.contains("rename it"), "{}", v1.message);
    assert!(
        v1.message
            .contains("Nova cannot rename a flavor: SCS-4V-8 (its v3 name) exists already"),
        "{}",
        v1.message
    );
    // Without the other flavor, the fix sets scs:name-v2 and the advice is to create the v3 one.
    let report = audit(&cloud[..1]);
    assert!(report
        .fixes
        .iter()
        .any(|f| f.key == "scs:name-v2" && f.value.as_deref() == Some("SCS-4V-8")));
    let v1 = finding(&report, ToleratedSyntax);
    assert!(
        v1.message
            .contains("create SCS-4V-8 (its v3 name) with the same figures"),
        "{}",
        v1.message
    );
}

/// The fix script: a shebang, `set -e`, per flavor a comment with the name and one `set`
/// with all its properties (one `unset` with all deletions), addressed by ID when known.
#[test]
fn the_fix_script_addresses_flavors_by_id_one_command_each() {
    let cloud = [
        CloudFlavor::new("SCS-2V-4", 2, 4096, 0)
            .with_id("id-1")
            .with_spec("scs:name-v3", "nonsense"),
        CloudFlavor::new("-odd name", 1, 1024, 0).with_spec("scs:name-v2", "SCS-1V-1"),
    ];
    let report = audit(&cloud);
    assert_eq!(
        report.fix_script(),
        "#!/bin/sh\nset -e\n\
         \n# SCS-2V-4\n\
         openstack flavor unset --property scs:name-v3 id-1\n\
         openstack flavor set --property scs:cpu-type=shared-core --property scs:name-v1=SCS-2V:4 \
         --property scs:name-v2=SCS-2V-4 id-1\n\
         \n# -odd name\n\
         openstack flavor set --property scs:cpu-type=shared-core -- '-odd name'\n"
    );
    assert_eq!(
        report.fixes[0].command,
        "openstack flavor set --property scs:cpu-type=shared-core id-1"
    );
    assert_eq!(audit(&[]).fix_script(), "");
    // Without IDs, by name: still one group per flavor.
    let cloud = [
        CloudFlavor::new("SCS-1V-2", 1, 2048, 0).with_spec("scs:cpu-type", "shared-core"),
        CloudFlavor::new("SCS-1V-4", 1, 4096, 0).with_spec("scs:cpu-type", "shared-core"),
    ];
    assert_eq!(
        audit(&cloud).fix_script(),
        "#!/bin/sh\nset -e\n\
         \n# SCS-1V-2\n\
         openstack flavor set --property scs:name-v1=SCS-1V:2 --property scs:name-v2=SCS-1V-2 \
         SCS-1V-2\n\
         \n# SCS-1V-4\n\
         openstack flavor set --property scs:name-v1=SCS-1V:4 --property scs:name-v2=SCS-1V-4 \
         SCS-1V-4\n"
    );
}

/// Without `--long`, no entry has properties: the one reader of audit and plan refuses the
/// list, naming the option; one entry with properties is enough.
#[test]
fn a_list_without_properties_is_refused() {
    let e =
        parse_flavors(r#"[{"ID": "1", "Name": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0}]"#)
            .expect_err("no --long");
    assert_eq!(e.field.as_deref(), Some("Properties"));
    assert!(e.to_string().contains("did you forget `--long`"), "{e}");
    let ok = parse_flavors(
        r#"[{"Name": "a", "VCPUs": 1, "RAM": 1, "Disk": 0},
            {"Name": "b", "VCPUs": 1, "RAM": 1, "Disk": 0, "Properties": null}]"#,
    )
    .expect("one properties field");
    assert_eq!(ok.len(), 2);
    assert_eq!(parse_flavors("[]").expect("empty"), []);
}

fn kinds(cloud: &[CloudFlavor]) -> Vec<(Severity, FindingKind)> {
    audit(cloud)
        .findings
        .iter()
        .filter(|f| f.flavor == cloud[0].name)
        .map(|f| (f.severity, f.kind))
        .collect()
}

fn full_specs(f: CloudFlavor, v1: &str, v2: &str) -> CloudFlavor {
    f.with_spec("scs:cpu-type", "shared-core")
        .with_spec("scs:name-v1", v1)
        .with_spec("scs:name-v2", v2)
}

/// More RAM than the name promises is a note; exactly the promise is nothing.
#[test]
fn ram_above_the_promise_is_a_note() {
    // Not a standard flavor (those must match exactly).
    let f = |mib| {
        full_specs(
            CloudFlavor::new("SCS-3V-6", 3, mib, 0),
            "SCS-3V:6",
            "SCS-3V-6",
        )
    };
    assert_eq!(kinds(&[f(8192)]), [(Note, RamUnderpromise)]);
    assert_eq!(kinds(&[f(6144)]), []);
}

/// A `scs:name-vN` must name this flavor (scs-0103): one that differs only in the RAM flags
/// (`o` oversubscribed, `u` no ECC) or only in the disk contradicts it, and the message names
/// the disks as the names write them.
#[test]
fn names_differing_in_ram_flags_or_disk_contradict() {
    for other in ["SCS-2V-4o", "SCS-2V-4u"] {
        let f = full_specs(
            CloudFlavor::new("SCS-2V-4", 2, 4096, 0),
            "SCS-2V:4",
            "SCS-2V-4",
        )
        .with_spec("scs:name-v3", other);
        assert_eq!(
            kinds(&[f]),
            [(Error, ContradictingExtraSpecName)],
            "{other}"
        );
    }
    let f = CloudFlavor::new("SCS-2V-4-20s", 2, 4096, 20)
        .with_spec("scs:cpu-type", "shared-core")
        .with_spec("scs:disk0-type", "ssd")
        .with_spec("scs:name-v1", "SCS-2V:4:20s")
        .with_spec("scs:name-v2", "SCS-2V-4-20s")
        .with_spec("scs:name-v3", "SCS-2V-4-3x10s");
    let report = audit(&[f]);
    let messages: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.kind == ContradictingExtraSpecName)
        .map(|f| f.message.as_str())
        .collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("`3x10s`") && messages[0].contains("`20s`"),
        "{messages:?}"
    );
}

/// D2: a name the official checker rejects fails certification's syntax check, so the audit
/// reports it as an error there.
#[test]
fn names_the_checker_rejects_fail_the_syntax_check() {
    let report = audit(&[CloudFlavor::new("SCS-2V-4_GN_ib", 2, 4096, 0)]);
    assert!(report
        .findings
        .iter()
        .any(|f| f.kind == RejectedByOfficialChecker && f.severity == Error && f.test == SYNTAX));
    assert_eq!(report.tests[0].result, Status::Fail);
}

/// `scs:diskN-type` counts disks from 0: `scs:disk1-type` on a one-disk name has no disk.
/// Where the name leaves the type open, any disk type of scs-0103 (ssd, nvme, hdd, network)
/// is right and anything else is not.
#[test]
fn disk_type_keys_against_the_name() {
    let one = |key: &str, value: &str| {
        CloudFlavor::new("SCS-2V-4-20", 2, 4096, 20)
            .with_spec("scs:cpu-type", "shared-core")
            .with_spec("scs:disk0-type", "network")
            .with_spec("scs:name-v1", "SCS-2V:4:20")
            .with_spec("scs:name-v2", "SCS-2V-4-20")
            .with_spec(key, value)
    };
    assert_eq!(
        kinds(&[one("scs:disk1-type", "ssd")]),
        [(Error, DiskTypeWithoutDisk)]
    );
    for ok in ["ssd", "nvme", "hdd", "network"] {
        assert_eq!(kinds(&[one("scs:disk0-type", ok)]), [], "{ok}");
    }
    assert_eq!(
        kinds(&[one("scs:disk0-type", "floppy")]),
        [(Error, DiskTypeMismatch)]
    );
}

/// A fix prints as the command it carries.
#[test]
fn a_fix_displays_as_its_command() {
    let report = audit(&[CloudFlavor::new("SCS-2V-4", 2, 4096, 0)
        .with_spec("scs:name-v1", "SCS-2V:4")
        .with_spec("scs:name-v2", "SCS-2V-4")]);
    let fix = &report.fixes[0];
    assert_eq!(
        fix.to_string(),
        "openstack flavor set --property scs:cpu-type=shared-core SCS-2V-4"
    );
}

/// A single flavor object (`openstack flavor show -f json`, or Nova's `name` fields) that has
/// a `flavors` field of its own is one flavor, not a `{"flavors": [...]}` list.
#[test]
fn a_flavor_with_a_flavors_field_is_one_flavor() {
    for name_key in ["Name", "name"] {
        let text = format!(
            r#"{{"{name_key}": "SCS-2V-4", "VCPUs": 2, "RAM": 4096, "Disk": 0, "Properties": {{}}, "flavors": []}}"#
        );
        let list = parse_flavors(&text).unwrap_or_else(|e| panic!("{name_key}: {e}"));
        assert_eq!(list.len(), 1, "{name_key}");
        assert_eq!(list[0].name, "SCS-2V-4");
    }
    let list = parse_flavors(
        r#"{"flavors": [{"name": "a", "vcpus": 1, "ram": 1, "disk": 0, "extra_specs": {}}]}"#,
    )
    .expect("Nova list");
    assert_eq!(list.len(), 1);
}

/// The property-string error says where the text stops being `key='value'` (byte offset).
#[test]
fn property_string_errors_give_the_byte_offset() {
    let e = parse_properties("x").expect_err("no key='value'");
    assert!(e.contains("at byte 0"), "{e}");
}

/// A value ends at the first `'` followed by the end or by `,` and another `key='` (the
/// documented rule of `parse_properties`): a quote followed by something that is no such key
/// stays inside the value.
#[test]
fn property_values_end_only_before_another_key() {
    let one = |text: &str, value: &str| {
        let map = parse_properties(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(map.len(), 1, "{text}: {map:?}");
        assert_eq!(map["k"], value, "{text}");
    };
    // `b c` is no key (a space), `b=c'` has no opening quote.
    one("k='a', b c='d'", "a', b c='d");
    one("k='a', b=c'", "a', b=c");
}

/// `exact fit` where a flavor gives exactly what is asked (no CPU type asked: `L`, the
/// lowest, fits exactly); otherwise only the non-zero
/// excess parts.
#[test]
fn excess_names_only_what_is_over() {
    use scs_flavor_audit::{select, Gib, Requirements};
    let need = Requirements {
        cpus: 2,
        ram_gib: Gib::whole(4),
        ..Requirements::default()
    };
    let choice = select(&need, ["SCS-2L-4", "SCS-2L-8"]);
    let shown: Vec<(String, String)> = choice
        .matches
        .iter()
        .map(|m| (m.name.clone(), m.excess.to_string()))
        .collect();
    assert_eq!(
        shown,
        [
            ("SCS-2L-4".to_string(), "exact fit".to_string()),
            ("SCS-2L-8".to_string(), "+4 GiB RAM".to_string())
        ]
    );
}
