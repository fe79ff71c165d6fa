//! `lint_name` and `alternatives` pinned by hand from scs-0100 and scs-0103: what a name
//! offers bounds the standard flavors offered instead, and the messages name them. Written
//! against the mutants that the older tests let through (TESTING.md).

use scs_flavor::{Flavor, Strategy};
use scs_flavor_audit::{alternatives, lint_name, ReferenceStatus, Severity};

fn flavor(name: &str) -> Flavor {
    name.parse().unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Every alternative gives at least the vCPUs, RAM and total root disk of the name.
#[test]
fn alternatives_give_at_least_the_cpus_ram_and_disk() {
    for (name, cpus, ram, disk) in [
        ("SCS-8V-32", 8, 32.0, 0),
        ("SCS-2V-16", 2, 16.0, 0),
        // 3 disks of 10 GB: 30 GB in all, so SCS-2V-8-20 is not enough.
        ("SCS-2V-8-3x10", 2, 8.0, 30),
    ] {
        let alts = alternatives(&flavor(name), false);
        assert!(!alts.is_empty(), "{name}");
        for a in &alts {
            let f = flavor(&a.name);
            assert!(f.cpu.count.get() >= cpus, "{name}: {}", a.name);
            assert!(f.ram.size.gib() >= ram, "{name}: {}", a.name);
            let total = f
                .disk
                .map_or(0, |d| d.count.get() * d.size.map_or(0, |s| s.get()));
            assert!(total >= disk, "{name}: {} has {total} GB", a.name);
        }
    }
    // SCS-2V-8-20 would do for 2 × 10 GB but not for 3 × 10 GB.
    let names = |n: &str| -> Vec<String> {
        alternatives(&flavor(n), false)
            .into_iter()
            .map(|a| a.name)
            .collect()
    };
    assert!(names("SCS-2V-8-2x10").contains(&"SCS-2V-8-20".to_string()));
    assert!(!names("SCS-2V-8-3x10").contains(&"SCS-2V-8-20".to_string()));
}

/// No standard flavor has an ARM CPU, a GPU, Infiniband, bare metal or nested virtualisation:
/// a name that offers one of them has no alternative.
#[test]
fn extras_no_standard_flavor_has_leave_no_alternative() {
    for name in [
        "SCS-2V-4_a",
        "SCS-2V-4_GNa-14",
        "SCS-2V-4_ib",
        "SCS-2V-4_bms",
        "SCS-2V-4_hwv",
    ] {
        assert_eq!(alternatives(&flavor(name), false), [], "{name}");
    }
    // Without the extra, the same figures have alternatives.
    assert!(!alternatives(&flavor("SCS-2V-4"), false).is_empty());
}

/// A recommended flavor's message lists the mandatory ones with at least its resources, each
/// as `` `NAME` (STATUS, EXCESS) ``: for SCS-1V-4-10 the cheapest is SCS-2V-4-20s (one vCPU,
/// 10 GB and a better disk type more).
#[test]
fn the_message_lists_the_alternatives() {
    let l = lint_name("SCS-1V-4-10", Strategy::V2V1);
    assert_eq!(l.status, ReferenceStatus::Recommended);
    assert_eq!(l.alternatives[0].name, "SCS-2V-4-20s");
    let listed = format!(
        "; mandatory flavors with at least the same resources: `SCS-2V-4-20s` (mandatory, {})",
        l.alternatives[0].excess
    );
    assert!(l.message.contains(&listed), "{}", l.message);
    assert!(!l.alternatives[0].excess.is_empty());
}

/// A mandatory flavor's lint is a note only under its own name and without warnings: read
/// with the v1 syntax first, `SCS-2V-4` is a merely tolerated v2 name (a warning), so its lint
/// is a warning too.
#[test]
fn a_mandatory_flavor_with_a_warning_is_a_warning() {
    let l = lint_name("SCS-2V-4", Strategy::V2V1);
    assert_eq!(
        (l.status, l.level),
        (ReferenceStatus::Mandatory, Severity::Note)
    );
    let l = lint_name("SCS-2V-4", Strategy::V1V2);
    assert!(!l.warnings.is_empty());
    assert_eq!(
        (l.status, l.level),
        (ReferenceStatus::Mandatory, Severity::Warning)
    );
}

/// An invalid name that another syntax reads gets that reading, spelt in the syntax the
/// strategy wants: the v1 name `SCS-16C:64:200p` under v2 is `SCS-16C-64-200p`, and a v2 name
/// under v1 is its v1 spelling.
#[test]
fn an_invalid_name_gets_the_canonical_reading() {
    let l = lint_name("SCS-16C:64:200p", Strategy::V2);
    assert_eq!(l.status, ReferenceStatus::Invalid);
    assert_eq!(l.suggestion.as_deref(), Some("SCS-16C-64-200p"));
    assert!(
        l.message.ends_with("reads it as `SCS-16C-64-200p`"),
        "{}",
        l.message
    );
    let l = lint_name("SCS-16C-64-200p", Strategy::V1);
    assert_eq!(l.status, ReferenceStatus::Invalid);
    assert_eq!(l.suggestion.as_deref(), Some("SCS-16C:64:200p"));
}

/// Each status prints as its JSON code and has a description that says what it is.
#[test]
fn statuses_print_their_code_and_describe_themselves() {
    let want = [
        (ReferenceStatus::Mandatory, "mandatory", "mandatory"),
        (ReferenceStatus::Recommended, "recommended", "recommended"),
        (
            ReferenceStatus::NonStandard,
            "non-standard",
            "no scs-0103 standard flavor",
        ),
        (ReferenceStatus::Invalid, "invalid", "scs-0100"),
        (ReferenceStatus::NotScs, "not-scs", "no SCS name"),
        (ReferenceStatus::Unresolved, "unresolved", "not checked"),
    ];
    for (status, code, words) in want {
        assert_eq!(status.to_string(), code);
        assert!(
            status.description().contains(words),
            "{status}: {}",
            status.description()
        );
    }
}

/// Every standard flavor has secure vCPUs, ECC RAM and no RAM oversubscription (scs-0103's
/// tables have no `i`, `u` or `o`): so the `secure_cpu`, `ecc` and `no_oversubscription`
/// requirements of a name never remove a standard flavor from its alternatives — the premise
/// of the mutants `.cargo/mutants.toml` skips as equivalent in `needs`.
#[test]
fn every_standard_flavor_is_secure_with_ecc_and_not_oversubscribed() {
    for s in scs_flavor::STANDARD_FLAVORS {
        let f = flavor(s.name);
        assert!(
            !f.cpu.insecure && !f.ram.no_ecc && !f.ram.oversubscribed,
            "{}",
            s.name
        );
    }
    // So an insecure, non-ECC, oversubscribed name has the same alternatives as the plain one.
    assert_eq!(
        alternatives(&flavor("SCS-2Vi-4uo"), false),
        alternatives(&flavor("SCS-2V-4"), false)
    );
}
