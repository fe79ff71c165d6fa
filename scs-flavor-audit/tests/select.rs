//! Selection: hand-worked cases (costs computed by hand from the table of `Excess::cost`) and
//! a property test against an independent statement of the requirements.

use std::path::PathBuf;

use proptest::prelude::*;
use scs_flavor::{CpuType, CpuVendor, DiskType, Flavor, GpuVendor, Hypervisor};
use scs_flavor_audit::{cost, parse_flavors, select, select_flavors, Arch, Gib, Requirements};

fn ranked(req: &Requirements, names: &[&str]) -> Vec<(String, u64)> {
    select(req, names)
        .matches
        .into_iter()
        .map(|m| (m.name, m.cost))
        .collect()
}

fn reasons(req: &Requirements, name: &str) -> Vec<String> {
    let s = select(req, [name]);
    assert!(s.matches.is_empty(), "{name} should be rejected");
    s.rejected[0].reasons.clone()
}

fn own(v: &[(&str, u64)]) -> Vec<(String, u64)> {
    v.iter().map(|&(n, c)| (n.to_string(), c)).collect()
}

#[test]
fn two_vcpus_eight_gib_local_ssd() {
    let req = Requirements {
        cpus: 2,
        ram_gib: Gib::whole(8),
        disk_type: Some(DiskType::Ssd),
        ..Requirements::default()
    };
    let names = [
        "SCS-1V-4",
        "SCS-2V-4",
        "SCS-2V-8",
        "SCS-2V-8-20s",
        "SCS-2V-8-20",
        "SCS-4V-16-50s",
        "SCS-2C-8-20s",
        "SCS-2V-8-20p",
        "m1.large",
        "SCS-2v-4",
    ];
    // 2V-8-20s: 20 GB disk (200) + V above L (500) = 700
    // 2V-8-20p: 700 + one disk type step (200) = 900
    // 2C-8-20s: 20 GB (200) + three CPU type steps (1500) = 1700
    // 4V-16-50s: 2 vCPUs (2000) + 8 GiB (2000) + 50 GB (500) + V (500) = 5000
    assert_eq!(
        ranked(&req, &names),
        own(&[
            ("SCS-2V-8-20s", 700),
            ("SCS-2V-8-20p", 900),
            ("SCS-2C-8-20s", 1700),
            ("SCS-4V-16-50s", 5000)
        ])
    );
    let s = select(&req, names);
    let rejected: Vec<(String, Vec<String>)> = s
        .rejected
        .into_iter()
        .map(|r| (r.name, r.reasons))
        .collect();
    assert_eq!(
        rejected,
        [
            (
                "SCS-1V-4",
                vec![
                    "1 vCPU, need at least 2",
                    "4 GiB RAM, need at least 8 GiB",
                    "no root disk, need one"
                ]
            ),
            (
                "SCS-2V-4",
                vec!["4 GiB RAM, need at least 8 GiB", "no root disk, need one"]
            ),
            ("SCS-2V-8", vec!["no root disk, need one"]),
            (
                "SCS-2V-8-20",
                vec!["disk type unspecified (counted as network), need at least ssd"]
            ),
            ("m1.large", vec!["not an SCS flavor name"]),
            (
                "SCS-2v-4",
                vec!["invalid SCS flavor name: expected CPU type `L`, `V`, `T` or `C` after the vCPU count, found `v`"]
            ),
        ]
        .map(|(n, r)| (n.to_string(), r.into_iter().map(str::to_string).collect()))
    );
}

#[test]
fn cpu_type_security_ram_flags() {
    let req = Requirements {
        cpu_type: Some(CpuType::DedicatedThread),
        secure_cpu: true,
        ecc: true,
        no_oversubscription: true,
        ..Requirements::default()
    };
    assert_eq!(
        reasons(&req, "SCS-2V-4"),
        ["CPU type shared-core (V), need at least dedicated-thread (T)"]
    );
    assert_eq!(
        reasons(&req, "SCS-2Ti-4uo"),
        [
            "insecure vCPUs (`i`: insufficient protection against CPU vulnerabilities)",
            "RAM without ECC (`u`)",
            "oversubscribed RAM (`o`)"
        ]
    );
    // No vCPU or RAM minimum: all 2 vCPUs (2000) and 4 GiB (1000) are excess; T is the
    // minimum type, C one step above (500).
    assert_eq!(
        ranked(&req, &["SCS-2C-4", "SCS-2T-4"]),
        own(&[("SCS-2T-4", 3000), ("SCS-2C-4", 3500)])
    );
}

