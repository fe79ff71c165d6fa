//! The strategies of REFERENCE.md §6 and what a parse result tells, pinned from the reference
//! text and the documented API (tests added where mutation testing found nothing watching).

use std::path::PathBuf;

use scs_flavor::{Component, ErrorKind, Outcome, Strategy, TableValue};

/// Each strategy's row in the strategy table is its own: `VERSION` of `cli.py parse` (§6).
#[test]
fn each_strategy_has_its_own_table_row() {
    let rows = [
        (Strategy::V1, "v1"),
        (Strategy::V1V2, "v1/v2"),
        (Strategy::V2V1, "v2/v1"),
        (Strategy::V2, "v2"),
        (Strategy::V3, "v3"),
    ];
    for (strategy, code) in rows {
        assert_eq!(strategy.entry().code, code);
        assert_eq!(Strategy::from_code(code), Some(strategy));
        assert_eq!(code.parse::<Strategy>().ok(), Some(strategy));
    }
    // `latest` = v3 (§6).
    assert_eq!("latest".parse::<Strategy>().ok(), Some(Strategy::V3));
    assert!(Strategy::V3.entry().aliases.contains(&"latest"));
}

/// `Parsed::spans` and `Parsed::span` give each component's text as `Component`'s docs show it
/// (`SCS-`, `16T-64`, `-3x10s`, `_bms`, `_hwv`, `_i3h`, `_GNa-64`, `_ib`), and nothing for a
/// component the name lacks.
#[test]
fn spans_cover_the_documented_components() {
    let name = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib";
    let Outcome::Valid(p) = Strategy::V3.check(name) else {
        panic!("{name} is the README's valid example");
    };
    let expected = [
        (Component::Prefix, "SCS-"),
        (Component::CpuRam, "16T-64"),
        (Component::Disk, "-3x10s"),
        (Component::Hypervisor, "_bms"),
        (Component::Hwv, "_hwv"),
        (Component::CpuBrand, "_i3h"),
        (Component::Gpu, "_GNa-64"),
        (Component::Ib, "_ib"),
    ];
    for (component, text) in expected {
        for span in [p.spans().get(component), p.span(component)] {
            let span = span.unwrap_or_else(|| panic!("{component:?} missing"));
            assert_eq!(&name[span.start..span.end], text, "{component:?}");
        }
    }
    let name = "SCS-2V-4_ib";
    let Outcome::Valid(p) = Strategy::V3.check(name) else {
        panic!("{name} is valid (REFERENCE.md §1)");
    };
    for component in [
        Component::Disk,
        Component::Hypervisor,
        Component::Hwv,
        Component::CpuBrand,
        Component::Gpu,
    ] {
        assert_eq!(p.spans().get(component), None, "{component:?}");
    }
    let ib = p.spans().get(Component::Ib).expect("ib");
    assert_eq!(&name[ib.start..ib.end], "_ib");
}

/// A tolerant strategy reports the error of the syntax that read further into the name: when
/// the main syntax stops at the CPU/RAM separator (`:` against `-`), the tolerated syntax's
/// error; otherwise the main syntax's own.
#[test]
fn tolerant_strategies_report_the_error_of_the_syntax_that_read_further() {
    let invalid = |strategy: Strategy, name: &str| match strategy.check(name) {
        Outcome::Invalid(e) => e,
        other => panic!("{strategy} {name}: {other:?}"),
    };
    // v2/v1 on a v1 name with RAM 3.25 (§2: not a multiple of 0.5): the v1 reading got to the
    // RAM, the v2 reading stopped at `:`.
    let e = invalid(Strategy::V2V1, "SCS-2V:3.25");
    assert!(matches!(e.kind(), ErrorKind::RamNotHalf), "{e:?}");
    assert_eq!((e.start(), e.end()), (7, 11));
    // The strict v2 reading of the same name stops at the separator.
    let e = invalid(Strategy::V2, "SCS-2V:3.25");
    assert!(
        matches!(e.kind(), ErrorKind::ExpectedRamSeparator { .. }),
        "{e:?}"
    );
    assert_eq!(e.start(), 6);
    // v1/v2 on a v2 name with Intel generation 7 (§2: 0–6): the v2 reading's error.
    let e = invalid(Strategy::V1V2, "SCS-2V-4_i7");
    assert!(matches!(e.kind(), ErrorKind::CpuGeneration { .. }), "{e:?}");
    // v2/v1 on the same name: the main (v2) reading's error, not v1's stop at `-`.
    let e = invalid(Strategy::V2V1, "SCS-2V-4_i7");
    assert!(matches!(e.kind(), ErrorKind::CpuGeneration { .. }), "{e:?}");
    // Neither syntax gets past a missing CPU type.
    for strategy in Strategy::ALL {
        let e = invalid(*strategy, "SCS-2x-4");
        assert!(
            matches!(e.kind(), ErrorKind::ExpectedCpuType { .. }),
            "{strategy}: {e:?}"
        );
        assert_eq!(e.start(), 5);
    }
}

/// The v1 and v2 syntaxes differ only in their separators (REFERENCE.md §1), so on a name
/// that neither reads, their errors are the same unless one of them stops at the CPU/RAM
/// separator. (Hence which of two such errors "got further" never needs deciding: the
/// comparison in `Strategy::fallback` is skipped by mutation testing as equivalent.)
#[test]
fn the_syntaxes_part_ways_only_at_the_cpu_ram_separator() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/vectors/reference-labels.jsonl");
    let text = std::fs::read_to_string(&path).expect("../shared/vectors beside the checkout");
    let mut both_invalid = 0;
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("jsonl");
        let name = v["name"].as_str().expect("name");
        // `v1` and `v2` report their own syntax's error where the other syntax fails too.
        let (Outcome::Invalid(v1), Outcome::Invalid(v2)) =
            (Strategy::V1.check(name), Strategy::V2.check(name))
        else {
            continue;
        };
        if matches!(v1.kind(), ErrorKind::WrongSyntax { .. })
            || matches!(v2.kind(), ErrorKind::WrongSyntax { .. })
        {
            continue;
        }
        both_invalid += 1;
        let at_separator =
            |e: scs_flavor::Error| matches!(e.kind(), ErrorKind::ExpectedRamSeparator { .. });
        assert!(
            at_separator(v1) || at_separator(v2) || v1 == v2,
            "{name}: v1 {v1:?}, v2 {v2:?}"
        );
    }
    assert!(both_invalid > 100, "{both_invalid}");
}

