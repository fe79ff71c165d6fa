//! Edges of the hand-written parser (`parse.rs`, issue 14: mutation testing after the rewrite
//! without nom) that neither the reference vectors nor the other tests reach. Each expected
//! value comes from REFERENCE.md (§1 grammar, §2 values, deviation D1's bound), scs-0100 or the
//! documented API, not from the parser's output:
//! - a RAM amount with a fraction whose whole part is beyond the D1 bound (2147483647.5 GiB)
//!   is "too large", however the fraction reads;
//! - a fraction that starts with `5` is a half only when nothing but zeros follows;
//! - after an insecure CPU (`i`), a missing CPU/RAM separator is reported where it should be;
//! - a GPU generation longer than any code of its table is simply not defined for the vendor;
//! - `Spans::default()` holds no component (`Spans::get` is `None` for every one).

use scs_flavor::{Component, ErrorKind, Field, Flavor, GpuVendor, RamSize, Span, Spans, Strategy};

fn error(name: &str) -> scs_flavor::Error {
    Strategy::V3
        .parse(name)
        .map(|p| p.flavor())
        .expect_err(name)
}

/// D1: RAM is held up to 2147483647.5 GiB (`RamSize::MAX`, 2^32 − 1 half GiB); a larger RAM is
/// "too large" whether or not it is written with a fraction, and the error covers the RAM.
#[test]
fn ram_with_a_fraction_beyond_the_bound_is_too_large() {
    let top: Flavor = "SCS-2V-2147483647.5".parse().expect("the largest RAM");
    assert_eq!(top.ram.size, RamSize::MAX);
    for name in [
        "SCS-2V-2147483648.5",
        "SCS-2V-2147483648.0",
        "SCS-2V-3000000000.5",
        "SCS-2V-4294967295.5",
        "SCS-2V-4294967296.5",
    ] {
        let e = error(name);
        assert_eq!(
            e.kind(),
            ErrorKind::TooLarge { field: Field::Ram },
            "{name}"
        );
        assert_eq!((e.start(), e.end()), (7, name.len()), "{name}");
    }
}

/// §2: RAM is a positive multiple of 0.5. `3.50` is 3.5 (§1 accepts it), but a fraction that
/// starts with `5` and goes on with other digits (`3.51`, `0.55`, `3.500001`) is not a half; the
/// error covers the RAM as written.
#[test]
fn a_fraction_is_a_half_only_if_zeros_follow_the_five() {
    for (name, half_gib) in [("SCS-2V-3.50", 7), ("SCS-2V-3.5000", 7), ("SCS-2V-.50", 1)] {
        let f: Flavor = name.parse().unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(f.ram.size.half_gib(), half_gib, "{name}");
    }
    for name in [
        "SCS-2V-3.51",
        "SCS-2V-0.55",
        "SCS-2V-3.500001",
        "SCS-2V-.59",
    ] {
        let e = error(name);
        assert_eq!(e.kind(), ErrorKind::RamNotHalf, "{name}");
        assert_eq!((e.start(), e.end()), (7, name.len()), "{name}");
    }
}

/// §1: CPU/RAM := DIGITS* (`L`|`V`|`T`|`C`) [`i`] DASH RAM. When the separator is missing after
/// the `i`, the error points at the character that stands where the separator should be (the
/// one after the `i`), and names it (`ErrorKind::ExpectedRamSeparator`: `None` at the end).
#[test]
fn a_missing_separator_after_the_insecure_flag() {
    let cases = [
        (Strategy::V3, "SCS-2Vix4", '-', Some('x'), (7, 8)),
        (Strategy::V3, "SCS-16Ci_4", '-', Some('_'), (8, 9)),
        (Strategy::V3, "SCS-2Vi", '-', None, (7, 7)),
        (Strategy::V1, "SCS-2Vix4", ':', Some('x'), (7, 8)),
    ];
    for (strategy, name, separator, found, span) in cases {
        let e = strategy.parse(name).map(|p| p.flavor()).expect_err(name);
        assert_eq!(
            e.kind(),
            ErrorKind::ExpectedRamSeparator { separator, found },
            "{strategy} {name}"
        );
        assert_eq!((e.start(), e.end()), span, "{strategy} {name}");
    }
}

/// §1–§2: GEN is the longest run of characters other than DASH, `h` (and EXT, D2); a run that is
/// no code of the vendor's table, however long, is a GPU generation "not defined" for that
/// vendor, and the error covers the whole run.
#[test]
fn a_long_gpu_generation_is_not_defined() {
    let cases = [
        ("SCS-2V-4_GNabcdefgijk", GpuVendor::Nvidia, (11, 21)),
        ("SCS-2V-4_GNaaaaa", GpuVendor::Nvidia, (11, 16)),
        ("SCS-2V-4_gA0.5.0.5.0.5-8", GpuVendor::Amd, (11, 22)),
        ("SCS-2V-4_GI0.950.950.95_ib", GpuVendor::Intel, (11, 23)),
    ];
    for (name, vendor, span) in cases {
        let e = error(name);
        assert_eq!(e.kind(), ErrorKind::GpuGeneration { vendor }, "{name}");
        assert_eq!((e.start(), e.end()), span, "{name}");
    }
}

/// `Spans`: "`None` where the name has no such component". The default `Spans` records no
/// component at all, not even an empty prefix at 0..0; a parsed name has every component it
/// was read with.
#[test]
fn default_spans_hold_no_component() {
    let none = Spans::default();
    for &component in Component::ALL {
        assert_eq!(none.get(component), None, "{component:?}");
    }
    let p = Strategy::V3.parse("SCS-2V-4").expect("valid");
    assert_eq!(
        p.spans().get(Component::Prefix),
        Some(Span { start: 0, end: 4 })
    );
    assert_eq!(
        p.spans().get(Component::CpuRam),
        Some(Span { start: 4, end: 8 })
    );
}