#[test]
fn disk_size_and_no_disk() {
    let req = Requirements {
        disk_gb: 50,
        ..Requirements::default()
    };
    assert_eq!(
        reasons(&req, "SCS-2V-4-20s"),
        ["20 GB root disk, need at least 50 GB"]
    );
    assert_eq!(
        reasons(&req, "SCS-2V-4-n"),
        ["disk size left to the cloud, need at least 50 GB"]
    );
    assert_eq!(
        reasons(&req, "SCS-2V-4"),
        ["no root disk, need one of at least 50 GB"]
    );
    // 2 vCPUs (2000) + 4 GiB (1000); two disks of 50 GB count as 100 GB: 50 GB beyond (500).
    assert_eq!(
        ranked(&req, &["SCS-2L-4-2x50", "SCS-2L-4-50"]),
        own(&[("SCS-2L-4-50", 3000), ("SCS-2L-4-2x50", 3500)])
    );
    let none = Requirements {
        no_disk: true,
        ..Requirements::default()
    };
    assert_eq!(
        reasons(&none, "SCS-2V-4-20"),
        ["has a root disk, need none (boot from a volume)"]
    );
    assert_eq!(ranked(&none, &["SCS-1L-1"]), own(&[("SCS-1L-1", 1250)]));
}

#[test]
fn architecture_and_vendor() {
    let arm = Requirements {
        arch: Some(Arch::Arm),
        ..Requirements::default()
    };
    assert_eq!(
        ranked(&arm, &["SCS-4C-16_a1", "SCS-4C-16_z3", "SCS-4C-16"]),
        own(&[("SCS-4C-16_a1", 9500)])
    );
    assert_eq!(
        reasons(&arm, "SCS-4C-16"),
        ["architecture x86-64, need arm"]
    );
    // No CPU brand means x86-64, by the standard's convention.
    let x86 = Requirements {
        arch: Some(Arch::X86_64),
        ..Requirements::default()
    };
    assert_eq!(
        ranked(&x86, &["SCS-1L-1", "SCS-1L-1_z", "SCS-1L-1_r"]),
        own(&[("SCS-1L-1", 1250), ("SCS-1L-1_z", 1250)])
    );
    let amd = Requirements {
        cpu_vendor: Some(CpuVendor::Amd),
        ..Requirements::default()
    };
    assert_eq!(
        reasons(&amd, "SCS-1L-1"),
        ["CPU vendor not stated, need AMD"]
    );
    assert_eq!(reasons(&amd, "SCS-1L-1_i2"), ["CPU vendor Intel, need AMD"]);
}

#[test]
fn gpu_infiniband_bare_metal_hwv() {
    let req = Requirements {
        gpu_vendor: Some(GpuVendor::Nvidia),
        gpu_units: 50,
        gpu_vram_gib: 24,
        ..Requirements::default()
    };
    assert_eq!(
        ranked(
            &req,
            &[
                "SCS-16V-64_GNa-56-24",
                "SCS-16V-64_GNl-142-48",
                "SCS-16V-64"
            ]
        )
        .len(),
        2
    );
    assert_eq!(
        reasons(&req, "SCS-16V-64_GNa"),
        [
            "GPU compute units not stated, need at least 50",
            "GPU VRAM not stated, need at least 24 GiB"
        ]
    );
    assert_eq!(
        reasons(&req, "SCS-16V-64_GA3-304-192h"),
        ["GPU vendor AMD, need Nvidia"]
    );
    assert_eq!(reasons(&req, "SCS-16V-64"), ["no GPU"]);
    // A GPU nobody asked for (8000) costs more than two extra vCPUs (2000).
    assert_eq!(
        ranked(
            &Requirements::default(),
            &["SCS-2L-8_GNa-56-24", "SCS-4L-8"]
        ),
        own(&[("SCS-4L-8", 6000), ("SCS-2L-8_GNa-56-24", 12000)])
    );
    let hpc = Requirements {
        infiniband: true,
        bare_metal: true,
        hwv: true,
        ..Requirements::default()
    };
    assert_eq!(
        reasons(&hpc, "SCS-2L-4_kvm"),
        [
            "no Infiniband (`_ib`)",
            "not bare metal (`_bms`)",
            "no hardware virtualisation (`_hwv`)"
        ]
    );
    assert_eq!(
        ranked(&hpc, &["SCS-2L-4_bms_hwv_ib"]),
        own(&[("SCS-2L-4_bms_hwv_ib", 3000)])
    );
}