/// The descriptions say what the name's letters mean (scs-0100 v3): `_hwv` nested
/// virtualisation, a GPU's `h` high frequency (`hh` very high), and no frequency where the name
/// has no `h`.
#[test]
fn descriptions_follow_the_letters() {
    let describe = |name: &str| {
        name.parse::<scs_flavor::Flavor>()
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .describe()
            .to_string()
    };
    assert!(describe("SCS-2V-4_hwv").contains("nested virtualisation"));
    let plain = describe("SCS-2V-4_GNa-64");
    assert!(!plain.contains("high-frequency"), "{plain}");
    let high = describe("SCS-2V-4_GNa-64h");
    assert!(
        high.contains("high-frequency") && !high.contains("very high"),
        "{high}"
    );
    let higher = describe("SCS-2V-4_GNa-64hh");
    assert!(higher.contains("very high-frequency"), "{higher}");
    // Without units and `h` the GPU has nothing more to say than vendor, generation, kind.
    let bare = describe("SCS-2V-4_GNa");
    assert!(!bare.contains(" with "), "{bare}");
    // VRAM bandwidth likewise.
    let plain = describe("SCS-2V-4_GNa-64-24");
    assert!(!plain.contains("high-bandwidth"), "{plain}");
    let high = describe("SCS-2V-4_GNa-64-24h");
    assert!(
        high.contains("high-bandwidth") && !high.contains("very high"),
        "{high}"
    );
    let higher = describe("SCS-2V-4_GNa-64-24hh");
    assert!(higher.contains("very high-bandwidth"), "{higher}");
    let bare_h = describe("SCS-2V-4_GNah");
    assert!(bare_h.contains("high-frequency"), "{bare_h}");
}

/// After an unknown extension the error lists only what may still follow (REFERENCE.md §1:
/// each component at most once, in a fixed order).
#[test]
fn unknown_extensions_offer_only_later_components() {
    let message = |name: &str| name.parse::<scs_flavor::Flavor>().unwrap_err().to_string();
    let after_hypervisor = message("SCS-2V-4_kvm_bogus");
    assert!(after_hypervisor.contains("`_hwv`"), "{after_hypervisor}");
    for h in ["`_kvm`", "`_xen`", "`_bms`"] {
        assert!(!after_hypervisor.contains(h), "{after_hypervisor}");
    }
    let after_hwv = message("SCS-2V-4_hwv_bogus");
    assert!(!after_hwv.contains("`_hwv`"), "{after_hwv}");
    assert!(after_hwv.contains("`_ib`"), "{after_hwv}");
}

/// The builder refuses what a name cannot say: a GPU unit frequency above `hh`
/// (REFERENCE.md §2), a negative RAM.
#[test]
fn the_builder_refuses_what_a_name_cannot_say() {
    use scs_flavor::{Builder, CpuType, GpuKind, GpuSpec, GpuVendor};
    let gpu = |unit_frequency| GpuSpec {
        kind: GpuKind::PassThrough,
        vendor: GpuVendor::Nvidia,
        generation: None,
        units: Some(64),
        unit_frequency,
        vram: None,
        vram_bandwidth: 0,
    };
    let mut b = Builder::new(2, CpuType::SharedCore, 4.0);
    b.gpu = Some(gpu(2));
    assert_eq!(
        b.build().map(|f| f.to_string()).ok().as_deref(),
        Some("SCS-2V-4_GN-64hh")
    );
    // The error names the field, as `ram_gib: …` in the `Builder` docs.
    b.gpu = Some(gpu(3));
    let e = b.build().unwrap_err().to_string();
    assert!(e.starts_with("gpu.unit_frequency: "), "{e}");
    let e = Builder::new(2, CpuType::SharedCore, -1.0)
        .build()
        .unwrap_err();
    assert!(!matches!(e.kind(), ErrorKind::RamNotHalf), "{e:?}");
}

/// An error's `Debug` shows the offending text as a string.
#[test]
fn error_debug_shows_the_offending_text() {
    let e = "SCS-2V-4_bogus".parse::<scs_flavor::Flavor>().unwrap_err();
    let debug = format!("{:?}", e.kind());
    assert!(debug.contains("\"_bogus\""), "{debug}");
}

/// A short name in the v1 syntax (REFERENCE.md §3–§4: shorten, then `-` → `:`, `_` → `-`).
#[test]
fn a_short_name_in_v1_syntax() {
    let f: scs_flavor::Flavor = "SCS-16T-64-3x10s_bms_hwv_i3h_GNa-64_ib"
        .parse()
        .expect("valid");
    assert_eq!(f.short().v1().to_string(), "SCS-16T:64:3x10s-GNa:64-ib");
    // `Name::v1` turns a name already written (v2) into the v1 syntax.
    assert_eq!(
        f.short().v2().v1().to_string(),
        "SCS-16T:64:3x10s-GNa:64-ib"
    );
    assert_eq!(
        f.v2().v1().to_string(),
        "SCS-16T:64:3x10s-bms-hwv-i3h-GNa:64-ib"
    );
}
