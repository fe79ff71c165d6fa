//! Selection at its edges (issue 14, mutation testing of `requirements.rs` and `select.rs`):
//! the costly extras a flavor has and nobody asked for, requirements met exactly or left at
//! "no requirement", and which requirements imply bare metal or a GPU.
//!
//! Every expected cost is worked out by hand from the table in the docs of `Excess::cost`
//! (a vCPU 1000, a GiB 250, a GB of disk 10, a CPU type step 500, a disk type step 200; a GPU,
//! bare metal, Infiniband or `_hwv` nobody asked for 8000, 4000, 2000, 250); the names and
//! their meaning come from scs-0100 (`_bms` bare metal, `_ib` Infiniband, `_hwv` nested
//! virtualisation, `_GNa-56-24` an Nvidia Ampere GPU with 56 SMs and 24 GiB VRAM).

use scs_flavor::{CpuVendor, Flavor, Hypervisor};
use scs_flavor_audit::{select, select_flavors, CloudFlavor, Excess, Extra, Requirements};

/// The matches as (name, cost, excess as text), best first.
fn ranked(req: &Requirements, names: &[&str]) -> Vec<(String, u64, String)> {
    select(req, names)
        .matches
        .into_iter()
        .map(|m| (m.name, m.cost, m.excess.to_string()))
        .collect()
}

fn row(name: &str, cost: u64, excess: &str) -> (String, u64, String) {
    (name.to_string(), cost, excess.to_string())
}

/// Each extra's documented code (as in JSON, and its text) and cost.
#[test]
fn every_extra_has_its_code_and_cost() {
    for (extra, code, cost) in [
        (Extra::Gpu, "gpu", 8000),
        (Extra::BareMetal, "bare-metal", 4000),
        (Extra::Infiniband, "infiniband", 2000),
        (Extra::Hwv, "hwv", 250),
    ] {
        assert_eq!(extra.code(), code);
        assert_eq!(extra.to_string(), code);
        assert_eq!(
            serde_json::to_value(extra).expect("json"),
            serde_json::json!(code)
        );
        assert_eq!(extra.cost(), cost, "{code}");
    }
}

/// With no requirement at all, `SCS-2L-4` costs its 2 vCPUs (2000) and 4 GiB (1000); each
/// costly feature in the name adds its own cost and is named in the excess.
#[test]
fn extras_nobody_asked_for_are_charged_and_named() {
    let none = Requirements::default();
    assert_eq!(
        ranked(
            &none,
            &[
                "SCS-2L-4_GNa-56-24",
                "SCS-2L-4_bms",
                "SCS-2L-4_ib",
                "SCS-2L-4_hwv",
                "SCS-2L-4",
            ]
        ),
        [
            row("SCS-2L-4", 3000, "+2 vCPUs, +4 GiB RAM"),
            row("SCS-2L-4_hwv", 3250, "+2 vCPUs, +4 GiB RAM, hwv"),
            row("SCS-2L-4_ib", 5000, "+2 vCPUs, +4 GiB RAM, infiniband"),
            row("SCS-2L-4_bms", 7000, "+2 vCPUs, +4 GiB RAM, bare-metal"),
            row("SCS-2L-4_GNa-56-24", 11000, "+2 vCPUs, +4 GiB RAM, gpu"),
        ]
    );
    // All three at once: 3000 + 4000 + 2000 + 250.
    let all = &select(&none, ["SCS-2L-4_bms_hwv_ib"]).matches[0];
    assert_eq!(all.cost, 9250);
    let mut extras = all.excess.extras.clone();
    extras.sort_by_key(|e| e.code());
    assert_eq!(extras, [Extra::BareMetal, Extra::Hwv, Extra::Infiniband]);
}

/// What is asked for is no extra: a GPU asked for by its vendor, bare metal asked for as the
/// hypervisor `bms`.
#[test]
fn asked_for_features_are_not_extras() {
    let nvidia = Requirements {
        gpu_vendor: Some(scs_flavor::GpuVendor::Nvidia),
        ..Requirements::default()
    };
    let m = &select(&nvidia, ["SCS-2L-4_GNa-56-24"]).matches[0];
    assert_eq!((m.cost, m.excess.extras.is_empty()), (3000, true));
    let bms = Requirements {
        hypervisor: Some(Hypervisor::BareMetal),
        ..Requirements::default()
    };
    let m = &select(&bms, ["SCS-2L-4_bms"]).matches[0];
    assert_eq!((m.cost, m.excess.extras.is_empty()), (3000, true));
    assert_eq!(Excess::of(&bms, &m.flavor).cost(), 3000);
}