#[test]
fn from_a_cloud_flavor_list() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/cloud.json");
    let cloud = parse_flavors(&std::fs::read_to_string(path).expect("fixture")).expect("parse");
    let req = Requirements {
        cpus: 16,
        ram_gib: Gib::whole(32),
        ..Requirements::default()
    };
    let s = select_flavors(&req, &cloud);
    let names: Vec<&str> = s.matches.iter().map(|m| m.name.as_str()).collect();
    // SCS-16V-32 has only 32000 MiB: it delivers less than its name promises.
    assert_eq!(names, ["SCS-16V-32-100", "SCS-16C-64-200p_GNa-56-24"]);
    let bad = s
        .rejected
        .iter()
        .find(|r| r.name == "SCS-16V-32")
        .expect("rejected");
    assert_eq!(
        bad.reasons,
        ["delivers less than its name SCS-16V-32 promises: the name promises 32 GiB RAM, the flavor has 31.2 GiB (32000 MiB)"]
    );
    let m1 = s
        .rejected
        .iter()
        .find(|r| r.name == "m1.small")
        .expect("m1");
    assert_eq!(
        m1.reasons,
        ["not an SCS flavor (no SCS name, no valid scs:name-vN extra spec)"]
    );
}

#[test]
fn json_shape() {
    let req = Requirements {
        cpus: 2,
        ..Requirements::default()
    };
    let s = select(&req, ["SCS-2V-4-20s", "SCS-1L-1"]);
    assert_eq!(
        serde_json::to_value(&s).expect("json"),
        serde_json::json!({
            "matches": [{
                "name": "SCS-2V-4-20s",
                "flavor": "SCS-2V-4-20s",
                // 4 GiB (1000) + 20 GB (200) + V (500) + ssd two steps above network (400)
                "cost": 2100,
                "excess": {"vcpus": 0, "ram_gib": 4.0, "disk_gb": 20, "cpu_type_steps": 1,
                           "disk_type_steps": 2, "extras": []}
            }],
            "rejected": [{"name": "SCS-1L-1", "reasons": ["1 vCPU, need at least 2"]}]
        })
    );
    assert_eq!(
        s.to_string(),
        "SCS-2V-4-20s  cost   2100  +4 GiB RAM, +20 GB disk, CPU type +1, disk type +2\n\n\
         rejected:\n  SCS-1L-1: 1 vCPU, need at least 2\n"
    );
}

/// The requirements, stated again independently of `Requirements::check`.
fn satisfies(r: &Requirements, f: &Flavor) -> bool {
    let disk_size = f.disk.and_then(|d| d.size).map_or(0, |s| s.get());
    let disk_kind = f.disk.map(|d| d.kind.unwrap_or(DiskType::Network));
    let gpu = f.gpu;
    let arch = match f.cpu_brand.map(|b| b.vendor()) {
        Some(CpuVendor::Arm) => Arch::Arm,
        Some(CpuVendor::RiscV) => Arch::RiscV,
        _ => Arch::X86_64,
    };
    f.cpu.count.get() >= r.cpus
        && r.cpu_type.is_none_or(|t| f.cpu.kind >= t)
        && !(r.secure_cpu && f.cpu.insecure)
        && Gib::from(f.ram.size) >= r.ram_gib
        && !(r.ecc && f.ram.no_ecc)
        && !(r.no_oversubscription && f.ram.oversubscribed)
        && !(r.no_disk && f.disk.is_some())
        && (r.disk_gb == 0 || (f.disk.is_some() && disk_size >= r.disk_gb))
        && r.disk_type
            .is_none_or(|t| disk_kind.is_some_and(|k| k >= t))
        && r.arch.is_none_or(|a| a == arch)
        && r.cpu_vendor
            .is_none_or(|v| f.cpu_brand.is_some_and(|b| b.vendor() == v))
        && (!(r.gpu || r.gpu_vendor.is_some() || r.gpu_units > 0 || r.gpu_vram_gib > 0)
            || gpu.is_some_and(|g| {
                r.gpu_vendor.is_none_or(|v| g.vendor() == v)
                    && g.units().map_or(0, |u| u.get()) >= r.gpu_units
                    && g.vram().map_or(0, |v| v.get()) >= r.gpu_vram_gib
            }))
        && (!r.infiniband || f.ib)
        && (!r.bare_metal || f.hypervisor == Some(Hypervisor::BareMetal))
        && r.hypervisor.is_none_or(|h| f.hypervisor == Some(h))
        && (!r.hwv || f.hwv)
}

