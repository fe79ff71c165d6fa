//! Arbitrary bytes (as `str` where valid UTF-8) under every strategy: never panics; every
//! valid name's canonical form parses back (v3) to the same flavor, with no "non-canonical"
//! warning, every valid name rebuilds from its properties, and so does its v1 form under `v1` (but for `chy`, which v1 lacks); every span (of an error or of a component) lies
//! inside the input, on character boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use scs_flavor::{Component, Hypervisor, Outcome, Strategy};

fn assert_span(input: &str, start: usize, end: usize, what: &dyn core::fmt::Debug) {
    assert!(
        start <= end && end <= input.len(),
        "span {start}..{end} outside {input:?} ({what:?})"
    );
    assert!(
        input.is_char_boundary(start) && input.is_char_boundary(end),
        "span {start}..{end} not on char boundaries of {input:?} ({what:?})"
    );
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = core::str::from_utf8(data) else {
        return;
    };
    for &strategy in Strategy::ALL {
        match strategy.check(input) {
            Outcome::NotScs => assert!(!input.starts_with("SCS-")),
            Outcome::Invalid(e) => {
                assert_span(input, e.start(), e.end(), &e);
                // Messages and the caret drawing never panic.
                let _ = e.to_string();
                let _ = e.render(input).to_string();
            }
            Outcome::Valid(p) => {
                for &c in Component::ALL {
                    if let Some(s) = p.span(c) {
                        assert_span(input, s.start, s.end, &c);
                    }
                }
                let f = p.flavor();
                // The one validation path: every parsed flavor rebuilds from its properties.
                assert_eq!(scs_flavor::Builder::from(f).build(), Ok(f), "{input:?} ({strategy})");
                let canonical = f.to_string();
                let back = Strategy::V3
                    .parse(&canonical)
                    .unwrap_or_else(|e| panic!("{input:?} ({strategy}) → {canonical:?}: {e}"));
                assert_eq!(back.flavor(), f, "{input:?} ({strategy}) → {canonical:?}");
                assert!(!back.is_tolerated(), "{canonical:?} tolerated");
                assert!(
                    !back.warnings().contains("non-canonical"),
                    "{input:?} ({strategy}): canonical {canonical:?} is not canonical"
                );
                // v1 has no `chy`: a Cloud Hypervisor name has a v1 form that v1 cannot read
                // (the checker writes it all the same).
                if f.hypervisor == Some(Hypervisor::CloudHypervisor) {
                    continue;
                }
                let v1 = f.v1().to_string();
                let back = Strategy::V1
                    .parse(&v1)
                    .unwrap_or_else(|e| panic!("{input:?} ({strategy}) → v1 {v1:?}: {e}"));
                assert_eq!(back.flavor(), f, "{input:?} ({strategy}) → v1 {v1:?}");
                assert!(!back.warnings().contains("non-canonical"), "{v1:?}");
            }
        }
    }
});
