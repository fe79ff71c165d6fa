//! The standard's own examples (scs-0100 v3 text and the GPU table of its implementation
//! notes), valid and struck-through, with exact error messages and spans pinned.

use scs_flavor::{
    parse, Builder, Component, CpuType, CpuVendor, DiskType, ErrorKind, Field, Flavor, GpuKind,
    GpuSpec, GpuVendor, Hypervisor, Outcome, Strategy,
};

/// Examples the v3 text gives as valid.
const VALID: &[&str] = &[
    "SCS-2C-4-10n",
    "SCS-2T-4-10n",
    "SCS-2V-4-10n",
    "SCS-2L-4-10n",
    "SCS-2Li-4-10n",
    "SCS-2C-3.5-10n",
    "SCS-2C-4u-10n",
    "SCS-2C-4o-10n",
    "SCS-2C-4uo-10n",
    "SCS-2C-4-10s",
    "SCS-2C-4-10s_bms_z3",
    "SCS-2C-4-3x10s",
    "SCS-2C-4-3x10s_bms_z3",
    "SCS-2C-4-10",
    "SCS-2C-4-10_bms_z3",
    "SCS-2C-4-n",
    "SCS-2C-4-",
    "SCS-2C-4-_bms_z3",
    "SCS-2C-4-_bms_z3h_GNa-64_ib",
    "SCS-2C-4-_ib",
    "SCS-2C-4",
    "SCS-2C-4_bms_z3",
    "SCS-2C-4-3x10",
    "SCS-2C-4-10n_bms",
    "SCS-2C-4-10n_bms_z3h",
    "SCS-2C-4-10n_z",
    "SCS-2C-4-10n_z3",
    "SCS-2C-4-10n_z3h",
    "SCS-2C-4-10n_z3hh",
    "SCS-2C-4-10n_bms_z",
    "SCS-2C-4-10n_bms_z3hh",
    "SCS-2C-4-10_kvm_hwv",
    "SCS-2C-4-10_hwv",
    "SCS-2C-4-10_bms_hwv",
    "SCS-16V-64-500s_GNa-14-6h",
    "SCS-8Ti-32-50p_i1",
    "SCS-1L-1u-5",
    "SCS-16T-64-200s_GNa-72-24_ib",
    "SCS-4C-16-2x200p_a1",
    "SCS-1V-0.5",
    "SCS-4V-16-50",
    "SCS-8T-16-50n_i2",
    "SCS-8T-16-50n_z2",
    "SCS-1C-1.5-8s",
    "SCS-1T-1-5n",
    "SCS-2V-4-20p",
];

/// GPU name pieces from the implementation notes' table.
const GPUS: &[&str] = &[
    "GNa-72-24",
    "GNa-84-48",
    "GNa-56-24",
    "GNa-28-12",
    "GNa-14-6",
    "GNa-56h-24h",
    "GNa-108h-80h",
    "GNa-54h-40h",
    "GNa-27h-20h",
    "GNa-15h-10h",
    "GNa-108-80h",
    "GNl-58-24",
    "GNl-142-48",
    "GNl-142h-48",
    "GNl-142hh-48",
    "GNl-22-16",
    "GNg-132-80h",
    "GNg-18-10h",
    "GNg-132-141h",
    "GNb-160-192h",
    "GNb-44-45h",
    "GNu-160-288h",
    "GNb-188-96",
    "GA2-104-64h",
    "GA2-208-128h",
    "GA3-304-192h",
    "GA4-256-288h",
    "GA4-256h-288h",
];

