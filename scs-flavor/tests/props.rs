//! Property tests: generated names round-trip, parsing never panics, v1 ↔ v2 round-trip.

use proptest::prelude::*;
use proptest::strategy::Strategy as _;
use scs_flavor::{
    parse, Builder, CpuBrandSpec, CpuType, CpuVendor, DiskSpec, DiskType, GpuKind, GpuSpec,
    GpuVendor, Hypervisor, Outcome, Strategy,
};

fn count() -> impl proptest::strategy::Strategy<Value = u32> {
    prop_oneof![1u32..=128, 1u32..=u32::MAX]
}

fn gpu() -> impl proptest::strategy::Strategy<Value = GpuSpec> {
    (
        prop::sample::select(GpuKind::ALL),
        prop::sample::select(GpuVendor::ALL),
        any::<prop::sample::Index>(),
        any::<bool>(),
        prop::option::of(count()),
        0u32..=2,
        prop::option::of(count()),
        0u32..=2,
    )
        .prop_map(|(kind, vendor, gen, has_gen, units, uf, vram, bw)| {
            let gens = vendor.generations();
            GpuSpec {
                kind,
                vendor,
                generation: has_gen.then(|| {
                    vendor
                        .generation(gens[gen.index(gens.len())].code)
                        .expect("row")
                }),
                units,
                unit_frequency: if units.is_some() { uf } else { 0 },
                vram: if units.is_some() { vram } else { None },
                vram_bandwidth: if units.is_some() && vram.is_some() {
                    bw
                } else {
                    0
                },
            }
        })
}

fn builder() -> impl proptest::strategy::Strategy<Value = Builder> {
    let cpu = (count(), prop::sample::select(CpuType::ALL), any::<bool>());
    let ram = (1u32..=u32::MAX, any::<bool>(), any::<bool>());
    let disk = prop::option::of((
        count(),
        prop::option::of(count()),
        prop::option::of(prop::sample::select(DiskType::ALL)),
    ));
    let brand = prop::option::of((prop::sample::select(CpuVendor::ALL), 0u32..=6, 0u32..=3));
    let ext = (
        prop::option::of(prop::sample::select(Hypervisor::ALL)),
        any::<bool>(),
        brand,
        prop::option::of(gpu()),
        any::<bool>(),
    );
    (cpu, ram, disk, ext).prop_map(
        |((cpus, kind, insecure), (half, u, o), disk, (hyp, hwv, brand, gpu, ib))| Builder {
            cpus,
            cpu_type: kind,
            cpu_insecure: insecure,
            ram_gib: f64::from(half) / 2.0,
            ram_no_ecc: u,
            ram_oversubscribed: o,
            disk: disk.map(|(count, size, kind)| DiskSpec { count, size, kind }),
            hypervisor: hyp,
            hwv,
            cpu_brand: brand.map(|(vendor, generation, frequency)| CpuBrandSpec {
                vendor,
                generation: generation.min(u32::from(vendor.max_generation())),
                frequency,
            }),
            gpu,
            ib,
        },
    )
}

/// Strings made of the name alphabet, so that the parser gets deep.
fn name_like() -> impl proptest::strategy::Strategy<Value = String> {
    prop::string::string_regex("SCS-[0-9LVTCiuoxnhsp_:.kvmbwzargGNAIl-]{0,40}").expect("regex")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn built_names_parse_back(b in builder()) {
        let f = b.build().expect("the generator makes only valid builders");
        let name = f.to_string();
        let p = Strategy::V3.parse(&name).map_err(|e| TestCaseError::fail(format!("{name}: {e}")))?;
        prop_assert_eq!(p.flavor(), f);
        prop_assert!(!p.warnings().contains("non-canonical"), "{}", name);
        // v1 form under v1, and the string conversions both ways.
        let v1 = f.v1().to_string();
        let p1 = Strategy::V1.parse(&v1);
        if f.hypervisor == Some(Hypervisor::CloudHypervisor) {
            // `chy` does not exist in v1.
            prop_assert!(p1.is_err());
        } else {
            prop_assert_eq!(p1.map(|p| p.flavor()), Ok(f));
        }
        prop_assert_eq!(scs_flavor::v2_to_v1(&name).to_string(), v1.clone());
        prop_assert_eq!(scs_flavor::v1_to_v2(&v1).to_string(), name);
        // The short name parses, and shortening is idempotent.
        let short = parse(&f.short().to_string()).expect("short names parse");
        prop_assert_eq!(short, f.short());
        prop_assert_eq!(short.short(), short);
        // The spec is bounded.
        if let Ok(spec) = f.spec() {
            prop_assert!(spec.len() <= 3 + 1 + 64 + 4);
        }
    }

    #[test]
    fn parsing_never_panics(s in any::<String>()) {
        for &strategy in Strategy::ALL {
            check(strategy, &s)?;
        }
    }

    #[test]
    fn parsing_name_like_strings_never_panics(s in name_like()) {
        for &strategy in Strategy::ALL {
            check(strategy, &s)?;
        }
    }
}

fn check(strategy: Strategy, s: &str) -> Result<(), TestCaseError> {
    match strategy.check(s) {
        Outcome::Invalid(e) => {
            prop_assert!(e.start() <= e.end() && e.end() <= s.len());
            prop_assert!(s.is_char_boundary(e.start()) && s.is_char_boundary(e.end()));
            let _ = e.render(s).to_string();
        }
        Outcome::Valid(p) => {
            let f = p.flavor();
            prop_assert_eq!(parse(&f.to_string()), Ok(f));
            let _ = (
                f.describe().to_string(),
                p.explain().count(),
                p.warnings().count(),
            );
        }
        Outcome::NotScs => prop_assert!(!s.starts_with("SCS-")),
    }
    Ok(())
}
