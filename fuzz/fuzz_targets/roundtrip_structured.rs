//! An arbitrary `Builder` is either refused by `build()` or renders to a name that parses back
//! (v3) to the same flavor; its v1 form parses under `v1` to the same flavor (but for `chy`, which v1 lacks); its short name
//! parses to the shortened flavor.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scs_flavor::{Builder, Hypervisor, Strategy};

fuzz_target!(|builder: Builder| {
    let Ok(f) = builder.build() else {
        return;
    };
    // Every flavor rebuilds from its own properties.
    assert_eq!(Builder::from(f).build(), Ok(f), "{builder:?}");
    let name = f.to_string();
    let back = Strategy::V3
        .parse(&name)
        .unwrap_or_else(|e| panic!("{builder:?} → {name:?}: {e}"));
    assert_eq!(back.flavor(), f, "{builder:?} → {name:?}");
    assert!(!back.warnings().contains("non-canonical"), "{name:?}");

    let mut buf = [0u8; scs_flavor::MAX_NAME_LEN];
    let written = f
        .write_to(scs_flavor::Syntax::V2, &mut buf)
        .expect("MAX_NAME_LEN suffices");
    assert_eq!(written, name);

    // v1 has no `chy`: the v1 form of a Cloud Hypervisor name is not a v1 name.
    let v1 = f.v1().to_string();
    match Strategy::V1.parse(&v1) {
        Ok(back) => assert_eq!(back.flavor(), f, "{builder:?} → v1 {v1:?}"),
        Err(e) => assert!(
            f.hypervisor == Some(Hypervisor::CloudHypervisor),
            "{builder:?} → v1 {v1:?}: {e}"
        ),
    }

    let short = f.short().to_string();
    let back = Strategy::V3
        .parse(&short)
        .unwrap_or_else(|e| panic!("{builder:?} → short {short:?}: {e}"));
    assert_eq!(
        back.flavor(),
        f.short(),
        "{builder:?} → short {short:?}"
    );
});