#[test]
fn the_standards_valid_examples_are_valid_and_canonical() {
    for &name in VALID {
        let p = Strategy::V3
            .parse(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(p.flavor().to_string(), name, "canonical form of {name}");
        assert!(!p.warnings().contains("non-canonical"), "{name}");
    }
    for gpu in GPUS {
        let name = format!("SCS-16V-64-500s_{gpu}");
        let f = parse(&name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(f.to_string(), name);
    }
}

fn error(name: &str) -> (ErrorKind, usize, usize, String) {
    let e = parse(name).expect_err(name);
    (e.kind(), e.start(), e.end(), e.to_string())
}

#[test]
fn the_standards_struck_through_examples_are_invalid() {
    // ~~SCS-2-4-10n~~: CPU suffix missing.
    assert_eq!(
        error("SCS-2-4-10n"),
        (
            ErrorKind::ExpectedCpuType { found: Some('-') },
            5,
            6,
            "expected CPU type `L`, `V`, `T` or `C` after the vCPU count, found `-`".into()
        )
    );
    // ~~SCS-2iT-4-10n~~: this order is forbidden.
    assert_eq!(
        error("SCS-2iT-4-10n").0,
        ErrorKind::ExpectedCpuType { found: Some('i') }
    );
    // ~~SCS-2C-4ou-10n~~
    let (kind, start, end, msg) = error("SCS-2C-4ou-10n");
    assert_eq!((start, end), (9, 14));
    assert!(matches!(
        kind,
        ErrorKind::Unexpected {
            after: Component::CpuRam,
            found: 'u',
            ..
        }
    ));
    assert_eq!(
        msg,
        "unexpected `u` after the CPU/RAM part: expected a disk (`-`), an extension (`_`) or the end of the name"
    );
    // ~~SCS-2C-4-1.5n~~: disk sizes are whole.
    let (kind, start, ..) = error("SCS-2C-4-1.5n");
    assert!(matches!(
        kind,
        ErrorKind::Unexpected {
            after: Component::Disk,
            found: '.',
            ..
        }
    ));
    assert_eq!(start, 10);
    // ~~SCS-2C-4-10_hwv_xen~~: wrong ordering.
    assert_eq!(
        error("SCS-2C-4-10_hwv_xen"),
        (
            ErrorKind::OutOfOrder {
                component: Component::Hypervisor,
                after: Component::Hwv
            },
            15,
            19,
            "the hypervisor extension must come before the hardware virtualisation extension \
             (expected extensions in the order hypervisor, hwv, CPU brand, GPU, ib, each once)"
                .into()
        )
    );
    // The text lists `SCS-2C-4-n_bms_3` as valid, but `_3` has no vendor letter; the official
    // checker rejects it ("Extra characters: _3"), and so do we.
    assert!(matches!(
        error("SCS-2C-4-n_bms_3").0,
        ErrorKind::UnknownExtension { after: Component::Hypervisor, found, .. } if found.as_str() == "_3"
    ));
}

#[test]
fn error_messages_name_the_component() {
    let cases: &[(&str, &str, (usize, usize))] = &[
        ("SCS-V-4", "missing vCPU count: expected a number after `SCS-`", (4, 4)),
        ("SCS-0V-4", "vCPU count must be positive, not 0", (4, 5)),
        ("SCS-2V", "expected `-` between the CPU type and the RAM, found the end of the name", (6, 6)),
        ("SCS-2V-", "missing RAM amount: expected a positive multiple of 0.5 such as `4` or `3.5`", (7, 7)),
        ("SCS-2V-1.2.3", "malformed RAM amount: expected a positive multiple of 0.5 such as `4` or `3.5`", (7, 12)),
        ("SCS-2V-3.25", "RAM must be a multiple of 0.5 GiB", (7, 11)),
        ("SCS-2V-0", "RAM must be positive, not 0", (7, 8)),
        ("SCS-2V-4-0x10", "disk count must be positive, not 0", (9, 10)),
        ("SCS-2V-4-0", "disk size must be positive, not 0", (9, 10)),
        ("SCS-4294967296V-4", "vCPU count is too large (expected at most 4294967295)", (4, 14)),
        ("SCS-2V-2147483648", "RAM is too large (expected at most 2147483647.5)", (7, 17)),
        ("SCS-2V-4_z7", "CPU generation 7 is not defined for AMD (expected 0-6 or none)", (9, 11)),
        ("SCS-2V-4_a6", "CPU generation 6 is not defined for ARM (expected 0-5 or none)", (9, 11)),
        ("SCS-2V-4_r1", "CPU generation 1 is not defined for RISC-V (expected 0 or none)", (9, 11)),
        ("SCS-2V-4_i99999999999", "CPU generation is not defined for Intel (expected 0-6 or none)", (9, 21)),
        ("SCS-2V-4_i3hhhh", "CPU frequency takes at most three `h`", (11, 15)),
        ("SCS-2V-4_GNx", "GPU generation is not defined for Nvidia (expected one of f, k, m, p, v, t, a, l, g, b, u or none)", (11, 12)),
        ("SCS-2V-4_GA2.2", "GPU generation is not defined for AMD (expected one of 0.4, 0.5, 1, 1.1, 2, 2.1, 3, 3.1, 3.5, 4, 4.1, 5.1 or none)", (11, 14)),
        ("SCS-2V-4_GNa-0", "GPU unit count must be positive, not 0", (13, 14)),
        ("SCS-2V-4_GNa-8hhh", "GPU unit frequency takes at most two `h`", (14, 17)),
        ("SCS-2V-4_GNa-8-0", "GPU VRAM must be positive, not 0", (15, 16)),
        ("SCS-2V-4_GNa-8-8hhh", "GPU VRAM bandwidth takes at most two `h`", (16, 19)),
        ("SCS-2V-4_kvm_kvm", "the hypervisor extension is repeated (expected extensions in the order hypervisor, hwv, CPU brand, GPU, ib, each once)", (12, 16)),
        ("SCS-2V-4_ib_hwv", "the hardware virtualisation extension must come before the Infiniband extension (expected extensions in the order hypervisor, hwv, CPU brand, GPU, ib, each once)", (11, 15)),
        ("SCS-2V-4-10-20", "the disk is repeated (expected extensions in the order hypervisor, hwv, CPU brand, GPU, ib, each once)", (11, 14)),
        ("SCS-2V-4_ib_", "unexpected `_` after the Infiniband extension: expected the end of the name", (11, 12)),
        // An unknown extension is named, with the extensions that may follow (issue #9).
        ("SCS-2V-4_foo", "unknown extension `_foo` after the CPU/RAM part: expected one of `_kvm`, `_xen`, `_vmw`, `_hyv`, `_bms`, `_chy`, `_hwv`, `_i…, z…, a…, r… (CPU brand)`, `_g…, G… (GPU)`, `_ib`, in this order", (8, 12)),
        ("SCS-2V-4_i3_foo-2_ib", "unknown extension `_foo` after the CPU brand extension: expected one of `_g…, G… (GPU)`, `_ib`, in this order", (11, 15)),
        ("SCS-2V-4_abcdefghijklmnopqrstuvwxyz", "unknown extension `_abcdefghij…` after the CPU/RAM part: expected one of `_kvm`, `_xen`, `_vmw`, `_hyv`, `_bms`, `_chy`, `_hwv`, `_i…, z…, a…, r… (CPU brand)`, `_g…, G… (GPU)`, `_ib`, in this order", (8, 35)),
        ("SCS-2V-4 ", "unexpected ` ` after the CPU/RAM part: expected a disk (`-`), an extension (`_`) or the end of the name", (8, 9)),
        ("SCS-2V-4_kvmx", "unexpected `x` after the hypervisor extension: expected `_hwv`, a CPU brand, a GPU, `_ib` or the end of the name", (12, 13)),
        ("SCS-2V-4é", "unexpected `é` after the CPU/RAM part: expected a disk (`-`), an extension (`_`) or the end of the name", (8, 10)),
        ("SCS-2V:4", "this is a v1 name, which strategy v3 does not accept (expected the v2 syntax)", (6, 7)),
        ("scs-2V-4", "not an SCS flavor name: it does not start with `SCS-`", (0, 0)),
    ];
    for &(name, message, span) in cases {
        let e = parse(name).expect_err(name);
        assert_eq!(e.to_string(), message, "{name}");
        assert_eq!((e.start(), e.end()), span, "{name}");
        assert!(
            name.is_char_boundary(e.start()) && name.is_char_boundary(e.end()),
            "{name}"
        );
    }
}

#[test]
fn caret_rendering() {
    let name = "SCS-2V-4_GNa-8hhh";
    let e = parse(name).expect_err(name);
    assert_eq!(
        e.render(name).to_string(),
        "SCS-2V-4_GNa-8hhh\n              ^^^ GPU unit frequency takes at most two `h`"
    );
    // Columns count characters, not bytes; a missing part gets one caret.
    let name = "SCS-ä";
    let e = Strategy::V3.check(name);
    let Outcome::Invalid(e) = e else {
        panic!("{e:?}")
    };
    assert_eq!(
        e.render(name).to_string(),
        "SCS-ä\n    ^ expected CPU type `L`, `V`, `T` or `C` after the vCPU count, found `ä`"
    );
}

#[test]
fn strategies() {
    let v1 = "SCS-2V:4:20s-bms";
    let v2 = "SCS-2V-4-20s_bms";
    let outcome = |s: Strategy, n| match s.check(n) {
        Outcome::Valid(p) => format!("valid tolerated={}", p.is_tolerated()),
        Outcome::Invalid(e) => format!("invalid {}", e.kind().code()),
        Outcome::NotScs => "not-scs".into(),
    };
    assert_eq!(outcome(Strategy::V1, v1), "valid tolerated=false");
    assert_eq!(outcome(Strategy::V1, v2), "invalid wrong-syntax");
    assert_eq!(outcome(Strategy::V1V2, v2), "valid tolerated=true");
    assert_eq!(outcome(Strategy::V2V1, v1), "valid tolerated=true");
    assert_eq!(outcome(Strategy::V2, v1), "invalid wrong-syntax");
    assert_eq!(outcome(Strategy::V3, v2), "valid tolerated=false");
    // `chy` exists only in v2/v3.
    assert_eq!(
        outcome(Strategy::V1, "SCS-2V:4-chy"),
        "invalid unknown-extension"
    );
    let e = Strategy::V1
        .parse("SCS-2V:4-foo")
        .expect_err("unknown extension");
    assert_eq!(
        (e.to_string(), e.start(), e.end()),
        (
            "unknown extension `-foo` after the CPU/RAM part: expected one of `-kvm`, `-xen`, \
             `-vmw`, `-hyv`, `-bms`, `-hwv`, `-i…, z…, a…, r… (CPU brand)`, `-g…, G… (GPU)`, \
             `-ib`, in this order"
                .to_string(),
            8,
            12
        )
    );
    assert_eq!(
        outcome(Strategy::V3, "SCS-2V-4_chy"),
        "valid tolerated=false"
    );
    assert_eq!("latest".parse::<Strategy>(), Ok(Strategy::V3));
    assert_eq!("V2/V1".parse::<Strategy>(), Ok(Strategy::V2V1));
    assert!("v4".parse::<Strategy>().is_err());
    for n in ["", " SCS-2V-4", "scs-2V-4", "SCS", "SCS_2V-4"] {
        assert_eq!(outcome(Strategy::V3, n), "not-scs", "{n:?}");
    }
}

#[test]
fn odd_forms_the_checker_accepts() {
    let f = parse("SCS-2V-4-3x").expect("three disks of unspecified size");
    assert_eq!(f.disk.map(|d| (d.count.get(), d.size)), Some((3, None)));
    let cases = [
        ("SCS-04V-8", "SCS-4V-8"),
        ("SCS-2V-.5", "SCS-2V-0.5"),
        ("SCS-2V-4.", "SCS-2V-4"),
        ("SCS-2V-3.50", "SCS-2V-3.5"),
        ("SCS-2V-4-x10", "SCS-2V-4-10"),
        ("SCS-2V-4-1x10", "SCS-2V-4-10"),
        ("SCS-2V-4_z0", "SCS-2V-4_z"),
        ("SCS-2V-4_GNah", "SCS-2V-4_GNah"),
        ("SCS-2V-4_GNah-24", "SCS-2V-4_GNah-24"),
        ("SCS-2V-4_GN-08", "SCS-2V-4_GN-8"),
    ];
    for (name, canonical) in cases {
        let p = Strategy::V3
            .parse(name)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(p.flavor().to_string(), canonical);
        assert_eq!(
            parse(canonical),
            Ok(p.flavor()),
            "{canonical} reads back the same"
        );
    }
}

fn warnings(name: &str, strategy: Strategy) -> Vec<(String, String)> {
    let p = strategy
        .parse(name)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    p.warnings()
        .map(|w| (w.kind.code().to_string(), w.to_string()))
        .collect()
}

#[test]
fn warnings_on_valid_names() {
    assert_eq!(warnings("SCS-2V-4-20s", Strategy::V3), []);
    assert_eq!(
        warnings("SCS-2V:4:20s", Strategy::V2V1),
        [
            ("tolerated".into(), "v1 syntax is merely tolerated by strategy v2/v1".into()),
            (
                "not-kubernetes-label".into(),
                "not usable as a Kubernetes label value: only letters, digits, `-`, `_` and `.` are allowed".into()
            ),
        ]
    );
    assert_eq!(
        warnings("SCS-2V:04:20s", Strategy::V1)[0].1,
        "not in canonical form: write `SCS-2V:4:20s`"
    );
    let w = warnings("SCS-2V-4_GNa_ib", Strategy::V3);
    assert_eq!(w[0].0, "rejected-by-official-checker");
    assert!(w[0].1.contains("certification would fail"));
    assert_eq!(
        warnings("SCS-2V-4_GN_ib", Strategy::V3)[0].0,
        "rejected-by-official-checker"
    );
    // `h` stops the checker's GPU generation, so `_ib` is read: no D2 here.
    assert_eq!(
        warnings("SCS-2V-4_GNah_ib", Strategy::V3)[0].0,
        "undescribed"
    );
    assert_eq!(warnings("SCS-2V-4_GNa-1_ib", Strategy::V3), []);
    let codes = |n| {
        warnings(n, Strategy::V3)
            .into_iter()
            .map(|w| w.0)
            .collect::<Vec<_>>()
    };
    assert_eq!(codes("SCS-2V-4-3x"), ["undescribed"]);
    assert_eq!(codes("SCS-2V-4_GNah"), ["undescribed"]);
    assert_eq!(codes("SCS-2V-4_GNah-24"), ["undescribed", "undescribed"]);
    assert_eq!(codes("SCS-2V-10.5"), ["undescribed"]);
    assert_eq!(codes("SCS-2C-4-"), ["not-kubernetes-label"]);
    assert_eq!(
        codes("SCS-2147483648V-2097152-2147483648"),
        [
            "too-large-for-nova",
            "too-large-for-nova",
            "too-large-for-nova"
        ]
    );
    assert_eq!(codes("SCS-2V-4-65x10"), ["too-many-disks"]);
    assert_eq!(codes("SCS-2V-4-64x10"), [] as [&str; 0]);
    let long = format!("SCS-2V-{}4", "0".repeat(300));
    assert_eq!(
        codes(&long),
        [
            "non-canonical",
            "not-kubernetes-label",
            "too-long-for-openstack"
        ]
    );
}

#[test]
fn short_names() {
    let cases = [
        (
            "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib",
            "SCS-16T-64-3x10s_GNa-64_ib",
        ),
        ("SCS-4C-16-2x200p_a1h", "SCS-4C-16-2x200p_a"),
        ("SCS-4C-16_r", "SCS-4C-16_r"),
        ("SCS-2V-4_z3hh", "SCS-2V-4"),
        ("SCS-16V-64-500s_GNa-14h-6h", "SCS-16V-64-500s_GNa-14-6"),
    ];
    for (name, short) in cases {
        let f = parse(name).expect(name);
        assert_eq!(f.short().to_string(), short);
        assert_eq!(
            f.short().v1().to_string(),
            scs_flavor::v2_to_v1(short).to_string()
        );
    }
}

#[test]
fn spec_and_bounded_disks() {
    let f = parse("SCS-2V-4-3xn").expect("valid");
    let spec: Vec<String> = f
        .spec()
        .expect("bounded")
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    assert_eq!(
        spec,
        [
            "cpus=2",
            "scs:cpu-type=shared-core",
            "ram=4.0",
            "disk=null",
            "scs:disk0-type=network",
            "scs:disk1-type=network",
            "scs:disk2-type=network",
            "scs:name-v1=SCS-2V:4:3xn",
            "scs:name-v2=SCS-2V-4-3xn",
        ]
    );
    let f = parse("SCS-2V-4-99999999x10").expect("valid, if absurd");
    let e = f.spec().expect_err("unbounded");
    assert_eq!(e.kind(), ErrorKind::TooManyDisks { count: 99_999_999 });
    assert_eq!(
        e.to_string(),
        "99999999 disks are unreasonable: the scs-0103 spec is derived for at most 64 disks"
    );
}

#[test]
fn explain_gives_spans_and_meanings() {
    let name = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib";
    let p = Strategy::V3.parse(name).expect("valid");
    let parts: Vec<(Component, &str, String)> = p
        .explain()
        .map(|part| (part.component, part.text, part.meaning.to_string()))
        .collect();
    assert_eq!(
        parts,
        [
            (Component::Prefix, "SCS-", "SCS flavor name".into()),
            (
                Component::CpuRam,
                "16T-64",
                "16 dedicated SMT threads, 64 GiB ECC RAM".into()
            ),
            (Component::Disk, "-3x10s", "3 × 10 GB local SSD".into()),
            (Component::Hypervisor, "_bms", "bare metal".into()),
            (
                Component::Hwv,
                "_hwv",
                "hardware-accelerated (nested) virtualisation".into()
            ),
            (
                Component::CpuBrand,
                "_i3h",
                "Intel Ice Lake, high frequency".into()
            ),
            (
                Component::Gpu,
                "_GNa-64",
                "Nvidia Ampere pass-through GPU with 64 SMs".into()
            ),
            (Component::Ib, "_ib", "Infiniband".into()),
        ]
    );
    for part in p.explain() {
        assert_eq!(&name[part.span.start..part.span.end], part.text);
    }
}

#[test]
fn descriptions_avoid_the_checkers_bugs() {
    let d = |n: &str| parse(n).expect(n).describe().to_string();
    assert_eq!(
        d("SCS-2C-4-n"),
        "2 dedicated cores, 4 GiB ECC RAM, network disk of a size chosen by the cloud"
    );
    assert_eq!(
        d("SCS-1L-1u-5"),
        "1 heavily oversubscribed vCPU, 1 GiB non-ECC RAM, 5 GB disk"
    );
    assert_eq!(
        d("SCS-2Vi-3.5o-_kvm"),
        "2 vCPUs (insecure: CPU vulnerability mitigations not guaranteed), 3.5 GiB ECC RAM \
         (oversubscribed), disk of a size and type chosen by the cloud, KVM hypervisor"
    );
    assert_eq!(
        d("SCS-16V-64-500s_gA3.1-48h-24hh"),
        "16 vCPUs, 64 GiB ECC RAM, 500 GB local SSD, AMD RDNA 3 (Navi 3x) virtual GPU with 48 \
         high-frequency CUs and 24 GiB very high-bandwidth VRAM"
    );
    assert!(!d("SCS-2V-64").contains("64.0"));
}

#[test]
fn v1_v2_string_conversion() {
    assert_eq!(
        scs_flavor::v2_to_v1("SCS-2V-4-20s_GNa-64_ib").to_string(),
        "SCS-2V:4:20s-GNa:64-ib"
    );
    assert_eq!(
        scs_flavor::v1_to_v2("SCS-2V:4:20s-GNa:64-ib").to_string(),
        "SCS-2V-4-20s_GNa-64_ib"
    );
    assert_eq!(scs_flavor::v1_to_v2("").to_string(), "");
    assert_eq!(scs_flavor::v1_to_v2("ab").to_string(), "ab");
}

#[test]
fn builder_refuses_what_cannot_be_written() {
    let gpu = |vendor: GpuVendor,
               generation: Option<&str>,
               units,
               unit_frequency,
               vram,
               vram_bandwidth| GpuSpec {
        kind: GpuKind::PassThrough,
        vendor,
        generation: generation.map(|g| {
            GpuVendor::Nvidia
                .generation(g)
                .expect("an Nvidia generation")
        }),
        units,
        unit_frequency,
        vram,
        vram_bandwidth,
    };
    let base = Builder::new(16, CpuType::DedicatedThread, 64.0)
        .disk(3, Some(10), Some(DiskType::Ssd))
        .hypervisor(Hypervisor::BareMetal)
        .hwv(true)
        .cpu_brand(CpuVendor::Intel, 3, 1)
        .ib(true);
    let ok = base
        .gpu(gpu(GpuVendor::Nvidia, Some("a"), Some(64), 0, None, 0))
        .build();
    assert_eq!(
        ok.map(|f| f.to_string()),
        Ok("SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib".into())
    );
    let refused = |b: Builder| {
        b.build()
            .map(|f: Flavor| f.to_string())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        refused(base.gpu(gpu(GpuVendor::Nvidia, Some("a"), None, 0, Some(24), 0))),
        "gpu.vram: GPU VRAM without a unit count cannot be written unambiguously (expected a GPU unit count)"
    );
    // VRAM after a unit `h` is what `_GNah-24` says: it can be built, and reads back.
    let odd = base
        .gpu(gpu(GpuVendor::Nvidia, Some("a"), None, 1, Some(24), 0))
        .build()
        .expect("expressible");
    assert_eq!(odd.to_string(), "SCS-16T-64-3x10s_bms_hwv_i3h_GNah-24_ib");
    assert_eq!(scs_flavor::parse(&odd.to_string()), Ok(odd));
    assert_eq!(
        refused(base.gpu(gpu(GpuVendor::Intel, Some("a"), Some(64), 0, None, 0))),
        "gpu.generation: GPU generation is not defined for Intel (expected one of 0.9, 0.95, 1, 2, 3, 4 or none)"
    );
    assert_eq!(
        refused(base.gpu(gpu(GpuVendor::Nvidia, None, Some(64), 0, None, 1))),
        "gpu.vram_bandwidth: GPU VRAM bandwidth needs a VRAM size"
    );
    // A unit `h` without units is `_GNh`, which the parser reads: it can be built.
    let built = base
        .gpu(gpu(GpuVendor::Nvidia, None, None, 1, None, 0))
        .build()
        .expect("expressible");
    assert_eq!(built.to_string(), "SCS-16T-64-3x10s_bms_hwv_i3h_GNh_ib");
    assert_eq!(
        refused(base.cpu_brand(CpuVendor::Intel, 7, 0)),
        "cpu_brand.generation: CPU generation 7 is not defined for Intel (expected 0-6 or none)"
    );
    assert_eq!(
        refused(base.cpu_brand(CpuVendor::Amd, 1, 4)),
        "cpu_brand.frequency: CPU frequency takes at most three `h`"
    );
    assert_eq!(
        refused(Builder::new(0, CpuType::SharedCore, 4.0)),
        "cpus: vCPU count must be positive, not 0"
    );
    assert_eq!(
        refused(Builder::new(1, CpuType::SharedCore, 0.0)),
        "ram_gib: RAM must be positive, not 0"
    );
    assert_eq!(
        refused(Builder::new(1, CpuType::SharedCore, f64::NAN)),
        "ram_gib: RAM must be a positive multiple of 0.5 such as `4` or `3.5`"
    );
    assert_eq!(
        refused(Builder::new(1, CpuType::SharedCore, 3e9)),
        "ram_gib: RAM is too large (expected at most 2147483647.5)"
    );
    assert_eq!(
        refused(Builder::new(1, CpuType::SharedCore, 4.0).disk(0, None, None)),
        "disk.count: disk count must be positive, not 0"
    );
    assert_eq!(
        refused(Builder::new(1, CpuType::SharedCore, 4.0).disk(1, Some(0), None)),
        "disk.size: disk size must be positive, not 0"
    );
    let e = Builder::new(0, CpuType::SharedCore, 4.0)
        .build()
        .unwrap_err();
    assert_eq!(
        (e.field(), e.kind()),
        (
            Some("cpus"),
            ErrorKind::Zero {
                field: Field::CpuCount
            }
        )
    );
}

#[test]
fn tables_are_complete() {
    use scs_flavor::tables;
    assert_eq!(CpuType::ALL.len(), tables::CPU_TYPES.len());
    assert_eq!(CpuVendor::Intel.generations()[3].name, "Ice Lake");
    assert_eq!(CpuVendor::Amd.generations()[4].name, "Zen 4/4c");
    assert_eq!(CpuVendor::Arm.generations()[1].name, "A76/NeoN1");
    assert_eq!(
        GpuVendor::Nvidia.generation("l").map(|g| g.entry().name),
        Some("AdaLovelace")
    );
    assert_eq!(
        GpuVendor::Amd.generation("3").map(|g| g.entry().name),
        Some("CDNA3")
    );
    assert_eq!(
        GpuVendor::Intel.generation("3").map(|g| g.entry().name),
        Some("Arc/Gen12.7/DG2")
    );
    assert_eq!(
        Hypervisor::from_code("chy"),
        Some(Hypervisor::CloudHypervisor)
    );
    assert_eq!(
        DiskType::from_code("p").map(|d| d.entry().name),
        Some("nvme")
    );
    assert!(CpuType::SharedCore < CpuType::DedicatedThread);
    assert!(DiskType::Network < DiskType::Nvme);
}

#[test]
fn write_into_a_buffer() {
    let f = parse("SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib").expect("valid");
    let mut buf = [0u8; scs_flavor::MAX_NAME_LEN];
    assert_eq!(
        f.write_to(scs_flavor::Syntax::V1, &mut buf),
        Ok("SCS-16T:64:3x10s-bms-hwv-i3h-GNa:64-ib")
    );
    let mut small = [0u8; 8];
    assert!(f.write_to(scs_flavor::Syntax::V2, &mut small).is_err());
    assert_eq!(f.v2().len(), "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib".len());
}

#[test]
fn hostile_inputs_get_typed_errors() {
    // The outcome under each strategy, in the order v1, v1/v2, v2/v1, v2, v3 (derived by hand:
    // a v2 name fails the v1 syntax at its first `-`, which `v1` reports; the tolerating
    // strategies report the other syntax's error when theirs is only that separator).
    let mib = 1 << 20;
    let all = |kind: &'static str| [kind; 5];
    let v2 = |kind: &'static str| ["expected-ram-separator", kind, kind, kind, kind];
    let cases: Vec<(String, [&str; 5])> = vec![
        (String::new(), all("not-scs")),
        (" ".repeat(mib), all("not-scs")),
        (format!("SCS-{}", "9".repeat(mib)), all("expected-cpu-type")),
        (format!("SCS-{}V-4", "9".repeat(mib)), v2("too-large")),
        (format!("SCS-2V-{}", "1".repeat(mib)), v2("too-large")),
        (
            format!("SCS-2V-4.{}", "0".repeat(mib)),
            ["wrong-syntax", "valid", "valid", "valid", "valid"],
        ),
        (
            format!("SCS-2V-4_GN{}", "x".repeat(mib)),
            v2("gpu-generation"),
        ),
        (
            format!("SCS-2V-4{}", "_kvm".repeat(mib / 4)),
            v2("repeated"),
        ),
        (
            format!("SCS-2V-4_{}", "é".repeat(mib / 2)),
            v2("unexpected"),
        ),
        (
            format!("SCS-2V:4{}", ":".repeat(mib)),
            [
                "unexpected",
                "unexpected",
                "unexpected",
                "expected-ram-separator",
                "expected-ram-separator",
            ],
        ),
        ("SCS-2V-4\0".into(), v2("unexpected")),
        ("SCS-2V-4\u{FFFD}".into(), v2("unexpected")),
        ("SCS-2V-4\n".into(), v2("unexpected")),
        ("SCS-\u{1F600}".into(), all("expected-cpu-type")),
    ];
    for (name, expected) in cases {
        for (&strategy, expected) in Strategy::ALL.iter().zip(expected) {
            let got = match strategy.check(&name) {
                Outcome::Valid(_) => "valid",
                Outcome::NotScs => "not-scs",
                Outcome::Invalid(e) => {
                    assert!(e.end() <= name.len() && name.is_char_boundary(e.start()));
                    assert!(name.is_char_boundary(e.end()));
                    e.kind().code()
                }
            };
            assert_eq!(
                got,
                expected,
                "{strategy} {:?}…",
                &name[..name.len().min(20)]
            );
        }
    }
}

#[test]
fn long_names_render_as_a_window_around_the_error() {
    // 100 × `_kvm` after the CPU/RAM part: the second is repeated, at byte 12.
    let name = format!("SCS-2V-4{}", "_kvm".repeat(100));
    let e = parse(&name).unwrap_err();
    assert_eq!((e.start(), e.end()), (12, 16));
    let shown = e.render(&name).to_string();
    let (line, carets) = shown.split_once('\n').expect("two lines");
    // 12 characters before the span (fewer than 40: no cut there), the span, 40 after.
    assert_eq!(line, format!("SCS-2V-4_kvm{}…", "_kvm".repeat(11)));
    assert_eq!(
        carets,
        "            ^^^^ the hypervisor extension is repeated (expected extensions in the \
         order hypervisor, hwv, CPU brand, GPU, ib, each once)"
    );
    // Far into a 1 MB name: cut on both sides, the carets under the part.
    let name = format!("SCS-2V-4_GN{}", "x".repeat(1 << 20));
    let e = parse(&name).unwrap_err();
    let shown = e.render(&name).to_string();
    assert!(shown.len() < 300, "{}", shown.len());
    let (line, carets) = shown.split_once('\n').expect("two lines");
    assert_eq!(line, format!("SCS-2V-4_GN{}…", "x".repeat(80)));
    assert!(carets.starts_with(&format!(
        "{}{} GPU generation",
        " ".repeat(11),
        "^".repeat(40)
    )));
    // A short name is shown whole.
    let e = parse("SCS-2V-4_i7").unwrap_err();
    assert_eq!(
        e.render("SCS-2V-4_i7").to_string(),
        "SCS-2V-4_i7\n         ^^ CPU generation 7 is not defined for Intel (expected 0-6 or none)"
    );
}