/// `needs_bare_metal`: the `bare_metal` flag, or the hypervisor `bms`; nothing else.
#[test]
fn bare_metal_is_needed_only_when_asked_for() {
    let with = |r: Requirements| r.needs_bare_metal();
    assert!(!with(Requirements::default()));
    assert!(with(Requirements {
        bare_metal: true,
        ..Requirements::default()
    }));
    assert!(with(Requirements {
        hypervisor: Some(Hypervisor::BareMetal),
        ..Requirements::default()
    }));
    for h in Hypervisor::ALL
        .iter()
        .filter(|h| **h != Hypervisor::BareMetal)
    {
        assert!(
            !with(Requirements {
                hypervisor: Some(*h),
                ..Requirements::default()
            }),
            "{h}"
        );
    }
}

/// A GPU asked for without a unit or VRAM minimum: a GPU whose name states neither (scs-0100
/// lets `_GNa` leave them open) satisfies it; a minimum is met by exactly that many.
#[test]
fn gpu_minimums_of_zero_are_no_requirement_and_equal_is_enough() {
    let gpu = Requirements {
        gpu: true,
        ..Requirements::default()
    };
    assert_eq!(
        ranked(&gpu, &["SCS-2L-4_GNa", "SCS-2L-4_GNa-56", "SCS-2L-4"])
            .into_iter()
            .map(|(n, c, _)| (n, c))
            .collect::<Vec<_>>(),
        [
            ("SCS-2L-4_GNa".to_string(), 3000),
            ("SCS-2L-4_GNa-56".to_string(), 3000)
        ]
    );
    let exact = Requirements {
        gpu_units: 56,
        gpu_vram_gib: 24,
        ..Requirements::default()
    };
    assert_eq!(
        ranked(&exact, &["SCS-2L-4_GNa-56-24"]),
        [row("SCS-2L-4_GNa-56-24", 3000, "+2 vCPUs, +4 GiB RAM")]
    );
}

/// `select_flavors` judges a cloud flavor by its own SCS name, or else by its first valid
/// `scs:name-vN` extra spec (the docs of `select_flavors`); the match keeps the cloud's name.
#[test]
fn a_cloud_flavor_is_judged_by_its_name_or_else_its_name_spec() {
    let two_four: Flavor = "SCS-2V-4".parse().expect("valid");
    let req = Requirements {
        cpus: 2,
        ..Requirements::default()
    };
    // Its own name, no extra specs at all.
    let own = CloudFlavor::new("SCS-2V-4", 2, 4096, 0);
    // No SCS name: the first valid `scs:name-vN` (v1 here is not valid, v2 is).
    let mut by_spec = CloudFlavor::new("m1.medium", 2, 4096, 0);
    by_spec
        .extra_specs
        .insert("scs:name-v1".to_string(), "SCS-2v-4".to_string());
    by_spec
        .extra_specs
        .insert("scs:name-v2".to_string(), "SCS-2V-4".to_string());
    // Its own name wins over a spec that names something else.
    let mut both = CloudFlavor::new("SCS-2V-4", 2, 4096, 0);
    both.extra_specs
        .insert("scs:name-v1".to_string(), "SCS-1V-2".to_string());
    let s = select_flavors(&req, &[own, by_spec, both]);
    assert!(s.rejected.is_empty(), "{:?}", s.rejected);
    let got: Vec<(&str, &Flavor)> = s
        .matches
        .iter()
        .map(|m| (m.name.as_str(), &m.flavor))
        .collect();
    assert_eq!(
        got,
        [
            ("SCS-2V-4", &two_four),
            ("SCS-2V-4", &two_four),
            ("m1.medium", &two_four)
        ]
    );
}

/// A CPU vendor or hypervisor asked for is satisfied by a name that states that one
/// (scs-0100: `_z` AMD, `_i` Intel, `_a` ARM, `_r` RISC-V; `_kvm` KVM).
#[test]
fn the_vendor_or_hypervisor_asked_for_is_accepted() {
    for (vendor, name) in [
        (CpuVendor::Amd, "SCS-2L-4_z3"),
        (CpuVendor::Intel, "SCS-2L-4_i2"),
        (CpuVendor::Arm, "SCS-2L-4_a1"),
        (CpuVendor::RiscV, "SCS-2L-4_r"),
    ] {
        let req = Requirements {
            cpu_vendor: Some(vendor),
            ..Requirements::default()
        };
        assert_eq!(
            ranked(&req, &[name]),
            [row(name, 3000, "+2 vCPUs, +4 GiB RAM")],
            "{vendor}"
        );
    }
    let kvm = Requirements {
        hypervisor: Some(Hypervisor::Kvm),
        ..Requirements::default()
    };
    assert_eq!(
        ranked(&kvm, &["SCS-2L-4_kvm"]),
        [row("SCS-2L-4_kvm", 3000, "+2 vCPUs, +4 GiB RAM")]
    );
}