fn names() -> impl Strategy<Value = Vec<String>> {
    let cpu = prop::sample::select(vec!["1L", "2V", "4T", "8C", "2Vi", "16C", "4V", "1T"]);
    let ram = prop::sample::select(vec!["1", "2", "4", "8", "16", "0.5", "4u", "8o", "32uo"]);
    let disk = prop::sample::select(vec![
        "", "", "-10", "-20s", "-50p", "-100h", "-n", "-2x20s", "-200n", "-",
    ]);
    let ext = prop::sample::select(vec![
        "",
        "",
        "_kvm",
        "_bms",
        "_hwv",
        "_z3",
        "_i2",
        "_a1",
        "_r",
        "_GNa-56-24",
        "_GA3-64",
        "_ib",
        "_bms_hwv_ib",
        "_gI2-96-16h",
    ]);
    prop::collection::vec(
        (cpu, ram, disk, ext).prop_map(|(c, r, d, e)| format!("SCS-{c}-{r}{d}{e}")),
        0..12,
    )
}

fn requirements() -> impl Strategy<Value = Requirements> {
    let opt = |v: Vec<u32>| prop::sample::select(v);
    (
        (
            opt(vec![0, 1, 2, 4, 8]),
            prop::option::of(prop::sample::select(CpuType::ALL.to_vec())),
            any::<bool>(),
            prop::sample::select(vec!["0", "0.5", "2", "3.7", "4", "8", "12"])
                .prop_map(|g| g.parse::<Gib>().expect("decimal")),
            any::<bool>(),
            any::<bool>(),
        ),
        (
            opt(vec![0, 0, 10, 20, 50]),
            prop::option::of(prop::sample::select(DiskType::ALL.to_vec())),
            prop::bool::weighted(0.1),
            prop::option::of(prop::sample::select(vec![
                Arch::X86_64,
                Arch::Arm,
                Arch::RiscV,
            ])),
            prop::option::of(prop::sample::select(CpuVendor::ALL.to_vec())),
            prop::option::of(prop::sample::select(Hypervisor::ALL.to_vec())),
        ),
        (
            prop::bool::weighted(0.2),
            prop::option::of(prop::sample::select(GpuVendor::ALL.to_vec())),
            opt(vec![0, 0, 0, 50]),
            opt(vec![0, 0, 0, 16]),
            prop::bool::weighted(0.2),
            prop::bool::weighted(0.2),
            prop::bool::weighted(0.2),
        ),
    )
        .prop_map(
            |(
                (cpus, cpu_type, secure_cpu, ram_gib, ecc, no_oversubscription),
                (disk_gb, disk_type, no_disk, arch, cpu_vendor, hypervisor),
                (gpu, gpu_vendor, gpu_units, gpu_vram_gib, infiniband, bare_metal, hwv),
            )| Requirements {
                cpus,
                cpu_type,
                secure_cpu,
                ram_gib,
                ecc,
                no_oversubscription,
                disk_gb: if no_disk { 0 } else { disk_gb },
                disk_type: if no_disk { None } else { disk_type },
                no_disk,
                arch,
                cpu_vendor,
                hypervisor,
                gpu,
                gpu_vendor,
                gpu_units,
                gpu_vram_gib,
                infiniband,
                bare_metal,
                hwv,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Every match satisfies the requirements, every rejection does not, the matches are in
    /// cost order, and no satisfying flavor in the list is cheaper than the chosen one.
    #[test]
    fn the_choice_satisfies_and_nothing_cheaper_does(req in requirements(), names in names()) {
        let s = select(&req, &names);
        prop_assert_eq!(s.matches.len() + s.rejected.len(), names.len());
        for m in &s.matches {
            prop_assert!(satisfies(&req, &m.flavor), "{} matched", m.name);
            prop_assert_eq!(m.cost, cost(&req, &m.flavor));
        }
        for r in &s.rejected {
            let f: Flavor = r.name.parse().expect("generated names are valid");
            prop_assert!(!satisfies(&req, &f), "{} rejected: {:?}", r.name, r.reasons);
            prop_assert!(!r.reasons.is_empty());
        }
        prop_assert!(s.matches.windows(2).all(|w| w[0].cost <= w[1].cost));
        if let Some(best) = s.best() {
            for n in &names {
                let f: Flavor = n.parse().expect("valid");
                if satisfies(&req, &f) {
                    prop_assert!(best.cost <= cost(&req, &f), "{} is cheaper than {}", n, best.name);
                }
            }
        } else {
            for n in &names {
                let f: Flavor = n.parse().expect("valid");
                prop_assert!(!satisfies(&req, &f), "{} satisfies but nothing was chosen", n);
            }
        }
    }
}

/// Requirements from a JSON object (what Python dicts, JS objects and the command line's
/// options become): codes, names and odd spellings by the core's lookup rule.
#[test]
fn requirements_from_an_object() {
    let r: Requirements = serde_json::from_value(serde_json::json!({
        "cpus": 4, "cpu_type": "dedicated-thread", "secure_cpu": true, "ram_gib": 7.5,
        "ecc": true, "no_oversubscription": true, "disk_gb": "50", "disk_type": "p",
        "arch": "aarch64", "cpu_vendor": "riscv64", "hypervisor": "Bare Metal", "gpu": true,
        "gpu_vendor": "nvidia", "gpu_units": 10.0, "gpu_vram_gib": 16, "infiniband": true,
        "bare_metal": true, "hwv": true
    }))
    .expect("every key");
    let all = Requirements {
        cpus: 4,
        cpu_type: Some(CpuType::DedicatedThread),
        secure_cpu: true,
        ram_gib: "7.5".parse().expect("7.5"),
        ecc: true,
        no_oversubscription: true,
        disk_gb: 50,
        disk_type: Some(DiskType::Nvme),
        no_disk: false,
        arch: Some(Arch::Arm),
        cpu_vendor: Some(CpuVendor::RiscV),
        hypervisor: Some(Hypervisor::BareMetal),
        gpu: true,
        gpu_vendor: Some(GpuVendor::Nvidia),
        gpu_units: 10,
        gpu_vram_gib: 16,
        infiniband: true,
        bare_metal: true,
        hwv: true,
    };
    assert_eq!(r, all);
    // Serialised: every key, in the order of `Requirements::KEYS`, and it reads back.
    let json = serde_json::to_value(&all).expect("json");
    let keys: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    let mut listed: Vec<&str> = Requirements::KEYS.iter().map(|k| k.key).collect();
    listed.sort_unstable();
    assert_eq!(keys, listed);
    assert_eq!(json["disk_type"], "p");
    assert_eq!(json["hypervisor"], "bms");
    assert_eq!(json["arch"], "arm");
    assert_eq!(json["ram_gib"], 7.5);
    assert_eq!(
        serde_json::from_value::<Requirements>(json).expect("back"),
        all
    );
    // Absent and null mean no requirement.
    let none: Requirements =
        serde_json::from_value(serde_json::json!({"disk_type": null, "cpus": null})).expect("null");
    assert_eq!(none, Requirements::default());
}

/// One message per mistake, the core's where it has one.
#[test]
fn bad_requirements_are_refused_with_one_message() {
    let err = |v: serde_json::Value| {
        serde_json::from_value::<Requirements>(v)
            .expect_err("refused")
            .to_string()
    };
    let whole = "cpus: vCPU count must be a whole number from 1 to 4294967295";
    for cpus in [
        serde_json::json!(2.5),
        serde_json::json!(-1),
        serde_json::json!("two"),
        serde_json::json!("NaN"),
        serde_json::json!(4294967296u64),
        serde_json::json!(true),
        serde_json::json!([2]),
    ] {
        assert_eq!(err(serde_json::json!({ "cpus": cpus })), whole, "{cpus}");
    }
    assert_eq!(
        err(serde_json::json!({"gpu_vram_gib": 0.5})),
        "gpu_vram_gib: GPU VRAM must be a whole number from 1 to 4294967295"
    );
    let ram = "ram_gib: RAM must be a number of GiB from 0 to 2147483647.5 with at most 18 \
               decimals, such as `8` or `3.7`";
    for bad in ["NaN", "inf", "-1", "1e3", "3,7", "", "2147483648"] {
        assert_eq!(err(serde_json::json!({ "ram_gib": bad })), ram, "{bad}");
    }
    assert_eq!(err(serde_json::json!({"ram_gib": -0.5})), ram);
    assert_eq!(err(serde_json::json!({"ram_gib": 1e300})), ram);
    assert_eq!(
        err(serde_json::json!({"cores": 2})),
        "unknown property `cores`: expected one of `cpus`, `cpu_type`, `secure_cpu`, `ram_gib`, \
         `ecc`, `no_oversubscription`, `disk_gb`, `disk_type`, `no_disk`, `arch`, \
         `cpu_vendor`, `hypervisor`, `gpu`, `gpu_vendor`, `gpu_units`, `gpu_vram_gib`, \
         `infiniband`, `bare_metal`, `hwv`"
    );
    assert_eq!(
        err(serde_json::json!({"ecc": "yes"})),
        "ecc: must be `true` or `false`"
    );
    assert_eq!(
        err(serde_json::json!({"cpu_type": "v"})),
        "cpu_type: unknown CPU type: expected one of L, V, T, C or a name: \"crowded-core\", \
         \"shared-core\", \"dedicated-thread\", \"dedicated-core\""
    );
    assert!(
        err(serde_json::json!({"arch": "sparc"})).starts_with("arch: unknown architecture: "),
        "arch"
    );
    assert!(err(serde_json::json!({"hypervisor": 3})).starts_with("hypervisor: unknown hypervisor"));
    assert_eq!(
        err(serde_json::json!({"no_disk": true, "disk_gb": 20})),
        "no_disk: contradicts disk_gb and disk_type, which require a root disk"
    );
    assert!(err(serde_json::json!([1, 2])).contains("an object of requirements"));
}

/// RAM is exact: `4 − 3.7` is `0.3`, not `0.2999999999999998` (issue 9).
#[test]
fn ram_excess_is_exact() {
    let need: Requirements =
        serde_json::from_value(serde_json::json!({"ram_gib": 3.7})).expect("3.7");
    let s = select(&need, ["SCS-2V-4", "SCS-1V-3.5"]);
    assert_eq!(s.matches[0].excess.ram_gib.to_string(), "0.3");
    assert_eq!(
        s.to_string(),
        // 2 vCPUs (2000) + 0.3 GiB (75) + V over L (500)
        "SCS-2V-4  cost   2575  +2 vCPUs, +0.3 GiB RAM, CPU type +1\n\n\
         rejected:\n  SCS-1V-3.5: 3.5 GiB RAM, need at least 3.7 GiB\n"
    );
    let json = serde_json::to_value(&s).expect("json");
    assert_eq!(json["matches"][0]["excess"]["ram_gib"].to_string(), "0.3");
    // The selection reads back (for pickling and rebuilding in the bindings).
    let back: scs_flavor_audit::Selection = serde_json::from_value(json).expect("back");
    assert_eq!(back, s);
    // Text is read as its decimal; a float by its shortest decimal.
    let g = |t: &str| t.parse::<Gib>().expect(t).to_string();
    assert_eq!(g("3.70"), "3.7");
    assert_eq!(g(".5"), "0.5");
    assert_eq!(g("4."), "4");
    assert_eq!(g("0.000000000000000001"), "0.000000000000000001");
    assert!("0.0000000000000000001".parse::<Gib>().is_err());
    assert_eq!(g("2147483647.5"), "2147483647.5");
    assert_eq!(Gib::MAX.to_string(), "2147483647.5");
    assert_eq!(
        Gib::from_f64(0.1 + 0.2).expect("float").to_string(),
        "0.30000000000000004"
    );
    // Rounded cost: 0.002 GiB costs 0.5 → 1; 0.001 GiB 0.25 → 0.
    assert_eq!(g("0.002").parse::<Gib>().expect("g").times(250), 1);
    assert_eq!(g("0.001").parse::<Gib>().expect("g").times(250), 0);
}

/// For each key, a flavor that violates only that key is rejected with that key's reason.
#[test]
fn every_key_is_applied() {
    let cases: &[(serde_json::Value, &str, &str)] = &[
        (
            serde_json::json!({"cpus": 4}),
            "SCS-2C-8-20p",
            "2 vCPUs, need at least 4",
        ),
        (
            serde_json::json!({"cpu_type": "C"}),
            "SCS-2T-8",
            "CPU type dedicated-thread (T), need at least dedicated-core (C)",
        ),
        (
            serde_json::json!({"secure_cpu": true}),
            "SCS-2Vi-8",
            "insecure vCPUs (`i`: insufficient protection against CPU vulnerabilities)",
        ),
        (
            serde_json::json!({"ram_gib": 8.5}),
            "SCS-2V-8",
            "8 GiB RAM, need at least 8.5 GiB",
        ),
        (
            serde_json::json!({"ecc": true}),
            "SCS-2V-8u",
            "RAM without ECC (`u`)",
        ),
        (
            serde_json::json!({"no_oversubscription": true}),
            "SCS-2V-8o",
            "oversubscribed RAM (`o`)",
        ),
        (
            serde_json::json!({"disk_gb": 30}),
            "SCS-2V-8-20s",
            "20 GB root disk, need at least 30 GB",
        ),
        (
            serde_json::json!({"disk_type": "ssd"}),
            "SCS-2V-8-20h",
            "disk type hdd, need at least ssd",
        ),
        (
            serde_json::json!({"no_disk": true}),
            "SCS-2V-8-20s",
            "has a root disk, need none (boot from a volume)",
        ),
        (
            serde_json::json!({"arch": "arm"}),
            "SCS-2V-8_z3",
            "architecture x86-64, need arm",
        ),
        (
            serde_json::json!({"cpu_vendor": "amd"}),
            "SCS-2V-8_i3",
            "CPU vendor Intel, need AMD",
        ),
        (
            serde_json::json!({"hypervisor": "kvm"}),
            "SCS-2V-8_xen",
            "hypervisor Xen, need KVM",
        ),
        (serde_json::json!({"gpu": true}), "SCS-2V-8", "no GPU"),
        (
            serde_json::json!({"gpu_vendor": "AMD"}),
            "SCS-2V-8_GNa-56",
            "GPU vendor Nvidia, need AMD",
        ),
        (
            serde_json::json!({"gpu_units": 60}),
            "SCS-2V-8_GNa-56",
            "56 GPU compute units, need at least 60",
        ),
        (
            serde_json::json!({"gpu_vram_gib": 32}),
            "SCS-2V-8_GNa-56-24",
            "24 GiB GPU VRAM, need at least 32 GiB",
        ),
        (
            serde_json::json!({"infiniband": true}),
            "SCS-2V-8",
            "no Infiniband (`_ib`)",
        ),
        (
            serde_json::json!({"bare_metal": true}),
            "SCS-2V-8_kvm",
            "not bare metal (`_bms`)",
        ),
        (
            serde_json::json!({"hwv": true}),
            "SCS-2V-8",
            "no hardware virtualisation (`_hwv`)",
        ),
    ];
    assert_eq!(cases.len(), Requirements::KEYS.len());
    for (info, (req, name, reason)) in Requirements::KEYS.iter().zip(cases) {
        assert!(req.get(info.key).is_some(), "{} in key order", info.key);
        let req: Requirements = serde_json::from_value(req.clone()).expect("valid");
        assert_eq!(reasons(&req, name), [*reason], "{}", info.key);
    }
}
